//! `storyline serve`: the API and the built UI over HTTP on 127.0.0.1, so the very UI the desktop
//! shell shows runs in a plain browser (and in browser tests).
//!
//! One endpoint carries every command: `POST /api` with a [`crate::api::Request`] as JSON; the
//! answer is the command's JSON, or `{code, message}` with a 4xx/5xx status. Everything else is a
//! static file of the UI's `dist` folder.
//!
//! Only this machine's browser, on the page this run served, may call the API: a web page elsewhere
//! must not read the story, even through DNS rebinding (a name of its own that resolves to
//! 127.0.0.1). So every request must name our host (`127.0.0.1`, `localhost` or `[::1]` with our
//! port); an API call must come from no foreign `Origin`, be sent as `application/json` (which a
//! page elsewhere cannot send without asking first), and present this run's secret token, which
//! the printed address carries (`?token=…`, as Jupyter does) and the page sends back in the
//! `X-Storyline-Token` header. Every answer carries the desktop's content security policy, and no
//! answer names a path on this machine.
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
    /// This run's secret, which every API call must present.
    token: String,
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
            token: new_token()?,
            progress: library.progress(),
            library: Arc::new(RwLock::new(library)),
            ui_dir,
        })
    }

    /// The address to open: the page with this run's token.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/?token={}", self.port(), self.token)
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
        let response = if let Err(e) = self.admit(&req, url == "/api") {
            error_response(403, &e)
        } else if url == "/api" {
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
                        // A defect in one request answers that request with an error; the
                        // thread, and the server, go on.
                        crate::parallel::caught(|| self.api(request)).unwrap_or_else(|why| {
                            Err(Error::new(
                                ErrorCode::Internal,
                                format!("the request failed unexpectedly ({why})"),
                            ))
                        })
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
        let response = response
            .with_header(header("Content-Security-Policy", CSP))
            .with_header(header("X-Content-Type-Options", "nosniff"))
            .with_header(header("Referrer-Policy", "no-referrer"));
        let _ = req.respond(response);
    }

    fn api(&self, request: crate::api::Request) -> crate::error::Result<serde_json::Value> {
        if let Some(answer) = crate::api::answer_about_work(&self.progress, &request) {
            answer
        } else if request.changes() {
            let mut library = self.library.write().unwrap_or_else(|e| e.into_inner());
            library.handle_change(request)
        } else {
            let library = self.library.read().unwrap_or_else(|e| e.into_inner());
            library.handle(request)
        }
    }

    /// Whether a request may be answered (see the module's overview); `api` asks for the API's
    /// stricter rules.
    fn admit(&self, req: &tiny_http::Request, api: bool) -> crate::error::Result<()> {
        let forbidden = |why: &str| Err(Error::new(ErrorCode::Forbidden, why));
        let value = |name: &str| {
            req.headers()
                .iter()
                .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
                .map(|h| h.value.as_str().trim().to_string())
        };
        let port = self.port();
        let ours = |host: &str| {
            ["127.0.0.1", "localhost", "[::1]"]
                .iter()
                .any(|name| host.eq_ignore_ascii_case(&format!("{name}:{port}")))
        };
        match value("Host") {
            Some(host) if ours(&host) => {}
            _ => {
                return forbidden("this server answers only requests to 127.0.0.1 on its own port")
            }
        }
        if !api {
            return Ok(());
        }
        if let Some(origin) = value("Origin") {
            let host = origin.strip_prefix("http://").unwrap_or("");
            if !ours(host) {
                return forbidden("requests from other web pages are refused");
            }
        }
        let json = value("Content-Type").is_some_and(|t| {
            t.split(';')
                .next()
                .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"))
        });
        if !json {
            return forbidden("send the request as Content-Type: application/json");
        }
        match value("X-Storyline-Token") {
            Some(token) if same_secret(&token, &self.token) => Ok(()),
            _ => forbidden(
                "this run's token is missing or wrong: open the address `storyline serve` printed",
            ),
        }
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
                tiny_http::Response::from_data(bytes).with_header(header("Content-Type", mime))
            }
            Err(_) => {
                // The path stays on this side: the page learns only which file is missing.
                eprintln!("storyline serve: {} cannot be read", path.display());
                error_response(
                    404,
                    &Error::new(
                        ErrorCode::Io,
                        format!(
                            "{} not found (is the UI built? run `make ui`)",
                            rel.display()
                        ),
                    ),
                )
            }
        }
    }
}

