//! Finders that read jieba's cut of an article, made once per article: organisations named by their
//! ending (香港高等法院, 花蓮縣政府, 民眾黨), institutions news names by a common word (檢方,
//! 外交部), and sightings of Chinese personal names.
//!
//! A personal name is a surname and one or two chars that start and end at jieba's word edges and
//! are no ordinary word of its dictionary (jieba cuts most names it does not know into pieces:
//! 魏|哲家, 柯文|哲, 林|全). One sighting proves nothing; [`Sightings::names`] keeps a
//! spelling the corpus repeats and has seen at least once where names stand: after a title, a
//! list comma or a word such as 由, or before 表示, 出任, 涉嫌 (`assets/entity_lexicon.toml`).

use super::{is_han, occurrences, Candidate, Ctx, Doc};
use crate::entities::word_list::WordList;
use crate::entities::EntityKind;
use std::collections::HashMap;

/// jieba's part-of-speech tags, as far as discovery cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    Person,
    Place,
    Org,
    /// Other proper nouns and abbreviations (nz, j).
    Proper,
    /// A verb (v, vd): it acts on a name, it never opens one (撤銷|地院).
    Verb,
    Other,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub tag: Tag,
    /// A word of jieba's dictionary (not a char jieba could not join to any word).
    pub known: bool,
}

/// jieba's cut of every Han run of the article that may hold what the finders look for (a
/// surname, an organisation's ending, an institution), with char offsets.
pub(crate) fn cut(doc: &Doc, ctx: &Ctx, jieba: &crate::text::words::Segmenter) -> Vec<Tok> {
    let mut out = Vec::new();
    let n = doc.len();
    let mut i = 0;
    while i < n {
        if !is_han(doc.fold[i]) {
            i += 1;
            continue;
        }
        let s = i;
        while i < n && is_han(doc.fold[i]) {
            i += 1;
        }
        let wanted = doc.fold[s..i].iter().any(|&c| {
            ctx.surname(c) || ctx.lex.ending_char(c) || ctx.lex.org_word_first.contains(&c)
        });
        if i - s < 2 || !wanted {
            continue;
        }
        let run = doc.folded(s, i);
        let mut at = s;
        for t in jieba.tag(&run, false) {
            let len = t.word.chars().count();
            let tag = match t.tag {
                "nr" | "nrt" | "nrfg" => Tag::Person,
                "ns" => Tag::Place,
                "nt" => Tag::Org,
                "nz" | "j" => Tag::Proper,
                "v" | "vd" => Tag::Verb,
                _ => Tag::Other,
            };
            out.push(Tok {
                start: at,
                end: at + len,
                tag,
                // Without the HMM every token of two chars or more is a dictionary word.
                known: len > 1,
            });
            at += len;
        }
    }
    out
}

