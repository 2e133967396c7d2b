//! The event lexicon (`assets/lexicon/events.toml`): trigger words per event kind, status cues and
//! other cues, folded once and compiled into one Aho-Corasick automaton, so a clause is scanned once
//! whatever the size of the lexicon. A Han trigger found that way is then checked against jieba's
//! words around it (a few chars either side, only where a trigger stands): chars that only meet
//! across a word boundary (下台 in 夺下|台湾) trigger nothing.

use super::EventKind;
use crate::entities::word_list::WordList;
use crate::error::{Error, ErrorCode, Result};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;
use std::collections::BTreeMap;

const EMBEDDED: &str = include_str!("../../assets/lexicon/events.toml");

/// When a clause holds triggers of several kinds, the earlier kind here names the event: a layoff
/// announced in a statement is a layoff.
pub const PRIORITY: &[EventKind] = &[
    EventKind::Dismissal,
    EventKind::Layoff,
    EventKind::Arrest,
    EventKind::Bail,
    EventKind::Ruling,
    EventKind::Lawsuit,
    EventKind::Regulation,
    EventKind::Death,
    EventKind::Rescue,
    EventKind::Disaster,
    EventKind::Investment,
    EventKind::Appointment,
    EventKind::Hire,
    EventKind::Departure,
    EventKind::Election,
    EventKind::Vote,
    EventKind::Contest,
    EventKind::Organization,
    EventKind::Infrastructure,
    EventKind::Agreement,
    EventKind::Product,
    EventKind::Compensation,
    EventKind::Market,
    EventKind::Meeting,
    EventKind::Announcement,
    EventKind::Statement,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    Trigger(EventKind),
    Reported,
    Rumoured,
    Planned,
    Latest,
    Hypothetical,
    /// A word holding a trigger that does not tell of it (投资者); the trigger inside is dropped.
    Blocker,
}

/// A kind's triggers: the plain list, and named classes of happenings that are never one event
/// (a product's release, setback or change of strategy).
#[derive(Deserialize)]
struct TriggerList {
    triggers: Vec<String>,
    /// An English title for the kind's events, `{names}` standing for the actors.
    #[serde(default)]
    title_en: Option<String>,
    #[serde(flatten)]
    classes: BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize)]
struct Blockers {
    words: Vec<String>,
}

#[derive(Deserialize)]
struct StatusLists {
    reported: Vec<String>,
    rumoured: Vec<String>,
    planned: Vec<String>,
}

#[derive(Deserialize)]
struct CueLists {
    latest: Vec<String>,
    hypothetical: Vec<String>,
    infrastructure_nouns: Vec<String>,
    continuers: Vec<String>,
    #[serde(default)]
    consequences: Vec<String>,
    #[serde(default)]
    causes: Vec<String>,
    #[serde(default)]
    demands: Vec<String>,
    #[serde(default)]
    returns: Vec<String>,
    #[serde(default)]
    not_causes: Vec<String>,
    #[serde(default)]
    not_its_date: Vec<String>,
    #[serde(default)]
    not_deeds: Vec<String>,
    #[serde(default)]
    first_time: Vec<String>,
    #[serde(default)]
    again: Vec<String>,
    #[serde(default)]
    ordinal_measures: Vec<String>,
    #[serde(default)]
    stages: Vec<Vec<String>>,
    #[serde(default)]
    reaching: Vec<String>,
    #[serde(default)]
    pronouns: Vec<String>,
    #[serde(default)]
    setting_opens: Vec<String>,
    #[serde(default)]
    setting_closes: Vec<String>,
    #[serde(default)]
    frame_closes: Vec<String>,
    #[serde(default)]
    list_joins: Vec<String>,
    #[serde(default)]
    plural_marks: Vec<String>,
    #[serde(default)]
    not_pronouns: Vec<String>,
    #[serde(default)]
    blows: Vec<String>,
    #[serde(default)]
    named_disasters: Vec<String>,
    destination: Vec<String>,
    joining: Vec<String>,
    prepositions: Vec<String>,
    #[serde(default)]
    commentators: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    kinds: BTreeMap<EventKind, TriggerList>,
    blockers: Blockers,
    status: StatusLists,
    cues: CueLists,
    titles: super::title::Titles,
}

