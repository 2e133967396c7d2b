//! The one API surface over the core. The CLI calls [`Library`]'s methods directly; the HTTP server
//! and the desktop shell pass a [`Request`] to [`Library::handle`], so every command the UI can send
//! exists once, with one set of types (exported to TypeScript) and one error shape `{code, message}`.

pub mod wire;

use crate::corpus::{Corpus, LoadIssue};
use crate::edits::{Change, EditLog, EditState, Target};
use crate::entities::Gazetteer;
use crate::entities::{Entity, Mention};
use crate::error::{Error, ErrorCode, Result};
use crate::events::{Event, EventKind};
use crate::export::{self, Format};
use crate::pipeline::Analysis;
use crate::progress::Progress;
use crate::search::{Hit, IndexLocation, SearchIndex, SearchRequest};
use crate::story::{AddReport, NewArticle, UploadedFile};
use crate::text::{ScriptChoice, Span};
use crate::timeline::{ArticleInfo, EntityInfo, Filter, TimelineView};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
#[cfg(feature = "bindings")]
use ts_rs::TS;

/// Where a library's articles come from.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// A folder of articles; `None` opens the embedded default corpus.
    pub corpus: Option<PathBuf>,
    /// Where the search index lives (default: in memory).
    pub index: IndexLocation,
    /// Nothing will be added to the story while it is open (a command that reads and exits): the
    /// per-article work that lets an added article be the only one read is not kept.
    pub read_only: bool,
}

/// An opened corpus with everything the pipeline derived from it, and a person's corrections.
pub struct Library {
    /// The analysis with the corrections made.
    analysis: Analysis,
    issues: Vec<LoadIssue>,
    root: Option<PathBuf>,
    /// Opened by [`Library::open`]; built in memory on the first search for [`Library::from_corpus`].
    index: OnceLock<std::result::Result<SearchIndex, Error>>,
    /// Where the index lives, to build it again when articles are added.
    index_location: Option<IndexLocation>,
    corpus: Corpus,
    /// What the machine made, before corrections: corrections are made again from it each time.
    /// Taken only when there is a first correction to make; while `None`, `analysis` is the
    /// machine's own.
    machine: Option<Machine>,
    edits: EditLog,
    /// The corrections file could not be read: nothing is written over it.
    edits_unreadable: Option<Error>,
    edit_states: Vec<EditState>,
    /// Name discovery's reading and the candidate events of each article, kept so an added
    /// article is the only one read.
    kept: crate::pipeline::Kept,
    /// Where long work (opening, adding, indexing) reports, shared with the adapters.
    progress: Progress,
}

#[derive(Clone, Default)]
struct Machine {
    events: Vec<Event>,
    entities: Vec<Entity>,
    mentions: Vec<Mention>,
}

/// The story's corrections and how each fared, with what undo and redo would do.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
pub struct EditsView {
    pub edits: Vec<EditState>,
    /// The correction undo would take back, and the one redo would make again.
    pub undo: Option<crate::edits::Edit>,
    pub redo: Option<crate::edits::Edit>,
    /// Corrections can be saved (a folder story whose corrections file is readable).
    pub writable: bool,
    /// Why not, when not.
    pub read_only_reason: Option<String>,
}

/// A passage of an article that cites an event, for highlighting.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
pub struct Passage {
    pub event: String,
    pub start: usize,
    pub end: usize,
}

/// An article ready to read: its display text (in the chosen script, offsets unchanged) and the
/// passages of every event it tells of.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
pub struct ArticleView {
    pub info: ArticleInfo,
    pub text: String,
    pub paragraphs: Vec<Span>,
    /// The paragraphs written in English in an article that is not (a statement quoted at length).
    pub english: Vec<Span>,
    pub passages: Vec<Passage>,
}

