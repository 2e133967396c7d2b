//! Exports of a filtered timeline to the formats other tools open. Every format renders from the
//! same [`TimelineView`] — the one [`crate::timeline::Analysis::timeline`] built under the user's
//! filter — so the filter a user set is the filter every file has, and no renderer ever looks at the
//! pipeline behind it. Renderers are pure functions of the view (the view's `generated` stamp is the
//! only clock they read), so the same view always gives the same bytes. Files are written atomically
//! so that a failed export never leaves half a file, and never damages the file it would replace.
//!
//! Formats: `json` (the `storyline.timeline/1` contract), [`csv`] (one row per event, UTF-8 with a
//! BOM), [`md`] (a chronological Markdown document), [`ics`] (RFC 5545 all-day events), and
//! [`timelinejs`] (Knight Lab TimelineJS3 JSON and its 18-column spreadsheet template).

pub mod csv;
pub mod ics;
pub mod md;
pub mod timelinejs;

use crate::error::{Error, ErrorCode, Result};
use crate::timeline::{ArticleInfo, EntityInfo, EventInfo, Filter, TimelineView};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
#[cfg(feature = "bindings")]
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    Json,
    Csv,
    Md,
    Ics,
    Timelinejs,
    TimelinejsCsv,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Json,
        Format::Csv,
        Format::Md,
        Format::Ics,
        Format::Timelinejs,
        Format::TimelinejsCsv,
    ];
    /// The name the API and the command line use (its serde name).
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Md => "md",
            Format::Ics => "ics",
            Format::Timelinejs => "timelinejs",
            Format::TimelinejsCsv => "timelinejs-csv",
        }
    }
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Md => "md",
            Format::Ics => "ics",
            Format::Timelinejs => "timelinejs.json",
            Format::TimelinejsCsv => "timelinejs.csv",
        }
    }
    /// What a save dialog's file-type filter calls it.
    pub fn label(self) -> &'static str {
        match self {
            Format::Json => "Storyline JSON",
            Format::Csv => "CSV",
            Format::Md => "Markdown",
            Format::Ics => "iCalendar",
            Format::Timelinejs => "TimelineJS JSON",
            Format::TimelinejsCsv => "TimelineJS CSV",
        }
    }
    pub fn mime(self) -> &'static str {
        match self {
            Format::Json | Format::Timelinejs => "application/json",
            Format::Csv | Format::TimelinejsCsv => "text/csv",
            Format::Md => "text/markdown",
            Format::Ics => "text/calendar",
        }
    }
}

pub fn render(format: Format, view: &TimelineView) -> Result<String> {
    match format {
        Format::Json => serde_json::to_string_pretty(view)
            .map_err(|e| Error::new(ErrorCode::Internal, format!("cannot encode JSON: {e}"))),
        Format::Csv => csv::render(view),
        Format::Md => Ok(md::render(view)),
        Format::Ics => ics::render(view),
        Format::Timelinejs => timelinejs::render_json(view),
        Format::TimelinejsCsv => timelinejs::render_csv(view),
    }
}

/// Write `bytes` to `path` through a temporary file in the same folder and a rename, so readers
/// see the old file or the whole new one, never a part; the file and then its folder are synced,
/// so a crash after the call returns keeps the new one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(Error::new(
            ErrorCode::Io,
            format!(
                "cannot write {}: folder {} does not exist",
                path.display(),
                dir.display()
            ),
        ));
    }
    if path.is_dir() {
        return Err(Error::new(
            ErrorCode::Io,
            format!("cannot write {}: it is a folder", path.display()),
        ));
    }
    // The io::Error of a temporary file names the temporary's random path; a reader needs the
    // target and the reason only.
    let fail = |e: std::io::Error| {
        Error::new(
            ErrorCode::Io,
            format!("cannot write {}: {}", path.display(), e.kind()),
        )
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| {
        Error::new(
            ErrorCode::Io,
            format!(
                "cannot write {}: cannot create a file in {}: {}",
                path.display(),
                dir.display(),
                e.kind()
            ),
        )
    })?;
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(fail)?;
    // The temporary file is private (0600); an export is an ordinary document: it keeps the mode of
    // the file it replaces, or is readable like any other new file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)
            .map(|m| m.permissions())
            .unwrap_or_else(|_| std::fs::Permissions::from_mode(0o644));
        let _ = tmp.as_file().set_permissions(mode);
    }
    tmp.persist(path).map_err(|e| fail(e.error))?;
    // The rename is durable only once the folder's entry is on disk: without this a crash right
    // after a save could bring back the old file.
    #[cfg(unix)]
    if let Ok(folder) = std::fs::File::open(dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}

