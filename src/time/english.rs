//! English date expressions: June 30, 2025 · 30 June · mid-June · early 2025 · the second half of
//! next year · Q3 2025 · last week · on Monday · two days ago · yesterday.
//!
//! The scanner reads words (ASCII letters, and digits) case-insensitively, at word edges, and
//! turns what it recognises into the same [`Expr`] kinds as the Chinese scanner, so one resolver
//! and one precision model serve both languages. A bare number is a year only after a preposition
//! that takes a time (in 2025, since 2019) or beside a month; `2025 employees` is no date. A clause
//! with `will`, `plans to`, `expected to` … speaks of the future. The words are data in
//! `assets/lexicon/time.toml` (`[english]`).

use super::scan::{cal, Expr, Kind, MonthSpec, Part, Unit, YearSpec};
use super::vocab::{vocab, English};
use crate::text::Span;

fn words_of() -> &'static English {
    &vocab().english
}

/// English is read when Latin letters are at least one in this many of the Han chars.
const LATIN_SHARE: usize = 4;

/// The longest word the scanner knows (september, wednesday); longer words are kept as blanks.
const LONGEST_WORD: usize = 12;

/// One word of the text: its char span and its lowercase form (digits as written), held inline so
/// reading a text allocates nothing per word.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    buf: [u8; LONGEST_WORD],
    len: u8,
}

impl Word {
    /// Its lowercase form; empty for a word longer than any the scanner knows.
    fn lower(&self) -> &str {
        std::str::from_utf8(&self.buf[..usize::from(self.len)]).unwrap_or("")
    }
    fn number(&self) -> Option<u32> {
        let l = self.lower();
        if !l.is_empty() && l.len() <= 4 && l.bytes().all(|b| b.is_ascii_digit()) {
            l.parse().ok()
        } else {
            None
        }
    }
    /// A day of the month: 30, 30th, 1st, 2nd, 3rd.
    fn day(&self) -> Option<u32> {
        let l = self.lower();
        let digits = ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|s| l.strip_suffix(s))
            .unwrap_or(l);
        if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let d: u32 = digits.parse().ok()?;
        (1..=31).contains(&d).then_some(d)
    }
    fn year(&self) -> Option<i32> {
        let n = self.number()?;
        (self.len == 4 && (1900..=2199).contains(&n)).then_some(n as i32)
    }
    fn month(&self) -> Option<u32> {
        // `may` is a month only where the grammar wants one (May 5, in May 2025).
        words_of().months.get(self.lower()).copied()
    }
    fn is(&self, w: &str) -> bool {
        self.buf[..usize::from(self.len)] == *w.as_bytes()
    }
}

fn words(t: &[char]) -> Vec<Word> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if t[i].is_ascii_alphanumeric() {
            let s = i;
            while i < t.len() && t[i].is_ascii_alphanumeric() {
                i += 1;
            }
            let mut buf = [0u8; LONGEST_WORD];
            let len = if i - s <= LONGEST_WORD {
                for (b, c) in buf.iter_mut().zip(&t[s..i]) {
                    *b = c.to_ascii_lowercase() as u8;
                }
                i - s
            } else {
                0
            };
            out.push(Word {
                start: s,
                end: i,
                buf,
                len: len as u8,
            });
        } else {
            i += 1;
        }
    }
    out
}

/// Do words `k` and `k + 1` stand next to each other, with at most `between` (besides spaces)?
fn joined(t: &[char], a: &Word, b: &Word, between: &[char]) -> bool {
    let gap = &t[a.end..b.start];
    gap.len() <= 3 && gap.iter().all(|c| *c == ' ' || between.contains(c))
}

