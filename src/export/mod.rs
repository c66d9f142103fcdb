//! Exports: a project, narrowed by a [`Filter`], written in the formats other tools read.
//!
//! Every format is one file here behind the same signature, as ripgrep's printers are:
//! `fn write(view: &View<'_>, options: &Options) -> Result<Output, ExportError>`. The caller builds
//! the [`View`] once (filter applied, quotes read, codes resolved), picks a [`Format`], and gets the
//! bytes back as an [`Output`] — one file, or a folder of named files — that [`write_output`] puts
//! on disk. Nothing here mutates the project or reads the clock; the formats never see a code,
//! document or coder that the filter left out.
//!
//! Offsets are exported exactly as the model holds them: Unicode scalar values, end exclusive
//! (Python's `text[start:end]`, REFI-QDA's and W3C's "character positions").

mod brat;
mod csv_cells;
mod csv_table;
mod guid;
pub(crate) mod html;
mod jsonl;
mod matrix_csv;
mod refi_qda;
mod view;
mod web_annotation;

use std::fmt;
use std::path::{Path, PathBuf};

pub use csv_cells::{neutralise, restore};
pub use guid::{Guids, code_guid, group_guid};
pub use refi_qda::{ATTRIBUTE_PREFIX, CODEBOOK_NS, PROJECT_NS};
pub use view::{Coding, Filter, View};

/// The export formats, by the names the command line and the dialog use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// REFI-QDA project: a zip with `project.qde` and `sources/<guid>.txt`.
    Qdpx,
    /// REFI-QDA codebook (XML).
    Qdc,
    /// One row per coding × code.
    Csv,
    /// Code × document counts.
    MatrixCsv,
    /// A folder: `documents.jsonl`, `annotations.jsonl`, `codebook.json`, `README.md`.
    Jsonl,
    /// A folder of brat standoff files: `<doc>.txt`, `<doc>.ann`, `annotation.conf`, `visual.conf`.
    Brat,
    /// W3C Web Annotation (JSON-LD): one AnnotationCollection per document.
    WebAnnotation,
    /// A self-contained HTML report.
    Html,
}

impl Format {
    /// Every format, in the order menus show them.
    pub const ALL: [Self; 8] = [
        Self::Qdpx,
        Self::Qdc,
        Self::Csv,
        Self::MatrixCsv,
        Self::Jsonl,
        Self::Brat,
        Self::WebAnnotation,
        Self::Html,
    ];

