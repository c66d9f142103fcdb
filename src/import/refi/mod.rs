//! REFI-QDA in: `.qdpx` projects from ATLAS.ti, MAXQDA, NVivo, QualCoder… into a new project,
//! and `.qdc` codebooks into an existing one.
//!
//! Nothing from another tool is trusted: the zip is read into memory with size caps
//! ([`archive`]), the XML is parsed without DTDs or entities ([`xml`]), source paths must name a
//! file inside the archive's `sources/` folder (nothing is ever extracted to disk), and every
//! selection is checked against its text. What cannot be carried (audio, video, pictures, PDF
//! regions, cases, sets, links, graphs, unattached notes, selections outside their text) is listed
//! in the [`Report`] instead of failing the import or being dropped silently.

mod archive;
mod codes;
mod qdc;
mod qdpx;
mod text;
mod xml;

pub use qdc::import_qdc;
pub use qdpx::import_qdpx;
pub use text::{Prepared, prepare};

use std::fmt;

/// Why a REFI-QDA file could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum RefiError {
    #[error("not a readable zip archive: {0}")]
    Zip(String),
    #[error("the archive has no project.qde")]
    NoProject,
    #[error("XML error: {0}")]
    Xml(String),
    #[error("the root element is <{found}>, expected <{expected}>")]
    WrongRoot {
        found: String,
        expected: &'static str,
    },
    #[error("{name} is larger than {limit} bytes once decompressed")]
    TooLarge { name: String, limit: u64 },
    #[error("over the limit on {0}")]
    Limit(&'static str),
    #[error("the file is not UTF-8 text: {0}")]
    Encoding(String),
    #[error("nothing could be imported: {0}")]
    Nothing(String),
    #[error("the imported project is inconsistent: {0}")]
    Model(String),
}

/// What an import did, and what it could not carry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub documents: usize,
    pub codes: usize,
    pub groups: usize,
    pub coders: usize,
    pub annotations: usize,
    /// Things in the file that Normcoder cannot hold, one sentence each.
    pub not_carried: Vec<String>,
    /// Things that were carried with a change the user should know about.
    pub warnings: Vec<String>,
}

impl Report {
    fn lost(&mut self, what: impl Into<String>) {
        self.not_carried.push(what.into());
    }

    fn warn(&mut self, what: impl Into<String>) {
        self.warnings.push(what.into());
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "imported {} document(s), {} group(s), {} code(s), {} coder(s), {} annotation(s)",
            self.documents, self.groups, self.codes, self.coders, self.annotations
        )?;
        for w in &self.warnings {
            writeln!(f, "warning: {w}")?;
        }
        for n in &self.not_carried {
            writeln!(f, "not carried: {n}")?;
        }
        Ok(())
    }
}

/// A GUID as a lookup key: braces dropped, lower case.
fn guid_key(guid: &str) -> String {
    guid.trim()
        .trim_start_matches('{')
        .trim_end_matches('}')
        .to_ascii_lowercase()
}

/// Reads a UTF-8 XML file's bytes as text.
fn utf8(bytes: Vec<u8>) -> Result<String, RefiError> {
    String::from_utf8(bytes).map_err(|e| RefiError::Encoding(e.to_string()))
}
