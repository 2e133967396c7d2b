//! Publication dates: the datelines of the five real articles, a yearless agency dateline taking its
//! year from the body, inference from the body when there is no dateline (marked inferred, with a
//! basis), sidebars never taken for datelines, and a manifest date winning over everything.

use chrono::NaiveDate;
use storyline::corpus::{Corpus, ManifestEntry, SourceFormat};
use storyline::pipeline::Analysis;
use storyline::text;
use storyline::time::{self, reference, Precision, Published};

fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day)
}

fn publish(raw: &str, meta: &ManifestEntry) -> Published {
    let t = text::build(raw, SourceFormat::Text);
    let body = time::scan(&t.folded());
    reference::publication(meta, &t, &body)
}

fn of(a: &Analysis, prefix: &str) -> Published {
    a.articles
        .iter()
        .find(|x| x.raw.id.starts_with(prefix))
        .expect("article")
        .published
        .clone()
}

#[test]
fn the_five_articles_get_their_datelines() {
    let a = Analysis::run(&Corpus::embedded());
    let p = of(&a, "000");
    assert_eq!(
        (p.date, p.precision, p.inferred),
        (d(2025, 7, 18), Precision::Day, false),
        "{p:?}"
    );
    let p = of(&a, "001");
    assert_eq!(
        (p.date, p.precision, p.inferred),
        (d(2025, 7, 15), Precision::Day, false),
        "{p:?}"
    );
    assert!(p.basis.contains("7月15日"), "{p:?}");
    let p = of(&a, "002");
    assert_eq!(
        (p.date, p.precision, p.inferred),
        (d(2025, 7, 17), Precision::Day, false),
        "{p:?}"
    );
    let p = of(&a, "003");
    assert!(p.inferred, "003 has no date anywhere: {p:?}");
    assert!(p.date.is_none() || p.precision >= Precision::Month, "{p:?}");
    let p = of(&a, "004");
    assert!(p.inferred, "{p:?}");
    assert_eq!(
        p.date.map(|x| chrono::Datelike::year(&x)),
        Some(2025),
        "{p:?}"
    );
    assert!(p.basis.contains("2024年11月"), "{p:?}");
}

#[test]
fn relative_expressions_of_the_real_articles_resolve_against_their_datelines() {
    let a = Analysis::run(&Corpus::embedded());
    let art = a
        .articles
        .iter()
        .find(|x| x.raw.id.starts_with("001"))
        .unwrap();
    let monday = art
        .dates
        .iter()
        .find(|m| art.text.slice(m.span).ends_with("周一"))
        .expect("周一");
    assert_eq!(monday.range.start, d(2025, 7, 14).unwrap());
    let art = a
        .articles
        .iter()
        .find(|x| x.raw.id.starts_with("000"))
        .unwrap();
    let mid = art
        .dates
        .iter()
        .find(|m| art.text.slice(m.span) == "6月中旬")
        .expect("6月中旬");
    assert_eq!(
        (mid.range.start, mid.range.end),
        (d(2025, 6, 11).unwrap(), d(2025, 6, 20).unwrap())
    );
    assert_eq!(time::label_en(&mid.range), "mid-June 2025");
}

#[test]
fn a_manifest_date_wins() {
    let raw = "18/07/2025\n標題\n2024年11月，公司宣布。";
    for (s, date, precision) in [
        ("2025-07-20", d(2025, 7, 20), Precision::Day),
        ("2025-07", d(2025, 7, 1), Precision::Month),
        ("2025", d(2025, 1, 1), Precision::Year),
    ] {
        let meta = ManifestEntry {
            published: Some(s.into()),
            ..Default::default()
        };
        let p = publish(raw, &meta);
        assert_eq!(
            (p.date, p.precision, p.inferred, p.basis.as_str()),
            (date, precision, false, "manifest")
        );
    }
    let meta = ManifestEntry {
        published: Some("not a date".into()),
        ..Default::default()
    };
    assert_eq!(
        publish(raw, &meta).date,
        d(2025, 7, 18),
        "a bad manifest date falls back to the dateline"
    );
}

