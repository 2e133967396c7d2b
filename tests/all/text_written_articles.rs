//! Body extraction on pages written for these tests (never seen by the rules' author as real
//! pages), and on transformations of the real ones: the rules must be general.

use storyline::corpus::SourceFormat;
use storyline::text::{build, convert_script, ArticleText, CutReason, ScriptChoice};

fn report(t: &ArticleText) -> String {
    let f = crate::common::furniture_lines(t);
    format!("display:\n{}\nfurniture:\n{}", t.display, f.join("\n"))
}

fn check(t: &ArticleText, kept: &[&str], gone: &[&str]) {
    for p in kept {
        assert!(t.display.contains(p), "{p:?} should stay\n{}", report(t));
    }
    for p in gone {
        assert!(!t.display.contains(p), "{p:?} should go\n{}", report(t));
    }
}

const PORTAL: &str = "\
首页 > 财经 > 滚动新闻 > 正文

长江新材宣布在合肥建设第二座电池工厂

2024年3月2日 09:30:12
来源:江城晚报
分享到
128

3月1日消息,长江新材料股份有限公司周五宣布,将投资120亿元在合肥建设第二座电池工厂,预计2026年投产。公司董事长李明表示:“新工厂将使我们的产能翻一番。我们对市场有信心。”

公司去年营收同比增长35%,达到480亿元。分析人士认为,这一扩张计划符合行业趋势,但原材料价格波动仍是主要风险。

产能之争

业内人士指出,今年以来已有五家企业宣布扩产计划,总投资超过500亿元。激烈的竞争可能压低利润率,但也会推动技术进步。

责任编辑:王芳
12 条评论
热门文章
男子深夜独自登山迷路,救援队连夜搜救终于找到
晨曦说事
2024-03-02 08:11:05
这座小城的早餐,凭什么让游客排队两小时?
美食达人小周
2024-03-01 22:40:51
房价连续三个月下跌,专家:现在是买房好时机吗
财经观察家
2024-03-01 19:02:33
返回顶部
";

#[test]
fn simplified_portal_with_hot_news_sidebar() {
    let t = build(PORTAL, SourceFormat::Text);
    check(
        &t,
        &[
            "长江新材宣布在合肥建设第二座电池工厂",
            "3月1日消息",
            "产能之争",
            "但也会推动技术进步。",
            "“新工厂将使我们的产能翻一番。我们对市场有信心。”",
        ],
        &[
            "首页 >",
            "分享到",
            "128",
            "12 条评论",
            "热门文章",
            "男子深夜",
            "晨曦说事",
            "2024-03-01",
            "返回顶部",
        ],
    );
    assert_eq!(t.dateline_text(), Some("2024年3月2日 09:30:12"));
    assert_eq!(
        t.slice(t.title.unwrap()),
        "长江新材宣布在合肥建设第二座电池工厂"
    );
    // The quoted speech is one sentence with its speaker.
    let s = t
        .sentences
        .iter()
        .map(|s| t.slice(s))
        .find(|s| s.contains("李明"))
        .unwrap();
    assert!(s.ends_with("我们对市场有信心。”"), "{s}");
}

#[test]
fn the_sidebar_goes_even_without_a_header() {
    let page = PORTAL.replace("热门文章\n", "");
    let t = build(&page, SourceFormat::Text);
    check(
        &t,
        &["但也会推动技术进步。"],
        &["男子深夜", "晨曦说事", "房价连续三个月下跌", "2024-03-01"],
    );
}

const BLOG: &str = "\
科技隨筆

🔥 限時優惠 🔥
📱 下載App即享首月免費!

立即訂閱 ➜

台北新創「雲橋科技」完成B輪融資

雲橋科技今天宣布完成新台幣八億元的B輪融資,由兩家國際創投領投。執行長陳志明表示,資金將用於擴大東南亞市場,並在明年推出新一代的企業雲端服務。

這家成立於2019年的公司,目前員工約有二百人。陳志明說:「我們不急著上市,先把產品做好。」

我的看法

融資只是開始,能否在東南亞站穩腳步,要看在地團隊的執行力。我認為雲橋的策略方向正確,但挑戰不小。

🎁 加入會員抽獎,送你最新耳機!
👉 立即登記,名額有限
";

