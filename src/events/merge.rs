//! Joining candidates that tell of one happening into one event.
//!
//! Two candidates are one happening when they are of the same kind, share a distinctive actor (one
//! that is not in most candidates of the corpus, so that "Meta" alone joins nothing), their dates are
//! compatible, their amounts (if both give one) are of one order, and they do not give different
//! times of their kind (第一次 and 第二次 辯論 are two hearings). Only candidates that share an
//! actor are ever compared, so the work stays near-linear.
//!
//! The merged event keeps every source's passage; its date is the one most articles give (each
//! article one vote, its nearest date, which also counts for every finer date it holds: "2024"
//! does not dispute "9 August 2024"), ties going to the date found nearest the trigger and then to
//! the more precise one. Dates that contradict each other become a `conflicts` entry, and so do
//! amounts; ids are a hash of the kind, the actors and the first passage, stable across runs.
//!
//! Clustering is complete-linkage and greedy: a candidate joins the first cluster whose every member
//! it is compatible with, so an undated mention cannot glue two different happenings together.
//! Members that are alike in everything the test reads (dates, amount, actors) answer it alike, so
//! a cluster tests one member of each likeness: a story retold by thousands of reposts costs as
//! much as its distinct tellings, not as its reposts. A cluster also keeps the span of its
//! members' dates and amounts, which answers most date tests at once (a story told over years fills
//! a bucket with clusters of other years), and tests first the member that last turned a newcomer
//! away. A candidate only ever joins a cluster of its own kind and class, so the candidates are
//! clustered one kind and class at a time, what the search needs (each candidate's keys, the
//! buckets) is held for that run alone, and the runs are clustered on every core. An event's
//! titles are made for the member it takes them from, by the caller's `Titling`; the candidates
//! carry only what choosing that member weighs. Events are built from their clusters on every
//! core too.

use super::{Candidate, Conflict, ConflictValue, DateSource, Event, EventKind, Status};
use crate::entities::{Entity, EntityKind};
use crate::time::{DateRange, Precision};
use chrono::NaiveDate;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeMap;

/// An actor in more than this share of candidates is background (the story's protagonist), not a key.
const BACKGROUND_SHARE: f64 = 0.3;
/// Below this many candidates every actor counts as distinctive.
const FEW_CANDIDATES: usize = 12;
/// Day-precise dates this many days apart, in two articles, may still be one happening told
/// differently (a time zone, a report dated by its publication); one article telling two days tells
/// two happenings.
const DAY_TOLERANCE: i64 = 1;
/// A date carried from an earlier sentence of the paragraph fits dates this many days away: it is a
/// hint, good to a month for most happenings, which are retold for weeks.
const CARRIED_DAYS: i64 = 31;
/// The same for words said: a statement is said on its day, and one person's statements a week apart
/// are two.
const CARRIED_DAYS_SAID: i64 = 7;
/// Amounts further apart than this factor are different deals, not one deal told differently.
const MONEY_RATIO: f64 = 1.3;

/// How far a carried date of a happening of this kind reaches.
fn carried_reach(kind: EventKind) -> chrono::Duration {
    chrono::Duration::days(if kind == EventKind::Statement {
        CARRIED_DAYS_SAID
    } else {
        CARRIED_DAYS
    })
}

/// What makes an event's titles from the member it takes them from (see [`super::title::of`]).
pub type Titling<'a> = &'a (dyn Fn(&Candidate) -> (String, Option<String>) + Sync);

pub fn merge(
    candidates: &[Candidate],
    entities: &[Entity],
    article_ids: &[String],
    titling: Titling,
) -> Vec<Event> {
    merge_asking(
        candidates,
        entities,
        article_ids,
        titling,
        Asking::Summaries,
    )
}

/// How a cluster answers whether a newcomer fits: from what its members have in common where that
/// tells, or by asking each member (the definition, which the summaries must always agree with).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Asking {
    #[default]
    Summaries,
    #[cfg_attr(not(test), allow(dead_code))]
    EachMember,
}