/// Every command the UI sends, as `{"cmd": …, "args": {…}}`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
#[serde(tag = "cmd", content = "args", rename_all = "snake_case")]
pub enum Request {
    Articles,
    Article {
        id: String,
        #[serde(default)]
        script: ScriptChoice,
    },
    Entities,
    Timeline {
        #[serde(default)]
        filter: Filter,
    },
    Search(crate::search::SearchRequest),
    Export {
        format: Format,
        #[serde(default)]
        filter: Filter,
    },
    Issues,
    /// The corrections and how each fared.
    Edits,
    /// Correct an event: its date, titles, kind or status, or hide or show it.
    EditEvent {
        event: String,
        change: Change,
    },
    /// Two events are one happening: `event` joins `into`.
    MergeEvents {
        event: String,
        into: String,
    },
    /// One passage of an event tells of another happening: it becomes an event of its own.
    DetachPassage {
        event: String,
        article: String,
        start: usize,
    },
    /// A passage selected in the reader tells of a happening the machine missed.
    CreateEvent {
        article: String,
        start: usize,
        end: usize,
        kind: EventKind,
        title_zh: String,
    },
    /// Correct a person or company: rename, add an alias, not a name, merge into another.
    EditEntity {
        entity: String,
        change: Change,
    },
    Undo,
    Redo,
    /// Correct an event's date, written as a person writes it (see [`crate::edits::parse_date`]).
    SetEventDate {
        event: String,
        date: String,
    },
    /// Add a pasted article to the story.
    AddText(NewArticle),
    /// Add files the page read (dropped on the window or picked) to the story.
    AddFiles {
        files: Vec<UploadedFile>,
    },
    /// How far the long work under way has got.
    Progress,
    /// Stop the long work under way; the story stays as it was.
    Cancel,
}

impl Request {
    /// Whether the request changes the story (and so needs the library to itself).
    pub fn changes(&self) -> bool {
        matches!(
            self,
            Request::EditEvent { .. }
                | Request::MergeEvents { .. }
                | Request::DetachPassage { .. }
                | Request::CreateEvent { .. }
                | Request::EditEntity { .. }
                | Request::Undo
                | Request::Redo
                | Request::AddText(_)
                | Request::SetEventDate { .. }
                | Request::AddFiles { .. }
        )
    }
}

/// Answer the requests about long work (`progress`, `cancel`) from the shared handle, without
/// the library: the work may hold it. `None` for every other request.
pub fn answer_about_work(
    progress: &Progress,
    request: &Request,
) -> Option<Result<serde_json::Value>> {
    match request {
        Request::Progress => Some(to_json(progress.view())),
        Request::Cancel => Some(to_json(CancelAnswer {
            cancelling: progress.cancel(),
        })),
        _ => None,
    }
}

/// Whether a cancel was heard (there was cancellable work under way).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
pub struct CancelAnswer {
    pub cancelling: bool,
}

/// The text of an export, with the name and type a browser download needs.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
pub struct ExportFile {
    pub filename: String,
    pub mime: String,
    pub content: String,
}

impl Library {
    pub fn open(options: &Options) -> Result<Library> {
        Library::open_with(options, Progress::new())
    }

    /// As [`Library::open`], reporting into `progress` (which the library keeps for its later
    /// work) and giving up if that is cancelled. The caller begins the work.
    pub fn open_with(options: &Options, progress: Progress) -> Result<Library> {
        let corpus = Library::read_with(options, &progress)?;
        Library::open_read(corpus, options, progress)
    }

    /// The first half of [`Library::open`]: the corpus, read and decoded (quick), for a caller that
    /// wants to look at it before the analysis (the desktop shell looks up its first answers).
    pub fn read(options: &Options) -> Result<Corpus> {
        Library::read_with(options, &Progress::new())
    }

    pub fn read_with(options: &Options, progress: &Progress) -> Result<Corpus> {
        match &options.corpus {
            Some(dir) => Corpus::open_keeping(dir, &mut Corpus::default(), progress),
            None => Ok(Corpus::embedded()),
        }
    }

    /// The second half of [`Library::open`]: analyse a corpus [`Library::read`] gave and open its
    /// search index.
    pub fn open_read(corpus: Corpus, options: &Options, progress: Progress) -> Result<Library> {
        let kept = if options.read_only {
            crate::pipeline::Kept::default()
        } else {
            crate::pipeline::Kept::new()
        };
        let mut lib = Library::analyse(corpus, &[], kept, progress).map_err(|(e, _, _)| e)?;
        lib.index_location = Some(options.index.clone());
        lib.open_index()?;
        Ok(lib)
    }

