//! Whatever a reader types is a query: results or an empty list, never an error or a panic.

use crate::search_common;

use proptest::prelude::*;
use search_common::*;
use storyline::search::{SearchIndex, SearchRequest};
use storyline::Library;

fn sample() -> storyline::pipeline::Analysis {
    let mut a = analysis(&[
        ("a", "Meta首席执行官扎克伯格宣布汪滔建造数据中心 (AND) [x] {y} a+b-c ~d ^e *f: \"引号\"。\n汪滔加入Meta。"),
        ("b", "朱克伯格說：「超級智能」是未來。😀 emoji 在这里。"),
    ]);
    add_person(&mut a, "zuck", "Mark Zuckerberg", &["扎克伯格", "朱克伯格"]);
    a
}

fn req(q: &str) -> SearchRequest {
    SearchRequest {
        query: q.into(),
        ..SearchRequest::default()
    }
}

#[test]
fn malformed_and_hostile_queries_answer_without_error() {
    let a = sample();
    let index = SearchIndex::in_memory(&a).unwrap();
    let long_han: String = "扎克伯格".repeat(2_500);
    let long_mixed: String = (0..10_000)
        .map(|i| ['(', '扎', '"', 'a', ' ', '😀', '*', '克'][i % 8])
        .collect();
    let queries = [
        "",
        " ",
        "\t\n",
        "\"",
        "\"\"",
        "\"扎克伯格",
        "扎克伯格\"",
        "「超級",
        "AND",
        "OR NOT",
        "( ) : ^ ~ [ ] { } * + -",
        "title:扎克伯格",
        "扎克伯格^2",
        "扎克*",
        "+汪滔 -meta",
        "[a TO z]",
        "{a TO z}",
        "~",
        "\\",
        "\\\"",
        "😀",
        "😀😀 🚀",
        "emoji 😀",
        "\u{0}",
        "\u{FEFF}",
        "\u{202E}扎克",
        &long_han,
        &long_mixed,
        "ｍｅｔａ",
        "ＭＥＴＡ",
        "a",
        "的",
        "扎",
    ];
    for q in queries {
        let hits = index.search(&a, &req(q));
        assert!(hits.is_ok(), "query {q:?} gave {:?}", hits.err());
    }
    // Syntax characters are separators, not syntax: what they surround is still searched.
    assert!(!index
        .search(&a, &req("(扎克伯格 AND 汪滔)"))
        .unwrap()
        .is_empty());
    assert!(!index.search(&a, &req("+汪滔^ ~*:")).unwrap().is_empty());
    assert!(index.search(&a, &req("")).unwrap().is_empty());
    assert!(index.search(&a, &req("😀")).unwrap().is_empty());
    assert!(!index.search(&a, &req("「超級智能」")).unwrap().is_empty());
    assert!(
        !index
            .search(&a, &req(&long_han[..12 * 100]))
            .unwrap()
            .is_empty(),
        "a repeated name is still the name"
    );
}

#[test]
fn a_zero_or_huge_limit_is_not_an_error() {
    let a = sample();
    let index = SearchIndex::in_memory(&a).unwrap();
    let zero = SearchRequest {
        limit: Some(0),
        ..req("汪滔")
    };
    assert!(index.search(&a, &zero).unwrap().is_empty());
    let huge = SearchRequest {
        limit: Some(usize::MAX),
        ..req("汪滔")
    };
    assert_eq!(index.search(&a, &huge).unwrap().len(), 2);
}

#[test]
fn a_malformed_request_through_the_api_is_an_error_value_not_a_panic() {
    let lib = Library::from_corpus(corpus(&[("a", "汪滔加入Meta。")]));
    assert!(lib
        .handle_json(r#"{"cmd":"search","args":{"query":"(汪滔"}}"#)
        .is_ok());
    assert!(lib
        .handle_json(r#"{"cmd":"search","args":{"query":42}}"#)
        .is_err());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]
    #[test]
    fn any_string_is_a_query(q in any::<String>()) {
        let index = shared();
        prop_assert!(index.0.search(&index.1, &req(&q)).is_ok());
    }

    #[test]
    fn any_mix_of_names_syntax_and_quotes_is_a_query(q in "[扎克伯格朱汪滔Meta \"「」()\\[\\]{}:^~*+\\-😀]{0,40}") {
        let index = shared();
        let hits = index.0.search(&index.1, &req(&q));
        prop_assert!(hits.is_ok());
        for h in hits.unwrap() {
            for r in h.highlights {
                prop_assert!(h.start <= r[0] && r[0] < r[1] && r[1] <= h.end);
            }
        }
    }
}

fn shared() -> &'static (SearchIndex, storyline::pipeline::Analysis) {
    static SHARED: std::sync::OnceLock<(SearchIndex, storyline::pipeline::Analysis)> =
        std::sync::OnceLock::new();
    SHARED.get_or_init(|| {
        let a = sample();
        (SearchIndex::in_memory(&a).unwrap(), a)
    })
}
