//! Opening the library in the processor's idle time. At launch three things want the two cores of a
//! small machine at once: the shell's main thread bringing up GTK and WebKit, WebKit's web process
//! loading the page, and the thread opening the library (jieba's dictionary, the analysis, the
//! index). Only the first two are on the way to the first painted timeline; the library has until
//! the page asks for it. So the opening thread (and the threads it starts, such as the one loading
//! jieba for search) runs as `SCHED_IDLE`, on a core nothing else wants, and gets its normal
//! priority back as soon as a command has to wait for it, or after [`BACKGROUND_FOR`] in any case,
//! so that a busy machine cannot starve it. In the real window the first timeline comes about
//! 100 ms sooner for it (tests/desktop/launch_time.py measures). Elsewhere than Linux this does
//! nothing.

use std::time::Duration;

/// The longest the background threads run only in idle time.
pub const BACKGROUND_FOR: Duration = Duration::from_millis(1500);

/// When the last start's first answers are at hand, the analysis waits this long for a request
/// that needs it before it starts (in idle time): the window's first paint comes sooner without
/// even an idle-time neighbour on its cores (see `library`).
pub const WINDOW_FIRST: Duration = Duration::from_millis(1000);

/// The prefix of our background threads' names (the opening thread and `storyline-jieba`).
pub const THREAD_PREFIX: &str = "storyline-";

/// From now on the calling thread, and the threads it starts, run only when a core is idle.
pub fn run_in_idle_time() {
    #[cfg(target_os = "linux")]
    {
        let param = libc::sched_param { sched_priority: 0 };
        // SAFETY: plain system call on the calling thread (pid 0) with a valid parameter block.
        unsafe { libc::sched_setscheduler(0, libc::SCHED_IDLE, &param) };
    }
}

/// Give every background thread of ours that still runs in idle time its normal priority back.
pub fn hurry_background() {
    #[cfg(target_os = "linux")]
    {
        let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
            return;
        };
        for task in tasks.flatten() {
            let Some(tid) = task
                .file_name()
                .to_str()
                .and_then(|t| t.parse::<libc::pid_t>().ok())
            else {
                continue;
            };
            let ours = std::fs::read_to_string(task.path().join("comm"))
                .is_ok_and(|c| c.starts_with(THREAD_PREFIX));
            // SAFETY: reading and setting the policy of a thread of this process by its id.
            unsafe {
                if ours && libc::sched_getscheduler(tid) == libc::SCHED_IDLE {
                    let param = libc::sched_param { sched_priority: 0 };
                    libc::sched_setscheduler(tid, libc::SCHED_OTHER, &param);
                }
            }
        }
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    fn policy() -> i32 {
        // SAFETY: reading the calling thread's policy.
        unsafe { libc::sched_getscheduler(0) }
    }

    #[test]
    fn an_idle_background_thread_and_its_children_get_their_priority_back_when_hurried() {
        let (ready, wait) = std::sync::mpsc::channel();
        let (go, release) = std::sync::mpsc::channel::<()>();
        let worker = std::thread::Builder::new()
            .name(format!("{THREAD_PREFIX}test"))
            .spawn(move || {
                run_in_idle_time();
                let child = std::thread::Builder::new()
                    .name(format!("{THREAD_PREFIX}child"))
                    .spawn(policy)
                    .unwrap()
                    .join()
                    .unwrap();
                ready.send((policy(), child)).unwrap();
                release.recv().unwrap();
                policy()
            })
            .unwrap();
        let (idle, child) = wait.recv().unwrap();
        assert_eq!((idle, child), (libc::SCHED_IDLE, libc::SCHED_IDLE));
        hurry_background();
        go.send(()).unwrap();
        assert_eq!(worker.join().unwrap(), libc::SCHED_OTHER);
        assert_eq!(
            policy(),
            libc::SCHED_OTHER,
            "the test's own thread is not touched"
        );
    }
}