/// Organisations named by their ending, with the place or name words jieba puts before it. A name
/// with such a prefix counts at once; a bare ending word must recur (a lone 政府 names nothing).
pub(crate) fn suffixed(doc: &Doc, ctx: &Ctx, toks: &[Tok]) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        if t.tag != Tag::Org && !ctx.lex.ending_char(doc.fold[t.end - 1]) {
            continue;
        }
        // The ending may run over several of jieba's words (特搜|隊, 應變|中心): the longest
        // ending that lies within this word or starts where one of the few words before it starts.
        let near = k.saturating_sub(4);
        let word_starts = |at: usize| toks[near..=k].iter().rposition(|p| p.start == at);
        let endings = |list: &WordList| {
            list.ending_at(&doc.fold, t.end)
                .map(|(_, n)| n)
                .find(|&n| n <= t.end - t.start || word_starts(t.end - n).is_some())
        };
        let (org, place) = (
            endings(&ctx.lex.org_suffix_zh),
            endings(&ctx.lex.facility_suffix_zh),
        );
        let kind = match (org, place) {
            (o, Some(p)) if o.is_none_or(|o| p > o) && t.tag != Tag::Org => EntityKind::Facility,
            _ => EntityKind::Organization,
        };
        let ending = org.max(place);
        let (k0, t0) = match ending {
            Some(n) if n > t.end - t.start => match word_starts(t.end - n) {
                Some(j) => (
                    near + j,
                    Tok {
                        start: t.end - n,
                        ..*t
                    },
                ),
                None => (k, *t),
            },
            _ => (k, *t),
        };
        let word = doc.folded(t0.start, t0.end);
        let suffix = ending.is_some();
        if !(suffix || t.tag == Tag::Org)
            || ctx
                .lex
                .media_suffix_zh
                .iter()
                .any(|x| word.ends_with(x.as_str()))
        {
            continue; // outlets are found as media, never as actors
        }
        // 東部, 內部, 全部: words that end like an organisation and name a part or a side.
        if ctx.lex.not_org_endings.contains(&word) {
            continue;
        }
        let (k, t) = (k0, &t0);
        let mut start = t.start;
        let mut taken = 0;
        for p in toks[..k].iter().rev().take(2) {
            if p.end == start && matches!(p.tag, Tag::Place | Tag::Person | Tag::Org | Tag::Proper)
            {
                start = p.start;
                taken += 1;
            } else {
                break;
            }
        }
        // A name jieba does not know comes apart into single chars (晶|英|酒店): a single char
        // taken before the ending brings the single chars before it that are no function words.
        if taken > 0 && toks[k - taken].end - toks[k - taken].start == 1 {
            for p in toks[..k - taken].iter().rev().take(2) {
                if p.end == start
                    && p.end - p.start == 1
                    && p.tag != Tag::Verb
                    && is_han(doc.fold[p.start])
                    && !ctx.lex.name_stops.contains(&doc.fold[p.start])
                {
                    start = p.start;
                } else {
                    break;
                }
            }
        }
        // A place, a plain word and the ending (中華民國|拳擊|協會, 太魯閣|國家公園|管理處): the
        // place says whose body it is, so once is enough.
        // Token `j` is a word of two chars or more standing right before token `j + 1`.
        let word_before =
            |j: usize| toks[j].end == toks[j + 1].start && toks[j].end - toks[j].start >= 2;
        if start == t.start
            && k > 1
            && word_before(k - 1)
            // A verb names what a body does (拳擊|協會) but not a business (批准|公司).
            && (toks[k - 1].tag == Tag::Other
                || (toks[k - 1].tag == Tag::Verb
                    && !ctx
                        .lex
                        .generic_org_endings
                        .iter()
                        .any(|e| doc.ends_with(t.end, e))))
            && word_before(k - 2)
            && toks[k - 2].tag == Tag::Place
            && !QUANTIFIERS.contains(&doc.fold[toks[k - 1].start])
            && !ctx
                .lex
                .describes_company(&doc.fold[toks[k - 1].start..t.end])
            && whole_word_at(doc, ctx, toks, k - 2)
        {
            start = toks[k - 2].start;
        }
        // A plain word before the ending (星河|科技) names an organisation the article repeats.
        let mut repeated_only = false;
        if start == t.start && k > 0 && word_before(k - 1) && toks[k - 1].tag == Tag::Other {
            start = toks[k - 1].start;
            repeated_only = true;
        }
        let prefixed = start < t.start;
        if !(prefixed || t.tag == Tag::Org || t.end - t.start >= 3) {
            continue;
        }
        let name: Vec<char> = doc.fold[start..t.end].to_vec();
        // The name may end in such a word over jieba's cut (公里|處).
        let ends_as_part = (2..=3).filter(|&n| n <= name.len()).any(|n| {
            let tail: String = name[name.len() - n..].iter().collect();
            ctx.lex.not_org_endings.contains(&tail)
        });
        if ends_as_part
            || ctx.lex.describes_company(&name)
            || name.len() < 2
            || name.len() > 10
            // Said once, a bare word names a body only when jieba's dictionary knows it as one
            // and it ends like one (香港入境處; not 高中同學 or 人事安排, which it also tags so).
            || ((repeated_only || !(prefixed || (suffix && t.tag == Tag::Org)))
                && occurrences(doc, &name) < 2)
        {
            continue;
        }
        let display = doc.text(start, t.end);
        if ctx.is_known(&display) || out.iter().any(|c| c.names[0] == display) {
            continue;
        }
        out.push(Candidate {
            names: vec![display],
            scoped: Vec::new(),
            kind,
            strength: 1,
        });
    }
    out
}

/// Chars that open a count or a pointer, not a name (美國|多家|航空, 各大|醫院, 該|公司).
const QUANTIFIERS: &[char] = &[
    '多', '各', '数', '几', '一', '两', '二', '三', '四', '五', '六', '七', '八', '九', '十', '某',
    '该', '本', '此', '这', '其', '部', '有',
];

