//! The text stage: from a decoded file to the texts every later stage reads.
//!
//! For each article it derives the **display text** (the body as the reader shows it: page furniture
//! out, inline pinyin out, the author's characters kept), a **folded text** of exactly the same
//! length in chars (simplified script, standard forms of rare variants, ASCII for full-width forms,
//! lower-case letters) that all matching runs on, made from the display text char by char when a
//! stage asks for it and never kept with the article (a stage that reads it span by span holds
//! it while it reads, as a [`Folded`]), **sentence** and **paragraph** spans, and a map from
//! every display char back to the raw file. Offsets everywhere are char (Unicode scalar) offsets,
//! end exclusive. Nothing above this stage sees raw bytes or raw text.
//!
//! The display text is the article's kept lines, trimmed, joined by single `\n` (blank lines go);
//! a paragraph is one line. Control and zero-width chars are left out. What goes is recorded in
//! [`ArticleText::furniture`] with the rule's reason (`breadcrumb`, `widget`, `dateline`, `related`,
//! `sidebar`, `promo`, `teaser`, `repeated-title`, `pinyin`). **Datelines** (a line that is only a
//! date/time, `18/07/2025`, `2025-07-17 07:13:09`, outside a list of other articles) are furniture
//! too, so they never become a sentence; [`ArticleText::dateline`] points at the first one in the raw text,
//! [`ArticleText::dateline_text`] returns it, and [`ArticleText::head_lines`] gives the raw top
//! lines whatever became of them, for the dates stage.
//!
//! Submodules: [`fold`] (the fold table), [`script`] (script detection and display conversion),
//! `boilerplate` (furniture rules), `pinyin`, `sentences`, `html` (readability for `.html`).

use serde::{Deserialize, Serialize};
#[cfg(feature = "bindings")]
use ts_rs::TS;

mod boilerplate;
mod display;
pub mod fold;
mod html;
pub mod marks;
pub mod offsets;
mod pinyin;
pub mod script;
mod sentences;
pub mod words;

pub use boilerplate::headline_shape;
pub use fold::{fold_char, fold_into, fold_str};

/// `s` without its inline pinyin annotations (`補(bǔ)充` is `補充`), as the display text has it.
pub fn without_pinyin(s: &str) -> String {
    if !pinyin::may_have(s) {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let cuts = pinyin::annotations(&chars);
    chars
        .iter()
        .enumerate()
        .filter(|(k, _)| !cuts.iter().any(|&(a, b)| a <= *k && *k < b))
        .map(|(_, c)| *c)
        .collect()
}

/// Whether `c` is a Han ideograph (unified, extensions A–H, compatibility): the one answer every
/// stage uses.
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x323AF)
}
pub use offsets::{CharIndex, RawMap, Spans};
pub use script::{convert_script, detect_script, english_paragraphs};

/// A half-open range of char offsets `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
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

/// Which script an article is written in: English when its letters are Latin with next to no Han,
/// else judged from the Han characters that differ between the two scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
pub enum Script {
    #[serde(rename = "zh-Hant")]
    Hant,
    #[serde(rename = "zh-Hans")]
    Hans,
    #[serde(rename = "mixed")]
    Mixed,
    /// English (Latin letters, next to no Han).
    #[serde(rename = "en")]
    En,
}

/// Script to read an article in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(TS))]
#[serde(rename_all = "lowercase")]
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
    pub reason: CutReason,
}

/// Why a stretch of the raw file is not in the display text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CutReason {
    /// A path of section links (首页 > 科技 > …).
    Breadcrumb,
    /// A label of the page's machinery: share buttons, font size, reading counts.
    Widget,
    /// A line that is only a date and time: read by the dates stage, never a sentence.
    Dateline,
    /// The article's title again, as the page repeats it.
    RepeatedTitle,
    /// A list of other articles under a "related" header.
    Related,
    /// A list of other articles that runs to the end of the page.
    Sidebar,
    /// An advertisement or an invitation to follow or download.
    Promo,
    /// A headline and summary of another article.
    Teaser,
    /// Inline pinyin after the characters it spells.
    Pinyin,
}

