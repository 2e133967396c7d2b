//! Mention finding: one Aho-Corasick automaton over every folded spelling of every entity, run once
//! over an article's folded text.
//!
//! It promises leftmost-longest, non-overlapping matches (so `Meta超级智能实验室` is the lab, not
//! Meta; `Google DeepMind` is not Google), Latin-script spellings only at word edges (`Meta` does not
//! match inside `Metaverse`, `AI` does not match inside `OpenAI`), and spans in chars — valid in the
//! display text, because folding keeps the char count. Cost is one pass over the text whatever the
//! number of names.

use crate::text::{fold_str, Span};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Input, MatchKind};

/// One spelling to look for.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// The spelling as written; folded when the matcher is built.
    pub text: String,
    /// Caller's index of the entity it names.
    pub entity: usize,
    /// Counts only in an article where the entity is also named some other way (surnames).
    pub scoped: bool,
}

/// A spelling found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub entity: usize,
    pub span: Span,
    pub scoped: bool,
}

#[derive(Debug, Clone)]
struct Info {
    entity: usize,
    scoped: bool,
    edge_start: bool,
    edge_end: bool,
}

/// Most spellings the matcher builds a DFA for.
const DFA_MAX_NAMES: usize = 4_000;

/// The compiled automaton.
#[derive(Debug, Clone)]
pub struct Matcher {
    ac: Option<AhoCorasick>,
    infos: Vec<Info>,
}

/// Chars that make up a Latin word; a Latin spelling must not touch one on either side.
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || (c.is_alphabetic() && (c as u32) < 0x2E80 && !c.is_whitespace())
}

impl Matcher {
    /// Build from spellings. Empty spellings are skipped; when one folded spelling is given twice the
    /// first (unscoped before scoped) wins.
    pub fn new(patterns: &[Pattern]) -> Matcher {
        let mut seen = std::collections::HashMap::new();
        let mut folded: Vec<String> = Vec::new();
        let mut infos: Vec<Info> = Vec::new();
        let mut order: Vec<&Pattern> = patterns.iter().filter(|p| !p.scoped).collect();
        order.extend(patterns.iter().filter(|p| p.scoped));
        for p in order {
            let f = fold_str(p.text.trim());
            if f.is_empty() || seen.contains_key(&f) {
                continue;
            }
            seen.insert(f.clone(), infos.len());
            let first = f.chars().next().is_some_and(is_word_char);
            let last = f.chars().next_back().is_some_and(is_word_char);
            infos.push(Info {
                entity: p.entity,
                scoped: p.scoped,
                edge_start: first,
                edge_end: last,
            });
            folded.push(f);
        }
        let ac = if folded.is_empty() {
            None
        } else {
            // A DFA is the fastest scan (one table lookup per byte), but its build grows with the
            // names: past a few thousand (a large archive's discovered names) building it costs
            // more than the scans it speeds up, and a contiguous NFA is built in a fraction of it.
            let mut b = AhoCorasickBuilder::new();
            b.match_kind(MatchKind::LeftmostLongest);
            let kind = if folded.len() <= DFA_MAX_NAMES {
                AhoCorasickKind::DFA
            } else {
                AhoCorasickKind::ContiguousNFA
            };
            b.clone()
                .kind(Some(kind))
                .build(&folded)
                .or_else(|_| b.build(&folded))
                .ok()
        };
        Matcher { ac, infos }
    }

    /// Number of distinct folded spellings.
    pub fn len(&self) -> usize {
        self.infos.len()
    }

    pub fn is_empty(&self) -> bool {
        self.infos.is_empty()
    }

    /// Every spelling in a folded text, leftmost-longest, with char spans.
    pub fn find(&self, folded: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        let Some(ac) = &self.ac else { return hits };
        let bytes = folded.as_bytes();
        let mut pos = 0;
        // Char offset of byte `counted_to`, advanced lazily so the cost stays one pass.
        let mut counted_to = 0;
        let mut chars_before = 0;
        while pos < bytes.len() {
            let Some(m) = ac.find(Input::new(folded).range(pos..)) else {
                break;
            };
            let info = &self.infos[m.pattern().as_usize()];
            let ok_start = !info.edge_start
                || folded[..m.start()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !is_word_char(c));
            let ok_end = !info.edge_end
                || folded[m.end()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !is_word_char(c));
            if !(ok_start && ok_end) {
                // Retry one char later: a shorter spelling may start inside this one.
                let step = folded[m.start()..].chars().next().map_or(1, char::len_utf8);
                pos = m.start() + step;
                continue;
            }
            chars_before += count_chars(&bytes[counted_to..m.start()]);
            let len = count_chars(&bytes[m.start()..m.end()]);
            hits.push(Hit {
                entity: info.entity,
                span: Span::new(chars_before, chars_before + len),
                scoped: info.scoped,
            });
            chars_before += len;
            counted_to = m.end();
            pos = m.end();
        }
        hits
    }
}

/// Chars in a UTF-8 byte slice: every byte that is not a continuation byte starts one.
fn count_chars(b: &[u8]) -> usize {
    b.iter().filter(|&&x| (x as i8) >= -0x40).count()
}
