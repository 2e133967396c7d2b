//! The passage index: its schema, what goes in each document, and where it lives.
//!
//! A document is one sentence of an article (a paragraph if the text stage found no sentences) with
//! the article's id and position in the corpus, the passage's display-text char offsets, the
//! outlet, the publication date, and the ids of the entities named and the events cited in it. The
//! text indexed is the *folded* passage, so every script and spelling the folding joins is one term.
//!
//! On disk an index is a folder holding tantivy's files and `storyline-index.json`, written last,
//! naming the schema version, a fingerprint of everything indexed (article ids, sizes and folded
//! texts, passages, dates, entity and event ids, the dictionary) and the document count. Opening
//! promises: a missing or different meta file, a tantivy error, a failed checksum or a wrong count
//! means the folder is rebuilt from the articles — never a crash and never stale results. A rebuild
//! writes to a sibling temporary folder and renames it into place, so a build cut short leaves no
//! folder that looks complete.

use super::tokenize::{Dictionary, GramsTokenizer, WordsTokenizer, GRAMS, WORDS};
use crate::error::{Error, ErrorCode, Result};
use crate::pipeline::Analysis;
use crate::progress::{Progress, Stage};
use crate::text::Span;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, STRING,
};
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyDocument};

/// Bump when the schema, the tokenizers or what a document holds change: every index rebuilds.
pub const SCHEMA_VERSION: u32 = 4;
pub const META_FILE: &str = "storyline-index.json";

/// The fields of a passage document.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub words: Field,
    pub grams: Field,
    pub article: Field,
    /// Index of the article in the analysis (fast).
    pub ord: Field,
    pub start: Field,
    pub end: Field,
    /// Publication date as days from the common era (fast, indexed); absent when unknown.
    pub date: Field,
    pub outlet: Field,
    pub entity: Field,
    pub event: Field,
}

pub fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = |tok: &str, record: IndexRecordOption| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tok)
                .set_index_option(record),
        )
    };
    let fast = NumericOptions::default().set_fast();
    let fields = Fields {
        // Phrases are matched in `grams` alone (see `tokenize`): positions in `words` would only
        // cost indexing time.
        words: b.add_text_field("words", text(WORDS, IndexRecordOption::WithFreqs)),
        grams: b.add_text_field(
            "grams",
            text(GRAMS, IndexRecordOption::WithFreqsAndPositions),
        ),
        // Indexed for the article filter, not stored: hits read the article from the `ord` column,
        // and a doc store written for 600k passages costs indexing time for nothing.
        article: b.add_text_field("article", STRING),
        ord: b.add_u64_field("ord", fast.clone()),
        start: b.add_u64_field("start", fast.clone()),
        end: b.add_u64_field("end", fast.clone()),
        date: b.add_i64_field("date", fast.set_indexed()),
        outlet: b.add_text_field("outlet", STRING),
        entity: b.add_text_field("entity", STRING),
        event: b.add_text_field("event", STRING),
    };
    (b.build(), fields)
}

/// Make `index` tokenize with the shared dictionary.
pub fn register(index: &Index, dict: &Arc<Dictionary>) {
    index
        .tokenizers()
        .register(WORDS, WordsTokenizer(dict.clone()));
    index.tokenizers().register(GRAMS, GramsTokenizer);
}

/// One passage to index (its text is the article's folded text over `span`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Passage {
    pub article: usize,
    pub span: Span,
    pub entities: Vec<usize>,
    pub events: Vec<usize>,
}

/// The corpus' passages with the entities and events that overlap each, made article by article
/// as the index is written: at 10,000 articles, all of them at once would hold some 80 MB.
pub struct Passages<'a> {
    analysis: &'a Analysis,
    events: Vec<Vec<(Span, usize)>>,
}

