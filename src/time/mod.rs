//! The temporal stage: Chinese (and numeric) date expressions in an article, resolved to date
//! ranges against the article's reference (publication) date.
//!
//! Tagging runs on the folded text, so both scripts and full-width digits look alike here (the
//! scanner accepts traditional forms too, so unfolded text works as well); spans are char offsets
//! valid in the display text. Work is split in two phases: [`scan`] finds expressions and records what
//! they literally say, [`resolve`] turns them into [`DateRange`]s against a reference date. The
//! reference itself comes from [`reference`] (a manifest date, a dateline, or an inference from the
//! body's explicit dates), and a caller that learns a reference later (from other articles of the
//! corpus) simply resolves the same scan again. A resolved date has a [`Precision`] that says how much
//! the text really told: "6月中旬" is days 11–20 at precision `Xun`, never a fake day.

mod clause;
mod english;
mod labels;
pub mod numerals;
pub mod quoted;
pub mod reference;
mod relative;
mod resolve;
pub mod scan;
mod vocab;

pub use labels::{edtf, label_en, label_zh};
pub use resolve::{resolve, resolve_for};
pub use scan::{scan, Expr, Kind};

use crate::text::Span;
use chrono::NaiveDate;
use serde::Serialize;
#[cfg(feature = "bindings")]
use ts_rs::TS;

/// How precisely the text dates something.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "bindings", derive(TS))]
#[serde(rename_all = "lowercase")]
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
    /// The clause speaks of the future (預計, 將於, 計劃 …), or the date lies after the reference.
    pub future: bool,
    /// The expression needed the reference date (a missing year, 去年, 周一 …).
    pub relative: bool,
}

/// Where an article's reference date came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
pub struct Published {
    #[cfg_attr(feature = "bindings", ts(type = "string | null"))]
    pub date: Option<NaiveDate>,
    pub precision: Precision,
    pub inferred: bool,
    pub basis: String,
    /// The day relative expressions are read against when it is not `date` itself: a date
    /// inferred from other articles is shown at month precision but read against a known day.
    #[serde(skip)]
    #[cfg_attr(feature = "bindings", ts(skip))]
    pub read_against: Option<NaiveDate>,
    /// The page wrote no year (`新华社首尔6月4日电`): the year is the earliest the body allows,
    /// and the corpus may move it later, to the time its other articles tell of.
    #[serde(skip)]
    #[cfg_attr(feature = "bindings", ts(skip))]
    pub year_open: bool,
}

impl Published {
    /// No date known: precision `Vague`, to be filled in by corpus-level inference if it can.
    pub fn unknown() -> Published {
        Published {
            read_against: None,
            year_open: false,
            date: None,
            precision: Precision::Vague,
            inferred: true,
            basis: "no date found".into(),
        }
    }
    /// A date the page itself states (a date line, a date at the top, its address).
    pub fn stated(date: NaiveDate, precision: Precision, basis: impl Into<String>) -> Published {
        Published {
            read_against: None,
            year_open: false,
            date: Some(date),
            precision,
            inferred: false,
            basis: basis.into(),
        }
    }
    /// A date inferred by a later stage (e.g. from events shared with dated articles).
    pub fn inferred(date: NaiveDate, precision: Precision, basis: impl Into<String>) -> Published {
        Published {
            read_against: None,
            year_open: false,
            date: Some(date),
            precision,
            inferred: true,
            basis: basis.into(),
        }
    }
    pub fn is_known(&self) -> bool {
        self.date.is_some()
    }
    /// The date as a reader should see it: at its precision, and marked when inferred
    /// ("July 2025 (inferred)", "2025年7月（推定）").
    pub fn labels(&self) -> (String, String) {
        let Some(d) = self.date else {
            return ("date unknown".into(), "日期不詳".into());
        };
        let range = match self.precision {
            Precision::Day | Precision::Xun | Precision::Vague => DateRange {
                start: d,
                end: d,
                precision: Precision::Day,
            },
            p => {
                use chrono::Datelike;
                let start = match p {
                    Precision::Year => NaiveDate::from_ymd_opt(d.year(), 1, 1),
                    _ => NaiveDate::from_ymd_opt(d.year(), d.month(), 1),
                }
                .unwrap_or(d);
                DateRange {
                    start,
                    end: start,
                    precision: p,
                }
            }
        };
        let (en, zh) = (label_en(&range), label_zh(&range));
        if self.inferred {
            (format!("{en} (inferred)"), format!("{zh}（推定）"))
        } else {
            (en, zh)
        }
    }
    /// The date relative expressions (昨日, 8日, 7月) are read against: the publication day; for a
    /// coarser date, the day it was inferred from when there is one, else the last day of the
    /// period it names, since an article is published after the happenings it reports and news
    /// leans to the past.
    /// The period a publication date known only to a month or coarser names, when no day it was
    /// read from is known: what a day counted from it may be.
    pub fn period(&self) -> Option<DateRange> {
        use chrono::Datelike;
        if self.read_against.is_some()
            || !matches!(
                self.precision,
                Precision::Month | Precision::Quarter | Precision::Half | Precision::Year
            )
        {
            return None;
        }
        let end = self.reference()?;
        let d = self.date?;
        let start = match self.precision {
            Precision::Year => NaiveDate::from_ymd_opt(d.year(), 1, 1),
            _ => NaiveDate::from_ymd_opt(d.year(), d.month(), 1),
        }?;
        Some(DateRange {
            start,
            end,
            precision: self.precision,
        })
    }
    pub fn reference(&self) -> Option<NaiveDate> {
        use chrono::{Datelike, Months};
        if let Some(day) = self.read_against {
            return Some(day);
        }
        let d = self.date?;
        let first_of_month = NaiveDate::from_ymd_opt(d.year(), d.month(), 1)?;
        let months = match self.precision {
            Precision::Month => 1,
            Precision::Quarter => 3,
            Precision::Half => 6,
            Precision::Year => 12,
            Precision::Day | Precision::Xun | Precision::Vague => return Some(d),
        };
        first_of_month
            .checked_add_months(Months::new(months))?
            .pred_opt()
    }
}

