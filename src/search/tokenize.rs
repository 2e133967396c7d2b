//! How passage text and queries become terms: one segmentation for both sides, so a query matches
//! the text exactly when its words appear in it.
//!
//! Two fields are indexed from the same folded text. `grams` holds overlapping Han bigrams (a run of
//! one Han char gives that char alone) and whole Latin/digit words, with positions: every phrase and
//! every Han substring of two or more chars is an exact phrase of its terms there, whatever jieba made
//! of its context. `words` holds jieba words of two or more Han chars and the same Latin words, with
//! frequencies but no positions; every folded entity name is laid over jieba's words
//! (`text::words`), so a known name is always one term, looked up without a phrase. It leaves out
//! what `grams` already answers exactly: positions, and single-char words (的, 在), a third of
//! jieba's words.
//! Indexing costs per term, so the two cuts make indexing about a quarter faster.
//!
//! Latin terms are lower-cased (no-op on folded text), and English words stemmed. Positions leave a gap at punctuation, so a
//! phrase never matches across a comma; a space is not a gap, so `"扎克伯格 宣布"` matches 扎克伯格宣布.
//! Token offsets are byte offsets into the string given; nothing here changes the text, so offsets
//! map back to the folded text as is.

use crate::text::words::Segmenter;
use std::sync::Arc;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

pub const WORDS: &str = "storyline_words";
pub const GRAMS: &str = "storyline_grams";

pub use crate::text::is_han;

/// A char of a Latin (or other non-Han) word: letters and digits of any script but Han.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_han(c)
}

/// One term with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok {
    pub text: String,
    /// Byte offsets into the tokenized string.
    pub from: usize,
    pub to: usize,
    pub pos: usize,
}

/// jieba's dictionary plus the corpus' names, loaded once and shared by indexing and querying.
///
/// Loading jieba takes 100–200 ms, longer than opening an index; so it starts on a thread when the
/// dictionary is made and the first tokenization waits for it.
pub struct Dictionary {
    segmenter: Segmenter,
}

impl std::fmt::Debug for Dictionary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dictionary")
            .field("words", &self.segmenter.names().len())
            .finish()
    }
}

impl Dictionary {
    /// A dictionary holding every Han run of two or more chars of the given (folded) names. jieba's
    /// own dictionary starts loading on another thread, so it is ready by the time text is cut.
    pub fn new<I, S>(names: I) -> Arc<Dictionary>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let _ = std::thread::Builder::new()
            .name("storyline-jieba".into())
            .spawn(|| {
                crate::text::words::jieba();
            });
        let words = names.into_iter().flat_map(|n| han_runs(n.as_ref()));
        Arc::new(Dictionary {
            segmenter: Segmenter::new(words),
        })
    }

    /// The names laid over jieba's words.
    pub fn words(&self) -> &[String] {
        self.segmenter.names()
    }

    /// Wait until jieba is loaded (for measurements that must not include it).
    pub fn ready(&self) {
        crate::text::words::jieba();
    }

    /// The `words` field's terms of `text`.
    pub fn words_tokens(&self, text: &str) -> Vec<Tok> {
        with_text(text, self.words_pieces(text))
    }

    /// Where the `words` field's terms of `text` are.
    pub fn words_pieces(&self, text: &str) -> Vec<Piece> {
        pieces_by_run(text, text.len() / 4, |run, out, pos| {
            for t in self.segmenter.cut(&text[run.from..run.to], false) {
                out.push(Piece {
                    from: run.from + t.byte_start,
                    to: run.from + t.byte_end,
                    pos: *pos,
                });
                *pos += 1;
            }
        })
    }
}

/// Whether a `words` term is indexed: every term but a single Han char.
pub fn indexed_word(term: &str) -> bool {
    let mut chars = term.chars();
    !matches!((chars.next(), chars.next()), (Some(c), None) if is_han(c))
}

/// Where one term is: byte offsets into the tokenized string, and its position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub from: usize,
    pub to: usize,
    pub pos: usize,
}

fn with_text(text: &str, pieces: Vec<Piece>) -> Vec<Tok> {
    pieces
        .into_iter()
        .map(|p| {
            let mut t = String::new();
            term_into(&text[p.from..p.to], &mut t);
            Tok {
                text: t,
                from: p.from,
                to: p.to,
                pos: p.pos,
            }
        })
        .collect()
}

