//! A span of text counted in Unicode scalar values (Rust `char`s), never bytes.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::ModelError;

/// A non-empty half-open range `[start, end)` of character offsets.
///
/// Offsets count `char`s so that « é » is one unit whatever its UTF-8 length, as in Python's
/// `text[start:end]`. Whether the span fits a given text is checked when it meets that text
/// ([`super::Document::check_span`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CharSpan {
    start: usize,
    end: usize,
}

impl CharSpan {
    /// A span with `start < end`.
    pub fn new(start: usize, end: usize) -> Result<Self, ModelError> {
        if start >= end {
            return Err(ModelError::EmptySpan { start, end });
        }
        Ok(Self { start, end })
    }

    /// First character of the span.
    #[must_use]
    pub fn start(self) -> usize {
        self.start
    }

    /// One past the last character.
    #[must_use]
    pub fn end(self) -> usize {
        self.end
    }

    /// Number of characters covered.
    #[must_use]
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Spans are never empty; kept for clippy's `len_without_is_empty`.
    #[must_use]
    pub fn is_empty(self) -> bool {
        false
    }

    /// Whether the two spans share at least one character.
    #[must_use]
    pub fn overlaps(self, other: Self) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether the character at `offset` is inside the span.
    #[must_use]
    pub fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
}

impl fmt::Display for CharSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}, {})", self.start, self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_reversed_spans_are_refused() {
        assert!(CharSpan::new(3, 3).is_err());
        assert!(CharSpan::new(4, 3).is_err());
        let s = CharSpan::new(2, 5).expect("valid");
        assert_eq!(s.len(), 3);
        assert!(s.overlaps(CharSpan::new(4, 9).expect("valid")));
        assert!(!s.overlaps(CharSpan::new(5, 9).expect("valid")));
    }
}