fn merge_asking(
    candidates: &[Candidate],
    entities: &[Entity],
    article_ids: &[String],
    titling: Titling,
    asking: Asking,
) -> Vec<Event> {
    let n = candidates.len();
    let mut frequency: HashMap<usize, usize> = HashMap::default();
    for c in candidates {
        for &e in c
            .entities
            .iter()
            .filter(|&&e| entities[e].kind != EntityKind::Media)
        {
            *frequency.entry(e).or_default() += 1;
        }
    }
    let distinctive = |e: usize| {
        entities[e].kind != EntityKind::Media
            && (n < FEW_CANDIDATES
                || (frequency.get(&e).copied().unwrap_or(0) as f64) <= BACKGROUND_SHARE * n as f64)
    };
    let keys_of = |c: &Candidate| {
        let mut distinct: Vec<usize> = c
            .entities
            .iter()
            .copied()
            .filter(|&e| distinctive(e))
            .collect();
        let mut from_context = false;
        if distinct.is_empty() {
            // Nothing distinctive among the actors: let the sentence's other names tell it apart.
            distinct = c
                .context
                .iter()
                .copied()
                .filter(|&e| distinctive(e))
                .collect();
            distinct.dedup();
            from_context = !distinct.is_empty();
        }
        let mut own: Vec<usize> = c
            .entities
            .iter()
            .copied()
            .filter(|&e| entities[e].kind != EntityKind::Media)
            .collect();
        own.sort_unstable();
        own.dedup();
        let persons: Vec<usize> = distinct
            .iter()
            .copied()
            .filter(|&e| entities[e].kind == EntityKind::Person)
            .collect();
        let mut all: Vec<usize> = c
            .entities
            .iter()
            .chain(&c.context)
            .copied()
            .filter(|&e| entities[e].kind != EntityKind::Media)
            .collect();
        all.sort_unstable();
        all.dedup();
        let lead = c
            .entities
            .first()
            .copied()
            .filter(|&e| entities[e].kind == EntityKind::Organization);
        Keys::new(&distinct, &persons, &all, &own, lead, from_context)
    };

    // Precise, near-dated candidates seed the clusters; the rest join the first cluster they fit.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| {
        let c = &candidates[i];
        (
            c.kind,
            c.class,
            std::cmp::Reverse(c.date_source),
            c.date.map(|d| d.precision),
            c.article,
            c.span,
        )
    });
    // Where each candidate stands in that order.
    let mut position = vec![0u32; n];
    for (p, &i) in order.iter().enumerate() {
        position[i] = p as u32;
    }
    // A telling joins only a cluster of its own kind and class (every bucket names them), so each
    // run of the order with one kind and class is clustered on its own: its keys, likeness classes
    // and buckets are made when it starts and let go when it ends, never the whole corpus's at once.
    // Runs share nothing, so they are clustered on every core.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut run_start = 0;
    while run_start < n {
        let first = &candidates[order[run_start]];
        let run_end = order[run_start..]
            .iter()
            .position(|&i| (candidates[i].kind, candidates[i].class) != (first.kind, first.class))
            .map_or(n, |k| run_start + k);
        runs.push((run_start, run_end));
        run_start = run_end;
    }
    let run_clusters = crate::parallel::par_map_balanced(&runs, |&(start, end)| {
        let run = Run {
            order: &order[start..end],
            start,
            position: &position,
        };
        cluster_run(&run, candidates, &keys_of, asking)
    });
    drop(position);
    let groups: Vec<Vec<usize>> = run_clusters.into_iter().flatten().collect();
    let mut events: Vec<Event> = crate::parallel::par_map(&groups, |g| {
        event_of(g, candidates, article_ids, entities, titling)
    });
    events.sort_by(|a, b| {
        let key = |e: &Event| e.date.map(|d| (d.start, d.end));
        key(a)
            .is_none()
            .cmp(&key(b).is_none())
            .then(key(a).cmp(&key(b)))
            .then(a.id.cmp(&b.id))
    });
    // Two events of one sentence with the same kind and actors hash alike: the later in timeline
    // order takes a suffix, so an id names one event.
    let mut seen: HashMap<String, usize> = HashMap::default();
    for e in &mut events {
        let n = seen.entry(e.id.clone()).or_default();
        *n += 1;
        if *n > 1 {
            e.id = format!("{}-{}", e.id, n);
        }
    }
    events
}

/// One run of the merge's order: candidates of one kind and class, where it starts in the order,
/// and where each candidate stands in the order.
struct Run<'a> {
    order: &'a [usize],
    start: usize,
    position: &'a [u32],
}

/// The clusters of one run (each its members, in the order they joined), in the order they were
/// made: each candidate joins the first cluster it fits (see the module's overview).
fn cluster_run(
    run: &Run,
    candidates: &[Candidate],
    keys_of: &(impl Fn(&Candidate) -> Keys + Sync),
    asking: Asking,
) -> Vec<Vec<usize>> {
    let mut clusters: Vec<Cluster> = Vec::new();
    // What each cluster holds besides its members, kept for all clusters in one set each rather than
    // a set in every cluster: most clusters are one telling, and a set of its own costs a table.
    // Which likeness classes a cluster has a representative of, (cluster, class).
    let mut likenesses: HashSet<(u32, u32)> = HashSet::default();
    // The passage of every member, (cluster, article, passage start, passage end): a passage is never
    // two tellings of one happening.
    let mut passages: HashSet<[u32; 4]> = HashSet::default();
    // Each bucket once, by number; the clusters registered under it; and (bucket, cluster) for each
    // registration, so a bucket lists a cluster once without a search of its list.
    let mut bucket_ids: HashMap<Bucket, u32> = HashMap::default();
    let mut by_bucket: Vec<Vec<usize>> = Vec::new();
    let mut registered: HashSet<(u32, u32)> = HashSet::default();
    let passage =
        |cl: usize, c: &Candidate| [cl, c.article, c.span.start, c.span.end].map(|x| x as u32);
    let keys = RunKeys {
        start: run.start,
        keys: run.order.iter().map(|&i| keys_of(&candidates[i])).collect(),
        position: run.position,
    };
    // Each candidate's likeness class (see the module's overview), by its place in the run.
    let mut classes: HashMap<Likeness, u32> = HashMap::default();
    let likeness: Vec<u32> = run
        .order
        .iter()
        .map(|&i| {
            let next = classes.len() as u32;
            *classes
                .entry(Likeness::of(&candidates[i], &keys[i]))
                .or_insert(next)
        })
        .collect();
    drop(classes);
    for (at, &i) in run.order.iter().enumerate() {
        let c = &candidates[i];
        // Look where a fitting cluster may be: under each distinctive actor, or (for a telling with
        // only protagonists) under each of its actors; register under every actor and the whole set.
        let register: Vec<Bucket> = keys[i]
            .all()
            .iter()
            .map(|&e| (c.kind, c.class, Box::from([e])))
            .chain(std::iter::once((c.kind, c.class, Box::from(keys[i].all()))))
            .collect();
        let distinct: Vec<Bucket>;
        let lookup: &[Bucket] = if keys[i].weak() {
            &register
        } else {
            distinct = keys[i]
                .distinct()
                .iter()
                .map(|&e| (c.kind, c.class, Box::from([e])))
                .collect();
            &distinct
        };
        let mut home = None;
        'search: for b in lookup {
            let listed = bucket_ids
                .get(b)
                .map_or(&[][..], |&k| &by_bucket[k as usize]);
            for &cl in listed {
                // Every member must agree on dates, amounts and times; on who is involved,
                // only the members that name someone distinctive have a say (a vague telling
                // vetoes nothing), and at least one member must agree. A vague newcomer (only
                // the story's protagonists) needs only that one: "Zuckerberg is building data
                // centres" is the announcement whose other tellings name the sites and not
                // him. A passage is never two tellings of one happening.
                let cluster = &mut clusters[cl];
                let fits = cluster.details_agree(c, candidates)
                    && !passages.contains(&passage(cl, c))
                    && cluster.actors_agree(i, candidates, &keys);
                if fits {
                    home = Some(cl);
                    break 'search;
                }
            }
        }
        let cl = home.unwrap_or_else(|| {
            clusters.push(Cluster {
                asking,
                ..Cluster::default()
            });
            clusters.len() - 1
        });
        let cluster = &mut clusters[cl];
        cluster.members.push(i);
        passages.insert(passage(cl, c));
        if likenesses.insert((cl as u32, likeness[at])) {
            cluster.add_representative(i, c, &keys[i]);
        }
        for b in register {
            let next = bucket_ids.len() as u32;
            let k = *bucket_ids.entry(b).or_insert_with(|| {
                by_bucket.push(Vec::new());
                next
            });
            if registered.insert((k, cl as u32)) {
                by_bucket[k as usize].push(cl);
            }
        }
    }
    clusters.into_iter().map(|g| g.members).collect()
}

