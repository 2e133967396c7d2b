//! Candidate events from sentences.
//!
//! A sentence is cut into clauses (at ，；：and their kin, never inside brackets or quotes). A clause
//! tells of a happening when it holds a trigger word of the lexicon and names a story actor (a person,
//! company, lab, facility or product — not a media outlet), itself or through the sentence's subject
//! (carried from the previous sentence of the paragraph when this one starts without one), or
//! through a pronoun (他們 stands for the persons last named together in the paragraph, 她 for the
//! person last named who is not a preposition's object). The subject is the first person or
//! organisation before the trigger that is not a preposition's object, else the person a relative
//! clause holding the trigger ends on (與秦永沛一同獲得晉升的米玉傑: 米玉傑). A clause
//! with no trigger that names a person or organisation and a date of its own (a year or finer) tells
//! a deed of kind `Other` (2020年2月她找上時任副市長彭振聲), unless that date is a dateline's or
//! quoted, or the clause says what something is or spans a time up to now. A clause is joined by
//! the clauses that continue it (lists of names, the same kind without a date of their own); a
//! meeting or contest told as the scene of the next clause (在…發布會上,) takes the persons that
//! clause names as participants. Its
//! date comes from the clause, else the sentence outside quoted words, else the day told last before
//! it when the sentence says that day (當天, 第一時間), else the paragraph so far, else the article's
//! publication date (an honest "reported by" range); its status from the cues of its sentence.
//! Analysis, comparisons and hypotheticals (如果, 还要高 …) and questions are not events, and a
//! clause must carry some sign of news: a date, an amount, a news cue, or a person joining or
//! leaving.

use super::lexicon::{Cue, Hit, Lexicon};
use super::money::{self, Money};
use super::{Candidate, DateSource, EventKind, Status};
use crate::entities::word_list::WordList;
use crate::entities::{Entity, EntityKind, Mention};
use crate::text::marks::{heading_shape, is_clause_mark, quoted_spans};
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
    /// The article read as a chronicle, worked out when first needed.
    pub chronicle: std::cell::OnceCell<Chronicle>,
    /// The article's folded text, folded once for the many sentences and clauses read from it.
    folded: crate::text::Folded,
}

impl<'a> ArticleInput<'a> {
    pub fn new(
        index: usize,
        text: &'a ArticleText,
        dates: &'a [TimeMention],
        mentions: &'a [Mention],
        published: &'a Published,
    ) -> ArticleInput<'a> {
        ArticleInput {
            index,
            text,
            dates,
            mentions,
            published,
            chronicle: Default::default(),
            folded: text.folded_view(),
        }
    }

    /// The folded text of a span.
    pub(super) fn folded(&self, span: Span) -> &str {
        self.folded.slice(span)
    }
}

/// How many paragraphs must open with a date for an article to be a chronicle.
const CHRONICLE_MIN_LINES: usize = 4;
/// Paragraphs shorter than this are left out of the count.
const CHRONICLE_MIN_CHARS: usize = 16;
/// How far into a paragraph its opening date may start (`韓國國會7日…`, `• 1/8`).
const CHRONICLE_OPENING_CHARS: usize = 8;

/// A chronicle: an article most of whose paragraphs open with the date of what they tell
/// (`8日早逮捕…`, `9日針對…`). A paragraph between two of them that opens with none tells of
/// something between those two dates, and its words of relative time (上週, 昨日) count from
/// them, not from the publication: so its happenings take the window the dated lines around it
/// give. Empty for any other article.
#[derive(Debug, Default)]
pub struct Chronicle {
    /// (paragraph start, its opening date), in text order.
    lines: Vec<(usize, DateRange)>,
}

/// A date written with its numbers (8日, 12月3日), not a word of relative time (上週, 昨日).
fn calendar_like(input: &ArticleInput, d: &TimeMention) -> bool {
    input
        .folded(d.span)
        .chars()
        .any(|c| c.is_ascii_digit() || c == '月')
}

impl Chronicle {
    fn of(input: &ArticleInput) -> Chronicle {
        let text = input.text;
        let calendar = |d: &TimeMention| calendar_like(input, d);
        let mut lines = Vec::new();
        let mut long = 0;
        for p in text.paragraphs.iter() {
            // Lines of a few chars (a label, a byline) tell nothing either way.
            if text.title.is_some_and(|t| t.overlaps(p)) || p.len() < CHRONICLE_MIN_CHARS {
                continue;
            }
            long += 1;
            let opening = input.dates.iter().find(|d| {
                p.contains(d.span)
                    && d.span.start - p.start <= CHRONICLE_OPENING_CHARS
                    && d.range.precision <= Precision::Month
                    && !d.future
                    && calendar(d)
            });
            if let Some(d) = opening {
                lines.push((p.start, d.range));
            }
        }
        if lines.len() < CHRONICLE_MIN_LINES || lines.len() * 2 < long {
            lines.clear();
        }
        Chronicle { lines }
    }

    /// For a sentence in a paragraph (starting at `paragraph`) that opens with no date of its
    /// own: the window from the date of the dated line before it to that of the one after.
    fn between(&self, paragraph: usize) -> Option<DateRange> {
        if self.lines.iter().any(|&(p, _)| p == paragraph) {
            return None;
        }
        let k = self.lines.partition_point(|&(p, _)| p < paragraph);
        let before = self.lines.get(k.checked_sub(1)?)?.1;
        let end = self
            .lines
            .get(k)
            .map(|(_, r)| r.start)
            .filter(|&e| e >= before.start)
            .unwrap_or(before.end)
            .max(before.end);
        let precision = if (end - before.start).num_days() <= 10 {
            Precision::Xun
        } else {
            Precision::Month
        };
        Some(DateRange {
            start: before.start,
            end,
            precision,
        })
    }
}

/// A clause this short (in chars) that names someone continues the clause before it.
const SHORT_CLAUSE: usize = 14;
/// Chars between an organisation's name and its verb of saying (CrowdStrike said).
const ORG_SAYS_GAP: usize = 2;
/// Chars of title between an organisation and the person it qualifies (民眾黨前主席柯文哲).
const TITLE_GAP: usize = 6;
/// Chars between a speaker's name and the verb of saying (柯文哲庭後受訪表示).
const SPEAKER_GAP: usize = 4;
/// Days before the publication date that an undated clause is placed in.
pub const ARTICLE_WINDOW_DAYS: i64 = 31;
/// Kinds whose happenings are news whenever a specific person, product or facility is named.
const NAMED_NEWS: &[EventKind] = &[
    EventKind::Appointment,
    EventKind::Dismissal,
    EventKind::Election,
    EventKind::Vote,
    EventKind::Arrest,
    EventKind::Bail,
    EventKind::Ruling,
    EventKind::Regulation,
    EventKind::Disaster,
    EventKind::Death,
    EventKind::Rescue,
    EventKind::Contest,
    EventKind::Meeting,
    EventKind::Announcement,
    EventKind::Product,
    EventKind::Departure,
    EventKind::Layoff,
    EventKind::Organization,
    EventKind::Lawsuit,
    EventKind::Agreement,
    EventKind::Infrastructure,
    EventKind::Market,
];