    /// The on-disk index for the current analysis (an index that cannot live on disk, in a
    /// read-only data folder say, still searches from memory). Fails only when cancelled.
    fn open_index(&mut self) -> Result<()> {
        let Some(location) = &self.index_location else {
            self.index = OnceLock::new();
            return Ok(());
        };
        let index = match SearchIndex::open_with(&self.analysis, location, &self.progress) {
            Err(e) if e.code == ErrorCode::Cancelled => return Err(e),
            Err(e) => {
                self.issues.push(LoadIssue {
                    file: "search index".into(),
                    code: e.code,
                    message: format!("{}; searching with an index in memory instead", e.message),
                });
                SearchIndex::in_memory(&self.analysis)
            }
            ok => ok,
        };
        self.index = OnceLock::new();
        let _ = self.index.set(index);
        Ok(())
    }

    pub fn from_corpus(corpus: Corpus) -> Library {
        match Library::analyse(corpus, &[], crate::pipeline::Kept::new(), Progress::new()) {
            Ok(library) => library,
            Err(_) => unreachable!("a progress no one else holds is never cancelled"),
        }
    }

    /// Analyse `corpus`, reusing the text stage of unchanged articles of `previous` and the work
    /// `kept` holds, and read the story's corrections. The corpus kept lets its texts go (see
    /// [`Analysis::run_reusing`]). When cancelled, the corpus and `kept` are
    /// handed back.
    #[allow(clippy::result_large_err)]
    fn analyse(
        mut corpus: Corpus,
        previous: &[crate::pipeline::Article],
        mut kept: crate::pipeline::Kept,
        progress: Progress,
    ) -> std::result::Result<Library, (Error, Corpus, crate::pipeline::Kept)> {
        let mut issues = corpus.issues.clone();
        let (gazetteer, issue) = Gazetteer::for_corpus(&corpus);
        issues.extend(issue);
        let mut analysis =
            match Analysis::run_reusing(&mut corpus, &gazetteer, previous, &mut kept, &progress) {
                Ok(a) => a,
                Err(e) => return Err((e, corpus, kept)),
            };
        // What the events were merged from: only the evaluation reads them, and the next analysis
        // takes its own from `kept`. The largest list of a corpus (some 40 MB at 10,000 articles),
        // given back before the index is built beside the rest.
        analysis.candidates = Vec::new();
        crate::memory::release();
        for failed in &analysis.failed {
            if !issues.contains(failed) {
                issues.push(failed.clone());
            }
        }
        let (edits, edits_unreadable) = match corpus.root.as_deref().map(EditLog::load) {
            Some(Err(e)) => {
                issues.push(LoadIssue {
                    file: crate::edits::EDITS_FILE.into(),
                    code: e.code,
                    message: format!(
                        "{}; the corrections in it are not shown, and none are saved over it",
                        e.message
                    ),
                });
                (EditLog::default(), Some(e))
            }
            Some(Ok(log)) => (log, None),
            None => (EditLog::default(), None),
        };
        let mut lib = Library {
            machine: None,
            analysis,
            issues,
            root: corpus.root.clone(),
            index: OnceLock::new(),
            index_location: None,
            corpus,
            edits,
            edits_unreadable,
            edit_states: Vec::new(),
            kept,
            progress,
        };
        lib.make_corrections();
        Ok(lib)
    }

    /// The analysis with the corrections made, to read: it changes only through requests.
    pub fn analysis(&self) -> &Analysis {
        &self.analysis
    }

    /// What could not be read, or was read with a warning, when the story was opened.
    pub fn issues(&self) -> &[LoadIssue] {
        &self.issues
    }

    /// The story's folder; `None` for the embedded corpus.
    pub fn root(&self) -> Option<&Path> {
        self.root.as_deref()
    }

    /// An article's folded text (the script and width matching reads), by article id.
    pub fn folded_text(&self, id: &str) -> Result<String> {
        Ok(self.analysis.articles[self.index_of(id)?].text.folded())
    }

    /// The handle long work of this library reports into and can be cancelled through.
    pub fn progress(&self) -> Progress {
        self.progress.clone()
    }

    /// Make the corrections again, from what the machine made.
    fn make_corrections(&mut self) {
        match &self.machine {
            Some(m) => {
                self.analysis.events = m.events.clone();
                self.analysis.entities = m.entities.clone();
                self.analysis.mentions = m.mentions.clone();
            }
            None if self.edits.edits.is_empty() => return,
            None => {
                self.machine = Some(Machine {
                    events: self.analysis.events.clone(),
                    entities: self.analysis.entities.clone(),
                    mentions: self.analysis.mentions.clone(),
                })
            }
        }
        self.edit_states = crate::edits::apply(&mut self.analysis, &self.edits);
    }

