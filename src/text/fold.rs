//! Folding: one char in, one char out, so folded text lines up with display text char for char.
//!
//! The table is data, derived once by `scripts/gen_fold_table.py` from OpenCC's traditional →
//! simplified character dictionary, Unihan's semantic variants and Unicode's compatibility
//! ideographs (`assets/fold/fold.tsv`), with a short hand table layered on top
//! (`assets/fold/hand.tsv`, wins over the generated one). Two rules are code rather than data:
//! full-width ASCII (and the ideographic space) become ASCII, and letters whose lower case is a
//! single char are lower-cased. Everything is compiled into the binary and expanded on first use
//! into a direct-indexed table for the BMP plus a sorted array for the rest, so folding costs one
//! array read per char. Article text and queries go through the same [`fold_char`], so a name
//! folded with [`fold_str`] matches the article wherever the article folds to the same chars.

use std::sync::OnceLock;

const GENERATED: &str = include_str!("../../assets/fold/fold.tsv");
const HAND: &str = include_str!("../../assets/fold/hand.tsv");

struct FoldTable {
    /// `bmp[c]` is the fold of BMP char `c` (the surrogates' slots, which no char has, hold
    /// U+FFFD).
    bmp: Box<[char]>,
    /// Folds of chars outside the BMP, sorted by source.
    astral: Vec<(char, char)>,
}

fn table() -> &'static FoldTable {
    static TABLE: OnceLock<FoldTable> = OnceLock::new();
    TABLE.get_or_init(build_table)
}

/// `(source, target)` pairs of a fold TSV: first two tab-separated fields, one char each;
/// comments, blank and malformed lines are skipped (the generator's `--check` guards the data).
fn parse_pairs(text: &str) -> impl Iterator<Item = (char, char)> + '_ {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let one = |f: Option<&str>| {
                let mut cs = f?.chars();
                let c = cs.next()?;
                cs.next().is_none().then_some(c)
            };
            Some((one(fields.next())?, one(fields.next())?))
        })
}

/// The code rules: full-width ASCII to ASCII, then a single-char lower case.
fn rule_fold(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    };
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

fn build_table() -> FoldTable {
    let mut map: std::collections::HashMap<char, char> = parse_pairs(GENERATED).collect();
    map.extend(parse_pairs(HAND));
    let lookup = |map: &std::collections::HashMap<char, char>, c: char| -> char {
        // Targets can themselves be folded (槼 → 椝 by OpenCC, 椝 → 规 by hand): follow the chain,
        // bounded so a cycle in hand-edited data cannot hang start-up.
        let mut c = rule_fold(c);
        for _ in 0..4 {
            match map.get(&c) {
                Some(&t) if t != c => c = rule_fold(t),
                _ => break,
            }
        }
        c
    };
    let bmp: Vec<char> = (0..0x10000u32)
        .map(|i| char::from_u32(i).map_or(char::REPLACEMENT_CHARACTER, |c| lookup(&map, c)))
        .collect();
    let mut astral: Vec<(char, char)> = map
        .keys()
        .filter(|c| (**c as u32) >= 0x10000)
        .map(|&c| (c, lookup(&map, c)))
        .filter(|(c, t)| c != t)
        .collect();
    astral.sort_unstable();
    FoldTable {
        bmp: bmp.into_boxed_slice(),
        astral,
    }
}

/// The folded form of one char.
#[inline]
pub fn fold_char(c: char) -> char {
    let t = table();
    fold_with(t, c)
}

#[inline(always)]
fn fold_with(t: &FoldTable, c: char) -> char {
    let u = c as u32;
    if u < 0x10000 {
        t.bmp[u as usize]
    } else {
        match t.astral.binary_search_by_key(&c, |p| p.0) {
            Ok(i) => t.astral[i].1,
            Err(_) => rule_fold(c),
        }
    }
}

