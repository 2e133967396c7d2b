//! The gazetteer file: the shipped one is valid, a user's is validated with clear
//! `bad_gazetteer` errors, and matching honours word edges for Latin names.

use std::io::Write;
use storyline::corpus::SourceFormat;
use storyline::entities::{self, EntityKind, Gazetteer, Lexicon};
use storyline::text;
use storyline::ErrorCode;

#[test]
fn the_shipped_gazetteer_and_lexicon_are_valid() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/gazetteer.toml"
    ))
    .unwrap();
    let g = Gazetteer::parse(&text, "assets/gazetteer.toml").expect("valid");
    assert_eq!(Gazetteer::embedded().entries, g.entries);
    // The shipped gazetteer is general knowledge: news outlets and well-known organisations, no
    // story's people, products or places, and none of the built-in story's own companies.
    assert!(
        g.entries
            .iter()
            .all(|e| matches!(e.kind, EntityKind::Media | EntityKind::Organization)),
        "{:?}",
        g.entries
    );
    for own in ["Meta", "Scale AI", "OpenAI", "Meta Superintelligence Labs"] {
        assert!(g.find(own).is_none(), "{own}");
    }
    assert_eq!(g.find("Reuters").map(|e| e.kind), Some(EntityKind::Media));
    assert_eq!(
        g.find("達美航空").map(|e| e.id.as_str()),
        Some("delta-air-lines")
    );
    assert_eq!(g.find("微软").map(|e| e.id.as_str()), Some("microsoft"));
    Lexicon::check_embedded().expect("lexicon parses");
    // The built-in story's cast travels with its articles.
    let story = Gazetteer::for_corpus(&storyline::corpus::Corpus::embedded()).0;
    assert!(story.entries.len() >= 60);
    let z = story.find("祖克柏").expect("alias lookup");
    assert_eq!(z.id, "mark-zuckerberg");
}

fn err(toml: &str) -> storyline::Error {
    Gazetteer::parse(toml, "user.toml").expect_err("must be rejected")
}

#[test]
fn bad_gazetteers_are_rejected_with_a_reason() {
    let e = err("[[entity]]\nid = \"x\"\nkind = \"wizard\"\nname = \"X\"\n");
    assert_eq!(e.code, ErrorCode::BadGazetteer);
    assert!(e.message.starts_with("user.toml"), "{}", e.message);
    let e = err("[[entity]]\nid = \"a\"\nkind = \"person\"\nname = \"A\"\n[[entity]]\nid = \"a\"\nkind = \"person\"\nname = \"B\"\n");
    assert!(e.message.contains("used twice"), "{}", e.message);
    let e = err("[[entity]]\nid = \"a\"\nkind = \"person\"\nname = \"A\"\naliases = [\"李四\"]\n[[entity]]\nid = \"b\"\nkind = \"person\"\nname = \"B\"\naliases = [\"李四\"]\n");
    assert!(
        e.message.contains("李四") && e.message.contains("\"a\""),
        "{}",
        e.message
    );
    let e = err("[[entity]]\nid = \"Bad Id\"\nkind = \"person\"\nname = \"A\"\n");
    assert_eq!(e.code, ErrorCode::BadGazetteer);
    let e = err("[[entity]]\nid = \"a\"\nkind = \"person\"\nname = \"\"\n");
    assert!(e.message.contains("empty name"));
    let e = err("[[entity]]\nid = \"a\"\nkind = \"person\"\nname = \"A\"\nalias = [\"typo\"]\n");
    assert_eq!(e.code, ErrorCode::BadGazetteer);
    let e = err("this is not toml [");
    assert_eq!(e.code, ErrorCode::BadGazetteer);
    // Traditional and simplified spellings of one name in two entries collide after folding.
    let e = err("[[entity]]\nid = \"a\"\nkind = \"media\"\nname = \"紐約時報\"\n[[entity]]\nid = \"b\"\nkind = \"media\"\nname = \"纽约时报\"\n");
    assert_eq!(e.code, ErrorCode::BadGazetteer);
}

#[test]
fn load_reads_a_user_file_and_reports_a_missing_one() {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    writeln!(f, "[[entity]]\nid = \"lumora\"\nkind = \"organization\"\nname = \"Lumora\"\naliases = [\"露墨拉\"]").unwrap();
    let g = Gazetteer::load(f.path()).expect("loads");
    assert_eq!(g.entries[0].spellings(), vec!["Lumora", "露墨拉"]);
    let missing =
        Gazetteer::load(std::path::Path::new("/nonexistent/gazetteer.toml")).expect_err("missing");
    assert_eq!(missing.code, ErrorCode::BadGazetteer);
    assert!(missing.message.contains("/nonexistent/gazetteer.toml"));
}

fn one(gaz: &str, article: &str) -> (Vec<entities::Entity>, Vec<(String, String)>) {
    let g = Gazetteer::parse(gaz, "t").unwrap();
    let t = text::build(article, SourceFormat::Text);
    let (es, ms) = entities::resolve(&g, &[&t]);
    let found = ms
        .iter()
        .map(|m| (es[m.entity()].id.clone(), t.slice(m.span()).to_string()))
        .collect();
    (es, found)
}

const SMALL: &str = r#"
[[entity]]
id = "meta"
kind = "organization"
name = "Meta"
[[entity]]
id = "msl"
kind = "organization"
name = "Meta Superintelligence Labs"
aliases = ["Meta超級智能實驗室"]
[[entity]]
id = "openai"
kind = "organization"
name = "OpenAI"
"#;

#[test]
fn latin_names_match_only_at_word_edges_and_longest_first() {
    let (_, found) = one(SMALL, "Metaverse不是Meta。META和meta的OpenAI與OpenAIs、AI;Meta超级智能实验室和Meta Superintelligence Labs。");
    let ids: Vec<&str> = found.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(
        ids,
        vec!["meta", "meta", "meta", "openai", "msl", "msl"],
        "{found:?}"
    );
    assert_eq!(
        found[4].1, "Meta超级智能实验室",
        "the simplified text matches the traditional alias"
    );
    assert_eq!(found[1].1, "META");
}

#[test]
fn an_empty_corpus_and_empty_gazetteer_give_nothing() {
    let (es, ms) = entities::resolve(&Gazetteer::empty(), &[]);
    assert!(es.is_empty() && ms.is_empty());
    let t = text::build("", SourceFormat::Text);
    let (es, ms) = entities::resolve(&Gazetteer::embedded(), &[&t]);
    assert!(es.is_empty() && ms.is_empty());
}