/// The keys of one run of the merge's order, looked up by candidate index.
struct RunKeys<'a> {
    /// Where the run starts in the order.
    start: usize,
    keys: Vec<Keys>,
    /// Each candidate's place in the order.
    position: &'a [u32],
}

impl std::ops::Index<usize> for RunKeys<'_> {
    type Output = Keys;
    fn index(&self, candidate: usize) -> &Keys {
        &self.keys[self.position[candidate] as usize - self.start]
    }
}

impl Keys {
    /// Names no distinctive actor of its own: found under its actors, and vetoed by no telling.
    fn weak(&self) -> bool {
        self.distinct().is_empty() || self.from_context
    }
}

/// A cluster being built.
#[derive(Default)]
struct Cluster {
    asking: Asking,
    members: Vec<usize>,
    /// One member of each likeness class among the members: the ones a newcomer is tested against,
    /// those that name someone distinctive and those that do not. Every test asks whether all or
    /// any of them agree, so their order is free: the one that last turned a newcomer away (or
    /// let one in) is moved to the front, where the next, alike newcomer meets it first.
    precise: Vec<usize>,
    vague: Vec<usize>,
    /// What the representatives' dates and amounts span.
    spread: Spread,
    /// Who the precise representatives have in common.
    shared: Shared,
    /// The representatives that name no person, and those that name each person.
    no_persons: Vec<usize>,
    by_person: HashMap<usize, Vec<usize>>,
}

impl Cluster {
    /// Every representative agrees with `c` on dates, amounts and times ([`details_agree`]):
    /// answered from the spread where it can be, else by asking each.
    fn details_agree(&self, c: &Candidate, candidates: &[Candidate]) -> bool {
        let verdict = match self.asking {
            Asking::Summaries => self.spread.verdict(c),
            Asking::EachMember => None,
        };
        match verdict {
            Some(answer) => answer,
            None => {
                let all = self.precise.iter().chain(&self.vague);
                all.map(|&j| &candidates[j]).all(|j| details_agree(c, j))
            }
        }
    }

    /// On who is involved, only the members that name someone distinctive have a say (a vague
    /// telling vetoes nothing), and at least one member must agree. A vague newcomer (only the
    /// story's protagonists) needs only that one: "Zuckerberg is building data centres" is the
    /// announcement whose other tellings name the sites and not him.
    fn actors_agree(&mut self, i: usize, candidates: &[Candidate], keys: &RunKeys) -> bool {
        let c = &candidates[i];
        let agree = |j: usize| actors_agree(c, &candidates[j], &keys[i], &keys[j]);
        if self.asking == Asking::EachMember {
            let mut all = self.precise.iter().chain(&self.vague);
            return (keys[i].weak() || self.precise.iter().all(|&j| agree(j)))
                && all.any(|&j| agree(j));
        }
        if !keys[i].weak() {
            if self.shared.all_agree(c, &keys[i]) {
                return true;
            }
            if let Some(at) = self.precise.iter().position(|&j| !agree(j)) {
                self.precise.swap(0, at);
                return false;
            }
            if !self.precise.is_empty() {
                return true;
            }
        }
        // Where people matter, one who names a person agrees only with those who name one of
        // the same people, and one who names none only with those who name none.
        if people_matter(c.kind) {
            if keys[i].persons().is_empty() {
                return first_to_front(&mut self.no_persons, agree);
            }
            return keys[i].persons().iter().any(|p| {
                self.by_person
                    .get_mut(p)
                    .is_some_and(|list| first_to_front(list, agree))
            });
        }
        first_to_front(&mut self.precise, agree) || first_to_front(&mut self.vague, agree)
    }

    fn add_representative(&mut self, i: usize, c: &Candidate, k: &Keys) {
        self.spread.widen(c);
        if k.distinct().is_empty() {
            self.vague.push(i);
        } else {
            self.shared.add(k);
            self.precise.push(i);
        }
        if k.persons().is_empty() {
            self.no_persons.push(i);
        }
        for &p in k.persons() {
            self.by_person.entry(p).or_default().push(i);
        }
    }
}

