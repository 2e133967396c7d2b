//! The punctuation that bounds sentences, clauses and quotes, and the shape of a heading: the one
//! place every stage asks.
//!
//! Chinese and Latin marks are listed together (full-width and half-width), since reposts mix them.
//! Limits: a Latin full stop is not here (whether `.` ends a sentence depends on what follows it;
//! see `sentences`), and neither are the quotes of a search query, which are syntax, not text.

/// Marks that end a sentence.
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';' | '…' | '｡')
}

/// Marks that end a clause inside a sentence.
pub fn is_clause_mark(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';' | '：' | ':')
}

/// Brackets and quotation marks that open: sentence marks inside them do not end the sentence.
pub fn is_open(c: char) -> bool {
    matches!(c, '「' | '『' | '“' | '‘' | '（' | '《' | '〈' | '【')
}

/// Brackets and quotation marks that close.
pub fn is_close(c: char) -> bool {
    matches!(c, '」' | '』' | '”' | '’' | '）' | '》' | '〉' | '】')
}

/// Quotation marks that open a quoted speech (not brackets, not titles).
pub fn is_quote_open(c: char) -> bool {
    matches!(c, '「' | '“' | '『')
}

/// Quotation marks that close a quoted speech.
pub fn is_quote_close(c: char) -> bool {
    matches!(c, '」' | '”' | '』')
}

/// The spans of quoted speech in `shown` (marks included), as char offsets plus `offset`: from an
/// opening quotation mark to the closing mark of its own kind, so a quotation quoting another
/// (「…『…』…」) is one span.
pub fn quoted_spans(shown: &str, offset: usize) -> Vec<crate::text::Span> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (k, c) in shown.chars().enumerate() {
        match open {
            None if is_quote_open(c) => open = Some((k, closing(c))),
            Some((o, close)) if c == close => {
                out.push(crate::text::Span::new(offset + o, offset + k + 1));
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// The mark that closes a quotation opened by `c`.
fn closing(c: char) -> char {
    match c {
        '「' => '」',
        '『' => '』',
        _ => '”',
    }
}

/// Longest line, in chars, that can be a heading.
pub const HEADING_CHARS: usize = 30;

/// The line ends with a full stop. Headlines end with `!` and `?` as often as sentences do, so
/// this, not [`ends_as_sentence`], tells a page's headline lines from its body.
pub fn ends_with_full_stop(line: &str) -> bool {
    line.trim_end().ends_with(['。', '.'])
}

/// The line ends as a sentence does (a paragraph that is a sub-heading does not).
pub fn ends_as_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['。', '！', '!', '？', '?', '」', '”', '.'])
}

/// A heading's shape: a short line that does not end as a sentence does. Where it stands (before
/// body text) is for the caller to judge.
pub fn heading_shape(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty() && line.chars().count() <= HEADING_CHARS && !ends_as_sentence(line)
}

#[cfg(test)]
mod tests {
    use super::quoted_spans;
    use crate::text::Span;

    #[test]
    fn a_quotation_quoting_another_is_one_span() {
        assert_eq!(
            quoted_spans("他說「甲『乙』丙」,又說“丁”", 10),
            vec![Span::new(12, 19), Span::new(22, 25)]
        );
    }
}
