//! A reader's own story: how long adding one article to a story of N articles takes until the
//! library answers with the new timeline (files copied in, manifest written, analysis and on-disk
//! index brought up to date), and how long one correction takes to save and show. Prints its
//! figures; run with `cargo bench -p storyline --bench story` (ARTICLES=1000,10000 to choose the
//! story sizes).

mod common;

use std::time::Instant;
use storyline::api::Options;
use storyline::edits::Change;
use storyline::search::IndexLocation;
use storyline::story::UploadedFile;
use storyline::timeline::Filter;
use storyline::Library;

fn main() {
    let sizes: Vec<usize> = std::env::var("ARTICLES")
        .unwrap_or_else(|_| "1000,10000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    for n in sizes {
        let dir = tempfile::tempdir().unwrap();
        let index = tempfile::tempdir().unwrap();
        let mut files = common::generate(n + 1, 7);
        let (extra_name, extra_text) = files.pop().unwrap();
        storyline::story::create(dir.path()).unwrap();
        for (name, text) in &files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        drop(files);
        let options = Options {
            corpus: Some(dir.path().to_path_buf()),
            index: IndexLocation::Dir(index.path().join("index")),
            read_only: false,
        };
        let start = Instant::now();
        let mut lib = Library::open(&options).unwrap();
        let opened = start.elapsed().as_secs_f64();
        let events_before = lib.timeline(&Filter::default()).unwrap().events.len();

        use base64::Engine;
        let upload = UploadedFile {
            name: format!("added-{extra_name}"),
            data: base64::engine::general_purpose::STANDARD.encode(extra_text.as_bytes()),
        };
        let start = Instant::now();
        let report = lib.add_uploaded(&[upload]).unwrap();
        let timeline = lib.timeline(&Filter::default()).unwrap();
        let added = start.elapsed().as_secs_f64();
        assert_eq!(report.added.len(), 1);

        let id = timeline.events[0].id.clone();
        let start = Instant::now();
        lib.edit_event(
            &id,
            Change::TitleEn {
                text: "A corrected title".into(),
            },
        )
        .unwrap();
        let shown = lib.timeline(&Filter::default()).unwrap();
        let saved = start.elapsed().as_secs_f64();
        assert!(shown
            .events
            .iter()
            .any(|e| e.title.en.as_deref() == Some("A corrected title")));
        println!(
            "story of {n} articles: opened in {opened:.2} s ({events_before} events); adding one article: {:.0} ms to the new timeline ({} events); one correction saved and shown: {:.0} ms",
            added * 1000.0,
            timeline.events.len(),
            saved * 1000.0
        );
    }
}
