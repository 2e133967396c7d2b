//! Recognisers for expressions anchored on words rather than numbers: relative years, months and
//! weeks (今年, 上個月, 上周二), bare year parts (年初, 年底), weekdays (周一, 星期天, 禮拜一), vague
//! nearness (近日, 日前, 最近), spans counted back (過去一個月, 近兩年) or ahead (未來三天, 下三週), the
//! n-th weekday of a month (10月的第一個星期一) and entering a period (踏入7月份).
//! Each returns the end of its match and the [`Kind`] it read, like the number-anchored recognisers
//! in [`super::scan`].

use super::numerals::{any_number, ascii_number, is_zh_numeral};
use super::scan::{
    cal, digit_at, is_cjk, lit, month_tail, year_tail, zh_numeral_at, Hit, Kind, MonthSpec, Part,
    Unit, YearSpec,
};
use super::vocab::{vocab, Words};

/// Chars before 今 or 昨 that make them part of another word (至今, 如今, 迄今, 古今).
const BEFORE_DAY_WORD: &[char] = &[
    '至', '如', '迄', '古', '于', '於', '现', '現', '从', '從', '自', '当', '當',
];

/// A day named from the reference: 今天, 昨日, 明晚, 前天, 後天; 今(12)日, 昨（2）日 and 前(3)日,
/// which also give the day of the month; and 昨 or 今 alone before a verb (鐵路昨搶通, 北院今裁定),
/// as the press writes it.
fn day_word(t: &[char], i: usize) -> Hit {
    let c = t[i];
    if i > 0 && BEFORE_DAY_WORD.contains(&t[i - 1]) {
        return None;
    }
    let offset = match c {
        '今' => 0,
        '昨' => -1,
        '明' => 1,
        '前' => -2,
        '后' | '後' => 2,
        _ => return None,
    };
    // 今(12)日 and 昨(7日): the day of the month in brackets says which day the reference is.
    if matches!(c, '今' | '昨') {
        if let Some((day, end)) = bracketed_day(t, i + 1) {
            return Some((end, Kind::NamedDay { offset, day }));
        }
    }
    // 前(3)日 too, the day before yesterday, unless 前 ends a word (目前, 此前, 提前).
    let day_before = c == '前' && (i == 0 || !words().not_day_before_after.contains(t[i - 1]));
    if (matches!(c, '今' | '昨') || day_before) && matches!(t.get(i + 1), Some('(' | '（')) {
        if let Some((d, e, _)) = super::numerals::any_number(t, i + 2) {
            if matches!(t.get(e), Some(')' | '）'))
                && matches!(t.get(e + 1), Some('日' | '天'))
                && (1..=31).contains(&d)
            {
                return Some((e + 2, Kind::NamedDay { offset, day: d }));
            }
        }
    }
    let w = words();
    let words: &[String] = match c {
        '今' => &w.today,
        '昨' => &w.yesterday,
        '明' => &w.tomorrow,
        '前' => &w.day_before_yesterday,
        _ => &w.day_after_tomorrow,
    };
    if let Some(e) = lit(t, i, words) {
        // 今日头条, 明日之星 are names, not days; a word right after 今日 that makes a compound is rare
        // enough to accept.
        if c == '明' && t.get(e).is_some_and(|&n| n == '之') {
            return None;
        }
        if let Some((day, end)) = bracketed_day(t, e) {
            return Some((end, Kind::NamedDay { offset, day }));
        }
        return Some((e, Kind::DayOffset(offset)));
    }
    // 昨 alone, before a verb: yesterday; 今 alone, before a char that makes no word with it: today.
    let alone = |n: char| is_cjk(n) && !(c == '今' && w.not_today_before.contains(n));
    if matches!(c, '今' | '昨') && t.get(i + 1).is_some_and(|&n| alone(n)) {
        return Some((i + 1, Kind::DayOffset(offset)));
    }
    None
}

/// `(3日)` right after a day word (今天(2日), 前天（3日）): the day of the month it is. Returns the
/// day and the end of the bracket. A bracketed month and day (`今日(1月29日)`) is left to the
/// calendar scan, which keeps its month.
fn bracketed_day(t: &[char], i: usize) -> Option<(u32, usize)> {
    if !matches!(t.get(i), Some('(' | '（')) {
        return None;
    }
    let (n, e, _) = super::numerals::any_number(t, i + 1)?;
    (matches!(t.get(e), Some('日' | '号' | '號'))
        && matches!(t.get(e + 1), Some(')' | '）'))
        && (1..=31).contains(&n))
    .then_some((n, e + 2))
}

