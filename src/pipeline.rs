//! The pipeline: runs the stages in order over a whole corpus and keeps what each produced.
//!
//! Per-article stages (text, dates) run independently; entity discovery and event merging need the
//! whole corpus, and publication dates may be inferred from other articles' events, so the order is:
//! text → entities (corpus-wide) → publication dates → dates → candidates → merge.

use crate::corpus::{Corpus, RawArticle};
use crate::entities::discover::Found;
use crate::entities::{self, Entity, Gazetteer, Mention};
use crate::events::{self, Candidate, Event};
use crate::parallel::{par_map, Panicked};
use crate::progress::{Progress, Stage};
use crate::text::{self, ArticleText};
use crate::time::{self, Precision, Published, TimeMention};
use chrono::Datelike;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// The file's record without its text, which lives on once in [`ArticleText::raw`]: a corpus of
/// 80 MB need not be held three times.
fn without_text(raw: &RawArticle) -> RawArticle {
    RawArticle {
        id: raw.id.clone(),
        file: raw.file.clone(),
        format: raw.format,
        text: std::sync::Arc::from(""),
        encoding: raw.encoding,
        bytes: raw.bytes,
        print: raw.print,
        meta: raw.meta.clone(),
    }
}

/// A lead sentence without the date line a page may open it with (`date 2024-10-26 ATLANTA —`,
/// `2024-07-21 06:34:52 快科技…`): the date is the article's, the title is what follows.
fn without_leading_date(lead: &str) -> &str {
    const LABELS: [&str; 6] = ["date", "日期", "發布時間", "发布时间", "時間", "时间"];
    let mut rest = lead;
    for label in LABELS {
        if rest
            .get(..label.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(label))
        {
            rest = rest[label.len()..].trim_start_matches([':', '：', ' ']);
            break;
        }
    }
    let digits = |s: &str, min: usize, max: usize| -> Option<usize> {
        let n = s.bytes().take_while(u8::is_ascii_digit).count();
        (min..=max).contains(&n).then_some(n)
    };
    let mut at = match digits(rest, 4, 4) {
        Some(n) => n,
        None => return lead,
    };
    // -MM, then optionally -DD.
    for part in 0..2 {
        let sep = rest[at..].starts_with(['-', '/', '.']);
        match digits(rest.get(at + 1..).unwrap_or(""), 1, 2) {
            Some(n) if sep => at += 1 + n,
            _ if part == 0 => return lead,
            _ => break,
        }
    }
    // A time of day: hh:mm, optionally :ss.
    if let Some(n) = rest[at..].strip_prefix(' ').and_then(|t| {
        let h = digits(t, 1, 2)?;
        let m = digits(t.get(h + 1..)?, 2, 2).filter(|_| t[h..].starts_with(':'))?;
        let mut n = 1 + h + 1 + m;
        if t[h + 1 + m..].starts_with(':') {
            n += 1 + digits(t.get(h + 2 + m..)?, 2, 2)?;
        }
        Some(n)
    }) {
        at += n;
    }
    match rest[at..].strip_prefix([' ', '\u{3000}']) {
        Some(title) if !title.trim().is_empty() => title.trim_start(),
        _ => lead,
    }
}

/// Files whose text stage is built at a time before their decoded texts are let go.
const TEXT_BATCH: usize = 1024;

/// The articles a reason names; the rest are counted. In a large archive an undated article shares
/// events with hundreds, and every undated article keeps its reason.
const PEERS_NAMED: usize = 5;

/// The articles a reason names, and how many more it counts.
fn named_few(ids: &[String], more: usize) -> String {
    let named = ids.join(", ");
    match more {
        0 => named,
        more => format!("{named} and {more} more"),
    }
}

/// Longest title made from an article's opening sentence, in chars.
const TITLE_CHARS: usize = 40;

/// What an analysis keeps for the next analysis of the same story, so that adding an article
/// reads that article alone: name discovery's reading of each article, and each article's
/// candidate events, by everything they were drawn from (the text, its dates and publication
/// date, and the names, kinds and ids of what it mentions). The default keeps nothing.
#[derive(Default)]
pub struct Kept {
    pub found: Found,
    keep: bool,
    extracted: HashMap<u64, Extracted>,
}

