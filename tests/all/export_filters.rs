//! Exports of the real embedded corpus hold exactly the timeline's events under the same filter:
//! every event once in every format, and an export with `--entity` (any name or alias), `--kind`
//! or a date range holds exactly what `Library::timeline` keeps for that filter. These hold whatever
//! events the pipeline finds, so they grow stricter as the event stage does.

use pulldown_cmark::{Event as Md, HeadingLevel, Parser, Tag};
use std::collections::BTreeSet;
use storyline::api::Options;
use storyline::events::EventKind;
use storyline::export::Format;
use storyline::timeline::{parse_bound, Filter};
use storyline::{ErrorCode, Library};

fn lib() -> Library {
    Library::open(&Options::default()).unwrap()
}

/// The event ids (dated ones separately) that `timeline(filter)` keeps.
fn timeline_ids(lib: &Library, filter: &Filter) -> (Vec<String>, BTreeSet<String>) {
    let view = lib.timeline(filter).unwrap();
    let all: Vec<String> = view.events.iter().map(|e| e.id.clone()).collect();
    let dated = view
        .events
        .iter()
        .filter(|e| e.date.is_some())
        .map(|e| e.id.clone())
        .collect();
    (all, dated)
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

fn content(lib: &Library, format: Format, filter: &Filter) -> String {
    lib.export(format, filter, false).unwrap().content
}

/// Check every format of one filtered export against the timeline under that filter.
fn check_filter(lib: &Library, filter: &Filter) {
    let (ids, dated) = timeline_ids(lib, filter);
    let want = sorted(ids.clone());

    let json: serde_json::Value =
        serde_json::from_str(&content(lib, Format::Json, filter)).unwrap();
    let json_ids: Vec<String> = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(json_ids, ids, "json: the timeline's events in its order");
    assert_eq!(json["schema"], "storyline.timeline/1");

    let csv_text = content(lib, Format::Csv, filter);
    let mut rdr = csv::Reader::from_reader(csv_text.as_bytes());
    let csv_ids: Vec<String> = rdr.records().map(|r| r.unwrap()[0].to_string()).collect();
    assert_eq!(sorted(csv_ids), want, "csv: each event exactly once");

    let md = content(lib, Format::Md, filter);
    let h3 = Parser::new(&md)
        .filter(|e| {
            matches!(
                e,
                Md::Start(Tag::Heading {
                    level: HeadingLevel::H3,
                    ..
                })
            )
        })
        .count();
    assert_eq!(h3, ids.len(), "md: one ### per event");

    match lib.export(Format::Ics, filter, false) {
        Ok(file) => {
            let cal: icalendar::Calendar = file.content.parse().unwrap();
            let uids: Vec<String> = cal
                .components
                .iter()
                .filter_map(|c| match c {
                    icalendar::CalendarComponent::Event(e) => {
                        use icalendar::Component;
                        Some(
                            e.get_uid()
                                .unwrap()
                                .trim_end_matches("@storyline")
                                .to_string(),
                        )
                    }
                    _ => None,
                })
                .collect();
            assert_eq!(
                uids.iter().cloned().collect::<BTreeSet<_>>(),
                dated,
                "ics: every dated event"
            );
            assert_eq!(uids.len(), dated.len(), "ics: once");
            let undated = (ids.len() - dated.len()).to_string();
            assert_eq!(
                cal.property_value("X-STORYLINE-UNDATED"),
                Some(undated.as_str())
            );
        }
        Err(e) => {
            assert!(
                dated.is_empty(),
                "ics refused a timeline with dated events: {}",
                e.message
            );
            assert_eq!(e.code, ErrorCode::BadQuery);
        }
    }

    for format in [Format::Timelinejs, Format::TimelinejsCsv] {
        match lib.export(format, filter, false) {
            Ok(file) if format == Format::Timelinejs => {
                let doc: serde_json::Value = serde_json::from_str(&file.content).unwrap();
                assert_eq!(
                    doc["events"].as_array().unwrap().len(),
                    dated.len(),
                    "timelinejs: every dated event"
                );
            }
            Ok(file) => {
                let rows = csv::Reader::from_reader(file.content.as_bytes())
                    .records()
                    .count();
                assert_eq!(
                    rows,
                    dated.len() + 1,
                    "timelinejs-csv: title row + every dated event"
                );
            }
            Err(e) => {
                assert!(
                    dated.is_empty(),
                    "{format:?} refused a timeline with dated events: {}",
                    e.message
                );
                assert_eq!(e.code, ErrorCode::BadQuery);
            }
        }
    }
}

#[test]
fn every_event_appears_exactly_once_in_every_format() {
    let lib = lib();
    let all = lib.timeline(&Filter::default()).unwrap();
    let ids: BTreeSet<&str> = all.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), all.events.len(), "event ids are unique");
    assert_eq!(
        all.events.len(),
        lib.analysis().events.len(),
        "the open filter keeps everything"
    );
    check_filter(&lib, &Filter::default());
}

