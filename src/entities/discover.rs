//! Discovery: names the gazetteer lacks, found in the text itself.
//!
//! Each finder reads one article (display text for capitalisation, folded text for everything
//! else — same length, so positions agree) and proposes [`Candidate`]s: one or more spellings that
//! name the same thing, a kind, and how strong the evidence is. Finders: glosses that pair two
//! forms (汪滔(Alexandr Wang), Hyperion(海伯利昂), Safe Superintelligence(SSI)) in [`gloss`];
//! Latin-script names and organisation cues in [`latin`]; here, ·-joined transliterations
//! (伊利亞·蘇茨克維爾, whose surname 蘇茨克維爾 then counts within the same article), names after
//! a title (首席研究官陳信翰 — jieba's person tags are a hint only, confirmed by title and surname),
//! media outlets (《金融時報》, 路透社 before a verb of reporting); and in [`abbreviated`], an
//! organisation's short forms in the article that names it in full (中華民國拳擊協會 → 中華拳協);
//! in [`model`], product models named by letters and digits (華為Mate 60 Pro).
//! Nothing here names a particular article's actors; the word lists are data in
//! `assets/entity_lexicon.toml`.

mod abbreviated;
mod english;
mod gloss;
mod latin;
mod model;
mod recurring;
mod words;

use super::gazetteer::Lexicon;
use super::word_list::WordList;
use super::EntityKind;
use crate::text::words::Segmenter;
use crate::text::{fold_str, ArticleText};
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// Spellings the text says name one thing.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Candidate {
    /// Full spellings, display form.
    pub names: Vec<String>,
    /// Surname-only spellings: valid only in an article that also names it in full.
    pub scoped: Vec<String>,
    pub kind: EntityKind,
    /// 3 a gloss, 2 a cue or a ·-name, 1 a shape alone.
    pub strength: u8,
}

pub use crate::text::is_han;

/// Middle dots that join the parts of a transliterated name.
pub fn is_dot(c: char) -> bool {
    matches!(c, '·' | '・' | '‧' | '•' | '･' | '∙' | '⋅')
}

/// One article as discovery reads it.
pub(crate) struct Doc {
    pub disp: Vec<char>,
    pub fold: Vec<char>,
}

impl Doc {
    fn new(t: &ArticleText) -> Doc {
        let disp: Vec<char> = t.display.chars().collect();
        let mut fold: Vec<char> = t.folded().chars().collect();
        // Texts from the text stage always agree; guard anyway so a bad input cannot panic here.
        if fold.len() != disp.len() {
            fold = disp
                .iter()
                .map(|c| fold_str(&c.to_string()).chars().next().unwrap_or(*c))
                .collect();
        }
        Doc { disp, fold }
    }
    pub fn text(&self, a: usize, b: usize) -> String {
        self.disp[a..b].iter().collect()
    }
    pub fn folded(&self, a: usize, b: usize) -> String {
        self.fold[a..b].iter().collect()
    }
    pub fn len(&self) -> usize {
        self.disp.len()
    }
    /// Does the folded text at `at` start with `word` (folded)?
    pub fn starts_with(&self, at: usize, word: &str) -> bool {
        let n = word.chars().count();
        at + n <= self.fold.len() && self.fold[at..at + n].iter().copied().eq(word.chars())
    }
    /// Does the folded text ending at `end` end with `word`?
    pub fn ends_with(&self, end: usize, word: &str) -> bool {
        let n = word.chars().count();
        n <= end && self.starts_with(end - n, word)
    }
}

/// Context shared by the finders.
pub(crate) struct Ctx<'a> {
    pub lex: &'a Lexicon,
    pub known: rustc_hash::FxHashSet<String>,
    /// The words after which a name may stand (titles and `name_before`).
    pub before_name: WordList,
}

