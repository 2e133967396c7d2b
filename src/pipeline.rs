//! The pipeline: runs the stages in order over a whole corpus and keeps what each produced.
//!
//! Per-article stages (text, dates) run independently; entity discovery and event merging need the
//! whole corpus, and publication dates may be inferred from other articles' events, so the order is:
//! text → entities (corpus-wide) → publication dates → dates → candidates → merge.

use crate::corpus::{Corpus, RawArticle};
use crate::entities::{self, Entity, Gazetteer, Mention};
use crate::events::{self, Candidate, Event};
use crate::text::{self, ArticleText};
use crate::time::{self, Published, TimeMention};

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
        let articles: Vec<Article> = corpus
            .articles
            .iter()
            .map(|raw| {
                let text = text::build(&raw.text, raw.format);
                let dates = time::tag(&text.folded, None);
                Article { raw: raw.clone(), text, published: Published::unknown(), dates }
            })
            .collect();
        let texts: Vec<&ArticleText> = articles.iter().map(|a| &a.text).collect();
        let (entities, mentions) = entities::resolve(gazetteer, &texts);
        let ids: Vec<String> = articles.iter().map(|a| a.raw.id.clone()).collect();
        let candidates: Vec<Candidate> = Vec::new();
        let events = events::merge::merge(candidates.clone(), &ids);
        Analysis { articles, entities, mentions, candidates, events }
    }

    pub fn article_index(&self, id: &str) -> Option<usize> {
        self.articles.iter().position(|a| a.raw.id == id)
    }
}
