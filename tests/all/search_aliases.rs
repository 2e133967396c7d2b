//! A query naming an entity by any of its names finds every name, in either script; highlights are
//! display-text ranges whose folded text is one of the names; hits come grouped by article.

use crate::search_common;

use search_common::*;
use storyline::search::{SearchIndex, SearchRequest};
use storyline::text::fold_str;

const NAMES: [&str; 5] = ["扎克伯格", "朱克伯格", "祖克伯格", "紥尅伯格", "Zuckerberg"];

fn corpus_of_spellings() -> storyline::pipeline::Analysis {
    let mut a = analysis(&[
        (
            "hk",
            "財經快訊：朱克伯格宣布成立新的實驗室。\n該實驗室將由前創業者領導。",
        ),
        (
            "cn",
            "科技新闻 🚀 扎克伯格表示，公司将投入数千亿美元。\n另一段与此无关的文字。",
        ),
        ("tw", "祖克伯格週一在社群平台上發文。\n其他新聞。"),
        ("farm", "紥尅伯格的計劃引發關注。\n網友熱議。"),
        (
            "en",
            "Ｍeta's CEO Mark ZUCKERBERG said so. 🙂\nNothing else here.",
        ),
        ("none", "这篇文章只谈天气，没有提到任何人。\n明天有雨。"),
    ]);
    add_person(&mut a, "mark-zuckerberg", "Mark Zuckerberg", &NAMES);
    a
}

/// The articles of the hits for `q`, in the order given.
/// The ids of the articles of every hit, in id order (one per hit).
fn articles_found(index: &SearchIndex, a: &storyline::pipeline::Analysis, q: &str) -> Vec<String> {
    let mut ids: Vec<String> = index
        .search(a, &req(q))
        .unwrap()
        .into_iter()
        .map(|h| h.article)
        .collect();
    ids.sort();
    ids
}

fn req(q: &str) -> SearchRequest {
    SearchRequest {
        query: q.into(),
        ..SearchRequest::default()
    }
}

#[test]
fn every_spelling_finds_every_spelling() {
    let a = corpus_of_spellings();
    let index = SearchIndex::in_memory(&a).unwrap();
    let folded_names: Vec<String> = NAMES
        .iter()
        .chain(["Mark Zuckerberg"].iter())
        .map(|n| fold_str(n))
        .collect();
    for q in NAMES {
        let hits = index.search(&a, &req(q)).unwrap();
        let mut articles: Vec<&str> = hits.iter().map(|h| h.article.as_str()).collect();
        articles.sort();
        articles.dedup();
        assert_eq!(articles, vec!["cn", "en", "farm", "hk", "tw"], "query {q}");
        for h in &hits {
            assert!(
                !h.highlights.is_empty(),
                "query {q}: no highlight in {}",
                h.snippet
            );
            for &r in &h.highlights {
                assert!(
                    h.start <= r[0] && r[1] <= h.end,
                    "highlight outside its passage"
                );
                let shown = slice(&a, &h.article, r);
                assert!(
                    folded_names.contains(&fold_str(&shown)),
                    "query {q}: highlight {shown:?} is not a name"
                );
            }
        }
    }
}

#[test]
fn highlights_are_char_offsets_of_the_display_text() {
    let a = corpus_of_spellings();
    let index = SearchIndex::in_memory(&a).unwrap();
    let hits = index.search(&a, &req("zuckerberg")).unwrap();
    let en = hits.iter().find(|h| h.article == "en").unwrap();
    let shown: Vec<String> = en.highlights.iter().map(|&r| slice(&a, "en", r)).collect();
    // The two-word name is matched whole; a byte offset taken for a char offset would drift past
    // the full-width Ｍ and land elsewhere.
    assert_eq!(shown, vec!["Mark ZUCKERBERG"]);
    let cn = hits.iter().find(|h| h.article == "cn").unwrap();
    let start = a.articles[a.article_index("cn").unwrap()]
        .text
        .display
        .find("扎克伯格")
        .unwrap();
    let chars_before = a.articles[a.article_index("cn").unwrap()].text.display[..start]
        .chars()
        .count();
    assert_eq!(cn.highlights, vec![[chars_before, chars_before + 4]]);
}

#[test]
fn hits_are_grouped_by_article_best_article_first() {
    let a = analysis(&[
        (
            "one",
            "汪滔加入公司。\n汪滔在会上发言，汪滔说汪滔很忙。\n无关。",
        ),
        (
            "two",
            "汪滔来了。\n这是一个很长的句子，里面提到汪滔，也提到很多其他的事情和其他的人物。",
        ),
        (
            "three",
            "句子一提到汪滔。\n句子二没有。\n句子三也提到汪滔和汪滔。",
        ),
    ]);
    let index = SearchIndex::in_memory(&a).unwrap();
    let hits = index.search(&a, &req("汪滔")).unwrap();
    assert_eq!(hits.len(), 6);
    let mut seen: Vec<&str> = Vec::new();
    for h in &hits {
        if seen.last() != Some(&h.article.as_str()) {
            assert!(
                !seen.contains(&h.article.as_str()),
                "article {} appears in two groups",
                h.article
            );
            seen.push(&h.article);
        }
    }
    let best = |id: &str| {
        hits.iter()
            .filter(|h| h.article == id)
            .map(|h| h.score)
            .fold(f32::MIN, f32::max)
    };
    for w in seen.windows(2) {
        assert!(best(w[0]) >= best(w[1]));
    }
    for group in seen {
        let scores: Vec<f32> = hits
            .iter()
            .filter(|h| h.article == group)
            .map(|h| h.score)
            .collect();
        assert!(scores.windows(2).all(|w| w[0] >= w[1]));
    }
}

