//! Search figures on a generated 10,000-article corpus (the five real articles with names, years and
//! paragraph order varied): indexing throughput on 2 writer threads, index size on disk, time to open
//! an existing index, and query latency percentiles over 1,000 queries each of single names,
//! many-spelling entity names and two-word phrases. Figures are printed; criterion then times one
//! query of each kind and the open.
//!
//! `cargo bench -p storyline --bench search -- --warm-up-time 1 --measurement-time 3`
//! (`SEARCH_BENCH_ARTICLES=1000` for a quicker run).

use criterion::Criterion;
use std::hint::black_box;
use std::time::{Duration, Instant};
use storyline::corpus::{Corpus, ManifestEntry, RawArticle, SourceFormat};
use storyline::entities::Gazetteer;
use storyline::pipeline::Analysis;
use storyline::search::index::{self, Outcome};
use storyline::search::tokenize::Dictionary;
use storyline::search::{IndexLocation, SearchIndex, SearchRequest};
use storyline::text::fold_str;

struct Rng(u64);
impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

const SURNAMES: &[&str] = &[
    "李", "王", "張", "劉", "陳", "楊", "黃", "趙", "吳", "周", "徐", "孫", "馬", "胡", "郭",
];
const GIVEN: &[&str] = &[
    "偉", "芳", "娜", "敏", "靜", "麗", "強", "磊", "軍", "洋", "勇", "艷", "傑", "濤", "明", "超",
];

/// `n` articles: a real one each, with every gazetteer spelling swapped for another spelling of the
/// same entity or (for people) a made-up name, years moved and lines rotated.
fn generate(n: usize) -> Corpus {
    let real: Vec<String> = Corpus::embedded()
        .articles
        .into_iter()
        .map(|a| a.text.to_string())
        .collect();
    let gazetteer = Gazetteer::for_corpus(&Corpus::embedded()).0;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let articles = (0..n)
        .map(|i| {
            let mut text = real[i % real.len()].clone();
            for e in &gazetteer.entries {
                let spellings: Vec<String> = e
                    .spellings()
                    .into_iter()
                    .filter(|s| s.chars().count() >= 3)
                    .collect();
                if spellings.len() < 2 {
                    continue;
                }
                let to = if rng.below(4) == 0 {
                    format!(
                        "{}{}{}",
                        SURNAMES[rng.below(SURNAMES.len())],
                        GIVEN[rng.below(GIVEN.len())],
                        GIVEN[rng.below(GIVEN.len())]
                    )
                } else {
                    spellings[rng.below(spellings.len())].clone()
                };
                let from = &spellings[rng.below(spellings.len())];
                text = text.replace(from.as_str(), &to);
            }
            let dy = rng.below(9) as i32 - 4;
            text = text.replace("2025", &(2025 + dy).to_string());
            let mut lines: Vec<&str> = text.lines().collect();
            if lines.len() > 10 {
                let k = 1 + rng.below(lines.len() - 4);
                lines[3..].rotate_left(k);
            }
            let text = lines.join("\n");
            RawArticle {
                id: format!("g{i:05}"),
                file: format!("g{i:05}.txt"),
                format: SourceFormat::Text,
                bytes: text.len(),
                print: storyline::corpus::fingerprint(&text),
                text: text.into(),
                encoding: "UTF-8",
                meta: ManifestEntry::default(),
            }
        })
        .collect();
    Corpus {
        root: None,
        articles,
        issues: Vec::new(),
        ..Corpus::default()
    }
}

/// The folded text of every passage.
fn passage_texts(a: &Analysis, passages: &[index::Passage]) -> Vec<String> {
    passages
        .iter()
        .map(|p| a.articles[p.article].text.folded_slice(p.span))
        .collect()
}

/// User + system CPU time of this process so far, from /proc (Linux; 0 elsewhere).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    // utime and stime are fields 14 and 15 of stat; the first after the command name is field 3.
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

fn dir_size(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum()
}

