//! Where in a passage the query matched: the same token sequences the query asked the index for,
//! found again in the passage's folded text, as byte ranges of that text (the caller maps them to
//! display chars, which line up one to one with folded chars).

use super::tokenize::{grams_tokens, is_han, Dictionary, GramMode, Tok};
use std::collections::HashMap;

/// Byte ranges of `folded` where any needle matches, sorted, overlapping or touching ones merged.
pub fn ranges(dict: &Dictionary, needles: &[&str], folded: &str) -> Vec<(usize, usize)> {
    let words = dict.words_tokens(folded);
    let grams = grams_tokens(folded, GramMode::Index);
    let words_at = by_position(&words);
    let grams_at = by_position(&grams);
    let mut out = Vec::new();
    for needle in needles {
        sequence(&words, &words_at, &dict.words_tokens(needle), &mut out);
        if needle.chars().any(is_han) {
            let q = grams_tokens(needle, GramMode::Query);
            match q.as_slice() {
                [t] if t.text.chars().count() == 1 => {
                    for g in grams.iter().filter(|g| g.text.starts_with(&t.text)) {
                        out.push((g.from, g.from + t.text.len()));
                    }
                }
                _ => sequence(&grams, &grams_at, &q, &mut out),
            }
        }
    }
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
