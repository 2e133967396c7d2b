//! Glosses: a name followed by its other form in brackets, half- or full-width.
//!
//! Three shapes: Chinese(Latin) — 汪滔(Alexandr Wang), 「普羅米修斯」(Prometheus),
//! Meta超級智能實驗室(Meta Superintelligence Labs,MSL); Latin(Chinese) — Hyperion(海伯利昂);
//! Latin(ABBR) — Safe Superintelligence(SSI). The hard part is where the Chinese name starts, since
//! Chinese has no spaces: a quoted name is taken whole, a ·-name by its dot, a transliteration by
//! its run of transliteration characters, a Chinese name by its surname, an organisation by its
//! suffix (實驗室, 公司) back to the nearest verb jieba sees. Anything unsure yields nothing.

use super::{dotted_at, is_dot, is_han, surname_of, Candidate, Ctx, Doc};
use crate::entities::EntityKind;

const OPEN: [char; 2] = ['(', '（'];
const CLOSE: [char; 2] = [')', '）'];

pub(crate) fn find(doc: &Doc, ctx: &Ctx, jieba: &crate::text::words::Segmenter) -> Vec<Candidate> {
    let mut out = Vec::new();
    let n = doc.len();
    for i in 1..n {
        if !OPEN.contains(&doc.disp[i]) {
            continue;
        }
        let Some(len) = doc.disp[i + 1..n.min(i + 48)]
            .iter()
            .position(|c| CLOSE.contains(c) || *c == '\n')
        else {
            continue;
        };
        let close = i + 1 + len;
        if !CLOSE.contains(&doc.disp[close]) {
            continue;
        }
        let inner = doc.text(i + 1, close);
        let inner = inner.trim();
        if inner.is_empty() {
            continue;
        }
        if let Some(c) =
            latin_inside(doc, ctx, jieba, i, inner).or_else(|| han_inside(doc, ctx, i, inner))
        {
            out.push(c);
        }
    }
    out
}

/// A run of Latin words as a name: letters, digits, spaces, `.-'&`, starting with a capital.
fn is_latin_name(s: &str) -> bool {
    let s = s.trim();
    s.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || " .-'&".contains(c))
        && s.chars()
            .any(|c| c.is_ascii_lowercase() || c.is_ascii_uppercase())
}

/// Capitals, perhaps with digits (SSI, G42); a number alone (去(2024)年) is a year, not a name.
fn is_abbrev(s: &str) -> bool {
    let n = s.chars().count();
    (2..=6).contains(&n)
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && s.chars().any(|c| c.is_ascii_uppercase())
}

/// Capitalised words, the shape of a person's name: 2 or 3 of them.
fn person_shaped(s: &str, ctx: &Ctx) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && super::latin::person_like(ctx.lex, &words, false)
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && w.chars().any(|c| c.is_ascii_lowercase())
                && !ctx.lex.is_not_name(w)
        })
        && !ctx
            .lex
            .org_suffix_latin
            .contains(&crate::text::fold_str(words[words.len() - 1]))
}

/// Chinese written as a name: transliteration and surname chars (瑪許), or a surname and one or two
/// chars.
fn name_like_zh(zh: &str, ctx: &Ctx) -> bool {
    let folded = crate::text::fold_str(zh);
    let chars: Vec<char> = folded.chars().collect();
    (2..=4).contains(&chars.len())
        && (chars.iter().all(|&c| ctx.translit(c) || ctx.surname(c))
            || (chars.len() <= 3 && ctx.surname(chars[0]) && !ctx.rare_surname(chars[0])))
}

fn org_shaped(s: &str, ctx: &Ctx) -> bool {
    s.split_whitespace()
        .next_back()
        .is_some_and(|w| ctx.lex.org_suffix_latin.contains(&crate::text::fold_str(w)))
}

