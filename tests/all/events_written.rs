//! Articles written for these tests, about companies and people no gazetteer knows: the pipeline
//! must build their timeline from the text alone, in either script and with any years.

use crate::common;

use common::*;
use storyline::events::{EventKind, Status};
use storyline::text::{convert_script, ScriptChoice};
use storyline::timeline::{Filter, TimelineView};

const ARTICLE: &str = "星河科技收购蓝鲸数据
2024年3月5日，星河科技(Galaxy Tech)首席执行官林晓峰(Xiaofeng Lin)宣布，公司以12亿美元收购初创企业蓝鲸数据(Bluewhale Data)40%股权。
据路透社报道，蓝鲸数据创始人周明(Ming Zhou)将加入星河科技，出任首席科学家。
星河科技预计2025年启用位于成都的新数据中心。
去年11月，星河科技曾裁员约800人。
";

fn view_of(text: &str) -> TimelineView {
    let (_dir, lib) = library_of(&[("galaxy.txt".to_string(), text.to_string())]);
    lib.timeline(&Filter::default()).unwrap()
}

fn kinds(view: &TimelineView) -> Vec<(EventKind, Status, String)> {
    let mut v: Vec<_> = view
        .events
        .iter()
        .map(|e| {
            (
                e.kind,
                e.status,
                e.date.as_ref().map(|d| d.edtf.clone()).unwrap_or_default(),
            )
        })
        .collect();
    v.sort();
    v
}

/// Whether something was announced or said on `day` (an EDTF day).
fn said_on(kinds: &[(EventKind, Status, String)], day: &str) -> bool {
    kinds.iter().any(|(kind, _, d)| {
        matches!(kind, EventKind::Announcement | EventKind::Statement) && d == day
    })
}

/// Whether an event of `kind` is there, on `day` (an EDTF date) when one is given.
fn has(kinds: &[(EventKind, Status, String)], kind: EventKind, day: Option<&str>) -> bool {
    kinds
        .iter()
        .any(|(k, _, d)| *k == kind && day.is_none_or(|day| d == day))
}

#[test]
fn an_unseen_story_gets_its_deal_hire_plan_and_layoff() {
    let view = view_of(ARTICLE);
    let deal = view
        .events
        .iter()
        .find(|e| e.kind == EventKind::Investment)
        .expect("the acquisition");
    assert_eq!(deal.date.as_ref().unwrap().edtf, "2024-03-05");
    assert_eq!(deal.money.as_deref(), Some("US$1.2 billion"));
    assert_eq!(
        deal.title.en.as_deref(),
        Some("Galaxy Tech invests US$1.2 billion in Bluewhale Data for a 40% stake")
    );
    let hire = view
        .events
        .iter()
        .find(|e| e.kind == EventKind::Hire)
        .expect("the hire");
    assert_eq!(
        hire.status,
        Status::Reported,
        "据路透社报道 makes it reported"
    );
    let plan = view
        .events
        .iter()
        .find(|e| e.kind == EventKind::Infrastructure)
        .expect("the data centre");
    assert_eq!(plan.status, Status::Planned);
    assert_eq!(plan.date.as_ref().unwrap().edtf, "2025");
    let layoff = view
        .events
        .iter()
        .find(|e| e.kind == EventKind::Layoff)
        .expect("the layoff");
    assert_eq!(
        layoff.date.as_ref().unwrap().edtf,
        "2023-11",
        "去年11月 from a 2024 article"
    );
    // The outlet is a source of the report, never an actor.
    let reuters: Vec<_> = view
        .entities
        .iter()
        .filter(|e| e.name == "Reuters")
        .map(|e| e.id.clone())
        .collect();
    assert!(view
        .events
        .iter()
        .all(|e| reuters.iter().all(|r| !e.entities.contains(r))));
}

#[test]
fn the_same_story_in_traditional_script_gives_the_same_timeline() {
    let traditional = convert_script(ARTICLE, ScriptChoice::Hant);
    assert_ne!(traditional, ARTICLE);
    assert_eq!(kinds(&view_of(&traditional)), kinds(&view_of(ARTICLE)));
}

