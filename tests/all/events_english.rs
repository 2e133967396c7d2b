//! English articles in the same story as Chinese ones (issue 21): an English report is read for its
//! dates, names and happenings, and a happening told in both languages is one event with both
//! passages, its people one entity under both spellings. Articles written for these tests, about a
//! company and a person no gazetteer knows.

use crate::common;

use common::*;
use storyline::events::{EventKind, Status};
use storyline::text::Script;
use storyline::timeline::Filter;

const ENGLISH: &str = "Orbisk names Lena Marsh chief executive

March 4, 2025

Warehouse robot maker Orbisk said on Monday it had appointed Lena Marsh as chief executive, replacing its founder in April. Orbisk plans to build a new factory in Ohio in 2026, Marsh said. The company laid off 40 workers last year, according to people familiar with the matter.
";

const CHINESE: &str = "奧比斯克任命新執行長

2025年3月4日

機器人公司奧比斯克(Orbisk)週一宣布,任命瑪許(Lena Marsh)為執行長,4月起接替創辦人。奧比斯克表示,瑪許曾任物流主管。
";

#[test]
fn an_english_report_alone_gets_its_dates_names_and_happenings() {
    let (_dir, lib) = library_of(&[("orbisk-en.txt".into(), ENGLISH.into())]);
    let articles = lib.articles();
    assert_eq!(articles[0].script, Script::En);
    assert_eq!(
        articles[0].published.date.map(|d| d.to_string()).as_deref(),
        Some("2025-03-04")
    );
    let view = lib.timeline(&Filter::default()).unwrap();
    let names: Vec<&str> = view.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(
        names.contains(&"Orbisk") && names.contains(&"Lena Marsh"),
        "{names:?}"
    );
    let of = |k: EventKind| view.events.iter().find(|e| e.kind == k);
    let appointed = of(EventKind::Appointment).expect("the appointment");
    assert_eq!(
        appointed.date.as_ref().unwrap().edtf,
        "2025-03-03",
        "on Monday, before the 4 March report"
    );
    let plant = of(EventKind::Infrastructure).expect("the factory plan");
    assert_eq!(plant.status, Status::Planned);
    assert_eq!(plant.date.as_ref().unwrap().edtf, "2026");
    let layoff = of(EventKind::Layoff).expect("the layoff");
    assert_eq!(
        layoff.status,
        Status::Reported,
        "attributed at the end of its sentence"
    );
    assert_eq!(layoff.date.as_ref().unwrap().edtf, "2024");
}

#[test]
fn a_happening_told_in_english_and_chinese_is_one_event_with_both_passages() {
    let (_dir, lib) = library_of(&[
        ("orbisk-en.txt".into(), ENGLISH.into()),
        ("orbisk-zh.txt".into(), CHINESE.into()),
    ]);
    let view = lib.timeline(&Filter::default()).unwrap();
    let marsh = view
        .entities
        .iter()
        .find(|e| e.name == "Lena Marsh")
        .expect("one person under both spellings");
    assert!(
        marsh.aliases.iter().any(|a| a == "瑪許"),
        "{:?}",
        marsh.aliases
    );
    let appointed: Vec<_> = view
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Appointment)
        .collect();
    assert_eq!(appointed.len(), 1, "one appointment, told twice");
    let from: std::collections::BTreeSet<&str> = appointed[0]
        .sources
        .iter()
        .map(|s| s.article.as_str())
        .collect();
    assert_eq!(from.len(), 2, "both tellings are its sources: {from:?}");
}

#[test]
fn the_language_detector_tells_english_from_other_latin_text_and_finds_english_paragraphs() {
    let english = storyline::text::build(ENGLISH, storyline::corpus::SourceFormat::Text);
    assert_eq!(english.script, Script::En);
    assert!(storyline::text::english_paragraphs(&english).is_empty());
    // Written for this test: a French wire report is Latin text, but not English.
    let french = "Orbisk nomme Lena Marsh directrice générale\n\nLe fabricant de robots d'entrepôt Orbisk a annoncé lundi la nomination de Lena Marsh au poste de directrice générale, en remplacement de son fondateur à partir du mois d'avril. L'entreprise prévoit de construire une nouvelle usine dans l'Ohio.\n";
    let french = storyline::text::build(french, storyline::corpus::SourceFormat::Text);
    assert_ne!(french.script, Script::En);
    // A Chinese report quoting an English statement at length: that paragraph, and only it.
    let quoted = format!(
        "{CHINESE}\n公司聲明全文如下:\n\nWe are delighted to welcome Lena Marsh as our chief executive. Her experience in logistics will help us grow our business in the years ahead.\n\n奧比斯克股價週一上漲。\n"
    );
    let t = storyline::text::build(&quoted, storyline::corpus::SourceFormat::Text);
    assert_ne!(t.script, Script::En);
    let found: Vec<&str> = storyline::text::english_paragraphs(&t)
        .into_iter()
        .map(|p| t.slice(p))
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("We are delighted"), "{found:?}");
}

