//! Filters narrow a search to passages naming an entity, to articles, and to publication dates;
//! a filter naming something that does not exist says so.

use crate::search_common;

use chrono::NaiveDate;
use search_common::*;
use storyline::search::{SearchIndex, SearchRequest};
use storyline::ErrorCode;

fn sample() -> storyline::pipeline::Analysis {
    let mut a = analysis(&[
        (
            "june",
            "汪滔加入公司，负责新的实验室。\n扎克伯格宣布新的实验室成立。",
        ),
        ("july", "朱克伯格谈实验室的计划。\n汪滔没有出席。"),
        ("undated", "实验室的消息，来源不明。"),
    ]);
    add_person(&mut a, "alexandr-wang", "Alexandr Wang", &["汪滔", "汪韬"]);
    add_person(
        &mut a,
        "mark-zuckerberg",
        "Mark Zuckerberg",
        &["扎克伯格", "朱克伯格"],
    );
    a.articles[0].published.date = NaiveDate::from_ymd_opt(2025, 6, 30);
    a.articles[1].published.date = NaiveDate::from_ymd_opt(2025, 7, 15);
    a
}

fn search(a: &storyline::pipeline::Analysis, r: SearchRequest) -> Vec<(String, String)> {
    let index = SearchIndex::in_memory(a).unwrap();
    index
        .search(a, &r)
        .unwrap()
        .into_iter()
        .map(|h| (h.article, h.snippet))
        .collect()
}

fn lab() -> SearchRequest {
    SearchRequest {
        query: "实验室".into(),
        ..SearchRequest::default()
    }
}

#[test]
fn an_entity_filter_keeps_passages_naming_it_by_any_name() {
    let a = sample();
    let hits = search(
        &a,
        SearchRequest {
            entities: vec!["朱克伯格".into()],
            ..lab()
        },
    );
    let mut ids: Vec<&str> = hits.iter().map(|(id, _)| id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, vec!["july", "june"]);
    assert!(hits.iter().all(|(_, s)| s.contains("克伯格")));
    let both = search(
        &a,
        SearchRequest {
            entities: vec!["mark-zuckerberg".into(), "汪韬".into()],
            ..lab()
        },
    );
    assert!(both.is_empty(), "no passage names both");
}

#[test]
fn a_date_range_keeps_dated_articles_inside_it() {
    let a = sample();
    let july = search(
        &a,
        SearchRequest {
            from: NaiveDate::from_ymd_opt(2025, 7, 1),
            ..lab()
        },
    );
    assert!(july.iter().all(|(id, _)| id == "july") && !july.is_empty());
    let june = search(
        &a,
        SearchRequest {
            to: NaiveDate::from_ymd_opt(2025, 6, 30),
            ..lab()
        },
    );
    assert!(june.iter().all(|(id, _)| id == "june") && june.len() == 2);
    let none = search(
        &a,
        SearchRequest {
            from: NaiveDate::from_ymd_opt(2025, 7, 16),
            to: NaiveDate::from_ymd_opt(2026, 1, 1),
            ..lab()
        },
    );
    assert!(none.is_empty());
    assert_eq!(
        search(&a, lab()).len(),
        4,
        "no date filter keeps undated articles"
    );
}

#[test]
fn an_article_filter_keeps_those_articles() {
    let a = sample();
    let hits = search(
        &a,
        SearchRequest {
            articles: vec!["undated".into(), "july".into()],
            ..lab()
        },
    );
    let mut ids: Vec<&str> = hits.iter().map(|(id, _)| id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, vec!["july", "undated"]);
}

#[test]
fn filters_naming_unknown_things_are_errors_with_their_code() {
    let a = sample();
    let index = SearchIndex::in_memory(&a).unwrap();
    let e = index
        .search(
            &a,
            &SearchRequest {
                entities: vec!["Nobody".into()],
                ..lab()
            },
        )
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::UnknownEntity);
    assert!(e.message.contains("Nobody"));
    let e = index
        .search(
            &a,
            &SearchRequest {
                articles: vec!["nope".into()],
                ..lab()
            },
        )
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::UnknownArticle);
}