#[test]
fn a_yearless_agency_dateline_takes_the_body_year() {
    let raw = "科技新聞\n\n（記者 王明）3月2日電，某公司宣布裁員。\n該公司在2023年上市，2022年底營收大增，2023年1月擴張。";
    let p = publish(raw, &ManifestEntry::default());
    assert_eq!((p.date, p.inferred), (d(2023, 3, 2), false), "{p:?}");
}

#[test]
fn a_yearless_dateline_is_not_older_than_the_dated_past_it_cites() {
    let raw = "科技新聞\n1月5日消息，某公司宣布。\n該公司在2025年上市，2025年創辦人離職，2025年12月28日發布新品。";
    let p = publish(raw, &ManifestEntry::default());
    assert_eq!(p.date, d(2026, 1, 5), "{p:?}");
}

#[test]
fn a_report_cited_from_another_outlet_is_not_a_dateline() {
    // 據 X 4月13日報導 dates X's report; a company that 4月1日發布 something is a happening.
    for raw in [
        "標題\n據台灣媒體4月13日報導，某公司12日公布董事名單。該公司在2024年上市。",
        "標題\n記者報導\n某公司在4月1日發布事故摘要。2025年3月29日發生事故。",
    ] {
        let p = publish(raw, &ManifestEntry::default());
        assert!(p.inferred, "{raw}: {p:?}");
    }
}

#[test]
fn a_yearless_dateline_in_a_body_without_years_takes_the_year_of_a_floor() {
    // No year anywhere: the page alone leaves the year open. A floor (the latest happening that
    // dated articles about the same story place it after) settles it: the first such day on or
    // after the floor's month.
    let raw = "標題\n北京时间11月9日消息，某选手晋级决赛。\n她在年初的比赛中夺冠。";
    assert!(publish(raw, &ManifestEntry::default()).date.is_none());
    let t = text::build(raw, SourceFormat::Text);
    let body = time::scan(&t.folded());
    let p = reference::dateline_after(&t, &body, d(2024, 8, 5).unwrap()).expect("dateline");
    assert_eq!(
        (p.date, p.precision),
        (d(2024, 11, 9), Precision::Day),
        "{p:?}"
    );
    assert!(p.inferred, "{p:?}");
    let p = reference::dateline_after(&t, &body, d(2024, 11, 20).unwrap()).expect("dateline");
    assert_eq!(p.date, d(2024, 11, 9), "the floor's own month: {p:?}");
    let p = reference::dateline_after(&t, &body, d(2024, 12, 20).unwrap()).expect("dateline");
    assert_eq!(p.date, d(2025, 11, 9), "{p:?}");
}

#[test]
fn the_day_in_brackets_after_today_dates_an_inferred_page() {
    // Published after 2024-12-03 (the latest date cited), on a 2nd: 2025-01-02.
    let raw = "標題\n法新社今天(2日)報導，自從總統在2024年12月3日深夜宣布戒嚴以來，政局動盪。";
    let p = publish(raw, &ManifestEntry::default());
    assert_eq!(
        (p.date, p.precision),
        (d(2025, 1, 2), Precision::Day),
        "{p:?}"
    );
}

/// `raw`'s page is dated `page` to the day, and 今天 in it is read as `written`.
fn reads_today_as(raw: &str, page: Option<NaiveDate>, written: Option<NaiveDate>) {
    let p = publish(raw, &ManifestEntry::default());
    assert_eq!((p.date, p.precision), (page, Precision::Day), "{p:?}");
    assert_eq!(p.reference(), written, "{p:?}");
    let t = text::build(raw, SourceFormat::Text);
    let body = time::scan(&t.folded());
    let today = time::resolve_for(&body, &p)
        .into_iter()
        .find(|m| t.slice(m.span) == "今天")
        .expect("今天 is a date");
    assert_eq!(Some(today.range.start), written, "{p:?}");
}

#[test]
fn a_dispatch_filed_the_day_before_its_page_reads_today_as_the_dateline_day() {
    let raw = "女子拳擊摘金\n\n2024-08-11 05:43:00 / 中央社 /\n\n(中央社記者謝靜雯巴黎10日電)女子拳擊好手今天在金牌戰以5比0獲勝。";
    reads_today_as(raw, d(2024, 8, 11), d(2024, 8, 10));
    // Filed the same day as the page: nothing changes.
    reads_today_as(
        &raw.replace("巴黎10日電", "巴黎11日電"),
        d(2024, 8, 11),
        d(2024, 8, 11),
    );
}

