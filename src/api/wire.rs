//! Every type that crosses to the UI, named in one place.
//!
//! The adapters hand these to the UI as JSON, and the UI reads them through the TypeScript
//! declarations `cargo test` writes from this list into `ui/src/bindings/` (with the `bindings`
//! feature, on by default). A type is declared once, in Rust, where the stage that makes it lives;
//! listing it here is what makes it part of the contract.

pub use super::{ArticleView, CancelAnswer, EditsView, ExportFile, Passage, Request};
pub use crate::corpus::LoadIssue;
pub use crate::edits::{Anchor, Change, Edit, EditState, Target};
pub use crate::entities::EntityKind;
pub use crate::error::{Error, ErrorCode};
pub use crate::events::{Conflict, ConflictValue, Disputed, Edited, EventKind, Status};
pub use crate::export::Format;
pub use crate::progress::{ProgressView, Stage};
pub use crate::search::{Hit, SearchRequest};
pub use crate::story::{AddReport, NewArticle, UploadedFile};
pub use crate::text::{Script, ScriptChoice, Span};
pub use crate::time::{Precision, Published};
pub use crate::timeline::{
    ArticleInfo, EntityInfo, EventDate, EventInfo, Filter, MentionRef, SourceRef, TimelineView,
    Title,
};

#[cfg(all(test, feature = "bindings"))]
mod tests {
    use super::*;
    use ts_rs::TS;

    /// Writes each type and what it refers to; `make test-rust` then fails if the files differ from
    /// the ones committed.
    #[test]
    fn the_ui_bindings_are_written_from_the_rust_types() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/bindings");
        let cfg = ts_rs::Config::new().with_out_dir(dir);
        EditsView::export_all(&cfg).unwrap();
        Passage::export_all(&cfg).unwrap();
        ArticleView::export_all(&cfg).unwrap();
        Request::export_all(&cfg).unwrap();
        CancelAnswer::export_all(&cfg).unwrap();
        ExportFile::export_all(&cfg).unwrap();
        LoadIssue::export_all(&cfg).unwrap();
        Anchor::export_all(&cfg).unwrap();
        Change::export_all(&cfg).unwrap();
        Target::export_all(&cfg).unwrap();
        Edit::export_all(&cfg).unwrap();
        EditState::export_all(&cfg).unwrap();
        EntityKind::export_all(&cfg).unwrap();
        ErrorCode::export_all(&cfg).unwrap();
        Error::export_all(&cfg).unwrap();
        EventKind::export_all(&cfg).unwrap();
        Edited::export_all(&cfg).unwrap();
        Disputed::export_all(&cfg).unwrap();
        Status::export_all(&cfg).unwrap();
        Conflict::export_all(&cfg).unwrap();
        ConflictValue::export_all(&cfg).unwrap();
        Format::export_all(&cfg).unwrap();
        Stage::export_all(&cfg).unwrap();
        ProgressView::export_all(&cfg).unwrap();
        SearchRequest::export_all(&cfg).unwrap();
        Hit::export_all(&cfg).unwrap();
        NewArticle::export_all(&cfg).unwrap();
        UploadedFile::export_all(&cfg).unwrap();
        AddReport::export_all(&cfg).unwrap();
        Span::export_all(&cfg).unwrap();
        Script::export_all(&cfg).unwrap();
        ScriptChoice::export_all(&cfg).unwrap();
        Precision::export_all(&cfg).unwrap();
        Published::export_all(&cfg).unwrap();
        ArticleInfo::export_all(&cfg).unwrap();
        MentionRef::export_all(&cfg).unwrap();
        EntityInfo::export_all(&cfg).unwrap();
        EventDate::export_all(&cfg).unwrap();
        Title::export_all(&cfg).unwrap();
        SourceRef::export_all(&cfg).unwrap();
        EventInfo::export_all(&cfg).unwrap();
        Filter::export_all(&cfg).unwrap();
        TimelineView::export_all(&cfg).unwrap();
    }
}
