//! Body extraction: which lines of a page are the article and which are page furniture.
//!
//! Judged line by line from general signs, never from the text of particular pages:
//! - **shape**: a *body* line is a real paragraph (≥ 40 chars with a full stop, or long with
//!   several commas); a *heading* is a short line without a full stop directly followed by a body
//!   line; number-only lines (share and comment counters) and timestamp-only lines are widgets and
//!   datelines;
//! - **position**: the *head* (before the first body line) holds breadcrumbs, tags, datelines and
//!   slogans; the *tail* (after the last body line) holds widgets, ads and sidebars;
//! - **vocabulary** (`assets/text/furniture.txt`, matched on folded text): widget labels, "related"
//!   headers, breadcrumb labels and ad calls to action, each trusted only where the shape fits;
//! - **lists**: a "related" header swallows the headline list after it, up to the next body line (a
//!   heading just before that line stays); a run of headline lines with source and timestamp lines
//!   is a news list even without a header; either one reaching the end of the page takes the rest of
//!   the page with it (sidebar);
//! - **ads**: lines with a call to action, emoji bullets or arrows; in the head and tail the lines
//!   between two ad lines go with them;
//! - **repeats**: a later copy of the title (image alt text) and a truncated teaser (`…`) whose text
//!   the body repeats.
//!
//! A heading or the title is never taken by a single weak sign. If the rules would leave nothing,
//! every line is kept.

use super::fold::fold_str;
use super::CutReason;
use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

const VOCAB: &str = include_str!("../../assets/text/furniture.txt");

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    Widget,
    Related,
    Breadcrumb,
    Promo,
}

struct Vocab {
    ac: AhoCorasick,
    classes: Vec<Class>,
    lens: Vec<usize>,
    /// Each term's words (English terms are judged by words).
    words: Vec<usize>,
}

fn vocab() -> &'static Vocab {
    static V: OnceLock<Vocab> = OnceLock::new();
    V.get_or_init(|| {
        let mut class = None;
        let (mut pats, mut classes, mut lens, mut words) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for line in VOCAB.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            class = match line {
                "[widget]" => Some(Class::Widget),
                "[related]" => Some(Class::Related),
                "[breadcrumb]" => Some(Class::Breadcrumb),
                "[promo]" => Some(Class::Promo),
                _ => {
                    if let Some(c) = class {
                        let folded = fold_str(line);
                        lens.push(folded.chars().count());
                        words.push(folded.split_whitespace().count());
                        pats.push(folded);
                        classes.push(c);
                    }
                    continue;
                }
            };
        }
        let ac = AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&pats)
            .expect("furniture vocabulary builds");
        Vocab {
            ac,
            classes,
            lens,
            words,
        }
    })
}

/// What the classifier needs to know of one line.
pub struct LineInfo<'a> {
    /// The line without surrounding white space.
    pub text: &'a str,
    /// Its length in chars, after inline pinyin is left out.
    pub chars: usize,
}

#[derive(Default, Clone, Copy)]
struct Sign {
    blank: bool,
    body: bool,
    timestamp: bool,
    number: bool,
    full_stop_end: bool,
    breadcrumb: bool,
    widget: bool,
    /// The line is nothing but a widget label.
    widget_exact: bool,
    related: bool,
    promo: u8,
}

fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '·' | '●' | '▪' | '■' | '◆' | '-' | '–' | '—' | '*' | '・'
    ) || c.is_whitespace()
}

fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F300..=0x1FAFF | 0x2600..=0x27BF | 0x1F000..=0x1F2FF)
}

fn is_arrow(c: char) -> bool {
    matches!(c, '→' | '➜' | '►' | '▶' | '➡' | '⇒' | '👉' | '🔗' | '»')
}

/// A line that is only a date and/or a time: `18/07/2025`, `2025-07-17 07:13:09`, `2025年7月17日 07:13`.
fn is_timestamp(s: &str) -> bool {
    if s.len() > 40 {
        return false;
    }
    let (mut digits, mut other) = (0, 0);
    let mut runs = Vec::new();
    let mut run = 0;
    for c in s.chars() {
        if c.is_ascii_digit() {
            digits += 1;
            run += 1;
            continue;
        }
        if run > 0 {
            runs.push(run);
            run = 0;
        }
        if !matches!(
            c,
            '-' | '/'
                | '.'
                | ':'
                | ' '
                | '年'
                | '月'
                | '日'
                | '号'
                | '時'
                | '时'
                | '分'
                | '秒'
                | 'T'
                | '：'
        ) {
            other += 1;
        }
    }
    if run > 0 {
        runs.push(run);
    }
    other == 0 && digits >= 6 && runs.len() >= 3 && runs.contains(&4) && s.chars().count() <= 25
}