impl Ctx<'_> {
    /// Does a title or a word after which names stand end at `at`?
    pub fn name_may_follow(&self, doc: &Doc, at: usize) -> bool {
        self.before_name.any_ends_at(&doc.fold, at)
    }
    pub fn is_known(&self, s: &str) -> bool {
        self.known.contains(&fold_str(s))
    }
    pub fn translit(&self, c: char) -> bool {
        self.lex.translit.contains(&c)
    }
    pub fn surname(&self, c: char) -> bool {
        self.lex.any_surname.contains(&c)
    }
    /// A surname that is also a common char of ordinary words (文, 卓, 連).
    pub fn rare_surname(&self, c: char) -> bool {
        self.lex.rare_surnames.contains(&c)
    }
}

/// jieba with the gazetteer's Chinese names (two Han chars or more) laid over it as words, so
/// they are never taken for new person names.
fn segmenter(known: &[String]) -> Segmenter {
    Segmenter::new(
        known
            .iter()
            .filter(|w| w.chars().count() >= 2 && w.chars().all(is_han))
            .map(String::as_str),
    )
}

/// Candidates from every article. `known` holds the gazetteer's folded spellings.
pub fn discover(texts: &[&ArticleText], lex: &Lexicon, known: &[String]) -> Vec<Candidate> {
    discover_cached(texts, lex, known, &mut Found::default())
}

/// What the finders proposed in one article, the Chinese names seen there, and the spellings seen
/// right before a verb of acting.
type Reading = (Vec<Candidate>, Vec<words::Sighting>, Vec<recurring::Cued>);

/// Articles read at a time when no reading is kept.
const READ_BATCH: usize = 2048;

/// What discovery found in each article, by the article's text, for the names known when it ran:
/// a story that gains one article reads that one alone.
/// The default keeps nothing (one analysis, no memory spent on a next one); [`Found::kept`] keeps.
#[derive(Default)]
pub struct Found {
    keep: bool,
    known: u64,
    by_text: HashMap<u64, Arc<Reading>>,
}

impl Found {
    /// A store that keeps each run's readings for the next run.
    pub fn kept() -> Found {
        Found {
            keep: true,
            ..Found::default()
        }
    }
}

fn hash_of<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// As [`discover`], reading only the articles `found` does not hold already, and keeping what it
/// read there (for these articles only) for the next time.
pub fn discover_cached(
    texts: &[&ArticleText],
    lex: &Lexicon,
    known: &[String],
    found: &mut Found,
) -> Vec<Candidate> {
    discover_in_batches(texts, lex, known, found, READ_BATCH)
}

/// [`discover_cached`], reading `batch` articles at a time when it keeps nothing.
fn discover_in_batches(
    texts: &[&ArticleText],
    lex: &Lexicon,
    known: &[String],
    found: &mut Found,
    batch: usize,
) -> Vec<Candidate> {
    let before_name = WordList::new(
        lex.name_before
            .iter()
            .chain(&lex.person_titles)
            .cloned()
            .collect(),
    );
    let ctx = Ctx {
        lex,
        known: known.iter().cloned().collect(),
        before_name,
    };
    let known_key = {
        let mut sorted: Vec<&String> = known.iter().collect();
        sorted.sort();
        hash_of(&sorted)
    };
    if found.known != known_key {
        found.by_text.clear();
        found.known = known_key;
    }
    let keys: Vec<u64> = texts.iter().map(|t| hash_of(&t.display.as_str())).collect();
    let missing: Vec<usize> = (0..texts.len())
        .filter(|&i| !found.by_text.contains_key(&keys[i]))
        .collect();
    let jieba = segmenter(known);
    let mut sightings = words::Sightings::default();
    let mut cued = recurring::Tally::default();
    let mut out = Distinct::default();
    if !found.keep {
        // Nothing was kept, so every article is read now, in order, a batch at a time: the
        // readings are summed as they come, never all held.
        for batch in missing.chunks(batch) {
            let read = crate::parallel::par_map(batch, |&i| read_article(texts[i], &ctx, &jieba));
            for (candidates, seen, before_verbs) in read {
                out.extend(candidates);
                sightings.add(seen);
                cued.add(&before_verbs);
            }
        }
    } else {
        let read: Vec<Reading> =
            crate::parallel::par_map(&missing, |&i| read_article(texts[i], &ctx, &jieba));
        let mut fresh: HashMap<u64, Arc<Reading>> = HashMap::with_capacity(texts.len());
        for (&i, r) in missing.iter().zip(read) {
            fresh.insert(keys[i], Arc::new(r));
        }
        for k in &keys {
            if !fresh.contains_key(k) {
                if let Some(r) = found.by_text.get(k) {
                    fresh.insert(*k, r.clone());
                }
            }
        }
        for k in &keys {
            let (candidates, seen, before_verbs) = &*fresh[k];
            out.extend(candidates.iter().cloned());
            sightings.add(seen.iter().cloned());
            cued.add(before_verbs);
        }
        found.by_text = fresh;
    }
    let mut out = out.list;
    out.extend(sightings.names());
    out.extend(cued.names(&ctx, &jieba));
    out.into_iter().filter_map(|c| clean(c, lex)).collect()
}

