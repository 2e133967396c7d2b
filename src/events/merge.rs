//! Joining candidates that tell of one happening into one event.

use super::{Candidate, Event};

/// Walking-skeleton stand-in: every candidate is its own event.
pub fn merge(candidates: Vec<Candidate>, article_ids: &[String]) -> Vec<Event> {
    let _ = article_ids;
    candidates
        .into_iter()
        .enumerate()
        .map(|(i, c)| Event {
            id: format!("ev{i}"),
            kind: c.kind,
            status: c.status,
            date: c.date,
            entities: c.entities,
            title_zh: c.title_zh,
            title_en: c.title_en,
            sources: vec![(c.article, c.span)],
            conflicts: Vec::new(),
        })
        .collect()
}
