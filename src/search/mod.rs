//! Search over the passages of every article, across scripts and spellings.
//!
//! This module owns the passage index ([`index`]: schema, on-disk life, rebuilds), the one
//! segmentation shared by indexing and querying ([`tokenize`]), the reading of queries ([`query`])
//! and the mapping of matches back to the reader's text. It promises: any string is a valid query
//! (results or an empty list, never an error or a panic); a query naming an entity by any of its
//! names finds all of them; every highlight is a range of display-text chars whose folded text is
//! what matched; hits come grouped by article, the article with the best passage first, each with the
//! events whose cited passages overlap it. Filters (entities, articles, publication dates) name
//! things that must exist: an unknown entity or article is an error, as in the timeline filter.

mod highlight;
pub mod index;
pub mod query;
pub mod tokenize;

use crate::error::{Error, ErrorCode, Result};
use crate::pipeline::Analysis;
use crate::progress::Progress;
use crate::text::{char_byte_offsets, Span};
pub use index::Outcome;
use index::{Fields, Passage};
use query::Aliases;
use serde::{Deserialize, Serialize};
use std::ops::Bound;
use std::path::PathBuf;
use std::sync::Arc;
use tantivy::collector::TopDocs;
use tantivy::columnar::Column;
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Index, IndexReader, Searcher, Term};
use tokenize::Dictionary;
#[cfg(feature = "bindings")]
use ts_rs::TS;

pub const DEFAULT_LIMIT: usize = 50;
/// More hits than a reader can look at cost time and memory for nothing.
pub const MAX_LIMIT: usize = 10_000;

#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
#[serde(default)]
pub struct SearchRequest {
    pub query: String,
    pub limit: Option<usize>,
    pub entities: Vec<String>,
    #[cfg_attr(feature = "bindings", ts(type = "string | null"))]
    pub from: Option<chrono::NaiveDate>,
    #[cfg_attr(feature = "bindings", ts(type = "string | null"))]
    pub to: Option<chrono::NaiveDate>,
    pub articles: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
pub struct Hit {
    pub article: String,
    pub start: usize,
    pub end: usize,
    pub snippet: String,
    /// Display-text offsets of the matched words.
    pub highlights: Vec<[usize; 2]>,
    pub score: f32,
    pub events: Vec<String>,
}

/// Where the index lives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum IndexLocation {
    /// `index-<fingerprint>` in this folder, which holds one index per story opened; indexes of
    /// other builds of the same story are pruned. The adapters pass their data folder
    /// (`~/.local/share/storyline` …): which folder that is, is theirs to know.
    Shared(PathBuf),
    /// This folder is the index (created, or rebuilt if it holds an index of something else).
    Dir(PathBuf),
    /// Nothing on disk.
    #[default]
    Memory,
}

/// An open index of one analysis, ready for queries.
pub struct SearchIndex {
    #[allow(dead_code)]
    index: Index,
    /// Kept so the segments stay open for the searcher.
    #[allow(dead_code)]
    reader: IndexReader,
    searcher: Searcher,
    fields: Fields,
    dict: Arc<Dictionary>,
    aliases: Aliases,
    events: Vec<Vec<(Span, usize)>>,
    /// Per segment: article position, passage start, passage end.
    columns: Vec<[Column<u64>; 3]>,
    /// The folder, for an index on disk.
    pub path: Option<PathBuf>,
    /// Our hold on that folder, so that no other run removes it meanwhile.
    _hold: Option<index::Hold>,
    pub outcome: Outcome,
    pub fingerprint: String,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("path", &self.path)
            .field("outcome", &self.outcome)
            .finish()
    }
}

impl SearchIndex {
    /// Open the index of `analysis` at `location`, building or rebuilding it as needed.
    pub fn open(analysis: &Analysis, location: &IndexLocation) -> Result<SearchIndex> {
        SearchIndex::open_with(analysis, location, &Progress::new())
    }