/// The candidates found so far, each once, in the order first found. Most of a large archive's
/// are the same few names found again in every article, and joining a candidate a second time
/// changes nothing: held once, they do not grow with the archive.
#[derive(Default)]
struct Distinct {
    list: Vec<Candidate>,
    /// Indices into `list` by the hash of what they hold.
    by_hash: HashMap<u64, Vec<usize>>,
}

impl Distinct {
    fn extend(&mut self, found: impl IntoIterator<Item = Candidate>) {
        for c in found {
            let same = self.by_hash.entry(hash_of(&c)).or_default();
            if same.iter().all(|&i| self.list[i] != c) {
                same.push(self.list.len());
                self.list.push(c);
            }
        }
    }
}

/// Every finder over one article.
fn read_article(t: &ArticleText, ctx: &Ctx, jieba: &Segmenter) -> Reading {
    let doc = Doc::new(t);
    let toks = words::cut(&doc, ctx, jieba);
    let mut out = Vec::new();
    out.extend(gloss::find(&doc, ctx, jieba));
    out.extend(dotted(&doc, ctx));
    if t.script == crate::text::Script::En {
        out.extend(english::find(&doc, ctx, None));
    } else {
        out.extend(latin::find(&doc, ctx));
        out.extend(model::find(&doc, ctx));
        // A statement or abstract quoted in English is read as English.
        let english = crate::text::english_paragraphs(t);
        if !english.is_empty() {
            out.extend(english::find(&doc, ctx, Some(&english)));
        }
    }
    out.extend(titled(&doc, ctx, jieba));
    out.extend(words::suffixed(&doc, ctx, &toks));
    out.extend(words::institutions(&doc, ctx, &toks));
    out.extend(words::by_surname(&doc, ctx));
    out.extend(listed(&doc, ctx, jieba));
    out.extend(media(&doc, ctx, jieba));
    abbreviated::add(&doc, jieba, &mut out);
    (
        out,
        words::sightings(&doc, ctx, &toks),
        recurring::sightings(&doc, ctx),
    )
}

/// Drop spellings that are not names; drop the candidate if none is left.
fn clean(mut c: Candidate, lex: &Lexicon) -> Option<Candidate> {
    let ok = |s: &String| {
        let t = s.trim();
        t.chars().count() >= 2 && !lex.is_not_name(t) && t.chars().any(|c| c.is_alphabetic())
    };
    c.names.retain(ok);
    c.scoped.retain(ok);
    let mut seen = HashSet::new();
    c.names.retain(|n| seen.insert(fold_str(n)));
    (!c.names.is_empty()).then_some(c)
}

