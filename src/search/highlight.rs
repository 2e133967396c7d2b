//! Where in a passage the query matched, as byte ranges of its folded text (the caller maps them to
//! display chars, which line up one to one with folded chars).
//!
//! Matching runs on the passage's bigram tokens, which find every spelling wherever it occurs as a
//! substring (a jieba word match is always one too) without running jieba over each hit; a needle of
//! one Han char is found char by char. Only a passage where that finds nothing — a needle with a lone
//! Han char beside other words, which has no bigram — is cut into jieba words and matched again.

use super::tokenize::{grams_pieces, grams_tokens, indexed_word, term, Dictionary, Piece, Tok};

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
            grams: needles.iter().map(|n| grams_tokens(n)).collect(),
            words: needles.iter().map(|n| dict.words_tokens(n)).collect(),
        }
    }

    /// Byte ranges of `folded` where any needle matches, sorted, overlapping or touching ones merged.
    pub fn ranges(&self, folded: &str) -> Vec<(usize, usize)> {
        if self.grams.is_empty() {
            return Vec::new();
        }
        let grams = grams_pieces(folded);
        let mut out = Vec::new();
        for q in &self.grams {
            match q.as_slice() {
                [t] if !indexed_word(&t.text) => {
                    out.extend(
                        folded
                            .match_indices(t.text.as_str())
                            .map(|(b, m)| (b, b + m.len())),
                    );
                }
                _ => sequence(folded, &grams, q, &mut out),
            }
        }
        if out.is_empty() {
            let words = self.dict.words_pieces(folded);
            for q in &self.words {
                sequence(folded, &words, q, &mut out);
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

/// Every place the query tokens occur in `text` (its terms at `pieces`, in position order) at the
/// same relative positions. Terms are compared as text slices: no term is copied per hit.
fn sequence(text: &str, pieces: &[Piece], query: &[Tok], out: &mut Vec<(usize, usize)>) {
    let Some(first) = query.first() else { return };
    let term = |p: &Piece| &text[p.from..p.to];
    'start: for (i, t) in pieces.iter().enumerate() {
        if !same(term(t), &first.text) {
            continue;
        }
        let (mut from, mut to) = (t.from, t.to);
        for q in &query[1..] {
            let pos = t.pos + (q.pos - first.pos);
            let j = i + pieces[i..].partition_point(|p| p.pos < pos);
            match pieces.get(j) {
                Some(m) if m.pos == pos && same(term(m), &q.text) => {
                    from = from.min(m.from);
                    to = to.max(m.to);
                }
                _ => continue 'start,
            }
        }
        out.push((from, to));
    }
}

/// A passage's term text, as the index holds it, equals a query term (lower-cased, English
/// words stemmed: `formed` is the term `form`).
fn same(passage: &str, query: &str) -> bool {
    passage == query
        || (passage.len() == query.len() && passage.eq_ignore_ascii_case(query))
        || (passage.len() >= query.len()
            && passage.bytes().all(|b| b.is_ascii_alphabetic())
            && term(passage) == query)
}