/// Every English date expression in `t`, in order.
pub(crate) fn scan(t: &[char]) -> Vec<Expr> {
    // Chinese text with a few Latin names holds no English dates worth a pass over its words.
    let (mut latin, mut han) = (0usize, 0usize);
    for &c in t {
        if c.is_ascii_alphabetic() {
            latin += 1;
        } else if crate::text::is_han(c) {
            han += 1;
        }
    }
    if latin == 0 || latin * LATIN_SHARE < han {
        return Vec::new();
    }
    let ws = words(t);
    let anchors = anchors();
    let mut out = Vec::new();
    let mut k = 0;
    while k < ws.len() {
        let w = &ws[k];
        if !w.buf[0].is_ascii_digit() && !anchors.contains(w.lower()) {
            k += 1;
            continue;
        }
        match at(t, &ws, k) {
            Some((used, kind)) => {
                let span = Span::new(ws[k].start, ws[k + used - 1].end);
                out.push(Expr {
                    span,
                    kind,
                    future: future_clause(t, &ws, k),
                    through_next: false,
                });
                k += used;
            }
            None => k += 1,
        }
    }
    out
}

/// Words an expression can start with (besides numbers): most words of a text are none, and are
/// passed over with one lookup.
fn anchors() -> &'static rustc_hash::FxHashSet<String> {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let e = words_of();
        let fixed = [
            "early",
            "beginning",
            "start",
            "mid",
            "middle",
            "late",
            "end",
            "today",
            "tonight",
            "yesterday",
            "tomorrow",
            "recently",
            "last",
            "past",
            "previous",
            "next",
            "coming",
            "this",
            "current",
            "earlier",
            "q1",
            "q2",
            "q3",
            "q4",
        ];
        e.months
            .keys()
            .chain(e.weekdays.keys())
            .chain(e.numbers.keys())
            .chain(e.ordinals.keys())
            .cloned()
            .chain(fixed.iter().map(|w| w.to_string()))
            .collect()
    })
}