/// A term's text: lower-cased, and an English word reduced to its stem (Snowball's English
/// stemmer: hires, hired and hiring are all `hire`), so a query finds the other forms of its
/// words. Folded text is lower-case already; lower-casing again costs little and keeps Latin
/// matching right for any text that was not folded. Han terms and words with digits stay as
/// they are.
fn term_into(s: &str, out: &mut String) {
    out.clear();
    // Han chars have no case: skipping them first keeps this check off the Unicode tables for
    // nearly every term (it was a seventh of indexing time).
    let upper = |c: char| {
        if c.is_ascii() {
            c.is_ascii_uppercase()
        } else {
            !is_han(c) && c.is_uppercase()
        }
    };
    if s.chars().any(upper) {
        out.extend(s.chars().flat_map(char::to_lowercase));
    } else {
        out.push_str(s);
    }
    if out.len() > STEM_FROM && out.bytes().all(|b| b.is_ascii_lowercase()) {
        if let std::borrow::Cow::Owned(stem) = english_stemmer().stem(out) {
            *out = stem;
        }
    }
}

/// The term the index holds for one word.
pub fn term(word: &str) -> String {
    let mut out = String::new();
    term_into(word, &mut out);
    out
}

/// Words this long or shorter are left unstemmed: names and abbreviations (AI, CEO, Wei).
const STEM_FROM: usize = 3;

fn english_stemmer() -> &'static frostem::Stemmer {
    static STEMMER: std::sync::OnceLock<frostem::Stemmer> = std::sync::OnceLock::new();
    STEMMER.get_or_init(|| frostem::Stemmer::new(frostem::Algorithm::English))
}

fn han_runs(s: &str) -> Vec<String> {
    runs(s)
        .into_iter()
        .filter(|r| r.kind == RunKind::Han && s[r.from..r.to].chars().count() >= 2)
        .map(|r| s[r.from..r.to].to_string())
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RunKind {
    Han,
    Word,
    Space,
    Punct,
}

#[derive(Debug, Clone, Copy)]
struct Run {
    kind: RunKind,
    from: usize,
    to: usize,
}

fn kind(c: char) -> RunKind {
    if c.is_ascii() {
        return match c {
            _ if c.is_ascii_alphanumeric() => RunKind::Word,
            _ if c.is_whitespace() => RunKind::Space,
            _ => RunKind::Punct,
        };
    }
    if is_han(c) {
        RunKind::Han
    } else if is_word_char(c) {
        RunKind::Word
    } else if c.is_whitespace() {
        RunKind::Space
    } else {
        RunKind::Punct
    }
}

fn runs(text: &str) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    for (b, c) in text.char_indices() {
        let k = kind(c);
        let end = b + c.len_utf8();
        match out.last_mut() {
            Some(r) if r.kind == k && r.to == b => r.to = end,
            _ => out.push(Run {
                kind: k,
                from: b,
                to: end,
            }),
        }
    }
    out
}

/// The `grams` field's terms of `text`: a Han run of one char gives that char alone, a longer run
/// its bigrams; each char takes a position, so a phrase of bigrams is an exact substring. A run's
/// last char is not a term alone (it is in the bigram before it; that was one term in seven), so a
/// query of one Han char matches it as the text's lone char or either char of a bigram.
pub fn grams_tokens(text: &str) -> Vec<Tok> {
    with_text(text, grams_pieces(text))
}

/// Where the `grams` field's terms of `text` are.
pub fn grams_pieces(text: &str) -> Vec<Piece> {
    pieces_by_run(text, text.len() / 3 + 1, |run, out, pos| {
        let r = &text[run.from..run.to];
        let mut chars = r.char_indices().peekable();
        while let Some((b, _)) = chars.next() {
            let from = run.from + b;
            if let Some(&(b1, c1)) = chars.peek() {
                out.push(Piece {
                    from,
                    to: run.from + b1 + c1.len_utf8(),
                    pos: *pos,
                });
            } else if b == 0 {
                out.push(Piece {
                    from,
                    to: run.to,
                    pos: *pos,
                });
            }
            *pos += 1;
        }
    })
}

/// Terms of `text` run by run: Latin words whole, punctuation as a gap in positions (so phrases do
/// not match across it), and Han runs as `han` cuts them (jieba words or bigrams).
fn pieces_by_run(
    text: &str,
    capacity: usize,
    mut han: impl FnMut(&Run, &mut Vec<Piece>, &mut usize),
) -> Vec<Piece> {
    let mut out = Vec::with_capacity(capacity);
    let mut pos = 0;
    for run in runs(text) {
        match run.kind {
            RunKind::Han => han(&run, &mut out, &mut pos),
            RunKind::Word => {
                out.push(Piece {
                    from: run.from,
                    to: run.to,
                    pos,
                });
                pos += 1;
            }
            RunKind::Space => {}
            RunKind::Punct => pos += 1,
        }
    }
    out
}

