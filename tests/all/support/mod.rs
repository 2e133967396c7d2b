//! A timeline written for the export tests: every precision, an undated event, Chinese text with
//! commas, quotes, newlines, semicolons and Markdown/HTML characters, a title long enough to force
//! iCalendar folding inside multi-byte characters, conflicts, and two articles. Built directly as a
//! `TimelineView` so the renderers are tested independently of the pipeline.
#![allow(dead_code)]

use chrono::NaiveDate;
use storyline::entities::EntityKind;
use storyline::events::{Conflict, ConflictValue, Disputed, EventKind, Status};
use storyline::text::Script;
use storyline::time::{Precision, Published};
use storyline::timeline::{
    ArticleInfo, EntityInfo, EventDate, EventInfo, Filter, SourceRef, TimelineView, Title, SCHEMA,
};

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn article(id: &str, file: &str, title: &str, outlet: Option<&str>) -> ArticleInfo {
    ArticleInfo {
        id: id.into(),
        file: file.into(),
        title: title.into(),
        outlet: outlet.map(String::from),
        url: None,
        published: Published::stated(d("2025-07-02"), Precision::Day, "test"),
        published_label: "2 July 2025".into(),
        published_label_zh: "2025年7月2日".into(),
        script: Script::Hant,
        size: 1000,
        encoding: "UTF-8".into(),
        text: None,
    }
}

fn entity(id: &str, kind: EntityKind, name: &str, zh: &str) -> EntityInfo {
    EntityInfo {
        id: id.into(),
        kind,
        name: name.into(),
        name_zh: Some(zh.into()),
        aliases: vec![zh.into()],
        discovered: false,
        edited: false,
        mentions: vec![],
    }
}

pub fn date(
    start: &str,
    end: &str,
    precision: Precision,
    edtf: &str,
    label: &str,
    label_zh: &str,
) -> EventDate {
    EventDate {
        start: d(start),
        end: d(end),
        precision,
        edtf: edtf.into(),
        label: label.into(),
        label_zh: label_zh.into(),
    }
}

fn src(article: &str, start: usize, quote: &str) -> SourceRef {
    SourceRef {
        article: article.into(),
        start,
        end: start + quote.chars().count(),
        quote: quote.into(),
    }
}

#[allow(clippy::too_many_arguments)]
fn event(
    id: &str,
    kind: EventKind,
    status: Status,
    date: Option<EventDate>,
    zh: &str,
    en: Option<&str>,
    entities: &[&str],
    sources: Vec<SourceRef>,
) -> EventInfo {
    EventInfo {
        id: id.into(),
        kind,
        status,
        date,
        title: Title {
            zh: zh.into(),
            en: en.map(String::from),
        },
        entities: entities.iter().map(|s| s.to_string()).collect(),
        named: vec![],
        sources,
        conflicts: vec![],
        money: None,
        hidden: false,
        edited: vec![],
    }
}

/// A long Chinese title mixing one-, three- and four-byte characters so that 75-octet folds land
/// at every offset inside a character.
pub fn long_title() -> String {
    let mut s = String::from("超級智能實驗室");
    for i in 0..12 {
        s.push_str(&format!(
            "第{i}輪招攬：OpenAI、Anthropic與Google的研究員加盟，簽約獎金高達1億美元；"
        ));
        if i % 3 == 0 {
            s.push('𠀋'); // four bytes
        }
        s.push('a');
    }
    s
}

pub const TRICKY_QUOTE: &str = "據報道，Meta \"將以\" 143億美元; 收購 Scale AI 49%股權\\備註\n1. *星號* #井號 <script>alert('x')</script> & [鏈接](http://x)\n- 列表, 逗號";

