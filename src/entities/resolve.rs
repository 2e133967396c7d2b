//! Corpus-level resolution: gazetteer entries and discovered candidates become one entity list, and
//! every entity's spellings become mentions.
//!
//! Joining rule: spellings are compared folded; a candidate that shares a spelling with one entity
//! joins it (adding its other spellings), one that shares spellings with two gazetteer entries is
//! ambiguous and dropped, and discovered groups join each other freely. Gazetteer kinds win;
//! a discovered entity takes the kind of its strongest evidence. Surname-only spellings found by
//! discovery are *scoped*: they count only in an article that names the entity in full too.

use super::discover::{self, Candidate};
use super::gazetteer::{Gazetteer, Lexicon};
use super::matcher::{Matcher, Pattern};
use super::{Entity, EntityKind, Mention};
use crate::text::{fold_str, ArticleText};
use std::collections::{HashMap, HashSet};

struct Group {
    id: Option<String>,
    kind: EntityKind,
    strength: u8,
    names: Vec<String>,
    /// `names`, folded: a spelling that folds like one of them is not added again.
    name_keys: HashSet<String>,
    name_zh: Option<String>,
    scoped: Vec<String>,
    /// `scoped`, folded.
    scoped_own: HashSet<String>,
    gazetteer: bool,
    /// Merged into another group.
    dead: bool,
}

impl Group {
    fn new(kind: EntityKind) -> Group {
        Group {
            id: None,
            kind,
            strength: 0,
            names: Vec::new(),
            name_keys: HashSet::new(),
            name_zh: None,
            scoped: Vec::new(),
            scoped_own: HashSet::new(),
            gazetteer: false,
            dead: false,
        }
    }

    fn add_name(&mut self, s: &str) {
        if self.name_keys.insert(fold_str(s)) {
            self.names.push(s.to_string());
        }
    }
}

/// Entities and mentions of a corpus, with the embedded lexicon.
pub fn resolve(gazetteer: &Gazetteer, texts: &[&ArticleText]) -> (Vec<Entity>, Vec<Mention>) {
    resolve_with(gazetteer, Lexicon::embedded(), texts)
}

/// As [`resolve`], reading again only the articles `found` does not hold (see
/// [`discover::discover_cached`]).
pub fn resolve_cached(
    gazetteer: &Gazetteer,
    texts: &[&ArticleText],
    found: &mut discover::Found,
) -> (Vec<Entity>, Vec<Mention>) {
    resolve_found(gazetteer, Lexicon::embedded(), texts, found)
}

/// Entities and mentions of a corpus.
pub fn resolve_with(
    gazetteer: &Gazetteer,
    lex: &Lexicon,
    texts: &[&ArticleText],
) -> (Vec<Entity>, Vec<Mention>) {
    resolve_found(gazetteer, lex, texts, &mut discover::Found::default())
}

fn resolve_found(
    gazetteer: &Gazetteer,
    lex: &Lexicon,
    texts: &[&ArticleText],
    found: &mut discover::Found,
) -> (Vec<Entity>, Vec<Mention>) {
    let mut groups: Vec<Group> = Vec::new();
    let mut owner: HashMap<String, usize> = HashMap::new();
    for e in &gazetteer.entries {
        let g = groups.len();
        let names = e.spellings();
        for n in &names {
            owner.insert(fold_str(n), g);
        }
        groups.push(Group {
            id: Some(e.id.clone()),
            strength: u8::MAX,
            name_keys: names.iter().map(|n| fold_str(n)).collect(),
            names,
            name_zh: e.name_zh.clone(),
            gazetteer: true,
            ..Group::new(e.kind)
        });
    }
    let known: Vec<String> = owner.keys().cloned().collect();
    let mut candidates = discover::discover_cached(texts, lex, &known, found);
    crate::memory::release();
    // Strong evidence first, so a weak guess cannot claim a spelling a gloss explains.
    candidates.sort_by_key(|c| std::cmp::Reverse(c.strength));
    // Every scoped alias any group holds, folded: merging moves aliases between live groups, so
    // the set only grows.
    let mut scoped_keys: HashSet<String> = HashSet::new();
    for c in candidates {
        join(&mut groups, &mut owner, &mut scoped_keys, c);
    }
    mentions(groups, texts)
}

fn find_root(
    groups: &[Group],
    owner: &HashMap<String, usize>,
    key: &str,
    merged: &HashMap<usize, usize>,
) -> Option<usize> {
    let mut g = *owner.get(key)?;
    while let Some(&next) = merged.get(&g) {
        g = next;
    }
    (!groups[g].dead).then_some(g)
}