/// What every precise representative of a cluster (one naming someone distinctive) has in
/// common: enough to see that a newcomer agrees with all of them ([`actors_agree`]) without
/// asking each, in the usual case where they all name one actor the newcomer names too.
#[derive(Default)]
struct Shared {
    /// The distinctive actors all of them name; `None` before the first.
    distinct: Option<Vec<usize>>,
    /// The people all of them name.
    persons: Option<Vec<usize>>,
    /// Every leading organisation any of them has.
    leads: Vec<usize>,
    /// Some of them name a person.
    any_persons: bool,
}

impl Shared {
    fn add(&mut self, k: &Keys) {
        let keep = |common: &mut Option<Vec<usize>>, own: &[usize]| match common {
            Some(c) => c.retain(|e| own.contains(e)),
            None => *common = Some(own.to_vec()),
        };
        keep(&mut self.distinct, k.distinct());
        keep(&mut self.persons, k.persons());
        if let Some(l) = k.lead.filter(|l| !self.leads.contains(l)) {
            self.leads.push(l);
        }
        self.any_persons |= !k.persons().is_empty();
    }

    /// True only when [`actors_agree`] holds between `c` (with keys `k`, not weak) and every
    /// precise representative: no other leading organisation for a hire; for the kinds where
    /// people matter, a person all of them name, or no person on either side; and an actor all of
    /// them name. False says nothing.
    fn all_agree(&self, c: &Candidate, k: &Keys) -> bool {
        let (Some(distinct), Some(persons)) = (&self.distinct, &self.persons) else {
            return false;
        };
        if c.kind == EventKind::Hire
            && k.lead
                .is_some_and(|l| self.leads.iter().any(|&other| other != l))
        {
            return false;
        }
        if people_matter(c.kind) {
            if k.persons().iter().any(|p| persons.contains(p)) {
                return true;
            }
            if !k.persons().is_empty() || self.any_persons {
                return false;
            }
        }
        k.distinct().iter().any(|e| distinct.contains(e))
    }
}

/// Whether some member of `list` passes `test`; the first that does moves to the front.
fn first_to_front(list: &mut [usize], test: impl Fn(usize) -> bool) -> bool {
    match list.iter().position(|&j| test(j)) {
        Some(at) => {
            list.swap(0, at);
            true
        }
        None => false,
    }
}

/// The dates, amounts and times of a cluster's representatives, by how each was dated: enough to answer
/// most of [`details_agree`]'s questions about all of them at once.
#[derive(Default)]
struct Spread {
    /// Dated by the window before their article's publication date.
    reported: Option<Envelope>,
    /// Dated by an earlier sentence of the paragraph.
    carried: Option<Envelope>,
    /// Dated by their own sentence or clause.
    told: Option<Envelope>,
    /// The smallest and largest amount in each currency.
    money: Vec<(crate::events::money::Currency, f64, f64)>,
    /// The times of their kind they give (第二次), each once: a handful at most.
    ordinals: Vec<super::ordinal::Ordinal>,
}

/// The latest start and the earliest end of some dates: the ones that decide whether every one
/// of them meets a newcomer's.
#[derive(Clone, Copy)]
struct Envelope {
    max_start: NaiveDate,
    min_end: NaiveDate,
}

impl Envelope {
    fn widen(slot: &mut Option<Envelope>, d: &DateRange) {
        let e = slot.get_or_insert(Envelope {
            max_start: d.start,
            min_end: d.end,
        });
        e.max_start = e.max_start.max(d.start);
        e.min_end = e.min_end.min(d.end);
    }
}

/// Three-valued: every one passes (`Some(true)`), one fails (`Some(false)`), or only asking
/// each can tell (`None`).
fn both(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), Some(true)) => Some(true),
        _ => None,
    }
}

/// Whether every date whose envelope is `e` passes `test`, from the envelope's bounds, when
/// `test` reads only `y.start` (rising makes it fail) or only `y.end` (falling makes it fail).
fn all_before(e: Option<Envelope>, ok: impl Fn(NaiveDate) -> bool) -> Option<bool> {
    Some(e.is_none_or(|e| ok(e.max_start)))
}

fn all_after(e: Option<Envelope>, ok: impl Fn(NaiveDate) -> bool) -> Option<bool> {
    Some(e.is_none_or(|e| ok(e.min_end)))
}

impl Spread {
    fn widen(&mut self, c: &Candidate) {
        if let Some(d) = &c.date {
            let slot = match c.date_source {
                DateSource::Article => &mut self.reported,
                DateSource::Paragraph => &mut self.carried,
                _ => &mut self.told,
            };
            Envelope::widen(slot, d);
        }
        if let Some(m) = &c.money {
            match self.money.iter_mut().find(|(cur, _, _)| *cur == m.currency) {
                Some((_, lo, hi)) => {
                    *lo = lo.min(m.amount);
                    *hi = hi.max(m.amount);
                }
                None => self.money.push((m.currency, m.amount, m.amount)),
            }
        }
        if c.ordinal != super::ordinal::NONE && !self.ordinals.contains(&c.ordinal) {
            self.ordinals.push(c.ordinal);
        }
    }

    /// [`details_agree`] of `c` with every representative, where the spread tells it.
    /// Each case reads the same comparisons as that function, at the dates that decide them.
    fn verdict(&self, c: &Candidate) -> Option<bool> {
        let times = Some(
            self.ordinals
                .iter()
                .all(|&o| super::ordinal::agree(o, c.ordinal)),
        );
        both(times, both(self.money_verdict(c), self.date_verdict(c)))
    }

