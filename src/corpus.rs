//! Reading a corpus: a folder of article files (or the embedded default) into decoded text.
//!
//! This is the only place that sees raw bytes. It promises: every file in the folder either becomes
//! an [`RawArticle`] or a [`LoadIssue`] that names the file and says why (never a panic, never a
//! silent skip); text in UTF-8, UTF-16 with a BOM, GBK, GB18030, Big5 or Big5-HKSCS is decoded;
//! an article's id is its file's stem. The optional `manifest.toml` records what a user knows about
//! each file (outlet, URL, a publication date) and nothing derived from the text.

use crate::error::{Error, ErrorCode, Result};
use crate::progress::{Progress, Stage};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
#[cfg(feature = "bindings")]
use ts_rs::TS;

include!(concat!(env!("OUT_DIR"), "/embedded_articles.rs"));

/// Files larger than this are refused: no news article comes near it, and reading one would hold
/// the whole pipeline (and the reader's memory) hostage.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// Largest manifest, gazetteer or corrections file read.
pub const MAX_SIDE_FILE_BYTES: u64 = 16 * 1024 * 1024;

pub const MANIFEST_FILE: &str = "manifest.toml";
/// A user's gazetteer beside the articles; it extends the built-in one (see `entities`).
pub const GAZETTEER_FILE: &str = "gazetteer.toml";
/// A gold timeline beside an evaluation story's articles (see `eval`): not an article.
pub const GOLD_FILE: &str = "gold.toml";

/// What kind of markup a file holds, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    Text,
    Html,
}

/// A user's record of one file; every field optional.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestEntry {
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// A publication date the user knows (YYYY-MM-DD, YYYY-MM or YYYY); wins over the text.
    pub published: Option<String>,
    pub title: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    #[serde(default)]
    articles: BTreeMap<String, ManifestEntry>,
}

/// One decoded file.
#[derive(Debug, Clone)]
pub struct RawArticle {
    pub id: String,
    pub file: String,
    pub format: SourceFormat,
    /// The text as decoded, BOM removed, line ends as in the file; shared with the article's
    /// [`ArticleText::raw`](crate::text::ArticleText::raw), so a corpus in memory holds it once.
    pub text: std::sync::Arc<str>,
    /// The encoding the bytes were in (`UTF-8`, `GBK`, `Big5` …).
    pub encoding: &'static str,
    pub bytes: usize,
    /// The text's [`fingerprint`], kept when the analysis has let the text go: what a new
    /// article is compared with to find it already in the story.
    pub print: u64,
    pub meta: ManifestEntry,
}

/// A fingerprint of a text that ignores whitespace: the same article pasted or saved again with
/// other line breaks has the same one.
pub fn fingerprint(text: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    let mut buf = [0u8; 4];
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
    }
    h
}

/// A file's text, its encoding, its size and its [`fingerprint`]: what reading a file on a worker
/// gives, so that the fingerprint is taken on every core too.
fn decode_printed(bytes: &[u8], path: &Path) -> Result<(String, &'static str, usize, u64)> {
    decode_sized(bytes, path).map(|(text, encoding, size)| {
        let print = fingerprint(&text);
        (text, encoding, size, print)
    })
}

/// A file that could not become an article, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
pub struct LoadIssue {
    pub file: String,
    pub code: ErrorCode,
    pub message: String,
}

/// Files read at a time, on every core, between looks at the cancel flag.
const READ_BATCH: usize = 512;

/// A file of the folder in name order: an article kept from the earlier reading, or one to read.
enum Slot {
    Kept(RawArticle),
    Read(PathBuf, String),
}

/// The article ids taken while reading a corpus, each with the file that took it.
type Ids = std::collections::HashMap<String, String>;

#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Where the corpus came from: a folder, or `None` for the embedded default.
    pub root: Option<PathBuf>,
    pub articles: Vec<RawArticle>,
    pub issues: Vec<LoadIssue>,
    /// The built-in corpus's own gazetteer (`assets/articles/gazetteer.toml`); a folder's is read
    /// from beside its articles.
    pub embedded_gazetteer: Option<&'static str>,
    /// When the folder was read: a file not modified since is the same file.
    pub read_at: Option<std::time::SystemTime>,
}

