//! English date expressions resolve to the expected range and precision, with the same precision
//! model as the Chinese ones (`time_expressions`). Every row is a sentence written for this project;
//! the reference date is Tuesday 15 July 2025 unless the row gives another, and "none" rows must
//! yield no date at all.

use chrono::NaiveDate;
use storyline::text::fold_str;
use storyline::time::{tag, Precision};
use Precision::{Day as D, Half as H, Month as M, Quarter as Q, Vague as V, Xun as X, Year as Y};

/// (sentence, the expression's text, start, end, precision, reference or "" for 2025-07-15)
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Precision,
    &'static str,
);

const ROWS: &[Row] = &[
    (
        "Meta announced the lab on June 30, 2025.",
        "June 30, 2025",
        "2025-06-30",
        "2025-06-30",
        D,
        "",
    ),
    (
        "The deal closed on Jun. 30, 2025, people said.",
        "Jun. 30, 2025",
        "2025-06-30",
        "2025-06-30",
        D,
        "",
    ),
    (
        "The memo went out on 30 June 2025.",
        "30 June 2025",
        "2025-06-30",
        "2025-06-30",
        D,
        "",
    ),
    (
        "It was filed on the 1st of July, 2024.",
        "1st of July, 2024",
        "2024-07-01",
        "2024-07-01",
        D,
        "",
    ),
    (
        "Shares fell on March 3rd.",
        "March 3rd",
        "2025-03-03",
        "2025-03-03",
        D,
        "",
    ),
    (
        "The company said on July 2 that it would hire.",
        "July 2",
        "2025-07-02",
        "2025-07-02",
        D,
        "",
    ),
    (
        "He joined on 14 January.",
        "14 January",
        "2025-01-14",
        "2025-01-14",
        D,
        "",
    ),
    (
        "Sales began in September 2023.",
        "September 2023",
        "2023-09-01",
        "2023-09-30",
        M,
        "",
    ),
    (
        "The plant opened in Sept. 2021.",
        "Sept. 2021",
        "2021-09-01",
        "2021-09-30",
        M,
        "",
    ),
    (
        "Talks started in March.",
        "March",
        "2025-03-01",
        "2025-03-31",
        M,
        "",
    ),
    (
        "He has led the unit since February.",
        "February",
        "2025-02-01",
        "2025-02-28",
        M,
        "",
    ),
    (
        "The firm was founded in 2018.",
        "2018",
        "2018-01-01",
        "2018-12-31",
        Y,
        "",
    ),
    (
        "Losses have mounted since 2019.",
        "2019",
        "2019-01-01",
        "2019-12-31",
        Y,
        "",
    ),
    (
        "The rule takes effect by 2027.",
        "2027",
        "2027-01-01",
        "2027-12-31",
        Y,
        "",
    ),
    (
        "Hiring picked up in mid-June.",
        "mid-June",
        "2025-06-11",
        "2025-06-20",
        X,
        "",
    ),
    (
        "The talks began in early June.",
        "early June",
        "2025-06-01",
        "2025-06-10",
        X,
        "",
    ),
    (
        "Results are due in late October.",
        "late October",
        "2024-10-21",
        "2024-10-31",
        X,
        "",
    ),
    (
        "Shipments start in early 2026.",
        "early 2026",
        "2026-01-01",
        "2026-03-31",
        V,
        "",
    ),
    (
        "The model ships in mid-2025.",
        "mid-2025",
        "2025-05-01",
        "2025-08-31",
        V,
        "",
    ),
    (
        "Prometheus comes online in late 2026.",
        "late 2026",
        "2026-10-01",
        "2026-12-31",
        V,
        "",
    ),
    (
        "The review ends by the end of 2025.",
        "end of 2025",
        "2025-10-01",
        "2025-12-31",
        V,
        "",
    ),
    (
        "Work began at the start of 2024.",
        "start of 2024",
        "2024-01-01",
        "2024-03-31",
        V,
        "",
    ),
    (
        "It aims to finish by the end of the year.",
        "end of the year",
        "2025-10-01",
        "2025-12-31",
        V,
        "",
    ),
    (
        "Profits rose in the first half of 2024.",
        "first half of 2024",
        "2024-01-01",
        "2024-06-30",
        H,
        "",
    ),
    (
        "It will launch in the second half of next year.",
        "second half of next year",
        "2026-07-01",
        "2026-12-31",
        H,
        "",
    ),
    (
        "Revenue grew in the third quarter of 2024.",
        "third quarter of 2024",
        "2024-07-01",
        "2024-09-30",
        Q,
        "",
    ),
    (
        "The deal should close in Q3 2025.",
        "Q3 2025",
        "2025-07-01",
        "2025-09-30",
        Q,
        "",
    ),
    (
        "Growth slowed in the fourth quarter of last year.",
        "fourth quarter of last year",
        "2024-10-01",
        "2024-12-31",
        Q,
        "",
    ),
    (
        "Costs rose early this year.",
        "early this year",
        "2025-01-01",
        "2025-03-31",
        V,
        "",
    ),
    (
        "The company said today it would cut jobs.",
        "today",
        "2025-07-15",
        "2025-07-15",
        D,
        "",
    ),
    (
        "Reuters reported yesterday that talks stalled.",
        "yesterday",
        "2025-07-14",
        "2025-07-14",
        D,
        "",
    ),
    (
        "The board will meet tomorrow.",
        "tomorrow",
        "2025-07-16",
        "2025-07-16",
        D,
        "",
    ),
    (
        "The offer was made two days ago.",
        "two days ago",
        "2025-07-13",
        "2025-07-13",
        D,
        "",
    ),
    (
        "It resigned 3 days ago.",
        "3 days ago",
        "2025-07-12",
        "2025-07-12",
        D,
        "",
    ),
    (
        "The startup raised money on Monday.",
        "Monday",
        "2025-07-14",
        "2025-07-14",
        D,
        "",
    ),
    (
        "Zuckerberg wrote in a memo on Friday.",
        "Friday",
        "2025-07-11",
        "2025-07-11",
        D,
        "",
    ),
    (
        "The vote is set for next Tuesday.",
        "next Tuesday",
        "2025-07-22",
        "2025-07-22",
        D,
        "",
    ),
    (
        "He quit last Wednesday.",
        "last Wednesday",
        "2025-07-09",
        "2025-07-09",
        D,
        "",
    ),
    (
        "It will report on Thursday.",
        "Thursday",
        "2025-07-17",
        "2025-07-17",
        D,
        "",
    ),
    (
        "Shares dropped last week.",
        "last week",
        "2025-07-07",
        "2025-07-13",
        X,
        "",
    ),
    (
        "The deal may close next week.",
        "next week",
        "2025-07-21",
        "2025-07-27",
        X,
        "",
    ),
    (
        "Layoffs began this week.",
        "this week",
        "2025-07-14",
        "2025-07-20",
        X,
        "",
    ),
    (
        "Sales fell last month.",
        "last month",
        "2025-06-01",
        "2025-06-30",
        M,
        "",
    ),
    (
        "The chip ships next month.",
        "next month",
        "2025-08-01",
        "2025-08-31",
        M,
        "",
    ),
    (
        "Prices rose this month.",
        "this month",
        "2025-07-01",
        "2025-07-31",
        M,
        "",
    ),
    (
        "The lab was formed earlier this month.",
        "earlier this month",
        "2025-07-01",
        "2025-07-31",
        M,
        "",
    ),
    (
        "Profit doubled last year.",
        "last year",
        "2024-01-01",
        "2024-12-31",
        Y,
        "",
    ),
    (
        "The company will expand next year.",
        "next year",
        "2026-01-01",
        "2026-12-31",
        Y,
        "",
    ),
    (
        "Revenue grew this year.",
        "this year",
        "2025-01-01",
        "2025-12-31",
        Y,
        "",
    ),
    (
        "The unit was sold earlier this year.",
        "earlier this year",
        "2025-01-01",
        "2025-12-31",
        Y,
        "",
    ),
    (
        "He left the company a year ago.",
        "a year ago",
        "2024-01-01",
        "2024-12-31",
        Y,
        "",
    ),
    (
        "The plan was drafted two months ago.",
        "two months ago",
        "2025-05-01",
        "2025-05-31",
        M,
        "",
    ),
    (
        "The rival launched three weeks ago.",
        "three weeks ago",
        "2025-06-23",
        "2025-06-29",
        X,
        "",
    ),
    (
        "The firm will open a plant in March.",
        "March",
        "2026-03-01",
        "2026-03-31",
        M,
        "",
    ),
    (
        "Meta plans to open Prometheus in 2026.",
        "2026",
        "2026-01-01",
        "2026-12-31",
        Y,
        "",
    ),
    (
        "The bank said on Jan 5, 2024 that it sold the unit.",
        "Jan 5, 2024",
        "2024-01-05",
        "2024-01-05",
        D,
        "",
    ),
    (
        "The filing, dated December 12, 2023, shows losses.",
        "December 12, 2023",
        "2023-12-12",
        "2023-12-12",
        D,
        "",
    ),
    (
        "Beijing, April 24 (Reuters) - Nvidia said it would buy Run:ai.",
        "April 24",
        "2024-04-24",
        "2024-04-24",
        D,
        "2024-04-24",
    ),
    (
        "The company has 2025 employees worldwide.",
        "",
        "",
        "",
        D,
        "none",
    ),
    ("May I ask a question?", "", "", "", D, "none"),
    ("The new chip is 30 percent faster.", "", "", "", D, "none"),
    ("He plans to march on the capital.", "", "", "", D, "none"),
    (
        "Sun Microsystems was bought by Oracle.",
        "",
        "",
        "",
        D,
        "none",
    ),
    (
        "The agency said it may revise the figures.",
        "",
        "",
        "",
        D,
        "none",
    ),
    (
        "They scored 3 goals in the second half.",
        "",
        "",
        "",
        D,
        "none",
    ),
    ("Mark Zuckerberg is the CEO of Meta.", "", "", "", D, "none"),
    ("It sold 1 million units.", "", "", "", D, "none"),
    ("The end of an era for the company.", "", "", "", D, "none"),
];

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

