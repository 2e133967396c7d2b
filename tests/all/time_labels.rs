//! Every precision has an EDTF string and human labels in English and Chinese.

use chrono::NaiveDate;
use storyline::time::{edtf, label_en, label_zh, DateRange, Precision};

fn r(a: (i32, u32, u32), b: (i32, u32, u32), precision: Precision) -> DateRange {
    DateRange {
        start: NaiveDate::from_ymd_opt(a.0, a.1, a.2).unwrap(),
        end: NaiveDate::from_ymd_opt(b.0, b.1, b.2).unwrap(),
        precision,
    }
}

#[test]
fn labels_for_every_precision() {
    use Precision::*;
    let cases = [
        (
            r((2025, 6, 30), (2025, 6, 30), Day),
            "2025-06-30",
            "30 June 2025",
            "2025年6月30日",
        ),
        (
            r((2025, 6, 1), (2025, 6, 10), Xun),
            "2025-06-01/2025-06-10",
            "early June 2025",
            "2025年6月上旬",
        ),
        (
            r((2025, 6, 11), (2025, 6, 20), Xun),
            "2025-06-11/2025-06-20",
            "mid-June 2025",
            "2025年6月中旬",
        ),
        (
            r((2025, 2, 21), (2025, 2, 28), Xun),
            "2025-02-21/2025-02-28",
            "late February 2025",
            "2025年2月下旬",
        ),
        (
            r((2025, 6, 24), (2025, 6, 30), Xun),
            "2025-06-24/2025-06-30",
            "24–30 June 2025",
            "2025年6月24日至30日",
        ),
        (
            r((2025, 6, 30), (2025, 7, 6), Xun),
            "2025-06-30/2025-07-06",
            "30 June – 6 July 2025",
            "2025年6月30日至7月6日",
        ),
        (
            r((2025, 6, 1), (2025, 6, 30), Month),
            "2025-06",
            "June 2025",
            "2025年6月",
        ),
        (
            r((2025, 4, 1), (2025, 6, 30), Quarter),
            "2025-34",
            "Q2 2025",
            "2025年第二季度",
        ),
        (
            r((2025, 1, 1), (2025, 6, 30), Half),
            "2025-40",
            "first half of 2025",
            "2025年上半年",
        ),
        (
            r((2024, 7, 1), (2024, 12, 31), Half),
            "2024-41",
            "second half of 2024",
            "2024年下半年",
        ),
        (
            r((2026, 1, 1), (2026, 12, 31), Year),
            "2026",
            "2026",
            "2026年",
        ),
        (
            r((2025, 1, 1), (2025, 3, 31), Vague),
            "2025-01-01/2025-03-31",
            "early 2025",
            "2025年初",
        ),
        (
            r((2025, 5, 1), (2025, 8, 31), Vague),
            "2025-05-01/2025-08-31",
            "mid-2025",
            "2025年中",
        ),
        (
            r((2024, 10, 1), (2024, 12, 31), Vague),
            "2024-10-01/2024-12-31",
            "late 2024",
            "2024年底",
        ),
        (
            r((2025, 7, 5), (2025, 7, 15), Vague),
            "2025-07-05/2025-07-15",
            "c. 5–15 July 2025",
            "約2025年7月5日至15日",
        ),
        (
            r((2024, 12, 20), (2025, 1, 5), Vague),
            "2024-12-20/2025-01-05",
            "c. 20 December 2024 – 5 January 2025",
            "約2024年12月20日至2025年1月5日",
        ),
    ];
    for (range, e, en, zh) in cases {
        assert_eq!(edtf(&range), e);
        assert_eq!(label_en(&range), en);
        assert_eq!(label_zh(&range), zh);
    }
}