/// How a sentence ties itself to the day of the happening told before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayLink {
    /// It names that day (當天, 同日; `same_day` in time.toml).
    Same,
    /// It follows at once (第一時間, 隨即; `right_after`), most often the same day.
    Soon,
}

/// Whether folded text holds a word that places it on the day of the happening told before it.
pub fn day_link(folded: &str) -> Option<DayLink> {
    let words = &vocab::vocab().words;
    let holds = |list: &[String]| list.iter().any(|w| folded.contains(w.as_str()));
    if holds(&words.same_day) {
        Some(DayLink::Same)
    } else if holds(&words.right_after) {
        Some(DayLink::Soon)
    } else {
        None
    }
}

/// Does the text tell a time of day (上午8點48分, 晚間6時47分, 7时58分)? A clause told at a time
/// and no date is told of its article's day.
pub fn has_clock_time(text: &str) -> bool {
    let t: Vec<char> = text.chars().collect();
    let hour_mark = |c: char| matches!(c, '時' | '时' | '點' | '点');
    let number_end = |i: usize| -> Option<usize> {
        let (_, e, _) = numerals::any_number(&t, i)?;
        Some(e)
    };
    let parts = &vocab::vocab().words.day_parts;
    (0..t.len()).any(|i| {
        let Some(e) = number_end(i).filter(|&e| t.get(e).is_some_and(|&c| hour_mark(c))) else {
            return false;
        };
        if i > 0 && (t[i - 1].is_ascii_digit() || numerals::is_zh_numeral(t[i - 1])) {
            return false;
        }
        let minutes = number_end(e + 1).is_some_and(|m| t.get(m) == Some(&'分'));
        let after_part = parts.iter().any(|p| {
            scan::lit(
                &t,
                i.saturating_sub(p.chars().count()),
                std::slice::from_ref(p),
            ) == Some(i)
        });
        minutes || after_part
    })
}

/// Find and resolve every date expression in `folded` against `reference`; relative expressions are
/// left out when there is no reference.
pub fn tag(folded: &str, reference: Option<NaiveDate>) -> Vec<TimeMention> {
    resolve(&scan(folded), reference)
}
#[cfg(test)]
mod clock_tests {
    #[test]
    fn clock_times() {
        assert!(super::has_clock_time("花莲县长徐榛蔚上午8点48分在脸书宣布"));
        assert!(super::has_clock_time("周六晚间6时47分发生里氏5.3级地震"));
        assert!(!super::has_clock_time("全线52个侦测器都有作动"));
        assert!(!super::has_clock_time("第3点是"));
    }
}
