//! The first answers a window asks for — the article list, the unfiltered timeline and the load
//! issues — kept on disk beside the search index, so that the next start can show the timeline
//! while the corpus is analysed again in the background.
//!
//! A copy is only ever used for exactly the inputs it was made from: its file name is a key over
//! the build (an id hashed from its sources, assets and locked dependencies: a rebuilt or updated
//! program never reads an older one's answers), the decoded corpus (every article's text, file,
//! encoding and manifest entry, and the corpus's load issues), a user's gazetteer beside the
//! articles, and the story's corrections. Once the analysis is done, the caller compares its
//! answers with the copy and writes them if they differ ([`FirstAnswers::agrees_with`]).
//! Anything else — a missing, unreadable, truncated or foreign file — is simply no copy: the caller
//! waits for the analysis as before. Nothing here can fail a start.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use storyline::api::{Library, Options, Request};
use storyline::corpus::{Corpus, GAZETTEER_FILE};
use storyline::error::{Error, ErrorCode, Result};
use storyline::search::IndexLocation;
use storyline::timeline::Filter;

/// Bumped when what a copy holds, or how it is keyed, changes.
const FORMAT: u32 = 1;
const PREFIX: &str = "answers-";
/// Copies of other inputs kept (see [`AnswerCache::store`]).
pub const KEEP_OTHERS: usize = 3;
/// A copy larger than this is not written: reading it back would take longer than it saves.
const MAX_BYTES: usize = 32 * 1024 * 1024;

/// What a library answered to the window's first requests, as the JSON the API sends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FirstAnswers {
    pub articles: Value,
    pub timeline: Value,
    pub issues: Value,
}

impl FirstAnswers {
    /// The answers an opened library gives now.
    pub fn of(library: &Library) -> Result<FirstAnswers> {
        Ok(FirstAnswers {
            articles: library.handle(Request::Articles)?,
            timeline: library.handle(Request::Timeline {
                filter: Filter::default(),
            })?,
            issues: library.handle(Request::Issues)?,
        })
    }

    /// Whether these answers say what `other` says, when each was made aside.
    pub fn agrees_with(&self, other: &FirstAnswers) -> bool {
        let unstamped_eq = |a: &Value, b: &Value| match (a.as_object(), b.as_object()) {
            (Some(x), Some(y)) => {
                let rest = |m: &serde_json::Map<String, Value>| {
                    m.iter().filter(|(k, _)| *k != "generated").count()
                };
                rest(x) == rest(y)
                    && x.iter()
                        .filter(|(k, _)| *k != "generated")
                        .all(|(k, v)| y.get(k) == Some(v))
            }
            _ => a == b,
        };
        self.articles == other.articles
            && self.issues == other.issues
            && unstamped_eq(&self.timeline, &other.timeline)
    }

    /// The answer to `request` if it is one of the first requests, else `None`.
    pub fn answer(&self, request: &Request) -> Option<Value> {
        match request {
            Request::Articles => Some(self.articles.clone()),
            Request::Timeline { filter } if *filter == Filter::default() => {
                Some(self.timeline.clone())
            }
            Request::Issues => Some(self.issues.clone()),
            _ => None,
        }
    }
}

/// Where the first answers of one corpus, read by this program, are kept.
#[derive(Debug, Clone)]
pub struct AnswerCache {
    path: PathBuf,
}

impl AnswerCache {
    /// Where copies are kept for a library opened with `options`: the data folder its search index
    /// lives in. `None` when the index does not live there (an index in memory or in a folder of
    /// its own is a test's or a tool's, which have no window to hurry).
    pub fn folder(options: &Options) -> Option<PathBuf> {
        match &options.index {
            IndexLocation::Shared(dir) => Some(dir.clone()),
            IndexLocation::Dir(_) | IndexLocation::Memory => None,
        }
    }

    /// The copy for `corpus` in `folder`.
    pub fn in_folder(folder: &Path, corpus: &Corpus) -> AnswerCache {
        AnswerCache {
            path: folder.join(format!("{PREFIX}{}.json", key(corpus))),
        }
    }

    #[cfg(test)]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The answers kept for these inputs, if there is a readable copy.
    pub fn load(&self) -> Option<FirstAnswers> {
        let bytes = std::fs::read(&self.path).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Keep `answers` for the next start. Copies of other inputs are removed beyond the
    /// [`KEEP_OTHERS`] written last: their program or corpus is gone or changed, or is another
    /// corpus a reader switches between.
    pub fn store(&self, answers: &FirstAnswers) -> Result<()> {
        let bytes = serde_json::to_vec(answers).map_err(|e| {
            Error::new(
                ErrorCode::Internal,
                format!("cannot encode the first answers: {e}"),
            )
        })?;
        if bytes.len() > MAX_BYTES {
            return Ok(());
        }
        let folder = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(folder).map_err(|e| Error::io(folder, &e))?;
        storyline::export::write_atomically(&self.path, &bytes)?;
        let Ok(entries) = std::fs::read_dir(folder) else {
            return Ok(());
        };
        let mut others: Vec<(std::time::SystemTime, PathBuf)> = entries
            .flatten()
            .filter(|e| {
                let name = e.file_name();
                let name = name.to_string_lossy();
                name.starts_with(PREFIX) && name.ends_with(".json") && e.path() != self.path
            })
            .map(|e| {
                (
                    e.metadata()
                        .and_then(|m| m.modified())
                        .unwrap_or(std::time::UNIX_EPOCH),
                    e.path(),
                )
            })
            .collect();
        others.sort_by_key(|other| std::cmp::Reverse(other.0));
        for (_, path) in others.into_iter().skip(KEEP_OTHERS) {
            let _ = std::fs::remove_file(path);
        }
        Ok(())
    }
}

/// The key of a copy: the program and every input the answers are derived from.
fn key(corpus: &Corpus) -> String {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    FORMAT.hash(&mut h);
    env!("CARGO_PKG_VERSION").hash(&mut h);
    storyline::BUILD_ID.hash(&mut h);
    // Debug shows every field of every article (text, file, encoding, manifest entry) and issue;
    // hashing it keeps the key complete as those types grow. When the folder was read is not what
    // it holds.
    let Corpus {
        root,
        articles,
        issues,
        embedded_gazetteer,
        read_at: _,
    } = corpus;
    format!("{root:?}{articles:?}{issues:?}{embedded_gazetteer:?}").hash(&mut h);
    for beside in [GAZETTEER_FILE, storyline::edits::EDITS_FILE] {
        let path = corpus.root.as_ref().map(|r| r.join(beside));
        path.and_then(|p| std::fs::read(p).ok()).hash(&mut h);
    }
    format!("{:016x}", h.finish())
}

#[cfg(test)]
#[path = "answers_tests.rs"]
mod tests;
