//! The `storyline` command: a thin layer of argument parsing and printing over [`storyline::Library`].

#[path = "cli/allocator.rs"]
mod allocator;
#[path = "cli/eval.rs"]
mod eval;
#[path = "cli/serve.rs"]
mod serve;
#[path = "cli/story.rs"]
mod story;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use storyline::api::Options;
use storyline::export::Format;
use storyline::search::IndexLocation;
use storyline::text::ScriptChoice;
use storyline::timeline::{parse_bound, Filter};
use storyline::{Error, Library};

/// The export formats as command-line values: the core names them, the CLI alone knows clap.
#[derive(Clone, Copy)]
struct FormatArg(Format);

impl clap::ValueEnum for FormatArg {
    fn value_variants<'a>() -> &'a [Self] {
        static ALL: std::sync::OnceLock<Vec<FormatArg>> = std::sync::OnceLock::new();
        ALL.get_or_init(|| Format::ALL.into_iter().map(FormatArg).collect())
    }
    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.0.name()))
    }
}

#[derive(Parser)]
#[command(
    name = "storyline",
    version,
    about = "Timeline and reader for one news story across Chinese-language sources"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args, Clone)]
struct CorpusArg {
    /// Folder of articles (default: the embedded corpus).
    #[arg(long, global = true)]
    corpus: Option<PathBuf>,
}

#[derive(clap::Args, Clone, Default)]
struct FilterArgs {
    /// Keep events involving this person or company (any name or alias); repeat for all of several.
    #[arg(long)]
    entity: Vec<String>,
    /// Keep events from this date on (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long)]
    from: Option<String>,
    /// Keep events up to this date.
    #[arg(long)]
    to: Option<String>,
    /// Keep events of this kind (hire, investment, …); repeatable.
    #[arg(long)]
    kind: Vec<String>,
}

