//! Storyline's core: from a folder of Chinese-language news articles to a dated, cited timeline.
//!
//! Data flows one way, each stage a module with typed input and output (see `ARCHITECTURE.md`):
//! [`corpus`] reads files into decoded text, [`text`] derives the display and folded texts with their
//! offset maps and sentences, [`time`] and [`entities`] find dates and names, [`events`] turns
//! sentences into events and merges them across sources, [`timeline`] holds the result and filters it,
//! and [`search`] and [`export`] serve it. [`api`] is the one surface the CLI, the HTTP server and the
//! desktop shell call; nothing in this crate knows about Tauri.

pub mod api;
pub mod corpus;
pub mod edits;
pub mod entities;
pub mod error;
pub mod eval;
pub mod events;
pub mod export;
pub mod memory;
pub mod outlets;
pub mod parallel;
pub mod pipeline;
pub mod progress;
pub mod search;
pub mod story;
pub mod text;
pub mod time;
pub mod timeline;

pub use api::Library;
pub use error::{Error, ErrorCode};

/// A hash of this build's sources and assets: answers kept on disk (the search index, the desktop's
/// first answers) are only trusted when they were made by the same build.
pub const BUILD_ID: &str = env!("STORYLINE_BUILD_ID");
