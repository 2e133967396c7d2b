//! A reader's own story: articles added to a folder, corrections kept beside it, surviving a new
//! analysis and new articles, undo and redo, the built-in corpus never written to, a correction
//! whose passage is gone reported rather than dropped, anchors that survive edits elsewhere in
//! their article, and a save that a `kill -9` cannot tear.

use proptest::prelude::*;
use std::path::{Path, PathBuf};
use storyline::api::{Options, Request};
use storyline::edits::{self, Change, EDITS_FILE};
use storyline::events::Edited;
use storyline::search::IndexLocation;
use storyline::text::Span;
use storyline::timeline::Filter;
use storyline::{ErrorCode, Library};

const STORY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/eval/stories/xiaomi-su7");

fn article(name: &str) -> PathBuf {
    Path::new(STORY).join(name)
}

fn open(dir: &Path) -> Library {
    Library::open(&Options {
        corpus: Some(dir.to_path_buf()),
        index: IndexLocation::Memory,
        read_only: false,
    })
    .expect("story opens")
}

/// A story of three of the Xiaomi articles.
fn story() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    storyline::story::create(dir.path()).unwrap();
    let lib = open(dir.path());
    let mut lib = lib;
    let report = lib
        .add_files(&[
            article("01_stheadline.txt"),
            article("02_dotdotnews.txt"),
            article("03_xinhua.txt"),
        ])
        .unwrap();
    assert_eq!(report.added.len(), 3, "{report:?}");
    dir
}

/// The story's Xiaomi.
fn xiaomi(lib: &Library) -> storyline::timeline::EntityInfo {
    lib.entities()
        .into_iter()
        .find(|e| e.name_zh.as_deref() == Some("小米") || e.name == "小米")
        .expect("Xiaomi is found")
}

/// The event whose title says `words`.
fn event_with(lib: &Library, words: &str) -> storyline::timeline::EventInfo {
    let view = lib
        .timeline(&Filter {
            hidden: true,
            ..Filter::default()
        })
        .unwrap();
    view.events
        .into_iter()
        .find(|e| e.title.zh.contains(words))
        .unwrap_or_else(|| panic!("no event titled with {words}"))
}

#[test]
fn added_files_are_copied_and_recorded_and_duplicates_and_unreadable_files_reported() {
    let dir = story();
    let mut lib = open(dir.path());
    let junk = dir.path().join("../junk.bin");
    std::fs::write(&junk, [0u8, 159, 146, 150, 0, 1]).unwrap();
    let report = lib
        .add_files(&[
            article("03_xinhua.txt"),
            junk.clone(),
            article("04_autohome.txt"),
        ])
        .unwrap();
    assert_eq!(report.added, vec!["04_autohome".to_string()]);
    assert_eq!(report.duplicates.len(), 1, "{report:?}");
    assert_eq!(report.duplicates[0].code, ErrorCode::Duplicate);
    assert_eq!(report.failed.len(), 1, "{report:?}");
    assert_eq!(report.failed[0].file, "junk.bin");
    // Copied, not moved; the manifest names every article; the library sees the new one.
    assert!(article("04_autohome.txt").is_file());
    assert!(dir.path().join("04_autohome.txt").is_file());
    let manifest = std::fs::read_to_string(dir.path().join("manifest.toml")).unwrap();
    for id in ["01_stheadline", "02_dotdotnews", "03_xinhua", "04_autohome"] {
        assert!(
            manifest.contains(&format!("[articles.\"{id}\"]")),
            "{manifest}"
        );
    }
    assert_eq!(lib.articles().len(), 4);
    assert_eq!(open(dir.path()).articles().len(), 4);
}

/// The parts of a timeline that say what it is, without the moment it was made.
fn shape(lib: &Library) -> String {
    let mut view = lib.timeline(&Filter::default()).unwrap();
    view.generated.clear();
    serde_json::to_string(&view).unwrap()
}

#[test]
fn adding_articles_gives_the_timeline_a_fresh_analysis_gives() {
    // What is reused from the story's last analysis (texts, name discovery, candidate events)
    // must not change the answer: the same folder opened afresh gives the same timeline.
    let dir = story();
    let mut lib = open(dir.path());
    lib.add_files(&[article("04_autohome.txt"), article("05_bg3.txt")])
        .unwrap();
    lib.add_files(&[article("06_mydrivers.txt")]).unwrap();
    let fresh = open(dir.path());
    assert_eq!(lib.articles().len(), 6);
    assert_eq!(shape(&lib), shape(&fresh));
}