fn words() -> &'static Words {
    &vocab().words
}

/// After a count: `天前`, `个月前`, `年前`, `周前` — the day, month, year or week that many units before
/// the reference (兩天前, 三個月前, 10年前) — and the same with `後` after it (三年後, 兩天後).
pub(crate) fn ago(t: &[char], e: usize, n: u32) -> Hit {
    if n == 0 || n > 100 {
        return None;
    }
    let n = n as i32;
    let w = words();
    let units: [(&[String], Unit); 4] = [
        (&w.day_units, Unit::Day),
        (&w.month_units, Unit::Month),
        (&w.year_units, Unit::Year),
        (&w.week_units, Unit::Week),
    ];
    for (words, unit) in units {
        let Some(u) = lit(t, e, words) else { continue };
        let sign = match t.get(u) {
            Some('前') => -1,
            Some('后' | '後') => 1,
            _ => continue,
        };
        return Some((
            u + 1,
            match unit {
                Unit::Day => Kind::DayOffset(sign * n),
                _ => Kind::UnitsAgo { n: sign * n, unit },
            },
        ));
    }
    None
}

pub(crate) fn relative_at(t: &[char], i: usize) -> Hit {
    if i > 0 && (is_zh_numeral(t[i - 1]) || t[i - 1].is_ascii_digit() || t[i - 1] == '每') {
        return None;
    }
    if let Some(h) = day_word(t, i) {
        return Some(h);
    }
    // 下三週, 下兩個月: the next few weeks or months (下個月 alone is the month after).
    if t[i] == '下'
        && t.get(i + 1)
            .is_some_and(|&c| (is_zh_numeral(c) && c != '一') || c.is_ascii_digit())
    {
        if let Some((n, unit, end)) = counted(t, i + 1) {
            if n >= 2 && matches!(unit, Unit::Week | Unit::Month | Unit::Year) {
                return Some((
                    end,
                    Kind::NextSpan {
                        n,
                        unit,
                        whole: true,
                    },
                ));
            }
        }
    }
    // 前兩天, 前三日: the last few days up to the reference.
    if t[i] == '前'
        && t.get(i + 1)
            .is_some_and(|&c| is_zh_numeral(c) || c.is_ascii_digit())
    {
        if let Some((n, e, _)) = super::numerals::any_number(t, i + 1) {
            if matches!(t.get(e), Some('天' | '日')) && (1..=31).contains(&n) {
                return Some((e + 1, Kind::PastSpan { n, unit: Unit::Day }));
            }
        }
    }
    let years = &vocab().years;
    for (p, k) in years {
        if let Some(e) = lit(t, i, &[p]) {
            return year_tail(t, e, YearSpec::Rel(*k));
        }
    }
    let months = &vocab().months;
    for (p, k) in months {
        if let Some(e) = lit(t, i, &[p]) {
            return month_tail(t, e, None, MonthSpec::Rel(*k));
        }
    }
    let weeks = &vocab().weeks;
    for (p, k) in weeks {
        if let Some(e) = lit(t, i, &[p]) {
            if let Some(wd) = t.get(e).and_then(|&c| weekday_char(c)) {
                return Some((
                    e + 1,
                    Kind::Weekday {
                        weekday: wd,
                        week: Some(*k),
                    },
                ));
            }
            // `上周末`, `本周内` and a bare `上周` all name the week.
            return Some((e, Kind::Week(*k)));
        }
    }
    if let Some(e) = lit(t, i, &words().bare_first_half) {
        return Some((e, cal(None, None, None, Part::Half(1))));
    }
    if let Some(e) = lit(t, i, &words().bare_second_half) {
        return Some((e, cal(None, None, None, Part::Half(2))));
    }
    None
}

