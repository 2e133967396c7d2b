//! The gazetteer: the user's list of known entities (`assets/gazetteer.toml` by default), and the
//! lexicon of word lists discovery reads (`assets/entity_lexicon.toml`, always embedded).
//!
//! Loading validates everything a user can get wrong — unknown kinds, empty or duplicate ids, one
//! spelling claimed by two entities — and reports it as [`ErrorCode::BadGazetteer`] naming the file
//! and the entry, never a panic. Every spelling is kept as written for display and folded with
//! [`crate::text::fold_str`] for matching, so both scripts and every folded variant meet.

use super::word_list::WordList;
use super::EntityKind;
use crate::error::{Error, ErrorCode, Result};
use crate::text::fold_str;
use rustc_hash::FxHashSet;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::path::Path;

const EMBEDDED: &str = include_str!("../../assets/gazetteer.toml");
const LEXICON: &str = include_str!("../../assets/entity_lexicon.toml");
const GIVEN_NAMES: &str = include_str!("../../assets/text/given_names.txt");
const ENGLISH_COMMON: &str = include_str!("../../assets/text/english_common.txt");

/// One known entity as the user wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    #[serde(default)]
    pub name_zh: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl Entry {
    /// Every spelling: name, Chinese name, aliases, without duplicates, in that order.
    pub fn spellings(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let all = std::iter::once(&self.name)
            .chain(self.name_zh.iter())
            .chain(self.aliases.iter());
        for s in all {
            let s = s.trim().to_string();
            if !s.is_empty() && !out.contains(&s) {
                out.push(s);
            }
        }
        out
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    entity: Vec<Entry>,
}

/// The known entities of a story.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    pub entries: Vec<Entry>,
}

impl Gazetteer {
    /// The gazetteer shipped with Storyline (`assets/gazetteer.toml`).
    pub fn embedded() -> Gazetteer {
        // The embedded file is checked by the test suite; failing here would be a build defect.
        Gazetteer::parse(EMBEDDED, "assets/gazetteer.toml").unwrap_or_default()
    }

    /// The gazetteer a corpus is read with: the shipped one, extended by the story's own
    /// (`gazetteer.toml` beside the articles, or the built-in corpus's). A story gazetteer that
    /// cannot be used is reported, and the shipped one is used alone.
    pub fn for_corpus(
        corpus: &crate::corpus::Corpus,
    ) -> (Gazetteer, Option<crate::corpus::LoadIssue>) {
        let base = Gazetteer::embedded();
        let story = match (&corpus.root, corpus.embedded_gazetteer) {
            (Some(root), _) => {
                let path = root.join(crate::corpus::GAZETTEER_FILE);
                if crate::corpus::leaves_folder(&path, root) {
                    Err(Error::file(
                        ErrorCode::BadGazetteer,
                        &path,
                        "a link to a file outside the story folder; not read",
                    ))
                } else if !path.exists() {
                    return (base, None);
                } else {
                    Gazetteer::load(&path)
                }
            }
            (None, Some(text)) => Gazetteer::parse(text, "assets/articles/gazetteer.toml"),
            (None, None) => return (base, None),
        };
        match story {
            Ok(story) => (base.extended_by(story), None),
            Err(e) => (
                base,
                Some(crate::corpus::LoadIssue {
                    file: crate::corpus::GAZETTEER_FILE.into(),
                    code: e.code,
                    message: format!("{}; using the built-in gazetteer alone", e.message),
                }),
            ),
        }
    }

    /// No known entities: everything comes from discovery.
    pub fn empty() -> Gazetteer {
        Gazetteer::default()
    }

    /// Read and validate a user's gazetteer file.
    pub fn load(path: &Path) -> Result<Gazetteer> {
        // Every failure to read a gazetteer is the gazetteer's problem, whatever the I/O cause.
        let bytes =
            crate::corpus::read_capped(path, crate::corpus::MAX_SIDE_FILE_BYTES).map_err(|e| {
                let why = match e.code {
                    ErrorCode::CorpusMissing => "no such gazetteer file".to_string(),
                    _ => format!("cannot read the gazetteer: {}", e.message),
                };
                Error::file(ErrorCode::BadGazetteer, path, why)
            })?;
        let text = String::from_utf8(bytes)
            .map_err(|_| Error::file(ErrorCode::BadGazetteer, path, "not UTF-8 text"))?;
        Gazetteer::parse(&text, &path.display().to_string())
    }