/// A found cue: what it is and its char span within the scanned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub cue: Cue,
    /// For triggers: the class within the kind (0: the plain list).
    pub class: u16,
    pub start: usize,
    pub end: usize,
}

pub struct Lexicon {
    automaton: AhoCorasick,
    cues: Vec<(Cue, u16)>,
    /// Names of each kind's trigger classes; index 0 is the plain list ("").
    classes: BTreeMap<EventKind, Vec<String>>,
    titles: BTreeMap<EventKind, String>,
    /// Folded nouns that make an infrastructure trigger about infrastructure.
    pub infrastructure_nouns: Vec<String>,
    /// Openers of a clause that continues the one before it.
    pub continuers: Vec<String>,
    /// Words that open what a happening caused (导致, after): a clause of its own.
    pub consequences: WordList,
    /// Words that open the cause a clause gives (因, for the) or what someone demands (敦促, urged):
    /// a trigger inside tells the cause or the demand, not the happening.
    pub causes: WordList,
    /// Words after a cause that return to the happening (而, 导致).
    pub returns: WordList,
    /// Words holding a cause word that open no cause (因此, 原因).
    pub not_causes: WordList,
    /// Words right after a date that make it a dateline's (9月6日電), not a deed's.
    pub not_its_date: WordList,
    /// Words that make a dated clause with no trigger no deed (至今, 是否).
    pub not_deeds: WordList,
    /// Words that tell a happening's first time (首次), and a time after the first (再次).
    pub first_time: WordList,
    pub again: WordList,
    /// Measure words after 第N that count the times of a happening (次, 轮).
    pub ordinal_measures: WordList,
    /// The names of a contest's stages (决赛, 半决赛), and the stage each names, counted from 0.
    pub stages: WordList,
    pub stage_of: rustc_hash::FxHashMap<String, u8>,
    /// Words before a stage that say it is reached (打进金牌战): the telling is of the round before.
    pub reaching: WordList,
    /// Pronouns for a person named before (他, 她), the marks that make them plural (们), and the
    /// words that hold one without being one (其他): see `extract`.
    pub pronouns: WordList,
    pub plural_marks: WordList,
    pub not_pronouns: WordList,
    /// The words that open and close a clause setting the scene of the next (在…發布會上).
    pub setting_opens: Vec<String>,
    pub setting_closes: Vec<String>,
    /// The words that close a clause giving the time of the next by another happening (在…之前).
    pub frame_closes: Vec<String>,
    /// The words that list years (2018和2022年): a happening in listed years is one in each.
    pub list_joins: Vec<String>,
    /// How a disaster kills or injures (落石, 倒塌), and the words a disaster is called by after
    /// its month and day (403強震): see [`super::casualty`].
    pub blows: Vec<String>,
    pub named_disasters: WordList,
    /// Hire triggers after which an organisation is where someone goes.
    pub destination: Vec<String>,
    /// Hire triggers by which someone moves of their own accord.
    pub joining: Vec<String>,
    /// Roles whose holders comment on the news (分析師, 教授): what they say is no happening.
    pub commentators: WordList,
    /// Words after which a name is a preposition's object, not the sentence's subject.
    pub prepositions: Vec<String>,
    /// The title vocabulary: openers, English templates and verbs.
    pub wording: super::title::Titles,
}

fn folded(words: &[String]) -> Vec<String> {
    words.iter().map(|w| crate::text::fold_str(w)).collect()
}

