//! Text search that finds « securite » in « sécurité », with offsets mapped back exactly.
//!
//! The text is folded (Unicode NFD, combining marks dropped, lower-cased — each optional) into a
//! second string with a map from every folded character to the original character it came from,
//! so a hit in the folded text becomes a span of the original text even when folding changes the
//! number of characters.

use unicode_normalization::UnicodeNormalization as _;

use crate::model::CharSpan;

/// How to compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct SearchOptions {
    /// « Sécurité » and « sécurité » differ.
    pub case_sensitive: bool,
    /// « securite » does not find « sécurité ».
    pub accent_sensitive: bool,
    /// Hits must not touch a letter or digit on either side.
    pub whole_word: bool,
}

/// A text folded for comparison, with the way back to the original offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    text: String,
    /// For each character of `text`, the index of the original character it came from.
    origin: Vec<usize>,
    /// Number of characters of the original text.
    original_len: usize,
}

/// Folds a text according to the options.
#[must_use]
pub fn fold(text: &str, options: SearchOptions) -> Folded {
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    let mut original_len = 0;
    for (i, c) in text.chars().enumerate() {
        original_len = i + 1;
        let mut push = |c: char| {
            if options.case_sensitive {
                folded.push(c);
                origin.push(i);
            } else {
                for l in c.to_lowercase() {
                    folded.push(l);
                    origin.push(i);
                }
            }
        };
        if options.accent_sensitive {
            push(c);
        } else {
            for d in std::iter::once(c).nfd() {
                if !unicode_normalization::char::is_combining_mark(d) {
                    push(d);
                }
            }
        }
    }
    Folded {
        text: folded,
        origin,
        original_len,
    }
}

impl Folded {
    /// Every non-overlapping occurrence of `query`, as spans of the original text.
    #[must_use]
    pub fn find(&self, query: &str, options: SearchOptions) -> Vec<CharSpan> {
        let needle = fold(query.trim(), options).text;
        if needle.is_empty() {
            return Vec::new();
        }
        let byte_hits: Vec<(usize, usize)> = self
            .text
            .match_indices(&needle)
            .map(|(b, m)| (b, b + m.len()))
            .filter(|&(a, b)| !options.whole_word || self.is_word_edge(a, b))
            .collect();
        self.spans_of_bytes(&byte_hits)
    }

    /// The folded text, for searches other than [`Folded::find`] (regular expressions).
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Turns sorted, non-overlapping, non-empty byte ranges of the folded text into spans of the
    /// original text (ranges that are empty or not on character boundaries are dropped).
    #[must_use]
    pub fn spans_of_bytes(&self, byte_hits: &[(usize, usize)]) -> Vec<CharSpan> {
        let mut hits = Vec::with_capacity(byte_hits.len());
        let mut next = byte_hits.iter().filter(|(a, b)| a < b).peekable();
        // One walk over the folded text turns byte ranges into character ranges.
        let mut pending: Option<usize> = None;
        for (char_index, (byte, _)) in self.text.char_indices().enumerate() {
            if let Some(start) = pending
                && let Some(&&(_, end_byte)) = next.peek()
                && byte == end_byte
            {
                self.push_hit(&mut hits, start, char_index);
                pending = None;
                next.next();
            }
            if pending.is_none()
                && let Some(&&(start_byte, _)) = next.peek()
                && byte == start_byte
            {
                pending = Some(char_index);
            }
        }
        if let Some(start) = pending {
            self.push_hit(&mut hits, start, self.origin.len());
        }
        hits
    }

    fn push_hit(&self, hits: &mut Vec<CharSpan>, start: usize, end: usize) {
        let Some(&first) = self.origin.get(start) else {
            return;
        };
        // The hit ends where the next folded character comes from, so that combining marks
        // dropped by folding stay with their letter.
        let last = self.origin.get(end).copied().unwrap_or(self.original_len);
        if let Ok(span) = CharSpan::new(first, last)
            && span.end() <= self.original_len
        {
            hits.push(span);
        }
    }

    /// Whether the folded bytes `[start, end)` have no letter or digit right outside them.
    #[must_use]
    pub fn is_word_edge(&self, start: usize, end: usize) -> bool {
        let before = self.text.get(..start).and_then(|t| t.chars().next_back());
        let after = self.text.get(end..).and_then(|t| t.chars().next());
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    }
}

/// Finds `query` in `text` (folds the text first; fold once with [`fold`] to search repeatedly).
#[must_use]
pub fn find(text: &str, query: &str, options: SearchOptions) -> Vec<CharSpan> {
    fold(text, options).find(query, options)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn spans(text: &str, query: &str, options: SearchOptions) -> Vec<String> {
        find(text, query, options)
            .into_iter()
            .map(|s| text.chars().skip(s.start()).take(s.len()).collect())
            .collect()
    }

    #[test]
    fn accents_and_case_fold_by_default() {
        let text = "La Sécurité du cyberespace ; la SECURITE des États.";
        let found = spans(text, "securite", SearchOptions::default());
        assert_eq!(found, vec!["Sécurité", "SECURITE"]);
        assert_eq!(
            spans(text, "etats", SearchOptions::default()),
            vec!["États"]
        );
    }

    #[test]
    fn options_narrow_the_search() {
        let text = "Sécurité, securite, sécuritaire";
        let accents = SearchOptions {
            accent_sensitive: true,
            ..SearchOptions::default()
        };
        assert_eq!(spans(text, "sécurité", accents), vec!["Sécurité"]);
        let case = SearchOptions {
            case_sensitive: true,
            ..SearchOptions::default()
        };
        assert_eq!(spans(text, "securite", case), vec!["securite"]);
        let word = SearchOptions {
            whole_word: true,
            ..SearchOptions::default()
        };
        assert_eq!(spans(text, "securit", word), Vec::<String>::new());
        assert_eq!(spans(text, "securite", word).len(), 2);
    }

    #[test]
    fn decomposed_input_maps_back_to_whole_characters() {
        let text = "cyberse\u{301}curite\u{301} et e\u{301}tat";
        let hits = find(text, "securite", SearchOptions::default());
        assert_eq!(hits.len(), 1);
        let span = hits[0];
        let found: String = text.chars().skip(span.start()).take(span.len()).collect();
        assert_eq!(found, "se\u{301}curite\u{301}");
    }

    #[test]
    fn empty_queries_find_nothing() {
        assert!(find("abc", "  ", SearchOptions::default()).is_empty());
    }

    proptest! {
        #[test]
        fn every_hit_folds_back_to_the_query(text in "[a-zéèÉ ]{0,80}", query in "[a-zé]{1,4}") {
            let options = SearchOptions::default();
            let needle = fold(&query, options).text;
            for span in find(&text, &query, options) {
                let original: String = text.chars().skip(span.start()).take(span.len()).collect();
                prop_assert_eq!(fold(&original, options).text, needle.clone());
            }
        }
    }
}
