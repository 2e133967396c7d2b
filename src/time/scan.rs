//! The scanner: finds date expressions in folded text without resolving them.
//!
//! One pass over the chars, keyed on anchors (ASCII digits, Chinese numerals, and the few chars that
//! open a relative expression: 今 去 明 本 上 下 周 星 近 最 過 踏 第 Q …); everything else is skipped at
//! the cost of one `match`. Each hit becomes an [`Expr`]: what the text literally said (a year that may
//! be missing or relative, a month, a day, a part such as 中旬 or 第一季度), with its span and whether its
//! clause speaks of the future. Resolving against a reference date is [`super::resolve`]'s job, so an
//! article's expressions can be scanned once and resolved again when its publication date is learnt.
//! Traditional forms (週, 後, 個, 將, 預計 …) are accepted beside simplified ones, so the scanner also
//! works on unfolded text.

use super::clause::future_clause;
use super::numerals::{any_number, ascii_number, is_zh_numeral, zh_small, zh_year};
use super::relative::{bare_year_part, entering, near_at, past_span, relative_at, weekday_at};
use super::vocab::{vocab, Words};
use crate::text::Span;

fn words() -> &'static Words {
    &vocab().words
}

/// A year as written: absolute (`2025年`) or relative to the reference year (`去年` = -1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearSpec {
    Abs(i32),
    Rel(i32),
}

/// A month as written: absolute (`7月`) or relative to the reference month (`上月` = -1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthSpec {
    Abs(u32),
    Rel(i32),
}

/// The part of a year or month an expression names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Whole,
    /// 0 上旬/初, 1 中旬, 2 下旬/底/末.
    Xun(u8),
    /// The last seven days of the month (最後一周).
    LastWeek,
    /// The n-th (1–5) weekday (0 = Monday) of the month (10月的第一個星期一).
    NthWeekday(u8, u8),
    /// 1–4.
    Quarter(u8),
    /// 1 上半年, 2 下半年.
    Half(u8),
    /// 0 年初, 1 年中, 2 年底/年末.
    Season(u8),
}

/// Units of a span counted back from the reference date (過去一個月).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// What an expression literally says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A calendar date, any of whose fields may be missing (then taken from the reference date).
    Calendar {
        year: Option<YearSpec>,
        month: Option<MonthSpec>,
        day: Option<u32>,
        part: Part,
    },
    /// A weekday (0 = Monday); `week` None leans to the past, Some(k) is k weeks from this one.
    Weekday { weekday: u32, week: Option<i32> },
    /// A whole week relative to the reference week (本周 0, 上周 -1).
    Week(i32),
    /// 近日 / 日前 / 最近: shortly before the reference date.
    Near,
    /// 過去 n units up to the reference date.
    PastSpan { n: u32, unit: Unit },
    /// 未來三天 (`whole` false): the n units after the reference day; 下三週 (`whole` true): the
    /// n whole weeks, months or years after the reference day's.
    NextSpan { n: u32, unit: Unit, whole: bool },
    /// A day counted from the reference date (今天 0, 昨日 -1, 後天 2, 三天前 -3).
    DayOffset(i32),
    /// 今(12)日, 昨(11)日: a day counted from the reference that also names its day of the month.
    NamedDay { offset: i32, day: u32 },
    /// The month, week or year n units from the reference (兩個月前 -2, 三年後 3).
    UnitsAgo { n: i32, unit: Unit },
    /// A weekday told with its day of the month (周六(31日), 31日(周六)): the day of that number
    /// nearest the reference that falls on that weekday.
    WeekdayDay { weekday: u32, day: u32 },
}

/// One unresolved date expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expr {
    pub span: Span,
    pub kind: Kind,
    /// Its clause speaks of the future (預計, 將於, 計劃 …).
    pub future: bool,
    /// The first end of a range whose other end is the next expression (`6月12號到7月3號`).
    pub through_next: bool,
}

