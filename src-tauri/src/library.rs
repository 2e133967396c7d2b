//! Where the desktop shell keeps the opened corpus. Analysing a corpus takes a moment, so it starts
//! on a background thread as the process starts (in idle time: [`priority`]) and the window paints
//! meanwhile; a command that arrives before it is ready waits for it (never on the UI thread). A
//! corpus that cannot be opened is kept as its error, so every command answers with the same clear
//! `{code, message}` instead of the window failing to appear.
//!
//! The window's first requests (the article list, the whole timeline, the load issues) need not
//! wait: the last start's answers for the same program and corpus are kept on disk
//! ([`crate::answers`]) and read before the analysis begins. With those in hand the analysis
//! waits until a request needs the library, or for [`priority::WINDOW_FIRST`] at most: even in idle
//! time it took a core's caches and a share of its time from the window's start (the first timeline
//! came ~30 ms later). A start without a usable copy analyses at once, and writes one.

use crate::answers::{AnswerCache, FirstAnswers};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, OnceLock, RwLock};
use std::time::Duration;
use storyline::api::{Options, Request};
use storyline::progress::Progress;
use storyline::search::IndexLocation;
use storyline::{Error, ErrorCode, Library};

use crate::priority;

/// The corpus to open: `--corpus DIR` (or `--corpus=DIR`) wins over `$STORYLINE_CORPUS`, which wins
/// over the story opened last (see [`remember`]); none of them means the embedded default. Unknown
/// arguments are ignored, because WebDriver and desktop launchers add their own.
pub fn options_from(args: impl IntoIterator<Item = OsString>) -> Options {
    let mut corpus = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--corpus" {
            corpus = args.next().map(PathBuf::from);
        } else if let Some(dir) = arg.to_str().and_then(|a| a.strip_prefix("--corpus=")) {
            corpus = Some(PathBuf::from(dir));
        }
    }
    let corpus = corpus
        .or_else(|| {
            std::env::var_os("STORYLINE_CORPUS")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .or_else(|| recent().filter(|dir| dir.is_dir()));
    Options {
        corpus,
        index: data_dir().map_or(IndexLocation::Memory, IndexLocation::Shared),
        // The window adds articles: the per-article work is kept for it.
        read_only: false,
    }
}

/// The per-platform data folder (`~/.local/share/storyline` …): search indexes, first answers
/// and the story opened last live there.
pub fn data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "storyline").map(|p| p.data_dir().to_path_buf())
}

type Opened = Result<Library, Error>;

/// Where the story opened last is remembered: `recent-story` in the data folder, or in
/// `$STORYLINE_STATE_DIR` (tests keep theirs apart).
fn recent_file() -> Option<PathBuf> {
    std::env::var_os("STORYLINE_STATE_DIR")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(data_dir)
        .map(|dir| dir.join("recent-story"))
}

fn recent() -> Option<PathBuf> {
    let text = std::fs::read_to_string(recent_file()?).ok()?;
    let line = text.lines().next()?.trim();
    (!line.is_empty()).then(|| PathBuf::from(line))
}

/// Remember `dir` as the story to reopen at the next start.
pub fn remember(dir: &Path) {
    let Some(file) = recent_file() else { return };
    if let Some(parent) = file.parent() {
        let _ = std::fs::create_dir_all(parent);
    }
    let line = format!("{}\n", dir.display());
    if let Err(e) = storyline::export::write_atomically(&file, line.as_bytes()) {
        eprintln!("storyline: the story will not reopen at the next start: {e}");
    }
}

/// The library being opened or opened, shared between the opening thread and the commands.
pub struct Shelf {
    /// The library, once opened; replaced when the reader opens another story.
    slot: Arc<OnceLock<RwLock<Opened>>>,
    /// The last start's first answers, once looked for (`None`: there was no usable copy).
    first: Arc<OnceLock<Option<FirstAnswers>>>,
    options: Arc<Options>,
    /// Where first answers are kept (`None`: not kept).
    answers: Arc<Option<PathBuf>>,
    /// Raised when a request needs the library itself, which ends the opening thread's wait.
    wanted: Arc<Wanted>,
    /// Where opening and adding report how far they got, answered without the library's lock.
    progress: Progress,
}

