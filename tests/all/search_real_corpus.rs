//! Search on the five real articles: any spelling of a name finds every article that names the
//! person in any spelling; both scripts and full-width forms give the same hits; every highlight is
//! display text that folds to what was searched.

use std::collections::BTreeSet;
use storyline::corpus::Corpus;
use storyline::search::SearchRequest;
use storyline::text::fold_str;
use storyline::Library;

fn lib() -> Library {
    Library::from_corpus(Corpus::embedded())
}

fn req(q: &str) -> SearchRequest {
    SearchRequest {
        query: q.into(),
        limit: Some(1000),
        ..SearchRequest::default()
    }
}

fn hits(lib: &Library, q: &str) -> Vec<(String, usize, usize, Vec<[usize; 2]>)> {
    lib.search(&req(q))
        .unwrap()
        .into_iter()
        .map(|h| (h.article, h.start, h.end, h.highlights))
        .collect()
}

fn folded_names(lib: &Library, name: &str) -> BTreeSet<String> {
    let e = &lib.analysis().entities[lib
        .analysis()
        .find_entity(name)
        .expect("the gazetteer knows this name")];
    std::iter::once(&e.name)
        .chain(e.name_zh.iter())
        .chain(e.aliases.iter())
        .map(|s| fold_str(s))
        .collect()
}

fn display(lib: &Library, article: &str, r: [usize; 2]) -> String {
    let a = &lib.analysis().articles[lib.analysis().article_index(article).unwrap()];
    a.text
        .slice(storyline::text::Span::new(r[0], r[1]))
        .to_string()
}

#[test]
fn any_spelling_of_zuckerberg_finds_every_article_naming_him() {
    let lib = lib();
    let names = folded_names(&lib, "扎克伯格");
    // Which articles name him is read from the folded texts, not listed.
    let naming: BTreeSet<String> = lib
        .analysis()
        .articles
        .iter()
        .filter(|a| {
            names
                .iter()
                .any(|n| n.chars().count() >= 3 && a.text.folded().contains(n.as_str()))
        })
        .map(|a| a.raw.id.clone())
        .collect();
    assert_eq!(naming.len(), 5, "all five real articles name him");
    let reference = hits(&lib, "扎克伯格");
    for q in [
        "扎克伯格",
        "紥尅伯格",
        "朱克伯格",
        "祖克伯格",
        "Zuckerberg",
        "ＺＵＣＫＥＲＢＥＲＧ",
        "馬克·祖克伯格",
    ] {
        let got = hits(&lib, q);
        let articles: BTreeSet<String> = got.iter().map(|h| h.0.clone()).collect();
        assert_eq!(articles, naming, "query {q}");
        assert_eq!(
            got, reference,
            "query {q}: every spelling is the same query"
        );
        for (article, start, end, highlights) in &got {
            assert!(!highlights.is_empty());
            for &r in highlights {
                assert!(*start <= r[0] && r[1] <= *end);
                let shown = display(&lib, article, r);
                assert!(
                    names.contains(&fold_str(&shown)),
                    "query {q}: highlight {shown:?} in {article} is not one of his names"
                );
            }
        }
    }
}

#[test]
fn both_scripts_and_full_width_forms_give_the_same_hits() {
    let lib = lib();
    for (a, b) in [
        ("數據中心", "数据中心"),
        ("ＭＥＴＡ", "meta"),
        ("實驗室", "实验室"),
        ("\"超級智能\"", "「超级智能」"),
    ] {
        let (ha, hb) = (hits(&lib, a), hits(&lib, b));
        assert!(!ha.is_empty(), "{a} finds something");
        assert_eq!(ha, hb, "{a} and {b}");
    }
}

#[test]
fn highlights_fold_to_the_word_searched() {
    let lib = lib();
    for q in ["數據中心", "实验室", "Meta", "挖角", "薪酬"] {
        let got = hits(&lib, q);
        assert!(!got.is_empty(), "{q}");
        for (article, _, _, highlights) in got {
            for r in highlights {
                assert_eq!(
                    fold_str(&display(&lib, &article, r)),
                    fold_str(q),
                    "query {q} in {article}"
                );
            }
        }
    }
}
