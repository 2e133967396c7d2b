//! `storyline serve`: the API and the built UI over HTTP on 127.0.0.1, so the very UI the desktop
//! shell shows runs in a plain browser (and in browser tests).
//!
//! One endpoint carries every command: `POST /api` with a [`storyline::api::Request`] as JSON; the
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

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::header::{HeaderMap, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::Duration;
use storyline::api::Library;
use storyline::error::{Error, ErrorCode};

/// Largest request body accepted: most requests are small JSON documents; added files come
/// base64-encoded, a third larger than the files.
const MAX_BODY: usize = 96 << 20;
/// A client has this long to send a request's head, and this long for its body; a connection
/// that sends nothing is closed after the first.
const HEAD_TIME: Duration = Duration::from_secs(10);
const BODY_TIME: Duration = Duration::from_secs(120);
/// Largest request head (request line and headers) read, and most headers.
const MAX_HEAD: usize = 64 << 10;
const MAX_HEADERS: usize = 64;

pub struct Server {
    listener: std::net::TcpListener,
    shared: Arc<Shared>,
}

/// What every connection's requests are answered from.
struct Shared {
    library: RwLock<Library>,
    /// The library's progress, answered without its lock (long work holds that).
    progress: storyline::progress::Progress,
    /// This run's secret, which every API call must present.
    token: String,
    port: u16,
    ui_dir: PathBuf,
}

type Answer = Response<Full<Bytes>>;

impl Server {
    /// Bind to `127.0.0.1:port` (0 picks a free port).
    pub fn bind(library: Library, port: u16, ui_dir: PathBuf) -> storyline::error::Result<Server> {
        let cannot = |e: std::io::Error| {
            Error::new(
                ErrorCode::Io,
                format!("cannot listen on 127.0.0.1:{port}: {e}"),
            )
        };
        let listener = std::net::TcpListener::bind(("127.0.0.1", port)).map_err(cannot)?;
        listener.set_nonblocking(true).map_err(cannot)?;
        let port = listener.local_addr().map_err(cannot)?.port();
        Ok(Server {
            listener,
            shared: Arc::new(Shared {
                progress: library.progress(),
                library: RwLock::new(library),
                token: new_token()?,
                port,
                ui_dir,
            }),
        })
    }

    /// The address to open: the page with this run's token.
    pub fn url(&self) -> String {
        format!(
            "http://127.0.0.1:{}/?token={}",
            self.port(),
            self.shared.token
        )
    }

    pub fn port(&self) -> u16 {
        self.shared.port
    }

    /// Answer connections until the process ends: each on a task of its own, with limits on how
    /// long and how large its requests' heads and bodies may be; the API's work (blocking, often
    /// long) on the runtime's blocking threads.
    pub fn run(self) -> storyline::error::Result<()> {
        let io =
            |e: std::io::Error| Error::new(ErrorCode::Io, format!("the server cannot run: {e}"));
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .map_err(io)?;
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(self.listener).map_err(io)?;
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let shared = self.shared.clone();
                tokio::spawn(async move {
                    let service = hyper::service::service_fn(move |req| {
                        let shared = shared.clone();
                        async move { Ok::<_, std::convert::Infallible>(shared.answer(req).await) }
                    });
                    let _ = hyper::server::conn::http1::Builder::new()
                        .timer(hyper_util::rt::TokioTimer::new())
                        .header_read_timeout(HEAD_TIME)
                        .max_buf_size(MAX_HEAD)
                        .max_headers(MAX_HEADERS)
                        .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                        .await;
                });
            }
        })
    }
}

impl Shared {
    async fn answer(self: Arc<Self>, req: Request<hyper::body::Incoming>) -> Answer {
        let path = req.uri().path().to_string();
        let mut response = if let Err(e) = self.admit(req.headers(), path == "/api") {
            error_response(403, &e)
        } else if path == "/api" {
            if req.method() != Method::POST {
                error_response(
                    405,
                    &Error::new(ErrorCode::BadQuery, "use POST /api with a JSON request"),
                )
            } else {
                self.api_call(req).await
            }
        } else {
            let shared = self.clone();
            tokio::task::spawn_blocking(move || shared.static_file(&path))
                .await
                .unwrap_or_else(|_| {
                    error_response(
                        500,
                        &Error::new(ErrorCode::Internal, "the file read failed"),
                    )
                })
        };
        let headers = response.headers_mut();
        for (name, value) in [
            ("content-security-policy", CSP),
            ("x-content-type-options", "nosniff"),
            ("referrer-policy", "no-referrer"),
        ] {
            headers.insert(name, HeaderValue::from_static(value));
        }
        response
    }

