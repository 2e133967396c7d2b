//! Relative dates inside a quotation, read against the day the quotation was said.
//!
//! An article of January that recalls a statement of 19 December (台積電去年12月19日宣布:「…將於
//! 明年股東大會後退休」) quotes words whose 明年, 今天 and 下個月 were written on 19 December, not
//! on the article's day. A relative date inside quotation marks is read again against the day the
//! sentence gives before the quotation opens, when it gives one to the day; otherwise the article's
//! reading stands.

use super::scan::Expr;
use super::{resolve, Precision, TimeMention};
use crate::text::{ArticleText, Span};

/// Re-read `dates` (resolved from `exprs` against the article) where a relative one sits inside a
/// quotation whose sentence dates the saying.
pub fn anchor_quoted(text: &ArticleText, exprs: &[Expr], dates: &mut [TimeMention]) {
    if !dates.iter().any(|d| d.relative) {
        return;
    }
    for (open, close) in quotations(&text.display) {
        let inside = Span::new(open + 1, close);
        let Some(sentence) = text.sentence_at(open) else {
            continue;
        };
        let said = Span::new(sentence.start, open);
        // The saying's own day: the last date to the day before the quotation opens.
        let Some(day) = dates
            .iter()
            .rev()
            .find(|d| said.contains(d.span) && d.range.precision == Precision::Day)
            .map(|d| d.range.start)
        else {
            continue;
        };
        for d in dates
            .iter_mut()
            .filter(|d| d.relative && inside.contains(d.span))
        {
            let Some(e) = exprs.iter().find(|e| e.span == d.span) else {
                continue;
            };
            if let Some(again) = resolve(std::slice::from_ref(e), Some(day))
                .into_iter()
                .next()
            {
                *d = TimeMention {
                    span: d.span,
                    ..again
                };
            }
        }
    }
}

/// (open, close) char offsets of each outermost pair of 「」 or “” in `display`.
fn quotations(display: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (k, c) in display.chars().enumerate() {
        match (open, c) {
            (None, '「') => open = Some((k, '」')),
            (None, '“') => open = Some((k, '”')),
            (Some((o, close)), c) if c == close => {
                out.push((o, k));
                open = None;
            }
            // A paragraph ends any quotation the page forgot to close.
            (Some(_), '\n') => open = None,
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::SourceFormat;

    fn read(article: &str) -> Vec<(String, String)> {
        let text = crate::text::build(article, SourceFormat::Text);
        let exprs = super::super::scan(&text.folded());
        let reference = chrono::NaiveDate::from_ymd_opt(2024, 1, 18);
        let mut dates = resolve(&exprs, reference);
        anchor_quoted(&text, &exprs, &mut dates);
        dates
            .iter()
            .map(|d| (text.slice(d.span).to_string(), d.range.start.to_string()))
            .collect()
    }

    #[test]
    fn a_quoted_next_year_is_counted_from_the_day_it_was_said() {
        let dates =
            read("台積電\n台積電去年12月19日宣布:「董事長將於明年6月退休。」今天股價上漲。\n");
        assert!(
            dates.contains(&("明年6月".into(), "2024-06-01".into())),
            "{dates:?}"
        );
        // Outside the quotation the article's own day still counts.
        assert!(
            dates.contains(&("今天".into(), "2024-01-18".into())),
            "{dates:?}"
        );
    }

    #[test]
    fn a_quotation_with_no_day_before_it_keeps_the_article_reading() {
        let dates = read("台積電\n董事長在去年的聲明中表示:「明年6月我將退休。」\n");
        assert!(
            dates.contains(&("明年6月".into(), "2025-06-01".into())),
            "{dates:?}"
        );
    }
}
