//! Amounts of money in Chinese news text, normalised: 143億美元 → US$14.3 billion, 4500萬美元 →
//! US$45 million, 1,115億港元 → HK$111.5 billion. Runs on folded text (simplified script, ASCII
//! digits), so 億/亿 and 萬/万 are one case. Amounts keep their currency; nothing is converted.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Currency {
    Usd,
    Hkd,
    Cny,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Money {
    /// In whole units of the currency.
    pub amount: f64,
    pub currency: Currency,
    /// "逾", "超过", "约", "至少", "上" (上亿): the text gave a bound or an estimate.
    pub approximate: bool,
    /// Char offsets within the text that was scanned.
    pub start: usize,
    pub end: usize,
}

impl Money {
    /// English display: `US$14.3 billion`, `HK$148`, `RMB 2 million`.
    pub fn display(&self) -> String {
        let prefix = match self.currency {
            Currency::Usd => "US$",
            Currency::Hkd => "HK$",
            Currency::Cny => "RMB ",
        };
        let (value, unit) = if self.amount >= 1e9 {
            (self.amount / 1e9, " billion")
        } else if self.amount >= 1e6 {
            (self.amount / 1e6, " million")
        } else {
            (self.amount, "")
        };
        let mut num = format!("{value:.2}");
        while num.contains('.') && (num.ends_with('0') || num.ends_with('.')) {
            num.pop();
        }
        let approx = if self.approximate { "about " } else { "" };
        format!("{approx}{prefix}{num}{unit}")
    }
}

const CURRENCIES: &[(&str, Currency)] = &[
    ("美元", Currency::Usd),
    ("美金", Currency::Usd),
    ("港元", Currency::Hkd),
    ("港币", Currency::Hkd),
    ("人民币", Currency::Cny),
    ("元人民币", Currency::Cny),
];

const APPROX: &[&str] = &["逾", "超过", "约", "至少", "高达", "近", "数"];

/// Every amount with an explicit currency in `folded`.
pub fn find(folded: &str) -> Vec<Money> {
    let chars: Vec<char> = folded.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit()
            || (i > 0
                && (chars[i - 1].is_ascii_alphanumeric()
                    || chars[i - 1] == '.'
                    || chars[i - 1] == '-'))
        {
            i += 1;
            continue;
        }
        let start = i;
        let mut num = String::new();
        while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == ',' || chars[i] == '.') {
            if chars[i] == ',' && !(i + 1 < chars.len() && chars[i + 1].is_ascii_digit()) {
                break;
            }
            if chars[i] != ',' {
                num.push(chars[i]);
            }
            i += 1;
        }
        let Ok(mut value) = num.trim_end_matches('.').parse::<f64>() else {
            continue;
        };
        let mut j = i;
        let mut multiplier = 1.0;
        loop {
            match chars.get(j) {
                Some('万') => multiplier *= 1e4,
                Some('亿') => multiplier *= 1e8,
                Some('千') if matches!(chars.get(j + 1), Some('万') | Some('亿')) => {
                    multiplier *= 1e3
                }
                Some('百') if matches!(chars.get(j + 1), Some('万') | Some('亿')) => {
                    multiplier *= 1e2
                }
                Some('多') | Some('余') => {}
                _ => break,
            }
            j += 1;
        }
        value *= multiplier;
        let rest: String = chars[j..chars.len().min(j + 4)].iter().collect();
        let Some((word, currency)) = CURRENCIES.iter().find(|(w, _)| rest.starts_with(w)) else {
            continue;
        };
        let end = j + word.chars().count();
        let before: String = chars[start.saturating_sub(2)..start].iter().collect();
        let approximate = APPROX.iter().any(|a| before.ends_with(a))
            || chars[i..j].iter().any(|c| matches!(c, '多' | '余'));
        out.push(Money {
            amount: value,
            currency: *currency,
            approximate,
            start,
            end,
        });
        i = end;
    }
    out
}

/// A share given as a percentage right before 股权/股份 (49%股权 → "49%").
pub fn stake(folded: &str) -> Option<String> {
    let idx = folded.find("%股")?;
    let head = &folded[..idx];
    let digits: String = head
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    if digits.is_empty() {
        return None;
    }
    Some(format!("{}%", digits.chars().rev().collect::<String>()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> String {
        find(s).first().map(|m| m.display()).unwrap_or_default()
    }

    #[test]
    fn normalises_chinese_units() {
        assert_eq!(one("投资143亿美元"), "US$14.3 billion");
        assert_eq!(one("豪掷2亿美元"), "US$200 million");
        assert_eq!(one("出资4500万美元"), "US$45 million");
        assert_eq!(one("约1,115亿港元"), "about HK$111.5 billion");
        assert_eq!(one("HK$148"), "");
        assert_eq!(one("7,460万美元"), "US$74.6 million");
        assert_eq!(one("逾2亿美元"), "about US$200 million");
        assert_eq!(one("1000万元人民币"), "RMB 10 million");
        assert_eq!(one("300万人民币"), "RMB 3 million");
    }

    #[test]
    fn ignores_model_names_and_plain_numbers() {
        assert!(find("GPT-4o和Llama 3.1").is_empty());
        assert!(find("3,600名员工").is_empty());
        assert!(find("5GW").is_empty());
    }

    #[test]
    fn finds_stakes() {
        assert_eq!(stake("取得其49%股权").as_deref(), Some("49%"));
        assert_eq!(stake("增长49%"), None);
    }
}