    /// The machine's entities (the analysis's own while nothing was corrected).
    fn machine_entities(&self) -> &[Entity] {
        self.machine
            .as_ref()
            .map_or(&self.analysis.entities, |m| &m.entities)
    }

    /// The folder corrections and articles are written to, or why there is none.
    fn writable_root(&self) -> Result<PathBuf> {
        if let Some(e) = &self.edits_unreadable {
            return Err(Error::new(
                ErrorCode::BadEdits,
                format!("{}; fix or move it to make corrections", e.message),
            ));
        }
        self.root.clone().ok_or_else(|| {
            Error::new(
                ErrorCode::ReadOnlyStory,
                "the built-in articles are never changed: make a new story from them to correct it",
            )
        })
    }

    pub fn edits(&self) -> EditsView {
        let writable = self.writable_root();
        EditsView {
            edits: self.edit_states.clone(),
            undo: self.edits.edits.last().cloned(),
            redo: self.edits.undone.last().cloned(),
            writable: writable.is_ok(),
            read_only_reason: writable.err().map(|e| e.message),
        }
    }

    /// Record a correction, save the file, and make the corrections again.
    fn correct(&mut self, target: Target, change: Change) -> Result<EditsView> {
        let root = self.writable_root()?;
        let mut log = self.edits.clone();
        log.push(target, change);
        log.save(&root)?;
        self.edits = log;
        self.make_corrections();
        let last = self.edit_states.last().filter(|s| !s.applied);
        if let Some(problem) = last.and_then(|s| s.problem.clone()) {
            // Nothing to correct after all: keep the file as it was.
            self.edits.edits.pop();
            self.edits.save(&root)?;
            self.make_corrections();
            return Err(Error::new(ErrorCode::BadQuery, problem));
        }
        Ok(self.edits())
    }

    fn event_index(&self, id: &str) -> Result<usize> {
        self.analysis
            .events
            .iter()
            .position(|e| e.id == id)
            .ok_or_else(|| {
                Error::new(
                    ErrorCode::UnknownEvent,
                    format!("no event with id {id:?} in the current timeline"),
                )
            })
    }

    /// The passage that stands for an event in a correction (its first source), with its kind
    /// and title to tell it from other events of the same passage.
    fn event_anchor(&self, id: &str) -> Result<(crate::edits::Anchor, EventKind, String)> {
        let e = &self.analysis.events[self.event_index(id)?];
        let &(article, span) = e.sources.first().ok_or_else(|| {
            Error::new(
                ErrorCode::UnknownEvent,
                format!("event {id:?} cites no passage"),
            )
        })?;
        Ok((
            crate::edits::anchor(&self.analysis, article, span),
            e.kind,
            e.title_zh.clone(),
        ))
    }

    fn event_target(&self, id: &str) -> Result<Target> {
        let (passage, kind, title_zh) = self.event_anchor(id)?;
        Ok(Target::Event {
            passage,
            kind: Some(kind),
            title_zh: Some(title_zh),
        })
    }

    pub fn edit_event(&mut self, event: &str, change: Change) -> Result<EditsView> {
        if matches!(
            change,
            Change::MergeInto { .. }
                | Change::Detach
                | Change::Create { .. }
                | Change::Rename { .. }
                | Change::AddAlias { .. }
                | Change::NotAName
                | Change::MergeEntityInto { .. }
        ) {
            return Err(Error::new(
                ErrorCode::BadQuery,
                "merge, detach and create have requests of their own; entity changes go to edit_entity",
            ));
        }
        if let Change::Date { start, end, .. } = &change {
            if end < start {
                return Err(Error::new(
                    ErrorCode::BadDate,
                    format!("the date range ends ({end}) before it starts ({start})"),
                ));
            }
        }
        let target = self.event_target(event)?;
        self.correct(target, change)
    }

    pub fn merge_events(&mut self, event: &str, into: &str) -> Result<EditsView> {
        if event == into {
            return Err(Error::new(
                ErrorCode::BadQuery,
                "an event cannot merge into itself",
            ));
        }
        let target = self.event_target(event)?;
        let (into, into_kind, into_title_zh) = self.event_anchor(into)?;
        self.correct(
            target,
            Change::MergeInto {
                into,
                into_kind: Some(into_kind),
                into_title_zh: Some(into_title_zh),
            },
        )
    }

