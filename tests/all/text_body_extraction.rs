//! Body extraction on the five real articles: page furniture goes, every part of the article stays.

use storyline::corpus::{Corpus, SourceFormat};
use storyline::text::{build, ArticleText, CutReason};

fn article(prefix: &str) -> ArticleText {
    let corpus = Corpus::embedded();
    let raw = corpus
        .articles
        .iter()
        .find(|a| a.id.starts_with(prefix))
        .unwrap_or_else(|| panic!("article {prefix} is embedded"));
    build(&raw.text, SourceFormat::Text)
}

fn furniture_report(t: &ArticleText) -> String {
    crate::common::furniture_lines(t).join("\n")
}

fn assert_kept(t: &ArticleText, phrases: &[&str]) {
    for p in phrases {
        assert!(
            t.display.contains(p),
            "{p:?} should stay in the display text; furniture:\n{}",
            furniture_report(t)
        );
    }
}

fn assert_gone(t: &ArticleText, phrases: &[&str]) {
    for p in phrases {
        assert!(
            !t.display.contains(p),
            "{p:?} should be gone from the display text; furniture:\n{}",
            furniture_report(t)
        );
    }
}

fn has_furniture(t: &ArticleText, reason: &str, phrase: &str) -> bool {
    t.furniture
        .iter()
        .any(|f| f.reason.name() == reason && t.raw_slice(f.raw).contains(phrase))
}

#[test]
fn hk_finance_portal_loses_read_more_and_promo_keeps_subheadings_and_captions() {
    let t = article("000");
    assert_gone(
        &t,
        &[
            "Read More",
            "Meta AI開源逆襲",
            "後ChatGPT時代來臨",
            "送禮活動",
            "Like etnet",
            "18/07/2025",
        ],
    );
    assert_kept(
        &t,
        &[
            "注資Scale AI換取汪滔加盟",
            "豪擲2億美元挖蘋果AI高層",
            "轉向閉源策略謀取更大利潤?",
            "(圖片來源:X.com@alexandr_wang帳戶)",
            "2025年6月30日,Meta執行長朱克伯格對內宣布",
            "造成實質性的影響。",
        ],
    );
    let title = t.title.expect("000 has a title");
    assert!(t.slice(title).starts_with("朱克伯格豪賭AI!"));
    assert_eq!(t.dateline_text(), Some("18/07/2025"));
    assert!(has_furniture(&t, "dateline", "18/07/2025"));
}

#[test]
fn mainland_portal_loses_breadcrumb_widgets_and_whole_sidebar() {
    let t = article("001");
    assert_gone(
        &t,
        &[
            "网易首页",
            "分享至",
            "核心提示",
            "延伸阅读",
            "相关推荐",
            "热点推荐",
            "蒋万安",
            "策略述",
            "2025-12-1",
            "科技要闻",
            "无障碍浏览",
            "×",
        ],
    );
    assert!(
        !t.paragraphs.iter().any(|p| t.slice(p) == "0"),
        "the share counter is gone"
    );
    assert_kept(
        &t,
        &[
            "高调挖人后,扎克伯格又出重拳",
            "01 Meta首席执行官扎克伯格宣布",
            "7月15日消息,在发动了一场AI史上最激进的",
            "危机催生的战略:Llama 4失败后的反思",
            "时间,终将给出答案。(小小)",
        ],
    );
    assert!(has_furniture(&t, "breadcrumb", "网易首页"));
    assert!(has_furniture(&t, "sidebar", "延伸阅读"));
    assert!(t.display.ends_with("时间,终将给出答案。(小小)"));
}

#[test]
fn content_farm_loses_breadcrumb_counters_and_comment_widget_keeps_bullets() {
    let t = article("002");
    assert_gone(&t, &["当前位置", "发表评论", "摘要:"]);
    assert!(!t
        .paragraphs
        .iter()
        .any(|p| matches!(t.slice(p), "9" | "1" | "• 9" | "• 1")));
    assert_kept(
        &t,
        &[
            "• 將計算能力與人才密集型團隊結郃",
            "• 盡可能多的GPU:最好一個人就能控制上萬塊H100;",
            "一、等你有了1萬塊H100 GPU再來找我",
            "Meta超級智能團隊部分成員,圖片來自:aim.media.house",
            "但它罕見地呈現了一個真實的判斷",
        ],
    );
    // The title appears once: later copies were image alt text.
    assert_eq!(t.display.matches("老虎機:OpenAI大腿又被挖").count(), 1);
    assert_eq!(t.dateline_text(), Some("• 2025-07-17 07:13:09"));
    let head = t.head_lines(4);
    assert_eq!(
        head.iter().map(|h| h.1).collect::<Vec<_>>(),
        vec![
            "当前位置:首页 > 9 > 正文",
            "老虎機:OpenAI大腿又被挖,Meta如此豪賭究竟圖什麽?",
            "• 9",
            "• 2025-07-17 07:13:09"
        ]
    );
    assert_eq!(t.raw_slice(head[3].0), "• 2025-07-17 07:13:09");
}

