//! The on-disk index: built once, opened when current, rebuilt when the corpus or schema changed or
//! when it is damaged or half written — and never a crash or stale results. A folder that holds
//! something other than an index is left alone.

use crate::search_common;

use search_common::*;
use std::fs;
use std::path::{Path, PathBuf};
use storyline::api::Options;
use storyline::search::{IndexLocation, Outcome, SearchIndex, SearchRequest};
use storyline::Library;

fn sample() -> storyline::pipeline::Analysis {
    analysis(&[
        (
            "a",
            "汪滔加入Meta，负责超级智能实验室。\n扎克伯格宣布建造数据中心。",
        ),
        ("b", "朱克伯格谈到数据中心的计划。\n另一句话。"),
    ])
}

fn req(q: &str) -> SearchRequest {
    SearchRequest {
        query: q.into(),
        ..SearchRequest::default()
    }
}

fn open(a: &storyline::pipeline::Analysis, dir: &Path) -> SearchIndex {
    SearchIndex::open(a, &IndexLocation::Dir(dir.to_path_buf())).expect("opens or rebuilds")
}

fn answers(
    index: &SearchIndex,
    a: &storyline::pipeline::Analysis,
) -> Vec<(String, usize, Vec<[usize; 2]>)> {
    index
        .search(a, &req("数据中心"))
        .unwrap()
        .into_iter()
        .map(|h| (h.article, h.start, h.highlights))
        .collect()
}

fn segment_files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect()
}

fn is_rebuilt(o: &Outcome) -> bool {
    matches!(o, Outcome::Rebuilt(_))
}

#[test]
fn built_once_then_opened_with_the_same_answers() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ix");
    let a = sample();
    let first = open(&a, &dir);
    assert_eq!(first.outcome, Outcome::Built);
    let expected = answers(&first, &a);
    assert_eq!(expected.len(), 2);
    drop(first);
    let again = open(&a, &dir);
    assert_eq!(again.outcome, Outcome::Opened);
    assert_eq!(answers(&again, &a), expected);
    assert!(dir.join("storyline-index.json").exists());
    // The lock file beside the index stays: it is how runs share the folder.
    let leftovers: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n != ".ix.lock")
        .collect();
    assert_eq!(
        leftovers.len(),
        1,
        "no temporary build folder left behind: {leftovers:?}"
    );
}

#[test]
fn a_changed_corpus_rebuilds_and_finds_the_new_text() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ix");
    open(&sample(), &dir);
    let changed = analysis(&[
        ("a", "汪滔加入Meta。"),
        ("c", "新文章：普罗米修斯数据中心。"),
    ]);
    let index = open(&changed, &dir);
    assert!(
        matches!(&index.outcome, Outcome::Rebuilt(r) if r.contains("changed")),
        "{:?}",
        index.outcome
    );
    let got = answers(&index, &changed);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, "c");
}

#[test]
fn a_truncated_segment_file_is_detected_and_rebuilt() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ix");
    let a = sample();
    let expected = answers(&open(&a, &dir), &a);
    for ext in ["idx", "term"] {
        for f in segment_files(&dir, ext) {
            let len = fs::metadata(&f).unwrap().len();
            fs::OpenOptions::new()
                .write(true)
                .open(&f)
                .unwrap()
                .set_len(len / 2)
                .unwrap();
        }
        let index = open(&a, &dir);
        assert!(is_rebuilt(&index.outcome), "{ext}: {:?}", index.outcome);
        assert_eq!(answers(&index, &a), expected);
    }
}

#[test]
fn garbled_bytes_fail_the_checksum_and_are_rebuilt() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ix");
    let a = sample();
    let expected = answers(&open(&a, &dir), &a);
    for ext in ["pos", "store", "fast"] {
        for f in segment_files(&dir, ext) {
            let mut bytes = fs::read(&f).unwrap();
            let (mid, n) = (bytes.len() / 3, bytes.len());
            for b in &mut bytes[mid..(mid + 8).min(n)] {
                *b ^= 0x5A;
            }
            fs::write(&f, bytes).unwrap();
        }
        let index = open(&a, &dir);
        assert!(
            matches!(&index.outcome, Outcome::Rebuilt(r) if r.contains("checksum")),
            "{ext}: {:?}",
            index.outcome
        );
        assert_eq!(answers(&index, &a), expected);
    }
}