    fn money_verdict(&self, c: &Candidate) -> Option<bool> {
        let Some(m) = &c.money else {
            return Some(true);
        };
        let Some(&(_, lo, hi)) = self.money.iter().find(|(cur, _, _)| *cur == m.currency) else {
            return Some(true);
        };
        let x = m.amount;
        let apart = |y: f64| x / y > MONEY_RATIO || y / x > MONEY_RATIO;
        if apart(lo) || apart(hi) {
            return Some(false);
        }
        // For positive amounts the ratios are monotone: the extremes decide for all between.
        (x > 0.0 && lo > 0.0 && x.is_finite() && hi.is_finite()).then_some(true)
    }

    fn date_verdict(&self, c: &Candidate) -> Option<bool> {
        let Some(x) = c.date else {
            return Some(true);
        };
        let reach = carried_reach(c.kind);
        let day = chrono::Duration::days(DAY_TOLERANCE);
        // Within a carried date's reach of each other, both ways.
        let near = |e: Option<Envelope>| {
            both(
                all_after(e, |end| x.start - reach <= end),
                all_before(e, |start| start - reach <= x.end),
            )
        };
        match c.date_source {
            // Reported by: each date told otherwise must start by its end; two windows always
            // meet one way or the other.
            DateSource::Article => {
                let starts_by = |e| all_before(e, |start| start <= x.end);
                both(starts_by(self.carried), starts_by(self.told))
            }
            DateSource::Paragraph => both(
                all_after(self.reported, |end| x.start <= end),
                both(near(self.carried), near(self.told)),
            ),
            _ => {
                let told = self.told.map(|e| {
                    if x.start - day > e.min_end || e.max_start - day > x.end {
                        Some(false)
                    } else if x.start <= e.min_end && e.max_start <= x.end {
                        Some(true)
                    } else {
                        // Within a day: whether a day's leeway applies depends on the pair.
                        None
                    }
                });
                both(
                    both(
                        all_after(self.reported, |end| x.start <= end),
                        near(self.carried),
                    ),
                    told.unwrap_or(Some(true)),
                )
            }
        }
    }
}

/// Where clusters are found: the kind, the class and one actor or a whole set of actors.
type Bucket = (EventKind, u16, Box<[usize]>);

/// Everything of a candidate that [`details_agree`] and [`actors_agree`] read, besides the
/// kind and class a cluster's members share. The article counts only where `actors_agree` reads it:
/// when no actor is distinctive.
#[derive(PartialEq, Eq, Hash)]
struct Likeness<'a> {
    date: Option<DateRange>,
    date_source: DateSource,
    money: Option<(crate::events::money::Currency, u64)>,
    ordinal: super::ordinal::Ordinal,
    keys: &'a Keys,
    article: Option<usize>,
}

