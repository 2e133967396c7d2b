//! Giving memory back to the system between the pipeline's stages.
//!
//! Each stage runs on worker threads that live for one call of [`crate::parallel::par_map`], and
//! an allocator with per-thread heaps (mimalloc, the command's) keeps what a finished worker freed
//! until another thread claims its pages. Between stages nothing claims them, so the next stage
//! grows beside the last one's garbage: at 100,000 articles that was several hundred MB of the
//! peak. The core does not know which allocator the program links, so the program that chose one
//! says how to return freed memory, once, with [`set_release`]; the pipeline calls [`release`]
//! where a stage ends. Without a hook (the library in tests, the desktop app on the system
//! allocator), a release does nothing.

use std::sync::OnceLock;

static RELEASE: OnceLock<fn()> = OnceLock::new();

/// Articles whose lists a stage copies out of its workers' memory between two releases: a
/// release costs a walk over the allocator's heaps, so not one per article.
pub const RELEASE_EVERY: usize = 4096;

/// Sets how freed memory goes back to the system; later calls are ignored.
pub fn set_release(hook: fn()) {
    let _ = RELEASE.set(hook);
}

/// Returns what the finished stage freed, if the program said how.
pub fn release() {
    if let Some(hook) = RELEASE.get() {
        hook();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    static RELEASED: AtomicUsize = AtomicUsize::new(0);

    #[test]
    fn the_pipeline_releases_between_its_stages() {
        super::set_release(|| {
            RELEASED.fetch_add(1, Ordering::SeqCst);
        });
        let before = RELEASED.load(Ordering::SeqCst);
        let analysis = crate::pipeline::Analysis::run(&crate::corpus::Corpus::embedded());
        assert!(!analysis.events.is_empty());
        // After the text stage's batch, name discovery, mentions and each merge.
        assert!(RELEASED.load(Ordering::SeqCst) - before >= 4);
    }
}
