//! The first answers kept between starts (`answers`): read back exactly as the library
//! answers, only ever for the same program and the same corpus text — an article edited (its dates
//! moved), added or re-encoded is a different key — and anything unreadable is no copy, not an error.

use super::{AnswerCache, FirstAnswers, KEEP_OTHERS};
use std::fs;
use std::path::Path;
use storyline::api::{Options, Request};
use storyline::corpus::Corpus;
use storyline::search::IndexLocation;
use storyline::timeline::Filter;
use storyline::Library;

/// Articles written for this test: a hire and a data-centre plan, with explicit dates.
const HIRE: &str = "Meta聘請汪滔\n2025年6月12日，Meta宣布以143億美元投資Scale AI，並聘請其執行長汪滔領導新的超級智能實驗室。";
const PLAN: &str =
    "數據中心計劃\n2025年7月14日，朱克伯格表示，Meta計劃在2026年啟用名為Prometheus的數據中心。";

fn corpus_dir(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn options(dir: &Path) -> Options {
    Options {
        corpus: Some(dir.to_path_buf()),
        index: IndexLocation::Memory,
        read_only: false,
    }
}

fn opened(dir: &Path) -> (Corpus, Library) {
    let opts = options(dir);
    let corpus = Library::read(&opts).unwrap();
    (
        corpus.clone(),
        Library::open_read(corpus, &opts, Default::default()).unwrap(),
    )
}

/// A corpus of `files`, opened, and the (empty) copy for it in a folder of its own.
struct Setup {
    articles: tempfile::TempDir,
    folder: tempfile::TempDir,
    library: Library,
    cache: AnswerCache,
}

fn setup(files: &[(&str, &str)]) -> Setup {
    let articles = corpus_dir(files);
    let folder = tempfile::tempdir().unwrap();
    let (corpus, library) = opened(articles.path());
    let cache = AnswerCache::in_folder(folder.path(), &corpus);
    Setup {
        articles,
        folder,
        library,
        cache,
    }
}

fn without_generated(mut answers: FirstAnswers) -> FirstAnswers {
    answers
        .timeline
        .as_object_mut()
        .unwrap()
        .remove("generated");
    answers
}

#[test]
fn a_stored_copy_reads_back_as_the_library_answers() {
    let Setup {
        articles,
        folder,
        library,
        cache,
    } = setup(&[("hire.txt", HIRE), ("plan.txt", PLAN)]);
    assert!(cache.load().is_none(), "nothing kept yet");
    let answers = FirstAnswers::of(&library).unwrap();
    assert!(
        !answers.timeline["events"].as_array().unwrap().is_empty(),
        "the test articles tell of events"
    );
    cache.store(&answers).unwrap();
    let loaded = cache.load().expect("the copy reads back");
    assert_eq!(loaded, answers);

    // A second start of the same program on the same files finds the same copy, and it answers
    // what the library itself answers (the view's generation time aside).
    let (corpus, library) = opened(articles.path());
    let again = AnswerCache::in_folder(folder.path(), &corpus);
    assert_eq!(again.path(), cache.path());
    assert_eq!(
        without_generated(again.load().unwrap()),
        without_generated(FirstAnswers::of(&library).unwrap())
    );
}

#[test]
fn the_copy_answers_only_the_first_requests() {
    let articles = corpus_dir(&[("hire.txt", HIRE)]);
    let (_, library) = opened(articles.path());
    let answers = FirstAnswers::of(&library).unwrap();
    assert_eq!(
        answers.answer(&Request::Articles),
        Some(library.handle(Request::Articles).unwrap())
    );
    assert_eq!(
        answers.answer(&Request::Issues),
        Some(library.handle(Request::Issues).unwrap())
    );
    assert!(answers
        .answer(&Request::Timeline {
            filter: Filter::default()
        })
        .is_some());
    let filtered = Filter {
        entities: vec!["汪滔".into()],
        ..Filter::default()
    };
    assert_eq!(
        answers.answer(&Request::Timeline { filter: filtered }),
        None,
        "a filtered timeline is the library's to answer"
    );
    assert_eq!(answers.answer(&Request::Entities), None);
    assert_eq!(
        answers.answer(&Request::Article {
            id: "hire".into(),
            script: Default::default()
        }),
        None
    );
}

#[test]
fn an_edited_added_or_reencoded_article_is_another_key() {
    let Setup {
        articles,
        folder,
        library,
        cache,
    } = setup(&[("hire.txt", HIRE), ("plan.txt", PLAN)]);
    cache.store(&FirstAnswers::of(&library).unwrap()).unwrap();

    let key_now = |dir: &Path| {
        AnswerCache::in_folder(folder.path(), &Library::read(&options(dir)).unwrap())
            .path()
            .to_path_buf()
    };
    // Dates moved by a year: same length, same file, different text.
    fs::write(
        articles.path().join("hire.txt"),
        HIRE.replace("2025年", "2024年"),
    )
    .unwrap();
    let moved = key_now(articles.path());
    assert_ne!(
        moved,
        cache.path(),
        "moving the dates must not find the old answers"
    );
    assert!(AnswerCache::in_folder(
        folder.path(),
        &Library::read(&options(articles.path())).unwrap()
    )
    .load()
    .is_none());

    fs::write(articles.path().join("hire.txt"), HIRE).unwrap();
    assert_eq!(
        key_now(articles.path()),
        cache.path(),
        "the same text again is the same key"
    );

    fs::write(
        articles.path().join("third.txt"),
        "另一篇\n2025年8月1日，Meta宣布重組實驗室。",
    )
    .unwrap();
    assert_ne!(key_now(articles.path()), cache.path(), "an added article");
    fs::remove_file(articles.path().join("third.txt")).unwrap();

    // The same characters in GBK: the decoded text is equal, the encoding is not.
    let simplified = "数据中心计划\n2025年7月14日，扎克伯格表示，Meta计划在2026年启用数据中心。";
    fs::write(articles.path().join("plan.txt"), simplified).unwrap();
    let utf8 = key_now(articles.path());
    let (gbk, _, _) = encoding_rs::GBK.encode(simplified);
    fs::write(articles.path().join("plan.txt"), &*gbk).unwrap();
    assert_ne!(key_now(articles.path()), utf8, "a re-encoded file");
}

#[test]
fn an_unreadable_copy_is_no_copy() {
    let Setup {
        articles: _articles,
        folder: _folder,
        library,
        cache,
    } = setup(&[("hire.txt", HIRE)]);
    let answers = FirstAnswers::of(&library).unwrap();
    cache.store(&answers).unwrap();
    let full = fs::read(cache.path()).unwrap();
    for broken in [
        &full[..full.len() / 2],
        b"",
        b"\x00\xff\xfe binary",
        b"{\"articles\": []}",
    ] {
        fs::write(cache.path(), broken).unwrap();
        assert!(
            cache.load().is_none(),
            "{} bytes of a damaged copy",
            broken.len()
        );
    }
    fs::remove_file(cache.path()).unwrap();
    fs::create_dir(cache.path()).unwrap();
    assert!(cache.load().is_none(), "a folder where the copy should be");
    assert!(
        cache.store(&answers).is_err(),
        "and storing over it says so"
    );
}

#[test]
fn copies_of_other_corpora_are_kept_up_to_a_few() {
    let folder = tempfile::tempdir().unwrap();
    fs::create_dir(folder.path().join("index-0123")).unwrap();
    fs::write(folder.path().join("notes.json"), "{}").unwrap();
    let mut paths = Vec::new();
    for n in 0..KEEP_OTHERS + 3 {
        let articles = corpus_dir(&[("hire.txt", &format!("{HIRE}\n第{n}版。"))]);
        let (corpus, library) = opened(articles.path());
        let cache = AnswerCache::in_folder(folder.path(), &corpus);
        cache.store(&FirstAnswers::of(&library).unwrap()).unwrap();
        paths.push(cache.path().to_path_buf());
        // Modification times order the copies; make each one later than the last.
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let kept: Vec<_> = paths.iter().filter(|p| p.exists()).cloned().collect();
    assert_eq!(
        kept,
        paths[paths.len() - 1 - KEEP_OTHERS..].to_vec(),
        "the newest copy and the {KEEP_OTHERS} before it"
    );
    assert!(
        folder.path().join("index-0123").is_dir() && folder.path().join("notes.json").is_file(),
        "nothing else is touched"
    );
}

#[test]
fn copies_live_beside_an_index_in_the_data_folder_only() {
    assert_eq!(
        AnswerCache::folder(&Options {
            index: IndexLocation::Shared("/tmp/data".into()),
            ..Options::default()
        }),
        Some("/tmp/data".into())
    );
    assert_eq!(
        AnswerCache::folder(&Options {
            index: IndexLocation::Memory,
            ..Options::default()
        }),
        None
    );
    assert_eq!(
        AnswerCache::folder(&Options {
            index: IndexLocation::Dir("/tmp/ix".into()),
            ..Options::default()
        }),
        None
    );
}

#[test]
fn a_correction_is_another_key() {
    let dir = corpus_dir(&[("hire.txt", HIRE)]);
    let folder = tempfile::tempdir().unwrap();
    let before =
        AnswerCache::in_folder(folder.path(), &Library::read(&options(dir.path())).unwrap());
    fs::write(
        dir.path().join(storyline::edits::EDITS_FILE),
        r#"{"schema": 1, "edits": []}"#,
    )
    .unwrap();
    let after =
        AnswerCache::in_folder(folder.path(), &Library::read(&options(dir.path())).unwrap());
    assert_ne!(before.path(), after.path());
}
