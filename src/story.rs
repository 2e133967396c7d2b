//! Writing to a story folder: new stories, and articles added to one.
//!
//! An added file is **copied** in (the original is never moved or changed), under its own name
//! unless that is taken, and recorded in the folder's `manifest.toml` with what is known of it (the
//! outlet and URL of a pasted article). The manifest is appended to, never rewritten, so a person's
//! own lines and comments in it stay as they were. Each file is judged on its own: one that cannot
//! be read, or whose text the story already holds, is reported with its name and reason, and the
//! others are still added.

use crate::corpus::{self, fingerprint, Corpus, LoadIssue, ManifestEntry, MANIFEST_FILE};
use crate::error::{Error, ErrorCode, Result};
use crate::progress::{Progress, Stage};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
#[cfg(feature = "bindings")]
use ts_rs::TS;

/// An article pasted or typed in: its text (plain or HTML) and what the person knows of it.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
#[serde(default)]
pub struct NewArticle {
    pub text: String,
    /// The text is a web page's HTML.
    pub html: bool,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// YYYY-MM-DD, YYYY-MM or YYYY.
    pub published: Option<String>,
}

/// A file the page read (the page sees no paths): its name and its bytes in base64.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
pub struct UploadedFile {
    pub name: String,
    pub data: String,
}

/// What adding did, file by file.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
pub struct AddReport {
    /// Ids of the articles added.
    pub added: Vec<String>,
    /// Files whose text the story already holds (with the article that holds it).
    pub duplicates: Vec<LoadIssue>,
    /// Files that could not be read, and why.
    pub failed: Vec<LoadIssue>,
    /// The files written into the story folder, to take back if the adding is cancelled.
    #[serde(skip)]
    #[cfg_attr(feature = "bindings", ts(skip))]
    pub written: Vec<String>,
}

/// What a story folder's manifest held before articles were added, to put back.
pub struct Before {
    manifest: Option<Vec<u8>>,
}

/// Note what adding may change, before it does.
pub fn before_adding(dir: &Path) -> Result<Before> {
    let path = dir.join(MANIFEST_FILE);
    match std::fs::read(&path) {
        Ok(b) => Ok(Before { manifest: Some(b) }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Before { manifest: None }),
        Err(e) => Err(Error::io(&path, &e)),
    }
}

/// Take back an adding: remove the files it wrote and put the manifest back as it was.
pub fn take_back(dir: &Path, report: &AddReport, before: &Before) -> Result<()> {
    for name in &report.written {
        let path = dir.join(name);
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(&path, &e)),
        }
    }
    let path = dir.join(MANIFEST_FILE);
    match &before.manifest {
        Some(bytes) => crate::export::write_atomically(&path, bytes),
        None => match std::fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(Error::io(&path, &e)),
        },
    }
}

/// Make `dir` an empty story: the folder (if need be) and a manifest. A folder that already holds a
/// manifest or articles is left as it is and opened as a story.
pub fn create(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, &e))?;
    let manifest = dir.join(MANIFEST_FILE);
    if !manifest.exists() {
        crate::export::write_atomically(
            &manifest,
            b"# Storyline story: one [articles.ID] table per article file (ID is the file name\n\
              # without its extension), with any of outlet, url, published (YYYY-MM-DD) and title.\n",
        )?;
    }
    Ok(())
}

/// Make `dir` a story holding a copy of the built-in articles (with their manifest and
/// gazetteer), for a reader who wants to correct them: the built-in ones are never written to.
pub fn copy_embedded(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, &e))?;
    if let Some((name, _)) = corpus::EMBEDDED_ARTICLES
        .iter()
        .find(|(name, _)| dir.join(name).exists())
    {
        return Err(Error::new(
            ErrorCode::Io,
            format!(
                "{} already holds {name}: pick an empty folder for the copy",
                dir.display()
            ),
        ));
    }
    for (name, bytes) in corpus::EMBEDDED_ARTICLES {
        crate::export::write_atomically(&dir.join(name), bytes)?;
    }
    Ok(())
}

