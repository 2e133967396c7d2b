//! The environment the shell sets for itself and for WebKit's processes, which inherit it: set once,
//! first thing in `main`, before any thread starts (changing the environment races with reading it).
//! A variable the user has set is left as it is.
//!
//! Both settings here are about the launch on Linux, where WebKitGTK starts three processes on a
//! small machine's two cores: this shell (the UI process), the network process and the web
//! process. Each measured with `tests/desktop/launch_time.py`, in paired runs.

/// Why no window can open here, if that is plain before trying: on Linux, neither an X nor a Wayland
/// display is named (a session over SSH, a service). GTK would fail later with a panic's backtrace.
pub fn no_display() -> Option<String> {
    #[cfg(target_os = "linux")]
    {
        let named = |var: &str| std::env::var_os(var).is_some_and(|v| !v.is_empty());
        if !named("DISPLAY") && !named("WAYLAND_DISPLAY") {
            return Some(
                "no display to open the window on: neither DISPLAY nor WAYLAND_DISPLAY is set. \
                 Start it from a desktop session, or read the same timeline in a browser: `storyline serve`"
                    .to_string(),
            );
        }
    }
    None
}

/// Without a GPU (no DRM render node: a virtual machine, a remote or Xvfb display), WebKitGTK would
/// composite through Mesa's software GL (llvmpipe): under Xvfb the first frame then reaches the
/// screen 300 ms after the page paints it, and compiling shaders keeps both cores busy for a second
/// more. Its non-composited mode draws on the CPU directly, as fast as anything can
/// there. GTK's own GL is then unused too; left on, opening the display loads Mesa and LLVM for it
/// (`GDK_GL=disable` spares ~20 ms before the web view can start).
pub fn draw_on_cpu_without_gpu() {
    #[cfg(target_os = "linux")]
    {
        let has_render_node = std::fs::read_dir("/dev/dri")
            .map(|nodes| {
                nodes
                    .flatten()
                    .any(|n| n.file_name().to_string_lossy().starts_with("renderD"))
            })
            .unwrap_or(false);
        if !has_render_node {
            for (var, value) in [
                ("WEBKIT_DISABLE_COMPOSITING_MODE", "1"),
                ("GDK_GL", "disable"),
            ] {
                if std::env::var_os(var).is_none() {
                    std::env::set_var(var, value);
                }
            }
            no_gl_in_this_process();
        }
    }
}

/// The shell itself draws nothing with GL once compositing is off, yet WebKit still opens an EGL
/// display in it when the web view first loads a page; without a GPU that loads Mesa's software
/// driver and LLVM, some 55 MB of the shell's memory for nothing. libglvnd reads its vendor list
/// once per process, at the first EGL call: made here with the list pointed at no file, that
/// display fails to open and the shell goes on without it. The variable is removed at once, so
/// WebKit's web process (which does draw, with EGL) starts with the usual vendors.
#[cfg(target_os = "linux")]
fn no_gl_in_this_process() {
    const VENDORS: &str = "__EGL_VENDOR_LIBRARY_FILENAMES";
    const EGL_EXTENSIONS: i32 = 0x3055;
    type QueryString = unsafe extern "C" fn(*mut libc::c_void, i32) -> *const libc::c_char;
    if std::env::var_os(VENDORS).is_some() {
        return;
    }
    std::env::set_var(VENDORS, "/dev/null");
    // SAFETY: NUL-terminated names; the symbol found is called with the signature EGL gives it
    // (EGL_NO_DISPLAY is a null pointer). libEGL stays loaded: WebKit loads it anyway.
    unsafe {
        let egl = libc::dlopen(c"libEGL.so.1".as_ptr(), libc::RTLD_NOW);
        if !egl.is_null() {
            let query = libc::dlsym(egl, c"eglQueryString".as_ptr());
            if !query.is_null() {
                let query: QueryString = std::mem::transmute(query);
                query(std::ptr::null_mut(), EGL_EXTENSIONS);
            }
        }
    }
    std::env::remove_var(VENDORS);
}