impl CutReason {
    /// Its name in the JSON and in reports.
    pub fn name(self) -> &'static str {
        match self {
            CutReason::Breadcrumb => "breadcrumb",
            CutReason::Widget => "widget",
            CutReason::Dateline => "dateline",
            CutReason::RepeatedTitle => "repeated-title",
            CutReason::Related => "related",
            CutReason::Sidebar => "sidebar",
            CutReason::Promo => "promo",
            CutReason::Teaser => "teaser",
            CutReason::Pinyin => "pinyin",
        }
    }
}

impl std::fmt::Display for CutReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Everything later stages know of an article's text.
#[derive(Debug, Clone)]
pub struct ArticleText {
    /// The decoded file, unchanged (shared with the corpus' copy). Once the text stage is done,
    /// the analysis keeps only the head of an article whose date is still open, where datelines
    /// are read again, and nothing of the others ([`ArticleText::keep_raw_head`]): a large archive
    /// is not held twice. [`ArticleText::raw_hash`] still tells whether the file changed.
    pub raw: std::sync::Arc<str>,
    /// A hash of the decoded file.
    pub raw_hash: u64,
    /// The body as shown to the reader. Its folded form ([`ArticleText::folded`]), what matching
    /// runs on, is made when asked for, never held: folding is a per-char table lookup (some
    /// 600 MB/s), and held it would double what a story of 100,000 articles keeps.
    pub display: String,
    /// `to_raw.get(i)` is the raw char offset of display char `i`; one extra entry maps the end.
    pub to_raw: RawMap,
    /// Byte offsets of the display text's chars; lets [`ArticleText::slice`] take a char span.
    pub display_index: CharIndex,
    /// The title line, if the article has one (also the first paragraph of the display text).
    pub title: Option<Span>,
    pub paragraphs: Spans,
    pub sentences: Spans,
    pub furniture: Vec<Furniture>,
    pub script: Script,
    /// The first dateline (a date/time-only line above the article) as a raw span, if any.
    pub dateline: Option<Span>,
}

/// The hash [`ArticleText::raw_hash`] keeps of a decoded file.
pub fn raw_hash(raw: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    raw.hash(&mut h);
    h.finish()
}

impl ArticleText {
    /// Keep only the first `bytes` of the decoded file: what is shown, matched and indexed is the
    /// display and folded text, and only the head is read again (for datelines).
    pub fn keep_raw_head(&mut self, bytes: usize) {
        if bytes < self.raw.len() && self.raw.is_char_boundary(bytes) {
            self.raw = std::sync::Arc::from(&self.raw[..bytes]);
        }
    }
    /// Length of the display text in chars.
    pub fn len(&self) -> usize {
        self.display_index.chars()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The display text of a span.
    pub fn slice(&self, span: Span) -> &str {
        let index = &self.display_index;
        &self.display[index.byte(&self.display, span.start)
            ..index.byte(&self.display, span.end.max(span.start))]
    }
    /// The folded text: the same number of chars as the display text, char for char.
    pub fn folded(&self) -> String {
        fold_str(&self.display)
    }
    /// The folded text of a span: folding goes char by char, so it is the span of
    /// [`ArticleText::folded`].
    pub fn folded_slice(&self, span: Span) -> String {
        fold_str(self.slice(span))
    }
    /// The folded text held for a stage that reads many spans of it ([`Folded`]).
    pub fn folded_view(&self) -> Folded {
        let text = self.folded();
        let mut starts: Vec<u32> = Vec::with_capacity(text.len() + 1);
        starts.extend(text.char_indices().map(|(b, _)| b as u32));
        starts.push(text.len() as u32);
        Folded { text, starts }
    }
    /// The sentence containing a char offset.
    pub fn sentence_at(&self, offset: usize) -> Option<Span> {
        let i = self.sentences.partition_point(|s| s.end <= offset);
        self.sentences.get(i).filter(|s| s.start <= offset)
    }
    /// The raw span a display span came from (it includes anything left out inside it).
    pub fn raw_span(&self, span: Span) -> Span {
        let n = self.to_raw.len() - 1;
        let (a, b) = (span.start.min(n), span.end.min(n));
        let start = self.to_raw.get(a);
        // The end is just past the last display char of the span, not where the next one starts.
        let end = if b > a {
            self.to_raw.get(b - 1) + 1
        } else {
            start
        };
        Span::new(start, end.max(start))
    }
    /// The raw text of a raw char span.
    pub fn raw_slice(&self, span: Span) -> &str {
        let mut it = self
            .raw
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(self.raw.len()));
        let start = it.nth(span.start).unwrap_or(self.raw.len());
        let end = if span.end > span.start {
            it.nth(span.end - span.start - 1).unwrap_or(self.raw.len())
        } else {
            start
        };
        &self.raw[start..end]
    }
    /// The first `n` non-blank lines of the raw file, trimmed, with their raw spans: where
    /// bylines and datelines sit, whether or not they made it into the display text.
    pub fn head_lines(&self, n: usize) -> Vec<(Span, &str)> {
        let mut out = Vec::new();
        let mut chars = 0;
        for line in self.raw.split('\n') {
            let len = line.chars().count();
            let trimmed = line.trim();
            if !trimmed.is_empty() {
                if out.len() == n {
                    break;
                }
                let lead = line[..line.len() - line.trim_start().len()].chars().count();
                out.push((
                    Span::new(chars + lead, chars + lead + trimmed.chars().count()),
                    trimmed,
                ));
            }
            chars += len + 1;
        }
        out
    }
    /// The raw text of the dateline, e.g. `18/07/2025`.
    pub fn dateline_text(&self) -> Option<&str> {
        self.dateline.map(|s| self.raw_slice(s).trim())
    }
    pub fn paragraph_at(&self, offset: usize) -> Option<Span> {
        let i = self.paragraphs.partition_point(|s| s.end <= offset);
        self.paragraphs.get(i).filter(|s| s.start <= offset)
    }
}