impl Kept {
    /// A store that keeps each run's work for the next.
    pub fn new() -> Kept {
        Kept {
            found: Found::kept(),
            keep: true,
            extracted: HashMap::new(),
        }
    }
}

/// One article's candidates, their entity indices read through `ids` (the entity list's ids when
/// they were drawn).
struct Extracted {
    candidates: Vec<Candidate>,
    ids: Arc<Vec<String>>,
}

impl Extracted {
    /// The candidates for article `index` of a new analysis whose entities are `index_of`; `None`
    /// when one of their entities is gone.
    fn remapped(&self, index: usize, index_of: &HashMap<&str, usize>) -> Option<Vec<Candidate>> {
        let map = |e: &usize| index_of.get(self.ids.get(*e)?.as_str()).copied();
        self.candidates
            .iter()
            .map(|c| {
                Some(Candidate {
                    article: index,
                    entities: c.entities.iter().map(map).collect::<Option<_>>()?,
                    context: c.context.iter().map(map).collect::<Option<_>>()?,
                    ..c.clone()
                })
            })
            .collect()
    }
}

/// Everything an article's candidate events are drawn from.
fn extraction_key(a: &Article, mentions: &[Mention], entities: &[Entity]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    a.text.raw_hash.hash(&mut h);
    a.published.date.hash(&mut h);
    a.published.precision.hash(&mut h);
    a.published.read_against.hash(&mut h);
    for d in &a.dates {
        (d.span, d.range, d.future, d.relative).hash(&mut h);
    }
    for m in mentions {
        let e = &entities[m.entity()];
        (m.span(), &e.id, e.kind, &e.name, &e.name_zh).hash(&mut h);
    }
    h.finish()
}

/// One article after every per-article stage.
#[derive(Debug, Clone)]
pub struct Article {
    /// The file's record; its `text` is left empty (the text is `text.raw`).
    pub raw: RawArticle,
    pub text: ArticleText,
    pub published: Published,
    pub dates: Vec<TimeMention>,
}

impl Article {
    /// The same article in fresh allocations of the calling thread, each no larger than it needs.
    fn compact(&mut self) {
        self.text = self.text.clone();
        self.text.raw = Arc::from(&*self.text.raw);
        self.dates = self.dates.clone();
    }
    pub fn id(&self) -> &str {
        &self.raw.id
    }
    /// The title: the manifest's, else the text's first line.
    pub fn title(&self) -> String {
        if let Some(t) = &self.raw.meta.title {
            return t.clone();
        }
        if let Some(t) = self.text.title {
            return without_leading_date(self.text.slice(t).trim()).to_string();
        }
        // No title line: the first sentence that reads as words (not a menu or a channel name),
        // shortened, says more than the file name.
        let lead = self
            .text
            .sentences
            .iter()
            .find(|&s| text::headline_shape(self.text.slice(s)))
            .or(self.text.sentences.first());
        match lead {
            Some(s) => {
                let first = without_leading_date(self.text.slice(s).trim());
                if first.chars().count() > TITLE_CHARS {
                    format!(
                        "{}…",
                        first.chars().take(TITLE_CHARS - 1).collect::<String>()
                    )
                } else {
                    first.to_string()
                }
            }
            None => self.raw.id.clone(),
        }
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
    /// Articles whose analysis failed (a defect of ours, not of the file), left out or left
    /// without events, each named with what went wrong.
    pub failed: Vec<crate::corpus::LoadIssue>,
}

/// An article whose analysis failed in `stage`.
fn failure(file: &str, stage: &str, why: &Panicked) -> crate::corpus::LoadIssue {
    crate::corpus::LoadIssue {
        file: file.to_string(),
        code: crate::ErrorCode::Internal,
        message: format!(
            "{file}: {stage} failed ({why}); the other articles are analysed without it. Please report this file"
        ),
    }
}

/// The scans of the articles whose dates the corpus-wide steps may change, kept from their first
/// reading; any other is scanned when first asked for.
struct Scans(Vec<Option<Vec<time::Expr>>>);

impl Scans {
    fn of(&mut self, i: usize, text: &ArticleText) -> &[time::Expr] {
        self.0[i].get_or_insert_with(|| time::scan(&text.folded()))
    }
}

/// Peers of an undated article published further apart than this (in days) give it the middle
/// of their dates rather than the latest.
const PEERS_SPREAD_DAYS: i64 = 62;
/// How long before a plan it names an undated article is taken to be written.
const PLAN_AHEAD_DAYS: i64 = 60;
/// How long before the earliest article that states its date a yearless dateline may still fall.
const STORY_LEAD_DAYS: i64 = 31;

/// Unit tests make the analysis of an article whose text holds this fail, as a defect would.
#[cfg(test)]
static FAIL_ON: std::sync::Mutex<Option<&str>> = std::sync::Mutex::new(None);

fn fail_if_told(_text: &str) {
    #[cfg(test)]
    if FAIL_ON
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .is_some_and(|m| _text.contains(m))
    {
        panic!("a defect, as the test asked");
    }
}

/// An article's dates read against its publication date, and those quoted against the day the
/// quotation was said ([`time::quoted`]).
fn dates_of(
    text: &ArticleText,
    exprs: &[time::Expr],
    published: &Published,
) -> Vec<time::TimeMention> {
    let mut dates = time::resolve_for(exprs, published);
    time::quoted::anchor_quoted(text, exprs, &mut dates);
    dates
}

impl Analysis {
    /// Run with the corpus's gazetteer (the shipped one and the story's own).
    pub fn run(corpus: &Corpus) -> Analysis {
        Analysis::run_with(corpus, &Gazetteer::for_corpus(corpus).0)
    }

