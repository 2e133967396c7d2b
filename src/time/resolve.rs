//! Resolution: an [`Expr`] and a reference date become a [`DateRange`] with its [`Precision`].
//!
//! Absolute expressions need no reference; relative ones (a missing year, 去年, 上月, 周一, 近日 …)
//! resolve only when one is given, and are left out otherwise, so the same scan can be resolved again
//! once a publication date is known. News speaks mostly of the recent past, so a yearless month that
//! would fall well after the reference goes to the previous year, a bare day after the reference day to
//! the previous month, and a bare weekday to the latest such day on or before the reference — unless
//! the clause speaks of the future, which turns the lean around.

use super::scan::{Expr, Kind, MonthSpec, Part, Unit, YearSpec};
use super::{DateRange, Precision, TimeMention};
use chrono::{Datelike, Days, Months, NaiveDate};

/// How far back (in chars) a bare day (`8日`) looks for the month it belongs to.
const BARE_DAY_CONTEXT: usize = 300;
/// A bare day this many days or more before the day of the date it follows is in the next month.
const MONTH_WRAP_DAYS: u32 = 15;
/// A date more than this many days before the publication is recalled, not the article's present.
const RECALLED_DAYS: i64 = 180;

/// Resolve every expression that can be resolved against `reference`. A bare day (`8日`) shortly
/// after a date that names its month (`12月3日…8日`) is a day of that month, whatever the
/// reference: an article of January that retells December keeps its December. Only a day far
/// before that date's day has passed into the next month (`12月30日…2日`); a day a little before
/// it is the same month, told looking back (`9月5日電…4日`), unless that date lies half a year or
/// more before the publication: looking back from a recalled date, the day is the publication's.
/// Nor is a day told as past ever after the reference: one that would fall after it is the latest
/// such day before it.
pub fn resolve(exprs: &[Expr], reference: Option<NaiveDate>) -> Vec<TimeMention> {
    resolve_in(exprs, reference, None)
}

/// [`resolve`] against an article's publication date. When the article is dated only to a month
/// or a year, a day counted from it (今天, 昨日, on Tuesday, 本週) is some day of that period, not
/// the period's last day: it takes the whole period.
pub fn resolve_for(exprs: &[Expr], published: &super::Published) -> Vec<TimeMention> {
    resolve_in(exprs, published.reference(), published.period())
}

fn resolve_in(
    exprs: &[Expr],
    reference: Option<NaiveDate>,
    period: Option<DateRange>,
) -> Vec<TimeMention> {
    let mut out: Vec<TimeMention> = Vec::with_capacity(exprs.len());
    let mut month_context: Option<(usize, NaiveDate)> = None;
    for e in exprs {
        let in_context =
            month_context.filter(|(end, _)| e.span.start.saturating_sub(*end) <= BARE_DAY_CONTEXT);
        let range = match (e.kind, in_context) {
            (
                Kind::Calendar {
                    year: None,
                    month: None,
                    day: Some(d),
                    part: Part::Whole,
                },
                Some((_, prev)),
            ) => {
                // Looking back from a date long before the publication (在2024年9月5日遭羈押…
                // 北院4日提訊, published in September 2025) is not a chronicle's order: the day is
                // the publication's, read as any bare day is.
                let recalled =
                    reference.is_some_and(|r| r - prev > chrono::TimeDelta::days(RECALLED_DAYS));
                if d < prev.day() && recalled {
                    resolve_one(e, reference)
                } else {
                    let same = ymd(prev.year(), prev.month(), d)
                        .filter(|x| *x >= prev || prev.day() - x.day() <= MONTH_WRAP_DAYS);
                    let next = || {
                        let n = prev.checked_add_months(Months::new(1))?;
                        ymd(n.year(), n.month(), d)
                    };
                    // A day past the publication, told as past, is the one before it (柯文哲在29日交保
                    // after 1月2號, in an article of January: December's 29th).
                    let told_past = |x: NaiveDate| match reference
                        .filter(|r| !e.future && x > *r && prev <= *r)
                    {
                        Some(r) => r
                            .checked_sub_months(Months::new(u32::from(r.day() < d)))
                            .and_then(|m| ymd(m.year(), m.month(), d))
                            .filter(|y| *y <= r)
                            .unwrap_or(x),
                        None => x,
                    };
                    same.or_else(next)
                        .map(told_past)
                        .map(|x| range(x, x, Precision::Day))
                }
            }
            _ => resolve_one(e, reference),
        };
        let Some(mut range) = range else { continue };
        let counts_days = matches!(
            e.kind,
            Kind::Weekday { .. }
                | Kind::Week(_)
                | Kind::Near
                | Kind::DayOffset(_)
                | Kind::UnitsAgo {
                    unit: Unit::Day | Unit::Week,
                    ..
                }
        );
        if let Some(p) = period.filter(|_| counts_days) {
            range = p;
        }
        // A month named, or a bare day read in a month's context, sets the month for the bare
        // days that follow: a chronicle (`12月3日 … 7日 … 13日 … 14日`) keeps its month.
        let bare_in_context = in_context.is_some()
            && matches!(
                e.kind,
                Kind::Calendar {
                    year: None,
                    month: None,
                    day: Some(_),
                    ..
                }
            );
        if (matches!(e.kind, Kind::Calendar { month: Some(_), .. }) || bare_in_context)
            && range.precision <= Precision::Month
        {
            month_context = Some((e.span.end, range.start));
        }
        let future = e.future || reference.is_some_and(|r| range.start > r);
        out.push(TimeMention {
            span: e.span,
            range,
            future,
            relative: e.relative(),
        });
    }
    join_ranges(exprs, out)
}