/// A flag one side raises and the other waits for, with a limit.
#[derive(Default)]
struct Wanted {
    raised: Mutex<bool>,
    changed: Condvar,
}

impl Wanted {
    fn raise(&self) {
        let mut raised = self.raised.lock().unwrap_or_else(|e| e.into_inner());
        if !*raised {
            *raised = true;
            self.changed.notify_all();
        }
    }

    /// Wait until raised or `limit` has passed.
    fn wait(&self, limit: Duration) {
        let raised = self.raised.lock().unwrap_or_else(|e| e.into_inner());
        let _ = self
            .changed
            .wait_timeout_while(raised, limit, |raised| !*raised);
    }
}

impl Shelf {
    pub fn open_in_background(options: Options) -> Shelf {
        let answers = AnswerCache::folder(&options);
        Shelf::open_in_background_with(options, answers, priority::WINDOW_FIRST)
    }

    /// As [`Shelf::open_in_background`], keeping first answers in `answers` and, when there are
    /// some, analysing after `window_first` unless a request needs the library sooner.
    fn open_in_background_with(
        options: Options,
        answers: Option<PathBuf>,
        window_first: Duration,
    ) -> Shelf {
        let shelf = Shelf {
            slot: Arc::new(OnceLock::new()),
            first: Arc::new(OnceLock::new()),
            options: Arc::new(options),
            answers: Arc::new(answers),
            wanted: Arc::new(Wanted::default()),
            progress: Progress::new(),
        };
        let (slot, first, options, answers, progress) = (
            shelf.slot.clone(),
            shelf.first.clone(),
            shelf.options.clone(),
            shelf.answers.clone(),
            shelf.progress.clone(),
        );
        let wanted = shelf.wanted.clone();
        let opener = std::thread::Builder::new()
            .name(format!("{}open", priority::THREAD_PREFIX))
            .spawn(move || {
                let background = Background {
                    wanted: &wanted,
                    window_first,
                };
                let opened = slot.get_or_init(|| {
                    RwLock::new(open(
                        &options,
                        answers.as_deref(),
                        &first,
                        Some(background),
                        &progress,
                    ))
                });
                if let Err(e) = &*opened.read().unwrap_or_else(|e| e.into_inner()) {
                    eprintln!("storyline: {e}");
                }
                give_back_freed_memory();
            });
        match opener {
            // Idle time only for a while: on a busy machine it might never come.
            Ok(_) => drop(std::thread::spawn(|| {
                std::thread::sleep(priority::BACKGROUND_FOR);
                priority::hurry_background();
            })),
            // No thread to open it on: the first command opens it.
            Err(e) => {
                eprintln!("storyline: the library will open on first use ({e})");
                let _ = shelf.first.set(None);
            }
        }
        shelf
    }

    /// Answer one API request: from the last start's first answers while the library is still
    /// opening, else from the library (waiting for it).
    pub async fn answer(&self, request: Request) -> Result<serde_json::Value, Error> {
        if let Some(answer) = storyline::api::answer_about_work(&self.progress, &request) {
            return answer;
        }
        if self.slot.get().is_none() {
            let early = match self.first.get() {
                Some(first) => first.as_ref().and_then(|answers| answers.answer(&request)),
                // Looking for the copy comes first on the opening thread and takes milliseconds.
                None => {
                    let (first, request) = (self.first.clone(), request.clone());
                    blocking(move || {
                        first
                            .wait()
                            .as_ref()
                            .and_then(|answers| answers.answer(&request))
                    })
                    .await?
                }
            };
            if let Some(answer) = early {
                return Ok(answer);
            }
        }
        if request.changes() {
            return self
                .run_mut(move |library| library.handle_change(request))
                .await;
        }
        self.run(move |library| library.handle(request)).await
    }

