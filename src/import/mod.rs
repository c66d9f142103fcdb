//! Source files → documents.
//!
//! Every importer returns the normalised text, the metadata it could find and warnings for what
//! the user should check (a guessed encoding, a stripped prefix). Text is normalised once, here
//! (UTF-8, `\n`, NFC, no stray control characters), before any offset exists, so that offsets
//! never move afterwards.

pub mod batch;
mod decode;
pub mod formats;
mod header;
mod markdown;
mod normalize;
pub mod refi;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::model::{DocId, Document, DocumentMeta, ModelError, Project};

use formats::Format;

pub use decode::decode;
pub use normalize::normalize;

/// Largest source file accepted: a 64 MiB text is about 30 000 pages.
pub const MAX_DOCUMENT_BYTES: u64 = 64 * 1024 * 1024;

/// Something the user should know about an import that still succeeded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportWarning(pub String);

impl fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why a file could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("could not read {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("file is empty: {}", path.display())]
    Empty { path: PathBuf },
    #[error("file has no text once blank lines and markup are removed: {}", path.display())]
    NoText { path: PathBuf },
    #[error("file is {bytes} bytes, over the {} MiB limit for one document: {}", MAX_DOCUMENT_BYTES / 1024 / 1024, path.display())]
    TooLarge { path: PathBuf, bytes: u64 },
    #[error("file looks binary (a NUL byte at offset {offset}) and is not a format Normcoder reads; supported formats: {}: {}", formats::SUPPORTED, path.display())]
    Binary { path: PathBuf, offset: usize },
    #[error("{what} is not supported; supported formats: {}: {}", formats::SUPPORTED, path.display())]
    Unsupported { path: PathBuf, what: String },
    #[error("{what}: remove the password (save an unprotected copy) and import again: {}", path.display())]
    Encrypted { path: PathBuf, what: &'static str },
    #[error("{}: {source}", path.display())]
    Format {
        path: PathBuf,
        #[source]
        source: formats::FormatError,
    },
    #[error("{path}: {source}", path = path.display())]
    Model {
        path: PathBuf,
        #[source]
        source: ModelError,
    },
}

/// What an importer produced from one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub text: String,
    pub meta: DocumentMeta,
    pub warnings: Vec<ImportWarning>,
}

