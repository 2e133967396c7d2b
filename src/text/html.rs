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

/// Extracted text, and for each of its chars (plus one end entry) a char offset into `html`.
pub fn extract(html: &str) -> (String, Vec<usize>) {
    let text = std::panic::catch_unwind(|| readable_text(html))
        .ok()
        .flatten()
        .unwrap_or_else(|| strip_tags(html));
    let map = align(&text, html);
    (text, map)
}

fn readable_text(html: &str) -> Option<String> {
    let cfg = Config {
        text_mode: TextMode::Formatted,
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

/// The page's text with markup, scripts and styles dropped, block ends as line ends.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let lower = html.to_ascii_lowercase();
    let mut i = 0;
    let b = html.as_bytes();
    while i < b.len() {
        if b[i] == b'<' {
            let rest = &lower[i..];
            let skip_to = ["script", "style", "noscript"].iter().find_map(|tag| {
                rest.strip_prefix('<')
                    .filter(|r| r.starts_with(tag))
                    .and_then(|_| rest.find(&format!("</{tag}")).map(|e| i + e))
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
