//! On the five real articles with the shipped gazetteer: one entity per person however each outlet
//! spells them, mentions that point at the right text, outlets kept apart from actors.

use storyline::corpus::Corpus;
use storyline::entities::{self, EntityKind};
use storyline::pipeline::Analysis;
use storyline::text::fold_str;

fn analysis() -> Analysis {
    Analysis::run(&Corpus::embedded())
}

/// Display texts of every mention of `entity` in article `a`.
fn spellings_in(an: &Analysis, entity: usize, a: usize) -> Vec<String> {
    an.mentions
        .iter()
        .filter(|m| m.entity() == entity && m.article() == a)
        .map(|m| an.articles[a].text.slice(m.span()).to_string())
        .collect()
}

#[test]
fn zuckerberg_is_one_entity_named_in_all_five_articles() {
    let an = analysis();
    let z = an.find_entity("扎克伯格").expect("Zuckerberg is an entity");
    for name in [
        "Mark Zuckerberg",
        "朱克伯格",
        "朱克柏格",
        "祖克伯格",
        "紥尅伯格",
        "馬克·祖克伯格",
        "mark-zuckerberg",
    ] {
        assert_eq!(
            an.find_entity(name),
            Some(z),
            "{name} should name the same entity"
        );
    }
    assert_eq!(an.entities[z].kind, EntityKind::Person);
    for a in 0..an.articles.len() {
        assert!(
            !spellings_in(&an, z, a).is_empty(),
            "no Zuckerberg mention in {}",
            an.articles[a].id()
        );
    }
    let a002 = an.article_index("002_7572389c052dece2").unwrap();
    assert!(
        spellings_in(&an, z, a002).iter().any(|s| s == "紥尅伯格"),
        "the variant spelling in 002 is found"
    );
    let a000 = an.article_index("000_dafb546c0b816bcd").unwrap();
    let in000 = spellings_in(&an, z, a000);
    assert!(in000.iter().any(|s| s == "朱克伯格") && in000.iter().any(|s| s == "朱克柏格"));
    // No second entity claims any Zuckerberg spelling.
    let others = an
        .entities
        .iter()
        .enumerate()
        .filter(|&(i, e)| i != z && e.folded_aliases().iter().any(|a| a.contains("伯格")))
        .count();
    assert_eq!(others, 0);
}

#[test]
fn alexandr_wang_is_wang_tao_in_both_spellings() {
    let an = analysis();
    let w = an.find_entity("Alexandr Wang").expect("Alexandr Wang");
    assert_eq!(an.find_entity("汪滔"), Some(w));
    assert_eq!(an.find_entity("汪韬"), Some(w));
    let a001 = an.article_index("001_73c8ab3e51f66af5").unwrap();
    assert!(spellings_in(&an, w, a001).contains(&"汪韬".to_string()));
    let a000 = an.article_index("000_dafb546c0b816bcd").unwrap();
    assert!(spellings_in(&an, w, a000).contains(&"汪滔".to_string()));
}

#[test]
fn mark_chen_is_chen_xinhan_and_ma_ke_chen() {
    let an = analysis();
    let c = an.find_entity("Mark Chen").expect("Mark Chen");
    assert_eq!(an.find_entity("陳信翰"), Some(c));
    assert_eq!(an.find_entity("陈信翰"), Some(c));
    assert_eq!(an.find_entity("馬克·陳"), Some(c));
    let a001 = an.article_index("001_73c8ab3e51f66af5").unwrap();
    let a004 = an.article_index("004_f4bf0316c1063e75").unwrap();
    assert!(spellings_in(&an, c, a001).contains(&"陈信翰".to_string()));
    assert_eq!(spellings_in(&an, c, a004), vec!["馬克·陳", "馬克·陳"]);
}

#[test]
fn outlets_are_media_never_people() {
    let an = analysis();
    for outlet in [
        "路透社",
        "彭博社",
        "華爾街日報",
        "紐約時報",
        "法新社",
        "金融時報",
    ] {
        let i = an
            .find_entity(outlet)
            .unwrap_or_else(|| panic!("{outlet} is an entity"));
        assert_eq!(an.entities[i].kind, EntityKind::Media, "{outlet}");
        assert!(!an.entities[i].kind.is_actor());
    }
    for e in an.entities.iter().filter(|e| e.kind == EntityKind::Person) {
        for a in e.folded_aliases() {
            for cue in ["社", "日报", "时报", "杂志"] {
                assert!(
                    !a.ends_with(cue),
                    "person {} has an outlet-like spelling {a}",
                    e.id
                );
            }
        }
    }
}

