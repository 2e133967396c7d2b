//! Search over passages of every article, across scripts and spellings.

use crate::error::Result;
use crate::pipeline::Analysis;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct SearchRequest {
    pub query: String,
    pub limit: Option<usize>,
    pub entities: Vec<String>,
    #[ts(type = "string | null")]
    pub from: Option<chrono::NaiveDate>,
    #[ts(type = "string | null")]
    pub to: Option<chrono::NaiveDate>,
    pub articles: Vec<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct Hit {
    pub article: String,
    pub start: usize,
    pub end: usize,
    pub snippet: String,
    /// Display-text offsets of the matched words.
    pub highlights: Vec<[usize; 2]>,
    pub score: f32,
    pub events: Vec<String>,
}

/// Walking-skeleton stand-in: substring search on the folded text.
pub fn search(analysis: &Analysis, req: &SearchRequest) -> Result<Vec<Hit>> {
    let q = crate::text::fold_str(req.query.trim());
    let mut hits = Vec::new();
    if q.is_empty() {
        return Ok(hits);
    }
    let qlen = q.chars().count();
    for a in &analysis.articles {
        for &p in &a.text.paragraphs {
            let folded = a.text.folded_slice(p);
            if let Some(b) = folded.find(&q) {
                let start = p.start + folded[..b].chars().count();
                hits.push(Hit {
                    article: a.raw.id.clone(),
                    start: p.start,
                    end: p.end,
                    snippet: a.text.slice(p).to_string(),
                    highlights: vec![[start, start + qlen]],
                    score: 1.0,
                    events: Vec::new(),
                });
            }
        }
    }
    hits.truncate(req.limit.unwrap_or(50));
    Ok(hits)
}