#[test]
fn the_same_story_twelve_years_later_moves_every_date() {
    let later = view_of(&move_years(ARTICLE, 28));
    let shifted: Vec<_> = kinds(&view_of(ARTICLE))
        .into_iter()
        .map(|(k, s, d)| (k, s, move_years(&d, 28)))
        .collect();
    assert_eq!(kinds(&later), shifted);
}

#[test]
fn speculation_and_comparisons_are_not_events() {
    let text = "分析师认为，如果星河科技收购蓝鲸数据(Bluewhale Data)，股价可能上涨。\n这个金额比星河科技(Galaxy Tech)2023年的年薪还要高。\n星河科技会否裁员？\n";
    let view = view_of(text);
    assert!(
        view.events.is_empty(),
        "{:#?}",
        view.events.iter().map(|e| &e.title.zh).collect::<Vec<_>>()
    );
}

#[test]
fn a_chronicle_line_without_a_date_lies_between_the_dated_lines_around_it() {
    // Written for this test: a chronicle whose lines open with their day, and one line that
    // opens with none and says 上週 of an earlier happening.
    let chronicle = "星河風波大事記
2024年12月3日晚間,星河科技董事長林曉峰宣布辭職。
星河科技董事會5日宣布,任命周明為代理董事長。
星河科技8日宣布裁員約800人。
9日,檢方搜查星河科技位於台北的總部。
星河科技前財務長因上週的帳目爭議被檢方拘留。
13日,台北地方法院批准逮捕前董事長林曉峰。
";
    let view = view_of(chronicle);
    let detained = view
        .events
        .iter()
        .find(|e| e.sources.iter().any(|s| s.quote.contains("拘留")))
        .expect("the detention is an event");
    let date = detained.date.as_ref().expect("dated");
    // Between the lines of the 9th and the 13th, not the week before the publication.
    assert!(
        date.start.to_string().as_str() >= "2024-12-09"
            && date.end.to_string().as_str() <= "2024-12-13",
        "{date:?}"
    );
}

#[test]
fn a_product_happening_whose_maker_the_sentence_before_names_is_an_event() {
    // Written for this test: the second sentence names no company; the first one's is its maker.
    let view = view_of(
        "星河科技新手機開賣
2024年8月30日,星河科技在北京發布新款手機。首批現機8月29日推出後幾乎立刻售罄。
",
    );
    let sold_out = view
        .events
        .iter()
        .find(|e| e.sources.iter().any(|s| s.quote.contains("售罄")))
        .expect("the sell-out is an event");
    assert_eq!(sold_out.kind, EventKind::Product);
    assert_eq!(sold_out.date.as_ref().unwrap().edtf, "2024-08-29");
}

#[test]
fn a_happening_given_as_a_cause_does_not_name_the_clause() {
    // 因…而: the outage is why the company apologises; the apology is the happening. 因此 opens
    // no cause: what follows it is the happening.
    let view = view_of(
        "星河科技致歉\n2024年7月19日，星河科技因軟體故障而公開道歉。\n2024年7月20日，星河科技伺服器再度故障，因此多家銀行系統當機。\n",
    );
    let k = kinds(&view);
    assert!(
        k.contains(&(
            EventKind::Announcement,
            Status::Confirmed,
            "2024-07-19".into()
        )),
        "{k:?}"
    );
    assert!(
        k.contains(&(EventKind::Disaster, Status::Confirmed, "2024-07-20".into())),
        "{k:?}"
    );
}

#[test]
fn a_clause_with_a_date_of_its_own_after_a_dated_one_is_a_happening_of_its_own() {
    let view = view_of(
        "星河協會失去認證\n2025年3月5日報導，星河協會在2016年遭到蓝鲸联盟停權，2023年被蓝鲸联盟取消認證。\n",
    );
    let dates: Vec<String> = view
        .events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Dismissal | EventKind::Regulation))
        .filter_map(|e| e.date.as_ref().map(|d| d.edtf.clone()))
        .collect();
    assert!(
        dates.contains(&"2016".to_string()) && dates.contains(&"2023".to_string()),
        "{dates:?}"
    );
}