/// The expression starting at word `k`: how many words it takes and what it says.
fn at(t: &[char], ws: &[Word], k: usize) -> Option<(usize, Kind)> {
    let e = words_of();
    let w = &ws[k];
    let next = |j: usize| ws.get(k + j);
    let part_word = |w: &Word| match w.lower() {
        "early" | "beginning" | "start" => Some(0u8),
        "mid" | "middle" => Some(1),
        "late" | "end" => Some(2),
        _ => None,
    };
    // early/mid/late + Month [Year], or + Year, or + this/next/last year.
    if let Some(p) = part_word(w) {
        let mut j = 1;
        if next(1).is_some_and(|x| x.is("of")) {
            j = 2;
        }
        if next(j).is_some_and(|x| x.is("the")) {
            j += 1;
        }
        if let Some(m) = next(j)
            .and_then(|x| x.month())
            .filter(|_| !next(j).unwrap().is("may"))
        {
            if let Some(y) = next(j + 1).and_then(|x| x.year()) {
                return Some((
                    j + 2,
                    cal(
                        Some(YearSpec::Abs(y)),
                        Some(MonthSpec::Abs(m)),
                        None,
                        Part::Xun(p),
                    ),
                ));
            }
            return Some((
                j + 1,
                cal(None, Some(MonthSpec::Abs(m)), None, Part::Xun(p)),
            ));
        }
        if let Some(y) = next(j).and_then(|x| x.year()) {
            return Some((
                j + 1,
                cal(Some(YearSpec::Abs(y)), None, None, Part::Season(p)),
            ));
        }
        if let Some((used, year)) = relative_year(ws, k + j) {
            return Some((j + used, cal(Some(year), None, None, Part::Season(p))));
        }
        // the end of the year
        if j >= 2 && ws[k + j - 1].is("the") && next(j).is_some_and(|x| x.is("year")) {
            return Some((
                j + 1,
                cal(Some(YearSpec::Rel(0)), None, None, Part::Season(p)),
            ));
        }
        return None;
    }
    // the first/second half of Year | this/next/last year
    if let Some(&half) = e.ordinals.get(w.lower()).filter(|h| **h <= 2) {
        if next(1).is_some_and(|x| x.is("half")) && next(2).is_some_and(|x| x.is("of")) {
            if let Some(y) = next(3).and_then(|x| x.year()) {
                return Some((4, cal(Some(YearSpec::Abs(y)), None, None, Part::Half(half))));
            }
            if let Some((used, year)) = relative_year(ws, k + 3) {
                return Some((3 + used, cal(Some(year), None, None, Part::Half(half))));
            }
        }
    }
    // the first/second/third/fourth quarter of Year
    if let Some(&q) = e.ordinals.get(w.lower()) {
        if next(1).is_some_and(|x| x.is("quarter")) && next(2).is_some_and(|x| x.is("of")) {
            if let Some(y) = next(3).and_then(|x| x.year()) {
                return Some((4, cal(Some(YearSpec::Abs(y)), None, None, Part::Quarter(q))));
            }
            if let Some((used, year)) = relative_year(ws, k + 3) {
                return Some((3 + used, cal(Some(year), None, None, Part::Quarter(q))));
            }
        }
    }
    // Q3 2025
    if w.lower().len() == 2 && w.lower().starts_with('q') {
        if let Some(q) = w.lower()[1..]
            .parse::<u8>()
            .ok()
            .filter(|q| (1..=4).contains(q))
        {
            if let Some(y) = next(1).and_then(|x| x.year()) {
                return Some((2, cal(Some(YearSpec::Abs(y)), None, None, Part::Quarter(q))));
            }
        }
    }
    // Month [Day][, Year] | Month Year
    if let Some(m) = w.month() {
        if let Some(d) = next(1)
            .filter(|x| joined(t, w, x, &['.']))
            .and_then(|x| x.day())
        {
            if let Some(y) = next(2)
                .filter(|x| joined(t, next(1).unwrap(), x, &[',']))
                .and_then(|x| x.year())
            {
                return Some((
                    3,
                    cal(
                        Some(YearSpec::Abs(y)),
                        Some(MonthSpec::Abs(m)),
                        Some(d),
                        Part::Whole,
                    ),
                ));
            }
            return Some((2, cal(None, Some(MonthSpec::Abs(m)), Some(d), Part::Whole)));
        }
        if let Some(y) = next(1)
            .filter(|x| joined(t, w, x, &[',', '.']))
            .and_then(|x| x.year())
        {
            return Some((
                2,
                cal(
                    Some(YearSpec::Abs(y)),
                    Some(MonthSpec::Abs(m)),
                    None,
                    Part::Whole,
                ),
            ));
        }
        // A month alone, after a preposition (in June, since March); `may` never alone.
        // Not after `to`: plans to march.
        let before = k.checked_sub(1).map(|j| &ws[j]);
        let takes_a_month =
            |b: &Word| e.year_prepositions.iter().any(|p| p == b.lower()) && !b.is("to");
        if !w.is("may") && before.is_some_and(takes_a_month) {
            return Some((1, cal(None, Some(MonthSpec::Abs(m)), None, Part::Whole)));
        }
        return None;
    }
    // Day Month [Year]: 30 June 2025, 1st of July
    if let Some(d) = w.day() {
        let mut j = 1;
        if next(1).is_some_and(|x| x.is("of")) {
            j = 2;
        }
        if let Some(m) = next(j).and_then(|x| x.month()) {
            if let Some(y) = next(j + 1)
                .filter(|x| joined(t, next(j).unwrap(), x, &[',']))
                .and_then(|x| x.year())
            {
                return Some((
                    j + 2,
                    cal(
                        Some(YearSpec::Abs(y)),
                        Some(MonthSpec::Abs(m)),
                        Some(d),
                        Part::Whole,
                    ),
                ));
            }
            return Some((
                j + 1,
                cal(None, Some(MonthSpec::Abs(m)), Some(d), Part::Whole),
            ));
        }
    }
    // A bare year after a preposition that takes a time: in 2025, since 2019.
    if let Some(y) = w.year() {
        let before = k.checked_sub(1).map(|j| &ws[j]);
        if before.is_some_and(|b| e.year_prepositions.iter().any(|p| p == b.lower())) {
            return Some((1, cal(Some(YearSpec::Abs(y)), None, None, Part::Whole)));
        }
        return None;
    }
    // today, yesterday, tomorrow
    match w.lower() {
        "today" | "tonight" => return Some((1, Kind::DayOffset(0))),
        "yesterday" => return Some((1, Kind::DayOffset(-1))),
        "tomorrow" => return Some((1, Kind::DayOffset(1))),
        "recently" => return Some((1, Kind::Near)),
        _ => {}
    }
    // [last|next|this] Monday; on Monday
    if let Some(&wd) = e.weekdays.get(w.lower()).filter(|_| w.lower().len() > 3) {
        return Some((
            1,
            Kind::Weekday {
                weekday: wd,
                week: None,
            },
        ));
    }
    let shift = match w.lower() {
        "last" | "past" | "previous" => Some(-1),
        "next" | "coming" => Some(1),
        "this" | "current" => Some(0),
        _ => None,
    };
    if let Some(s) = shift {
        let n1 = next(1)?;
        if let Some(&wd) = e.weekdays.get(n1.lower()).filter(|_| n1.lower().len() > 3) {
            return Some((
                2,
                Kind::Weekday {
                    weekday: wd,
                    week: Some(s),
                },
            ));
        }
        return match n1.lower() {
            "week" | "weekend" => Some((2, Kind::Week(s))),
            "month" => Some((2, cal(None, Some(MonthSpec::Rel(s)), None, Part::Whole))),
            "year" => Some((2, cal(Some(YearSpec::Rel(s)), None, None, Part::Whole))),
            "quarter" => None,
            _ => None,
        };
    }
    // earlier this month / earlier this year
    if w.is("earlier") && next(1).is_some_and(|x| x.is("this")) {
        return match next(2)?.lower() {
            "month" => Some((3, cal(None, Some(MonthSpec::Rel(0)), None, Part::Whole))),
            "year" => Some((3, cal(Some(YearSpec::Rel(0)), None, None, Part::Whole))),
            "week" => Some((3, Kind::Week(0))),
            _ => None,
        };
    }
    // N days/weeks/months/years ago
    let n = w
        .number()
        .filter(|n| *n <= 99)
        .or_else(|| e.numbers.get(w.lower()).copied());
    if let Some(n) = n {
        let unit = next(1)?;
        if next(2).is_some_and(|x| x.is("ago")) {
            let unit = match unit.lower().trim_end_matches('s') {
                "day" => Unit::Day,
                "week" => Unit::Week,
                "month" => Unit::Month,
                "year" => Unit::Year,
                _ => return None,
            };
            let n = -(n as i32);
            return Some((
                3,
                match unit {
                    Unit::Day => Kind::DayOffset(n),
                    _ => Kind::UnitsAgo { n, unit },
                },
            ));
        }
    }
    None
}

