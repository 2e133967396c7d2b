//! An article's reference (publication) date, and where it came from.
//!
//! In order of trust: a date the user recorded in the manifest; a dateline in the article's first
//! lines (a line that is nothing but a date, such as `18/07/2025` or `2025-07-17 07:13:09`, or an agency
//! opener such as `7月15日消息` whose year is taken from the years the body cites); otherwise an
//! inference from the body's explicit dates, marked `inferred` with the sentence of reasoning as its
//! basis. Dates further down (sidebars, related-news lists) never count as datelines. When nothing
//! works the result is [`Published::unknown`], which the corpus-level stage may later replace.

use super::resolve::resolve;
use super::scan::{Expr, Kind, MonthSpec, Part, YearSpec};
use super::{Precision, Published};
use crate::corpus::ManifestEntry;
use crate::text::{fold_str, ArticleText};
use chrono::{Datelike, Months, NaiveDate};

/// How far into the raw text a dateline may sit.
const HEAD_LINES: usize = 24;
const HEAD_CHARS: usize = 2000;

/// The publication date of an article: manifest, else dateline, else inference from `body` (the scan
/// of its folded text).
pub fn publication(meta: &ManifestEntry, text: &ArticleText, body: &[Expr]) -> Published {
    if let Some(p) = meta.published.as_deref().and_then(from_manifest) {
        return p;
    }
    let dateline = dateline_day(text);
    with_dateline_day(
        with_day_of_today(found(meta, text, body), body, dateline),
        dateline,
        body,
    )
}

/// The day of the month an agency's dispatch opens with, alone (`(中央社記者謝靜雯巴黎10日電)`).
fn dateline_day(text: &ArticleText) -> Option<u32> {
    head_scans(text).find_map(|(_, folded, exprs)| {
        exprs.iter().find_map(|e| match e.kind {
            Kind::Calendar {
                year: None,
                month: None,
                day: Some(d),
                part: Part::Whole,
            } if agency_opener(&folded, e) => Some(d),
            _ => None,
        })
    })
}

/// How many days an agency's dateline may fall before the page's date: a dispatch filed abroad
/// is dated where it was written, a time zone behind the page.
const DATELINE_LEAD_DAYS: u64 = 2;

/// A page dated to the day whose dispatch opens with a day alone (`(中央社記者謝靜雯巴黎10日電)`),
/// or whose text calls an earlier day today (`今(19)日` on a page of the 20th), tells of that day:
/// 今天 in it is the day it was written, not the page's, when the two are a day or two apart (a
/// time zone, or a story posted the morning after).
fn with_dateline_day(p: Published, dateline: Option<u32>, body: &[Expr]) -> Published {
    let Some(date) = p
        .date
        .filter(|_| p.precision == Precision::Day && p.read_against.is_none())
    else {
        return p;
    };
    let day = dateline.map(|d| (d, "the dateline's day"));
    let Some((day, whose)) =
        day.or_else(|| today_day(body).map(|d| (d, "the day the text calls today")))
    else {
        return p;
    };
    let Some(filed) = (1..=DATELINE_LEAD_DAYS)
        .filter_map(|k| date.checked_sub_days(chrono::Days::new(k)))
        .find(|d| d.day() == day)
    else {
        return p;
    };
    Published {
        read_against: Some(filed),
        basis: format!("{}; read against {whose}", p.basis),
        ..p
    }
}

/// How far into the text a `今(12)日` may sit to tell the publication day.
const TODAY_CHARS: usize = 600;

/// A date coarser than a day, refined by the day the text calls today: Taiwan's press writes
/// `今(12)日` and `昨(11)日`, which name the day of the month of the publication date; else by
/// the day an agency's dispatch opens with (`北京23日電`), the day it was filed.
fn with_day_of_today(p: Published, body: &[Expr], dateline: Option<u32>) -> Published {
    let Some(date) = p
        .date
        .filter(|_| p.precision > Precision::Day && p.precision <= Precision::Year)
    else {
        return p;
    };
    let Some((day, whose)) = today_day(body)
        .map(|d| (d, "the day from the text's 今(日)"))
        .or(dateline.map(|d| (d, "the day from the dispatch's dateline")))
    else {
        return p;
    };
    let last = p.reference().unwrap_or(date);
    // The latest such day within the period the coarser date names.
    let mut candidate = NaiveDate::from_ymd_opt(last.year(), last.month(), day);
    if candidate.is_none_or(|c| c > last) {
        candidate = last
            .checked_sub_months(Months::new(1))
            .and_then(|m| NaiveDate::from_ymd_opt(m.year(), m.month(), day));
    }
    // An inferred date is only a floor (the latest date the body cites): today is the first such
    // day after it when none falls within the period.
    if p.inferred && candidate.is_none_or(|c| c < date) {
        candidate = [0, 1]
            .into_iter()
            .filter_map(|k| date.checked_add_months(Months::new(k)))
            .filter_map(|m| NaiveDate::from_ymd_opt(m.year(), m.month(), day))
            .find(|c| *c >= date);
    }
    match candidate.filter(|c| *c >= date) {
        Some(c) => Published {
            read_against: None,
            year_open: p.year_open,
            date: Some(c),
            precision: Precision::Day,
            inferred: p.inferred,
            basis: format!("{}; {whose}", p.basis),
        },
        None => p,
    }
}