#[test]
fn a_page_of_the_morning_after_reads_today_as_the_day_its_text_calls_today() {
    let raw = "系統大當機\n\n2024-07-20 08:10\n\n作業系統今(19)日傳出當機的重大災情。\n\n據瞭解，微軟今天回報服務出現中斷。";
    reads_today_as(raw, d(2024, 7, 20), d(2024, 7, 19));
    // A page of the same day as its 今(20)日 reads today as its own day.
    reads_today_as(
        &raw.replace("今(19)日", "今(20)日"),
        d(2024, 7, 20),
        d(2024, 7, 20),
    );
}

#[test]
fn a_dispatch_on_a_page_known_to_its_month_is_dated_by_its_dateline_day() {
    let raw = "(中央社記者北京23日電)新款手機昨天在中國大陸正式開賣,今天專賣店仍然人潮眾多。";
    let meta = ManifestEntry {
        url: Some("https://example.com/news/202309/a1.html".into()),
        ..ManifestEntry::default()
    };
    let p = publish(raw, &meta);
    assert_eq!(
        (p.date, p.precision),
        (d(2023, 9, 23), Precision::Day),
        "{p:?}"
    );
    // A day the month does not have leaves the month.
    let p = publish(&raw.replace("北京23日電", "北京31日電"), &meta);
    assert_eq!(
        (p.date, p.precision),
        (d(2023, 9, 1), Precision::Month),
        "{p:?}"
    );
}

#[test]
fn sidebar_dates_are_never_datelines() {
    let mut raw = String::from("某公司宣布重組\n2024年11月，公司宣布重組計劃，6月30日完成。\n");
    for _ in 0..40 {
        raw.push_str("相關新聞：另一家公司發布新品，市場反應熱烈，股價連日上漲。\n");
    }
    for _ in 0..5 {
        raw.push_str("2025-12-13 14:15:40\n");
    }
    let p = publish(&raw, &ManifestEntry::default());
    assert!(p.inferred, "{p:?}");
    assert_ne!(p.date, d(2025, 12, 13), "{p:?}");
}

#[test]
fn inference_from_the_body_reads_yearless_dates_after_a_dated_past() {
    let raw = "標題\n歐洲央行在2024年11月發表報告。當地時間6月30日，公司宣布重組。";
    let p = publish(raw, &ManifestEntry::default());
    assert!(p.inferred);
    assert_eq!(p.date, d(2025, 6, 30), "{p:?}");
    assert_eq!(p.precision, Precision::Month);
    assert!(
        p.basis.contains("6月30日") && p.basis.contains("2024年11月"),
        "{p:?}"
    );
    // With a bare day earlier than the latest yearless day, the publication month is the next one.
    let raw = "標題\n欧洲央行在2024年11月发表报告。当地时间6月30日，公司宣布重组。路透社2日报道。";
    let p = publish(raw, &ManifestEntry::default());
    assert_eq!(p.date, d(2025, 7, 2), "{p:?}");
}

#[test]
fn inference_with_only_dated_mentions_gives_the_latest() {
    let raw = "標題\n公司在2021年上市，2023年3月擴張，2022年虧損。";
    let p = publish(raw, &ManifestEntry::default());
    assert!(p.inferred);
    assert_eq!(p.date, d(2023, 3, 31), "{p:?}");
    assert_eq!(p.precision, Precision::Month);
}

#[test]
fn the_latest_day_cited_dates_a_page_that_names_its_weekday_with_today() {
    // Written for this test: 2024-09-24 was a Tuesday. Said with today and Tuesday, the latest
    // day cited is the page's; with another weekday, or without today, it is only a floor.
    let with = |weekday: &str, today: &str| {
        format!(
            "Title\nThe company's chief told lawmakers that it is still trying to earn back the \
             trust of its customers, and that a new system of checks now guards every update it \
             sends to the computers it protects.\n\
             The chief speaks at a hearing in Washington on September 24, 2024.\n\
             The company repeated its apology {today} at the hearing. Lawmakers questioned \
             him {weekday} afternoon over the outage in mid-July."
        )
    };
    let p = publish(&with("Tuesday", "today"), &ManifestEntry::default());
    assert_eq!(
        (p.date, p.precision, p.inferred),
        (d(2024, 9, 24), Precision::Day, true),
        "{p:?}"
    );
    for raw in [with("Friday", "today"), with("Tuesday", "again")] {
        let p = publish(&raw, &ManifestEntry::default());
        assert_eq!(p.precision, Precision::Month, "{raw}: {p:?}");
    }
}

