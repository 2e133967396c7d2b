//! The Markdown export parsed by a CommonMark parser (pulldown-cmark): month sections in order with
//! the undated ones last, one `###` per event, one block quote per passage naming its article, and
//! article text that stays text however many markup characters it holds.

use crate::support;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use storyline::export::{md, render, Format};

/// Headings (level, text), block quotes (their text) and the whole document's plain text.
struct Doc {
    headings: Vec<(HeadingLevel, String)>,
    quotes: Vec<String>,
    html_blocks: usize,
    lists: usize,
}

fn parse(text: &str) -> Doc {
    let mut doc = Doc {
        headings: vec![],
        quotes: vec![],
        html_blocks: 0,
        lists: 0,
    };
    let mut heading: Option<(HeadingLevel, String)> = None;
    let mut quote_depth = 0;
    let mut quote = String::new();
    for ev in Parser::new(text) {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::End(TagEnd::Heading(_)) => doc.headings.push(heading.take().unwrap()),
            Event::Start(Tag::BlockQuote(_)) => {
                quote_depth += 1;
                quote.clear();
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                quote_depth -= 1;
                doc.quotes.push(std::mem::take(&mut quote));
            }
            Event::Start(Tag::List(_)) if quote_depth > 0 => doc.lists += 1,
            Event::Start(Tag::HtmlBlock) | Event::InlineHtml(_) | Event::Html(_) => {
                doc.html_blocks += 1
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&t);
                }
                if quote_depth > 0 {
                    quote.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak if quote_depth > 0 => quote.push(' '),
            Event::End(TagEnd::Paragraph) if quote_depth > 0 => quote.push('\n'),
            _ => {}
        }
    }
    doc
}

#[test]
fn sections_by_month_in_order_with_vague_and_undated_last() {
    let view = support::view();
    let doc = parse(&render(Format::Md, &view).unwrap());
    let h1: Vec<&str> = doc
        .headings
        .iter()
        .filter(|(l, _)| *l == HeadingLevel::H1)
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(h1, ["Storyline timeline"]);
    let h2: Vec<&str> = doc
        .headings
        .iter()
        .filter(|(l, _)| *l == HeadingLevel::H2)
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(
        h2,
        [
            "2024, month not known",
            "June 2025",
            "July 2025",
            "December 2025",
            "2025, month not known",
            md::VAGUE_HEADING
        ]
    );
}

#[test]
fn one_heading_per_event_under_the_right_section() {
    let view = support::view();
    let doc = parse(&render(Format::Md, &view).unwrap());
    let mut section = String::new();
    let mut placed: Vec<(String, String)> = Vec::new();
    for (level, text) in &doc.headings {
        match level {
            HeadingLevel::H2 => section = text.clone(),
            HeadingLevel::H3 => placed.push((section.clone(), text.clone())),
            _ => {}
        }
    }
    assert_eq!(placed.len(), view.events.len(), "one ### per event");
    for e in &view.events {
        let label = e
            .date
            .as_ref()
            .map(|d| d.label.as_str())
            .unwrap_or("Undated");
        let want = format!("{label} — {}", e.title.zh);
        let hits: Vec<&(String, String)> = placed.iter().filter(|(_, h)| *h == want).collect();
        assert_eq!(
            hits.len(),
            1,
            "{want:?} exactly once (titles come back verbatim after escaping)"
        );
        let section = &hits[0].0;
        match e.id.as_str() {
            "ev-day" | "ev-xun" | "ev-long" => assert_eq!(section, "June 2025"),
            "ev-month" => assert_eq!(section, "July 2025"),
            "ev-newyear" => assert_eq!(section, "December 2025"),
            "ev-quarter" => assert_eq!(section, "2025, month not known"),
            "ev-year" => assert_eq!(section, "2024, month not known"),
            "ev-vague" | "ev-undated" => assert_eq!(section, md::VAGUE_HEADING),
            other => panic!("unexpected {other}"),
        }
    }
    // Within June: the xun (11–20) before the two 30 June events.
    let june: Vec<&str> = placed
        .iter()
        .filter(|(s, _)| s == "June 2025")
        .map(|(_, h)| h.as_str())
        .collect();
    assert!(june[0].starts_with("mid-June 2025"), "{june:?}");
}

#[test]
fn every_passage_is_a_block_quote_naming_its_article() {
    let view = support::view();
    let doc = parse(&render(Format::Md, &view).unwrap());
    let passages: usize = view.events.iter().map(|e| e.sources.len()).sum();
    assert_eq!(doc.quotes.len(), passages, "one block quote per passage");
    assert_eq!(
        doc.lists, 0,
        "a passage starting with '- ' or '1. ' must not become a list"
    );
    assert_eq!(doc.html_blocks, 0, "HTML in a passage must stay text");
    for e in &view.events {
        for s in &e.sources {
            let words: Vec<&str> = s.quote.split_whitespace().collect();
            let q = doc
                .quotes
                .iter()
                .find(|q| q.split_whitespace().collect::<Vec<_>>().starts_with(&words))
                .unwrap_or_else(|| panic!("passage of {} not found verbatim: {:?}", e.id, s.quote));
            let (file, title) = match s.article.as_str() {
                "a1" => (
                    "000_first.txt",
                    "Meta成立超級智能實驗室 (經濟日報; 000_first.txt)",
                ),
                _ => (
                    "001_second.txt",
                    "祖克柏大手筆, 挖角AI人才 (001_second.txt)",
                ),
            };
            assert!(q.contains(file) && q.contains(title), "{q}");
        }
    }
}

#[test]
fn english_titles_entities_and_conflicts_are_shown() {
    let out = render(Format::Md, &support::view()).unwrap();
    // Plain text of the rendered document, with emphasis marked, and what became raw HTML.
    let mut text = String::new();
    let mut raw_html = 0;
    for ev in Parser::new(&out) {
        match ev {
            Event::Text(t) => text.push_str(&t),
            Event::Start(Tag::Emphasis) => text.push_str("<em>"),
            Event::End(TagEnd::Emphasis) => text.push_str("</em>"),
            Event::SoftBreak | Event::End(TagEnd::Paragraph) | Event::End(TagEnd::Item) => {
                text.push('\n')
            }
            Event::Html(_) | Event::InlineHtml(_) => raw_html += 1,
            _ => {}
        }
    }
    assert!(
        text.contains("<em>Meta invests US$14.3 billion in Scale AI for a 49% stake</em>"),
        "{text}"
    );
    assert!(text.contains("Entities: Meta, Alexandr Wang"));
    assert!(text.contains(
        "Sources disagree on date: 2025-06-30 (000_first.txt); 2025-07-01 (001_second.txt)"
    ));
    assert!(
        text.contains("<script>alert('x')</script>"),
        "the passage's text survives as text"
    );
    assert_eq!(raw_html, 0, "and never as live HTML");
}

#[test]
fn markup_characters_in_text_stay_text() {
    for s in [
        "1. item",
        "- dash",
        "# hash",
        "*a* _b_ `c`",
        "[x](y)",
        "<b>x</b>",
        "a | b",
        "&amp;",
        "2) two",
        "== x",
        "\\n",
    ] {
        let doc = parse(&format!("## {}\n", md::inline(s)));
        assert_eq!(doc.headings, [(HeadingLevel::H2, s.to_string())], "{s:?}");
        let mut text = String::new();
        let inline = md::inline(s);
        for ev in Parser::new(&inline) {
            if let Event::Text(t) = ev {
                text.push_str(&t);
            }
        }
        assert_eq!(text, s, "{s:?} as a paragraph");
    }
}