impl Expr {
    /// Whether resolving needs the reference date.
    pub fn relative(&self) -> bool {
        match self.kind {
            Kind::Calendar { year, month, .. } => {
                !matches!(year, Some(YearSpec::Abs(_))) || matches!(month, Some(MonthSpec::Rel(_)))
            }
            _ => true,
        }
    }
    /// An absolute year written in the text, if any.
    pub fn abs_year(&self) -> Option<i32> {
        match self.kind {
            Kind::Calendar {
                year: Some(YearSpec::Abs(y)),
                ..
            } => Some(y),
            _ => None,
        }
    }
}

/// Scan a text (folded, or any text) for date expressions, in order, non-overlapping.
pub fn scan(text: &str) -> Vec<Expr> {
    let t: Vec<char> = text.chars().collect();
    scan_chars(&t)
}

/// [`scan`] over an already split char slice.
pub fn scan_chars(t: &[char]) -> Vec<Expr> {
    let mut out = Vec::new();
    let n = t.len();
    let holiday_firsts = &super::vocab::vocab().holiday_firsts;
    let mut i = 0;
    while i < n {
        let c = t[i];
        let hit = match c {
            '0'..='9' => {
                if prev_blocks_digit(t, i) {
                    None
                } else {
                    digit_at(t, i)
                }
            }
            '〇' | '零' | '一' | '二' | '两' | '兩' | '三' | '四' | '五' | '六' | '七' | '八'
            | '九' | '十' | '廿' | '卅' => zh_numeral_at(t, i),
            '昨' | '后' | '後' => relative_at(t, i),
            'Q' | 'q' => quarter_letter(t, i),
            '今' | '去' | '前' | '明' | '本' | '上' | '下' | '这' | '這' | '来' | '來' | '当'
            | '當' => relative_at(t, i),
            '年' => bare_year_part(t, i),
            '周' | '週' | '星' | '礼' | '禮' => weekday_at(t, i, None),
            '近' | '日' | '最' => near_at(t, i),
            '过' | '過' => past_span(t, i, 2),
            '未' | '接' | '往' => super::relative::next_span(t, i),
            '踏' | '进' | '進' => entering(t, i),
            '第' | '首' => ordinal_quarter(t, i),
            _ if holiday_firsts.contains(c) => super::relative::holiday_at(t, i),
            _ => None,
        };
        match hit {
            Some((end, kind)) if end > i => {
                let span = Span::new(i, end);
                out.push(Expr {
                    span,
                    kind,
                    future: future_clause(t, i, end),
                    through_next: false,
                });
                i = end;
            }
            _ => {
                // Skip the rest of a number so its tail is never read as a number of its own.
                if c.is_ascii_digit() {
                    while i < n && t[i].is_ascii_digit() {
                        i += 1;
                    }
                } else if is_zh_numeral(c) {
                    while i < n && is_zh_numeral(t[i]) {
                        i += 1;
                    }
                } else {
                    i += 1;
                }
            }
        }
    }
    // English expressions fill the places the Chinese scan left empty.
    let english = super::english::scan(t);
    if !english.is_empty() {
        for e in english {
            if !out.iter().any(|o| o.span.overlaps(e.span)) {
                out.push(e);
            }
        }
        out.sort_by_key(|e| e.span.start);
    }
    inherit_across_connectors(&mut out, t);
    same_as_before(&mut out, t);
    weekday_with_day(&mut out, t);
    under_year_headings(&mut out, t);
    out
}

