//! A source text and what is known about it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use super::{CharSpan, DocDate, DocId, ModelError, TextIndex};

/// What kind of governance text a document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    Question,
    Answer,
    Speech,
    Article,
    Declaration,
    Report,
    Resolution,
    Other,
}

impl DocKind {
    /// All kinds, for menus and parsers.
    pub const ALL: [Self; 8] = [
        Self::Question,
        Self::Answer,
        Self::Speech,
        Self::Article,
        Self::Declaration,
        Self::Report,
        Self::Resolution,
        Self::Other,
    ];

    /// The lower-case name used in files and on the command line.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Question => "question",
            Self::Answer => "answer",
            Self::Speech => "speech",
            Self::Article => "article",
            Self::Declaration => "declaration",
            Self::Report => "report",
            Self::Resolution => "resolution",
            Self::Other => "other",
        }
    }

    /// Parses a kind name, case-insensitively.
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(name.trim()))
    }
}

/// Metadata of a document: what a researcher filters and groups by.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentMeta {
    pub title: String,
    /// ISO 639-1 code (`fr`, `en`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DocDate>,
    /// Author or speaker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<DocKind>,
    /// File name or URL the text came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// Free attributes (party, country, actor type of the speaker…).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, String>,
}

/// A source text, stored normalised (UTF-8, `\n` line ends, NFC) so that offsets never move.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    id: DocId,
    pub(crate) meta: DocumentMeta,
    text: String,
    sha256: String,
    index: TextIndex,
}

impl Document {
    /// A document from its text; the hash and the offset table are computed here.
    pub fn new(id: DocId, meta: DocumentMeta, text: String) -> Result<Self, ModelError> {
        if text.is_empty() {
            return Err(ModelError::EmptyDocument(id));
        }
        let sha256 = sha256_hex(&text);
        let index = TextIndex::new(&text);
        Ok(Self {
            id,
            meta,
            text,
            sha256,
            index,
        })
    }

    /// A document read from a file, whose stored hash must match its text.
    pub fn with_hash(
        id: DocId,
        meta: DocumentMeta,
        text: String,
        sha256: &str,
    ) -> Result<Self, ModelError> {
        let doc = Self::new(id, meta, text)?;
        if !doc.sha256.eq_ignore_ascii_case(sha256) {
            return Err(ModelError::HashMismatch { doc: doc.id });
        }
        Ok(doc)
    }

    /// The document's id.
    #[must_use]
    pub fn id(&self) -> &DocId {
        &self.id
    }

    /// Its metadata.
    #[must_use]
    pub fn meta(&self) -> &DocumentMeta {
        &self.meta
    }

    /// The normalised text.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// SHA-256 of the text, lower-case hex: how coders' files recognise the same document.
    #[must_use]
    pub fn sha256(&self) -> &str {
        &self.sha256
    }

    /// Length in characters.
    #[must_use]
    pub fn char_len(&self) -> usize {
        self.index.char_len()
    }

    /// The char ↔ byte table.
    #[must_use]
    pub fn index(&self) -> &TextIndex {
        &self.index
    }

    /// Checks that a span lies inside the text.
    pub fn check_span(&self, span: CharSpan) -> Result<(), ModelError> {
        if span.end() > self.char_len() {
            return Err(ModelError::SpanOutsideText {
                doc: self.id.clone(),
                span,
                len: self.char_len(),
            });
        }
        Ok(())
    }

    /// The text of a span, or an error if it does not fit.
    pub fn slice(&self, span: CharSpan) -> Result<&str, ModelError> {
        self.check_span(span)?;
        self.index
            .slice(&self.text, span.start(), span.end())
            .ok_or_else(|| ModelError::SpanOutsideText {
                doc: self.id.clone(),
                span,
                len: self.char_len(),
            })
    }
}

/// Lower-case hex SHA-256 of a text.
#[must_use]
pub fn sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!("{digest:x}")
}
