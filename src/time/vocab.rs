//! The date stage's vocabulary (`assets/lexicon/time.toml`), read once: future markers, the words
//! the scanner matches after a year, a month or a count, days, weeks and years named from the
//! reference day. The grammar (which word may follow which number) stays in the scanner; the
//! words are data.

use crate::text::fold_str;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

const EMBEDDED: &str = include_str!("../../assets/lexicon/time.toml");

#[derive(Deserialize)]
struct File {
    future: Future,
    words: Words,
    relative: Relative,
    holidays: BTreeMap<String, [u32; 2]>,
    english: English,
}

/// The English scanner's words, lowercase.
#[derive(Deserialize)]
pub(crate) struct English {
    pub months: BTreeMap<String, u32>,
    pub weekdays: BTreeMap<String, u32>,
    pub numbers: BTreeMap<String, u32>,
    pub ordinals: BTreeMap<String, u8>,
    pub year_prepositions: Vec<String>,
    pub future: Vec<String>,
}

/// The future markers, folded on load (the clause's chars are folded as they are compared).
#[derive(Deserialize)]
pub(crate) struct Future {
    pub markers: Vec<String>,
    pub not_markers: Vec<String>,
    pub will: String,
    pub will_before: Vec<String>,
}

/// Word lists, as written (both scripts), each sorted longest first.
#[derive(Deserialize)]
pub(crate) struct Words {
    pub first_half: Vec<String>,
    pub second_half: Vec<String>,
    pub year_start: Vec<String>,
    pub year_middle: Vec<String>,
    pub year_end: Vec<String>,
    pub first_quarter: Vec<String>,
    pub xun_early: Vec<String>,
    pub xun_middle: Vec<String>,
    pub xun_late: Vec<String>,
    pub last_week: Vec<String>,
    pub counted_units: Vec<String>,
    pub not_a_date_after_day: Vec<String>,
    pub today: Vec<String>,
    pub yesterday: Vec<String>,
    pub tomorrow: Vec<String>,
    pub day_before_yesterday: Vec<String>,
    pub day_after_tomorrow: Vec<String>,
    pub day_units: Vec<String>,
    pub month_units: Vec<String>,
    pub year_units: Vec<String>,
    pub week_units: Vec<String>,
    pub bare_first_half: Vec<String>,
    pub bare_second_half: Vec<String>,
    pub bare_year_start: Vec<String>,
    pub bare_year_middle: Vec<String>,
    pub bare_year_end: Vec<String>,
    pub not_bare_after: String,
    pub not_today_before: String,
    pub not_day_before_after: String,
    pub weekday_words: Vec<String>,
    pub recent: Vec<String>,
    pub past: Vec<String>,
    /// Words before a span counted ahead (未來三天, 接下來兩週).
    pub ahead: Vec<String>,
    pub entering: Vec<String>,
    pub same_year: Vec<String>,
    pub same_month: Vec<String>,
    pub day_parts: Vec<String>,
    /// Folded, unlike the other lists: only [`super::day_link`] reads it and `right_after`, in
    /// folded text.
    pub same_day: Vec<String>,
    pub right_after: Vec<String>,
}

#[derive(Deserialize)]
struct Relative {
    years: BTreeMap<String, i32>,
    months: BTreeMap<String, i32>,
    weeks: BTreeMap<String, i32>,
}

/// Everything in the file, ready to match.
pub(crate) struct Vocab {
    pub future: Future,
    pub words: Words,
    /// Years, months and weeks named from the reference, with their offset; longest first.
    pub years: Vec<(String, i32)>,
    pub months: Vec<(String, i32)>,
    pub weeks: Vec<(String, i32)>,
    /// Holidays on a fixed day of the calendar (folded name's chars, month, day); longest first.
    pub holidays: Vec<(Vec<char>, u32, u32)>,
    /// The first chars of `holidays`, to rule most chars out at once.
    pub holiday_firsts: CharSet,
    pub english: English,
}