/// The text says today (今天, today) and names `day`'s weekday alone (週二, Tuesday), not a
/// weekday of another week.
fn today_on_its_weekday(past: &[&Expr], day: NaiveDate) -> bool {
    let weekday = day.weekday().num_days_from_monday();
    past.iter().any(|e| matches!(e.kind, Kind::DayOffset(0)))
        && past
            .iter()
            .any(|e| matches!(e.kind, Kind::Weekday { weekday: w, week: None } if w == weekday))
}

/// The day of the number the text calls today (`今(4)日`) nearest `near`, a day the article was
/// published close to; none when the text calls no day today.
pub fn nearest_day_of_today(near: NaiveDate, body: &[Expr]) -> Option<NaiveDate> {
    let day = today_day(body)?;
    let month = Months::new(1);
    [
        near.checked_sub_months(month),
        Some(near),
        near.checked_add_months(month),
    ]
    .into_iter()
    .flatten()
    .filter_map(|m| NaiveDate::from_ymd_opt(m.year(), m.month(), day))
    .min_by_key(|c| (*c - near).num_days().abs())
}

/// The day of the month the text calls today (`今(12)日`, or `昨(11)日` the day before it).
fn today_day(body: &[Expr]) -> Option<u32> {
    body.iter()
        .filter(|e| e.span.start < TODAY_CHARS)
        .find_map(|e| match e.kind {
            Kind::NamedDay { offset, day } => u32::try_from(day as i32 - offset).ok(),
            _ => None,
        })
}

fn found(meta: &ManifestEntry, text: &ArticleText, body: &[Expr]) -> Published {
    let from_address = meta.url.as_deref().and_then(from_url);
    if let Some(p) = dateline(text, body, from_address.as_ref().and_then(|p| p.date)) {
        return p;
    }
    if let Some(p) = head_date(text, body) {
        return p;
    }
    if let Some(p) = from_address {
        return p;
    }
    let inferred = infer(text, body);
    // A yearless dateline whose body cites no year takes the year of the inference: the first
    // such day on or after the latest date the body cites.
    if let Some(p) = inferred
        .date
        .and_then(|floor| dateline_after(text, body, floor))
    {
        return p;
    }
    inferred
}

/// How far into the display text a full date counts as the page's own (a byline run together
/// with other page furniture: `挺進花蓮山區搜救 |2024.04.05 語音朗讀 490觀看次`).
const HEAD_DATE_CHARS: usize = 160;

/// A full date (year, month and day) near the top of the text, standing apart from any sentence
/// (not followed by words or a comma: `2024年12月3日晚間，` opens a story, it dates no page), that
/// no later explicit date in the body passes: the page's own date, set in a line with other things.
fn head_date(text: &ArticleText, body: &[Expr]) -> Option<Published> {
    let folded: Vec<char> = crate::text::fold_str(
        &text.display[..text.display_index.byte(&text.display, HEAD_DATE_CHARS + 40)],
    )
    .chars()
    .collect();
    let apart = |e: &Expr| {
        folded
            .get(e.span.end)
            .is_none_or(|&c| !(super::scan::is_cjk(c) || matches!(c, '，' | ',' | '、')))
    };
    let full = |e: &&Expr| {
        matches!(
            e.kind,
            Kind::Calendar {
                year: Some(YearSpec::Abs(_)),
                month: Some(MonthSpec::Abs(_)),
                day: Some(_),
                part: Part::Whole
            }
        ) && !e.future
            && apart(e)
    };
    let head = body
        .iter()
        .filter(|e| e.span.start < HEAD_DATE_CHARS)
        .find(full)?;
    let date = resolve(std::slice::from_ref(head), None)
        .first()?
        .range
        .start;
    let later = body.iter().filter(|e| !e.future && !e.relative()).any(|e| {
        resolve(std::slice::from_ref(e), None)
            .first()
            .is_some_and(|m| m.range.start > date)
    });
    if later {
        return None;
    }
    Some(Published::stated(
        date,
        Precision::Day,
        format!("the date at the top, “{}”", written(text, head)),
    ))
}

