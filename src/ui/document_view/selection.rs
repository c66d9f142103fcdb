//! The app-owned selection, in document characters: an anchor (where it began) and a focus
//! (where it ends, which the keyboard and the mouse move), plus word and paragraph boundaries.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation as _;

use super::blocks::Blocks;
use crate::model::CharSpan;

/// Anchor and focus, as character offsets; equal means a caret with nothing selected.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Where the selection began (stays put while extending).
    pub anchor: usize,
    /// The moving end.
    pub focus: usize,
}

impl Selection {
    /// A caret at `offset`.
    #[must_use]
    pub fn caret(offset: usize) -> Self {
        Self {
            anchor: offset,
            focus: offset,
        }
    }

    /// A selection of `range`, focus at its end.
    #[must_use]
    pub fn range(range: Range<usize>) -> Self {
        Self {
            anchor: range.start,
            focus: range.end,
        }
    }

    /// The selected span, if not empty.
    #[must_use]
    pub fn span(self) -> Option<CharSpan> {
        CharSpan::new(self.anchor.min(self.focus), self.anchor.max(self.focus)).ok()
    }

    /// Both ends clamped to a text of `len` characters.
    #[must_use]
    pub fn clamped(self, len: usize) -> Self {
        Self {
            anchor: self.anchor.min(len),
            focus: self.focus.min(len),
        }
    }
}

/// Whether a segment from the word splitter is a word (has a letter or digit).
fn is_word(segment: &str) -> bool {
    segment.chars().any(char::is_alphanumeric)
}

/// Word segments of a block as block-local character ranges.
fn segments(text: &str) -> impl Iterator<Item = (Range<usize>, bool)> + '_ {
    let mut chars = 0;
    text.split_word_bounds().map(move |seg| {
        let n = seg.chars().count();
        let range = chars..chars + n;
        chars += n;
        (range, is_word(seg))
    })
}

/// The word (or run of spaces or punctuation) around character `offset`: what a double-click
/// selects. A click just after a word selects that word.
#[must_use]
pub fn word_at(text: &str, blocks: &Blocks, offset: usize) -> Range<usize> {
    let Some(block) = blocks.get(blocks.find(offset)) else {
        return offset..offset;
    };
    let local = offset - block.char_start.min(offset);
    let block_text = block.layout_text(text);
    let mut previous_word = None;
    for (range, word) in segments(block_text) {
        if range.contains(&local) {
            if !word && let Some(prev) = previous_word.filter(|p: &Range<usize>| p.end == local) {
                return block.char_start + prev.start..block.char_start + prev.end;
            }
            return block.char_start + range.start..block.char_start + range.end;
        }
        previous_word = word.then_some(range);
    }
    // After the last character of the block.
    previous_word.map_or(offset..offset, |p| {
        block.char_start + p.start..block.char_start + p.end
    })
}

/// Where Ctrl+Right goes: the end of the next word after `offset`.
#[must_use]
pub fn next_word_end(text: &str, blocks: &Blocks, offset: usize) -> usize {
    let mut i = blocks.find(offset);
    while let Some(block) = blocks.get(i) {
        let local = offset.saturating_sub(block.char_start);
        let found = segments(block.layout_text(text))
            .find(|(r, word)| *word && r.end > local)
            .map(|(r, _)| block.char_start + r.end);
        if let Some(end) = found {
            return end;
        }
        i += 1;
    }
    blocks.char_len()
}

/// Where Ctrl+Left goes: the start of the word before `offset`.
#[must_use]
pub fn previous_word_start(text: &str, blocks: &Blocks, offset: usize) -> usize {
    let mut i = blocks.find(offset);
    loop {
        let Some(block) = blocks.get(i) else {
            return 0;
        };
        let local = offset.saturating_sub(block.char_start);
        let found = segments(block.layout_text(text))
            .filter(|(r, word)| *word && r.start < local)
            .last()
            .map(|(r, _)| block.char_start + r.start);
        if let Some(start) = found {
            return start;
        }
        if i == 0 {
            return 0;
        }
        i -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "L’État réaffirme « l’intégrité » du cyberespace.\n\nDeuxième paragraphe, très court.";

    fn chars_of(s: &str, needle: &str) -> Range<usize> {
        let byte = s.find(needle).expect("needle");
        let start = s[..byte].chars().count();
        start..start + needle.chars().count()
    }

    fn text_of(range: Range<usize>) -> String {
        TEXT.chars().skip(range.start).take(range.len()).collect()
    }

    #[test]
    fn double_click_selects_accented_words() {
        let blocks = Blocks::split(TEXT);
        let r = chars_of(TEXT, "réaffirme");
        assert_eq!(text_of(word_at(TEXT, &blocks, r.start + 3)), "réaffirme");
        // UAX #29: an apostrophe between letters joins them into one word.
        let r = chars_of(TEXT, "l’intégrité");
        assert_eq!(text_of(word_at(TEXT, &blocks, r.start + 4)), "l’intégrité");
        // Just after a word (on the space): the word.
        let r = chars_of(TEXT, "cyberespace");
        assert_eq!(text_of(word_at(TEXT, &blocks, r.end)), "cyberespace");
        let r = chars_of(TEXT, "Deuxième");
        assert_eq!(text_of(word_at(TEXT, &blocks, r.start + 7)), "Deuxième");
    }

    #[test]
    fn word_moves_skip_spaces_and_punctuation() {
        let blocks = Blocks::split(TEXT);
        let r = chars_of(TEXT, "réaffirme");
        assert_eq!(next_word_end(TEXT, &blocks, r.start - 1), r.end);
        let i = chars_of(TEXT, "l’intégrité");
        assert_eq!(
            next_word_end(TEXT, &blocks, r.end),
            i.end,
            "skips « and spaces"
        );
        assert_eq!(previous_word_start(TEXT, &blocks, i.end), i.start);
        let d = chars_of(TEXT, "Deuxième");
        let c = chars_of(TEXT, "cyberespace");
        assert_eq!(
            next_word_end(TEXT, &blocks, c.end),
            d.end,
            "crosses paragraphs"
        );
        assert_eq!(previous_word_start(TEXT, &blocks, d.start), c.start);
        assert_eq!(previous_word_start(TEXT, &blocks, 2), 0);
        assert_eq!(
            next_word_end(TEXT, &blocks, blocks.char_len()),
            blocks.char_len()
        );
    }

    #[test]
    fn triple_click_selects_the_paragraph() {
        let blocks = Blocks::split(TEXT);
        let r = chars_of(TEXT, "intégrité");
        assert_eq!(
            text_of(blocks.paragraph_at(r.start)),
            "L’État réaffirme « l’intégrité » du cyberespace."
        );
        let d = chars_of(TEXT, "court");
        assert_eq!(
            text_of(blocks.paragraph_at(d.start)),
            "Deuxième paragraphe, très court."
        );
    }

    #[test]
    fn selection_spans_are_ordered_and_never_empty() {
        assert_eq!(Selection::caret(4).span(), None);
        let s = Selection {
            anchor: 9,
            focus: 3,
        };
        assert_eq!(s.span(), CharSpan::new(3, 9).ok());
        assert_eq!(s.clamped(5).span(), CharSpan::new(3, 5).ok());
    }
}
