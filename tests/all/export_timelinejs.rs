//! The TimelineJS3 JSON export: a title slide, one slide per dated event with dates filled only down
//! to the event's precision, `display_date` for ranges TimelineJS would otherwise mislabel, escaped
//! HTML text with the passages and their articles, `group` by kind and unique ids.
//!
//! The committed fixture `tests/timelinejs/fixtures/fixture.timelinejs.json` (what the headless
//! TimelineJS3 test in `tests/timelinejs/` loads) must equal the export of the test timeline;
//! regenerate it with `STORYLINE_BLESS=1 cargo test --test export_timelinejs`.

use crate::support;

use serde_json::{json, Value};
use std::path::Path;
use storyline::export::{render, Format};

fn export() -> Value {
    serde_json::from_str(&render(Format::Timelinejs, &support::view()).unwrap()).unwrap()
}

fn slide<'a>(doc: &'a Value, headline: &str) -> &'a Value {
    doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["text"]["headline"] == headline)
        .unwrap_or_else(|| panic!("no slide {headline:?}"))
}

#[test]
fn a_title_slide_and_one_slide_per_dated_event() {
    let view = support::view();
    let doc = export();
    assert_eq!(doc["title"]["text"]["headline"], "Storyline");
    let title_text = doc["title"]["text"]["text"].as_str().unwrap();
    assert!(
        title_text.contains("8 events from 2 articles"),
        "{title_text}"
    );
    assert!(
        title_text.contains("1 undated event cannot be placed"),
        "{title_text}"
    );
    let events = doc["events"].as_array().unwrap();
    assert_eq!(events.len(), support::dated_ids(&view).len());
    let mut ids: Vec<&str> = events
        .iter()
        .map(|e| e["unique_id"].as_str().unwrap())
        .collect();
    ids.push(doc["title"]["unique_id"].as_str().unwrap());
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n, "unique ids");
    assert!(ids.iter().all(|id| id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')));
    for e in events {
        assert!(
            e["start_date"]["year"].is_i64(),
            "every slide has a start year: {e}"
        );
        assert!(e["group"].as_str().is_some_and(|g| !g.is_empty()));
    }
}

#[test]
fn dates_are_filled_only_down_to_their_precision() {
    let doc = export();
    let day = slide(&doc, "Meta宣布成立&quot;超級智能實驗室&quot;,由汪滔領導");
    assert_eq!(
        day["start_date"],
        json!({"year": 2025, "month": 6, "day": 30})
    );
    assert!(day.get("end_date").is_none() && day.get("display_date").is_none());
    assert_eq!(day["group"], "Organization");

    let month = slide(&doc, "據傳Meta招攬研究員");
    assert_eq!(month["start_date"], json!({"year": 2025, "month": 7}));
    assert!(
        month.get("end_date").is_none(),
        "a month is shown by TimelineJS as the month"
    );

    let year = slide(&doc, "Meta裁員");
    assert_eq!(year["start_date"], json!({"year": 2024}));
    assert!(year.get("end_date").is_none());

    let xun = slide(&doc, "Meta投資Scale AI");
    assert_eq!(
        xun["start_date"],
        json!({"year": 2025, "month": 6, "day": 11})
    );
    assert_eq!(
        xun["end_date"],
        json!({"year": 2025, "month": 6, "day": 20})
    );
    assert_eq!(xun["display_date"], "mid-June 2025");

    let quarter = slide(&doc, "數據中心預計第三季啟用");
    assert_eq!(quarter["start_date"], json!({"year": 2025, "month": 7}));
    assert_eq!(quarter["end_date"], json!({"year": 2025, "month": 9}));
    assert_eq!(quarter["display_date"], "Q3 2025");
    assert_eq!(quarter["group"], "Infrastructure");

    let vague = slide(&doc, "近年模型表現不佳");
    assert_eq!(vague["start_date"], json!({"year": 2023}));
    assert_eq!(vague["end_date"], json!({"year": 2025}));
    assert_eq!(vague["display_date"], "in recent years");
}

#[test]
fn a_vague_range_within_a_year_is_placed_by_its_months() {
    let mut view = support::view();
    let e = view.events.iter_mut().find(|e| e.id == "ev-vague").unwrap();
    e.date = Some(support::date(
        "2025-06-14",
        "2025-07-15",
        storyline::time::Precision::Vague,
        "2025-06-14~/2025-07-15~",
        "c. 14 June – 15 July 2025",
        "約2025年6月14日至7月15日",
    ));
    let doc: Value = serde_json::from_str(&render(Format::Timelinejs, &view).unwrap()).unwrap();
    let vague = slide(&doc, "近年模型表現不佳");
    assert_eq!(vague["start_date"], json!({"year": 2025, "month": 6}));
    assert_eq!(vague["end_date"], json!({"year": 2025, "month": 7}));
    assert_eq!(vague["display_date"], "c. 14 June – 15 July 2025");
}

#[test]
fn slide_text_is_escaped_html_with_passages_and_their_articles() {
    let doc = export();
    let day = slide(&doc, "Meta宣布成立&quot;超級智能實驗室&quot;,由汪滔領導");
    let text = day["text"]["text"].as_str().unwrap();
    assert_eq!(text.matches("<blockquote>").count(), 2, "{text}");
    assert!(
        text.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; [鏈接]"),
        "{text}"
    );
    assert!(!text.contains("<script>"));
    assert!(text.contains("— Meta成立超級智能實驗室 (經濟日報; 000_first.txt)"));
    assert!(text.contains("— 祖克柏大手筆, 挖角AI人才 (001_second.txt)"));
    assert!(text.contains("<em>Meta forms &quot;Superintelligence Labs&quot;; Wang, leads</em>"));
    assert!(text.contains("Meta, Alexandr Wang"));
    assert!(text.contains(
        "Sources disagree on date: 2025-06-30 (000_first.txt); 2025-07-01 (001_second.txt)"
    ));
    // The passage's line breaks are kept as <br>, the text between them intact.
    assert!(text.contains("\\備註<br>1. *星號*"), "{text}");
}

#[test]
fn colliding_ids_stay_unique() {
    let mut view = support::view();
    view.events[0].id = "a b".into();
    view.events[1].id = "a-b".into();
    view.events[2].id = "a/b".into();
    let doc: Value = serde_json::from_str(&render(Format::Timelinejs, &view).unwrap()).unwrap();
    let mut ids: Vec<&str> = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["unique_id"].as_str().unwrap())
        .collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n);
}