/// The two ends of a range (`6月12號到7月3號`) as one mention from the first's start to the
/// second's end: at their precision when they share it, else vague.
fn join_ranges(exprs: &[Expr], mentions: Vec<TimeMention>) -> Vec<TimeMention> {
    let firsts: Vec<crate::text::Span> = exprs
        .iter()
        .filter(|e| e.through_next)
        .map(|e| e.span)
        .collect();
    if firsts.is_empty() {
        return mentions;
    }
    let mut out: Vec<TimeMention> = Vec::with_capacity(mentions.len());
    let mut it = mentions.into_iter().peekable();
    while let Some(m) = it.next() {
        if firsts.contains(&m.span) {
            if let Some(next) = it.next_if(|n| n.range.end >= m.range.start) {
                out.push(TimeMention {
                    span: crate::text::Span::new(m.span.start, next.span.end),
                    range: DateRange {
                        start: m.range.start,
                        end: next.range.end,
                        precision: if m.range.precision == next.range.precision {
                            m.range.precision
                        } else {
                            Precision::Vague
                        },
                    },
                    future: m.future || next.future,
                    relative: m.relative || next.relative,
                });
                continue;
            }
        }
        out.push(m);
    }
    out
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    let first = ymd(y, m, 1)?;
    first.checked_add_months(Months::new(1))?.pred_opt()
}

fn range(start: NaiveDate, end: NaiveDate, precision: Precision) -> DateRange {
    DateRange {
        start,
        end,
        precision,
    }
}

/// The range of part of month `m` of year `y`.
fn month_range(y: i32, m: u32, part: Part) -> Option<DateRange> {
    let first = ymd(y, m, 1)?;
    let last = month_end(y, m)?;
    Some(match part {
        Part::Xun(0) => range(first, ymd(y, m, 10)?, Precision::Xun),
        Part::Xun(1) => range(ymd(y, m, 11)?, ymd(y, m, 20)?, Precision::Xun),
        Part::Xun(_) => range(ymd(y, m, 21)?, last, Precision::Xun),
        Part::LastWeek => range(last.checked_sub_days(Days::new(6))?, last, Precision::Xun),
        Part::NthWeekday(n, weekday) => {
            let ahead = (u32::from(weekday) + 7 - first.weekday().num_days_from_monday()) % 7;
            let d = first.checked_add_days(Days::new(u64::from(ahead) + 7 * u64::from(n - 1)))?;
            if d > last {
                return None;
            }
            range(d, d, Precision::Day)
        }
        _ => range(first, last, Precision::Month),
    })
}