#[test]
fn blog_loses_lottery_and_subscription_ads_keeps_news_list_and_opinion() {
    let t = article("003");
    assert_gone(
        &t,
        &[
            "六合彩",
            "Instagram",
            "頭獎",
            "示意圖",
            "YouTube Premium",
            "立即升級",
            "無需轉區",
        ],
    );
    assert_kept(
        &t,
        &[
            "錢唔夠!Zuckerberg招攬AI頂尖人才遇阻礙",
            "馬克·祖克伯格面臨AI人才困境",
            "其他AI動態快訊",
            "– 迪士尼和環球影業聯手控告AI圖像生成器Midjourney",
            "我的觀點與評論",
            "香港和亞洲市場亦應關注這些國際動態",
        ],
    );
    assert!(
        t.furniture
            .iter()
            .filter(|f| f.reason == CutReason::Promo)
            .count()
            >= 2,
        "ads top and bottom"
    );
}

#[test]
fn agency_page_loses_slogan_and_pinyin() {
    let t = article("004");
    assert_gone(
        &t,
        &["我們擅長", "歡迎瀏覽", "(cháng)", "(lǐng)", "(chuàng )"],
    );
    assert_kept(
        &t,
        &[
            "“人工智能(AI)領域的霸主之爭從未如此激烈。”",
            "初創公司Scale AI",
            "角逐AI高地",
        ],
    );
    assert!(t.display.starts_with("“人工智能(AI)領域"));
    // A stripped annotation maps back: the display char after 領 sits past `(lǐng)` in the raw text.
    let at = t.display.chars().position(|c| c == '領').unwrap();
    let raw_next: String = t.raw.chars().skip(t.to_raw.get(at + 1)).take(1).collect();
    assert_eq!(raw_next, "域");
    assert!(
        t.furniture
            .iter()
            .filter(|f| f.reason == CutReason::Pinyin)
            .count()
            > 50
    );
}

/// Pages built to be slow (their time per MB is in `benches/hostile.rs`) still give their text:
/// too deep or too many elements to score, they are read with the tags dropped.
#[test]
fn pages_built_to_be_slow_still_give_their_text() {
    let nested = format!(
        "<html><body>{}<p>深處的文字，2024年3月1日。</p>{}</body></html>",
        "<div>".repeat(20_000),
        "</div>".repeat(20_000)
    );
    let t = storyline::text::build(&nested, storyline::corpus::SourceFormat::Html);
    assert!(t.display.contains("深處的文字"), "{:?}", t.display);
    let styles = format!(
        "<html><body><p>正文，2024年3月1日。</p>{}<p>結尾</p></body></html>",
        "<style>x{}".repeat(80_000)
    );
    let t = storyline::text::build(&styles, storyline::corpus::SourceFormat::Html);
    assert!(
        t.display.contains("正文"),
        "{}",
        t.display.chars().take(60).collect::<String>()
    );
}

#[test]
fn an_english_page_loses_its_notices_and_labels_and_keeps_its_headline() {
    // Written for this test, in the shape of an English business site's page.
    let page = "BETA
This is a BETA experience. You may opt-out by clicking here
More From Orbis
Edit Story
Orbisk Appoints A New Chief Executive After A Difficult Year
Following
Updated Mar 4, 2025, 01:13pm EST
Warehouse robot maker Orbisk said on Monday it had appointed Lena Marsh as chief executive, replacing its founder. The company laid off 40 workers last year after orders fell.
Marsh, who ran logistics at a rival, said she would focus on the company's largest customers. She starts in April, according to a statement.
In This Story
We may earn a commission from links on this page.
";
    let t = build(page, SourceFormat::Text);
    assert_gone(
        &t,
        &[
            "BETA",
            "opt-out",
            "More From",
            "Edit Story",
            "Following",
            "In This Story",
            "commission",
        ],
    );
    assert_kept(
        &t,
        &[
            "Orbisk Appoints A New Chief Executive",
            "Warehouse robot maker Orbisk",
            "She starts in April",
        ],
    );
    let title = t.title.map(|s| t.slice(s));
    assert_eq!(
        title,
        Some("Orbisk Appoints A New Chief Executive After A Difficult Year")
    );
}

#[test]
fn a_line_of_several_widget_labels_is_no_title() {
    let raw = "正文内容 评论(0\n\n星河科技致蓝鲸数据系统当机!预计全球850万台设备受影响\n\n快科技7月21日消息,星河科技一次失败的软件更新导致全球无数设备蓝屏崩溃,成为史上最严重的故障之一。\n\n星河科技表示,尽管软件更新偶尔可能会引起干扰,但这样的重大事件并不经常发生。\n";
    let t = build(raw, SourceFormat::Text);
    let title = t.title.map(|s| t.slice(s).to_string());
    assert_eq!(
        title.as_deref(),
        Some("星河科技致蓝鲸数据系统当机!预计全球850万台设备受影响")
    );
}
