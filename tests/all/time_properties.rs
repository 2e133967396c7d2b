//! Property tests: any text, any reference date — the tagger never panics, every range has
//! start ≤ end, every span lies inside the text, mentions come in order without overlapping; and a
//! publication date can be worked out for any raw text.

use chrono::NaiveDate;
use proptest::prelude::*;
use storyline::corpus::{ManifestEntry, SourceFormat};
use storyline::text;
use storyline::time::{self, reference};

fn check(s: &str, days: i32) -> Result<(), TestCaseError> {
    let reference = NaiveDate::from_num_days_from_ce_opt(days);
    let n = s.chars().count();
    let found = time::tag(s, reference);
    let mut last = 0;
    for m in &found {
        prop_assert!(m.range.start <= m.range.end, "{m:?}");
        prop_assert!(m.span.start < m.span.end && m.span.end <= n, "{m:?} in {n}");
        prop_assert!(m.span.start >= last, "overlap {m:?}");
        last = m.span.end;
        let _ = (
            time::edtf(&m.range),
            time::label_en(&m.range),
            time::label_zh(&m.range),
        );
    }
    Ok(())
}

proptest! {
    #[test]
    fn any_string(s in any::<String>(), days in 1i32..900_000) {
        check(&s, days)?;
    }

    #[test]
    fn date_like_strings(s in "[0-9年月日号號周週星期天一二三四五六七八九十〇零两上下本今去前明近过過去个個旬季度第首Qq/\\-.: ，,。初底末中份最后後]{0,40}", days in 690_000i32..750_000) {
        check(&s, days)?;
    }

    #[test]
    fn publication_of_any_text(s in "[0-9年月日/\\-: \n消息電电今去周一近]{0,80}") {
        let t = text::build(&s, SourceFormat::Text);
        let body = time::scan(&t.folded());
        let p = reference::publication(&ManifestEntry::default(), &t, &body);
        let _ = time::resolve(&body, p.date);
    }
}
