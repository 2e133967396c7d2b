//! The command's allocator: mimalloc, in place of the system's. Analysis makes millions of small
//! allocations on every core (words, mentions, candidates, titles) and tantivy's writer large
//! ones; with glibc's allocator the command spent more time and held more memory
//! (`make bench-e2e` and the pipeline bench give the figures, in the README).
//!
//! One option differs from mimalloc's default: its arenas are not committed ahead of use.
//! Committed ahead, the memory the analysis frees inside them stayed resident and counted in the
//! peak; uncommitted, it goes back to the system when mimalloc purges it. And the pipeline
//! collects between its stages ([`install_release`]), when the workers of a stage have ended.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Tells the pipeline how to give freed memory back between its stages (see
/// `storyline::memory`): a forced collection returns the pages finished workers left behind.
pub fn install_release() {
    storyline::memory::set_release(|| {
        // SAFETY: mi_collect may be called from any thread at any time.
        unsafe { libmimalloc_sys::mi_collect(true) }
    });
}

/// `mi_option_arena_eager_commit` in mimalloc.h's `mi_option_e` (version 3).
const ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;

/// Sets the allocator's options before anything allocates: an option read after mimalloc has
/// made its first arena does not apply to that arena, and Rust's runtime allocates before `main`.
/// So this runs as the program's own constructor, as C's `__attribute__((constructor))` would,
/// while the process has one thread.
#[used]
#[link_section = ".init_array"]
static CONFIGURE_FIRST: extern "C" fn() = configure;

extern "C" fn configure() {
    // SAFETY: mi_option_set is not thread safe; no other thread exists yet.
    unsafe { libmimalloc_sys::mi_option_set(ARENA_EAGER_COMMIT, 0) }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_option_set_is_arena_eager_commit() {
        use super::ARENA_EAGER_COMMIT;
        // Its default is 2 ("where the system overcommits"); its neighbours' defaults are 1.
        let get = |o| unsafe { libmimalloc_sys::mi_option_get(o) };
        assert_eq!(get(ARENA_EAGER_COMMIT), 0, "set before the tests run");
        assert_eq!(
            (get(ARENA_EAGER_COMMIT - 1), get(ARENA_EAGER_COMMIT + 1)),
            (1, 1),
            "neighbours keep their defaults"
        );
    }
}