    /// Parse and validate gazetteer TOML; `origin` names the source in error messages.
    pub fn parse(text: &str, origin: &str) -> Result<Gazetteer> {
        let bad = |what: String| Error::new(ErrorCode::BadGazetteer, format!("{origin}: {what}"));
        let file: File = toml::from_str(text).map_err(|e| bad(e.to_string().trim().to_string()))?;
        let mut ids = HashSet::new();
        let mut owner: HashMap<String, String> = HashMap::new();
        for (n, e) in file.entity.iter().enumerate() {
            let at = format!("entity #{} ({:?})", n + 1, e.id);
            if e.id.trim().is_empty() {
                return Err(bad(format!("entity #{} has an empty id", n + 1)));
            }
            if !e
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
            {
                return Err(bad(format!(
                    "{at}: an id may hold only a-z, 0-9, '-' and '_'"
                )));
            }
            if !ids.insert(e.id.clone()) {
                return Err(bad(format!("{at}: the id is used twice")));
            }
            if e.name.trim().is_empty() {
                return Err(bad(format!("{at}: empty name")));
            }
            if e.aliases.iter().any(|a| a.trim().is_empty())
                || e.name_zh.as_deref().is_some_and(|z| z.trim().is_empty())
            {
                return Err(bad(format!("{at}: empty alias")));
            }
            for s in e.spellings() {
                let key = fold_str(&s);
                match owner.get(&key) {
                    Some(other) if other != &e.id => {
                        return Err(bad(format!(
                            "{at}: the spelling {s:?} also belongs to {other:?}"
                        )))
                    }
                    _ => {
                        owner.insert(key, e.id.clone());
                    }
                }
            }
        }
        Ok(Gazetteer {
            entries: file.entity,
        })
    }

    /// This gazetteer with a user's entries added; a user's entry replaces any entry with the
    /// same id or a spelling in common, since the user knows their story best.
    pub fn extended_by(mut self, user: Gazetteer) -> Gazetteer {
        for entry in user.entries {
            let spellings: HashSet<String> =
                entry.spellings().iter().map(|s| fold_str(s)).collect();
            self.entries.retain(|e| {
                e.id != entry.id
                    && !e
                        .spellings()
                        .iter()
                        .any(|s| spellings.contains(&fold_str(s)))
            });
            self.entries.push(entry);
        }
        self
    }

    /// The entry that has this spelling (folded comparison), if any.
    pub fn find(&self, name: &str) -> Option<&Entry> {
        let key = fold_str(name.trim());
        self.entries
            .iter()
            .find(|e| e.id == name.trim() || e.spellings().iter().any(|s| fold_str(s) == key))
    }
}

/// Word lists that discovery reads, folded once.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub not_names: FxHashSet<String>,
    pub org_suffix_latin: FxHashSet<String>,
    pub org_prefix_zh: WordList,
    pub org_suffix_zh: WordList,
    /// Words that end a place's or a structure's name (天王星大樓, 大清水隧道): discovered as
    /// organisations are, kind facility.
    pub facility_suffix_zh: WordList,
    /// Words that end like an organisation's name and name none (東部, 全部), folded.
    pub not_org_endings: FxHashSet<String>,
    /// Words that say what trade a company is in (軟體, 航空, 網絡安全), folded: a company's
    /// ending after nothing but these describes a kind of company (軟體公司, 航空公司), not one.
    pub generic_org_words: FxHashSet<String>,
    /// Company endings (公司, 集團), folded: the ones `generic_org_words` before them describe.
    pub generic_org_endings: FxHashSet<String>,
    pub media_suffix_zh: WordList,
    pub report_verbs: WordList,
    pub facility_cues: Vec<String>,
    pub product_cues: Vec<String>,
    /// Words for a kind of product (手機, 系列, 晶片) that stand right before or after a model's
    /// name (Mate 60 Pro手機), folded.
    pub model_nouns: WordList,
    pub person_titles: WordList,
    /// The roles a byline credits (記者, 責編): names after them wrote the page, they act in no
    /// happening.
    pub byline_roles: WordList,
    pub org_words_zh: FxHashSet<String>,
    /// The first chars of `org_words_zh`.
    pub org_word_first: FxHashSet<char>,
    pub name_before: WordList,
    /// Verbs of acting or saying right after a bare name (華為宣布, 台積電表示).
    pub actor_cues: WordList,
    /// English titles before a person's name (folded).
    pub english_titles: FxHashSet<String>,
    /// English words that open sentences without naming anyone (folded).
    pub english_function_words: FxHashSet<String>,
    /// Places English news names often (folded): never names of actors.
    pub english_places: FxHashSet<String>,
    /// English given names (lower case): a run of capitalised words opening with one is a person.
    pub given_names: FxHashSet<String>,
    /// Frequent English words that are no given name (lower case): a run of capitalised words
    /// holding one is a person only when it opens with a given name (Insured Losses is not one).
    pub english_common: FxHashSet<String>,
    pub name_after: WordList,
    pub name_stops: FxHashSet<char>,
    pub name_inner_stops: FxHashSet<char>,
    pub surname_roles: Vec<String>,
    pub translit: FxHashSet<char>,
    pub surnames: FxHashSet<char>,
    /// Surnames that are also common chars of ordinary words: names with them need more proof.
    pub rare_surnames: FxHashSet<char>,
    /// Both lists of surnames: the one test most chars of a text meet.
    pub any_surname: FxHashSet<char>,
}

