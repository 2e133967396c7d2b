//! From what a reader typed to a tantivy query, built term by term: no query-parser syntax is ever
//! interpreted, so quotes that do not balance, `AND ( ) : ^ ~ [ ] { } * + -`, emoji or ten thousand
//! chars give results or nothing, never an error.
//!
//! The query is folded like the texts ([`crate::text::fold_str`]). Text in quotes (`"…"`, `“…”`,
//! `「…」`, `『…』`; an unclosed quote runs to the end) is one phrase. Elsewhere every known name of an
//! entity is found first (longest name wins) and stands for all the entity's names; what remains is
//! taken run by run (runs end at spaces): first each run whole, and if that finds nothing, cut into
//! words ([`Runs`]). Every name, phrase and word is required, except that a lone Han char among other
//! words (的, 在) is only highlighted. Each needle — a name, a phrase, a word — matches through the
//! jieba `words` field (one term) or the `grams` field (the exact phrase of its bigrams and Latin words).

use super::index::Fields;
use super::tokenize::{grams_tokens, indexed_word, is_han, is_word_char, Dictionary, Tok};
use crate::entities::Entity;
use crate::text::fold_str;
use aho_corasick::{AhoCorasick, MatchKind};
use tantivy::query::{BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, RegexQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

/// Longer queries are cut here: a query this long matches nothing more, only costs more.
pub const MAX_QUERY_CHARS: usize = 1000;
/// At most this many required parts; the rest of a very long query is ignored for the same reason.
pub const MAX_CONCEPTS: usize = 32;

const QUOTES: &[char] = &['"', '“', '”', '「', '」', '『', '』', '„', '«', '»'];

/// One thing the passage must (or may) contain, in any of several spellings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concept {
    /// Folded spellings; a passage matching any of them has the concept.
    pub needles: Vec<String>,
    /// The entity these are the names of.
    pub entity: Option<usize>,
    pub required: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    pub concepts: Vec<Concept>,
    /// Runs of several words whose order, when kept, should rank a passage higher.
    pub boosts: Vec<String>,
    /// Some run was kept whole that [`Runs::Split`] would cut into words.
    pub split_would_differ: bool,
}

impl Parsed {
    /// Every spelling that counts as a match, for highlighting.
    pub fn needles(&self) -> impl Iterator<Item = &str> {
        self.concepts
            .iter()
            .flat_map(|c| c.needles.iter().map(String::as_str))
    }
}

/// Every entity's names, folded, and an automaton that finds them in a folded query.
#[derive(Debug)]
pub struct Aliases {
    ids: Vec<String>,
    names: Vec<Vec<String>>,
    ac: Option<AhoCorasick>,
    /// Entity of each automaton pattern.
    owners: Vec<usize>,
    patterns: Vec<String>,
}

impl Aliases {
    pub fn new(entities: &[Entity]) -> Aliases {
        let mut names = Vec::with_capacity(entities.len());
        let ids = entities.iter().map(|e| e.id.clone()).collect();
        let mut patterns = Vec::new();
        let mut owners = Vec::new();
        for (i, e) in entities.iter().enumerate() {
            let mut n: Vec<String> = std::iter::once(&e.name)
                .chain(e.name_zh.iter())
                .chain(e.aliases.iter())
                .map(|s| fold_str(s.trim()))
                .filter(|s| s.chars().any(|c| c.is_alphanumeric()))
                .collect();
            n.sort();
            n.dedup();
            for s in &n {
                patterns.push(s.clone());
                owners.push(i);
            }
            names.push(n);
        }
        let ac = if patterns.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&patterns)
                .ok()
        };
        Aliases {
            ids,
            names,
            ac,
            owners,
            patterns,
        }
    }

    /// The id of entity `i`.
    pub fn id(&self, i: usize) -> &str {
        self.ids.get(i).map(String::as_str).unwrap_or("")
    }

    /// The folded names of entity `i`.
    pub fn names(&self, i: usize) -> &[String] {
        self.names.get(i).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Every folded name of every entity (the words the dictionary must know).
    pub fn all(&self) -> impl Iterator<Item = &String> {
        self.patterns.iter()
    }

    /// The entity whose name is exactly `folded`.
    pub fn exact(&self, folded: &str) -> Option<usize> {
        self.patterns
            .iter()
            .position(|p| p == folded)
            .map(|i| self.owners[i])
    }

    /// Names in `folded`, as (byte start, byte end, entity), leftmost-longest, never inside a
    /// Latin word (`meta` is not found in `metaverse`).
    fn find(&self, folded: &str) -> Vec<(usize, usize, usize)> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        ac.find_iter(folded)
            .filter(|m| word_bounded(folded, m.start(), m.end()))
            .map(|m| (m.start(), m.end(), self.owners[m.pattern().as_usize()]))
            .collect()
    }
}