/// Reads and imports a file (format chosen by its content, then its extension).
pub fn import_file(path: &Path) -> Result<Imported, ImportError> {
    let io = |source| ImportError::Io {
        path: path.to_owned(),
        source,
    };
    let len = std::fs::metadata(path).map_err(io)?.len();
    if len > MAX_DOCUMENT_BYTES {
        return Err(ImportError::TooLarge {
            path: path.to_owned(),
            bytes: len,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    import_bytes(path, &bytes)
}

/// Imports bytes as if read from `path` (whose name gives the format and the fallback title).
pub fn import_bytes(path: &Path, bytes: &[u8]) -> Result<Imported, ImportError> {
    let len = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if len > MAX_DOCUMENT_BYTES {
        return Err(ImportError::TooLarge {
            path: path.to_owned(),
            bytes: len,
        });
    }
    if bytes.is_empty() {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    }
    let format = match formats::sniff(path, bytes) {
        Ok(formats::sniff::Sniffed::Known(f)) => f,
        Ok(formats::sniff::Sniffed::Unsupported(what)) => {
            return Err(ImportError::Unsupported {
                path: path.to_owned(),
                what,
            });
        }
        Ok(formats::sniff::Sniffed::Encrypted(what)) => {
            return Err(ImportError::Encrypted {
                path: path.to_owned(),
                what,
            });
        }
        Err(source) => return Err(format_error(path, source)),
    };
    let (body, mut meta, mut warnings, md_title) = match format {
        Format::PlainText | Format::Markdown => {
            let (raw, mut warnings) = decode(bytes).map_err(|offset| ImportError::Binary {
                path: path.to_owned(),
                offset,
            })?;
            let (raw, meta, header_warnings) = header::extract(&raw);
            warnings.extend(header_warnings);
            let (body, md_title) = if format == Format::Markdown {
                markdown::to_plain_text(&raw)
            } else {
                (raw, None)
            };
            (body, meta, warnings, md_title)
        }
        other => {
            let out = formats::extract(other, bytes).map_err(|e| format_error(path, e))?;
            (out.text, out.meta, out.warnings, None)
        }
    };
    let (text, norm_warnings) = normalize(&body);
    warnings.extend(norm_warnings);
    if text.is_empty() {
        return Err(ImportError::NoText {
            path: path.to_owned(),
        });
    }
    if meta.title.is_empty() {
        meta.title = md_title.unwrap_or_else(|| title_from_path(path));
    }
    if meta.origin.is_none() {
        meta.origin = path.file_name().map(|n| n.to_string_lossy().into_owned());
    }
    // Office files often carry the author's interface language, not the text's: a confident
    // detection that disagrees wins, with a warning.
    if let (Some(given), Some(found)) = (meta.language.clone(), detect_language(&text))
        && given != found
    {
        warnings.push(ImportWarning(format!(
            "the file says language {given:?} but the text reads as {found:?}; {found:?} kept"
        )));
        meta.language = Some(found);
    }
    if meta.language.is_none()
        && let Some(lang) = detect_language(&text)
    {
        warnings.push(ImportWarning(format!(
            "language not given; detected {lang:?} from the text"
        )));
        meta.language = Some(lang);
    }
    Ok(Imported {
        text,
        meta,
        warnings,
    })
}

/// A reader's error, with the encrypted case lifted to its own variant.
fn format_error(path: &Path, source: formats::FormatError) -> ImportError {
    match source {
        formats::FormatError::Encrypted(what) => ImportError::Encrypted {
            path: path.to_owned(),
            what,
        },
        source => ImportError::Format {
            path: path.to_owned(),
            source,
        },
    }
}

/// ISO 639-1 code of the text's language when the detector is confident.
fn detect_language(text: &str) -> Option<String> {
    let sample: String = text.chars().take(20_000).collect();
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() {
        return None;
    }
    let code = match info.lang() {
        whatlang::Lang::Fra => "fr",
        whatlang::Lang::Eng => "en",
        whatlang::Lang::Deu => "de",
        whatlang::Lang::Spa => "es",
        whatlang::Lang::Ita => "it",
        whatlang::Lang::Por => "pt",
        whatlang::Lang::Nld => "nl",
        whatlang::Lang::Rus => "ru",
        whatlang::Lang::Cmn => "zh",
        whatlang::Lang::Ara => "ar",
        _ => return None,
    };
    Some(code.to_owned())
}

/// "an-qag-1400_2018.md" → "an-qag-1400_2018".
fn title_from_path(path: &Path) -> String {
    path.file_stem().map_or_else(
        || "Untitled".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// Builds a document for `project` with an id derived from the file name, made unique.
pub fn to_document(
    project: &Project,
    path: &Path,
    imported: Imported,
) -> Result<Document, ImportError> {
    let stem = title_from_path(path);
    let base = DocId::from_name(&stem)
        .or_else(|| DocId::from_name(&imported.meta.title))
        .or_else(|| DocId::from_name("document"))
        .ok_or_else(|| ImportError::NoText {
            path: path.to_owned(),
        })?;
    let mut id = base.clone();
    let mut n = 2;
    while project.document(&id).is_some() {
        id = DocId::new(format!("{base}-{n}")).map_err(|e| ImportError::Model {
            path: path.to_owned(),
            source: e.into(),
        })?;
        n += 1;
    }
    Document::new(id, imported.meta, imported.text).map_err(|source| ImportError::Model {
        path: path.to_owned(),
        source,
    })
}
