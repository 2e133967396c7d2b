//! Latin-script names inside Chinese text.
//!
//! A run of 2–3 capitalised words (Jason Wei, Hyung Won Chung, Yann LeCun) is a person when it
//! opens with a given name or holds no common English word ([`person_like`]), unless a word is a
//! known non-name (AI, Read, More, Superintelligence …), a known entity (Google Gemini),
//! the run is followed by a number (a model: Titan 250), or it ends in an organisation word
//! (Constellation Energy, Sesame AI → an organisation). A single Latin word is an organisation when a
//! Chinese cue says so (初創PlayAI, 新創Yutori) and an outlet before 網站 (livemint網站).

use super::{is_han, Candidate, Ctx, Doc};
use crate::entities::EntityKind;
use crate::text::fold_str;

#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
}

fn word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '\''
}

fn capitalised(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(|c| c.is_ascii_uppercase())
        && w.chars().any(|c| c.is_ascii_lowercase())
        && w.chars().all(|c| c.is_ascii_alphabetic())
}

/// Runs of words separated by single spaces.
fn runs(doc: &Doc) -> Vec<Vec<Word>> {
    let mut out: Vec<Vec<Word>> = Vec::new();
    let mut cur: Vec<Word> = Vec::new();
    let n = doc.len();
    let mut i = 0;
    while i < n {
        if word_char(doc.disp[i]) && doc.disp[i].is_ascii() {
            let s = i;
            while i < n && word_char(doc.disp[i]) {
                i += 1;
            }
            // A '.' glued to the word (D.A., X.com) makes it something other than a plain word.
            let dotted = (i < n
                && doc.disp[i] == '.'
                && i + 1 < n
                && doc.disp[i + 1].is_ascii_alphanumeric())
                || (s > 0 && doc.disp[s - 1] == '.');
            if dotted {
                while i < n && (word_char(doc.disp[i]) || doc.disp[i] == '.') {
                    i += 1;
                }
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                continue;
            }
            cur.push(Word { start: s, end: i });
            if i < n && doc.disp[i] == ' ' && i + 1 < n && word_char(doc.disp[i + 1]) {
                i += 1;
                continue;
            }
            out.push(std::mem::take(&mut cur));
        } else {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            i += 1;
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

pub(crate) fn find(doc: &Doc, ctx: &Ctx) -> Vec<Candidate> {
    let mut out = Vec::new();
    let lex = ctx.lex;
    let runs = runs(doc);
    // Words that stand alone somewhere in the article: companies and products do (Google, Meta),
    // first names in news copy do not — so such a word does not start a person's name.
    let alone: std::collections::HashSet<String> = runs
        .iter()
        .filter(|r| r.len() == 1)
        .map(|r| fold_str(&doc.text(r[0].start, r[0].end)))
        .collect();
    for mut run in runs {
        // A title in front is not part of the name: CEO Aravind Srinivas.
        while run.len() > 1 && lex.is_not_name(&doc.text(run[0].start, run[0].end)) {
            run.remove(0);
        }
        let text = |w: &Word| doc.text(w.start, w.end);
        let (first, last) = (run[0], run[run.len() - 1]);
        let after = last.end;
        let followed_by_number = {
            let mut k = after;
            while k < doc.len() && doc.disp[k] == ' ' {
                k += 1;
            }
            k < doc.len() && doc.disp[k].is_ascii_digit()
        };
        let whole = doc.text(first.start, last.end);
        if ctx.is_known(&whole) {
            continue;
        }
        let words: Vec<String> = run.iter().map(text).collect();
        let suffix = lex
            .org_suffix_latin
            .contains(&fold_str(&words[words.len() - 1]));
        if run.len() >= 2 && suffix && !followed_by_number {
            let head = &words[..words.len() - 1];
            // Meta AI when Meta stands alone elsewhere is Meta's AI, not a company of its own.
            let heads_alone = head.len() == 1 && alone.contains(&fold_str(&head[0]));
            let ok = head
                .iter()
                .all(|w| capitalised(w) || w.chars().any(|c| c.is_ascii_uppercase()))
                && !ctx.is_known(&head[0])
                && !heads_alone
                && !lex.is_not_name(&head[0])
                && head.len() <= 3;
            if ok {
                // Inc. and Corp. keep their period.
                let dot = after < doc.len()
                    && doc.disp[after] == '.'
                    && lex
                        .org_suffix_latin
                        .contains(&format!("{}.", fold_str(&words[words.len() - 1])));
                let whole = if dot {
                    doc.text(first.start, after + 1)
                } else {
                    whole
                };
                out.push(Candidate {
                    names: vec![whole],
                    scoped: Vec::new(),
                    kind: EntityKind::Organization,
                    strength: 2,
                });
            }
            continue;
        }
        if (2..=3).contains(&run.len()) {
            let person = person_like(lex, &words, false)
                && words
                    .iter()
                    .all(|w| capitalised_name(w) && !lex.is_not_name(w) && !ctx.is_known(w))
                && !followed_by_number
                && !alone.contains(&fold_str(&words[0]))
                && !is_han_before_cue(doc, ctx, first.start);
            if person {
                let surname = words[words.len() - 1].clone();
                let scoped = if surname.len() >= 3 {
                    vec![surname]
                } else {
                    Vec::new()
                };
                out.push(Candidate {
                    names: vec![whole],
                    scoped,
                    kind: EntityKind::Person,
                    strength: 1,
                });
            }
            continue;
        }
        if run.len() == 1 {
            let w = &words[0];
            if w.len() < 3
                || lex.is_not_name(w)
                || ctx.is_known(w)
                || !w.chars().all(|c| c.is_ascii_alphanumeric())
                || !w.chars().any(|c| c.is_ascii_alphabetic())
            {
                continue;
            }
            if is_han_before_cue(doc, ctx, first.start) {
                out.push(Candidate {
                    names: vec![w.clone()],
                    scoped: Vec::new(),
                    kind: EntityKind::Organization,
                    strength: 2,
                });
            } else if ["網站", "网站", "網", "网"]
                .iter()
                .any(|s| doc.starts_with(after, &fold_str(s)))
            {
                out.push(Candidate {
                    names: vec![w.clone()],
                    scoped: Vec::new(),
                    kind: EntityKind::Media,
                    strength: 2,
                });
            }
        }
    }
    out
}

/// Can these capitalised words be a person's name? Headlines and terms capitalise common words
/// too (Insured Losses, Microsoft Windows): a name opens with a given name or a title, or holds
/// no common English word of four letters or more (Ruoming Pang, Sim Hwee Kok).
pub(crate) fn person_like<S: AsRef<str>>(
    lex: &crate::entities::gazetteer::Lexicon,
    words: &[S],
    titled: bool,
) -> bool {
    let lower = |w: &S| w.as_ref().to_ascii_lowercase();
    titled
        || words
            .first()
            .is_some_and(|w| lex.given_names.contains(&lower(w)))
        // Short syllables of romanised names are English words too (Sim Hwee Kok, Hyung Won
        // Chung): only a longer word says the run is ordinary English.
        || !words
            .iter()
            .any(|w| w.as_ref().len() >= 4 && lex.english_common.contains(&lower(w)))
}

/// A capitalised name word, allowing inner capitals (LeCun, McCarthy) but not all-caps.
pub(crate) fn capitalised_name(w: &str) -> bool {
    if !capitalised(w) || w.len() < 2 {
        return false;
    }
    // An inner capital only after a name particle (LeCun, McCarthy, O'Brien); DeepMind is a brand.
    let inner = w
        .char_indices()
        .skip(1)
        .find(|(_, c)| c.is_ascii_uppercase());
    inner.is_none_or(|(i, _)| ["Mc", "Mac", "Le", "La", "De", "Di", "Du", "Da"].contains(&&w[..i]))
}

/// Is the Latin text at `start` right after an organisation cue (初創, 新創, 公司)?
fn is_han_before_cue(doc: &Doc, ctx: &Ctx, start: usize) -> bool {
    let mut s = start;
    if s > 0 && doc.disp[s - 1] == ' ' {
        s -= 1;
    }
    s > 0 && is_han(doc.fold[s - 1]) && ctx.lex.org_prefix_zh.any_ends_at(&doc.fold, s)
}