/// Copy `files` into the story at `dir` (whose current articles are `corpus`).
/// `progress` counts the files; a cancel stops the copying (what was copied is in the report's
/// `written`, for [`take_back`]).
pub fn add_files(
    dir: &Path,
    corpus: &Corpus,
    files: &[PathBuf],
    progress: &Progress,
) -> Result<AddReport> {
    let read: Vec<(String, Result<Vec<u8>>)> = files
        .iter()
        .map(|file| {
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| file.display().to_string());
            let bytes = if corpus::article_format(file).is_none() {
                Err(not_an_article(&name))
            } else {
                corpus::read_limited(file)
            };
            (name, bytes)
        })
        .collect();
    add_read(dir, corpus, read, progress)
}

/// Write files the page read into the story at `dir`.
pub fn add_uploaded(
    dir: &Path,
    corpus: &Corpus,
    files: &[UploadedFile],
    progress: &Progress,
) -> Result<AddReport> {
    use base64::Engine;
    let read = files
        .iter()
        .map(|f| {
            // Only the last part of a name: an upload names no folder.
            let name = Path::new(&f.name)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let bytes = if name.is_empty() || name.starts_with('.') {
                Err(Error::new(
                    ErrorCode::Unreadable,
                    format!("{:?}: not a file name", f.name),
                ))
            } else if corpus::article_format(Path::new(&name)).is_none() {
                Err(not_an_article(&name))
            } else {
                base64::engine::general_purpose::STANDARD
                    .decode(f.data.as_bytes())
                    .map_err(|e| {
                        Error::new(
                            ErrorCode::Unreadable,
                            format!("{name}: the upload was garbled ({e})"),
                        )
                    })
            };
            (name, bytes)
        })
        .collect();
    add_read(dir, corpus, read, progress)
}

fn not_an_article(name: &str) -> Error {
    Error::new(
        ErrorCode::Unreadable,
        format!("{name}: not an article file (expected .txt, .md, .html or .htm)"),
    )
}

/// Add files already read (or that failed to be), each judged on its own.
fn add_read(
    dir: &Path,
    corpus: &Corpus,
    files: Vec<(String, Result<Vec<u8>>)>,
    progress: &Progress,
) -> Result<AddReport> {
    let mut report = AddReport::default();
    let mut known: Vec<(u64, String)> = corpus
        .articles
        .iter()
        .map(|a| (a.print, a.id.clone()))
        .collect();
    let mut taken: HashSet<String> = taken_names(dir)?;
    let mut manifest = String::new();
    progress.stage(Stage::Reading, files.len());
    for (name, bytes) in files {
        if progress.is_cancelled() {
            break;
        }
        progress.step();
        let failed = |e: Error| LoadIssue {
            file: name.clone(),
            code: e.code,
            message: e.message,
        };
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => {
                report.failed.push(failed(e));
                continue;
            }
        };
        let text = match corpus::decode(&bytes, Path::new(&name)) {
            Ok((t, _)) => t,
            Err(e) => {
                report.failed.push(failed(e));
                continue;
            }
        };
        let print = fingerprint(&text);
        if let Some((_, id)) = known.iter().find(|(p, _)| *p == print) {
            report.duplicates.push(LoadIssue {
                file: name.clone(),
                code: ErrorCode::Duplicate,
                message: format!("{name}: the story already holds this text (article {id})"),
            });
            continue;
        }
        let (stem, ext) = split_name(&name);
        let target = free_name(&stem, &ext, &taken);
        let path = dir.join(&target);
        if let Err(e) = crate::export::write_atomically(&path, &bytes) {
            report.failed.push(failed(e));
            continue;
        }
        taken.insert(target.to_lowercase());
        let id = split_name(&target).0;
        report.written.push(target);
        manifest.push_str(&manifest_table(&id, &ManifestEntry::default()));
        known.push((print, id.clone()));
        report.added.push(id);
    }
    append_manifest(dir, &manifest)?;
    Ok(report)
}

