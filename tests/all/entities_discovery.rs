//! Discovery without the gazetteer: names the gazetteer has never seen, from glosses, Latin-script
//! names, ·-joined transliterations and their later surname-only references, organisation and
//! outlet cues — in an article written for this test, and in the real articles with an empty
//! gazetteer.

use storyline::corpus::{Corpus, SourceFormat};
use storyline::entities::{self, Entity, EntityKind, Gazetteer, Mention};
use storyline::pipeline::Analysis;
use storyline::text::{self, fold_str, ArticleText, ScriptChoice};

/// Written for this test: none of these people, companies or outlets exist.
const INVENTED: &str = "星河動力宣布新任命
據《環球科技日報》報道,總部位於西雅圖的初創公司Lumora Robotics週二宣布,前工程總監柯文翰(Kevin Ko)將出任首席科學家。
Lumora Robotics執行長艾琳娜·沃爾科娃(Elena Volkova)表示,公司將擴建其位於奧斯汀的工廠。分析師Priya Raman指出,此舉可望加快產品上市。
沃爾科娃還透露,新廠將於明年投產。另一家新創Quillon也在洽談合作,其技術長Tomasz Wielgus曾任職於Lumora Robotics。
";

fn resolve(gaz: &Gazetteer, texts: &[&str]) -> (Vec<ArticleText>, Vec<Entity>, Vec<Mention>) {
    let built: Vec<ArticleText> = texts
        .iter()
        .map(|t| text::build(t, SourceFormat::Text))
        .collect();
    let refs: Vec<&ArticleText> = built.iter().collect();
    let (e, m) = entities::resolve(gaz, &refs);
    (built, e, m)
}

fn entity<'a>(es: &'a [Entity], name: &str) -> &'a Entity {
    let i = entities::find(es, name).unwrap_or_else(|| {
        panic!(
            "{name} not found among {:?}",
            es.iter().map(|e| &e.name).collect::<Vec<_>>()
        )
    });
    &es[i]
}

fn check_invented(gaz: &Gazetteer, article: &str) {
    let (texts, es, ms) = resolve(gaz, &[article]);
    let ko = entity(&es, "Kevin Ko");
    assert_eq!(ko.kind, EntityKind::Person);
    assert!(
        ko.is_called("柯文翰"),
        "gloss joins both names: {:?}",
        ko.aliases
    );
    assert!(ko.discovered);

    let volkova = entity(&es, "Elena Volkova");
    assert_eq!(volkova.kind, EntityKind::Person);
    assert!(volkova.is_called("艾琳娜·沃爾科娃"));
    let vi = entities::find(&es, "Elena Volkova").unwrap();
    let spelled: Vec<String> = ms
        .iter()
        .filter(|m| m.entity() == vi)
        .map(|m| fold_str(texts[0].slice(m.span())))
        .collect();
    assert!(
        spelled.contains(&fold_str("沃爾科娃")),
        "the later surname-only reference is hers: {spelled:?}"
    );
    assert_eq!(
        spelled.len(),
        3,
        "full name (twice folded the same) and the surname: {spelled:?}"
    );

    assert_eq!(entity(&es, "Priya Raman").kind, EntityKind::Person);
    assert_eq!(entity(&es, "Tomasz Wielgus").kind, EntityKind::Person);
    let lumora = entity(&es, "Lumora Robotics");
    assert_eq!(lumora.kind, EntityKind::Organization);
    let li = entities::find(&es, "Lumora Robotics").unwrap();
    assert_eq!(ms.iter().filter(|m| m.entity() == li).count(), 3);
    assert_eq!(entity(&es, "Quillon").kind, EntityKind::Organization);
    assert_eq!(entity(&es, "環球科技日報").kind, EntityKind::Media);
    // Titles, cities and outlets are not people.
    for e in es.iter().filter(|e| e.kind == EntityKind::Person) {
        for bad in ["日報", "西雅圖", "首席科學家", "執行長"] {
            assert!(!e.is_called(bad), "{bad} taken for a person");
        }
    }
    for m in &ms {
        assert!(es[m.entity()]
            .folded_aliases()
            .contains(&fold_str(texts[0].slice(m.span()))));
    }
}

