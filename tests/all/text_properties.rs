//! Properties of the text model for any input: no panic, folded text as long as display text,
//! offset maps monotone and in bounds, spans sorted and inside the text.

use proptest::prelude::*;
use storyline::corpus::SourceFormat;
use storyline::text::{build, convert_script, fold_str, ArticleText, ScriptChoice, Span};

/// Pieces that exercise the rules: Han text, pinyin, marks, quotes, dates, widgets, markup,
/// controls, CRLF, BOMs, emoji, astral chars.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("數據中心".to_string()),
        Just("紥尅伯格說:".to_string()),
        Just("擅長(cháng)".to_string()),
        Just("(chuàng )".to_string()),
        Just("。".to_string()),
        Just("！？".to_string()),
        Just("“".to_string()),
        Just("」".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just("2025-07-17 07:13:09".to_string()),
        Just("Read More".to_string()),
        Just("  • 9".to_string()),
        Just("首页 > 科技 > 正文".to_string()),
        Just("🎁 免費".to_string()),
        Just("<p>".to_string()),
        Just("&amp;".to_string()),
        Just("\u{0}\u{7}\u{FEFF}\u{200B}".to_string()),
        Just("Ｍｅｔａ İ ß".to_string()),
        Just("𠀀𪚥".to_string()),
        Just("D.A. Davidson said. ".to_string()),
        "[一-龥]{1,30}",
        ".{0,20}",
    ]
}

fn article_like() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|v| v.concat())
}

fn check(raw: &str, t: &ArticleText) {
    let n = t.display.chars().count();
    let raw_n = raw.chars().count();
    assert_eq!(&*t.raw, raw);
    assert_eq!(
        t.folded().chars().count(),
        n,
        "folded keeps the display length"
    );
    assert_eq!(t.len(), n);
    let expected: Vec<&str> = t.display.split("").filter(|c| !c.is_empty()).collect();
    for (i, c) in expected.iter().enumerate() {
        assert_eq!(
            t.slice(Span::new(i, i + 1)),
            *c,
            "display char {i} sliced by char offsets"
        );
    }
    assert_eq!(
        t.to_raw.len(),
        n + 1,
        "one entry per display char plus the end"
    );
    let to_raw: Vec<usize> = t.to_raw.iter().collect();
    assert!(
        to_raw.windows(2).all(|w| w[0] <= w[1]),
        "to_raw is monotone: {to_raw:?}"
    );
    assert!(
        to_raw.iter().all(|&r| r <= raw_n),
        "to_raw stays inside the raw text"
    );
    for spans in [&t.sentences, &t.paragraphs] {
        assert!(
            spans.iter().all(|s| s.start < s.end && s.end <= n),
            "{spans:?}"
        );
        assert!(
            spans.to_vec().windows(2).all(|w| w[0].end <= w[1].start),
            "sorted, disjoint: {spans:?}"
        );
    }
    for s in &t.sentences {
        assert!(
            t.paragraph_at(s.start).is_some_and(|p| p.contains(s)),
            "a sentence sits in one paragraph"
        );
        let _ = t.raw_span(s);
    }
    for f in &t.furniture {
        assert!(f.raw.start <= f.raw.end && f.raw.end <= raw_n, "{f:?}");
    }
    if let Some(title) = t.title {
        assert!(t.paragraphs.contains(title));
    }
    assert!(!t
        .display
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t'));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_builds_with_consistent_maps(raw in article_like()) {
        check(&raw, &build(&raw, SourceFormat::Text));
    }

    #[test]
    fn any_string_builds(raw in "(?s).{0,200}") {
        check(&raw, &build(&raw, SourceFormat::Text));
    }

    #[test]
    fn any_html_builds_with_consistent_maps(raw in article_like()) {
        let page = format!("<html><body><p>{raw}</p></body></html>");
        check(&page, &build(&page, SourceFormat::Html));
    }

    #[test]
    fn fold_str_keeps_char_count(s in "(?s).{0,200}") {
        prop_assert_eq!(fold_str(&s).chars().count(), s.chars().count());
    }

    #[test]
    fn conversion_keeps_char_count(s in article_like()) {
        for choice in [ScriptChoice::Hans, ScriptChoice::Hant] {
            prop_assert_eq!(convert_script(&s, choice).chars().count(), s.chars().count());
        }
    }
}