/// A date in a page's address, as news sites write them: `/2024/04/03/`, `/2024-04-03/`,
/// `/20240403/`, `20240229900525` (a date that opens a longer id), `/2024/0403/`, or a month alone
/// (`/202404/`, `/2024/04/`). The host is left out; years before 1990 are taken for ids.
pub fn from_url(url: &str) -> Option<Published> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = &path[path.find('/')?..];
    let groups: Vec<(usize, &str)> = {
        let mut out = Vec::new();
        let bytes = path.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i].is_ascii_digit() {
                let s = i;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                out.push((s, &path[s..i]));
            } else {
                i += 1;
            }
        }
        out
    };
    let num = |s: &str| s.parse::<u32>().ok();
    let year_ok = |y: u32| (1990..=2100).contains(&y);
    let found = |y: u32, m: u32, d: Option<u32>, written: &str| {
        let date = NaiveDate::from_ymd_opt(y as i32, m, d.unwrap_or(1))?;
        Some(Published::stated(
            date,
            if d.is_some() {
                Precision::Day
            } else {
                Precision::Month
            },
            format!("the page's address ({written})"),
        ))
    };
    // Groups joined by one separator char: `2024/04/03`, `2024-04-03`.
    let joined = |k: usize| {
        let (s, g) = groups[k];
        let (n, h) = *groups.get(k + 1)?;
        (n == s + g.len() + 1 && matches!(path.as_bytes()[n - 1], b'/' | b'-' | b'_' | b'.'))
            .then_some(h)
    };
    for (k, &(_, g)) in groups.iter().enumerate() {
        if g.len() >= 8 && year_ok(num(&g[..4])?) {
            if let Some(p) = found(num(&g[..4])?, num(&g[4..6])?, Some(num(&g[6..8])?), g) {
                return Some(p);
            }
        }
        if g.len() == 4 && year_ok(num(g)?) {
            let Some(next) = joined(k) else { continue };
            match next.len() {
                4 => {
                    return found(
                        num(g)?,
                        num(&next[..2])?,
                        Some(num(&next[2..])?),
                        &format!("{g}/{next}"),
                    )
                }
                1 | 2 => {
                    let day = (|| {
                        let d = joined(k + 1)?;
                        (d.len() <= 2).then_some(d)
                    })();
                    let written = format!(
                        "{g}/{next}{}",
                        day.map(|d| format!("/{d}")).unwrap_or_default()
                    );
                    if let Some(p) = found(num(g)?, num(next)?, day.and_then(num), &written) {
                        return Some(p);
                    }
                }
                _ => {}
            }
        }
        if g.len() == 6 && year_ok(num(&g[..4])?) {
            let (y, m) = (num(&g[..4])?, num(&g[4..])?);
            // `/202312/29/`: the month's folder, then the day's; or the month's folder, then a
            // page id that opens with the same month and its day (`/202309/202309232231424.html`).
            let day = joined(k).filter(|d| d.len() <= 2).or_else(|| {
                groups[k + 1..]
                    .iter()
                    .map(|&(_, h)| h)
                    .find(|h| h.len() >= 8 && h.starts_with(g))
                    .map(|h| &h[6..8])
                    .filter(|d| {
                        num(d)
                            .and_then(|d| NaiveDate::from_ymd_opt(y as i32, m, d))
                            .is_some()
                    })
            });
            let written = format!("{g}{}", day.map(|d| format!("/{d}")).unwrap_or_default());
            if let Some(p) = found(y, m, day.and_then(num), &written) {
                return Some(p);
            }
        }
    }
    groups
        .iter()
        .find_map(|&(_, g)| roc_id(g).or_else(|| timestamp(g)))
}

/// A Unix time in milliseconds (13 digits) or microseconds (16) used as an article id
/// (`/detail/1706537614129224.html`), read on Beijing time. Ids of other lengths are not times.
fn timestamp(g: &str) -> Option<Published> {
    let seconds = match g.len() {
        13 => g.parse::<i64>().ok()? / 1_000,
        16 => g.parse::<i64>().ok()? / 1_000_000,
        _ => return None,
    };
    let at = chrono::DateTime::from_timestamp(seconds + 8 * 3600, 0)?.date_naive();
    // Ids that merely have the length of a time read as dates before the web's news archives.
    (2008..=2100).contains(&at.year()).then(|| {
        Published::stated(
            at,
            Precision::Day,
            format!("the time in the page's address ({g})"),
        )
    })
}