#[test]
fn an_unseen_article_gets_its_people_companies_and_outlet() {
    check_invented(&Gazetteer::embedded(), INVENTED);
}

#[test]
fn the_unseen_article_works_without_any_gazetteer() {
    check_invented(&Gazetteer::empty(), INVENTED);
}

#[test]
fn the_unseen_article_in_simplified_script() {
    let simplified = text::convert_script(INVENTED, ScriptChoice::Hans);
    assert_ne!(simplified, INVENTED);
    check_invented(&Gazetteer::empty(), &simplified);
}

#[test]
fn glossed_names_in_the_real_articles_are_found_with_an_empty_gazetteer() {
    let an = Analysis::run_with(&Corpus::embedded(), &Gazetteer::empty());
    let es = &an.entities;
    let pairs = [
        ("Alexandr Wang", "汪滔"),
        ("Ruoming Pang", "龐若鳴"),
        ("Nat Friedman", "納特·弗里德曼"),
        ("Gil Luria", "吉爾·盧裏亞"),
        ("Mark Zuckerberg", "朱克柏格"),
        ("Ilya Sutskever", "伊利亚·苏茨克维尔"),
        ("Sam Altman", "山姆·奧特曼"),
    ];
    for (en, zh) in pairs {
        let i = entities::find(es, en).unwrap_or_else(|| panic!("{en} not discovered"));
        assert_eq!(entities::find(es, zh), Some(i), "{en} = {zh}");
        assert_eq!(es[i].kind, EntityKind::Person, "{en}");
        assert!(es[i].discovered);
    }
    // 马克·扎克伯格(Mark Zuckerberg) in 001 and 朱克柏格(Mark Zuckerberg) in 000 are one man.
    assert_eq!(
        entities::find(es, "马克·扎克伯格"),
        entities::find(es, "Mark Zuckerberg")
    );
    // 弗里德曼 alone, after the full name in the same article, is Friedman.
    let f = entities::find(es, "Nat Friedman").unwrap();
    let a000 = an.article_index("000_dafb546c0b816bcd").unwrap();
    assert!(an.mentions.iter().any(|m| m.entity() == f
        && m.article() == a000
        && an.articles[a000].text.slice(m.span()) == "弗里德曼"));
    for name in [
        "Jason Wei",
        "Hyung Won Chung",
        "Shengjia Zhao",
        "Joelle Pineau",
    ] {
        let i = entities::find(es, name).unwrap_or_else(|| panic!("{name} not discovered"));
        assert_eq!(es[i].kind, EntityKind::Person, "{name}");
    }
    for org in [
        "Scale AI",
        "Constellation Energy",
        "Safe Superintelligence",
        "Meta Superintelligence Labs",
    ] {
        let i = entities::find(es, org).unwrap_or_else(|| panic!("{org} not discovered"));
        assert_eq!(es[i].kind, EntityKind::Organization, "{org}");
    }
    assert_eq!(
        entities::find(es, "SSI"),
        entities::find(es, "Safe Superintelligence")
    );
    for outlet in ["路透社", "法新社", "華爾街日報"] {
        let i = entities::find(es, outlet).unwrap_or_else(|| panic!("{outlet} not discovered"));
        assert_eq!(es[i].kind, EntityKind::Media, "{outlet}");
    }
    for token in [
        "AI",
        "GPU",
        "CEO",
        "CapEx",
        "Sora",
        "Read More",
        "Personal Superintelligence",
        "Co-Lead",
    ] {
        assert_eq!(entities::find(es, token), None, "{token} is not a name");
    }
}

#[test]
fn a_surname_alone_counts_only_where_the_full_name_appears() {
    let (_, es, ms) = resolve(
        &Gazetteer::empty(),
        &[
            "顧問艾琳娜·沃爾科娃發言。沃爾科娃說好。",
            "沃爾科娃在另一篇文章裡。",
        ],
    );
    let v = entities::find(&es, "艾琳娜·沃爾科娃").expect("found");
    assert!(ms
        .iter()
        .any(|m| m.entity() == v && m.article() == 0 && m.span().len() == 4));
    assert!(
        !ms.iter().any(|m| m.article() == 1),
        "no full name in article 1, so the surname stays unresolved"
    );
}

