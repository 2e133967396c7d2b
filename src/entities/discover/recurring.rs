//! Names the press writes bare, again and again, where an actor stands: 華為宣布, 台積電表示,
//! 沙利文指出. No title, suffix or gloss marks them, so one article proves nothing; the corpus does.
//!
//! Each article contributes its sightings: the two to five Han chars right before a verb of acting
//! or saying (`assets/entity_lexicon.toml`, `actor_cues`), with the char before them. Over the corpus
//! a spelling is a name when it is seen so in several articles, and where it starts the text breaks
//! (punctuation, a function word such as 與 or 由) more often than not: 積電 is always preceded by
//! 台, so 台積電 is the name, not 積電. A spelling jieba knows as an ordinary word (公司, 官方, 雙方)
//! names no one; one it tags as a proper noun (華為) may. A spelling of transliteration chars
//! (沙利文) is a person; anything else an organisation.

use super::{is_han, Candidate, Ctx, Doc};
use crate::entities::EntityKind;
use crate::text::words::Segmenter;
use std::collections::{HashMap, HashSet};

/// Adverbs that stand between an actor and its verb (還, 已, 將 …), folded.
const ADVERBS: &[char] = &[
    '还', '已', '则', '将', '曾', '又', '而', '并', '再', '仍', '亦', '才', '便', '即', '均', '正',
];
/// The longest spelling considered, in chars.
const LONGEST: usize = 5;
/// A spelling must be seen before an actor's verb in at least this many articles …
const MIN_ARTICLES: usize = 2;
/// … and this many times in all.
const MIN_SIGHTINGS: usize = 3;

/// One spelling seen right before a verb of acting, in one article.
#[derive(Debug, Clone)]
pub(crate) struct Cued {
    pub folded: String,
    pub display: String,
    /// The text breaks right before it (punctuation, the start, a function word).
    pub breaks_before: bool,
}

/// Every spelling of two to [`LONGEST`] Han chars right before an actor cue in the article.
pub(crate) fn sightings(doc: &Doc, ctx: &Ctx) -> Vec<Cued> {
    let mut out = Vec::new();
    let cues = &ctx.lex.actor_cues;
    if cues.is_empty() {
        return out;
    }
    for p in 2..doc.len() {
        if !cues.any_starts_at(&doc.fold, p) {
            continue;
        }
        let mut run = p;
        while run > 0 && p - run < LONGEST + 1 && is_han(doc.fold[run - 1]) {
            run -= 1;
        }
        for len in 2..=LONGEST.min(p - run) {
            let start = p - len;
            // 由華為, 與台積電: a function word opens no name.
            let opens_with_function_word = ctx.lex.name_before.any_starts_at(&doc.fold, start)
                || ctx.lex.name_inner_stops.contains(&doc.fold[start]);
            // 雷軍還表示: an adverb before the verb ends no name.
            let ends_with_adverb = ADVERBS.contains(&doc.fold[p - 1])
                || ctx.lex.name_inner_stops.contains(&doc.fold[p - 1]);
            if opens_with_function_word || ends_with_adverb {
                continue;
            }
            let breaks_before = start == run || ctx.name_may_follow(doc, start);
            out.push(Cued {
                folded: doc.folded(start, p),
                display: doc.text(start, p),
                breaks_before,
            });
        }
    }
    out
}

/// One spelling's sightings over the corpus.
#[derive(Default)]
struct Seen {
    display: String,
    articles: usize,
    count: usize,
    breaks: usize,
}

/// Every article's sightings, summed spelling by spelling as the articles are read.
#[derive(Default)]
pub(crate) struct Tally {
    seen: HashMap<String, Seen>,
}

impl Tally {
    /// One article's sightings (articles are added in corpus order).
    pub(crate) fn add(&mut self, article: &[Cued]) {
        let mut here: HashSet<&str> = HashSet::new();
        for c in article {
            let s = match self.seen.get_mut(c.folded.as_str()) {
                Some(s) => s,
                None => self.seen.entry(c.folded.clone()).or_default(),
            };
            if s.display.is_empty() {
                s.display = c.display.clone();
            }
            s.count += 1;
            s.breaks += usize::from(c.breaks_before);
            if here.insert(c.folded.as_str()) {
                s.articles += 1;
            }
        }
    }

    /// Names from every article's sightings (see the module's overview).
    pub(crate) fn names(&self, ctx: &Ctx, jieba: &Segmenter) -> Vec<Candidate> {
        let mut kept: Vec<(&str, &Seen)> = self
            .seen
            .iter()
            .filter(|(f, s)| {
                s.articles >= MIN_ARTICLES
                    && s.count >= MIN_SIGHTINGS
                    && s.breaks * 2 > s.count
                    && !ctx.is_known(f)
                    && !ctx.lex.is_not_name(f)
                    && !ordinary_word(f, jieba)
            })
            .map(|(f, s)| (f.as_str(), s))
            .collect();
        // A spelling inside a longer kept one (為宣 in 華為宣) is its piece; the longer one holds it
        // only when it is the name (a kept spelling always breaks before it).
        kept.sort_by_key(|(f, _)| std::cmp::Reverse(f.chars().count()));
        let mut out: Vec<Candidate> = Vec::new();
        let mut taken: Vec<&str> = Vec::new();
        for (f, s) in kept {
            if taken.iter().any(|t| t.ends_with(f)) {
                continue;
            }
            taken.push(f);
            let person = f.chars().count() >= 3 && f.chars().all(|c| ctx.translit(c));
            out.push(Candidate {
                names: vec![s.display.clone()],
                scoped: Vec::new(),
                kind: if person {
                    EntityKind::Person
                } else {
                    EntityKind::Organization
                },
                strength: 1,
            });
        }
        out.sort_by(|a, b| a.names.cmp(&b.names));
        out
    }
}

/// A word of jieba's dictionary that is not a proper noun (公司, 官方, 雙方), or a spelling jieba
/// cuts into such words (有關方面).
fn ordinary_word(folded: &str, jieba: &Segmenter) -> bool {
    let tags = jieba.tag(folded, false);
    let proper = |t: &str| matches!(t, "nr" | "nrt" | "nrfg" | "nz" | "nt" | "j" | "eng");
    match tags.as_slice() {
        [one] => !proper(one.tag),
        many => many
            .iter()
            .any(|t| t.word.chars().count() >= 2 && !proper(t.tag)),
    }
}
