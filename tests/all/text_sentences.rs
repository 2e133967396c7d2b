//! Sentences and paragraphs: split on Chinese and Latin sentence ends, quotes kept with their
//! speaker, never across a line; paragraphs are the display text's lines.

use storyline::corpus::{Corpus, SourceFormat};
use storyline::text::{build, ArticleText};

fn article(prefix: &str) -> ArticleText {
    let a = Corpus::embedded()
        .articles
        .into_iter()
        .find(|a| a.id.starts_with(prefix))
        .unwrap();
    build(&a.text, SourceFormat::Text)
}

fn sentence_with<'a>(t: &'a ArticleText, phrase: &str) -> &'a str {
    let s = t
        .sentences
        .iter()
        .map(|s| t.slice(s))
        .find(|s| s.contains(phrase));
    s.unwrap_or_else(|| panic!("no sentence holds {phrase:?}"))
}

#[test]
fn quoted_speech_stays_one_sentence() {
    let t = article("001");
    let s = sentence_with(&t, "并强调");
    assert!(s.starts_with("扎克伯格在声明中确认"), "{s}");
    assert!(s.ends_with("来支撑这项投资。”"), "{s}");
    let t = article("002");
    assert_eq!(
        sentence_with(&t, "我希望曏我滙報"),
        "“我希望曏我滙報的人數最少,而GPU數量最多。”"
    );
}

#[test]
fn chinese_marks_split_sentences() {
    let t = article("000");
    assert_eq!(
        sentence_with(&t, "這對整個AI產業"),
        "這對整個AI產業又會帶來甚麼影響?"
    );
    let s = sentence_with(&t, "D.A. Davidson");
    assert!(
        s.starts_with("投資銀行D.A. Davidson分析師"),
        "initials do not end a sentence: {s}"
    );
    let t = article("003");
    let s = sentence_with(&t, "Das認為");
    assert_eq!(s, "Das認為,人才選擇很個人化。");
}

#[test]
fn sentences_cover_each_paragraph_and_stay_inside_it() {
    for a in Corpus::embedded().articles {
        let t = build(&a.text, SourceFormat::Text);
        let lines: Vec<&str> = t.display.split('\n').collect();
        assert_eq!(
            lines.len(),
            t.paragraphs.len(),
            "{}: paragraphs are the lines",
            a.id
        );
        assert!(
            lines.iter().all(|l| !l.trim().is_empty()),
            "{}: no empty paragraph",
            a.id
        );
        for p in &t.paragraphs {
            let inside: Vec<_> = t.sentences.iter().filter(|s| p.contains(*s)).collect();
            assert!(
                !inside.is_empty(),
                "{}: every paragraph has a sentence",
                a.id
            );
            let covered: usize = inside.iter().map(|s| s.len()).sum();
            let non_space = t.slice(p).chars().filter(|c| !c.is_whitespace()).count();
            assert!(
                covered >= non_space,
                "{}: sentences cover {:?}",
                a.id,
                t.slice(p)
            );
        }
        assert!(t
            .sentences
            .to_vec()
            .windows(2)
            .all(|w| w[0].end <= w[1].start));
    }
}

#[test]
fn a_line_always_ends_a_sentence() {
    let t = build(
        "第一行沒有句號\n第二行「引號沒有關上\n第三行。",
        SourceFormat::Text,
    );
    let all: Vec<&str> = t.sentences.iter().map(|s| t.slice(s)).collect();
    assert_eq!(
        all,
        vec!["第一行沒有句號", "第二行「引號沒有關上", "第三行。"]
    );
}
