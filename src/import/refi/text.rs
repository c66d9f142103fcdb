//! Source text from another tool → Normcoder's normal form, keeping a map from the other tool's
//! positions to ours.
//!
//! REFI-QDA positions count code points of the `.txt` exactly as stored (without a BOM, which
//! QualCoder writes and does not count). Normcoder stores `\n` line ends and NFC, so a `\r\n` or a
//! decomposed accent would shift every later offset: this module normalises only that (line
//! ends, NFC, BOM) — blank lines and spaces stay, unlike a plain-text import — and returns, for
//! each original position, the position in the stored text.

use unicode_normalization::UnicodeNormalization as _;
use unicode_normalization::char::canonical_combining_class;

/// The stored text and the position map (`map[i]` = stored position of original position `i`,
/// for `i` in `0..=original length`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    pub text: String,
    pub map: Vec<usize>,
    /// Whether the text had to change (line ends, composition or a BOM).
    pub changed: bool,
}

impl Prepared {
    /// Length of the original text in code points.
    #[must_use]
    pub fn original_len(&self) -> usize {
        self.map.len().saturating_sub(1)
    }

    /// The stored span of an original span, if it lies inside the original text.
    #[must_use]
    pub fn span(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        Some((*self.map.get(start)?, *self.map.get(end)?))
    }
}

/// Normalises line ends and composition, counting as it goes.
pub fn prepare(raw: &str) -> Prepared {
    let without_bom = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let chars: Vec<char> = without_bom.chars().collect();
    let mut text = String::with_capacity(without_bom.len());
    let mut map = Vec::with_capacity(chars.len() + 1);
    let mut out_len = 0usize;
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\r' {
            map.push(out_len);
            if chars.get(i + 1) == Some(&'\n') {
                map.push(out_len);
                i += 1;
            }
            text.push('\n');
            out_len += 1;
            i += 1;
            continue;
        }
        // A starter and the combining marks after it compose among themselves.
        let mut j = i + 1;
        while j < chars.len() && canonical_combining_class(chars[j]) != 0 {
            j += 1;
        }
        let chunk: String = chars[i..j].iter().collect();
        let composed: String = chunk.nfc().collect();
        map.extend(std::iter::repeat_n(out_len, j - i));
        out_len += composed.chars().count();
        text.push_str(&composed);
        i = j;
    }
    map.push(out_len);
    let changed = text != raw;
    Prepared { text, map, changed }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_nfc_and_bom_are_mapped() {
        let p = prepare("\u{feff}ab\r\nce\u{301}t\r\u{1F600}z");
        assert_eq!(p.text, "ab\ncét\n\u{1F600}z");
        assert!(p.changed);
        assert_eq!(p.original_len(), 11);
        // "ab" → 0..2; the newline pair → 2..3; "cét" → 3..6.
        assert_eq!(p.span(0, 2), Some((0, 2)));
        assert_eq!(p.span(4, 8), Some((3, 6)));
        assert_eq!(p.span(9, 10), Some((7, 8)));
        assert_eq!(p.span(9, 11), Some((7, 9)));
        assert_eq!(p.span(9, 12), None);
        let plain = prepare("déjà vu 😀");
        assert!(!plain.changed);
        assert_eq!(plain.span(8, 9), Some((8, 9)));
    }
}
