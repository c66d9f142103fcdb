//! Which reader handles a file: its content first (magic bytes, the entries of a zip), its
//! extension second. A renamed file is read for what it is, not for what its name says.

use std::io::Cursor;
use std::path::Path;

use super::FormatError;

/// A format Normcoder can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    PlainText,
    Markdown,
    Html,
    Docx,
    Odt,
    Epub,
    Pdf,
    Rtf,
}

impl Format {
    /// Its usual name, for messages.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::PlainText => "plain text",
            Self::Markdown => "Markdown",
            Self::Html => "HTML",
            Self::Docx => "DOCX",
            Self::Odt => "ODT",
            Self::Epub => "EPUB",
            Self::Pdf => "PDF",
            Self::Rtf => "RTF",
        }
    }
}

/// What a file's content says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sniffed {
    /// A format we read.
    Known(Format),
    /// A format we recognise but do not read (with a hint of what to do).
    Unsupported(String),
    /// A password-protected file.
    Encrypted(&'static str),
}

const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Chooses the reader for `bytes` read from `path`.
pub fn sniff(path: &Path, bytes: &[u8]) -> Result<Sniffed, FormatError> {
    if let Some(found) = by_content(bytes)? {
        return Ok(found);
    }
    Ok(Sniffed::Known(by_extension(path)))
}

fn by_content(bytes: &[u8]) -> Result<Option<Sniffed>, FormatError> {
    let head = bytes.get(..bytes.len().min(1024)).unwrap_or_default();
    if head.starts_with(b"%PDF-") {
        return Ok(Some(Sniffed::Known(Format::Pdf)));
    }
    if head.starts_with(b"{\\rtf") {
        return Ok(Some(Sniffed::Known(Format::Rtf)));
    }
    if head.starts_with(b"PK\x03\x04") {
        return zip_kind(bytes).map(Some);
    }
    if head.starts_with(OLE_MAGIC) {
        // A password-protected DOCX/XLSX/PPTX is an OLE compound file holding an
        // "EncryptedPackage" stream; any other OLE file is a legacy Office format.
        let marker: Vec<u8> = "EncryptedPackage"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        if bytes.windows(marker.len()).any(|w| w == marker.as_slice()) {
            return Ok(Some(Sniffed::Encrypted("encrypted Office document")));
        }
        return Ok(Some(Sniffed::Unsupported(
            "legacy Office file (.doc, Word 97–2003); save it as .docx or .odt".to_owned(),
        )));
    }
    let text_start = skip_bom_and_space(head);
    let lower: Vec<u8> = text_start
        .iter()
        .take(64)
        .map(u8::to_ascii_lowercase)
        .collect();
    if lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html") {
        return Ok(Some(Sniffed::Known(Format::Html)));
    }
    if lower.starts_with(b"<?xml") && contains(&head.to_ascii_lowercase(), b"<html") {
        return Ok(Some(Sniffed::Known(Format::Html)));
    }
    Ok(None)
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn skip_bom_and_space(bytes: &[u8]) -> &[u8] {
    let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    b.get(start..).unwrap_or_default()
}

/// DOCX, ODT and EPUB are all zip files: their entries say which.
fn zip_kind(bytes: &[u8]) -> Result<Sniffed, FormatError> {
    let archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| FormatError::malformed("zip (DOCX, ODT or EPUB)", e))?;
    let has = |name: &str| archive.index_for_name(name).is_some();
    if has("word/document.xml") {
        return Ok(Sniffed::Known(Format::Docx));
    }
    if has("content.xml") && has("mimetype") {
        return Ok(Sniffed::Known(Format::Odt));
    }
    if has("META-INF/container.xml") {
        return Ok(Sniffed::Known(Format::Epub));
    }
    if has("content.xml") {
        return Ok(Sniffed::Known(Format::Odt));
    }
    if has("xl/workbook.xml") || has("ppt/presentation.xml") {
        return Ok(Sniffed::Unsupported(
            "spreadsheet or presentation (.xlsx, .pptx)".to_owned(),
        ));
    }
    Ok(Sniffed::Unsupported("zip archive".to_owned()))
}

fn by_extension(path: &Path) -> Format {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "md" | "markdown" | "mdown" | "mkd" => Format::Markdown,
        "html" | "htm" | "xhtml" => Format::Html,
        _ => Format::PlainText,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(name: &str, bytes: &[u8]) -> Sniffed {
        sniff(Path::new(name), bytes).expect("sniff")
    }

    #[test]
    fn content_wins_over_extension() {
        assert_eq!(kind("a.txt", b"%PDF-1.7\n"), Sniffed::Known(Format::Pdf));
        assert_eq!(kind("a.doc", b"{\\rtf1 x}"), Sniffed::Known(Format::Rtf));
        assert_eq!(
            kind("a.txt", b"\xEF\xBB\xBF  <!DOCTYPE html><p>x"),
            Sniffed::Known(Format::Html)
        );
        assert_eq!(kind("a.htm", b"<p>x</p>"), Sniffed::Known(Format::Html));
        assert_eq!(kind("a.md", b"# x"), Sniffed::Known(Format::Markdown));
        assert_eq!(kind("a", b"x"), Sniffed::Known(Format::PlainText));
    }

    #[test]
    fn ole_files_are_named() {
        let mut enc = OLE_MAGIC.to_vec();
        enc.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(
            kind("a.docx", &enc),
            Sniffed::Encrypted("encrypted Office document")
        );
        assert!(matches!(kind("a.doc", OLE_MAGIC), Sniffed::Unsupported(_)));
    }

    #[test]
    fn a_truncated_zip_is_malformed() {
        assert!(matches!(
            sniff(Path::new("a.docx"), b"PK\x03\x04garbage"),
            Err(FormatError::Malformed { .. })
        ));
    }
}
