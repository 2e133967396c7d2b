//! Joining candidates that tell of one happening into one event.
//!
//! Two candidates are one happening when they are of the same kind, share a distinctive actor (one
//! that is not in most candidates of the corpus, so that "Meta" alone joins nothing), their dates are
//! compatible, and their amounts (if both give one) are of one order. Joining is transitive (union-
//! find), but only candidates that share an actor are ever compared, so the work stays near-linear.
//!
//! The merged event keeps every source's passage; its date is the one most articles give (each
//! article one vote, its nearest date), ties going to the date found nearest the trigger and then to
//! the more precise one. Dates that contradict each other become a `conflicts` entry, and so do
//! amounts; ids are a hash of the kind, the actors and the first passage, stable across runs.

use super::{Candidate, Conflict, ConflictValue, DateSource, Event, EventKind, Status};
use crate::entities::{Entity, EntityKind};
use crate::time::{DateRange, Precision};
use std::collections::{BTreeMap, HashMap};

/// An actor in more than this share of candidates is background (the story's protagonist), not a key.
const BACKGROUND_SHARE: f64 = 0.3;
/// Below this many candidates every actor counts as distinctive.
const FEW_CANDIDATES: usize = 12;
/// Day-precise dates this many days apart may still be one happening told differently.
const DAY_TOLERANCE: i64 = 3;