/// Also written for this test, in simplified script, with other shapes of the same clues.
const INVENTED_2: &str = "据彭博社报道,Veltrix Inc.的创始人Ingrid Solberg(英格丽・索尔伯格)周四在新书《机器的黄昏》发布会上表示,公司与新创Orbisk达成协议。索尔伯格说,双方将共建名为Aurora(极光)的数据中心。首席执行官罗嘉豪则表示会继续招聘。";

#[test]
fn another_unseen_article_with_other_clue_shapes() {
    let (texts, es, ms) = resolve(&Gazetteer::empty(), &[INVENTED_2]);
    let names: Vec<&String> = es.iter().map(|e| &e.name).collect();
    let solberg = entity(&es, "Ingrid Solberg");
    assert_eq!(solberg.kind, EntityKind::Person, "{names:?}");
    assert!(
        solberg.is_called("英格丽・索尔伯格"),
        "Latin(Chinese) gloss with a katakana middle dot"
    );
    let si = entities::find(&es, "Ingrid Solberg").unwrap();
    assert!(ms
        .iter()
        .any(|m| m.entity() == si && texts[0].slice(m.span()) == "索尔伯格"));
    assert_eq!(entity(&es, "Veltrix Inc.").kind, EntityKind::Organization);
    assert_eq!(entity(&es, "Orbisk").kind, EntityKind::Organization);
    let aurora = entity(&es, "Aurora");
    assert_eq!(aurora.kind, EntityKind::Facility);
    assert!(aurora.is_called("极光"));
    assert_eq!(entity(&es, "彭博社").kind, EntityKind::Media);
    assert_eq!(entity(&es, "罗嘉豪").kind, EntityKind::Person);
    // A book title in 《》 is not an outlet.
    assert_eq!(entities::find(&es, "机器的黄昏"), None);
}

#[test]
fn a_name_said_once_right_after_a_title_is_a_person() {
    // Invented people, each named once, right after a person's title.
    let article =
        "地檢署週一提訊被告。被告的私人律師石東炫事前在社群發文,黨團書記長林思銘直言不會。";
    let (_, es, _) = resolve(&Gazetteer::empty(), &[article]);
    for name in ["石東炫", "林思銘"] {
        assert_eq!(entity(&es, name).kind, EntityKind::Person, "{name}");
    }
    // A longer cut after a titled name (董事長雷軍發文) is not a name of its own.
    let (_, es, _) = resolve(
        &Gazetteer::empty(),
        &["小米董事長雷軍發文表示,雷軍說車已交付。"],
    );
    assert!(entities::find(&es, "雷軍發").is_none());
}

#[test]
fn names_from_lists_captions_relatives_and_chars_jieba_split_apart() {
    // Invented people, each named once: two full names joined in one list, a caption's title
    // set off by a space, a relative's name after the relation.
    let article = "女子拳擊豐收,吳思儀和陳念芝拿下銅牌。\n\n管理處副處長 林宗杉:「步道年底修復。」\n\n其妻子周佩琳多次存款。";
    let (_, es, _) = resolve(&Gazetteer::empty(), &[article]);
    for name in ["吳思儀", "陳念芝", "林宗杉", "周佩琳"] {
        assert_eq!(entity(&es, name).kind, EntityKind::Person, "{name}");
    }
    // A hotel's name jieba cuts into single chars (晶|英|酒店) is found whole, without the 及
    // that joins it to the place before it.
    let (_, es, _) = resolve(
        &Gazetteer::empty(),
        &["山區及晶英酒店有600多人受困,晶英酒店表示將全力協助。"],
    );
    assert_eq!(entity(&es, "晶英酒店").kind, EntityKind::Organization);
    assert!(entities::find(&es, "英酒店").is_none() && entities::find(&es, "及晶英酒店").is_none());
    // A structure's name ends in what it is (大樓, 隧道): a facility, not an organisation.
    let (_, es, _) = resolve(
        &Gazetteer::empty(),
        &["地震後翠湖大樓嚴重傾斜,市府下令拆除翠湖大樓。雪山隧道口落石,雪山隧道封閉。"],
    );
    for name in ["翠湖大樓", "雪山隧道"] {
        assert_eq!(entity(&es, name).kind, EntityKind::Facility, "{name}");
    }
    // The names a byline credits wrote the page; they are no actors of it.
    let (_, es, _) = resolve(
        &Gazetteer::empty(),
        &["(記者王承浩、傅雙祺)30日上午,法院開庭。"],
    );
    for name in ["王承浩", "傅雙祺"] {
        assert!(entities::find(&es, name).is_none(), "{name}");
    }
}