    /// Run with a particular gazetteer (a user's, or an empty one).
    pub fn run_with(corpus: &Corpus, gazetteer: &Gazetteer) -> Analysis {
        // The run lets the texts of its own copy go; the caller's corpus keeps them.
        match Analysis::run_reusing(
            &mut corpus.clone(),
            gazetteer,
            &[],
            &mut Kept::default(),
            &Progress::new(),
        ) {
            Ok(analysis) => analysis,
            Err(_) => unreachable!("a progress no one else holds is never cancelled"),
        }
    }

    /// As [`Analysis::run_with`], taking the text stage of every article whose file is unchanged
    /// from `previous` (the articles of the story's last analysis), and name discovery's reading
    /// and the candidate events of every article `kept` holds (which keeps this run's for the
    /// next): adding one article to a story then reads that one alone; the corpus-wide steps
    /// (joining names, mentions, merging, inferred dates) run over all. It counts the articles in
    /// `progress` and gives up with [`ErrorCode::Cancelled`](crate::ErrorCode) when that is
    /// cancelled; `kept` then holds no wrong work, only perhaps more or less of it.
    ///
    /// The corpus lets each file's decoded text go once its text stage is built (its articles keep
    /// their size and fingerprint): a story is held as the text it shows and matches, not also as
    /// the files it was read from. A corpus read again reads such files anew.
    pub fn run_reusing(
        corpus: &mut Corpus,
        gazetteer: &Gazetteer,
        previous: &[Article],
        kept: &mut Kept,
        progress: &Progress,
    ) -> crate::error::Result<Analysis> {
        let mut earlier: HashMap<&str, &Article> =
            previous.iter().map(|a| (a.raw.id.as_str(), a)).collect();
        // An unchanged file keeps the text stage it had: same format, same decoded text.
        let reused: Vec<Option<&ArticleText>> = corpus
            .articles
            .iter()
            .map(|raw| {
                earlier
                    .remove(raw.id.as_str())
                    .filter(|a| {
                        a.raw.format == raw.format && a.text.raw_hash == text::raw_hash(&raw.text)
                    })
                    .map(|a| &a.text)
            })
            .collect();
        drop(earlier);
        progress.stage(Stage::Analysing, corpus.articles.len());
        // Each article with no date of its own keeps its scan: the corpus-wide steps that date it
        // read its expressions again against the date they find.
        type Analysed = (Article, Option<Vec<time::Expr>>);
        let mut articles: Vec<Option<Result<Analysed, Panicked>>> =
            Vec::with_capacity(corpus.articles.len());
        // A batch at a time, letting each file's decoded text go once its text stage is built:
        // the display and folded texts of the whole story are held, the files never all at once
        // beside them.
        let total = corpus.articles.len();
        for start in (0..total).step_by(TEXT_BATCH) {
            let batch: Vec<(usize, Arc<str>)> = (start..(start + TEXT_BATCH).min(total))
                .map(|i| {
                    let kept = &mut corpus.articles[i].text;
                    (i, std::mem::replace(kept, Arc::from("")))
                })
                .collect();
            let corpus = &*corpus;
            let reused = &reused;
            let mut done = par_map(&batch, |(i, raw_text)| {
                if progress.is_cancelled() {
                    return None;
                }
                let raw = &corpus.articles[*i];
                let article = crate::parallel::caught(|| {
                    fail_if_told(raw_text);
                    let mut text = match reused[*i] {
                        // The earlier text let its file go; the head is read from it again.
                        Some(t) => ArticleText {
                            raw: raw_text.clone(),
                            ..t.clone()
                        },
                        None => text::build_shared(raw_text, raw.format),
                    };
                    let scanned = time::scan(&text.folded());
                    let published = time::reference::publication(&raw.meta, &text, &scanned);
                    let dates = dates_of(&text, &scanned, &published);
                    let keep = published.inferred || published.year_open;
                    // Only an article whose date is still open reads its head again.
                    if keep {
                        time::reference::keep_head(&mut text);
                    } else {
                        text.keep_raw_head(0);
                    }
                    let article = Article {
                        raw: without_text(raw),
                        text,
                        published,
                        dates,
                    };
                    (article, keep.then_some(scanned))
                });
                progress.step();
                Some(article)
            });
            // What the workers made to keep is copied out of their memory, which then goes back
            // whole: left there, each article's texts pinned pages the workers had filled with
            // what they threw away (about 300 MB of 2.4 GB at 100,000 articles).
            for (article, scan) in done.iter_mut().flatten().flatten() {
                article.compact();
                if let Some(scan) = scan {
                    *scan = scan.clone();
                }
            }
            articles.extend(done);
            crate::memory::release();
        }
        let mut failed = Vec::new();
        let mut kept_articles = Vec::with_capacity(articles.len());
        let mut scans = Scans(Vec::with_capacity(articles.len()));
        for (article, raw) in articles.into_iter().zip(&corpus.articles) {
            match article.ok_or_else(crate::progress::cancelled)? {
                Ok((a, scan)) => {
                    kept_articles.push(a);
                    scans.0.push(scan);
                }
                Err(why) => failed.push(failure(&raw.file, "reading its text and dates", &why)),
            }
        }
        let articles = kept_articles;

        let texts: Vec<&ArticleText> = articles.iter().map(|a| &a.text).collect();
        let (entities, mut mentions) = entities::resolve_cached(gazetteer, &texts, &mut kept.found);
        // In article and text order, so that each article's are one run of the list (see
        // `mentions_of`); stable, so mentions of one span keep the order they were found in.
        mentions.sort_by_key(|m| (m.article(), m.span().start, m.span().end));

        crate::memory::release();
        progress.check()?;
        let mut analysis = Analysis {
            articles,
            entities,
            mentions,
            failed,
            ..Analysis::default()
        };
        analysis.place_open_years(&mut scans);
        analysis.place_by_coverage(&mut scans);
        let year_floors = analysis.open_year_only_dates(&mut scans);
        analysis.find_events(None, kept);
        progress.check()?;
        let dated = analysis.date_undated_articles(&year_floors, &mut scans);
        // Every article is dated now: no step reads a head or a scan again, and they go before
        // the redated articles' events are found again (142 MB of heads at 100,000 articles).
        drop(scans);
        for a in &mut analysis.articles {
            a.text.keep_raw_head(0);
        }
        crate::memory::release();
        if !dated.is_empty() {
            analysis.find_events(Some(&dated), kept);
        }

        analysis.leave_out_undated_background();

        progress.check()?;
        Ok(analysis)
    }

