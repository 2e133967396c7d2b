//! Whether a date's clause speaks of the future: a marker (預計, 將於, 計劃, 有望, 擬, 即將, or 將
//! followed by a verb) between the previous clause break and the next one. A date that opens its
//! clause and is followed by a comma lends its reach to the clause after it (`2026年，數據中心將投入
//! 運營`). Both scripts are accepted.
//!
//! The markers are data (`assets/lexicon/time.toml`), folded on load; the clause's chars are folded
//! as they are compared, so the scanner reads unfolded text as well.

use crate::text::fold_char;
use crate::text::marks::{is_clause_mark, is_sentence_end};

fn future() -> &'static super::vocab::Future {
    &super::vocab::vocab().future
}

fn is_clause_end(c: char) -> bool {
    c == '\n' || is_sentence_end(c) || is_clause_mark(c)
}

/// The clause around `[s, e)` has a marker of the future; a date that opens its clause and is
/// followed by a comma lends its reach to the clause after it (`2026年，數據中心將投入運營`).
pub(crate) fn future_clause(t: &[char], s: usize, e: usize) -> bool {
    let mut a = s;
    while a > 0 && !is_clause_end(t[a - 1]) && s - a < 80 {
        a -= 1;
    }
    let mut b = e;
    if matches!(t.get(b), Some(',' | '，')) {
        b += 1;
    }
    while b < t.len() && !is_clause_end(t[b]) && b - e < 80 {
        b += 1;
    }
    let clause = &t[a..b];
    (0..clause.len()).any(|k| future_marker(clause, k))
}

/// `word` (folded) starts at `k` of `t`, each char of `t` folded as it is compared: the pipeline
/// scans folded text already, so this costs a table lookup per char and no copy.
fn starts(t: &[char], k: usize, word: &str) -> bool {
    (k..)
        .zip(word.chars())
        .all(|(j, c)| t.get(j).map(|&x| fold_char(x)) == Some(c))
}

/// A marker starts at `k` of the clause `t`.
fn future_marker(t: &[char], k: usize) -> bool {
    let f = future();
    let inside_not_marker = |marker: &str| {
        f.not_markers.iter().any(|w| {
            w.match_indices(marker).any(|(byte, _)| {
                let off = w[..byte].chars().count();
                k >= off && starts(t, k - off, w)
            })
        })
    };
    if let Some(m) = f.markers.iter().find(|m| starts(t, k, m)) {
        return !inside_not_marker(m);
    }
    starts(t, k, &f.will) && !inside_not_marker(&f.will) && {
        let next = k + f.will.chars().count();
        f.will_before.iter().any(|w| starts(t, next, w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn future_at(text: &str, date: &str) -> bool {
        let t: Vec<char> = text.chars().collect();
        let byte = text.find(date).unwrap();
        let s = text[..byte].chars().count();
        future_clause(&t, s, s + date.chars().count())
    }

    #[test]
    fn markers_in_either_script_and_their_exceptions() {
        assert!(future_at("數據中心預計2026年上線", "2026年"));
        assert!(future_at("数据中心将于2026年启用", "2026年"));
        assert!(future_at("2026年，數據中心將投入運營", "2026年"));
        assert!(future_at("公司擬於2026年上市", "2026年"));
        assert!(
            !future_at("2024年將其收購", "2024年"),
            "将 as a preposition"
        );
        assert!(!future_at("2024年的模擬結果", "2024年"), "拟 inside 模拟");
        assert!(future_at("4月14日，法院將對此案進行公審", "4月14日"));
        assert!(
            !future_at("2024年決賽將對手擊倒", "2024年"),
            "将 before 对手 is a preposition"
        );
        assert!(!future_at("2024年发布了虚拟形象", "2024年"));
        assert!(
            !future_at("2024年宣布收購。預計明年完成", "2024年"),
            "another sentence"
        );
    }
}