#[test]
fn no_date_at_all_is_unknown_and_vague() {
    let raw = "標題\n今年初公司裁員，去年有三人離開，周一又有一人辭職。";
    let p = publish(raw, &ManifestEntry::default());
    assert_eq!(
        (p.date, p.precision, p.inferred),
        (None, Precision::Vague, true),
        "{p:?}"
    );
    // A reference learnt later (e.g. from the corpus) resolves the same scan.
    let t = text::build(raw, SourceFormat::Text);
    let body = time::scan(&t.folded());
    assert!(time::resolve(&body, None).is_empty());
    let later = Published::inferred(
        NaiveDate::from_ymd_opt(2025, 7, 15).unwrap(),
        Precision::Day,
        "corpus",
    );
    let dates = time::resolve(&body, later.date);
    assert_eq!(dates.len(), 3, "{dates:?}");
    assert_eq!(dates[2].range.start, d(2025, 7, 14).unwrap());
}

#[test]
fn the_page_address_dates_an_article_without_a_date_line() {
    use storyline::time::reference::from_url;
    let day = |u: &str| from_url(u).and_then(|p| p.date).map(|d| d.to_string());
    assert_eq!(
        day("https://www.cna.com.tw/news/afe/202404030012.aspx").as_deref(),
        Some("2024-04-03")
    );
    assert_eq!(
        day("https://news.example.com/2024/04/05/quake").as_deref(),
        Some("2024-04-05")
    );
    assert_eq!(
        day("https://example.com/a/2025-09-16/b.html").as_deref(),
        Some("2025-09-16")
    );
    assert_eq!(
        day("https://wantrich.chinatimes.com/news/20240229900525-420101").as_deref(),
        Some("2024-02-29")
    );
    assert_eq!(
        day("https://example.com/2024/0403/c1.html").as_deref(),
        Some("2024-04-03")
    );
    assert_eq!(
        day("https://www.example.com/a/202312/29/AP658e3f72.html").as_deref(),
        Some("2023-12-29")
    );
    // The month's folder, then an id opening with that month and its day.
    assert_eq!(
        day("https://news.example.tw/cna/world/202309/202309232231424.html").as_deref(),
        Some("2023-09-23")
    );
    let month = from_url("https://example.com/202309/202309992231424.html").unwrap();
    assert_eq!(month.precision, storyline::time::Precision::Month);
    // A time in microseconds or milliseconds as the id, read on Beijing time.
    assert_eq!(
        day("https://www.example.com/detail/1706537614129224.html").as_deref(),
        Some("2024-01-29")
    );
    assert_eq!(
        day("https://www.example.com/n/1706537614129").as_deref(),
        Some("2024-01-29")
    );
    // A 民國 date opening an id.
    assert_eq!(
        day("https://news.example.tw/news/11209290000300W").as_deref(),
        Some("2023-09-29")
    );
    // An id of a time's length from before the web's news archives is an id.
    assert_eq!(day("https://example.com/content-1024514651119012"), None);
    let month = from_url("https://example.com/202404/t123.html").unwrap();
    assert_eq!(month.precision, storyline::time::Precision::Month);
    // Ids, hosts and impossible dates are not dates.
    assert_eq!(day("https://www.ettoday.net/news/1234567"), None);
    assert_eq!(day("https://20240403.example.com/news/x"), None);
    assert_eq!(day("https://example.com/news/20241399"), None);
}

#[test]
fn a_yearless_dateline_before_the_whole_story_moves_to_the_story_s_year() {
    // Written for this test. The agency copy cites only an older year (2022年), so its own reading
    // is June 2022; the story's dated reports are from 2023, so it is June 2023.
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "a.txt",
        "發布時間:2023/01/10 09:00\n\n星河動力董事長柯文翰今日宣布辭職,董事會將於下月改選。\n",
    );
    write(
        "b.txt",
        "發布時間:2023/02/20 10:00\n\n星河動力董事會今日選出新任董事長。\n",
    );
    write(
        "c.txt",
        "新华社台北6月4日电 星河动力新任董事长今日出席股东会。该公司2022年曾获投资。\n",
    );
    let corpus = Corpus::open(dir.path()).unwrap();
    let a = Analysis::run(&corpus);
    let c = of(&a, "c");
    assert_eq!(c.date, d(2023, 6, 4), "{}", c.basis);
    assert!(!c.inferred);
    // A dateline already within the story's time stays where it is.
    assert_eq!(of(&a, "a").date, d(2023, 1, 10));
}