impl FilterArgs {
    fn filter(&self) -> Result<Filter, Error> {
        let kinds = self
            .kind
            .iter()
            .map(|k| {
                serde_json::from_value(serde_json::Value::String(k.clone())).map_err(|_| {
                    Error::new(
                        storyline::ErrorCode::BadQuery,
                        format!("unknown event kind {k:?}"),
                    )
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(Filter {
            entities: self.entity.clone(),
            from: self
                .from
                .as_deref()
                .map(|s| parse_bound(s, false))
                .transpose()?,
            to: self
                .to
                .as_deref()
                .map(|s| parse_bound(s, true))
                .transpose()?,
            kinds,
            ..Filter::default()
        })
    }
}

#[derive(Subcommand)]
enum Command {
    /// List the corpus' articles.
    Articles {
        #[command(flatten)]
        corpus: CorpusArg,
        #[arg(long)]
        json: bool,
    },
    /// Print an article's display text.
    Show {
        id: String,
        #[command(flatten)]
        corpus: CorpusArg,
        /// Read in the original script, traditional (hant) or simplified (hans).
        #[arg(long, value_enum, default_value = "original")]
        script: ScriptArg,
        /// Print the folded text used for matching instead (same length).
        #[arg(long)]
        folded: bool,
    },
    /// List people, companies and other entities.
    Entities {
        #[command(flatten)]
        corpus: CorpusArg,
        #[arg(long)]
        json: bool,
        /// Only this kind (person, organization, facility, product, media).
        #[arg(long)]
        kind: Option<String>,
    },
    /// Search passages across scripts and spellings.
    Search {
        query: String,
        #[command(flatten)]
        corpus: CorpusArg,
        #[arg(long)]
        json: bool,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long)]
        entity: Vec<String>,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        /// Keep the search index in this folder (default: the per-platform data folder).
        #[arg(long)]
        index: Option<PathBuf>,
    },
    /// Export the (filtered) timeline.
    Export {
        #[arg(long, value_enum)]
        format: FormatArg,
        #[command(flatten)]
        corpus: CorpusArg,
        #[command(flatten)]
        filter: FilterArgs,
        /// Include each article's display text (json).
        #[arg(long)]
        with_text: bool,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Score the pipeline against hand-written gold timelines (eval/FORMAT.md): per story and per
    /// half of the split (a `split.toml` beside the stories), with the built-in gazetteer and none.
    Eval {
        /// Story folders (each with a gold.toml), or folders of them.
        #[arg(required = true)]
        dirs: Vec<PathBuf>,
        /// Print every miss: happenings not found, wrong publication dates, unmatched events.
        #[arg(long)]
        details: bool,
        #[arg(long)]
        json: bool,
    },
    /// Make a folder an empty story (a manifest.toml), ready for `storyline add`.
    New { dir: PathBuf },
    /// Copy article files (.txt, .md, .html, .htm; any encoding the reader knows) into a story and
    /// record them in its manifest. Duplicates and unreadable files are reported; the rest are added.
    Add {
        #[command(flatten)]
        corpus: CorpusArg,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Correct an event or a person or company; kept in the story's storyline-edits.json.
    Edit {
        #[command(flatten)]
        corpus: CorpusArg,
        #[command(flatten)]
        args: story::EditArgs,
    },
    /// List the story's corrections and whether each still finds its passage.
    Edits {
        #[command(flatten)]
        corpus: CorpusArg,
        #[arg(long)]
        json: bool,
    },
    /// Take back the last correction.
    Undo {
        #[command(flatten)]
        corpus: CorpusArg,
    },
    /// Make the last undone correction again.
    Redo {
        #[command(flatten)]
        corpus: CorpusArg,
    },
    /// Serve the UI and the API on 127.0.0.1; prints the address to open (it carries this
    /// run's token).
    Serve {
        #[command(flatten)]
        corpus: CorpusArg,
        #[arg(long, default_value_t = 8790)]
        port: u16,
        /// Folder of the built UI (default: ui/dist).
        #[arg(long)]
        ui: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ScriptArg {
    Original,
    Hant,
    Hans,
}

/// Print a line to standard output, its control characters escaped (a file name or an article
/// may hold a terminal's escape sequences); a closed pipe (`storyline show … | head`) ends the
/// program quietly instead of panicking as `println!` does.
macro_rules! out {
    ($($arg:tt)*) => { emit(&format!("{}\n", printable(&format!($($arg)*)))) };
}

/// `text` with every control character but line breaks and tabs written as an escape (`\u{1b}`).
fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let shown = |c: char| !c.is_control() || c == '\n' || c == '\t';
    if text.chars().all(shown) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if shown(c) {
            out.push(c);
        } else {
            out.extend(c.escape_unicode());
        }
    }
    out.into()
}
macro_rules! out_raw {
    ($($arg:tt)*) => { emit(&format!($($arg)*)) };
}

fn emit(text: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
    {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("storyline: cannot write the output: {e}");
        std::process::exit(1);
    }
}

/// The story, for a command that reads it and exits.
fn open(corpus: &CorpusArg) -> Result<Library, Error> {
    open_with_index(corpus, None, true)
}

/// The story, for a command that changes it or keeps it open (`add`, `serve`).
fn open_to_change(corpus: &CorpusArg) -> Result<Library, Error> {
    open_with_index(corpus, None, false)
}

fn open_with_index(
    corpus: &CorpusArg,
    index: Option<PathBuf>,
    read_only: bool,
) -> Result<Library, Error> {
    let index = match index {
        Some(dir) => IndexLocation::Dir(dir),
        // The per-platform data folder (`~/.local/share/storyline` …), the desktop app's too.
        None => directories::ProjectDirs::from("", "", "storyline")
            .map_or(IndexLocation::Memory, |p| {
                IndexLocation::Shared(p.data_dir().to_path_buf())
            }),
    };
    let lib = Library::open(&Options {
        corpus: corpus.corpus.clone(),
        index,
        read_only,
    })?;
    for issue in lib.issues() {
        eprintln!("warning: {}", printable(&issue.message));
    }
    Ok(lib)
}

fn print_json<T: serde::Serialize>(v: &T) -> Result<(), Error> {
    let s = serde_json::to_string_pretty(v)
        .map_err(|e| Error::new(storyline::ErrorCode::Internal, e.to_string()))?;
    out!("{s}");
    Ok(())
}

fn run(cli: Cli) -> Result<(), Error> {
    match cli.command {
        Command::Articles { corpus, json } => {
            let lib = open(&corpus)?;
            let articles = lib.articles();
            if json {
                return print_json(&articles);
            }
            for a in articles {
                let script = serde_json::to_value(a.script)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default();
                let date = a.published_label;
                out!(
                    "{}\t{}\t{}\t{}\t{}\t{} B\t{}",
                    a.id,
                    a.file,
                    date,
                    a.outlet.as_deref().unwrap_or("-"),
                    script,
                    a.size,
                    a.title
                );
            }
            Ok(())
        }
        Command::Show {
            id,
            corpus,
            script,
            folded,
        } => {
            let lib = open(&corpus)?;
            if folded {
                out!("{}", lib.folded_text(&id)?);
                return Ok(());
            }
            let choice = match script {
                ScriptArg::Original => ScriptChoice::Original,
                ScriptArg::Hant => ScriptChoice::Hant,
                ScriptArg::Hans => ScriptChoice::Hans,
            };
            out!("{}", lib.article(&id, choice)?.text);
            Ok(())
        }
        Command::Entities { corpus, json, kind } => {
            let lib = open(&corpus)?;
            let mut list = lib.entities();
            if let Some(k) = kind {
                let k: storyline::entities::EntityKind =
                    serde_json::from_value(serde_json::Value::String(k.clone())).map_err(|_| {
                        Error::new(
                            storyline::ErrorCode::BadQuery,
                            format!("unknown entity kind {k:?}"),
                        )
                    })?;
                list.retain(|e| e.kind == k);
            }
            if json {
                return print_json(&list);
            }
            for e in list {
                let mut per: std::collections::BTreeMap<&str, usize> = Default::default();
                for m in &e.mentions {
                    *per.entry(m.article.as_str()).or_default() += 1;
                }
                let counts: Vec<String> = per.iter().map(|(a, n)| format!("{a}:{n}")).collect();
                out!(
                    "{}\t{:?}\t{}\t{}\t{}",
                    e.id,
                    e.kind,
                    e.name,
                    e.aliases.join("|"),
                    counts.join(" ")
                );
            }
            Ok(())
        }
        Command::Search {
            query,
            corpus,
            json,
            limit,
            entity,
            from,
            to,
            index,
        } => {
            let lib = open_with_index(&corpus, index, true)?;
            let req = storyline::search::SearchRequest {
                query,
                limit: Some(limit),
                entities: entity,
                from: from.as_deref().map(|s| parse_bound(s, false)).transpose()?,
                to: to.as_deref().map(|s| parse_bound(s, true)).transpose()?,
                articles: Vec::new(),
            };
            let hits = lib.search(&req)?;
            if json {
                return print_json(&hits);
            }
            for h in hits {
                out!(
                    "{}\t{}-{}\t{:.2}\t{}",
                    h.article,
                    h.start,
                    h.end,
                    h.score,
                    h.snippet
                );
            }
            Ok(())
        }
        Command::Export {
            format: FormatArg(format),
            corpus,
            filter,
            with_text,
            output,
        } => {
            let lib = open(&corpus)?;
            let filter = filter.filter()?;
            match output {
                Some(path) => lib.export_to_file(format, &filter, with_text, &path),
                None => {
                    out_raw!("{}", lib.export(format, &filter, with_text)?.content);
                    Ok(())
                }
            }
        }
        Command::Eval {
            dirs,
            details,
            json,
        } => eval::run(&dirs, details, json),
        Command::New { dir } => {
            storyline::story::create(&dir)?;
            out!("{}: a story, ready for `storyline add`", dir.display());
            Ok(())
        }
        Command::Add { corpus, files } => {
            let mut lib = open_to_change(&corpus)?;
            let report = lib.add_files(&files)?;
            for id in &report.added {
                out!("added\t{id}");
            }
            for d in &report.duplicates {
                out!("duplicate\t{}\t{}", d.file, d.message);
            }
            for f in &report.failed {
                eprintln!("not added: {}", printable(&f.message));
            }
            if report.failed.is_empty() {
                Ok(())
            } else {
                Err(Error::new(
                    storyline::ErrorCode::Unreadable,
                    format!(
                        "{} of {} files could not be added",
                        report.failed.len(),
                        files.len()
                    ),
                ))
            }
        }
        Command::Edit { corpus, args } => {
            let mut lib = open(&corpus)?;
            let made = story::edit(&mut lib, &args)?;
            out!("{made} correction(s) saved");
            Ok(())
        }
        Command::Edits { corpus, json } => {
            let lib = open(&corpus)?;
            if json {
                return print_json(&lib.edits());
            }
            for line in story::print_edits(&lib) {
                out!("{line}");
            }
            Ok(())
        }
        Command::Undo { corpus } => {
            let mut lib = open(&corpus)?;
            let view = lib.undo()?;
            out!("undone; {} correction(s) remain", view.edits.len());
            Ok(())
        }
        Command::Redo { corpus } => {
            let mut lib = open(&corpus)?;
            let view = lib.redo()?;
            out!("redone; {} correction(s)", view.edits.len());
            Ok(())
        }
        Command::Serve { corpus, port, ui } => {
            let lib = open_to_change(&corpus)?;
            let ui_dir = serve::find_ui_dir(ui.as_deref());
            let server = serve::Server::bind(lib, port, ui_dir.clone())?;
            eprintln!(
                "storyline: serving {} on {}\n(open that address: the token in it is this run's key to the API)",
                ui_dir.display(),
                server.url()
            );
            server.run()
        }
    }
}

fn main() -> ExitCode {
    allocator::install_release();
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "storyline: error [{}]: {}",
                serde_json::to_value(e.code)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default(),
                printable(&e.message)
            );
            ExitCode::FAILURE
        }
    }
}
