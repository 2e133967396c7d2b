//! Scoring a computed timeline against a gold timeline written by hand (`eval/FORMAT.md`).
//!
//! A story folder holds articles, a `manifest.toml` and a `gold.toml`: the story's people and
//! organisations with their spellings, each article's publication date, and the happenings, each
//! with the date window its text allows, the actors involved, and one cue quote per article that
//! tells of it. [`score`] compares an [`Analysis`] of the folder with that gold:
//!
//! - a computed event **matches** a happening when its date lies inside the gold window, it shares at
//!   least one person or organisation with it, and one of its cited passages overlaps a cue;
//! - **recall** is the share of happenings that some event matches, **precision** the share of
//!   events that match some happening;
//! - a **publication date** is right when it says what the gold says at the gold's precision (an
//!   article whose text and URL tell no date is right when the pipeline claims none of its own);
//! - **entity recall** is the share of gold people and organisations found under any spelling.
//!
//! Cues are looked up in the article's display text by their folded characters with whitespace
//! ignored, so a quote copied from the file is found whatever script or spacing the display keeps.
//! A cue that the display text lost (cut as page furniture) cannot be cited: the happening counts
//! against the pipeline, and the report says why.
//!
//! Useful for: comparing two versions of the extraction on the same stories. Not useful for: the
//! built-in corpus, which the extraction was first built around.

use crate::error::{Error, ErrorCode, Result};
use crate::pipeline::Analysis;
use crate::text::{fold_str, Span};
use crate::time::{DateRange, Precision};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