/// An id that opens with a 民國 date, as Taiwan's broadcasters number their stories:
/// `11209290000300` is 112-09-29, that is 2023-09-29. Only years 100–120 (2011–2031) count; a millisecond
/// time opens with 100–120 only in 2001–2008.
fn roc_id(g: &str) -> Option<Published> {
    if g.len() < 10 || !g.starts_with('1') {
        return None;
    }
    let n = |r: std::ops::Range<usize>| g.get(r)?.parse::<u32>().ok();
    let roc = n(0..3)?;
    if !(100..=120).contains(&roc) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(roc as i32 + 1911, n(3..5)?, n(5..7)?)?;
    Some(Published::stated(
        date,
        Precision::Day,
        format!("the 民國 date opening the page's id ({g})"),
    ))
}

/// A manifest date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
pub fn from_manifest(s: &str) -> Option<Published> {
    let s = s.trim();
    let parts: Vec<&str> = s.split('-').collect();
    let num = |x: &str| x.parse::<u32>().ok();
    let y = num(parts.first()?)? as i32;
    let (m, d, p) = match parts.len() {
        1 => (1, 1, Precision::Year),
        2 => (num(parts[1])?, 1, Precision::Month),
        3 => (num(parts[1])?, num(parts[2])?, Precision::Day),
        _ => return None,
    };
    let date = NaiveDate::from_ymd_opt(y, m, d)?;
    Some(Published::stated(date, p, "manifest"))
}

/// Let the article's decoded file go, all but the head [`head_lines`] reads: the lines it takes,
/// the line that ends its count, and any dateline the text stage set aside.
pub fn keep_head(text: &mut ArticleText) {
    let raw = &text.raw;
    let mut end = raw.len();
    let (mut lines, mut used, mut at) = (0, 0, 0);
    for line in raw.split_inclusive('\n') {
        at += line.len();
        let l = line.strip_suffix('\n').unwrap_or(line);
        let l = l.strip_suffix('\r').unwrap_or(l);
        if l.trim().is_empty() {
            continue;
        }
        lines += 1;
        used += l.chars().count();
        if used > HEAD_CHARS || lines > HEAD_LINES {
            end = at;
            break;
        }
    }
    let dateline_end = text
        .furniture
        .iter()
        .filter(|f| f.reason == crate::text::CutReason::Dateline)
        .map(|f| f.raw.end)
        .max()
        .and_then(|chars| raw.char_indices().nth(chars).map(|(b, _)| b));
    let end = match dateline_end {
        Some(d) => end.max(d),
        None if text
            .furniture
            .iter()
            .any(|f| f.reason == crate::text::CutReason::Dateline) =>
        {
            raw.len()
        }
        None => end,
    };
    text.keep_raw_head(end);
}

/// The lines a dateline may be on: text the text stage set aside as a dateline, then the raw head.
fn head_lines(text: &ArticleText) -> Vec<String> {
    let mut lines = Vec::new();
    for f in text
        .furniture
        .iter()
        .filter(|f| f.reason == crate::text::CutReason::Dateline)
    {
        lines.push(
            text.raw
                .chars()
                .skip(f.raw.start)
                .take(f.raw.len())
                .collect(),
        );
    }
    let mut used = 0;
    for l in text
        .raw
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(HEAD_LINES)
    {
        used += l.chars().count();
        if used > HEAD_CHARS {
            break;
        }
        lines.push(l.to_string());
    }
    lines
}

/// Each head line with its folded chars and the date expressions in them.
fn head_scans(text: &ArticleText) -> impl Iterator<Item = (String, Vec<char>, Vec<Expr>)> {
    head_lines(text).into_iter().map(|line| {
        let folded: Vec<char> = fold_str(&line).chars().collect();
        let exprs = super::scan::scan_chars(&folded);
        (line, folded, exprs)
    })
}

/// Chars of a line that are neither its date nor the clock, bullets and separators around it.
fn other_chars(line: &[char], e: &Expr) -> usize {
    line.iter()
        .enumerate()
        .filter(|&(k, c)| {
            !(e.span.start..e.span.end).contains(&k)
                && !c.is_whitespace()
                && !c.is_ascii_digit()
                && !"•·|:：-/()（）[]【】".contains(*c)
        })
        .count()
}

