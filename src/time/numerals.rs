//! Numbers as dates write them: ASCII digit runs (`2025`, `07`), Chinese counting numerals up to
//! ninety-nine (`十五`, `三十一`, `二十`), and digit-by-digit Chinese years (`二〇二五`, `二零二五`).
//!
//! Every reader takes the text as a char slice and a start index and returns the value with the
//! index just past the number, or `None`; none of them allocates, so the scanner can try them at
//! every anchor without cost.

/// The value of a Chinese digit char (`〇`/`零` … `九`, `两`/`兩` as two).
pub fn zh_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' | '○' => 0,
        '一' => 1,
        '二' | '两' | '兩' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Whether `c` can begin or continue a Chinese numeral.
pub fn is_zh_numeral(c: char) -> bool {
    matches!(c, '十' | '廿' | '卅') || zh_digit(c).is_some()
}

/// An ASCII digit run at `i`: (value, digit count, end). Runs longer than 9 digits are not numbers a
/// date could use, so their value saturates.
pub fn ascii_number(t: &[char], i: usize) -> Option<(u32, usize, usize)> {
    let mut j = i;
    let mut v: u32 = 0;
    while j < t.len() && t[j].is_ascii_digit() {
        v = v
            .saturating_mul(10)
            .saturating_add(t[j] as u32 - '0' as u32);
        j += 1;
    }
    (j > i).then_some((v, j - i, j))
}

/// A Chinese counting numeral below one hundred at `i` (`五`, `十`, `十二`, `二十`, `三十一`).
pub fn zh_small(t: &[char], i: usize) -> Option<(u32, usize)> {
    let first = *t.get(i)?;
    // 廿 and 卅 are twenty and thirty (廿五 = 25, 卅一 = 31), as dates still write them.
    if let Some(tens) = match first {
        '廿' => Some(20),
        '卅' => Some(30),
        _ => None,
    } {
        return match t.get(i + 1).and_then(|&c| zh_digit(c)) {
            Some(u) if u > 0 => Some((tens + u, i + 2)),
            _ => Some((tens, i + 1)),
        };
    }
    if first == '十' {
        return match t.get(i + 1).and_then(|&c| zh_digit(c)) {
            Some(u) if u > 0 => Some((10 + u, i + 2)),
            _ => Some((10, i + 1)),
        };
    }
    let d = zh_digit(first)?;
    if t.get(i + 1) == Some(&'十') {
        return match t.get(i + 2).and_then(|&c| zh_digit(c)) {
            Some(u) if u > 0 => Some((d * 10 + u, i + 3)),
            _ => Some((d * 10, i + 2)),
        };
    }
    // A bare digit followed by another digit is a digit-by-digit number, not a counting numeral.
    if t.get(i + 1).and_then(|&c| zh_digit(c)).is_some() {
        return None;
    }
    Some((d, i + 1))
}

/// A digit-by-digit Chinese year of exactly four digits at `i` (`二〇二五`).
pub fn zh_year(t: &[char], i: usize) -> Option<(u32, usize)> {
    let mut v = 0;
    for k in 0..4 {
        let c = *t.get(i + k)?;
        if c == '两' || c == '兩' {
            return None;
        }
        v = v * 10 + zh_digit(c)?;
    }
    if t.get(i + 4).and_then(|&c| zh_digit(c)).is_some() {
        return None;
    }
    Some((v, i + 4))
}

/// A number, Arabic or Chinese, at `i`: (value, end, Arabic digit count or 0 for Chinese).
pub fn any_number(t: &[char], i: usize) -> Option<(u32, usize, usize)> {
    let c = *t.get(i)?;
    if c.is_ascii_digit() {
        let (v, n, e) = ascii_number(t, i)?;
        return Some((v, e, n));
    }
    zh_small(t, i).map(|(v, e)| (v, e, 0))
}

#[cfg(test)]
mod tests {
    use super::*;
    fn c(s: &str) -> Vec<char> {
        s.chars().collect()
    }
    #[test]
    fn counting_numerals() {
        assert_eq!(zh_small(&c("十五日"), 0), Some((15, 2)));
        assert_eq!(zh_small(&c("三十一日"), 0), Some((31, 3)));
        assert_eq!(zh_small(&c("二十日"), 0), Some((20, 2)));
        assert_eq!(zh_small(&c("十日"), 0), Some((10, 1)));
        assert_eq!(zh_small(&c("七月"), 0), Some((7, 1)));
        assert_eq!(zh_small(&c("二〇"), 0), None);
    }
    #[test]
    fn years() {
        assert_eq!(zh_year(&c("二〇二五年"), 0), Some((2025, 4)));
        assert_eq!(zh_year(&c("二零一九年"), 0), Some((2019, 4)));
        assert_eq!(zh_year(&c("二〇二五五"), 0), None);
        assert_eq!(ascii_number(&c("2025年"), 0), Some((2025, 4, 4)));
    }
}