/// Token `k` starts a word of the text, not the tail of one jieba cut short (沙烏地阿|拉伯): the
/// text breaks before it, or a word of two chars or more, or a word names may follow, ends there.
fn whole_word_at(doc: &Doc, ctx: &Ctx, toks: &[Tok], k: usize) -> bool {
    let at = toks[k].start;
    at == 0
        || !is_han(doc.fold[at - 1])
        || ctx.name_may_follow(doc, at)
        || ctx.lex.name_stops.contains(&doc.fold[at - 1])
        || (k > 0 && toks[k - 1].end == at && toks[k - 1].end - toks[k - 1].start >= 2)
}

/// Institutions named by a common word (檢方, 外交部), where the article names them: at jieba's word
/// edges (外交部長 is a person's title, not the ministry), over one word or a few (台|鐵).
pub(crate) fn institutions(doc: &Doc, ctx: &Ctx, toks: &[Tok]) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        if !ctx.lex.org_word_first.contains(&doc.fold[t.start]) {
            continue;
        }
        let ends = || toks[k..].iter().take(3).map(|u| u.end);
        let Some(word) = ends().find_map(|end| {
            let word = doc.folded(t.start, end);
            (end - t.start >= 2 && ctx.lex.org_words_zh.contains(&word)).then_some(word)
        }) else {
            continue;
        };
        let end = t.start + word.chars().count();
        if ctx.is_known(&word) {
            continue;
        }
        let display = doc.text(t.start, end);
        if out.iter().any(|c| c.names[0] == display) {
            continue;
        }
        out.push(Candidate {
            names: vec![display],
            scoped: Vec::new(),
            kind: EntityKind::Organization,
            strength: 2,
        });
    }
    out
}

/// Chars of a vehicle or trade a press role may open with (連結車|駕駛).
const ROLE_PREFIX: usize = 3;

/// People the press names by surname and role only (胡姓女子, 連姓男子, 張姓駕駛): the surname, 姓,
/// and a word for a person (`assets/entity_lexicon.toml`).
pub(crate) fn by_surname(doc: &Doc, ctx: &Ctx) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    let f = &doc.fold;
    for i in 0..f.len().saturating_sub(2) {
        if f[i + 1] != '姓' || !ctx.surname(f[i]) {
            continue;
        }
        // The role may carry what the person drives or does first (吳姓連結車駕駛, 李姓貨車司機):
        // up to three chars that stop no name.
        let plain = |k: usize| k < f.len() && is_han(f[k]) && !ctx.lex.name_stops.contains(&f[k]);
        let Some(end) = (0..=ROLE_PREFIX)
            .take_while(|&skip| skip == 0 || plain(i + 1 + skip))
            .find_map(|skip| {
                let at = i + 2 + skip;
                let role = ctx
                    .lex
                    .surname_roles
                    .iter()
                    .filter(|r| skip == 0 || r.chars().count() >= 2)
                    .find(|r| doc.starts_with(at, r))?;
                Some(at + role.chars().count())
            })
        else {
            continue;
        };
        let display = doc.text(i, end);
        if !out.iter().any(|c| c.names[0] == display) {
            out.push(Candidate {
                names: vec![display],
                scoped: Vec::new(),
                kind: EntityKind::Person,
                strength: 2,
            });
        }
    }
    out
}

/// A Chinese personal name seen in one article.
#[derive(Debug, Clone)]
pub(crate) struct Sighting {
    pub folded: String,
    pub display: String,
    pub count: usize,
    /// Seen at least once where names stand.
    pub placed: bool,
    /// Seen at least once right after a person's title (律師石東炫): a name even when said once.
    pub titled: bool,
}

/// A person's title ends right before `start`, or one space before it (a caption's
/// `副處長 林忠杉:`).
fn titled(doc: &Doc, ctx: &Ctx, start: usize) -> bool {
    let spaced = start > 0 && matches!(doc.fold[start - 1], ' ' | '\u{3000}' | '\u{a0}');
    let end = if spaced { start - 1 } else { start };
    ctx.lex.person_titles.any_ends_at(&doc.fold, end)
}

/// Chars that join two names of one list (吳詩儀和陳念琴), folded.
const JOINERS: [char; 5] = ['和', '与', '及', '跟', '、'];

/// How far back from a name a byline's role may stand (記者王承昊、傅雙琪).
const BYLINE_REACH: usize = 14;

/// `start` lies in a byline: a role it credits (記者, 責編) stands before it in the same clause.
fn in_byline(doc: &Doc, ctx: &Ctx, start: usize) -> bool {
    let from = start.saturating_sub(BYLINE_REACH);
    let clause_start = (from..start)
        .rev()
        .find(|&p| matches!(doc.fold[p], '，' | ',' | '。' | '\n' | '；'))
        .map_or(from, |p| p + 1);
    (clause_start..=start).any(|p| ctx.lex.byline_roles.any_ends_at(&doc.fold, p))
}

