//! The text stage: from a decoded file to the texts every later stage reads.
//!
//! For each article it derives the **display text** (the body as the reader shows it: page furniture
//! out, inline pinyin out, the author's characters kept), a **folded text** of exactly the same
//! length in chars (simplified script, standard forms of rare variants, ASCII for full-width forms,
//! lower-case Latin) that all matching runs on, **sentence** and **paragraph** spans, and a map from
//! every display char back to the raw file. Offsets everywhere are char (Unicode scalar) offsets,
//! end exclusive. Nothing above this stage sees raw bytes or raw text.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

mod fold;
mod script;

pub use fold::{fold_char, fold_into, fold_str};
pub use script::{convert_script, detect_script};

/// A half-open range of char offsets `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Which script an article is written in, judged from characters that differ between the two.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub enum Script {
    #[serde(rename = "zh-Hant")]
    Hant,
    #[serde(rename = "zh-Hans")]
    Hans,
    #[serde(rename = "mixed")]
    Mixed,
}

/// Script to read an article in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub enum ScriptChoice {
    #[default]
    Original,
    Hant,
    Hans,
}

/// A stretch of the raw file left out of the display text, and the rule that left it out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Furniture {
    /// Char offsets in [`ArticleText::raw`].
    pub raw: Span,
    pub reason: &'static str,
}

/// Everything later stages know of an article's text.
#[derive(Debug, Clone)]
pub struct ArticleText {
    /// The decoded file, unchanged.
    pub raw: String,
    /// The body as shown to the reader.
    pub display: String,
    /// Same length in chars as `display`; what matching runs on.
    pub folded: String,
    /// `to_raw[i]` is the raw char offset of display char `i`; one extra entry maps the end.
    pub to_raw: Vec<usize>,
    /// Byte offset of each display char, plus the end; lets [`ArticleText::slice`] be O(1).
    pub char_bytes: Vec<usize>,
    /// The title line, if the article has one (also the first paragraph of the display text).
    pub title: Option<Span>,
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Span>,
    pub furniture: Vec<Furniture>,
    pub script: Script,
}

impl ArticleText {
    /// Length of the display text in chars.
    pub fn len(&self) -> usize {
        self.char_bytes.len() - 1
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The display text of a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.display[self.char_bytes[span.start]..self.char_bytes[span.end]]
    }
    /// The folded text of a span; valid because folding keeps char boundaries aligned.
    pub fn folded_slice(&self, span: Span) -> &str {
        let fb = folded_char_bytes(&self.folded, span);
        &self.folded[fb.0..fb.1]
    }
    /// The sentence containing a char offset.
    pub fn sentence_at(&self, offset: usize) -> Option<Span> {
        let i = self.sentences.partition_point(|s| s.end <= offset);
        self.sentences.get(i).copied().filter(|s| s.start <= offset)
    }
    pub fn paragraph_at(&self, offset: usize) -> Option<Span> {
        let i = self.paragraphs.partition_point(|s| s.end <= offset);
        self.paragraphs.get(i).copied().filter(|s| s.start <= offset)
    }
}

fn folded_char_bytes(folded: &str, span: Span) -> (usize, usize) {
    let mut it = folded.char_indices().map(|(b, _)| b).chain(std::iter::once(folded.len()));
    let start = it.nth(span.start).unwrap_or(folded.len());
    let end = if span.end > span.start {
        it.nth(span.end - span.start - 1).unwrap_or(folded.len())
    } else {
        start
    };
    (start, end)
}

/// Byte offsets of every char of `s`, plus `s.len()`.
pub fn char_byte_offsets(s: &str) -> Vec<usize> {
    let mut v: Vec<usize> = s.char_indices().map(|(b, _)| b).collect();
    v.push(s.len());
    v
}

/// Derive the article's texts from its decoded file.
pub fn build(raw: &str, format: crate::corpus::SourceFormat) -> ArticleText {
    let _ = format;
    // Walking-skeleton stand-in: display = raw with line ends normalised; refined by the text stage.
    let mut display = String::with_capacity(raw.len());
    let mut to_raw = Vec::with_capacity(raw.len());
    let mut last = 0;
    for (i, c) in raw.chars().enumerate() {
        last = i + 1;
        if c == '\r' {
            continue;
        }
        display.push(c);
        to_raw.push(i);
    }
    to_raw.push(last);
    let folded = fold_str(&display);
    let script = detect_script(&display);
    let char_bytes = char_byte_offsets(&display);
    let mut paragraphs = Vec::new();
    let mut start = 0;
    for (i, c) in display.chars().enumerate() {
        if c == '\n' {
            if i > start {
                paragraphs.push(Span::new(start, i));
            }
            start = i + 1;
        }
    }
    let n = char_bytes.len() - 1;
    if n > start {
        paragraphs.push(Span::new(start, n));
    }
    let sentences = paragraphs.clone();
    ArticleText {
        raw: raw.to_string(),
        display,
        folded,
        to_raw,
        char_bytes,
        title: paragraphs.first().copied(),
        paragraphs,
        sentences,
        furniture: Vec::new(),
        script,
    }
}

