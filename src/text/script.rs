//! Script: telling whether an article is in traditional or simplified characters, and converting
//! its display text to the other one for reading; and telling English text, an article's or a
//! paragraph's, from Chinese.
//!
//! Detection counts chars that occur in only one script (traditional: OpenCC's t2s changes them;
//! simplified: OpenCC's s2t changes them and Big5 lacks them, both lists generated into
//! `assets/fold/`). Conversion goes through OpenCC (opencc-rust, Debian's OpenCC 1.1 data) and
//! promises the char count, hence every offset, unchanged: when a phrase rule would change the
//! length of a line, that line is converted char by char instead, and a char whose conversion is
//! not one char stays as it is. OpenCC's configs come from Debian's data files, else from the
//! dictionaries compiled into the binding; without either, conversion to simplified falls back to
//! the fold table's t2s pairs, and conversion to traditional returns the text unchanged.

use super::fold;
use super::{Script, ScriptChoice};
use opencc_rust::{DefaultConfig, OpenCC};
use std::sync::OnceLock;

const HANS_ONLY: &str = include_str!("../../assets/fold/hans_only.txt");

/// Per BMP char: 1 = traditional-only, 2 = simplified-only, 0 = either or neither. A flat table
/// because detection looks at every char of every article.
fn script_classes() -> &'static [u8] {
    static TABLE: OnceLock<Box<[u8]>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = vec![0u8; 0x10000];
        for &c in fold::opencc_traditional_chars() {
            if (c as u32) < 0x10000 {
                t[c as usize] = 1;
            }
        }
        for c in HANS_ONLY
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(|l| l.chars())
        {
            if (c as u32) < 0x10000 && t[c as usize] == 0 {
                t[c as usize] = 2;
            }
        }
        t.into_boxed_slice()
    })
}

/// Fewer Latin letters than this is a line, not an English article.
const MIN_ENGLISH_LETTERS: usize = 40;
/// English has at least this many Latin letters for each Han char.
const ENGLISH_LETTERS_PER_HAN: usize = 20;

/// English, or traditional / simplified / mixed from script-only chars. A script wins when it has at least
/// four times the other's count; text with no telling chars at all counts as mixed.
pub fn detect_script(text: &str) -> Script {
    let classes = script_classes();
    let mut counts = [0usize; 3];
    let (mut han, mut latin) = (0usize, 0usize);
    for c in text.chars() {
        let u = c as u32;
        if (0x3400..0x10000).contains(&u) {
            counts[classes[u as usize] as usize] += 1;
            han += usize::from(super::is_han(c));
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    // English: Latin letters, and Han no more than a name or two in brackets.
    if latin_enough(han, latin) && english_language(text) {
        return Script::En;
    }
    let (t, s) = (counts[1], counts[2]);
    if t + s == 0 {
        Script::Mixed
    } else if t >= 4 * s {
        Script::Hant
    } else if s >= 4 * t {
        Script::Hans
    } else {
        Script::Mixed
    }
}

fn latin_enough(han: usize, latin: usize) -> bool {
    latin >= MIN_ENGLISH_LETTERS && han * ENGLISH_LETTERS_PER_HAN < latin
}

/// How much of a text the language detector reads: enough for its trigrams to agree.
const DETECTOR_CHARS: usize = 400;

/// whatlang, choosing among the languages of Latin-script news likeliest beside a Chinese story's:
/// fewer trigram profiles to weigh than all of its languages, for the same answer on these.
fn latin_detector() -> &'static whatlang::Detector {
    use whatlang::Lang::*;
    static DETECTOR: OnceLock<whatlang::Detector> = OnceLock::new();
    DETECTOR.get_or_init(|| {
        whatlang::Detector::with_allowlist(vec![
            Eng, Fra, Deu, Spa, Por, Ita, Nld, Ind, Vie, Tur, Pol, Swe,
        ])
    })
}

/// Whether Latin-letter text is English: `the` twice in its opening, else by whatlang's trigram
/// detector: anything it tells
/// reliably as another language (French, German …) is not; text it cannot tell is taken as
/// English, the language of nearly all Latin-script news a Chinese story gathers.
fn english_language(text: &str) -> bool {
    let head = match text.char_indices().nth(DETECTOR_CHARS) {
        Some((b, _)) => &text[..b],
        None => text,
    };
    // English's commonest word, twice in the opening lines, settles it without the detector.
    let the = head
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.eq_ignore_ascii_case("the"))
        .take(2)
        .count();
    if the == 2 {
        return true;
    }
    match latin_detector().detect(head) {
        Some(info) if info.is_reliable() => info.lang() == whatlang::Lang::Eng,
        _ => true,
    }
}

