//! Names for resolved ranges: an EDTF string for machines, and human labels in English and Chinese
//! for every precision ("30 June 2025", "mid-June 2025", "Q2 2025", "first half of 2025", "early
//! 2025", "c. 5–15 July 2025"). Labels depend only on the range, so any two stages that hold the same
//! [`DateRange`] show the same words.

use super::{DateRange, Precision};
use chrono::{Datelike, NaiveDate};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const ZH_ORD: [&str; 4] = ["一", "二", "三", "四"];

fn month_name(d: NaiveDate) -> &'static str {
    MONTHS[d.month0() as usize]
}

fn month_last(d: NaiveDate) -> u32 {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|x| x.pred_opt())
        .map(|x| x.day())
        .unwrap_or(31)
}

/// Which third of its month a range is, if it is exactly one (0 early, 1 mid, 2 late).
fn xun_of(r: &DateRange) -> Option<usize> {
    if r.start.year() != r.end.year() || r.start.month() != r.end.month() {
        return None;
    }
    match (r.start.day(), r.end.day()) {
        (1, 10) => Some(0),
        (11, 20) => Some(1),
        (21, e) if e == month_last(r.end) => Some(2),
        _ => None,
    }
}

/// Which year part an exact season-like range is (0 年初, 1 年中, 2 年底), matching resolve.
fn season_of(r: &DateRange) -> Option<usize> {
    if r.start.year() != r.end.year() || r.start.day() != 1 || r.end.day() != month_last(r.end) {
        return None;
    }
    match (r.start.month(), r.end.month()) {
        (1, 3) => Some(0),
        (5, 8) => Some(1),
        (10, 12) => Some(2),
        _ => None,
    }
}

/// A range of whole months that ends in another month than it starts (六月至八月).
fn months_apart(r: &DateRange) -> bool {
    (r.start.year(), r.start.month()) != (r.end.year(), r.end.month())
}

/// A range of whole years that ends in another year than it starts (2013年至2018年).
fn years_apart(r: &DateRange) -> bool {
    r.start.year() != r.end.year()
}

fn quarter_of(r: &DateRange) -> usize {
    (r.start.month0() / 3) as usize
}

/// The Extended Date/Time Format string of a range: `2025-06-30`, `2025-06`, `2025`, quarters and
/// halves as ISO 8601-2 sub-year groupings (`2025-34` is Q2, `2025-40` the first half), anything else
/// as an interval (`2025-06-11/2025-06-20`).
pub fn edtf(r: &DateRange) -> String {
    match r.precision {
        Precision::Day if r.start == r.end => r.start.format("%Y-%m-%d").to_string(),
        Precision::Month if months_apart(r) => {
            format!("{}/{}", r.start.format("%Y-%m"), r.end.format("%Y-%m"))
        }
        Precision::Month => r.start.format("%Y-%m").to_string(),
        Precision::Year if years_apart(r) => {
            format!("{:04}/{:04}", r.start.year(), r.end.year())
        }
        Precision::Year => format!("{:04}", r.start.year()),
        Precision::Quarter => format!("{:04}-{}", r.start.year(), 33 + quarter_of(r)),
        Precision::Half => format!(
            "{:04}-{}",
            r.start.year(),
            if r.start.month() <= 6 { 40 } else { 41 }
        ),
        _ => format!(
            "{}/{}",
            r.start.format("%Y-%m-%d"),
            r.end.format("%Y-%m-%d")
        ),
    }
}

fn day_en(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), month_name(d), d.year())
}

fn span_en(a: NaiveDate, b: NaiveDate) -> String {
    if a == b {
        day_en(a)
    } else if a.year() == b.year() && a.month() == b.month() {
        format!("{}–{} {} {}", a.day(), b.day(), month_name(a), a.year())
    } else if a.year() == b.year() {
        format!(
            "{} {} – {} {} {}",
            a.day(),
            month_name(a),
            b.day(),
            month_name(b),
            a.year()
        )
    } else {
        format!("{} – {}", day_en(a), day_en(b))
    }
}

fn day_zh(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

fn span_zh(a: NaiveDate, b: NaiveDate) -> String {
    if a == b {
        day_zh(a)
    } else if a.year() == b.year() && a.month() == b.month() {
        format!("{}至{}日", day_zh(a), b.day())
    } else if a.year() == b.year() {
        format!("{}至{}月{}日", day_zh(a), b.month(), b.day())
    } else {
        format!("{}至{}", day_zh(a), day_zh(b))
    }
}

/// A human label in English.
pub fn label_en(r: &DateRange) -> String {
    let y = r.start.year();
    match r.precision {
        Precision::Day => span_en(r.start, r.end),
        Precision::Xun => match xun_of(r) {
            Some(x) => format!(
                "{} {} {}",
                ["early", "mid-", "late"][x],
                month_name(r.start),
                y
            )
            .replace("- ", "-"),
            None => span_en(r.start, r.end),
        },
        Precision::Month if months_apart(r) => {
            if r.end.year() == y {
                format!("{} – {} {}", month_name(r.start), month_name(r.end), y)
            } else {
                format!(
                    "{} {} – {} {}",
                    month_name(r.start),
                    y,
                    month_name(r.end),
                    r.end.year()
                )
            }
        }
        Precision::Month => format!("{} {}", month_name(r.start), y),
        Precision::Quarter => format!("Q{} {}", quarter_of(r) + 1, y),
        Precision::Half => format!(
            "{} half of {}",
            if r.start.month() <= 6 {
                "first"
            } else {
                "second"
            },
            y
        ),
        Precision::Year if years_apart(r) => format!("{y}–{}", r.end.year()),
        Precision::Year => format!("{y}"),
        Precision::Vague => match season_of(r) {
            Some(0) => format!("early {y}"),
            Some(1) => format!("mid-{y}"),
            Some(_) => format!("late {y}"),
            None => format!("c. {}", span_en(r.start, r.end)),
        },
    }
}

/// A human label in Chinese.
pub fn label_zh(r: &DateRange) -> String {
    let y = r.start.year();
    match r.precision {
        Precision::Day => span_zh(r.start, r.end),
        Precision::Xun => match xun_of(r) {
            Some(x) => format!(
                "{}年{}月{}",
                y,
                r.start.month(),
                ["上旬", "中旬", "下旬"][x]
            ),
            None => span_zh(r.start, r.end),
        },
        Precision::Month if months_apart(r) => {
            if r.end.year() == y {
                format!("{}年{}月至{}月", y, r.start.month(), r.end.month())
            } else {
                format!(
                    "{}年{}月至{}年{}月",
                    y,
                    r.start.month(),
                    r.end.year(),
                    r.end.month()
                )
            }
        }
        Precision::Month => format!("{}年{}月", y, r.start.month()),
        Precision::Quarter => format!("{}年第{}季度", y, ZH_ORD[quarter_of(r)]),
        Precision::Half => format!(
            "{}年{}半年",
            y,
            if r.start.month() <= 6 { "上" } else { "下" }
        ),
        Precision::Year if years_apart(r) => format!("{y}年至{}年", r.end.year()),
        Precision::Year => format!("{y}年"),
        Precision::Vague => match season_of(r) {
            Some(0) => format!("{y}年初"),
            Some(1) => format!("{y}年中"),
            Some(_) => format!("{y}年底"),
            None => format!("約{}", span_zh(r.start, r.end)),
        },
    }
}
