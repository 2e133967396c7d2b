//! Where the desktop shell keeps the opened corpus. Analysing a corpus takes a moment, so it starts
//! on a background thread as the process starts (in idle time: [`priority`]) and the window paints
//! meanwhile; a command that
//! arrives before it is ready waits for it (never on the UI thread). A corpus that cannot be opened
//! is kept as its error, so every command answers with the same clear `{code, message}` instead of
//! the window failing to appear.

use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use storyline::api::Options;
use storyline::{Error, ErrorCode, Library};

use crate::priority;

/// The corpus to open: `--corpus DIR` (or `--corpus=DIR`) wins over `$STORYLINE_CORPUS`; neither
/// means the embedded default. Unknown arguments are ignored, because WebDriver and desktop
/// launchers add their own.
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
    let corpus = corpus.or_else(|| std::env::var_os("STORYLINE_CORPUS").filter(|v| !v.is_empty()).map(PathBuf::from));
    Options { corpus, ..Options::default() }
}

type Opened = Result<Library, Error>;

/// The library being opened or opened, shared between the opening thread and the commands.
pub struct Shelf {
    slot: Arc<OnceLock<Opened>>,
    options: Arc<Options>,
}

impl Shelf {
    pub fn open_in_background(options: Options) -> Shelf {
        let shelf = Shelf { slot: Arc::new(OnceLock::new()), options: Arc::new(options) };
        let (slot, options) = (shelf.slot.clone(), shelf.options.clone());
        let opener = std::thread::Builder::new().name(format!("{}open", priority::THREAD_PREFIX)).spawn(move || {
            priority::run_in_idle_time();
            let opened = slot.get_or_init(|| Library::open(&options));
            if let Err(e) = opened {
                eprintln!("storyline: {e}");
            }
        });
        match opener {
            // Idle time only for a while: on a busy machine it might never come.
            Ok(_) => drop(std::thread::spawn(|| {
                std::thread::sleep(priority::BACKGROUND_FOR);
                priority::hurry_background();
            })),
            // No thread to open it on: the first command opens it.
            Err(e) => eprintln!("storyline: the library will open on first use ({e})"),
        }
        shelf
    }

    /// Run `work` against the library on a blocking worker thread, waiting for it to be open.
    pub async fn run<T, F>(&self, work: F) -> Result<T, Error>
    where
        T: Send + 'static,
        F: FnOnce(&Library) -> Result<T, Error> + Send + 'static,
    {
        let (slot, options) = (self.slot.clone(), self.options.clone());
        if slot.get().is_none() {
            // Someone is waiting now: the opening is no longer background work.
            priority::hurry_background();
        }
        tauri::async_runtime::spawn_blocking(move || match slot.get_or_init(|| Library::open(&options)) {
            Ok(library) => work(library),
            Err(e) => Err(e.clone()),
        })
        .await
        .map_err(|e| Error::new(ErrorCode::Internal, format!("the request stopped unexpectedly: {e}")))?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn corpus_flag_in_either_spelling_names_the_folder() {
        assert_eq!(options_from(args(&["--corpus", "/tmp/a"])).corpus, Some(PathBuf::from("/tmp/a")));
        assert_eq!(options_from(args(&["-x", "--corpus=/tmp/b"])).corpus, Some(PathBuf::from("/tmp/b")));
    }

    #[test]
    fn a_missing_corpus_answers_every_command_with_its_error() {
        let shelf = Shelf::open_in_background(Options { corpus: Some(PathBuf::from("/nonexistent/storyline-corpus")), ..Options::default() });
        for _ in 0..2 {
            let err = tauri::async_runtime::block_on(shelf.run(|l| Ok(l.articles().len()))).unwrap_err();
            assert_eq!(err.code, ErrorCode::CorpusMissing, "{err:?}");
            assert!(err.message.contains("/nonexistent/storyline-corpus"), "{}", err.message);
        }
    }

    #[test]
    fn the_embedded_corpus_answers_through_the_shared_dispatcher() {
        let shelf = Shelf::open_in_background(Options::default());
        let answer = tauri::async_runtime::block_on(shelf.run(|l| l.handle_json(r#"{"cmd":"articles"}"#))).unwrap();
        assert_eq!(answer.as_array().map(Vec::len), Some(5), "{answer}");
    }
}