    /// Open the story in `dir` in place of the current one (waiting for the current one to be
    /// open), and remember it for the next start. A cancel keeps the current one.
    pub async fn switch_to(&self, dir: PathBuf) -> Result<(), Error> {
        let options = Options {
            corpus: Some(dir.clone()),
            ..(*self.options).clone()
        };
        let progress = self.progress.clone();
        let library = blocking(move || {
            let _work = progress.begin(true);
            Library::open_with(&options, progress.clone())
        })
        .await??;
        let opener = self.opener();
        blocking(move || {
            *opener.lock().write().unwrap_or_else(|e| e.into_inner()) = Ok(library);
            give_back_freed_memory();
        })
        .await?;
        remember(&dir);
        Ok(())
    }

    /// What a worker thread needs to reach the library, opening it if no one has yet. Someone is
    /// waiting for it now: the opening is no longer background work.
    fn opener(&self) -> Opener {
        if self.slot.get().is_none() {
            self.wanted.raise();
            priority::hurry_background();
        }
        Opener {
            slot: self.slot.clone(),
            first: self.first.clone(),
            options: self.options.clone(),
            answers: self.answers.clone(),
            progress: self.progress.clone(),
        }
    }

    /// As [`Shelf::run`], with the library to itself: reads wait while a change is made.
    pub async fn run_mut<T, F>(&self, work: F) -> Result<T, Error>
    where
        T: Send + 'static,
        F: FnOnce(&mut Library) -> Result<T, Error> + Send + 'static,
    {
        let opener = self.opener();
        blocking(
            move || match &mut *opener.lock().write().unwrap_or_else(|e| e.into_inner()) {
                Ok(library) => work(library),
                Err(e) => Err(e.clone()),
            },
        )
        .await?
    }

    /// Run `work` against the library on a blocking worker thread, waiting for it to be open.
    pub async fn run<T, F>(&self, work: F) -> Result<T, Error>
    where
        T: Send + 'static,
        F: FnOnce(&Library) -> Result<T, Error> + Send + 'static,
    {
        let opener = self.opener();
        blocking(
            move || match &*opener.lock().read().unwrap_or_else(|e| e.into_inner()) {
                Ok(library) => work(library),
                Err(e) => Err(e.clone()),
            },
        )
        .await?
    }
}

/// A shelf's parts a worker thread opens the library with.
struct Opener {
    slot: Arc<OnceLock<RwLock<Opened>>>,
    first: Arc<OnceLock<Option<FirstAnswers>>>,
    options: Arc<Options>,
    answers: Arc<Option<PathBuf>>,
    progress: Progress,
}

impl Opener {
    /// The library's lock, the library opened on this thread if no one has opened it yet.
    fn lock(&self) -> &RwLock<Opened> {
        self.slot.get_or_init(|| {
            RwLock::new(open(
                &self.options,
                self.answers.as_deref(),
                &self.first,
                None,
                &self.progress,
            ))
        })
    }
}

async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Error> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| {
            Error::new(
                ErrorCode::Internal,
                format!("the request stopped unexpectedly: {e}"),
            )
        })
}

/// How the opening thread yields to the window: see [`open`].
#[derive(Clone, Copy)]
struct Background<'a> {
    wanted: &'a Wanted,
    window_first: Duration,
}

