//! Event titles: a concise Chinese title trimmed from the source clause, and an English title
//! composed from the kind, the actors and the amount where they allow one.

use super::lexicon::Lexicon;
use super::money::{self, Money};
use super::{Candidate, EventKind, Status};
use crate::entities::{Entity, EntityKind};
use crate::text::{fold_str, ArticleText, Span};
use serde::Deserialize;
use std::collections::BTreeMap;

/// Longest Chinese title, in chars, before it is cut with an ellipsis.
const MAX_ZH: usize = 40;

/// The title vocabulary (`[titles]` in the event lexicon): Chinese openers to trim, the triggers
/// that choose an English title's case, and the English templates and verbs.
#[derive(Debug, Deserialize)]
pub struct Titles {
    /// Folded on load.
    openers: Vec<String>,
    triggers: TitleTriggers,
    en: BTreeMap<String, String>,
    verbs: BTreeMap<String, String>,
}

/// Folded on load.
#[derive(Debug, Deserialize)]
struct TitleTriggers {
    raise: Vec<String>,
    opening: Vec<String>,
    delay: Vec<String>,
    halt: Vec<String>,
}

impl Titles {
    /// The same titles with their Chinese words folded, as the text they are matched against is.
    pub(crate) fn folded(mut self) -> Titles {
        let fold = |v: &mut Vec<String>| v.iter_mut().for_each(|w| *w = fold_str(w));
        fold(&mut self.openers);
        fold(&mut self.triggers.raise);
        fold(&mut self.triggers.opening);
        fold(&mut self.triggers.delay);
        fold(&mut self.triggers.halt);
        self
    }

    /// The template named `case` with its slots filled: a `{slot}` from `slots`, a `{verb}` of
    /// `[titles.verbs]` as it reads for what happened or (when `planned`) what is planned; a slot
    /// with nothing to fill it is left out.
    fn fill(&self, case: &str, slots: &[(&str, &str)], planned: bool) -> String {
        let mut rest = self.en.get(case).map_or("", String::as_str);
        let mut out = String::with_capacity(rest.len() + 32);
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let name = &rest[open + 1..open + close];
            if let Some((_, v)) = slots.iter().find(|(k, _)| *k == name) {
                out.push_str(v);
            } else if let Some(base) = self.verbs.get(name) {
                if planned {
                    out.push_str(self.en.get("planned").map_or("", String::as_str));
                    out.push_str(base);
                } else {
                    out.push_str(name);
                }
            }
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
        out
    }
}

fn any_in(trigger: &str, words: &[String]) -> bool {
    words.iter().any(|w| trigger.contains(w.as_str()))
}

/// A candidate's Chinese and English titles. Made once for each candidate to weigh it against the
/// others told of the same happening, and again for the member an event takes its titles from.
pub fn of(
    lex: &Lexicon,
    text: &ArticleText,
    entities: &[Entity],
    c: &Candidate,
) -> (String, Option<String>) {
    let title_zh = zh(&lex.wording, text, c.clause);
    let title_en = match lex.title_template(c.kind) {
        Some(t) => Some(t.replace("{names}", &names(&lex.wording, &c.entities, entities))),
        None => {
            let stake = money::stake(&text.folded_slice(c.clause));
            en(&Facts {
                kind: c.kind,
                class: lex.class_name(c.kind, c.class),
                status: c.status,
                trigger: &text.folded_slice(c.trigger),
                actors: &c.entities,
                entities,
                amount: c.money.as_ref(),
                stake: stake.as_deref(),
                joining: &lex.joining,
                titles: &lex.wording,
            })
        }
    };
    (title_zh, title_en)
}