impl<'a> Passages<'a> {
    pub fn new(analysis: &'a Analysis) -> Passages<'a> {
        Passages {
            analysis,
            events: events_by_article(analysis),
        }
    }

    /// Articles, each of which has its passages.
    pub fn articles(&self) -> usize {
        self.analysis.articles.len()
    }

    /// Article `i`'s passages (its sentences, else its paragraphs), in text order.
    pub fn of_article(&self, i: usize) -> Vec<Passage> {
        let a = &self.analysis.articles[i];
        let source = if a.text.sentences.is_empty() {
            &a.text.paragraphs
        } else {
            &a.text.sentences
        };
        let mut spans: Vec<Span> = source
            .iter()
            .filter(|s| !s.is_empty() && s.end <= a.text.len())
            .collect();
        spans.sort();
        spans.dedup();
        let attach = |list: &mut dyn Iterator<Item = (Span, usize)>| -> Vec<BTreeSet<usize>> {
            let mut sets = vec![BTreeSet::new(); spans.len()];
            for (s, x) in list {
                // Passages are sorted; those overlapping `s` are a run starting at the first that
                // ends after it starts.
                let mut j = spans.partition_point(|p| p.end <= s.start);
                while j < spans.len() && spans[j].start < s.end {
                    sets[j].insert(x);
                    j += 1;
                }
            }
            sets
        };
        let mentions = self.analysis.mentions_of(i);
        let ents = attach(&mut mentions.iter().map(|m| (m.span(), m.entity())));
        let evs = attach(&mut self.events[i].iter().copied());
        spans
            .iter()
            .enumerate()
            .map(|(j, span)| Passage {
                article: i,
                span: *span,
                entities: ents[j].iter().copied().collect(),
                events: evs[j].iter().copied().collect(),
            })
            .collect()
    }

    /// Every passage of the corpus, in article order.
    pub fn all(&self) -> Vec<Passage> {
        (0..self.articles())
            .flat_map(|i| self.of_article(i))
            .collect()
    }
}

/// For each article, the (span, event index) of every event source in it.
pub fn events_by_article(analysis: &Analysis) -> Vec<Vec<(Span, usize)>> {
    let mut v: Vec<Vec<(Span, usize)>> = vec![Vec::new(); analysis.articles.len()];
    for (e, ev) in analysis.events.iter().enumerate() {
        for &(a, span) in &ev.sources {
            if let Some(list) = v.get_mut(a) {
                list.push((span, e));
            }
        }
    }
    v
}

/// A fingerprint of everything the index holds, taken from what the passages are made of (so the
/// passages need not be listed to open an index): article ids, sizes, folded texts, dates and
/// outlets, sentence and paragraph spans, mentions, event sources, entity and event ids, the
/// dictionary, [`SCHEMA_VERSION`] for how passages are made of them, and the build's id: the
/// tokenizers are code, and an index another build wrote may split words otherwise (a query then
/// matches a single char of its words), so each build writes its own.
///
/// The bulk goes through CRC-32 (hardware-accelerated, several GB/s: opening must not spend longer
/// hashing than tantivy spends opening); the small parts and the CRC go through `DefaultHasher`,
/// which is stable within one build of the program — a new Rust release may change it, which costs
/// one rebuild and nothing else.
pub fn fingerprint(analysis: &Analysis, dict: &Dictionary) -> String {
    let mut bulk = crc32fast::Hasher::new();
    let mut h = std::collections::hash_map::DefaultHasher::new();
    SCHEMA_VERSION.hash(&mut h);
    crate::BUILD_ID.hash(&mut h);
    let mut buf: Vec<u8> = Vec::with_capacity(64 * 1024);
    let put = |buf: &mut Vec<u8>, bulk: &mut crc32fast::Hasher, xs: &[usize]| {
        for &x in xs {
            buf.extend_from_slice(&(x as u64).to_le_bytes());
        }
        if buf.len() >= 60 * 1024 {
            bulk.update(buf);
            buf.clear();
        }
    };
    for a in &analysis.articles {
        a.raw.id.hash(&mut h);
        a.raw.bytes.hash(&mut h);
        // The folded text is the display text through the fold tables, which the build id
        // stands for: hashing the display text says as much without folding it.
        a.text.display.len().hash(&mut h);
        bulk.update(a.text.display.as_bytes());
        a.published.date.hash(&mut h);
        a.raw.meta.outlet.hash(&mut h);
        put(
            &mut buf,
            &mut bulk,
            &[a.text.sentences.len(), a.text.paragraphs.len()],
        );
        for s in a.text.sentences.iter().chain(a.text.paragraphs.iter()) {
            put(&mut buf, &mut bulk, &[s.start, s.end]);
        }
    }
    for m in &analysis.mentions {
        put(
            &mut buf,
            &mut bulk,
            &[m.entity(), m.article(), m.span().start, m.span().end],
        );
    }
    for e in &analysis.events {
        e.id.hash(&mut h);
        for &(a, s) in &e.sources {
            put(&mut buf, &mut bulk, &[a, s.start, s.end]);
        }
    }
    bulk.update(&buf);
    analysis.mentions.len().hash(&mut h);
    bulk.finalize().hash(&mut h);
    for e in &analysis.entities {
        e.id.hash(&mut h);
    }
    dict.words().hash(&mut h);
    format!("{:016x}", h.finish())
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
struct Meta {
    schema: u32,
    fingerprint: String,
    docs: u64,
}

/// Fill `index` with the passages; `threads` indexing workers.
pub fn write(
    index: &Index,
    fields: &Fields,
    passages: &Passages,
    threads: usize,
    progress: &Progress,
) -> Result<()> {
    let budget = 48_000_000 * threads;
    let mut writer = index
        .writer_with_num_threads::<TantivyDocument>(threads, budget)
        .map_err(index_err)?;
    // Built once and then only read: merging segments during the build costs more than the few
    // extra segments cost queries.
    writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
    progress.stage(Stage::Indexing, passages.articles());
    for i in 0..passages.articles() {
        // Dropping the writer uncommitted leaves nothing behind.
        progress.check()?;
        progress.step();
        for p in passages.of_article(i) {
            add_passage(&mut writer, fields, passages.analysis, &p)?;
        }
    }
    writer.commit().map_err(index_err)?;
    writer.wait_merging_threads().map_err(index_err)?;
    Ok(())
}

/// One passage as a document: its folded text, where it is, and what it names.
fn add_passage(
    writer: &mut tantivy::IndexWriter<TantivyDocument>,
    fields: &Fields,
    analysis: &Analysis,
    p: &Passage,
) -> Result<()> {
    let a = &analysis.articles[p.article];
    if p.span.end > a.text.len() {
        return Ok(());
    }
    let text = &a.text.folded_slice(p.span);
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.words, text);
    doc.add_text(fields.grams, text);
    doc.add_text(fields.article, &a.raw.id);
    doc.add_u64(fields.ord, p.article as u64);
    doc.add_u64(fields.start, p.span.start as u64);
    doc.add_u64(fields.end, p.span.end as u64);
    if let Some(d) = a.published.date {
        doc.add_i64(fields.date, day_number(d));
    }
    if let Some(o) = &a.raw.meta.outlet {
        doc.add_text(fields.outlet, o);
    }
    for &e in &p.entities {
        doc.add_text(fields.entity, &analysis.entities[e].id);
    }
    for &e in &p.events {
        doc.add_text(fields.event, &analysis.events[e].id);
    }
    writer.add_document(doc).map_err(index_err)?;
    Ok(())
}

pub fn day_number(d: chrono::NaiveDate) -> i64 {
    use chrono::Datelike;
    d.num_days_from_ce() as i64
}

pub fn index_err(e: impl std::fmt::Display) -> Error {
    Error::new(ErrorCode::Index, format!("search index: {e}"))
}

pub fn reader(index: &Index) -> Result<IndexReader> {
    index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
        .map_err(index_err)
}

/// How an on-disk index came to be open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Built in memory.
    Memory,
    /// The folder held a valid index of this very corpus.
    Opened,
    /// Built because there was none.
    Built,
    /// Built again; the reason says what was wrong with the old one.
    Rebuilt(String),
}