/// The paragraphs of a Chinese article that are written in English (a statement quoted at
/// length, an English abstract): the reader sets them in Latin typography. None for an article
/// that is English as a whole.
pub fn english_paragraphs(text: &super::ArticleText) -> Vec<super::Span> {
    if text.script == Script::En {
        return Vec::new();
    }
    text.paragraphs
        .iter()
        .filter(|&p| {
            let s = text.slice(p);
            let han = s.chars().filter(|&c| super::is_han(c)).count();
            let latin = s.chars().filter(char::is_ascii_alphabetic).count();
            latin_enough(han, latin) && english_language(s)
        })
        .collect()
}

fn opencc(config: DefaultConfig) -> Option<&'static OpenCC> {
    static T2S: OnceLock<Option<OpenCC>> = OnceLock::new();
    static S2T: OnceLock<Option<OpenCC>> = OnceLock::new();
    let cell = match config {
        DefaultConfig::S2T => &S2T,
        _ => &T2S,
    };
    cell.get_or_init(|| {
        let name = config.get_file_name();
        // Debian installs the configs and their dictionaries here (libopencc depends on them, so
        // they come with the library the binary links); a bare name is tried too for systems where
        // OpenCC's own data directory is elsewhere.
        let system = format!("/usr/share/opencc/{name}");
        OpenCC::new(&system).or_else(|_| OpenCC::new(name)).ok()
    })
    .as_ref()
}

/// The display text in another script; char count (so every offset) unchanged.
pub fn convert_script(display: &str, choice: ScriptChoice) -> String {
    let config = match choice {
        ScriptChoice::Original => return display.to_string(),
        ScriptChoice::Hans => DefaultConfig::T2S,
        ScriptChoice::Hant => DefaultConfig::S2T,
    };
    let Some(cc) = opencc(config) else {
        return match choice {
            ScriptChoice::Hans => table_t2s(display),
            _ => display.to_string(),
        };
    };
    // The binding hands text to C as a NUL-terminated string; a NUL would end it early.
    let had_nul = display.contains('\0');
    let clean: std::borrow::Cow<str> = if had_nul {
        display.replace('\0', " ").into()
    } else {
        display.into()
    };
    let whole = cc.convert(clean.as_ref());
    let want = display.chars().count();
    let converted = if whole.chars().count() == want {
        whole
    } else {
        let mut out = String::with_capacity(display.len());
        for line in clean.split_inclusive('\n') {
            let conv = cc.convert(line);
            if conv.chars().count() == line.chars().count() {
                out.push_str(&conv);
            } else {
                per_char(cc, line, &mut out);
            }
        }
        out
    };
    // Carry NULs through unchanged so the text is the author's everywhere OpenCC had no say.
    if had_nul || converted.chars().count() != want {
        return display
            .chars()
            .zip(converted.chars().chain(std::iter::repeat(' ')))
            .map(|(o, c)| if o == '\0' { o } else { c })
            .collect();
    }
    converted
}

fn per_char(cc: &OpenCC, line: &str, out: &mut String) {
    let mut buf = [0u8; 4];
    for c in line.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        let conv = cc.convert(&*c.encode_utf8(&mut buf));
        let mut it = conv.chars();
        match (it.next(), it.next()) {
            (Some(one), None) => out.push(one),
            _ => out.push(c),
        }
    }
}

fn table_t2s(display: &str) -> String {
    static MAP: OnceLock<std::collections::HashMap<char, char>> = OnceLock::new();
    let map = MAP.get_or_init(|| fold::opencc_t2s_pairs().collect());
    display
        .chars()
        .map(|c| map.get(&c).copied().unwrap_or(c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_scripts() {
        assert_eq!(detect_script("這是一個關於數據中心的報導"), Script::Hant);
        assert_eq!(detect_script("这是一个关于数据中心的报道"), Script::Hans);
        assert_eq!(detect_script("Meta AI 2025"), Script::Mixed);
    }

    #[test]
    fn converts_both_ways_keeping_length() {
        let hans = convert_script("數據中心與實驗室", ScriptChoice::Hans);
        assert_eq!(hans, "数据中心与实验室");
        let hant = convert_script("数据中心与实验室", ScriptChoice::Hant);
        assert_eq!(hant.chars().count(), 8);
        assert!(hant.contains("數據中心"), "{hant}");
        assert_eq!(convert_script("a\0b後", ScriptChoice::Hans), "a\0b后");
    }
}