#[test]
fn traditional_blog_with_ads_top_and_bottom() {
    let t = build(BLOG, SourceFormat::Text);
    // The headline is the title, not the blog's name above it (too short to be a headline).
    assert_eq!(
        t.title.map(|s| t.slice(s)),
        Some("台北新創「雲橋科技」完成B輪融資")
    );
    check(
        &t,
        &[
            "台北新創「雲橋科技」完成B輪融資",
            "我的看法",
            "我認為雲橋的策略方向正確,但挑戰不小。",
            "「我們不急著上市,先把產品做好。」",
        ],
        &["限時優惠", "下載App", "立即訂閱", "抽獎", "立即登記"],
    );
    assert!(
        t.furniture
            .iter()
            .filter(|f| f.reason == CutReason::Promo)
            .count()
            >= 2
    );
}

const HTML: &str = r#"<!DOCTYPE html>
<html lang="zh-Hant"><head><meta charset="utf-8"><title>港鐵新線通車首日 乘客逾十萬人次</title>
<style>.nav{color:red}</style><script>var ads = "請點擊廣告";</script></head>
<body>
<nav class="nav"><a href="/">首頁</a> &gt; <a href="/news">新聞</a> &gt; <a href="/hk">本地</a></nav>
<div class="sidebar"><h3>熱門新聞</h3><ul>
<li><a href="/a1">颱風逼近 天文台考慮發出八號風球</a></li>
<li><a href="/a2">樓市回暖 二手成交創半年新高</a></li>
<li><a href="/a3">美食節周末開幕 入場人數料破紀錄</a></li>
</ul></div>
<article class="post-content">
<h1>港鐵新線通車首日 乘客逾十萬人次</h1>
<p>港鐵新線今日早上六時正式通車,首日乘客量超過十萬人次。不少市民一早到車站排隊,希望成為首批乘客。</p>
<p>港鐵公司發言人表示,新線全長十二公里,設有六個車站,由起點到終點只需十八分鐘。發言人又說:「我們會密切留意客量,按需要調整班次。」</p>
<p>有乘客表示,新線大大縮短了上班時間,每日可以節省約半小時。亦有居民擔心,車站附近的交通配套未能應付人流,希望政府盡快改善。</p>
<p>運輸署指出,已安排額外巴士接駁服務,並會在未來一個月檢討安排。</p>
</article>
<footer><p>版權所有 © 2024 某某新聞網</p><a href="/about">關於我們</a> | <a href="/contact">聯絡我們</a></footer>
</body></html>"#;

#[test]
fn html_page_keeps_article_text_only() {
    let t = build(HTML, SourceFormat::Html);
    check(
        &t,
        &[
            "港鐵新線通車首日 乘客逾十萬人次",
            "首日乘客量超過十萬人次。",
            "「我們會密切留意客量,按需要調整班次。」",
            "並會在未來一個月檢討安排。",
        ],
        &[
            "<",
            ">",
            "&gt;",
            "href",
            "var ads",
            "color:red",
            "颱風逼近",
            "樓市回暖",
            "版權所有",
            "聯絡我們",
        ],
    );
    // Offsets map into the HTML source: a display sentence's raw span holds the same words.
    let s = t
        .sentences
        .iter()
        .find(|s| t.slice(*s).contains("運輸署指出"))
        .unwrap();
    let raw = t.raw_slice(t.raw_span(s));
    assert!(
        raw.starts_with("運輸署指出") && raw.ends_with("檢討安排。"),
        "{raw}"
    );
    assert_eq!(t.folded().chars().count(), t.display.chars().count());
}

fn real(prefix: &str) -> String {
    crate::common::embedded_text(prefix)
}

#[test]
fn real_articles_in_the_other_script_lose_the_same_furniture() {
    let cases = ["000", "001", "002", "003", "004"]
        .into_iter()
        .flat_map(|p| [(p, ScriptChoice::Hans), (p, ScriptChoice::Hant)]);
    for (prefix, choice) in cases {
        let raw = real(prefix);
        let orig = build(&raw, SourceFormat::Text);
        let conv = build(&convert_script(&raw, choice), SourceFormat::Text);
        let reasons = |t: &ArticleText| {
            t.furniture
                .iter()
                .filter(|f| f.reason != CutReason::Pinyin)
                .map(|f| f.reason)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            reasons(&orig),
            reasons(&conv),
            "{prefix} in {choice:?}\n{}",
            report(&conv)
        );
        assert_eq!(orig.paragraphs.len(), conv.paragraphs.len(), "{prefix}");
        // Folding makes the two scripts one text: the same chars, char for char.
        let diff: Vec<(char, char)> = orig
            .folded()
            .chars()
            .zip(conv.folded().chars())
            .filter(|(a, b)| a != b)
            .collect();
        assert_eq!(
            orig.folded().chars().count(),
            conv.folded().chars().count(),
            "{prefix}"
        );
        assert!(diff.is_empty(), "{prefix} {choice:?}: {diff:?}");
    }
}
