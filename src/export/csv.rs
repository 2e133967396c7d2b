//! The spreadsheet export: RFC 4180 CSV, UTF-8 with a byte-order mark (so Excel and LibreOffice
//! read Chinese correctly without an import dialog), CRLF record ends, one header row and then one
//! row per event in chronological order (undated events last, with empty date cells).
//!
//! A cell never loses text: quotes are kept verbatim, several sources or conflicts go into one cell
//! one per line (spreadsheets show line breaks inside a cell), and entity names are `; `-joined.

use super::{chronological, tag, Catalog, Sheet};
use crate::error::Result;
use crate::timeline::TimelineView;

/// Column names, in order.
pub const COLUMNS: [&str; 15] = [
    "id",
    "date start",
    "date end",
    "precision",
    "EDTF",
    "label",
    "label (zh)",
    "title (zh)",
    "title (en)",
    "kind",
    "status",
    "money",
    "entities",
    "sources",
    "conflicts",
];

pub fn render(view: &TimelineView) -> Result<String> {
    let catalog = Catalog::new(view);
    let mut sheet = Sheet::new();
    sheet.row(&COLUMNS)?;
    for event in chronological(view) {
        let (start, end, precision, edtf, label, label_zh) = match &event.date {
            Some(d) => (
                d.start.to_string(),
                d.end.to_string(),
                tag(&d.precision),
                d.edtf.clone(),
                d.label.clone(),
                d.label_zh.clone(),
            ),
            None => Default::default(),
        };
        let sources: Vec<String> = event
            .sources
            .iter()
            .map(|s| format!("{}: 「{}」", catalog.article_file(&s.article), s.quote))
            .collect();
        let row = [
            event.id.clone(),
            start,
            end,
            precision,
            edtf,
            label,
            label_zh,
            event.title.zh.clone(),
            event.title.en.clone().unwrap_or_default(),
            tag(&event.kind),
            tag(&event.status),
            event.money.clone().unwrap_or_default(),
            catalog.entity_names(event).join("; "),
            sources.join("\n"),
            catalog.conflict_lines(event).join("\n"),
        ];
        sheet.row(&row)?;
    }
    sheet.finish()
}