#[test]
fn places_and_aftershocks_are_not_names() {
    // Written for this test: 處 after a count or a distance is a place, not an office; 餘震 begins
    // with a surname and names no one.
    let article = "蘇花公路多處坍方,山區各處落石。中橫公路181.5公里處有車輛遭落石擊中。\n餘震不斷,餘震造成新的坍方。管理處表示,步道暫停開放。";
    let (_, es, _) = resolve(&Gazetteer::empty(), &[article, article]);
    let names: Vec<&str> = es.iter().map(|e| e.name.as_str()).collect();
    for not in ["蘇花公路多處", "山區各處", "公里處", "餘震"] {
        assert!(
            !names
                .iter()
                .any(|n| fold_str(n).starts_with(&fold_str(not))),
            "{not} in {names:?}"
        );
    }
}

#[test]
fn a_bare_name_repeated_before_verbs_of_acting_across_articles_is_an_organisation() {
    // Invented: 鈦宸 is no company anyone knows; the articles never give it a suffix or a title.
    let (_, es, _) = resolve(
        &Gazetteer::empty(),
        &[
            "鈦宸宣布推出新款手機。分析指出,公司宣布的價格偏高。",
            "據報道,鈦宸表示新機已售罄,鈦宸也在擴產。",
            "與鈦宸競爭的廠商則保持沉默。",
        ],
    );
    assert_eq!(entity(&es, "鈦宸").kind, EntityKind::Organization);
    assert!(
        entities::find(&es, "公司").is_none(),
        "an ordinary word names no one"
    );
    // Said in one article only, it proves nothing.
    let (_, es, _) = resolve(
        &Gazetteer::empty(),
        &["鈦宸宣布推出新款手機。鈦宸表示已售罄。鈦宸宣布擴產。"],
    );
    assert!(entities::find(&es, "鈦宸").is_none());
}

#[test]
fn an_organisation_glossed_after_a_conjunction_or_at_a_paragraph_start_is_named_whole() {
    let (_, es, _) = resolve(
        &Gazetteer::empty(),
        &["拳王銅牌遭取消\n\n林曉婷在世錦賽獲得銅牌,然而國際拳擊總會(IBA)卻在她領獎前宣告取消。\n\n世界拳擊聯盟（World Boxing，WB）將於9月舉辦世錦賽。微軟(Microsoft)的系統同日當機。\n"],
    );
    let iba = entity(&es, "IBA");
    assert!(
        iba.aliases.iter().any(|a| a == "國際拳擊總會"),
        "{:?}",
        iba.aliases
    );
    assert!(
        !iba.aliases.iter().any(|a| a.contains("然而")),
        "{:?}",
        iba.aliases
    );
    let wb = entity(&es, "World Boxing");
    assert_eq!(wb.kind, EntityKind::Organization);
    assert!(
        wb.aliases.iter().any(|a| a == "世界拳擊聯盟"),
        "{:?}",
        wb.aliases
    );
    assert_eq!(entity(&es, "微軟").name, "Microsoft");
}