/// Fewest chars of a paragraph of Latin letters that has a full stop (two short sentences).
const LATIN_PARAGRAPH: usize = 100;

fn signs(line: &LineInfo, v: &Vocab) -> Sign {
    let t = line.text;
    let n = line.chars;
    if n == 0 {
        return Sign {
            blank: true,
            ..Sign::default()
        };
    }
    let core = t.trim_start_matches(is_bullet).trim_end();
    // Body lines are most of the text: decide them with substring searches, not a char loop.
    let full_stop = t.contains('。') || t.contains('．') || t.contains(". ") || t.ends_with('.');
    // An English word is several chars: a line of Latin letters needs more of them to be a
    // paragraph (a one-sentence notice such as "This is a BETA experience. You may opt-out" is not).
    let latin = t.bytes().filter(u8::is_ascii_alphabetic).count() * 2 > n;
    let min_sentence = if latin { LATIN_PARAGRAPH } else { 40 };
    let body = n >= 150
        || (n >= min_sentence && full_stop)
        || (n >= 80
            && t.chars()
                .filter(|c| matches!(c, '，' | ',' | '；' | ';' | '、'))
                .count()
                >= 2);
    let mut s = Sign {
        body,
        full_stop_end: super::marks::ends_with_full_stop(t),
        timestamp: is_timestamp(core),
        number: !core.is_empty() && core.len() <= 6 && core.bytes().all(|b| b.is_ascii_digit()),
        ..Sign::default()
    };
    if body || n > 60 {
        return s;
    }
    let seps = t.matches(" > ").count()
        + t.matches('›').count()
        + t.matches(" » ").count()
        + t.matches('＞').count();
    s.breadcrumb = seps >= 2;
    let folded = fold_str(core);
    let core_n = folded.chars().count();
    // What a term leaves of the line: chars beside Han terms, words beside English ones ("More
    // From Forbes" is the header "more from" and one word).
    let words_n = if latin {
        folded.split_whitespace().count()
    } else {
        0
    };
    let rest_of = |p: usize| {
        if latin {
            words_n.saturating_sub(v.words[p])
        } else {
            core_n.saturating_sub(v.lens[p])
        }
    };
    let mut promo_terms: Vec<usize> = Vec::new();
    let (widget_rest, related_rest) = if latin { (1, 2) } else { (3, 2) };
    // What the widget labels together leave of the line (正文内容 评论(0: two labels and a count).
    let mut widget_cover = 0;
    for m in v.ac.find_iter(&folded) {
        let p = m.pattern().as_usize();
        let rest = rest_of(p);
        match v.classes[p] {
            Class::Widget if rest <= widget_rest => {
                s.widget = true;
                s.widget_exact |= rest == 0;
            }
            Class::Widget => {
                widget_cover += if latin { v.words[p] } else { v.lens[p] };
                let left = if latin { words_n } else { core_n }.saturating_sub(widget_cover);
                if left <= widget_rest {
                    s.widget = true;
                }
            }
            Class::Related if rest <= related_rest => s.related = true,
            Class::Breadcrumb => s.breadcrumb = true,
            Class::Promo if !promo_terms.contains(&p) => promo_terms.push(p),
            _ => {}
        }
    }
    let (mut emoji, mut arrow) = (0, false);
    for c in t.chars().filter(|c| !c.is_ascii()) {
        emoji += usize::from(is_emoji(c));
        arrow |= is_arrow(c);
    }
    let emoji_led = t.chars().next().is_some_and(is_emoji);
    s.promo = promo_terms.len().min(3) as u8 + u8::from(emoji_led || emoji >= 2) + u8::from(arrow);
    s
}

/// The judgement on a page's lines.
pub struct Verdict {
    /// The reason each line is furniture, or `None` for article lines (and blank lines).
    pub reasons: Vec<Option<CutReason>>,
    /// The line holding the article's title, if one has a title's shape and place.
    pub title: Option<usize>,
}

