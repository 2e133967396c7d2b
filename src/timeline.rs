//! The timeline model as readers and tools see it: articles, entities and events in the shape of the
//! `storyline.timeline/1` contract, and the [`Filter`] that the timeline view, search and every
//! export apply the same way.
//!
//! These types cross to the UI (TypeScript is generated from them by ts-rs) and are the JSON export,
//! so their field names are a contract: change them only with the schema version.

use crate::entities::{Entity, EntityKind};
use crate::error::{Error, ErrorCode, Result};
use crate::events::{Conflict, Event, EventKind, Status};
use crate::pipeline::Analysis;
use crate::text::Script;
use crate::time::{DateRange, Precision, Published};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
#[cfg(feature = "bindings")]
use ts_rs::TS;

pub const SCHEMA: &str = "storyline.timeline/1";

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
pub struct ArticleInfo {
    pub id: String,
    pub file: String,
    pub title: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Published,
    /// `published` as a reader sees it, at its precision and marked when inferred.
    pub published_label: String,
    pub published_label_zh: String,
    pub script: Script,
    /// Size of the file in bytes.
    pub size: usize,
    pub encoding: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "bindings", ts(optional))]
    pub text: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
pub struct MentionRef {
    pub article: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
pub struct EntityInfo {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    pub name_zh: Option<String>,
    pub aliases: Vec<String>,
    pub discovered: bool,
    /// A person corrected it.
    pub edited: bool,
    pub mentions: Vec<MentionRef>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
pub struct EventDate {
    #[cfg_attr(feature = "bindings", ts(type = "string"))]
    pub start: NaiveDate,
    #[cfg_attr(feature = "bindings", ts(type = "string"))]
    pub end: NaiveDate,
    pub precision: Precision,
    pub edtf: String,
    pub label: String,
    pub label_zh: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
pub struct Title {
    pub zh: String,
    pub en: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
pub struct SourceRef {
    pub article: String,
    pub start: usize,
    pub end: usize,
    /// Exactly the display text of `[start, end)`.
    pub quote: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
pub struct EventInfo {
    pub id: String,
    pub kind: EventKind,
    pub status: Status,
    pub date: Option<EventDate>,
    pub title: Title,
    /// Entity ids of who acts in it.
    pub entities: Vec<String>,
    /// Entity ids its passages name besides those (the person a deal brought in): a filter by
    /// any of them keeps the event too.
    pub named: Vec<String>,
    pub sources: Vec<SourceRef>,
    pub conflicts: Vec<Conflict>,
    /// The amount the event is about, normalised for display (`US$14.3 billion`).
    pub money: Option<String>,
    /// A person hid it (it is listed only when the filter asks for hidden events).
    pub hidden: bool,
    /// What a person changed in it. Empty: all the machine's.
    pub edited: Vec<crate::events::Edited>,
}

/// What to keep. Empty lists keep everything; several entities keep events that involve all of them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
#[serde(default)]
pub struct Filter {
    /// Entity ids, names or aliases in either script.
    pub entities: Vec<String>,
    #[cfg_attr(feature = "bindings", ts(type = "string | null"))]
    pub from: Option<NaiveDate>,
    #[cfg_attr(feature = "bindings", ts(type = "string | null"))]
    pub to: Option<NaiveDate>,
    pub kinds: Vec<EventKind>,
    pub statuses: Vec<Status>,
    /// Article ids.
    pub articles: Vec<String>,
    /// Keep events a person hid too.
    pub hidden: bool,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
pub struct TimelineView {
    pub schema: String,
    pub generated: String,
    pub filter: Filter,
    pub articles: Vec<ArticleInfo>,
    pub entities: Vec<EntityInfo>,
    pub events: Vec<EventInfo>,
}

pub fn date_info(r: &DateRange) -> EventDate {
    EventDate {
        start: r.start,
        end: r.end,
        precision: r.precision,
        edtf: crate::time::edtf(r),
        label: crate::time::label_en(r),
        label_zh: crate::time::label_zh(r),
    }
}

impl Analysis {
    pub fn article_info(&self, i: usize, with_text: bool) -> ArticleInfo {
        let a = &self.articles[i];
        ArticleInfo {
            id: a.raw.id.clone(),
            file: a.raw.file.clone(),
            title: a.title(),
            outlet: a.raw.meta.outlet.clone().or_else(|| {
                a.raw
                    .meta
                    .url
                    .as_deref()
                    .and_then(crate::outlets::outlet_of)
            }),
            url: a.raw.meta.url.clone(),
            published: a.published.clone(),
            published_label: a.published.labels().0,
            published_label_zh: a.published.labels().1,
            script: a.text.script,
            size: a.raw.bytes,
            encoding: a.raw.encoding.to_string(),
            text: with_text.then(|| a.text.display.clone()),
        }
    }