    /// A yearless dateline took the earliest year its body allows. One story's reports cluster in
    /// time, so when that puts it well before every article whose page states its date, it moves
    /// to the first year that does not, and its relative dates are read again.
    fn place_open_years(&mut self, scans: &mut Scans) {
        let earliest = self
            .articles
            .iter()
            .filter(|a| !a.published.inferred && !a.published.year_open)
            .filter_map(|a| a.published.date)
            .min();
        let Some(earliest) = earliest else { return };
        let floor = earliest - chrono::Duration::days(STORY_LEAD_DAYS);
        for (i, a) in self.articles.iter_mut().enumerate() {
            let Some(d) = a.published.date.filter(|_| a.published.year_open) else {
                continue;
            };
            if d >= floor {
                continue;
            }
            let Some(moved) = (1..=2)
                .filter_map(|k| d.with_year(d.year() + k))
                .find(|c| *c >= floor)
            else {
                continue;
            };
            a.published.date = Some(moved);
            a.published.basis = format!(
                "{}; moved to {}, as it came before every article that states its date",
                a.published.basis,
                moved.year()
            );
            a.dates = dates_of(&a.text, scans.of(i, &a.text), &a.published);
        }
    }

    /// An article dated only by the latest year its body names (`2019年`) has no date yet: that
    /// year is a floor, often of background, and its events are read undated so that they can
    /// meet the same happenings in dated articles, which then date it (see
    /// [`Analysis::date_undated_articles`]). Returns each article's floor, to restore when the
    /// peers do not place it later.
    fn open_year_only_dates(&mut self, scans: &mut Scans) -> Vec<Option<Published>> {
        self.articles
            .iter_mut()
            .enumerate()
            .map(|(i, a)| {
                let p = &a.published;
                if !(p.inferred && p.is_known() && p.precision == Precision::Year) {
                    return None;
                }
                let floor = std::mem::replace(&mut a.published, Published::unknown());
                a.dates = time::resolve(scans.of(i, &a.text), None);
                Some(floor)
            })
            .collect()
    }

