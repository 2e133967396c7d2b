//! The pipeline: runs the stages in order over a whole corpus and keeps what each produced.
//!
//! Per-article stages (text, dates) run independently; entity discovery and event merging need the
//! whole corpus, and publication dates may be inferred from other articles' events, so the order is:
//! text → entities (corpus-wide) → publication dates → dates → candidates → merge.

use crate::corpus::{Corpus, RawArticle};
use crate::entities::{self, Entity, Gazetteer, Mention};
use crate::events::{self, Candidate, Event};
use crate::text::{self, ArticleText};
use crate::time::{self, Precision, Published, TimeMention};
use chrono::Datelike;

/// One article after every per-article stage.
#[derive(Debug, Clone)]
pub struct Article {
    pub raw: RawArticle,
    pub text: ArticleText,
    pub published: Published,
    pub dates: Vec<TimeMention>,
}

impl Article {
    pub fn id(&self) -> &str {
        &self.raw.id
    }
    /// The title: the manifest's, else the text's first line.
    pub fn title(&self) -> String {
        if let Some(t) = &self.raw.meta.title {
            return t.clone();
        }
        self.text.title.map(|s| self.text.slice(s).trim().to_string()).unwrap_or_else(|| self.raw.id.clone())
    }
}

/// Everything the pipeline knows of a corpus.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub articles: Vec<Article>,
    pub entities: Vec<Entity>,
    pub mentions: Vec<Mention>,
    pub candidates: Vec<Candidate>,
    pub events: Vec<Event>,
}

impl Analysis {
    pub fn run(corpus: &Corpus) -> Analysis {
        Analysis::run_with(corpus, &Gazetteer::embedded())
    }

    /// Run with a particular gazetteer (a user's, or an empty one).
    pub fn run_with(corpus: &Corpus, gazetteer: &Gazetteer) -> Analysis {
        let articles: Vec<Article> = par_map(&corpus.articles, |raw| {
            let text = text::build(&raw.text, raw.format);
            let scanned = time::scan(&text.folded);
            let published = time::reference::publication(&raw.meta, &text, &scanned);
            let dates = time::resolve(&scanned, published.date);
            Article { raw: raw.clone(), text, published, dates }
        });
        let texts: Vec<&ArticleText> = articles.iter().map(|a| &a.text).collect();
        let (entities, mentions) = entities::resolve(gazetteer, &texts);
        let mut analysis = Analysis { articles, entities, mentions, ..Analysis::default() };
        analysis.find_events();
        if analysis.date_undated_articles() {
            analysis.find_events();
        }
        analysis
    }

    /// An article with no date of its own that tells of the same happenings as dated articles
    /// belongs to their time: it takes the latest of their publication dates, at month precision
    /// and marked inferred, and its relative dates (今年初, 4月) are resolved again against it.
    /// Returns whether any article got a date.
    fn date_undated_articles(&mut self) -> bool {
        let mut changed = false;
        for i in 0..self.articles.len() {
            if self.articles[i].published.is_known() {
                continue;
            }
            let mut peers: Vec<usize> = Vec::new();
            let mut shared = 0;
            for e in &self.events {
                if !e.sources.iter().any(|(a, _)| *a == i) {
                    continue;
                }
                let dated: Vec<usize> = e
                    .sources
                    .iter()
                    .map(|(a, _)| *a)
                    .filter(|&a| a != i && self.articles[a].published.is_known() && !self.articles[a].published.inferred)
                    .collect();
                if !dated.is_empty() {
                    shared += 1;
                }
                for a in dated {
                    if !peers.contains(&a) {
                        peers.push(a);
                    }
                }
            }
            let Some(latest) = peers.iter().filter_map(|&a| self.articles[a].published.date).max() else { continue };
            peers.sort_unstable();
            let names: Vec<String> = peers.iter().map(|&a| self.articles[a].id().to_string()).collect();
            let month = latest.with_day(1).unwrap_or(latest);
            let a = &mut self.articles[i];
            a.published = Published::inferred(
                month,
                Precision::Month,
                format!("shares {shared} events with dated articles {}; the latest was published {latest}", names.join(", ")),
            );
            a.dates = time::resolve(&time::scan(&a.text.folded), a.published.date);
            changed = true;
        }
        changed
    }

    /// Candidates from every article, merged across articles.
    fn find_events(&mut self) {
        let lexicon = events::lexicon::Lexicon::embedded();
        let mut candidates: Vec<Candidate> = Vec::new();
        let mut by_article: Vec<Vec<Mention>> = vec![Vec::new(); self.articles.len()];
        for m in &self.mentions {
            by_article[m.article].push(*m);
        }
        for list in &mut by_article {
            list.sort_by_key(|m| (m.span.start, m.span.end));
        }
        for (index, a) in self.articles.iter().enumerate() {
            let input = events::extract::ArticleInput {
                index,
                text: &a.text,
                dates: &a.dates,
                mentions: &by_article[index],
                published: &a.published,
            };
            candidates.extend(events::extract::candidates(&lexicon, &input, &self.entities));
        }
        let ids: Vec<String> = self.articles.iter().map(|a| a.raw.id.clone()).collect();
        self.events = events::merge::merge(candidates.clone(), &self.entities, &ids);
        self.candidates = candidates;
    }

    pub fn article_index(&self, id: &str) -> Option<usize> {
        self.articles.iter().position(|a| a.raw.id == id)
    }
}

/// `f` over `items` on every core, order kept. Articles are independent until entity discovery, and
/// scoped threads need no extra dependency.
pub fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let workers = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).min(items.len().max(1));
    if workers <= 1 {
        return items.iter().map(&f).collect();
    }
    let chunk = items.len().div_ceil(workers);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items.chunks(chunk).map(|part| scope.spawn(|| part.iter().map(&f).collect::<Vec<R>>())).collect();
        handles.into_iter().flat_map(|h| h.join().expect("a pipeline worker panicked")).collect()
    })
}
