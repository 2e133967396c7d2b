//! Untrusted text against the parsers that read it: pages built to be slow, and a million
//! generated inputs for each parser (the date tagger, the body extractor for text and for HTML,
//! the manifest and gazetteer readers, the search query parser). Prints, per parser, how many
//! inputs ran, that none panicked, and the slowest input's time per KB. A panic stops the run with
//! the input that caused it. Run with `cargo bench -p storyline --bench hostile` (INPUTS=N per
//! parser; default 1,000,000).

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, TestRunner};
use std::time::{Duration, Instant};
use storyline::corpus::SourceFormat;

fn main() {
    pages();
    let n: usize = std::env::var("INPUTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let aliases = storyline::search::query::Aliases::new(&[]);
    let dict = storyline::search::tokenize::Dictionary::new(aliases.all());
    fuzz("date tagger (time::tag)", n, text(), |s| {
        storyline::time::tag(s, chrono::NaiveDate::from_ymd_opt(2024, 3, 1));
    });
    fuzz("body extractor, text (text::build)", n, text(), |s| {
        storyline::text::build(s, SourceFormat::Text);
    });
    fuzz("HTML reader (text::build)", n, html(), |s| {
        storyline::text::build(s, SourceFormat::Html);
    });
    fuzz("manifest reader", n, toml(), |s| {
        let _ = storyline::corpus::manifest_entries(s.as_bytes(), "manifest.toml".as_ref());
    });
    fuzz("gazetteer reader", n, toml(), |s| {
        let _ = storyline::entities::Gazetteer::parse(s, "gazetteer.toml");
    });
    fuzz("search query parser", n, text(), |s| {
        storyline::search::query::parse(s, &aliases, &dict, storyline::search::query::Runs::Whole);
        storyline::search::query::parse(s, &aliases, &dict, storyline::search::query::Runs::Split);
    });
}

/// Pages built to be slow: deep nesting, unclosed tags, one enormous line.
fn pages() {
    let nested = format!(
        "<html><body>{}<p>深處的文字，2024年3月1日。</p>{}</body></html>",
        "<div>".repeat(20_000),
        "</div>".repeat(20_000)
    );
    let styles = format!(
        "<html><body><p>正文，2024年3月1日。</p>{}</body></html>",
        "<style>x".repeat(80_000)
    );
    let unclosed = format!("<html><body>{}</body></html>", "<p>段落".repeat(50_000));
    let line = format!("<p>{}</p>", "字".repeat(1_000_000));
    for (name, page) in [
        ("20,000 nested <div>s", nested),
        ("80,000 unclosed <style>s", styles),
        ("50,000 unclosed <p>s", unclosed),
        ("a line of 1,000,000 chars", line),
    ] {
        let t = Instant::now();
        let text = storyline::text::build(&page, SourceFormat::Html);
        let took = t.elapsed();
        println!(
            "page of {name}: {:.0} KB read in {:.0} ms = {:.2} s per MB ({} chars of text)",
            page.len() as f64 / 1024.0,
            took.as_secs_f64() * 1e3,
            took.as_secs_f64() / (page.len() as f64 / 1e6),
            text.display.chars().count()
        );
    }
}

/// Run `parse` over `n` inputs drawn from `strategy`; print the count and the slowest per KB.
fn fuzz(name: &str, n: usize, strategy: impl Strategy<Value = String>, parse: impl Fn(&str)) {
    let mut runner = TestRunner::new(Config::default());
    let started = Instant::now();
    let mut slowest = (Duration::ZERO, 0usize);
    let mut bytes = 0usize;
    for _ in 0..n {
        let input = strategy.new_tree(&mut runner).expect("an input").current();
        let t = Instant::now();
        if let Err(e) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parse(&input))) {
            eprintln!("{name} panicked on {input:?}");
            std::panic::resume_unwind(e);
        }
        let took = t.elapsed();
        // Per KB, with a floor of 1 KB: small inputs are judged as if they were 1 KB.
        let per_kb = took.as_secs_f64() / (input.len() as f64 / 1024.0).max(1.0);
        if per_kb > slowest.0.as_secs_f64() {
            slowest = (Duration::from_secs_f64(per_kb), input.len());
        }
        bytes += input.len();
    }
    println!(
        "{name}: {n} inputs ({:.1} MB) in {:.1} s, no panic; slowest {:.2} ms per KB (an input of {} bytes)",
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        slowest.0.as_secs_f64() * 1e3,
        slowest.1
    );
}

/// News-like text: Chinese, digits, date words, punctuation and markup-ish noise, any mix.
fn text() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "([0-9０-９一二三四五六七八九十廿卅百千萬年月日號号時点點分秒週周星期禮拜今明昨前後上下本去這個初底中旬季度半民國\
         公司宣布表示據報導記者：，。「」『』（）()《》、；？！\\-/\\.:\\n\\r\\t a-zA-Z\"'<>&#]|\\PC){0,200}",
    )
    .expect("a valid pattern")
}

/// Markup: tags, attributes, entities, scripts and styles, and text between, any nesting.
fn html() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "(<(/?)(div|p|br|script|style|title|h1|article|span|a|li|ul|meta|noscript)( class=\"[a-z ]{0,12}\")?/?>|&(amp|lt|gt|nbsp|#39|quot);|[^<&]{0,20}|<!--|-->|<!\\[CDATA\\[|<){0,80}",
    )
    .expect("a valid pattern")
}

/// TOML-like text: tables, keys, strings, arrays, and broken versions of each.
fn toml() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "(\\[{1,2}(articles|entities|people|companies)(\\.[a-z0-9\"]{0,8})?\\]{0,2}\\n|[a-z_]{1,8} = (\"[^\"\\n]{0,16}\"?|[0-9\\-]{1,10}|\\[[^\\]\\n]{0,16}\\]?|true)\\n|#[^\\n]{0,10}\\n|\\PC{0,6}){0,20}",
    )
    .expect("a valid pattern")
}
