//! Mention finding on a 50 MB corpus (the five real articles, repeated) with a 5,000-entry
//! gazetteer: the shipped entries plus synthetic people and companies in both scripts, each with
//! several spellings. Measures `Matcher::find` over every article's folded text on one core.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use storyline::corpus::Corpus;
use storyline::entities::matcher::{Matcher, Pattern};
use storyline::entities::Gazetteer;

const TARGET_BYTES: usize = 50 * 1024 * 1024;
const ENTRIES: usize = 5000;

fn synthetic_patterns() -> Vec<Pattern> {
    let gaz = Gazetteer::for_corpus(&Corpus::embedded()).0;
    let mut pats = Vec::new();
    for (i, e) in gaz.entries.iter().enumerate() {
        for s in e.spellings() {
            pats.push(Pattern {
                text: s,
                entity: i,
                scoped: false,
            });
        }
    }
    let first = [
        "Adrian", "Beatriz", "Chidi", "Dmitri", "Elif", "Farah", "Goran", "Hana", "Ivo", "Jun",
        "Kemal", "Lior", "Marta", "Noor", "Otto", "Priya",
    ];
    let last = [
        "Abara", "Brandt", "Castell", "Dorn", "Eklund", "Ferro", "Galli", "Hoss", "Ilves", "Juric",
        "Kade", "Lund", "Moreau", "Novak", "Orsi", "Pike", "Quist", "Rask", "Sorel", "Thorne",
    ];
    let sur = "王李張劉陳楊黃趙吳周徐孫馬朱胡郭何高林羅"
        .chars()
        .collect::<Vec<_>>();
    let given = "偉芳娜敏靜麗強磊軍洋勇艷傑娟濤明超秀霞平剛桂"
        .chars()
        .collect::<Vec<_>>();
    let tl = [
        "阿德", "貝特", "奇迪", "德米", "埃莉", "法拉", "戈蘭", "漢娜", "伊沃", "君恩", "凱末",
        "利奧",
    ];
    let tr = [
        "阿巴拉",
        "布蘭特",
        "卡斯特",
        "多恩",
        "埃克倫",
        "費羅",
        "加利",
        "霍斯",
        "伊爾韋",
        "尤里奇",
        "卡德",
        "倫德",
    ];
    let orgs = ["Robotics", "Labs", "Energy", "Capital", "Systems", "AI"];
    let mut n = gaz.entries.len();
    let mut k = 0usize;
    while n < ENTRIES {
        let f = first[k % first.len()];
        let l = last[(k / first.len()) % last.len()];
        let g = k / (first.len() * last.len());
        let zh = format!(
            "{}{}{}",
            sur[k % sur.len()],
            given[(k / sur.len()) % given.len()],
            given[(k / 7 + g) % given.len()]
        );
        let dotted = format!(
            "{}·{}{}",
            tl[k % tl.len()],
            tr[(k / tl.len()) % tr.len()],
            g
        );
        if k % 3 == 2 {
            let name = format!("{l}{g} {}", orgs[k % orgs.len()]);
            pats.push(Pattern {
                text: name,
                entity: n,
                scoped: false,
            });
            pats.push(Pattern {
                text: format!("{zh}公司"),
                entity: n,
                scoped: false,
            });
        } else {
            pats.push(Pattern {
                text: format!(
                    "{f} {l}{}",
                    if g > 0 { g.to_string() } else { String::new() }
                ),
                entity: n,
                scoped: false,
            });
            pats.push(Pattern {
                text: zh,
                entity: n,
                scoped: false,
            });
            pats.push(Pattern {
                text: dotted,
                entity: n,
                scoped: false,
            });
        }
        n += 1;
        k += 1;
    }
    pats
}

fn corpus() -> Vec<String> {
    let c = Corpus::embedded();
    let texts: Vec<String> = c
        .articles
        .iter()
        .map(|a| storyline::text::build(&a.text, a.format).folded())
        .collect();
    let mut out = Vec::new();
    let mut bytes = 0;
    while bytes < TARGET_BYTES {
        for t in &texts {
            bytes += t.len();
            out.push(t.clone());
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let pats = synthetic_patterns();
    let matcher = Matcher::new(&pats);
    let texts = corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    eprintln!(
        "{} spellings, {} articles, {:.1} MB",
        matcher.len(),
        texts.len(),
        bytes as f64 / 1e6
    );
    let mut g = c.benchmark_group("entities");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("find_mentions_50MB_5000_entries", |b| {
        b.iter(|| texts.iter().map(|t| matcher.find(t).len()).sum::<usize>())
    });
    g.finish();
    c.bench_function("build_matcher_5000_entries", |b| {
        b.iter(|| Matcher::new(&pats).len())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
