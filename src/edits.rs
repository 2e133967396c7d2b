//! A person's corrections to the computed timeline, kept beside the story and applied after every
//! analysis.
//!
//! The machine's timeline changes whenever the text, the articles or Storyline itself changes, so a
//! correction cannot name an event by its id. Each one is anchored to a **passage** instead, in the
//! manner of the W3C TextQuoteSelector: the article, the exact quote and a little of the text on
//! either side. After an analysis the quote is looked for again (in its article, else in any
//! article), the event citing it is found, and the change is made to that event. A correction whose
//! passage is gone, or that no event cites any more, stays in the file and is reported as such.
//!
//! The file (`storyline-edits.json`) is human-readable JSON with a schema version. It holds the
//! corrections in the order they were made and those undone since (for redo). It is replaced
//! atomically on every save (a temporary file, synced, renamed over it, the folder synced), so a
//! crash at any moment leaves either the previous file or the new one.

use crate::entities::Entity;
use crate::error::{Error, ErrorCode, Result};
use crate::events::{DateSource, Disputed, Edited, Event, EventKind, Status};
use crate::pipeline::Analysis;
use crate::text::Span;
use crate::time::{DateRange, Precision};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::path::Path;
#[cfg(feature = "bindings")]
use ts_rs::TS;

pub const EDITS_FILE: &str = "storyline-edits.json";
pub const EDITS_SCHEMA: u32 = 1;
/// How much text on either side of a quote an anchor keeps.
const CONTEXT_CHARS: usize = 32;

/// A passage, found again by its words rather than its offsets (W3C TextQuoteSelector).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
pub struct Anchor {
    /// The article the passage was in (its id); where it is looked for first.
    pub article: String,
    pub exact: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
}

/// What a correction changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Change {
    /// The event's date, at a precision (a range when `start` and `end` differ).
    Date {
        #[cfg_attr(feature = "bindings", ts(type = "string"))]
        start: NaiveDate,
        #[cfg_attr(feature = "bindings", ts(type = "string"))]
        end: NaiveDate,
        precision: Precision,
    },
    TitleZh {
        text: String,
    },
    TitleEn {
        text: String,
    },
    Kind {
        kind: EventKind,
    },
    Status {
        status: Status,
    },
    Hide,
    Unhide,
    /// This event is the same happening as the one citing `into`.
    MergeInto {
        into: Anchor,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        into_kind: Option<EventKind>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        into_title_zh: Option<String>,
    },
    /// The anchored passage becomes an event of its own.
    Detach,
    /// A new event told by the anchored passage (a passage selected in the reader).
    Create {
        kind: EventKind,
        title_zh: String,
    },
    /// Entity corrections: the target is an entity.
    Rename {
        name: String,
    },
    AddAlias {
        alias: String,
    },
    NotAName,
    MergeEntityInto {
        into: String,
    },
    /// One spelling of the entity names someone else: it becomes an entity of its own (of the
    /// same kind), with the mentions written that way and the events only they are named in.
    Split {
        spelling: String,
    },
}

/// What a correction is about: an event (by a passage that tells of it) or a person or company
/// (by a name it goes by).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Target {
    Event {
        passage: Anchor,
        /// What the event was when corrected, to tell it from other events of the same passage
        /// (one sentence can tell of two happenings).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        kind: Option<EventKind>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        title_zh: Option<String>,
    },
    Entity {
        name: String,
    },
}

/// What tells an event apart from others citing the same passage.
#[derive(Clone, Copy, Default)]
struct Hint<'a> {
    kind: Option<EventKind>,
    title_zh: Option<&'a str>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
pub struct Edit {
    /// Unique within the file; increases with each correction.
    pub id: u64,
    /// When it was made (RFC 3339).
    pub at: String,
    pub target: Target,
    pub change: Change,
}

/// The corrections file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EditLog {
    pub schema: u32,
    pub edits: Vec<Edit>,
    /// Undone corrections, the most recently undone last: what redo brings back.
    #[serde(default)]
    pub undone: Vec<Edit>,
}

impl Default for EditLog {
    fn default() -> Self {
        EditLog {
            schema: EDITS_SCHEMA,
            edits: Vec::new(),
            undone: Vec::new(),
        }
    }
}

/// How a correction fared against the current analysis.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
pub struct EditState {
    pub edit: Edit,
    /// Its passage (or name) was found and the change made.
    pub applied: bool,
    /// The event (or entity) it applies to now.
    pub subject: Option<String>,
    /// Why it could not be applied, for the reader.
    pub problem: Option<String>,
}