#[test]
fn every_english_expression_resolves_as_expected() {
    let mut failures = Vec::new();
    for &(text, expr, start, end, precision, reference) in ROWS {
        let folded = fold_str(text);
        if reference == "none" {
            let found = tag(&folded, Some(date("2025-07-15")));
            if !found.is_empty() {
                failures.push(format!("{text} → want no date, got {found:?}"));
            }
            continue;
        }
        let reference = date(if reference.is_empty() {
            "2025-07-15"
        } else {
            reference
        });
        let chars: Vec<char> = folded.chars().collect();
        let found = tag(&folded, Some(reference));
        let want = fold_str(expr);
        let hit = found
            .iter()
            .find(|m| chars[m.span.start..m.span.end].iter().collect::<String>() == want);
        match hit {
            Some(m)
                if m.range.start == date(start)
                    && m.range.end == date(end)
                    && m.range.precision == precision => {}
            _ => failures.push(format!(
                "{text} → want {expr} {start}..{end} {precision:?}, got {found:?}"
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_english_table_covers_every_kind_of_expression() {
    assert!(ROWS.len() >= 60, "{} rows", ROWS.len());
    for p in [D, X, M, Q, H, Y, V] {
        assert!(ROWS.iter().any(|r| r.4 == p && r.5 != "none"), "{p:?}");
    }
}
