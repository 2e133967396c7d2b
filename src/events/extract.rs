//! Candidate events from sentences.
//!
//! A sentence is cut into clauses (at ，；：and their kin). A clause tells of a happening when it
//! holds a trigger word of the lexicon and names a story actor (a person, company, lab, facility or
//! product — not a media outlet), either itself or through the sentence's subject carried over.
//! Neighbouring clauses of one kind become one candidate. Its date comes from the clause, else the
//! sentence, else the paragraph so far, else the article's reference date (a vague "by" range); its
//! status from the cues of its sentence. Analysis and hypotheticals (如果, 是否, 为了 …) and
//! questions are not events, and a clause must carry some sign of news: a date, an amount, a news
//! cue, or a person joining or leaving.

use super::lexicon::{Cue, Hit, Lexicon};
use super::money::{self, Money};
use super::{Candidate, DateSource, EventKind, Status};
use crate::entities::{Entity, EntityKind, Mention};
use crate::text::{ArticleText, Span};
use crate::time::{DateRange, Precision, Published, TimeMention};

/// What the extractor reads of one article.
pub struct ArticleInput<'a> {
    pub index: usize,
    pub text: &'a ArticleText,
    pub dates: &'a [TimeMention],
    /// This article's mentions, sorted by start.
    pub mentions: &'a [Mention],
    pub published: &'a Published,
}

const CLAUSE_ENDS: &[char] = &['，', ',', '；', ';', '：', ':', '—'];

/// Days before the publication date that an undated "latest news" clause may lie.
const LATEST_WINDOW_DAYS: i64 = 31;

pub fn candidates(lex: &Lexicon, input: &ArticleInput, entities: &[Entity]) -> Vec<Candidate> {
    let text = input.text;
    let mut out = Vec::new();
    for &sentence in &text.sentences {
        if Some(sentence) == text.title || text.title.is_some_and(|t| t.contains(sentence)) {
            continue;
        }
        sentence_candidates(lex, input, entities, sentence, &mut out);
    }
    out
}

struct Clause {
    span: Span,
    kind: Option<EventKind>,
    actors: Vec<usize>,
}

fn sentence_candidates(lex: &Lexicon, input: &ArticleInput, entities: &[Entity], sentence: Span, out: &mut Vec<Candidate>) {
    let text = input.text;
    let folded = text.folded_slice(sentence);
    let trimmed = folded.trim_end();
    if trimmed.ends_with('？') || trimmed.ends_with('?') {
        return;
    }
    let hits: Vec<Hit> = lex
        .scan(folded)
        .into_iter()
        .map(|h| Hit { start: h.start + sentence.start, end: h.end + sentence.start, ..h })
        .collect();
    if !hits.iter().any(|h| matches!(h.cue, Cue::Trigger(_))) {
        return;
    }
    let has = |c: Cue| hits.iter().any(|h| h.cue == c);
    let quoted = folded.contains('“') || folded.contains('「') || folded.contains('"');
    let mentions: Vec<&Mention> = mentions_in(input.mentions, sentence);

    let clauses = clauses_of(text, sentence, &hits, &mentions, entities, quoted);
    let mut subject: Option<usize> = None;
    let mut i = 0;
    while i < clauses.len() {
        let c = &clauses[i];
        if c.actors.is_empty() && c.kind.is_none() {
            i += 1;
            continue;
        }
        if let Some(&first) = c.actors.first() {
            if subject.is_none() {
                subject = Some(first);
            }
        }
        let Some(kind) = c.kind else {
            i += 1;
            continue;
        };
        // Join the following clauses of the same kind, or without a trigger but with actors of
        // their own (lists of names that continue the clause).
        let mut span = c.span;
        let mut actors = c.actors.clone();
        let mut j = i + 1;
        while j < clauses.len() && (clauses[j].kind == Some(kind) || (clauses[j].kind.is_none() && !clauses[j].actors.is_empty())) {
            span.end = clauses[j].span.end;
            for &a in &clauses[j].actors {
                if !actors.contains(&a) {
                    actors.push(a);
                }
            }
            j += 1;
        }
        if actors.is_empty() || (!actors.iter().any(|&a| Some(a) == subject) && kind != EventKind::Statement) {
            if let Some(s) = subject {
                if !actors.contains(&s) {
                    actors.insert(0, s);
                }
            }
        }
        i = j;
        if actors.is_empty() {
            continue;
        }
        if let Some(c) = build(lex, input, entities, sentence, span, kind, actors, &hits, has(Cue::Reported), has(Cue::Rumoured)) {
            out.push(c);
        }
    }
}

fn mentions_in(mentions: &[Mention], span: Span) -> Vec<&Mention> {
    let start = mentions.partition_point(|m| m.span.end <= span.start);
    mentions[start..].iter().take_while(|m| m.span.start < span.end).filter(|m| span.contains(m.span)).collect()
}