fn percentiles(name: &str, mut times: Vec<Duration>, hits: usize) {
    times.sort();
    let p = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
    println!(
        "query {name:<22} n={:<5} p50 {:>8.3} ms  p90 {:>8.3} ms  p99 {:>8.3} ms  max {:>8.3} ms  ({} hits in all)",
        times.len(),
        p(0.5).as_secs_f64() * 1e3,
        p(0.9).as_secs_f64() * 1e3,
        p(0.99).as_secs_f64() * 1e3,
        times.last().unwrap().as_secs_f64() * 1e3,
        hits
    );
}

fn time_queries(index: &SearchIndex, a: &Analysis, queries: &[String]) -> (Vec<Duration>, usize) {
    let mut times = Vec::with_capacity(queries.len());
    let mut total = 0;
    for q in queries {
        let req = SearchRequest {
            query: q.clone(),
            limit: Some(20),
            ..SearchRequest::default()
        };
        let t = Instant::now();
        let hits = index.search(a, &req).unwrap();
        times.push(t.elapsed());
        total += hits.len();
    }
    (times, total)
}

fn main() {
    let n: usize = std::env::var("SEARCH_BENCH_ARTICLES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let t = Instant::now();
    let corpus = generate(n);
    let a = Analysis::run(&corpus);
    println!(
        "corpus: {n} articles, {} entities, analysed in {:.1} s",
        a.entities.len(),
        t.elapsed().as_secs_f64()
    );

    let passages = index::Passages::new(&a).all();
    let texts = passage_texts(&a, &passages);
    let indexed_bytes: usize = texts.iter().map(|t| t.len()).sum();
    let names: Vec<String> = a
        .entities
        .iter()
        .flat_map(|e| {
            std::iter::once(&e.name)
                .chain(e.name_zh.iter())
                .chain(e.aliases.iter())
        })
        .map(|s| fold_str(s))
        .collect();
    let dict = Dictionary::new(&names);
    dict.ready();
    let fingerprint = index::fingerprint(&a, &dict);

    let t = Instant::now();
    let mut terms = 0usize;
    for text in &texts {
        terms += dict
            .words_pieces(text)
            .iter()
            .filter(|p| storyline::search::tokenize::indexed_word(&text[p.from..p.to]))
            .count();
        terms += storyline::search::tokenize::grams_pieces(text).len();
    }
    let tok = t.elapsed().as_secs_f64();
    println!(
        "tokenizing alone (one thread, both fields): {terms} terms, {:.1} MB/s",
        indexed_bytes as f64 / 1e6 / tok
    );

    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("index");
    // Three builds: this machine's speed varies by a third from minute to minute, so one build
    // says little; the median and the best are printed, with the CPU time each took.
    let corpus_bytes: usize = corpus.articles.iter().map(|r| r.bytes).sum();
    let mut builds = Vec::new();
    for _ in 0..3 {
        let _ = std::fs::remove_dir_all(&dir);
        let cpu0 = cpu_seconds();
        let t = Instant::now();
        let (_, _, outcome, _) =
            index::open_or_build(&dir, &fingerprint, &dict, &a, &Default::default()).unwrap();
        builds.push((t.elapsed().as_secs_f64(), cpu_seconds() - cpu0));
        assert_eq!(outcome, Outcome::Built);
    }
    builds.sort_by(|x, y| x.0.total_cmp(&y.0));
    let (build, cpu) = builds[1];
    println!(
        "indexing: {} passages, {:.1} MB of folded text ({:.1} MB of article files) in {:.2} s = {:.1} MB/s of text, {:.1} MB/s of files (median of 3; best {:.1} MB/s of text; 2 writer threads, including commit; {:.1} s of CPU)",
        passages.len(),
        indexed_bytes as f64 / 1e6,
        corpus_bytes as f64 / 1e6,
        build,
        indexed_bytes as f64 / 1e6 / build,
        corpus_bytes as f64 / 1e6 / build,
        indexed_bytes as f64 / 1e6 / builds[0].0,
        cpu
    );
    println!("index size on disk: {:.1} MB", dir_size(&dir) as f64 / 1e6);

    let mut tantivy_open = Vec::new();
    let mut full_open = Vec::new();
    let mut fp_time = Vec::new();
    for _ in 0..7 {
        let t = Instant::now();
        let (_, _, o, _) =
            index::open_or_build(&dir, &fingerprint, &dict, &a, &Default::default()).unwrap();
        tantivy_open.push(t.elapsed());
        assert_eq!(o, Outcome::Opened);
        let t = Instant::now();
        black_box(index::fingerprint(&a, &dict));
        fp_time.push(t.elapsed());
        let t = Instant::now();
        let ix = SearchIndex::open(&a, &IndexLocation::Dir(dir.clone())).unwrap();
        full_open.push(t.elapsed());
        assert_eq!(ix.outcome, Outcome::Opened);
        // Its jieba loads on a thread; let it finish rather than compete with the next open.
        ix.ready();
    }
    let median = |mut v: Vec<Duration>| {
        v.sort();
        v[v.len() / 2].as_secs_f64() * 1e3
    };
    println!(
        "open existing index: {:.1} ms (tantivy open + checksum validation + reader); SearchIndex::open {:.1} ms in all, of which the corpus fingerprint {:.1} ms; jieba loads on a thread meanwhile",
        median(tantivy_open),
        median(full_open),
        median(fp_time)
    );

    let ix = SearchIndex::open(&a, &IndexLocation::Dir(dir.clone())).unwrap();
    ix.ready();
    let mut rng = Rng(42);
    let few: Vec<&storyline::entities::Entity> =
        a.entities.iter().filter(|e| e.aliases.len() <= 2).collect();
    let many: Vec<&storyline::entities::Entity> =
        a.entities.iter().filter(|e| e.aliases.len() >= 4).collect();
    let single: Vec<String> = (0..1000)
        .map(|_| {
            few[rng.below(few.len())]
                .aliases
                .first()
                .cloned()
                .unwrap_or_default()
        })
        .collect();
    let multi: Vec<String> = (0..1000)
        .map(|_| {
            let e = many[rng.below(many.len())];
            e.aliases[rng.below(e.aliases.len())].clone()
        })
        .collect();
    let mut phrases = Vec::new();
    while phrases.len() < 1000 {
        let words: Vec<String> = dict
            .words_tokens(&texts[rng.below(texts.len())])
            .into_iter()
            .map(|t| t.text)
            .filter(|w| {
                w.chars().count() >= 2 && w.chars().all(storyline::search::tokenize::is_han)
            })
            .collect();
        if words.len() >= 2 {
            let i = rng.below(words.len() - 1);
            phrases.push(format!("\"{} {}\"", words[i], words[i + 1]));
        }
    }
    // One Han char (not a figure the issue names): the char is matched as either char of a bigram,
    // a regex over the term dictionary.
    let chars: Vec<String> = (0..200)
        .map(|_| {
            let t = &texts[rng.below(texts.len())];
            let han: Vec<char> = t
                .chars()
                .filter(|&c| storyline::search::tokenize::is_han(c))
                .collect();
            han.get(rng.below(han.len()))
                .map(|c| c.to_string())
                .unwrap_or_else(|| "的".into())
        })
        .collect();
    println!(
        "queries: {} entities with <= 2 spellings, {} with >= 4; the index has {} segments",
        few.len(),
        many.len(),
        ix.segments()
    );
    for (name, qs) in [
        ("single name", &single),
        ("multi-spelling entity", &multi),
        ("two-word phrase", &phrases),
        ("one Han char", &chars),
    ] {
        let (times, hits) = time_queries(&ix, &a, qs);
        percentiles(name, times, hits);
    }

    let mut c = Criterion::default().configure_from_args();
    let req = |q: &str| SearchRequest {
        query: q.into(),
        limit: Some(20),
        ..SearchRequest::default()
    };
    let (s, m, p) = (req(&single[0]), req(&multi[0]), req(&phrases[0]));
    c.bench_function("search/single name", |b| {
        b.iter(|| ix.search(&a, black_box(&s)).unwrap())
    });
    c.bench_function("search/multi-spelling entity", |b| {
        b.iter(|| ix.search(&a, black_box(&m)).unwrap())
    });
    c.bench_function("search/two-word phrase", |b| {
        b.iter(|| ix.search(&a, black_box(&p)).unwrap())
    });
    c.bench_function("search/open existing index (tantivy)", |b| {
        b.iter(|| index::open_or_build(&dir, &fingerprint, &dict, &a, &Default::default()).unwrap())
    });
    c.final_summary();
}