/// The library whose loading [`voice_first_in_webkit_processes`] speeds up.
pub const VOICE: &str = "libflite_cmu_time_awb.so";

/// WebKitGTK's speech synthesis links flite and its voices. One voice, cmu_time_awb, binds 31,290
/// symbols of its own when it is loaded, and the dynamic loader looks each one up through every
/// library loaded before it: some 170 in a WebKit process, where it comes late. That was a fifth
/// of each WebKit process's start (11 of 54 ms linking the web process). Preloaded, it is searched
/// right after the executable, and its lookups end at once; nothing else changes, as no other
/// library in these processes defines any of its symbols (checked with `nm -D` over all of them).
/// The first timeline came 38 ms sooner with it preloaded in all three processes.
///
/// The shell itself links the voice first for the same reason (`build.rs`); here its web and
/// network processes get it through `LD_PRELOAD`, by the path this process loaded it from, so only
/// a library WebKit really uses is named. Appended to the user's own preloads, if any.
pub fn voice_first_in_webkit_processes() {
    #[cfg(target_os = "linux")]
    {
        let Ok(maps) = std::fs::read_to_string("/proc/self/maps") else {
            return;
        };
        let Some(path) = loaded_path(&maps, VOICE) else {
            return;
        };
        let preload = std::env::var("LD_PRELOAD").unwrap_or_default();
        if let Some(preload) = with_preload(&preload, path) {
            std::env::set_var("LD_PRELOAD", preload);
        }
    }
}

/// The path of a loaded library whose file name starts with `name`, from `/proc/self/maps`.
fn loaded_path<'a>(maps: &'a str, name: &str) -> Option<&'a str> {
    maps.lines()
        .filter_map(|line| line.split_whitespace().nth(5))
        .find(|path| {
            path.starts_with('/')
                && path
                    .rsplit('/')
                    .next()
                    .is_some_and(|file| file.starts_with(name))
        })
}

/// `LD_PRELOAD` with `path` added after what is there, or `None` when it is already named.
fn with_preload(preload: &str, path: &str) -> Option<String> {
    let named = preload.split([' ', ':']).any(|p| p == path);
    match preload.trim() {
        _ if named => None,
        "" => Some(path.to_string()),
        theirs => Some(format!("{theirs}:{path}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAPS: &str = "\
7f0000000000-7f0000001000 r--p 00000000 08:01 42 /usr/lib/x86_64-linux-gnu/libflite_cmu_time_awb.so.2.2
7f0000001000-7f0000002000 r-xp 00001000 08:01 42 /usr/lib/x86_64-linux-gnu/libflite_cmu_time_awb.so.2.2
7f0000002000-7f0000003000 rw-p 00000000 00:00 0 
7ffd00000000-7ffd00021000 rw-p 00000000 00:00 0                          [stack]
";

    #[test]
    fn the_voice_is_found_by_the_path_it_was_loaded_from() {
        assert_eq!(
            loaded_path(MAPS, VOICE),
            Some("/usr/lib/x86_64-linux-gnu/libflite_cmu_time_awb.so.2.2")
        );
        assert_eq!(loaded_path(MAPS, "libflite_cmu_us_slt.so"), None);
        assert_eq!(loaded_path(MAPS, "[stack"), None, "only files");
    }

    #[test]
    fn the_voice_joins_the_users_preloads_once() {
        let voice = "/usr/lib/libflite_cmu_time_awb.so.2.2";
        assert_eq!(with_preload("", voice).as_deref(), Some(voice));
        assert_eq!(
            with_preload("/opt/mine.so", voice).as_deref(),
            Some("/opt/mine.so:/usr/lib/libflite_cmu_time_awb.so.2.2")
        );
        assert_eq!(
            with_preload("/opt/mine.so /usr/lib/libflite_cmu_time_awb.so.2.2", voice),
            None
        );
    }
}