#[test]
fn an_organisation_naming_whose_officer_acts_is_not_the_subject() {
    let view = view_of(
        "蓝鲸案抗告\n2024年9月6日\n蓝鲸党前主席周明等4名在押被告,不满地院裁定羁押,今日提起抗告。\n",
    );
    let appeal = view
        .events
        .iter()
        .find(|e| e.kind == EventKind::Lawsuit)
        .expect("the appeal");
    let first = view
        .entities
        .iter()
        .find(|x| Some(&x.id) == appeal.entities.first())
        .expect("an actor");
    assert_eq!(first.name, "周明", "{:?}", appeal.entities);
}

#[test]
fn a_bare_day_later_than_the_latest_date_an_undated_article_cites_is_of_an_earlier_month() {
    // The undated article shares no happening with the dated one: only its yearless dates place
    // it, at the latest it cites (1月2號), and its 29日 is December's.
    let (_dir, lib) = library_of(&[
        (
            "dated.txt".to_string(),
            "蓝鲸党開會\n2025年1月13日\n蓝鲸党1月10日召開全國代表大會。\n".to_string(),
        ),
        (
            "undated.txt".to_string(),
            "周明交保後做了兩件事\n12月26號,地檢署起訴周明,求處重刑。起訴書長達三百頁,列出多項罪名與證據,辯護律師團隊表示將逐條回應,並要求法院儘速安排準備程序庭,以利釐清爭點。\n辯護律師團隊表示將逐條回應起訴書所列的每一項罪名,並要求法院儘速安排準備程序庭,以利釐清爭點。辯護律師團隊表示將逐條回應起訴書所列的每一項罪名,並要求法院儘速安排準備程序庭,以利釐清爭點。辯護律師團隊表示將逐條回應起訴書所列的每一項罪名,並要求法院儘速安排準備程序庭,以利釐清爭點。辯護律師團隊表示將逐條回應起訴書所列的每一項罪名,並要求法院儘速安排準備程序庭,以利釐清爭點。\n周明在29日交保后,到醫院探望父親。1月2號,周明主持記者會。\n".to_string(),
        ),
    ]);
    let view = lib.timeline(&Filter::default()).unwrap();
    let bail = view
        .events
        .iter()
        .find(|e| e.kind == EventKind::Bail)
        .expect("the bail");
    assert_eq!(
        bail.date.as_ref().map(|d| d.edtf.as_str()),
        Some("2024-12-29"),
        "{:?}",
        view.articles
            .iter()
            .map(|a| &a.published)
            .collect::<Vec<_>>()
    );
}

#[test]
fn who_is_named_in_the_cause_is_not_an_actor_of_the_happening() {
    let view = view_of(
        "星河科技致歉\n2024年7月19日，星河科技因軟體故障導致運行蓝鲸数据公司(Bluewhale Data)系統的電腦關閉而公開道歉。\n",
    );
    let apology = view
        .events
        .iter()
        .find(|e| e.kind == EventKind::Announcement)
        .expect("the apology");
    let names: Vec<&str> = apology
        .entities
        .iter()
        .filter_map(|id| view.entities.iter().find(|x| &x.id == id))
        .map(|x| x.name.as_str())
        .collect();
    assert!(names.contains(&"星河科技"), "{names:?}");
    assert!(
        view.entities.iter().any(|x| x.name == "Bluewhale Data"),
        "the company in the cause is found"
    );
    assert!(!names.contains(&"Bluewhale Data"), "{names:?}");
}

