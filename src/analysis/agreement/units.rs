//! The units agreement is measured on: characters, sentences or paragraphs.

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation as _;

/// What one unit of the reliability data is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// Every character of every compared document.
    #[default]
    Char,
    /// Unicode sentences (UAX #29), whitespace-only ones left out.
    Sentence,
    /// Lines of text between `\n`s (the document view's paragraphs), blank ones left out.
    Paragraph,
}

impl Unit {
    /// All units, for menus.
    pub const ALL: [Self; 3] = [Self::Char, Self::Sentence, Self::Paragraph];

    /// The name used on the command line and in JSON.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Char => "char",
            Self::Sentence => "sentence",
            Self::Paragraph => "paragraph",
        }
    }

    /// Parses a name (`char`, `character`, `sentence`, `paragraph`).
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "char" | "character" | "characters" => Some(Self::Char),
            "sentence" | "sentences" => Some(Self::Sentence),
            "paragraph" | "paragraphs" => Some(Self::Paragraph),
            _ => None,
        }
    }

    /// The `[start, end)` character ranges of a text's sentences or paragraphs (`None` for
    /// characters, which are handled as runs).
    #[must_use]
    pub fn segments(self, text: &str) -> Option<Vec<(usize, usize)>> {
        let pieces: Vec<&str> = match self {
            Self::Char => return None,
            Self::Sentence => text.split_sentence_bounds().collect(),
            Self::Paragraph => text.split_inclusive('\n').collect(),
        };
        let mut out = Vec::with_capacity(pieces.len());
        let mut at = 0;
        for piece in pieces {
            let len = piece.chars().count();
            if !piece.trim().is_empty() {
                out.push((at, at + len));
            }
            at += len;
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_and_paragraphs_in_chars() {
        let text = "Été chaud. Deux phrases !\n\nUn autre.\n";
        let sentences = Unit::Sentence.segments(text).expect("segments");
        assert_eq!(sentences.len(), 3);
        assert_eq!(sentences[0], (0, 11));
        let paragraphs = Unit::Paragraph.segments(text).expect("segments");
        assert_eq!(paragraphs, vec![(0, 26), (27, 37)]);
        assert_eq!(Unit::Char.segments(text), None);
        assert_eq!(Unit::parse("Paragraph"), Some(Unit::Paragraph));
        assert_eq!(Unit::parse("word"), None);
    }
}