#[test]
fn an_entity_filter_exports_exactly_the_filtered_events_by_any_name_or_alias() {
    let lib = lib();
    // Every entity (none until the entity stage lands on this branch; all of them after).
    for entity in &lib.entities() {
        let by_name = Filter {
            entities: vec![entity.name.clone()],
            ..Filter::default()
        };
        check_filter(&lib, &by_name);
        let view = lib.timeline(&by_name).unwrap();
        // In an event: acting in it, or named by one of its passages.
        let involves = |e: &storyline::timeline::EventInfo| {
            e.entities.contains(&entity.id) || e.named.contains(&entity.id)
        };
        assert!(
            view.events.iter().all(involves),
            "{}: only events involving it",
            entity.name
        );
        let involving = lib
            .timeline(&Filter::default())
            .unwrap()
            .events
            .iter()
            .filter(|e| involves(e))
            .count();
        assert_eq!(
            view.events.len(),
            involving,
            "{}: every event involving it",
            entity.name
        );
        // Any other spelling keeps the same events, in every format.
        let want = sorted(timeline_ids(&lib, &by_name).0);
        let mut names = vec![entity.id.clone()];
        names.extend(entity.aliases.iter().cloned());
        names.extend(entity.name_zh.iter().cloned());
        for name in names {
            let filter = Filter {
                entities: vec![name.clone()],
                ..Filter::default()
            };
            assert_eq!(
                sorted(timeline_ids(&lib, &filter).0),
                want,
                "{name:?} names {}",
                entity.name
            );
            let csv_text = content(&lib, Format::Csv, &filter);
            let ids: Vec<String> = csv::Reader::from_reader(csv_text.as_bytes())
                .records()
                .map(|r| r.unwrap()[0].to_string())
                .collect();
            assert_eq!(sorted(ids), want, "csv --entity {name:?}");
        }
    }
}

#[test]
fn two_entities_keep_the_events_involving_both() {
    let lib = lib();
    let entities = lib.entities();
    for pair in entities.windows(2).take(20) {
        let filter = Filter {
            entities: vec![pair[0].name.clone(), pair[1].name.clone()],
            ..Filter::default()
        };
        check_filter(&lib, &filter);
        let view = lib.timeline(&filter).unwrap();
        let involves = |e: &storyline::timeline::EventInfo, id: &str| {
            e.entities.iter().any(|x| x == id) || e.named.iter().any(|x| x == id)
        };
        assert!(view
            .events
            .iter()
            .all(|e| involves(e, &pair[0].id) && involves(e, &pair[1].id)));
    }
}

#[test]
fn kind_and_date_filters_export_exactly_the_filtered_events() {
    let lib = lib();
    for kind in [
        EventKind::Hire,
        EventKind::Investment,
        EventKind::Infrastructure,
        EventKind::Departure,
    ] {
        check_filter(
            &lib,
            &Filter {
                kinds: vec![kind],
                ..Filter::default()
            },
        );
    }
    let from = parse_bound("2025-06", false).unwrap();
    let to = parse_bound("2025-07", true).unwrap();
    let filter = Filter {
        from: Some(from),
        to: Some(to),
        ..Filter::default()
    };
    check_filter(&lib, &filter);
    for e in lib.timeline(&filter).unwrap().events {
        let d = e.date.expect("a date filter keeps only dated events");
        assert!(
            d.end >= from && d.start <= to,
            "{} overlaps June–July 2025",
            e.id
        );
    }
}

#[test]
fn an_unknown_entity_is_an_error_in_every_format() {
    let lib = lib();
    let filter = Filter {
        entities: vec!["No Such Person 無此人".into()],
        ..Filter::default()
    };
    for format in Format::ALL {
        let err = lib.export(format, &filter, false).unwrap_err();
        assert_eq!(err.code, ErrorCode::UnknownEntity, "{format:?}");
        assert!(err.message.contains("No Such Person"), "{}", err.message);
    }
}

#[test]
fn the_cli_entity_filter_matches_the_library() {
    let lib = lib();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("e.csv");
    // An entity the events involve if there is one, else any entity, else a name the corpus lacks.
    let involved = lib
        .analysis()
        .events
        .iter()
        .flat_map(|e| e.entities.iter())
        .next()
        .map(|&i| lib.analysis().entities[i].name.clone());
    let name = involved.or_else(|| lib.entities().first().map(|e| e.name.clone()));
    let run = |name: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_storyline"))
            .args(["export", "--format", "csv", "--entity", name, "-o"])
            .arg(&out)
            .output()
            .unwrap()
    };
    match name {
        Some(name) => {
            let r = run(&name);
            assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
            let text = std::fs::read_to_string(&out).unwrap();
            assert!(text.starts_with('\u{FEFF}'));
            let filter = Filter {
                entities: vec![name.clone()],
                ..Filter::default()
            };
            let mut rdr = csv::Reader::from_reader(text.as_bytes());
            let ids: Vec<String> = rdr.records().map(|r| r.unwrap()[0].to_string()).collect();
            assert_eq!(sorted(ids), sorted(timeline_ids(&lib, &filter).0));
        }
        None => {
            let r = run("Mark Zuckerberg");
            assert!(!r.status.success());
            assert!(String::from_utf8_lossy(&r.stderr).contains("[unknown_entity]"));
            assert!(!out.exists(), "no file for a failed export");
        }
    }
}