/// Kind of a single-word name from the words before it (第一座數據中心命名為「普羅米修斯」) and its own ending.
fn kind_from_context(doc: &Doc, ctx: &Ctx, at: usize) -> EntityKind {
    let a = at.saturating_sub(24);
    let before = doc.folded(a, at);
    // And the few words after the gloss: 名為Aurora(極光)的數據中心.
    let close = (at..doc.len().min(at + 48))
        .find(|&k| CLOSE.contains(&doc.disp[k]))
        .unwrap_or(at);
    let after = doc.folded(close, doc.len().min(close + 8));
    if ctx
        .lex
        .facility_cues
        .iter()
        .any(|c| before.contains(c.as_str()) || after.contains(c.as_str()))
    {
        EntityKind::Facility
    } else if ctx
        .lex
        .product_cues
        .iter()
        .any(|c| before.ends_with(c.as_str()))
    {
        EntityKind::Product
    } else {
        EntityKind::Organization
    }
}

#[derive(PartialEq)]
enum Shape {
    Quoted,
    Dotted,
    Translit,
    Chinese,
    Org,
    Word,
}

/// Where the Chinese name ending at `end` starts, and how it was recognised.
fn chinese_before(
    doc: &Doc,
    ctx: &Ctx,
    jieba: &crate::text::words::Segmenter,
    end: usize,
) -> Option<(usize, Shape)> {
    let last = doc.disp[end.checked_sub(1)?];
    if let Some(open) = match last {
        '」' => Some('「'),
        '』' => Some('『'),
        '”' => Some('“'),
        '》' => Some('《'),
        _ => None,
    } {
        let from = end.saturating_sub(24);
        let o = (from..end - 1).rev().find(|&k| doc.disp[k] == open)?;
        return (end - 1 - (o + 1) >= 1).then_some((o + 1, Shape::Quoted));
    }
    if !is_han(doc.fold[end - 1]) {
        return None;
    }
    // A ·-name ending here.
    for k in (end.saturating_sub(8)..end).rev() {
        if is_dot(doc.disp[k]) {
            if let Some((a, b)) = dotted_at(doc, ctx, k) {
                if b == end {
                    return Some((a, Shape::Dotted));
                }
            }
            break;
        }
        if !is_han(doc.fold[k]) {
            break;
        }
    }
    // An organisation: suffix, then back over jieba's words to a verb or a non-Han char.
    if ctx.lex.org_suffix_zh.any_ends_at(&doc.fold, end) {
        let mut a = end;
        while a > 0 && end - a < 14 && is_han(doc.fold[a - 1]) {
            a -= 1;
        }
        // A short run standing alone between punctuation and the bracket is a name that only a
        // function word may open (然而|國際拳擊總會): jieba's verbs there are the name's own
        // words (世界|拳擊|聯盟（World Boxing）).
        let alone = end - a <= 8 && (a == 0 || !doc.fold[a - 1].is_alphanumeric());
        let run = doc.folded(a, end);
        let tags = jieba.tag(&run, true);
        let mut start = end;
        for t in tags.iter().rev() {
            if (t.tag.starts_with('v') && !alone)
                || ["p", "u", "c", "d", "r", "uj", "ul", "f", "m"].contains(&t.tag)
            {
                break;
            }
            start -= t.word.chars().count();
        }
        // Take a Latin word glued in front (Meta超級智能實驗室).
        if start == a && a > 0 && doc.fold[a - 1].is_ascii_alphanumeric() {
            while start > 0 && doc.fold[start - 1].is_ascii_alphanumeric() {
                start -= 1;
            }
        }
        return (end - start >= 3).then_some((start, Shape::Org));
    }
    let mut r = end;
    while r > 0 && end - r < 8 && ctx.translit(doc.fold[r - 1]) {
        r -= 1;
    }
    if end - r >= 3 {
        return Some((r, Shape::Translit));
    }
    let tail = doc.folded(end.saturating_sub(8), end);
    let tags = jieba.tag(&tail, true);
    if let Some(t) = tags.last() {
        let len = t.word.chars().count();
        let first = t.word.chars().next().unwrap_or(' ');
        // A less common surname (文, 卓) makes a name of three chars only: 柯|文翰 is 柯文翰.
        let surname = ctx.surname(first) && (len == 3 || !ctx.rare_surname(first));
        if (2..=3).contains(&len) && surname && t.word.chars().all(is_han) {
            return Some((end - len, Shape::Chinese));
        }
    }
    if end >= 3 && ctx.surname(doc.fold[end - 3]) && is_han(doc.fold[end - 2]) {
        return Some((end - 3, Shape::Chinese));
    }
    if end >= 2 && ctx.surname(doc.fold[end - 2]) && !ctx.rare_surname(doc.fold[end - 2]) {
        return Some((end - 2, Shape::Chinese));
    }
    // A common noun as a name (蘋果(Apple)): jieba's last word, when it is a noun (or what its
    // dictionary calls an adjective: 微軟(Microsoft)).
    let t = tags.last()?;
    let len = t.word.chars().count();
    let nominal = t.tag.starts_with('n') || t.tag == "a";
    ((2..=4).contains(&len) && nominal && t.word.chars().all(is_han))
        .then_some((end - len, Shape::Word))
}