#[test]
fn a_dated_deed_that_no_trigger_names_is_a_happening_at_its_own_date() {
    // Written for this test: 周明 approaches 林晓峰 in February and orders a change on 19 March,
    // and neither verb is in the lexicon; the meeting between is.
    let view = view_of(
        "星河案始末\n2024年9月6日\n報道指,2020年2月周明(Ming Zhou)找上時任星河科技副總裁林晓峰,同年3月10日再與林晓峰舉行會議,同月19日周明就直接交辦調整合約。\n",
    );
    let dates: Vec<(EventKind, String)> = view
        .events
        .iter()
        .filter_map(|e| e.date.as_ref().map(|d| (e.kind, d.edtf.clone())))
        .collect();
    for (kind, date) in [
        (EventKind::Other, "2020-02"),
        (EventKind::Meeting, "2020-03-10"),
        (EventKind::Other, "2020-03-19"),
    ] {
        assert!(
            dates.contains(&(kind, date.to_string())),
            "{kind:?} {date} in {dates:?}"
        );
    }
}

#[test]
fn a_dateline_a_quotation_a_span_up_to_now_or_a_description_is_no_dated_deed() {
    // Written for this test: every clause has a date and a name, and none tells a deed.
    let view = view_of(
        "星河近況\n2024年9月7日\n香港新聞網9月6日電 星河科技首席执行官林晓峰连日深陷争议。\n林晓峰说:“9月3日我们见过星河科技的人。”\n星河科技从上月底至今一直供不应求。\n25日是林晓峰的生日。\n",
    );
    let other: Vec<&str> = view
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Other)
        .map(|e| e.title.zh.as_str())
        .collect();
    assert!(other.is_empty(), "{other:?}");
}

#[test]
fn plain_verbs_of_saying_give_a_quoted_statement() {
    // Written for this test: each speaker says something in quotes with a different verb.
    for verb in ["直言", "重申", "反驳", "痛批"] {
        let view = view_of(&format!(
            "星河科技回應傳聞
2024年5月6日,星河科技董事長林曉峰{verb}「公司不會出售數據業務」。
"
        ));
        let said = view
            .events
            .iter()
            .find(|e| e.sources.iter().any(|s| s.quote.contains(verb)));
        assert_eq!(
            said.map(|e| e.kind),
            Some(EventKind::Statement),
            "{verb}: {:?}",
            kinds(&view)
        );
    }
}

#[test]
fn words_said_on_a_day_the_clause_gives_are_a_statement_without_quotes() {
    // Written for this test: no quotation marks, and the day stands between the speaker and the
    // verb; the same words with no day of their own stay an opinion.
    let dated = view_of(
        "星河科技董事長受訪
2024年5月8日報道。星河科技董事長林曉峰5月6日晚間接受日本媒體採訪,談到公司的數據業務。
",
    );
    let said = dated
        .events
        .iter()
        .find(|e| e.sources.iter().any(|s| s.quote.contains("採訪")))
        .unwrap_or_else(|| panic!("no event: {:?}", kinds(&dated)));
    assert_eq!(said.kind, EventKind::Statement);
    assert_eq!(said.date.as_ref().unwrap().edtf, "2024-05-06");
    let undated = view_of(
        "星河科技董事長受訪
2024年5月8日報道。星河科技董事長林曉峰晚間接受日本媒體採訪,談到公司的數據業務。
",
    );
    assert!(
        !undated
            .events
            .iter()
            .any(|e| e.sources.iter().any(|s| s.quote.contains("採訪"))),
        "{:?}",
        kinds(&undated)
    );
}

#[test]
fn a_sentence_told_on_that_day_takes_the_day_told_before_it_in_an_earlier_paragraph() {
    // Written for this test: the deal is dated in one paragraph; the next paragraph's reaction
    // says only that it came at once (第一時間) or the same day (當天).
    for word in ["第一時間", "當天"] {
        let text = format!(
            "星河科技收購藍鯨數據
2024年5月8日報道。星河科技5月6日宣布以12億美元收購藍鯨數據。

藍鯨數據創始人周明{word}在臉書發文表示,「感謝所有同事」。
"
        );
        let view = view_of(&text);
        let said = view
            .events
            .iter()
            .find(|e| e.sources.iter().any(|s| s.quote.contains("發文")))
            .unwrap_or_else(|| panic!("{word}: no event: {:?}", kinds(&view)));
        assert_eq!(said.kind, EventKind::Statement, "{word}");
        assert_eq!(said.date.as_ref().unwrap().edtf, "2024-05-06", "{word}");
    }
}