/// A hold on an index folder, through a lock file beside it (`.NAME.lock`): shared while a
/// [`super::SearchIndex`] reads the folder, exclusive while the folder is built, replaced or
/// removed. So one Storyline never removes an index another is using.
pub struct Hold(#[allow(dead_code)] std::fs::File);

fn lock_path(dir: &Path) -> PathBuf {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "index".into());
    dir.with_file_name(format!(".{name}.lock"))
}

fn lock_file(dir: &Path) -> Result<std::fs::File> {
    let path = lock_path(dir);
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, &e))?;
    }
    std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(&path)
        .map_err(|e| Error::io(&path, &e))
}

/// Open the index in `dir` if it is valid and current, else (re)build it there; with a shared
/// hold on the folder for as long as the index is used. A folder another run is using is never
/// replaced: that is an error.
pub fn open_or_build(
    dir: &Path,
    fingerprint: &str,
    dict: &Arc<Dictionary>,
    analysis: &Analysis,
    progress: &Progress,
) -> Result<(Index, IndexReader, Outcome, Hold)> {
    let lock = lock_file(dir)?;
    let locked = |r: std::io::Result<()>| r.map_err(|e| Error::io(&lock_path(dir), &e));
    // Waits while another run builds it.
    locked(lock.lock_shared())?;
    let mut reason = None;
    if dir.exists() {
        match try_open(dir, fingerprint, dict) {
            Ok((index, reader)) => return Ok((index, reader, Outcome::Opened, Hold(lock))),
            Err(Unusable(why)) => reason = Some(why),
        }
    }
    locked(lock.unlock())?;
    match lock.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            return Err(index_err(format!(
                "{} is in use by another Storyline and holds another corpus's index; it is left as it is",
                dir.display()
            )))
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(&lock_path(dir), &e)),
    }
    let outcome = match reason {
        Some(why) => Outcome::Rebuilt(why),
        None => Outcome::Built,
    };
    build_in_place(dir, fingerprint, dict, analysis, progress)?;
    locked(lock.unlock())?;
    locked(lock.lock_shared())?;
    let (index, reader) = try_open(dir, fingerprint, dict)
        .map_err(|Unusable(r)| index_err(format!("{}: {r}", dir.display())))?;
    Ok((index, reader, outcome, Hold(lock)))
}

