//! The CSV exports (storyline's own and the TimelineJS spreadsheet template) read back by the `csv`
//! crate: BOM, RFC 4180 quoting of Chinese text with commas, quotes and line breaks, one row per
//! event, every field in its column.

use crate::support;

use storyline::export::{render, Format};

fn read(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers = rdr.headers().unwrap().iter().map(String::from).collect();
    let rows = rdr
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (headers, rows)
}

fn col(headers: &[String], name: &str) -> usize {
    headers
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name:?} in {headers:?}"))
}

#[test]
fn csv_has_bom_crlf_and_the_documented_columns() {
    let out = render(Format::Csv, &support::view()).unwrap();
    assert!(out.starts_with('\u{FEFF}'), "UTF-8 BOM first");
    assert!(out.ends_with("\r\n"));
    // Every line break outside a quoted field is CRLF: strip quoted fields and look.
    let mut outside = String::new();
    let mut quoted = false;
    for c in out.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if !quoted {
            outside.push(c);
        }
    }
    assert!(
        !outside.replace("\r\n", "").contains(['\r', '\n']),
        "bare CR or LF outside quotes"
    );
    let (headers, _) = read(&out);
    assert_eq!(
        headers[0], "id",
        "the csv crate strips the BOM, so the first header is clean"
    );
    for name in [
        "date start",
        "date end",
        "precision",
        "EDTF",
        "label",
        "title (zh)",
        "title (en)",
        "kind",
        "status",
        "entities",
        "sources",
        "conflicts",
    ] {
        col(&headers, name);
    }
}

#[test]
fn csv_has_one_row_per_event_with_every_field_intact() {
    let view = support::view();
    let (h, rows) = read(&render(Format::Csv, &view).unwrap());
    assert_eq!(rows.len(), view.events.len());
    for row in &rows {
        assert_eq!(row.len(), h.len(), "ragged row {row:?}");
    }
    let mut ids: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    ids.sort();
    let mut want: Vec<&str> = view.events.iter().map(|e| e.id.as_str()).collect();
    want.sort();
    assert_eq!(ids, want, "each event exactly once");

    for e in &view.events {
        let row = rows.iter().find(|r| r[0] == e.id).unwrap();
        assert_eq!(
            row[col(&h, "title (zh)")],
            e.title.zh,
            "title survives quoting"
        );
        assert_eq!(
            row[col(&h, "title (en)")],
            e.title.en.clone().unwrap_or_default()
        );
        for s in &e.sources {
            assert!(
                row[col(&h, "sources")].contains(&s.quote),
                "quote verbatim in {}",
                e.id
            );
        }
        match &e.date {
            Some(d) => {
                assert_eq!(row[col(&h, "date start")], d.start.to_string());
                assert_eq!(row[col(&h, "date end")], d.end.to_string());
                assert_eq!(row[col(&h, "EDTF")], d.edtf);
                assert_eq!(row[col(&h, "label")], d.label);
            }
            None => {
                assert_eq!(row[col(&h, "date start")], "");
                assert_eq!(row[col(&h, "precision")], "");
            }
        }
    }
    let day = rows.iter().find(|r| r[0] == "ev-day").unwrap();
    assert_eq!(day[col(&h, "precision")], "day");
    assert_eq!(day[col(&h, "kind")], "organization");
    assert_eq!(day[col(&h, "entities")], "Meta; Alexandr Wang");
    let sources = &day[col(&h, "sources")];
    assert!(
        sources.contains("000_first.txt: ") && sources.contains("001_second.txt: "),
        "{sources}"
    );
    let conflicts = &day[col(&h, "conflicts")];
    assert!(
        conflicts.contains("2025-06-30 (000_first.txt)")
            && conflicts.contains("2025-07-01 (001_second.txt)"),
        "{conflicts}"
    );
    let xun = rows.iter().find(|r| r[0] == "ev-xun").unwrap();
    assert_eq!(xun[col(&h, "precision")], "xun");
    assert_eq!(xun[col(&h, "status")], "reported");
    // An entity id the view does not list is still shown, not silently dropped.
    let undated = rows.iter().find(|r| r[0] == "ev-undated").unwrap();
    assert_eq!(undated[col(&h, "entities")], "openai-unknown-id");
}

#[test]
fn csv_rows_are_chronological_with_undated_last() {
    let (h, rows) = read(&render(Format::Csv, &support::view()).unwrap());
    let starts: Vec<&str> = rows
        .iter()
        .map(|r| r[col(&h, "date start")].as_str())
        .collect();
    let dated: Vec<&str> = starts.iter().copied().filter(|s| !s.is_empty()).collect();
    let mut sorted = dated.clone();
    sorted.sort();
    assert_eq!(dated, sorted);
    assert_eq!(starts.last(), Some(&""), "undated last: {starts:?}");
}

