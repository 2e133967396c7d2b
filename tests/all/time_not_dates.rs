//! Numbers that are not dates stay untagged: amounts, percentages, units, durations, model names,
//! versions, counts, phone-like numbers and impossible dates. The reference date is given, so
//! relative readings would show up if the scanner took them.

use chrono::NaiveDate;
use storyline::text::fold_str;
use storyline::time::tag;

const NOT_DATES: &[&str] = &[
    "Meta向Scale AI投資143億美元",
    "Meta向Scale AI投资143亿美元",
    "取得其49%股權",
    "電力規模逾5GW",
    "电力规模逾5GW",
    "裝機容量200兆瓦",
    "与Constellation Energy达成为期20年的核能协议",
    "與Constellation Energy達成為期20年的核能協議",
    "簽訂20年的協議",
    "24小時不間斷運作",
    "24小时不间断运作",
    "OpenAI發布GPT-4o模型",
    "Meta推出Llama 3.1",
    "Meta推出Llama 3.1 405B",
    "曾參與OpenAI o3和深度研究模型工作",
    "GPT-4.5與o3-mini",
    "輝達H100與A100晶片，RTX 5090顯卡",
    "公司有3,600名員工",
    "公司有3,600名员工",
    "約1,115億港元",
    "7,460萬美元",
    "查詢電話 2345 6789",
    "查询电话 852-2345-6789",
    "訂單號 20250717",
    "版本v2025",
    "Windows 2000系統",
    "2000人參加",
    "三個月內完成",
    "3個月內完成",
    "3日內完成",
    "3日前",
    "第3日",
    "每周一開會",
    "每週一開會",
    "在三年、五年或七年內成為現實",
    "在未來兩到三年內準備就緒",
    "未来几十年人类社会的底层结构",
    "2025年2月29日",
    "2025年6月31日",
    "0日",
    "32日",
    "13月",
    "1990年代的互聯網",
    "10年期國債",
    "前三季度",
    "第二季播出",
    "三周年紀念",
    "周年慶",
    "星期",
    "3.5億用戶",
    "2025.5",
    "比分 3/4",
    "5/2025",
    "MQ1型號",
    "Q5",
    "模型參數70B",
    "每日新聞",
    "數十年",
    "千年一遇",
    "十一五規劃",
    "1.2025",
];

#[test]
fn numbers_that_are_not_dates_stay_untagged() {
    let reference = NaiveDate::from_ymd_opt(2025, 7, 15);
    let mut wrong = Vec::new();
    for s in NOT_DATES {
        let found = tag(&fold_str(s), reference);
        if !found.is_empty() {
            wrong.push(format!("{s}: {found:?}"));
        }
    }
    assert!(wrong.is_empty(), "tagged as dates:\n{}", wrong.join("\n"));
}

#[test]
fn a_date_next_to_non_dates_is_still_found_alone() {
    let s = fold_str("2025年6月中旬，Meta以143億美元取得Scale AI 49%股權，為期20年。");
    let found = tag(&s, NaiveDate::from_ymd_opt(2025, 7, 15));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].span.start, found[0].span.end), (0, 9));
}