/// Fold a string (a query, a name, an article) exactly as article text is folded; the result has
/// the same number of chars.
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold_str`] appending to a buffer.
///
/// Most chars fold to themselves (all of a simplified article's Han text), so the text is copied
/// in runs and only a char that changes is written on its own. Every stage folds the text it
/// reads, so this loop is among the hottest of the pipeline.
pub fn fold_into(s: &str, out: &mut String) {
    let t = table();
    out.reserve(s.len());
    let bytes = s.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_uppercase() {
                if copied < i {
                    out.push_str(&s[copied..i]);
                }
                out.push(b.to_ascii_lowercase() as char);
                copied = i + 1;
            }
            i += 1;
            continue;
        }
        // `s` is valid UTF-8, so the lead byte gives the length and the rest are continuations.
        let cont = |k: usize| (bytes[i + k] & 0x3f) as u32;
        let (u, len) = if b < 0xe0 {
            (((b & 0x1f) as u32) << 6 | cont(1), 2)
        } else if b < 0xf0 {
            (((b & 0x0f) as u32) << 12 | cont(1) << 6 | cont(2), 3)
        } else {
            (
                ((b & 0x07) as u32) << 18 | cont(1) << 12 | cont(2) << 6 | cont(3),
                4,
            )
        };
        let c = char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER);
        let folded = fold_with(t, c);
        if folded != c {
            if copied < i {
                out.push_str(&s[copied..i]);
            }
            out.push(folded);
            copied = i + len;
        }
        i += len;
    }
    out.push_str(&s[copied..]);
}

/// Chars that only traditional text uses: OpenCC's t2s changes them and they are not standard
/// simplified chars too. Used to tell the article's script; rare variants do not count.
pub(crate) fn opencc_traditional_chars() -> &'static std::collections::HashSet<char> {
    static SET: OnceLock<std::collections::HashSet<char>> = OnceLock::new();
    SET.get_or_init(|| {
        GENERATED
            .lines()
            .filter(|l| l.ends_with("\topencc-ts"))
            .filter_map(|l| parse_pairs(l).next())
            .map(|(c, _)| c)
            .collect()
    })
}

/// OpenCC's t2s char pairs `(traditional, simplified)`, as the fold table holds them.
pub(crate) fn opencc_t2s_pairs() -> impl Iterator<Item = (char, char)> {
    GENERATED
        .lines()
        .filter(|l| l.ends_with("\topencc-ts") || l.ends_with("\topencc-ts-shared"))
        .filter_map(|l| parse_pairs(l).next())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Folding a whole string copies runs of unchanged bytes; it must give what folding each
    /// char on its own gives, for every char of every length in UTF-8.
    #[test]
    fn a_string_folds_as_its_chars_fold_one_by_one() {
        let one_by_one = |s: &str| -> String {
            s.chars()
                .map(|c| {
                    if c.is_ascii() {
                        c.to_ascii_lowercase()
                    } else {
                        fold_char(c)
                    }
                })
                .collect()
        };
        let every: String = (0..0x11000u32)
            .chain([0x1F600, 0x20000, 0x2F800, 0xE0041, 0x10FFFF])
            .filter_map(char::from_u32)
            .collect();
        let folded = fold_str(&every);
        assert_eq!(folded, one_by_one(&every));
        assert_eq!(folded.chars().count(), every.chars().count());
        for s in [
            "",
            "A",
            "Meta與ＯｐｅｎＡＩ",
            "臺灣😀數據",
            "ÀÉ ǅ",
            "abc",
            "數",
        ] {
            assert_eq!(fold_str(s), one_by_one(s), "{s}");
        }
        let mut appended = String::from("X");
        fold_into("Ｍeta臺", &mut appended);
        assert_eq!(appended, "Xmeta台");
    }

    #[test]
    fn rare_variants_fold_to_standard_simplified() {
        assert_eq!(fold_str("紥尅伯格"), "扎克伯格");
        assert_eq!(fold_str("實騐室"), "实验室");
        assert_eq!(fold_str("數據中心"), fold_str("数据中心"));
        assert_eq!(fold_str("槼模"), "规模");
    }

    #[test]
    fn full_width_and_case() {
        assert_eq!(fold_str("ＭＥＴＡ　Ａｉ１２"), "meta ai12");
        assert_eq!(fold_str("ÄÖÜ Σ"), "äöü σ");
    }

    #[test]
    fn keeps_char_count_for_multichar_lowercase() {
        // İ lower-cases to two chars; folding leaves it alone rather than change the length.
        assert_eq!(fold_str("İ").chars().count(), 1);
    }
}
