//! Telling a file that is not a Normcoder project at all (a document, an archive, an empty file)
//! from a project with a mistake in it.
//!
//! People open the wrong file: the text they meant to code, a Word file, a PDF. The RON parser
//! would answer "Expected struct `NormcoderProject` but found `Hello`", which says nothing to
//! them; a project with a typo, on the other hand, needs exactly the parser's line and column.
//! So a file is called foreign only when its first bytes show it cannot be a project: magic bytes
//! of a known binary format, or text that does not begin (after white space, comments and RON's
//! `#![enable(…)]` lines) with a RON struct. Any file that names the project format is left to
//! the parser, so a hand-edited project never loses its line and column.
//!
//! This is a small look at the bytes, not the importer's sniffing (`import/` sits above `store/`
//! and may change its formats on its own); it only has to say what to do next.

use std::io::Cursor;
use std::path::Path;

use super::file_format::FORMAT_NAME;

/// What a file that is not a Normcoder project looks like, so that the window can say it in the
/// user's language and offer to import a document, and the command line can name the command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LooksLike {
    /// Nothing in it, or only white space.
    Empty,
    /// Text that is not a project (read as plain text by `normcoder import`).
    PlainText,
    /// Text with a Markdown extension.
    Markdown,
    /// A web page.
    Html,
    Rtf,
    Pdf,
    Docx,
    Odt,
    Epub,
    /// A REFI-QDA project exported by another program (`normcoder import-qdpx` makes a project).
    Qdpx,
    /// A REFI-QDA codebook (`normcoder import-qdc` adds its codes to a project).
    Qdc,
    /// A Word 97–2003 or other legacy Office file, which Normcoder does not read.
    LegacyOffice,
    /// Anything else that is not text: another archive, an image, a program.
    Binary,
}

impl LooksLike {
    /// Every kind, for tests and for translation tables.
    pub const ALL: [Self; 13] = [
        Self::Empty,
        Self::PlainText,
        Self::Markdown,
        Self::Html,
        Self::Rtf,
        Self::Pdf,
        Self::Docx,
        Self::Odt,
        Self::Epub,
        Self::Qdpx,
        Self::Qdc,
        Self::LegacyOffice,
        Self::Binary,
    ];

    /// The kind in English, as it completes "it looks like …".
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Self::Empty => "an empty file",
            Self::PlainText => "a plain-text document",
            Self::Markdown => "a Markdown document",
            Self::Html => "a web page (HTML)",
            Self::Rtf => "an RTF document",
            Self::Pdf => "a PDF document",
            Self::Docx => "a Word document (.docx)",
            Self::Odt => "an OpenDocument text (.odt)",
            Self::Epub => "an EPUB book",
            Self::Qdpx => "a REFI-QDA project (.qdpx) from another program",
            Self::Qdc => "a REFI-QDA codebook (.qdc)",
            Self::LegacyOffice => "a legacy Office file (.doc, Word 97–2003)",
            Self::Binary => "a binary file, not text",
        }
    }

    /// Whether `normcoder import` (and the window's import) reads it as a document to code.
    #[must_use]
    pub fn is_document(self) -> bool {
        matches!(
            self,
            Self::PlainText
                | Self::Markdown
                | Self::Html
                | Self::Rtf
                | Self::Pdf
                | Self::Docx
                | Self::Odt
                | Self::Epub
        )
    }

    /// Why the file was refused, in English: the part of the message before any advice.
    #[must_use]
    pub fn reason(self) -> String {
        match self {
            Self::Empty => "the file is empty".to_owned(),
            other => format!("it looks like {}", other.describe()),
        }
    }

    /// What to do with such a file, as a command line naming `file`; `None` when there is nothing
    /// Normcoder can do with it.
    #[must_use]
    pub fn advice(self, file: &str) -> Option<String> {
        if self.is_document() {
            return Some(format!(
                "import it into a project with `normcoder import PROJECT {file}`"
            ));
        }
        match self {
            Self::Qdpx => Some(format!(
                "make a project from it with `normcoder import-qdpx {file} PROJECT`"
            )),
            Self::Qdc => Some(format!(
                "add its codes to a project with `normcoder import-qdc PROJECT {file}`"
            )),
            Self::LegacyOffice => Some("save it as .docx or .odt, then import it".to_owned()),
            _ => None,
        }
    }
}

/// How much of a file is looked at: the start says what a file is.
const LOOK: usize = 64 * 1024;

