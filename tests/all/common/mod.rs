//! Shared by the integration tests: corpora written to temporary folders, and transformations of
//! the real articles (script conversion, moved years).
#![allow(dead_code)]

use std::path::Path;
use storyline::api::Options;
use storyline::Library;

pub const REAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/articles");

/// The real articles' (file name, text), without the manifest.
pub fn real_articles() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(REAL)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

/// Write `files` into a fresh temporary folder and open it as a library.
pub fn library_of(files: &[(String, String)]) -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let lib = Library::open(&Options {
        corpus: Some(dir.path().to_path_buf()),
        ..Options::default()
    })
    .unwrap();
    (dir, lib)
}

pub fn open_dir(dir: &Path) -> Library {
    Library::open(&Options {
        corpus: Some(dir.to_path_buf()),
        ..Options::default()
    })
    .unwrap()
}

/// Every four-digit year between 1990 and 2039 in `text` (not part of a longer number) moved by
/// `delta` years. Weekdays repeat every 28 years in 1901–2099, so relative weekday dates move too.
pub fn move_years(text: &str, delta: i32) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let is_digit = |k: usize| chars.get(k).is_some_and(|c| c.is_ascii_digit());
        if is_digit(i)
            && (i == 0 || !is_digit(i - 1))
            && (0..4).all(|k| is_digit(i + k))
            && !is_digit(i + 4)
        {
            let n: i32 = chars[i..i + 4].iter().collect::<String>().parse().unwrap();
            // A thousands separator or decimal point before it makes it part of a number (1,115).
            let prev_sep =
                i > 1 && matches!(chars[i - 1], ',' | '.') && chars[i - 2].is_ascii_digit();
            if (1990..2040).contains(&n) && !prev_sep {
                out.push_str(&(n + delta).to_string());
                i += 4;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// The raw text of the built-in article whose id starts with `prefix`.
pub fn embedded_text(prefix: &str) -> String {
    storyline::corpus::Corpus::embedded()
        .articles
        .into_iter()
        .find(|a| a.id.starts_with(prefix))
        .unwrap_or_else(|| panic!("article {prefix} is embedded"))
        .text
        .to_string()
}

/// The furniture an article's text stage found, one line each: why, and its opening words.
pub fn furniture_lines(t: &storyline::text::ArticleText) -> Vec<String> {
    t.furniture
        .iter()
        .map(|f| {
            format!(
                "[{}] {:?}",
                f.reason,
                t.raw_slice(f.raw).chars().take(40).collect::<String>()
            )
        })
        .collect()
}

/// A row of a date table: (sentence, the expression's text, start, end, precision, reference or ""
/// for Tuesday 15 July 2025, or "none" when the sentence must yield no date at all).
pub type DateRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    storyline::time::Precision,
    &'static str,
);

fn day(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

/// Every row's sentence, folded as the pipeline folds text, yields its expression with the range and
/// precision the row gives; the failures are listed together.
pub fn check_date_rows(rows: &[DateRow]) {
    use storyline::text::fold_str;
    use storyline::time::tag;
    let mut failures = Vec::new();
    for &(text, expr, start, end, precision, reference) in rows {
        let folded = fold_str(text);
        if reference == "none" {
            let found = tag(&folded, Some(day("2025-07-15")));
            if !found.is_empty() {
                failures.push(format!("{text} → want no date, got {found:?}"));
            }
            continue;
        }
        let reference = day(if reference.is_empty() {
            "2025-07-15"
        } else {
            reference
        });
        let chars: Vec<char> = folded.chars().collect();
        let found = tag(&folded, Some(reference));
        let want = fold_str(expr);
        let hit = found
            .iter()
            .find(|m| chars[m.span.start..m.span.end].iter().collect::<String>() == want);
        match hit {
            Some(m)
                if m.range.start == day(start)
                    && m.range.end == day(end)
                    && m.range.precision == precision => {}
            _ => failures.push(format!(
                "{text} → want {expr} {start}..{end} {precision:?}, got {found:?}"
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
