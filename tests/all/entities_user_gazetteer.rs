//! A `gazetteer.toml` beside the articles extends the built-in gazetteer: the user's names join
//! entities (and win over built-in entries that share a spelling); a broken file is reported and
//! the built-in gazetteer is used alone.

use crate::common;

use common::*;
use storyline::ErrorCode;

const ARTICLE: &str = "星河科技宣布收购蓝鲸数据\n2024年3月5日，星河科技宣布以12亿美元收购蓝鲸数据。小林表示，交易将于年底完成。\n";

#[test]
fn a_users_gazetteer_names_entities_the_text_alone_would_not() {
    let without = library_of(&[("a.txt".into(), ARTICLE.into())]).1;
    assert!(without.entities().iter().all(|e| e.name != "Galaxy Tech"));
    let gazetteer = r#"
[[entity]]
id = "galaxy-tech"
kind = "organization"
name = "Galaxy Tech"
name_zh = "星河科技"

[[entity]]
id = "bluewhale"
kind = "organization"
name = "Bluewhale Data"
aliases = ["蓝鲸数据", "藍鯨數據"]
"#;
    let (_dir, lib) = library_of(&[
        ("a.txt".into(), ARTICLE.into()),
        ("gazetteer.toml".into(), gazetteer.into()),
    ]);
    assert!(lib.issues().is_empty(), "{:?}", lib.issues());
    let entities = lib.entities();
    let galaxy = entities
        .iter()
        .find(|e| e.name == "Galaxy Tech")
        .expect("the user's entity");
    assert!(galaxy.mentions.len() >= 2);
    assert!(entities.iter().any(|e| e.name == "Bluewhale Data"));
    // Built-in entries are still there.
    let (_d2, lib2) = library_of(&[
        (
            "b.txt".into(),
            "2025年6月30日，路透社报道，星河科技宣布成立新部门。\n".into(),
        ),
        ("gazetteer.toml".into(), gazetteer.into()),
    ]);
    let names: Vec<String> = lib2.entities().iter().map(|e| e.name.clone()).collect();
    assert!(names.iter().any(|n| n == "Reuters"), "{names:?}");
    assert!(names.iter().any(|n| n == "Galaxy Tech"), "{names:?}");
}

#[test]
fn a_broken_gazetteer_is_reported_and_the_articles_still_load() {
    let (_dir, lib) = library_of(&[
        ("a.txt".into(), ARTICLE.into()),
        (
            "gazetteer.toml".into(),
            "[[entity]]\nid = \"Bad Id\"\n".into(),
        ),
    ]);
    assert_eq!(lib.articles().len(), 1);
    let issue = lib
        .issues()
        .iter()
        .find(|i| i.file == "gazetteer.toml")
        .expect("an issue names the file");
    assert_eq!(issue.code, ErrorCode::BadGazetteer);
}