#[derive(Deserialize)]
struct LexiconFile {
    not_names: Vec<String>,
    org_suffix_latin: Vec<String>,
    org_prefix_zh: Vec<String>,
    org_suffix_zh: Vec<String>,
    #[serde(default)]
    facility_suffix_zh: Vec<String>,
    #[serde(default)]
    not_org_endings: Vec<String>,
    #[serde(default)]
    generic_org_words: Vec<String>,
    #[serde(default)]
    generic_org_endings: Vec<String>,
    media_suffix_zh: Vec<String>,
    report_verbs: Vec<String>,
    facility_cues: Vec<String>,
    product_cues: Vec<String>,
    #[serde(default)]
    model_nouns: Vec<String>,
    person_titles: Vec<String>,
    #[serde(default)]
    byline_roles: Vec<String>,
    org_words_zh: Vec<String>,
    name_before: Vec<String>,
    #[serde(default)]
    actor_cues: Vec<String>,
    #[serde(default)]
    english_titles: Vec<String>,
    #[serde(default)]
    english_function_words: Vec<String>,
    #[serde(default)]
    english_places: Vec<String>,
    name_after: Vec<String>,
    name_stops: String,
    name_inner_stops: String,
    surname_roles: Vec<String>,
    translit_chars: String,
    surnames: String,
    #[serde(default)]
    rare_surnames: String,
}

impl Lexicon {
    /// Some organisation's or facility's ending ends with `c`: rules most words out at once.
    pub fn ending_char(&self, c: char) -> bool {
        self.org_suffix_zh.has_last(c) || self.facility_suffix_zh.has_last(c)
    }

    /// Whether folded `name` describes a kind of company rather than naming one: a company's
    /// ending (公司) after nothing but words of its trade (網絡|安全), or after nothing at all.
    pub fn describes_company(&self, name: &[char]) -> bool {
        (1..=name.len().min(4)).any(|n| {
            let (stem, end) = name.split_at(name.len() - n);
            self.generic_org_endings
                .contains(&end.iter().collect::<String>())
                && self.trade_words(stem)
        })
    }

    /// Whether `stem` cuts into `generic_org_words` (or is empty), every cut tried.
    fn trade_words(&self, stem: &[char]) -> bool {
        let mut reach = vec![false; stem.len() + 1];
        reach[0] = true;
        for from in 0..stem.len() {
            if !reach[from] {
                continue;
            }
            for n in 1..=6.min(stem.len() - from) {
                let word: String = stem[from..from + n].iter().collect();
                if self.generic_org_words.contains(&word) {
                    reach[from + n] = true;
                }
            }
        }
        reach[stem.len()]
    }