    /// Read the body (within its limits of time and size) and answer it on a blocking thread.
    async fn api_call(self: Arc<Self>, req: Request<hyper::body::Incoming>) -> Answer {
        let body = Limited::new(req.into_body(), MAX_BODY).collect();
        let body = match tokio::time::timeout(BODY_TIME, body).await {
            Err(_) => {
                return error_response(
                    408,
                    &Error::new(
                        ErrorCode::BadQuery,
                        "the request body did not arrive in time",
                    ),
                )
            }
            Ok(Err(_)) => {
                return error_response(
                    413,
                    &Error::new(
                        ErrorCode::BadQuery,
                        "request body is not UTF-8 JSON under 96 MB",
                    ),
                )
            }
            Ok(Ok(collected)) => collected.to_bytes(),
        };
        let Ok(body) = String::from_utf8(Vec::from(body)) else {
            return error_response(
                400,
                &Error::new(ErrorCode::BadQuery, "request body is not UTF-8"),
            );
        };
        let answer = tokio::task::spawn_blocking(move || {
            storyline::api::parse_request(&body).and_then(|request| {
                // A defect in one request answers that request with an error; the server goes on.
                storyline::parallel::caught(|| self.api(request)).unwrap_or_else(|why| {
                    Err(Error::new(
                        ErrorCode::Internal,
                        format!("the request failed unexpectedly ({why})"),
                    ))
                })
            })
        })
        .await
        .unwrap_or_else(|e| {
            Err(Error::new(
                ErrorCode::Internal,
                format!("the request stopped unexpectedly: {e}"),
            ))
        });
        match answer {
            Ok(v) => json_response(200, v.to_string()),
            Err(e) => error_response(
                status_of(e.code),
                &Error::new(e.code, without_paths(&e.message)),
            ),
        }
    }

