//! Knight Lab TimelineJS3 exports: the JSON a page hands to `new TL.Timeline(id, data)`, and the
//! 18-column spreadsheet of TimelineJS's Google Sheets template, both from the same slides.
//!
//! A title slide says what the timeline holds; then one slide per dated event. Dates are filled only
//! down to what the text told: a day-precise event has year, month and day; a month-precise one year
//! and month; a year-precise one the year alone (a vague range: its months within one year, else
//! its years); ranges (xun, quarter, half, vague) get an
//! `end_date` and a `display_date` carrying the event's own label, so TimelineJS never shows a
//! made-up day. TimelineJS cannot place an event without a start date, so undated events are left
//! out and the title slide says how many; with no dated event at all the export is an error (TimelineJS
//! rejects an empty timeline). Slide text is HTML: everything from articles is escaped;
//! each passage is a `<blockquote>` followed by the article's title, outlet and file. `group` is the
//! event kind; `unique_id`s are derived from event ids and are unique within the file.

use super::{chronological, describe_filter, no_dated_events, tag, Catalog, Sheet};
use crate::error::{Error, ErrorCode, Result};
use crate::time::Precision;
use crate::timeline::{EventDate, EventInfo, TimelineView};
use chrono::Datelike;
use serde_json::{json, Map, Value};
use std::collections::HashSet;

/// The TimelineJS spreadsheet template's columns, in order.
pub const CSV_COLUMNS: [&str; 18] = [
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
];

/// A date as far as it is known: year, then month, then day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Partial {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
}

impl Partial {
    fn of(d: chrono::NaiveDate, depth: u8) -> Partial {
        Partial {
            year: d.year(),
            month: (depth >= 2).then(|| d.month()),
            day: (depth >= 3).then(|| d.day()),
        }
    }
    fn json(self) -> Value {
        let mut m = Map::new();
        m.insert("year".into(), json!(self.year));
        if let Some(mo) = self.month {
            m.insert("month".into(), json!(mo));
        }
        if let Some(d) = self.day {
            m.insert("day".into(), json!(d));
        }
        Value::Object(m)
    }
    fn cells(self) -> [String; 3] {
        [
            self.year.to_string(),
            self.month.map(|m| m.to_string()).unwrap_or_default(),
            self.day.map(|d| d.to_string()).unwrap_or_default(),
        ]
    }
}

/// What TimelineJS is told about an event's date.
struct SlideDate {
    start: Partial,
    end: Option<Partial>,
    display: Option<String>,
}

fn slide_date(d: &EventDate) -> SlideDate {
    // How deep the date is known (1 year, 2 month, 3 day), and whether TimelineJS's own rendering of
    // that would say less than the truth (a xun shown as "June 11 – June 20" hides that the text
    // said "mid-June"; a vague range shown as years hides that it is vague).
    let (depth, own_label) = match d.precision {
        Precision::Day => (3, false),
        Precision::Xun => (3, true),
        Precision::Month => (2, false),
        Precision::Quarter | Precision::Half => (2, true),
        Precision::Year => (1, false),
        // A vague range within one year ("c. 14 June – 15 July") is placed by its months, so the
        // marker sits where the text put it, not on 1 January; across years, by its years.
        Precision::Vague => (if d.start.year() == d.end.year() { 2 } else { 1 }, true),
    };
    let start = Partial::of(d.start, depth);
    let end = Partial::of(d.end.max(d.start), depth);
    SlideDate {
        start,
        end: (end != start).then_some(end),
        display: (own_label && !d.label.trim().is_empty()).then(|| d.label.clone()),
    }
}

/// Escape text for HTML content and attribute values.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escaped text with its line breaks kept as `<br>`.
fn html_lines(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(html)
        .collect::<Vec<_>>()
        .join("<br>")
}

fn slide_text(catalog: &Catalog, event: &EventInfo) -> String {
    let mut out = String::new();
    if let Some(en) = event.title.en.as_deref().filter(|s| !s.trim().is_empty()) {
        out.push_str(&format!("<p><em>{}</em></p>", html(en)));
    }
    let mut facts = format!(
        "{} · {}",
        html(&tag(&event.kind)),
        html(&tag(&event.status))
    );
    if let Some(m) = &event.money {
        facts.push_str(&format!(" · {}", html(m)));
    }
    if let Some(d) = &event.date {
        facts.push_str(&format!(
            " · {} ({})",
            html(&d.label_zh),
            html(&tag(&d.precision))
        ));
    }
    out.push_str(&format!("<p class=\"storyline-facts\">{facts}</p>"));
    let names = catalog.entity_names(event);
    if !names.is_empty() {
        let names: Vec<String> = names.iter().map(|n| html(n)).collect();
        out.push_str(&format!(
            "<p class=\"storyline-entities\">{}</p>",
            names.join(", ")
        ));
    }
    for c in catalog.conflict_lines(event) {
        out.push_str(&format!(
            "<p class=\"storyline-conflict\">Sources disagree on {}</p>",
            html(&c)
        ));
    }
    for s in &event.sources {
        out.push_str(&format!(
            "<blockquote>{}</blockquote><p class=\"storyline-source\">— {}</p>",
            html_lines(&s.quote),
            html(&catalog.citation(&s.article))
        ));
    }
    out
}