#[test]
fn the_committed_browser_fixture_is_the_current_export() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/timelinejs/fixtures/fixture.timelinejs.json");
    let now = render(Format::Timelinejs, &support::view()).unwrap();
    if std::env::var_os("STORYLINE_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &now).unwrap();
    }
    let committed =
        std::fs::read_to_string(&path).expect("fixture missing: run with STORYLINE_BLESS=1");
    assert_eq!(
        committed, now,
        "the browser fixture is stale: run with STORYLINE_BLESS=1"
    );
}

#[test]
fn a_timeline_without_dated_events_is_a_clear_error_not_a_file_timelinejs_rejects() {
    let mut view = support::view();
    view.events.retain(|e| e.date.is_none());
    for format in [Format::Timelinejs, Format::TimelinejsCsv] {
        let err = render(format, &view).unwrap_err();
        assert_eq!(err.code, storyline::ErrorCode::BadQuery);
        assert!(
            err.message.contains("no dated events") && err.message.contains("1 undated event"),
            "{}",
            err.message
        );
    }
    view.events.clear();
    view.filter.entities = vec!["Nobody".into()];
    let err = render(Format::Timelinejs, &view).unwrap_err();
    assert!(
        err.message
            .contains("no dated event matches this filter (involving Nobody)"),
        "{}",
        err.message
    );
}
