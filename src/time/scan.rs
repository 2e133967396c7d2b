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

use super::numerals::{any_number, ascii_number, is_zh_numeral, zh_small, zh_year};
use crate::text::Span;

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
    Calendar { year: Option<YearSpec>, month: Option<MonthSpec>, day: Option<u32>, part: Part },
    /// A weekday (0 = Monday); `week` None leans to the past, Some(k) is k weeks from this one.
    Weekday { weekday: u32, week: Option<i32> },
    /// A whole week relative to the reference week (本周 0, 上周 -1).
    Week(i32),
    /// 近日 / 日前 / 最近: shortly before the reference date.
    Near,
    /// 過去 n units up to the reference date.
    PastSpan { n: u32, unit: Unit },
}

/// One unresolved date expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expr {
    pub span: Span,
    pub kind: Kind,
    /// Its clause speaks of the future (預計, 將於, 計劃 …).
    pub future: bool,
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
            Kind::Calendar { year: Some(YearSpec::Abs(y)), .. } => Some(y),
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
            '〇' | '零' | '一' | '二' | '两' | '兩' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' => {
                zh_numeral_at(t, i)
            }
            'Q' | 'q' => quarter_letter(t, i),
            '今' | '去' | '前' | '明' | '本' | '上' | '下' | '这' | '這' | '来' | '來' | '当' | '當' => relative_at(t, i),
            '年' => bare_year_part(t, i),
            '周' | '週' | '星' | '礼' | '禮' => weekday_at(t, i, None),
            '近' | '日' | '最' => near_at(t, i),
            '过' | '過' => past_span(t, i, 2),
            '踏' | '进' | '進' => entering(t, i),
            '第' | '首' => ordinal_quarter(t, i),
            _ => None,
        };
        match hit {
            Some((end, kind)) if end > i => {
                let span = Span::new(i, end);
                out.push(Expr { span, kind, future: future_clause(t, i, end) });
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
    out
}

type Hit = Option<(usize, Kind)>;

/// The text at `i` starts with one of `pats`: the end of the first that does.
pub(crate) fn lit(t: &[char], i: usize, pats: &[&str]) -> Option<usize> {
    'p: for p in pats {
        let mut j = i;
        for pc in p.chars() {
            if t.get(j) != Some(&pc) {
                continue 'p;
            }
            j += 1;
        }
        return Some(j);
    }
    None
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || c == '〇'
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

fn digit_at(t: &[char], i: usize) -> Hit {
    let (v, nd, e) = ascii_number(t, i)?;
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
        if next == Some(' ') && matches!(t.get(e + 1), Some('Q' | 'q')) {
            if let Some((q, end)) = q_digit(t, e + 1) {
                return Some((end, cal(Some(YearSpec::Abs(v as i32)), None, None, Part::Quarter(q))));
            }
        }
        return None;
    }
    if nd <= 2 {
        if let Some(sep @ ('/' | '-' | '.')) = next {
            return dmy(t, e, sep, v);
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

fn cal(year: Option<YearSpec>, month: Option<MonthSpec>, day: Option<u32>, part: Part) -> Kind {
    Kind::Calendar { year, month, day, part }
}

/// `2025-07-17`, `2025/7/17`, `2025.07.17`, optionally followed by a time of day.
fn ymd(t: &[char], e: usize, sep: char, y: i32) -> Hit {
    let (m, mn, e2) = ascii_number(t, e + 1)?;
    if mn > 2 || t.get(e2) != Some(&sep) {
        // `2025-07` alone: a month.
        if sep == '-' && mn == 2 && (1..=12).contains(&m) && !next_continues_number(t, e2) {
            return Some((e2, cal(Some(YearSpec::Abs(y)), Some(MonthSpec::Abs(m)), None, Part::Whole)));
        }
        return None;
    }
    let (d, dn, e3) = ascii_number(t, e2 + 1)?;
    if dn > 2 || !(1..=12).contains(&m) || !(1..=31).contains(&d) || next_continues_number(t, e3) {
        return None;
    }
    Some((e3, cal(Some(YearSpec::Abs(y)), Some(MonthSpec::Abs(m)), Some(d), Part::Whole)))
}

/// `18/07/2025`: day first, as Hong Kong and European sites write it; month first only when the
/// first number cannot be a month's day count otherwise (`7/18/2025`).
fn dmy(t: &[char], e: usize, sep: char, a: u32) -> Hit {
    let (b, bn, e2) = ascii_number(t, e + 1)?;
    if bn > 2 || t.get(e2) != Some(&sep) {
        return None;
    }
    let (y, yn, e3) = ascii_number(t, e2 + 1)?;
    if yn != 4 || !(1000..=2999).contains(&y) || next_continues_number(t, e3) {
        return None;
    }
    let (d, m) = if b > 12 && a <= 12 { (b, a) } else { (a, b) };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some((e3, cal(Some(YearSpec::Abs(y as i32)), Some(MonthSpec::Abs(m)), Some(d), Part::Whole)))
}

/// After `…年`: a month, a part of the year, or nothing more.
fn year_tail(t: &[char], p: usize, year: YearSpec) -> Hit {
    let y = Some(year);
    if t.get(p) == Some(&'度') {
        return Some((p + 1, cal(y, None, None, Part::Whole)));
    }
    if let Some((m, e, _)) = any_number(t, p) {
        if t.get(e) == Some(&'月') && (1..=12).contains(&m) {
            return month_tail(t, e + 1, y, MonthSpec::Abs(m));
        }
        if t.get(e) == Some(&'季') && t.get(e + 1) == Some(&'度') && (1..=4).contains(&m) {
            return Some((e + 2, cal(y, None, None, Part::Quarter(m as u8))));
        }
    }
    if let Some(e) = lit(t, p, &["上半年", "前半年"]) {
        return Some((e, cal(y, None, None, Part::Half(1))));
    }
    if let Some(e) = lit(t, p, &["下半年", "后半年", "後半年"]) {
        return Some((e, cal(y, None, None, Part::Half(2))));
    }
    if let Some(e) = lit(t, p, &["年初", "初"]) {
        return Some((e, cal(y, None, None, Part::Season(0))));
    }
    if let Some(e) = lit(t, p, &["年中"]) {
        return Some((e, cal(y, None, None, Part::Season(1))));
    }
    if let Some(e) = lit(t, p, &["年底", "年末", "底", "末"]) {
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
    if let Some(e) = lit(t, p, &["首季度", "首季"]) {
        return Some((1, e));
    }
    let q = if t.get(p) == Some(&'第') { p + 1 } else { p };
    let (v, e, _) = any_number(t, q)?;
    if !(1..=4).contains(&v) || t.get(e) != Some(&'季') {
        return None;
    }
    let end = if t.get(e + 1) == Some(&'度') { e + 2 } else { e + 1 };
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
                return Some((e2, cal(Some(YearSpec::Abs(y as i32)), None, None, Part::Quarter(q))));
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
    i > 0 && matches!(t[i - 1], '第' | '每' | '个' | '個' | '几' | '幾' | '数' | '數' | '多' | '近' | '过' | '過' | '前' | '后' | '後' | '逾' | '约' | '約')
}

/// After `…月`: a day, a part of the month, or nothing more.
fn month_tail(t: &[char], p: usize, year: Option<YearSpec>, month: MonthSpec) -> Hit {
    if let Some((d, e, nd)) = any_number(t, p) {
        if nd <= 2 && matches!(t.get(e), Some('日' | '号' | '號')) && (1..=31).contains(&d) {
            return Some((e + 1, cal(year, Some(month), Some(d), Part::Whole)));
        }
    }
    let mut p = p;
    if t.get(p) == Some(&'份') {
        p += 1;
    }
    let part = if let Some(e) = lit(t, p, &["上旬", "初"]) {
        Some((e, Part::Xun(0)))
    } else if let Some(e) = lit(t, p, &["中旬"]) {
        Some((e, Part::Xun(1)))
    } else if let Some(e) = lit(t, p, &["下旬", "底", "末"]) {
        Some((e, Part::Xun(2)))
    } else {
        lit(t, p, &["最后一周", "最後一周", "最後一週", "最后一週", "最后一个星期", "最後一個星期", "最后一星期", "最後一星期"])
            .map(|e| (e, Part::LastWeek))
    };
    let (end, part) = part.unwrap_or((p, Part::Whole));
    Some((end, cal(year, Some(month), None, part)))
}

/// `1日報道`: a day of the reference month, unless the number counts days (`3日內`, `第1日`).
fn bare_day(t: &[char], i: usize, e: usize, d: u32) -> Hit {
    if i > 0 && matches!(t[i - 1], '第' | '每' | '近' | '前' | '后' | '後' | '过' | '過' | '约' | '約' | '逾' | '数' | '數' | '+' | '~' | '～') {
        return None;
    }
    if t[e] != '日' {
        return None;
    }
    if lit(t, e + 1, &["内", "內", "间", "間", "以来", "以來", "之内", "之內", "后", "後", "前", "左右", "元", "圆", "圓", "币", "幣"]).is_some() {
        return None;
    }
    Some((e + 1, cal(None, None, Some(d), Part::Whole)))
}

fn zh_numeral_at(t: &[char], i: usize) -> Hit {
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
    if t.get(e) == Some(&'月') && (1..=12).contains(&v) && !month_prev_blocks(t, i) {
        // `一月一次`-like counts are rare; a following 份/日/旬 or a clause break is usual.
        return month_tail(t, e + 1, None, MonthSpec::Abs(v));
    }
    if t.get(e) == Some(&'季') && t.get(e + 1) == Some(&'度') && (1..=4).contains(&v) && !month_prev_blocks(t, i) {
        return Some((e + 2, cal(None, None, None, Part::Quarter(v as u8))));
    }
    None
}

fn relative_at(t: &[char], i: usize) -> Hit {
    if i > 0 && (is_zh_numeral(t[i - 1]) || t[i - 1].is_ascii_digit() || t[i - 1] == '每') {
        return None;
    }
    let years: &[(&str, i32)] =
        &[("今年", 0), ("本年", 0), ("去年", -1), ("前年", -2), ("明年", 1), ("来年", 1), ("來年", 1)];
    for (p, k) in years {
        if let Some(e) = lit(t, i, &[p]) {
            return year_tail(t, e, YearSpec::Rel(*k));
        }
    }
    let months: &[(&str, i32)] = &[
        ("本月", 0),
        ("当月", 0),
        ("當月", 0),
        ("这个月", 0),
        ("這個月", 0),
        ("上个月", -1),
        ("上個月", -1),
        ("上月", -1),
        ("下个月", 1),
        ("下個月", 1),
        ("下月", 1),
    ];
    for (p, k) in months {
        if let Some(e) = lit(t, i, &[p]) {
            return month_tail(t, e, None, MonthSpec::Rel(*k));
        }
    }
    let weeks: &[(&str, i32)] = &[
        ("本周", 0),
        ("本週", 0),
        ("这周", 0),
        ("這週", 0),
        ("這周", 0),
        ("本星期", 0),
        ("这个星期", 0),
        ("這個星期", 0),
        ("上周", -1),
        ("上週", -1),
        ("上星期", -1),
        ("上个星期", -1),
        ("上個星期", -1),
        ("上礼拜", -1),
        ("上禮拜", -1),
        ("下周", 1),
        ("下週", 1),
        ("下星期", 1),
        ("下个星期", 1),
        ("下個星期", 1),
        ("下礼拜", 1),
        ("下禮拜", 1),
    ];
    for (p, k) in weeks {
        if let Some(e) = lit(t, i, &[p]) {
            if let Some(wd) = t.get(e).and_then(|&c| weekday_char(c)) {
                return Some((e + 1, Kind::Weekday { weekday: wd, week: Some(*k) }));
            }
            // `上周末`, `本周内` and a bare `上周` all name the week.
            return Some((e, Kind::Week(*k)));
        }
    }
    if let Some(e) = lit(t, i, &["上半年"]) {
        return Some((e, cal(None, None, None, Part::Half(1))));
    }
    if let Some(e) = lit(t, i, &["下半年"]) {
        return Some((e, cal(None, None, None, Part::Half(2))));
    }
    None
}

/// `年初`, `年底`, `年末`, `年中` with no year before them: the reference year's.
fn bare_year_part(t: &[char], i: usize) -> Hit {
    if i > 0 {
        let p = t[i - 1];
        if is_zh_numeral(p) || p.is_ascii_digit() || matches!(p, '多' | '几' | '幾' | '每' | '同' | '近' | '半' | '数' | '數' | '新' | '当' | '當' | '成' | '青' | '少' | '老' | '中' | '晚' | '早' | '周' | '週' | '百' | '千' | '万' | '萬' | '历' | '歷' | '往' | '全' | '整' | '跨') {
            return None;
        }
    }
    if let Some(e) = lit(t, i, &["年初"]) {
        return Some((e, cal(None, None, None, Part::Season(0))));
    }
    if let Some(e) = lit(t, i, &["年底", "年末"]) {
        return Some((e, cal(None, None, None, Part::Season(2))));
    }
    if let Some(e) = lit(t, i, &["年中"]) {
        // `年中` is as often "in the year" as "mid-year"; only a clause end after it decides.
        if t.get(e).is_none_or(|&c| !is_cjk(c) || matches!(c, '将' | '將' | '前' | '时' | '時')) {
            return Some((e, cal(None, None, None, Part::Season(1))));
        }
    }
    None
}

fn weekday_char(c: char) -> Option<u32> {
    Some(match c {
        '一' => 0,
        '二' => 1,
        '三' => 2,
        '四' => 3,
        '五' => 4,
        '六' => 5,
        '日' | '天' => 6,
        _ => return None,
    })
}

fn weekday_at(t: &[char], i: usize, week: Option<i32>) -> Hit {
    if i > 0 && matches!(t[i - 1], '每' | '逢' | '两' | '兩' | '一' | '几' | '幾' | '数' | '數' | '上' | '下' | '本' | '这' | '這') {
        return None;
    }
    let e = lit(t, i, &["星期", "礼拜", "禮拜", "周", "週"])?;
    let wd = weekday_char(*t.get(e)?)?;
    // `周一至周五` is fine; `周一次` is not a date but does not occur; `周日报` names a paper.
    if t.get(e + 1).is_some_and(|&c| c == '报' || c == '報' || c == '刊') {
        return None;
    }
    Some((e + 1, Kind::Weekday { weekday: wd, week }))
}

fn near_at(t: &[char], i: usize) -> Hit {
    if let Some(e) = lit(t, i, &["近日", "近期", "近来", "近來", "最近", "日前"]) {
        if t[i] == '日' && i > 0 && (is_zh_numeral(t[i - 1]) || t[i - 1].is_ascii_digit() || t[i - 1] == '几') {
            return None;
        }
        if t[i] == '近' && i > 0 && t[i - 1] == '最' {
            return None;
        }
        return Some((e, Kind::Near));
    }
    if t[i] == '近' {
        return past_span(t, i, 1);
    }
    None
}

/// `過去(的)一個月`, `近兩年`: n units back from the reference date.
fn past_span(t: &[char], i: usize, lead: usize) -> Hit {
    if lead == 2 && lit(t, i, &["过去", "過去"]).is_none() {
        return None;
    }
    let mut p = i + lead;
    if t.get(p) == Some(&'的') {
        p += 1;
    }
    if matches!(t.get(p), Some('这' | '這')) {
        p += 1;
    }
    let (n, e, _) = any_number(t, p)?;
    if n == 0 || n > 100 {
        return None;
    }
    let mut q = e;
    if matches!(t.get(q), Some('个' | '個')) {
        q += 1;
    }
    let (unit, end) = match t.get(q)? {
        '年' => (Unit::Year, q + 1),
        '月' => (Unit::Month, q + 1),
        '天' | '日' => (Unit::Day, q + 1),
        '周' | '週' => (Unit::Week, q + 1),
        '星' if t.get(q + 1) == Some(&'期') => (Unit::Week, q + 2),
        _ => return None,
    };
    if unit == Unit::Month && !matches!(t.get(e), Some('个' | '個')) {
        // `過去3月` reads as the month March; `近一月` is rare enough to leave.
        return None;
    }
    Some((end, Kind::PastSpan { n, unit }))
}

/// `踏入7月份`, `進入今年下半年`: the period entered, with the verb in the span.
fn entering(t: &[char], i: usize) -> Hit {
    let p = lit(t, i, &["踏入", "进入", "進入"])?;
    let c = *t.get(p)?;
    if c.is_ascii_digit() {
        let (v, nd, e) = ascii_number(t, p)?;
        if nd <= 2 && t.get(e) == Some(&'月') && (1..=12).contains(&v) {
            return month_tail(t, e + 1, None, MonthSpec::Abs(v));
        }
        return digit_at(t, p);
    }
    if is_zh_numeral(c) {
        return zh_numeral_at(t, p);
    }
    relative_at(t, p)
}

fn is_clause_end(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | '！' | '？' | ';' | '；' | '\n' | ',' | '，')
}

/// The clause around `[s, e)` has a marker of the future; a date that opens its clause and is
/// followed by a comma lends its reach to the clause after it (`2026年，數據中心將投入運營`).
fn future_clause(t: &[char], s: usize, e: usize) -> bool {
    let mut a = s;
    while a > 0 && !is_clause_end(t[a - 1]) && s - a < 80 {
        a -= 1;
    }
    let mut b = e;
    if matches!(t.get(b), Some(',' | '，')) {
        b += 1;
    }
    while b < t.len() && !is_clause_end(t[b]) && b - e < 80 {
        b += 1;
    }
    (a..b).any(|k| future_marker(t, k))
}

fn future_marker(t: &[char], k: usize) -> bool {
    match t[k] {
        '预' | '預' => lit(t, k, &["预计", "預計", "预期", "預期", "预定", "預定", "预料", "預料"]).is_some(),
        '计' | '計' => lit(t, k, &["计划", "計劃", "計畫", "计画"]).is_some(),
        '有' => lit(t, k, &["有望"]).is_some(),
        '即' => lit(t, k, &["即将", "即將"]).is_some(),
        '定' => lit(t, k, &["定于", "定於"]).is_some(),
        '打' => lit(t, k, &["打算"]).is_some(),
        '拟' | '擬' => k == 0 || !matches!(t[k - 1], '模' | '虚' | '虛'),
        '将' | '將' => lit(
            t,
            k + 1,
            &[
                "于", "於", "在", "会", "會", "要", "可", "能", "投入", "加入", "建", "推出", "成为", "成為",
                "达到", "達到", "开始", "開始", "上线", "上線", "发布", "發布", "發佈", "启用", "啟用", "完成",
                "举行", "舉行", "召开", "召開", "进行", "進行", "正式", "迎来", "迎來", "开设", "開設", "落成",
                "竣工", "推行", "上市", "开放", "開放", "实施", "實施", "生效", "到期", "交付", "投产", "投產",
            ],
        )
        .is_some(),
        _ => false,
    }
}