/// The range of part of year `y`.
pub(crate) fn year_range(y: i32, part: Part) -> Option<DateRange> {
    let (sm, em, p) = match part {
        Part::Quarter(q) => {
            let q = u32::from(q.clamp(1, 4));
            (q * 3 - 2, q * 3, Precision::Quarter)
        }
        Part::Half(1) => (1, 6, Precision::Half),
        Part::Half(_) => (7, 12, Precision::Half),
        Part::Season(0) => (1, 3, Precision::Vague),
        Part::Season(1) => (5, 8, Precision::Vague),
        Part::Season(_) => (10, 12, Precision::Vague),
        _ => (1, 12, Precision::Year),
    };
    Some(range(ymd(y, sm, 1)?, month_end(y, em)?, p))
}

fn resolve_one(e: &Expr, reference: Option<NaiveDate>) -> Option<DateRange> {
    match e.kind {
        Kind::Calendar {
            year,
            month,
            day,
            part,
        } => calendar(year, month, day, part, e.future, reference),
        Kind::Weekday { weekday, week } => {
            let r = reference?;
            let rw = r.weekday().num_days_from_monday();
            let d = match week {
                None if e.future => {
                    r.checked_add_days(Days::new(u64::from((weekday + 7 - rw) % 7)))?
                }
                None => r.checked_sub_days(Days::new(u64::from((rw + 7 - weekday) % 7)))?,
                Some(k) => monday(r)?.checked_add_signed(chrono::Duration::days(
                    i64::from(k) * 7 + i64::from(weekday),
                ))?,
            };
            Some(range(d, d, Precision::Day))
        }
        Kind::Week(k) => {
            let m =
                monday(reference?)?.checked_add_signed(chrono::Duration::days(i64::from(k) * 7))?;
            Some(range(m, m.checked_add_days(Days::new(6))?, Precision::Xun))
        }
        Kind::Near => {
            let r = reference?;
            Some(range(
                r.checked_sub_days(Days::new(10))?,
                r,
                Precision::Vague,
            ))
        }
        Kind::WeekdayDay { weekday, day } => {
            // The nearest month, looking back (or ahead in a future clause), whose day falls on it.
            let r = reference?;
            let first = ymd(r.year(), r.month(), 1)?;
            (0..14u32).find_map(|k| {
                let m = if e.future {
                    first.checked_add_months(Months::new(k))?
                } else {
                    first.checked_sub_months(Months::new(k))?
                };
                let d = ymd(m.year(), m.month(), day)?;
                let fits = d.weekday().num_days_from_monday() == weekday
                    && (e.future || d <= r + Days::new(1));
                fits.then(|| range(d, d, Precision::Day))
            })
        }
        Kind::NamedDay { day, .. } => {
            calendar(None, None, Some(day), Part::Whole, e.future, reference)
        }
        Kind::DayOffset(k) => {
            let d = reference?.checked_add_signed(chrono::Duration::days(i64::from(k)))?;
            Some(range(d, d, Precision::Day))
        }
        Kind::UnitsAgo { n, unit } => {
            let r = reference?;
            match unit {
                Unit::Year => year_range(r.year() + n, Part::Whole),
                Unit::Month => {
                    let first = ymd(r.year(), r.month(), 1)?;
                    let m = if n < 0 {
                        first.checked_sub_months(Months::new(n.unsigned_abs()))?
                    } else {
                        first.checked_add_months(Months::new(n.unsigned_abs()))?
                    };
                    month_range(m.year(), m.month(), Part::Whole)
                }
                Unit::Week | Unit::Day => {
                    let m =
                        monday(r)?.checked_add_signed(chrono::Duration::days(i64::from(n) * 7))?;
                    Some(range(m, m.checked_add_days(Days::new(6))?, Precision::Xun))
                }
            }
        }
        Kind::NextSpan {
            n,
            unit,
            whole: false,
        } => {
            let r = reference?;
            let end = counted_from(r, n, unit, true)?;
            Some(range(
                r.checked_add_days(Days::new(1))?,
                end,
                Precision::Vague,
            ))
        }
        Kind::NextSpan { n, unit, .. } => {
            let r = reference?;
            let (start, end) = match unit {
                Unit::Day => (
                    r.checked_add_days(Days::new(1))?,
                    r.checked_add_days(Days::new(u64::from(n)))?,
                ),
                Unit::Week => {
                    let next = monday(r)?.checked_add_days(Days::new(7))?;
                    (
                        next,
                        next.checked_add_days(Days::new(u64::from(n) * 7 - 1))?,
                    )
                }
                Unit::Month => {
                    let next = ymd(r.year(), r.month(), 1)?.checked_add_months(Months::new(1))?;
                    (next, next.checked_add_months(Months::new(n))?.pred_opt()?)
                }
                Unit::Year => (ymd(r.year() + 1, 1, 1)?, ymd(r.year() + n as i32, 12, 31)?),
            };
            Some(range(start, end, Precision::Vague))
        }
        Kind::PastSpan { n, unit } => {
            let r = reference?;
            Some(range(counted_from(r, n, unit, false)?, r, Precision::Vague))
        }
    }
}

