//! The event stage: sentences that tell of something happening to someone become candidate events
//! (kind, status, date, entities, money, the cited passage); [`merge`] then joins the candidates that
//! tell of one happening across articles into one event with all its passages and any conflicts.

pub mod casualty;
pub mod extract;
pub mod lexicon;
pub mod merge;
pub mod money;
pub mod ordinal;
pub mod title;

use crate::text::Span;
use crate::time::DateRange;
use serde::{Deserialize, Serialize};
#[cfg(feature = "bindings")]
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Organization,
    Investment,
    Hire,
    Departure,
    Layoff,
    Infrastructure,
    Product,
    Agreement,
    Lawsuit,
    Compensation,
    Statement,
    Appointment,
    Dismissal,
    Election,
    Vote,
    Arrest,
    Bail,
    Ruling,
    Regulation,
    Disaster,
    Death,
    Rescue,
    Contest,
    Meeting,
    Announcement,
    /// A move of a company's shares or market value.
    Market,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Confirmed,
    Reported,
    Rumoured,
    Planned,
}

/// Where a candidate's date was found: the nearer, the more it counts when sources disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum DateSource {
    None,
    /// A window before the article's publication date.
    Article,
    /// An earlier sentence of the same paragraph.
    Paragraph,
    Sentence,
    Clause,
}

/// One clause's worth of event, before merging.
#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    pub article: usize,
    /// The cited passage (its sentence), char offsets in the article's display text.
    pub span: Span,
    /// The clauses that tell of it, within `span`.
    pub clause: Span,
    pub kind: EventKind,
    /// The class of trigger within the kind (a product's release, setback or change of strategy).
    pub class: u16,
    pub status: Status,
    pub date: Option<DateRange>,
    pub date_source: DateSource,
    pub money: Option<money::Money>,
    /// Which time of its kind the telling says it is (第二次, 再次; see [`ordinal`]).
    pub ordinal: ordinal::Ordinal,
    /// Indices into the corpus entity list; actors first.
    pub entities: Vec<usize>,
    /// Everyone the sentence names (not media): used to tell happenings apart, not shown as actors.
    pub context: Vec<usize>,
    /// Its trigger word in the clause (empty when none stands there): the English title reads it.
    pub trigger: Span,
    /// Its Chinese title's length in chars, and whether it has an English title: what choosing an
    /// event's title among its members weighs. The titles themselves are made for events alone
    /// ([`title::of`]), not held for every telling.
    pub title_chars: u16,
    pub titled_en: bool,
}

impl Candidate {
    /// The same candidate in fresh allocations of the calling thread, each no larger than it
    /// needs (a worker's lists grew as they were built).
    pub fn compacted(self) -> Candidate {
        Candidate {
            entities: self.entities.as_slice().to_vec(),
            context: self.context.as_slice().to_vec(),
            ..self
        }
    }
}

/// A merged event: one happening, every passage that tells of it.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub id: String,
    pub kind: EventKind,
    pub status: Status,
    pub date: Option<DateRange>,
    /// How near the trigger the event's date was found; `Article` means only "reported by".
    pub date_source: DateSource,
    pub entities: Vec<usize>,
    pub money: Option<money::Money>,
    pub title_zh: String,
    pub title_en: Option<String>,
    /// (article index, span) of each passage.
    pub sources: Vec<(usize, Span)>,
    pub conflicts: Vec<Conflict>,
    /// A person hid it: it stays in the story but leaves the timeline unless asked for.
    pub hidden: bool,
    /// What a person changed, in the order it was first changed.
    pub edited: Vec<Edited>,
}

/// What of an event a person changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
#[serde(rename_all = "snake_case")]
pub enum Edited {
    Date,
    TitleZh,
    TitleEn,
    Kind,
    Status,
    Hidden,
    /// Other events were merged into it.
    Merged,
    /// It is a passage taken out of another event.
    Detached,
    /// A person made it.
    Created,
}

/// What of an event its sources disagree on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
#[serde(rename_all = "snake_case")]
pub enum Disputed {
    Date,
    Amount,
}

impl std::fmt::Display for Disputed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Disputed::Date => "date",
            Disputed::Amount => "amount",
        })
    }
}

/// Sources that disagree on a field of one event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
pub struct Conflict {
    pub field: Disputed,
    pub values: Vec<ConflictValue>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
pub struct ConflictValue {
    pub value: String,
    /// Article ids.
    pub articles: Vec<String>,
}