    pub fn detach_passage(
        &mut self,
        event: &str,
        article: &str,
        start: usize,
    ) -> Result<EditsView> {
        let a = self.index_of(article)?;
        let e = &self.analysis.events[self.event_index(event)?];
        let &(_, span) = e
            .sources
            .iter()
            .find(|(x, s)| *x == a && s.start == start)
            .ok_or_else(|| {
                Error::new(
                    ErrorCode::BadQuery,
                    format!("event {event:?} cites no passage of {article:?} at {start}"),
                )
            })?;
        let target = Target::Event {
            passage: crate::edits::anchor(&self.analysis, a, span),
            kind: Some(e.kind),
            title_zh: Some(e.title_zh.clone()),
        };
        self.correct(target, Change::Detach)
    }

    pub fn create_event(
        &mut self,
        article: &str,
        span: Span,
        kind: EventKind,
        title_zh: &str,
    ) -> Result<EditsView> {
        let a = self.index_of(article)?;
        let len = self.analysis.articles[a].text.len();
        if span.start >= span.end || span.end > len {
            return Err(Error::new(
                ErrorCode::BadQuery,
                format!("no passage at {}..{} in {article:?}", span.start, span.end),
            ));
        }
        let passage = crate::edits::anchor(&self.analysis, a, span);
        let title_zh = if title_zh.trim().is_empty() {
            passage.exact.chars().take(40).collect()
        } else {
            title_zh.trim().to_string()
        };
        let target = Target::Event {
            passage,
            kind: None,
            title_zh: None,
        };
        self.correct(target, Change::Create { kind, title_zh })
    }

    pub fn edit_entity(&mut self, entity: &str, change: Change) -> Result<EditsView> {
        let k = self.analysis.find_entity(entity).ok_or_else(|| {
            Error::new(
                ErrorCode::UnknownEntity,
                format!("no person or company called {entity:?} in this story"),
            )
        })?;
        // Anchored by the name the machine finds it under, which survives a rename.
        let name = self.machine_name(k);
        self.correct(Target::Entity { name }, change)
    }

    /// A name of entity `k` that the machine's own entities know it by.
    fn machine_name(&self, k: usize) -> String {
        let e = &self.analysis.entities[k];
        std::iter::once(&e.id)
            .chain(e.aliases.iter())
            .find(|n| crate::entities::find(self.machine_entities(), n).is_some())
            .cloned()
            .unwrap_or_else(|| e.name.clone())
    }

    pub fn undo(&mut self) -> Result<EditsView> {
        self.step_back_or_forth(EditLog::undo, "nothing to undo")
    }

    pub fn redo(&mut self) -> Result<EditsView> {
        self.step_back_or_forth(EditLog::redo, "nothing to redo")
    }

    /// Undo or redo: change the log, save it, make the corrections again.
    fn step_back_or_forth(
        &mut self,
        step: fn(&mut EditLog) -> Option<&crate::edits::Edit>,
        nothing: &str,
    ) -> Result<EditsView> {
        let root = self.writable_root()?;
        let mut log = self.edits.clone();
        if step(&mut log).is_none() {
            return Err(Error::new(ErrorCode::BadQuery, nothing));
        }
        log.save(&root)?;
        self.edits = log;
        self.make_corrections();
        Ok(self.edits())
    }

    /// Copy article files into the story and analyse it again.
    pub fn add_files(&mut self, files: &[PathBuf]) -> Result<AddReport> {
        self.add_with(|root, corpus, progress| {
            crate::story::add_files(root, corpus, files, progress)
        })
    }

    /// Write files the page read into the story and analyse it again.
    pub fn add_uploaded(&mut self, files: &[UploadedFile]) -> Result<AddReport> {
        self.add_with(|root, corpus, progress| {
            crate::story::add_uploaded(root, corpus, files, progress)
        })
    }

    /// Write a pasted article into the story and analyse it again.
    pub fn add_text(&mut self, article: &NewArticle) -> Result<AddReport> {
        self.add_with(|root, corpus, _| crate::story::add_text(root, corpus, article))
    }

