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
//! The `icalendar` crate writes the lines: CRLF ends, folding at 75 octets without splitting a
//! UTF-8 character, and TEXT escaping of `\\`, `;`, `,` and line breaks. What is ours is which
//! properties an event gets, and [`clean`]: carriage returns and control characters, which TEXT may
//! not hold, are made line breaks and spaces before the crate sees a value.

use super::{chronological, describe_filter, no_dated_events, tag, Catalog};
use crate::error::{Error, ErrorCode, Result};
use crate::events::Status;
use crate::timeline::{EventInfo, TimelineView};
use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, EventLike, EventStatus, Property};

/// The most octets a physical line may hold, line break excluded (RFC 5545 §3.1).
pub const MAX_OCTETS: usize = 75;

pub fn render(view: &TimelineView) -> Result<String> {
    if view.events.iter().all(|e| e.date.is_none()) {
        return Err(no_dated_events(view, "in a calendar"));
    }
    let catalog = Catalog::new(view);
    let stamp = DateTime::parse_from_rfc3339(&view.generated)
        .map(|d| d.with_timezone(&Utc))
        .unwrap_or_else(|_| Utc::now());
    let undated = view.events.iter().filter(|e| e.date.is_none()).count();
    let mut name = String::from("Storyline");
    if let Some(f) = describe_filter(&view.filter) {
        name.push_str(" — ");
        name.push_str(&f);
    }
    let mut cal = Calendar::empty();
    for (key, value) in [
        ("VERSION", "2.0".to_string()),
        (
            "PRODID",
            format!("-//Storyline//Storyline {}//EN", env!("CARGO_PKG_VERSION")),
        ),
        ("CALSCALE", "GREGORIAN".to_string()),
        ("METHOD", "PUBLISH".to_string()),
        ("X-WR-CALNAME", clean(&name)),
        ("X-STORYLINE-UNDATED", undated.to_string()),
    ] {
        cal.append_property(Property::new(key, value));
    }
    for event in chronological(view) {
        if let Some(e) = vevent(&catalog, event, stamp) {
            cal.push(e);
        }
    }
    let mut out = String::new();
    std::fmt::Write::write_fmt(&mut out, format_args!("{cal}"))
        .map_err(|e| Error::new(ErrorCode::Internal, format!("cannot write iCalendar: {e}")))?;
    Ok(out)
}

fn vevent(catalog: &Catalog, event: &EventInfo, stamp: DateTime<Utc>) -> Option<icalendar::Event> {
    let date = event.date.as_ref()?;
    let last = date.end.max(date.start);
    let after = last.succ_opt().unwrap_or(last);
    let summary = match event.title.en.as_deref().filter(|s| !s.trim().is_empty()) {
        Some(en) => format!("{} / {}", event.title.zh, en),
        None => event.title.zh.clone(),
    };
    let mut e = icalendar::Event::new();
    e.uid(&clean(&format!("{}@storyline", event.id)))
        .timestamp(stamp)
        .starts(date.start)
        .ends(after)
        .summary(&clean(&summary))
        .description(&clean(&description(catalog, event)))
        .status(if event.status == Status::Confirmed {
            EventStatus::Confirmed
        } else {
            EventStatus::Tentative
        })
        .add_property("CATEGORIES", tag(&event.kind))
        .add_property("TRANSP", "TRANSPARENT")
        .add_property("X-STORYLINE-PRECISION", tag(&date.precision))
        .add_property("X-STORYLINE-EDTF", clean(&date.edtf))
        .add_property("X-STORYLINE-STATUS", tag(&event.status));
    Some(e.done())
}

/// Make a value fit for TEXT before the crate escapes it: CRLF and lone CR become line breaks,
/// other control characters but tab become spaces.
pub fn clean(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            c if c.is_control() && c != '\t' && c != '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
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
