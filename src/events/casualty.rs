//! Casualties dated by the disaster that struck them.
//!
//! A report of an earthquake or a flood lists its dead and injured line by line
//! (台8線183公里處,64歲余姓女刷坡工人遭落石砸中身亡). Such a line gives no date: it tells of the
//! day of the disaster the article reports, not of a happening whose time the text leaves open.
//! So a death or injury told with no date of its own and with one of the blows a disaster deals
//! (`blows` in events.toml: 落石, 倒塌, 活埋) takes the day of the disaster its article dates, as a
//! date carried from elsewhere in the article ([`DateSource::Paragraph`]).
//!
//! An article dates its disaster in a clause that tells of it with a day of its own
//! (花蓮3日上午發生芮氏規模7.2的地震), or in the name it calls it by, its month and day before the
//! word for it (403強震, 0403花蓮大地震; `named_disasters`). Only a day within
//! [`ARTICLE_WINDOW_DAYS`] before the article counts: 921大地震 in a report of another year names
//! an old disaster, whose day a new list of the dead is not.

use super::extract::{ArticleInput, ARTICLE_WINDOW_DAYS};
use super::lexicon::Lexicon;
use super::{Candidate, DateSource, EventKind};
use crate::text::marks::is_clause_mark;
use crate::text::Span;
use crate::time::{numerals, DateRange, Precision};
use chrono::{Datelike, NaiveDate};

/// How many chars (a place's name: 花蓮) may stand between a disaster's month and day and the
/// word for it.
const NAME_GAP_CHARS: usize = 3;

/// Gives each undated casualty of a disaster among `out`, the candidates of the article `input`,
/// the day of the disaster the article dates.
pub fn date_by_disaster(lex: &Lexicon, input: &ArticleInput, out: &mut [Candidate]) {
    let undated_casualty = |c: &Candidate| {
        c.kind == EventKind::Death
            && c.date_source == DateSource::Article
            && lex.blows.iter().any(|w| input.folded(c.span).contains(w))
    };
    if !out.iter().any(undated_casualty) {
        return;
    }
    let Some(day) = disaster_day(lex, input) else {
        return;
    };
    for c in out.iter_mut() {
        if undated_casualty(c) {
            c.date = Some(DateRange {
                start: day,
                end: day,
                precision: Precision::Day,
            });
            c.date_source = DateSource::Paragraph;
        }
    }
}

/// The earliest day the article gives a disaster, in a clause that tells of it with a day of its
/// own or in its name, within the window before the article's own day.
fn disaster_day(lex: &Lexicon, input: &ArticleInput) -> Option<NaiveDate> {
    if input.published.precision != Precision::Day {
        return None;
    }
    let published = input.published.date?;
    let recent =
        |d: &NaiveDate| *d <= published && (published - *d).num_days() <= ARTICLE_WINDOW_DAYS;
    let mut days = Vec::new();
    for sentence in input.text.sentences.iter() {
        let chars: Vec<char> = input.folded(sentence).chars().collect();
        days.extend(named_days(lex, &chars, published));
        let mut from = 0;
        for to in (0..=chars.len()).filter(|&k| k == chars.len() || is_clause_mark(chars[k])) {
            let tells = (from..to).any(|k| lex.named_disasters.any_starts_at(&chars[..to], k));
            let clause = Span::new(sentence.start + from, sentence.start + to);
            if tells {
                days.extend(
                    input
                        .dates
                        .iter()
                        .filter(|d| clause.contains(d.span) && !d.future)
                        .filter(|d| d.range.precision == Precision::Day)
                        .map(|d| d.range.start),
                );
            }
            from = to + 1;
        }
    }
    days.into_iter().filter(recent).min()
}

/// The days that disasters named by their month and day (403強震) in `chars` fell on: the latest
/// such day not after `published`.
fn named_days(lex: &Lexicon, chars: &[char], published: NaiveDate) -> Vec<NaiveDate> {
    let mut days = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let Some((value, digits, end)) = numerals::ascii_number(chars, i) else {
            i += 1;
            continue;
        };
        let start = i;
        i = end;
        if start > 0 && matches!(chars[start - 1], '.' | ',' | '/' | '-' | ':') {
            continue;
        }
        // 403 is 4月3日, 0403 and 1219 as well: the last two digits are the day.
        if !(3..=4).contains(&digits) {
            continue;
        }
        let (month, day) = (value / 100, value % 100);
        let named = (0..=NAME_GAP_CHARS).any(|gap| {
            chars[i..].iter().take(gap).all(|&c| crate::text::is_han(c))
                && lex.named_disasters.any_starts_at(chars, i + gap)
        });
        if !named {
            continue;
        }
        let in_year = |y: i32| NaiveDate::from_ymd_opt(y, month, day);
        if let Some(d) = in_year(published.year())
            .filter(|&d| d <= published)
            .or_else(|| in_year(published.year() - 1))
        {
            days.push(d);
        }
    }
    days
}