#[test]
fn a_sentence_that_names_that_day_is_not_merged_into_an_earlier_day() {
    // Written for this test: the court grants bail on the 27th, and again on the 29th, the second
    // time in a sentence dated only by 當天 after the 29th is told.
    let chronicle = "星河風波大事記
2024年12月27日,台北地方法院裁定林曉峰交保。
12月29日,高等法院撤銷原裁定,發回更裁。當天下午,台北地方法院再次裁定林曉峰交保。
";
    let view = view_of(chronicle);
    let bail_days: Vec<String> = view
        .events
        .iter()
        .filter(|e| e.sources.iter().any(|s| s.quote.contains("交保")))
        .filter_map(|e| e.date.as_ref().map(|d| d.edtf.clone()))
        .collect();
    assert!(
        bail_days.contains(&"2024-12-27".to_string())
            && bail_days.contains(&"2024-12-29".to_string()),
        "{bail_days:?}: {:?}",
        kinds(&view)
    );
}

#[test]
fn a_casualty_of_a_disaster_is_dated_by_the_disaster_its_article_dates() {
    // Written for this test: a list of the dead whose lines give no date. The article dates its
    // earthquake by the name it calls it (0605青川大地震), or in a clause of its own, or names only
    // an earthquake of years before.
    let death_day = |opening: &str| {
        let text = format!(
            "青川地震罹難者名單
2025年6月9日報導。
{opening}
省道12線45公里處,58歲王姓駕駛遭落石砸中身亡。
"
        );
        let view = view_of(&text);
        view.events
            .iter()
            .find(|e| e.sources.iter().any(|s| s.quote.contains("王姓駕駛")))
            .map(|e| e.date.as_ref().map(|d| d.edtf.clone()).unwrap_or_default())
    };
    assert_eq!(
        death_day("0605青川大地震搜救行動進入第5天,救難人員持續搜尋失聯者。").as_deref(),
        Some("2025-06-05")
    );
    assert_eq!(
        death_day("青川縣5日上午發生規模6.8地震,造成多處道路中斷。").as_deref(),
        Some("2025-06-05")
    );
    // 921 is a day of September: no earthquake of the three months before this report.
    assert_ne!(
        death_day("921大地震後重建的橋梁再度受損,救難人員持續搜尋失聯者。").as_deref(),
        Some("2024-09-21")
    );
}

#[test]
fn a_date_someone_is_quoted_with_does_not_date_the_clause_that_quotes_them() {
    // Written for this test: the repost follows the announcement of the 14th; the date in the
    // quotation is the launch the chairman looks forward to.
    let view = view_of(
        "星河科技預告發布會
2024年9月15日報道。星河科技9月14日在官方微博宣布將舉辦新品發布會。星河科技董事長林曉峰轉發了這條微博,並表示:「精彩不斷,敬請期待9月25日的發布會!」
",
    );
    let said = view
        .events
        .iter()
        .find(|e| e.sources.iter().any(|s| s.quote.contains("轉發")))
        .unwrap_or_else(|| panic!("no event: {:?}", kinds(&view)));
    assert_eq!(
        said.date.as_ref().unwrap().edtf,
        "2024-09-14",
        "{:?}",
        kinds(&view)
    );
}