impl Lexicon {
    /// The shipped lexicon, parsed and compiled once per process (the pipeline asks for it on
    /// every extraction pass).
    pub fn embedded() -> &'static Lexicon {
        static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        LEXICON
            .get_or_init(|| Lexicon::parse(EMBEDDED).expect("the embedded event lexicon is valid"))
    }

    pub fn parse(toml_text: &str) -> Result<Lexicon> {
        let file: File = toml::from_str(toml_text).map_err(|e| {
            Error::new(
                ErrorCode::Internal,
                format!("event lexicon: {}", e.message()),
            )
        })?;
        let mut words: Vec<String> = Vec::new();
        let mut cues: Vec<(Cue, u16)> = Vec::new();
        let mut add = |list: &[String], cue: Cue, class: u16| {
            for w in list {
                let folded = crate::text::fold_str(w);
                if !folded.is_empty()
                    && !words
                        .iter()
                        .zip(&cues)
                        .any(|(x, c)| *x == folded && c.0 == cue)
                {
                    words.push(folded);
                    cues.push((cue, class));
                }
            }
        };
        let classes: BTreeMap<EventKind, Vec<String>> = file
            .kinds
            .iter()
            .map(|(k, list)| {
                (
                    *k,
                    std::iter::once(String::new())
                        .chain(list.classes.keys().cloned())
                        .collect(),
                )
            })
            .collect();
        for (kind, list) in &file.kinds {
            add(&list.triggers, Cue::Trigger(*kind), 0);
            for (i, words) in list.classes.values().enumerate() {
                add(words, Cue::Trigger(*kind), i as u16 + 1);
            }
        }
        let titles = file
            .kinds
            .iter()
            .filter_map(|(k, list)| Some((*k, list.title_en.clone()?)))
            .collect();
        add(&file.blockers.words, Cue::Blocker, 0);
        add(&file.status.reported, Cue::Reported, 0);
        add(&file.status.rumoured, Cue::Rumoured, 0);
        add(&file.status.planned, Cue::Planned, 0);
        add(&file.cues.latest, Cue::Latest, 0);
        add(&file.cues.hypothetical, Cue::Hypothetical, 0);
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&words)
            .map_err(|e| Error::new(ErrorCode::Internal, format!("event lexicon: {e}")))?;
        Ok(Lexicon {
            automaton,
            cues,
            classes,
            titles,
            infrastructure_nouns: folded(&file.cues.infrastructure_nouns),
            continuers: folded(&file.cues.continuers),
            consequences: WordList::new(folded(&file.cues.consequences)),
            causes: WordList::new(folded(
                &[file.cues.causes.as_slice(), file.cues.demands.as_slice()].concat(),
            )),
            returns: WordList::new(folded(&file.cues.returns)),
            not_causes: WordList::new(folded(&file.cues.not_causes)),
            not_its_date: WordList::new(folded(&file.cues.not_its_date)),
            not_deeds: WordList::new(folded(&file.cues.not_deeds)),
            first_time: WordList::new(folded(&file.cues.first_time)),
            again: WordList::new(folded(&file.cues.again)),
            ordinal_measures: WordList::new(folded(&file.cues.ordinal_measures)),
            stages: WordList::new(file.cues.stages.iter().flat_map(|s| folded(s)).collect()),
            stage_of: file
                .cues
                .stages
                .iter()
                .enumerate()
                .flat_map(|(k, s)| folded(s).into_iter().map(move |w| (w, k as u8)))
                .collect(),
            reaching: WordList::new(folded(&file.cues.reaching)),
            pronouns: WordList::new(folded(&file.cues.pronouns)),
            plural_marks: WordList::new(folded(&file.cues.plural_marks)),
            not_pronouns: WordList::new(folded(&file.cues.not_pronouns)),
            setting_opens: folded(&file.cues.setting_opens),
            setting_closes: folded(&file.cues.setting_closes),
            frame_closes: folded(&file.cues.frame_closes),
            list_joins: folded(&file.cues.list_joins),
            blows: folded(&file.cues.blows),
            named_disasters: WordList::new(folded(&file.cues.named_disasters)),
            destination: folded(&file.cues.destination),
            joining: folded(&file.cues.joining),
            commentators: WordList::new(folded(&file.cues.commentators)),
            prepositions: folded(&file.cues.prepositions),
            wording: file.titles.folded(),
        })
    }

    /// The English title template of a kind (`{names}` stands for the actors), if the lexicon has one.
    pub fn title_template(&self, kind: EventKind) -> Option<&str> {
        self.titles.get(&kind).map(String::as_str)
    }

    /// The name of a trigger class ("setback", "strategy" …; "" for a kind's plain triggers).
    pub fn class_name(&self, kind: EventKind, class: u16) -> &str {
        self.classes
            .get(&kind)
            .and_then(|c| c.get(class as usize))
            .map_or("", |s| s.as_str())
    }

    /// Every cue in `folded` (overlapping ones too), with char offsets; a trigger inside a longer
    /// trigger of the same text position range is dropped, so 投资 inside 投巨资 counts once.
    pub fn scan(&self, folded: &str) -> Vec<Hit> {
        let mut byte_to_char = Vec::with_capacity(folded.len() + 1);
        let mut n = 0;
        for (i, c) in folded.char_indices() {
            while byte_to_char.len() < i {
                byte_to_char.push(n);
            }
            byte_to_char.push(n);
            n += 1;
            let _ = c;
        }
        while byte_to_char.len() <= folded.len() {
            byte_to_char.push(n);
        }
        let bytes = folded.as_bytes();
        let word_byte = |b: u8| b.is_ascii_alphanumeric();
        // An English word matches at word edges, inflected or not (sue, sues, sued; not pursued).
        let at_word_edges = |start: usize, end: usize| {
            if start > 0 && word_byte(bytes[start - 1]) && word_byte(bytes[start]) {
                return false;
            }
            if end == 0
                || !word_byte(bytes[end - 1])
                || end >= bytes.len()
                || !word_byte(bytes[end])
            {
                return true;
            }
            let rest = bytes[end..].iter().take_while(|b| word_byte(**b)).count();
            matches!(
                &bytes[end..end + rest],
                b"s" | b"es" | b"d" | b"ed" | b"ing"
            )
        };
        let mut hits: Vec<Hit> = self
            .automaton
            .find_overlapping_iter(folded)
            .filter(|m| at_word_edges(m.start(), m.end()))
            .map(|m| {
                let (cue, class) = self.cues[m.pattern().as_usize()];
                Hit {
                    cue,
                    class,
                    start: byte_to_char[m.start()],
                    end: byte_to_char[m.end()],
                }
            })
            .collect();
        let covering: Vec<Hit> = hits
            .iter()
            .copied()
            .filter(|h| matches!(h.cue, Cue::Trigger(_) | Cue::Blocker))
            .collect();
        hits.retain(|h| {
            !matches!(h.cue, Cue::Trigger(_))
                || !covering.iter().any(|o| {
                    o != h
                        && o.start <= h.start
                        && h.end <= o.end
                        && ((o.end - o.start) > (h.end - h.start) || o.cue == Cue::Blocker)
                })
        });
        hits.retain(|h| h.cue != Cue::Blocker);
        if hits.iter().any(|h| matches!(h.cue, Cue::Trigger(_))) {
            let chars: Vec<char> = folded.chars().collect();
            hits.retain(|h| !matches!(h.cue, Cue::Trigger(_)) || !straddles(&chars, h));
        }
        hits.sort_by_key(|h| (h.start, h.end));
        hits
    }
}