/// A line that is only a year (`2024年`) heads a chronology's entries: the dates below it that
/// leave the year out (`12/3`, `1月8日`) are in that year, until the next such line.
fn under_year_headings(out: &mut [Expr], t: &[char]) {
    let alone = |e: &Expr| {
        let blank = |c: &char| c.is_whitespace() || *c == '\u{3000}';
        let line_start = t[..e.span.start]
            .iter()
            .rposition(|&c| c == '\n')
            .map_or(0, |p| p + 1);
        let line_end = t[e.span.end..]
            .iter()
            .position(|&c| c == '\n')
            .map_or(t.len(), |p| e.span.end + p);
        t[line_start..e.span.start].iter().all(blank) && t[e.span.end..line_end].iter().all(blank)
    };
    let mut heading: Option<i32> = None;
    for e in out.iter_mut() {
        match e.kind {
            Kind::Calendar {
                year: Some(YearSpec::Abs(y)),
                month: None,
                day: None,
                part: Part::Whole,
            } if alone(e) => heading = Some(y),
            Kind::Calendar {
                year: None,
                month: month @ Some(MonthSpec::Abs(_)),
                day,
                part,
            } => {
                if let Some(y) = heading {
                    e.kind = Kind::Calendar {
                        year: Some(YearSpec::Abs(y)),
                        month,
                        day,
                        part,
                    };
                }
            }
            _ => {}
        }
    }
}

/// A weekday and a bare day side by side, one in brackets (周六(31日), 31日（週六）), are one date.
fn weekday_with_day(out: &mut Vec<Expr>, t: &[char]) {
    let bare_day = |k: &Kind| match *k {
        Kind::Calendar {
            year: None,
            month: None,
            day: Some(d),
            part: Part::Whole,
        } => Some(d),
        _ => None,
    };
    let weekday = |k: &Kind| match *k {
        Kind::Weekday {
            weekday,
            week: None,
        } => Some(weekday),
        _ => None,
    };
    let mut k = 1;
    while k < out.len() {
        let (a, b) = (out[k - 1], out[k]);
        let gap = &t[a.span.end..b.span.start];
        let opened = matches!(gap, ['(' | '（']);
        let pair = match (
            weekday(&a.kind),
            bare_day(&b.kind),
            bare_day(&a.kind),
            weekday(&b.kind),
        ) {
            (Some(w), Some(d), _, _) | (_, _, Some(d), Some(w)) => Some((w, d)),
            _ => None,
        };
        let Some((w, d)) = pair.filter(|_| opened) else {
            k += 1;
            continue;
        };
        let closes = matches!(t.get(b.span.end), Some(')' | '）'));
        out[k - 1] = Expr {
            span: Span::new(a.span.start, b.span.end + usize::from(closes)),
            kind: Kind::WeekdayDay { weekday: w, day: d },
            future: a.future || b.future,
            through_next: b.through_next,
        };
        out.remove(k);
    }
}

/// `同年3月10日` and `同月19日` take the year or month of the date told before them, and their span
/// takes the word in. With no such date before, the word is the reference's year or month.
fn same_as_before(out: &mut [Expr], t: &[char]) {
    let w = words();
    let word_before = |list: &[String], at: usize| -> Option<usize> {
        list.iter().map(|x| x.chars().count()).find(|&n| {
            n <= at
                && list.iter().any(|x| {
                    x.chars().count() == n && lit(t, at - n, std::slice::from_ref(x)) == Some(at)
                })
        })
    };
    let mut year: Option<YearSpec> = None;
    let mut month: Option<(Option<YearSpec>, MonthSpec)> = None;
    for e in out.iter_mut() {
        let Kind::Calendar {
            year: y,
            month: m,
            day,
            part,
        } = e.kind
        else {
            continue;
        };
        let (mut y, mut m) = (y, m);
        if y.is_none() && m.is_some() {
            if let Some(n) = word_before(&w.same_year, e.span.start) {
                y = Some(year.unwrap_or(YearSpec::Rel(0)));
                e.span = Span::new(e.span.start - n, e.span.end);
            }
        } else if y.is_none() && m.is_none() && day.is_some() {
            if let Some(n) = word_before(&w.same_month, e.span.start) {
                match month {
                    Some((py, pm)) => {
                        y = py;
                        m = Some(pm);
                    }
                    None => m = Some(MonthSpec::Rel(0)),
                }
                e.span = Span::new(e.span.start - n, e.span.end);
            }
        }
        e.kind = Kind::Calendar {
            year: y,
            month: m,
            day,
            part,
        };
        if let Some(YearSpec::Abs(v)) = y {
            year = Some(YearSpec::Abs(v));
        }
        if let Some(mm @ MonthSpec::Abs(_)) = m {
            month = Some((y, mm));
        }
    }
}