/// Why an index on disk cannot be used as it is (and is built again).
struct Unusable(String);

impl From<String> for Unusable {
    fn from(why: String) -> Unusable {
        Unusable(why)
    }
}

impl From<&str> for Unusable {
    fn from(why: &str) -> Unusable {
        Unusable(why.to_string())
    }
}

type Opened = std::result::Result<(Index, IndexReader), Unusable>;

/// Open a current, intact index, or say why not. tantivy panics are caught: a damaged file must
/// cost a rebuild, not the program.
fn try_open(dir: &Path, fingerprint: &str, dict: &Arc<Dictionary>) -> Opened {
    let meta: Meta = std::fs::read(dir.join(META_FILE))
        .map_err(|e| Unusable(format!("no readable {META_FILE} ({e})")))
        .and_then(|b| {
            serde_json::from_slice(&b)
                .map_err(|e| Unusable(format!("{META_FILE} is damaged ({e})")))
        })?;
    if meta.schema != SCHEMA_VERSION {
        return Err(format!(
            "schema version {} (this program writes {SCHEMA_VERSION})",
            meta.schema
        )
        .into());
    }
    if meta.fingerprint != fingerprint {
        return Err("the corpus or its analysis changed".into());
    }
    let dir = dir.to_path_buf();
    let dict = dict.clone();
    let opened = std::panic::catch_unwind(move || -> Opened {
        let index =
            Index::open_in_dir(&dir).map_err(|e| format!("tantivy cannot open it ({e})"))?;
        register(&index, &dict);
        let damaged = index
            .validate_checksum()
            .map_err(|e| format!("checksums unreadable ({e})"))?;
        if !damaged.is_empty() {
            let names: Vec<String> = damaged.iter().map(|p| p.display().to_string()).collect();
            return Err(format!("checksum mismatch in {}", names.join(", ")).into());
        }
        let reader = reader(&index).map_err(|e| e.message)?;
        let docs = reader.searcher().num_docs();
        if docs != meta.docs {
            return Err(format!("{docs} passages where {} were written", meta.docs).into());
        }
        Ok((index, reader))
    });
    opened.unwrap_or_else(|_| Err("tantivy failed reading it".into()))
}

