//! Word segmentation: jieba's dictionary, loaded once per process and shared by everything that
//! cuts text into words (name discovery, the search index), with a story's names laid over it.
//!
//! jieba's dictionary is the largest structure in the process (about 30 MB), and a copy with a few
//! names added costs nearly as much again. So nothing copies it: a [`Segmenter`] holds only the
//! names, found with Aho-Corasick (leftmost-longest), and every name found is one word, tagged
//! `nz` (a proper noun) so it is never taken for a new person's name; jieba cuts the text between
//! them. That is what adding the names to jieba with a high frequency did, short of one case:
//! jieba could still join a name's last char to the next word when their sum was more frequent,
//! and an overlay never splits a name.
//!
//! Offsets in the tokens are those of the text given, as jieba's own are: byte offsets and char
//! offsets.

use aho_corasick::{AhoCorasick, MatchKind};
use jieba_rs::{Jieba, Tag, Token};
use std::sync::OnceLock;

/// jieba's own dictionary, loaded on first use (about 130 ms).
pub fn jieba() -> &'static Jieba {
    static BASE: OnceLock<Jieba> = OnceLock::new();
    BASE.get_or_init(Jieba::new)
}

/// The tag a name laid over jieba gets: a proper noun.
const NAME_TAG: &str = "nz";

/// jieba with names laid over it (see the module's overview).
#[derive(Debug, Default)]
pub struct Segmenter {
    names: Vec<String>,
    finder: Option<AhoCorasick>,
}

impl Segmenter {
    /// A segmenter whose words include `names` (each kept as given; empty ones are dropped).
    pub fn new<I, S>(names: I) -> Segmenter
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let mut names: Vec<String> = names
            .into_iter()
            .map(Into::into)
            .filter(|n| !n.is_empty())
            .collect();
        names.sort();
        names.dedup();
        let finder = (!names.is_empty())
            .then(|| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&names)
                    .ok()
            })
            .flatten();
        Segmenter { names, finder }
    }

    /// The names laid over jieba, sorted.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// Whether `word` is one word: in jieba's dictionary or one of the names.
    pub fn has_word(&self, word: &str) -> bool {
        jieba().has_word(word)
            || self
                .names
                .binary_search_by(|n| n.as_str().cmp(word))
                .is_ok()
    }

    /// The words of `text`.
    pub fn cut<'a>(&self, text: &'a str, hmm: bool) -> Vec<Token<'a>> {
        let mut out = Vec::with_capacity(text.len() / 4 + 1);
        self.each_piece(text, |piece| match piece {
            Piece::Gap { from, to, chars } => {
                for t in jieba().cut(&text[from..to], hmm) {
                    out.push(Token {
                        start: t.start + chars,
                        end: t.end + chars,
                        byte_start: t.byte_start + from,
                        byte_end: t.byte_end + from,
                        word: t.word,
                    });
                }
            }
            Piece::Name { from, to, chars } => out.push(Token {
                word: &text[from..to],
                start: chars.0,
                end: chars.1,
                byte_start: from,
                byte_end: to,
            }),
        });
        out
    }

    /// The words of `text` with their part-of-speech tags.
    pub fn tag<'a>(&self, text: &'a str, hmm: bool) -> Vec<Tag<'a>> {
        let mut out = Vec::with_capacity(text.len() / 4 + 1);
        self.each_piece(text, |piece| match piece {
            Piece::Gap { from, to, chars } => {
                for t in jieba().tag(&text[from..to], hmm) {
                    out.push(Tag {
                        start: t.start + chars,
                        end: t.end + chars,
                        byte_start: t.byte_start + from,
                        byte_end: t.byte_end + from,
                        word: t.word,
                        tag: t.tag,
                    });
                }
            }
            Piece::Name { from, to, chars } => out.push(Tag {
                word: &text[from..to],
                tag: NAME_TAG,
                start: chars.0,
                end: chars.1,
                byte_start: from,
                byte_end: to,
            }),
        });
        out
    }

    /// Calls `f` for each stretch of `text` in order: the text between names, and each name.
    fn each_piece(&self, text: &str, mut f: impl FnMut(Piece)) {
        let Some(finder) = &self.finder else {
            f(Piece::Gap {
                from: 0,
                to: text.len(),
                chars: 0,
            });
            return;
        };
        let mut pos = 0;
        let mut chars = 0;
        for m in finder.find_iter(text) {
            if m.start() > pos {
                f(Piece::Gap {
                    from: pos,
                    to: m.start(),
                    chars,
                });
                chars += text[pos..m.start()].chars().count();
            }
            let len = text[m.start()..m.end()].chars().count();
            f(Piece::Name {
                from: m.start(),
                to: m.end(),
                chars: (chars, chars + len),
            });
            chars += len;
            pos = m.end();
        }
        if pos < text.len() {
            f(Piece::Gap {
                from: pos,
                to: text.len(),
                chars,
            });
        }
    }
}

/// A stretch of text between names (its byte range and the char offset it starts at), or a name
/// (its byte range and char range).
enum Piece {
    Gap {
        from: usize,
        to: usize,
        chars: usize,
    },
    Name {
        from: usize,
        to: usize,
        chars: (usize, usize),
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_one_word_and_offsets_are_the_texts() {
        let text = "据悉扎克伯格宣布，汪滔加入Meta。";
        let plain = Segmenter::new(Vec::<String>::new());
        let named = Segmenter::new(["汪滔", "扎克伯格"]);
        let words: Vec<&str> = named.cut(text, false).iter().map(|t| t.word).collect();
        assert!(
            words.contains(&"汪滔") && words.contains(&"扎克伯格"),
            "{words:?}"
        );
        for t in named.cut(text, true) {
            assert_eq!(&text[t.byte_start..t.byte_end], t.word);
            let chars: String = text.chars().skip(t.start).take(t.end - t.start).collect();
            assert_eq!(chars, t.word);
        }
        let tagged = named.tag(text, true);
        assert!(tagged.iter().any(|t| t.word == "汪滔" && t.tag == "nz"));
        assert_eq!(
            tagged.iter().map(|t| t.word).collect::<String>(),
            text,
            "the words cover the text"
        );
        assert_eq!(
            plain
                .cut(text, false)
                .iter()
                .map(|t| t.word)
                .collect::<String>(),
            text
        );
        assert!(named.has_word("汪滔") && named.has_word("宣布") && !plain.has_word("汪滔"));
    }
}