/// Why a sentence with a trigger and a name gave no candidate: what the evaluation's details say
/// of a happening no event tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Dropped {
    /// The sentence is a question.
    Question,
    /// Its only triggers are words in quotation marks (someone's speech).
    Quoted,
    /// A statement (表示, 稱) without words in quotes: an opinion, not a happening.
    UnquotedStatement,
    /// A hypothetical, comparison or comment (如果, 此舉 …).
    Hypothetical,
    /// The kind needs a kind of name the clause lacks (a formation, an organisation).
    KindNeeds,
    /// No actor the clause can name.
    NoActor,
    /// No date, amount, news cue or named person to make it news.
    NotNews,
}

impl Dropped {
    pub fn name(self) -> &'static str {
        match self {
            Dropped::Question => "a question",
            Dropped::Quoted => "trigger in quotes",
            Dropped::UnquotedStatement => "statement without quotes",
            Dropped::Hypothetical => "hypothetical or comment",
            Dropped::KindNeeds => "the kind needs another name",
            Dropped::NoActor => "no actor",
            Dropped::NotNews => "no sign of news",
        }
    }
}

pub fn candidates(lex: &Lexicon, input: &ArticleInput, entities: &[Entity]) -> Vec<Candidate> {
    candidates_explained(lex, input, entities, &mut Vec::new())
}

/// [`candidates`], also telling why each sentence that came near a candidate gave none.
pub fn candidates_explained(
    lex: &Lexicon,
    input: &ArticleInput,
    entities: &[Entity],
    dropped: &mut Vec<(Span, Dropped)>,
) -> Vec<Candidate> {
    let text = input.text;
    let mut out = Vec::new();
    let mut carried: Option<(Span, usize)> = None;
    for sentence in text.sentences.iter() {
        if text.title.is_some_and(|t| t.overlaps(sentence)) {
            continue;
        }
        let paragraph = text.paragraph_at(sentence.start);
        if paragraph.is_some_and(|p| is_heading(text, p)) {
            continue;
        }
        let previous = carried
            .filter(|(p, _)| Some(*p) == paragraph)
            .map(|(_, s)| s);
        let subject =
            sentence_candidates(lex, input, entities, sentence, previous, &mut out, dropped);
        if let (Some(p), Some(s)) = (paragraph, subject) {
            carried = Some((p, s));
        }
    }
    super::casualty::date_by_disaster(lex, input, &mut out);
    out
}

/// A sub-heading: a short paragraph that does not end a sentence. It names a topic, not a happening.
fn is_heading(text: &ArticleText, paragraph: Span) -> bool {
    heading_shape(text.slice(paragraph))
}

struct Clause {
    span: Span,
    kind: Option<(EventKind, u16)>,
    /// Where the trigger that gives `kind` starts.
    trigger_at: Option<usize>,
    /// (entity, mention start), in text order, media left out.
    actors: Vec<(usize, usize)>,
    has_date: bool,
    /// Names only who reports (据 X 透露): its names are sources, not actors.
    source_only: bool,
    /// Opens with a word that carries on from the clause before (并, 以及, and).
    goes_on: bool,
}

impl Clause {
    /// Carries on from the clause before: it opens with a continuer or is short.
    fn continues(&self) -> bool {
        self.goes_on || self.span.len() <= SHORT_CLAUSE
    }
}

struct Group {
    span: Span,
    kind: EventKind,
    class: u16,
    actors: Vec<(usize, usize)>,
}