/// Chinese(Latin[, ABBR…]).
fn latin_inside(
    doc: &Doc,
    ctx: &Ctx,
    jieba: &crate::text::words::Segmenter,
    open: usize,
    inner: &str,
) -> Option<Candidate> {
    let parts: Vec<&str> = inner
        .split([',', '，', '、', ';', '；'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let english = *parts.first()?;
    if !is_latin_name(english) || ctx.lex.is_not_name(english) {
        return None;
    }
    let abbrevs: Vec<&str> = parts[1..]
        .iter()
        .copied()
        .filter(|p| is_abbrev(p))
        .collect();
    if is_abbrev(english) && parts.len() == 1 {
        if let Some(c) = latin_abbrev(doc, ctx, open, english) {
            return Some(c);
        }
        // “Meta超級智能實驗室”(MSL): an abbreviation of a quoted or suffixed organisation name.
        let (start, shape) = chinese_before(doc, ctx, jieba, open)?;
        if !matches!(shape, Shape::Quoted | Shape::Org) {
            return None;
        }
        let zh = doc.text(
            start,
            if shape == Shape::Quoted {
                open - 1
            } else {
                open
            },
        );
        return Some(Candidate {
            names: vec![zh, english.to_string()],
            scoped: Vec::new(),
            kind: EntityKind::Organization,
            strength: 3,
        });
    }
    let (start, shape) = chinese_before(doc, ctx, jieba, open)?;
    let zh = doc.text(
        start,
        if shape == Shape::Quoted {
            open - 1
        } else {
            open
        },
    );
    if ctx
        .lex
        .person_titles
        .iter()
        .any(|t| crate::text::fold_str(&zh) == *t)
    {
        return None;
    }
    let words = english.split_whitespace().count();
    let mut strength = 3;
    let media_zh = shape == Shape::Quoted
        && doc.disp[open - 1] == '》'
        && ctx
            .lex
            .media_suffix_zh
            .iter()
            .any(|s| crate::text::fold_str(&zh).ends_with(s.as_str()));
    let kind = if media_zh {
        EntityKind::Media
    } else if shape == Shape::Org || org_shaped(english, ctx) || !abbrevs.is_empty() {
        EntityKind::Organization
    } else if matches!(shape, Shape::Dotted | Shape::Translit | Shape::Chinese)
        && person_shaped(english, ctx)
    {
        EntityKind::Person
    } else if shape == Shape::Word
        && person_shaped(english, ctx)
        && english
            .split_whitespace()
            .all(|w| !w.chars().skip(1).any(|c| c.is_ascii_uppercase()))
        && name_like_zh(&zh, ctx)
    {
        // 瑪許(Lena Marsh): a word jieba does not know as a name, glossed by a person's name (no
        // brand's inner capital, as in Google DeepMind), itself written as a name is.
        EntityKind::Person
    } else if words == 1 {
        let k = kind_from_context(doc, ctx, open);
        if k == EntityKind::Organization {
            // Organisation is only the default here: weaker than a cue-backed kind.
            strength = 2;
        }
        k
    } else if shape == Shape::Chinese {
        // A Chinese name glossed with something not person-shaped: too unsure.
        return None;
    } else {
        EntityKind::Organization
    };
    let mut names = vec![english.to_string(), zh.clone()];
    names.extend(abbrevs.iter().map(|s| s.to_string()));
    let mut scoped = Vec::new();
    if kind == EntityKind::Person {
        scoped.extend(surname_of(&zh));
        if let Some(last) = english
            .split_whitespace()
            .last()
            .filter(|w| w.len() >= 3 && words >= 2)
        {
            scoped.push(last.to_string());
        }
    }
    Some(Candidate {
        names,
        scoped,
        kind,
        strength,
    })
}

/// Latin words right before `end`: up to four capitalised (or all-caps) words, single spaces.
fn latin_before(doc: &Doc, end: usize) -> Option<usize> {
    let mut e = end;
    if e > 0 && doc.disp[e - 1] == ' ' {
        e -= 1;
    }
    let mut start = e;
    let mut words = 0;
    loop {
        let mut a = start;
        while a > 0 && (doc.disp[a - 1].is_ascii_alphanumeric() || "-.'&".contains(doc.disp[a - 1]))
        {
            a -= 1;
        }
        if a == start || !doc.disp[a].is_ascii_uppercase() {
            break;
        }
        start = a;
        words += 1;
        if words == 4
            || start < 2
            || doc.disp[start - 1] != ' '
            || !doc.disp[start - 2].is_ascii_alphanumeric()
        {
            break;
        }
        start -= 1;
    }
    while start < e && doc.disp[start] == ' ' {
        start += 1;
    }
    (words > 0 && start < e).then_some(start)
}

/// Latin name(ABBR): Safe Superintelligence(SSI).
fn latin_abbrev(doc: &Doc, ctx: &Ctx, open: usize, abbr: &str) -> Option<Candidate> {
    let end = if doc.disp[open - 1] == ' ' {
        open - 1
    } else {
        open
    };
    let start = latin_before(doc, open)?;
    let name = doc.text(start, end);
    let first = name.chars().next()?;
    if name.split_whitespace().count() < 2 || !abbr.starts_with(first) || ctx.lex.is_not_name(&name)
    {
        return None;
    }
    Some(Candidate {
        names: vec![name, abbr.to_string()],
        scoped: Vec::new(),
        kind: EntityKind::Organization,
        strength: 3,
    })
}

/// Latin(Chinese): Hyperion(海伯利昂), FAIR(基礎AI研究).
fn han_inside(doc: &Doc, ctx: &Ctx, open: usize, inner: &str) -> Option<Candidate> {
    let n = inner.chars().count();
    let han = inner.chars().filter(|&c| is_han(c)).count();
    if !(2..=12).contains(&n)
        || han * 2 < n
        || !inner
            .chars()
            .all(|c| is_han(c) || is_dot(c) || c.is_ascii_alphanumeric())
    {
        return None;
    }
    let start = latin_before(doc, open)?;
    let end = if doc.disp[open - 1] == ' ' {
        open - 1
    } else {
        open
    };
    let english = doc.text(start, end);
    if ctx.lex.is_not_name(&english)
        || english
            .split_whitespace()
            .any(|w| ctx.lex.is_not_name(w) && english.split_whitespace().count() == 1)
    {
        return None;
    }
    let folded = crate::text::fold_str(inner);
    let words = english.split_whitespace().count();
    let dotted = inner.chars().any(is_dot);
    let kind = if ctx
        .lex
        .org_suffix_zh
        .iter()
        .any(|s| folded.ends_with(s.as_str()))
        || org_shaped(&english, ctx)
    {
        EntityKind::Organization
    } else if person_shaped(&english, ctx)
        && (dotted || inner.chars().all(|c| ctx.translit(c) || is_dot(c)))
    {
        EntityKind::Person
    } else if words == 1 {
        kind_from_context(doc, ctx, open)
    } else {
        EntityKind::Organization
    };
    let strength = if kind == EntityKind::Organization && words == 1 {
        2
    } else {
        3
    };
    let mut scoped = Vec::new();
    if kind == EntityKind::Person {
        scoped.extend(surname_of(inner));
    }
    Some(Candidate {
        names: vec![english, inner.to_string()],
        scoped,
        kind,
        strength,
    })
}