impl<'a> Likeness<'a> {
    fn of(c: &Candidate, keys: &'a Keys) -> Likeness<'a> {
        Likeness {
            date: c.date,
            date_source: c.date_source,
            money: c.money.map(|m| (m.currency, m.amount.to_bits())),
            ordinal: c.ordinal,
            keys,
            article: keys.distinct().is_empty().then_some(c.article),
        }
    }
}

/// The entities that decide whether two candidates are one happening. Its four lists live in
/// one boxed slice, one after another: a merge holds one `Keys` for each of over a million
/// candidates at 100,000 articles.
#[derive(PartialEq, Eq, Hash)]
struct Keys {
    /// `distinct`, `persons`, `all` and `own`, in that order.
    lists: Box<[usize]>,
    /// Where `persons`, `all` and `own` start in `lists`.
    starts: [u32; 3],
    /// The first actor when it is an organisation: for a hire, who hires.
    lead: Option<usize>,
    /// `distinct` are names the sentence mentions beside the actors, not actors: weaker keys.
    from_context: bool,
}

impl Keys {
    fn new(
        distinct: &[usize],
        persons: &[usize],
        all: &[usize],
        own: &[usize],
        lead: Option<usize>,
        from_context: bool,
    ) -> Keys {
        let lists: Box<[usize]> = [distinct, persons, all, own].concat().into_boxed_slice();
        let a = distinct.len();
        let b = a + persons.len();
        let c = b + all.len();
        Keys {
            lists,
            starts: [a as u32, b as u32, c as u32],
            lead,
            from_context,
        }
    }
    /// Actors that are not the story's background.
    fn distinct(&self) -> &[usize] {
        &self.lists[..self.starts[0] as usize]
    }
    /// The distinctive actors who are people.
    fn persons(&self) -> &[usize] {
        &self.lists[self.starts[0] as usize..self.starts[1] as usize]
    }
    /// Every actor, sorted.
    fn all(&self) -> &[usize] {
        &self.lists[self.starts[1] as usize..self.starts[2] as usize]
    }
    /// The actors themselves (not media), sorted.
    fn own(&self) -> &[usize] {
        &self.lists[self.starts[2] as usize..]
    }
}

/// Two tellings of one kind and class whose dates, amounts and times (第二次) can be one happening's.
fn details_agree(a: &Candidate, b: &Candidate) -> bool {
    if a.kind != b.kind || a.class != b.class || !super::ordinal::agree(a.ordinal, b.ordinal) {
        return false;
    }
    if let (Some(x), Some(y)) = (&a.money, &b.money) {
        if x.currency == y.currency
            && (x.amount / y.amount > MONEY_RATIO || y.amount / x.amount > MONEY_RATIO)
        {
            return false;
        }
    }
    match (&a.date, &b.date) {
        (Some(x), Some(y)) => {
            if a.date_source == DateSource::Article || b.date_source == DateSource::Article {
                // "Reported by" a date: anything that happened before it fits.
                (y.start <= x.end && (x.start <= y.end || a.date_source == DateSource::Article))
                    || (b.date_source == DateSource::Article && x.start <= y.end)
            } else if a.date_source == DateSource::Paragraph
                || b.date_source == DateSource::Paragraph
            {
                // A date carried from an earlier sentence is a hint.
                let reach = carried_reach(a.kind);
                x.start - reach <= y.end && y.start - reach <= x.end
            } else {
                dates_compatible(x, y, a.article != b.article)
            }
        }
        _ => true,
    }
}

/// Kinds of happening that are told apart by who they happen to.
fn people_matter(kind: EventKind) -> bool {
    matches!(
        kind,
        EventKind::Hire | EventKind::Departure | EventKind::Compensation
    )
}

fn actors_agree(a: &Candidate, b: &Candidate, ka: &Keys, kb: &Keys) -> bool {
    if a.kind == EventKind::Hire {
        if let (Some(x), Some(y)) = (ka.lead, kb.lead) {
            if x != y {
                return false;
            }
        }
    }
    if people_matter(a.kind) && (!ka.persons().is_empty() || !kb.persons().is_empty()) {
        return ka.persons().iter().any(|p| kb.persons().contains(p));
    }
    if ka.distinct().is_empty() && kb.distinct().is_empty() {
        // Only the story's protagonists: one article telling of the same kind of thing again, or
        // two articles naming the very same actors.
        return a.article == b.article || ka.all() == kb.all();
    }
    if ka.distinct().is_empty() || kb.distinct().is_empty() {
        // A vaguer telling (only the protagonists) fits a precise one that names them all.
        let (vague, precise) = if ka.distinct().is_empty() {
            (ka, kb)
        } else {
            (kb, ka)
        };
        return vague
            .all()
            .iter()
            .any(|e| precise.all().contains(e) || precise.distinct().contains(e));
    }
    if ka.distinct().iter().any(|e| kb.distinct().contains(e)) {
        return true;
    }
    // Keys taken from the sentence's other names only tell happenings apart when they meet: a
    // telling whose actors are only protagonists fits one that names those actors.
    (ka.from_context && !ka.own().is_empty() && ka.own().iter().all(|e| kb.all().contains(e)))
        || (kb.from_context
            && !kb.own().is_empty()
            && kb.own().iter().all(|e| ka.all().contains(e)))
}

fn dates_compatible(x: &DateRange, y: &DateRange, two_articles: bool) -> bool {
    let tolerance =
        if two_articles && x.precision == Precision::Day && y.precision == Precision::Day {
            chrono::Duration::days(DAY_TOLERANCE)
        } else {
            chrono::Duration::days(0)
        };
    x.start - tolerance <= y.end && y.start - tolerance <= x.end
}

fn event_of(
    group: &[usize],
    candidates: &[Candidate],
    article_ids: &[String],
    entities: &[Entity],
    titling: Titling,
) -> Event {
    let members: Vec<&Candidate> = group.iter().map(|&i| &candidates[i]).collect();
    let votes = date_votes(&members);
    let date = votes.first().map(|v| v.range);
    let date_source = votes.first().map_or(DateSource::None, |v| v.source);
    let conflicts = date_conflict(&votes, article_ids)
        .into_iter()
        .chain(amount_conflict(&members, article_ids))
        .collect();
    let mut seen = HashSet::default();
    let actors: Vec<usize> = members
        .iter()
        .flat_map(|c| c.entities.iter().copied())
        .filter(|&e| seen.insert(e))
        .collect();
    let best = title_source(&members, date);
    let mut sources: Vec<(usize, crate::text::Span)> =
        members.iter().map(|c| (c.article, c.span)).collect();
    sources.sort_unstable();
    sources.dedup();
    let money = members.iter().filter_map(|c| c.money).next();
    let (title_zh, title_en) = titling(best);
    Event {
        id: event_id(best.kind, &actors, &sources, article_ids, entities),
        kind: best.kind,
        status: status_of(&members),
        date,
        date_source,
        entities: actors,
        money,
        title_zh,
        title_en,
        sources,
        conflicts,
        hidden: false,
        edited: Vec::new(),
    }
}

/// One date the sources give, the articles that give it, and the nearest of their sources.
struct Vote {
    range: DateRange,
    articles: Vec<usize>,
    source: DateSource,
}

/// The dates the members' articles give, most votes first: each article's best date (nearest
/// source first, then most precise) is its vote, and counts too for every finer date it holds;
/// ties go to the nearer source, then the more precise date, then the earlier.
fn date_votes(members: &[&Candidate]) -> Vec<Vote> {
    let mut per_article: BTreeMap<usize, (DateSource, Precision, DateRange)> = BTreeMap::new();
    for c in members {
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
    let mut votes: Vec<Vote> = Vec::new();
    for (&article, &(source, _, range)) in &per_article {
        match votes.iter_mut().find(|v| v.range == range) {
            Some(v) => {
                v.articles.push(article);
                v.source = v.source.max(source);
            }
            None => votes.push(Vote {
                range,
                articles: vec![article],
                source,
            }),
        }
    }
    // A coarser date that holds a finer one (2024 and 9 August 2024) does not dispute it: its
    // articles count for the finer date too.
    let support: Vec<usize> = votes
        .iter()
        .map(|v| {
            votes
                .iter()
                .filter(|w| {
                    w.range == v.range
                        || (w.range.precision > v.range.precision
                            && w.range.start <= v.range.start
                            && w.range.end >= v.range.end)
                })
                .map(|w| w.articles.len())
                .sum()
        })
        .collect();
    let mut votes: Vec<(usize, Vote)> = support.into_iter().zip(votes).collect();
    votes.sort_by(|(sa, a), (sb, b)| {
        sb.cmp(sa)
            .then(b.source.cmp(&a.source))
            .then(a.range.precision.cmp(&b.range.precision))
            .then(a.range.start.cmp(&b.range.start))
    });
    votes.into_iter().map(|(_, v)| v).collect()
}

/// Sources disagree on the date when two firm dates (a month or finer, from the sentence or
/// nearer) neither contain the other.
fn date_conflict(votes: &[Vote], article_ids: &[String]) -> Option<Conflict> {
    let firm: Vec<&Vote> = votes
        .iter()
        .filter(|v| v.range.precision <= Precision::Month && v.source >= DateSource::Sentence)
        .collect();
    let disagree = firm.iter().enumerate().any(|(i, a)| {
        firm[i + 1..]
            .iter()
            .any(|b| !(contains(&a.range, &b.range) || contains(&b.range, &a.range)))
    });
    disagree.then(|| Conflict {
        field: super::Disputed::Date,
        values: firm
            .iter()
            .map(|v| ConflictValue {
                value: crate::time::label_en(&v.range),
                articles: v.articles.iter().map(|&a| article_ids[a].clone()).collect(),
            })
            .collect(),
    })
}

/// Sources disagree on the amount when more than one amount is given, by more than one article.
fn amount_conflict(members: &[&Candidate], article_ids: &[String]) -> Option<Conflict> {
    let mut amounts: Vec<(String, Vec<usize>)> = Vec::new();
    for c in members {
        if let Some(m) = &c.money {
            let shown = m.display();
            match amounts.iter_mut().find(|(v, _)| *v == shown) {
                Some((_, arts)) => arts.push(c.article),
                None => amounts.push((shown, vec![c.article])),
            }
        }
    }
    for (_, arts) in &mut amounts {
        arts.sort_unstable();
        arts.dedup();
    }
    let distinct_amount_articles: std::collections::BTreeSet<usize> =
        amounts.iter().flat_map(|a| a.1.iter().copied()).collect();
    (amounts.len() > 1 && distinct_amount_articles.len() > 1).then(|| Conflict {
        field: super::Disputed::Amount,
        values: amounts
            .iter()
            .map(|(v, arts)| ConflictValue {
                value: v.clone(),
                articles: arts.iter().map(|&a| article_ids[a].clone()).collect(),
            })
            .collect(),
    })
}

/// The surest status any source gives; planned only when every source speaks of the future.
fn status_of(members: &[&Candidate]) -> Status {
    if members.iter().all(|c| c.status == Status::Planned) {
        Status::Planned
    } else {
        members
            .iter()
            .map(|c| c.status)
            .filter(|s| *s != Status::Planned)
            .min()
            .unwrap_or(Status::Confirmed)
    }
}

/// The member the event's kind and titles come from: the one with the chosen date and the nearest
/// source, then one with an English title, then the most named, then the shortest title.
fn title_source<'a>(members: &[&'a Candidate], date: Option<DateRange>) -> &'a Candidate {
    members
        .iter()
        .copied()
        .max_by_key(|c| {
            (
                c.date == date,
                c.date_source,
                c.titled_en,
                c.entities.len(),
                std::cmp::Reverse(c.title_chars),
            )
        })
        .expect("a group has members")
}