    /// The publication dates of the articles that state theirs.
    fn coverage(&self) -> Vec<chrono::NaiveDate> {
        self.articles
            .iter()
            .filter(|a| !a.published.inferred)
            .filter_map(|a| a.published.date)
            .collect()
    }

    /// An article whose date is only inferred from its body, with yearless dates (`9月22日`), is
    /// placed in the year the story's dated articles are from, when its dates fit there (see
    /// [`time::reference::placed_by_coverage`]), and its relative dates are read again.
    fn place_by_coverage(&mut self, scans: &mut Scans) {
        let coverage = self.coverage();
        if coverage.is_empty() {
            return;
        }
        for i in 0..self.articles.len() {
            let p = &self.articles[i].published;
            if p.inferred && p.is_known() {
                self.place_among(i, &coverage, scans);
            }
        }
    }

    /// Article `i` takes the publication date `p`, and its dates are read again against it.
    fn redate(&mut self, i: usize, p: Published, scans: &mut Scans) {
        let a = &mut self.articles[i];
        a.published = p;
        a.dates = dates_of(&a.text, scans.of(i, &a.text), &a.published);
    }

    /// Article `i` placed by its yearless dates among the `coverage` of the story's dated
    /// articles, when they place it; its relative dates are then read again.
    fn place_among(&mut self, i: usize, coverage: &[chrono::NaiveDate], scans: &mut Scans) -> bool {
        let a = &self.articles[i];
        let placed = time::reference::placed_by_coverage(
            &a.text,
            scans.of(i, &a.text),
            coverage,
            &a.published,
        );
        match placed {
            Some(p) => {
                self.redate(i, p, scans);
                true
            }
            None => false,
        }
    }

