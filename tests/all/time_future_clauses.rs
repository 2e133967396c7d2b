//! A mention is marked future when its clause says so (預計, 將於, 計劃, 有望, 擬, 將 + verb), in either
//! script, and not otherwise; a date after the reference is future as well.

use chrono::NaiveDate;
use storyline::text::fold_str;
use storyline::time::tag;

const CASES: &[(&str, bool)] = &[
    ("數據中心將於2026年投入運營。", true),
    ("数据中心将于2026年投入运营。", true),
    ("預計2026年啟用，電力規模逾1GW。", true),
    ("预计2026年启用，电力规模逾1GW。", true),
    ("該公司計劃在2025年3月推出新品。", true),
    ("该公司计划在2025年3月推出新品。", true),
    ("公司有望在2025年5月扭虧。", true),
    ("公司擬於2025年6月1日舉行股東大會。", true),
    ("公司拟于2025年6月1日举行股东大会。", true),
    ("他將在2025年7月加入Meta。", true),
    ("2025年5月，數據中心將投入運營。", true),
    ("2025年6月30日，Meta宣布成立實驗室。", false),
    (
        "2025年6月30日，Meta执行长对内宣布，成立实验室，拟组建团队。",
        false,
    ),
    ("Jason Wei在2023年加入OpenAI。", false),
    ("模擬2024年的情況。", false),
    ("虚拟2024年的场景。", false),
    ("美國時間周一，Meta宣布重組。", false),
    ("將公司2024年的所有AI業務納入新部門。", false),
];

#[test]
fn future_follows_the_clause() {
    let reference = NaiveDate::from_ymd_opt(2025, 7, 15);
    let mut wrong = Vec::new();
    for &(s, want) in CASES {
        let found = tag(&fold_str(s), reference);
        match found.first() {
            Some(m) if m.future == want => {}
            _ => wrong.push(format!("{s}: want future={want}, got {found:?}")),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_date_after_the_reference_is_future_without_a_marker() {
    let found = tag(
        &fold_str("2026年，新園區啟用。"),
        NaiveDate::from_ymd_opt(2025, 7, 15),
    );
    assert!(found[0].future);
    let found = tag(&fold_str("2026年，新園區啟用。"), None);
    assert!(
        !found[0].future,
        "without a reference only the clause decides"
    );
}