pub fn classify(lines: &[LineInfo]) -> Verdict {
    let v = vocab();
    let sg: Vec<Sign> = lines.iter().map(|l| signs(l, v)).collect();
    let n = lines.len();
    let mut out: Vec<Option<CutReason>> = vec![None; n];
    let first_body = sg.iter().position(|s| s.body);
    let last_body = sg.iter().rposition(|s| s.body);
    let next_nonblank = |i: usize| (i + 1..n).find(|&j| !sg[j].blank);
    let is_heading = |i: usize| {
        let s = &sg[i];
        !s.blank
            && !s.body
            && !s.full_stop_end
            && !s.timestamp
            && lines[i].chars <= super::marks::HEADING_CHARS
            && next_nonblank(i).is_some_and(|j| sg[j].body)
    };
    let in_head = |i: usize| first_body.is_some_and(|f| i < f);
    let in_tail = |i: usize| last_body.is_some_and(|l| i > l);

    // Single-line signs.
    for i in 0..n {
        let s = &sg[i];
        if s.blank || s.body {
            continue;
        }
        if s.number || s.widget_exact || (s.widget && !is_heading(i)) {
            out[i] = Some(CutReason::Widget);
        } else if s.breadcrumb && (in_head(i) || first_body.is_none()) {
            out[i] = Some(CutReason::Breadcrumb);
        } else if s.timestamp {
            out[i] = Some(CutReason::Dateline);
        }
    }

    // A page of Latin letters with next to no Han is an English page: its headline is words.
    // Counted in bytes: the lead byte of a three-byte char from U+3000 to U+9FFF (CJK) stands for
    // a Han char here, close enough to weigh letters against.
    let (cjk, letters) = lines.iter().fold((0, 0), |(h, l), line| {
        line.text.bytes().fold((h, l), |(h, l), b| {
            (
                h + usize::from((0xE3..=0xE9).contains(&b)),
                l + usize::from(b.is_ascii_alphabetic()),
            )
        })
    });
    let english_page = letters > 20 * cjk;
    // The title: the first line above the article with a headline's shape. Page furniture that
    // slips through the other signs (a channel name, a weather box, a menu) has none.
    let title = (0..n)
        .filter(|&i| !sg[i].blank && out[i].is_none() && !in_tail(i))
        .take_while(|&i| first_body.is_none_or(|f| i <= f))
        .find(|&i| {
            let s = &sg[i];
            !s.body
                && !s.full_stop_end
                && !s.timestamp
                && s.promo == 0
                && if english_page {
                    lines[i].chars <= 160 && english_headline(lines[i].text)
                } else {
                    lines[i].chars <= 80 && headline_shape(lines[i].text)
                }
        });
    if let Some(t) = title {
        for i in t + 1..n {
            if out[i].is_none() && !sg[i].blank && lines[i].text == lines[t].text {
                out[i] = Some(CutReason::RepeatedTitle);
            }
        }
    }
    teasers(lines, &sg, &mut out);

    // "Related" headers and the headline lists they introduce.
    let mut i = 0;
    while i < n {
        if sg[i].related && !sg[i].body && !is_heading(i) && Some(i) != title {
            let mut j = i + 1;
            let mut end = n;
            while j < n {
                if sg[j].body || is_heading(j) {
                    end = j;
                    break;
                }
                j += 1;
            }
            let reason = if end == n {
                CutReason::Sidebar
            } else {
                CutReason::Related
            };
            for k in i..end {
                if !sg[k].blank {
                    out[k] = Some(reason);
                }
            }
            i = end;
            continue;
        }
        i += 1;
    }

    news_lists(lines, &sg, &mut out, &is_heading);

    // Ads: strong anywhere, weak only in the head and tail.
    for i in 0..n {
        let s = &sg[i];
        if s.blank || s.body || out[i].is_some() {
            continue;
        }
        let zone = (in_head(i) || in_tail(i)) && Some(i) != title && !is_heading(i);
        if s.promo >= 2 || (s.promo >= 1 && zone) {
            out[i] = Some(CutReason::Promo);
        }
    }
    fill_ad_blocks(&sg, &mut out, first_body, last_body, title, &is_heading);

    // Tags and stray bits above the article: tiny lines that are neither title nor heading.
    for i in 0..n {
        if in_head(i)
            && out[i].is_none()
            && !sg[i].blank
            && lines[i].chars <= 4
            && Some(i) != title
            && !is_heading(i)
        {
            out[i] = Some(CutReason::Widget);
        }
    }

    if (0..n).all(|i| sg[i].blank || out[i].is_some()) {
        return Verdict {
            reasons: vec![None; n],
            title,
        };
    }
    Verdict {
        reasons: out,
        title,
    }
}

/// Fewest Han chars a headline has.
const HEADLINE_HAN: usize = 6;

