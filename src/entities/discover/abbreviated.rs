//! Short forms of organisation names: the press abbreviates a long name by keeping a char or two
//! of each of its words (中華民國拳擊協會 → 中華拳協, 高位公職者犯罪搜查處 → 公搜處). A short form
//! is found in the article that names the organisation in full, and becomes one more spelling of
//! it, so the corpus' other tellings that use only the short form name it too.
//!
//! A run of the text is a short form of a name when it is three or four Han chars that appear in
//! the name in order but not side by side, open with one of the name's first two chars and close
//! with one of its last two, are not whole words themselves (緬甸|政府 is not 緬甸民族團結政府),
//! and form no dictionary word with the chars beside them (國際會|議 is not 國際拳擊總會's).

use super::{is_han, Candidate, Doc};
use crate::entities::EntityKind;
use crate::text::words::Segmenter;

/// The chars of a short form.
const SHORT: std::ops::RangeInclusive<usize> = 3..=4;
/// A name shorter than this is not abbreviated.
const LONG_NAME: usize = 6;

/// Each organisation's short forms in this article, added to its spellings.
pub(crate) fn add(doc: &Doc, jieba: &Segmenter, found: &mut [Candidate]) {
    for c in found
        .iter_mut()
        .filter(|c| c.kind == EntityKind::Organization)
    {
        let Some(full) = c.names.first().map(|n| crate::text::fold_str(n)) else {
            continue;
        };
        let full: Vec<char> = full.chars().collect();
        if full.len() < LONG_NAME || !full.iter().all(|&ch| is_han(ch)) {
            continue;
        }
        for short in short_forms(doc, jieba, &full) {
            if !c.names.contains(&short) {
                c.names.push(short);
            }
        }
    }
}

fn short_forms(doc: &Doc, jieba: &Segmenter, full: &[char]) -> Vec<String> {
    let f = &doc.fold;
    let mut out: Vec<String> = Vec::new();
    for i in 0..f.len() {
        if f[i] != full[0] && f[i] != full[1] {
            continue;
        }
        for len in SHORT.rev() {
            let end = i + len;
            if end > f.len() || !f[i..end].iter().all(|&ch| is_han(ch)) {
                continue;
            }
            if !abbreviates(&f[i..end], full) || joins(jieba, f, i, end) || words(jieba, &f[i..end])
            {
                continue;
            }
            let s = doc.text(i, end);
            if !out.contains(&s) {
                out.push(s);
            }
            break;
        }
    }
    out
}

/// `short` appears in `full` in order, opening in its first two chars and closing in its last
/// two, and is not a run of `full` itself.
fn abbreviates(short: &[char], full: &[char]) -> bool {
    if full.windows(short.len()).any(|w| w == short) {
        return false;
    }
    let Some(first) = full.iter().take(2).position(|&c| c == short[0]) else {
        return false;
    };
    let mut at = first + 1;
    for &c in &short[1..] {
        match full[at..].iter().position(|&x| x == c) {
            Some(k) => at += k + 1,
            None => return false,
        }
    }
    at + 2 > full.len()
}

/// The run is whole words (緬甸|政府, 美國|國會): a name of its own, not a short form, which keeps
/// single chars of the name's words.
fn words(jieba: &Segmenter, run: &[char]) -> bool {
    let run: String = run.iter().collect();
    jieba.cut(&run, false).iter().all(|t| t.end - t.start > 1)
}

/// The run's first char makes a word with the char before it, or its last with the char after.
fn joins(jieba: &Segmenter, f: &[char], start: usize, end: usize) -> bool {
    let pair = |a: char, b: char| jieba.has_word(&[a, b].iter().collect::<String>());
    (start > 0 && is_han(f[start - 1]) && pair(f[start - 1], f[start]))
        || (end < f.len() && is_han(f[end]) && pair(f[end - 1], f[end]))
}

#[cfg(test)]
mod tests {
    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn a_short_form_keeps_chars_of_the_name_in_order_and_spans_it() {
        let full = chars("中華民國拳擊協會");
        assert!(super::abbreviates(&chars("中華拳協"), &full));
        assert!(super::abbreviates(&chars("中拳協"), &full));
        assert!(
            !super::abbreviates(&chars("中華民國"), &full),
            "a run of the name"
        );
        assert!(
            !super::abbreviates(&chars("中國拳"), &full),
            "stops short of its end"
        );
        assert!(
            !super::abbreviates(&chars("中華拳擊"), &full),
            "stops short of its end"
        );
        assert!(!super::abbreviates(&chars("拳協會"), &full), "opens late");
        assert!(!super::abbreviates(&chars("中協華"), &full), "out of order");
    }
}
