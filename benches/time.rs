//! Tagging throughput of the dates stage on a 50 MB corpus: the five embedded articles' folded texts
//! repeated until they weigh 50 MB, each tagged (scan, publication date, resolve) as the pipeline does.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use storyline::corpus::Corpus;
use storyline::text;
use storyline::time::{self, reference};

const TARGET: usize = 50 * 1024 * 1024;

fn corpus() -> Vec<text::ArticleText> {
    let c = Corpus::embedded();
    let base: Vec<text::ArticleText> = c
        .articles
        .iter()
        .map(|a| text::build(&a.text, a.format))
        .collect();
    let mut out = Vec::new();
    let mut bytes = 0;
    while bytes < TARGET {
        for t in &base {
            bytes += t.display.len();
            out.push(t.clone());
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let texts = corpus();
    let metas = Corpus::embedded()
        .articles
        .into_iter()
        .map(|a| a.meta)
        .collect::<Vec<_>>();
    // Folded once here: the figure is the tagger's, not folding's.
    let folded: Vec<String> = texts.iter().map(|t| t.folded()).collect();
    let bytes: usize = folded.iter().map(String::len).sum();
    let mut g = c.benchmark_group("time");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("tag_50MB", |b| {
        b.iter(|| {
            let mut n = 0;
            for (i, t) in texts.iter().enumerate() {
                let scanned = time::scan(&folded[i]);
                let p = reference::publication(&metas[i % metas.len()], t, &scanned);
                n += time::resolve(&scanned, p.date).len();
            }
            black_box(n)
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