#[test]
fn common_tokens_are_not_entities() {
    let an = analysis();
    for token in [
        "AI", "GPU", "CEO", "CapEx", "X.com", "Sora", "H100", "GW", "IPO", "AGI",
    ] {
        assert_eq!(an.find_entity(token), None, "{token} must not be an entity");
    }
}

#[test]
fn every_mention_span_folds_to_a_spelling_of_its_entity() {
    let an = analysis();
    assert!(an.mentions.len() > 100);
    for m in &an.mentions {
        let text = &an.articles[m.article()].text;
        let shown = text.slice(m.span());
        let folded = fold_str(shown);
        assert_eq!(
            folded,
            text.folded_slice(m.span()),
            "folded text and fold of display differ at {shown}"
        );
        let e = &an.entities[m.entity()];
        assert!(
            e.folded_aliases().contains(&folded),
            "{shown:?} is not a spelling of {}",
            e.id
        );
    }
}

#[test]
fn ids_are_unique_and_aliases_find_their_entity() {
    let an = analysis();
    let mut ids: Vec<&str> = an.entities.iter().map(|e| e.id.as_str()).collect();
    ids.sort();
    let n = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), n);
    for (i, e) in an.entities.iter().enumerate() {
        assert_eq!(entities::find(&an.entities, &e.id), Some(i));
        assert!(
            an.mentions.iter().any(|m| m.entity() == i),
            "{} listed without a mention",
            e.id
        );
    }
}

#[test]
fn facilities_products_and_companies_have_their_kinds() {
    let an = analysis();
    let kind = |n: &str| an.entities[an.find_entity(n).unwrap_or_else(|| panic!("{n}"))].kind;
    assert_eq!(kind("普羅米修斯"), EntityKind::Facility);
    assert_eq!(kind("Hyperion"), EntityKind::Facility);
    assert_eq!(kind("Behemoth"), EntityKind::Product);
    assert_eq!(kind("Scale AI"), EntityKind::Organization);
    assert_eq!(kind("MSL"), EntityKind::Organization);
    assert_eq!(
        an.find_entity("超級智能實驗室"),
        an.find_entity("Meta Superintelligence Labs")
    );
    assert_ne!(an.find_entity("MSL"), an.find_entity("Meta"));
    // Facebook the social network is not Meta the company.
    assert_ne!(an.find_entity("Facebook"), an.find_entity("Meta"));
}

/// The built-in corpus's gazetteer: the shipped one with the story's cast.
fn story_gazetteer() -> entities::Gazetteer {
    entities::Gazetteer::for_corpus(&Corpus::embedded()).0
}

/// Entity ids with their mention count in each article.
fn census(
    texts: &[storyline::text::ArticleText],
) -> std::collections::BTreeMap<(String, usize), usize> {
    let refs: Vec<&storyline::text::ArticleText> = texts.iter().collect();
    let (es, ms) = entities::resolve(&story_gazetteer(), &refs);
    let mut out = std::collections::BTreeMap::new();
    for m in ms {
        *out.entry((es[m.entity()].id.clone(), m.article()))
            .or_insert(0) += 1;
    }
    out
}

#[test]
fn the_same_entities_whatever_the_script() {
    use storyline::text::{self, ScriptChoice};
    let c = Corpus::embedded();
    let build = |choice: Option<ScriptChoice>| -> Vec<text::ArticleText> {
        c.articles
            .iter()
            .map(|a| {
                let raw = match choice {
                    Some(ch) => text::convert_script(&a.text, ch),
                    None => a.text.to_string(),
                };
                text::build(&raw, a.format)
            })
            .collect()
    };
    let original = census(&build(None));
    assert!(original.len() > 50);
    for choice in [ScriptChoice::Hans, ScriptChoice::Hant] {
        let converted = census(&build(Some(choice)));
        let gazetteer_only = |m: &std::collections::BTreeMap<(String, usize), usize>| {
            m.iter()
                .filter(|((id, _), _)| story_gazetteer().entries.iter().any(|e| &e.id == id))
                .map(|(k, v)| (k.clone(), *v))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            gazetteer_only(&original),
            gazetteer_only(&converted),
            "{choice:?}"
        );
    }
}
