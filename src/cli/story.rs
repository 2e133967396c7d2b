//! `storyline new`, `add`, `edit`, `edits`, `undo` and `redo`: a story's articles and corrections
//! from the command line, through the same [`Library`] methods the app's requests reach.

use storyline::edits::{self, Change};
use storyline::events::Status;
use storyline::{Error, ErrorCode, Library};

/// What `storyline edit` may change; each flag is one correction, made in the order listed here.
#[derive(clap::Args, Clone, Default)]
pub struct EditArgs {
    /// The event to correct (an id from `storyline export --format json`).
    #[arg(long, conflicts_with = "entity")]
    pub event: Option<String>,
    /// The person or company to correct (any name or alias).
    #[arg(long)]
    pub entity: Option<String>,
    /// YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, or FROM..TO.
    #[arg(long, requires = "event")]
    pub date: Option<String>,
    #[arg(long, requires = "event")]
    pub title_zh: Option<String>,
    #[arg(long, requires = "event")]
    pub title_en: Option<String>,
    /// confirmed, reported, rumoured or planned.
    #[arg(long, requires = "event")]
    pub status: Option<String>,
    /// hire, investment, appointment, … (the kinds of `storyline export --format json`).
    #[arg(long, requires = "event")]
    pub kind: Option<String>,
    #[arg(long, requires = "event", conflicts_with = "unhide")]
    pub hide: bool,
    #[arg(long, requires = "event")]
    pub unhide: bool,
    /// Another event (id) or entity (name) this one is the same as.
    #[arg(long)]
    pub merge_into: Option<String>,
    /// The entity's new display name.
    #[arg(long, requires = "entity")]
    pub rename: Option<String>,
    /// Another spelling of the entity.
    #[arg(long, requires = "entity")]
    pub alias: Option<String>,
    /// The entity is not a name at all.
    #[arg(long, requires = "entity")]
    pub not_a_name: bool,
    /// One of the entity's spellings names someone else: make it an entity of its own.
    #[arg(long, requires = "entity")]
    pub split: Option<String>,
}

fn enum_value<T: serde::de::DeserializeOwned>(what: &str, s: &str) -> Result<T, Error> {
    serde_json::from_value(serde_json::Value::String(s.trim().to_lowercase()))
        .map_err(|_| Error::new(ErrorCode::BadQuery, format!("unknown {what} {s:?}")))
}

/// Make the corrections `args` asks for; answers how many were made.
pub fn edit(lib: &mut Library, args: &EditArgs) -> Result<usize, Error> {
    let mut made = 0;
    if let Some(event) = &args.event {
        let mut changes: Vec<Change> = Vec::new();
        if let Some(d) = &args.date {
            changes.push(edits::parse_date(d)?);
        }
        if let Some(t) = &args.title_zh {
            changes.push(Change::TitleZh { text: t.clone() });
        }
        if let Some(t) = &args.title_en {
            changes.push(Change::TitleEn { text: t.clone() });
        }
        if let Some(s) = &args.status {
            changes.push(Change::Status {
                status: enum_value::<Status>("status", s)?,
            });
        }
        if let Some(k) = &args.kind {
            changes.push(Change::Kind {
                kind: enum_value("event kind", k)?,
            });
        }
        if args.hide {
            changes.push(Change::Hide);
        }
        if args.unhide {
            changes.push(Change::Unhide);
        }
        for change in changes {
            lib.edit_event(event, change)?;
            made += 1;
        }
        if let Some(into) = &args.merge_into {
            lib.merge_events(event, into)?;
            made += 1;
        }
    } else if let Some(entity) = &args.entity {
        let mut changes: Vec<Change> = Vec::new();
        if let Some(a) = &args.alias {
            changes.push(Change::AddAlias { alias: a.clone() });
        }
        if let Some(n) = &args.rename {
            changes.push(Change::Rename { name: n.clone() });
        }
        if let Some(into) = &args.merge_into {
            changes.push(Change::MergeEntityInto { into: into.clone() });
        }
        if let Some(spelling) = &args.split {
            changes.push(Change::Split {
                spelling: spelling.clone(),
            });
        }
        if args.not_a_name {
            changes.push(Change::NotAName);
        }
        for change in changes {
            lib.edit_entity(entity, change)?;
            made += 1;
        }
    } else {
        return Err(Error::new(
            ErrorCode::BadQuery,
            "name what to correct: --event ID or --entity NAME",
        ));
    }
    if made == 0 {
        return Err(Error::new(
            ErrorCode::BadQuery,
            "nothing to change: give --date, --title-zh, --title-en, --status, --kind, --hide, \
             --unhide or --merge-into (events), or --rename, --alias, --split, --not-a-name or \
             --merge-into (entities)",
        ));
    }
    Ok(made)
}

/// The corrections as lines: whether each applies now, to what, and what it changes.
pub fn print_edits(lib: &Library) -> Vec<String> {
    lib.edits()
        .edits
        .iter()
        .map(|s| {
            let what = match &s.edit.target {
                edits::Target::Event { passage, .. } => {
                    format!("event at {} “{}”", passage.article, passage.exact)
                }
                edits::Target::Entity { name } => format!("entity {name}"),
            };
            let change = serde_json::to_string(&s.edit.change).unwrap_or_default();
            let state = match (&s.subject, &s.problem) {
                (Some(subject), _) if s.applied => format!("applied to {subject}"),
                (_, Some(problem)) => format!("NOT APPLIED: {problem}"),
                _ => "not applied".into(),
            };
            format!("{}\t{}\t{what}\t{change}\t{state}", s.edit.id, s.edit.at)
        })
        .collect()
}