    pub fn entity_info(&self, i: usize) -> EntityInfo {
        let mentions = self
            .mentions
            .iter()
            .filter(|m| m.entity() == i)
            .map(|m| MentionRef {
                article: self.articles[m.article()].raw.id.clone(),
                start: m.span().start,
                end: m.span().end,
            })
            .collect();
        self.entity_record(&self.entities[i], mentions)
    }

    /// Every entity's record, its mentions gathered in one pass over the corpus' mentions (one
    /// pass per entity was quadratic: seconds on a story of 10,000 articles).
    pub fn entity_infos(&self) -> Vec<EntityInfo> {
        let mut mentions: Vec<Vec<MentionRef>> = vec![Vec::new(); self.entities.len()];
        for m in &self.mentions {
            if let Some(list) = mentions.get_mut(m.entity()) {
                list.push(MentionRef {
                    article: self.articles[m.article()].raw.id.clone(),
                    start: m.span().start,
                    end: m.span().end,
                });
            }
        }
        self.entities
            .iter()
            .zip(mentions)
            .map(|(e, mentions)| self.entity_record(e, mentions))
            .collect()
    }

    fn entity_record(&self, e: &Entity, mentions: Vec<MentionRef>) -> EntityInfo {
        EntityInfo {
            id: e.id.clone(),
            kind: e.kind,
            name: e.name.clone(),
            name_zh: e.name_zh.clone(),
            aliases: e.aliases.clone(),
            discovered: e.discovered,
            edited: e.edited,
            mentions,
        }
    }

    /// Entities a passage of `e` names that do not act in it, by id.
    fn named_in(&self, e: &Event) -> Vec<String> {
        let mut out: Vec<usize> = Vec::new();
        for &(a, span) in &e.sources {
            // Mentions of one span in entity order, as they were always listed.
            let mut within: Vec<(crate::text::Span, usize)> =
                crate::entities::within(self.mentions_of(a), span)
                    .map(|m| (m.span(), m.entity()))
                    .collect();
            within.sort_unstable();
            for (_, entity) in within {
                if !e.entities.contains(&entity)
                    && !out.contains(&entity)
                    && self.entities[entity].kind != crate::entities::EntityKind::Media
                {
                    out.push(entity);
                }
            }
        }
        out.into_iter()
            .map(|i| self.entities[i].id.clone())
            .collect()
    }

    pub fn event_info(&self, e: &Event) -> EventInfo {
        EventInfo {
            id: e.id.clone(),
            kind: e.kind,
            status: e.status,
            date: e.date.as_ref().map(|d| {
                let mut info = date_info(d);
                if e.date_source == crate::events::DateSource::Article {
                    // Only the article's date is known: say so rather than invent a window.
                    info.label = format!(
                        "reported by {}",
                        crate::time::label_en(&DateRange {
                            start: d.end,
                            end: d.end,
                            precision: Precision::Day
                        })
                    );
                    info.label_zh = format!(
                        "{}前報道",
                        crate::time::label_zh(&DateRange {
                            start: d.end,
                            end: d.end,
                            precision: Precision::Day
                        })
                    );
                }
                info
            }),
            title: Title {
                zh: e.title_zh.clone(),
                en: e.title_en.clone(),
            },
            entities: e
                .entities
                .iter()
                .map(|&i| self.entities[i].id.clone())
                .collect(),
            named: self.named_in(e),
            sources: e
                .sources
                .iter()
                .map(|&(a, span)| SourceRef {
                    article: self.articles[a].raw.id.clone(),
                    start: span.start,
                    end: span.end,
                    quote: self.articles[a].text.slice(span).to_string(),
                })
                .collect(),
            conflicts: e.conflicts.clone(),
            money: e.money.as_ref().map(|m| m.display()),
            hidden: e.hidden,
            edited: e.edited.clone(),
        }
    }

    /// Resolve a name, alias or id (either script, any spelling the folding accepts) to an entity.
    pub fn find_entity(&self, name: &str) -> Option<usize> {
        crate::entities::find(&self.entities, name)
    }