/// `[start, end)` of the ·-joined name around the dot at `dot`, if it is one.
pub(crate) fn dotted_at(doc: &Doc, ctx: &Ctx, dot: usize) -> Option<(usize, usize)> {
    let n = doc.len();
    if dot == 0
        || dot + 1 >= n
        || !is_dot(doc.disp[dot])
        || !is_han(doc.fold[dot - 1])
        || !is_han(doc.fold[dot + 1])
    {
        return None;
    }
    let mut l = dot;
    while l > 0 && dot - l < 5 && ctx.translit(doc.fold[l - 1]) {
        l -= 1;
    }
    if l == dot {
        return None;
    }
    let mut r = dot + 1;
    while r < n && r - dot <= 7 {
        if ctx.translit(doc.fold[r]) {
            r += 1;
        } else if is_dot(doc.disp[r]) && r + 1 < n && ctx.translit(doc.fold[r + 1]) {
            r += 2;
        } else {
            break;
        }
    }
    if r == dot + 1 {
        // A Chinese surname after a transliterated given name: 馬克·陳.
        if ctx.surname(doc.fold[dot + 1]) {
            r = dot + 2;
        } else {
            return None;
        }
    }
    Some((l, r))
}

/// Surname part of a ·-name: after its last dot.
pub(crate) fn surname_of(name: &str) -> Option<String> {
    let last = name.rsplit(is_dot).next()?;
    (last.chars().count() >= 2 && last != name).then(|| last.to_string())
}

fn dotted(doc: &Doc, ctx: &Ctx) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut last_end = 0;
    for i in 1..doc.len() {
        if i < last_end {
            continue;
        }
        if let Some((a, b)) = dotted_at(doc, ctx, i) {
            last_end = b;
            let name = doc.text(a, b);
            let scoped = surname_of(&name).into_iter().collect();
            out.push(Candidate {
                names: vec![name],
                scoped,
                kind: EntityKind::Person,
                strength: 2,
            });
        }
    }
    out
}

const PERSON_TAGS: [&str; 3] = ["nr", "nrt", "nrfg"];

/// A person's name right after a title: 首席研究官陈信翰, 總統特朗普.
fn titled(doc: &Doc, ctx: &Ctx, jieba: &Segmenter) -> Vec<Candidate> {
    let mut out = Vec::new();
    let n = doc.len();
    for i in 0..n {
        let Some((_, title_len)) = ctx.lex.person_titles.starting_at(&doc.fold, i).next() else {
            continue;
        };
        let s = i + title_len;
        if s >= n || !is_han(doc.fold[s]) || (s + 1 < n && is_dot(doc.disp[s + 1])) {
            continue;
        }
        let mut e = s;
        while e < n && e - s < 8 && is_han(doc.fold[e]) {
            e += 1;
        }
        if e < n && is_dot(doc.disp[e]) {
            continue; // a ·-name: the dotted finder has it whole
        }
        let run = doc.folded(s, e);
        let tags = jieba.tag(&run, true);
        let Some(first) = tags.first() else { continue };
        let len = first.word.chars().count();
        if !PERSON_TAGS.contains(&first.tag) || !(2..=4).contains(&len) {
            // jieba cuts many real names apart (魏|哲家, 柯文|哲): a surname whose name the
            // article repeats is a name all the same, unless its start is a name already known
            // (汪滔|加入).
            let cut_apart = !ctx.is_known(first.word);
            if let Some(len) = repeated_name(doc, ctx, jieba, s, e).filter(|_| cut_apart) {
                out.push(Candidate {
                    names: vec![doc.text(s, s + len)],
                    scoped: Vec::new(),
                    kind: EntityKind::Person,
                    strength: 1,
                });
            }
            continue;
        }
        let chars: Vec<char> = first.word.chars().collect();
        let mut len = len;
        let foreign = chars.iter().all(|&c| ctx.translit(c));
        if foreign {
            // jieba may cut a transliteration short (朱克|伯格): the name runs over all of it.
            while s + len < e && len < 7 && ctx.translit(doc.fold[s + len]) {
                len += 1;
            }
        }
        // jieba's guess may run into the next word (好手孫振|在): a name ends before 在, 說 …
        if !foreign && len == 3 && ctx.lex.name_stops.contains(&chars[2]) {
            len = 2;
        }
        let chinese = len <= 3
            && ctx.surname(chars[0])
            && (len == 3 || !ctx.rare_surname(chars[0]))
            && !foreign;
        if !(chinese || (foreign && len >= 3))
            || ctx
                .lex
                .person_titles
                .iter()
                .any(|t| first.word.starts_with(t.as_str()))
        {
            continue;
        }
        out.push(Candidate {
            names: vec![doc.text(s, s + len)],
            scoped: Vec::new(),
            kind: EntityKind::Person,
            strength: 1,
        });
    }
    out
}

