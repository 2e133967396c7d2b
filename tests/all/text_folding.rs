//! Folding for matching: rare variants, both scripts, full-width forms and case fold to one form,
//! char for char; the display text keeps the author's characters; display conversion keeps offsets.

use storyline::corpus::{Corpus, SourceFormat};
use storyline::text::{build, convert_script, fold_char, fold_str, ScriptChoice};

#[test]
fn careless_conversion_variants_fold_to_standard_forms() {
    assert_eq!(fold_str("紥尅伯格"), "扎克伯格");
    assert_eq!(fold_str("實騐室"), "实验室");
    for (variant, standard) in [
        ("蓡與", "参与"),
        ("襍志", "杂志"),
        ("眡頻", "视频"),
        ("縂之", "总之"),
        ("儅然", "当然"),
        ("奏傚", "奏效"),
        ("結搆", "结构"),
        ("結郃", "结合"),
        ("整躰", "整体"),
        ("琯理", "管理"),
        ("衹是", "只是"),
        ("槼模", "规模"),
        ("廻應", "回应"),
        ("竝沒有", "并没有"),
        ("処理", "处理"),
        ("毉生", "医生"),
        ("堆曡", "堆叠"),
        ("曏我滙報", "向我汇报"),
        ("方麪", "方面"),
    ] {
        assert_eq!(fold_str(variant), standard, "{variant}");
    }
}

#[test]
fn both_scripts_fold_equal() {
    assert_eq!(fold_str("數據中心"), fold_str("数据中心"));
    assert_eq!(fold_str("馬克·祖克伯格"), fold_str("马克·祖克伯格"));
    assert_eq!(fold_str("藉此"), fold_str("借此"));
    assert_eq!(fold_str("裡面"), fold_str("里面"));
}

#[test]
fn full_width_ascii_and_latin_case_fold() {
    assert_eq!(fold_str("ＯｐｅｎＡＩ　ＧＰＴ－４ｏ"), "openai gpt-4o");
    assert_eq!(
        fold_str("Meta Superintelligence Labs"),
        "meta superintelligence labs"
    );
    assert_eq!(fold_char('Ｚ'), 'z');
    assert_eq!(fold_str("Ö"), "ö");
}

#[test]
fn compatibility_ideographs_and_radicals_fold_to_unified() {
    // U+F900 (a compatibility ideograph of 豈) and U+2F08 KANGXI RADICAL MAN (人).
    assert_eq!(fold_str("\u{F900}\u{2F08}"), "岂人");
}

#[test]
fn folding_keeps_the_char_count_everywhere() {
    let table = include_str!("../../assets/fold/fold.tsv");
    for line in table.lines().filter(|l| !l.starts_with('#')) {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 3, "{line:?}");
        assert_eq!(fields[0].chars().count(), 1, "{line:?}");
        assert_eq!(fields[1].chars().count(), 1, "{line:?}");
        assert_eq!(fold_str(fields[0]).chars().count(), 1);
    }
    for c in (0u32..0x11000).filter_map(char::from_u32) {
        let s = c.to_string();
        assert_eq!(fold_str(&s).chars().count(), 1, "U+{:04X}", c as u32);
    }
}

#[test]
fn folding_is_idempotent() {
    for a in Corpus::embedded().articles {
        let once = fold_str(&a.text);
        assert_eq!(fold_str(&once), once, "{}", a.id);
    }
}

#[test]
fn display_keeps_the_authors_chars_and_folded_lines_up() {
    let a = Corpus::embedded()
        .articles
        .into_iter()
        .find(|a| a.id.starts_with("002"))
        .unwrap();
    let t = build(&a.text, SourceFormat::Text);
    let at = t
        .display
        .find("紥尅伯格")
        .expect("display keeps the variant characters");
    let start = t.display[..at].chars().count();
    let span = storyline::text::Span::new(start, start + 4);
    assert_eq!(t.slice(span), "紥尅伯格");
    assert_eq!(t.folded_slice(span), "扎克伯格");
    assert_eq!(t.folded(), fold_str(&t.display));
}

#[test]
fn reading_conversion_keeps_every_offset() {
    for a in Corpus::embedded().articles {
        let t = build(&a.text, SourceFormat::Text);
        for choice in [
            ScriptChoice::Original,
            ScriptChoice::Hans,
            ScriptChoice::Hant,
        ] {
            let conv = convert_script(&t.display, choice);
            assert_eq!(
                conv.chars().count(),
                t.display.chars().count(),
                "{} {choice:?}",
                a.id
            );
            // Line ends stay where they were, so paragraphs line up too.
            let nl = |s: &str| s.char_indices().filter(|(_, c)| *c == '\n').count();
            assert_eq!(nl(&conv), nl(&t.display));
        }
    }
    let hans = convert_script(
        "朱克伯格豪賭AI!Meta擲千億美元建數據中心",
        ScriptChoice::Hans,
    );
    assert_eq!(hans, "朱克伯格豪赌AI!Meta掷千亿美元建数据中心");
    let hant = convert_script(
        "扎克伯格宣布,公司将投入数千亿美元建造数据中心",
        ScriptChoice::Hant,
    );
    assert!(
        hant.contains("數千億美元") && hant.contains("數據中心"),
        "{hant}"
    );
}