fn join(
    groups: &mut Vec<Group>,
    owner: &mut HashMap<String, usize>,
    scoped_keys: &mut HashSet<String>,
    c: Candidate,
) {
    // Owners are kept current on merge (below), so no redirect table is needed.
    let none = HashMap::new();
    let mut hit: Vec<usize> = Vec::new();
    for n in &c.names {
        if let Some(g) = find_root(groups, owner, &fold_str(n), &none) {
            if !hit.contains(&g) {
                hit.push(g);
            }
        }
    }
    if hit.iter().filter(|&&g| groups[g].gazetteer).count() > 1 {
        return;
    }
    // A weak guess that is only some entity's surname: the scoped alias already covers it.
    if hit.is_empty()
        && c.strength <= 1
        && c.names.len() == 1
        && scoped_keys.contains(&fold_str(&c.names[0]))
    {
        return;
    }
    hit.sort_by_key(|&g| (!groups[g].gazetteer, g));
    let fresh = hit.is_empty();
    let target = match hit.first() {
        Some(&g) => g,
        None => {
            groups.push(Group::new(c.kind));
            groups.len() - 1
        }
    };
    for &other in hit.iter().skip(1) {
        let (names, scoped, scoped_own, kind, strength) = {
            let o = &mut groups[other];
            o.dead = true;
            o.name_keys.clear();
            (
                std::mem::take(&mut o.names),
                std::mem::take(&mut o.scoped),
                std::mem::take(&mut o.scoped_own),
                o.kind,
                o.strength,
            )
        };
        for n in &names {
            groups[target].add_name(n);
            owner.insert(fold_str(n), target);
        }
        groups[target].scoped.extend(scoped);
        groups[target].scoped_own.extend(scoped_own);
        if !groups[target].gazetteer && strength > groups[target].strength {
            groups[target].kind = kind;
            groups[target].strength = strength;
        }
    }
    let t = &mut groups[target];
    for n in &c.names {
        t.add_name(n);
        owner.insert(fold_str(n), target);
    }
    for s in c.scoped {
        let key = fold_str(&s);
        if t.scoped_own.insert(key.clone()) {
            scoped_keys.insert(key);
            t.scoped.push(s);
        }
    }
    if !t.gazetteer && (c.strength > t.strength || fresh) {
        t.kind = c.kind;
        t.strength = c.strength.max(t.strength);
    }
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn is_han_name(s: &str) -> bool {
    s.chars().any(super::discover::is_han)
}

fn mentions(groups: Vec<Group>, texts: &[&ArticleText]) -> (Vec<Entity>, Vec<Mention>) {
    let live: Vec<usize> = (0..groups.len()).filter(|&g| !groups[g].dead).collect();
    let mut patterns = Vec::new();
    let mut full: std::collections::HashSet<String> = Default::default();
    for &g in &live {
        for n in &groups[g].names {
            full.insert(fold_str(n));
            patterns.push(Pattern {
                text: n.clone(),
                entity: g,
                scoped: false,
            });
        }
    }
    for &g in &live {
        for s in &groups[g].scoped {
            // A surname that is some entity's full spelling belongs to that entity.
            if !full.contains(&fold_str(s)) {
                patterns.push(Pattern {
                    text: s.clone(),
                    entity: g,
                    scoped: true,
                });
            }
        }
    }
    let matcher = Matcher::new(&patterns);
    let indexed: Vec<(usize, &&ArticleText)> = texts.iter().enumerate().collect();
    let per_article: Vec<Vec<Mention>> = crate::parallel::par_map(&indexed, |&(a, t)| {
        let hits = matcher.find(&t.folded());
        let named: std::collections::HashSet<usize> = hits
            .iter()
            .filter(|h| !h.scoped)
            .map(|h| h.entity)
            .collect();
        hits.iter()
            .filter(|h| !h.scoped || named.contains(&h.entity))
            .map(|h| Mention::new(h.entity, a, h.span))
            .collect::<Vec<_>>()
    });
    // The largest list of a corpus (millions at 100,000 articles): sized once, not by doubling.
    let mut raw: Vec<Mention> = Vec::with_capacity(per_article.iter().map(Vec::len).sum());
    for (k, list) in per_article.into_iter().enumerate() {
        raw.extend(list);
        // The workers' lists go back as they are copied (see `crate::memory`).
        if k % crate::memory::RELEASE_EVERY == crate::memory::RELEASE_EVERY - 1 {
            crate::memory::release();
        }
    }
    let mentioned: std::collections::HashSet<usize> = raw.iter().map(|m| m.entity()).collect();
    let mut index: HashMap<usize, usize> = HashMap::new();
    let mut entities: Vec<Entity> = Vec::new();
    let mut ids = Ids {
        used: groups.iter().filter_map(|g| g.id.clone()).collect(),
        next: HashMap::new(),
    };
    for &g in &live {
        if !mentioned.contains(&g) {
            continue;
        }
        index.insert(g, entities.len());
        entities.push(entity(&groups[g], &mut ids));
    }
    // Every mention's entity is mentioned, so the list keeps its length (and its allocation).
    let mentions = raw
        .into_iter()
        .filter_map(|m| index.get(&m.entity()).map(|&e| m.of(e)))
        .collect();
    (entities, mentions)
}

/// The entity ids given so far, and for each base the suffix to try next: every suffix below it is
/// taken already, so a base shared by many entities is not searched from 2 each time.
struct Ids {
    used: HashSet<String>,
    next: HashMap<String, usize>,
}

fn entity(g: &Group, ids: &mut Ids) -> Entity {
    let latin = g.names.iter().find(|n| !is_han_name(n)).cloned();
    let zh = g.names.iter().find(|n| is_han_name(n)).cloned();
    let name = latin.clone().or_else(|| zh.clone()).unwrap_or_default();
    let id = match &g.id {
        Some(id) => id.clone(),
        None => {
            let base = match &latin {
                Some(l) if !slug(l).is_empty() => slug(l),
                _ => fold_str(&name),
            };
            let mut id = base.clone();
            let mut n = ids.next.get(&base).copied().unwrap_or(2);
            while ids.used.contains(&id) {
                id = format!("{base}-{n}");
                n += 1;
            }
            ids.next.insert(base, n);
            ids.used.insert(id.clone());
            id
        }
    };
    let (name, name_zh) = if g.gazetteer {
        (g.names[0].clone(), g.name_zh.clone().or(zh))
    } else {
        (name, zh)
    };
    let mut aliases = g.names.clone();
    let mut folded: HashSet<String> = aliases.iter().map(|a| fold_str(a)).collect();
    for s in &g.scoped {
        if folded.insert(fold_str(s)) {
            aliases.push(s.clone());
        }
    }
    Entity {
        id,
        kind: g.kind,
        name,
        name_zh,
        aliases,
        rejected: false,
        edited: false,
        discovered: !g.gazetteer,
    }
}