    fn api(&self, request: storyline::api::Request) -> storyline::error::Result<serde_json::Value> {
        if let Some(answer) = storyline::api::answer_about_work(&self.progress, &request) {
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
    fn admit(&self, headers: &HeaderMap, api: bool) -> storyline::error::Result<()> {
        let forbidden = |why: &str| Err(Error::new(ErrorCode::Forbidden, why));
        let value = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(|v| v.trim().to_string())
        };
        let port = self.port;
        let ours = |host: &str| {
            ["127.0.0.1", "localhost", "[::1]"]
                .iter()
                .any(|name| host.eq_ignore_ascii_case(&format!("{name}:{port}")))
        };
        match value("host") {
            Some(host) if ours(&host) => {}
            _ => {
                return forbidden("this server answers only requests to 127.0.0.1 on its own port")
            }
        }
        if !api {
            return Ok(());
        }
        if let Some(origin) = value("origin") {
            let host = origin.strip_prefix("http://").unwrap_or("");
            if !ours(host) {
                return forbidden("requests from other web pages are refused");
            }
        }
        let json = value("content-type").is_some_and(|t| {
            t.split(';')
                .next()
                .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"))
        });
        if !json {
            return forbidden("send the request as Content-Type: application/json");
        }
        match value("x-storyline-token") {
            Some(token) if same_secret(&token, &self.token) => Ok(()),
            _ => forbidden(
                "this run's token is missing or wrong: open the address `storyline serve` printed",
            ),
        }
    }

    fn static_file(&self, url: &str) -> Answer {
        let rel = url.trim_start_matches('/');
        let rel = if rel.is_empty() { "index.html" } else { rel };
        let rel = Path::new(rel);
        if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
            return error_response(404, &Error::new(ErrorCode::BadQuery, "no such file"));
        }
        let path = self.ui_dir.join(rel);
        match std::fs::read(&path) {
            Ok(bytes) => {
                let mut response = Response::new(Full::new(Bytes::from(bytes)));
                response
                    .headers_mut()
                    .insert("content-type", HeaderValue::from_static(mime_of(&path)));
                response
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

/// `message` with every absolute path cut to its last part: a file in the story is named as the
/// story names it, and nothing else of this machine's folders reaches the page.
fn without_paths(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find('/') {
        let starts_word = rest[..at]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || "\"'“(「".contains(c));
        let end = rest[at..]
            .find(|c: char| c.is_whitespace() || c == ':' || c == '"' || c == '”' || c == ')')
            .map_or(rest.len(), |e| at + e);
        let path = &rest[at..end];
        out.push_str(&rest[..at]);
        if starts_word && path[1..].contains('/') {
            out.push_str(path.rsplit('/').find(|p| !p.is_empty()).unwrap_or(""));
        } else {
            out.push_str(path);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// A fresh secret of 128 random bits, in hex.
fn new_token() -> storyline::error::Result<String> {
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

fn json_response(status: u16, body: String) -> Answer {
    let mut response = Response::new(Full::new(Bytes::from(body)));
    *response.status_mut() =
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    response.headers_mut().insert(
        "content-type",
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    response
}

fn error_response(status: u16, e: &Error) -> Answer {
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

/// The UI's built files: `--ui`, else `ui/dist` beside the binary, in an installed package's share
/// folder, or in the source tree.
pub fn find_ui_dir(explicit: Option<&Path>) -> PathBuf {
    if let Some(p) = explicit {
        return p.to_path_buf();
    }
    let mut candidates = Vec::new();
    if let Ok(exe) = std::env::current_exe() {
        if let Some(dir) = exe.parent() {
            candidates.push(dir.join("ui"));
            candidates.push(dir.join("../../ui/dist"));
            // Where the Debian package puts it (`make package`): /usr/bin → /usr/share/storyline/ui.
            candidates.push(dir.join("../share/storyline/ui"));
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
    use std::io::{Read, Write};

    /// A server of the built-in story on a free port, answering on a thread of its own.
    fn serving() -> (u16, String, PathBuf) {
        let ui = tempfile::tempdir().unwrap().keep();
        std::fs::write(ui.join("index.html"), "<!doctype html><title>t</title>").unwrap();
        let lib = Library::from_corpus(storyline::corpus::Corpus::embedded());
        let server = Server::bind(lib, 0, ui.clone()).unwrap();
        let (port, token) = (server.port(), server.shared.token.clone());
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
            "content-security-policy",
            "frame-ancestors 'none'",
            "nosniff",
        ] {
            assert!(
                answer.to_ascii_lowercase().contains(header),
                "{header} missing: {answer}"
            );
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

    #[test]
    fn errors_name_files_not_the_machine_s_folders() {
        assert_eq!(
            without_paths("/home/ann/stories/su7/a.txt: Permission denied (os error 13)"),
            "a.txt: Permission denied (os error 13)"
        );
        assert_eq!(
            without_paths("cannot open corpus folder /srv/x/y: gone; see 1/2 and a/b"),
            "cannot open corpus folder y: gone; see 1/2 and a/b"
        );
        assert_eq!(without_paths("no slash here"), "no slash here");
    }

    #[test]
    fn a_head_too_large_or_too_slow_is_cut_off() {
        let (port, _, ui) = serving();
        // The server may answer 431 or cut the connection while the head is still coming.
        let huge = format!(
            "GET / HTTP/1.1\r\nHost: localhost:{port}\r\nX-Big: {}\r\n\r\n",
            "a".repeat(200 << 10)
        );
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        let _ = stream.write_all(huge.as_bytes());
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        assert!(
            answer.is_empty() || answer.starts_with("HTTP/1.1 431"),
            "{}",
            &answer[..answer.len().min(200)]
        );

        // A client that connects and sends nothing is let go once the head's time is up.
        let mut idle = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        idle.set_read_timeout(Some(HEAD_TIME * 3)).unwrap();
        let started = std::time::Instant::now();
        let mut answer = Vec::new();
        let read = idle.read_to_end(&mut answer);
        assert!(
            read.is_ok(),
            "the server kept the idle connection: {read:?}"
        );
        assert!(started.elapsed() < HEAD_TIME * 2);
        let _ = std::fs::remove_dir_all(ui);
    }
}