fn contains(outer: &DateRange, inner: &DateRange) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// FNV-1a over what identifies the event; stable across runs and machines.
fn event_id(
    kind: EventKind,
    actors: &[usize],
    sources: &[(usize, crate::text::Span)],
    article_ids: &[String],
    entities: &[Entity],
) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;
    use chrono::NaiveDate;

    fn untitled(_: &Candidate) -> (String, Option<String>) {
        (String::new(), None)
    }

    fn told(article: usize, start: &str, end: &str, precision: Precision) -> Candidate {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        Candidate {
            article,
            span: Span::new(0, 10),
            clause: Span::new(0, 10),
            kind: EventKind::Contest,
            class: 0,
            status: Status::Confirmed,
            date: Some(DateRange {
                start: day(start),
                end: day(end),
                precision,
            }),
            date_source: DateSource::Sentence,
            money: None,
            ordinal: crate::events::ordinal::NONE,
            entities: vec![0],
            context: Vec::new(),
            trigger: Span::new(0, 0),
            title_chars: 0,
            titled_en: false,
        }
    }

    #[test]
    fn coarser_dates_that_hold_a_finer_one_vote_for_it() {
        // Two articles say only "2024", one says the day: the day is the event's date.
        let members = [
            told(0, "2024-01-01", "2024-12-31", Precision::Year),
            told(1, "2024-01-01", "2024-12-31", Precision::Year),
            told(2, "2024-08-09", "2024-08-09", Precision::Day),
        ];
        let refs: Vec<&Candidate> = members.iter().collect();
        let votes = date_votes(&refs);
        assert_eq!(votes[0].range.precision, Precision::Day);
        // A day outside the year the others give does not get their votes.
        let members = [
            told(0, "2023-01-01", "2023-12-31", Precision::Year),
            told(1, "2023-01-01", "2023-12-31", Precision::Year),
            told(2, "2024-08-09", "2024-08-09", Precision::Day),
        ];
        let refs: Vec<&Candidate> = members.iter().collect();
        assert_eq!(date_votes(&refs)[0].range.precision, Precision::Year);
    }

    /// Entity `e{n}` of `kind`, as discovery would have found it.
    fn entity(n: usize, kind: EntityKind) -> Entity {
        Entity {
            id: format!("e{n}"),
            kind,
            name: format!("e{n}"),
            name_zh: None,
            aliases: Vec::new(),
            discovered: true,
            rejected: false,
            edited: false,
        }
    }

    #[test]
    fn statements_dated_from_their_paragraph_a_week_apart_are_two() {
        let person = entity(0, EntityKind::Person);
        let said = |article, day: &str| Candidate {
            kind: EventKind::Statement,
            date_source: DateSource::Paragraph,
            ..told(article, day, day, Precision::Day)
        };
        let ids: Vec<String> = (0..3).map(|a| format!("a{a}")).collect();
        let events = |c: &[Candidate]| merge(c, std::slice::from_ref(&person), &ids, &untitled);
        // Statements on the 6th and the 14th: two.
        assert_eq!(
            events(&[said(0, "2024-12-06"), said(1, "2024-12-14")]).len(),
            2
        );
        // A carried date is a hint: three days apart, one.
        assert_eq!(
            events(&[said(0, "2024-12-06"), said(2, "2024-12-09")]).len(),
            1
        );
    }

    #[test]
    fn tellings_of_a_first_and_a_second_time_are_two_happenings() {
        let person = entity(0, EntityKind::Person);
        let hearing = |article, ordinal| Candidate {
            ordinal,
            ..told(article, "2025-01-14", "2025-01-16", Precision::Vague)
        };
        let ids: Vec<String> = (0..3).map(|a| format!("a{a}")).collect();
        let events = |c: &[Candidate]| merge(c, std::slice::from_ref(&person), &ids, &untitled);
        use crate::events::ordinal::{AGAIN, NONE};
        // The first hearing and the second: two, however near their dates.
        assert_eq!(events(&[hearing(0, 1), hearing(1, 2)]).len(), 2);
        assert_eq!(events(&[hearing(0, 1), hearing(1, AGAIN)]).len(), 2);
        // "Again" may be the second; a telling that counts nothing may be either.
        assert_eq!(events(&[hearing(0, 2), hearing(1, AGAIN)]).len(), 1);
        assert_eq!(events(&[hearing(0, 2), hearing(1, NONE)]).len(), 1);
    }

    /// Candidates drawn from a small world, so that they meet often: a few articles, people,
    /// organisations and a medium, dates of every source and precision over a few weeks, amounts
    /// in two currencies, a few times of their kind.
    fn world() -> impl proptest::strategy::Strategy<Value = Vec<Candidate>> {
        use proptest::prelude::*;
        let kinds = prop::sample::select(vec![
            EventKind::Hire,
            EventKind::Departure,
            EventKind::Investment,
            EventKind::Contest,
        ]);
        let sources = prop::sample::select(vec![
            DateSource::None,
            DateSource::Article,
            DateSource::Paragraph,
            DateSource::Sentence,
            DateSource::Clause,
        ]);
        let date = (0i64..40, 0i64..3, 0usize..3).prop_map(|(from, long, p)| {
            let start = NaiveDate::from_ymd_opt(2024, 3, 1).unwrap() + chrono::Duration::days(from);
            let precision = [Precision::Day, Precision::Month, Precision::Vague][p];
            let days = [0, 20, 30][long as usize];
            DateRange {
                start,
                end: start
                    + chrono::Duration::days(if precision == Precision::Day { 0 } else { days }),
                precision,
            }
        });
        let money = (
            0usize..2,
            prop::sample::select(vec![0.0, 1.0, 1.2, 1.5, 3.0]),
        );
        let one = (
            (0usize..6, 0usize..30, kinds, 0u16..2, sources),
            prop::option::of(date),
            prop::option::weighted(0.3, money),
            prop::collection::vec(0usize..10, 0..4),
            prop::collection::vec(0usize..10, 0..3),
            prop::sample::select(vec![
                crate::events::ordinal::NONE,
                1,
                2,
                crate::events::ordinal::AGAIN,
                crate::events::ordinal::STAGE,
                crate::events::ordinal::STAGE + 1,
            ]),
        );
        prop::collection::vec(one, 1..120).prop_map(|all| {
            all.into_iter()
                .map(
                    |(
                        (article, at, kind, class, source),
                        date,
                        money,
                        entities,
                        context,
                        ordinal,
                    )| {
                        Candidate {
                            article,
                            span: Span::new(at, at + 5),
                            clause: Span::new(at, at + 5),
                            kind,
                            class,
                            status: Status::Confirmed,
                            date,
                            date_source: if date.is_some() {
                                source
                            } else {
                                DateSource::None
                            },
                            money: money.map(|(cur, amount)| crate::events::money::Money {
                                amount,
                                currency: [
                                    crate::events::money::Currency::Usd,
                                    crate::events::money::Currency::Cny,
                                ][cur],
                                approximate: false,
                                start: 0,
                                end: 0,
                            }),
                            ordinal,
                            entities,
                            context,
                            trigger: Span::new(0, 0),
                            title_chars: 0,
                            titled_en: false,
                        }
                    },
                )
                .collect()
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]

        /// The summaries a cluster keeps answer as asking each member would: the same events.
        #[test]
        fn summaries_answer_as_asking_each_member_would(candidates in world()) {
            let entities: Vec<Entity> = (0..10)
                .map(|e| {
                    let kind = match e {
                        0..=3 => EntityKind::Person,
                        9 => EntityKind::Media,
                        _ => EntityKind::Organization,
                    };
                    entity(e, kind)
                })
                .collect();
            let ids: Vec<String> = (0..6).map(|a| format!("a{a}")).collect();
            let quick = merge_asking(&candidates, &entities, &ids, &untitled, Asking::Summaries);
            let plain = merge_asking(&candidates, &entities, &ids, &untitled, Asking::EachMember);
            let json = |e: &[Event]| serde_json::to_string(e).unwrap();
            proptest::prop_assert_eq!(json(&quick), json(&plain));
        }
    }
}
