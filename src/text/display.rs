//! Assembling an [`ArticleText`]: lines in, display text with its maps, spans and furniture out.
//!
//! Owns the offset bookkeeping. The source is the decoded file (or, for HTML, the extracted text
//! with its own map into the file). Lines are split on `\n` (a `\r` before it is part of the line
//! end), trimmed of white space, judged by `boilerplate`, and the kept ones are copied char by char
//! into the display text, leaving out inline pinyin and control/zero-width chars. Every display
//! char records the raw char it came from; a joining `\n` records the end of the line before it,
//! so the map is non-decreasing and never points past the raw text.

use super::boilerplate::{self, LineInfo};
use super::{detect_script, pinyin, sentences};
use super::{ArticleText, CutReason, Furniture, Span};

struct Line {
    /// Byte range of the trimmed line in the source.
    bytes: (usize, usize),
    /// Char offset of the trimmed line's first char in the source.
    char_start: usize,
    /// Trimmed length in chars.
    chars: usize,
    /// Pinyin annotations, as char ranges relative to `char_start`.
    pinyin: Vec<(usize, usize)>,
    /// The trimmed text without its pinyin, when it had any.
    stripped: Option<String>,
}

fn trims(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}' || c == '\u{200B}'
}

/// Chars left out of the display text wherever they occur: controls (a tab stays), the BOM,
/// zero-width and direction marks, soft hyphens.
fn dropped(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(
            c,
            '\u{FEFF}' | '\u{200B}' | '\u{2060}' | '\u{200E}' | '\u{200F}' | '\u{00AD}'
        )
}

#[inline]
fn count_chars(s: &str) -> usize {
    s.as_bytes().iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

fn split_lines(source: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut byte = 0;
    let mut chr = 0;
    for piece in source.split('\n') {
        let n_piece = count_chars(piece);
        let trimmed = piece.trim_matches(trims);
        let lead = trimmed.as_ptr() as usize - piece.as_ptr() as usize;
        let lead_chars = if lead == 0 {
            0
        } else {
            count_chars(&piece[..lead])
        };
        let trail_chars = count_chars(&piece[lead + trimmed.len()..]);
        let chars = n_piece - lead_chars - trail_chars;
        let mut line = Line {
            bytes: (byte + lead, byte + lead + trimmed.len()),
            char_start: chr + lead_chars,
            chars,
            pinyin: Vec::new(),
            stripped: None,
        };
        if pinyin::may_have(trimmed) {
            let cs: Vec<char> = trimmed.chars().collect();
            let spans = pinyin::annotations(&cs);
            if !spans.is_empty() {
                let mut keep = String::with_capacity(trimmed.len());
                let mut k = 0;
                for &(a, b) in &spans {
                    keep.extend(&cs[k..a]);
                    k = b;
                }
                keep.extend(&cs[k..]);
                line.stripped = Some(keep);
                line.pinyin = spans;
            }
        }
        lines.push(line);
        byte += piece.len() + 1;
        chr += n_piece + 1;
    }
    lines
}

/// Builds the article's texts from `source`; `map` (one entry per source char plus one) takes
/// source offsets to raw offsets when the source is not the raw text itself.
pub fn assemble(raw: &std::sync::Arc<str>, source: &str, map: Option<&[usize]>) -> ArticleText {
    let lines = split_lines(source);
    let infos: Vec<LineInfo> = lines
        .iter()
        .map(|l| match &l.stripped {
            Some(s) => LineInfo {
                text: s.as_str(),
                chars: s.chars().count(),
            },
            None => LineInfo {
                text: &source[l.bytes.0..l.bytes.1],
                chars: l.chars,
            },
        })
        .collect();
    let verdict = boilerplate::classify(&infos);
    drop(infos);

    let raw_len = count_chars(raw);
    let to_raw_of = |i: usize| -> usize {
        match map {
            Some(m) => m.get(i).copied().unwrap_or(raw_len).min(raw_len),
            None => i.min(raw_len),
        }
    };
    let raw_span_of = |a: usize, b: usize| -> Span {
        let s = to_raw_of(a);
        let e = if b > a { to_raw_of(b - 1) + 1 } else { s };
        Span::new(s, e.max(s).min(raw_len.max(s)))
    };

    let mut display = String::with_capacity(source.len());
    let mut chars: Vec<char> = Vec::with_capacity(source.len() / 2);
    let mut to_raw = super::RawMap::default();
    let mut paragraphs = Vec::new();
    let mut furniture: Vec<Furniture> = Vec::new();
    let mut title = None;
    let mut prev_end: Option<usize> = None; // source offset just past the last kept line
    let mut in_run = false; // the last non-blank line was furniture

    for (li, line) in lines.iter().enumerate() {
        if line.chars == 0 {
            continue;
        }
        if let Some(reason) = verdict.reasons[li] {
            let span = raw_span_of(line.char_start, line.char_start + line.chars);
            match furniture.last_mut() {
                // Consecutive lines removed by one rule are one piece of furniture.
                Some(f) if in_run && f.reason == reason => f.raw.end = span.end,
                _ => furniture.push(Furniture { raw: span, reason }),
            }
            in_run = true;
            continue;
        }
        in_run = false;
        let text = &source[line.bytes.0..line.bytes.1];
        let para_start = chars.len();
        let mut pins = line.pinyin.iter().peekable();
        for (k, c) in text.chars().enumerate() {
            while pins.peek().is_some_and(|p| p.1 <= k) {
                pins.next();
            }
            if let Some(&&(a, b)) = pins.peek() {
                if a <= k && k < b {
                    if k == a {
                        let s = line.char_start + a;
                        furniture.push(Furniture {
                            raw: raw_span_of(s, line.char_start + b),
                            reason: CutReason::Pinyin,
                        });
                    }
                    continue;
                }
            }
            if dropped(c) {
                continue;
            }
            if chars.len() == para_start && !chars.is_empty() {
                display.push('\n');
                chars.push('\n');
                to_raw.push(to_raw_of(prev_end.unwrap_or(0)));
            }
            display.push(c);
            chars.push(c);
            to_raw.push(to_raw_of(line.char_start + k));
        }
        if chars.len() > para_start {
            let start = if para_start == 0 { 0 } else { para_start + 1 };
            paragraphs.push(Span::new(start, chars.len()));
            if verdict.title == Some(li) {
                title = Some(Span::new(start, chars.len()));
            }
            prev_end = Some(line.char_start + line.chars);
        }
    }
    to_raw.push(to_raw_of(prev_end.unwrap_or(0)));
    furniture.sort_by_key(|f| (f.raw.start, f.raw.end));
    furniture.shrink_to_fit();

    // Reserved for the whole source, the display text is shorter by the furniture left out: an
    // analysis holds thousands of them, so the slack is given back, as it is by the span lists
    // (grown by doubling).
    display.shrink_to_fit();
    let sentences = sentences::split(&chars).into();
    drop(chars);
    let display_index = super::CharIndex::new(&display);
    let script = detect_script(&display);
    let dateline = furniture
        .iter()
        .find(|f| f.reason == CutReason::Dateline)
        .map(|f| f.raw);
    ArticleText {
        raw: raw.clone(),
        raw_hash: super::raw_hash(raw),
        display,
        to_raw,
        display_index,
        title,
        paragraphs: paragraphs.into(),
        sentences,
        furniture,
        script,
        dateline,
    }
}