    /// The embedded lexicon (`assets/entity_lexicon.toml`).
    pub fn embedded() -> &'static Lexicon {
        static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        LEX.get_or_init(|| {
            // Checked by the test suite; an empty lexicon only weakens discovery, it never fails it.
            let f: Option<LexiconFile> = toml::from_str(LEXICON).ok();
            f.map(Lexicon::from_file)
                .unwrap_or_else(|| Lexicon::from_file(LexiconFile::empty()))
        })
    }

    /// Parse the embedded lexicon strictly (for tests).
    pub fn check_embedded() -> Result<()> {
        toml::from_str::<LexiconFile>(LEXICON)
            .map(|_| ())
            .map_err(|e| {
                Error::new(
                    ErrorCode::BadGazetteer,
                    format!("assets/entity_lexicon.toml: {e}"),
                )
            })
    }

    fn from_file(f: LexiconFile) -> Lexicon {
        let set = |v: Vec<String>| v.iter().map(|s| fold_str(s)).collect::<FxHashSet<_>>();
        // Lists looked up at a place in the text, by their first or last char.
        let at_place = |v: Vec<String>| WordList::new(v.iter().map(|s| fold_str(s)).collect());
        let list = |v: Vec<String>| {
            let mut l: Vec<String> = v.iter().map(|s| fold_str(s)).collect();
            // Longest first, so a suffix test finds 通訊社 before 社.
            l.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
            l.dedup();
            l
        };
        let chars = |s: String| {
            s.chars()
                .filter(|c| !c.is_whitespace())
                .flat_map(|c| {
                    fold_str(&c.to_string())
                        .chars()
                        .chain([c])
                        .collect::<Vec<_>>()
                })
                .collect()
        };
        Lexicon {
            not_names: set(f.not_names),
            org_suffix_latin: set(f.org_suffix_latin),
            org_prefix_zh: at_place(f.org_prefix_zh),
            org_suffix_zh: at_place(f.org_suffix_zh),
            facility_suffix_zh: at_place(f.facility_suffix_zh),
            not_org_endings: set(f.not_org_endings),
            generic_org_words: set(f.generic_org_words),
            generic_org_endings: set(f.generic_org_endings),
            media_suffix_zh: at_place(f.media_suffix_zh),
            report_verbs: at_place(f.report_verbs),
            facility_cues: list(f.facility_cues),
            product_cues: list(f.product_cues),
            model_nouns: at_place(f.model_nouns),
            person_titles: at_place(f.person_titles),
            byline_roles: at_place(f.byline_roles),
            org_word_first: f
                .org_words_zh
                .iter()
                .filter_map(|s| fold_str(s).chars().next())
                .collect(),
            org_words_zh: set(f.org_words_zh),
            name_before: at_place(f.name_before),
            actor_cues: at_place(f.actor_cues),
            english_titles: set(f.english_titles),
            english_function_words: set(f.english_function_words),
            english_places: set(f.english_places),
            given_names: word_list(GIVEN_NAMES),
            english_common: word_list(ENGLISH_COMMON),
            name_after: at_place(f.name_after),
            name_stops: chars(f.name_stops),
            name_inner_stops: chars(f.name_inner_stops),
            surname_roles: list(f.surname_roles),
            translit: chars(f.translit_chars),
            any_surname: chars(f.surnames.clone() + &f.rare_surnames),
            surnames: chars(f.surnames),
            rare_surnames: chars(f.rare_surnames),
        }
    }

    /// Is this (display or folded) token a known non-name?
    pub fn is_not_name(&self, s: &str) -> bool {
        self.not_names.contains(&fold_str(s))
    }
}

/// A word list of `assets/text/`: a word a line, `#` lines are comments.
fn word_list(text: &str) -> FxHashSet<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_ascii_lowercase)
        .collect()
}

impl LexiconFile {
    fn empty() -> LexiconFile {
        LexiconFile {
            not_names: Vec::new(),
            org_suffix_latin: Vec::new(),
            org_prefix_zh: Vec::new(),
            org_suffix_zh: Vec::new(),
            facility_suffix_zh: Vec::new(),
            not_org_endings: Vec::new(),
            generic_org_words: Vec::new(),
            generic_org_endings: Vec::new(),
            media_suffix_zh: Vec::new(),
            report_verbs: Vec::new(),
            facility_cues: Vec::new(),
            product_cues: Vec::new(),
            model_nouns: Vec::new(),
            person_titles: Vec::new(),
            byline_roles: Vec::new(),
            org_words_zh: Vec::new(),
            name_before: Vec::new(),
            actor_cues: Vec::new(),
            english_titles: Vec::new(),
            english_function_words: Vec::new(),
            english_places: Vec::new(),
            name_after: Vec::new(),
            name_stops: String::new(),
            name_inner_stops: String::new(),
            surname_roles: Vec::new(),
            translit_chars: String::new(),
            surnames: String::new(),
            rare_surnames: String::new(),
        }
    }
}
