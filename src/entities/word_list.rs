//! A list of folded words that discovery tests at every char of an article: titles before a name
//! (總裁, 律師), endings of an organisation's name (協會, 管理處).
//!
//! Asking "which of these words starts (or ends) here?" of a plain list compares every word at
//! every char; over a corpus that was a quarter of name discovery. The list is kept longest first,
//! as before, and beside it the words are grouped by their first and by their last char, so a test
//! compares only the few words that can match. Answers come in the list's order, longest first.

use rustc_hash::FxHashMap;

#[derive(Debug, Clone, Default)]
pub struct WordList {
    /// Longest first, each word once.
    words: Vec<String>,
    chars: Vec<Vec<char>>,
    /// Indexes into `words` by first char, and by last char, in the list's order.
    by_first: FxHashMap<char, Vec<u32>>,
    by_last: FxHashMap<char, Vec<u32>>,
}

impl WordList {
    /// The list of `words` (folded already), longest first, without repeats.
    pub fn new(mut words: Vec<String>) -> WordList {
        words.retain(|w| !w.is_empty());
        words.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
        let mut seen = rustc_hash::FxHashSet::default();
        words.retain(|w| seen.insert(w.clone()));
        let chars: Vec<Vec<char>> = words.iter().map(|w| w.chars().collect()).collect();
        let mut by_first: FxHashMap<char, Vec<u32>> = FxHashMap::default();
        let mut by_last: FxHashMap<char, Vec<u32>> = FxHashMap::default();
        for (i, c) in chars.iter().enumerate() {
            by_first.entry(c[0]).or_default().push(i as u32);
            by_last.entry(c[c.len() - 1]).or_default().push(i as u32);
        }
        WordList {
            words,
            chars,
            by_first,
            by_last,
        }
    }

    /// The words of the list that `text` holds from `at` on, longest first, with their length in
    /// chars.
    pub fn starting_at<'a>(
        &'a self,
        text: &'a [char],
        at: usize,
    ) -> impl Iterator<Item = (&'a str, usize)> + 'a {
        let ids = text.get(at).and_then(|c| self.by_first.get(c));
        self.standing(ids, text, move |n| Some(at..at + n))
    }

    /// The words of the list that `text` holds right before `end`, longest first, with their
    /// length in chars.
    pub fn ending_at<'a>(
        &'a self,
        text: &'a [char],
        end: usize,
    ) -> impl Iterator<Item = (&'a str, usize)> + 'a {
        let ids = end
            .checked_sub(1)
            .and_then(|last| text.get(last))
            .and_then(|c| self.by_last.get(c));
        self.standing(ids, text, move |n| end.checked_sub(n).map(|s| s..end))
    }

    /// The words among `ids` that `text` holds where `place` puts a word of so many chars.
    fn standing<'a>(
        &'a self,
        ids: Option<&'a Vec<u32>>,
        text: &'a [char],
        place: impl Fn(usize) -> Option<std::ops::Range<usize>> + 'a,
    ) -> impl Iterator<Item = (&'a str, usize)> + 'a {
        ids.map_or(&[][..], Vec::as_slice)
            .iter()
            .filter_map(move |&i| {
                let w = &self.chars[i as usize];
                let there = place(w.len()).and_then(|r| text.get(r));
                (there == Some(w.as_slice())).then(|| (self.words[i as usize].as_str(), w.len()))
            })
    }
}

impl WordList {
    /// Some word of the list ends with `c`.
    pub fn has_last(&self, c: char) -> bool {
        self.by_last.contains_key(&c)
    }

    /// Some word of the list stands at `at` in `text`.
    pub fn any_starts_at(&self, text: &[char], at: usize) -> bool {
        self.starting_at(text, at).next().is_some()
    }

    /// Some word of the list ends right before `end` in `text`.
    pub fn any_ends_at(&self, text: &[char], end: usize) -> bool {
        self.ending_at(text, end).next().is_some()
    }
}

impl std::ops::Deref for WordList {
    type Target = [String];

    fn deref(&self) -> &[String] {
        &self.words
    }
}

impl<'a> IntoIterator for &'a WordList {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;

    fn into_iter(self) -> Self::IntoIter {
        self.words.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(words: &[&str]) -> WordList {
        WordList::new(words.iter().map(|w| w.to_string()).collect())
    }

    #[test]
    fn words_at_a_place_come_longest_first_and_only_where_they_stand() {
        let l = list(&["社", "通讯社", "总裁", "社", "", "副总裁"]);
        assert_eq!(&l[..], ["通讯社", "副总裁", "总裁", "社"]);
        let text: Vec<char> = "中央通讯社副总裁".chars().collect();
        let ends: Vec<_> = l.ending_at(&text, 5).collect();
        assert_eq!(ends, [("通讯社", 3), ("社", 1)]);
        assert_eq!(l.ending_at(&text, 8).next(), Some(("副总裁", 3)));
        assert_eq!(l.ending_at(&text, 0).next(), None);
        assert_eq!(l.starting_at(&text, 5).next(), Some(("副总裁", 3)));
        assert_eq!(l.starting_at(&text, 6).next(), Some(("总裁", 2)));
        assert_eq!(l.starting_at(&text, 7).next(), None);
        assert_eq!(l.starting_at(&text, 8).next(), None);
        // A word longer than what is left of the text is not there.
        assert_eq!(l.starting_at(&text[..6], 5).next(), None);
    }
}
