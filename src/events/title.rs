//! Event titles: a concise Chinese title trimmed from the source clause, and an English title
//! composed from the kind, the actors and the amount where they allow one.

use super::money::Money;
use super::{EventKind, Status};
use crate::entities::{Entity, EntityKind};
use crate::text::{ArticleText, Span};

/// Longest Chinese title, in chars, before it is cut with an ellipsis.
const MAX_ZH: usize = 40;

/// Openers that carry no content of their own in a title (folded forms).
const OPENERS: &[&str] = &[
    "据悉",
    "此外",
    "同时",
    "与此同时",
    "然而",
    "不过",
    "因此",
    "结果",
    "事实上",
    "另外",
    "而且",
    "而",
    "并",
    "又",
    "还",
    "更",
    "其中",
    "据报道",
    "报道称",
    "另一位",
    "除此以外",
    "除了",
    "由此",
    "最新的情况是",
    "而最新的情况是",
];

/// The clause as the title, trimmed of openers and closing punctuation, and cut at [`MAX_ZH`].
pub fn zh(text: &ArticleText, clause: Span) -> String {
    let folded = text.folded_slice(clause);
    let mut skip = 0;
    let chars: Vec<char> = folded.chars().collect();
    loop {
        let rest: String = chars[skip..].iter().collect();
        let trimmed = rest.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, '，' | ',' | '、' | '—' | '：' | ':')
        });
        let mut advanced = (rest.chars().count() - trimmed.chars().count()) > 0;
        skip += rest.chars().count() - trimmed.chars().count();
        if let Some(o) = OPENERS
            .iter()
            .filter(|o| trimmed.starts_with(**o))
            .max_by_key(|o| o.len())
        {
            if chars.len() - skip > o.chars().count() + 4 {
                skip += o.chars().count();
                advanced = true;
            }
        }
        if !advanced {
            break;
        }
    }
    let shown: String = text.slice(clause).chars().skip(skip).collect();
    let shown = shown
        .trim()
        .trim_end_matches(['，', ',', '；', ';', '。', '：', ':', '—', '!', '！']);
    let count = shown.chars().count();
    if count <= MAX_ZH {
        shown.to_string()
    } else {
        let mut s: String = shown.chars().take(MAX_ZH - 1).collect();
        s.push('…');
        s
    }
}

pub fn names(list: &[usize], entities: &[Entity]) -> String {
    let names: Vec<&str> = list.iter().map(|&i| entities[i].name.as_str()).collect();
    match names.len() {
        0 => String::new(),
        1 => names[0].to_string(),
        2 => format!("{} and {}", names[0], names[1]),
        3 => format!("{}, {} and {}", names[0], names[1], names[2]),
        n => format!("{}, {} and {} others", names[0], names[1], n - 2),
    }
}

/// What an English title is made from.
pub struct Facts<'a> {
    pub kind: EventKind,
    /// The trigger's class within the kind ("" for the kind's plain triggers).
    pub class: &'a str,
    pub status: Status,
    /// The trigger word, folded.
    pub trigger: &'a str,
    /// Indexes into `entities`, the lead actor first.
    pub actors: &'a [usize],
    pub entities: &'a [Entity],
    pub amount: Option<&'a Money>,
    pub stake: Option<&'a str>,
    /// Hire triggers by which someone moves of their own accord (the lexicon's).
    pub joining: &'a [String],
}