#[test]
fn a_year_in_what_someone_says_does_not_date_the_saying() {
    // Written for this test: the chairman speaks, in a report of 5 June, about the year ahead;
    // unquoted, the year after his verb of saying is what he speaks about.
    let view = view_of(
        "星河科技股東會
2025年6月5日報道。
星河科技董事長林曉峰稱,儘管面臨大環境的不確定性,預計2026年仍是星河科技健康成長的一年。
",
    );
    let said = view
        .events
        .iter()
        .find(|e| e.kind == EventKind::Statement)
        .unwrap_or_else(|| panic!("no statement: {:?}", kinds(&view)));
    assert_eq!(
        said.date.as_ref().unwrap().edtf,
        "2025-06-05",
        "{:?}",
        kinds(&view)
    );
}

#[test]
fn a_trigger_whose_chars_only_meet_across_two_words_is_no_trigger() {
    // 下台 (step down) in 夺下|台湾 is the end of one word and the start of the next.
    let won = view_of(
        "林晓峰夺冠\n2024年8月10日，林晓峰在决赛以5比0击败对手周明，夺下台湾代表队首金。\n",
    );
    let won = kinds(&won);
    assert!(
        won.iter()
            .any(|(k, _, d)| *k == EventKind::Contest && d == "2024-08-10"),
        "{won:?}"
    );
    assert!(
        won.iter().all(|(k, _, _)| *k != EventKind::Departure),
        "{won:?}"
    );
    // The same chars as a word of their own still step down.
    let left = kinds(&view_of(
        "林晓峰下台\n2024年8月12日，星河科技董事长林晓峰宣布下台。\n",
    ));
    assert!(
        left.iter()
            .any(|(k, _, d)| *k == EventKind::Departure && d == "2024-08-12"),
        "{left:?}"
    );
}

#[test]
fn a_speech_given_or_a_statement_issued_is_no_product_released() {
    let view = view_of(
        "星河科技发布声明\n2024年8月2日报道。星河科技首席执行官林晓峰7月30日发表讲话,回应外界的质疑。\n8月2日，星河科技发布声明，宣布周明出任首席科学家。\n",
    );
    let found = kinds(&view);
    assert!(
        found.iter().all(|(k, _, _)| *k != EventKind::Product),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(k, _, d)| *k == EventKind::Statement && d == "2024-07-30"),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(k, _, d)| *k == EventKind::Appointment && d == "2024-08-02"),
        "{found:?}"
    );
}

/// `not_told` gives no event of `kind`; `told`, the same words with the happening itself, gives
/// one on `day`. Names are made up: the rules are general, not of one story.
fn only_the_second_tells(kind: EventKind, not_told: &str, told: &str, day: &str) {
    let without = kinds(&view_of(not_told));
    assert!(without.iter().all(|(k, _, _)| *k != kind), "{without:?}");
    let with = kinds(&view_of(told));
    assert!(
        with.iter().any(|(k, _, d)| *k == kind && d == day),
        "{with:?}"
    );
}

#[test]
fn a_resignation_urged_is_no_resignation() {
    only_the_second_tells(
        EventKind::Departure,
        "星河科技董事会\n2024年8月2日报道。8月1日，部分股东敦促星河科技首席执行官林晓峰辞职。\n",
        "星河科技董事会\n2024年8月2日报道。8月1日，星河科技首席执行官林晓峰辞职。\n",
        "2024-08-01",
    );
}

#[test]
fn an_agent_or_a_lawyer_is_no_acting_post() {
    // 代理人 (agent, counsel) holds 代理 (acting) and says nothing of a post.
    only_the_second_tells(
        EventKind::Appointment,
        "星河科技案开庭\n2024年8月2日报道。8月1日，星河科技首席执行官林晓峰的代理人团出席法院听证会。\n",
        "星河科技人事\n2024年8月2日报道。8月1日，星河科技宣布由副总裁周明代理首席执行官。\n",
        "2024-08-01",
    );
}

#[test]
fn a_player_who_wins_a_final_outright_wins_a_contest() {
    only_the_second_tells(
        EventKind::Contest,
        "星河队备战决赛\n2024年8月2日报道。8月1日，星河队在训练中备战决赛。\n",
        "星河队夺冠\n2024年8月2日报道。8月1日，星河队队长林晓峰在决赛以5比0完胜对手。\n",
        "2024-08-01",
    );
}