/// A match `[start, end)` does not cut a Latin word in two.
pub fn word_bounded(s: &str, start: usize, end: usize) -> bool {
    let before = s[..start].chars().next_back();
    let first = s[start..].chars().next();
    let last = s[..end].chars().next_back();
    let after = s[end..].chars().next();
    let cuts = |a: Option<char>, b: Option<char>| matches!((a, b), (Some(a), Some(b)) if is_word_char(a) && is_word_char(b));
    !cuts(before, first) && !cuts(last, after)
}

/// How to take a run of text outside quotes that holds several words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Runs {
    /// As it stands: a reader typing 数据中心建设 without spaces most likely means that string.
    Whole,
    /// Word by word, each required: for when the whole run is found nowhere.
    Split,
}

/// Read a query. Never fails: what cannot be searched is left out.
pub fn parse(raw: &str, aliases: &Aliases, dict: &Dictionary, runs: Runs) -> Parsed {
    let raw: String = raw.chars().take(MAX_QUERY_CHARS).collect();
    let raw = drop_operators(&raw);
    let folded = fold_str(&raw);
    let mut parsed = Parsed::default();
    let mut quoted = false;
    for segment in folded.split(QUOTES) {
        if quoted {
            let phrase = segment.trim();
            if has_terms(phrase) {
                match aliases.exact(phrase) {
                    Some(e) => push(&mut parsed, entity_concept(aliases, e)),
                    None => push(
                        &mut parsed,
                        Concept {
                            needles: vec![phrase.to_string()],
                            entity: None,
                            required: true,
                        },
                    ),
                }
            }
        } else {
            unquoted(segment, aliases, dict, runs, &mut parsed);
        }
        quoted = !quoted;
    }
    parsed.concepts.truncate(MAX_CONCEPTS);
    parsed.boosts.truncate(MAX_CONCEPTS);
    if !parsed.concepts.iter().any(|c| c.required) {
        for c in &mut parsed.concepts {
            c.required = true;
        }
    }
    parsed
}

fn has_terms(s: &str) -> bool {
    s.chars().any(|c| is_han(c) || is_word_char(c))
}

fn push(parsed: &mut Parsed, c: Concept) {
    match parsed.concepts.iter_mut().find(|o| o.needles == c.needles) {
        Some(o) => o.required |= c.required,
        None => parsed.concepts.push(c),
    }
}

fn entity_concept(aliases: &Aliases, e: usize) -> Concept {
    Concept {
        needles: aliases.names(e).to_vec(),
        entity: Some(e),
        required: true,
    }
}

fn unquoted(segment: &str, aliases: &Aliases, dict: &Dictionary, runs: Runs, parsed: &mut Parsed) {
    let mut rest = 0;
    let mut pieces = Vec::new();
    for (s, e, entity) in aliases.find(segment) {
        pieces.push(&segment[rest..s]);
        push(parsed, entity_concept(aliases, entity));
        rest = e;
    }
    pieces.push(&segment[rest..]);
    let pieces = pieces
        .into_iter()
        .flat_map(|p| p.split(char::is_whitespace));
    for piece in pieces {
        if !has_terms(piece) {
            continue;
        }
        let words: Vec<Tok> = dict.words_tokens(piece);
        if runs == Runs::Whole && words.len() > 1 {
            push(
                parsed,
                Concept {
                    needles: vec![piece.to_string()],
                    entity: None,
                    required: true,
                },
            );
            parsed.split_would_differ = true;
            continue;
        }
        let several = words.len() > 1;
        for w in &words {
            let lone_han = w.text.chars().count() == 1 && w.text.chars().all(is_han);
            push(
                parsed,
                Concept {
                    needles: vec![w.text.clone()],
                    entity: None,
                    required: !(several && lone_han),
                },
            );
        }
        if several {
            parsed.boosts.push(piece.trim().to_string());
        }
    }
}