    /// An article with no date of its own that tells of the same happenings as dated articles
    /// belongs to their time: it takes the latest of their publication dates (the middle one when
    /// they lie months apart), at month precision
    /// and marked inferred, and its relative dates (今年初, 4月) are resolved again against it.
    /// Returns the articles that got a date.
    fn date_undated_articles(
        &mut self,
        year_floors: &[Option<Published>],
        scans: &mut Scans,
    ) -> Vec<usize> {
        let mut changed = Vec::new();
        let mut sources_of: Vec<Vec<usize>> = vec![Vec::new(); self.articles.len()];
        // What someone said is no shared happening: one person speaks on many days.
        let shared = self
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind != events::EventKind::Statement);
        for (k, e) in shared {
            for &(a, _) in &e.sources {
                if sources_of[a].last() != Some(&k) {
                    sources_of[a].push(k);
                }
            }
        }
        let coverage = self.coverage();
        // Which article last counted each peer: a story retold by thousands of articles gives an
        // undated one thousands of peers, counted once each without sorting them.
        let mut counted_for: Vec<usize> = vec![usize::MAX; self.articles.len()];
        for (i, told) in sources_of.iter().enumerate() {
            if self.articles[i].published.is_known() {
                continue;
            }
            let floor = year_floors[i].as_ref();
            let mut peers: Vec<usize> = Vec::new();
            let mut shared = 0;
            // The latest happening it shares that the others date to a month or finer.
            let mut latest_told: Option<chrono::NaiveDate> = None;
            for e in told.iter().map(|&k| &self.events[k]) {
                let mut dated = e.sources.iter().map(|(a, _)| *a).filter(|&a| {
                    a != i
                        && self.articles[a].published.is_known()
                        && !self.articles[a].published.inferred
                });
                let Some(first) = dated.next() else { continue };
                for a in std::iter::once(first).chain(dated) {
                    if counted_for[a] != i {
                        counted_for[a] = i;
                        peers.push(a);
                    }
                }
                shared += 1;
                if let Some(d) = e.date.filter(|d| {
                    e.date_source > events::DateSource::Article && d.precision <= Precision::Month
                }) {
                    latest_told = latest_told.max(Some(d.end));
                }
            }
            let mut peer_dates: Vec<chrono::NaiveDate> = peers
                .iter()
                .filter_map(|&a| self.articles[a].published.date)
                .collect();
            let (Some(&earliest), Some(&latest)) =
                (peer_dates.iter().min(), peer_dates.iter().max())
            else {
                // No peers: its own yearless dates may still place it among the dated articles.
                if self.place_among(i, &coverage, scans) {
                    changed.push(i);
                }
                continue;
            };
            // Peers published far apart (a story told again a year later) say only roughly when;
            // the middle of their dates is the best guess, not the latest.
            let half = peer_dates.len() / 2;
            let middle = *peer_dates.select_nth_unstable(half).1;
            let spread = (latest - earliest).num_days() > PEERS_SPREAD_DAYS;
            // The reason names the first few peers in corpus order and counts the rest.
            let named = PEERS_NAMED.min(peers.len());
            if named < peers.len() {
                peers.select_nth_unstable(named);
            }
            peers[..named].sort_unstable();
            let names: Vec<String> = peers[..named]
                .iter()
                .map(|&a| self.articles[a].id().to_string())
                .collect();
            let more = peers.len() - named;
            // It was published after the happenings it tells and no later than need be: the day
            // of the latest of them that the others date, else the latest of their own dates. The
            // date is shown at month precision; the day is kept to read its relative dates against.
            let (mut day, mut why) = match latest_told.filter(|d| *d <= latest) {
                Some(d) => (d, format!("the latest of them happened {d}")),
                None if spread => (middle, format!("the middle one was published {middle}")),
                None => (latest, format!("the latest was published {latest}")),
            };
            // A plan it announces (四月十四日將…) lies weeks after it was written, not months: a
            // peer published later, but before that plan, is nearer its time.
            let scan = scans.of(i, &self.articles[i].text);
            if let Some(plan) = time::reference::planned_after(scan, day)
                .filter(|p| (*p - day).num_days() > PLAN_AHEAD_DAYS)
            {
                if let Some(&later) = peer_dates.iter().filter(|&&d| d > day && d <= plan).max() {
                    day = later;
                    why =
                        format!("a peer was published {later}, before the plan of {plan} it tells");
                }
            }
            if let Some(f) = floor.filter(|f| f.date.is_some_and(|f| day < f)) {
                self.redate(i, f.clone(), scans);
                changed.push(i);
                continue;
            }
            // Peers months apart say little; the article's own yearless dates, placed among the
            // story's dated articles, say more.
            if spread && self.place_among(i, &coverage, scans) {
                changed.push(i);
                continue;
            }
            let a = &self.articles[i];
            // A yearless dateline (`快科技4月25日消息`) gives the day, in the year the peers suggest.
            let scan = scans.of(i, &a.text);
            let basis = || {
                format!(
                    "shares {shared} events with dated articles {}; {why}",
                    named_few(&names, more)
                )
            };
            let p = match time::reference::dateline_after(&a.text, scan, day) {
                Some(p) => p,
                // The day the text calls today (`今(4)日`): the one of that number nearest them.
                None => match time::reference::nearest_day_of_today(day, scan) {
                    Some(today) => Published::inferred(
                        today,
                        Precision::Day,
                        format!("{}; the day from the text's 今(日)", basis()),
                    ),
                    None => Published {
                        read_against: Some(day),
                        ..Published::inferred(
                            day.with_day(1).unwrap_or(day),
                            Precision::Month,
                            basis(),
                        )
                    },
                },
            };
            self.redate(i, p, scans);
            changed.push(i);
        }
        // No peers placed it: it keeps the year its body names.
        for (i, floor) in year_floors.iter().enumerate() {
            if let Some(f) = floor
                .as_ref()
                .filter(|_| !self.articles[i].published.is_known())
            {
                self.redate(i, f.clone(), scans);
                changed.push(i);
            }
        }
        changed
    }