    /// Indices of the events the filter keeps, in timeline order.
    pub fn filter_events(&self, filter: &Filter) -> Result<Vec<usize>> {
        let mut wanted = Vec::new();
        for name in &filter.entities {
            match self.find_entity(name) {
                Some(i) => wanted.push(i),
                None => {
                    return Err(Error::new(
                        ErrorCode::UnknownEntity,
                        format!("no person or company called {name:?} in this corpus"),
                    ))
                }
            }
        }
        let mut articles = Vec::new();
        for id in &filter.articles {
            articles.push(self.article_index(id).ok_or_else(|| {
                Error::new(
                    ErrorCode::UnknownArticle,
                    format!("no article with id {id:?}"),
                )
            })?);
        }
        // A person or company is in an event when it acts in it or one of its passages names it.
        let named_in: Vec<Vec<(usize, crate::text::Span)>> = wanted
            .iter()
            .map(|&w| {
                // Outlets report; being named in a passage does not put them in the event.
                let outlet = self.entities[w].kind == crate::entities::EntityKind::Media;
                self.mentions
                    .iter()
                    .filter(|m| m.entity() == w && !outlet)
                    .map(|m| (m.article(), m.span()))
                    .collect()
            })
            .collect();
        let involves = |e: &Event, k: usize| {
            e.entities.contains(&wanted[k])
                || e.sources.iter().any(|&(a, span)| {
                    named_in[k]
                        .iter()
                        .any(|&(ma, ms)| ma == a && span.contains(ms))
                })
        };
        Ok((0..self.events.len())
            .filter(|&i| {
                let e = &self.events[i];
                (filter.hidden || !e.hidden)
                    && (0..wanted.len()).all(|k| involves(e, k))
                    && (filter.kinds.is_empty() || filter.kinds.contains(&e.kind))
                    && (filter.statuses.is_empty() || filter.statuses.contains(&e.status))
                    && (articles.is_empty() || e.sources.iter().any(|(a, _)| articles.contains(a)))
                    && date_in(e.date.as_ref(), filter.from, filter.to)
            })
            .collect())
    }

    /// The timeline under a filter, in the contract's shape.
    pub fn timeline(&self, filter: &Filter, with_text: bool) -> Result<TimelineView> {
        let keep = self.filter_events(filter)?;
        Ok(TimelineView {
            schema: SCHEMA.to_string(),
            generated: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            filter: filter.clone(),
            articles: (0..self.articles.len())
                .map(|i| self.article_info(i, with_text))
                .collect(),
            entities: self
                .entity_infos()
                .into_iter()
                .zip(&self.entities)
                .filter(|(_, e)| !e.rejected)
                .map(|(info, _)| info)
                .collect(),
            events: keep
                .iter()
                .map(|&i| self.event_info(&self.events[i]))
                .collect(),
        })
    }
}

/// An event is in `[from, to]` when its range overlaps it; undated events pass only an open filter.
fn date_in(date: Option<&DateRange>, from: Option<NaiveDate>, to: Option<NaiveDate>) -> bool {
    match date {
        None => from.is_none() && to.is_none(),
        Some(r) => from.is_none_or(|f| r.end >= f) && to.is_none_or(|t| r.start <= t),
    }
}

/// Parse a user's date bound: `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (start or end of that period).
pub fn parse_bound(s: &str, end: bool) -> Result<NaiveDate> {
    let bad = || {
        Error::new(
            ErrorCode::BadDate,
            format!("{s:?} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)"),
        )
    };
    let parts: Vec<&str> = s.trim().split('-').collect();
    let num = |p: &str| p.parse::<u32>().map_err(|_| bad());
    match parts.as_slice() {
        [y, m, d] => NaiveDate::from_ymd_opt(num(y)? as i32, num(m)?, num(d)?).ok_or_else(bad),
        [y, m] => {
            let (y, m) = (num(y)? as i32, num(m)?);
            let first = NaiveDate::from_ymd_opt(y, m, 1).ok_or_else(bad)?;
            if end {
                let next = if m == 12 {
                    NaiveDate::from_ymd_opt(y + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(y, m + 1, 1)
                };
                Ok(next.ok_or_else(bad)?.pred_opt().ok_or_else(bad)?)
            } else {
                Ok(first)
            }
        }
        [y] => {
            let y = num(y)? as i32;
            if end {
                NaiveDate::from_ymd_opt(y, 12, 31)
            } else {
                NaiveDate::from_ymd_opt(y, 1, 1)
            }
            .ok_or_else(bad)
        }
        _ => Err(bad()),
    }
}