/// Agency openers that follow a dateline date.
const OPENERS: &[&str] = &[
    "消息", "电", "電", "讯", "訊", "报道", "報道", "报导", "報導", "讯息", "發佈", "发布",
];

/// `新华社首尔6月4日电 …`, `快科技4月25日消息,`: the date is followed by an agency's opener that
/// ends its phrase, and is not someone else's report cited (`據中時新聞網4月13日報導`).
fn agency_opener(line: &[char], e: &Expr) -> bool {
    let Some(end) = super::scan::lit(line, e.span.end, OPENERS) else {
        return false;
    };
    let ends_phrase = line.get(end).is_none_or(|&c| !super::scan::is_cjk(c));
    let clause_start = line[..e.span.start]
        .iter()
        .rposition(|c| "，,。；;：:".contains(*c))
        .map_or(0, |k| k + 1);
    let cited = line[clause_start..e.span.start]
        .iter()
        .any(|&c| c == '据' || c == '據');
    ends_phrase && !cited
}

/// A dateline in the first lines, with the year of a yearless one taken from the page's address
/// when it carries a date, else from the body.
pub fn dateline(
    text: &ArticleText,
    body: &[Expr],
    address: Option<NaiveDate>,
) -> Option<Published> {
    dateline_in(text, body, address, None)
}

/// A yearless dateline read as the first such day on or after `floor`, marked inferred.
pub fn dateline_after(text: &ArticleText, body: &[Expr], floor: NaiveDate) -> Option<Published> {
    dateline_in(text, body, None, Some(floor)).map(|p| Published {
        inferred: true,
        ..p
    })
}

fn dateline_in(
    text: &ArticleText,
    body: &[Expr],
    address: Option<NaiveDate>,
    floor: Option<NaiveDate>,
) -> Option<Published> {
    for (line, folded, exprs) in head_scans(text) {
        for e in &exprs {
            let Kind::Calendar {
                year,
                month: Some(MonthSpec::Abs(m)),
                day: Some(d),
                part: Part::Whole,
            } = e.kind
            else {
                continue;
            };
            let written: String = line.chars().skip(e.span.start).take(e.span.len()).collect();
            match year {
                Some(YearSpec::Abs(y)) if other_chars(&folded, e) <= 12 => {
                    let Some(date) = NaiveDate::from_ymd_opt(y, m, d) else {
                        continue;
                    };
                    return Some(Published::stated(
                        date,
                        Precision::Day,
                        format!(
                            "dateline “{}”",
                            line.trim().trim_start_matches(['•', '·', '|', '-', ' '])
                        ),
                    ));
                }
                None if agency_opener(&folded, e) => {
                    if let Some(a) = address {
                        // The address's year, unless that puts the dateline months after it.
                        let y = if NaiveDate::from_ymd_opt(a.year(), m, d)
                            .is_some_and(|x| x > a + chrono::Days::new(31))
                        {
                            a.year() - 1
                        } else {
                            a.year()
                        };
                        let Some(date) = NaiveDate::from_ymd_opt(y, m, d) else {
                            continue;
                        };
                        return Some(Published::stated(
                            date,
                            Precision::Day,
                            format!("dateline “{written}” with the year of the page's address"),
                        ));
                    }
                    let Some((y, why)) = body_year(body) else {
                        let Some(floor) = floor else { continue };
                        let month_start = floor.with_day(1).unwrap_or(floor);
                        let Some(date) = [floor.year(), floor.year() + 1]
                            .into_iter()
                            .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
                            .find(|x| *x >= month_start)
                        else {
                            continue;
                        };
                        return Some(Published::stated(
                            date,
                            Precision::Day,
                            format!(
                                "dateline “{written}”, in {} as the body's dates suggest",
                                date.year()
                            ),
                        ));
                    };
                    // Nor is it older than the latest year it cites outside future clauses.
                    let latest_year = body
                        .iter()
                        .filter(|e| !e.future)
                        .filter_map(|e| e.abs_year())
                        .max();
                    let (y, why) = match latest_year {
                        Some(l) if l > y => (l, format!("the latest year the body cites ({l})")),
                        _ => (y, why),
                    };
                    let Some(mut date) = NaiveDate::from_ymd_opt(y, m, d) else {
                        continue;
                    };
                    let mut why = why;
                    // A report is not older than the dated events it cites as past.
                    if let Some((latest, text_of)) = latest_fine_past(text, body) {
                        while date < latest {
                            match NaiveDate::from_ymd_opt(date.year() + 1, m, d) {
                                Some(next) => date = next,
                                None => break,
                            }
                            why = format!("after “{text_of}”");
                        }
                    }
                    let y = date.year();
                    return Some(Published {
                        year_open: true,
                        ..Published::stated(
                            date,
                            Precision::Day,
                            format!("dateline “{written}” with the year {y} {why}"),
                        )
                    });
                }
                _ => {}
            }
        }
    }
    None
}

