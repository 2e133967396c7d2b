//! Whole pipeline (load, decode, fold, extract, dates, names, events, merge) on a generated
//! 10,000-article corpus, without the search index (measured by its own bench). Prints throughput
//! and peak memory; run with `cargo bench -p storyline --bench pipeline` (ARTICLES=N to change the
//! size; LANGUAGE=en for a corpus generated from the evaluation corpus' English articles, to set
//! English throughput beside the Chinese).

mod common;

use std::time::Instant;

// The allocator the `storyline` command links, and its release between stages, so that the
// figure is the command's.
#[path = "../src/cli/allocator.rs"]
mod allocator;
use storyline::corpus::Corpus;
use storyline::pipeline::Analysis;

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}

fn main() {
    allocator::install_release();
    let n: usize = std::env::var("ARTICLES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir().unwrap();
    let english = std::env::var("LANGUAGE").is_ok_and(|l| l == "en");
    let files = if english {
        common::generate_english(n, 42)
    } else {
        common::generate(n, 42)
    };
    let bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
    for (name, text) in &files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    drop(files);
    let before = peak_rss_mb();
    let start = Instant::now();
    let corpus = Corpus::open(dir.path()).unwrap();
    let analysis = Analysis::run(&corpus);
    drop(corpus);
    let secs = start.elapsed().as_secs_f64();
    let events = analysis.events.len();
    println!(
        "pipeline{}: {n} articles, {:.1} MB in {secs:.2} s = {:.1} MB/s; {} candidates, {events} events, {} entities; peak RSS {:.0} MB (before open {:.0} MB)",
        if english { " (English)" } else { "" },
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs,
        analysis.candidates.len(),
        analysis.entities.len(),
        peak_rss_mb(),
        before
    );
}