/// Does a line read as a headline: words (at least six Han chars, which make half of what is not
/// space, or three quarters with Latin letters), and none of the marks of menus, breadcrumbs and widgets (`|`, `>`, `»`, `[`, `°`, `首页 - 财经 - …`)?
pub fn headline_shape(text: &str) -> bool {
    let han = text.chars().filter(|&c| crate::text::is_han(c)).count();
    let letters = text.chars().filter(|c| c.is_ascii_alphabetic()).count();
    let visible = text.chars().filter(|c| !c.is_whitespace()).count();
    han >= HEADLINE_HAN
        && (han * 2 >= visible || (han + letters) * 4 >= visible * 3)
        && !text.contains(['|', '｜', '>', '»', '[', '°', '•'])
        && text.matches(" - ").count() < 2
}

/// Fewest words an English headline has.
const HEADLINE_WORDS: usize = 4;

/// Does a line read as an English headline: at least four words, Latin letters three quarters of
/// what is not space, and none of the marks of menus and widgets.
fn english_headline(text: &str) -> bool {
    let letters = text.bytes().filter(u8::is_ascii_alphabetic).count();
    let visible = text.chars().filter(|c| !c.is_whitespace()).count();
    text.split_whitespace()
        .filter(|w| w.bytes().any(|b| b.is_ascii_alphabetic()))
        .count()
        >= HEADLINE_WORDS
        && letters * 4 >= visible * 3
        && !text.contains(['|', '｜', '>', '»', '[', '°', '•'])
        && text.matches(" - ").count() < 2
}

/// A truncated teaser (ending in an ellipsis) whose text the page goes on to repeat in full.
fn teasers(lines: &[LineInfo], sg: &[Sign], out: &mut [Option<CutReason>]) {
    for i in 0..lines.len() {
        let t = lines[i].text;
        if sg[i].blank || out[i].is_some() || !(t.ends_with("...") || t.ends_with('…')) {
            continue;
        }
        let stem = t.trim_end_matches(['.', '…']);
        let chars: Vec<char> = stem.chars().collect();
        if chars.len() < 12 {
            continue;
        }
        let probe: String = chars[chars.len() - 12..].iter().collect();
        // The full text follows soon after a teaser; looking further would cost quadratic time.
        if lines[i + 1..]
            .iter()
            .take(40)
            .any(|l| l.text.contains(&probe))
        {
            out[i] = Some(CutReason::Teaser);
        }
    }
}

/// Runs of headline / source / timestamp lines with no header: other articles' listings.
fn news_lists(
    lines: &[LineInfo],
    sg: &[Sign],
    out: &mut [Option<CutReason>],
    is_heading: &dyn Fn(usize) -> bool,
) {
    let n = lines.len();
    let mut i = 0;
    while i < n {
        if sg[i].body {
            i += 1;
            continue;
        }
        // A run of non-body lines [i, j).
        let mut j = i;
        while j < n && !sg[j].body {
            j += 1;
        }
        let stamps: Vec<usize> = (i..j).filter(|&k| sg[k].timestamp).collect();
        // A listed timestamp has a headline (≥ 8 chars) within the three lines above it.
        let listed: Vec<usize> = stamps
            .iter()
            .copied()
            .filter(|&k| {
                (k.saturating_sub(4).max(i)..k).any(|h| !sg[h].timestamp && lines[h].chars >= 8)
            })
            .collect();
        if listed.len() >= 2 {
            let first = listed[0];
            let start = (first.saturating_sub(4).max(i)..first)
                .find(|&h| !sg[h].blank && lines[h].chars >= 8)
                .unwrap_or(first);
            let (end, reason) = if j == n {
                (n, CutReason::Sidebar)
            } else {
                let mut e = j;
                while e > start && (sg[e - 1].blank || is_heading(e - 1)) {
                    e -= 1;
                }
                (e, CutReason::Related)
            };
            for k in start..end {
                if !sg[k].blank {
                    out[k] = Some(reason);
                }
            }
        }
        i = j;
    }
}

/// In the head and tail, everything between two ad lines is part of the same ad.
fn fill_ad_blocks(
    sg: &[Sign],
    out: &mut [Option<CutReason>],
    first_body: Option<usize>,
    last_body: Option<usize>,
    title: Option<usize>,
    is_heading: &dyn Fn(usize) -> bool,
) {
    let n = sg.len();
    let zones = [
        (0, first_body.unwrap_or(0)),
        (last_body.map_or(n, |l| l + 1), n),
    ];
    for (a, b) in zones {
        let ads: Vec<usize> = (a..b)
            .filter(|&i| out[i] == Some(CutReason::Promo))
            .collect();
        if let (Some(&lo), Some(&hi)) = (ads.first(), ads.last()) {
            for i in lo..hi {
                if out[i].is_none() && !sg[i].blank && Some(i) != title && !is_heading(i) {
                    out[i] = Some(CutReason::Promo);
                }
            }
        }
    }
}