/// The start of the latest day-, xun- or month-precise date the body cites outside future clauses.
fn latest_fine_past(text: &ArticleText, body: &[Expr]) -> Option<(NaiveDate, String)> {
    body.iter()
        .filter(|e| !e.future && !e.relative())
        .filter_map(|e| {
            resolve(std::slice::from_ref(e), None)
                .into_iter()
                .next()
                .map(|m| (m, e))
        })
        .filter(|(m, _)| m.range.precision <= Precision::Month)
        .max_by_key(|(m, _)| m.range.start)
        .map(|(m, e)| (m.range.start, written(text, e)))
}

/// The year the body speaks of most (ties to the later), among explicit years outside future clauses.
fn body_year(body: &[Expr]) -> Option<(i32, String)> {
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for y in body
        .iter()
        .filter(|e| !e.future)
        .filter_map(|e| e.abs_year())
    {
        match counts.iter_mut().find(|(cy, _)| *cy == y) {
            Some(c) => c.1 += 1,
            None => counts.push((y, 1)),
        }
    }
    let (y, n) = counts.into_iter().max_by_key(|&(y, n)| (n, y))?;
    Some((y, format!("cited most in the body ({n}×)")))
}

/// A date that names its month and no year (`6月30日`, or `6月` unless a day is asked for).
fn yearless_month(e: &Expr, with_day: bool) -> bool {
    matches!(
        e.kind,
        Kind::Calendar {
            year: None,
            month: Some(MonthSpec::Abs(_)),
            day,
            ..
        } if day.is_some() || !with_day
    )
}

fn written(text: &ArticleText, e: &Expr) -> String {
    if e.span.end <= text.len() {
        text.slice(e.span).to_string()
    } else {
        String::new()
    }
}