#[test]
fn a_pasted_article_is_written_with_its_details() {
    let dir = story();
    let mut lib = open(dir.path());
    let pasted = storyline::story::NewArticle {
        text: "小米集團今日宣布，小米SU7將於4月3日開始交付。".into(),
        title: Some("小米SU7開始交付".into()),
        outlet: Some("測試日報".into()),
        url: Some("https://example.com/2024/03/30/su7".into()),
        published: Some("2024-03-30".into()),
        html: false,
    };
    let report = lib.add_text(&pasted).unwrap();
    assert_eq!(report.added.len(), 1);
    let info = lib
        .articles()
        .into_iter()
        .find(|a| a.id == report.added[0])
        .unwrap();
    assert_eq!(info.outlet.as_deref(), Some("測試日報"));
    assert_eq!(
        info.published.date.map(|d| d.to_string()).as_deref(),
        Some("2024-03-30")
    );
    // The same text again is a duplicate.
    let again = lib.add_text(&pasted).unwrap();
    assert!(
        again.added.is_empty() && again.duplicates.len() == 1,
        "{again:?}"
    );
    let bad = storyline::story::NewArticle {
        published: Some("next week".into()),
        text: "另一篇文章。".into(),
        ..Default::default()
    };
    assert_eq!(lib.add_text(&bad).unwrap_err().code, ErrorCode::BadDate);
}

#[test]
fn a_correction_survives_a_new_analysis_and_a_new_article() {
    let dir = story();
    let mut lib = open(dir.path());
    let launch = event_with(&lib, "正式发布首款小米新能源汽车SU7");
    lib.edit_event(&launch.id, edits::parse_date("2024-03-28").unwrap())
        .unwrap();
    lib.edit_event(
        &launch.id,
        Change::TitleEn {
            text: "Xiaomi launches the SU7".into(),
        },
    )
    .unwrap();
    let check = |lib: &Library| {
        let e = event_with(lib, "正式发布首款小米新能源汽车SU7");
        let date = e.date.clone().unwrap();
        assert_eq!(date.start.to_string(), "2024-03-28");
        assert_eq!(e.title.en.as_deref(), Some("Xiaomi launches the SU7"));
        assert!(
            e.edited.contains(&Edited::Date) && e.edited.contains(&Edited::TitleEn),
            "{:?}",
            e.edited
        );
        e
    };
    check(&lib);
    // A new start reads the corrections back.
    let mut lib = open(dir.path());
    let before = check(&lib).sources.len();
    // An article that tells of the same launch: the correction stays, and sources may join.
    lib.add_files(&[article("04_autohome.txt")]).unwrap();
    let after = check(&lib);
    assert!(after.sources.len() >= before);
    assert!(lib.edits().edits.iter().all(|s| s.applied));
    // The JSON export says what a person changed.
    let json = lib
        .export(storyline::export::Format::Json, &Filter::default(), false)
        .unwrap();
    assert!(json.content.contains("\"edited\""), "export marks edits");
}

#[test]
fn undo_and_redo_take_back_and_remake_each_correction() {
    let dir = story();
    let mut lib = open(dir.path());
    let e = event_with(&lib, "正式发布首款小米新能源汽车SU7");
    let original = e.status;
    lib.edit_event(
        &e.id,
        Change::Status {
            status: storyline::events::Status::Rumoured,
        },
    )
    .unwrap();
    lib.edit_event(&e.id, Change::Hide).unwrap();
    assert!(event_with(&lib, "正式发布首款小米新能源汽车SU7").hidden);
    assert!(lib
        .timeline(&Filter::default())
        .unwrap()
        .events
        .iter()
        .all(|x| !x.title.zh.contains("正式发布首款小米新能源汽车SU7") || x.id != e.id));
    let view = lib.undo().unwrap();
    assert_eq!(view.edits.len(), 1);
    assert!(view.redo.is_some());
    assert!(!event_with(&lib, "正式发布首款小米新能源汽车SU7").hidden);
    lib.undo().unwrap();
    assert_eq!(
        event_with(&lib, "正式发布首款小米新能源汽车SU7").status,
        original
    );
    assert_eq!(lib.undo().unwrap_err().code, ErrorCode::BadQuery);
    lib.redo().unwrap();
    // Undo and redo are saved too.
    let lib = open(dir.path());
    let e = event_with(&lib, "正式发布首款小米新能源汽车SU7");
    assert_eq!(e.status, storyline::events::Status::Rumoured);
    assert!(!e.hidden);
    assert!(lib.edits().redo.is_some());
}

