//! The timeline is computed from the text, so it must not depend on the script the articles are
//! written in, nor on which years they speak of: the same articles all in simplified, all in
//! traditional, or with every year moved 28 years on (weekdays repeat every 28 years), read from a
//! folder with no manifest, give the same events — with the dates moved by exactly 28 years.

use crate::common;

use chrono::{Datelike, NaiveDate};
use common::*;
use storyline::text::{convert_script, ScriptChoice};
use storyline::timeline::{EventInfo, Filter};

/// What identifies an event regardless of script and offsets.
fn signature(e: &EventInfo, shift_years: i32) -> String {
    let shift = |d: NaiveDate| d.with_year(d.year() - shift_years).unwrap_or(d);
    let mut entities = e.entities.clone();
    entities.sort();
    let mut articles: Vec<&str> = e.sources.iter().map(|s| s.article.as_str()).collect();
    articles.sort();
    articles.dedup();
    let date = e
        .date
        .as_ref()
        .map(|d| format!("{}..{} {:?}", shift(d.start), shift(d.end), d.precision))
        .unwrap_or_else(|| "undated".into());
    format!(
        "{:?} {:?} {date} {entities:?} {articles:?}",
        e.kind, e.status
    )
}

fn signatures(files: &[(String, String)], shift_years: i32) -> Vec<String> {
    let (_dir, lib) = library_of(files);
    let mut sigs: Vec<String> = lib
        .timeline(&Filter::default())
        .unwrap()
        .events
        .iter()
        .map(|e| signature(e, shift_years))
        .collect();
    sigs.sort();
    sigs
}

fn converted(choice: ScriptChoice) -> Vec<(String, String)> {
    real_articles()
        .into_iter()
        .map(|(n, t)| (n, convert_script(&t, choice)))
        .collect()
}

#[test]
fn real_corpus_without_manifest_has_events() {
    let sigs = signatures(&real_articles(), 0);
    assert!(
        sigs.len() >= 10,
        "expected a real timeline, got {} events: {sigs:#?}",
        sigs.len()
    );
}

#[test]
fn all_simplified_gives_the_same_timeline() {
    assert_eq!(
        signatures(&converted(ScriptChoice::Hans), 0),
        signatures(&real_articles(), 0)
    );
}

#[test]
fn all_traditional_gives_the_same_timeline() {
    assert_eq!(
        signatures(&converted(ScriptChoice::Hant), 0),
        signatures(&real_articles(), 0)
    );
}

#[test]
fn moving_every_year_28_on_moves_every_date_28_on() {
    let moved: Vec<(String, String)> = real_articles()
        .into_iter()
        .map(|(n, t)| (n, move_years(&t, 28)))
        .collect();
    let original = signatures(&real_articles(), 0);
    let shifted = signatures(&moved, 28);
    assert_eq!(shifted, original);
    // And the dates really are in the 2050s now, not left where they were.
    let (_dir, lib) = library_of(&moved);
    let view = lib.timeline(&Filter::default()).unwrap();
    assert!(view
        .events
        .iter()
        .filter_map(|e| e.date.as_ref())
        .all(|d| d.start.year() >= 2040));
}

#[test]
fn move_years_leaves_amounts_alone() {
    assert_eq!(
        move_years("2025年6月30日 1,115億 3,600名,2024年 1,2024", 28),
        "2053年6月30日 1,115億 3,600名,2052年 1,2024"
    );
    assert_eq!(move_years("18/07/2025", 28), "18/07/2053");
}