/// Open the library, publishing the last start's first answers (or that there are none) as soon
/// as the corpus is read, and keeping this start's answers when there were none or they no longer
/// agree. On the opening thread (`background`) the analysis runs in idle time, and, when the first
/// answers were found, only once the library is wanted or the window has had its first moments.
fn open(
    options: &Options,
    answers: Option<&Path>,
    first: &OnceLock<Option<FirstAnswers>>,
    background: Option<Background>,
    progress: &Progress,
) -> Opened {
    // Whatever happens below, a command waiting for the first answers must not wait forever.
    struct Published<'a>(&'a OnceLock<Option<FirstAnswers>>);
    impl Drop for Published<'_> {
        fn drop(&mut self) {
            let _ = self.0.set(None);
        }
    }
    let _published = Published(first);
    // The window has nothing to go back to: this opening cannot be cancelled.
    let _work = progress.begin(false);
    let corpus = Library::read_with(options, progress)?;
    let cache = answers.map(|folder| AnswerCache::in_folder(folder, &corpus));
    let _ = first.set(cache.as_ref().and_then(AnswerCache::load));
    // Reading the corpus and the copy was quick and the window may be waiting for it; the analysis
    // is the long part, and with the answers in hand it can wait.
    if let Some(background) = background {
        if first.get().is_some_and(Option::is_some) {
            background.wanted.wait(background.window_first);
        }
        priority::run_in_idle_time();
    }
    let library = Library::open_read(corpus, options, progress.clone())?;
    if let Some(cache) = cache {
        // A copy's key covers the build and every input, yet what the library answers now is
        // the judge: a copy that says anything else is replaced.
        let kept = first.get().and_then(Option::as_ref);
        let fresh = FirstAnswers::of(&library).and_then(|now| match kept {
            Some(kept) if kept.agrees_with(&now) => Ok(()),
            _ => cache.store(&now),
        });
        if let Err(e) = fresh {
            eprintln!("storyline: the first answers were not kept for the next start: {e}");
        }
    }
    Ok(library)
}

