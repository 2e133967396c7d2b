//! Inline pinyin annotations: `擅長(cháng)` reads as `擅長` with a reading aid after it.
//!
//! Owns one judgement: which parenthesised runs in a line are such annotations. Only a run that
//! directly follows a Han character, holds exactly one pinyin syllable written with a tone mark
//! (inner spaces allowed before the closing parenthesis), and closes with `)` or `）` counts. A
//! syllable must be an initial plus a final of Mandarin, so `咖啡(café)` or `(AI)` stay.

use super::is_han;

/// The toneless vowel of a tone-marked one, or `None` when `c` carries no tone mark.
fn untone(c: char) -> Option<char> {
    Some(match c {
        'ā' | 'á' | 'ǎ' | 'à' => 'a',
        'ē' | 'é' | 'ě' | 'è' => 'e',
        'ī' | 'í' | 'ǐ' | 'ì' => 'i',
        'ō' | 'ó' | 'ǒ' | 'ò' => 'o',
        'ū' | 'ú' | 'ǔ' | 'ù' => 'u',
        'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => 'ü',
        'ń' | 'ň' | 'ǹ' => 'n',
        'ḿ' => 'm',
        _ => return None,
    })
}

const INITIALS: &[&str] = &[
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
    "z", "c", "s", "y", "w", "",
];
const FINALS: &[&str] = &[
    "a", "o", "e", "i", "u", "ü", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "er",
    "ia", "ie", "iao", "iu", "iou", "ian", "in", "iang", "ing", "iong", "ua", "uo", "uai", "ui",
    "uei", "uan", "un", "uen", "uang", "ueng", "üe", "üan", "ün", "ue", "van", "ve", "n", "ng",
    "m",
];

/// Whether a toneless, lower-case string is one Mandarin syllable.
fn is_syllable(s: &str) -> bool {
    static SYLLABLES: std::sync::OnceLock<std::collections::HashSet<String>> =
        std::sync::OnceLock::new();
    SYLLABLES
        .get_or_init(|| {
            INITIALS
                .iter()
                .flat_map(|i| FINALS.iter().map(move |f| format!("{i}{f}")))
                .collect()
        })
        .contains(s)
}

/// Char ranges `[start, end)` within `chars` of pinyin annotations, parentheses included.
pub fn annotations(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 1;
    while i < chars.len() {
        if matches!(chars[i], '(' | '（') && is_han(chars[i - 1]) {
            if let Some(end) = annotation_end(chars, i) {
                out.push((i, end));
                i = end;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Whether a line can hold an annotation at all: a cheap test that spares most lines the work.
pub fn may_have(line: &str) -> bool {
    line.contains('(') || line.contains('（')
}

fn annotation_end(chars: &[char], open: usize) -> Option<usize> {
    let mut syllable = String::new();
    let mut toned = false;
    let mut j = open + 1;
    while j < chars.len() && j - open <= 8 {
        let c = chars[j];
        if let Some(base) = untone(c) {
            toned = true;
            syllable.push(base);
        } else if c.is_ascii_lowercase() || c == 'ü' {
            syllable.push(c);
        } else {
            break;
        }
        j += 1;
    }
    while j < chars.len() && chars[j] == ' ' {
        j += 1;
    }
    let closes = j < chars.len() && matches!(chars[j], ')' | '）');
    (closes && toned && is_syllable(&syllable)).then_some(j + 1)
}

#[cfg(test)]
mod tests {

    fn strip(s: &str) -> String {
        crate::text::without_pinyin(s)
    }

    #[test]
    fn strips_tone_marked_syllables_after_han() {
        assert_eq!(strip("我們擅長(cháng)商業(yè)策略"), "我們擅長商業策略");
        assert_eq!(strip("初創(chuàng )公司"), "初創公司");
        assert_eq!(strip("會（huì）議"), "會議");
    }

    #[test]
    fn keeps_other_parentheses() {
        for s in [
            "人工智能(AI)領域",
            "咖啡(café)店",
            "公司(meta)",
            "(chéng)開頭",
            "長(chang)的",
            "x(xué)",
        ] {
            assert_eq!(strip(s), s);
        }
    }
}
