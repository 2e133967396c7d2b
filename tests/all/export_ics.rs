//! The iCalendar export read back by two real parsers — the `icalendar` crate and Python's
//! icalendar (Debian python3-icalendar) — with every dated event's all-day range, UID, summary and
//! quoted passages intact; plus the octet-level rules a parser may forgive (CRLF only, lines of at
//! most 75 octets, folds never inside a UTF-8 character).

use crate::support;

use icalendar::{CalendarComponent, Component, DatePerhapsTime};
use std::collections::BTreeMap;
use std::process::Command;
use storyline::export::{ics, render, Format};
use storyline::timeline::TimelineView;
use support::d;

/// What each dated fixture event must become: (DTSTART, exclusive DTEND, precision).
fn expected() -> BTreeMap<&'static str, (&'static str, &'static str, &'static str)> {
    BTreeMap::from([
        ("ev-day", ("2025-06-30", "2025-07-01", "day")),
        ("ev-long", ("2025-06-30", "2025-07-01", "day")),
        ("ev-xun", ("2025-06-11", "2025-06-21", "xun")),
        ("ev-month", ("2025-07-01", "2025-08-01", "month")),
        ("ev-quarter", ("2025-07-01", "2025-10-01", "quarter")),
        ("ev-year", ("2024-01-01", "2025-01-01", "year")),
        ("ev-vague", ("2023-01-01", "2026-01-01", "vague")),
        ("ev-newyear", ("2025-12-31", "2026-01-01", "day")),
    ])
}

fn summary_of(view: &TimelineView, id: &str) -> String {
    let e = view.events.iter().find(|e| e.id == id).unwrap();
    match &e.title.en {
        Some(en) => format!("{} / {}", e.title.zh, en),
        None => e.title.zh.clone(),
    }
}

#[test]
fn physical_lines_are_crlf_and_folded_at_75_octets_on_char_boundaries() {
    let out = render(Format::Ics, &support::view()).unwrap();
    let bytes = out.as_bytes();
    assert!(out.ends_with("\r\n"));
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            assert!(i > 0 && bytes[i - 1] == b'\r', "bare LF at byte {i}");
        }
        if *b == b'\r' {
            assert_eq!(bytes.get(i + 1), Some(&b'\n'), "bare CR at byte {i}");
        }
    }
    let mut folded = 0;
    for raw in bytes.split(|b| *b == b'\n') {
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        assert!(
            line.len() <= ics::MAX_OCTETS,
            "{} octets: {:?}",
            line.len(),
            String::from_utf8_lossy(line)
        );
        // Each physical line on its own is valid UTF-8: no fold splits a character.
        std::str::from_utf8(line).expect("fold inside a multi-byte character");
        if line.first() == Some(&b' ') {
            folded += 1;
        }
    }
    assert!(
        folded > 20,
        "the long title and passages must have been folded ({folded} folds)"
    );
}

#[test]
fn text_is_cleaned_and_escaped_and_long_lines_fold_between_characters() {
    assert_eq!(ics::clean("a\r\nb\rc\u{7}d\te"), "a\nb\nc d\te");
    let mut view = support::view();
    let raw = "a\\b;c,d\ne\r\nf 全形，逗號；不轉義";
    view.events[0].title.zh = raw.to_string();
    view.events[0].title.en = None;
    let id = view.events[0].id.clone();
    view.events[1].title.zh = "漢".repeat(60);
    view.events[1].title.en = None;
    let out = render(Format::Ics, &view).unwrap();
    assert!(
        out.contains("SUMMARY:a\\\\b\\;c\\,d\\ne\\nf 全形，逗號；不轉義"),
        "ASCII \\ ; , and line breaks escaped, full-width ones not: {out}"
    );
    let cal: icalendar::Calendar = out.parse().unwrap();
    let summary = cal
        .components
        .iter()
        .find_map(|c| match c {
            CalendarComponent::Event(e) if e.get_uid() == Some(&format!("{id}@storyline")) => {
                e.get_summary().map(str::to_string)
            }
            _ => None,
        })
        .unwrap();
    assert_eq!(summary, "a\\b;c,d\ne\nf 全形，逗號；不轉義");
    let long = out
        .split("\r\n")
        .position(|l| l.starts_with("SUMMARY:漢"))
        .unwrap();
    let lines: Vec<&str> = out.split("\r\n").skip(long).take(4).collect();
    assert!(lines[0].len() <= 75 && lines[0].len() > 70, "{}", lines[0]);
    assert!(lines[1].starts_with(' ') && lines[1].len() <= 75);
    let unfolded: String = std::iter::once(lines[0])
        .chain(
            lines[1..]
                .iter()
                .take_while(|l| l.starts_with(' '))
                .map(|l| &l[1..]),
        )
        .collect();
    assert_eq!(unfolded, format!("SUMMARY:{}", "漢".repeat(60)));
}