/// A headline in title case, a company named in full and then short, a photo credit and a place.
const OUTAGE: &str = "Insured Losses for Varnholt Could Reach $1 Billion

July 24, 2025

Varnholt shares fell 11% on Friday after a faulty update crashed Microsoft Windows computers worldwide, a global outage that grounded flights. Kestrel Air Lines cancelled 2,000 flights. Kestrel said its systems recovered on Sunday.

Varnholt chief executive Tomasz Wiercik apologized for the outage. Wiercik will testify before Congress in September, the company said. Photo by Anna Moneymaker in Laguna Beach.
";

#[test]
fn english_names_are_people_only_when_they_read_as_names_and_outages_and_share_moves_are_happenings(
) {
    let (_dir, lib) = library_of(&[("varnholt-en.txt".into(), OUTAGE.into())]);
    let view = lib.timeline(&Filter::default()).unwrap();
    let kind_of = |name: &str| {
        view.entities
            .iter()
            .find(|e| e.name == name || e.aliases.iter().any(|a| a == name))
            .map(|e| e.kind)
    };
    use storyline::entities::EntityKind;
    assert_eq!(kind_of("Tomasz Wiercik"), Some(EntityKind::Person));
    assert_eq!(kind_of("Anna Moneymaker"), Some(EntityKind::Person));
    assert_eq!(kind_of("Kestrel Air Lines"), Some(EntityKind::Organization));
    // The short form is the same company.
    let kestrel = view
        .entities
        .iter()
        .find(|e| e.name == "Kestrel" || e.aliases.iter().any(|a| a == "Kestrel"));
    assert!(kestrel.is_some_and(
        |e| e.aliases.iter().any(|a| a == "Kestrel Air Lines") || e.name == "Kestrel Air Lines"
    ));
    for not_a_person in ["Insured Losses", "Microsoft Windows", "Laguna Beach"] {
        assert_ne!(
            kind_of(not_a_person),
            Some(EntityKind::Person),
            "{not_a_person}"
        );
    }
    let kinds: Vec<EventKind> = view.events.iter().map(|e| e.kind).collect();
    for k in [EventKind::Market, EventKind::Disaster, EventKind::Meeting] {
        assert!(kinds.contains(&k), "{k:?} in {kinds:?}");
    }
    let testimony = view
        .events
        .iter()
        .find(|e| e.kind == EventKind::Meeting)
        .unwrap();
    assert_eq!(testimony.status, Status::Planned);
    assert_eq!(testimony.date.as_ref().unwrap().edtf, "2025-09");
}

/// A Chinese report that quotes a company's English statement at length.
const QUOTED: &str = "瓦恩霍爾特發表聲明

2025年7月21日

軟體公司週一發表英文聲明，全文如下：

We deeply regret the disruption. Varnholt has identified the faulty update and reverted it, and Varnholt chief executive Tomasz Wiercik will testify before the Senate on August 5, 2025, the company said.

外界關注事件後續發展。
";

#[test]
fn names_and_happenings_are_read_from_the_english_paragraphs_of_a_chinese_page() {
    let (_dir, lib) = library_of(&[("quoted-zh.txt".into(), QUOTED.into())]);
    assert_ne!(lib.articles()[0].script, Script::En);
    let view = lib.timeline(&Filter::default()).unwrap();
    let names: Vec<&str> = view.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(
        names.contains(&"Varnholt") && names.contains(&"Tomasz Wiercik"),
        "{names:?}"
    );
    let testimony = view
        .events
        .iter()
        .find(|e| e.kind == EventKind::Meeting)
        .expect("the planned testimony");
    assert_eq!(testimony.status, Status::Planned);
    assert_eq!(testimony.date.as_ref().unwrap().edtf, "2025-08-05");
}

#[test]
fn an_organisation_quoted_in_its_own_statement_says_something() {
    let text = "Kestrel sues Varnholt\n\nOctober 26, 2025\n\nKestrel Air Lines sued Varnholt on Friday over the outage. Varnholt said Kestrel is giving “misinformation” about its own recovery.\n";
    let (_dir, lib) = library_of(&[("kestrel-en.txt".into(), text.into())]);
    let view = lib.timeline(&Filter::default()).unwrap();
    let said = view
        .events
        .iter()
        .find(|e| e.kind == EventKind::Statement)
        .expect("Varnholt's statement");
    assert_eq!(said.entities.first().map(String::as_str), Some("varnholt"));
    // Said when the suit was filed, the day the paragraph gives.
    assert_eq!(said.date.as_ref().unwrap().edtf, "2025-10-24");
}