#[test]
fn a_missing_or_damaged_meta_file_means_a_half_written_index() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ix");
    let a = sample();
    open(&a, &dir);
    // Without our marker the folder is not ours to replace, whatever else it holds.
    fs::remove_file(dir.join("storyline-index.json")).unwrap();
    let before = segment_files(&dir, "idx").len();
    let err = SearchIndex::open(&a, &IndexLocation::Dir(dir.clone()))
        .err()
        .unwrap();
    assert!(
        err.message.contains(&*dir.to_string_lossy()),
        "{}",
        err.message
    );
    assert_eq!(segment_files(&dir, "idx").len(), before);
    fs::write(
        dir.join("storyline-index.json"),
        b"{\"schema\": 1, \"finger",
    )
    .unwrap();
    assert!(is_rebuilt(&open(&a, &dir).outcome));
    let meta = fs::read_to_string(dir.join("storyline-index.json")).unwrap();
    let current = format!("\"schema\": {}", storyline::search::index::SCHEMA_VERSION);
    assert!(meta.contains(&current), "{meta}");
    fs::write(
        dir.join("storyline-index.json"),
        meta.replace(&current, "\"schema\": 0"),
    )
    .unwrap();
    let index = open(&a, &dir);
    assert!(
        matches!(&index.outcome, Outcome::Rebuilt(r) if r.contains("schema")),
        "{:?}",
        index.outcome
    );
    drop(index);
    fs::remove_file(dir.join("meta.json")).unwrap();
    let index = open(&a, &dir);
    assert!(is_rebuilt(&index.outcome));
    assert_eq!(answers(&index, &a).len(), 2);
}

#[test]
fn a_folder_of_other_files_is_never_deleted() {
    let tmp = tempfile::tempdir().unwrap();
    let precious = tmp.path().join("notes.txt");
    fs::write(&precious, "mine").unwrap();
    let a = sample();
    let err = SearchIndex::open(&a, &IndexLocation::Dir(tmp.path().to_path_buf())).unwrap_err();
    assert_eq!(err.code, storyline::ErrorCode::Index);
    assert_eq!(fs::read_to_string(&precious).unwrap(), "mine");
}

#[test]
fn the_library_owns_an_opened_index_and_searches_through_it() {
    let tmp = tempfile::tempdir().unwrap();
    let articles = tmp.path().join("articles");
    fs::create_dir(&articles).unwrap();
    fs::write(
        articles.join("one.txt"),
        "汪滔加入Meta，负责超级智能实验室。\n",
    )
    .unwrap();
    let index = tmp.path().join("ix");
    let options = Options {
        corpus: Some(articles.clone()),
        index: IndexLocation::Dir(index.clone()),
        read_only: false,
    };
    let lib = Library::open(&options).unwrap();
    assert_eq!(lib.search_index().unwrap().outcome, Outcome::Built);
    let v = lib
        .handle_json(r#"{"cmd":"search","args":{"query":"汪滔"}}"#)
        .unwrap();
    assert_eq!(v[0]["article"], "one");
    assert_eq!(v[0]["highlights"][0], serde_json::json!([0, 2]));
    let lib = Library::open(&options).unwrap();
    assert_eq!(lib.search_index().unwrap().outcome, Outcome::Opened);

    // An index folder that cannot be used costs the disk copy, not search.
    let blocked = tmp.path().join("blocked");
    fs::create_dir(&blocked).unwrap();
    fs::write(blocked.join("notes.txt"), "mine").unwrap();
    let lib = Library::open(&Options {
        corpus: Some(articles),
        index: IndexLocation::Dir(blocked),
        read_only: false,
    })
    .unwrap();
    assert!(lib
        .issues()
        .iter()
        .any(|i| i.code == storyline::ErrorCode::Index));
    assert_eq!(lib.search_index().unwrap().outcome, Outcome::Memory);
    assert_eq!(lib.search(&req("实验室")).unwrap().len(), 1);
}

#[test]
fn the_data_folder_keeps_a_few_recent_indexes_and_drops_abandoned_builds() {
    use std::time::{Duration, SystemTime};
    let tmp = tempfile::tempdir().unwrap();
    let base = tmp.path();
    let age = |path: &Path, hours: u64| {
        let t = SystemTime::now() - Duration::from_secs(hours * 3600);
        fs::File::open(path).unwrap().set_modified(t).unwrap();
    };
    for (i, hours) in [(1, 5), (2, 1), (3, 30), (4, 2), (5, 50)] {
        let d = base.join(format!("index-{i}"));
        fs::create_dir(&d).unwrap();
        fs::write(d.join("storyline-index.json"), "{}").unwrap();
        age(&d.join("storyline-index.json"), hours);
    }
    let current = base.join("index-current");
    fs::create_dir(&current).unwrap();
    let abandoned = base.join(".index-x.building-abc");
    let running = base.join(".index-y.building-def");
    fs::create_dir(&abandoned).unwrap();
    fs::create_dir(&running).unwrap();
    age(&abandoned, 3);
    fs::write(base.join("settings.toml"), "keep me").unwrap();
    storyline::search::index::prune(base, &current);
    let mut left: Vec<String> = fs::read_dir(base)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(
        left,
        vec![
            ".index-y.building-def",
            "index-1",
            "index-2",
            "index-4",
            "index-current",
            "settings.toml"
        ]
    );
}

#[test]
fn new_names_for_the_same_texts_rebuild_so_entity_filters_stay_right() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ix");
    let plain = sample();
    assert_eq!(open(&plain, &dir).outcome, Outcome::Built);
    let mut named = sample();
    add_person(&mut named, "someone-new", "Someone New", &["负责超级"]);
    let index = open(&named, &dir);
    assert!(is_rebuilt(&index.outcome), "{:?}", index.outcome);
    let req = SearchRequest {
        entities: vec!["someone-new".into()],
        ..req("实验室")
    };
    assert_eq!(index.search(&named, &req).unwrap().len(), 1);
}

