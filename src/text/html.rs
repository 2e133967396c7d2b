//! HTML pages: the main content's text, with a map back into the page source.
//!
//! Readability-style extraction (dom_smoothie: node scoring with link density, class and id
//! weights) picks the article out of the page; only its text survives, one block per line, with
//! the page title on the first line. The text then goes through the same line rules as a text
//! file. Each text char is mapped to the page source by a greedy forward alignment: the next
//! occurrence of the same char within a window after the previous match, else the previous
//! match's position, so the map is monotone and in bounds even where entities or markup make
//! the text differ from the source. When extraction fails the page's text with tags dropped
//! (scripts and styles left out) is used instead.

use dom_smoothie::{Config, Readability, TextMode};

/// Pages with more elements than this, or nested deeper, are not scored (scoring costs grow with
/// elements times depth: 20,000 nested `<div>`s took a minute); their text is taken with the tags
/// dropped. Real news pages have a few thousand elements, nested a few dozen deep.
const MAX_ELEMENTS: usize = 30_000;
const MAX_DEPTH: usize = 400;

/// Extracted text, and for each of its chars (plus one end entry) a char offset into `html`.
pub fn extract(html: &str) -> (String, Vec<usize>) {
    let (elements, depth) = shape(html);
    let scored = (elements <= MAX_ELEMENTS && depth <= MAX_DEPTH)
        .then(|| {
            std::panic::catch_unwind(|| readable_text(html))
                .ok()
                .flatten()
        })
        .flatten();
    let text = scored.unwrap_or_else(|| strip_tags(html));
    let map = align(&text, html);
    (text, map)
}

fn readable_text(html: &str) -> Option<String> {
    let cfg = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let mut r = Readability::new(html, None, Some(cfg)).ok()?;
    let article = r.parse().ok()?;
    let body = article.text_content.to_string();
    if body.trim().is_empty() {
        return None;
    }
    let mut out = String::new();
    let title = article.title.trim();
    if !title.is_empty() && !body.trim_start().starts_with(title) {
        out.push_str(title);
        out.push('\n');
    }
    // Formatted text separates blocks by blank lines and may indent; lines are what we judge.
    for line in body.lines() {
        let line = line.trim();
        if !line.is_empty() {
            out.push_str(line);
            out.push('\n');
        }
    }
    Some(out)
}

/// How many elements a page opens, and how deep they nest (void elements and `/>` aside), in one
/// pass over its tags.
fn shape(html: &str) -> (usize, usize) {
    const VOID: [&str; 14] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr",
    ];
    let b = html.as_bytes();
    let (mut elements, mut depth, mut deepest) = (0usize, 0usize, 0usize);
    let mut i = 0;
    while let Some(k) = html[i..].find('<') {
        i += k + 1;
        let closing = b.get(i) == Some(&b'/');
        let start = i + usize::from(closing);
        let name_len = b[start.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            continue;
        }
        let name = &html[start..start + name_len];
        let end = html[start..].find('>').map_or(b.len(), |e| start + e);
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            elements += 1;
            let void = VOID.iter().any(|v| v.eq_ignore_ascii_case(name));
            if !void && !html[start..end].ends_with('/') {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
        i = end.min(b.len());
    }
    (elements, deepest)
}

/// The page's text with markup, scripts and styles dropped, block ends as line ends.
fn strip_tags(html: &str) -> String {
    const SKIPPED: [&str; 3] = ["script", "style", "noscript"];
    let mut out = String::with_capacity(html.len() / 2);
    let lower = html.to_ascii_lowercase();
    // Per skipped tag, where its next end tag is (looked for once per stretch, not once per
    // opening tag: 80,000 unclosed `<style>`s would be quadratic), or that none follows.
    let mut ends: [Option<Option<usize>>; 3] = [None; 3];
    let mut i = 0;
    let b = html.as_bytes();
    while i < b.len() {
        if b[i] == b'<' {
            let rest = &lower[i..];
            let skip_to = SKIPPED.iter().enumerate().find_map(|(t, tag)| {
                if !rest[1..].starts_with(tag) {
                    return None;
                }
                let known = ends[t].filter(|e| e.is_none_or(|e| e >= i));
                let end = known.unwrap_or_else(|| rest.find(&format!("</{tag}")).map(|e| i + e));
                ends[t] = Some(end);
                end
            });
            let from = skip_to.unwrap_or(i);
            match lower[from..].find('>') {
                Some(e) => {
                    let tag = &lower[i..from + e];
                    if [
                        "<p", "</p", "<br", "<div", "</div", "<h", "</h", "<li", "<tr",
                    ]
                    .iter()
                    .any(|t| tag.starts_with(t))
                    {
                        out.push('\n');
                    }
                    i = from + e + 1;
                }
                None => break,
            }
            continue;
        }
        let end = html[i..].find('<').map_or(html.len(), |e| i + e);
        out.push_str(&decode_entities(&html[i..end]));
        i = end;
    }
    out
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Greedy monotone alignment of `text` chars onto `source` chars.
fn align(text: &str, source: &str) -> Vec<usize> {
    const WINDOW: usize = 4096;
    let src: Vec<char> = source.chars().collect();
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut cursor = 0; // next source char to look at
    for c in text.chars() {
        let hit = if c.is_whitespace() {
            None
        } else {
            src[cursor.min(src.len())..(cursor + WINDOW).min(src.len())]
                .iter()
                .position(|&s| s == c)
        };
        match hit {
            Some(k) => {
                map.push(cursor + k);
                cursor += k + 1;
            }
            None => map.push(cursor.min(src.len())),
        }
    }
    map.push(cursor.min(src.len()));
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_markup_when_readability_gives_up() {
        let t = strip_tags("<p>甲&amp;乙</p><script>var x='<p>';</script><div>丙</div>");
        assert!(
            t.contains("甲&乙") && t.contains('丙') && !t.contains("var"),
            "{t:?}"
        );
    }

    #[test]
    fn alignment_is_monotone_and_exact_where_text_matches() {
        let src = "<p>你好</p><p>世界</p>";
        let map = align("你好\n世界", src);
        assert_eq!(map, vec![3, 4, 5, 12, 13, 14]);
    }
}
