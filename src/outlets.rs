//! Outlets from web addresses: the news site an article's URL belongs to, by its host
//! (`assets/sources/outlets.toml`), for articles whose manifest names no outlet.
//!
//! A listed host matches itself and its subdomains (`news.ltn.com.tw` is `ltn.com.tw`); an
//! unlisted host is named by its main label (`www.zujichina.com` → `zujichina`), which still tells a reader
//! where the text came from. Not useful for: telling a repost from its original (a mirror site is
//! named as itself).

use serde::Deserialize;
use std::collections::BTreeMap;

const TABLE: &str = include_str!("../assets/sources/outlets.toml");

#[derive(Deserialize)]
struct Table {
    hosts: BTreeMap<String, String>,
}

fn table() -> &'static BTreeMap<String, String> {
    static T: std::sync::OnceLock<BTreeMap<String, String>> = std::sync::OnceLock::new();
    // Checked by the test suite; a broken table only means no outlet names.
    T.get_or_init(|| {
        toml::from_str::<Table>(TABLE)
            .map(|t| t.hosts)
            .unwrap_or_default()
    })
}

/// The host of a URL, lower-cased, without port or `www.`.
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?;
    let host = host
        .split(':')
        .next()?
        .trim_end_matches('.')
        .to_ascii_lowercase();
    (!host.is_empty()).then(|| host.trim_start_matches("www.").to_string())
}

/// The outlet a URL belongs to, if the URL names a host at all.
pub fn outlet_of(url: &str) -> Option<String> {
    let host = host(url)?;
    if host.parse::<std::net::IpAddr>().is_ok() {
        return None;
    }
    let mut suffix = host.as_str();
    loop {
        if let Some(name) = table().get(suffix) {
            return Some(name.clone());
        }
        match suffix.split_once('.') {
            Some((_, rest)) if rest.contains('.') => suffix = rest,
            _ => break,
        }
    }
    // The main label: the one before the public suffix (ktsf in ktsf.com, bg3 in cn.bg3.co).
    let mut labels: Vec<&str> = host.split('.').collect();
    labels.pop(); // the top-level domain
    if labels.len() > 1
        && matches!(
            labels.last(),
            Some(&("com" | "net" | "org" | "co" | "gov" | "edu" | "ac"))
        )
    {
        labels.pop(); // a second-level suffix: .com.tw, .co.uk
    }
    labels.last().map(|l| l.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_parses_and_hosts_name_outlets() {
        assert!(toml::from_str::<Table>(TABLE).is_ok());
        assert_eq!(
            outlet_of("https://news.ltn.com.tw/news/a/1").as_deref(),
            Some("自由時報")
        );
        assert_eq!(
            outlet_of("https://www.cna.com.tw/news/x.aspx").as_deref(),
            Some("中央社")
        );
        assert_eq!(
            outlet_of("https://tw.news.yahoo.com/x.html").as_deref(),
            Some("Yahoo奇摩新聞")
        );
        assert_eq!(
            outlet_of("http://www.ktsf.com/a/b").as_deref(),
            Some("KTSF")
        );
        assert_eq!(
            outlet_of("https://www.zujichina.com/article/1").as_deref(),
            Some("zujichina")
        );
        assert_eq!(
            outlet_of("https://cn.bg3.co/a/1.html").as_deref(),
            Some("bg3")
        );
        assert_eq!(outlet_of("http://61.222.185.194/news/1"), None);
        assert_eq!(outlet_of(""), None);
    }
}