/// The second end of a range takes what it leaves out from the first: `6月28日至30日` is 28–30 June,
/// `2025年6月30日至7月2日` is in 2025 at both ends.
fn inherit_across_connectors(out: &mut [Expr], t: &[char]) {
    for k in 1..out.len() {
        let (a, b) = (out[k - 1], out[k]);
        let gap = &t[a.span.end..b.span.start];
        let joined = !gap.is_empty()
            && gap.len() <= 2
            && gap.iter().all(|c| {
                matches!(
                    c,
                    '至' | '到'
                        | '-'
                        | '–'
                        | '—'
                        | '~'
                        | '～'
                        | '、'
                        | '和'
                        | '或'
                        | '及'
                        | '与'
                        | '與'
                        | ' '
                )
            });
        if !joined {
            continue;
        }
        // 至, 到 and dashes make a range; 、, 和 and 或 only list.
        let range = gap
            .iter()
            .any(|c| matches!(c, '至' | '到' | '-' | '–' | '—' | '~' | '～'));
        if range
            && matches!(
                (a.kind, b.kind),
                (Kind::Calendar { .. }, Kind::Calendar { .. })
            )
        {
            out[k - 1].through_next = true;
        }
        if let (
            Kind::Calendar {
                year: ya,
                month: ma,
                ..
            },
            Kind::Calendar {
                year: yb,
                month: mb,
                day: db,
                part,
            },
        ) = (a.kind, b.kind)
        {
            let month = match mb {
                None if db.is_some() && ma.is_some() => ma,
                m => m,
            };
            let mut year =
                if yb.is_none() && month.is_some() && !matches!(month, Some(MonthSpec::Rel(_))) {
                    ya
                } else {
                    yb
                };
            // `12月30日至1月2日` runs into the next year.
            if let (None, Some(MonthSpec::Abs(m0)), Some(MonthSpec::Abs(m1))) = (yb, ma, month) {
                if m1 < m0 {
                    year = year.map(|y| match y {
                        YearSpec::Abs(v) => YearSpec::Abs(v + 1),
                        YearSpec::Rel(v) => YearSpec::Rel(v + 1),
                    });
                }
            }
            out[k].kind = Kind::Calendar {
                year,
                month,
                day: db,
                part,
            };
        }
    }
}

pub(crate) type Hit = Option<(usize, Kind)>;

/// The text at `i` starts with one of `pats`: the end of the first that does.
pub(crate) fn lit<S: AsRef<str>>(t: &[char], i: usize, pats: &[S]) -> Option<usize> {
    'p: for p in pats {
        let mut j = i;
        for pc in p.as_ref().chars() {
            if t.get(j) != Some(&pc) {
                continue 'p;
            }
            j += 1;
        }
        return Some(j);
    }
    None
}

pub(crate) fn is_cjk(c: char) -> bool {
    crate::text::is_han(c) || c == '〇'
}

/// Digits glued to letters, decimals and thousands groups are versions, amounts and codes.
fn prev_blocks_digit(t: &[char], i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let p = t[i - 1];
    p.is_ascii_alphanumeric()
        || p == '_'
        || p == '.'
        || p == '·'
        || ((p == ',' || p == ':' || p == '/' || p == '-') && i >= 2 && t[i - 2].is_ascii_digit())
}

