//! The Storyline desktop shell: one Tauri 2 window over the `storyline` core, and nothing else. It
//! owns start-up (which corpus to open: the embedded one, `--corpus DIR`, or `$STORYLINE_CORPUS`),
//! keeps the opened [`Library`] in Tauri state, and exposes it through the same request dispatcher
//! the HTTP server uses ([`Library::handle`]), so the desktop and browser UIs see identical answers
//! and identical `{code, message}` errors. The window may call only the commands its capability
//! (`capabilities/main.json`) grants: `api`, `export_to_file` and the platform save dialog.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod library;

use library::Shelf;
use std::path::PathBuf;
use storyline::api::Request;
use storyline::export::Format;
use storyline::timeline::Filter;
use storyline::Error;
use tauri::State;

/// Every read the UI makes: articles, one article, entities, timeline, search, export text, issues.
#[tauri::command]
async fn api(shelf: State<'_, Shelf>, request: Request) -> Result<serde_json::Value, Error> {
    shelf.run(move |library| library.handle(request)).await
}

/// Write an export to a path the user picked in the save dialog, atomically (a temporary file
/// beside the target, then a rename), so a failed export never leaves half a file.
#[tauri::command]
async fn export_to_file(
    shelf: State<'_, Shelf>,
    format: Format,
    filter: Option<Filter>,
    path: PathBuf,
    with_text: Option<bool>,
) -> Result<(), Error> {
    let filter = filter.unwrap_or_default();
    shelf
        .run(move |library| library.export_to_file(format, &filter, with_text.unwrap_or(false), &path))
        .await
}

fn main() {
    let shelf = Shelf::open_in_background(library::options_from(std::env::args_os().skip(1)));
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(shelf)
        .invoke_handler(tauri::generate_handler![api, export_to_file])
        .run(tauri::generate_context!("../tauri.conf.json"))
        .expect("the Storyline window could not start");
}