    /// A happening that no telling dates is shown as "reported by" its article only when the
    /// article presents it as news: a report or rumour (據報道, 傳出), or a named person joining,
    /// leaving or taking a post. Anything else undated is background whose time the text does not
    /// tell: it stays in the article, not on the timeline. (Undated tellings still count until
    /// here: they are how an article without a date of its own is dated by the others.)
    fn leave_out_undated_background(&mut self) {
        use events::{EventKind as K, Status as S};
        let entities = &self.entities;
        self.events.retain(|e| {
            let person = e
                .entities
                .iter()
                .any(|&x| entities[x].kind == crate::entities::EntityKind::Person);
            e.date_source > events::DateSource::Article
                || matches!(e.status, S::Reported | S::Rumoured)
                || (person
                    && matches!(
                        e.kind,
                        K::Hire | K::Departure | K::Appointment | K::Dismissal
                    ))
        });
    }

    /// Candidates from the given articles (all when `None`), merged across the whole corpus.
    /// Re-extracting only some articles keeps the others' candidates.
    fn find_events(&mut self, only: Option<&[usize]>, kept: &mut Kept) {
        let lexicon = events::lexicon::Lexicon::embedded();
        let by_article: Vec<&[Mention]> = (0..self.articles.len())
            .map(|i| self.mentions_of(i))
            .collect();
        let which: Vec<usize> = match only {
            Some(list) => list.to_vec(),
            None => (0..self.articles.len()).collect(),
        };
        let index_of: HashMap<&str, usize> = self
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        let failures = std::sync::Mutex::new(Vec::new());
        let extracted: Vec<(u64, Vec<Candidate>, bool)> = par_map(&which, |&index| {
            let a = &self.articles[index];
            let key = if kept.keep {
                extraction_key(a, by_article[index], &self.entities)
            } else {
                0
            };
            if let Some(c) = kept
                .extracted
                .get(&key)
                .and_then(|x| x.remapped(index, &index_of))
            {
                return (key, c, false);
            }
            let input = events::extract::ArticleInput::new(
                index,
                &a.text,
                &a.dates,
                by_article[index],
                &a.published,
            );
            match crate::parallel::caught(|| {
                events::extract::candidates(lexicon, &input, &self.entities)
            }) {
                Ok(c) => (key, c, true),
                Err(why) => {
                    let issue = failure(&a.raw.file, "finding its events", &why);
                    failures
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push(issue);
                    // Not kept under its key: the next run tries again.
                    (0, Vec::new(), false)
                }
            }
        });
        self.failed
            .extend(failures.into_inner().unwrap_or_else(|e| e.into_inner()));
        if kept.keep {
            let ids: Arc<Vec<String>> =
                Arc::new(self.entities.iter().map(|e| e.id.clone()).collect());
            let mut now: HashMap<u64, Extracted> = HashMap::with_capacity(which.len());
            for (key, c, made) in &extracted {
                let x = match kept.extracted.remove(key) {
                    Some(x) if !made => x,
                    _ => Extracted {
                        candidates: c.clone(),
                        ids: ids.clone(),
                    },
                };
                now.insert(*key, x);
            }
            // A run over some articles keeps what the others had.
            if only.is_some() {
                now.extend(kept.extracted.drain());
            }
            kept.extracted = now;
        }
        let mut redone = vec![false; self.articles.len()];
        for &i in &which {
            redone[i] = true;
        }
        // Candidates are the largest of the per-corpus lists: grown once, never copied whole. A
        // list is reserved a quarter larger than it needs: what is never written is not resident,
        // and a later pass over some articles (which may find more than they had) then extends it
        // in place instead of copying it whole beside itself.
        let mut candidates = std::mem::take(&mut self.candidates);
        candidates.retain(|c| !redone[c.article]);
        let needed = candidates.len() + extracted.iter().map(|(_, c, _)| c.len()).sum::<usize>();
        if candidates.capacity() < needed {
            candidates.reserve_exact(needed + needed / 4 - candidates.len());
        }
        // Copied out of the workers' memory, as the texts are (see `run_reusing`), and what was
        // copied given back as it goes: the list reserved above is not resident until written,
        // so the copy and the workers' lists are never both whole.
        for (k, (_, c, _)) in extracted.into_iter().enumerate() {
            candidates.extend(c.into_iter().map(Candidate::compacted));
            if k % crate::memory::RELEASE_EVERY == crate::memory::RELEASE_EVERY - 1 {
                crate::memory::release();
            }
        }
        crate::memory::release();
        candidates.sort_by_key(|c| (c.article, c.span.start, c.clause.start));

        let ids: Vec<String> = self.articles.iter().map(|a| a.raw.id.clone()).collect();
        // The events of an earlier pass go before the new ones are built, not after.
        self.events = Vec::new();
        let titling = |c: &Candidate| {
            events::title::of(lexicon, &self.articles[c.article].text, &self.entities, c)
        };
        self.events = events::merge::merge(&candidates, &self.entities, &ids, &titling);
        crate::memory::release();
        self.candidates = candidates;
    }