/// Chars after a number that make it part of something longer (`2025.5`, `3,600`, `12:30`).
fn next_continues_number(t: &[char], j: usize) -> bool {
    match t.get(j) {
        Some(c) if c.is_ascii_alphanumeric() => true,
        Some('.' | ',' | ':' | '/' | '-') => t.get(j + 1).is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// Index `p`, or past one space that some sites set between a number and its unit (`1993 年`,
/// `12 月 19 日`) when a unit or a number follows it.
fn spaced(t: &[char], p: usize) -> usize {
    let unit = |c: Option<&char>| {
        matches!(c, Some('年' | '月' | '日' | '号' | '號')) || c.is_some_and(|c| c.is_ascii_digit())
    };
    if t.get(p) == Some(&' ') && unit(t.get(p + 1)) {
        p + 1
    } else {
        p
    }
}

/// Years of the Republic of China, as Taiwan writes them: `民國112年`, `112年`, `112/3/5`
/// (year 1 is 1912). Three digits before 年 or a slash are such a year; fewer only after 民國.
const ROC_OFFSET: u32 = 1911;

fn roc_year(t: &[char], i: usize, v: u32, nd: usize) -> Option<i32> {
    let after_minguo = i >= 2 && matches!((t[i - 2], t[i - 1]), ('民', '国' | '國'));
    // A count of years (百二十年來, 110年歷史) is no year: years still in use run up to about 130.
    let e = spaced(t, i + nd);
    let counted = t.get(e) == Some(&'年')
        && matches!(
            t.get(e + 1),
            Some(
                '代' | '级'
                    | '級'
                    | '来'
                    | '來'
                    | '前'
                    | '后'
                    | '後'
                    | '历'
                    | '歷'
                    | '间'
                    | '間'
                    | '内'
                    | '內'
            )
        );
    (!counted && ((nd == 3 && (70..=130).contains(&v)) || (after_minguo && (1..=130).contains(&v))))
        .then_some((v + ROC_OFFSET) as i32)
}

pub(crate) fn digit_at(t: &[char], i: usize) -> Hit {
    let (v, nd, e) = ascii_number(t, i)?;
    if let Some(y) = roc_year(t, i, v, nd) {
        let e = spaced(t, e);
        if t.get(e) == Some(&'年') {
            return year_tail(t, e + 1, YearSpec::Abs(y));
        }
        if let Some(sep @ ('/' | '-' | '.')) = t.get(e).copied() {
            if let Some(h) = ymd(t, e, sep, y) {
                return Some(h);
            }
        }
    }
    let e = if matches!(t.get(spaced(t, e)), Some('年' | '月' | '日' | '号' | '號')) {
        spaced(t, e)
    } else {
        e
    };
    let next = t.get(e).copied();
    if nd == 4 && (1000..=2999).contains(&v) {
        if let Some(sep @ ('-' | '/' | '.')) = next {
            if let Some(h) = ymd(t, e, sep, v as i32) {
                return Some(h);
            }
        }
        if next == Some('年') && !matches!(t.get(e + 1), Some('代' | '级' | '級')) {
            return year_tail(t, e + 1, YearSpec::Abs(v as i32));
        }
        // The first of listed years (2018和2022年, 2018、2022年) is a year as the last is.
        if matches!(next, Some('和' | '与' | '與' | '、' | '及')) {
            let listed = ascii_number(t, e + 1).is_some_and(|(w, wd, we)| {
                wd == 4 && (1000..=2999).contains(&w) && t.get(spaced(t, we)) == Some(&'年')
            });
            if listed {
                return Some((
                    e,
                    cal(Some(YearSpec::Abs(v as i32)), None, None, Part::Whole),
                ));
            }
        }
        if next == Some(' ') && matches!(t.get(e + 1), Some('Q' | 'q')) {
            if let Some((q, end)) = q_digit(t, e + 1) {
                return Some((
                    end,
                    cal(Some(YearSpec::Abs(v as i32)), None, None, Part::Quarter(q)),
                ));
            }
        }
        return None;
    }
    if nd <= 3 {
        // `3天前`; `3日前` is as often "before the 3rd", so digits take 天 only.
        if next == Some('天') {
            if let Some(h) = super::relative::ago(t, e, v) {
                return Some(h);
            }
        }
        if let Some(h) =
            lit(t, e, &words().counted_units).and_then(|_| super::relative::ago(t, e, v))
        {
            return Some(h);
        }
    }
    if nd <= 2 {
        if let Some(sep @ ('/' | '-' | '.')) = next {
            return dmy(t, e, sep, v).or_else(|| listed_month_day(t, i, e, v));
        }
        if next == Some('月') && (1..=12).contains(&v) && !month_prev_blocks(t, i) {
            return month_tail(t, e + 1, None, MonthSpec::Abs(v));
        }
        if matches!(next, Some('日' | '号' | '號')) && (1..=31).contains(&v) {
            return bare_day(t, i, e, v);
        }
        if next == Some('季') && t.get(e + 1) == Some(&'度') && (1..=4).contains(&v) {
            return Some((e + 2, cal(None, None, None, Part::Quarter(v as u8))));
        }
    }
    None
}

pub(crate) fn cal(
    year: Option<YearSpec>,
    month: Option<MonthSpec>,
    day: Option<u32>,
    part: Part,
) -> Kind {
    Kind::Calendar {
        year,
        month,
        day,
        part,
    }
}

/// `2025-07-17`, `2025/7/17`, `2025.07.17`, optionally followed by a time of day.
fn ymd(t: &[char], e: usize, sep: char, y: i32) -> Hit {
    let (m, mn, e2) = ascii_number(t, e + 1)?;
    if mn > 2 || t.get(e2) != Some(&sep) {
        // `2025-07` alone: a month.
        if sep == '-' && mn == 2 && (1..=12).contains(&m) && !next_continues_number(t, e2) {
            return Some((
                e2,
                cal(
                    Some(YearSpec::Abs(y)),
                    Some(MonthSpec::Abs(m)),
                    None,
                    Part::Whole,
                ),
            ));
        }
        return None;
    }
    let (d, dn, e3) = ascii_number(t, e2 + 1)?;
    if dn > 2 || !(1..=12).contains(&m) || !(1..=31).contains(&d) || next_continues_number(t, e3) {
        return None;
    }
    Some((
        e3,
        cal(
            Some(YearSpec::Abs(y)),
            Some(MonthSpec::Abs(m)),
            Some(d),
            Part::Whole,
        ),
    ))
}

/// `18/07/2025`: day first, as Hong Kong and European sites write it; month first only when the
/// first number cannot be a month's day count otherwise (`7/18/2025`).
/// `12/3` heading a line or a list item, as chronologies write their entries (`• 1/8 尹錫悅遭…`):
/// the month and the day. Elsewhere a bare `1/3` is as often a fraction or a score.
fn listed_month_day(t: &[char], i: usize, e: usize, m: u32) -> Hit {
    let mut k = i;
    while k > 0
        && matches!(
            t[k - 1],
            ' ' | '\t' | '\u{3000}' | '•' | '·' | '●' | '▪' | '・' | '-' | '*'
        )
    {
        k -= 1;
    }
    if k > 0 && t[k - 1] != '\n' {
        return None;
    }
    if t.get(e) != Some(&'/') {
        return None;
    }
    let (d, dn, e2) = ascii_number(t, e + 1)?;
    let ends = t
        .get(e2)
        .is_none_or(|&c| c.is_whitespace() || is_cjk(c) || matches!(c, '(' | '（' | ':' | '：'));
    (dn <= 2 && ends && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| (e2, cal(None, Some(MonthSpec::Abs(m)), Some(d), Part::Whole)))
}

fn dmy(t: &[char], e: usize, sep: char, a: u32) -> Hit {
    let (b, bn, e2) = ascii_number(t, e + 1)?;
    if bn > 2 || t.get(e2) != Some(&sep) {
        return None;
    }
    let (y, yn, e3) = ascii_number(t, e2 + 1)?;
    // A two-digit year with slashes or dots (15/07/25): this century's up to 69, else the last.
    let y = match yn {
        4 if (1000..=2999).contains(&y) => y,
        2 if sep != '-' => y + if y < 70 { 2000 } else { 1900 },
        _ => return None,
    };
    if next_continues_number(t, e3) {
        return None;
    }
    let (d, m) = if b > 12 && a <= 12 { (b, a) } else { (a, b) };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some((
        e3,
        cal(
            Some(YearSpec::Abs(y as i32)),
            Some(MonthSpec::Abs(m)),
            Some(d),
            Part::Whole,
        ),
    ))
}

/// After `…年`: a month, a part of the year, or nothing more.
pub(crate) fn year_tail(t: &[char], p: usize, year: YearSpec) -> Hit {
    let y = Some(year);
    if t.get(p) == Some(&'度') {
        return Some((p + 1, cal(y, None, None, Part::Whole)));
    }
    if let Some((m, e, _)) = any_number(t, spaced(t, p)) {
        let e = spaced(t, e);
        if t.get(e) == Some(&'月') && (1..=12).contains(&m) {
            return month_tail(t, e + 1, y, MonthSpec::Abs(m));
        }
        if t.get(e) == Some(&'季') && t.get(e + 1) == Some(&'度') && (1..=4).contains(&m) {
            return Some((e + 2, cal(y, None, None, Part::Quarter(m as u8))));
        }
    }
    if let Some(e) = lit(t, p, &words().first_half) {
        return Some((e, cal(y, None, None, Part::Half(1))));
    }
    if let Some(e) = lit(t, p, &words().second_half) {
        return Some((e, cal(y, None, None, Part::Half(2))));
    }
    if let Some(e) = lit(t, p, &words().year_start) {
        return Some((e, cal(y, None, None, Part::Season(0))));
    }
    if let Some(e) = lit(t, p, &words().year_middle) {
        return Some((e, cal(y, None, None, Part::Season(1))));
    }
    if let Some(e) = lit(t, p, &words().year_end) {
        return Some((e, cal(y, None, None, Part::Season(2))));
    }
    if let Some((q, e)) = quarter_words(t, p) {
        return Some((e, cal(y, None, None, Part::Quarter(q))));
    }
    if matches!(t.get(p), Some('Q' | 'q')) {
        if let Some((q, e)) = q_digit(t, p) {
            return Some((e, cal(y, None, None, Part::Quarter(q))));
        }
    }
    Some((p, cal(y, None, None, Part::Whole)))
}

/// `第一季度`, `第1季`, `一季度`, `首季度`: the quarter number and the end.
fn quarter_words(t: &[char], p: usize) -> Option<(u8, usize)> {
    if let Some(e) = lit(t, p, &words().first_quarter) {
        return Some((1, e));
    }
    let q = if t.get(p) == Some(&'第') { p + 1 } else { p };
    let (v, e, _) = any_number(t, q)?;
    if !(1..=4).contains(&v) || t.get(e) != Some(&'季') {
        return None;
    }
    let end = if t.get(e + 1) == Some(&'度') {
        e + 2
    } else {
        e + 1
    };
    Some((v as u8, end))
}

/// `Q1`…`Q4` standing alone (not inside a word or a longer code).
fn q_digit(t: &[char], p: usize) -> Option<(u8, usize)> {
    let d = t.get(p + 1)?.to_digit(10)?;
    if !(1..=4).contains(&d) || t.get(p + 2).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    Some((d as u8, p + 2))
}

fn quarter_letter(t: &[char], i: usize) -> Hit {
    if i > 0 && (t[i - 1].is_ascii_alphanumeric() || t[i - 1] == '-') {
        return None;
    }
    let (q, e) = q_digit(t, i)?;
    // `Q2 2025`
    if t.get(e) == Some(&' ') {
        if let Some((y, 4, e2)) = ascii_number(t, e + 1) {
            if (1000..=2999).contains(&y) && !next_continues_number(t, e2) {
                return Some((
                    e2,
                    cal(Some(YearSpec::Abs(y as i32)), None, None, Part::Quarter(q)),
                ));
            }
        }
    }
    Some((e, cal(None, None, None, Part::Quarter(q))))
}

fn ordinal_quarter(t: &[char], i: usize) -> Hit {
    // Bare `第二季` is as often a television season; only `季度` counts without a year.
    let (q, e) = quarter_words(t, i)?;
    if t.get(e - 1) != Some(&'度') {
        return None;
    }
    Some((e, cal(None, None, None, Part::Quarter(q))))
}

/// Chars before a month number that make it a count or an ordinal, not a month.
fn month_prev_blocks(t: &[char], i: usize) -> bool {
    i > 0
        && matches!(
            t[i - 1],
            '第' | '每'
                | '个'
                | '個'
                | '几'
                | '幾'
                | '数'
                | '數'
                | '多'
                | '近'
                | '过'
                | '過'
                | '前'
                | '后'
                | '後'
                | '逾'
                | '约'
                | '約'
        )
}

/// After `…月`: a day, a part of the month, or nothing more.
pub(crate) fn month_tail(t: &[char], p: usize, year: Option<YearSpec>, month: MonthSpec) -> Hit {
    if let Some((d, e, nd)) = any_number(t, spaced(t, p)) {
        let e = spaced(t, e);
        if nd <= 2 && matches!(t.get(e), Some('日' | '号' | '號')) && (1..=31).contains(&d) {
            return Some((e + 1, cal(year, Some(month), Some(d), Part::Whole)));
        }
    }
    let mut p = p;
    if t.get(p) == Some(&'份') {
        p += 1;
    }
    if let Some((end, n, weekday)) = super::relative::nth_weekday(t, p) {
        return Some((
            end,
            cal(year, Some(month), None, Part::NthWeekday(n, weekday)),
        ));
    }
    let part = if let Some(e) = lit(t, p, &words().xun_early) {
        Some((e, Part::Xun(0)))
    } else if let Some(e) = lit(t, p, &words().xun_middle) {
        Some((e, Part::Xun(1)))
    } else if let Some(e) = lit(t, p, &words().xun_late) {
        Some((e, Part::Xun(2)))
    } else {
        lit(t, p, &words().last_week).map(|e| (e, Part::LastWeek))
    };
    let (end, part) = part.unwrap_or((p, Part::Whole));
    Some((end, cal(year, Some(month), None, part)))
}

/// `1日報道`: a day of the reference month, unless the number counts days (`3日內`, `第1日`).
fn bare_day(t: &[char], i: usize, e: usize, d: u32) -> Hit {
    if i > 0
        && matches!(
            t[i - 1],
            '第' | '每'
                | '近'
                | '前'
                | '后'
                | '後'
                | '过'
                | '過'
                | '约'
                | '約'
                | '逾'
                | '数'
                | '數'
                | '+'
                | '~'
                | '～'
        )
    {
        return None;
    }
    if t[e] != '日' {
        return None;
    }
    if lit(t, e + 1, &words().not_a_date_after_day).is_some() {
        return None;
    }
    Some((e + 1, cal(None, None, Some(d), Part::Whole)))
}

pub(crate) fn zh_numeral_at(t: &[char], i: usize) -> Hit {
    if i > 0 && (is_zh_numeral(t[i - 1]) || t[i - 1].is_ascii_digit()) {
        return None;
    }
    if let Some((y, e)) = zh_year(t, i) {
        if t.get(e) == Some(&'年') {
            return year_tail(t, e + 1, YearSpec::Abs(y as i32));
        }
        return None;
    }
    let (v, e) = zh_small(t, i)?;
    if let Some(h) = super::relative::ago(t, e, v) {
        return Some(h);
    }
    if t.get(e) == Some(&'日') && (1..=31).contains(&v) {
        return bare_day(t, i, e, v);
    }
    if t.get(e) == Some(&'月') && (1..=12).contains(&v) && !month_prev_blocks(t, i) {
        // `一月一次`-like counts are rare; a following 份/日/旬 or a clause break is usual.
        return month_tail(t, e + 1, None, MonthSpec::Abs(v));
    }
    if t.get(e) == Some(&'季')
        && t.get(e + 1) == Some(&'度')
        && (1..=4).contains(&v)
        && !month_prev_blocks(t, i)
    {
        return Some((e + 2, cal(None, None, None, Part::Quarter(v as u8))));
    }
    None
}
