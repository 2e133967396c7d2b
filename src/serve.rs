//! `storyline serve`: the API and the built UI over HTTP on 127.0.0.1, so the very UI the desktop
//! shell shows runs in a plain browser (and in browser tests).
//!
//! One endpoint carries every command: `POST /api` with a [`crate::api::Request`] as JSON; the
//! answer is the command's JSON, or `{code, message}` with a 4xx/5xx status. Everything else is a
//! static file of the UI's `dist` folder.
//!
//! It serves the one story named on its command line. Corrections and pasted articles change that
//! story (one change at a time, reads meanwhile wait); no request can make it open or write any
//! other folder. How far a long change has got, and a cancel, are answered meanwhile.

use crate::api::Library;
use crate::error::{Error, ErrorCode};
use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, RwLock};

/// Largest request body accepted: most requests are small JSON documents; added files come
/// base64-encoded, a third larger than the files.
const MAX_BODY: usize = 96 << 20;

pub struct Server {
    http: tiny_http::Server,
    library: Arc<RwLock<Library>>,
    /// The library's progress, answered without its lock (long work holds that).
    progress: crate::progress::Progress,
    ui_dir: PathBuf,
}

impl Server {
    /// Bind to `127.0.0.1:port` (0 picks a free port).
    pub fn bind(library: Library, port: u16, ui_dir: PathBuf) -> crate::error::Result<Server> {
        let http = tiny_http::Server::http(("127.0.0.1", port)).map_err(|e| {
            Error::new(
                ErrorCode::Io,
                format!("cannot listen on 127.0.0.1:{port}: {e}"),
            )
        })?;
        Ok(Server {
            http,
            progress: library.progress(),
            library: Arc::new(RwLock::new(library)),
            ui_dir,
        })
    }

    pub fn port(&self) -> u16 {
        self.http
            .server_addr()
            .to_ip()
            .map(|a| a.port())
            .unwrap_or(0)
    }

    /// Answer requests on a few threads until the process ends.
    pub fn run(self) {
        let server = Arc::new(self);
        let workers: Vec<_> = (0..4)
            .map(|_| {
                let s = Arc::clone(&server);
                std::thread::spawn(move || {
                    while let Ok(req) = s.http.recv() {
                        s.answer(req);
                    }
                })
            })
            .collect();
        for w in workers {
            let _ = w.join();
        }
    }

    fn answer(&self, mut req: tiny_http::Request) {
        let url = req.url().split('?').next().unwrap_or("/").to_string();
        let response = if url == "/api" {
            if *req.method() != tiny_http::Method::Post {
                error_response(
                    405,
                    &Error::new(ErrorCode::BadQuery, "use POST /api with a JSON request"),
                )
            } else {
                let mut body = String::new();
                let read = req
                    .as_reader()
                    .take(MAX_BODY as u64 + 1)
                    .read_to_string(&mut body);
                if read.is_err() || body.len() > MAX_BODY {
                    error_response(
                        413,
                        &Error::new(
                            ErrorCode::BadQuery,
                            "request body is not UTF-8 JSON under 96 MB",
                        ),
                    )
                } else {
                    let answer = crate::api::parse_request(&body).and_then(|request| {
                        if let Some(answer) =
                            crate::api::answer_about_work(&self.progress, &request)
                        {
                            answer
                        } else if request.changes() {
                            let mut library =
                                self.library.write().unwrap_or_else(|e| e.into_inner());
                            library.handle_change(request)
                        } else {
                            let library = self.library.read().unwrap_or_else(|e| e.into_inner());
                            library.handle(request)
                        }
                    });
                    match answer {
                        Ok(v) => json_response(200, v.to_string()),
                        Err(e) => error_response(status_of(e.code), &e),
                    }
                }
            }
        } else {
            self.static_file(&url)
        };
        let _ = req.respond(response);
    }

    fn static_file(&self, url: &str) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
        let rel = url.trim_start_matches('/');
        let rel = if rel.is_empty() { "index.html" } else { rel };
        let rel = Path::new(rel);
        if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
            return error_response(404, &Error::new(ErrorCode::BadQuery, "no such file"));
        }
        let path = self.ui_dir.join(rel);
        match std::fs::read(&path) {
            Ok(bytes) => {
                let mime = mime_of(&path);
                tiny_http::Response::from_data(bytes)
                    .with_header(header("Content-Type", mime))
                    .with_header(header("Content-Security-Policy", CSP))
            }
            Err(_) => error_response(
                404,
                &Error::new(
                    ErrorCode::Io,
                    format!(
                        "{} not found (is the UI built? run `make ui`)",
                        path.display()
                    ),
                ),
            ),
        }
    }
}

/// The same policy the desktop shell sets in tauri.conf.json.
const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'";

fn header(k: &str, v: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()).expect("static header is valid")
}

fn json_response(status: u16, body: String) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    tiny_http::Response::from_data(body.into_bytes())
        .with_status_code(status)
        .with_header(header("Content-Type", "application/json; charset=utf-8"))
}

fn error_response(status: u16, e: &Error) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    json_response(
        status,
        serde_json::to_string(e).unwrap_or_else(|_| "{}".into()),
    )
}

fn status_of(code: ErrorCode) -> u16 {
    match code {
        ErrorCode::UnknownArticle | ErrorCode::UnknownEntity | ErrorCode::UnknownEvent => 404,
        ErrorCode::BadQuery | ErrorCode::BadDate | ErrorCode::BadFormat => 400,
        ErrorCode::ReadOnlyStory => 403,
        ErrorCode::Duplicate | ErrorCode::Cancelled => 409,
        _ => 500,
    }
}

fn mime_of(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// The UI's built files: `--ui`, else `ui/dist` beside the binary or in the source tree.
pub fn find_ui_dir(explicit: Option<&Path>) -> PathBuf {
    if let Some(p) = explicit {
        return p.to_path_buf();
    }
    let mut candidates = Vec::new();
    if let Ok(exe) = std::env::current_exe() {
        if let Some(dir) = exe.parent() {
            candidates.push(dir.join("ui"));
            candidates.push(dir.join("../../ui/dist"));
        }
    }
    candidates.push(PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/ui/dist"
    )));
    candidates
        .into_iter()
        .find(|p| p.join("index.html").is_file())
        .unwrap_or_else(|| PathBuf::from("ui/dist"))
}