/// Build into a temporary sibling folder, then swap it in for `dir`.
fn build_in_place(
    dir: &Path,
    fingerprint: &str,
    dict: &Arc<Dictionary>,
    analysis: &Analysis,
    progress: &Progress,
) -> Result<()> {
    if dir.exists() {
        ensure_replaceable(dir)?;
    }
    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, &e))?;
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "index".into());
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}.building-"))
        .tempdir_in(parent)
        .map_err(|e| Error::io(parent, &e))?;
    let (schema, fields) = schema();
    let index = Index::create_in_dir(tmp.path(), schema).map_err(index_err)?;
    register(&index, dict);
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 2);
    write(&index, &fields, &Passages::new(analysis), threads, progress)?;
    let docs = reader(&index)?.searcher().num_docs();
    drop(index);
    let meta = Meta {
        schema: SCHEMA_VERSION,
        fingerprint: fingerprint.to_string(),
        docs,
    };
    let meta_path = tmp.path().join(META_FILE);
    let json = serde_json::to_vec_pretty(&meta).map_err(index_err)?;
    write_synced(&meta_path, &json).map_err(|e| Error::io(&meta_path, &e))?;
    if dir.exists() {
        ensure_replaceable(dir)?;
        std::fs::remove_dir_all(dir).map_err(|e| Error::io(dir, &e))?;
    }
    let tmp = tmp.keep();
    if let Err(e) = std::fs::rename(&tmp, dir) {
        let _ = std::fs::remove_dir_all(&tmp);
        // Another process may have just put the same index in place; the caller's open tells.
        if !dir.join(META_FILE).exists() {
            return Err(Error::io(dir, &e));
        }
    }
    Ok(())
}

/// Indexes of other corpora kept in the data folder, most recently built first; older ones and
/// builds abandoned more than an hour ago are removed, so switching corpora does not fill the disk.
pub const KEEP_OTHER_INDEXES: usize = 3;

/// Tidy the data folder `base` after `current` was opened or built. Only `index-*` folders and
/// `.index-*.building-*` leftovers are touched; failures are ignored (tidying is not needed to search).
pub fn prune(base: &Path, current: &Path) {
    let Ok(entries) = std::fs::read_dir(base) else {
        return;
    };
    let mut others: Vec<(std::time::SystemTime, PathBuf)> = Vec::new();
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for e in entries.filter_map(|e| e.ok()) {
        let path = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        let modified = e
            .metadata()
            .and_then(|m| m.modified())
            .unwrap_or(std::time::SystemTime::UNIX_EPOCH);
        if name.starts_with(".index-") && name.contains(".building-") {
            if modified < hour_ago {
                let _ = std::fs::remove_dir_all(&path);
            }
        } else if name.starts_with("index-") && path != current && path.is_dir() {
            let built = std::fs::metadata(path.join(META_FILE))
                .and_then(|m| m.modified())
                .unwrap_or(modified);
            others.push((built, path));
        }
    }
    others.sort_by_key(|other| std::cmp::Reverse(other.0));
    for (_, path) in others.into_iter().skip(KEEP_OTHER_INDEXES) {
        // An index another run holds is in use: it stays.
        let Ok(lock) = lock_file(&path) else { continue };
        if lock.try_lock().is_ok() {
            let _ = std::fs::remove_dir_all(&path);
            let _ = std::fs::remove_file(lock_path(&path));
        }
    }
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut f = std::fs::File::create(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// A folder may be replaced only if it is our index (it holds our marker file) or empty, so a
/// mistyped `--index` never deletes someone's files.
fn ensure_replaceable(dir: &Path) -> Result<()> {
    let entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, &e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    let is_index = entries.is_empty()
        || entries
            .iter()
            .any(|p| p.file_name().is_some_and(|n| n == META_FILE));
    if !is_index {
        return Err(Error::new(
            ErrorCode::Index,
            format!(
                "{} is not a search index folder (and is not empty); choose another --index folder",
                dir.display()
            ),
        ));
    }
    Ok(())
}
