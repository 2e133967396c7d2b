//! The one API surface over the core. The CLI calls [`Library`]'s methods directly; the HTTP server
//! and the desktop shell pass a [`Request`] to [`Library::handle`], so every command the UI can send
//! exists once, with one set of types (exported to TypeScript) and one error shape `{code, message}`.

use crate::corpus::{Corpus, LoadIssue};
use crate::entities::Gazetteer;
use crate::error::{Error, ErrorCode, Result};
use crate::export::{self, Format};
use crate::pipeline::Analysis;
use crate::search::{Hit, IndexLocation, SearchIndex, SearchRequest};
use crate::text::{ScriptChoice, Span};
use crate::timeline::{ArticleInfo, EntityInfo, Filter, TimelineView};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use ts_rs::TS;

/// Where a library's articles come from.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// A folder of articles; `None` opens the embedded default corpus.
    pub corpus: Option<PathBuf>,
    /// Where the search index lives (default: the per-platform data folder).
    pub index: IndexLocation,
}

/// An opened corpus with everything the pipeline derived from it.
pub struct Library {
    pub analysis: Analysis,
    pub issues: Vec<LoadIssue>,
    pub root: Option<PathBuf>,
    /// Opened by [`Library::open`]; built in memory on the first search for [`Library::from_corpus`].
    index: OnceLock<std::result::Result<SearchIndex, Error>>,
}

/// A passage of an article that cites an event, for highlighting.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct Passage {
    pub event: String,
    pub start: usize,
    pub end: usize,
}

/// An article ready to read: its display text (in the chosen script, offsets unchanged) and the
/// passages of every event it tells of.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct ArticleView {
    pub info: ArticleInfo,
    pub text: String,
    pub paragraphs: Vec<Span>,
    pub passages: Vec<Passage>,
}

/// Every command the UI sends, as `{"cmd": …, "args": {…}}`.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "cmd", content = "args", rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/bindings/")]
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
}

/// The text of an export, with the name and type a browser download needs.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct ExportFile {
    pub filename: String,
    pub mime: String,
    pub content: String,
}

impl Library {
    pub fn open(options: &Options) -> Result<Library> {
        Ok(Library::open_read(Library::read(options)?, options))
    }

    /// The first half of [`Library::open`]: the corpus, read and decoded (quick), for a caller that
    /// wants to look at it before the analysis (the desktop shell looks up its first answers).
    pub fn read(options: &Options) -> Result<Corpus> {
        match &options.corpus {
            Some(dir) => Corpus::open(dir),
            None => Ok(Corpus::embedded()),
        }
    }

    /// The second half of [`Library::open`]: analyse a corpus [`Library::read`] gave and open its
    /// search index.
    pub fn open_read(corpus: Corpus, options: &Options) -> Library {
        let mut lib = Library::from_corpus(corpus);
        // An index that cannot live on disk (no data folder, a read-only one) still searches.
        let index = SearchIndex::open(&lib.analysis, &options.index).or_else(|e| {
            lib.issues.push(LoadIssue {
                file: "search index".into(),
                code: e.code,
                message: format!("{}; searching with an index in memory instead", e.message),
            });
            SearchIndex::in_memory(&lib.analysis)
        });
        let _ = lib.index.set(index);
        lib
    }

    pub fn from_corpus(corpus: Corpus) -> Library {
        let mut issues = corpus.issues.clone();
        let (gazetteer, issue) = Gazetteer::for_corpus(&corpus);
        issues.extend(issue);
        let analysis = Analysis::run_with(&corpus, &gazetteer);
        Library {
            analysis,
            issues,
            root: corpus.root,
            index: OnceLock::new(),
        }
    }

    /// The search index, built in memory now if the library was not opened with one.
    pub fn search_index(&self) -> Result<&SearchIndex> {
        self.index
            .get_or_init(|| SearchIndex::in_memory(&self.analysis))
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
            paragraphs: a.text.paragraphs.clone(),
            passages,
        })
    }

    pub fn entities(&self) -> Vec<EntityInfo> {
        (0..self.analysis.entities.len())
            .map(|i| self.analysis.entity_info(i))
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
        }
    }

    /// Parse a request's JSON and handle it; a malformed request is an error, not a panic.
    pub fn handle_json(&self, body: &str) -> Result<serde_json::Value> {
        let req: Request = serde_json::from_str(body)
            .map_err(|e| Error::new(ErrorCode::BadQuery, format!("malformed request: {e}")))?;
        self.handle(req)
    }
}