/// Candidates of one sentence; returns the sentence's subject for the next sentence.
fn sentence_candidates(
    lex: &Lexicon,
    input: &ArticleInput,
    entities: &[Entity],
    sentence: Span,
    previous_subject: Option<usize>,
    out: &mut Vec<Candidate>,
    dropped: &mut Vec<(Span, Dropped)>,
) -> Option<usize> {
    let text = input.text;
    let mentions: Vec<&Mention> = crate::entities::within(input.mentions, sentence).collect();
    if mentions.is_empty() && previous_subject.is_none() {
        // Nobody to act: no candidate, and no subject to carry on.
        return None;
    }
    let folded = input.folded(sentence);
    let quoted = quoted_spans(text.slice(sentence), sentence.start);
    let all_hits: Vec<Hit> = lex
        .scan(folded)
        .into_iter()
        .map(|h| Hit {
            start: h.start + sentence.start,
            end: h.end + sentence.start,
            ..h
        })
        .collect();
    let hits: Vec<Hit> = all_hits
        .iter()
        .copied()
        // Words inside quotation marks are someone's speech (or a coined phrase), not the happening.
        .filter(|h| {
            !matches!(h.cue, Cue::Trigger(k) if k != EventKind::Statement)
                || !quoted.iter().any(|q| q.start < h.start && h.end < q.end)
        })
        .collect();
    let clauses = clauses_of(lex, input, sentence, &hits, &mentions, entities, &quoted);
    let first_trigger = clauses.iter().position(|c| c.kind.is_some());
    let trigger_at = hits
        .iter()
        .find(|h| matches!(h.cue, Cue::Trigger(_)))
        .map_or(sentence.end, |h| h.start);
    // The subject: the first person or organisation before the trigger that is not the object of a
    // preposition (与秦永沛一同获得晋升的米玉杰 is about 米玉杰).
    let after_preposition = |at: usize| after_preposition(lex, input, sentence.start, at);
    let candidates_before: Vec<(usize, usize)> = clauses
        .iter()
        .filter(|c| !c.source_only)
        .flat_map(|c| c.actors.iter().copied())
        .filter(|a| a.1 < trigger_at)
        .filter(|&(e, _)| {
            matches!(
                entities[e].kind,
                EntityKind::Person | EntityKind::Organization
            )
        })
        .collect();
    // An organisation that only says whose officer the next name is (民眾黨前主席柯文哲, 台積電
    // 董事長魏哲家) qualifies that person, who is the subject.
    let qualifies_person = |org: usize, at: usize| {
        let Some(end) = mention_at(input.mentions, org, at).map(|m| m.span().end) else {
            return false;
        };
        let joins = |c: char| is_clause_mark(c) || matches!(c, '和' | '與' | '与' | '、' | '及');
        entities[org].kind == EntityKind::Organization
            && mentions.iter().any(|m| {
                entities[m.entity()].kind == EntityKind::Person
                    && m.span().start >= end
                    && m.span().start - end <= TITLE_GAP
                    && !text.slice(Span::new(end, m.span().start)).contains(joins)
            })
    };
    // A person after the 的 of a relative clause that holds the trigger is who the sentence is
    // about (与秦永沛一同获得晋升的米玉杰, 加入台积电的时间…: 米玉杰 is its subject).
    let head_of_relative = || {
        let first = clauses.iter().find(|c| !c.source_only)?;
        first.actors.iter().copied().find(|&(e, at)| {
            entities[e].kind == EntityKind::Person
                && at > trigger_at
                && input
                    .folded(Span::new(first.span.start, at))
                    .ends_with('的')
        })
    };
    let own_subject = candidates_before
        .iter()
        .copied()
        .find(|&(e, at)| !after_preposition(at) && !qualifies_person(e, at))
        .or_else(head_of_relative)
        .or(candidates_before.first().copied())
        .map(|(e, _)| e);
    // Who speaks is who acts when nobody else is named before the trigger (地檢署表示不服,二度
    // 提出抗告); an outlet is never an actor, so 據路透社報道 gives none.
    let speaker = || {
        clauses
            .iter()
            .filter(|c| c.source_only)
            .flat_map(|c| c.actors.iter())
            .filter(|a| a.1 < trigger_at)
            .map(|a| a.0)
            .find(|&e| {
                matches!(
                    entities[e].kind,
                    EntityKind::Person | EntityKind::Organization
                )
            })
    };
    let subject = own_subject.or_else(speaker).or(previous_subject);
    let trimmed = folded.trim_end();
    let triggered = |hs: &[Hit]| hs.iter().any(|h| matches!(h.cue, Cue::Trigger(_)));
    if first_trigger.is_none() {
        if triggered(&hits) {
            dropped.push((sentence, Dropped::UnquotedStatement));
        } else if triggered(&all_hits) {
            dropped.push((sentence, Dropped::Quoted));
        }
        return subject;
    }
    if trimmed.ends_with('？') || trimmed.ends_with('?') {
        dropped.push((sentence, Dropped::Question));
        return subject;
    }

    let mut groups: Vec<Group> = Vec::new();
    let mut i = 0;
    while i < clauses.len() {
        let Some((kind, class)) = clauses[i].kind else {
            i += 1;
            continue;
        };
        let mut g = Group {
            span: clauses[i].span,
            kind,
            class,
            actors: clauses[i].actors.clone(),
        };
        // A clause that goes on from the one before it and names no one (…提交國會,并于6日至7日
        // 进行表决) is done by those that clause named.
        if g.actors.is_empty() && clauses[i].goes_on && i > 0 && !clauses[i - 1].source_only {
            g.actors = clauses[i - 1].actors.clone();
        }
        let mut j = i + 1;
        let mut dated = clauses[i].has_date;
        while j < clauses.len() {
            let c = &clauses[j];
            let same = c.kind == Some((kind, class)) && !c.has_date;
            // A clause with a date of its own after a dated one tells what happened then, not more
            // of the same (2016年…遭到停權,2023年被IOC取消認證).
            let continues = c.kind.is_none()
                && !c.source_only
                && !c.actors.is_empty()
                && c.continues()
                && !(c.has_date && dated);
            if !(same || continues) {
                break;
            }
            dated |= c.has_date;
            g.span.end = c.span.end;
            g.actors.extend(c.actors.iter().copied());
            j += 1;
        }
        // A meeting or contest that sets the scene (在…發布會上,) has as participants the persons
        // the next clause names.
        if matches!(kind, EventKind::Meeting | EventKind::Contest)
            && j == i + 1
            && is_setting(lex, input.folded(clauses[i].span))
        {
            if let Some(next) = clauses.get(j) {
                for &(e, at) in &next.actors {
                    if entities[e].kind == EntityKind::Person && !g.actors.iter().any(|a| a.0 == e)
                    {
                        g.actors.push((e, at));
                    }
                }
            }
        }
        groups.push(g);
        i = j;
    }
    // "X 宣布, …": the announcing verb is not a statement of its own when the sentence tells of
    // more; it stands when what else the sentence tells makes no event (宣布, 因應地震…, 停班停課).
    let says = |k: EventKind| matches!(k, EventKind::Statement | EventKind::Announcement);
    // Parts of one happening told in one sentence: the pay package that brings someone in is part
    // of the hire, the staff who leave in a layoff are the layoff, a company founded by those who
    // left is part of their leaving.
    let mut extra_money: Option<Money> = None;
    for (whole, part) in ABSORBS {
        let Some(w) = groups.iter().position(|g| g.kind == *whole) else {
            continue;
        };
        while let Some(p) = groups.iter().position(|g| g.kind == *part) {
            if *part == EventKind::Compensation {
                extra_money = money::find(input.folded(groups[p].span)).first().copied();
            }
            let absorbed = groups.remove(p);
            let w = if p < w { w - 1 } else { w };
            groups[w].actors.extend(absorbed.actors);
            if absorbed.span.start < groups[w].span.start || absorbed.span.end > groups[w].span.end
            {
                groups[w].span = Span::new(
                    groups[w].span.start.min(absorbed.span.start),
                    groups[w].span.end.max(absorbed.span.end),
                );
            }
        }
    }
    let place = Place {
        lex,
        input,
        entities,
        sentence,
        subject,
        hits: &hits,
        quoted: &quoted,
    };
    let mut built: Vec<(bool, Candidate)> = Vec::new();
    for g in groups {
        // Status cues speak for the clauses they stand in and those after them in the sentence;
        // English attributes at the end as often (X did Y, Bloomberg reported), so an English cue
        // speaks for the whole sentence.
        let english_cue = |h: &Hit| {
            input
                .folded(Span::new(h.start, h.end))
                .starts_with(|c: char| c.is_ascii_alphabetic())
        };
        let before_or_in = |h: &&Hit| h.start < g.span.end || english_cue(h);
        let reported = hits
            .iter()
            .any(|h| h.cue == Cue::Reported && before_or_in(&h));
        let rumoured = hits
            .iter()
            .any(|h| h.cue == Cue::Rumoured && before_or_in(&h));
        let money = if g.kind == EventKind::Hire {
            extra_money
        } else {
            None
        };
        let saying = says(g.kind);
        let told = Told {
            reported,
            rumoured,
            extra_money: money,
        };
        match build(&place, g, told) {
            Ok(c) => {
                // Listed years (2018和2022年奪金) are as many happenings, one in each.
                let listed = listed_dates(lex, input, &c);
                for range in listed {
                    built.push((
                        saying,
                        Candidate {
                            date: Some(range),
                            ..c.clone()
                        },
                    ));
                }
                built.push((saying, c));
            }
            Err(why) => dropped.push((sentence, why)),
        }
    }
    // A saying dated in its own clause on another day than what it tells of is a happening of its
    // own (华为9月14日宣布,将于9月25日举办发布会: an announcement on the 14th of a launch on the 25th).
    let dated_apart = |c: &Candidate, others: &[(bool, Candidate)]| {
        c.date_source == DateSource::Clause
            && others
                .iter()
                .filter(|(saying, _)| !saying)
                .all(|(_, o)| o.date.is_some() && o.date != c.date)
    };
    if built.iter().any(|(saying, _)| !saying) {
        let keep: Vec<bool> = built
            .iter()
            .map(|(saying, c)| !saying || dated_apart(c, &built))
            .collect();
        built = built
            .into_iter()
            .zip(keep)
            .filter_map(|(b, keep)| keep.then_some(b))
            .collect();
    }
    out.extend(built.into_iter().map(|(_, c)| c));
    subject
}

