//! Compact offset maps: from char offsets to byte offsets, and from display chars to raw chars.
//!
//! Every offset the app exchanges is a char offset, but Rust slices strings by bytes, and the
//! reader's passages point back into the raw file. Tables with an entry per char (eight bytes a
//! char, two or three tables an article) weighed more than the texts themselves on a large corpus,
//! so both maps are sparse: [`CharIndex`] keeps the byte offset of every [`STEP`]th char and walks
//! the few chars after it, and [`RawMap`] keeps one entry per run of display chars that are
//! consecutive in the raw text (about one a paragraph). [`Spans`] holds an article's sentence and
//! paragraph spans. Offsets are stored as `u32`: an article is refused long before it reaches
//! 4 GB.

/// Chars between two byte marks of a [`CharIndex`].
pub const STEP: usize = 32;

/// Byte offsets of a string's chars, sampled every [`STEP`] chars.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CharIndex {
    /// Byte offset of char `k * STEP`.
    marks: Vec<u32>,
    chars: usize,
    bytes: usize,
}

impl CharIndex {
    pub fn new(s: &str) -> CharIndex {
        let mut marks = Vec::with_capacity(s.len() / STEP + 1);
        let mut chars = 0;
        for (b, _) in s.char_indices() {
            if chars % STEP == 0 {
                marks.push(b as u32);
            }
            chars += 1;
        }
        CharIndex {
            marks,
            chars,
            bytes: s.len(),
        }
    }

    /// Length of the string in chars.
    pub fn chars(&self) -> usize {
        self.chars
    }

    /// The byte offset of char `i` of `s`, the string this index was made from; `i` at or past the
    /// end gives `s.len()`.
    pub fn byte(&self, s: &str, i: usize) -> usize {
        if i >= self.chars {
            return self.bytes;
        }
        if self.chars == self.bytes {
            return i; // ASCII: chars are bytes
        }
        let bytes = s.as_bytes();
        let mut b = self.marks[i / STEP] as usize;
        for _ in 0..i % STEP {
            b += utf8_width(bytes[b]);
        }
        b
    }

    /// Whether two strings have their char boundaries at the same bytes (so one index serves both).
    pub fn same_boundaries(a: &str, b: &str) -> bool {
        a.len() == b.len()
            && a.chars()
                .zip(b.chars())
                .all(|(x, y)| x.len_utf8() == y.len_utf8())
    }
}

fn utf8_width(lead: u8) -> usize {
    match lead {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

/// A monotone map from display char offsets to raw char offsets, stored as runs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawMap {
    /// `(display offset, raw offset)` where a run of consecutive raw offsets starts.
    runs: Vec<(u32, u32)>,
    len: usize,
}

impl RawMap {
    /// Append the raw offset of the next display offset.
    pub fn push(&mut self, raw: usize) {
        let i = self.len;
        self.len += 1;
        if let Some(&(d, r)) = self.runs.last() {
            if r as usize + (i - d as usize) == raw {
                return;
            }
        }
        self.runs.push((i as u32, raw as u32));
    }

    /// Number of display offsets mapped (the display length plus one, for the end).
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The raw offset of display offset `i` (clamped to the last one mapped).
    pub fn get(&self, i: usize) -> usize {
        let i = i.min(self.len.saturating_sub(1));
        let k = self.runs.partition_point(|&(d, _)| d as usize <= i);
        match k.checked_sub(1).map(|k| self.runs[k]) {
            Some((d, r)) => r as usize + (i - d as usize),
            None => 0,
        }
    }

    /// Every mapped raw offset in display order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).map(|i| self.get(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_agrees_with_char_indices_at_every_offset() {
        for s in ["", "abc", "中文ab字", &"混合text，全形ＡＢＣ😀".repeat(9)] {
            let index = CharIndex::new(s);
            let expected: Vec<usize> = s.char_indices().map(|(b, _)| b).chain([s.len()]).collect();
            assert_eq!(index.chars(), expected.len() - 1);
            for (i, &b) in expected.iter().enumerate() {
                assert_eq!(index.byte(s, i), b, "char {i} of {s:?}");
            }
            assert_eq!(index.byte(s, expected.len() + 5), s.len());
        }
    }

    #[test]
    fn raw_map_keeps_runs_and_answers_each_offset() {
        let offsets = [3, 4, 5, 9, 10, 10, 11, 40];
        let mut map = RawMap::default();
        for &o in &offsets {
            map.push(o);
        }
        assert_eq!(map.len(), offsets.len());
        assert_eq!(map.iter().collect::<Vec<_>>(), offsets);
        assert_eq!(map.runs.len(), 4, "{:?}", map.runs);
        assert_eq!(map.get(100), 40, "past the end clamps to the end");
    }

    #[test]
    fn same_boundaries_looks_at_each_char_not_only_the_length() {
        assert!(CharIndex::same_boundaries("體育", "体育"));
        assert!(!CharIndex::same_boundaries("ＡＢ", "ab"));
        // Same total length, boundaries elsewhere.
        assert!(!CharIndex::same_boundaries("a中", "中a"));
    }
}

/// A list of char spans in text order, stored as `u32` pairs: an article's sentences and
/// paragraphs, a few hundred spans each, held for every article of a story.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spans(Vec<(u32, u32)>);

impl Spans {
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn get(&self, i: usize) -> Option<super::Span> {
        self.0.get(i).map(span_of)
    }
    pub fn first(&self) -> Option<super::Span> {
        self.get(0)
    }
    pub fn iter(
        &self,
    ) -> impl DoubleEndedIterator<Item = super::Span> + ExactSizeIterator + Clone + '_ {
        self.0.iter().map(span_of)
    }
    /// The index of the first span for which `pred` is false (they must be partitioned by it).
    pub fn partition_point(&self, mut pred: impl FnMut(super::Span) -> bool) -> usize {
        self.0.partition_point(|p| pred(span_of(p)))
    }
    pub fn contains(&self, span: super::Span) -> bool {
        self.iter().any(|s| s == span)
    }
    pub fn to_vec(&self) -> Vec<super::Span> {
        self.iter().collect()
    }
}

impl FromIterator<super::Span> for Spans {
    fn from_iter<I: IntoIterator<Item = super::Span>>(spans: I) -> Spans {
        let mut list: Vec<(u32, u32)> = spans
            .into_iter()
            .map(|s| (s.start as u32, s.end as u32))
            .collect();
        list.shrink_to_fit();
        Spans(list)
    }
}

impl From<Vec<super::Span>> for Spans {
    fn from(spans: Vec<super::Span>) -> Spans {
        spans.into_iter().collect()
    }
}

fn span_of(&(s, e): &(u32, u32)) -> super::Span {
    super::Span::new(s as usize, e as usize)
}

impl<'a> IntoIterator for &'a Spans {
    type Item = super::Span;
    type IntoIter =
        std::iter::Map<std::slice::Iter<'a, (u32, u32)>, fn(&(u32, u32)) -> super::Span>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(span_of as fn(&(u32, u32)) -> super::Span)
    }
}