#[test]
fn the_icalendar_crate_reads_every_dated_event_back() {
    let view = support::view();
    let out = render(Format::Ics, &view).unwrap();
    let cal: icalendar::Calendar = out.parse().expect("icalendar crate parses the export");
    assert_eq!(cal.property_value("VERSION"), Some("2.0"));
    assert_eq!(cal.property_value("CALSCALE"), Some("GREGORIAN"));
    assert!(cal.property_value("PRODID").unwrap().contains("Storyline"));
    assert_eq!(
        cal.property_value("X-STORYLINE-UNDATED"),
        Some("1"),
        "the one undated event is accounted for"
    );

    let events: Vec<&icalendar::Event> = cal
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    let want = expected();
    assert_eq!(
        events.len(),
        want.len(),
        "one VEVENT per dated event, none for the undated one"
    );
    let mut seen = Vec::new();
    for ev in events {
        let uid = ev.get_uid().unwrap();
        let id = uid.strip_suffix("@storyline").expect("UID is id@storyline");
        seen.push(id.to_string());
        let (start, end, precision) = want[id];
        assert_eq!(
            ev.get_start(),
            Some(DatePerhapsTime::Date(d(start))),
            "{id} DTSTART"
        );
        assert_eq!(
            ev.get_end(),
            Some(DatePerhapsTime::Date(d(end))),
            "{id} DTEND (exclusive)"
        );
        assert_eq!(ev.property_value("X-STORYLINE-PRECISION"), Some(precision));
        assert_eq!(
            ev.get_timestamp().unwrap().to_rfc3339(),
            "2026-11-27T01:30:00+00:00",
            "DTSTAMP in UTC"
        );
        assert_eq!(
            ev.get_summary().unwrap(),
            summary_of(&view, id),
            "{id} SUMMARY unescaped intact"
        );
        let e = view.events.iter().find(|e| e.id == id).unwrap();
        let desc = ev.get_description().unwrap();
        for s in &e.sources {
            assert!(
                desc.contains(&format!("「{}」", s.quote.replace("\r\n", "\n"))),
                "{id}: passage in DESCRIPTION"
            );
        }
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), seen.len(), "UIDs unique");
    let day = cal.components.iter().find_map(|c| match c {
        CalendarComponent::Event(e) if e.get_uid() == Some("ev-day@storyline") => Some(e),
        _ => None,
    });
    let desc = day.unwrap().get_description().unwrap();
    assert!(
        desc.contains("— 祖克柏大手筆, 挖角AI人才 (001_second.txt)"),
        "{desc}"
    );
    assert!(desc.contains(
        "Sources disagree on date: 2025-06-30 (000_first.txt); 2025-07-01 (001_second.txt)"
    ));
    assert!(desc.contains("Entities: Meta, Alexandr Wang"));
}

#[test]
fn the_uid_and_bytes_are_stable_for_the_same_view() {
    let view = support::view();
    assert_eq!(
        render(Format::Ics, &view).unwrap(),
        render(Format::Ics, &view).unwrap()
    );
}

/// A python3 that has the icalendar package (Debian's python3-icalendar lives in /usr/bin/python3,
/// which a pyenv shim may hide).
fn python_with_icalendar() -> Option<String> {
    ["python3", "/usr/bin/python3"]
        .into_iter()
        .map(String::from)
        .find(|py| {
            Command::new(py)
                .args(["-c", "import icalendar"])
                .output()
                .map(|o| o.status.success())
                .unwrap_or(false)
        })
}

const PY_READER: &str = r#"
import json, sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
out = {"version": str(cal.get('VERSION')), "events": []}
for ev in cal.walk('VEVENT'):
    out["events"].append({
        "uid": str(ev.get('UID')),
        "start": ev.decoded('DTSTART').isoformat(),
        "end": ev.decoded('DTEND').isoformat(),
        "summary": str(ev.get('SUMMARY')),
        "description": str(ev.get('DESCRIPTION')),
        "precision": str(ev.get('X-STORYLINE-PRECISION')),
    })
print(json.dumps(out, ensure_ascii=False))
"#;

#[test]
fn python_icalendar_reads_every_dated_event_back() {
    let py = python_with_icalendar()
        .expect("python3 with the icalendar package is needed (Debian: apt-get install -y python3-icalendar)");
    let view = support::view();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.ics");
    std::fs::write(&path, render(Format::Ics, &view).unwrap()).unwrap();
    let run = Command::new(&py)
        .args(["-c", PY_READER])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "python icalendar failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let got: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(got["version"], "2.0");
    let events = got["events"].as_array().unwrap();
    let want = expected();
    assert_eq!(events.len(), want.len());
    for ev in events {
        let id = ev["uid"]
            .as_str()
            .unwrap()
            .strip_suffix("@storyline")
            .unwrap();
        let (start, end, precision) = want[id];
        assert_eq!(ev["start"], start, "{id}");
        assert_eq!(ev["end"], end, "{id}");
        assert_eq!(ev["precision"], precision);
        assert_eq!(
            ev["summary"].as_str().unwrap(),
            summary_of(&view, id),
            "{id}: SUMMARY unfolded and unescaped"
        );
        let e = view.events.iter().find(|e| e.id == id).unwrap();
        for s in &e.sources {
            assert!(
                ev["description"].as_str().unwrap().contains(&s.quote),
                "{id}: passage intact"
            );
        }
    }
}

#[test]
fn a_timeline_without_dated_events_is_a_clear_error_not_an_empty_calendar() {
    let mut view = support::view();
    view.events.retain(|e| e.date.is_none());
    let err = render(Format::Ics, &view).unwrap_err();
    assert_eq!(err.code, storyline::ErrorCode::BadQuery);
    assert!(
        err.message.contains("nothing to put in a calendar")
            && err.message.contains("1 undated event"),
        "{}",
        err.message
    );
}