/// Words other search engines take as operators, in capitals, are not searched for: every part is
/// required anyway, and "AND" is not what the reader is looking for.
fn drop_operators(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if !matches!(word.as_str(), "AND" | "OR" | "NOT") {
            out.push_str(word);
        }
        word.clear();
    };
    for c in raw.chars() {
        if c.is_ascii_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

fn term_or_phrase(field: Field, tokens: &[Tok]) -> Option<Box<dyn Query>> {
    match tokens {
        [] => None,
        [t] => Some(Box::new(TermQuery::new(
            Term::from_field_text(field, &t.text),
            IndexRecordOption::WithFreqs,
        ))),
        _ => {
            let p0 = tokens[0].pos;
            let terms = tokens
                .iter()
                .map(|t| (t.pos - p0, Term::from_field_text(field, &t.text)))
                .collect();
            Some(Box::new(PhraseQuery::new_with_offset(terms)))
        }
    }
}

/// The query for one spelling. A spelling that is one jieba word (a name, a word) is that term in
/// `words`, and with `grams` also its exact Han substring, which finds it inside longer words. A
/// spelling of several words is the exact phrase of its bigrams and Latin words in `grams` (`words`
/// keeps no positions); one Han char is the text's lone char or either char of a bigram there.
pub fn needle_query(
    fields: &Fields,
    dict: &Dictionary,
    needle: &str,
    grams: bool,
) -> Option<Box<dyn Query>> {
    let mut alts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let words = dict.words_tokens(needle);
    let one_word = matches!(words.as_slice(), [t] if indexed_word(&t.text));
    if one_word {
        alts.push((
            Occur::Should,
            Box::new(BoostQuery::new(term_or_phrase(fields.words, &words)?, 2.0)),
        ));
    }
    if !one_word || (grams && needle.chars().any(is_han)) {
        let grams = grams_tokens(needle);
        match grams.as_slice() {
            [t] if !indexed_word(&t.text) => {
                alts.push((Occur::Should, term_or_phrase(fields.grams, &grams)?));
                let c = regex_escape(&t.text);
                for pattern in [format!("{c}."), format!(".{c}")] {
                    if let Ok(q) = RegexQuery::from_pattern(&pattern, fields.grams) {
                        alts.push((Occur::Should, Box::new(q)));
                    }
                }
            }
            _ => {
                if let Some(q) = term_or_phrase(fields.grams, &grams) {
                    alts.push((Occur::Should, q));
                }
            }
        }
    }
    match alts.len() {
        0 => None,
        _ => Some(Box::new(BooleanQuery::new(alts))),
    }
}

fn regex_escape(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            let special = "\\.+*?()|[]{}^$#&-~".contains(c);
            special
                .then_some('\\')
                .into_iter()
                .chain(std::iter::once(c))
        })
        .collect()
}