/// The years listed with the one a candidate dated by its own clause takes (2018和2022年): only a
/// list word (`list_joins`) stands between each and the next.
fn listed_dates(lex: &Lexicon, input: &ArticleInput, c: &Candidate) -> Vec<DateRange> {
    // Listed days (6日、7日表決) are as often one happening over days as several.
    let Some(date) = c
        .date
        .filter(|d| c.date_source == DateSource::Clause && d.precision == Precision::Year)
    else {
        return Vec::new();
    };
    let mut within: Vec<&TimeMention> = input
        .dates
        .iter()
        .filter(|d| c.clause.contains(d.span) && d.range.precision == date.precision)
        .collect();
    within.sort_by_key(|d| d.span.start);
    let Some(at) = within.iter().position(|d| d.range == date) else {
        return Vec::new();
    };
    let joined = |a: &TimeMention, b: &TimeMention| {
        if b.span.start < a.span.end {
            return false;
        }
        let between = input.folded(Span::new(a.span.end, b.span.start)).trim();
        lex.list_joins.iter().any(|w| between == w.as_str())
    };
    let mut first = at;
    while first > 0 && joined(within[first - 1], within[first]) {
        first -= 1;
    }
    let mut last = at;
    while last + 1 < within.len() && joined(within[last], within[last + 1]) {
        last += 1;
    }
    (first..=last)
        .filter(|&k| k != at && within[k].range != date)
        .map(|k| within[k].range)
        .collect()
}

/// (whole, part): in one sentence, a happening of the second kind is part of one of the first.
const ABSORBS: &[(EventKind, EventKind)] = &[
    (EventKind::Hire, EventKind::Compensation),
    (EventKind::Layoff, EventKind::Departure),
    (EventKind::Departure, EventKind::Organization),
];

/// The mention of `entity` that starts at `start` (mentions sorted by start).
fn mention_at(mentions: &[Mention], entity: usize, start: usize) -> Option<&Mention> {
    let from = mentions.partition_point(|m| m.span().start < start);
    mentions[from..]
        .iter()
        .take_while(|m| m.span().start == start)
        .find(|m| m.entity() == entity)
}