#[test]
fn the_built_in_articles_are_never_written_to() {
    let mut lib = Library::open(&Options {
        corpus: None,
        index: IndexLocation::Memory,
        read_only: false,
    })
    .unwrap();
    let id = lib.timeline(&Filter::default()).unwrap().events[0]
        .id
        .clone();
    let err = lib.edit_event(&id, Change::Hide).unwrap_err();
    assert_eq!(err.code, ErrorCode::ReadOnlyStory);
    assert!(!lib.edits().writable);
    let err = lib
        .handle_change(Request::AddText(storyline::story::NewArticle {
            text: "文字".into(),
            ..Default::default()
        }))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::ReadOnlyStory);
    // A change sent where only reads are handled is refused, not made.
    assert_eq!(
        lib.handle(Request::Undo).unwrap_err().code,
        ErrorCode::BadQuery
    );
}

#[test]
fn a_correction_whose_passage_is_gone_is_reported_not_dropped() {
    let dir = story();
    let mut lib = open(dir.path());
    let e = event_with(&lib, "正式发布首款小米新能源汽车SU7");
    lib.edit_event(
        &e.id,
        Change::TitleZh {
            text: "小米SU7發布".into(),
        },
    )
    .unwrap();
    std::fs::remove_file(dir.path().join("03_xinhua.txt")).unwrap();
    let lib = open(dir.path());
    let view = lib.edits();
    assert_eq!(view.edits.len(), 1);
    assert!(!view.edits[0].applied);
    assert!(view.edits[0]
        .problem
        .as_deref()
        .unwrap()
        .contains("no longer"));
    // Still in the file.
    let file = std::fs::read_to_string(dir.path().join(EDITS_FILE)).unwrap();
    assert!(file.contains("小米SU7發布"));
}

#[test]
fn entities_can_be_renamed_given_aliases_merged_and_rejected() {
    let dir = story();
    let mut lib = open(dir.path());
    let xiaomi = xiaomi(&lib);
    lib.edit_entity(
        &xiaomi.id,
        Change::Rename {
            name: "Xiaomi".into(),
        },
    )
    .unwrap();
    lib.edit_entity(
        "Xiaomi",
        Change::AddAlias {
            alias: "小米公司".into(),
        },
    )
    .unwrap();
    let lib = open(dir.path());
    let now = lib
        .entities()
        .into_iter()
        .find(|e| e.id == xiaomi.id)
        .unwrap();
    assert_eq!(now.name, "Xiaomi");
    assert!(now.edited && now.aliases.contains(&"小米公司".to_string()));
    let mut lib = lib;
    lib.edit_entity("Xiaomi", Change::NotAName).unwrap();
    assert!(lib.entities().iter().all(|e| e.id != xiaomi.id));
    assert!(lib
        .timeline(&Filter::default())
        .unwrap()
        .events
        .iter()
        .all(|e| !e.entities.contains(&xiaomi.id)));
}

#[test]
fn a_spelling_that_names_someone_else_is_split_off_with_its_mentions() {
    let dir = story();
    let mut lib = open(dir.path());
    // Give Xiaomi a wrong alias that the text writes elsewhere: 雷軍 (Lei Jun).
    let xiaomi = xiaomi(&lib);
    let lei = lib
        .entities()
        .into_iter()
        .find(|e| e.aliases.iter().any(|a| a == "雷軍" || a == "雷军"))
        .expect("Lei Jun is found");
    let lei_mentions = lei.mentions.len();
    lib.edit_entity(
        &lei.id,
        Change::MergeEntityInto {
            into: xiaomi.id.clone(),
        },
    )
    .unwrap();
    assert!(lib.entities().iter().all(|e| e.id != lei.id));
    let spelling = lei
        .aliases
        .iter()
        .find(|a| a.starts_with('雷'))
        .unwrap()
        .clone();
    lib.edit_entity(
        &xiaomi.id,
        Change::Split {
            spelling: spelling.clone(),
        },
    )
    .unwrap();
    let now = lib.entities();
    let split = now
        .iter()
        .find(|e| e.name == spelling)
        .expect("the spelling is an entity of its own");
    assert!(split.edited && !split.mentions.is_empty());
    assert!(split.mentions.len() <= lei_mentions);
    let x = now.iter().find(|e| e.id == xiaomi.id).unwrap();
    assert!(!x.aliases.contains(&spelling));
    // Not a spelling of it: refused, and the file keeps only what was made.
    let err = lib
        .edit_entity(
            &xiaomi.id,
            Change::Split {
                spelling: "不存在".into(),
            },
        )
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::BadQuery);
    assert_eq!(lib.edits().edits.len(), 2);
}