/// The three-char name at `start` is joined to another such name (吳詩儀和陳念琴): two
/// surname-initial names of three chars in one list, neither a word of jieba's dictionary, make
/// each other names.
fn coordinated(doc: &Doc, ctx: &Ctx, toks: &[Tok], start: usize) -> bool {
    // Three chars from `at` that jieba cut as a name or into pieces that are no words.
    let name_at = |at: usize| {
        at + 3 <= doc.len()
            && ctx.surname(doc.fold[at])
            && (at == 0 || !is_han(doc.fold[at - 1]) || JOINERS.contains(&doc.fold[at - 1]))
            && {
                let k = toks.partition_point(|t| t.start < at);
                toks.get(k).is_some_and(|t| t.start == at)
                    && toks[k..]
                        .iter()
                        .take_while(|t| t.end <= at + 3)
                        .all(|t| t.tag == Tag::Person || !t.known)
                    && toks[k..].iter().any(|t| t.end == at + 3)
            }
    };
    if in_byline(doc, ctx, start) {
        return false;
    }
    let end = start + 3;
    (end < doc.len() && JOINERS.contains(&doc.fold[end]) && name_at(end + 1))
        || (start >= 4 && JOINERS.contains(&doc.fold[start - 1]) && name_at(start - 4))
}

fn placed(doc: &Doc, ctx: &Ctx, start: usize, end: usize) -> bool {
    let before = start == 0 || !is_han(doc.fold[start - 1]) || ctx.name_may_follow(doc, start);
    let after = end >= doc.len()
        || matches!(
            doc.fold[end],
            '、' | '，' | ',' | '。' | '(' | '（' | '：' | ':' | '」' | '”'
        )
        || ctx.lex.name_after.any_starts_at(&doc.fold, end);
    before || after
}

/// How often each sighted spelling occurs in the article's text, in one pass over it.
fn count_in_text(doc: &Doc, ctx: &Ctx, found: &mut HashMap<String, Sighting>) {
    let mut two: HashMap<[char; 2], usize> = HashMap::new();
    let mut three: HashMap<[char; 3], usize> = HashMap::new();
    for key in found.keys() {
        match key.chars().collect::<Vec<char>>()[..] {
            [a, b] => {
                two.insert([a, b], 0);
            }
            [a, b, c] => {
                three.insert([a, b, c], 0);
            }
            _ => {}
        }
    }
    let f = &doc.fold;
    for i in 0..f.len().saturating_sub(1) {
        if !ctx.surname(f[i]) {
            continue;
        }
        if let Some(n) = two.get_mut(&[f[i], f[i + 1]]) {
            *n += 1;
        }
        if let Some(n) = f
            .get(i + 2)
            .and_then(|&c| three.get_mut(&[f[i], f[i + 1], c]))
        {
            *n += 1;
        }
    }
    for s in found.values_mut() {
        s.count = match s.folded.chars().collect::<Vec<char>>()[..] {
            [a, b] => two.get(&[a, b]).copied().unwrap_or(0),
            [a, b, c] => three.get(&[a, b, c]).copied().unwrap_or(0),
            _ => 0,
        };
    }
}