/// `年初`, `年底`, `年末`, `年中` with no year before them: the reference year's.
pub(crate) fn bare_year_part(t: &[char], i: usize) -> Hit {
    if i > 0 {
        let p = t[i - 1];
        if is_zh_numeral(p) || p.is_ascii_digit() || words().not_bare_after.contains(p) {
            return None;
        }
    }
    if let Some(e) = lit(t, i, &words().bare_year_start) {
        return Some((e, cal(None, None, None, Part::Season(0))));
    }
    if let Some(e) = lit(t, i, &words().bare_year_end) {
        return Some((e, cal(None, None, None, Part::Season(2))));
    }
    if let Some(e) = lit(t, i, &words().bare_year_middle) {
        // `年中` is as often "in the year" as "mid-year"; only a clause end after it decides.
        if t.get(e)
            .is_none_or(|&c| !is_cjk(c) || matches!(c, '将' | '將' | '前' | '时' | '時'))
        {
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

/// After a month: `(的)第一個星期一`, `第二個週二`: the end, n (1–5) and the weekday.
pub(crate) fn nth_weekday(t: &[char], p: usize) -> Option<(usize, u8, u8)> {
    let mut p = p;
    if t.get(p) == Some(&'的') {
        p += 1;
    }
    if t.get(p) != Some(&'第') {
        return None;
    }
    let (n, e, _) = super::numerals::any_number(t, p + 1)?;
    if !(1..=5).contains(&n) {
        return None;
    }
    let mut q = e;
    if matches!(t.get(q), Some('个' | '個')) {
        q += 1;
    }
    let w = lit(t, q, &words().weekday_words)?;
    let weekday = weekday_char(*t.get(w)?)?;
    Some((w + 1, n as u8, weekday as u8))
}

pub(crate) fn weekday_at(t: &[char], i: usize, week: Option<i32>) -> Hit {
    if i > 0
        && matches!(
            t[i - 1],
            '每' | '逢'
                | '两'
                | '兩'
                | '一'
                | '几'
                | '幾'
                | '数'
                | '數'
                | '上'
                | '下'
                | '本'
                | '这'
                | '這'
        )
    {
        return None;
    }
    let e = lit(t, i, &words().weekday_words)?;
    let wd = weekday_char(*t.get(e)?)?;
    // `周一至周五` is fine; `周一次` is not a date but does not occur; `周日报` names a paper.
    if t.get(e + 1)
        .is_some_and(|&c| c == '报' || c == '報' || c == '刊')
    {
        return None;
    }
    Some((e + 1, Kind::Weekday { weekday: wd, week }))
}

pub(crate) fn near_at(t: &[char], i: usize) -> Hit {
    if let Some(e) = lit(t, i, &words().recent) {
        if t[i] == '日'
            && i > 0
            && (is_zh_numeral(t[i - 1]) || t[i - 1].is_ascii_digit() || t[i - 1] == '几')
        {
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

/// n and its unit at `p` (`三天`, `兩個月`, `3週`), with their end.
fn counted(t: &[char], p: usize) -> Option<(u32, Unit, usize)> {
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
        // `過去3月` reads as the month March: months are counted with 個.
        '月' if q > e => (Unit::Month, q + 1),
        '天' | '日' => (Unit::Day, q + 1),
        '周' | '週' => (Unit::Week, q + 1),
        '星' if t.get(q + 1) == Some(&'期') => (Unit::Week, q + 2),
        '礼' | '禮' if t.get(q + 1) == Some(&'拜') => (Unit::Week, q + 2),
        _ => return None,
    };
    Some((n, unit, end))
}

/// `未來三天`, `接下來兩週`, `今後三年`: n units ahead of the reference date.
pub(crate) fn next_span(t: &[char], i: usize) -> Hit {
    let p = lit(t, i, &words().ahead)?;
    let p = if t.get(p) == Some(&'的') { p + 1 } else { p };
    let (n, unit, end) = counted(t, p)?;
    Some((
        end,
        Kind::NextSpan {
            n,
            unit,
            whole: false,
        },
    ))
}

/// `過去(的)一個月`, `近兩年`: n units back from the reference date.
pub(crate) fn past_span(t: &[char], i: usize, lead: usize) -> Hit {
    if lead == 2 && lit(t, i, &words().past).is_none() {
        return None;
    }
    let mut p = i + lead;
    if t.get(p) == Some(&'的') {
        p += 1;
    }
    if matches!(t.get(p), Some('这' | '這')) {
        p += 1;
    }
    let (n, unit, end) = counted(t, p)?;
    Some((end, Kind::PastSpan { n, unit }))
}

/// `踏入7月份`, `進入今年下半年`: the period entered, with the verb in the span.
pub(crate) fn entering(t: &[char], i: usize) -> Hit {
    let p = lit(t, i, &words().entering)?;
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

/// A holiday on a fixed day of the calendar (元旦, 聖誕節): that day, in the year the reference
/// gives, as a yearless month and day would be.
pub(crate) fn holiday_at(t: &[char], i: usize) -> Hit {
    vocab().holidays.iter().find_map(|(w, m, d)| {
        t[i..].starts_with(w).then(|| {
            (
                i + w.len(),
                cal(None, Some(MonthSpec::Abs(*m)), Some(*d), Part::Whole),
            )
        })
    })
}