#[test]
fn a_folder_of_someone_else_s_files_is_never_replaced() {
    // A tantivy index of someone else's, with their notes beside it.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("notes");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("meta.json"), "{}").unwrap();
    fs::write(dir.join("notes.txt"), "mine").unwrap();
    let a = sample();
    let Err(err) = SearchIndex::open(&a, &IndexLocation::Dir(dir.clone())) else {
        panic!("refused")
    };
    assert!(err.message.contains("notes"), "{}", err.message);
    assert_eq!(fs::read_to_string(dir.join("notes.txt")).unwrap(), "mine");
    assert!(dir.join("meta.json").exists());
}

#[test]
fn an_index_another_run_uses_is_not_replaced_under_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ix");
    let a = sample();
    let first = open(&a, &dir);
    // Another corpus wants the same folder while the first index is in use: it is refused (and
    // would search from memory), and the first index still answers.
    let other = analysis(&[("c", "另一個故事。\n完全不同的文字。")]);
    let Err(err) = SearchIndex::open(&other, &IndexLocation::Dir(dir.clone())) else {
        panic!("refused while in use")
    };
    assert!(err.message.contains("in use"), "{}", err.message);
    assert_eq!(answers(&first, &a).len(), 2);
    drop(first);
    // Once no one uses it, it is the other's to rebuild.
    let rebuilt = SearchIndex::open(&other, &IndexLocation::Dir(dir.clone())).unwrap();
    assert!(is_rebuilt(&rebuilt.outcome));
}

#[test]
fn passages_that_score_alike_come_in_article_order_whatever_segments_hold_them() {
    // Forty articles tell one sentence word for word: every passage scores the same, and a page of
    // five must be the first five articles on every build of the index, however its indexing
    // threads split the passages into segments.
    let texts: Vec<(String, String)> = (0..40)
        .map(|i| (format!("a{i:02}"), "实验室宣布成立新的团队。".to_string()))
        .collect();
    let borrowed: Vec<(&str, &str)> = texts
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let a = analysis(&borrowed);
    let req = SearchRequest {
        query: "实验室".into(),
        limit: Some(5),
        ..SearchRequest::default()
    };
    for round in 0..3 {
        let dir = tempfile::tempdir().unwrap();
        let index = SearchIndex::open(&a, &IndexLocation::Dir(dir.path().join("index"))).unwrap();
        let ids: Vec<String> = index
            .search(&a, &req)
            .unwrap()
            .into_iter()
            .map(|h| h.article)
            .collect();
        assert_eq!(ids, ["a00", "a01", "a02", "a03", "a04"], "build {round}");
    }
}