/// How many chars either side of a trigger are cut into words to see where its words end.
const WORD_WINDOW: usize = 4;

/// A Han trigger whose two edges both fall inside jieba's words: 下台 in 夺下台湾 (夺下 | 台湾) is
/// no stepping down, the chars only happen to meet. One edge inside a word is common for real
/// triggers (股东会 in 股东|会上), so it alone proves nothing.
fn straddles(chars: &[char], h: &Hit) -> bool {
    if h.end - h.start < 2
        || !chars[h.start..h.end]
            .iter()
            .all(|&c| crate::text::is_han(c))
    {
        return false;
    }
    let from = (h.start.saturating_sub(WORD_WINDOW)..h.start)
        .rev()
        .take_while(|&i| crate::text::is_han(chars[i]))
        .last()
        .unwrap_or(h.start);
    let to = (h.end..(h.end + WORD_WINDOW).min(chars.len()))
        .take_while(|&i| crate::text::is_han(chars[i]))
        .last()
        .map_or(h.end, |i| i + 1);
    let window: String = chars[from..to].iter().collect();
    let (start, end) = (h.start - from, h.end - from);
    // Both edges fall inside words: the trigger is the tail of one word and the head of the next.
    let mut inside = [false, false];
    let mut at = 0;
    for w in crate::text::words::jieba().cut(&window, false) {
        let (ws, we) = (at, at + w.word.chars().count());
        at = we;
        inside[0] |= ws < start && start < we;
        inside[1] |= ws < end && end < we;
    }
    inside == [true, true]
}