    /// The name used on the command line (`--format`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Qdpx => "qdpx",
            Self::Qdc => "qdc",
            Self::Csv => "csv",
            Self::MatrixCsv => "matrix-csv",
            Self::Jsonl => "jsonl",
            Self::Brat => "brat",
            Self::WebAnnotation => "web-annotation",
            Self::Html => "html",
        }
    }

    /// The format with this name.
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Whether the output is a folder rather than one file.
    #[must_use]
    pub fn is_folder(self) -> bool {
        matches!(self, Self::Jsonl | Self::Brat)
    }

    /// The usual file extension (without dot) of a one-file output.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Qdpx => "qdpx",
            Self::Qdc => "qdc",
            Self::Csv | Self::MatrixCsv => "csv",
            Self::Jsonl | Self::Brat => "",
            Self::WebAnnotation => "jsonld",
            Self::Html => "html",
        }
    }

    /// Whether the `bom` option means something for this format.
    #[must_use]
    pub fn takes_bom(self) -> bool {
        matches!(self, Self::Csv | Self::MatrixCsv)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How to write, beside what to write (the filter lives in the [`View`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Start CSV files with a UTF-8 byte-order mark, which Excel needs to read UTF-8.
    pub bom: bool,
    /// The producing software, for formats that record it (REFI-QDA's `origin`).
    pub origin: String,
}

impl Options {
    /// Default options naming this build of Normcoder as the origin.
    #[must_use]
    pub fn new() -> Self {
        Self {
            bom: false,
            origin: format!("Normcoder {}", env!("CARGO_PKG_VERSION")),
        }
    }
}

/// What an exporter produced, still in memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Output {
    /// One file's bytes.
    File(Vec<u8>),
    /// Files of a folder, by name (plain names, no subfolders), in a stable order.
    Folder(Vec<(String, Vec<u8>)>),
}

impl Output {
    /// Number of files.
    #[must_use]
    pub fn file_count(&self) -> usize {
        match self {
            Self::File(_) => 1,
            Self::Folder(files) => files.len(),
        }
    }

    /// Total bytes.
    #[must_use]
    pub fn byte_count(&self) -> usize {
        match self {
            Self::File(b) => b.len(),
            Self::Folder(files) => files.iter().map(|(_, b)| b.len()).sum(),
        }
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(
        "unknown export format {0:?}; known formats: qdpx, qdc, csv, matrix-csv, jsonl, brat, web-annotation, html"
    )]
    UnknownFormat(String),
    #[error("the filter names a {kind} that is not in the project: {id}")]
    UnknownInFilter { kind: &'static str, id: String },
    #[error("nothing to export: the filter leaves no {0}")]
    Empty(&'static str),
    #[error("could not write {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{} exists and is not a folder", path.display())]
    NotAFolder { path: PathBuf },
    #[error("could not build the zip archive: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("could not encode the output: {0}")]
    Encode(String),
}

impl From<std::io::Error> for ExportError {
    fn from(e: std::io::Error) -> Self {
        Self::Encode(e.to_string())
    }
}

impl From<serde_json::Error> for ExportError {
    fn from(e: serde_json::Error) -> Self {
        Self::Encode(e.to_string())
    }
}

impl From<::csv::Error> for ExportError {
    fn from(e: ::csv::Error) -> Self {
        Self::Encode(e.to_string())
    }
}

/// Renders a view in a format.
pub fn render(view: &View<'_>, format: Format, options: &Options) -> Result<Output, ExportError> {
    match format {
        Format::Qdpx => refi_qda::write_qdpx(view, options),
        Format::Qdc => refi_qda::write_qdc(view, options),
        Format::Csv => csv_table::write(view, options),
        Format::MatrixCsv => matrix_csv::write(view, options),
        Format::Jsonl => jsonl::write(view, options),
        Format::Brat => brat::write(view, options),
        Format::WebAnnotation => web_annotation::write(view, options),
        Format::Html => html::write(view, options),
    }
}

/// Puts an output on disk: a file atomically, or a folder's files inside `path` (created if
/// needed). Returns the paths written.
pub fn write_output(output: &Output, path: &Path) -> Result<Vec<PathBuf>, ExportError> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| ExportError::Io { path, source }
    };
    match output {
        Output::File(bytes) => {
            crate::store::write_atomic(path, bytes).map_err(io(path))?;
            Ok(vec![path.to_owned()])
        }
        Output::Folder(files) => {
            if path.exists() && !path.is_dir() {
                return Err(ExportError::NotAFolder {
                    path: path.to_owned(),
                });
            }
            std::fs::create_dir_all(path).map_err(io(path))?;
            let mut written = Vec::with_capacity(files.len());
            for (name, bytes) in files {
                // Names come from this module (document ids, fixed names): never a separator, but
                // checked anyway so that nothing lands outside the folder.
                if name.contains(['/', '\\']) || name.starts_with('.') {
                    return Err(ExportError::Encode(format!("unsafe file name {name:?}")));
                }
                let file = path.join(name);
                crate::store::write_atomic(&file, bytes).map_err(io(&file))?;
                written.push(file);
            }
            Ok(written)
        }
    }
}

/// Filters, renders and writes in one call: what the command line and the dialog do.
pub fn export(
    project: &crate::model::Project,
    filter: &Filter,
    format: Format,
    options: &Options,
    path: &Path,
) -> Result<Vec<PathBuf>, ExportError> {
    let view = View::new(project, filter)?;
    let output = render(&view, format, options)?;
    write_output(&output, path)
}

/// `2026-01-31T12:00:00Z`: whole seconds, UTC, `Z` — the form every REFI-QDA example uses.
pub(crate) fn timestamp(at: chrono::DateTime<chrono::Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