/// Infer the publication date from the body's explicit dates: it is no earlier than the latest past
/// date cited. Yearless dates (`6月30日`) are in the publication year; when they fall months before the
/// latest dated mention (`2024年11月`), that mention is from an earlier year, so the publication year is
/// the next one. Bare days (`1日`) are days of the publication month: if they come before the latest
/// yearless day, the publication month is the following one.
pub fn infer(text: &ArticleText, body: &[Expr]) -> Published {
    let past: Vec<&Expr> = body.iter().filter(|e| !e.future).collect();
    let mut latest_abs: Option<(super::DateRange, &Expr)> = None;
    for e in past.iter().filter(|e| !e.relative()) {
        if let Some(m) = resolve(std::slice::from_ref(*e), None).into_iter().next() {
            if latest_abs.is_none_or(|(r, _)| m.range.end > r.end) {
                latest_abs = Some((m.range, e));
            }
        }
    }
    let Some((ar, ae)) = latest_abs else {
        return Published::unknown();
    };
    let yearless: Vec<&Expr> = past
        .iter()
        .copied()
        .filter(|e| yearless_month(e, false))
        .collect();
    // The latest month a yearless date names (January when none does).
    let max_month = yearless
        .iter()
        .filter_map(|e| match e.kind {
            Kind::Calendar {
                month: Some(MonthSpec::Abs(m)),
                ..
            } => Some(m),
            _ => None,
        })
        .max()
        .unwrap_or(1);
    // The text calls a day today and names the weekday the latest day it cites fell on
    // (`on September 24, 2024` … `today` … `Tuesday afternoon`), and no yearless month it cites
    // comes later in the year: that day is the article's.
    if ar.precision == Precision::Day
        && max_month <= ar.end.month()
        && today_on_its_weekday(&past, ar.end)
    {
        return Published::inferred(
            ar.end,
            Precision::Day,
            format!(
                "inferred from the body: latest date cited “{}”, the weekday the text names \
                 with today",
                written(text, ae)
            ),
        );
    }
    if yearless.is_empty() {
        let precision = if ar.precision <= Precision::Month {
            Precision::Month
        } else {
            Precision::Year
        };
        return Published::inferred(
            ar.end,
            precision,
            format!(
                "inferred from the body: latest date cited “{}”",
                written(text, ae)
            ),
        );
    }
    let mut year = ar.end.year();
    let mut why = format!("year {year} as “{}”", written(text, ae));
    if ar.precision <= Precision::Month && max_month + 2 < ar.end.month() {
        year += 1;
        why = format!("year {year}: after “{}”", written(text, ae));
    }
    // Resolve the yearless dates against the last day of that year, leaning to the past.
    let Some(anchor) = NaiveDate::from_ymd_opt(year, 12, 31) else {
        return Published::unknown();
    };
    let mut latest: Option<(super::DateRange, &Expr)> = None;
    for e in &yearless {
        if let Some(m) = resolve(std::slice::from_ref(*e), Some(anchor))
            .into_iter()
            .next()
        {
            if latest.is_none_or(|(r, _)| m.range.end > r.end) {
                latest = Some((m.range, e));
            }
        }
    }
    let Some((mut lr, mut le)) = latest else {
        return Published::unknown();
    };
    // A day or month written with its year, later than every yearless one, is the latest cited
    // (mid-July … on September 24, 2024); a year alone (2024年) says less than a yearless day.
    if ar.precision <= Precision::Month && ar.start > lr.end {
        (lr, le) = (ar, ae);
    }
    let mut date = lr.end;
    let mut basis = format!(
        "inferred from the body: latest date cited “{}”, {why}",
        written(text, le)
    );
    let bare: Vec<(u32, &Expr)> = past
        .iter()
        .filter_map(|e| match e.kind {
            Kind::Calendar {
                year: None,
                month: None,
                day: Some(d),
                ..
            } => Some((d, *e)),
            _ => None,
        })
        .collect();
    if lr.precision == Precision::Day
        && !bare.is_empty()
        && bare.iter().all(|(d, _)| *d < lr.end.day())
    {
        let (d, be) = bare
            .iter()
            .max_by_key(|(d, _)| *d)
            .copied()
            .unwrap_or((1, bare[0].1));
        if let Some(next) = NaiveDate::from_ymd_opt(date.year(), date.month(), 1)
            .and_then(|f| f.checked_add_months(Months::new(1)))
            .and_then(|f| NaiveDate::from_ymd_opt(f.year(), f.month(), d))
        {
            date = next;
            basis.push_str(&format!(
                "; bare day “{}” read as the following month",
                written(text, be)
            ));
        }
    }
    Published::inferred(date, Precision::Month, basis)
}

/// The first day after `from` that a yearless plan of the body names (`四月十四日將…`), read as
/// the resolver reads a future clause's date: an article is written before the plans it announces.
pub fn planned_after(body: &[Expr], from: NaiveDate) -> Option<NaiveDate> {
    let plans: Vec<Expr> = body
        .iter()
        .filter(|e| e.future && yearless_month(e, true))
        .copied()
        .collect();
    resolve(&plans, Some(from))
        .into_iter()
        .map(|m| m.range.start)
        .filter(|&p| p > from)
        .min()
}

/// How long before a dated article of the story a yearless date of an undated one may fall and
/// still be the happening that article reports, and how long after (a plan it announces).
const COVERAGE_BEFORE_DAYS: i64 = 45;
const COVERAGE_AFTER_DAYS: i64 = 60;