/// Written for this test: a company named once, then described.
const DESCRIBED: &str = "星岳集團遭駭
總部位於新竹的星岳集團週三證實遭駭。該網絡安全公司表示,客戶資料未外洩。
另一家軟體公司也受波及,多家航空公司的系統一度停擺。軟體公司股價下跌。
";

#[test]
fn a_description_of_a_company_is_no_name() {
    let (_, es, _) = resolve(&Gazetteer::default(), &[DESCRIBED]);
    assert!(
        entities::find(&es, "星岳集團").is_some(),
        "the company is found by its name: {:?}",
        es.iter().map(|e| &e.name).collect::<Vec<_>>()
    );
    for description in ["網絡安全公司", "軟體公司", "航空公司", "安全公司"] {
        assert!(
            entities::find(&es, description).is_none(),
            "{description} describes a kind of company: {:?}",
            es.iter().map(|e| &e.name).collect::<Vec<_>>()
        );
    }
}

#[test]
fn a_stock_code_in_brackets_names_a_company_and_a_year_in_brackets_does_not() {
    // Written for this test: 晶曜電 and its code are invented. A year glossed inside 去(2024)年
    // or 今(113)年 reads like a four- or three-digit code, but the 年 after it says what it is.
    let article =
        "晶曜電(6789)今日公布財報。\n總統白啟明去(2024)年12月宣布改組內閣,今(113)年再度改組。";
    let (_, es, _) = resolve(&Gazetteer::empty(), &[article]);
    let names: Vec<&str> = es.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"晶曜電"), "{names:?}");
    for not in ["白啟明去", "啟明去", "明去", "今"] {
        assert!(
            !names.iter().any(|n| n.ends_with(not)),
            "{not} in {names:?}"
        );
    }
}

#[test]
fn in_history_and_a_degree_adverb_make_no_name_after_a_surname() {
    // Written for this test: 史 is a surname, but 史上 is "in history" and 最 ("most") opens the
    // adjective after it, in however many articles.
    let a = "7月19日那場震驚全球的「史上最大規模IT故障」,影響還在繼續。星岳集團表示,系統已恢復。";
    let b = "史上最嚴重的IT故障導致全球航班停飛。星岳集團表示,正在調查。";
    let (_, es, _) = resolve(&Gazetteer::empty(), &[a, b]);
    let names: Vec<&str> = es.iter().map(|e| e.name.as_str()).collect();
    assert!(!names.iter().any(|n| n.starts_with('史')), "{names:?}");
}

#[test]
fn a_place_a_plain_word_and_an_ending_name_a_public_body_said_once() {
    // Written for this test. A place opening the name says whose body it is; a count (美國多家
    // 航空), a description (中國半導體公司) or a cut word (沙烏地阿拉伯) does not.
    let article = "事故發生後,銅陵市應急管理局當晚發布通報。\
                   台北地方檢察署隨即提出抗告。\
                   美國多家航空受到影響,中國半導體公司也表示關注。\
                   他曾任沙烏地阿拉伯石油公司董事。\
                   台灣代表團今晚返國,代表團成員由家人接機,代表團團長致詞。\
                   IBA通知中華民國拳擊協會,美國批准公司上市。";
    let (_, es, _) = resolve(&Gazetteer::empty(), &[article]);
    let names: Vec<&str> = es.iter().map(|e| e.name.as_str()).collect();
    for name in [
        "銅陵市應急管理局",
        "台北地方檢察署",
        "台灣代表團",
        "中華民國拳擊協會",
    ] {
        assert!(names.contains(&name), "{name} in {names:?}");
    }
    for not in [
        "美國多家航空",
        "中國半導體公司",
        "拉伯石油公司",
        "代表團",
        "美國批准公司",
    ] {
        assert!(!names.contains(&not), "{not} in {names:?}");
    }
}

