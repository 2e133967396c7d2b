//! Names in English articles: runs of capitalised words.
//!
//! A run is cut at every word that is not capitalised, so "Meta Platforms has hired Ruoming Pang"
//! holds two runs, and at a title, which is no part of a name but says what follows it is a person
//! (Meta Chief Executive Mark Zuckerberg: Meta, then the person Mark Zuckerberg). A possessive's
//! `'s` is dropped. Function words that open a sentence (The, After, But) are not names. A run of
//! two or three words is an organisation when its last word names one (Meta Platforms, Bank, Inc),
//! else a person when it opens with a given name or a title, or holds no common English word
//! (Ruoming Pang; not Insured Losses or Laguna Beach: `assets/text/given_names.txt`,
//! `english_common.txt`); a single word (Nvidia, Apple, TSMC) is an organisation when the article writes it more than
//! once, once inside a sentence, and it is no surname of a person found there. A person's surname
//! alone (Pang said) counts in the articles that name the person in full. The word lists are data
//! in `assets/entity_lexicon.toml` (`english_titles`, `english_function_words`, `english_places`,
//! `org_suffix_latin`).

use super::{Candidate, Ctx, Doc};
use crate::entities::EntityKind;
use crate::text::{fold_str, Span};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    /// The first word of its sentence.
    opens: bool,
}

