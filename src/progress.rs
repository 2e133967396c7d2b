//! How far long work has got, and a way to call it off.
//!
//! Opening a folder of thousands of articles, or adding many to a story, takes seconds to minutes.
//! The work reports into a [`Progress`] (which stage, how many items of how many), and a person may
//! cancel it. The handle is shared: the adapters (the HTTP server, the desktop shell) keep a clone
//! outside the library's lock, so that "how far?" and "stop" are answered while the work holds the
//! library to itself.
//!
//! Cancelling is cooperative: the stages look at the flag between items and return
//! [`ErrorCode::Cancelled`]; whoever started the work then puts things back as they were. Work that
//! cannot be put back (the first opening of the desktop's story) is begun as not cancellable, and a
//! cancel then does nothing.

use crate::error::{Error, ErrorCode, Result};
use serde::Serialize;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};
use std::sync::Arc;
#[cfg(feature = "bindings")]
use ts_rs::TS;

/// The stages long work goes through, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Nothing long is under way.
    Idle,
    /// Files are read and decoded (and, when adding, copied into the story).
    Reading,
    /// Articles are analysed: text, dates, names, events.
    Analysing,
    /// The search index is written.
    Indexing,
}

impl Stage {
    const ALL: [Stage; 4] = [
        Stage::Idle,
        Stage::Reading,
        Stage::Analysing,
        Stage::Indexing,
    ];
}

/// What the UI shows while long work runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
pub struct ProgressView {
    pub stage: Stage,
    /// Items of this stage done, of `total` (0 when the stage does not count).
    pub done: usize,
    pub total: usize,
    /// A cancel would be heard.
    pub cancellable: bool,
    /// A cancel was asked for and the work is winding down.
    pub cancelling: bool,
}

#[derive(Default)]
struct Shared {
    stage: AtomicU8,
    done: AtomicUsize,
    total: AtomicUsize,
    cancellable: AtomicBool,
    cancelled: AtomicBool,
}

/// The error cancelled work ends with.
pub fn cancelled() -> Error {
    Error::new(
        ErrorCode::Cancelled,
        "cancelled: the story is as it was before",
    )
}

/// A shared progress report and cancel flag; clones see the same state.
#[derive(Clone, Default)]
pub struct Progress(Arc<Shared>);

/// Long work under way; when it ends (however it ends) the progress is idle again.
#[must_use = "the work is idle again as soon as this is dropped"]
pub struct Work<'a>(&'a Progress);

impl Drop for Work<'_> {
    fn drop(&mut self) {
        let s = &self.0 .0;
        s.stage.store(Stage::Idle as u8, Ordering::SeqCst);
        s.done.store(0, Ordering::SeqCst);
        s.total.store(0, Ordering::SeqCst);
        s.cancellable.store(false, Ordering::SeqCst);
        s.cancelled.store(false, Ordering::SeqCst);
    }
}

impl Progress {
    /// A progress nobody else watches (it is never cancelled).
    pub fn new() -> Progress {
        Progress::default()
    }

    /// Begin long work. A cancel asked for before this is forgotten: it was meant for other work.
    pub fn begin(&self, cancellable: bool) -> Work<'_> {
        let s = &self.0;
        s.cancelled.store(false, Ordering::SeqCst);
        s.cancellable.store(cancellable, Ordering::SeqCst);
        Work(self)
    }

    /// Enter `stage` with `total` items to do.
    pub fn stage(&self, stage: Stage, total: usize) {
        let s = &self.0;
        s.done.store(0, Ordering::SeqCst);
        s.total.store(total, Ordering::SeqCst);
        s.stage.store(stage as u8, Ordering::SeqCst);
    }

    /// One more item of the stage is done.
    pub fn step(&self) {
        self.0.done.fetch_add(1, Ordering::Relaxed);
    }

    /// Ask the work under way to stop. Answers whether anything will stop.
    pub fn cancel(&self) -> bool {
        let s = &self.0;
        let hears = s.cancellable.load(Ordering::SeqCst)
            && s.stage.load(Ordering::SeqCst) != Stage::Idle as u8;
        if hears {
            s.cancelled.store(true, Ordering::SeqCst);
        }
        hears
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.cancelled.load(Ordering::Relaxed)
    }

    /// `Err(Cancelled)` once a cancel was asked for: the point where work gives up.
    pub fn check(&self) -> Result<()> {
        if self.is_cancelled() {
            Err(cancelled())
        } else {
            Ok(())
        }
    }

    pub fn view(&self) -> ProgressView {
        let s = &self.0;
        let stage = Stage::ALL
            .get(s.stage.load(Ordering::SeqCst) as usize)
            .copied()
            .unwrap_or(Stage::Idle);
        ProgressView {
            stage,
            done: s.done.load(Ordering::Relaxed),
            total: s.total.load(Ordering::Relaxed),
            cancellable: s.cancellable.load(Ordering::SeqCst) && stage != Stage::Idle,
            cancelling: s.cancelled.load(Ordering::SeqCst),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cancel_reaches_only_the_work_under_way() {
        let p = Progress::new();
        assert!(!p.cancel(), "nothing is under way");
        {
            let _work = p.begin(true);
            p.stage(Stage::Analysing, 10);
            p.step();
            assert_eq!(p.view().done, 1);
            assert!(p.view().cancellable);
            assert!(p.check().is_ok());
            assert!(p.cancel());
            assert_eq!(p.check().unwrap_err().code, ErrorCode::Cancelled);
            assert!(p.view().cancelling);
        }
        assert_eq!(p.view().stage, Stage::Idle);
        let _next = p.begin(true);
        assert!(p.check().is_ok(), "the last work's cancel is forgotten");
    }

    #[test]
    fn work_begun_as_not_cancellable_ignores_a_cancel() {
        let p = Progress::new();
        let _work = p.begin(false);
        p.stage(Stage::Reading, 3);
        assert!(!p.cancel());
        assert!(p.check().is_ok());
        assert!(!p.view().cancellable);
    }
}