impl Corpus {
    /// The five articles compiled into the binary.
    pub fn embedded() -> Corpus {
        let mut corpus = Corpus::default();
        let manifest = EMBEDDED_ARTICLES
            .iter()
            .find(|(name, _)| *name == MANIFEST_FILE)
            .map(|(_, bytes)| parse_manifest(bytes, Path::new(MANIFEST_FILE)))
            .transpose();
        let manifest = match manifest {
            Ok(m) => m.unwrap_or_default(),
            Err(e) => {
                corpus.issues.push(issue(MANIFEST_FILE, &e));
                Manifest::default()
            }
        };
        corpus.embedded_gazetteer = EMBEDDED_ARTICLES
            .iter()
            .find(|(name, _)| *name == GAZETTEER_FILE)
            .and_then(|(_, bytes)| std::str::from_utf8(bytes).ok());
        let mut ids = Ids::new();
        for (name, bytes) in EMBEDDED_ARTICLES {
            if *name == MANIFEST_FILE || article_format(Path::new(name)).is_none() {
                continue;
            }
            let decoded = decode_printed(bytes, Path::new(name));
            corpus.push(&mut ids, Path::new(name), name, decoded, &manifest);
        }
        corpus
    }

    /// Every article file (`.txt`, `.html`, `.htm`) directly in `dir`, in file-name order.
    pub fn open(dir: &Path) -> Result<Corpus> {
        Corpus::open_keeping(dir, &mut Corpus::default(), &Progress::new())
    }

    /// As [`Corpus::open`], taking from `earlier` (the same folder read before) every article
    /// whose file has the same name and size and was not modified since: a story that gains one
    /// file reads that one. `earlier` is left empty, unless the folder cannot be read at all or
    /// the reading is cancelled (through `progress`, which counts the files).
    pub fn open_keeping(dir: &Path, earlier: &mut Corpus, progress: &Progress) -> Result<Corpus> {
        let read_at = std::time::SystemTime::now();
        let entries = fs::read_dir(dir).map_err(|e| {
            Error::new(
                ErrorCode::CorpusMissing,
                format!("cannot open corpus folder {}: {}", dir.display(), e),
            )
        })?;
        let since = earlier
            .read_at
            .filter(|_| earlier.root.as_deref() == Some(dir));
        let earlier_corpus = earlier;
        let mut earlier: std::collections::HashMap<String, RawArticle> = match since {
            Some(_) => std::mem::take(&mut earlier_corpus.articles)
                .into_iter()
                .map(|a| (a.file.clone(), a))
                .collect(),
            None => Default::default(),
        };
        let mut kept_files = std::collections::HashSet::new();
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        let mut corpus = Corpus {
            root: Some(dir.to_path_buf()),
            read_at: Some(read_at),
            ..Corpus::default()
        };
        let manifest_path = dir.join(MANIFEST_FILE);
        let manifest = if leaves_folder(&manifest_path, dir) {
            corpus.issues.push(outside(MANIFEST_FILE));
            Manifest::default()
        } else if manifest_path.exists() {
            match read_capped(&manifest_path, MAX_SIDE_FILE_BYTES)
                .and_then(|b| parse_manifest(&b, &manifest_path))
            {
                Ok(m) => m,
                Err(e) => {
                    corpus.issues.push(issue(MANIFEST_FILE, &e));
                    Manifest::default()
                }
            }
        } else {
            Manifest::default()
        };
        progress.stage(Stage::Reading, paths.len());
        // First the names (cheap, in order), then the files that must be read, a batch at a time
        // on every core: decoding 100,000 files one by one took most of a minute.
        let mut slots: Vec<Slot> = Vec::with_capacity(paths.len());
        let give_back = |earlier: std::collections::HashMap<String, RawArticle>,
                         corpus: Corpus,
                         slots: Vec<Slot>,
                         kept_files: &std::collections::HashSet<String>,
                         earlier_corpus: &mut Corpus| {
            // Give back what was taken: the earlier articles, whether moved across yet or not.
            let mut back: Vec<RawArticle> = earlier.into_values().collect();
            back.extend(
                corpus
                    .articles
                    .into_iter()
                    .filter(|a| kept_files.contains(&a.file)),
            );
            back.extend(slots.into_iter().filter_map(|s| match s {
                Slot::Kept(a) => Some(a),
                Slot::Read(..) => None,
            }));
            back.sort_by(|a, b| a.file.cmp(&b.file));
            earlier_corpus.articles = back;
            crate::progress::cancelled()
        };
        for path in paths {
            if progress.is_cancelled() {
                return Err(give_back(
                    earlier,
                    corpus,
                    slots,
                    &kept_files,
                    earlier_corpus,
                ));
            }
            let name = match path.file_name() {
                Some(n) => n.to_string_lossy().into_owned(),
                None => continue,
            };
            if name == MANIFEST_FILE
                || name == GAZETTEER_FILE
                || name == GOLD_FILE
                || name == crate::edits::EDITS_FILE
                || name.starts_with('.')
                || path.is_dir()
            {
                continue;
            }
            if article_format(&path).is_none() {
                corpus.issues.push(LoadIssue {
                    file: name.clone(),
                    code: ErrorCode::Unreadable,
                    message: format!(
                        "{name}: not an article file (expected .txt, .md, .html or .htm); left out"
                    ),
                });
                continue;
            }
            if leaves_folder(&path, dir) {
                corpus.issues.push(outside(&name));
                continue;
            }
            let unchanged = since.and_then(|since| {
                let meta = fs::metadata(&path).ok()?;
                let a = earlier.remove(&name)?;
                // An analysed story has let its texts go (only their size and fingerprint stay):
                // those files are read again.
                let has_text = a.bytes == 0 || !a.text.is_empty();
                (a.bytes as u64 == meta.len() && meta.modified().ok()? < since && has_text)
                    .then_some(a)
            });
            slots.push(match unchanged {
                Some(a) => Slot::Kept(a),
                None => Slot::Read(path, name),
            });
        }
        let mut ids = Ids::new();
        let mut rest = slots.into_iter();
        loop {
            let batch: Vec<Slot> = rest.by_ref().take(READ_BATCH).collect();
            if batch.is_empty() {
                break;
            }
            if progress.is_cancelled() {
                let mut left = batch;
                left.extend(rest);
                return Err(give_back(
                    earlier,
                    corpus,
                    left,
                    &kept_files,
                    earlier_corpus,
                ));
            }
            let decoded = crate::parallel::par_map(&batch, |slot| {
                progress.step();
                match slot {
                    Slot::Kept(_) => None,
                    Slot::Read(path, _) => {
                        Some(read_limited(path).and_then(|b| decode_printed(&b, path)))
                    }
                }
            });
            for (slot, decoded) in batch.into_iter().zip(decoded) {
                match (slot, decoded) {
                    (Slot::Kept(mut a), _) => {
                        kept_files.insert(a.file.clone());
                        a.meta = manifest.articles.get(&a.id).cloned().unwrap_or_default();
                        ids.insert(a.id.clone(), a.file.clone());
                        corpus.articles.push(a);
                    }
                    (Slot::Read(path, name), Some(decoded)) => {
                        corpus.push(&mut ids, &path, &name, decoded, &manifest)
                    }
                    (Slot::Read(..), None) => unreachable!("every file read is decoded"),
                }
            }
        }
        let unread: std::collections::HashSet<String> =
            corpus.issues.iter().map(|i| stem(&i.file)).collect();
        for id in manifest.articles.keys() {
            if !ids.contains_key(id) && !unread.contains(id) {
                corpus.issues.push(LoadIssue {
                    file: MANIFEST_FILE.into(),
                    code: ErrorCode::BadManifest,
                    message: format!(
                        "{MANIFEST_FILE}: names article {id:?}, but no such file is in the folder"
                    ),
                });
            }
        }
        Ok(corpus)
    }

