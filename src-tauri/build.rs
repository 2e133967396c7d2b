//! Runs tauri-build against the configuration at the repository root and declares the app's own
//! commands, so that each gets an `allow-…` permission and none is reachable from a window unless a
//! capability in `capabilities/` grants it.
fn main() {
    println!("cargo:rerun-if-changed=../tauri.conf.json");
    println!("cargo:rerun-if-changed=capabilities");
    let attributes = tauri_build::Attributes::new()
        .config_path("../tauri.conf.json")
        .app_manifest(tauri_build::AppManifest::new().commands(&["api", "export_with_dialog"]));
    tauri_build::try_build(attributes).expect("tauri build step");
}