impl EditLog {
    /// The story's corrections; no file means none.
    pub fn load(dir: &Path) -> Result<EditLog> {
        let path = dir.join(EDITS_FILE);
        if !path.exists() {
            return Ok(EditLog::default());
        }
        let bytes = crate::corpus::read_capped(&path, crate::corpus::MAX_SIDE_FILE_BYTES)?;
        let log: EditLog = serde_json::from_slice(&bytes).map_err(|e| {
            Error::new(
                ErrorCode::BadEdits,
                format!("{}: not a corrections file: {e}", path.display()),
            )
        })?;
        if log.schema > EDITS_SCHEMA {
            return Err(Error::new(
                ErrorCode::BadEdits,
                format!(
                    "{}: written by a newer Storyline (schema {}, this one reads {EDITS_SCHEMA})",
                    path.display(),
                    log.schema
                ),
            ));
        }
        Ok(log)
    }

    pub fn save(&self, dir: &Path) -> Result<()> {
        let json = serde_json::to_vec_pretty(self).map_err(|e| {
            Error::new(
                ErrorCode::Internal,
                format!("cannot encode the corrections: {e}"),
            )
        })?;
        crate::export::write_atomically(&dir.join(EDITS_FILE), &json)
    }

    /// Add a correction (forgetting what was undone: a new edit starts a new branch).
    pub fn push(&mut self, target: Target, change: Change) -> &Edit {
        let id = self
            .edits
            .iter()
            .chain(&self.undone)
            .map(|e| e.id)
            .max()
            .unwrap_or(0)
            + 1;
        self.undone.clear();
        self.edits.push(Edit {
            id,
            at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            target,
            change,
        });
        self.edits.last().expect("just pushed")
    }

    pub fn undo(&mut self) -> Option<&Edit> {
        let e = self.edits.pop()?;
        self.undone.push(e);
        self.undone.last()
    }

    pub fn redo(&mut self) -> Option<&Edit> {
        let e = self.undone.pop()?;
        self.edits.push(e);
        self.edits.last()
    }
}

/// The anchor of `span` in article `article` of the analysis.
pub fn anchor(analysis: &Analysis, article: usize, span: Span) -> Anchor {
    let a = &analysis.articles[article];
    anchor_in(&a.raw.id, &a.text.display, span)
}

/// Where an anchor's quote is now: in its own article if there, else in the first article that
/// has it. Among several occurrences, the one whose surroundings agree most with the anchor's.
pub fn locate(analysis: &Analysis, anchor: &Anchor) -> Option<(usize, Span)> {
    let own = analysis.article_index(&anchor.article);
    let order = own
        .into_iter()
        .chain((0..analysis.articles.len()).filter(|&i| Some(i) != own));
    for i in order {
        if let Some(span) = find_quote(&analysis.articles[i].text.display, anchor) {
            return Some((i, span));
        }
    }
    None
}

/// The anchor's quote in `display` (char offsets): of several occurrences, the one whose
/// surroundings agree most with the anchor's prefix and suffix, then the earliest.
pub fn find_quote(display: &str, anchor: &Anchor) -> Option<Span> {
    if anchor.exact.is_empty() {
        return None;
    }
    let (_, byte) = display
        .match_indices(anchor.exact.as_str())
        .map(|(byte, _)| {
            let before = &display[..byte];
            let after = &display[byte + anchor.exact.len()..];
            let agree =
                common_suffix(before, &anchor.prefix) + common_prefix(after, &anchor.suffix);
            (agree, std::cmp::Reverse(byte))
        })
        .max()
        .map(|(agree, std::cmp::Reverse(byte))| (agree, byte))?;
    let start = display[..byte].chars().count();
    Some(Span::new(start, start + anchor.exact.chars().count()))
}

