//! Paragraph blocks: the unit of layout, so that no text job is ever longer than a few KB.
//!
//! A document is cut at every `\n` (the newline belongs to the block it ends); a paragraph longer
//! than [`BLOCK_CAP_BYTES`] is cut again after a sentence end, else after a space, else at a
//! character boundary. Computed once per document in one pass (a few ms for 5 MB). A cut inside
//! a paragraph shows as a row that ends early: each block is laid out on its own.

use std::ops::Range;

/// Longest block, in bytes of UTF-8. The design allows 8 KB; on the reference machine laying
/// out 8,000 characters takes ~1.9 ms and 4,000 ~1.0 ms (`NC_PROFILE=layout` in
/// `benches/document_view.rs`), and a block is laid out in one go, so 4 KB bounds the worst
/// scrolling frame and halves the text laid out beyond the edges of the viewport after a jump.
/// The price: a very long paragraph restarts a row every 4 KB, after a sentence.
pub const BLOCK_CAP_BYTES: usize = 4 * 1024;

/// One block of a document: a paragraph or a piece of a long one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    /// First byte in the document text.
    pub byte_start: usize,
    /// One past the last byte (the trailing `\n` included, if any).
    pub byte_end: usize,
    /// First character (Unicode scalar) in the document.
    pub char_start: usize,
    /// Characters in the block, trailing `\n` included.
    pub char_len: usize,
    /// The block begins a paragraph (`false`: it continues the block before it).
    pub starts_paragraph: bool,
    /// The block ends with `\n` (the newline is not laid out).
    pub ends_with_newline: bool,
}

impl Block {
    /// One past the block's last character.
    #[must_use]
    pub fn char_end(&self) -> usize {
        self.char_start + self.char_len
    }

    /// Characters that are laid out: the block without its trailing `\n`.
    #[must_use]
    pub fn layout_len(&self) -> usize {
        self.char_len - usize::from(self.ends_with_newline)
    }

    /// The laid-out text (without the trailing `\n`); empty if the range is not in `text`.
    #[must_use]
    pub fn layout_text<'t>(&self, text: &'t str) -> &'t str {
        let end = self.byte_end - usize::from(self.ends_with_newline);
        text.get(self.byte_start..end).unwrap_or_default()
    }

    /// The whole text of the block, trailing `\n` included.
    #[cfg(test)]
    #[must_use]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.byte_start..self.byte_end).unwrap_or_default()
    }
}

/// All blocks of one document, in text order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Blocks {
    blocks: Vec<Block>,
    char_len: usize,
}

impl Blocks {
    /// Splits a text with the default cap.
    #[must_use]
    pub fn split(text: &str) -> Self {
        Self::split_with_cap(text, BLOCK_CAP_BYTES)
    }

    /// Splits a text so that no block is longer than `cap` bytes (`cap` ≥ 4, one UTF-8 char).
    #[must_use]
    pub fn split_with_cap(text: &str, cap: usize) -> Self {
        let cap = cap.max(4);
        let mut blocks = Vec::with_capacity(text.len() / 256 + 1);
        let mut byte = 0;
        let mut chars = 0;
        for paragraph in text.split_inclusive('\n') {
            let mut rest = paragraph;
            let mut first = true;
            while !rest.is_empty() {
                let cut = if rest.len() <= cap {
                    rest.len()
                } else {
                    cut_point(rest, cap)
                };
                let (piece, tail) = rest.split_at(cut);
                let char_len = piece.chars().count();
                blocks.push(Block {
                    byte_start: byte,
                    byte_end: byte + piece.len(),
                    char_start: chars,
                    char_len,
                    starts_paragraph: first,
                    ends_with_newline: piece.ends_with('\n'),
                });
                byte += piece.len();
                chars += char_len;
                first = false;
                rest = tail;
            }
        }
        Self {
            blocks,
            char_len: chars,
        }
    }

    /// Number of blocks.
    #[must_use]
    pub fn len(&self) -> usize {
        self.blocks.len()
    }

    /// Characters in the document.
    #[must_use]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Block `i`, if it exists.
    #[must_use]
    pub fn get(&self, i: usize) -> Option<&Block> {
        self.blocks.get(i)
    }

    /// All blocks.
    #[must_use]
    pub fn as_slice(&self) -> &[Block] {
        &self.blocks
    }

    /// The block holding character `offset`; the last block for `offset ≥ char_len`.
    #[must_use]
    pub fn find(&self, offset: usize) -> usize {
        self.blocks
            .partition_point(|b| b.char_start <= offset)
            .saturating_sub(1)
    }