/// A kind as a group name: `infrastructure` → "Infrastructure".
fn group(event: &EventInfo) -> String {
    let t = tag(&event.kind).replace('_', " ");
    let mut c = t.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => t,
    }
}

/// Ids safe in an HTML id and a URL hash, unique within one export.
fn unique_ids(events: &[&EventInfo]) -> Vec<String> {
    let mut seen = HashSet::new();
    events
        .iter()
        .map(|e| {
            let base: String = format!("event-{}", e.id)
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                        c
                    } else {
                        '-'
                    }
                })
                .collect();
            let mut id = base.clone();
            let mut n = 2;
            while !seen.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
            id
        })
        .collect()
}

struct TitleSlide {
    headline: String,
    text: String,
}

fn title_slide(view: &TimelineView, shown: usize) -> TitleSlide {
    let undated = view.events.len() - shown;
    let mut text = format!("<p>{shown} events from {} articles", view.articles.len());
    if let Some(f) = describe_filter(&view.filter) {
        text.push_str(&format!(", {}", html(&f)));
    }
    text.push_str(".</p>");
    if undated > 0 {
        text.push_str(&format!(
            "<p>{undated} undated event{} cannot be placed on a timeline and {} not shown.</p>",
            if undated == 1 { "" } else { "s" },
            if undated == 1 { "is" } else { "are" }
        ));
    }
    let titles: Vec<String> = view.articles.iter().map(|a| html(a.title.trim())).collect();
    if !titles.is_empty() {
        text.push_str(&format!("<p>Sources: {}</p>", titles.join("; ")));
    }
    TitleSlide {
        headline: "Storyline".into(),
        text,
    }
}

/// The dated events, chronologically. TimelineJS refuses a timeline without events ("Timeline
/// configuration has no events"), so an export that would have none is an error that says why,
/// rather than a file TimelineJS cannot open.
fn dated(view: &TimelineView) -> Result<Vec<&EventInfo>> {
    let events: Vec<&EventInfo> = chronological(view)
        .into_iter()
        .filter(|e| e.date.is_some())
        .collect();
    if events.is_empty() {
        return Err(no_dated_events(view, "on a TimelineJS timeline"));
    }
    Ok(events)
}

pub fn render_json(view: &TimelineView) -> Result<String> {
    let catalog = Catalog::new(view);
    let events = dated(view)?;
    let ids = unique_ids(&events);
    let slides: Vec<Value> = events
        .iter()
        .zip(&ids)
        .filter_map(|(e, id)| {
            let d = slide_date(e.date.as_ref()?);
            let mut slide = Map::new();
            slide.insert("unique_id".into(), json!(id));
            slide.insert("start_date".into(), d.start.json());
            if let Some(end) = d.end {
                slide.insert("end_date".into(), end.json());
            }
            if let Some(label) = d.display {
                slide.insert("display_date".into(), json!(label));
            }
            slide.insert(
                "text".into(),
                json!({"headline": html(&e.title.zh), "text": slide_text(&catalog, e)}),
            );
            slide.insert("group".into(), json!(group(e)));
            Some(Value::Object(slide))
        })
        .collect();
    let title = title_slide(view, slides.len());
    let doc = json!({
        "title": {"unique_id": "storyline-title", "text": {"headline": html(&title.headline), "text": title.text}},
        "events": slides,
    });
    serde_json::to_string_pretty(&doc).map_err(|e| {
        Error::new(
            ErrorCode::Internal,
            format!("cannot encode TimelineJS JSON: {e}"),
        )
    })
}

pub fn render_csv(view: &TimelineView) -> Result<String> {
    let catalog = Catalog::new(view);
    let events = dated(view)?;
    let mut sheet = Sheet::new();
    sheet.row(&CSV_COLUMNS)?;
    let title = title_slide(view, events.len());
    let mut row: [String; 18] = Default::default();
    row[9] = title.headline;
    row[10] = title.text;
    row[15] = "title".into();
    sheet.row(&row)?;
    for e in events {
        let Some(date) = &e.date else { continue };
        let d = slide_date(date);
        let mut row: [String; 18] = Default::default();
        row[0..3].clone_from_slice(&d.start.cells());
        if let Some(end) = d.end {
            row[4..7].clone_from_slice(&end.cells());
        }
        row[8] = d.display.unwrap_or_default();
        row[9] = html(&e.title.zh);
        row[10] = slide_text(&catalog, e);
        row[16] = group(e);
        sheet.row(&row)?;
    }
    sheet.finish()
}
