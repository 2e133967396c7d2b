//! Exports of a filtered timeline to the formats other tools open. Every format renders from the
//! same [`TimelineView`], so the filter a user set is the filter every file has; files are written
//! atomically so that a failed export never leaves half a file.

use crate::error::{Error, ErrorCode, Result};
use crate::timeline::TimelineView;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::Path;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub enum Format {
    Json,
    Csv,
    Md,
    Ics,
    Timelinejs,
    TimelinejsCsv,
}

impl Format {
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
        other => Err(Error::new(ErrorCode::BadFormat, format!("export format {other:?} is not available yet"))),
    }
}

/// Write `bytes` to `path` through a temporary file in the same folder and a rename, so readers
/// see the old file or the whole new one, never a part.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(Error::new(ErrorCode::Io, format!("cannot write {}: folder {} does not exist", path.display(), dir.display())));
    }
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .map_err(|e| Error::new(ErrorCode::Io, format!("cannot write in {}: {e}", dir.display())))?;
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| Error::new(ErrorCode::Io, format!("cannot write {}: {e}", path.display())))?;
    tmp.persist(path)
        .map_err(|e| Error::new(ErrorCode::Io, format!("cannot write {}: {}", path.display(), e.error)))?;
    Ok(())
}