fn clauses_of(
    text: &ArticleText,
    sentence: Span,
    hits: &[Hit],
    mentions: &[&Mention],
    entities: &[Entity],
    quoted: bool,
) -> Vec<Clause> {
    let mut spans = Vec::new();
    let mut start = sentence.start;
    let mut depth = 0i32;
    for (k, ch) in text.slice(sentence).chars().enumerate() {
        let pos = sentence.start + k;
        match ch {
            '(' | '（' | '「' | '“' | '《' => depth += 1,
            ')' | '）' | '」' | '”' | '》' => depth -= 1,
            _ => {}
        }
        if depth <= 0 && CLAUSE_ENDS.contains(&ch) {
            if pos > start {
                spans.push(Span::new(start, pos + 1));
            }
            start = pos + 1;
        }
    }
    if sentence.end > start {
        spans.push(Span::new(start, sentence.end));
    }
    spans
        .into_iter()
        .map(|span| {
            let kind = super::lexicon::PRIORITY.iter().copied().find(|k| {
                hits.iter().any(|h| h.cue == Cue::Trigger(*k) && span.start <= h.start && h.start < span.end)
            });
            let kind = match kind {
                // A statement needs a speaker who is a person and words in quotes.
                Some(EventKind::Statement) if !quoted => None,
                k => k,
            };
            let mut actors = Vec::new();
            for m in mentions.iter().filter(|m| span.contains(m.span)) {
                if entities[m.entity].kind != EntityKind::Media && !actors.contains(&m.entity) {
                    actors.push(m.entity);
                }
            }
            Clause { span, kind, actors }
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn build(
    lex: &Lexicon,
    input: &ArticleInput,
    entities: &[Entity],
    sentence: Span,
    span: Span,
    kind: EventKind,
    actors: Vec<usize>,
    hits: &[Hit],
    reported: bool,
    rumoured: bool,
) -> Option<Candidate> {
    let _ = lex;
    let text = input.text;
    let in_span = |h: &&Hit, s: Span| s.start <= h.start && h.end <= s.end;
    let clause_hits: Vec<&Hit> = hits.iter().filter(|h| in_span(h, span)).collect();
    if clause_hits.iter().any(|h| h.cue == Cue::Hypothetical) {
        return None;
    }
    if kind == EventKind::Statement && !actors.iter().any(|&a| entities[a].kind == EntityKind::Person) {
        return None;
    }
    let folded_clause = text.folded_slice(span);
    let amounts: Vec<Money> = money::find(folded_clause);
    let (date, date_source, future) = date_for(input, sentence, span, hits);
    let latest = hits.iter().any(|h| h.cue == Cue::Latest);
    let joins_or_leaves = matches!(kind, EventKind::Hire | EventKind::Departure)
        && actors.iter().any(|&a| entities[a].kind == EntityKind::Person);
    let newsy = date_source >= DateSource::Paragraph
        || !amounts.is_empty()
        || reported
        || rumoured
        || latest
        || joins_or_leaves
        || kind == EventKind::Statement;
    if !newsy {
        return None;
    }
    let planned = future || clause_hits.iter().any(|h| h.cue == Cue::Planned);
    let status = if rumoured {
        Status::Rumoured
    } else if planned {
        Status::Planned
    } else if reported {
        Status::Reported
    } else {
        Status::Confirmed
    };
    let title_zh = super::title::zh(text, span, &actors, input.mentions);
    let stake = money::stake(folded_clause);
    let trigger = clause_hits
        .iter()
        .find(|h| h.cue == Cue::Trigger(kind))
        .map(|h| text.folded_slice(Span::new(h.start, h.end)).to_string())
        .unwrap_or_default();
    let title_en = super::title::en(kind, status, &trigger, &actors, entities, amounts.first(), stake.as_deref());
    Some(Candidate {
        article: input.index,
        span: sentence,
        clause: span,
        kind,
        status,
        date,
        date_source,
        entities: actors,
        money: amounts.first().copied(),
        title_zh,
        title_en,
    })
}

/// The clause's own date, else the sentence's, else the last one earlier in the paragraph, else a
/// window before the publication date. The bool says the date lies in the clause's future.
fn date_for(input: &ArticleInput, sentence: Span, clause: Span, hits: &[Hit]) -> (Option<DateRange>, DateSource, bool) {
    let usable = |d: &&TimeMention| d.range.precision != Precision::Vague || d.relative;
    let pick = |within: Span| -> Option<&TimeMention> {
        input.dates.iter().filter(|d| within.contains(d.span)).filter(usable).min_by_key(|d| d.range.precision)
    };
    if let Some(d) = pick(clause) {
        return (Some(d.range), DateSource::Clause, d.future);
    }
    if let Some(d) = pick(sentence) {
        return (Some(d.range), DateSource::Sentence, d.future);
    }
    if let Some(para) = input.text.paragraph_at(sentence.start) {
        let earlier = Span::new(para.start, sentence.start);
        if let Some(d) = input
            .dates
            .iter()
            .filter(|d| earlier.contains(d.span) && d.range.precision <= Precision::Month)
            .last()
        {
            return (Some(d.range), DateSource::Paragraph, false);
        }
    }
    let _ = hits;
    match input.published.date {
        Some(p) => (
            Some(DateRange {
                start: p - chrono::Duration::days(LATEST_WINDOW_DAYS),
                end: p,
                precision: Precision::Vague,
            }),
            DateSource::Article,
            false,
        ),
        None => (None, DateSource::None, false),
    }
}