fn clauses_of(
    lex: &Lexicon,
    input: &ArticleInput,
    sentence: Span,
    hits: &[Hit],
    mentions: &[&Mention],
    entities: &[Entity],
    quotes: &[Span],
) -> Vec<Clause> {
    let text = input.text;
    let mut spans = Vec::new();
    let mut start = sentence.start;
    let mut depth = 0i32;
    let chars: Vec<char> = text.slice(sentence).chars().collect();
    let folded: Vec<char> = input.folded(sentence).chars().collect();
    // Where a consequence opens: Chinese anywhere, English between spaces.
    let opens_consequence = |k: usize| {
        words_at(&lex.consequences, &folded, k)
            .any(|(c, n)| !c.is_ascii() || folded.get(k + n).is_none_or(|&c| c == ' '))
    };
    for (k, &ch) in chars.iter().enumerate() {
        let pos = sentence.start + k;
        if depth <= 0 && pos > start + 1 && opens_consequence(k) {
            spans.push(Span::new(start, pos));
            start = pos;
        }
        let in_number = ch == ','
            && k > 0
            && chars[k - 1].is_ascii_digit()
            && chars.get(k + 1).is_some_and(|c| c.is_ascii_digit());
        if in_number {
            continue;
        }
        match ch {
            '(' | '（' | '「' | '“' | '《' => depth += 1,
            ')' | '）' | '」' | '”' | '》' => depth -= 1,
            _ => {}
        }
        if depth <= 0 && is_clause_mark(ch) {
            if pos > start {
                spans.push(Span::new(start, pos + 1));
            }
            start = pos + 1;
        }
    }
    if sentence.end > start {
        spans.push(Span::new(start, sentence.end));
    }
    // A clause that is only a date (●4月1日,) dates the clause after it: the two are one.
    let only_a_date = |s: &Span| {
        input
            .dates
            .iter()
            .any(|d| s.contains(d.span) && s.len() <= d.span.len() + 2 && s.end > d.span.end)
    };
    let mut k = 0;
    while k + 1 < spans.len() {
        if only_a_date(&spans[k]) {
            let next = spans.remove(k + 1);
            spans[k].end = next.end;
        }
        k += 1;
    }
    let quoted = folded.iter().any(|c| matches!(c, '“' | '「' | '"'));
    let mut clauses: Vec<Clause> = spans
        .into_iter()
        .map(|span| {
            let within = |h: &&Hit| span.start <= h.start && h.start < span.end;
            // A trigger in what the clause gives as a cause (因故障而公開道歉, apologized for the
            // outage) is not its happening, when another trigger is.
            // Only asked when the clause has triggers of two kinds to choose between.
            let mut kinds = hits.iter().filter(within).filter_map(|h| match h.cue {
                Cue::Trigger(k) => Some(k),
                _ => None,
            });
            let first_kind = kinds.next();
            let choice = kinds.any(|k| Some(k) != first_kind);
            let folded_clause = &folded[span.start - sentence.start..span.end - sentence.start];
            let main = |h: &&Hit| !choice || !in_cause(lex, folded_clause, h.start - span.start);
            let any_main = hits
                .iter()
                .filter(within)
                .any(|h| matches!(h.cue, Cue::Trigger(_)) && main(&h));
            let chosen = super::lexicon::PRIORITY.iter().copied().find_map(|k| {
                hits.iter()
                    .filter(within)
                    .filter(|h| !any_main || main(h))
                    .find(|h| h.cue == Cue::Trigger(k))
                    .map(|h| (k, h.class, h.start))
            });
            let trigger_at = chosen.map(|c| c.2);
            let kind = chosen.map(|(k, class, _)| (k, class));
            // A person saying it right before the verb (韓東勳表示, 戴瑋姍回應).
            let person_says = || {
                hits.iter()
                    .filter(within)
                    .find(|h| h.cue == Cue::Trigger(EventKind::Statement))
                    .is_some_and(|h| {
                        mentions.iter().any(|m| {
                            entities[m.entity()].kind == EntityKind::Person
                                && m.span().end <= h.start
                                && h.start - m.span().end <= SPEAKER_GAP
                                && span.contains(m.span())
                        })
                    })
            };
            // Said on a day the clause writes out (委員會主席9月6日表示): news of that day.
            let said_on_a_day = || {
                input.dates.iter().any(|d| {
                    span.contains(d.span)
                        && d.range.precision == Precision::Day
                        && calendar_like(input, d)
                })
            };
            let kind = match kind {
                // A statement needs words in quotes, a named person saying it, or a day of its own.
                Some((EventKind::Statement, _))
                    if !quoted && !person_says() && !said_on_a_day() =>
                {
                    None
                }
                k => k,
            };
            // Who is named in the cause (因故障導致運行Microsoft Windows的電腦關閉而道歉) is part of
            // the cause, not of the happening the clause tells.
            let named_in_cause =
                |at: usize| choice && any_main && in_cause(lex, folded_clause, at - span.start);
            let mut actors: Vec<(usize, usize)> = Vec::new();
            for m in mentions.iter().filter(|m| span.contains(m.span())) {
                if entities[m.entity()].kind != EntityKind::Media
                    && !actors.iter().any(|a| a.0 == m.entity())
                    && !named_in_cause(m.span().start)
                {
                    actors.push((m.entity(), m.span().start));
                }
            }
            // A clause that names no person but speaks of one by a pronoun (她的銅牌遭到取消)
            // names whom the pronoun stands for.
            if !actors
                .iter()
                .any(|&(e, _)| entities[e].kind == EntityKind::Person)
            {
                if let Some((at, plural)) = pronoun_in(lex, folded_clause, span.start, quotes) {
                    let mut named = referents(lex, input, entities, at, plural);
                    named.retain(|r| !actors.iter().any(|a| a.0 == r.0));
                    actors.splice(0..0, named);
                }
            }
            let source_only = kind.is_none()
                && hits.iter().filter(within).any(|h| {
                    h.cue == Cue::Reported
                        || (h.cue == Cue::Trigger(EventKind::Statement) && h.class == 0)
                });
            let folded = input.folded(span);
            let goes_on = lex
                .continuers
                .iter()
                .any(|c| folded.trim_start().starts_with(c.as_str()));
            let has_date = input
                .dates
                .iter()
                .any(|d| span.contains(d.span) && d.range.precision != Precision::Vague);
            let kind = match kind {
                None if !source_only
                    && actors.iter().any(|&(e, _)| {
                        matches!(
                            entities[e].kind,
                            EntityKind::Person | EntityKind::Organization
                        )
                    })
                    && dated_deed(lex, input, span, folded_clause, quotes) =>
                {
                    Some((EventKind::Other, 0))
                }
                k => k,
            };
            // A clause that times the next by another happening and names no one (在昨天的羈押庭
            // 之前,) tells nothing of who did that happening.
            let kind = kind.filter(|_| {
                !actors.is_empty() || !opens_and_closes(lex, folded, &lex.frame_closes)
            });
            Clause {
                span,
                kind,
                trigger_at,
                actors,
                has_date,
                source_only,
                goes_on,
            }
        })
        .collect();
    // A clause that only names someone by what they did (勇奪金牌的林郁婷,) is the subject of the
    // next when that one names no one (光榮回台了): the happening is the next clause's.
    for k in 1..clauses.len() {
        let (before, after) = clauses.split_at_mut(k);
        let (a, b) = (&mut before[k - 1], &mut after[0]);
        if a.kind.is_none() || b.kind.is_none() || !b.actors.is_empty() || b.source_only {
            continue;
        }
        let Some(&(last, at)) = a.actors.last() else {
            continue;
        };
        let Some(end) = mention_at(input.mentions, last, at).map(|m| m.span().end) else {
            continue;
        };
        let rest = input.folded(Span::new(end, a.span.end));
        let rest = rest.trim_end_matches(is_clause_mark).trim();
        // The name may carry its gloss (王小明(Xiaoming Wang)).
        let glossed = |r: &str| {
            (r.starts_with('(') || r.starts_with('（')) && (r.ends_with(')') || r.ends_with('）'))
        };
        let named_last = rest.is_empty() || glossed(rest);
        let described = a
            .trigger_at
            .is_some_and(|t| t < at && input.folded(Span::new(t, at)).contains('的'));
        if entities[last].kind == EntityKind::Person && named_last && described {
            b.actors = a.actors.clone();
            a.kind = None;
        }
    }
    clauses
}

/// Whether the name at `at` is the object of a preposition (与X一同, 晚于X), the preposition
/// standing after `bound`.
fn after_preposition(lex: &Lexicon, input: &ArticleInput, bound: usize, at: usize) -> bool {
    let before = input.folded(Span::new(at.saturating_sub(4).max(bound), at));
    lex.prepositions
        .iter()
        .any(|p| before.ends_with(p.as_str()))
}

/// Whether a clause sets the scene of the next (在9月12日的問界M7發布會上,).
fn is_setting(lex: &Lexicon, folded: &str) -> bool {
    opens_and_closes(lex, folded, &lex.setting_closes)
}

/// Whether a clause opens with a setting word (在, 于) and ends with one of `closes`.
fn opens_and_closes(lex: &Lexicon, folded: &str, closes: &[String]) -> bool {
    let body = folded.trim().trim_end_matches(is_clause_mark).trim_end();
    lex.setting_opens
        .iter()
        .any(|w| body.starts_with(w.as_str()))
        && closes.iter().any(|w| body.ends_with(w.as_str()))
}