/// The names of an event's actors, in its order.
fn actor_names(view: &TimelineView, event: &storyline::timeline::EventInfo) -> Vec<String> {
    event
        .entities
        .iter()
        .filter_map(|id| view.entities.iter().find(|x| &x.id == id))
        .map(|x| x.name.clone())
        .collect()
}

/// The names of the actors of the events whose passages hold `needle`.
fn actors_where(view: &TimelineView, needle: &str) -> Vec<Vec<String>> {
    view.events
        .iter()
        .filter(|e| e.sources.iter().any(|s| s.quote.contains(needle)))
        .map(|e| actor_names(view, e))
        .collect()
}

#[test]
fn a_pronoun_names_the_persons_it_stands_for() {
    // Written for this test: the clause with the promotion names nobody but 他們, who are the
    // chairman and the chief executive named together before it.
    let view = view_of(
        "星河科技高層沿革
2024年3月1日報導。
星河科技董事長林曉峰與執行長周明都是公司元老。
星河科技上一次任命聯席營運長是在2012年,當時的兩人是董事長林曉峰和執行長周明,他們在2013年升任聯席總裁。
",
    );
    let promoted = view
        .events
        .iter()
        .find(|e| e.date.as_ref().is_some_and(|d| d.edtf == "2013"))
        .unwrap_or_else(|| panic!("no event of 2013: {:?}", kinds(&view)));
    let names = actor_names(&view, promoted);
    assert!(
        names.iter().any(|n| n == "林曉峰") && names.iter().any(|n| n == "周明"),
        "{names:?}"
    );
}

#[test]
fn the_person_a_relative_clause_ends_on_is_who_the_sentence_is_about() {
    // Written for this test: 周明 is named after prepositions (與, 晚於); the sentence is about
    // 林曉峰, whom the relative clause ends on and 他 stands for.
    let view = view_of(
        "星河科技高層沿革
2024年3月1日報導。
星河科技董事長林曉峰與執行長周明都是公司元老。
與周明一同獲得晉升的林曉峰,加入星河科技的時間雖然晚於周明,但2001年就進入公司的他,並在2011年升任研發副總經理。
",
    );
    for needle in ["並在2011年升任", "2001年就進入公司的他"] {
        let actors = actors_where(&view, needle);
        assert!(
            actors
                .iter()
                .any(|a| a.first().map(String::as_str) == Some("林曉峰")),
            "{needle}: {actors:?} {:?}",
            kinds(&view)
        );
    }
}

#[test]
fn who_acts_after_a_clause_that_sets_the_scene_takes_part_in_it() {
    // Written for this test: the launch event is named in a clause of its own; who speaks at it
    // is named in the next.
    let view = view_of(
        "星河科技新品發布會
2024年9月15日報導。
星河科技執行長周明上月宣布新品將於9月發表。
在9月12日的星河科技新品發布會上,林曉峰提到了公司今年最受市場關注的新手機星河一號,並指出它是公司近年最暢銷的產品。
董事長林曉峰表示,新手機將於10月開賣。
",
    );
    let launch = view
        .events
        .iter()
        .find(|e| e.kind == EventKind::Meeting)
        .unwrap_or_else(|| panic!("no meeting: {:?}", kinds(&view)));
    let names = actor_names(&view, launch);
    assert!(names.iter().any(|n| n == "林曉峰"), "{names:?}");
}

#[test]
fn a_page_date_line_does_not_date_the_happening_its_sentence_names() {
    // The page's date line opens the first sentence; the happening is the 2023 contest.
    let view = view_of(
        "2025-09-02 拳擊手陳美玲在2023年亞洲錦標賽奪金。\n\
         陳美玲表示，她將於下月前往東京，參加世界錦標賽。\n",
    );
    let gold = view
        .events
        .iter()
        .find(|e| e.kind == EventKind::Contest)
        .expect("the contest");
    assert_eq!(gold.date.as_ref().unwrap().edtf, "2023");
}