/// Surname-initial spellings of two or three chars at jieba's word edges.
pub(crate) fn sightings(doc: &Doc, ctx: &Ctx, toks: &[Tok]) -> Vec<Sighting> {
    let mut found: HashMap<String, Sighting> = HashMap::new();
    for (k, t) in toks.iter().enumerate() {
        if !ctx.surname(doc.fold[t.start]) {
            continue;
        }
        // One token (a name jieba knows, or one its HMM made), or a short run of tokens.
        let mut end = t.end;
        for (j, u) in toks[k..].iter().enumerate() {
            if j > 0 && (u.start != end || u.end - t.start > 3) {
                break;
            }
            end = u.end;
            let len = end - t.start;
            if len < 2 {
                continue;
            }
            let whole = j == 0;
            let ok = if whole {
                u.tag == Tag::Person || (!u.known && u.tag != Tag::Place)
            } else {
                // Pieces: none a dictionary word of its own other than a name's (哲家 is none),
                // unless a title stands before the name (教練曾|自強).
                toks[k..=k + j]
                    .iter()
                    .all(|p| !p.known || p.tag == Tag::Person)
                    || (len == 3 && titled(doc, ctx, t.start))
            };
            let last = doc.fold[end - 1];
            let middle = doc.fold[t.start + 1];
            if !ok
                || ctx.lex.name_stops.contains(&last)
                || middle == doc.fold[t.start]
                || (len == 3 && ctx.lex.name_inner_stops.contains(&middle))
            {
                continue;
            }
            let folded = doc.folded(t.start, end);
            if ctx.is_known(&folded)
                || ctx.lex.is_not_name(&folded)
                || ctx
                    .lex
                    .person_titles
                    .ending_at(&doc.fold, end)
                    .any(|(_, n)| n <= len)
            {
                continue;
            }
            let is_placed = placed(doc, ctx, t.start, end);
            let is_titled =
                titled(doc, ctx, t.start) || (len == 3 && coordinated(doc, ctx, toks, t.start));
            // A less common surname makes a name of three chars only, and one that is a word of
            // the dictionary (倖存者) only right after a title.
            if ctx.rare_surname(doc.fold[t.start]) && (len != 3 || (whole && !is_titled)) {
                continue;
            }
            let s = found.entry(folded.clone()).or_insert_with(|| Sighting {
                count: 0,
                folded,
                display: doc.text(t.start, end),
                placed: false,
                titled: false,
            });
            s.placed |= is_placed;
            s.titled |= is_titled;
            // jieba may take the last char of a three-char name for the next word (徐榛|蔚縣長):
            // the longer spelling is weighed too, and wins where the text mostly writes it.
            if len == 2
                && end < doc.len()
                && is_han(doc.fold[end])
                && !ctx.lex.name_stops.contains(&doc.fold[end])
                && !ctx.lex.name_after.any_starts_at(&doc.fold, end)
            {
                let longer = doc.folded(t.start, end + 1);
                let is_placed = placed(doc, ctx, t.start, end + 1);
                let s = found.entry(longer.clone()).or_insert_with(|| Sighting {
                    count: 0,
                    folded: longer,
                    display: doc.text(t.start, end + 1),
                    placed: false,
                    titled: false,
                });
                s.placed |= is_placed;
            }
        }
    }
    // Counted in the text, not in jieba's cut, which may cut the same name differently at each
    // occurrence (徐榛|蔚 here, 徐榛|蔚縣 there).
    count_in_text(doc, ctx, &mut found);
    found.into_values().collect()
}

/// One spelling's sightings over the corpus.
#[derive(Default)]
struct Seen {
    displays: Vec<String>,
    count: usize,
    placed: bool,
    titled: bool,
}

/// Every article's sightings, summed spelling by spelling as the articles are read: a large
/// archive's readings need not all be held at once.
#[derive(Default)]
pub(crate) struct Sightings {
    merged: HashMap<String, Seen>,
}

impl Sightings {
    /// One article's sightings (articles are added in corpus order).
    pub(crate) fn add(&mut self, seen: impl IntoIterator<Item = Sighting>) {
        for s in seen {
            let e = self.merged.entry(s.folded).or_default();
            if !e.displays.contains(&s.display) {
                e.displays.push(s.display);
            }
            e.count += s.count;
            e.placed |= s.placed;
            e.titled |= s.titled;
        }
    }

    /// Names from every article's sightings: spellings the corpus repeats, seen where names
    /// stand, or said once right after a person's title. A spelling inside a longer repeated one
    /// (魏哲 in 魏哲家) is the longer one's.
    pub(crate) fn names(&self) -> Vec<Candidate> {
        let mut kept: Vec<(&String, &Seen)> = self
            .merged
            .iter()
            .filter(|(_, s)| (s.count >= 2 && s.placed) || (s.count >= 1 && s.titled))
            .collect();
        // Sorted, the spellings that begin with a spelling come right after it.
        kept.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let mut out: Vec<Candidate> = kept
            .iter()
            .enumerate()
            .filter(|&(i, (f, s))| {
                // A spelling that a longer one seen at least half as often begins is its cut-off
                // start.
                !kept[i + 1..]
                    .iter()
                    .take_while(|(g, _)| g.starts_with(f.as_str()))
                    .any(|(g, longer)| g.len() > f.len() && longer.count * 2 >= s.count)
            })
            .map(|(_, (_, s))| Candidate {
                names: s.displays.clone(),
                scoped: Vec::new(),
                kind: EntityKind::Person,
                strength: 1,
            })
            .collect();
        out.sort_by(|a, b| a.names.cmp(&b.names));
        out
    }
}
