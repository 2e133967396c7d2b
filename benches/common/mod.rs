//! Synthetic corpora for benchmarks, generated from the five real articles by varying names, years,
//! months and the order of paragraphs, so that every generated article is different text that the
//! pipeline has to work through (no two identical documents to short-cut).
#![allow(dead_code)]

const REAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/articles");

pub fn real_articles() -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(REAL)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// Small deterministic generator (xorshift), so runs are comparable.
pub struct Rng(u64);
impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const SURNAMES: &[&str] = &[
    "李", "王", "張", "劉", "陳", "楊", "黃", "趙", "吳", "周", "徐", "孫", "馬", "朱", "胡", "郭",
];
const GIVEN: &[&str] = &[
    "偉", "芳", "娜", "敏", "靜", "麗", "強", "磊", "軍", "洋", "勇", "艷", "傑", "濤", "明", "超",
];
const SWAPPED: &[&str] = &["汪滔", "汪韬", "龐若鳴", "陈信翰", "陳信翰"];

/// `n` articles: each a real one with names swapped, years and months moved, paragraphs rotated.
pub fn generate(n: usize, seed: u64) -> Vec<(String, String)> {
    let real = real_articles();
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|i| {
            let base = &real[i % real.len()];
            let mut text = base.clone();
            for name in SWAPPED {
                let new = format!(
                    "{}{}{}",
                    SURNAMES[rng.below(SURNAMES.len() as u64) as usize],
                    GIVEN[rng.below(GIVEN.len() as u64) as usize],
                    GIVEN[rng.below(GIVEN.len() as u64) as usize]
                );
                text = text.replace(name, &new);
            }
            let dy = rng.below(8) as i32 - 4;
            for y in (2020..2030).rev() {
                text = text.replace(&format!("{y}年"), &format!("{}年", y + dy));
            }
            let dm = rng.below(5) as u32;
            for m in (1..=12u32).rev() {
                let nm = (m + dm - 1) % 12 + 1;
                text = text.replace(&format!("年{m}月"), &format!("年{nm}月#"));
            }
            text = text.replace("月#", "月");
            (
                format!("{i:05}.txt"),
                rotated(&text, 10, 3 + rng.below(4) as usize),
            )
        })
        .collect()
}

const EVAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/eval/stories");

/// The English articles of the evaluation corpus (Latin letters, next to no Han).
pub fn real_english_articles() -> Vec<String> {
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(EVAL)
        .into_iter()
        .flatten()
        .flatten()
        .flat_map(|story| {
            std::fs::read_dir(story.path())
                .into_iter()
                .flatten()
                .flatten()
        })
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .filter(|t| {
            let latin = t.chars().filter(|c| c.is_ascii_alphabetic()).count();
            let han = t
                .chars()
                .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
                .count();
            latin >= 200 && han * 20 < latin
        })
        .collect()
}

/// `text` with its lines after the first three rotated by `k`, when it has more than `min` lines.
fn rotated(text: &str, min: usize, k: usize) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    if lines.len() > min {
        let len = lines.len();
        lines[3..].rotate_left(k.min(len - 4));
    }
    lines.join("\n")
}

/// The English name of month `m` (0 = January).
fn month_name(m: usize) -> &'static str {
    chrono::Month::try_from(m as u8 + 1)
        .map(|m| m.name())
        .unwrap_or("January")
}

/// `n` English articles: each a real one with years and months moved and paragraphs rotated.
pub fn generate_english(n: usize, seed: u64) -> Vec<(String, String)> {
    let real = real_english_articles();
    assert!(!real.is_empty(), "no English articles under {EVAL}");
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|i| {
            let mut text = real[i % real.len()].clone();
            let dy = rng.below(8) as i32 - 4;
            for y in (2015..2030).rev() {
                text = text.replace(&format!("{y}"), &format!("{}#", y + dy));
            }
            text = text.replace('#', "");
            let dm = rng.below(5) as usize;
            for m in (0..12).rev() {
                text = text.replace(month_name(m), &format!("{}@", month_name((m + dm) % 12)));
            }
            text = text.replace('@', "");
            (
                format!("{i:05}.txt"),
                rotated(&text, 6, 2 + rng.below(3) as usize),
            )
        })
        .collect()
}