/// The day `n` units after (`ahead`) or before the day `r`.
fn counted_from(r: NaiveDate, n: u32, unit: Unit, ahead: bool) -> Option<NaiveDate> {
    let (days, months) = match unit {
        Unit::Day => (u64::from(n), 0),
        Unit::Week => (u64::from(n) * 7, 0),
        Unit::Month => (0, n),
        Unit::Year => (0, n * 12),
    };
    if ahead {
        r.checked_add_days(Days::new(days))?
            .checked_add_months(Months::new(months))
    } else {
        r.checked_sub_days(Days::new(days))?
            .checked_sub_months(Months::new(months))
    }
}

fn monday(d: NaiveDate) -> Option<NaiveDate> {
    d.checked_sub_days(Days::new(u64::from(d.weekday().num_days_from_monday())))
}

fn calendar(
    year: Option<YearSpec>,
    month: Option<MonthSpec>,
    day: Option<u32>,
    part: Part,
    future: bool,
    reference: Option<NaiveDate>,
) -> Option<DateRange> {
    let abs_year = match year {
        Some(YearSpec::Abs(y)) => Some(y),
        Some(YearSpec::Rel(k)) => Some(reference?.year() + k),
        None => None,
    };
    match month {
        Some(MonthSpec::Rel(k)) => {
            let r = reference?;
            let first = ymd(r.year(), r.month(), 1)?;
            let m = if k >= 0 {
                first.checked_add_months(Months::new(k as u32))?
            } else {
                first.checked_sub_months(Months::new(k.unsigned_abs()))?
            };
            match day {
                Some(d) => ymd(m.year(), m.month(), d).map(|d| range(d, d, Precision::Day)),
                None => month_range(m.year(), m.month(), part),
            }
        }
        Some(MonthSpec::Abs(m)) => {
            let build = |y: i32| match day {
                Some(d) => ymd(y, m, d).map(|d| range(d, d, Precision::Day)),
                None => month_range(y, m, part),
            };
            if let Some(y) = abs_year {
                return build(y);
            }
            let r = reference?;
            let here = build(r.year());
            let lean = |rg: DateRange| -> bool {
                if future {
                    rg.end < r.checked_sub_months(Months::new(1)).unwrap_or(r)
                } else {
                    rg.start > r.checked_add_months(Months::new(1)).unwrap_or(r)
                }
            };
            match here {
                Some(rg) if !lean(rg) => Some(rg),
                _ => build(if future { r.year() + 1 } else { r.year() - 1 }),
            }
        }
        None => match day {
            Some(d) => {
                // A bare day is a day of the reference month, or of the month before when it is later
                // than the reference day (and the clause is not about the future).
                let r = reference?;
                let this = ymd(r.year(), r.month(), d);
                let other = if future {
                    let n = ymd(r.year(), r.month(), 1)?.checked_add_months(Months::new(1))?;
                    ymd(n.year(), n.month(), d)
                } else {
                    let p = ymd(r.year(), r.month(), 1)?.checked_sub_months(Months::new(1))?;
                    ymd(p.year(), p.month(), d)
                };
                let pick = match this {
                    Some(x) if (future && x >= r) || (!future && x <= r) => Some(x),
                    _ => other.or(this),
                };
                pick.map(|x| range(x, x, Precision::Day))
            }
            None => {
                let y = match abs_year {
                    Some(y) => y,
                    None => reference?.year(),
                };
                year_range(y, part)
            }
        },
    }
}