/// Write a pasted article into the story as a new file, with its details in the manifest.
pub fn add_text(dir: &Path, corpus: &Corpus, article: &NewArticle) -> Result<AddReport> {
    let mut report = AddReport::default();
    let body = article.text.trim();
    if body.is_empty() {
        return Err(Error::new(
            ErrorCode::EmptyFile,
            "the pasted article is empty",
        ));
    }
    if let Some(p) = article
        .published
        .as_deref()
        .filter(|p| !p.trim().is_empty())
    {
        if crate::time::reference::from_manifest(p).is_none() {
            return Err(Error::new(
                ErrorCode::BadDate,
                format!("{p:?} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)"),
            ));
        }
    }
    let text = match article.title.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() && !article.html => format!("{t}\n\n{body}\n"),
        _ => format!("{body}\n"),
    };
    let print = fingerprint(&text);
    if let Some(a) = corpus
        .articles
        .iter()
        .find(|a| a.print == print || a.print == fingerprint(body))
    {
        report.duplicates.push(LoadIssue {
            file: "pasted article".into(),
            code: ErrorCode::Duplicate,
            message: format!("the story already holds this text (article {})", a.id),
        });
        return Ok(report);
    }
    let taken = taken_names(dir)?;
    let ext = if article.html { "html" } else { "txt" };
    let stem = format!("pasted-{}", chrono::Local::now().format("%Y%m%d-%H%M%S"));
    let target = free_name(&stem, ext, &taken);
    crate::export::write_atomically(&dir.join(&target), text.as_bytes())?;
    let id = split_name(&target).0;
    report.written.push(target.clone());
    let clean = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
    };
    let meta = ManifestEntry {
        outlet: clean(&article.outlet),
        url: clean(&article.url),
        published: clean(&article.published),
        title: clean(&article.title),
    };
    append_manifest(dir, &manifest_table(&id, &meta))?;
    report.added.push(id);
    Ok(report)
}

/// File names in the folder, and the ids the manifest already has a table for (a table whose file
/// is gone must not be written twice).
fn taken_names(dir: &Path) -> Result<HashSet<String>> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, &e))?;
    let mut taken: HashSet<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_lowercase())
        .collect();
    let manifest = dir.join(MANIFEST_FILE);
    if let Ok(text) = std::fs::read_to_string(&manifest) {
        if let Ok(toml::Value::Table(t)) = text.parse::<toml::Value>() {
            if let Some(toml::Value::Table(articles)) = t.get("articles") {
                taken.extend(
                    articles
                        .keys()
                        .map(|id| format!("{}.manifest", id.to_lowercase())),
                );
            }
        }
    }
    Ok(taken)
}

fn split_name(name: &str) -> (String, String) {
    let p = Path::new(name);
    let stem = p
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "article".into());
    let ext = p
        .extension()
        .map(|s| s.to_string_lossy().to_lowercase())
        .unwrap_or_else(|| "txt".into());
    (stem, ext)
}

/// `stem.ext`, or `stem-2.ext`, `stem-3.ext` … when taken (ids are stems, so the stem must be free
/// under any extension too).
fn free_name(stem: &str, ext: &str, taken: &HashSet<String>) -> String {
    let stem_taken = |s: &str| {
        let s = s.to_lowercase();
        taken.iter().any(|t| split_name(t).0.to_lowercase() == s)
    };
    let mut candidate = stem.to_string();
    let mut n = 2;
    while stem_taken(&candidate) {
        candidate = format!("{stem}-{n}");
        n += 1;
    }
    format!("{candidate}.{ext}")
}

fn manifest_table(id: &str, meta: &ManifestEntry) -> String {
    let quote = |s: &str| toml::Value::String(s.to_string()).to_string();
    let mut out = format!("\n[articles.{}]\n", quote(id));
    for (key, value) in [
        ("outlet", &meta.outlet),
        ("url", &meta.url),
        ("published", &meta.published),
        ("title", &meta.title),
    ] {
        if let Some(v) = value {
            out.push_str(&format!("{key} = {}\n", quote(v)));
        }
    }
    out
}

/// Add tables to the manifest, keeping what it holds: the old text, then the new tables, written
/// atomically.
fn append_manifest(dir: &Path, tables: &str) -> Result<()> {
    if tables.is_empty() {
        return Ok(());
    }
    let path = dir.join(MANIFEST_FILE);
    let mut text = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(Error::io(&path, &e)),
    };
    if !text.is_empty() && !text.ends_with(b"\n") {
        text.push(b'\n');
    }
    text.write_all(tables.as_bytes())
        .map_err(|e| Error::io(&path, &e))?;
    crate::export::write_atomically(&path, &text)
}