/// The tantivy side of [`Dictionary::words_pieces`].
#[derive(Clone)]
pub struct WordsTokenizer(pub Arc<Dictionary>);

/// The tantivy side of [`grams_pieces`].
#[derive(Clone)]
pub struct GramsTokenizer;

/// Terms read from the text as the index asks for them, into one reused buffer.
pub struct PieceStream<'a> {
    text: &'a str,
    pieces: Vec<Piece>,
    next: usize,
    token: Token,
}

impl<'a> PieceStream<'a> {
    fn new(text: &'a str, pieces: Vec<Piece>) -> Self {
        PieceStream {
            text,
            pieces,
            next: 0,
            token: Token::default(),
        }
    }
}

impl TokenStream for PieceStream<'_> {
    fn advance(&mut self) -> bool {
        let Some(p) = self.pieces.get(self.next) else {
            return false;
        };
        self.next += 1;
        self.token.offset_from = p.from;
        self.token.offset_to = p.to;
        self.token.position = p.pos;
        self.token.position_length = 1;
        term_into(&self.text[p.from..p.to], &mut self.token.text);
        true
    }
    fn token(&self) -> &Token {
        &self.token
    }
    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

impl Tokenizer for WordsTokenizer {
    type TokenStream<'a> = PieceStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> PieceStream<'a> {
        let mut pieces = self.0.words_pieces(text);
        pieces.retain(|p| indexed_word(&text[p.from..p.to]));
        PieceStream::new(text, pieces)
    }
}

impl Tokenizer for GramsTokenizer {
    type TokenStream<'a> = PieceStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> PieceStream<'a> {
        PieceStream::new(text, grams_pieces(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &[Tok]) -> Vec<&str> {
        t.iter().map(|t| t.text.as_str()).collect()
    }

    #[test]
    fn names_from_the_dictionary_stay_whole() {
        let d = Dictionary::new(["朱克伯格", "mark zuckerberg"]);
        let t = d.words_tokens("朱克伯格宣布成立meta超级智能实验室");
        assert_eq!(t[0].text, "朱克伯格");
        assert!(texts(&t).contains(&"meta"));
        for tok in &t {
            assert_eq!(
                &"朱克伯格宣布成立meta超级智能实验室"[tok.from..tok.to],
                tok.text
            );
        }
    }

    #[test]
    fn punctuation_leaves_a_position_gap_and_spaces_do_not() {
        let d = Dictionary::new(Vec::<String>::new());
        let t = d.words_tokens("mark zuckerberg, meta");
        assert_eq!(t.iter().map(|t| t.pos).collect::<Vec<_>>(), vec![0, 1, 3]);
    }

    #[test]
    fn bigrams_cover_every_char_and_a_lone_char_stands_alone() {
        let idx = grams_tokens("汪滔加入，好。");
        assert_eq!(texts(&idx), vec!["汪滔", "滔加", "加入", "好"]);
        // The run's last char takes a position though it has no term: 好 is after a gap.
        assert_eq!(
            idx.iter().map(|t| t.pos).collect::<Vec<_>>(),
            vec![0, 1, 2, 5]
        );
        assert_eq!(
            texts(&grams_tokens("汪滔加入")),
            vec!["汪滔", "滔加", "加入"]
        );
        assert_eq!(texts(&grams_tokens("汪")), vec!["汪"]);
        assert_eq!(&"汪滔加入，好。"[idx[3].from..idx[3].to], "好");
    }

    #[test]
    fn words_index_leaves_out_single_han_chars_only() {
        assert!(
            indexed_word("朱克伯格")
                && indexed_word("meta")
                && indexed_word("a")
                && indexed_word("2025")
        );
        assert!(!indexed_word("的") && !indexed_word("在"));
        let d = Dictionary::new(["朱克伯格"]);
        let mut tok = WordsTokenizer(d);
        let mut stream = tok.token_stream("朱克伯格在meta的实验室");
        let mut terms = Vec::new();
        while stream.advance() {
            terms.push(stream.token().text.clone());
        }
        assert_eq!(terms, vec!["朱克伯格", "meta", "实验室"]);
    }
}