pub use crate::corpus::GOLD_FILE;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gold {
    pub title: String,
    #[serde(default)]
    pub domain: String,
    #[serde(default)]
    pub entities: Vec<GoldEntity>,
    #[serde(default)]
    pub articles: BTreeMap<String, GoldArticle>,
    #[serde(default)]
    pub happenings: Vec<Happening>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GoldKind {
    Person,
    Org,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldEntity {
    pub kind: GoldKind,
    /// Every spelling in the articles; the first is the canonical name happenings use.
    pub names: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PublishedFrom {
    Text,
    Url,
    None,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldArticle {
    #[serde(default)]
    pub outlet: Option<String>,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; absent when nothing tells it.
    #[serde(default)]
    pub published: Option<String>,
    pub published_from: PublishedFrom,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GoldStatus {
    Happened,
    Reported,
    Rumoured,
    Planned,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Happening {
    pub id: String,
    pub what: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub status: GoldStatus,
    pub entities: Vec<String>,
    pub cues: Vec<Cue>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cue {
    pub article: String,
    pub quote: String,
}

impl Gold {
    /// Read and check `gold.toml` in a story folder.
    pub fn load(dir: &Path) -> Result<Gold> {
        let path = dir.join(GOLD_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            Error::new(
                ErrorCode::Unreadable,
                format!("cannot read {}: {e}", path.display()),
            )
        })?;
        let gold: Gold = toml::from_str(&text)
            .map_err(|e| Error::new(ErrorCode::BadGold, format!("{}: {e}", path.display())))?;
        gold.check(&path)?;
        Ok(gold)
    }

    /// Every happening's window is in order, and every name it uses is an entity's.
    fn check(&self, path: &Path) -> Result<()> {
        let bad = |m: String| Error::new(ErrorCode::BadGold, format!("{}: {m}", path.display()));
        for h in &self.happenings {
            if h.from > h.to {
                return Err(bad(format!("happening {}: from is after to", h.id)));
            }
            if let Some(n) = h.entities.iter().find(|n| self.entity(n).is_none()) {
                return Err(bad(format!(
                    "happening {}: {n:?} is not a canonical name in [[entities]]",
                    h.id
                )));
            }
        }
        if let Some(e) = self.entities.iter().find(|e| e.names.is_empty()) {
            return Err(bad(format!("an entity of kind {:?} has no names", e.kind)));
        }
        for (id, a) in &self.articles {
            if let Some(p) = &a.published {
                parse_partial(p)
                    .ok_or_else(|| bad(format!("article {id}: published {p:?} is not a date")))?;
            }
        }
        Ok(())
    }

    fn entity(&self, canonical: &str) -> Option<&GoldEntity> {
        self.entities
            .iter()
            .find(|e| e.names.first().is_some_and(|n| n == canonical))
    }
}

/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` as the range of days it names and its precision.
fn parse_partial(s: &str) -> Option<DateRange> {
    let parts: Vec<u32> = s
        .split('-')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let (start, end, precision) = match parts.as_slice() {
        [y, m, d] => {
            let day = NaiveDate::from_ymd_opt(*y as i32, *m, *d)?;
            (day, day, Precision::Day)
        }
        [y, m] => {
            let first = NaiveDate::from_ymd_opt(*y as i32, *m, 1)?;
            let next = if *m == 12 {
                NaiveDate::from_ymd_opt(*y as i32 + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(*y as i32, m + 1, 1)?
            };
            (first, next.pred_opt()?, Precision::Month)
        }
        [y] => (
            NaiveDate::from_ymd_opt(*y as i32, 1, 1)?,
            NaiveDate::from_ymd_opt(*y as i32, 12, 31)?,
            Precision::Year,
        ),
        _ => return None,
    };
    Some(DateRange {
        start,
        end,
        precision,
    })
}

/// Which gazetteer an evaluation runs with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GazetteerChoice {
    /// The one Storyline ships, extended by a `gazetteer.toml` in the story folder.
    Default,
    /// None at all: every name must be discovered in the text.
    None,
}

/// Read a story folder, analyse it, and score the analysis against its gold.
pub fn run_story(dir: &Path, gazetteer: GazetteerChoice) -> Result<StoryReport> {
    let gold = Gold::load(dir)?;
    let corpus = crate::corpus::Corpus::open(dir)?;
    if let Some(issue) = corpus.issues.first() {
        return Err(Error::new(
            issue.code,
            format!("{}: {}", dir.display(), issue.message),
        ));
    }
    let gazetteer = match gazetteer {
        GazetteerChoice::Default => match crate::entities::Gazetteer::for_corpus(&corpus) {
            (g, None) => g,
            (_, Some(issue)) => return Err(Error::new(issue.code, issue.message)),
        },
        GazetteerChoice::None => crate::entities::Gazetteer::default(),
    };
    let analysis = Analysis::run_with(&corpus, &gazetteer);
    Ok(score(&analysis, &gold))
}

/// One happening's outcome.
#[derive(Debug, Clone, Serialize)]
pub struct HappeningResult {
    pub id: String,
    pub what: String,
    pub found: bool,
    /// Why not, when not found: the nearest miss.
    pub why: Option<String>,
    /// Told in English and Chinese and found, but by no event that cites both languages.
    pub one_language: bool,
}

/// One article's publication date, gold and computed.
#[derive(Debug, Clone, Serialize)]
pub struct PublishedResult {
    pub article: String,
    pub gold: Option<String>,
    pub computed: Option<String>,
    pub inferred: bool,
    pub right: bool,
}

/// A count out of a total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Ratio {
    pub hit: usize,
    pub of: usize,
}

impl Ratio {
    pub fn add(&mut self, other: Ratio) {
        self.hit += other.hit;
        self.of += other.of;
    }
    pub fn percent(&self) -> f64 {
        if self.of == 0 {
            0.0
        } else {
            100.0 * self.hit as f64 / self.of as f64
        }
    }
}

impl std::fmt::Display for Ratio {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{} {:.0}%", self.hit, self.of, self.percent())
    }
}

/// The figures for one story under one gazetteer.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Figures {
    pub published: Ratio,
    pub recall: Ratio,
    pub precision: Ratio,
    pub entities: Ratio,
    /// Of the happenings told by an English and a Chinese article, those found by an event that
    /// cites both an English and a Chinese passage.
    pub both_languages: Ratio,
}

impl Figures {
    pub fn add(&mut self, other: &Figures) {
        self.published.add(other.published);
        self.recall.add(other.recall);
        self.precision.add(other.precision);
        self.entities.add(other.entities);
        self.both_languages.add(other.both_languages);
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct StoryReport {
    pub figures: Figures,
    pub happenings: Vec<HappeningResult>,
    pub published: Vec<PublishedResult>,
    /// Computed events that match no happening: `(kind and date label, title, first passage)`.
    pub unmatched: Vec<(String, String, String)>,
    /// Gold entities no computed entity names.
    pub missing_entities: Vec<String>,
}

/// A cue located in an article's display text.
struct Located {
    article: usize,
    span: Span,
}

/// Find `quote` in the article's folded text, whitespace ignored on both sides.
fn locate(analysis: &Analysis, article: usize, quote: &str) -> Option<Span> {
    let folded = &analysis.articles[article].text.folded();
    let hay: Vec<(usize, char)> = folded
        .chars()
        .enumerate()
        .filter(|(_, c)| !c.is_whitespace())
        .collect();
    let needle: Vec<char> = fold_str(&crate::text::without_pinyin(quote))
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if needle.is_empty() || needle.len() > hay.len() {
        return None;
    }
    let at = hay
        .windows(needle.len())
        .position(|w| w.iter().map(|(_, c)| *c).eq(needle.iter().copied()))?;
    Some(Span::new(hay[at].0, hay[at + needle.len() - 1].0 + 1))
}

/// Two names for one thing: equal when folded, or one holds the other (`總統尹錫悅`, `台積電董事會`).
fn same_name(a: &str, b: &str) -> bool {
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    !short.is_empty() && (short == long || (short.chars().count() >= 2 && long.contains(short)))
}

/// Indices of computed entities that are the gold entity under one of its spellings.
fn entity_matches(analysis: &Analysis, gold: &GoldEntity) -> Vec<usize> {
    let names: Vec<String> = gold
        .names
        .iter()
        .map(|n| fold_str(n.trim()).to_lowercase())
        .collect();
    (0..analysis.entities.len())
        .filter(|&i| {
            analysis.entities[i]
                .folded_aliases()
                .iter()
                .any(|alias| names.iter().any(|n| same_name(n, &alias.to_lowercase())))
        })
        .collect()
}

fn published_right(gold: Option<&DateRange>, computed: &crate::time::Published) -> bool {
    match (gold, computed.date) {
        (None, None) => true,
        (None, Some(_)) => computed.inferred,
        (Some(_), None) => false,
        (Some(g), Some(d)) => {
            let within = d >= g.start && d <= g.end;
            match g.precision {
                Precision::Day => within && computed.precision == Precision::Day,
                _ => within && computed.precision <= g.precision,
            }
        }
    }
}

fn kind_name(kind: crate::events::EventKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

fn label(range: Option<&DateRange>) -> String {
    range
        .map(crate::time::label_en)
        .unwrap_or_else(|| "undated".into())
}

/// Why no event cites the cues: per cue, what its sentence lacked on the way to an event (a name,
/// a trigger word) or that a candidate was made and then left off the timeline. Merging keeps
/// every member's passage, so such a candidate is one that no telling dates and that is not
/// presented as news (see `Analysis::leave_out_undated_background`).
/// `dropped` keeps each article's reasons ([`dropped_in`]), worked out once however many misses
/// it holds.
fn diagnose(analysis: &Analysis, cues: &[Located], dropped: &mut Dropped) -> String {
    let lexicon = crate::events::lexicon::Lexicon::embedded();
    let mut said: Vec<&'static str> = cues
        .iter()
        .map(|c| {
            let text = &analysis.articles[c.article].text;
            let Some(sentence) = text.sentence_at(c.span.start) else {
                return "outside any sentence";
            };
            let in_title = text.title.is_some_and(|t| t.overlaps(sentence));
            if in_title {
                return "in the title";
            }
            let candidate = analysis
                .candidates
                .iter()
                .any(|k| k.article == c.article && k.span.overlaps(sentence));
            if candidate {
                return "candidate left out as undated background";
            }
            let named = analysis
                .mentions
                .iter()
                .any(|m| m.article() == c.article && sentence.contains(m.span()));
            let triggered = lexicon
                .scan(&text.folded_slice(sentence))
                .iter()
                .any(|h| matches!(h.cue, crate::events::lexicon::Cue::Trigger(_)));
            match (named, triggered) {
                (false, false) => "no name, no trigger",
                (false, true) => "no name",
                (true, false) => "no trigger",
                (true, true) => dropped
                    .entry(c.article)
                    .or_insert_with(|| dropped_in(analysis, c.article))
                    .iter()
                    .find(|(s, _)| *s == sentence)
                    .map_or("dropped", |(_, why)| why.name()),
            }
        })
        .collect();
    said.sort_unstable();
    said.dedup();
    said.join("; ")
}

/// Each article's [`dropped_in`], by article index.
type Dropped = BTreeMap<usize, Vec<(Span, crate::events::extract::Dropped)>>;

/// Why the extractor made no candidate of each sentence of an article that came near one.
fn dropped_in(analysis: &Analysis, article: usize) -> Vec<(Span, crate::events::extract::Dropped)> {
    let a = &analysis.articles[article];
    let mut mentions: Vec<crate::entities::Mention> = analysis
        .mentions
        .iter()
        .filter(|m| m.article() == article)
        .copied()
        .collect();
    mentions.sort_by_key(|m| (m.span().start, m.span().end));
    let input = crate::events::extract::ArticleInput::new(
        article,
        &a.text,
        &a.dates,
        &mentions,
        &a.published,
    );
    let mut dropped = Vec::new();
    crate::events::extract::candidates_explained(
        crate::events::lexicon::Lexicon::embedded(),
        &input,
        &analysis.entities,
        &mut dropped,
    );
    dropped
}

/// Score an analysis of a story folder against its gold.
pub fn score(analysis: &Analysis, gold: &Gold) -> StoryReport {
    let article_of: BTreeMap<&str, usize> = analysis
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id(), i))
        .collect();

    let published: Vec<PublishedResult> = analysis
        .articles
        .iter()
        .filter_map(|a| {
            let g = gold.articles.get(a.id())?;
            let range = g.published.as_deref().and_then(parse_partial);
            let p = &a.published;
            Some(PublishedResult {
                article: a.id().to_string(),
                gold: g.published.clone(),
                computed: p.date.map(|d| match p.precision {
                    Precision::Day => d.to_string(),
                    Precision::Year => format!("{}", d.year()),
                    _ => format!("{}-{:02}", d.year(), d.month()),
                }),
                inferred: p.inferred,
                right: published_right(range.as_ref(), p),
            })
        })
        .collect();

    let gold_entities: Vec<Vec<usize>> = gold
        .entities
        .iter()
        .map(|e| entity_matches(analysis, e))
        .collect();
    let missing_entities: Vec<String> = gold
        .entities
        .iter()
        .zip(&gold_entities)
        .filter(|(_, found)| found.is_empty())
        .map(|(e, _)| e.names[0].clone())
        .collect();

    let mut event_matched = vec![false; analysis.events.len()];
    let english = |a: usize| analysis.articles[a].text.script == crate::text::Script::En;
    let mut both_languages = Ratio::default();
    let mut dropped = Dropped::new();
    let mut happenings = Vec::new();
    for h in &gold.happenings {
        let cues: Vec<Located> = h
            .cues
            .iter()
            .filter_map(|c| {
                let article = *article_of.get(c.article.as_str())?;
                Some(Located {
                    article,
                    span: locate(analysis, article, &c.quote)?,
                })
            })
            .collect();
        let actors: Vec<usize> = h
            .entities
            .iter()
            .filter_map(|n| {
                gold.entities
                    .iter()
                    .position(|e| e.names.first() == Some(n))
            })
            .flat_map(|k| gold_entities[k].iter().copied())
            .collect();
        let mut why: Option<String> = None;
        // How near the reported miss came: 1 wrong in one way, 2 in both.
        let mut why_wrongs = usize::MAX;
        let mut found = false;
        let bilingual =
            cues.iter().any(|c| english(c.article)) && cues.iter().any(|c| !english(c.article));
        let mut found_in_both = false;
        for (k, e) in analysis.events.iter().enumerate() {
            let cited = e
                .sources
                .iter()
                .any(|&(a, s)| cues.iter().any(|c| c.article == a && s.overlaps(c.span)));
            if !cited {
                continue;
            }
            let dated = e.date.is_some_and(|d| d.start >= h.from && d.end <= h.to);
            let shared = e.entities.iter().any(|x| actors.contains(x));
            if dated && shared {
                found = true;
                event_matched[k] = true;
                found_in_both |= e.sources.iter().any(|&(a, _)| english(a))
                    && e.sources.iter().any(|&(a, _)| !english(a));
            } else if !found && usize::from(!dated) + usize::from(!shared) < why_wrongs {
                why_wrongs = usize::from(!dated) + usize::from(!shared);
                let mut wrong = Vec::new();
                if !dated {
                    wrong.push(format!("date {}", label(e.date.as_ref())));
                    // Whether a telling of it was dated right and merging moved it: a merge
                    // defect rather than a dating one.
                    let told_right = analysis.candidates.iter().any(|t| {
                        t.date.is_some_and(|d| d.start >= h.from && d.end <= h.to)
                            && cues
                                .iter()
                                .any(|c| c.article == t.article && t.span.overlaps(c.span))
                    });
                    if told_right {
                        wrong.push("though a telling was dated right".into());
                    }
                }
                if !shared {
                    let names: Vec<&str> = e
                        .entities
                        .iter()
                        .map(|&x| analysis.entities[x].name.as_str())
                        .collect();
                    wrong.push(format!("entities [{}]", names.join(", ")));
                }
                why = Some(format!(
                    "{} ({}): wrong {}",
                    e.title_zh,
                    kind_name(e.kind),
                    wrong.join(", ")
                ));
            }
        }
        if !found && why.is_none() {
            why = Some(if cues.len() < h.cues.len() {
                format!(
                    "{} of {} cues are not in the display text; no event cites the rest",
                    h.cues.len() - cues.len(),
                    h.cues.len()
                )
            } else {
                format!(
                    "no event cites any cue ({})",
                    diagnose(analysis, &cues, &mut dropped)
                )
            });
        }
        if bilingual {
            both_languages.of += 1;
            both_languages.hit += usize::from(found_in_both);
        }
        happenings.push(HappeningResult {
            id: h.id.clone(),
            what: h.what.clone(),
            found,
            why: if found { None } else { why },
            one_language: bilingual && found && !found_in_both,
        });
    }

    let unmatched = analysis
        .events
        .iter()
        .zip(&event_matched)
        .filter(|(_, m)| !**m)
        .map(|(e, _)| {
            let quote = e
                .sources
                .first()
                .map(|&(a, s)| {
                    format!(
                        "{}: {}",
                        analysis.articles[a].id(),
                        analysis.articles[a].text.slice(s).trim()
                    )
                })
                .unwrap_or_default();
            (
                format!("{}, {}", kind_name(e.kind), label(e.date.as_ref())),
                e.title_zh.clone(),
                quote,
            )
        })
        .collect();

    let figures = Figures {
        published: Ratio {
            hit: published.iter().filter(|p| p.right).count(),
            of: published.len(),
        },
        recall: Ratio {
            hit: happenings.iter().filter(|h| h.found).count(),
            of: happenings.len(),
        },
        precision: Ratio {
            hit: event_matched.iter().filter(|m| **m).count(),
            of: event_matched.len(),
        },
        entities: Ratio {
            hit: gold_entities.iter().filter(|f| !f.is_empty()).count(),
            of: gold_entities.len(),
        },
        both_languages,
    };
    StoryReport {
        figures,
        happenings,
        published,
        unmatched,
        missing_entities,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_name_their_ranges() {
        let m = parse_partial("2024-02").unwrap();
        assert_eq!(
            (m.start.to_string(), m.end.to_string()),
            ("2024-02-01".into(), "2024-02-29".into())
        );
        assert_eq!(parse_partial("2024").unwrap().precision, Precision::Year);
        assert!(parse_partial("2024-13").is_none());
        assert!(parse_partial("May 2024").is_none());
    }

    /// A one-article story in a temporary folder, with its own gazetteer.
    fn story(gold: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
        write(
            "01_a.txt",
            "2024年4月12日\n台積電董事會改選\n台積電於2024年4月12日宣布任命魏哲家為董事長。分析師認為此舉影響深遠。\n",
        );
        write(
            "manifest.toml",
            "[articles.01_a]\nurl = \"https://example.com/news/2024/04/12/a\"\n",
        );
        write(
            "gazetteer.toml",
            "[[entity]]\nid = \"tsmc\"\nkind = \"organization\"\nname = \"TSMC\"\nname_zh = \"台積電\"\n",
        );
        write("gold.toml", gold);
        dir
    }

    const GOLD: &str = r#"
title = "test"
[[entities]]
kind = "org"
names = ["台积电", "TSMC"]
[articles.01_a]
published = "2024-04-12"
published_from = "text"
[[happenings]]
id = "h1"
what = "TSMC names a chairman"
from = "FROM"
to = "TO"
status = "happened"
entities = ["台积电"]
cues = [{ article = "01_a", quote = "宣布任命魏哲家为董事长" }]
"#;

    #[test]
    fn a_happening_told_with_its_date_and_actor_is_found() {
        let dir = story(
            &GOLD
                .replace("FROM", "2024-04-12")
                .replace("TO", "2024-04-12"),
        );
        let r = run_story(dir.path(), GazetteerChoice::Default).unwrap();
        assert_eq!(
            r.figures.recall,
            Ratio { hit: 1, of: 1 },
            "{:?}",
            r.happenings
        );
        assert_eq!(r.figures.published, Ratio { hit: 1, of: 1 });
        assert_eq!(r.figures.entities, Ratio { hit: 1, of: 1 });
        assert_eq!(r.figures.precision.hit, 1);
    }

    #[test]
    fn a_happening_told_in_both_languages_counts_when_its_event_cites_both() {
        let dir = story(
            &GOLD
                .replace("FROM", "2024-04-12")
                .replace("TO", "2024-04-12")
                .replace(
                    "cues = [{ article = \"01_a\", quote = \"宣布任命魏哲家为董事长\" }]",
                    "cues = [{ article = \"01_a\", quote = \"宣布任命魏哲家为董事长\" }, { article = \"02_en\", quote = \"TSMC on Friday appointed C.C. Wei\" }]",
                ),
        );
        std::fs::write(
            dir.path().join("02_en.txt"),
            "April 13, 2024\n\nTSMC on Friday appointed C.C. Wei as chairman of the board, the chipmaker said in a statement to the exchange.\n",
        )
        .unwrap();
        let r = run_story(dir.path(), GazetteerChoice::Default).unwrap();
        assert_eq!(
            r.figures.both_languages,
            Ratio { hit: 1, of: 1 },
            "{:?}",
            r.happenings
        );
    }

    #[test]
    fn an_event_outside_the_gold_window_is_a_miss_that_says_why() {
        let dir = story(
            &GOLD
                .replace("FROM", "2024-05-01")
                .replace("TO", "2024-05-31"),
        );
        let r = run_story(dir.path(), GazetteerChoice::Default).unwrap();
        assert_eq!(r.figures.recall.hit, 0);
        let why = r.happenings[0].why.as_deref().unwrap_or_default();
        assert!(why.contains("wrong date"), "{why}");
        assert_eq!(r.unmatched.len(), r.figures.precision.of);
    }

    #[test]
    fn a_broken_gold_file_is_an_error_naming_it() {
        let dir = story("title = \"x\"\n[[happenings]]\nid = 1\n");
        let e = run_story(dir.path(), GazetteerChoice::Default).unwrap_err();
        assert_eq!(e.code, ErrorCode::BadGold);
        assert!(e.message.contains("gold.toml"), "{}", e.message);
    }

    #[test]
    fn names_match_folded_or_contained() {
        assert!(same_name("尹锡悦", "总统尹锡悦"));
        assert!(!same_name("尹", "尹锡悦"));
        assert!(!same_name("台积电", "三星"));
    }
}