#[test]
fn a_date_a_person_gives_is_read_at_its_precision() {
    use storyline::time::Precision;
    let cases = [
        ("2024", "2024-01-01", "2024-12-31", Precision::Year),
        ("2024-03", "2024-03-01", "2024-03-31", Precision::Month),
        ("2024-03-28", "2024-03-28", "2024-03-28", Precision::Day),
        ("2024-Q2", "2024-04-01", "2024-06-30", Precision::Quarter),
        (
            "2024-03-28..2024-04-03",
            "2024-03-28",
            "2024-04-03",
            Precision::Day,
        ),
    ];
    for (s, start, end, precision) in cases {
        let Change::Date {
            start: a,
            end: b,
            precision: p,
        } = edits::parse_date(s).unwrap()
        else {
            panic!("{s}: not a date change");
        };
        assert_eq!(
            (a.to_string(), b.to_string(), p),
            (start.into(), end.into(), precision),
            "{s}"
        );
    }
    for bad in ["2024-13", "soon", "2024-Q5", "2024-04..2024-03"] {
        assert_eq!(
            edits::parse_date(bad).unwrap_err().code,
            ErrorCode::BadDate,
            "{bad}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    /// Text inserted or deleted anywhere outside the passage leaves the anchor finding it.
    #[test]
    fn an_anchor_survives_edits_elsewhere_in_its_article(
        before in "[一-龥，。]{0,120}",
        passage in "[一-龥]{6,30}",
        after in "[一-龥，。]{0,120}",
        insert in "[a-zA-Z0-9一-龥]{1,20}",
        at_before in any::<prop::sample::Index>(),
        at_after in any::<prop::sample::Index>(),
        delete in 0usize..10,
    ) {
        let text = format!("{before}{passage}{after}");
        let start = before.chars().count();
        let span = Span::new(start, start + passage.chars().count());
        let anchor = edits::anchor_in("a", &text, span);
        // Insert somewhere before and delete somewhere after.
        let b: Vec<char> = before.chars().collect();
        let cut = at_before.index(b.len() + 1);
        let new_before: String = b[..cut].iter().chain(insert.chars().collect::<Vec<_>>().iter()).chain(b[cut..].iter()).collect();
        let a: Vec<char> = after.chars().collect();
        let from = at_after.index(a.len() + 1);
        let to = (from + delete).min(a.len());
        let new_after: String = a[..from].iter().chain(a[to..].iter()).collect();
        let edited = format!("{new_before}{passage}{new_after}");
        let found = edits::find_quote(&edited, &anchor).expect("the passage is still there");
        let got: String = edited.chars().skip(found.start).take(found.len()).collect();
        prop_assert_eq!(&got, &passage);
        // Where the passage occurs once, it is that occurrence.
        if edited.matches(passage.as_str()).count() == 1 {
            prop_assert_eq!(found.start, new_before.chars().count());
        }
    }

    /// Of two copies of a passage, the anchor picks the one whose surroundings it recorded.
    #[test]
    fn an_anchor_tells_two_copies_of_its_passage_apart(
        passage in "[一-龥]{4,10}",
        left in "[一-龥]{32,40}",
        middle in "[一-龥]{32,40}",
        right in "[一-龥]{32,40}",
        second in any::<bool>(),
    ) {
        let text = format!("{left}{passage}{middle}{passage}{right}");
        let first_at = left.chars().count();
        let second_at = first_at + passage.chars().count() + middle.chars().count();
        let at = if second { second_at } else { first_at };
        let span = Span::new(at, at + passage.chars().count());
        let anchor = edits::anchor_in("a", &text, span);
        let edited = format!("前言{text}");
        let found = edits::find_quote(&edited, &anchor).unwrap();
        prop_assert_eq!(found.start, at + 2);
    }
}

/// `kill -9` at random moments of a stream of saves: the file always parses, and holds every
/// correction whose command had finished.
#[test]
fn a_save_killed_midway_loses_nothing_saved_before() {
    use std::process::{Command, Stdio};
    use std::time::Duration;
    let dir = story();
    let lib = open(dir.path());
    let id = event_with(&lib, "正式发布首款小米新能源汽车SU7").id;
    drop(lib);
    let bin = env!("CARGO_BIN_EXE_storyline");
    let mut finished = 0usize;
    for round in 0..12u64 {
        let mut child = Command::new(bin)
            .args(["edit", "--corpus"])
            .arg(dir.path())
            .args(["--event", &id, "--title-zh"])
            .arg(format!("標題{round}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Kill some runs at once, some midway, let some finish.
        std::thread::sleep(Duration::from_millis((round * 37) % 220));
        let _ = child.kill();
        let status = child.wait().unwrap();
        eprintln!("round {round}: {status}");
        if status.success() {
            finished += 1;
        }
        let text = std::fs::read_to_string(dir.path().join(EDITS_FILE)).unwrap_or_default();
        if text.is_empty() {
            assert_eq!(finished, 0, "saved corrections disappeared");
            continue;
        }
        let log: serde_json::Value = serde_json::from_str(&text).expect("never a torn file");
        let saved = log["edits"].as_array().unwrap().len();
        assert!(saved >= finished, "{saved} saved, {finished} finished");
    }
    assert!(finished < 12, "no save was interrupted");
    // One more, run to its end: it is there beside every earlier one.
    let status = Command::new(bin)
        .args(["edit", "--corpus"])
        .arg(dir.path())
        .args(["--event", &id, "--title-zh", "最後"])
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let text = std::fs::read_to_string(dir.path().join(EDITS_FILE)).unwrap();
    let log: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(log["edits"].as_array().unwrap().len() > finished);
    assert!(text.contains("最後"));
    // Whatever was killed, the story opens with its corrections.
    let lib = open(dir.path());
    assert!(lib.edits().edits.iter().all(|s| s.applied));
}

/// Every article file of the evaluation corpus: enough work to cancel midway.
fn many_articles() -> Vec<PathBuf> {
    let stories = Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/stories");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&stories)
        .unwrap()
        .flat_map(|story| std::fs::read_dir(story.unwrap().path()).unwrap())
        .map(|f| f.unwrap().path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "txt" || e == "html" || e == "htm")
        })
        .collect();
    files.sort();
    files
}

/// The folder's files and their bytes.
fn folder(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|f| f.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn adding_reports_progress_and_a_cancel_leaves_the_story_as_it_was() {
    use storyline::progress::Stage;
    let dir = story();
    let mut lib = open(dir.path());
    let before_files = folder(dir.path());
    let before_shape = shape(&lib);
    let progress = lib.progress();
    let files = many_articles();
    assert!(files.len() > 100, "{}", files.len());

    let (answer, seen) = std::thread::scope(|scope| {
        let adding = scope.spawn(|| lib.add_files(&files));
        // Cancel once the analysis has begun and counted an article.
        let mut seen = Vec::new();
        loop {
            let view = progress.view();
            if seen
                .last()
                .map(|v: &storyline::progress::ProgressView| v.stage)
                != Some(view.stage)
            {
                seen.push(view.clone());
            }
            if view.stage == Stage::Analysing && view.done > 0 {
                assert!(view.cancellable, "{view:?}");
                // Every article of the story, old and new (duplicates left out).
                assert!(view.total > 100, "{view:?}");
                assert!(progress.cancel());
                break;
            }
            if adding.is_finished() {
                break;
            }
            std::hint::spin_loop();
        }
        (adding.join().unwrap(), seen)
    });
    let stages: Vec<Stage> = seen.iter().map(|v| v.stage).collect();
    assert!(stages.contains(&Stage::Reading), "{stages:?}");
    assert_eq!(answer.unwrap_err().code, ErrorCode::Cancelled);
    assert_eq!(progress.view().stage, Stage::Idle);

    // Nothing of the adding is left: not the copies, not the manifest's new tables, not in the
    // library.
    assert!(folder(dir.path()) == before_files, "the folder changed");
    assert_eq!(lib.articles().len(), 3);
    assert_eq!(shape(&lib), before_shape);

    // The story goes on as if nothing had happened.
    lib.add_files(&[article("04_autohome.txt")]).unwrap();
    assert_eq!(shape(&lib), shape(&open(dir.path())));
    assert_eq!(lib.articles().len(), 4);
}
