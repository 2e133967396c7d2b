//! `storyline eval`: runs [`storyline::eval`] over story folders and prints the figures as a table,
//! per story and summed per half of the split, with the built-in gazetteer and with none.

use super::{emit, print_json};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use storyline::eval::{self, Figures, GazetteerChoice, StoryReport};
use storyline::{Error, ErrorCode};

const SPLIT_FILE: &str = "split.toml";

#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Split {
    #[serde(default)]
    dev: Vec<String>,
    #[serde(default)]
    test: Vec<String>,
}

#[derive(serde::Serialize)]
struct StoryRun {
    story: String,
    half: String,
    gazetteer: GazetteerChoice,
    report: StoryReport,
}

/// Story folders named directly, or found one level down.
fn stories(dirs: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut out = Vec::new();
    for dir in dirs {
        if dir.join(eval::GOLD_FILE).is_file() {
            out.push(dir.clone());
            continue;
        }
        let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, &e))?;
        let mut found: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.join(eval::GOLD_FILE).is_file())
            .collect();
        if found.is_empty() {
            return Err(Error::new(
                ErrorCode::CorpusMissing,
                format!(
                    "{}: no {} here nor in its folders",
                    dir.display(),
                    eval::GOLD_FILE
                ),
            ));
        }
        found.sort();
        out.extend(found);
    }
    Ok(out)
}

/// The half a story belongs to, from a `split.toml` beside its folder or one level up.
fn half_of(story: &Path) -> Result<String, Error> {
    let name = story
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let Some(path) = story
        .ancestors()
        .skip(1)
        .take(2)
        .map(|p| p.join(SPLIT_FILE))
        .find(|p| p.is_file())
    else {
        return Ok("-".into());
    };
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, &e))?;
    let split: Split = toml::from_str(&text)
        .map_err(|e| Error::new(ErrorCode::BadGold, format!("{}: {e}", path.display())))?;
    Ok(if split.dev.contains(&name) {
        "dev".into()
    } else if split.test.contains(&name) {
        "test".into()
    } else {
        "-".into()
    })
}

fn row(name: &str, half: &str, gazetteer: GazetteerChoice, f: &Figures) -> String {
    let gaz = match gazetteer {
        GazetteerChoice::Default => "built-in",
        GazetteerChoice::None => "none",
    };
    format!(
        "{name:<32} {half:<5} {gaz:<9} {:>13} {:>14} {:>14} {:>13}\n",
        f.published.to_string(),
        f.recall.to_string(),
        f.precision.to_string(),
        f.entities.to_string()
    )
}

fn print_details(run: &StoryRun) {
    let r = &run.report;
    let mut out = format!(
        "\n## {} ({} gazetteer)\n",
        run.story,
        if run.gazetteer == GazetteerChoice::None {
            "no"
        } else {
            "built-in"
        }
    );
    for p in r.published.iter().filter(|p| !p.right) {
        out += &format!(
            "  published {}: gold {}, computed {}{}\n",
            p.article,
            p.gold.as_deref().unwrap_or("none"),
            p.computed.as_deref().unwrap_or("none"),
            if p.inferred { " (inferred)" } else { "" }
        );
    }
    for h in r.happenings.iter().filter(|h| !h.found) {
        out += &format!(
            "  missed {} {}: {}\n",
            h.id,
            h.what,
            h.why.as_deref().unwrap_or("")
        );
    }
    for h in r.happenings.iter().filter(|h| h.one_language) {
        out += &format!("  one language {} {}\n", h.id, h.what);
    }
    for (date, title, quote) in &r.unmatched {
        let quote: String = quote.chars().take(70).collect();
        out += &format!("  extra [{date}] {title} — {quote}\n");
    }
    if !r.missing_entities.is_empty() {
        out += &format!("  entities not found: {}\n", r.missing_entities.join(", "));
    }
    emit(&out);
}

pub fn run(dirs: &[PathBuf], details: bool, json: bool) -> Result<(), Error> {
    let mut runs = Vec::new();
    for story in stories(dirs)? {
        let name = story
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let half = half_of(&story)?;
        for gazetteer in [GazetteerChoice::Default, GazetteerChoice::None] {
            let report = eval::run_story(&story, gazetteer)?;
            runs.push(StoryRun {
                story: name.clone(),
                half: half.clone(),
                gazetteer,
                report,
            });
        }
    }
    if json {
        return print_json(&runs);
    }
    let mut out = format!(
        "{:<32} {:<5} {:<9} {:>13} {:>14} {:>14} {:>13}\n",
        "story", "half", "gazetteer", "published", "event recall", "precision", "entities"
    );
    let mut sums: BTreeMap<(String, u8), Figures> = BTreeMap::new();
    for run in &runs {
        out += &row(&run.story, &run.half, run.gazetteer, &run.report.figures);
        let g = run.gazetteer as u8;
        sums.entry((run.half.clone(), g))
            .or_default()
            .add(&run.report.figures);
        sums.entry(("all".into(), g))
            .or_default()
            .add(&run.report.figures);
    }
    out += "\n";
    for ((half, g), f) in &sums {
        let gazetteer = if *g == GazetteerChoice::Default as u8 {
            GazetteerChoice::Default
        } else {
            GazetteerChoice::None
        };
        let label = match half.as_str() {
            "all" => "all stories".to_string(),
            "-" => "outside the split".to_string(),
            _ => format!("{half} half"),
        };
        out += &row(&label, if half == "all" { "" } else { half }, gazetteer, f);
    }
    // Stories with English and Chinese articles: how many happenings told in both languages got
    // one event that cites both.
    let bilingual: Vec<&StoryRun> = runs
        .iter()
        .filter(|r| {
            r.gazetteer == GazetteerChoice::Default && r.report.figures.both_languages.of > 0
        })
        .collect();
    if !bilingual.is_empty() {
        out += "
happenings told in English and Chinese whose event cites both languages:
";
        for r in bilingual {
            out += &format!(
                "{:<32} {:<5} {}\n",
                r.story, r.half, r.report.figures.both_languages
            );
        }
    }
    emit(&out);
    if details {
        for run in &runs {
            print_details(run);
        }
    }
    Ok(())
}
