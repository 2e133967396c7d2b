//! Sentences: the unit events cite.
//!
//! A sentence ends at a Chinese or Latin sentence mark (`。！？!?；;`, a Latin `.` followed by a
//! space or the line end, except after a single capital such as `D.A.` or an abbreviation such as
//! `Mr.` or `Inc.` (`assets/text/english.toml`)), at an ellipsis, or at the
//! end of a line: a sentence never spans two paragraphs. Marks inside quotes or brackets
//! (`「」『』“”‘’（）《》`) do not end a sentence, so a quoted speech stays with its speaker; a quote
//! closing right after a mark ends the sentence with it, and closers right after a mark stay with
//! the sentence they close. Leading and trailing
//! spaces are left out of the span; the spans are sorted and do not overlap.

use super::marks::{is_close, is_open, is_sentence_end as is_terminal};
use super::Span;

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// Sentence spans of `text` (char offsets), given its chars.
pub fn split(chars: &[char]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth: usize = 0;
    let mut i = 0;
    let n = chars.len();
    while i < n {
        let c = chars[i];
        if c == '\n' {
            push(&mut out, chars, start, i);
            start = i + 1;
            depth = 0;
            i += 1;
            continue;
        }
        if is_open(c) {
            depth += 1;
        } else if is_close(c) {
            depth = depth.saturating_sub(1);
        } else if c == '"' {
            // A straight quote opens when nothing is open, closes otherwise.
            depth = if depth == 0 { 1 } else { depth - 1 };
        }
        // A quote that closes right after a sentence mark ends the sentence with it:
        // 他說:“我們會贏。”然後… splits after ”.
        let closes_sentence = depth == 0
            && (is_close(c) || c == '"')
            && i > 0
            && (is_terminal(chars[i - 1]) || chars[i - 1] == '.');
        let ends = depth == 0 && (is_terminal(c) || latin_full_stop(chars, i) || closes_sentence);
        if ends {
            let mut j = i + 1;
            // Runs of marks (?!, ……, 。」) and closers belong to the sentence they end.
            while j < n && (is_terminal(chars[j]) || is_close(chars[j]) || chars[j] == '.') {
                j += 1;
            }
            push(&mut out, chars, start, j);
            start = j;
            i = j;
            continue;
        }
        i += 1;
    }
    push(&mut out, chars, start, n);
    out
}

/// A `.` that ends a Latin sentence: followed by a space or line end, not a decimal point, not
/// after a lone capital (initials) and not after a Han char followed by more text without space.
fn latin_full_stop(chars: &[char], i: usize) -> bool {
    if chars[i] != '.' {
        return false;
    }
    let next = chars.get(i + 1).copied();
    if !matches!(next, None | Some(' ') | Some('\n') | Some('\t')) {
        return false;
    }
    // "D.A. Davidson", "U.S. officials": a single letter before the dot is an initial.
    let prev = if i > 0 {
        chars.get(i - 1).copied()
    } else {
        None
    };
    let before = if i > 1 {
        chars.get(i - 2).copied()
    } else {
        None
    };
    if prev.is_some_and(|p| p.is_ascii_uppercase()) && !before.is_some_and(|b| b.is_alphabetic()) {
        return false;
    }
    // Mr. Huang, Apple Inc. said, e.g. this.
    let mut s = i;
    while s > 0 && (chars[s - 1].is_ascii_alphabetic() || (chars[s - 1] == '.' && s > 1)) {
        s -= 1;
    }
    let word: String = chars[s..i].iter().collect::<String>().to_ascii_lowercase();
    !abbreviations().contains(&word)
}

/// English abbreviations (`assets/text/english.toml`), lower case.
fn abbreviations() -> &'static [String] {
    #[derive(serde::Deserialize)]
    struct File {
        abbreviations: Vec<String>,
    }
    static LIST: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    LIST.get_or_init(|| {
        // Part of the build, and read by a test: it cannot fail here.
        toml::from_str::<File>(include_str!("../../assets/text/english.toml"))
            .map(|f| f.abbreviations)
            .unwrap_or_else(|e| panic!("assets/text/english.toml: {e}"))
    })
}

fn push(out: &mut Vec<Span>, chars: &[char], mut start: usize, mut end: usize) {
    while start < end && is_space(chars[start]) {
        start += 1;
    }
    while end > start && is_space(chars[end - 1]) {
        end -= 1;
    }
    if end > start {
        out.push(Span::new(start, end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        split(&chars)
            .iter()
            .map(|sp| chars[sp.start..sp.end].iter().collect())
            .collect()
    }

    #[test]
    fn splits_chinese_and_keeps_quotes() {
        assert_eq!(
            texts("他說:「我們會贏。你們會輸!」然後離開。第二句？好"),
            vec![
                "他說:「我們會贏。你們會輸!」",
                "然後離開。",
                "第二句？",
                "好"
            ]
        );
        assert_eq!(
            texts("“我希望最少。”\nMeta CEO說"),
            vec!["“我希望最少。”", "Meta CEO說"]
        );
    }

    #[test]
    fn english_abbreviations_end_no_sentence() {
        assert_eq!(
            texts("Mr. Huang met Apple Inc. executives on Jan. 5. They agreed."),
            vec![
                "Mr. Huang met Apple Inc. executives on Jan. 5.",
                "They agreed."
            ]
        );
    }

    #[test]
    fn latin_sentences_and_initials() {
        assert_eq!(
            texts("Analyst D.A. Davidson said so. Version 3.1 shipped! OK"),
            vec![
                "Analyst D.A. Davidson said so.",
                "Version 3.1 shipped!",
                "OK"
            ]
        );
    }
}