    /// As [`SearchIndex::open`], counting the passages written in `progress`, and giving up
    /// (leaving any index on disk as it was) when that is cancelled.
    pub fn open_with(
        analysis: &Analysis,
        location: &IndexLocation,
        progress: &Progress,
    ) -> Result<SearchIndex> {
        let aliases = Aliases::new(&analysis.entities);
        let dict = Dictionary::new(aliases.all());
        let fingerprint = index::fingerprint(analysis, &dict);
        let (index, reader, outcome, path, hold) = match location {
            IndexLocation::Memory => {
                let (index, reader) = in_memory(&index::Passages::new(analysis), &dict, progress)?;
                (index, reader, Outcome::Memory, None, None)
            }
            IndexLocation::Dir(dir) => {
                let (i, r, o, h) =
                    index::open_or_build(dir, &fingerprint, &dict, analysis, progress)?;
                (i, r, o, Some(dir.clone()), Some(h))
            }
            IndexLocation::Shared(base) => {
                let dir = base.join(format!("index-{fingerprint}"));
                let (i, r, o, h) =
                    index::open_or_build(&dir, &fingerprint, &dict, analysis, progress)?;
                if o != Outcome::Opened {
                    index::prune(base, &dir);
                }
                (i, r, o, Some(dir), Some(h))
            }
        };
        let searcher = reader.searcher();
        let (_, fields) = index::schema();
        let mut columns = Vec::new();
        for seg in searcher.segment_readers() {
            let ff = seg.fast_fields();
            let col = |name: &str| ff.u64(name).map_err(index::index_err);
            columns.push([col("ord")?, col("start")?, col("end")?]);
        }
        Ok(SearchIndex {
            index,
            reader,
            searcher,
            fields,
            dict,
            aliases,
            events: index::events_by_article(analysis),
            columns,
            path,
            _hold: hold,
            outcome,
            fingerprint,
        })
    }

    /// An index in memory only.
    pub fn in_memory(analysis: &Analysis) -> Result<SearchIndex> {
        SearchIndex::open(analysis, &IndexLocation::Memory)
    }

    /// Segments the index is made of (each one is searched in turn).
    pub fn segments(&self) -> usize {
        self.columns.len()
    }

    /// Passages indexed.
    pub fn len(&self) -> u64 {
        self.searcher.num_docs()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Wait until the shared dictionary is loaded (it loads on a thread from the moment of opening).
    pub fn ready(&self) {
        self.dict.ready();
    }

    /// The passages matching a request, grouped by article, best article first.
    pub fn search(&self, analysis: &Analysis, req: &SearchRequest) -> Result<Vec<Hit>> {
        let limit = req.limit.unwrap_or(DEFAULT_LIMIT).min(MAX_LIMIT);
        let filters = self.filters(analysis, req)?;
        if limit == 0 {
            return Ok(Vec::new());
        }
        // Cheapest first: jieba words alone answer most queries with a full page; substrings are
        // added when they do not, and a run found nowhere whole is tried word by word last.
        let mut parsed = query::parse(&req.query, &self.aliases, &self.dict, query::Runs::Whole);
        let mut top = self.run(&parsed, &filters, limit, false)?;
        let substrings = parsed.concepts.iter().any(|c| {
            c.entity.is_none() && c.needles.iter().any(|n| n.chars().any(tokenize::is_han))
        });
        if top.len() < limit && substrings {
            top = self.run(&parsed, &filters, limit, true)?;
        }
        if top.is_empty() && parsed.split_would_differ {
            parsed = query::parse(&req.query, &self.aliases, &self.dict, query::Runs::Split);
            top = self.run(&parsed, &filters, limit, true)?;
        }
        let marks = Marks::new(&self.dict, &parsed);
        let mut hits: Vec<(usize, Hit)> = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let Some([ord, start, end]) = self.columns.get(addr.segment_ord as usize) else {
                continue;
            };
            let (Some(ord), Some(start), Some(end)) = (
                ord.first(addr.doc_id),
                start.first(addr.doc_id),
                end.first(addr.doc_id),
            ) else {
                continue;
            };
            let p = Passage {
                article: ord as usize,
                span: Span::new(start as usize, end as usize),
                entities: Vec::new(),
                events: Vec::new(),
            };
            if let Some(hit) = self.hit(analysis, &p, score, &marks) {
                hits.push((p.article, hit));
            }
        }
        Ok(group(hits))
    }

