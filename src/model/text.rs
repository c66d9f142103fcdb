//! Character ↔ byte offsets for long texts.
//!
//! Annotations speak in characters, Rust strings in bytes. Walking a 5 MB text from the start for
//! every lookup would be quadratic, so each document keeps a sparse table of the byte offset of
//! every 64th character; a lookup walks at most 63 characters from the nearest checkpoint.

/// Characters between two checkpoints.
const STRIDE: usize = 64;

/// Sparse char → byte table for one text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextIndex {
    /// Byte offset of character `i * STRIDE`.
    checkpoints: Vec<usize>,
    /// Number of characters in the text.
    char_len: usize,
    /// The text is ASCII: character and byte offsets agree, no table needed.
    ascii: bool,
}

impl TextIndex {
    /// Builds the table in one pass over the text.
    #[must_use]
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return Self {
                checkpoints: Vec::new(),
                char_len: text.len(),
                ascii: true,
            };
        }
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut char_len = 0;
        for (i, (byte, _)) in text.char_indices().enumerate() {
            if i % STRIDE == 0 {
                checkpoints.push(byte);
            }
            char_len = i + 1;
        }
        Self {
            checkpoints,
            char_len,
            ascii: false,
        }
    }

    /// Number of characters in the text.
    #[must_use]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Byte offset of character `offset` (`offset == char_len` gives the text's byte length);
    /// `None` past the end.
    #[must_use]
    pub fn byte_of(&self, text: &str, offset: usize) -> Option<usize> {
        if offset > self.char_len {
            return None;
        }
        if self.ascii {
            return Some(offset);
        }
        if offset == self.char_len {
            return Some(text.len());
        }
        let base = *self.checkpoints.get(offset / STRIDE)?;
        let rest = text.get(base..)?;
        rest.char_indices()
            .nth(offset % STRIDE)
            .map(|(b, _)| base + b)
    }

    /// Character offset of a byte offset that lies on a character boundary.
    #[must_use]
    pub fn char_of(&self, text: &str, byte: usize) -> Option<usize> {
        if !text.is_char_boundary(byte) {
            return None;
        }
        if self.ascii {
            return Some(byte);
        }
        // Last checkpoint at or before `byte`.
        let slot = self
            .checkpoints
            .partition_point(|&b| b <= byte)
            .checked_sub(1)?;
        let base = *self.checkpoints.get(slot)?;
        let between = text.get(base..byte)?.chars().count();
        Some(slot * STRIDE + between)
    }

    /// The text between two character offsets.
    #[must_use]
    pub fn slice<'t>(&self, text: &'t str, start: usize, end: usize) -> Option<&'t str> {
        if start > end {
            return None;
        }
        let a = self.byte_of(text, start)?;
        let b = self.byte_of(text, end)?;
        text.get(a..b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accents_count_as_one_character() {
        let text = "Sécurité du cyberespace";
        let idx = TextIndex::new(text);
        assert_eq!(idx.char_len(), 23);
        assert_eq!(idx.slice(text, 0, 8), Some("Sécurité"));
        assert_eq!(idx.byte_of(text, 2), Some(3));
        assert_eq!(idx.char_of(text, 3), Some(2));
        assert_eq!(idx.char_of(text, 2), None, "inside « é »");
        assert_eq!(idx.byte_of(text, 24), None);
    }

    proptest! {
        #[test]
        fn agrees_with_a_naive_walk(text in "\\PC{0,300}", a in 0usize..320, b in 0usize..320) {
            let idx = TextIndex::new(&text);
            let chars: Vec<char> = text.chars().collect();
            prop_assert_eq!(idx.char_len(), chars.len());
            let expected = (a <= b && b <= chars.len()).then(|| chars[a..b].iter().collect::<String>());
            prop_assert_eq!(idx.slice(&text, a, b).map(str::to_owned), expected);
            if let Some(byte) = idx.byte_of(&text, a) {
                prop_assert_eq!(idx.char_of(&text, byte), Some(a));
            }
        }
    }
}
