//! Whether a date's clause speaks of the future: a marker (預計, 將於, 計劃, 有望, 擬, 即將, or 將
//! followed by a verb) between the previous clause break and the next one. A date that opens its
//! clause and is followed by a comma lends its reach to the clause after it (`2026年，數據中心將投入
//! 運營`). Both scripts are accepted.

use super::scan::lit;

fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        '。' | '!' | '?' | '！' | '？' | ';' | '；' | '\n' | ',' | '，'
    )
}

/// The clause around `[s, e)` has a marker of the future; a date that opens its clause and is
/// followed by a comma lends its reach to the clause after it (`2026年，數據中心將投入運營`).
pub(crate) fn future_clause(t: &[char], s: usize, e: usize) -> bool {
    let mut a = s;
    while a > 0 && !is_clause_end(t[a - 1]) && s - a < 80 {
        a -= 1;
    }
    let mut b = e;
    if matches!(t.get(b), Some(',' | '，')) {
        b += 1;
    }
    while b < t.len() && !is_clause_end(t[b]) && b - e < 80 {
        b += 1;
    }
    (a..b).any(|k| future_marker(t, k))
}

fn future_marker(t: &[char], k: usize) -> bool {
    match t[k] {
        '预' | '預' => lit(
            t,
            k,
            &[
                "预计", "預計", "预期", "預期", "预定", "預定", "预料", "預料",
            ],
        )
        .is_some(),
        '计' | '計' => lit(t, k, &["计划", "計劃", "計畫", "计画"]).is_some(),
        '有' => lit(t, k, &["有望"]).is_some(),
        '即' => lit(t, k, &["即将", "即將"]).is_some(),
        '定' => lit(t, k, &["定于", "定於"]).is_some(),
        '打' => lit(t, k, &["打算"]).is_some(),
        '拟' | '擬' => k == 0 || !matches!(t[k - 1], '模' | '虚' | '虛'),
        '将' | '將' => lit(
            t,
            k + 1,
            &[
                "于", "於", "在", "会", "會", "要", "可", "能", "投入", "加入", "建", "推出",
                "成为", "成為", "达到", "達到", "开始", "開始", "上线", "上線", "发布", "發布",
                "發佈", "启用", "啟用", "完成", "举行", "舉行", "召开", "召開", "进行", "進行",
                "正式", "迎来", "迎來", "开设", "開設", "落成", "竣工", "推行", "上市", "开放",
                "開放", "实施", "實施", "生效", "到期", "交付", "投产", "投產",
            ],
        )
        .is_some(),
        _ => false,
    }
}