    fn run(
        &self,
        parsed: &query::Parsed,
        filters: &[(Occur, Box<dyn Query>)],
        limit: usize,
        grams: bool,
    ) -> Result<Vec<(f32, tantivy::DocAddress)>> {
        let filters = filters.iter().map(|(o, q)| (*o, q.box_clone())).collect();
        let Some(q) = query::build(
            parsed,
            &self.fields,
            &self.dict,
            &self.aliases,
            filters,
            grams,
        ) else {
            return Ok(Vec::new());
        };
        // Equal scores go to the earlier article and passage, not to whichever segment an
        // indexing thread put them in: the same query over the same story keeps the same page.
        let collector =
            TopDocs::with_limit(limit).tweak_score(|segment: &tantivy::SegmentReader| {
                let column = |name: &str| {
                    segment
                        .fast_fields()
                        .u64(name)
                        .ok()
                        .map(|c| c.first_or_default_col(u64::MAX))
                };
                let (ord, start) = (column("ord"), column("start"));
                move |doc: tantivy::DocId, score: tantivy::Score| {
                    let at =
                        |c: &Option<std::sync::Arc<dyn tantivy::columnar::ColumnValues<u64>>>| {
                            c.as_ref().map_or(u64::MAX, |c| c.get_val(doc))
                        };
                    (
                        score,
                        std::cmp::Reverse(at(&ord)),
                        std::cmp::Reverse(at(&start)),
                    )
                }
            });
        let top = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.searcher.search(q.as_ref(), &collector)
        }))
        .map_err(|_| Error::new(ErrorCode::Index, "the search index failed on this query"))?
        .map_err(index::index_err)?;
        Ok(top
            .into_iter()
            .map(|((score, _, _), addr)| (score, addr))
            .collect())
    }

    fn hit(&self, analysis: &Analysis, p: &Passage, score: f32, marks: &Marks) -> Option<Hit> {
        let a = analysis.articles.get(p.article)?;
        if p.span.end > a.text.len() || p.span.is_empty() {
            return None;
        }
        let folded = &a.text.folded_slice(p.span);
        let starts = char_byte_offsets(folded);
        let to_char = |b: usize| p.span.start + starts.partition_point(|&x| x < b);
        let mut highlights: Vec<[usize; 2]> = Vec::new();
        for m in crate::entities::within(analysis.mentions_of(p.article), p.span) {
            if marks.entities.contains(&m.entity()) {
                highlights.push([m.span().start, m.span().end]);
            }
        }
        let mut ranges = marks.words.ranges(folded);
        if highlights.is_empty() && ranges.is_empty() {
            // The passage matched an entity's name where the analysis saw no mention of it.
            ranges = marks.names.ranges(folded);
        }
        highlights.extend(
            ranges
                .into_iter()
                .map(|(b0, b1)| [to_char(b0), to_char(b1)]),
        );
        highlights.sort_unstable();
        let mut merged: Vec<[usize; 2]> = Vec::with_capacity(highlights.len());
        for [s, e] in highlights {
            match merged.last_mut() {
                Some(last) if s <= last[1] => last[1] = last[1].max(e),
                _ => merged.push([s, e]),
            }
        }
        let highlights = merged;
        let mut events: Vec<String> = self
            .events
            .get(p.article)
            .into_iter()
            .flatten()
            .filter(|(s, _)| s.overlaps(p.span))
            .filter_map(|&(_, e)| analysis.events.get(e).map(|ev| ev.id.clone()))
            .collect();
        events.sort();
        events.dedup();
        Some(Hit {
            article: a.raw.id.clone(),
            start: p.span.start,
            end: p.span.end,
            snippet: a.text.slice(p.span).to_string(),
            highlights,
            score,
            events,
        })
    }

    /// Required clauses for the request's filters; they do not change scores.
    fn filters(
        &self,
        analysis: &Analysis,
        req: &SearchRequest,
    ) -> Result<Vec<(Occur, Box<dyn Query>)>> {
        let mut out: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let quiet =
            |q: Box<dyn Query>| -> Box<dyn Query> { Box::new(ConstScoreQuery::new(q, 0.0)) };
        for name in &req.entities {
            let i = analysis.find_entity(name).ok_or_else(|| {
                Error::new(
                    ErrorCode::UnknownEntity,
                    format!("no person or company called {name:?} in this corpus"),
                )
            })?;
            let term = Term::from_field_text(self.fields.entity, &analysis.entities[i].id);
            out.push((
                Occur::Must,
                quiet(Box::new(TermQuery::new(term, IndexRecordOption::Basic))),
            ));
        }
        if !req.articles.is_empty() {
            let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            for id in &req.articles {
                analysis.article_index(id).ok_or_else(|| {
                    Error::new(
                        ErrorCode::UnknownArticle,
                        format!("no article with id {id:?}"),
                    )
                })?;
                let term = Term::from_field_text(self.fields.article, id);
                any.push((
                    Occur::Should,
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
                ));
            }
            out.push((Occur::Must, quiet(Box::new(BooleanQuery::new(any)))));
        }
        if req.from.is_some() || req.to.is_some() {
            let bound = |d: Option<chrono::NaiveDate>| match d {
                Some(d) => {
                    Bound::Included(Term::from_field_i64(self.fields.date, index::day_number(d)))
                }
                None => Bound::Unbounded,
            };
            out.push((
                Occur::Must,
                quiet(Box::new(RangeQuery::new(bound(req.from), bound(req.to)))),
            ));
        }
        Ok(out)
    }
}