/// Capitalised words (possessive `'s` left out), grouped into runs of words separated by one space;
/// only inside `within` when given (the English paragraphs of a Chinese page).
fn runs(doc: &Doc, within: Option<&[Span]>) -> Vec<Vec<Word>> {
    let mut outside = vec![false; if within.is_some() { doc.len() } else { 0 }];
    if let Some(spans) = within {
        outside.iter_mut().for_each(|o| *o = true);
        for s in spans {
            outside[s.start.min(doc.len())..s.end.min(doc.len())]
                .iter_mut()
                .for_each(|o| *o = false);
        }
    }
    let n = doc.len();
    let mut out: Vec<Vec<Word>> = Vec::new();
    let mut cur: Vec<Word> = Vec::new();
    let mut i = 0;
    let mut sentence_start = true;
    while i < n {
        let c = doc.disp[i];
        if outside.get(i).copied().unwrap_or(false) {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            sentence_start = true;
            i += 1;
            continue;
        }
        if c.is_ascii_alphanumeric() {
            let s = i;
            while i < n && (doc.disp[i].is_ascii_alphanumeric() || matches!(doc.disp[i], '-' | '&'))
            {
                i += 1;
            }
            let mut end = i;
            // Apple's, Meta’s
            if i + 1 < n && matches!(doc.disp[i], '\'' | '’') && doc.disp[i + 1] == 's' {
                i += 2;
            } else if doc.disp[end - 1] == '-' {
                end -= 1;
            }
            let capital = doc.disp[s].is_ascii_uppercase();
            let opens = sentence_start;
            sentence_start = false;
            if capital {
                let joined = cur.last().is_some_and(|w: &Word| {
                    doc.disp[w.end..s].iter().all(|&c| c == ' ') && s - w.end == 1
                });
                if !joined && !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                cur.push(Word {
                    start: s,
                    end,
                    opens,
                });
            } else if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else {
            if matches!(c, '.' | '!' | '?' | '\n' | ':' | ';') {
                sentence_start = true;
            }
            if !cur.is_empty() && c != ' ' {
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

/// Names of one English article, or of the English paragraphs (`within`) of a Chinese one.
pub(crate) fn find(doc: &Doc, ctx: &Ctx, within: Option<&[Span]>) -> Vec<Candidate> {
    let lex = ctx.lex;
    let text = |w: &Word| doc.text(w.start, w.end);
    let is_title = |w: &Word| lex.english_titles.contains(&fold_str(&text(w)));
    let function = |w: &Word| {
        let f = fold_str(&text(w));
        lex.english_function_words.contains(&f) || lex.english_places.contains(&f)
    };
    let mut people: Vec<(String, String)> = Vec::new();
    let mut orgs: Vec<String> = Vec::new();
    // Single words: (count, seen inside a sentence).
    let mut singles: HashMap<String, (usize, bool)> = HashMap::new();
    for run in runs(doc, within) {
        // Cut at titles: what follows the last title is a person; what precedes it stands apart.
        let mut parts: Vec<(Vec<Word>, bool)> = Vec::new();
        let mut part: Vec<Word> = Vec::new();
        let mut titled = false;
        for w in run {
            if is_title(&w) {
                if !part.is_empty() {
                    parts.push((std::mem::take(&mut part), titled));
                }
                titled = true;
                continue;
            }
            part.push(w);
        }
        if !part.is_empty() {
            parts.push((part, titled));
        }
        for (mut words, titled) in parts {
            while words
                .first()
                .is_some_and(|w| function(w) || lex.is_not_name(&text(w)))
            {
                words.remove(0);
            }
            while words.last().is_some_and(&function) {
                words.pop();
            }
            let Some(first) = words.first().copied() else {
                continue;
            };
            let last = words[words.len() - 1];
            let whole = doc.text(first.start, last.end);
            if ctx.is_known(&whole) || words.len() > 4 {
                continue;
            }
            let org = lex.org_suffix_latin.contains(&fold_str(&text(&last)));
            let spelled: Vec<String> = words.iter().map(text).collect();
            let person_like = super::latin::person_like(lex, &spelled, titled);
            if words.len() >= 2 && org {
                orgs.push(whole);
            } else if (2..=3).contains(&words.len())
                && person_like
                && words
                    .iter()
                    .all(|w| !lex.is_not_name(&text(w)) && super::latin::capitalised_name(&text(w)))
            {
                people.push((whole, text(&last)));
            } else if words.len() == 1 && titled && super::latin::capitalised_name(&whole) {
                // President Lai: a person named by title and surname.
                people.push((whole.clone(), whole));
            } else if words.len() == 1 {
                let s = singles.entry(whole).or_default();
                s.0 += 1;
                s.1 |= !first.opens;
            } else if !person_like {
                // A headline's or a term's run (Insured Losses for Varnholt Could Reach, Microsoft
                // Windows computers): its words that are no common word may still be names.
                for w in &words {
                    let t = text(w);
                    if function(w) || lex.english_common.contains(&t.to_ascii_lowercase()) {
                        continue;
                    }
                    let s = singles.entry(t).or_default();
                    s.0 += 1;
                    s.1 |= !w.opens;
                }
            }
        }
    }
    let mut out: Vec<Candidate> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for (name, surname) in &people {
        if seen.contains(name) {
            continue;
        }
        seen.push(name.clone());
        let scoped = if surname != name && surname.len() >= 3 {
            vec![surname.clone()]
        } else {
            Vec::new()
        };
        out.push(Candidate {
            names: vec![name.clone()],
            scoped,
            kind: EntityKind::Person,
            strength: 1,
        });
    }
    for name in orgs {
        if !seen.contains(&name) {
            seen.push(name.clone());
            out.push(Candidate {
                names: vec![name],
                scoped: Vec::new(),
                kind: EntityKind::Organization,
                strength: 2,
            });
        }
    }
    let part_of_person = |w: &str| {
        people
            .iter()
            .any(|(name, _)| name.split(' ').any(|p| p == w))
    };
    let mut singles: Vec<(String, (usize, bool))> = singles.into_iter().collect();
    singles.sort();
    for (word, (count, inside)) in singles {
        // The first word of an organisation named in full here is its short form, even once.
        let heads_org = out.iter().any(|c| {
            c.kind == EntityKind::Organization
                && c.names[0]
                    .strip_prefix(word.as_str())
                    .is_some_and(|rest| rest.starts_with(' '))
        });
        // A word at the head of sentences only may be an ordinary one (Yesterday, Shares), unless
        // it is no common word at all.
        let uncommon = !lex.english_common.contains(&word.to_ascii_lowercase());
        let ok = ((count >= 2 && (inside || uncommon)) || heads_org)
            && word.len() >= 2
            && word.chars().any(|c| c.is_ascii_alphabetic())
            && !lex.is_not_name(&word)
            && !lex.english_places.contains(&fold_str(&word))
            && !ctx.is_known(&word)
            && !part_of_person(&word)
            && !seen.contains(&word);
        if !ok {
            continue;
        }
        // Meta and Meta Platforms are one company: the full name is the single word's spelling.
        let full = out.iter_mut().find(|c| {
            c.kind == EntityKind::Organization
                && c.names[0]
                    .strip_prefix(word.as_str())
                    .is_some_and(|rest| rest.starts_with(' '))
        });
        match full {
            Some(c) => c.names.insert(0, word),
            None => out.push(Candidate {
                names: vec![word],
                scoped: Vec::new(),
                kind: EntityKind::Organization,
                strength: 1,
            }),
        }
    }
    out
}