    /// The paragraph around character `offset`, without its `\n`: `[start, end)` in characters.
    #[must_use]
    pub fn paragraph_at(&self, offset: usize) -> Range<usize> {
        let i = self.find(offset);
        let Some(block) = self.blocks.get(i) else {
            return 0..0;
        };
        let first = self.blocks[..=i]
            .iter()
            .rposition(|b| b.starts_paragraph)
            .unwrap_or(0);
        let last = self.blocks[i..]
            .iter()
            .position(|b| b.ends_with_newline)
            .map_or(self.blocks.len() - 1, |p| i + p);
        let start = self
            .blocks
            .get(first)
            .map_or(block.char_start, |b| b.char_start);
        let end = self
            .blocks
            .get(last)
            .map_or(block.char_end(), |b| b.char_start + b.layout_len());
        start..end.max(start)
    }
}

/// Where to cut a paragraph longer than `cap` bytes: after the last sentence end in the first
/// `cap` bytes, else after the last space, else at the last character boundary. Never in the
/// first quarter, so that pieces stay big.
fn cut_point(text: &str, cap: usize) -> usize {
    let limit = text.floor_char_boundary(cap);
    let window = &text[..limit];
    let min = cap / 4;
    let mut last_space = None;
    for (i, _) in window.rmatch_indices(' ') {
        if i < min {
            break;
        }
        last_space.get_or_insert(i + 1);
        let before = window[..i].chars().next_back();
        if before.is_some_and(|c| matches!(c, '.' | '!' | '?' | '…' | '»' | '"' | '”' | ')')) {
            return i + 1;
        }
    }
    match last_space {
        Some(cut) => cut,
        // One char is at most 4 bytes and cap ≥ 4, so `limit` is never 0 for a long text.
        None => limit.max(text.ceil_char_boundary(1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check(text: &str, blocks: &Blocks, cap: usize) -> Result<(), TestCaseError> {
        let mut restored = String::new();
        let mut next_char = 0;
        let mut next_byte = 0;
        for b in blocks.as_slice() {
            prop_assert!(b.byte_end > b.byte_start, "empty block");
            prop_assert!(b.byte_end - b.byte_start <= cap, "block over the cap");
            prop_assert_eq!(b.byte_start, next_byte);
            prop_assert_eq!(b.char_start, next_char, "every char in exactly one block");
            let piece = b.text(text);
            prop_assert_eq!(piece.chars().count(), b.char_len);
            prop_assert!(
                piece.find('\n').is_none_or(|p| p + 1 == piece.len()),
                "newline inside"
            );
            restored.push_str(piece);
            next_char += b.char_len;
            next_byte = b.byte_end;
        }
        prop_assert_eq!(&restored, text);
        prop_assert_eq!(blocks.char_len(), text.chars().count());
        Ok(())
    }

    proptest! {
        #[test]
        fn blocks_restore_the_text(
            text in "([a-zé«» .,!?\n]{0,40}|\\PC{0,20}){0,20}",
            cap in 4usize..64,
        ) {
            let blocks = Blocks::split_with_cap(&text, cap);
            check(&text, &blocks, cap)?;
            for offset in 0..blocks.char_len() {
                let i = blocks.find(offset);
                let b = blocks.get(i).expect("block");
                prop_assert!(b.char_start <= offset && offset < b.char_end());
            }
        }
    }

    #[test]
    fn long_paragraphs_are_cut_after_a_sentence() {
        let sentence = "La sécurité du cyberespace exige une coopération. ";
        let text = sentence.repeat(400); // ~21 KB, no newline
        let blocks = Blocks::split(&text);
        assert!(blocks.len() >= 3);
        for b in &blocks.as_slice()[..blocks.len() - 1] {
            assert!(b.text(&text).ends_with(". "), "cut after a sentence end");
            assert!(b.byte_end - b.byte_start <= BLOCK_CAP_BYTES);
        }
        assert!(blocks.as_slice()[0].starts_paragraph);
        assert!(!blocks.as_slice()[1].starts_paragraph);
    }

    #[test]
    fn char_offsets_count_accents_once() {
        let text = "Été\n\nÀ l’école, « ça » va.\n";
        let blocks = Blocks::split(text);
        let b: Vec<_> = blocks.as_slice().to_vec();
        assert_eq!(b.len(), 3);
        assert_eq!((b[0].char_start, b[0].char_len), (0, 4));
        assert_eq!((b[1].char_start, b[1].char_len), (4, 1));
        assert_eq!(b[2].char_start, 5);
        assert_eq!(b[2].layout_text(text), "À l’école, « ça » va.");
        assert_eq!(b[2].layout_len(), 21);
        assert_eq!(blocks.find(5), 2);
        assert_eq!(blocks.find(4), 1);
        assert_eq!(blocks.paragraph_at(9), 5..26);
        assert_eq!(blocks.paragraph_at(1), 0..3);
    }

    #[test]
    fn a_paragraph_spans_its_continuation_blocks() {
        let text = format!("Intro.\n{}fin.\nAprès.", "Une phrase longue. ".repeat(40));
        let blocks = Blocks::split_with_cap(&text, 100);
        let p = blocks.paragraph_at(300);
        let para: String = text.chars().skip(p.start).take(p.len()).collect();
        assert!(para.starts_with("Une phrase"));
        assert!(para.ends_with("fin."));
    }
}