    /// Adds a decoded file (or the reason it could not be) as the next article; `ids` holds the ids
    /// taken so far, each with its file.
    fn push(
        &mut self,
        ids: &mut Ids,
        path: &Path,
        name: &str,
        decoded: Result<(String, &'static str, usize, u64)>,
        manifest: &Manifest,
    ) {
        let format = article_format(path).unwrap_or(SourceFormat::Text);
        let mut id = stem(name);
        // `a.txt` and `a.html` are two articles: the second takes its extension into its id.
        if let Some(first) = ids.get(&id).cloned() {
            let ext = path.extension().map(|e| e.to_string_lossy().into_owned());
            let base = format!("{id}-{}", ext.unwrap_or_default());
            let mut next = base.clone();
            let mut n = 2;
            while ids.contains_key(&next) {
                next = format!("{base}-{n}");
                n += 1;
            }
            self.issues.push(LoadIssue {
                file: name.to_string(),
                code: ErrorCode::Duplicate,
                message: format!(
                    "{name}: {first} is already article {id:?}; this file is article {next:?} (rename one to choose)"
                ),
            });
            id = next;
        }
        match decoded {
            Ok((text, encoding, bytes, print)) => {
                ids.insert(id.clone(), name.to_string());
                self.articles.push(RawArticle {
                    meta: manifest.articles.get(&id).cloned().unwrap_or_default(),
                    id,
                    file: name.to_string(),
                    format,
                    print,
                    text: text.into(),
                    encoding,
                    bytes,
                })
            }
            Err(e) => self.issues.push(issue(name, &e)),
        }
    }
}

fn outside(name: &str) -> LoadIssue {
    LoadIssue {
        file: name.to_string(),
        code: ErrorCode::Unreadable,
        message: format!(
            "{name}: a link to a file outside the story folder; not read (copy the file in instead)"
        ),
    }
}

fn issue(file: &str, e: &Error) -> LoadIssue {
    LoadIssue {
        file: file.to_string(),
        code: e.code,
        message: e.message.clone(),
    }
}

fn stem(name: &str) -> String {
    Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

pub(crate) fn article_format(path: &Path) -> Option<SourceFormat> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "txt" | "text" | "md" | "markdown" => Some(SourceFormat::Text),
        "html" | "htm" => Some(SourceFormat::Html),
        _ => None,
    }
}

