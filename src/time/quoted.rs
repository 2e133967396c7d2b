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
    // A quotation may hold sentences of its own, but not run past its paragraph.
    for paragraph in text.paragraphs.iter() {
        for quote in crate::text::marks::quoted_spans(text.slice(paragraph), paragraph.start) {
            if let Some(sentence) = text.sentence_at(quote.start) {
                anchor_one(exprs, dates, sentence, quote);
            }
        }
    }
}

/// The relative dates inside `quote` read against the last date to the day that `sentence` gives
/// before it opens, the day it was said.
fn anchor_one(exprs: &[Expr], dates: &mut [TimeMention], sentence: Span, quote: Span) {
    let said = Span::new(sentence.start, quote.start);
    let Some(day) = dates
        .iter()
        .rev()
        .find(|d| said.contains(d.span) && d.range.precision == Precision::Day)
        .map(|d| d.range.start)
    else {
        return;
    };
    for d in dates
        .iter_mut()
        .filter(|d| d.relative && quote.contains(d.span))
    {
        // The scan is in text order: its expressions at this start are few.
        let from = exprs.partition_point(|e| e.span.start < d.span.start);
        let Some(e) = exprs[from..]
            .iter()
            .take_while(|e| e.span.start == d.span.start)
            .find(|e| e.span == d.span)
        else {
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
