//! The one error type of the core. Every failure that reaches a user carries a stable machine code
//! (so the UI and scripts branch on the code, never on the wording) and a message that names what
//! went wrong and, where there is one, the file.

use serde::Serialize;
use std::path::Path;
#[cfg(feature = "bindings")]
use ts_rs::TS;

/// Stable codes; they cross to the UI as strings in `{code, message}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    CorpusMissing,
    Unreadable,
    EmptyFile,
    BinaryFile,
    TooLarge,
    UndecodableText,
    BadManifest,
    BadGazetteer,
    BadGold,
    BadEdits,
    /// The built-in articles are never written to.
    ReadOnlyStory,
    UnknownEvent,
    Duplicate,
    /// Long work was cancelled by the person who started it; nothing changed.
    Cancelled,
    /// A request the server refuses to answer (another host, another page, no token).
    Forbidden,
    UnknownArticle,
    UnknownEntity,
    BadDate,
    BadQuery,
    BadFormat,
    Index,
    Io,
    Internal,
}

#[derive(Debug, Clone, thiserror::Error, Serialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
#[error("{message}")]
#[cfg_attr(feature = "bindings", ts(rename = "ApiError"))]
pub struct Error {
    pub code: ErrorCode,
    pub message: String,
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Error {
            code,
            message: message.into(),
        }
    }

    /// An I/O failure about a particular file, worded for a reader rather than a programmer.
    pub fn io(path: &Path, err: &std::io::Error) -> Self {
        let code = match err.kind() {
            std::io::ErrorKind::NotFound => ErrorCode::CorpusMissing,
            std::io::ErrorKind::PermissionDenied => ErrorCode::Unreadable,
            _ => ErrorCode::Io,
        };
        Error::new(code, format!("{}: {}", path.display(), err))
    }

    pub fn file(code: ErrorCode, path: &Path, what: impl std::fmt::Display) -> Self {
        Error::new(code, format!("{}: {}", path.display(), what))
    }
}