#[test]
fn a_saying_dated_apart_from_what_it_announces_is_a_happening_of_its_own() {
    // Told on the 14th, of a launch on the 25th: two happenings on two days.
    let view = view_of(
        "2023-09-15 星辰科技董事長陳明輝宣佈消息。\n\
         星辰科技9月14日宣布，將於9月25日舉行新品發布會。\n",
    );
    let k = kinds(&view);
    assert!(said_on(&k, "2023-09-14"), "{k:?}");
    assert!(k.iter().any(|(_, _, d)| d == "2023-09-25"), "{k:?}");
}

#[test]
fn a_clause_that_goes_on_from_the_one_before_is_done_by_whom_that_one_named() {
    // The vote's clause names no one, and the clause before names the body only after its verb.
    let view = view_of("2024-12-04 制裁案昨日提交歐盟理事會，並於12月7日進行表決。\n");
    let k = kinds(&view);
    assert!(k.iter().any(|(_, _, d)| d == "2024-12-07"), "{k:?}");
}

#[test]
fn what_a_commentator_says_is_no_happening_and_what_a_spokesman_says_is() {
    let view = view_of(
        "星辰新手機下月上市\n\
         2024-09-25 星辰科技發言人李文華表示：「新手機下月上市。」\n\
         研究機構首席分析師張建華表示：「新手機銷量將會翻倍。」\n\
         張建華表示：「這是里程碑。」\n",
    );
    let name = |id: &String| {
        view.entities
            .iter()
            .find(|x| &x.id == id)
            .map_or(String::new(), |x| x.name.clone())
    };
    let said: Vec<String> = view
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Statement)
        .flat_map(|e| e.entities.iter().map(name))
        .collect();
    let said: Vec<&str> = said.iter().map(String::as_str).collect();
    assert!(said.contains(&"李文華"), "{said:?}");
    assert!(!said.contains(&"張建華"), "{said:?}");
}

#[test]
fn a_clause_that_is_only_a_date_dates_the_saying_after_it() {
    // ●4月1日 stands in a clause of its own: it is the day of the saying, not of the vote.
    let view = view_of(
        "歐盟下週表決制裁案\n\
         2025-04-02\n\
         ●4月1日，歐盟表示，4月4日上午對制裁案進行表決。\n",
    );
    let k = kinds(&view);
    assert!(said_on(&k, "2025-04-01"), "{k:?}");
}

#[test]
fn a_clause_that_times_the_next_by_another_happening_tells_nothing_of_who_did_it() {
    // The hearing is the time of what the lawyer tells, not something the lawyer did.
    let view = view_of(
        "律師談羈押庭\n\
         2025-01-03 律師黃大明(Daming Huang)指出，在昨天的羈押庭之前，檢方就直接放話給媒體。\n",
    );
    let k = kinds(&view);
    assert!(!has(&k, EventKind::Arrest, None), "{k:?}");
}

#[test]
fn who_is_named_by_what_they_did_is_the_subject_of_the_clause_after() {
    // 勇奪金牌的王小明 is who comes home: the gold is how the sentence names her.
    let view = view_of(
        "王小明回國\n\
         2024-08-13 勇奪金牌的拳擊選手王小明(Xiaoming Wang)，光榮回國了。\n",
    );
    let k = kinds(&view);
    assert!(has(&k, EventKind::Meeting, Some("2024-08-13")), "{k:?}");
    assert!(!has(&k, EventKind::Contest, None), "{k:?}");
}

#[test]
fn a_happening_told_in_listed_years_is_one_in_each() {
    let view = view_of(
        "王小明再奪冠\n\
         2024-08-13 拳擊選手王小明(Xiaoming Wang)曾在2018和2022年世錦賽奪金。\n",
    );
    let k = kinds(&view);
    for year in ["2018", "2022"] {
        assert!(has(&k, EventKind::Contest, Some(year)), "{year}: {k:?}");
    }
}