/// How often `word` (folded) occurs in the article.
pub(crate) fn occurrences(doc: &Doc, word: &[char]) -> usize {
    if word.is_empty() || word.len() > doc.fold.len() {
        return 0;
    }
    // Comparing the first char before the whole word keeps a call to compare slices off nearly
    // every position.
    doc.fold
        .windows(word.len())
        .filter(|w| w[0] == word[0] && *w == word)
        .count()
}

/// The length of a Chinese name (surname and one or two chars) starting at `s`, within the Han run
/// ending at `e`, that the article names at least twice and that is no word of jieba's dictionary:
/// the longer form when it recurs, else the shorter one.
fn repeated_name(doc: &Doc, ctx: &Ctx, jieba: &Segmenter, s: usize, e: usize) -> Option<usize> {
    if !ctx.surname(doc.fold[s]) {
        return None;
    }
    [3, 2].into_iter().find(|&len| {
        s + len <= e && {
            let word = &doc.fold[s..s + len];
            let text: String = word.iter().collect();
            !jieba.has_word(&text) && !ctx.lex.is_not_name(&text) && occurrences(doc, word) >= 2
        }
    })
}

/// A stock code in brackets (`2330`, `01810.HK`, `600519.SH`, `NASDAQ:AAPL`)?
fn stock_code(inner: &str) -> bool {
    let t = inner.trim();
    let (market, code) = match t.split_once([':', '：']) {
        Some((m, c)) => (Some(m), c),
        None => (None, t),
    };
    let (digits, exchange) = match code.split_once('.') {
        Some((d, x)) => (d, Some(x)),
        None => (code, None),
    };
    let numeric = (4..=6).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
    let ticker = market.is_some_and(|m| m.bytes().all(|b| b.is_ascii_uppercase()))
        && (1..=5).contains(&digits.len())
        && digits
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    (numeric || ticker)
        && exchange
            .is_none_or(|x| (1..=3).contains(&x.len()) && x.bytes().all(|b| b.is_ascii_uppercase()))
}

/// Listed companies named with their stock code: 台積電(2330), 小米集團（01810.HK）. The name is
/// the last few chars before the bracket that jieba does not take for a word of its own (晶圓代工
/// 龍頭|台積電).
fn listed(doc: &Doc, ctx: &Ctx, jieba: &Segmenter) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    let n = doc.len();
    for i in 1..n {
        if !matches!(doc.disp[i], '(' | '（') || !is_han(doc.fold[i - 1]) {
            continue;
        }
        let Some(close) = doc.disp[i + 1..n.min(i + 16)]
            .iter()
            .position(|&c| matches!(c, ')' | '）'))
        else {
            continue;
        };
        // 去(2024)年 and 今(113)年 gloss a year, not a listing.
        let year_gloss = doc.fold.get(i + 2 + close) == Some(&'年');
        if year_gloss || !stock_code(&doc.text(i + 1, i + 1 + close)) {
            continue;
        }
        let mut s = i;
        while s > 0 && i - s < 12 && is_han(doc.fold[s - 1]) {
            s -= 1;
        }
        let run = doc.folded(s, i);
        let tags = jieba.tag(&run, true);
        let mut start = i;
        for t in tags.iter().rev() {
            let len = t.word.chars().count();
            let taken = i - start;
            if taken + len > 4 || (taken > 0 && len >= 2 && jieba.has_word(t.word)) {
                break;
            }
            start -= len;
        }
        if start == i {
            start = i - tags.last().map_or(0, |t| t.word.chars().count()).min(i - s);
        }
        if i - start < 2 {
            continue;
        }
        let name = doc.text(start, i);
        if ctx.is_known(&name) || out.iter().any(|c| c.names[0] == name) {
            continue;
        }
        out.push(Candidate {
            names: vec![name],
            scoped: Vec::new(),
            kind: EntityKind::Organization,
            strength: 2,
        });
    }
    out
}

