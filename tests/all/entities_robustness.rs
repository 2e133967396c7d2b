//! Whatever the text — stray brackets, lone dots, mixed scripts, half a gloss at the end — entity
//! resolution returns spans inside the text that spell one of their entity's names, and never panics.

use proptest::prelude::*;
use storyline::corpus::SourceFormat;
use storyline::entities::{self, Gazetteer};
use storyline::text::{self, fold_str};

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("扎克伯格".to_string()),
        Just("紥尅伯格".to_string()),
        Just("Meta".to_string()),
        Just("Metaverse".to_string()),
        Just("(".to_string()),
        Just("（".to_string()),
        Just(")".to_string()),
        Just("·".to_string()),
        Just("《".to_string()),
        Just("》".to_string()),
        Just("社".to_string()),
        Just("執行長".to_string()),
        Just(" ".to_string()),
        Just("「".to_string()),
        Just("」".to_string()),
        Just("Jason Wei".to_string()),
        Just("納特·弗里德曼(Nat Friedman)".to_string()),
        Just("汪滔(".to_string()),
        "[a-zA-Z ]{0,8}",
        "[\\u4e00-\\u9fa5]{0,4}",
        ".{0,3}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn spans_are_in_bounds_and_spell_their_entity(parts in prop::collection::vec(piece(), 0..30)) {
        let s: String = parts.concat();
        let t = text::build(&s, SourceFormat::Text);
        for gaz in [Gazetteer::embedded(), Gazetteer::empty()] {
            let (es, ms) = entities::resolve(&gaz, &[&t]);
            for m in &ms {
                prop_assert!(m.span().start < m.span().end && m.span().end <= t.len());
                let shown = fold_str(t.slice(m.span()));
                prop_assert!(es[m.entity()].folded_aliases().contains(&shown), "{} not a spelling of {}", shown, es[m.entity()].id);
            }
            // Mentions never overlap.
            let mut spans: Vec<_> = ms.iter().map(|m| m.span()).collect();
            spans.sort();
            for w in spans.windows(2) {
                prop_assert!(w[0].end <= w[1].start);
            }
        }
    }
}