/// The anchor of the passage at `span` (char offsets) of `display`.
pub fn anchor_in(article: &str, display: &str, span: Span) -> Anchor {
    let chars: Vec<char> = display.chars().collect();
    let end = span.end.min(chars.len());
    let start = span.start.min(end);
    let text = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
    Anchor {
        article: article.to_string(),
        exact: text(start, end),
        prefix: text(start.saturating_sub(CONTEXT_CHARS), start),
        suffix: text(end, (end + CONTEXT_CHARS).min(chars.len())),
    }
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// The event citing the passage: among those whose sources overlap it, the one the hint describes
/// (same title, else same kind), else the one overlapping most.
fn event_at(events: &[Event], article: usize, span: Span, hint: Hint) -> Option<usize> {
    events
        .iter()
        .enumerate()
        .filter_map(|(k, e)| {
            let overlap = e
                .sources
                .iter()
                .filter(|(a, _)| *a == article)
                .map(|(_, s)| s.end.min(span.end).saturating_sub(s.start.max(span.start)))
                .max()?;
            let titled = hint.title_zh == Some(e.title_zh.as_str());
            let kind = hint.kind == Some(e.kind);
            (overlap > 0).then_some(((titled, kind, overlap), k))
        })
        .max_by_key(|&(score, k)| (score, std::cmp::Reverse(k)))
        .map(|(_, k)| k)
}

fn mark(e: &mut Event, field: Edited) {
    if !e.edited.contains(&field) {
        e.edited.push(field);
    }
}

fn entity_index(entities: &[Entity], name: &str) -> Option<usize> {
    crate::entities::find(entities, name)
}

/// What a correction did (the subject it now names), or why it no longer applies.
type Outcome = std::result::Result<String, Problem>;

/// Why a correction no longer applies, said to the person who made it.
struct Problem(String);

impl From<String> for Problem {
    fn from(why: String) -> Problem {
        Problem(why)
    }
}

impl From<&str> for Problem {
    fn from(why: &str) -> Problem {
        Problem(why.to_string())
    }
}

/// Make every correction of `log` to `analysis` (whose events are as the machine made them), in
/// order; answer how each fared.
pub fn apply(analysis: &mut Analysis, log: &EditLog) -> Vec<EditState> {
    log.edits
        .iter()
        .map(|edit| {
            let outcome = match &edit.target {
                Target::Event {
                    passage,
                    kind,
                    title_zh,
                } => apply_to_event(
                    analysis,
                    edit,
                    passage,
                    Hint {
                        kind: *kind,
                        title_zh: title_zh.as_deref(),
                    },
                ),
                Target::Entity { name } => apply_to_entity(analysis, &edit.change, name),
            };
            match outcome {
                Ok(subject) => EditState {
                    edit: edit.clone(),
                    applied: true,
                    subject: Some(subject),
                    problem: None,
                },
                Err(Problem(problem)) => EditState {
                    edit: edit.clone(),
                    applied: false,
                    subject: None,
                    problem: Some(problem),
                },
            }
        })
        .collect()
}

fn apply_to_event(analysis: &mut Analysis, edit: &Edit, passage: &Anchor, hint: Hint) -> Outcome {
    let (article, span) = locate(analysis, passage).ok_or_else(|| {
        format!(
            "the passage “{}” is no longer in any article",
            shorten(&passage.exact)
        )
    })?;
    if let Change::Create { kind, title_zh } = &edit.change {
        let id = format!("ev-user-{}", edit.id);
        analysis.events.push(Event {
            id: id.clone(),
            kind: *kind,
            status: Status::Confirmed,
            date: None,
            date_source: DateSource::None,
            entities: entities_in(analysis, article, span),
            money: None,
            title_zh: title_zh.clone(),
            title_en: None,
            sources: vec![(article, span)],
            conflicts: Vec::new(),
            hidden: false,
            edited: vec![Edited::Created],
        });
        return Ok(id);
    }
    let k = event_at(&analysis.events, article, span, hint)
        .ok_or_else(|| format!("no event cites “{}” now", shorten(&passage.exact)))?;
    let e = &mut analysis.events[k];
    match &edit.change {
        Change::Date {
            start,
            end,
            precision,
        } => {
            e.date = Some(DateRange {
                start: *start,
                end: *end,
                precision: *precision,
            });
            // A person's date is as near as a date gets.
            e.date_source = DateSource::Clause;
            e.conflicts.retain(|c| c.field != Disputed::Date);
            mark(e, Edited::Date);
        }
        Change::TitleZh { text } => {
            e.title_zh = text.clone();
            mark(e, Edited::TitleZh);
        }
        Change::TitleEn { text } => {
            e.title_en = Some(text.clone());
            mark(e, Edited::TitleEn);
        }
        Change::Kind { kind } => {
            e.kind = *kind;
            mark(e, Edited::Kind);
        }
        Change::Status { status } => {
            e.status = *status;
            mark(e, Edited::Status);
        }
        Change::Hide => {
            e.hidden = true;
            mark(e, Edited::Hidden);
        }
        Change::Unhide => {
            e.hidden = false;
            mark(e, Edited::Hidden);
        }
        Change::MergeInto {
            into,
            into_kind,
            into_title_zh,
        } => {
            let (oa, os) = locate(analysis, into).ok_or_else(|| {
                format!(
                    "the passage to merge into, “{}”, is no longer in any article",
                    shorten(&into.exact)
                )
            })?;
            let other_hint = Hint {
                kind: *into_kind,
                title_zh: into_title_zh.as_deref(),
            };
            let other = event_at(&analysis.events, oa, os, other_hint)
                .ok_or_else(|| format!("no event cites “{}” now", shorten(&into.exact)))?;
            if other == k {
                return Ok(analysis.events[k].id.clone());
            }
            let merged = analysis.events[k].clone();
            let into = &mut analysis.events[other];
            for s in merged.sources {
                if !into.sources.contains(&s) {
                    into.sources.push(s);
                }
            }
            into.sources.sort_unstable();
            for x in merged.entities {
                if !into.entities.contains(&x) {
                    into.entities.push(x);
                }
            }
            mark(into, Edited::Merged);
            let id = into.id.clone();
            analysis.events.remove(k);
            return Ok(id);
        }
        Change::Detach => {
            if e.sources.len() < 2 {
                return Ok(e.id.clone());
            }
            let Some(pos) = e
                .sources
                .iter()
                .position(|&(a, s)| a == article && s.start < span.end && span.start < s.end)
            else {
                return Err("the passage is not one of the event's own".into());
            };
            let source = e.sources.remove(pos);
            mark(e, Edited::Detached);
            let mut alone = e.clone();
            alone.id = format!("ev-user-{}", edit.id);
            alone.sources = vec![source];
            alone.conflicts.clear();
            alone.edited = vec![Edited::Detached];
            let id = alone.id.clone();
            analysis.events.push(alone);
            return Ok(id);
        }
        Change::Create { .. } => unreachable!("handled above"),
        Change::Rename { .. }
        | Change::AddAlias { .. }
        | Change::NotAName
        | Change::MergeEntityInto { .. }
        | Change::Split { .. } => {
            return Err("a change to a person or company made to an event".into())
        }
    }
    Ok(analysis.events[k].id.clone())
}

fn entities_in(analysis: &Analysis, article: usize, span: Span) -> Vec<usize> {
    let mut out = Vec::new();
    for m in analysis
        .mentions
        .iter()
        .filter(|m| m.article() == article && span.contains(m.span()))
    {
        if analysis.entities[m.entity()].kind != crate::entities::EntityKind::Media
            && !out.contains(&m.entity())
        {
            out.push(m.entity());
        }
    }
    out
}

fn apply_to_entity(analysis: &mut Analysis, change: &Change, name: &str) -> Outcome {
    let k = entity_index(&analysis.entities, name)
        .filter(|&k| !analysis.entities[k].rejected)
        .ok_or_else(|| format!("no person or company goes by “{name}” now"))?;
    let add_alias = |e: &mut Entity, alias: &str| {
        if !alias.trim().is_empty() && !e.aliases.iter().any(|a| a == alias) {
            e.aliases.push(alias.to_string());
        }
    };
    match change {
        Change::Rename { name: new } => {
            let e = &mut analysis.entities[k];
            let old = std::mem::replace(&mut e.name, new.clone());
            add_alias(e, &old);
            add_alias(e, new);
            e.edited = true;
        }
        Change::AddAlias { alias } => {
            let e = &mut analysis.entities[k];
            add_alias(e, alias);
            e.edited = true;
        }
        Change::NotAName => {
            analysis.entities[k].rejected = true;
            analysis.entities[k].edited = true;
            analysis.mentions.retain(|m| m.entity() != k);
            for ev in &mut analysis.events {
                ev.entities.retain(|&x| x != k);
            }
        }
        Change::Split { spelling } => return split(analysis, k, spelling),
        Change::MergeEntityInto { into } => {
            let t = entity_index(&analysis.entities, into)
                .filter(|&t| !analysis.entities[t].rejected)
                .ok_or_else(|| format!("no person or company goes by “{into}” now"))?;
            if t == k {
                return Ok(analysis.entities[k].id.clone());
            }
            let from = analysis.entities[k].clone();
            let target = &mut analysis.entities[t];
            for alias in std::iter::once(&from.name)
                .chain(from.name_zh.iter())
                .chain(from.aliases.iter())
            {
                add_alias(target, alias);
            }
            target.edited = true;
            analysis.entities[k].rejected = true;
            for m in &mut analysis.mentions {
                if m.entity() == k {
                    *m = m.of(t);
                }
            }
            for ev in &mut analysis.events {
                for x in &mut ev.entities {
                    if *x == k {
                        *x = t;
                    }
                }
                let mut seen = Vec::new();
                ev.entities.retain(|x| {
                    let fresh = !seen.contains(x);
                    seen.push(*x);
                    fresh
                });
            }
            return Ok(analysis.entities[t].id.clone());
        }
        _ => return Err("a change to an event made to a person or company".into()),
    }
    Ok(analysis.entities[k].id.clone())
}

/// Entity `k` without `spelling`, which becomes an entity of its own: the mentions written that
/// way go to it, and so do the events whose passages name only it.
fn split(analysis: &mut Analysis, k: usize, spelling: &str) -> Outcome {
    let key = crate::text::fold_str(spelling.trim());
    let from = &analysis.entities[k];
    let spellings: Vec<String> = std::iter::once(&from.name)
        .chain(from.name_zh.iter())
        .chain(from.aliases.iter())
        .filter(|s| crate::text::fold_str(s) != key)
        .cloned()
        .collect();
    if spellings.len() == from.aliases.len() + 1 + usize::from(from.name_zh.is_some())
        || spellings.is_empty()
    {
        return Err(format!(
            "“{spelling}” is not one of {}'s spellings, or its only one",
            from.name
        )
        .into());
    }
    let new_id = format!("{}-split-{}", from.id, analysis.entities.len());
    let mut split_off = from.clone();
    split_off.id = new_id.clone();
    split_off.name = spelling.trim().to_string();
    split_off.name_zh = None;
    split_off.aliases = vec![spelling.trim().to_string()];
    split_off.edited = true;
    let n = analysis.entities.len();
    analysis.entities.push(split_off);
    let from = &mut analysis.entities[k];
    from.aliases.retain(|a| crate::text::fold_str(a) != key);
    if crate::text::fold_str(&from.name) == key {
        from.name = spellings[0].clone();
    }
    if from
        .name_zh
        .as_deref()
        .is_some_and(|z| crate::text::fold_str(z) == key)
    {
        from.name_zh = None;
    }
    from.edited = true;
    for m in &mut analysis.mentions {
        if m.entity() == k {
            let written = analysis.articles[m.article()].text.folded_slice(m.span());
            if written == key {
                *m = m.of(n);
            }
        }
    }
    let names = |entity: usize, article: usize, span: Span| {
        analysis
            .mentions
            .iter()
            .any(|m| m.entity() == entity && m.article() == article && span.contains(m.span()))
    };
    let moves: Vec<(usize, bool, bool)> = analysis
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.entities.contains(&k))
        .map(|(i, e)| {
            let old = e.sources.iter().any(|&(a, s)| names(k, a, s));
            let new = e.sources.iter().any(|&(a, s)| names(n, a, s));
            (i, old, new)
        })
        .collect();
    for (i, old, new) in moves {
        let e = &mut analysis.events[i];
        if new && !old {
            for x in &mut e.entities {
                if *x == k {
                    *x = n;
                }
            }
        } else if new {
            e.entities.push(n);
        }
    }
    Ok(new_id)
}

fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// A date a person gives an event: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-Qn` (a quarter), or a
/// range `FROM..TO` of any of those (at the coarser precision of its ends).
pub fn parse_date(s: &str) -> Result<Change> {
    let s = s.trim();
    if let Some((from, to)) = s.split_once("..") {
        let (
            Change::Date {
                start,
                precision: p1,
                ..
            },
            Change::Date {
                end, precision: p2, ..
            },
        ) = (parse_date(from)?, parse_date(to)?)
        else {
            unreachable!("parse_date answers dates");
        };
        if end < start {
            return Err(Error::new(
                ErrorCode::BadDate,
                format!("{s:?} ends before it starts"),
            ));
        }
        return Ok(Change::Date {
            start,
            end,
            precision: p1.max(p2),
        });
    }
    if let Some((y, q)) = s.split_once("-Q").or_else(|| s.split_once("-q")) {
        let bad = || {
            Error::new(
                ErrorCode::BadDate,
                format!("{s:?} is not a quarter (YYYY-Qn)"),
            )
        };
        let y: i32 = y.parse().map_err(|_| bad())?;
        let q: u32 = q
            .parse()
            .ok()
            .filter(|q| (1..=4).contains(q))
            .ok_or_else(bad)?;
        let start = NaiveDate::from_ymd_opt(y, 3 * q - 2, 1).ok_or_else(bad)?;
        let end = crate::timeline::parse_bound(&format!("{y}-{:02}", 3 * q), true)?;
        return Ok(Change::Date {
            start,
            end,
            precision: Precision::Quarter,
        });
    }
    let precision = match s.split('-').count() {
        1 => Precision::Year,
        2 => Precision::Month,
        _ => Precision::Day,
    };
    Ok(Change::Date {
        start: crate::timeline::parse_bound(s, false)?,
        end: crate::timeline::parse_bound(s, true)?,
        precision,
    })
}