/// this year, next year, last year at word `k`: how many words and the year.
fn relative_year(ws: &[Word], k: usize) -> Option<(usize, YearSpec)> {
    let shift = match ws.get(k)?.lower() {
        "this" => 0,
        "next" => 1,
        "last" => -1,
        _ => return None,
    };
    ws.get(k + 1)
        .filter(|w| w.is("year"))
        .map(|_| (2, YearSpec::Rel(shift)))
}

/// The sentence around word `k` speaks of the future (will, plans to, expected to …).
fn future_clause(t: &[char], ws: &[Word], k: usize) -> bool {
    let ends = |c: char| matches!(c, '.' | '!' | '?' | ';' | '\n' | '。' | '；');
    let mut a = ws[k].start;
    while a > 0 && !ends(t[a - 1]) && ws[k].start - a < 160 {
        a -= 1;
    }
    let mut b = ws[k].end;
    while b < t.len() && !ends(t[b]) && b - ws[k].end < 160 {
        b += 1;
    }
    // The words are in text order: the clause's are one slice of them.
    let first = ws.partition_point(|w| w.start < a);
    let last = ws.partition_point(|w| w.end <= b);
    let clause = &ws[first..last.max(first)];
    words_of().future.iter().any(|marker| {
        let parts: Vec<&str> = marker.split(' ').collect();
        clause
            .windows(parts.len())
            .any(|win| win.iter().zip(&parts).all(|(w, p)| w.is(p)))
    })
}
