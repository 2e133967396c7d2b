//! The entity stage: people, organisations, facilities, products and media outlets, one entity
//! however each outlet spells it.
//!
//! Names come from the gazetteer ([`gazetteer`], `assets/gazetteer.toml`, user-extensible data) and
//! from discovery in the text ([`discover`]: glosses such as 汪滔(Alexandr Wang), Latin-script
//! names, ·-joined transliterations and their later surname-only references, organisation and
//! outlet cues). [`resolve`] joins every spelling that the gazetteer or a gloss pairs into one
//! entity, then finds mentions with one Aho-Corasick automaton over every folded spelling
//! ([`matcher`]) on the folded text; a mention's span is in chars and valid in the display text.
//! Media outlets are entities of kind [`EntityKind::Media`]: sources of reports, never actors
//! ([`EntityKind::is_actor`]). Only entities mentioned in the corpus are returned.

pub mod discover;
pub mod gazetteer;
pub mod matcher;
mod resolve;
pub mod word_list;

pub use gazetteer::{Entry, Gazetteer, Lexicon};
pub use resolve::{resolve, resolve_cached, resolve_with};

use crate::text::{fold_str, Span};
use serde::{Deserialize, Serialize};
#[cfg(feature = "bindings")]
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Facility,
    Product,
    Media,
}

impl EntityKind {
    /// Can it act in the story? Media outlets report on it instead.
    pub fn is_actor(self) -> bool {
        self != EntityKind::Media
    }
}

/// One person, company, place or thing of the story.
#[derive(Debug, Clone, Serialize)]
pub struct Entity {
    /// Stable id: the gazetteer's, or derived from the discovered name.
    pub id: String,
    pub kind: EntityKind,
    /// Display name (English where known, else Chinese).
    pub name: String,
    pub name_zh: Option<String>,
    /// Every spelling that refers to it, in any script, the names included.
    pub aliases: Vec<String>,
    /// Not in the gazetteer: found in the text.
    pub discovered: bool,
    /// A person marked it as not a name (or merged it into another): it names nothing now.
    pub rejected: bool,
    /// A person corrected it (renamed, gave an alias, merged another into it).
    pub edited: bool,
}

impl Entity {
    /// Every spelling folded the way article texts are (for matching and query expansion),
    /// without duplicates.
    pub fn folded_aliases(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let all = std::iter::once(&self.name)
            .chain(self.name_zh.iter())
            .chain(self.aliases.iter());
        for s in all {
            let f = fold_str(s.trim());
            if !f.is_empty() && !out.contains(&f) {
                out.push(f);
            }
        }
        out
    }

    /// Is `name` (any script, any case) its id or one of its spellings?
    pub fn is_called(&self, name: &str) -> bool {
        let name = name.trim();
        if self.id.eq_ignore_ascii_case(name) {
            return true;
        }
        let key = fold_str(name);
        !key.is_empty() && self.folded_aliases().contains(&key)
    }
}

/// The entity a name, alias or id refers to: an exact id first, then any spelling.
pub fn find(entities: &[Entity], name: &str) -> Option<usize> {
    let name = name.trim();
    entities
        .iter()
        .position(|e| !e.rejected && e.id == name)
        .or_else(|| {
            entities
                .iter()
                .position(|e| !e.rejected && e.is_called(name))
        })
}

/// The mentions that lie inside `span`, in list order, of one article's mentions sorted by start
/// (as [`crate::pipeline::Analysis::mentions_of`] gives them).
pub fn within(mentions: &[Mention], span: Span) -> impl Iterator<Item = &Mention> {
    // Every mention inside the span ends after its start, and so does every later one: the
    // search never passes the first of them.
    let from = mentions.partition_point(|m| m.span().end <= span.start);
    mentions[from..]
        .iter()
        .take_while(move |m| m.span().start < span.end)
        .filter(move |m| span.contains(m.span()))
}

/// An entity named at a span of an article's display text.
///
/// Held as four `u32`, half the size of `usize` fields: a corpus holds millions of mentions (7.4
/// million at 100,000 articles), and no corpus comes near 4 billion entities, articles or chars
/// in one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    entity: u32,
    article: u32,
    start: u32,
    end: u32,
}

impl Mention {
    pub fn new(entity: usize, article: usize, span: Span) -> Mention {
        Mention {
            entity: entity as u32,
            article: article as u32,
            start: span.start as u32,
            end: span.end as u32,
        }
    }
    /// Index into the corpus' entity list.
    pub fn entity(&self) -> usize {
        self.entity as usize
    }
    /// Index into the corpus' article list.
    pub fn article(&self) -> usize {
        self.article as usize
    }
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
    /// The same mention of another entity.
    pub fn of(self, entity: usize) -> Mention {
        Mention {
            entity: entity as u32,
            ..self
        }
    }
}
