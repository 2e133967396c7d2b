//! The five real articles read all in simplified or all in traditional script give the same
//! publication dates and the same dated mentions (spans, ranges, future flags) as the originals:
//! dates do not depend on the script an outlet writes in.

use storyline::corpus::Corpus;
use storyline::text::{self, convert_script, ScriptChoice};
use storyline::time::{self, reference, Published, TimeMention};

fn analyse(raw: &str, meta: &storyline::corpus::ManifestEntry) -> (Published, Vec<TimeMention>) {
    let t = text::build(raw, storyline::corpus::SourceFormat::Text);
    let body = time::scan(&t.folded());
    let p = reference::publication(meta, &t, &body);
    (p.clone(), time::resolve(&body, p.date))
}

#[test]
fn dates_are_the_same_in_either_script() {
    let mut compared = 0;
    for a in &Corpus::embedded().articles {
        let (p0, d0) = analyse(&a.text, &a.meta);
        for choice in [ScriptChoice::Hans, ScriptChoice::Hant] {
            let converted = convert_script(&a.text, choice);
            assert_eq!(converted.chars().count(), a.text.chars().count());
            let (p1, d1) = analyse(&converted, &a.meta);
            assert_eq!(
                (p0.date, p0.precision, p0.inferred),
                (p1.date, p1.precision, p1.inferred),
                "{} {choice:?}",
                a.id
            );
            let key = |d: &[TimeMention]| {
                d.iter()
                    .map(|m| (m.span, m.range, m.future))
                    .collect::<Vec<_>>()
            };
            assert_eq!(key(&d0), key(&d1), "{} {choice:?}", a.id);
            compared += d0.len();
        }
    }
    assert!(compared > 40, "{compared}");
}