#[test]
fn hits_carry_the_events_their_passage_supports() {
    let mut a = corpus_of_spellings();
    let hk = a.article_index("hk").unwrap();
    add_event(&mut a, "ev-lab", hk, "宣布成立新的實驗室");
    add_event(&mut a, "ev-other", hk, "前創業者領導");
    let index = SearchIndex::in_memory(&a).unwrap();
    let hits = index.search(&a, &req("實驗室")).unwrap();
    let first = hits
        .iter()
        .find(|h| h.snippet.contains("朱克伯格"))
        .unwrap();
    assert_eq!(first.events, vec!["ev-lab"]);
    let second = hits.iter().find(|h| h.snippet.contains("領導")).unwrap();
    assert_eq!(second.events, vec!["ev-other"]);
}

#[test]
fn a_quoted_phrase_needs_its_words_together_and_in_order() {
    let a = analysis(&[
        ("together", "公司宣布建造数据中心。"),
        ("apart", "中心城市的数据很多。"),
        (
            "latin",
            "Meta Superintelligence Labs was formed. Labs of Meta elsewhere.",
        ),
    ]);
    let index = SearchIndex::in_memory(&a).unwrap();
    let ids = |q: &str| articles_found(&index, &a, q);
    assert_eq!(ids("\"数据中心\""), vec!["together"]);
    assert_eq!(ids("数据中心"), vec!["together"]);
    assert_eq!(ids("数据 中心"), vec!["apart", "together"]);
    let hits = index
        .search(&a, &req("\"meta superintelligence\""))
        .unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(
        slice(&a, "latin", hits[0].highlights[0]),
        "Meta Superintelligence"
    );
    assert!(ids("\"labs meta\"").is_empty());
}

#[test]
fn an_english_word_finds_its_other_forms_and_highlights_them() {
    let a = analysis(&[
        (
            "wire",
            "Meta hired three researchers from OpenAI. The company is hiring more.",
        ),
        (
            "other",
            "The lab hires nobody this week.\nThe weather is fine.",
        ),
        ("zh", "公司聘用了三名研究員。"),
    ]);
    let index = SearchIndex::in_memory(&a).unwrap();
    let ids = |q: &str| {
        let mut found = articles_found(&index, &a, q);
        found.dedup();
        found
    };
    // Every form of the verb finds every other form, and nothing in Chinese.
    for q in ["hire", "hired", "hiring", "Hires"] {
        assert_eq!(ids(q), vec!["other", "wire"], "{q}");
    }
    assert_eq!(ids("researcher"), vec!["wire"]);
    // The highlight is the word as written.
    let hits = index.search(&a, &req("hire")).unwrap();
    let mut marked: Vec<String> = hits
        .iter()
        .filter(|h| h.article == "wire")
        .flat_map(|h| h.highlights.iter().map(|&r| slice(&a, "wire", r)))
        .collect();
    marked.sort();
    assert_eq!(marked, vec!["hired", "hiring"]);
    // A phrase keeps its order with stemmed words too.
    assert_eq!(ids("\"hired three researchers\""), vec!["wire"]);
    assert!(ids("\"researchers hired\"").is_empty());
}

#[test]
fn an_unspaced_run_found_nowhere_whole_is_searched_word_by_word() {
    let a = analysis(&[("x", "该公司正在建造新的数据中心。\n明年开始建设。")]);
    let index = SearchIndex::in_memory(&a).unwrap();
    // Whole, "数据中心建设" is in no passage; its words are both in no single passage either.
    assert!(index.search(&a, &req("数据中心建设")).unwrap().is_empty());
    let hits = index.search(&a, &req("建造数据中心")).unwrap();
    assert_eq!(hits.len(), 1);
    let hits = index.search(&a, &req("数据中心新的")).unwrap();
    assert_eq!(
        hits.len(),
        1,
        "split into words when the run is not found whole"
    );
}

#[test]
fn a_phrase_with_a_one_char_word_matches_that_char_and_a_lone_char_is_found_anywhere() {
    let a = analysis(&[
        ("exact", "公司的数据中心的建设开始了。"),
        ("other", "公司的数据中心和建设开始了。"),
        ("tail", "他说：好。"),
    ]);
    let index = SearchIndex::in_memory(&a).unwrap();
    let ids = |q: &str| articles_found(&index, &a, q);
    // The index keeps no single-char words and no positions for words: the phrase is matched on
    // its bigrams, so 的 must be there, exactly where it was typed.
    assert_eq!(ids("\"数据中心的建设\""), vec!["exact"]);
    assert_eq!(ids("\"数据中心和建设\""), vec!["other"]);
    // A lone char is found as the text's lone char, at the end of a run, and at its start.
    assert_eq!(ids("好"), vec!["tail"]);
    assert_eq!(ids("了"), vec!["exact", "other"]);
    let hits = index.search(&a, &req("设")).unwrap();
    assert_eq!(hits.len(), 2);
    assert!(hits
        .iter()
        .all(|h| slice(&a, &h.article, h.highlights[0]) == "设"));
    // Inside a jieba word: 据中 is no word, only a substring.
    assert_eq!(ids("据中").len(), 2);
}
