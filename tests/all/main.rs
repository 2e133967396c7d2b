//! Every integration test of the core, in one binary: each file is a module, so tantivy, jieba and
//! OpenCC are linked once, not once per file. Run one file's tests with
//! `cargo test --test all MODULE::` (for example `cargo test --test all story_edits::`), or
//! `make test-rust ARGS='--test all story_edits::'`.

mod common;
mod search_common;
mod support;

mod corpus_decoding;
mod entities_discovery;
mod entities_gazetteer;
mod entities_real_corpus;
mod entities_robustness;
mod entities_user_gazetteer;
mod events_english;
mod events_invariance;
mod events_real_corpus;
mod events_written;
mod export_csv;
mod export_filters;
mod export_ics;
mod export_md;
mod export_output_errors;
mod export_timelinejs;
mod search_aliases;
mod search_bad_input;
mod search_filters;
mod search_index_lifecycle;
mod search_real_corpus;
mod story_edits;
mod text_body_extraction;
mod text_folding;
mod text_properties;
mod text_sentences;
mod text_written_articles;
mod time_english;
mod time_expressions;
mod time_future_clauses;
mod time_labels;
mod time_not_dates;
mod time_properties;
mod time_publication;
mod time_script_invariance;
mod time_year_shift;
