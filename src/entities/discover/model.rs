//! Product models written in Latin letters and digits inside Chinese text: 華為Mate 60 Pro,
//! 旗艦手機Mate60 Pro, Mate X5折疊屏, 「華為 Mate 60 RS」手機.
//!
//! A model's name is a short run of Latin words, at least one holding a digit, that opens with a
//! letter (so 5G and 13.2吋 are none), and its last word may carry a `+` (Mate 60 Pro+). A model
//! number alone says nothing of what it names (COVID 19, G20, A股), so the run counts only where
//! the text says it is a product: a known maker's name stands right before it, or a word for a kind
//! of product (`model_nouns`: 手機, 系列, 晶片 …) ends right before it or starts right after it.
//! The name is kept as written and with any of its spaces left out, so Mate 60 Pro and Mate60 Pro
//! are one product. Models are told apart by these names: each is a product of its own, which is
//! what lets the merge tell the launch of one phone from the sale of another by the same maker.

use super::{Candidate, Ctx, Doc};
use crate::entities::EntityKind;

/// Words in a model's name, at most.
const MAX_WORDS: usize = 4;
/// How far back a maker's name may reach before the model (華為技術, Samsung).
const MAKER_CHARS: usize = 8;

fn latin_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// The words of the run of Latin words that starts at `at`, as `(start, end)` pairs; a word may
/// end in `+`, and words are parted by one space.
fn run_at(doc: &Doc, at: usize) -> Vec<(usize, usize)> {
    let n = doc.len();
    let mut words = Vec::new();
    let mut i = at;
    while words.len() < MAX_WORDS && i < n && latin_word_char(doc.disp[i]) {
        let start = i;
        while i < n && latin_word_char(doc.disp[i]) {
            i += 1;
        }
        while i < n && doc.disp[i] == '+' {
            i += 1;
        }
        words.push((start, i));
        if i + 1 < n && doc.disp[i] == ' ' && latin_word_char(doc.disp[i + 1]) {
            i += 1;
        } else {
            break;
        }
    }
    words
}

/// Does the run name a model: a word with a digit, opening with a letter, and no year in it?
fn model_shaped(doc: &Doc, words: &[(usize, usize)]) -> bool {
    let text = |&(a, b): &(usize, usize)| doc.text(a, b);
    let first = text(&words[0]);
    let year = |w: &str| {
        w.len() == 4
            && w.chars().all(|c| c.is_ascii_digit())
            && (w.starts_with("19") || w.starts_with("20"))
    };
    first.starts_with(|c: char| c.is_ascii_alphabetic())
        && words
            .iter()
            .map(text)
            .any(|w| w.chars().any(|c| c.is_ascii_digit()))
        && !words.iter().map(text).any(|w| year(&w))
}

/// Is a known name (a maker: 華為, Xiaomi) written right before `at`, with at most one space?
fn maker_before(doc: &Doc, ctx: &Ctx, at: usize) -> bool {
    let end = trim_space_back(doc, at);
    // A maker's Latin name ends at a word's edge: `Samsung Galaxy`, never `ung Galaxy`.
    (1..=MAKER_CHARS.min(end)).any(|len| {
        let start = end - len;
        let edge = start == 0
            || !(doc.disp[start].is_ascii_alphanumeric()
                && doc.disp[start - 1].is_ascii_alphanumeric());
        edge && ctx.is_known(&doc.folded(start, end))
    })
}

/// The product models named in one article.
pub(crate) fn find(doc: &Doc, ctx: &Ctx) -> Vec<Candidate> {
    let mut out = Vec::new();
    let n = doc.len();
    let mut i = 0;
    while i < n {
        let starts_word = latin_word_char(doc.disp[i])
            && (i == 0 || !(latin_word_char(doc.disp[i - 1]) || doc.disp[i - 1] == '-'));
        if !starts_word {
            i += 1;
            continue;
        }
        let mut words = run_at(doc, i);
        let end = words.last().map_or(i + 1, |w| w.1);
        // A known maker's name opening the run is the maker, not part of the model's name
        // (Huawei Mate 60 Pro).
        while words.len() > 1 && ctx.is_known(&doc.text(words[0].0, words[0].1)) {
            words.remove(0);
        }
        let start = words[0].0;
        // A run that goes on past the words read is a longer English phrase, not a model's name.
        let cut_short = end + 1 < n && doc.disp[end] == ' ' && latin_word_char(doc.disp[end + 1]);
        if !cut_short && model_shaped(doc, &words) {
            let named = maker_before(doc, ctx, start)
                || ctx
                    .lex
                    .model_nouns
                    .any_ends_at(&doc.fold, trim_space_back(doc, start))
                || ctx
                    .lex
                    .model_nouns
                    .any_starts_at(&doc.fold, trim_space_forward(doc, end));
            let name = doc.text(start, end);
            if named && !ctx.is_known(&name) {
                out.push(Candidate {
                    names: spaced_either_way(&name),
                    scoped: Vec::new(),
                    kind: EntityKind::Product,
                    strength: 2,
                });
            }
        }
        i = end.max(i + 1);
    }
    out
}

/// The name as written first, then written with any of its spaces left out (Mate60 Pro, Mate 60Pro,
/// Mate60Pro): news writes one model all these ways.
fn spaced_either_way(name: &str) -> Vec<String> {
    let parts: Vec<&str> = name.split(' ').collect();
    let gaps = parts.len() - 1;
    let mut names = vec![name.to_string()];
    for kept in (0..1u32 << gaps).rev().skip(1) {
        let mut s = parts[0].to_string();
        for (k, p) in parts[1..].iter().enumerate() {
            if kept & (1 << (gaps - 1 - k)) != 0 {
                s.push(' ');
            }
            s.push_str(p);
        }
        names.push(s);
    }
    names
}

fn trim_space_back(doc: &Doc, at: usize) -> usize {
    if at > 0 && doc.disp[at - 1] == ' ' {
        at - 1
    } else {
        at
    }
}

fn trim_space_forward(doc: &Doc, at: usize) -> usize {
    if at < doc.len() && doc.disp[at] == ' ' {
        at + 1
    } else {
        at
    }
}