/// What to highlight in a hit: the entities the query names (at their mentions), the rest of its
/// words (found in the passage's text), and the entities' names for a passage with neither.
struct Marks<'d> {
    entities: Vec<usize>,
    words: highlight::Highlighter<'d>,
    names: highlight::Highlighter<'d>,
}

impl<'d> Marks<'d> {
    fn new(dict: &'d Dictionary, parsed: &query::Parsed) -> Marks<'d> {
        let (named, plain): (Vec<&query::Concept>, Vec<&query::Concept>) =
            parsed.concepts.iter().partition(|c| c.entity.is_some());
        let needles = |cs: &[&query::Concept]| -> Vec<String> {
            cs.iter().flat_map(|c| c.needles.iter().cloned()).collect()
        };
        let (names, words) = (needles(&named), needles(&plain));
        Marks {
            entities: named.iter().filter_map(|c| c.entity).collect(),
            words: highlight::Highlighter::new(
                dict,
                &words.iter().map(String::as_str).collect::<Vec<_>>(),
            ),
            names: highlight::Highlighter::new(
                dict,
                &names.iter().map(String::as_str).collect::<Vec<_>>(),
            ),
        }
    }
}

fn in_memory(
    passages: &index::Passages,
    dict: &Arc<Dictionary>,
    progress: &Progress,
) -> Result<(Index, IndexReader)> {
    let (schema, fields) = index::schema();
    let index = Index::create_in_ram(schema);
    index::register(&index, dict);
    index::write(&index, &fields, passages, 1, progress)?;
    let reader = index::reader(&index)?;
    Ok((index, reader))
}

/// Hits of one article together; articles by their best hit, hits within one by score.
fn group(hits: Vec<(usize, Hit)>) -> Vec<Hit> {
    let mut best: std::collections::HashMap<usize, f32> = Default::default();
    for (a, h) in &hits {
        let b = best.entry(*a).or_insert(f32::MIN);
        *b = b.max(h.score);
    }
    let mut hits = hits;
    hits.sort_by(|(a1, h1), (a2, h2)| {
        best[a2]
            .total_cmp(&best[a1])
            .then(a1.cmp(a2))
            .then(h2.score.total_cmp(&h1.score))
            .then(h1.start.cmp(&h2.start))
    });
    hits.into_iter().map(|(_, h)| h).collect()
}

/// Search an analysis once, through an index built in memory for the purpose. Opening a
/// [`SearchIndex`] (as [`crate::Library`] does) and keeping it is the way to search more than once.
pub fn search(analysis: &Analysis, req: &SearchRequest) -> Result<Vec<Hit>> {
    SearchIndex::in_memory(analysis)?.search(analysis, req)
}