/// Media outlets: 《…報》 and …社 before a verb of reporting.
fn media(doc: &Doc, ctx: &Ctx, jieba: &Segmenter) -> Vec<Candidate> {
    let mut out = Vec::new();
    let n = doc.len();
    let lex = ctx.lex;
    for i in 0..n {
        if doc.disp[i] == '《' {
            let Some(len) = doc.disp[i + 1..n.min(i + 16)]
                .iter()
                .position(|&c| c == '》')
            else {
                continue;
            };
            let (a, b) = (i + 1, i + 1 + len);
            if len >= 2 && lex.media_suffix_zh.any_ends_at(&doc.fold, b) {
                out.push(Candidate {
                    names: vec![doc.text(a, b)],
                    scoped: Vec::new(),
                    kind: EntityKind::Media,
                    strength: 2,
                });
            }
        } else if doc.fold[i] == '社' && i >= 2 {
            // Skip a date between the outlet and the verb: 路透社1日報道.
            let mut j = i + 1;
            while j < n
                && j - i < 6
                && (doc.fold[j].is_ascii_digit() || matches!(doc.fold[j], '日' | '月' | '号'))
            {
                j += 1;
            }
            if !lex.report_verbs.any_starts_at(&doc.fold, j) {
                continue;
            }
            let a = i.saturating_sub(6);
            let run = doc.folded(a, i + 1);
            let tags = jieba.tag(&run, true);
            let Some(last) = tags.last() else { continue };
            let len = last.word.chars().count();
            if len >= 3 && last.word.chars().all(is_han) {
                out.push(Candidate {
                    names: vec![doc.text(i + 1 - len, i + 1)],
                    scoped: Vec::new(),
                    kind: EntityKind::Media,
                    strength: 2,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The articles of two evaluation stories, traditional and simplified.
    fn texts() -> Vec<ArticleText> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/stories");
        let mut out = Vec::new();
        for story in ["tsmc-succession-2024", "huawei-mate60-2023"] {
            let mut files: Vec<_> = std::fs::read_dir(root.join(story))
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            files.sort();
            for f in files {
                let raw = std::fs::read_to_string(&f).unwrap();
                out.push(crate::text::build(&raw, crate::corpus::SourceFormat::Text));
            }
        }
        out
    }

    #[test]
    fn names_do_not_depend_on_how_many_articles_are_read_at_a_time() {
        let texts = texts();
        let refs: Vec<&ArticleText> = texts.iter().collect();
        let lex = Lexicon::embedded();
        let known = vec!["台積電".to_string()];
        let whole = discover_in_batches(&refs, lex, &known, &mut Found::default(), usize::MAX);
        assert!(whole.len() > 20, "the stories name people and companies");
        for batch in [1, 3] {
            let batched = discover_in_batches(&refs, lex, &known, &mut Found::default(), batch);
            assert_eq!(batched, whole, "{batch} at a time");
        }
        // Kept readings are summed the same way.
        let kept = discover_in_batches(&refs, lex, &known, &mut Found::kept(), 1);
        assert_eq!(kept, whole);
    }
}