/// An undated article's yearless dates (`9月22日`) placed in the year the story is told in.
///
/// The body's own explicit years are often background (`華為2019年被列入黑名單`), so the year they
/// give a yearless date may be years off. The articles of the story that state their dates
/// (`coverage`) say when the story was reported: the yearless dates are read against each of
/// those dates in turn, and the one under which most of them fall shortly before it (at least
/// half) wins; dated articles a year apart that fit equally well leave it open. A yearless dateline then gives the day; else the publication is then the latest yearless past date so
/// placed, at month precision and marked inferred; never before the latest past date the body
/// gives with its year. `None` when the dates fit no dated article or when the article already
/// sits near where they put it.
pub fn placed_by_coverage(
    text: &ArticleText,
    body: &[Expr],
    coverage: &[NaiveDate],
    current: &Published,
) -> Option<Published> {
    let yearless: Vec<Expr> = body
        .iter()
        .filter(|e| yearless_month(e, true))
        .copied()
        .collect();
    if yearless.is_empty() {
        return None;
    }
    // Read against one anchor: how many of the dates fall in its window, and the latest past one.
    let read = |anchor: NaiveDate| {
        let placed = resolve(&yearless, Some(anchor));
        let fits = placed
            .iter()
            .filter(|m| {
                let ahead = (anchor - m.range.start).num_days();
                (-COVERAGE_AFTER_DAYS..=COVERAGE_BEFORE_DAYS).contains(&ahead)
            })
            .count();
        let latest = placed
            .iter()
            .zip(&yearless)
            .filter(|(m, e)| !e.future && !m.future)
            .max_by_key(|(m, _)| m.range.start)
            .map(|(m, e)| (m.range.start, e));
        (anchor, fits, latest)
    };
    let mut anchors = coverage.to_vec();
    anchors.sort_unstable();
    anchors.dedup();
    let scored: Vec<_> = near_some_date(&anchors, &yearless)
        .into_iter()
        .map(read)
        .collect();
    let best = scored.iter().map(|&(_, n, _)| n).max()?;
    if best == 0 || best * 2 < yearless.len() {
        return None;
    }
    let placements: Vec<(NaiveDate, NaiveDate, &Expr)> = scored
        .iter()
        .filter(|&&(_, n, _)| n == best)
        .filter_map(|&(a, _, latest)| latest.map(|(d, e)| (a, d, e)))
        .collect();
    // Within one time of the story, the latest placement counts its dates as past the most.
    let (anchor, date, e) = *placements.iter().max_by_key(|p| p.1)?;
    // Dated articles a year apart that fit the dates equally well leave the year open.
    if placements
        .iter()
        .any(|p| (date - p.1).num_days() > COVERAGE_AFTER_DAYS)
    {
        return None;
    }
    if latest_explicit_past(body).is_some_and(|floor| floor > date) {
        return None;
    }
    if current
        .date
        .is_some_and(|d| (d - date).num_days().abs() <= COVERAGE_AFTER_DAYS)
    {
        return None;
    }
    if let Some(p) = dateline_after(text, body, date) {
        return Some(p);
    }
    let basis = format!(
        "inferred from the body: latest date cited “{}”, in the year the story's dated articles \
         place it ({best} of its {} yearless dates fall shortly before one of {anchor})",
        written(text, e),
        yearless.len()
    );
    // Published on or after the latest date it cites: a bare day later in that month would be
    // later still, so it is read as of an earlier month (在29日交保 in an article citing 1月2號).
    Some(with_nearest_day_of_today(
        Published {
            read_against: Some(date),
            ..Published::inferred(date, Precision::Month, basis)
        },
        body,
    ))
}

/// The anchors (sorted, distinct) that lie within the window of some year's reading of a yearless
/// date: the only ones under which any of them can fit, so the only ones worth reading them
/// against (a story of thousands of dated articles has as many anchors).
fn near_some_date(anchors: &[NaiveDate], yearless: &[Expr]) -> Vec<NaiveDate> {
    let (Some(first), Some(last)) = (anchors.first(), anchors.last()) else {
        return Vec::new();
    };
    let reach = chrono::Duration::days(COVERAGE_BEFORE_DAYS.max(COVERAGE_AFTER_DAYS));
    let mut near = vec![false; anchors.len()];
    for e in yearless {
        let Kind::Calendar {
            month: Some(MonthSpec::Abs(m)),
            day: Some(d),
            ..
        } = e.kind
        else {
            continue;
        };
        for y in first.year() - 1..=last.year() + 1 {
            let Some(p) = NaiveDate::from_ymd_opt(y, m, d) else {
                continue;
            };
            let from = anchors.partition_point(|a| *a < p - reach);
            let to = anchors.partition_point(|a| *a <= p + reach);
            near[from..to].iter_mut().for_each(|n| *n = true);
        }
    }
    anchors
        .iter()
        .zip(near)
        .filter_map(|(a, n)| n.then_some(*a))
        .collect()
}

/// A date placed from yearless dates, refined by the day the text calls today (`今(4)日`): the day
/// of that number nearest the placed date, since the latest yearless date may be a plan told
/// without a future marker.
fn with_nearest_day_of_today(p: Published, body: &[Expr]) -> Published {
    match p.date.and_then(|date| nearest_day_of_today(date, body)) {
        Some(c) => Published {
            date: Some(c),
            precision: Precision::Day,
            basis: format!("{}; the day from the text's 今(日)", p.basis),
            read_against: None,
            ..p
        },
        None => p,
    }
}

/// The start of the latest date the body gives with its year, outside future clauses.
fn latest_explicit_past(body: &[Expr]) -> Option<NaiveDate> {
    body.iter()
        .filter(|e| !e.future && !e.relative())
        .filter_map(|e| resolve(std::slice::from_ref(e), None).into_iter().next())
        .map(|m| m.range.start)
        .max()
}
