//! Runs tauri-build against the configuration at the repository root and declares the app's own
//! commands, so that each gets an `allow-…` permission and none is reachable from a window unless a
//! capability in `capabilities/` grants it. On Linux it also links WebKit's slowest-binding voice
//! library first (see `voice_first`).
use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=../tauri.conf.json");
    println!("cargo:rerun-if-changed=capabilities");
    let attributes = tauri_build::Attributes::new()
        .config_path("../tauri.conf.json")
        .app_manifest(tauri_build::AppManifest::new().commands(&[
            "api",
            "export_with_dialog",
            "choose_story",
        ]));
    tauri_build::try_build(attributes).expect("tauri build step");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        voice_first();
    }
}

/// The voice `src/environment.rs` preloads into WebKit's processes, by its soname.
const VOICE: &str = "libflite_cmu_time_awb.so.1";

/// When WebKitGTK links flite's cmu_time_awb voice, name it first among the shell's own libraries,
/// so that the loader searches it right after the executable: its 31,290 bindings to itself then
/// end at once instead of passing some 170 libraries each (see `src/environment.rs`; the shell's
/// share of the launch is ~15 ms). The library is loaded either way; only its place changes.
fn voice_first() {
    let libdir = Command::new("pkg-config")
        .args(["--variable=libdir", "webkit2gtk-4.1"])
        .output()
        .ok()
        .filter(|out| out.status.success())
        .map(|out| PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()));
    let Some(webkit) = libdir.map(|dir| dir.join("libwebkit2gtk-4.1.so.0")) else {
        return;
    };
    println!("cargo:rerun-if-changed={}", webkit.display());
    let needs_voice = Command::new("readelf")
        .arg("-d")
        .arg(&webkit)
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).contains(&format!("[{VOICE}]")));
    if needs_voice {
        // By file name: only the runtime file is installed (no unversioned `-dev` link); not
        // as-needed: nothing of ours calls it, and the point is its place in the list.
        println!(
            "cargo:rustc-link-arg-bins=-Wl,--push-state,--no-as-needed,-l:{VOICE},--pop-state"
        );
    }
}