    /// Write articles into the story folder with `write`, then analyse it again if any was added.
    /// A cancel takes the written files back out.
    fn add_with(
        &mut self,
        write: impl FnOnce(&Path, &Corpus, &Progress) -> Result<AddReport>,
    ) -> Result<AddReport> {
        let root = self.writable_root()?;
        let progress = self.progress.clone();
        let _work = progress.begin(true);
        progress.stage(crate::progress::Stage::Reading, 0);
        let before = crate::story::before_adding(&root)?;
        let report = write(&root, &self.corpus, &progress)?;
        if report.added.is_empty() {
            return progress.check().map(|()| report);
        }
        match progress.check().and_then(|()| self.reload(&root)) {
            Ok(()) => Ok(report),
            Err(e) => {
                crate::story::take_back(&root, &report, &before)?;
                Err(e)
            }
        }
    }

    /// Read the folder and analyse it again, keeping the corrections. Unchanged articles keep
    /// their text stage; the search index is brought up to date at the next search, so the new
    /// timeline does not wait for it. When cancelled, the library is as it was.
    fn reload(&mut self, root: &Path) -> Result<()> {
        let corpus = Corpus::open_keeping(root, &mut self.corpus, &self.progress)?;
        let kept = std::mem::take(&mut self.kept);
        let progress = self.progress.clone();
        match Library::analyse(corpus, &self.analysis.articles, kept, progress) {
            Ok(mut next) => {
                next.index_location = self.index_location.take();
                *self = next;
                Ok(())
            }
            Err((e, corpus, kept)) => {
                // Only the articles this library had go back: the new ones are being taken out.
                let had: std::collections::HashSet<&str> = self
                    .analysis
                    .articles
                    .iter()
                    .map(|a| a.raw.file.as_str())
                    .collect();
                self.corpus.articles = corpus
                    .articles
                    .into_iter()
                    .filter(|a| had.contains(a.file.as_str()))
                    .collect();
                self.kept = kept;
                Err(e)
            }
        }
    }

    /// A request that may change the story.
    pub fn handle_change(&mut self, request: Request) -> Result<serde_json::Value> {
        match request {
            Request::EditEvent { event, change } => to_json(self.edit_event(&event, change)?),
            Request::MergeEvents { event, into } => to_json(self.merge_events(&event, &into)?),
            Request::DetachPassage {
                event,
                article,
                start,
            } => to_json(self.detach_passage(&event, &article, start)?),
            Request::CreateEvent {
                article,
                start,
                end,
                kind,
                title_zh,
            } => to_json(self.create_event(&article, Span::new(start, end), kind, &title_zh)?),
            Request::EditEntity { entity, change } => to_json(self.edit_entity(&entity, change)?),
            Request::Undo => to_json(self.undo()?),
            Request::Redo => to_json(self.redo()?),
            Request::AddText(article) => to_json(self.add_text(&article)?),
            Request::SetEventDate { event, date } => {
                to_json(self.edit_event(&event, crate::edits::parse_date(&date)?)?)
            }
            Request::AddFiles { files } => to_json(self.add_uploaded(&files)?),
            other => self.handle(other),
        }
    }

    /// Parse a request's JSON and handle it, changes included.
    pub fn handle_change_json(&mut self, body: &str) -> Result<serde_json::Value> {
        self.handle_change(parse_request(body)?)
    }

