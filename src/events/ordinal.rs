//! Which time or stage of its kind a telling says a happening is: 第二次正式辩论, 第2次表決,
//! 二度提出抗告, 首次會議, 再次裁定; 決賽, 準決賽, 16強賽. The first and the second hearing of a
//! case share their kind, their court and often their week, and so do a player's semi-final and
//! final; without this they would merge. Two tellings that give different times, or different
//! stages, are two happenings. A telling that gives none fits any, and a time fits any stage (they
//! count different things).
//!
//! A stage reached (打进金牌战, reaching the final) tells of the round before it, the one that won
//! it. The words are data in `assets/lexicon/events.toml` (`[cues]`: `first_time`, `again`,
//! `ordinal_measures`, `stages`, `reaching`); the numerals are the date reader's
//! (`time::numerals`).

use super::lexicon::Lexicon;
use crate::time::numerals;

/// A telling's time or stage of its kind: `NONE` when it gives none, `AGAIN` when it says only
/// that it is not the first (再次), a stage from `STAGE` on, else the number.
pub type Ordinal = u8;
pub const NONE: Ordinal = 0;
pub const AGAIN: Ordinal = u8::MAX;
/// The first stage's value: `STAGE + k` is stage `k` of the lexicon's list.
pub const STAGE: Ordinal = 200;

/// The first stages of the lexicon's list are the knockout rounds, final first, each the one after
/// the next.
const KNOCKOUT_ROUNDS: u8 = 5;

fn is_stage(o: Ordinal) -> bool {
    (STAGE..AGAIN).contains(&o)
}

/// The first time or stage the folded `clause` gives, in its own words.
pub fn find(lex: &Lexicon, clause: &str) -> Ordinal {
    let t: Vec<char> = clause.chars().collect();
    for i in 0..t.len() {
        if let Some(&stage) = lex
            .stages
            .starting_at(&t, i)
            .find_map(|(w, _)| lex.stage_of.get(w))
        {
            // 打进金牌战, 晋级了8强赛: the round won is the one before the stage reached.
            let linked = if matches!(t.get(i.wrapping_sub(1)), Some('了' | '到')) {
                i - 1
            } else {
                i
            };
            let stage = if lex.reaching.any_ends_at(&t, linked) {
                if stage + 1 >= KNOCKOUT_ROUNDS {
                    return NONE;
                }
                stage + 1
            } else {
                stage
            };
            return STAGE.saturating_add(stage).min(AGAIN - 1);
        }
        if lex.first_time.any_starts_at(&t, i) {
            return 1;
        }
        if lex.again.any_starts_at(&t, i) {
            return AGAIN;
        }
        // 第二次, 第2輪, 第11次; and 二度, 三度 (a second, a third time), which need no 第.
        let counted = if t[i] == '第' {
            numerals::ascii_number(&t, i + 1)
                .map(|(v, _, end)| (v, end))
                .or_else(|| numerals::zh_small(&t, i + 1))
                .filter(|&(_, end)| lex.ordinal_measures.any_starts_at(&t, end))
        } else if i == 0 || !(numerals::is_zh_numeral(t[i - 1]) || t[i - 1] == '第') {
            numerals::zh_small(&t, i)
                .filter(|&(v, end)| v >= 2 && end == i + 1 && t.get(end) == Some(&'度'))
        } else {
            None
        };
        if let Some((v, _)) = counted {
            return u8::try_from(v).unwrap_or(STAGE - 1).clamp(1, STAGE - 1);
        }
    }
    NONE
}

/// Whether two tellings' times or stages can be one happening's.
pub fn agree(a: Ordinal, b: Ordinal) -> bool {
    if is_stage(a) || is_stage(b) {
        return a == b || !(is_stage(a) && is_stage(b));
    }
    a == NONE || b == NONE || a == b || (a == AGAIN && b > 1) || (b == AGAIN && a > 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(clause: &str) -> Ordinal {
        find(Lexicon::embedded(), &crate::text::fold_str(clause))
    }

    #[test]
    fn the_time_a_clause_gives() {
        assert_eq!(of("韩国宪法法院就尹锡悦弹劾案举行第二次正式辩论"), 2);
        assert_eq!(of("第2次表決總統尹錫悅彈劾案"), 2);
        assert_eq!(of("地檢署表示不服,二度提出抗告"), 2);
        assert_eq!(of("憲法法院16日上午召開首次大法官會議"), 1);
        assert_eq!(of("臺北地院再次裁定柯文哲免押"), AGAIN);
        assert_eq!(of("中央災害應變中心召開第11次工作會報"), 11);
        // A rank, a share or a plain number is no time.
        assert_eq!(of("排名第二名"), NONE);
        assert_eq!(of("第三季度营收"), NONE);
        assert_eq!(of("二十度高温"), NONE);
    }

    #[test]
    fn the_stage_a_clause_gives() {
        let final_ = of("林郁婷今天在巴黎奧運57公斤級決賽以5比0完勝");
        assert!(is_stage(final_));
        assert_eq!(of("在金牌戰以5比0擊退波蘭選手"), final_);
        let semi = of("她在世錦賽4強賽不敵哈薩克選手");
        assert!(is_stage(semi));
        assert_ne!(semi, final_);
        // 準決賽 holds 決賽 and is the semi-final.
        assert_eq!(of("鄭欽文在準決賽擊敗對手"), semi);
        // Reaching the final is winning the semi-final.
        assert_eq!(of("最終以5比0沒有懸念打進金牌戰"), semi);
        assert_eq!(of("她晉級了決賽"), semi);
        assert_eq!(of("晉級32強賽"), NONE);
        assert!(!agree(semi, final_));
        assert!(agree(final_, final_));
        // A time counts something else than a stage: they never contradict each other.
        assert!(agree(final_, 2));
        assert!(agree(AGAIN, semi));
        assert!(agree(NONE, semi));
    }

    #[test]
    fn tellings_of_different_times_never_agree() {
        assert!(!agree(1, 2));
        assert!(!agree(1, AGAIN));
        assert!(agree(2, AGAIN));
        assert!(agree(NONE, 3));
        assert!(agree(4, 4));
    }
}