/// The article entries of a manifest's bytes, or why they are not a manifest (`path` names it in
/// the error).
pub fn manifest_entries(bytes: &[u8], path: &Path) -> Result<BTreeMap<String, ManifestEntry>> {
    parse_manifest(bytes, path).map(|m| m.articles)
}

fn parse_manifest(bytes: &[u8], path: &Path) -> Result<Manifest> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| Error::file(ErrorCode::BadManifest, path, "manifest is not UTF-8"))?;
    toml::from_str(text).map_err(|e| Error::file(ErrorCode::BadManifest, path, e.message()))
}

pub(crate) fn read_limited(path: &Path) -> Result<Vec<u8>> {
    read_capped(path, MAX_FILE_BYTES)
}

/// Read a file the user's folder holds, trusting nothing about it: it is opened first and what was
/// opened is judged (a name checked and then opened may name another file by then); it must be a
/// regular file (a FIFO would wait forever for a writer, `/dev/zero` never ends); and no more than
/// `limit` bytes are read, whatever its size said.
pub(crate) fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>> {
    use std::io::Read;
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Opening a FIFO to read blocks until a writer comes; with O_NONBLOCK it returns at once.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| Error::io(path, &e))?;
    let meta = file.metadata().map_err(|e| Error::io(path, &e))?;
    if !meta.is_file() {
        return Err(Error::file(
            ErrorCode::Unreadable,
            path,
            "not a regular file (a pipe, a device or a folder); not read",
        ));
    }
    let too_large = |len: u64| {
        Error::file(
            ErrorCode::TooLarge,
            path,
            format!(
                "file is {:.1} MB; files larger than {} MB are not read",
                len as f64 / 1e6,
                limit / (1024 * 1024)
            ),
        )
    };
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, &e))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Whether `path`, a link in `dir`, leads out of it: such a file is not the story's to read.
pub(crate) fn leaves_folder(path: &Path, dir: &Path) -> bool {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return false;
    }
    match (fs::canonicalize(path), fs::canonicalize(dir)) {
        (Ok(target), Ok(dir)) => !target.starts_with(dir),
        // A dangling link: reading it fails with its own clear error.
        _ => false,
    }
}

/// [`decode`], with the file's size in bytes.
fn decode_sized(bytes: &[u8], path: &Path) -> Result<(String, &'static str, usize)> {
    decode(bytes, path).map(|(text, enc)| (text, enc, bytes.len()))
}

/// Bytes to text: BOMs first, then strict UTF-8, then a detector for the legacy Chinese encodings.
/// Binary data and empty files are errors, not articles.
pub fn decode(bytes: &[u8], path: &Path) -> Result<(String, &'static str)> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Error::file(
            ErrorCode::TooLarge,
            path,
            "file is too large to be an article",
        ));
    }
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(Error::file(
                ErrorCode::UndecodableText,
                path,
                format!(
                    "starts with a {} byte-order mark but is not valid {}",
                    enc.name(),
                    enc.name()
                ),
            ));
        }
        return check_text(text.into_owned(), enc.name(), path);
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::file(ErrorCode::EmptyFile, path, "file is empty"));
    }
    if looks_binary(bytes) {
        return Err(Error::file(
            ErrorCode::BinaryFile,
            path,
            "file holds binary data, not text",
        ));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return check_text(s.to_string(), "UTF-8", path);
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let enc = det.guess(None, chardetng::Utf8Detection::Allow);
    let (text, _, had_errors) = enc.decode(bytes);
    if had_errors {
        return Err(Error::file(
            ErrorCode::UndecodableText,
            path,
            format!(
                "text is neither UTF-8 nor a Chinese legacy encoding (best guess {} failed)",
                enc.name()
            ),
        ));
    }
    check_text(text.into_owned(), enc.name(), path)
}

fn check_text(text: String, enc: &'static str, path: &Path) -> Result<(String, &'static str)> {
    if text.trim().is_empty() {
        return Err(Error::file(
            ErrorCode::EmptyFile,
            path,
            "file holds no text",
        ));
    }
    let control = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if control * 10 > text.chars().count() {
        return Err(Error::file(
            ErrorCode::BinaryFile,
            path,
            "file holds binary data, not text",
        ));
    }
    Ok((text, enc))
}

/// NUL bytes never occur in text without a UTF-16 BOM (handled before this is called).
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    head.contains(&0)
}