pub fn merge(candidates: Vec<Candidate>, entities: &[Entity], article_ids: &[String]) -> Vec<Event> {
    let n = candidates.len();
    let key_entities: Vec<Vec<usize>> = candidates
        .iter()
        .map(|c| c.entities.iter().copied().filter(|&e| entities[e].kind != EntityKind::Media).collect())
        .collect();
    let mut frequency: HashMap<usize, usize> = HashMap::new();
    for keys in &key_entities {
        for &e in keys {
            *frequency.entry(e).or_default() += 1;
        }
    }
    let distinctive = |e: usize| n < FEW_CANDIDATES || (frequency[&e] as f64) <= BACKGROUND_SHARE * n as f64;

    // Buckets of candidates sharing (kind, distinctive actor); candidates with no distinctive actor
    // are bucketed by their whole actor set.
    let mut buckets: HashMap<(EventKind, Vec<usize>), Vec<usize>> = HashMap::new();
    for (i, c) in candidates.iter().enumerate() {
        let keys: Vec<usize> = key_entities[i].iter().copied().filter(|&e| distinctive(e)).collect();
        if keys.is_empty() {
            let mut all = key_entities[i].clone();
            all.sort_unstable();
            buckets.entry((c.kind, all)).or_default().push(i);
        } else {
            for k in keys {
                buckets.entry((c.kind, vec![k])).or_default().push(i);
            }
        }
    }
    let mut parent: Vec<usize> = (0..n).collect();
    let mut keys: Vec<_> = buckets.keys().cloned().collect();
    keys.sort();
    for key in keys {
        let members = &buckets[&key];
        for (x, &a) in members.iter().enumerate() {
            for &b in &members[x + 1..] {
                if compatible(&candidates[a], &candidates[b]) {
                    union(&mut parent, a, b);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut events: Vec<Event> = groups.into_values().map(|g| event_of(&g, &candidates, article_ids, entities)).collect();
    events.sort_by(|a, b| {
        let key = |e: &Event| e.date.map(|d| (d.start, d.end));
        key(a).is_none().cmp(&key(b).is_none()).then(key(a).cmp(&key(b))).then(a.id.cmp(&b.id))
    });
    events
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

fn compatible(a: &Candidate, b: &Candidate) -> bool {
    if a.kind != b.kind {
        return false;
    }
    if a.article == b.article && a.span == b.span {
        return false;
    }
    if let (Some(x), Some(y)) = (&a.money, &b.money) {
        if x.currency == y.currency && (x.amount / y.amount > 2.0 || y.amount / x.amount > 2.0) {
            return false;
        }
    }
    match (&a.date, &b.date) {
        (Some(x), Some(y)) => dates_compatible(x, y),
        _ => true,
    }
}

fn dates_compatible(x: &DateRange, y: &DateRange) -> bool {
    let tolerance = if x.precision == Precision::Day && y.precision == Precision::Day {
        chrono::Duration::days(DAY_TOLERANCE)
    } else {
        chrono::Duration::days(0)
    };
    x.start - tolerance <= y.end && y.start - tolerance <= x.end
}

fn event_of(group: &[usize], candidates: &[Candidate], article_ids: &[String], entities: &[Entity]) -> Event {
    let members: Vec<&Candidate> = group.iter().map(|&i| &candidates[i]).collect();
    // Each article's best date: nearest source first, then most precise.
    let mut per_article: BTreeMap<usize, (DateSource, Precision, DateRange)> = BTreeMap::new();
    for c in &members {
        if let Some(d) = c.date {
            let entry = (c.date_source, d.precision, d);
            per_article
                .entry(c.article)
                .and_modify(|e| {
                    if (entry.0, std::cmp::Reverse(entry.1)) > (e.0, std::cmp::Reverse(e.1)) {
                        *e = entry;
                    }
                })
                .or_insert(entry);
        }
    }
    let mut votes: Vec<(DateRange, Vec<usize>, DateSource)> = Vec::new();
    for (&article, &(source, _, range)) in &per_article {
        match votes.iter_mut().find(|v| v.0 == range) {
            Some(v) => {
                v.1.push(article);
                v.2 = v.2.max(source);
            }
            None => votes.push((range, vec![article], source)),
        }
    }
    votes.sort_by(|a, b| {
        b.1.len()
            .cmp(&a.1.len())
            .then(b.2.cmp(&a.2))
            .then(a.0.precision.cmp(&b.0.precision))
            .then(a.0.start.cmp(&b.0.start))
    });
    let date = votes.first().map(|v| v.0);
    let mut conflicts = Vec::new();
    let firm: Vec<&(DateRange, Vec<usize>, DateSource)> =
        votes.iter().filter(|v| v.0.precision <= Precision::Month && v.2 >= DateSource::Sentence).collect();
    let disagree = firm.iter().enumerate().any(|(i, a)| {
        firm[i + 1..].iter().any(|b| !(contains(&a.0, &b.0) || contains(&b.0, &a.0)))
    });
    if disagree {
        conflicts.push(Conflict {
            field: "date".into(),
            values: firm
                .iter()
                .map(|v| ConflictValue {
                    value: crate::time::label_en(&v.0),
                    articles: v.1.iter().map(|&a| article_ids[a].clone()).collect(),
                })
                .collect(),
        });
    }
    let mut amounts: Vec<(String, Vec<usize>)> = Vec::new();
    for c in &members {
        if let Some(m) = &c.money {
            let shown = m.display();
            match amounts.iter_mut().find(|(v, _)| *v == shown) {
                Some((_, arts)) => {
                    if !arts.contains(&c.article) {
                        arts.push(c.article)
                    }
                }
                None => amounts.push((shown, vec![c.article])),
            }
        }
    }
    let distinct_amount_articles: std::collections::BTreeSet<usize> = amounts.iter().flat_map(|a| a.1.iter().copied()).collect();
    if amounts.len() > 1 && distinct_amount_articles.len() > 1 {
        conflicts.push(Conflict {
            field: "amount".into(),
            values: amounts
                .iter()
                .map(|(v, arts)| ConflictValue { value: v.clone(), articles: arts.iter().map(|&a| article_ids[a].clone()).collect() })
                .collect(),
        });
    }
    // Status: the surest any source is; planned only when every source speaks of the future.
    let status = if members.iter().all(|c| c.status == Status::Planned) {
        Status::Planned
    } else {
        members.iter().map(|c| c.status).filter(|s| *s != Status::Planned).min().unwrap_or(Status::Confirmed)
    };
    let mut actors: Vec<usize> = Vec::new();
    for c in &members {
        for &e in &c.entities {
            if !actors.contains(&e) {
                actors.push(e);
            }
        }
    }
    // The title comes from the source with the nearest date, then the one with an English title.
    let best = members
        .iter()
        .max_by_key(|c| (c.date_source, c.title_en.is_some(), std::cmp::Reverse(c.title_zh.chars().count())))
        .expect("a group has members");
    let mut sources: Vec<(usize, crate::text::Span)> = Vec::new();
    for c in &members {
        if !sources.contains(&(c.article, c.span)) {
            sources.push((c.article, c.span));
        }
    }
    sources.sort();
    let money = members.iter().filter_map(|c| c.money).next();
    Event {
        id: event_id(best.kind, &actors, &sources, article_ids, entities),
        kind: best.kind,
        status,
        date,
        entities: actors,
        money,
        title_zh: best.title_zh.clone(),
        title_en: best.title_en.clone(),
        sources,
        conflicts,
    }
}

fn contains(outer: &DateRange, inner: &DateRange) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// FNV-1a over what identifies the event; stable across runs and machines.
fn event_id(kind: EventKind, actors: &[usize], sources: &[(usize, crate::text::Span)], article_ids: &[String], entities: &[Entity]) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    let mut feed = |s: &str| {
        for b in s.bytes().chain(std::iter::once(0xff)) {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
    };
    feed(&format!("{kind:?}"));
    let mut ids: Vec<&str> = actors.iter().map(|&a| entities[a].id.as_str()).collect();
    ids.sort_unstable();
    for id in ids {
        feed(id);
    }
    if let Some(&(a, span)) = sources.first() {
        feed(&article_ids[a]);
        feed(&format!("{}:{}", span.start, span.end));
    }
    format!("ev-{:016x}", h)[..15].to_string()
}
