//! Corpora written for the search tests, and the entity and event layers the later pipeline stages
//! would add, built here so that search is tested against the stage types rather than against
//! whatever those stages find today.
#![allow(dead_code)]

use storyline::corpus::{Corpus, ManifestEntry, RawArticle, SourceFormat};
use storyline::entities::{Entity, EntityKind, Mention};
use storyline::events::{Event, EventKind, Status};
use storyline::pipeline::Analysis;
use storyline::text::{fold_str, Span};

pub fn corpus(articles: &[(&str, &str)]) -> Corpus {
    Corpus {
        root: None,
        articles: articles
            .iter()
            .map(|(id, text)| RawArticle {
                id: id.to_string(),
                file: format!("{id}.txt"),
                format: SourceFormat::Text,
                text: (*text).into(),
                encoding: "UTF-8",
                bytes: text.len(),
                print: storyline::corpus::fingerprint(text),
                meta: ManifestEntry::default(),
            })
            .collect(),
        issues: Vec::new(),
        ..Corpus::default()
    }
}

pub fn analysis(articles: &[(&str, &str)]) -> Analysis {
    Analysis::run(&corpus(articles))
}

/// Char spans where `needle` (folded) occurs in the article's folded text.
pub fn find_all(analysis: &Analysis, article: usize, needle: &str) -> Vec<Span> {
    let folded: Vec<char> = analysis.articles[article].text.folded().chars().collect();
    let n: Vec<char> = fold_str(needle).chars().collect();
    let mut out = Vec::new();
    if n.is_empty() || n.len() > folded.len() {
        return out;
    }
    for i in 0..=folded.len() - n.len() {
        if folded[i..i + n.len()] == n[..] {
            out.push(Span::new(i, i + n.len()));
        }
    }
    out
}

/// Add a person with these names, and a mention wherever any of them occurs.
pub fn add_person(analysis: &mut Analysis, id: &str, name: &str, aliases: &[&str]) -> usize {
    let e = analysis.entities.len();
    analysis.entities.push(Entity {
        id: id.to_string(),
        kind: EntityKind::Person,
        name: name.to_string(),
        name_zh: None,
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        rejected: false,
        edited: false,
        discovered: false,
    });
    for a in 0..analysis.articles.len() {
        for alias in std::iter::once(name).chain(aliases.iter().copied()) {
            for span in find_all(analysis, a, alias) {
                analysis.mentions.push(Mention::new(e, a, span));
            }
        }
    }
    // The analysis keeps its mentions in article and text order; readers take each article's run.
    analysis
        .mentions
        .sort_by_key(|m| (m.article(), m.span().start, m.span().end));
    e
}

/// Add an event cited at the first occurrence of `quote` in article `article`.
pub fn add_event(analysis: &mut Analysis, id: &str, article: usize, quote: &str) -> Span {
    let span = find_all(analysis, article, quote)[0];
    analysis.events.push(Event {
        id: id.to_string(),
        kind: EventKind::Hire,
        status: Status::Reported,
        date: None,
        date_source: storyline::events::DateSource::None,
        entities: Vec::new(),
        money: None,
        title_zh: quote.to_string(),
        title_en: None,
        sources: vec![(article, span)],
        conflicts: Vec::new(),
        hidden: false,
        edited: Vec::new(),
    });
    span
}

/// The display text of a highlight range.
pub fn slice(analysis: &Analysis, article: &str, range: [usize; 2]) -> String {
    let a = &analysis.articles[analysis.article_index(article).unwrap()];
    a.text.slice(Span::new(range[0], range[1])).to_string()
}