/// The fixture: 9 events (8 dated, 1 undated), 3 entities, 2 articles.
pub fn view() -> TimelineView {
    let mut events = vec![
        // Listed out of chronological order on purpose: exports must sort.
        event(
            "ev-year",
            EventKind::Layoff,
            Status::Confirmed,
            Some(date(
                "2024-01-01",
                "2024-12-31",
                Precision::Year,
                "2024",
                "2024",
                "2024年",
            )),
            "Meta裁員",
            None,
            &["meta"],
            vec![src("a1", 300, "Meta去年裁員")],
        ),
        event(
            "ev-day",
            EventKind::Organization,
            Status::Confirmed,
            Some(date(
                "2025-06-30",
                "2025-06-30",
                Precision::Day,
                "2025-06-30",
                "30 June 2025",
                "2025年6月30日",
            )),
            "Meta宣布成立\"超級智能實驗室\",由汪滔領導",
            Some("Meta forms \"Superintelligence Labs\"; Wang, leads"),
            &["meta", "wang"],
            vec![
                src("a1", 10, "Meta宣布成立超級智能實驗室，由汪滔領導。"),
                src("a2", 20, TRICKY_QUOTE),
            ],
        ),
        event(
            "ev-xun",
            EventKind::Investment,
            Status::Reported,
            Some(date(
                "2025-06-11",
                "2025-06-20",
                Precision::Xun,
                "2025-06-11/2025-06-20",
                "mid-June 2025",
                "2025年6月中旬",
            )),
            "Meta投資Scale AI",
            Some("Meta invests US$14.3 billion in Scale AI for a 49% stake"),
            &["meta", "scale"],
            vec![src(
                "a2",
                0,
                "6月中旬，Meta以143億美元投資Scale AI，取得49%股權。",
            )],
        ),
        event(
            "ev-month",
            EventKind::Hire,
            Status::Rumoured,
            Some(date(
                "2025-07-01",
                "2025-07-31",
                Precision::Month,
                "2025-07",
                "July 2025",
                "2025年7月",
            )),
            "據傳Meta招攬研究員",
            None,
            &["meta"],
            vec![src("a1", 50, "據傳7月Meta再招攬多名研究員")],
        ),
        event(
            "ev-quarter",
            EventKind::Infrastructure,
            Status::Planned,
            Some(date(
                "2025-07-01",
                "2025-09-30",
                Precision::Quarter,
                "2025-21",
                "Q3 2025",
                "2025年第三季",
            )),
            "數據中心預計第三季啟用",
            Some("First data centre planned to open"),
            &["meta"],
            vec![src("a2", 90, "首個數據中心預計第三季投入運營")],
        ),
        event(
            "ev-vague",
            EventKind::Product,
            Status::Reported,
            Some(date(
                "2023-01-01",
                "2025-12-31",
                Precision::Vague,
                "2023/2025",
                "in recent years",
                "近年",
            )),
            "近年模型表現不佳",
            None,
            &[],
            vec![src("a1", 120, "近年Llama模型表現不佳")],
        ),
        event(
            "ev-undated",
            EventKind::Statement,
            Status::Reported,
            None,
            "OpenAI回應挖角",
            Some("OpenAI responds"),
            &["openai-unknown-id"],
            vec![src("a2", 200, "OpenAI高層回應稱「有人闖進我們家」")],
        ),
        event(
            "ev-long",
            EventKind::Compensation,
            Status::Reported,
            Some(date(
                "2025-06-30",
                "2025-06-30",
                Precision::Day,
                "2025-06-30",
                "30 June 2025",
                "2025年6月30日",
            )),
            &long_title(),
            None,
            &["wang", "meta", "scale"],
            vec![src("a1", 400, &long_title())],
        ),
        event(
            "ev-newyear",
            EventKind::Agreement,
            Status::Confirmed,
            Some(date(
                "2025-12-31",
                "2025-12-31",
                Precision::Day,
                "2025-12-31",
                "31 December 2025",
                "2025年12月31日",
            )),
            "協議於年底簽署",
            None,
            &["scale"],
            vec![src("a2", 500, "協議於12月31日簽署")],
        ),
    ];
    events[2].money = Some("US$14.3 billion".into());
    events[1].conflicts = vec![Conflict {
        field: Disputed::Date,
        values: vec![
            ConflictValue {
                value: "2025-06-30".into(),
                articles: vec!["a1".into()],
            },
            ConflictValue {
                value: "2025-07-01".into(),
                articles: vec!["a2".into()],
            },
        ],
    }];
    TimelineView {
        schema: SCHEMA.into(),
        generated: "2026-11-27T09:30:00+08:00".into(),
        filter: Filter::default(),
        articles: vec![
            article(
                "a1",
                "000_first.txt",
                "Meta成立超級智能實驗室",
                Some("經濟日報"),
            ),
            article("a2", "001_second.txt", "祖克柏大手筆, 挖角AI人才", None),
        ],
        entities: vec![
            entity("meta", EntityKind::Organization, "Meta", "Meta"),
            entity("wang", EntityKind::Person, "Alexandr Wang", "汪滔"),
            entity("scale", EntityKind::Organization, "Scale AI", "Scale AI"),
        ],
        events,
    }
}

/// Ids of the fixture's dated events.
pub fn dated_ids(v: &TimelineView) -> Vec<String> {
    v.events
        .iter()
        .filter(|e| e.date.is_some())
        .map(|e| e.id.clone())
        .collect()
}