/// Id → record lookups over a view, so renderers can name entities and articles.
pub(crate) struct Catalog<'a> {
    entities: HashMap<&'a str, &'a EntityInfo>,
    articles: HashMap<&'a str, &'a ArticleInfo>,
}

impl<'a> Catalog<'a> {
    pub(crate) fn new(view: &'a TimelineView) -> Catalog<'a> {
        Catalog {
            entities: view.entities.iter().map(|e| (e.id.as_str(), e)).collect(),
            articles: view.articles.iter().map(|a| (a.id.as_str(), a)).collect(),
        }
    }

    /// The display name of an entity id; an id the view does not list is shown as itself rather
    /// than dropped, so a reader still sees that something was linked.
    pub(crate) fn entity_name(&self, id: &'a str) -> &'a str {
        self.entities.get(id).map(|e| e.name.as_str()).unwrap_or(id)
    }

    pub(crate) fn entity_names(&self, event: &'a EventInfo) -> Vec<&'a str> {
        event
            .entities
            .iter()
            .map(|id| self.entity_name(id))
            .collect()
    }

    pub(crate) fn article(&self, id: &str) -> Option<&'a ArticleInfo> {
        self.articles.get(id).copied()
    }

    /// The article's file name (what a reader finds on disk), else its id.
    pub(crate) fn article_file(&self, id: &'a str) -> &'a str {
        self.article(id).map(|a| a.file.as_str()).unwrap_or(id)
    }

    /// "title (outlet; file)" — how an export names the article a passage comes from.
    pub(crate) fn citation(&self, id: &str) -> String {
        match self.article(id) {
            Some(a) => match &a.outlet {
                Some(o) if !o.trim().is_empty() => {
                    format!("{} ({}; {})", a.title.trim(), o.trim(), a.file)
                }
                _ => format!("{} ({})", a.title.trim(), a.file),
            },
            None => id.to_string(),
        }
    }

    /// Conflicts in one line each: "date: 2025-06-30 (a.txt); 2025-07-01 (b.txt)".
    pub(crate) fn conflict_lines(&self, event: &'a EventInfo) -> Vec<String> {
        event
            .conflicts
            .iter()
            .map(|c| {
                let values: Vec<String> = c
                    .values
                    .iter()
                    .map(|v| {
                        let files: Vec<&str> =
                            v.articles.iter().map(|a| self.article_file(a)).collect();
                        format!("{} ({})", v.value, files.join(", "))
                    })
                    .collect();
                format!("{}: {}", c.field, values.join("; "))
            })
            .collect()
    }
}

/// The serde tag of a unit enum value (`hire`, `reported`, `day` …): exports use the same words as
/// the JSON contract.
pub(crate) fn tag<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// Events in chronological order: by start, then end, then the view's own order; undated last.
pub(crate) fn chronological(view: &TimelineView) -> Vec<&EventInfo> {
    let mut events: Vec<(usize, &EventInfo)> = view.events.iter().enumerate().collect();
    events.sort_by_key(|(i, e)| {
        (
            e.date.is_none(),
            e.date.as_ref().map(|d| (d.start, d.end)),
            *i,
        )
    });
    events.into_iter().map(|(_, e)| e).collect()
}

/// Why an export that can hold only dated events has nothing to hold (TimelineJS rejects an empty
/// timeline; RFC 5545 requires a calendar to have at least one component).
pub(crate) fn no_dated_events(view: &TimelineView, target: &str) -> Error {
    let mut why = format!("nothing to put {target}: ");
    why.push_str(&match describe_filter(&view.filter) {
        Some(f) => format!("no dated event matches this filter ({f})"),
        None => "the timeline has no dated events".to_string(),
    });
    let undated = view.events.len();
    if undated > 0 {
        why.push_str(&format!(
            "; {undated} undated event{} cannot be placed",
            if undated == 1 { "" } else { "s" }
        ));
    }
    Error::new(ErrorCode::BadQuery, why)
}

/// The filter in words, or `None` when it keeps everything.
pub(crate) fn describe_filter(filter: &Filter) -> Option<String> {
    let mut parts = Vec::new();
    if !filter.entities.is_empty() {
        parts.push(format!("involving {}", filter.entities.join(" and ")));
    }
    match (filter.from, filter.to) {
        (Some(f), Some(t)) => parts.push(format!("from {f} to {t}")),
        (Some(f), None) => parts.push(format!("from {f}")),
        (None, Some(t)) => parts.push(format!("up to {t}")),
        (None, None) => {}
    }
    if !filter.kinds.is_empty() {
        parts.push(format!(
            "of kind {}",
            filter
                .kinds
                .iter()
                .map(tag)
                .collect::<Vec<_>>()
                .join(" or ")
        ));
    }
    if !filter.statuses.is_empty() {
        parts.push(format!(
            "with status {}",
            filter
                .statuses
                .iter()
                .map(tag)
                .collect::<Vec<_>>()
                .join(" or ")
        ));
    }
    if !filter.articles.is_empty() {
        parts.push(format!("told by {}", filter.articles.join(" or ")));
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// A CSV sheet: the `csv` crate writes RFC 4180 (fields quoted when they hold a comma, quote, CR
/// or LF, quotes doubled), with CRLF record ends after a UTF-8 byte-order mark, so Excel and
/// LibreOffice read Chinese without an import dialog. What is ours is the formula guard.
///
/// Article text is untrusted (content farms repost anything), and spreadsheet programs run a cell
/// that starts with `=`, `+`, `-` or `@` as a formula, and some read the full-width forms
/// `＝＋－＠` (common in Chinese text) the same way; such a cell gets a leading `'`, the usual
/// defence, which spreadsheets show as text.
pub(crate) struct Sheet {
    writer: ::csv::Writer<Vec<u8>>,
}

impl Sheet {
    pub(crate) fn new() -> Sheet {
        let writer = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::CRLF)
            .quote_style(::csv::QuoteStyle::Necessary)
            .from_writer(BOM.as_bytes().to_vec());
        Sheet { writer }
    }

    pub(crate) fn row<S: AsRef<str>>(&mut self, fields: &[S]) -> Result<()> {
        for field in fields {
            let f = field.as_ref();
            if f.starts_with(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']) {
                self.writer.write_field(format!("'{f}"))
            } else {
                self.writer.write_field(f)
            }
            .map_err(csv_error)?;
        }
        self.writer
            .write_record(std::iter::empty::<&[u8]>())
            .map_err(csv_error)
    }

    pub(crate) fn finish(self) -> Result<String> {
        let bytes = self
            .writer
            .into_inner()
            .map_err(|e| csv_error(e.into_error()))?;
        String::from_utf8(bytes).map_err(csv_error)
    }
}

fn csv_error(e: impl std::fmt::Display) -> Error {
    Error::new(ErrorCode::Internal, format!("cannot write CSV: {e}"))
}

/// The byte-order mark that makes spreadsheet programs read a CSV as UTF-8.
const BOM: &str = "\u{FEFF}";
