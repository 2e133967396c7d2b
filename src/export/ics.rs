//! The calendar export: an RFC 5545 iCalendar file that calendar programs import.
//!
//! One all-day `VEVENT` per dated event: `DTSTART;VALUE=DATE` is the first day of the event's range
//! and `DTEND;VALUE=DATE` the day after its last (RFC 5545 ends are exclusive), so a month-precise
//! event spans the whole month and a xun the ten days of that third of the month. The UID is the
//! event's stable id + `@storyline`, so re-importing an updated export updates events instead of
//! duplicating them. DTSTAMP is the view's generation time in UTC. SUMMARY is the Chinese title (and
//! the English one), DESCRIPTION the date label, kind, status, entities, conflicts and every quoted
//! passage with its article; `X-STORYLINE-PRECISION` and `X-STORYLINE-EDTF` keep what a calendar
//! cannot say (that "June 2025" is not 30 separate days of certainty).
//!
//! A calendar cannot hold an undated item, so undated events are left out; the calendar says how
//! many with `X-STORYLINE-UNDATED` (a legal calendar-level x-property) so nothing is dropped silently.
//! RFC 5545 requires at least one component, so with no dated event at all the export is an error
//! that says why, not an empty calendar.
//!
//! Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character; TEXT values
//! escape `\`, `;`, `,` and line breaks.

use super::{chronological, describe_filter, no_dated_events, tag, Catalog};
use crate::error::Result;
use crate::events::Status;
use crate::timeline::{EventInfo, TimelineView};
use chrono::{DateTime, NaiveDate, Utc};

/// The most octets a physical line may hold, line break excluded (RFC 5545 §3.1).
pub const MAX_OCTETS: usize = 75;

pub fn render(view: &TimelineView) -> Result<String> {
    if view.events.iter().all(|e| e.date.is_none()) {
        return Err(no_dated_events(view, "in a calendar"));
    }
    let catalog = Catalog::new(view);
    let stamp = DateTime::parse_from_rfc3339(&view.generated)
        .map(|d| d.with_timezone(&Utc))
        .unwrap_or_else(|_| Utc::now())
        .format("%Y%m%dT%H%M%SZ")
        .to_string();
    let mut out = String::new();
    let undated = view.events.iter().filter(|e| e.date.is_none()).count();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(
        &mut out,
        &format!(
            "PRODID:-//Storyline//Storyline {}//EN",
            env!("CARGO_PKG_VERSION")
        ),
    );
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    let mut name = String::from("Storyline");
    if let Some(f) = describe_filter(&view.filter) {
        name.push_str(" — ");
        name.push_str(&f);
    }
    line(&mut out, &format!("X-WR-CALNAME:{}", text(&name)));
    line(&mut out, &format!("X-STORYLINE-UNDATED:{undated}"));
    for event in chronological(view) {
        vevent(&mut out, &catalog, event, &stamp);
    }
    line(&mut out, "END:VCALENDAR");
    Ok(out)
}

fn vevent(out: &mut String, catalog: &Catalog, event: &EventInfo, stamp: &str) {
    let Some(date) = &event.date else { return };
    let day = |d: NaiveDate| d.format("%Y%m%d").to_string();
    let last = date.end.max(date.start);
    let after = last.succ_opt().unwrap_or(last);
    line(out, "BEGIN:VEVENT");
    line(
        out,
        &format!("UID:{}", text(&format!("{}@storyline", event.id))),
    );
    line(out, &format!("DTSTAMP:{stamp}"));
    line(out, &format!("DTSTART;VALUE=DATE:{}", day(date.start)));
    line(out, &format!("DTEND;VALUE=DATE:{}", day(after)));
    let summary = match event.title.en.as_deref().filter(|s| !s.trim().is_empty()) {
        Some(en) => format!("{} / {}", event.title.zh, en),
        None => event.title.zh.clone(),
    };
    line(out, &format!("SUMMARY:{}", text(&summary)));
    line(
        out,
        &format!("DESCRIPTION:{}", text(&description(catalog, event))),
    );
    line(out, &format!("CATEGORIES:{}", text(&tag(&event.kind))));
    line(
        out,
        &format!(
            "STATUS:{}",
            if event.status == Status::Confirmed {
                "CONFIRMED"
            } else {
                "TENTATIVE"
            }
        ),
    );
    line(out, "TRANSP:TRANSPARENT");
    line(
        out,
        &format!("X-STORYLINE-PRECISION:{}", tag(&date.precision)),
    );
    line(out, &format!("X-STORYLINE-EDTF:{}", text(&date.edtf)));
    line(out, &format!("X-STORYLINE-STATUS:{}", tag(&event.status)));
    line(out, "END:VEVENT");
}

fn description(catalog: &Catalog, event: &EventInfo) -> String {
    let mut lines = Vec::new();
    if let Some(d) = &event.date {
        lines.push(format!(
            "{} / {} (precision: {})",
            d.label,
            d.label_zh,
            tag(&d.precision)
        ));
    }
    let mut facts = format!("{}, {}", tag(&event.kind), tag(&event.status));
    if let Some(m) = &event.money {
        facts.push_str(&format!(", {m}"));
    }
    lines.push(facts);
    let names = catalog.entity_names(event);
    if !names.is_empty() {
        lines.push(format!("Entities: {}", names.join(", ")));
    }
    for c in catalog.conflict_lines(event) {
        lines.push(format!("Sources disagree on {c}"));
    }
    for s in &event.sources {
        lines.push(String::new());
        lines.push(format!("「{}」", s.quote));
        lines.push(format!("— {}", catalog.citation(&s.article)));
    }
    lines.join("\n")
}

/// Escape a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma, and line breaks as `\n`.
pub fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            // Other control characters are not allowed in TEXT; a tab is, the rest become spaces.
            c if c.is_control() && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Append one content line, folded: at most 75 octets per physical line, continuation lines start
/// with a space, and a fold never falls inside a multi-byte character.
pub fn line(out: &mut String, content: &str) {
    let mut used = 0;
    for ch in content.chars() {
        let n = ch.len_utf8();
        if used + n > MAX_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(ch);
        used += n;
    }
    out.push_str("\r\n");
}
