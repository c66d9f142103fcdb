//! Reading a `.qdpx` zip without trusting it: entry count, per-file and total sizes are capped
//! by what is actually decompressed (not by what the headers claim), and entries are only ever
//! read into memory by exact name — nothing from an archive is written to disk.

use std::io::{Cursor, Read};

use super::RefiError;

/// Most entries in one archive.
const MAX_ENTRIES: usize = 100_000;
/// Largest `project.qde` read.
pub const MAX_XML_BYTES: u64 = 256 * 1024 * 1024;
/// Largest source text read (the document limit of every import).
pub const MAX_SOURCE_BYTES: u64 = crate::import::MAX_DOCUMENT_BYTES;
/// Most bytes decompressed from one archive in total.
const MAX_TOTAL_BYTES: u64 = 1024 * 1024 * 1024;

/// An opened archive and what has been read from it so far.
#[derive(Debug)]
pub struct Archive {
    zip: zip::ZipArchive<Cursor<Vec<u8>>>,
    names: Vec<String>,
    read_total: u64,
}

impl Archive {
    /// Opens the archive's central directory.
    pub fn new(bytes: Vec<u8>) -> Result<Self, RefiError> {
        let zip =
            zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| RefiError::Zip(e.to_string()))?;
        if zip.len() > MAX_ENTRIES {
            return Err(RefiError::Limit("number of files in the archive"));
        }
        let names = zip
            .file_names()
            .filter_map(Result::ok)
            .map(std::borrow::Cow::into_owned)
            .collect();
        Ok(Self {
            zip,
            names,
            read_total: 0,
        })
    }

    /// Entry names, as stored.
    #[must_use]
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The name of the entry matching `wanted` case-insensitively (`Sources/` vs `sources/`).
    #[must_use]
    pub fn find(&self, wanted: &str) -> Option<&str> {
        self.names
            .iter()
            .find(|n| n.as_str() == wanted)
            .or_else(|| self.names.iter().find(|n| n.eq_ignore_ascii_case(wanted)))
            .map(String::as_str)
    }

    /// Reads one entry, at most `limit` bytes.
    pub fn read(&mut self, name: &str, limit: u64) -> Result<Vec<u8>, RefiError> {
        let file = self
            .zip
            .by_name(name)
            .map_err(|e| RefiError::Zip(format!("{name}: {e}")))?;
        let mut bytes = Vec::new();
        file.take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| RefiError::Zip(format!("{name}: {e}")))?;
        let len = bytes.len() as u64;
        if len > limit {
            return Err(RefiError::TooLarge {
                name: name.to_owned(),
                limit,
            });
        }
        self.read_total += len;
        if self.read_total > MAX_TOTAL_BYTES {
            return Err(RefiError::Limit("total size decompressed from the archive"));
        }
        Ok(bytes)
    }
}
