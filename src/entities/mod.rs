//! The entity stage: people, organisations, facilities, products and media outlets, one entity
//! however each outlet spells it.
//!
//! Names come from the gazetteer (`assets/gazetteer.toml`, user-extensible data) and from discovery
//! in the text (glosses such as 汪滔(Alexandr Wang), Latin-script names, ·-joined transliterations).
//! Matching runs on the folded text with one Aho-Corasick automaton over every folded alias.

use crate::text::Span;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub enum EntityKind {
    Person,
    Organization,
    Facility,
    Product,
    Media,
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
    /// Every spelling that refers to it, in any script.
    pub aliases: Vec<String>,
    /// Not in the gazetteer: found in the text.
    pub discovered: bool,
}

/// An entity named at a span of an article's display text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Index into the corpus' entity list.
    pub entity: usize,
    /// Index into the corpus' article list.
    pub article: usize,
    pub span: Span,
}
