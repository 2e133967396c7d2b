//! Throughput of the text stage on a 50 MB corpus (the five real articles repeated): folding alone
//! (target ≥ 50 MB/s on one core), and the whole build — body extraction, pinyin, sentence
//! splitting, folding, offset maps — (target ≥ 20 MB/s). Throughput is reported in bytes of input.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use storyline::corpus::{Corpus, SourceFormat};
use storyline::text::{build, fold_str};

const TARGET_BYTES: usize = 50 * 1000 * 1000;

fn corpus_50mb() -> String {
    let articles: Vec<String> = Corpus::embedded()
        .articles
        .into_iter()
        .map(|a| a.text.to_string())
        .collect();
    let mut out = String::with_capacity(TARGET_BYTES + 20_000);
    while out.len() < TARGET_BYTES {
        for a in &articles {
            out.push_str(a);
            out.push('\n');
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let text = corpus_50mb();
    // One article at a time, as the pipeline builds them, and the same bytes in total.
    let articles: Vec<String> = Corpus::embedded()
        .articles
        .into_iter()
        .map(|a| a.text.to_string())
        .collect();
    let per_round: usize = articles.iter().map(|a| a.len()).sum();
    let rounds = text.len() / per_round;

    let mut g = c.benchmark_group("text");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("fold_50MB", |b| {
        b.iter(|| black_box(fold_str(black_box(&text))))
    });
    g.bench_function("build_50MB_as_one_text", |b| {
        b.iter(|| black_box(build(black_box(&text), SourceFormat::Text)))
    });
    g.throughput(Throughput::Bytes((per_round * rounds) as u64));
    g.bench_function("build_50MB_article_by_article", |b| {
        b.iter(|| {
            for _ in 0..rounds {
                for a in &articles {
                    black_box(build(black_box(a), SourceFormat::Text));
                }
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