/// An English title where the kind and actors allow one; `None` rather than a clumsy guess.
pub fn en(facts: &Facts) -> Option<String> {
    let &Facts {
        kind,
        class,
        status,
        trigger,
        actors,
        entities,
        amount,
        stake,
        joining,
    } = facts;
    let persons: Vec<usize> = actors
        .iter()
        .copied()
        .filter(|&a| entities[a].kind == EntityKind::Person)
        .collect();
    let orgs: Vec<usize> = actors
        .iter()
        .copied()
        .filter(|&a| entities[a].kind == EntityKind::Organization)
        .collect();
    let things: Vec<usize> = actors
        .iter()
        .copied()
        .filter(|&a| matches!(entities[a].kind, EntityKind::Facility | EntityKind::Product))
        .collect();
    let first_org = orgs.first().map(|&o| entities[o].name.clone());
    let actor = first_org
        .clone()
        .or_else(|| persons.first().map(|&p| entities[p].name.clone()))?;
    let money = amount.map(|m| m.display());
    let plans = if status == Status::Planned {
        "plans to "
    } else {
        ""
    };
    let verb = |base: &str, third: &str| {
        if plans.is_empty() {
            third.to_string()
        } else {
            format!("{plans}{base}")
        }
    };
    let title = match kind {
        EventKind::Investment => {
            let Some(target) = orgs
                .iter()
                .copied()
                .find(|&o| entities[o].name != actor)
                .map(|o| entities[o].name.clone())
            else {
                let m = money?;
                return Some(if trigger.contains("筹集") || trigger.contains("融资") {
                    format!("{actor} seeks to raise {m}")
                } else {
                    format!("{actor} {} {m}", verb("invest", "invests"))
                });
            };
            let mut t = format!("{actor} {} ", verb("invest", "invests"));
            if let Some(m) = &money {
                t.push_str(m);
                t.push(' ');
            }
            t.push_str(&format!("in {target}"));
            if let Some(s) = stake {
                t.push_str(&format!(" for a {s} stake"));
            }
            t
        }
        EventKind::Hire => {
            // The hirer is the first actor (the extractor orders them so); the hired are the others.
            let hirer = entities[actors[0]].name.clone();
            let hired: Vec<usize> = persons
                .iter()
                .copied()
                .filter(|&p| p != actors[0])
                .collect();
            let lead_is_person = entities[actors[0]].kind == EntityKind::Person;
            let joins = joining.iter().any(|w| trigger.contains(w.as_str()));
            if lead_is_person && hired.is_empty() && joins {
                return Some(match orgs.first() {
                    Some(&o) => format!("{hirer} {} {}", verb("join", "joins"), entities[o].name),
                    None => format!("{hirer} takes a new role"),
                });
            }
            if hired.is_empty() {
                let from = orgs
                    .iter()
                    .find(|&&o| o != actors[0])
                    .map(|&o| format!(" from {}", entities[o].name))
                    .unwrap_or_default();
                format!("{hirer} {} staff{from}", verb("hire", "hires"))
            } else {
                let mut t = format!(
                    "{hirer} {} {}",
                    verb("hire", "hires"),
                    names(&hired, entities)
                );
                if let Some(m) = &money {
                    t.push_str(&format!(" with a {m} offer"));
                }
                t
            }
        }
        EventKind::Departure => match (persons.first(), first_org) {
            (Some(&p), Some(o)) => format!("{} {} {o}", entities[p].name, verb("leave", "leaves")),
            (None, Some(o)) => format!("Departures from {o}"),
            _ => return None,
        },
        EventKind::Organization => {
            let unit = orgs.get(1).map(|&o| entities[o].name.clone())?;
            format!("{actor} {} {unit}", verb("form", "forms"))
        }
        EventKind::Infrastructure => {
            let what = if things.is_empty() {
                "new facilities".to_string()
            } else {
                names(&things, entities)
            };
            if trigger.contains("启用") || trigger.contains("投入运") {
                if things.is_empty() {
                    format!("{actor} to open a new facility")
                } else {
                    format!("{what} to open")
                }
            } else {
                format!("{actor} {} {what}", verb("build", "builds"))
            }
        }
        EventKind::Product => {
            let what = if things.is_empty() {
                "its products".to_string()
            } else {
                names(&things, entities)
            };
            match class {
                "strategy" => format!("{actor} changes course on {what}"),
                "setback" if trigger.contains("推迟") => format!("{actor} delays {what}"),
                "setback" if trigger.contains("叫停") || trigger.contains("暂停") => {
                    format!("{actor} halts {what}")
                }
                "setback" => format!("{what} falls short"),
                _ => format!("{actor} {} {what}", verb("release", "releases")),
            }
        }
        EventKind::Agreement => {
            let other = orgs
                .get(1)
                .map(|&o| format!(" with {}", entities[o].name))
                .unwrap_or_default();
            format!("{actor} signs an agreement{other}")
        }
        EventKind::Lawsuit => {
            let other = orgs.get(1).map(|&o| entities[o].name.clone())?;
            format!("{actor} sues {other}")
        }
        EventKind::Compensation => {
            let m = money?;
            match persons.first() {
                Some(&p) if first_org.is_some() => {
                    format!("{actor} offers {} {m}", entities[p].name)
                }
                _ => format!("{actor} pay offers reach {m}"),
            }
        }
        EventKind::Layoff => format!("{actor} lays off staff"),
        EventKind::Statement => {
            let p = persons.first()?;
            format!("{} speaks out", entities[*p].name)
        }
        // Other kinds are titled by the lexicon's templates.
        _ => return None,
    };
    Some(title)
}