const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// What `bytes` (read from `path`, whose extension only refines text) look like when they cannot
/// be a Normcoder project; `None` when they may be one, and the parser should have its say.
#[must_use]
pub fn looks_like(bytes: &[u8], path: Option<&Path>) -> Option<LooksLike> {
    let head = bytes.get(..bytes.len().min(LOOK)).unwrap_or_default();
    if head.starts_with(b"%PDF-") {
        return Some(LooksLike::Pdf);
    }
    if head.starts_with(b"{\\rtf") {
        return Some(LooksLike::Rtf);
    }
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        return Some(zip_kind(bytes));
    }
    if head.starts_with(OLE_MAGIC) {
        return Some(LooksLike::LegacyOffice);
    }
    let text = match utf16_text(head) {
        Some(text) => text,
        None if head.contains(&0) => return Some(LooksLike::Binary),
        // Not UTF-8 is still text (a Latin-1 project or note); the parser's check says which.
        None => String::from_utf8_lossy(head).into_owned(),
    };
    let text = text.trim_start_matches('\u{FEFF}');
    if text.trim().is_empty() {
        // Only white space in the part looked at: empty if that was the whole file.
        return (bytes.len() <= LOOK).then_some(LooksLike::Empty);
    }
    if could_be_a_project(text) {
        return None;
    }
    Some(text_kind(text, path))
}

/// Text after a UTF-16 byte-order mark, which has NUL bytes and yet is text.
fn utf16_text(head: &[u8]) -> Option<String> {
    let (body, little) = if let Some(b) = head.strip_prefix(b"\xFF\xFE") {
        (b, true)
    } else {
        (head.strip_prefix(b"\xFE\xFF")?, false)
    };
    let units = body.chunks_exact(2).map(|pair| {
        let bytes = [pair[0], pair[1]];
        if little {
            u16::from_le_bytes(bytes)
        } else {
            u16::from_be_bytes(bytes)
        }
    });
    Some(
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}

/// Whether text may be a project: it names the format (perhaps badly written: JSON, a typo), or
/// its first token, after white space, comments and `#![…]` lines, opens a RON struct — an
/// anonymous one whose first field follows, or `NormcoderProject(`.
fn could_be_a_project(text: &str) -> bool {
    if text.contains(FORMAT_NAME) {
        return true;
    }
    let rest = skip_ron_preamble(text);
    if let Some(named) = rest.strip_prefix("NormcoderProject") {
        return skip_ron_preamble(named).starts_with('(');
    }
    let Some(inside) = rest.strip_prefix('(') else {
        return false;
    };
    let inside = skip_ron_preamble(inside);
    if inside.is_empty() || inside.starts_with(')') {
        // `(` alone is a project cut short; `()` an empty struct: the parser says what is missing.
        return true;
    }
    let field_len = inside
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(inside.len());
    field_len > 0
        && inside
            .get(field_len..)
            .is_some_and(|after| skip_ron_preamble(after).starts_with(':'))
}

/// Skips white space, `//` and `/* */` comments and `#![…]` attributes.
fn skip_ron_preamble(mut text: &str) -> &str {
    loop {
        text = text.trim_start();
        if text.starts_with("//") {
            text = text.find('\n').map_or("", |n| &text[n..]);
        } else if let Some(body) = text.strip_prefix("/*") {
            text = body.find("*/").map_or("", |n| &body[n + 2..]);
        } else if text.starts_with("#![") {
            text = text.find(']').map_or("", |n| &text[n + 1..]);
        } else {
            return text;
        }
    }
}

/// Text that is not a project: a web page, a REFI-QDA codebook, or a document named by its
/// extension.
fn text_kind(text: &str, path: Option<&Path>) -> LooksLike {
    let start: String = text
        .trim_start()
        .chars()
        .take(1024)
        .collect::<String>()
        .to_lowercase();
    if start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || (start.starts_with("<?xml") && start.contains("<html"))
    {
        return LooksLike::Html;
    }
    if start.starts_with('<') && start.contains("<codebook") {
        return LooksLike::Qdc;
    }
    let ext = path
        .and_then(Path::extension)
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "md" | "markdown" | "mdown" | "mkd" => LooksLike::Markdown,
        "html" | "htm" | "xhtml" => LooksLike::Html,
        _ => LooksLike::PlainText,
    }
}