    /// Article `i`'s mentions in text order (by start, then end): one run of the list, which
    /// [`Analysis::run_reusing`] puts in article and text order and corrections keep so (they drop
    /// mentions or change whose they are, never move one). Readers of a corpus' mentions by
    /// article take these runs, not copies of them: at 100,000 articles a copy was 180 MB.
    pub fn mentions_of(&self, i: usize) -> &[Mention] {
        let from = self.mentions.partition_point(|m| m.article() < i);
        let to = self.mentions.partition_point(|m| m.article() <= i);
        &self.mentions[from..to]
    }

    pub fn article_index(&self, id: &str) -> Option<usize> {
        self.articles.iter().position(|a| a.raw.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_leaves_out_the_date_line_a_page_opens_with() {
        assert_eq!(
            without_leading_date("date 2024-10-26 ATLANTA — (AP) — Delta sued"),
            "ATLANTA — (AP) — Delta sued"
        );
        assert_eq!(
            without_leading_date("2024-07-21 06:34:52 快科技7月21日消息"),
            "快科技7月21日消息"
        );
        assert_eq!(without_leading_date("date 2024-07 微軟據報"), "微軟據報");
        // A date that is part of the sentence stays.
        assert_eq!(
            without_leading_date("2024年7月19日,微軟當機"),
            "2024年7月19日,微軟當機"
        );
        assert_eq!(
            without_leading_date("2024 Olympics open"),
            "2024 Olympics open"
        );
        assert_eq!(without_leading_date("date 2024-07-23"), "date 2024-07-23");
    }

    #[test]
    fn a_reason_names_a_few_articles_and_counts_the_rest() {
        let ids: Vec<String> = (1..=5).map(|k| format!("a{k}")).collect();
        assert_eq!(named_few(&ids[..2], 0), "a1, a2");
        assert_eq!(named_few(&ids, 3), "a1, a2, a3, a4, a5 and 3 more");
    }

    #[test]
    fn an_article_whose_analysis_fails_is_reported_and_the_others_analysed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("good.txt"),
            "好文章\n小米於2024年3月28日發布SU7。",
        )
        .unwrap();
        std::fs::write(dir.path().join("bad.txt"), "壞文章\n觸發缺陷的文字。").unwrap();
        *FAIL_ON.lock().unwrap() = Some("觸發缺陷");
        let analysis = Analysis::run(&Corpus::open(dir.path()).unwrap());
        *FAIL_ON.lock().unwrap() = None;
        let ids: Vec<&str> = analysis.articles.iter().map(|a| a.id()).collect();
        assert_eq!(ids, ["good"]);
        assert_eq!(analysis.failed.len(), 1, "{:?}", analysis.failed);
        assert_eq!(analysis.failed[0].file, "bad.txt");
        assert!(
            analysis.failed[0].message.contains("a defect"),
            "{:?}",
            analysis.failed
        );
        assert!(
            !analysis.articles[0].dates.is_empty(),
            "the good article is analysed"
        );
    }
}