#[test]
fn an_empty_timeline_is_a_header_only_csv() {
    let mut view = support::view();
    view.events.clear();
    let (h, rows) = read(&render(Format::Csv, &view).unwrap());
    assert!(!h.is_empty());
    assert!(rows.is_empty());
}

#[test]
fn timelinejs_csv_has_the_18_template_columns_in_order() {
    let view = support::view();
    let out = render(Format::TimelinejsCsv, &view).unwrap();
    let (h, rows) = read(&out);
    assert_eq!(
        h,
        [
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
            "Background"
        ]
    );
    for row in &rows {
        assert_eq!(row.len(), 18);
    }
    // A title row, then the dated events (TimelineJS cannot place undated ones).
    assert_eq!(rows[0][15], "title");
    assert!(rows[0][10].contains("1 undated event"), "{}", rows[0][10]);
    assert_eq!(rows.len(), 1 + support::dated_ids(&view).len());
    let find = |headline: &str| {
        rows.iter()
            .find(|r| r[9] == headline)
            .unwrap_or_else(|| panic!("{headline}"))
    };

    let day = find("Meta宣布成立&quot;超級智能實驗室&quot;,由汪滔領導");
    assert_eq!(&day[0..4], ["2025", "6", "30", ""]);
    assert_eq!(&day[4..8], ["", "", "", ""], "a single day has no end");
    assert_eq!(day[8], "", "TimelineJS shows a day itself");
    assert_eq!(day[16], "Organization");
    assert!(day[10].contains("<blockquote>") && day[10].contains("&lt;script&gt;"));

    let month = find("據傳Meta招攬研究員");
    assert_eq!(&month[0..3], ["2025", "7", ""], "month precision: no day");
    assert_eq!(&month[4..7], ["", "", ""]);

    let quarter = find("數據中心預計第三季啟用");
    assert_eq!(&quarter[0..3], ["2025", "7", ""]);
    assert_eq!(&quarter[4..7], ["2025", "9", ""]);
    assert_eq!(quarter[8], "Q3 2025");

    let year = find("Meta裁員");
    assert_eq!(&year[0..3], ["2024", "", ""], "year precision: year only");
    assert_eq!(&year[4..7], ["", "", ""]);

    let xun = find("Meta投資Scale AI");
    assert_eq!(&xun[0..3], ["2025", "6", "11"]);
    assert_eq!(&xun[4..7], ["2025", "6", "20"]);
    assert_eq!(xun[8], "mid-June 2025");

    let vague = find("近年模型表現不佳");
    assert_eq!(&vague[0..3], ["2023", "", ""]);
    assert_eq!(&vague[4..7], ["2025", "", ""]);
    assert_eq!(vague[8], "in recent years");
}

#[test]
fn the_amount_has_its_own_column() {
    let (h, rows) = read(&render(Format::Csv, &support::view()).unwrap());
    let xun = rows.iter().find(|r| r[0] == "ev-xun").unwrap();
    assert_eq!(xun[col(&h, "money")], "US$14.3 billion");
    let day = rows.iter().find(|r| r[0] == "ev-day").unwrap();
    assert_eq!(day[col(&h, "money")], "");
}

#[test]
fn cells_that_a_spreadsheet_would_run_as_formulas_are_defused() {
    let mut view = support::view();
    view.events[0].title.zh = "=HYPERLINK(\"http://x\",\"點我\")".into();
    view.events[0].title.en = Some("@SUM(1+1)".into());
    view.events[1].title.zh = "＝HYPERLINK(\"http://x\")".into();
    view.events[1].title.en = Some("＋cmd".into());
    for format in [Format::Csv, Format::TimelinejsCsv] {
        let (h, rows) = read(&render(format, &view).unwrap());
        let cells: Vec<&String> = rows.iter().flatten().collect();
        assert!(
            cells
                .iter()
                .all(|c| !c.starts_with(['=', '+', '-', '@', '＝', '＋', '－', '＠'])),
            "{format:?}: {h:?}"
        );
        if format == Format::Csv {
            let row = rows.iter().find(|r| r[0] == view.events[0].id).unwrap();
            assert_eq!(
                row[col(&h, "title (zh)")],
                "'=HYPERLINK(\"http://x\",\"點我\")",
                "kept whole, shown as text"
            );
            assert_eq!(row[col(&h, "title (en)")], "'@SUM(1+1)");
        }
    }
}