pub(crate) fn vocab() -> &'static Vocab {
    static VOCAB: OnceLock<Vocab> = OnceLock::new();
    VOCAB.get_or_init(|| {
        // The file is part of the build, and a test reads it: it cannot fail here.
        let file = toml::from_str::<File>(EMBEDDED)
            .unwrap_or_else(|e| panic!("assets/lexicon/time.toml: {e}"));
        let mut future = file.future;
        let fold_all = |v: &mut Vec<String>| v.iter_mut().for_each(|w| *w = fold_str(w));
        fold_all(&mut future.markers);
        fold_all(&mut future.not_markers);
        fold_all(&mut future.will_before);
        future.will = fold_str(&future.will);
        future
            .markers
            .sort_by_key(|m| std::cmp::Reverse(m.chars().count()));
        let mut words = file.words;
        for list in [&mut words.same_day, &mut words.right_after] {
            fold_all(list);
            list.sort_unstable();
            list.dedup();
        }
        for list in [
            &mut words.first_half,
            &mut words.second_half,
            &mut words.year_start,
            &mut words.year_middle,
            &mut words.year_end,
            &mut words.first_quarter,
            &mut words.xun_early,
            &mut words.xun_middle,
            &mut words.xun_late,
            &mut words.last_week,
            &mut words.counted_units,
            &mut words.same_year,
            &mut words.day_parts,
            &mut words.same_month,
            &mut words.not_a_date_after_day,
            &mut words.today,
            &mut words.yesterday,
            &mut words.tomorrow,
            &mut words.day_before_yesterday,
            &mut words.day_after_tomorrow,
            &mut words.day_units,
            &mut words.month_units,
            &mut words.year_units,
            &mut words.week_units,
            &mut words.bare_first_half,
            &mut words.bare_second_half,
            &mut words.bare_year_start,
            &mut words.bare_year_middle,
            &mut words.bare_year_end,
            &mut words.weekday_words,
            &mut words.recent,
            &mut words.past,
            &mut words.entering,
        ] {
            longest_first(list);
        }
        let offsets = |m: BTreeMap<String, i32>| {
            let mut v: Vec<(String, i32)> = m.into_iter().collect();
            v.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
            v
        };
        let mut holidays: Vec<(Vec<char>, u32, u32)> = file
            .holidays
            .into_iter()
            .map(|(w, [m, d])| (fold_str(&w).chars().collect(), m, d))
            .collect();
        holidays.sort_by_key(|(w, _, _)| std::cmp::Reverse(w.len()));
        let mut holiday_firsts: Vec<char> = holidays
            .iter()
            .filter_map(|(w, _, _)| w.first().copied())
            .collect();
        holiday_firsts.sort_unstable();
        holiday_firsts.dedup();
        let holiday_firsts = CharSet::of(&holiday_firsts);
        Vocab {
            future,
            words,
            holidays,
            holiday_firsts,
            years: offsets(file.relative.years),
            months: offsets(file.relative.months),
            weeks: offsets(file.relative.weeks),
            english: file.english,
        }
    })
}

/// A set of chars of the Basic Multilingual Plane, one bit each: the scanner asks it of every char
/// of every text.
pub(crate) struct CharSet(Box<[u64]>);

impl CharSet {
    fn of(chars: &[char]) -> CharSet {
        let mut bits = vec![0u64; 0x10000 / 64].into_boxed_slice();
        for &c in chars.iter().filter(|&&c| (c as u32) < 0x10000) {
            bits[c as usize / 64] |= 1 << (c as usize % 64);
        }
        CharSet(bits)
    }

    pub fn contains(&self, c: char) -> bool {
        let u = c as usize;
        u < 0x10000 && self.0[u / 64] & (1 << (u % 64)) != 0
    }
}

/// Longest first, keeping the file's order among words of one length, so a word is never shadowed
/// by its own prefix.
fn longest_first(list: &mut [String]) {
    list.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_time_lexicon_reads() {
        let v = super::vocab();
        assert!(v
            .words
            .year_end
            .first()
            .is_some_and(|w| w.chars().count() == 2));
        assert!(v.years.iter().any(|(w, k)| w == "去年" && *k == -1));
        assert!(!v.future.markers.is_empty());
    }
}
