//! The event lexicon (`assets/lexicon/events.toml`): trigger words per event kind, status cues and
//! other cues, folded once and compiled into one Aho-Corasick automaton, so a clause is scanned once
//! whatever the size of the lexicon.

use super::EventKind;
use crate::error::{Error, ErrorCode, Result};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;
use std::collections::BTreeMap;

const EMBEDDED: &str = include_str!("../../assets/lexicon/events.toml");

/// When a clause holds triggers of several kinds, the earlier kind here names the event: a layoff
/// announced in a statement is a layoff.
pub const PRIORITY: &[EventKind] = &[
    EventKind::Layoff,
    EventKind::Lawsuit,
    EventKind::Investment,
    EventKind::Hire,
    EventKind::Departure,
    EventKind::Organization,
    EventKind::Infrastructure,
    EventKind::Agreement,
    EventKind::Product,
    EventKind::Compensation,
    EventKind::Statement,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    Trigger(EventKind),
    Reported,
    Rumoured,
    Planned,
    Latest,
    Hypothetical,
}

#[derive(Deserialize)]
struct TriggerList {
    triggers: Vec<String>,
}

#[derive(Deserialize)]
struct StatusLists {
    reported: Vec<String>,
    rumoured: Vec<String>,
    planned: Vec<String>,
}

#[derive(Deserialize)]
struct CueLists {
    latest: Vec<String>,
    hypothetical: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    kinds: BTreeMap<EventKind, TriggerList>,
    status: StatusLists,
    cues: CueLists,
}

/// A found cue: what it is and its char span within the scanned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub cue: Cue,
    pub start: usize,
    pub end: usize,
}

pub struct Lexicon {
    automaton: AhoCorasick,
    cues: Vec<Cue>,
}

impl Lexicon {
    pub fn embedded() -> Lexicon {
        Lexicon::parse(EMBEDDED).expect("the embedded event lexicon is valid")
    }

    pub fn parse(toml_text: &str) -> Result<Lexicon> {
        let file: File = toml::from_str(toml_text)
            .map_err(|e| Error::new(ErrorCode::Internal, format!("event lexicon: {}", e.message())))?;
        let mut words: Vec<String> = Vec::new();
        let mut cues = Vec::new();
        let mut add = |list: &[String], cue: Cue| {
            for w in list {
                let folded = crate::text::fold_str(w);
                if !folded.is_empty() && !words.iter().zip(&cues).any(|(x, c)| *x == folded && *c == cue) {
                    words.push(folded);
                    cues.push(cue);
                }
            }
        };
        for (kind, list) in &file.kinds {
            add(&list.triggers, Cue::Trigger(*kind));
        }
        add(&file.status.reported, Cue::Reported);
        add(&file.status.rumoured, Cue::Rumoured);
        add(&file.status.planned, Cue::Planned);
        add(&file.cues.latest, Cue::Latest);
        add(&file.cues.hypothetical, Cue::Hypothetical);
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&words)
            .map_err(|e| Error::new(ErrorCode::Internal, format!("event lexicon: {e}")))?;
        Ok(Lexicon { automaton, cues })
    }

    /// Every cue in `folded` (overlapping ones too), with char offsets; a trigger inside a longer
    /// trigger of the same text position range is dropped, so 投资 inside 投巨资 counts once.
    pub fn scan(&self, folded: &str) -> Vec<Hit> {
        let mut byte_to_char = Vec::with_capacity(folded.len() + 1);
        let mut n = 0;
        for (i, c) in folded.char_indices() {
            while byte_to_char.len() < i {
                byte_to_char.push(n);
            }
            byte_to_char.push(n);
            n += 1;
            let _ = c;
        }
        while byte_to_char.len() <= folded.len() {
            byte_to_char.push(n);
        }
        let mut hits: Vec<Hit> = self
            .automaton
            .find_overlapping_iter(folded)
            .map(|m| Hit {
                cue: self.cues[m.pattern().as_usize()],
                start: byte_to_char[m.start()],
                end: byte_to_char[m.end()],
            })
            .collect();
        let triggers: Vec<Hit> = hits.iter().copied().filter(|h| matches!(h.cue, Cue::Trigger(_))).collect();
        hits.retain(|h| {
            !matches!(h.cue, Cue::Trigger(_))
                || !triggers.iter().any(|o| {
                    o != h && o.start <= h.start && h.end <= o.end && (o.end - o.start) > (h.end - h.start)
                })
        });
        hits.sort_by_key(|h| (h.start, h.end));
        hits
    }
}