/// Opening a story (the first or another) allocates far more than it keeps: jieba's working
/// memory, the index writer's arenas (48 MB a thread), every stage's intermediate structures. glibc
/// keeps what was freed in its per-thread arenas for the next allocation, and a desktop app that
/// has finished opening will not make one of that size again, so the freed pages go back to the
/// system.
fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory; it takes the allocator's own locks.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Open as the opening thread does, keeping first answers in `folder`.
    fn open_with_copies(
        options: &Options,
        folder: &Path,
        first: &OnceLock<Option<FirstAnswers>>,
    ) -> Opened {
        open(options, Some(folder), first, None, &Progress::new())
    }

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn corpus_flag_in_either_spelling_names_the_folder() {
        assert_eq!(
            options_from(args(&["--corpus", "/tmp/a"])).corpus,
            Some(PathBuf::from("/tmp/a"))
        );
        assert_eq!(
            options_from(args(&["-x", "--corpus=/tmp/b"])).corpus,
            Some(PathBuf::from("/tmp/b"))
        );
    }

    #[test]
    fn a_missing_corpus_answers_every_command_with_its_error() {
        let shelf = Shelf::open_in_background(Options {
            corpus: Some(PathBuf::from("/nonexistent/storyline-corpus")),
            ..Options::default()
        });
        for request in [Request::Articles, Request::Entities] {
            let err = tauri::async_runtime::block_on(shelf.answer(request)).unwrap_err();
            assert_eq!(err.code, ErrorCode::CorpusMissing, "{err:?}");
            assert!(
                err.message.contains("/nonexistent/storyline-corpus"),
                "{}",
                err.message
            );
        }
    }

    #[test]
    fn the_embedded_corpus_answers_through_the_shared_dispatcher() {
        let shelf = Shelf::open_in_background(Options::default());
        let answer =
            tauri::async_runtime::block_on(shelf.run(|l| l.handle_json(r#"{"cmd":"articles"}"#)))
                .unwrap();
        assert_eq!(answer.as_array().map(Vec::len), Some(5), "{answer}");
    }

    const HIRE: &str = "Meta聘請汪滔\n2025年6月12日，Meta宣布以143億美元投資Scale AI，並聘請其執行長汪滔領導新的超級智能實驗室。";

    fn corpus_with_one_article() -> (tempfile::TempDir, Options) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("hire.txt"), HIRE).unwrap();
        let options = Options {
            corpus: Some(dir.path().to_path_buf()),
            index: storyline::search::IndexLocation::Memory,
            read_only: false,
        };
        (dir, options)
    }

    #[test]
    fn a_start_without_a_copy_keeps_one_for_the_next() {
        let (_articles, options) = corpus_with_one_article();
        let folder = tempfile::tempdir().unwrap();
        let first = OnceLock::new();
        let library = open_with_copies(&options, folder.path(), &first).unwrap();
        assert_eq!(first.get(), Some(&None), "there was no copy to answer from");
        let cache = AnswerCache::in_folder(folder.path(), &Library::read(&options).unwrap());
        assert_eq!(
            cache.load().map(|a| a.articles),
            Some(library.handle(Request::Articles).unwrap())
        );

        // The next start publishes that copy before it analyses anything.
        let next = OnceLock::new();
        open_with_copies(&options, folder.path(), &next).unwrap();
        assert_eq!(
            next.get().cloned().flatten().map(|a| a.articles),
            Some(library.handle(Request::Articles).unwrap())
        );

        // A copy that no longer agrees with what the library answers (here: other load issues) is
        // served this once and replaced.
        let mut stale = cache.load().unwrap();
        stale.issues =
            serde_json::json!([{"file": "search index", "code": "index", "message": "in memory"}]);
        cache.store(&stale).unwrap();
        let after = OnceLock::new();
        open_with_copies(&options, folder.path(), &after).unwrap();
        assert_eq!(
            after.get().cloned().flatten().map(|a| a.issues),
            Some(stale.issues)
        );
        assert_eq!(
            cache.load().map(|a| a.issues),
            Some(library.handle(Request::Issues).unwrap())
        );

        // A copy whose timeline says something else, with the same issues, is replaced too.
        let mut stale = cache.load().unwrap();
        stale.timeline = serde_json::json!({"events": "stale"});
        cache.store(&stale).unwrap();
        open_with_copies(&options, folder.path(), &OnceLock::new()).unwrap();
        let now = FirstAnswers::of(&library).unwrap();
        assert!(cache.load().unwrap().agrees_with(&now));
    }

    #[test]
    fn while_the_library_opens_the_first_requests_are_answered_from_the_copy() {
        let (_articles, options) = corpus_with_one_article();
        // A copy no analysis would give, so that an answer from it cannot be mistaken for one
        // from the library.
        let kept = FirstAnswers {
            articles: serde_json::json!(["kept"]),
            timeline: serde_json::json!({"events": "kept"}),
            issues: serde_json::json!([]),
        };
        let first = OnceLock::new();
        first.set(Some(kept.clone())).unwrap();
        let shelf = Shelf {
            slot: Arc::new(OnceLock::new()),
            first: Arc::new(first),
            options: Arc::new(options),
            answers: Arc::new(None),
            wanted: Arc::new(Wanted::default()),
            progress: Progress::new(),
        };
        let ask = |request| tauri::async_runtime::block_on(shelf.answer(request));
        assert_eq!(ask(Request::Articles).unwrap(), kept.articles);
        assert_eq!(
            ask(Request::Timeline {
                filter: Default::default()
            })
            .unwrap(),
            kept.timeline
        );
        // Anything else opens the library and waits for it; from then on the library answers all.
        let entities = ask(Request::Entities).unwrap();
        assert!(
            entities.as_array().is_some_and(|e| !e.is_empty()),
            "{entities}"
        );
        assert_eq!(
            ask(Request::Articles).unwrap().as_array().map(Vec::len),
            Some(1)
        );
    }

    #[test]
    fn with_a_copy_the_analysis_waits_until_a_request_needs_the_library() {
        let (_articles, options) = corpus_with_one_article();
        let folder = tempfile::tempdir().unwrap();
        open_with_copies(&options, folder.path(), &OnceLock::new()).unwrap();
        // An hour's wait: only a request can end it within this test.
        let shelf = Shelf::open_in_background_with(
            options,
            Some(folder.path().to_path_buf()),
            Duration::from_secs(3600),
        );
        let articles = tauri::async_runtime::block_on(shelf.answer(Request::Articles)).unwrap();
        assert!(
            articles.as_array().is_some_and(|a| a.len() == 1),
            "{articles}"
        );
        // Analysing one article takes well under this when nothing holds it back.
        std::thread::sleep(Duration::from_secs(2));
        assert!(
            shelf.slot.get().is_none(),
            "the analysis started though nothing needed it"
        );

        let (done, answered) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            done.send(tauri::async_runtime::block_on(
                shelf.answer(Request::Entities),
            ))
            .unwrap()
        });
        let entities = answered
            .recv_timeout(Duration::from_secs(60))
            .expect("the request did not end the wait")
            .unwrap();
        assert!(
            entities.as_array().is_some_and(|e| !e.is_empty()),
            "{entities}"
        );
    }

    #[test]
    fn without_a_copy_the_analysis_starts_at_once() {
        let (_articles, options) = corpus_with_one_article();
        let folder = tempfile::tempdir().unwrap();
        let shelf = Shelf::open_in_background_with(
            options,
            Some(folder.path().to_path_buf()),
            Duration::from_secs(3600),
        );
        let (done, opened) = std::sync::mpsc::channel();
        let slot = shelf.slot.clone();
        std::thread::spawn(move || {
            done.send(slot.wait().read().map(|l| l.is_ok()).unwrap_or(false))
                .unwrap()
        });
        assert_eq!(
            opened.recv_timeout(Duration::from_secs(60)),
            Ok(true),
            "nothing should wait when no copy answers the window"
        );
    }

    #[test]
    fn a_corpus_that_cannot_be_read_releases_whoever_waits_for_the_copy() {
        let first = OnceLock::new();
        let missing = Options {
            corpus: Some(PathBuf::from("/nonexistent/storyline-corpus")),
            ..Options::default()
        };
        let folder = tempfile::tempdir().unwrap();
        assert!(open_with_copies(&missing, folder.path(), &first).is_err());
        assert_eq!(first.get(), Some(&None));
    }

    /// A folder of long articles made from the evaluation corpus: seconds of analysis.
    fn long_story() -> tempfile::TempDir {
        let stories = Path::new(env!("CARGO_MANIFEST_DIR")).join("../eval/stories");
        let mut body = String::new();
        for story in std::fs::read_dir(&stories).unwrap() {
            for f in std::fs::read_dir(story.unwrap().path()).unwrap() {
                let path = f.unwrap().path();
                if path.extension().is_some_and(|e| e == "txt") {
                    body.push_str(&std::fs::read_to_string(&path).unwrap());
                    body.push_str("\n\n");
                }
            }
        }
        let dir = tempfile::tempdir().unwrap();
        for i in 0..40 {
            std::fs::write(
                dir.path().join(format!("long-{i}.txt")),
                format!("長文{i}\n{body}"),
            )
            .unwrap();
        }
        dir
    }

    #[test]
    fn opening_a_story_reports_progress_and_a_cancel_keeps_the_story_open() {
        let (_articles, options) = corpus_with_one_article();
        let shelf = Arc::new(Shelf::open_in_background_with(
            options,
            None,
            Duration::ZERO,
        ));
        let ask = |shelf: &Shelf, request| tauri::async_runtime::block_on(shelf.answer(request));
        let articles = |shelf: &Shelf| {
            ask(shelf, Request::Articles)
                .unwrap()
                .as_array()
                .map(Vec::len)
        };
        assert_eq!(articles(&shelf), Some(1));

        let long = long_story();
        let dir = long.path().to_path_buf();
        let switching = {
            let shelf = shelf.clone();
            std::thread::spawn(move || tauri::async_runtime::block_on(shelf.switch_to(dir)))
        };
        // Progress and cancel are answered while the opening holds the work.
        let mut seen = None;
        for _ in 0..60_000 {
            let view = ask(&shelf, Request::Progress).unwrap();
            if view["stage"] == "analysing" && view["done"].as_u64() > Some(0) {
                seen = Some(view);
                break;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        let seen = seen.expect("the opening never reported its analysis");
        assert_eq!(seen["total"], 40, "{seen}");
        assert_eq!(seen["cancellable"], true, "{seen}");
        assert_eq!(ask(&shelf, Request::Cancel).unwrap()["cancelling"], true);
        let err = switching.join().unwrap().unwrap_err();
        assert_eq!(err.code, ErrorCode::Cancelled, "{err:?}");
        // The story that was open still is.
        assert_eq!(articles(&shelf), Some(1));
        assert_eq!(ask(&shelf, Request::Progress).unwrap()["stage"], "idle");
    }
}
