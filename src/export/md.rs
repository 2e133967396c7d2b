//! The reading export: a chronological CommonMark document. A `#` title and a summary line, then
//! one `##` section per calendar month holding the events dated within that month (`###` per event:
//! its date label and Chinese title, the English title, kind, status, entities, conflicts, and each
//! passage as a block quote that ends by naming its article: title, outlet and file).
//!
//! Dates are never made more precise than the text made them: an event known only to a quarter, a
//! half or a year sits in a section "YYYY, month not known" after that year's months, and undated or
//! vaguely dated events come last under "Undated or vaguely dated". Text from articles is escaped so
//! that a `*`, `#`, `[` or a line starting with `1.` in a passage stays text and never becomes markup.

use super::{chronological, describe_filter, tag, Catalog};
use crate::time::Precision;
use crate::timeline::{EventInfo, TimelineView};
use chrono::Datelike;
use std::fmt::Write;

/// Where an event goes in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Month(i32, u32),
    /// Sorts after every month of its year.
    Year(i32),
    Vague,
}

impl Section {
    /// The document's order: by year, months before "month not known", vague at the end.
    fn key(self) -> (bool, i32, u32) {
        match self {
            Section::Month(y, m) => (false, y, m),
            Section::Year(y) => (false, y, 13),
            Section::Vague => (true, 0, 0),
        }
    }
}

pub const VAGUE_HEADING: &str = "Undated or vaguely dated";

fn section(event: &EventInfo) -> Section {
    let Some(d) = &event.date else {
        return Section::Vague;
    };
    if d.precision == Precision::Vague || d.start.year() != d.end.year() {
        return Section::Vague;
    }
    if d.start.month() == d.end.month() {
        Section::Month(d.start.year(), d.start.month())
    } else {
        Section::Year(d.start.year())
    }
}

fn heading(s: Section) -> String {
    match s {
        Section::Month(y, m) => chrono::NaiveDate::from_ymd_opt(y, m, 1)
            .map(|d| d.format("%B %Y").to_string())
            .unwrap_or_else(|| format!("{y}-{m:02}")),
        Section::Year(y) => format!("{y}, month not known"),
        Section::Vague => VAGUE_HEADING.to_string(),
    }
}

pub fn render(view: &TimelineView) -> String {
    let catalog = Catalog::new(view);
    let mut events: Vec<(Section, &EventInfo)> = chronological(view)
        .into_iter()
        .map(|e| (section(e), e))
        .collect();
    // Stable: within a section the chronological order stays.
    events.sort_by_key(|(s, _)| s.key());

    let mut out = String::from("# Storyline timeline\n\n");
    let mut summary = format!(
        "{} events from {} articles",
        view.events.len(),
        view.articles.len()
    );
    if let Some(f) = describe_filter(&view.filter) {
        let _ = write!(summary, ", {f}");
    }
    let _ = write!(summary, "; generated {}.", view.generated);
    let _ = writeln!(out, "{}\n", inline(&summary));

    let mut current = None;
    for (s, event) in events {
        if current != Some(s) {
            let _ = writeln!(out, "## {}\n", heading(s));
            current = Some(s);
        }
        event_block(&mut out, &catalog, event);
    }
    out
}

fn event_block(out: &mut String, catalog: &Catalog, event: &EventInfo) {
    let label = event
        .date
        .as_ref()
        .map(|d| d.label.as_str())
        .unwrap_or("Undated");
    let _ = writeln!(out, "### {} — {}\n", inline(label), inline(&event.title.zh));
    if let Some(en) = event.title.en.as_deref().filter(|s| !s.trim().is_empty()) {
        let _ = writeln!(out, "*{}*\n", inline(en));
    }
    let mut facts = format!(
        "- Kind: {}; status: {}",
        tag(&event.kind),
        tag(&event.status)
    );
    if let Some(d) = &event.date {
        let _ = write!(
            facts,
            "; date: {} ({}, {})",
            inline(&d.edtf),
            inline(&d.label_zh),
            tag(&d.precision)
        );
    }
    if let Some(m) = &event.money {
        let _ = write!(facts, "; amount: {}", inline(m));
    }
    let _ = writeln!(out, "{facts}");
    let names = catalog.entity_names(event);
    if !names.is_empty() {
        let names: Vec<String> = names.iter().map(|n| inline(n)).collect();
        let _ = writeln!(out, "- Entities: {}", names.join(", "));
    }
    for line in catalog.conflict_lines(event) {
        let _ = writeln!(out, "- Sources disagree on {}", inline(&line));
    }
    out.push('\n');
    for source in &event.sources {
        let paragraphs: Vec<String> = source
            .quote
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(inline)
            .collect();
        for (i, p) in paragraphs.iter().enumerate() {
            if i > 0 {
                out.push_str(">\n");
            }
            let _ = writeln!(out, "> {p}");
        }
        out.push_str(">\n");
        let _ = writeln!(out, "> — {}\n", inline(&catalog.citation(&source.article)));
    }
}

/// Text for one line of inline Markdown: line breaks become spaces, markup characters are
/// backslash-escaped, and a start that CommonMark would read as a list, heading or rule is escaped.
pub fn inline(text: &str) -> String {
    let flat: String = text
        .split(['\r', '\n'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = String::with_capacity(flat.len() + 8);
    for ch in flat.chars() {
        if matches!(
            ch,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '{' | '}'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    // Block starts: "- x", "+ x", "= x" (setext), "1. x" / "1) x".
    if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    } else {
        let digits = out.chars().take_while(|c| c.is_ascii_digit()).count();
        if digits > 0 && out[digits..].starts_with(['.', ')']) {
            out.insert(digits, '\\');
        }
    }
    out
}