/// A story folder written for a test: each `(name, text)` pair is one article file.
fn analysed(files: &[(&str, &str)]) -> Analysis {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    Analysis::run(&Corpus::open(dir.path()).unwrap())
}

/// A story of two dated reports, `a` and `b`, and a page `c` to be dated by them.
fn two_dated_and_one(a: &str, b: &str, c: &str) -> Analysis {
    analysed(&[("a.txt", a), ("b.txt", b), ("c.txt", c)])
}

/// Page `c` of `a` is dated `date`, inferred, at `precision`.
fn inferred_at(a: &Analysis, date: Option<NaiveDate>, precision: Precision) {
    let c = of(a, "c");
    assert_eq!(c.date, date, "{}", c.basis);
    assert!(c.inferred, "{}", c.basis);
    assert_eq!(c.precision, precision, "{}", c.basis);
}

#[test]
fn yearless_dates_of_an_undated_page_fall_in_the_year_the_story_is_reported() {
    // Written for this test. The undated page names only a background year (2019年), which
    // would put its 9月12日 in 2019; the dated reports are of September 2023.
    let a = two_dated_and_one(
        "發布時間:2023/09/10 09:00\n\n星河手機9月8日開賣,首批售罄。\n",
        "發布時間:2023/09/20 10:00\n\n星河手機銷量9月18日突破百萬部。\n",
        "星河公司2019年被列入管制名單。該公司9月8日推出新手機,9月12日再推出平板。\n",
    );
    inferred_at(&a, d(2023, 9, 12), Precision::Month);
}

#[test]
fn yearless_dates_that_fit_two_years_of_the_story_equally_leave_the_year_open() {
    // Written for this test: the story was reported in September 2024 and again in September
    // 2025, so an undated page's 9月5日 alone cannot say which.
    let a = analysed(&[
        (
            "a.txt",
            "發布時間:2024/09/06 09:00\n\n法院9月5日裁定羈押。\n",
        ),
        (
            "b.txt",
            "發布時間:2025/09/06 09:00\n\n法院9月5日裁定交保。\n",
        ),
        ("c.txt", "他在2020年當選。法院9月5日再開庭。\n"),
    ]);
    let c = of(&a, "c");
    assert!(
        !c.basis
            .contains("in the year the story's dated articles place it"),
        "{}",
        c.basis
    );
}

#[test]
fn the_day_called_today_lies_nearest_the_placed_dates() {
    // Written for this test: 今(4)日 with a bout announced for 8月8日 (no future marker in its
    // clause) is the 4th of August, not of September.
    let a = two_dated_and_one(
        "發布時間:2024/08/03 09:00\n\n拳手8月2日晉級八強。\n",
        "發布時間:2024/08/13 09:00\n\n拳手8月10日奪得金牌。\n",
        "拳手在今(4)日晉級四強。她在8月2日晉級八強,準決賽於8月8日上午登場。\n",
    );
    let c = of(&a, "c");
    assert_eq!(c.date, d(2024, 8, 4), "{}", c.basis);
}

#[test]
fn a_page_dated_by_the_happenings_it_shares_takes_the_day_it_calls_today() {
    // Written for this test: the undated page tells no date but 今(4)日; the bout it tells is
    // dated 2 August by the dated reports, so its today is the 4th of August (not of July, read
    // back from the 2nd).
    let a = two_dated_and_one(
        "發布時間:2024/08/03 09:00\n\n拳手林郁婷8月2日擊敗史塔涅娃,晉級八強。\n",
        "發布時間:2024/08/05 09:00\n\n拳手林郁婷8月2日擊敗史塔涅娃,晉級八強。\n",
        "拳手林郁婷擊敗史塔涅娃,晉級八強。她在今(4)日受訪時說很開心。\n",
    );
    inferred_at(&a, d(2024, 8, 4), Precision::Day);
}