/// The whole query: required concepts, optional ones, phrase boosts and the caller's filters.
///
/// An entity matches through the passages its mentions were indexed under and through its names as
/// jieba words (all in the dictionary, so each is one term): plain term queries, which tantivy runs
/// with block-max pruning, instead of a bigram phrase per spelling. A query of one concept is run
/// as that concept alone for the same reason. Other needles match as jieba words and, when `grams`,
/// also as exact Han substrings.
pub fn build(
    parsed: &Parsed,
    fields: &Fields,
    dict: &Dictionary,
    aliases: &Aliases,
    filters: Vec<(Occur, Box<dyn Query>)>,
    grams: bool,
) -> Option<Box<dyn Query>> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for c in &parsed.concepts {
        let mut alts: Vec<Box<dyn Query>> = Vec::new();
        match c.entity {
            Some(e) => {
                let id = Term::from_field_text(fields.entity, aliases.id(e));
                alts.push(Box::new(TermQuery::new(id, IndexRecordOption::Basic)));
                // Names of several words are left to the mentions: one phrase among the terms
                // would cost the pruning for every query naming the entity.
                alts.extend(c.needles.iter().filter_map(
                    |n| match dict.words_tokens(n).as_slice() {
                        [t] => term_or_phrase(fields.words, std::slice::from_ref(t)),
                        _ => None,
                    },
                ));
            }
            // A lone Han char among other words would only add to the score, and as a bigram pattern
            // it would cost a union of thousands of terms: it is left to the highlighting.
            None if !c.required && c.needles.iter().all(|n| !indexed_word(n)) => continue,
            None => alts.extend(
                c.needles
                    .iter()
                    .filter_map(|n| needle_query(fields, dict, n, grams)),
            ),
        }
        let q: Box<dyn Query> = match alts.len() {
            0 => continue,
            1 => alts.remove(0),
            _ => Box::new(BooleanQuery::new(
                alts.into_iter().map(|q| (Occur::Should, q)).collect(),
            )),
        };
        clauses.push((
            if c.required {
                Occur::Must
            } else {
                Occur::Should
            },
            q,
        ));
    }
    if !clauses.iter().any(|(o, _)| *o == Occur::Must) {
        return None;
    }
    for b in &parsed.boosts {
        if let Some(q) = term_or_phrase(fields.grams, &grams_tokens(b)) {
            clauses.push((Occur::Should, q));
        }
    }
    clauses.extend(filters);
    if clauses.len() == 1 {
        return clauses.pop().map(|(_, q)| q);
    }
    Some(Box::new(BooleanQuery::new(clauses)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::EntityKind;

    fn zuck() -> Vec<Entity> {
        vec![Entity {
            id: "zuckerberg".into(),
            kind: EntityKind::Person,
            name: "Mark Zuckerberg".into(),
            name_zh: Some("扎克伯格".into()),
            aliases: vec!["朱克伯格".into(), "祖克伯格".into(), "Zuckerberg".into()],
            rejected: false,
            edited: false,
            discovered: false,
        }]
    }

    #[test]
    fn a_name_inside_a_query_stands_for_all_names() {
        let a = Aliases::new(&zuck());
        let d = Dictionary::new(a.all());
        let p = parse("祖克伯格的实验室", &a, &d, Runs::Split);
        assert_eq!(p.concepts[0].entity, Some(0));
        assert!(p.concepts[0].needles.contains(&"zuckerberg".to_string()));
        let lab = p.concepts.iter().find(|c| c.needles == ["实验室"]).unwrap();
        assert!(lab.required);
        let de = p.concepts.iter().find(|c| c.needles == ["的"]).unwrap();
        assert!(!de.required);
        let whole = parse("祖克伯格的实验室", &a, &d, Runs::Whole);
        assert_eq!(whole.concepts.len(), 2);
        assert_eq!(whole.concepts[1].needles, ["的实验室"]);
        assert!(whole.split_would_differ);
    }

    #[test]
    fn quotes_make_one_phrase_and_an_unclosed_quote_runs_to_the_end() {
        let a = Aliases::new(&[]);
        let d = Dictionary::new(Vec::<String>::new());
        let p = parse("meta \"数据 中心", &a, &d, Runs::Whole);
        let needles: Vec<_> = p.concepts.iter().map(|c| c.needles[0].as_str()).collect();
        assert_eq!(needles, vec!["meta", "数据 中心"]);
    }

    #[test]
    fn operators_and_syntax_are_not_searched_for() {
        let a = Aliases::new(&zuck());
        let d = Dictionary::new(a.all());
        let p = parse("(Zuckerberg AND meta)^2 ~ [x:*]", &a, &d, Runs::Whole);
        let needles: Vec<_> = p.concepts.iter().map(|c| c.needles.len()).collect();
        assert_eq!(needles[0], a.names(0).len());
        assert!(p.needles().all(|n| n != "and"));
        assert!(p.needles().any(|n| n == "x"));
    }

    #[test]
    fn latin_names_are_not_found_inside_longer_words() {
        assert!(!word_bounded("zuckerbergs", 0, 10));
        assert!(word_bounded("zuckerberg说", 0, 10));
    }
}
