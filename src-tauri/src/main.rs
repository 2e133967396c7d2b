//! The Storyline desktop shell: one Tauri 2 window over the `storyline` core, and nothing else. It
//! owns start-up (which corpus to open: the embedded one, `--corpus DIR`, or `$STORYLINE_CORPUS`),
//! keeps the opened [`Library`] in Tauri state, and exposes it through the same request dispatcher
//! the HTTP server uses ([`Library::handle`]), so the desktop and browser UIs see identical answers
//! and identical `{code, message}` errors. The window may call only the commands its capability
//! (`capabilities/main.json`) grants: `api`, `export_with_dialog` and `choose_story`.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod answers;
mod environment;
mod library;
mod priority;

use library::Shelf;
use storyline::api::Request;
use storyline::export::Format;
use storyline::timeline::Filter;
use storyline::{Error, ErrorCode};
use tauri::State;
use tauri_plugin_dialog::DialogExt;

/// Every read the UI makes: articles, one article, entities, timeline, search, export text, issues.
#[tauri::command]
async fn api(shelf: State<'_, Shelf>, request: Request) -> Result<serde_json::Value, Error> {
    shelf.answer(request).await
}

/// Export the timeline through the platform's save dialog. The Rust side opens the dialog and
/// writes where the user chose, so the web view never names a path: a page that went wrong cannot
/// write anywhere the user did not pick. Answers the chosen path, or `None` when the user cancels.
#[tauri::command]
async fn export_with_dialog(
    window: tauri::Window,
    shelf: State<'_, Shelf>,
    format: Format,
    filter: Option<Filter>,
    with_text: Option<bool>,
) -> Result<Option<String>, Error> {
    let filter = filter.unwrap_or_default();
    let extension = format.extension();
    let dialog = window
        .dialog()
        .file()
        .set_parent(&window)
        .set_title("Export timeline")
        .set_file_name(format!("storyline.{extension}"))
        // "timelinejs.json" filters on its last part: a dialog matches a single suffix.
        .add_filter(
            format.label(),
            &[extension.rsplit('.').next().unwrap_or(extension)],
        );
    let Some(path) = chosen_path("save", move || dialog.blocking_save_file()).await? else {
        return Ok(None);
    };
    let shown = path.display().to_string();
    shelf
        .run(move |library| {
            library.export_to_file(format, &filter, with_text.unwrap_or(false), &path)
        })
        .await?;
    Ok(Some(shown))
}

/// Open a story folder, or make a new one, through the platform's folder dialog: the Rust side
/// opens the dialog, so the page never names a folder. `how` is `open` or `new` (a new story is a
/// folder the user picks or makes in the dialog, given a manifest), or `copy` (a new story holding
/// the built-in articles, to correct them). Answers whether a story was opened; `false` when the
/// user cancels.
#[tauri::command]
async fn choose_story(
    window: tauri::Window,
    shelf: State<'_, Shelf>,
    how: String,
) -> Result<bool, Error> {
    let (new, copy) = match how.as_str() {
        "open" => (false, false),
        "new" => (true, false),
        "copy" => (true, true),
        other => {
            return Err(Error::new(
                ErrorCode::BadQuery,
                format!("choose_story: {other:?} is not \"open\", \"new\" or \"copy\""),
            ))
        }
    };
    let dialog = window
        .dialog()
        .file()
        .set_parent(&window)
        .set_title(if new {
            "New story: pick or make an empty folder"
        } else {
            "Open a story folder"
        });
    let Some(dir) = chosen_path("folder", move || dialog.blocking_pick_folder()).await? else {
        return Ok(false);
    };
    if copy {
        storyline::story::copy_embedded(&dir)?;
    } else if new {
        storyline::story::create(&dir)?;
    }
    shelf.switch_to(dir).await?;
    Ok(true)
}

/// Run a blocking platform dialog off the async runtime; the path the user chose, or `None` when
/// they cancelled. `what` names the dialog in errors.
async fn chosen_path(
    what: &'static str,
    dialog: impl FnOnce() -> Option<tauri_plugin_dialog::FilePath> + Send + 'static,
) -> Result<Option<std::path::PathBuf>, Error> {
    let chosen = tauri::async_runtime::spawn_blocking(dialog)
        .await
        .map_err(|e| {
            Error::new(
                ErrorCode::Internal,
                format!("the {what} dialog stopped unexpectedly: {e}"),
            )
        })?;
    chosen
        .map(|c| {
            c.into_path().map_err(|e| {
                Error::new(
                    ErrorCode::Io,
                    format!("the {what} dialog gave no usable path: {e}"),
                )
            })
        })
        .transpose()
}

/// With `STORYLINE_CONSOLE` set, the page's console goes to standard error: that is how
/// `tests/desktop/launch_time.py` reads the start-up marks the page logs (`ui/src/marks.ts`) without a
/// WebDriver session, which itself delays the page by a fifth of a second.
fn launch_console(app: &tauri::App) {
    #[cfg(target_os = "linux")]
    if std::env::var_os("STORYLINE_CONSOLE").is_some() {
        use tauri::Manager;
        use webkit2gtk::{SettingsExt, WebViewExt};
        for window in app.webview_windows().values() {
            let _ = window.with_webview(|webview| {
                if let Some(settings) = webview.inner().settings() {
                    settings.set_enable_write_console_messages_to_stdout(true);
                }
            });
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}

/// The window is created hidden (`tauri.conf.json`) and shown once its page has loaded (see
/// `on_page_load` in [`main`]). A window shown earlier makes GTK ask the web view to draw while
/// WebKit's web process is still starting and loading, and without GPU compositing the shell then
/// waits for that process while it waits for the shell: both can sit idle for WebKit's half-second
/// timeout. A hidden page does not paint, so nothing is lost: it loads, then shows and paints. Should
/// the page never load, the window shows anyway.
fn show_even_if_never_loaded(app: &tauri::App) {
    use tauri::Manager;
    for window in app.webview_windows().into_values() {
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_secs(2));
            let _ = window.show();
        });
    }
}

fn main() {
    if let Some(why) = environment::no_display() {
        eprintln!("storyline-desktop: {why}");
        std::process::exit(2);
    }
    environment::draw_on_cpu_without_gpu();
    environment::voice_first_in_webkit_processes();
    let shelf = Shelf::open_in_background(library::options_from(std::env::args_os().skip(1)));
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(shelf)
        .setup(|app| {
            launch_console(app);
            show_even_if_never_loaded(app);
            Ok(())
        })
        .on_page_load(|webview, payload| {
            if payload.event() == tauri::webview::PageLoadEvent::Finished {
                let _ = webview.window().show();
            }
        })
        .invoke_handler(tauri::generate_handler![
            api,
            export_with_dialog,
            choose_story
        ])
        .run(tauri::generate_context!("../tauri.conf.json"))
        .expect("the Storyline window could not start");
}