    /// The search index: the one opened with the library, else (after articles were added) the
    /// on-disk index brought up to date now, else one built in memory.
    pub fn search_index(&self) -> Result<&SearchIndex> {
        self.index
            .get_or_init(|| match &self.index_location {
                Some(location) => {
                    let _work = self.progress.begin(false);
                    SearchIndex::open_with(&self.analysis, location, &self.progress)
                }
                .or_else(|e| {
                    eprintln!(
                        "storyline: {}; searching with an index in memory instead",
                        e.message
                    );
                    SearchIndex::in_memory(&self.analysis)
                }),
                None => SearchIndex::in_memory(&self.analysis),
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    pub fn search(&self, req: &SearchRequest) -> Result<Vec<Hit>> {
        self.search_index()?.search(&self.analysis, req)
    }

    pub fn articles(&self) -> Vec<ArticleInfo> {
        (0..self.analysis.articles.len())
            .map(|i| self.analysis.article_info(i, false))
            .collect()
    }

    fn index_of(&self, id: &str) -> Result<usize> {
        self.analysis.article_index(id).ok_or_else(|| {
            let known: Vec<&str> = self.analysis.articles.iter().map(|a| a.id()).collect();
            Error::new(
                ErrorCode::UnknownArticle,
                format!(
                    "no article with id {id:?}; the corpus has: {}",
                    known.join(", ")
                ),
            )
        })
    }

    pub fn article(&self, id: &str, script: ScriptChoice) -> Result<ArticleView> {
        let i = self.index_of(id)?;
        let a = &self.analysis.articles[i];
        let text = crate::text::convert_script(&a.text.display, script);
        let mut passages: Vec<Passage> = self
            .analysis
            .events
            .iter()
            .flat_map(|e| {
                e.sources
                    .iter()
                    .filter(|(art, _)| *art == i)
                    .map(|(_, s)| Passage {
                        event: e.id.clone(),
                        start: s.start,
                        end: s.end,
                    })
            })
            .collect();
        passages.sort_by_key(|p| (p.start, p.end));
        Ok(ArticleView {
            info: self.analysis.article_info(i, false),
            text,
            paragraphs: a.text.paragraphs.to_vec(),
            english: crate::text::english_paragraphs(&a.text),
            passages,
        })
    }

    pub fn entities(&self) -> Vec<EntityInfo> {
        self.analysis
            .entity_infos()
            .into_iter()
            .zip(&self.analysis.entities)
            .filter(|(_, e)| !e.rejected)
            .map(|(info, _)| info)
            .collect()
    }

    pub fn timeline(&self, filter: &Filter) -> Result<TimelineView> {
        self.analysis.timeline(filter, false)
    }

    pub fn export(&self, format: Format, filter: &Filter, with_text: bool) -> Result<ExportFile> {
        let view = self.analysis.timeline(filter, with_text)?;
        let content = export::render(format, &view)?;
        Ok(ExportFile {
            filename: format!("storyline.{}", format.extension()),
            mime: format.mime().into(),
            content,
        })
    }

    /// Write an export atomically: a temporary file beside the target, then a rename.
    pub fn export_to_file(
        &self,
        format: Format,
        filter: &Filter,
        with_text: bool,
        path: &Path,
    ) -> Result<()> {
        let file = self.export(format, filter, with_text)?;
        export::write_atomically(path, file.content.as_bytes())
    }

    pub fn handle(&self, request: Request) -> Result<serde_json::Value> {
        let json = |v: serde_json::Result<serde_json::Value>| {
            v.map_err(|e| {
                Error::new(
                    ErrorCode::Internal,
                    format!("cannot encode the answer: {e}"),
                )
            })
        };
        match request {
            Request::Articles => json(serde_json::to_value(self.articles())),
            Request::Article { id, script } => {
                json(serde_json::to_value(self.article(&id, script)?))
            }
            Request::Entities => json(serde_json::to_value(self.entities())),
            Request::Timeline { filter } => json(serde_json::to_value(self.timeline(&filter)?)),
            Request::Search(req) => json(serde_json::to_value(self.search(&req)?)),
            Request::Export { format, filter } => {
                json(serde_json::to_value(self.export(format, &filter, false)?))
            }
            Request::Issues => json(serde_json::to_value(&self.issues)),
            Request::Edits => json(serde_json::to_value(self.edits())),
            Request::Progress | Request::Cancel => answer_about_work(&self.progress, &request)
                .unwrap_or_else(|| {
                    Err(Error::new(ErrorCode::Internal, "not a request about work"))
                }),
            change => Err(Error::new(
                ErrorCode::BadQuery,
                format!("{change:?} changes the story and must be sent where changes are handled"),
            )),
        }
    }

    /// Parse a request's JSON and handle it; a malformed request is an error, not a panic.
    pub fn handle_json(&self, body: &str) -> Result<serde_json::Value> {
        self.handle(parse_request(body)?)
    }
}

pub fn parse_request(body: &str) -> Result<Request> {
    serde_json::from_str(body)
        .map_err(|e| Error::new(ErrorCode::BadQuery, format!("malformed request: {e}")))
}

fn to_json<T: Serialize>(value: T) -> Result<serde_json::Value> {
    serde_json::to_value(value).map_err(|e| {
        Error::new(
            ErrorCode::Internal,
            format!("cannot encode the answer: {e}"),
        )
    })
}