/// Byte offsets of every char of `s`, plus `s.len()`.
pub fn char_byte_offsets(s: &str) -> Vec<usize> {
    let mut v: Vec<usize> = s.char_indices().map(|(b, _)| b).collect();
    v.push(s.len());
    v
}

/// Derive the article's texts from its decoded file.
pub fn build(raw: &str, format: crate::corpus::SourceFormat) -> ArticleText {
    build_shared(&std::sync::Arc::from(raw), format)
}

/// [`build`], keeping `raw` itself (not a copy) as the article's raw text.
pub fn build_shared(raw: &std::sync::Arc<str>, format: crate::corpus::SourceFormat) -> ArticleText {
    match format {
        crate::corpus::SourceFormat::Html => {
            let (text, map) = html::extract(raw);
            display::assemble(raw, &text, Some(&map))
        }
        crate::corpus::SourceFormat::Text => display::assemble(raw, raw, None),
    }
}

/// An article's folded text, folded once and held while one stage reads it span by span
/// (extraction reads each sentence's and clause's many times); the article itself keeps only its
/// display text. Held for one article at a time, it keeps every char's byte offset, so a span is
/// sliced without walking the chars before it.
pub struct Folded {
    text: String,
    /// The byte offset of every char, and the text's length after the last.
    starts: Vec<u32>,
}

impl Folded {
    /// The folded text of a span, as [`ArticleText::folded_slice`] gives it, without folding again.
    pub fn slice(&self, span: Span) -> &str {
        let last = self.starts.len() - 1;
        let byte = |i: usize| self.starts[i.min(last)] as usize;
        &self.text[byte(span.start)..byte(span.end.max(span.start))]
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_held_folded_text_gives_every_span_as_folding_it_would() {
        let text = super::build(
            "臺積電ＣＥＯ魏哲家說,Meta's 𠀀 lab 於2025年成立。\n第二段:AI 與 晶片",
            crate::corpus::SourceFormat::Text,
        );
        let view = text.folded_view();
        let n = text.display.chars().count();
        for start in 0..=n {
            for end in start..=n + 2 {
                let span = super::Span::new(start, end);
                assert_eq!(view.slice(span), text.folded_slice(span), "{start}..{end}");
            }
        }
    }
}