/// DOCX, ODT, EPUB and `.qdpx` are all zip files: their entries say which.
fn zip_kind(bytes: &[u8]) -> LooksLike {
    let Ok(archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return LooksLike::Binary;
    };
    let has = |name: &str| archive.index_for_name(name).is_some();
    if has("word/document.xml") {
        LooksLike::Docx
    } else if has("META-INF/container.xml") {
        LooksLike::Epub
    } else if has("content.xml") && has("mimetype") {
        LooksLike::Odt
    } else if archive
        .file_names()
        .flatten()
        .any(|n| !n.contains('/') && n.to_ascii_lowercase().ends_with(".qde"))
    {
        LooksLike::Qdpx
    } else {
        LooksLike::Binary
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;

    fn kind(name: &str, bytes: &[u8]) -> Option<LooksLike> {
        looks_like(bytes, Some(Path::new(name)))
    }

    fn zip_with(entries: &[&str]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        for name in entries {
            zip.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(b"<x/>").unwrap();
        }
        zip.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn projects_and_broken_projects_are_left_to_the_parser() {
        for text in [
            "#![enable(implicit_some)]\n(\n  format: \"normcoder-project\",\n  version: 1,",
            "// A project file in the pre-release format\n(\n    format: \"normcoder-project\",",
            "/* comment */ NormcoderProject (format: \"x\")",
            "(\n  name: \"sans en-tête\",\n  documents: [],\n)\n",
            "(\n  format \"normcoder-project\"",
            "{\"format\": \"normcoder-project\", \"version\": 1}",
            "(",
            "  ()  ",
            "#![enable(implicit_some)]\n(\n  name: \"S\u{e9}minaire\"",
        ] {
            assert_eq!(kind("p.ncp.ron", text.as_bytes()), None, "{text}");
        }
        // A project saved in Latin-1 is a project with an encoding problem, not a document.
        assert_eq!(
            kind(
                "p.ncp.ron",
                b"#![enable(implicit_some)]\n(\n  name: \"S\xe9minaire\""
            ),
            None
        );
    }

    #[test]
    fn documents_are_named_for_what_they_are() {
        assert_eq!(kind("notes.txt", b""), Some(LooksLike::Empty));
        assert_eq!(kind("notes.txt", b" \n\t\n"), Some(LooksLike::Empty));
        assert_eq!(
            kind("notes.txt", "Hello, world.\n".as_bytes()),
            Some(LooksLike::PlainText)
        );
        assert_eq!(
            kind("x.ncp.ron", "Ceci n\u{2019}est pas un projet.\n".as_bytes()),
            Some(LooksLike::PlainText)
        );
        assert_eq!(
            kind("x", "(Translation) The Paris Call".as_bytes()),
            Some(LooksLike::PlainText)
        );
        assert_eq!(
            kind("notes.txt", b"Caf\xe9 cr\xe8me, texte en Latin-1"),
            Some(LooksLike::PlainText)
        );
        assert_eq!(
            kind("call.md", b"# The Paris Call\n"),
            Some(LooksLike::Markdown)
        );
        assert_eq!(
            kind("x.txt", b"\xEF\xBB\xBF<!DOCTYPE html><p>x</p>"),
            Some(LooksLike::Html)
        );
        assert_eq!(kind("x.htm", b"<p>x</p>"), Some(LooksLike::Html));
        assert_eq!(
            kind(
                "c.xml",
                b"<?xml version=\"1.0\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\">"
            ),
            Some(LooksLike::Qdc)
        );
        assert_eq!(kind("x.ron", b"%PDF-1.7\n%\xe2\xe3"), Some(LooksLike::Pdf));
        assert_eq!(kind("x.ron", b"{\\rtf1\\ansi x}"), Some(LooksLike::Rtf));
        assert_eq!(kind("x.doc", OLE_MAGIC), Some(LooksLike::LegacyOffice));
        assert_eq!(
            kind("x.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Some(LooksLike::Binary)
        );
        let utf16: Vec<u8> = b"\xFF\xFE"
            .iter()
            .copied()
            .chain("Hello".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(kind("x.txt", &utf16), Some(LooksLike::PlainText));
    }

    #[test]
    fn zip_files_are_told_apart_by_their_entries() {
        let cases = [
            (
                vec!["[Content_Types].xml", "word/document.xml"],
                LooksLike::Docx,
            ),
            (vec!["mimetype", "content.xml"], LooksLike::Odt),
            (vec!["mimetype", "META-INF/container.xml"], LooksLike::Epub),
            (vec!["project.qde", "sources/a.txt"], LooksLike::Qdpx),
            (vec!["photo.jpg"], LooksLike::Binary),
        ];
        for (entries, expected) in cases {
            assert_eq!(
                kind("x", &zip_with(&entries)),
                Some(expected),
                "{entries:?}"
            );
        }
        assert_eq!(
            kind("x.docx", b"PK\x03\x04garbage"),
            Some(LooksLike::Binary)
        );
    }

    #[test]
    fn every_kind_says_what_it_is_and_documents_say_how_to_import() {
        for k in LooksLike::ALL {
            assert!(!k.describe().is_empty());
            assert!(!k.reason().is_empty());
            if k.is_document() {
                assert_eq!(
                    k.advice("notes.txt").as_deref(),
                    Some("import it into a project with `normcoder import PROJECT notes.txt`")
                );
            }
        }
        assert_eq!(LooksLike::Empty.advice("x"), None);
        assert_eq!(LooksLike::Binary.advice("x"), None);
    }
}
