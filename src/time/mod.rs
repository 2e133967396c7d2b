//! The temporal stage: Chinese (and numeric) date expressions in an article, resolved to date
//! ranges against the article's reference (publication) date.
//!
//! Tagging runs on the folded text, so both scripts and full-width digits look alike here; spans are
//! char offsets valid in the display text. A resolved date is a [`DateRange`] with a [`Precision`]
//! that says how much the text really told: "6月中旬" is days 11–20 at precision `Xun`, never a fake day.

use crate::text::Span;
use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

/// How precisely the text dates something.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub enum Precision {
    Day,
    /// A third of a month (上旬 / 中旬 / 下旬), or a named week.
    Xun,
    Month,
    Quarter,
    Half,
    Year,
    Vague,
}

/// An inclusive range of days with the precision the text gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct DateRange {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub precision: Precision,
}

/// One date expression found in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimeMention {
    pub span: Span,
    pub range: DateRange,
    /// The clause speaks of the future (預計, 將於, 計劃 …).
    pub future: bool,
    /// The expression needed the reference date (a missing year, 去年, 周一 …).
    pub relative: bool,
}

/// Where an article's reference date came from.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct Published {
    #[ts(type = "string | null")]
    pub date: Option<NaiveDate>,
    pub precision: Precision,
    pub inferred: bool,
    pub basis: String,
}

impl Published {
    pub fn unknown() -> Published {
        Published { date: None, precision: Precision::Vague, inferred: true, basis: "no date found".into() }
    }
}

/// Find and resolve every date expression in `folded` against `reference`.
pub fn tag(folded: &str, reference: Option<NaiveDate>) -> Vec<TimeMention> {
    let _ = (folded, reference);
    Vec::new()
}

/// The Extended Date/Time Format string of a range (`2025-06-30`, `2025-06`, `2025-21` …).
pub fn edtf(r: &DateRange) -> String {
    match r.precision {
        Precision::Day => r.start.format("%Y-%m-%d").to_string(),
        Precision::Month => r.start.format("%Y-%m").to_string(),
        Precision::Year => r.start.format("%Y").to_string(),
        _ => format!("{}/{}", r.start.format("%Y-%m-%d"), r.end.format("%Y-%m-%d")),
    }
}

pub fn label_en(r: &DateRange) -> String {
    match r.precision {
        Precision::Day => r.start.format("%-d %B %Y").to_string(),
        Precision::Month => r.start.format("%B %Y").to_string(),
        Precision::Year => r.start.format("%Y").to_string(),
        _ => format!("{} – {}", r.start.format("%-d %B %Y"), r.end.format("%-d %B %Y")),
    }
}

pub fn label_zh(r: &DateRange) -> String {
    match r.precision {
        Precision::Day => r.start.format("%Y年%-m月%-d日").to_string(),
        Precision::Month => r.start.format("%Y年%-m月").to_string(),
        Precision::Year => r.start.format("%Y年").to_string(),
        _ => format!("{}至{}", r.start.format("%Y年%-m月%-d日"), r.end.format("%Y年%-m月%-d日")),
    }
}
