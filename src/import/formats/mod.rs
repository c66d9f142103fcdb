//! Readers for binary and markup formats: HTML, DOCX, ODT, EPUB, PDF, RTF.
//!
//! Every reader has the same shape, `fn extract(bytes) -> Result<Extracted, FormatError>`: raw
//! text with paragraphs separated by blank lines (normalised later, once, by `import_bytes`),
//! the metadata the file carries, and warnings. Third-party parsers only see bytes that passed
//! the limits in `zip_limits` and `xml_limits`, and PDF parsing runs under `guard` (panics become
//! errors, a time limit stops a runaway parse).

pub mod core_props;
pub mod docx;
pub mod docx_numbering;
pub mod epub;
pub mod guard;
pub mod html;
pub mod odt;
pub mod odt_lists;
pub mod pdf;
pub mod rtf;
pub mod sniff;
pub mod xml_limits;
pub mod zip_limits;

use crate::model::DocumentMeta;

use super::ImportWarning;

pub use sniff::{Format, sniff};

/// The formats a user can import, for messages.
pub const SUPPORTED: &str = "plain text (.txt), Markdown (.md), HTML (.html), Word (.docx), OpenDocument (.odt), PDF with a text layer (.pdf), RTF (.rtf), EPUB (.epub)";

/// What a format reader found in one file, before normalisation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    /// Text with `\n\n` between paragraphs; not yet normalised.
    pub text: String,
    pub meta: DocumentMeta,
    pub warnings: Vec<ImportWarning>,
}

impl Extracted {
    /// Says that the date in the metadata is the file's own (when it was created or saved, from
    /// `property`), which is often not when the text was written or published.
    pub(crate) fn warn_file_date(&mut self, property: &str) {
        if let Some(date) = &self.meta.date {
            self.warnings.push(crate::import::ImportWarning(format!(
                "the date {date} is the file's {property}, which may not be when the text was written or published: check it (Edit metadata… in the window, or `normcoder attributes`)"
            )));
        }
    }

    /// Starts a new paragraph unless the text is empty or already ends with one.
    pub(crate) fn break_paragraph(&mut self) {
        let trimmed = self.text.trim_end_matches([' ', '\t']).len();
        self.text.truncate(trimmed);
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            if self.text.ends_with('\n') {
                self.text.push('\n');
            } else {
                self.text.push_str("\n\n");
            }
        }
    }
}

/// Why a file in a recognised format could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    /// The file is damaged, truncated or not what its signature says.
    #[error("damaged or truncated {format} file: {reason}")]
    Malformed {
        format: &'static str,
        reason: String,
    },
    /// The file is password-protected.
    #[error("{0}: remove the password (save an unprotected copy) and import again")]
    Encrypted(&'static str),
    /// A safety limit was hit (zip bomb, entity declarations, nesting, time).
    #[error("refused: {0}")]
    Limit(String),
    /// The file has no extractable text layer (a scanned PDF).
    #[error("{0}")]
    NoTextLayer(String),
}

impl FormatError {
    pub(crate) fn malformed(format: &'static str, reason: impl std::fmt::Display) -> Self {
        Self::Malformed {
            format,
            reason: reason.to_string(),
        }
    }
}

/// Reads `bytes` in `format` (never plain text or Markdown: those are decoded as text).
pub fn extract(format: Format, bytes: &[u8]) -> Result<Extracted, FormatError> {
    match format {
        Format::Html => {
            let (text, mut warnings) = super::decode(bytes).map_err(|offset| {
                FormatError::malformed("HTML", format!("a NUL byte at offset {offset}"))
            })?;
            let mut out = html::extract(&text)?;
            warnings.append(&mut out.warnings);
            out.warnings = warnings;
            Ok(out)
        }
        Format::Docx => docx::extract(bytes),
        Format::Odt => odt::extract(bytes),
        Format::Epub => epub::extract(bytes),
        Format::Pdf => pdf::extract(bytes),
        Format::Rtf => rtf::extract(bytes),
        Format::PlainText | Format::Markdown => Err(FormatError::malformed(
            "text",
            "plain text and Markdown are read as text, not extracted",
        )),
    }
}

/// Keeps a non-empty trimmed value.
pub(crate) fn non_empty(s: &str) -> Option<String> {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}