#[test]
fn a_body_the_dictionary_knows_is_named_once_when_it_ends_like_one() {
    // Written for this test: jieba's dictionary tags 香港入境處 and 韓國法務部 as organisations and
    // they end like one, so once is enough; 高中同學 and 人事安排, which it also tags so, do not.
    let article = "香港入境處則指,截至下午5時共接獲求助。韓國法務部當天宣布出境禁令。\
                   他的高中同學透露,人事安排尚未確定。";
    let (_, es, _) = resolve(&Gazetteer::empty(), &[article]);
    let names: Vec<&str> = es.iter().map(|e| e.name.as_str()).collect();
    for name in ["香港入境處", "韓國法務部"] {
        assert!(names.contains(&name), "{name} in {names:?}");
    }
    for not in ["高中同學", "人事安排"] {
        assert!(!names.contains(&not), "{not} in {names:?}");
    }
}

#[test]
fn people_named_by_surname_and_role_may_be_a_pair_or_drive_something() {
    // Written for this test: the press names people by surname, 姓 and a role, which may open
    // with what they drive (連結車駕駛) or be a pair (母子); 姓名 and a plain clause are no such name.
    let article = "住在9樓的林姓母子受傷送醫。吳姓連結車駕駛遭落石擊中身亡。\
                   張姓男子獲救。警方正在確認姓名,王姓的人很多。";
    let (_, es, _) = resolve(&Gazetteer::empty(), &[article]);
    let names: Vec<&str> = es.iter().map(|e| e.name.as_str()).collect();
    for name in ["林姓母子", "吳姓連結車駕駛", "張姓男子"] {
        assert!(names.contains(&name), "{name} in {names:?}");
    }
    assert!(!names.iter().any(|n| n.starts_with("王姓")), "{names:?}");
}

#[test]
fn a_short_form_beside_the_full_name_is_the_same_organisation_in_every_article() {
    // Written for this test: 中華拳協 keeps a char or two of each word of 中華民國拳擊協會 and
    // stands in the article that names it in full, so the second article's 中華拳協 is the same
    // body; 緬甸政府 is whole words of 緬甸民族團結政府, a name of its own.
    let first = "中華民國拳擊協會週一發出聲明,中華拳協表示將提出申訴。\
                 緬甸民族團結政府譴責此事,緬甸政府則未回應。";
    let second = "中華拳協昨天再度發出聲明。";
    let (_, es, ms) = resolve(&Gazetteer::empty(), &[first, second]);
    let body = entity(&es, "中華民國拳擊協會");
    assert_eq!(body.kind, EntityKind::Organization);
    let index = entities::find(&es, "中華民國拳擊協會").unwrap();
    assert!(
        ms.iter().any(|m| m.article() == 1 && m.entity() == index),
        "the second article names it by its short form: {ms:?}"
    );
    let government = entity(&es, "緬甸民族團結政府");
    assert!(
        !government.aliases.iter().any(|a| a == "緬甸政府"),
        "{:?}",
        government.aliases
    );
}

/// Product models named by letters and digits, as tech news writes them. Invented names.
#[test]
fn a_model_written_in_letters_and_digits_is_a_product_where_the_text_says_so() {
    let article = "星河動力發布新機
星河動力週二發布旗艦手機Nova 9 Pro,並推出Nova X2折疊屏與Nova 9 Pro+平板。
業界指出,Nova9 Pro的銷量可望超過前代。G20峰會期間,COVID 19疫情與5G手機都是話題。
";
    let (_texts, es, _ms) = resolve(&Gazetteer::empty(), &[article]);
    let pro = entity(&es, "Nova 9 Pro");
    assert_eq!(pro.kind, EntityKind::Product);
    assert!(
        pro.is_called("Nova9 Pro"),
        "written with or without its spaces it is one product: {:?}",
        pro.aliases
    );
    assert_eq!(entity(&es, "Nova X2").kind, EntityKind::Product);
    let plus = entity(&es, "Nova 9 Pro+");
    assert_eq!(plus.kind, EntityKind::Product);
    assert_ne!(plus.id, pro.id, "the + model is another product");
    // A code with digits is no product unless the text says so, and a number is no model.
    for not_a_product in ["G20", "COVID 19", "5G"] {
        assert!(
            entities::find(&es, not_a_product).is_none(),
            "{not_a_product}: {:?}",
            es.iter().map(|e| &e.name).collect::<Vec<_>>()
        );
    }
}
