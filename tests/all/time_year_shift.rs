//! Moving every year of an article by 28 years (weekdays repeat every 28 years between 1901 and 2099)
//! moves every resolved date, and the publication date, by exactly 28 years: nothing in the tagger
//! depends on a particular year. Checked on all five real articles.

use chrono::{Datelike, NaiveDate};
use storyline::corpus::{Corpus, ManifestEntry, SourceFormat};
use storyline::text;
use storyline::time::{self, reference, Published, TimeMention};

/// Every standalone 4-digit number from 1901 to 2071 moved by 28.
fn shift_years(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let mut j = i;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            let run: String = chars[i..j].iter().collect();
            match run.parse::<u32>() {
                Ok(y) if j - i == 4 && (1901..=2071).contains(&y) => {
                    out.push_str(&(y + 28).to_string())
                }
                _ => out.push_str(&run),
            }
            i = j;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

fn plus28(d: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year() + 28, d.month(), d.day()).expect("same day 28 years on")
}

fn analyse(raw: &str) -> (Published, Vec<TimeMention>) {
    let t = text::build(raw, SourceFormat::Text);
    let body = time::scan(&t.folded());
    let p = reference::publication(&ManifestEntry::default(), &t, &body);
    let dates = time::resolve(&body, p.date);
    (p, dates)
}

#[test]
fn moving_every_year_by_28_moves_every_date_by_28() {
    let corpus = Corpus::embedded();
    assert_eq!(corpus.articles.len(), 5);
    let mut compared = 0;
    for a in &corpus.articles {
        let (p0, d0) = analyse(&a.text);
        let shifted = shift_years(&a.text);
        let (p1, d1) = analyse(&shifted);
        assert_eq!(p0.date.map(plus28), p1.date, "{}: {p0:?} vs {p1:?}", a.id);
        assert_eq!(
            (p0.precision, p0.inferred),
            (p1.precision, p1.inferred),
            "{}",
            a.id
        );
        assert_eq!(d0.len(), d1.len(), "{}", a.id);
        for (m0, m1) in d0.iter().zip(&d1) {
            assert_eq!(m0.span, m1.span, "{}", a.id);
            assert_eq!(
                plus28(m0.range.start),
                m1.range.start,
                "{}: {m0:?} {m1:?}",
                a.id
            );
            assert_eq!(
                plus28(m0.range.end),
                m1.range.end,
                "{}: {m0:?} {m1:?}",
                a.id
            );
            assert_eq!(m0.range.precision, m1.range.precision);
            assert_eq!((m0.future, m0.relative), (m1.future, m1.relative));
            compared += 1;
        }
    }
    assert!(compared > 20, "only {compared} dates compared");
}

#[test]
fn the_shift_keeps_weekdays() {
    let d = NaiveDate::from_ymd_opt(2025, 7, 14).unwrap();
    assert_eq!(d.weekday(), plus28(d).weekday());
    assert_eq!(
        shift_years("18/07/2025 與 2024年11月, 3,600名"),
        "18/07/2053 與 2052年11月, 3,600名"
    );
}