/// The policy the desktop shell sets in tauri.conf.json, and no page may frame ours.
const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";

/// A fresh secret of 128 random bits, in hex.
fn new_token() -> crate::error::Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| {
        Error::new(
            ErrorCode::Internal,
            format!("no randomness for the session token: {e}"),
        )
    })?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Compare secrets in time that does not depend on where they first differ.
fn same_secret(given: &str, ours: &str) -> bool {
    given.len() == ours.len()
        && given
            .bytes()
            .zip(ours.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

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
        ErrorCode::ReadOnlyStory | ErrorCode::Forbidden => 403,
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A server of the built-in story on a free port, answering on a thread of its own.
    fn serving() -> (u16, String, PathBuf) {
        let ui = tempfile::tempdir().unwrap().keep();
        std::fs::write(ui.join("index.html"), "<!doctype html><title>t</title>").unwrap();
        let lib = Library::from_corpus(crate::corpus::Corpus::embedded());
        let server = Server::bind(lib, 0, ui.clone()).unwrap();
        let (port, token) = (server.port(), server.token.clone());
        assert_eq!(
            server.url(),
            format!("http://127.0.0.1:{port}/?token={token}")
        );
        std::thread::spawn(move || server.run());
        (port, token, ui)
    }

    /// Send a raw request; the status and the whole answer.
    fn send(port: u16, head: &str, body: &str) -> (u16, String) {
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(
            stream,
            "{head}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        let status = answer
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        (status, answer)
    }

    const ARTICLES: &str = r#"{"cmd":"articles"}"#;

    #[test]
    fn only_this_run_s_page_on_this_machine_reads_the_story() {
        let (port, token, ui) = serving();
        let api = |extra: &str| send(port, &format!("POST /api HTTP/1.1\r\n{extra}"), ARTICLES);
        let good = format!(
            "Host: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nX-Storyline-Token: {token}"
        );
        let (status, answer) = api(&good);
        assert_eq!(status, 200, "{answer}");
        assert!(answer.contains("\"id\""), "{answer}");
        for header in [
            "Content-Security-Policy",
            "frame-ancestors 'none'",
            "nosniff",
        ] {
            assert!(answer.contains(header), "{header} missing: {answer}");
        }

        // DNS rebinding: another name for 127.0.0.1, from that name's page, as a simple request.
        let (status, answer) = api(&format!(
            "Host: evil.example:{port}\r\nOrigin: http://evil.example:{port}\r\nContent-Type: text/plain\r\nX-Storyline-Token: {token}"
        ));
        assert_eq!(status, 403, "{answer}");
        assert!(answer.contains("\"forbidden\""), "{answer}");
        assert!(!answer.contains("\"id\""), "{answer}");
        let refused = [
            // Our host, a foreign page.
            format!("Host: 127.0.0.1:{port}\r\nOrigin: http://evil.example\r\nContent-Type: application/json\r\nX-Storyline-Token: {token}"),
            // Not JSON: what a page elsewhere may send without asking first.
            format!("Host: localhost:{port}\r\nContent-Type: text/plain\r\nX-Storyline-Token: {token}"),
            // No token, or a wrong one.
            format!("Host: localhost:{port}\r\nContent-Type: application/json"),
            format!("Host: localhost:{port}\r\nContent-Type: application/json\r\nX-Storyline-Token: {}", "0".repeat(32)),
            // Our name on another port.
            format!("Host: 127.0.0.1:1\r\nContent-Type: application/json\r\nX-Storyline-Token: {token}"),
        ];
        for head in refused {
            let (status, answer) = api(&head);
            assert_eq!(status, 403, "{head}: {answer}");
        }
        // The page itself is served to our host only, and errors name no path of this machine.
        let (status, _) = send(
            port,
            &format!("GET / HTTP/1.1\r\nHost: localhost:{port}"),
            "",
        );
        assert_eq!(status, 200);
        let (status, _) = send(port, "GET / HTTP/1.1\r\nHost: evil.example", "");
        assert_eq!(status, 403);
        let (status, answer) = send(
            port,
            &format!("GET /missing.js HTTP/1.1\r\nHost: [::1]:{port}"),
            "",
        );
        assert_eq!(status, 404, "{answer}");
        assert!(!answer.contains(&*ui.to_string_lossy()), "{answer}");
        let _ = std::fs::remove_dir_all(ui);
    }
}