#[test]
fn a_day_counted_from_a_month_only_date_is_some_day_of_that_month() {
    let text = "今天全球多地傳出服務故障。7月19日的事件導致航班取消。";
    let t = text::build(text, SourceFormat::Text);
    let scanned = time::scan(&t.folded());
    let month = Published::inferred(d(2024, 7, 1).unwrap(), Precision::Month, "test");
    let dates = time::resolve_for(&scanned, &month);
    let today = dates.iter().find(|m| m.span.start == 0).expect("今天");
    assert_eq!(
        (today.range.start, today.range.end, today.range.precision),
        (
            d(2024, 7, 1).unwrap(),
            d(2024, 7, 31).unwrap(),
            Precision::Month
        ),
        "{today:?}"
    );
    // A calendar date keeps its day, and a day-precise publication keeps 今天 a day.
    assert!(dates
        .iter()
        .any(|m| m.range.start == d(2024, 7, 19).unwrap() && m.range.precision == Precision::Day));
    let day = Published::stated(d(2024, 7, 19).unwrap(), Precision::Day, "test");
    let today = time::resolve_for(&scanned, &day)[0].clone();
    assert_eq!(
        (today.range.start, today.range.end),
        (d(2024, 7, 19).unwrap(), d(2024, 7, 19).unwrap())
    );
}

#[test]
fn a_dated_day_later_than_every_yearless_date_is_the_latest_cited_but_a_bare_year_is_not() {
    let meta = ManifestEntry::default();
    let p = publish(
        "Senate hearing on the outage\n\nThe company is still trying to earn back the trust of its customers, lawmakers were told.\n\nLawmakers questioned the company about its update and the testing it had skipped before the release.\n\nThe executive spoke at the hearing on September 24, 2024. The outage began in mid-July and lasted days.\n",
        &meta,
    );
    assert!(p.inferred, "{p:?}");
    assert_eq!(
        (p.date.map(|x| chrono::Datelike::month(&x)), p.precision),
        (Some(9), Precision::Month),
        "{p:?}"
    );
    let p = publish(
        "小米交付量破十萬\n\n小米11月18日宣布交付量破十萬輛,2024年全年目標為13萬輛。\n",
        &meta,
    );
    assert_eq!(
        p.date.map(|x| chrono::Datelike::month(&x)),
        Some(11),
        "{p:?}"
    );
}

#[test]
fn an_article_keeps_only_the_head_of_its_file_and_reads_the_same_date_from_it() {
    let mut raw = String::from("星河科技新聞\n\n2024年3月2日 09:30:12\n\n");
    for k in 0..400 {
        raw.push_str(&format!(
            "第{k}段：星河科技表示，公司將於明年擴建工廠，並招聘更多工程師。\n\n"
        ));
    }
    let meta = ManifestEntry::default();
    let mut t = text::build(&raw, SourceFormat::Text);
    let body = time::scan(&t.folded());
    let before = reference::publication(&meta, &t, &body);
    let whole = t.raw.len();
    reference::keep_head(&mut t);
    assert!(
        t.raw.len() < whole / 4,
        "{} of {whole} bytes kept",
        t.raw.len()
    );
    assert_eq!(reference::publication(&meta, &t, &body), before);
    assert_eq!(before.date, d(2024, 3, 2), "{before:?}");
    assert_eq!(
        t.raw_hash,
        text::raw_hash(&raw),
        "the hash still tells the whole file"
    );
}

#[test]
fn a_page_dated_by_the_happenings_it_shares_is_written_weeks_before_the_plan_it_names() {
    // Written for this test: the undated page retells a January ruling and announces a trial
    // for 四月十四日. Months before that plan is not when it was written; the April report,
    // published before the plan, is nearer its time.
    let a = two_dated_and_one(
        "發布時間:2025/01/11 09:00\n\n法院1月10日裁定羈押尹大明(Daming Yin)。\n",
        "發布時間:2025/04/05 09:00\n\n法院1月10日裁定羈押尹大明(Daming Yin)。\n",
        "法院裁定羈押尹大明(Daming Yin)。法院四日裁定罷免尹大明。四月十四日,法院將對此案進行公審。\n",
    );
    inferred_at(&a, d(2025, 4, 1), Precision::Month);
}