/// A pronoun for a person in `clause` (its folded chars; it starts at `offset` in the text),
/// outside quoted words and the words that hold one without being one (其他): where it stands, and
/// whether it is plural (他們).
fn pronoun_in(
    lex: &Lexicon,
    clause: &[char],
    offset: usize,
    quotes: &[Span],
) -> Option<(usize, bool)> {
    (0..clause.len()).find_map(|k| {
        let (_, n) = lex.pronouns.starting_at(clause, k).next()?;
        let inside = (k.saturating_sub(NOT_PRONOUN_REACH)..=k).any(|s| {
            lex.not_pronouns
                .starting_at(clause, s)
                .any(|(_, m)| s + m > k)
        });
        let at = offset + k;
        let quoted = quotes.iter().any(|q| q.start <= at && at < q.end);
        (!inside && !quoted).then(|| (at, lex.plural_marks.any_starts_at(clause, k + n)))
    })
}

/// How far before a pronoun a word holding it may start (其他, 排他).
const NOT_PRONOUN_REACH: usize = 3;
/// The most chars between two persons named together (劉德音和CEO魏哲家).
const TOGETHER_GAP: usize = 8;

/// Whom a pronoun at `at` stands for: the person named last before it in its paragraph, and for a
/// plural one also those named together with that one (劉德音和CEO魏哲家…他們), each with where it
/// is named.
fn referents(
    lex: &Lexicon,
    input: &ArticleInput,
    entities: &[Entity],
    at: usize,
    plural: bool,
) -> Vec<(usize, usize)> {
    let Some(paragraph) = input.text.paragraph_at(at) else {
        return Vec::new();
    };
    let before = input.mentions.partition_point(|m| m.span().start < at);
    let mut persons = input.mentions[..before].iter().rev().filter(|m| {
        m.span().end <= at
            && m.span().start >= paragraph.start
            && entities[m.entity()].kind == EntityKind::Person
    });
    // One person is the one the sentence is about, not the object of a preposition (…晚於秦永沛,
    // 但1994年就進入公司的他 is 米玉傑, named before); persons named together are all of them.
    let Some(last) =
        persons.find(|m| plural || !after_preposition(lex, input, paragraph.start, m.span().start))
    else {
        return Vec::new();
    };
    let mut out = vec![(last.entity(), last.span().start)];
    if plural {
        let mut from = last.span().start;
        for m in persons {
            if m.span().end > from {
                continue;
            }
            let gap = input.folded(Span::new(m.span().end, from));
            let apart = gap.chars().count() > TOGETHER_GAP
                || gap
                    .chars()
                    .any(|c| is_clause_mark(c) || crate::text::marks::is_sentence_end(c));
            if apart {
                break;
            }
            if !out.iter().any(|o| o.0 == m.entity()) {
                out.insert(0, (m.entity(), m.span().start));
            }
            from = m.span().start;
        }
    }
    out
}

/// Does the clause tell a deed at a date of its own, though no trigger of the lexicon names it
/// (2020年2月她找上時任副市長, 同月19日柯文哲就直接交辦)? Its date must be a year or finer, its
/// own, outside quotation marks and not a dateline's (香港新聞網9月6日電, 據中時4月13日報導), and the
/// clause must not say what something is (25日是…兩周年) or ask whether.
fn dated_deed(
    lex: &Lexicon,
    input: &ArticleInput,
    span: Span,
    folded: &[char],
    quotes: &[Span],
) -> bool {
    let dated = input.dates.iter().any(|d| {
        if !span.contains(d.span) || d.range.precision > Precision::Year {
            return false;
        }
        let mut after = d.span.end - span.start;
        while folded.get(after).is_some_and(|c| c.is_whitespace()) {
            after += 1;
        }
        !quotes.iter().any(|q| q.contains(d.span)) && !any_word_at(&lex.not_its_date, folded, after)
    });
    // A stored page's date label (`date 2025-09-05 ▲…`) is its dateline, not a deed's date.
    let trimmed = folded.iter().copied().skip_while(|c| c.is_whitespace());
    dated
        && !folded.contains(&'是')
        && !(0..folded.len()).any(|k| any_word_at(&lex.not_deeds, folded, k))
        && !trimmed.take(4).eq("date".chars())
}

/// The words of `list` that stand at char `k` of `chars`, with their length in chars. An English
/// word must start one: at the start or after a space.
fn words_at<'a>(
    list: &'a WordList,
    chars: &'a [char],
    k: usize,
) -> impl Iterator<Item = (&'a str, usize)> + 'a {
    list.starting_at(chars, k)
        .filter(move |(w, _)| !w.is_ascii() || k == 0 || chars[k - 1] == ' ')
}

/// Does a word of `list` stand at char `k` of `chars`?
fn any_word_at(list: &WordList, chars: &[char], k: usize) -> bool {
    words_at(list, chars, k).next().is_some()
}

/// Does the trigger at char `at` of a clause lie in a cause the clause gives, or in what someone
/// demands: after a word that opens one (因, 由於, for the, 敦促, urged), with no word that returns
/// to the happening (而, 导致) between?
fn in_cause(lex: &Lexicon, clause: &[char], at: usize) -> bool {
    // 因此 and 原因 hold 因 and open no cause: a word of theirs starts at or before it and
    // reaches it.
    let longest = lex.not_causes.first().map_or(0, |w| w.chars().count());
    let covered = |k: usize| {
        ((k + 1).saturating_sub(longest)..=k)
            .any(|b| words_at(&lex.not_causes, clause, b).any(|(_, n)| b + n > k))
    };
    let Some(opens) = (0..at)
        .rev()
        .find(|&k| any_word_at(&lex.causes, clause, k) && !covered(k))
    else {
        return false;
    };
    // 因…而 closes its cause only at 而, whatever it led to on the way (因故障導致電腦關閉而道歉).
    let closes_at_er = clause[opens + 1..].contains(&'而');
    !(opens + 1..at)
        .any(|k| words_at(&lex.returns, clause, k).any(|(w, _)| !closes_at_er || w == "而"))
}

/// Where a clause group stands: its sentence, the article and what was read of it.
struct Place<'a> {
    lex: &'a Lexicon,
    input: &'a ArticleInput<'a>,
    entities: &'a [Entity],
    sentence: Span,
    /// Who the sentence (or the one before it) is about.
    subject: Option<usize>,
    /// The lexicon's hits in the sentence.
    hits: &'a [Hit],
    /// The sentence's quoted words.
    quoted: &'a [Span],
}

/// How a group is told: the status cues before or in it, and an amount a part it absorbed gave.
struct Told {
    reported: bool,
    rumoured: bool,
    extra_money: Option<Money>,
}

