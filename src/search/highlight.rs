//! Where in a passage the query matched, as byte ranges of its folded text (the caller maps them to
//! display chars, which line up one to one with folded chars).
//!
//! Matching runs on the passage's bigram tokens, which find every spelling wherever it occurs as a
//! substring (a jieba word match is always one too) without running jieba over each hit. Only a
//! passage where that finds nothing — a needle with a lone Han char that jieba matched — is cut into
//! jieba words and matched again.

use super::tokenize::{grams_tokens, is_han, Dictionary, GramMode, Tok};
use std::collections::HashMap;

/// The needles of one query, tokenized once for all its hits.
pub struct Highlighter<'d> {
    dict: &'d Dictionary,
    grams: Vec<Vec<Tok>>,
    words: Vec<Vec<Tok>>,
}

impl<'d> Highlighter<'d> {
    pub fn new(dict: &'d Dictionary, needles: &[&str]) -> Highlighter<'d> {
        Highlighter {
            dict,
            grams: needles.iter().map(|n| grams_tokens(n, GramMode::Query)).collect(),
            words: needles.iter().map(|n| dict.words_tokens(n)).collect(),
        }
    }

    /// Byte ranges of `folded` where any needle matches, sorted, overlapping or touching ones merged.
    pub fn ranges(&self, folded: &str) -> Vec<(usize, usize)> {
        let grams = grams_tokens(folded, GramMode::Index);
        let at = by_position(&grams);
        let mut out = Vec::new();
        for q in &self.grams {
            match q.as_slice() {
                [t] if t.text.chars().count() == 1 && t.text.chars().all(is_han) => {
                    for g in grams.iter().filter(|g| g.text.starts_with(&t.text)) {
                        out.push((g.from, g.from + t.text.len()));
                    }
                }
                _ => sequence(&grams, &at, q, &mut out),
            }
        }
        if out.is_empty() {
            let words = self.dict.words_tokens(folded);
            let at = by_position(&words);
            for q in &self.words {
                sequence(&words, &at, q, &mut out);
            }
        }
        merge(out)
    }
}

fn merge(mut out: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    out.sort();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(out.len());
    for (s, e) in out {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

fn by_position(toks: &[Tok]) -> HashMap<usize, usize> {
    toks.iter().enumerate().map(|(i, t)| (t.pos, i)).collect()
}

/// Every place the query tokens occur in `text` at the same relative positions.
fn sequence(text: &[Tok], at: &HashMap<usize, usize>, query: &[Tok], out: &mut Vec<(usize, usize)>) {
    let Some(first) = query.first() else { return };
    'start: for t in text.iter().filter(|t| t.text == first.text) {
        let (mut from, mut to) = (t.from, t.to);
        for q in &query[1..] {
            let pos = t.pos + (q.pos - first.pos);
            match at.get(&pos).map(|&i| &text[i]) {
                Some(m) if m.text == q.text => {
                    from = from.min(m.from);
                    to = to.max(m.to);
                }
                _ => continue 'start,
            }
        }
        out.push((from, to));
    }
}