/// The clause as the title, trimmed of openers and closing punctuation, and cut at [`MAX_ZH`].
pub fn zh(titles: &Titles, text: &ArticleText, clause: Span) -> String {
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
        if let Some(o) = titles
            .openers
            .iter()
            .filter(|o| trimmed.starts_with(o.as_str()))
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

/// Names as a title lists them: "A and B", "A, B and C", "A, B and 3 others".
pub fn names(titles: &Titles, list: &[usize], entities: &[Entity]) -> String {
    let names: Vec<&str> = list.iter().map(|&i| entities[i].name.as_str()).collect();
    match names.len() {
        0 => String::new(),
        1 => names[0].to_string(),
        2 => titles.fill("names_2", &[("a", names[0]), ("b", names[1])], false),
        3 => titles.fill(
            "names_3",
            &[("a", names[0]), ("b", names[1]), ("c", names[2])],
            false,
        ),
        n => titles.fill(
            "names_more",
            &[
                ("a", names[0]),
                ("b", names[1]),
                ("others", &(n - 2).to_string()),
            ],
            false,
        ),
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
    pub titles: &'a Titles,
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
        titles,
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
    let planned = status == Status::Planned;
    let fill = |case: &str, slots: &[(&str, &str)]| titles.fill(case, slots, planned);
    let name = |i: usize| entities[i].name.as_str();
    let list = |l: &[usize]| names(titles, l, entities);
    let title = match kind {
        EventKind::Investment => {
            let Some(target) = orgs
                .iter()
                .copied()
                .find(|&o| entities[o].name != actor)
                .map(name)
            else {
                let m = money?;
                let case = if any_in(trigger, &titles.triggers.raise) {
                    "investment_raise"
                } else {
                    "investment_amount"
                };
                return Some(fill(case, &[("actor", &actor), ("money", &m)]));
            };
            let amount_part = money
                .as_deref()
                .map(|m| fill("amount_part", &[("money", m)]))
                .unwrap_or_default();
            let stake_part = stake
                .map(|s| fill("stake_part", &[("share", s)]))
                .unwrap_or_default();
            fill(
                "investment",
                &[
                    ("actor", &actor),
                    ("target", target),
                    ("amount_part", &amount_part),
                    ("stake_part", &stake_part),
                ],
            )
        }
        EventKind::Hire => {
            // The hirer is the first actor (the extractor orders them so); the hired are the others.
            let hirer = name(actors[0]);
            let hired: Vec<usize> = persons
                .iter()
                .copied()
                .filter(|&p| p != actors[0])
                .collect();
            let lead_is_person = entities[actors[0]].kind == EntityKind::Person;
            if lead_is_person && hired.is_empty() && any_in(trigger, joining) {
                return Some(match orgs.first() {
                    Some(&o) => fill("hire_joins", &[("person", hirer), ("org", name(o))]),
                    None => fill("hire_new_role", &[("person", hirer)]),
                });
            }
            if hired.is_empty() {
                let from_part = orgs
                    .iter()
                    .find(|&&o| o != actors[0])
                    .map(|&o| fill("from_part", &[("org", name(o))]))
                    .unwrap_or_default();
                fill("hire_staff", &[("actor", hirer), ("from_part", &from_part)])
            } else {
                let offer_part = money
                    .as_deref()
                    .map(|m| fill("offer_part", &[("money", m)]))
                    .unwrap_or_default();
                fill(
                    "hire",
                    &[
                        ("actor", hirer),
                        ("hired", &list(&hired)),
                        ("offer_part", &offer_part),
                    ],
                )
            }
        }
        EventKind::Departure => match (persons.first(), first_org.as_deref()) {
            (Some(&p), Some(o)) => fill("departure", &[("person", name(p)), ("org", o)]),
            (None, Some(o)) => fill("departures", &[("org", o)]),
            _ => return None,
        },
        EventKind::Organization => {
            let unit = orgs.get(1).map(|&o| name(o))?;
            fill("organization", &[("actor", &actor), ("unit", unit)])
        }
        EventKind::Infrastructure => {
            let what = if things.is_empty() {
                fill("new_facilities", &[])
            } else {
                list(&things)
            };
            if any_in(trigger, &titles.triggers.opening) {
                if things.is_empty() {
                    fill("infrastructure_opening_new", &[("actor", &actor)])
                } else {
                    fill("infrastructure_opening", &[("what", &what)])
                }
            } else {
                fill("infrastructure", &[("actor", &actor), ("what", &what)])
            }
        }
        EventKind::Product => {
            let what = if things.is_empty() {
                fill("its_products", &[])
            } else {
                list(&things)
            };
            let case = match class {
                "strategy" => "product_strategy",
                "setback" if any_in(trigger, &titles.triggers.delay) => "product_delay",
                "setback" if any_in(trigger, &titles.triggers.halt) => "product_halt",
                "setback" => "product_setback",
                _ => "product",
            };
            fill(case, &[("actor", &actor), ("what", &what)])
        }
        EventKind::Agreement => {
            let with_part = orgs
                .get(1)
                .map(|&o| fill("with_part", &[("org", name(o))]))
                .unwrap_or_default();
            fill("agreement", &[("actor", &actor), ("with_part", &with_part)])
        }
        EventKind::Lawsuit => {
            let other = orgs.get(1).map(|&o| name(o))?;
            fill("lawsuit", &[("actor", &actor), ("org", other)])
        }
        EventKind::Compensation => {
            let m = money?;
            match persons.first() {
                Some(&p) if first_org.is_some() => fill(
                    "compensation_offer",
                    &[("actor", &actor), ("person", name(p)), ("money", &m)],
                ),
                _ => fill("compensation", &[("actor", &actor), ("money", &m)]),
            }
        }
        EventKind::Layoff => fill("layoff", &[("actor", &actor)]),
        EventKind::Statement => {
            let p = persons.first()?;
            fill("statement", &[("person", name(*p))])
        }
        // Other kinds are titled by the lexicon's templates.
        _ => return None,
    };
    Some(title)
}

#[cfg(test)]
mod tests {
    /// Every case the code fills has a template.
    #[test]
    fn every_case_has_a_template() {
        let lex = crate::events::lexicon::Lexicon::embedded();
        for case in [
            "investment",
            "amount_part",
            "stake_part",
            "investment_amount",
            "investment_raise",
            "hire",
            "offer_part",
            "hire_staff",
            "from_part",
            "hire_joins",
            "hire_new_role",
            "departure",
            "departures",
            "organization",
            "infrastructure",
            "infrastructure_opening",
            "infrastructure_opening_new",
            "new_facilities",
            "product",
            "product_strategy",
            "product_delay",
            "product_halt",
            "product_setback",
            "its_products",
            "agreement",
            "with_part",
            "lawsuit",
            "compensation_offer",
            "compensation",
            "layoff",
            "statement",
            "names_2",
            "names_3",
            "names_more",
            "planned",
        ] {
            assert!(lex.wording.en.contains_key(case), "no template for {case}");
        }
        assert_eq!(
            lex.wording
                .fill("hire_joins", &[("person", "A"), ("org", "B")], true),
            "A plans to join B"
        );
    }
}