fn build(place: &Place, group: Group, told: Told) -> Result<Candidate, Dropped> {
    let Place {
        lex,
        input,
        entities,
        sentence,
        hits,
        ..
    } = *place;
    let Told {
        reported,
        rumoured,
        extra_money,
    } = told;
    let text = input.text;
    let span = group.span;
    let kind = group.kind;
    let clause_hits: Vec<&Hit> = hits
        .iter()
        .filter(|h| span.start <= h.start && h.end <= span.end)
        .collect();
    if clause_hits.iter().any(|h| h.cue == Cue::Hypothetical) {
        return Err(Dropped::Hypothetical);
    }
    let folded_clause = input.folded(span);
    let kind_of = |k: EntityKind| group.actors.iter().any(|&(e, _)| entities[e].kind == k);
    let ok = match kind {
        // Something must be formed: an organisation named in the clause.
        EventKind::Organization => kind_of(EntityKind::Organization),
        // A maker named in the clause, or carried over as the sentence's subject (首批現機推出後
        // 立刻售罄, after a sentence about Huawei).
        EventKind::Product => {
            kind_of(EntityKind::Product)
                || kind_of(EntityKind::Organization)
                || place
                    .subject
                    .is_some_and(|s| entities[s].kind == EntityKind::Organization)
        }
        EventKind::Infrastructure => {
            kind_of(EntityKind::Facility)
                || lex
                    .infrastructure_nouns
                    .iter()
                    .any(|n| folded_clause.contains(n.as_str()))
        }
        // A person's words, or an organisation's own (CrowdStrike said, 公司在聲明中表示): its
        // name right before the verb of saying, or a statement it issued.
        EventKind::Statement => {
            kind_of(EntityKind::Person) || {
                let says = |h: &&&Hit| h.cue == Cue::Trigger(EventKind::Statement);
                group.actors.iter().any(|&(e, at)| {
                    entities[e].kind == EntityKind::Organization
                        && mention_at(input.mentions, e, at).is_some_and(|m| {
                            clause_hits.iter().filter(says).any(|h| {
                                h.start >= m.span().end
                                    && (h.start - m.span().end <= ORG_SAYS_GAP || {
                                        let between =
                                            input.folded(Span::new(m.span().end, h.start));
                                        between.contains("声明") || between.contains("statement")
                                    })
                            })
                        })
                })
            }
        }
        _ => true,
    };
    if !ok {
        return Err(Dropped::KindNeeds);
    }
    if kind == EventKind::Statement && speaks_as_commentator(place, &group) {
        return Err(Dropped::Hypothetical);
    }
    let actors = order_actors(place, &group);
    if actors.is_empty() {
        return Err(Dropped::NoActor);
    }
    if kind == EventKind::Organization && actors.len() < 2 {
        return Err(Dropped::KindNeeds);
    }
    let amounts: Vec<Money> = money::find(folded_clause);
    let amount = amounts.first().copied().or(extra_money);
    // Where the clause's trigger word stands (empty at the clause's start when it has none).
    let trigger = clause_hits
        .iter()
        .find(|h| h.cue == Cue::Trigger(kind))
        .map_or(Span::new(span.start, span.start), |h| {
            Span::new(h.start, h.end)
        });
    let trigger_at = trigger.start;
    // What someone says is dated by the words around the saying, not by the dates of what is
    // said (魏哲家称,…预计2024年仍是…成长的一年 is said on the day of the report).
    let said = (kind == EventKind::Statement).then_some(trigger_at);
    let (date, date_source, future) =
        date_for(input, sentence, place.quoted, span, trigger_at, said);
    // What someone says with no date of its own is said on the day of the report.
    let (date, date_source) = match (kind, date_source, input.published.precision) {
        (EventKind::Statement, DateSource::Article, Precision::Day) => {
            let day = input.published.reference();
            (
                day.map(|d| DateRange {
                    start: d,
                    end: d,
                    precision: Precision::Day,
                }),
                DateSource::Paragraph,
            )
        }
        _ => (date, date_source),
    };
    let latest = hits.iter().any(|h| h.cue == Cue::Latest);
    let joins_or_leaves = matches!(kind, EventKind::Hire | EventKind::Departure)
        && actors
            .iter()
            .any(|&a| entities[a].kind == EntityKind::Person);
    let named = actors.iter().any(|&a| {
        matches!(
            entities[a].kind,
            EntityKind::Person | EntityKind::Product | EntityKind::Facility
        )
    });
    let newsy = date_source >= DateSource::Paragraph
        || (named && NAMED_NEWS.contains(&kind))
        || amount.is_some()
        || reported
        || rumoured
        || latest
        || joins_or_leaves
        || kind == EventKind::Statement;
    if !newsy {
        return Err(Dropped::NotNews);
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
    let mut candidate = Candidate {
        article: input.index,
        span: sentence,
        clause: span,
        kind,
        class: group.class,
        status,
        date,
        date_source,
        entities: actors,
        context: input
            .mentions
            .iter()
            .filter(|m| {
                sentence.contains(m.span()) && entities[m.entity()].kind != EntityKind::Media
            })
            .map(|m| m.entity())
            .collect(),
        money: amount,
        ordinal: super::ordinal::find(lex, folded_clause),
        trigger,
        title_chars: 0,
        titled_en: false,
    };
    let (title_zh, title_en) = super::title::of(lex, text, entities, &candidate);
    candidate.title_chars = u16::try_from(title_zh.chars().count()).unwrap_or(u16::MAX);
    candidate.titled_en = title_en.is_some();
    Ok(candidate)
}

/// Actors in the order titles read them: who acts first. For a hire that is the organisation a
/// person goes to (after 被, or after 加入-like triggers), else the sentence's subject.
fn order_actors(place: &Place, group: &Group) -> Vec<usize> {
    let &Place {
        lex,
        input,
        entities,
        subject,
        hits,
        ..
    } = place;
    let mut actors: Vec<usize> = Vec::new();
    for &(e, _) in &group.actors {
        if !actors.contains(&e) {
            actors.push(e);
        }
    }
    let mut first: Option<usize> = None;
    if group.kind == EventKind::Hire {
        let folded = input.folded(group.span);
        let chars: Vec<char> = folded.chars().collect();
        let is_org = |e: usize| entities[e].kind == EntityKind::Organization;
        first = group.actors.iter().find_map(|&(e, at)| {
            let rel = at.checked_sub(group.span.start)?;
            let after_bei = rel > 0 && chars[..rel].iter().rev().take(3).any(|&c| c == '被');
            let word = |h: &Hit| input.folded(Span::new(h.start, h.end));
            let hires = |h: &&Hit| h.cue == Cue::Trigger(EventKind::Hire);
            let after_dest = hits.iter().filter(hires).any(|h| {
                h.end <= at && at - h.end <= 2 && lex.destination.iter().any(|d| *d == word(h))
            });
            let before_verb = mention_at(input.mentions, e, at).is_some_and(|m| {
                hits.iter().filter(hires).any(|h| {
                    h.start >= m.span().end
                        && h.start - m.span().end <= 2
                        && !lex.destination.iter().any(|d| *d == word(h))
                })
            });
            (is_org(e) && (after_bei || after_dest || before_verb)).then_some(e)
        });
    }
    let first = first.or(subject.filter(|_| group.kind != EventKind::Statement));
    if let Some(f) = first {
        actors.retain(|&a| a != f);
        actors.insert(0, f);
    }
    actors
}

/// Whether the person who speaks in `group` is given, anywhere in the article, a role of those who
/// comment on the news (研究機構首席分析師李怀斌, 工研院研究總監楊瑞臨 … 楊瑞臨表示).
fn speaks_as_commentator(place: &Place, group: &Group) -> bool {
    let Place {
        lex,
        input,
        entities,
        ..
    } = *place;
    let Some(&(speaker, _)) = group
        .actors
        .iter()
        .find(|&&(e, _)| entities[e].kind == EntityKind::Person)
    else {
        return false;
    };
    input
        .mentions
        .iter()
        .filter(|m| m.entity() == speaker)
        .any(|m| {
            let start = m.span().start;
            let before: Vec<char> = input
                .folded(Span::new(start.saturating_sub(TITLE_GAP), start))
                .chars()
                .collect();
            lex.commentators.any_ends_at(&before, before.len())
        })
}

/// How far into the article a date line may start.
const DATELINE_CHARS: usize = 24;

/// `d` is the article's date line: the day it was published, written at its head.
fn is_dateline(input: &ArticleInput, d: &TimeMention) -> bool {
    d.span.start < DATELINE_CHARS
        && d.range.precision == Precision::Day
        && !input.published.inferred
        && input.published.date == Some(d.range.start)
}

/// The clause's own date, else the sentence's outside quoted words, else the last day told before
/// it when it says that day (當天, 第一時間), else the last one earlier in the paragraph, else the
/// article's day when the sentence tells a time of day, else a window before the publication date.
/// Among dates of one precision the one nearest the trigger wins (申请在当年5月份退休: the leaving
/// is in May). Dates outside the clause after `said_at`, a verb of saying, are of the words said
/// and left out. The bool says the date lies in the clause's future.
fn date_for(
    input: &ArticleInput,
    sentence: Span,
    quoted: &[Span],
    clause: Span,
    trigger_at: usize,
    said_at: Option<usize>,
) -> (Option<DateRange>, DateSource, bool) {
    let usable = |d: &&TimeMention| d.range.precision != Precision::Vague || d.relative;
    let pick_where = |within: Span, also: &dyn Fn(&&TimeMention) -> bool| {
        input
            .dates
            .iter()
            .filter(|d| within.contains(d.span))
            .filter(usable)
            .filter(also)
            .min_by_key(|d| {
                (
                    d.range.precision.min(Precision::Month),
                    d.span.end.abs_diff(trigger_at),
                )
            })
    };
    // The page's date line (`2025-09-02 林郁婷在2024年巴黎奧運奪金`) is the day of the report: a
    // clause that names a date of its own is dated by that one.
    let pick = |within: Span| {
        pick_where(within, &|d| !is_dateline(input, d)).or_else(|| pick_where(within, &|_| true))
    };
    // A chronicle's line with no date of its own lies between the dated lines around it.
    let paragraph = input.text.paragraph_at(sentence.start);
    let between = paragraph.and_then(|p| {
        input
            .chronicle
            .get_or_init(|| Chronicle::of(input))
            .between(p.start)
    });
    if let Some(range) = between {
        // Its own calendar dates count (13日晚間); words of relative time do not.
        let own = |d: &&TimeMention| !d.relative || calendar_like(input, d);
        if let Some(d) = pick(clause)
            .filter(own)
            .or_else(|| pick(sentence).filter(own))
        {
            return (Some(d.range), DateSource::Sentence, d.future);
        }
        // Bounded by the dated lines on both sides: as firm as a date of its own sentence, not
        // a date carried on from an earlier one.
        return (Some(range), DateSource::Sentence, false);
    }
    if let Some(d) = pick(clause) {
        return (Some(d.range), DateSource::Clause, d.future);
    }
    // A date inside someone's quoted words (…轉發了此條微博,並稱「我們9月25日見」) is of what they
    // speak about, not the day of a clause told without a date of its own.
    let unquoted = |d: &&TimeMention| {
        !quoted.iter().any(|q| q.contains(d.span)) && said_at.is_none_or(|at| d.span.start < at)
    };
    if let Some(d) = pick_where(sentence, &unquoted) {
        return (Some(d.range), DateSource::Sentence, d.future);
    }
    // That day (當天, 第一時間): the latest day told before it, in this paragraph or an earlier one.
    // A word that names that day (當天下午) told in the same paragraph dates it as its own date would.
    if let Some(link) = crate::time::day_link(input.folded(sentence)) {
        if let Some(d) = input.dates.iter().rev().find(|d| {
            d.span.end <= sentence.start && d.range.precision == Precision::Day && !d.future
        }) {
            let same_paragraph = input
                .text
                .paragraph_at(sentence.start)
                .is_some_and(|p| p.contains(d.span));
            let source = if link == crate::time::DayLink::Same && same_paragraph {
                DateSource::Sentence
            } else {
                DateSource::Paragraph
            };
            return (Some(d.range), source, false);
        }
    }
    if let Some(para) = input.text.paragraph_at(sentence.start) {
        let earlier = Span::new(para.start, sentence.start);
        if let Some(d) = input.dates.iter().rev().find(|d| {
            earlier.contains(d.span) && d.range.precision <= Precision::Month && !d.future
        }) {
            return (Some(d.range), DateSource::Paragraph, false);
        }
    }
    // Told at a time of day and no date (縣長上午8點48分宣布): the article's own day.
    if input.published.precision == Precision::Day
        && crate::time::has_clock_time(input.folded(sentence))
    {
        if let Some(day) = input.published.reference() {
            let range = DateRange {
                start: day,
                end: day,
                precision: Precision::Day,
            };
            return (Some(range), DateSource::Paragraph, false);
        }
    }
    match input.published.date {
        Some(p) => (
            Some(DateRange {
                start: p - chrono::Duration::days(ARTICLE_WINDOW_DAYS),
                end: p,
                precision: Precision::Vague,
            }),
            DateSource::Article,
            false,
        ),
        None => (None, DateSource::None, false),
    }
}
