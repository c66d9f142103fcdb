//! Reading entries of a zip (DOCX, ODT, EPUB) without trusting it.
//!
//! A zip bomb is a small archive that inflates to gigabytes. The sizes in a zip's headers are
//! written by whoever made the file, so they are not trusted: every entry is read through a
//! counting reader that stops as soon as the bytes actually inflated pass a cap, per entry, for
//! the whole archive, or as a ratio of the archive's own size.

use std::io::{Cursor, Read};

use super::FormatError;

/// Most bytes one entry may inflate to.
pub const MAX_ENTRY_BYTES: u64 = 128 * 1024 * 1024;
/// Most bytes all the entries read from one archive may inflate to together.
pub const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;
/// Largest accepted inflated/compressed ratio for an entry (real documents: 3–20; bombs: 1000+).
pub const MAX_RATIO: u64 = 200;
/// Entries smaller than this are not checked for ratio (a tiny file of spaces compresses well).
const RATIO_FLOOR: u64 = 1024 * 1024;
/// Most entries an archive may list.
pub const MAX_ENTRIES: usize = 20_000;

/// A zip opened for reading with limits; counts what it has inflated so far.
pub struct LimitedZip<'a> {
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    format: &'static str,
    inflated: u64,
}

impl std::fmt::Debug for LimitedZip<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LimitedZip")
            .field("format", &self.format)
            .field("inflated", &self.inflated)
            .finish_non_exhaustive()
    }
}

impl<'a> LimitedZip<'a> {
    /// Opens `bytes` as the zip container of `format` ("DOCX", "ODT", "EPUB").
    pub fn new(bytes: &'a [u8], format: &'static str) -> Result<Self, FormatError> {
        let archive = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| FormatError::malformed(format, e))?;
        if archive.len() > MAX_ENTRIES {
            return Err(FormatError::Limit(format!(
                "{format} archive lists {} entries (limit {MAX_ENTRIES})",
                archive.len()
            )));
        }
        Ok(Self {
            archive,
            format,
            inflated: 0,
        })
    }

    /// Whether the archive has an entry of that name.
    pub fn has(&self, name: &str) -> bool {
        self.archive.index_for_name(name).is_some()
    }

    /// Reads an entry as bytes, or `None` when there is no such entry.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, FormatError> {
        let format = self.format;
        let mut entry = match self.archive.by_name(name) {
            Ok(e) => e,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(zip::result::ZipError::UnsupportedArchive(msg)) if msg.contains("assword") => {
                return Err(FormatError::Encrypted("encrypted zip"));
            }
            Err(e) => return Err(FormatError::malformed(format, e)),
        };
        if entry.encrypted() {
            return Err(FormatError::Encrypted("encrypted zip"));
        }
        let compressed = entry.compressed_size().max(1);
        let ratio_cap = compressed.saturating_mul(MAX_RATIO).max(RATIO_FLOOR);
        let cap = MAX_ENTRY_BYTES
            .min(MAX_TOTAL_BYTES.saturating_sub(self.inflated))
            .min(ratio_cap);
        let mut out = Vec::new();
        let read = (&mut entry)
            .take(cap.saturating_add(1))
            .read_to_end(&mut out)
            .map_err(|e| FormatError::malformed(format, format!("{name}: {e}")))?;
        let read = u64::try_from(read).unwrap_or(u64::MAX);
        if read > cap {
            return Err(FormatError::Limit(format!(
                "{format} entry {name} inflates beyond {} (compressed {compressed} bytes): a zip bomb or a damaged file",
                human(cap)
            )));
        }
        self.inflated += read;
        Ok(Some(out))
    }

    /// Reads an entry as UTF-8 text.
    pub fn read_text(&mut self, name: &str) -> Result<Option<String>, FormatError> {
        let format = self.format;
        self.read(name)?
            .map(|b| {
                String::from_utf8(b)
                    .map_err(|e| FormatError::malformed(format, format!("{name}: {e}")))
            })
            .transpose()
    }
}

fn human(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MiB", bytes / 1024 / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;

    fn zip_with(name: &str, content: &[u8]) -> Vec<u8> {
        let mut buf = Cursor::new(Vec::new());
        {
            let mut w = zip::ZipWriter::new(&mut buf);
            w.start_file(
                name,
                zip::write::SimpleFileOptions::default()
                    .compression_method(zip::CompressionMethod::Deflated),
            )
            .expect("start");
            w.write_all(content).expect("write");
            w.finish().expect("finish");
        }
        buf.into_inner()
    }

    #[test]
    fn ordinary_entries_are_read_and_missing_ones_are_none() {
        let z = zip_with("a.xml", b"<a>hello</a>");
        let mut lz = LimitedZip::new(&z, "DOCX").expect("open");
        assert_eq!(
            lz.read_text("a.xml").expect("read").as_deref(),
            Some("<a>hello</a>")
        );
        assert_eq!(lz.read("b.xml").expect("read"), None);
    }

    #[test]
    fn a_highly_compressed_entry_is_refused_while_reading() {
        let z = zip_with("bomb.xml", &vec![b'a'; 20 * 1024 * 1024]);
        assert!(z.len() < 100_000, "{}", z.len());
        let mut lz = LimitedZip::new(&z, "DOCX").expect("open");
        let e = lz.read("bomb.xml").expect_err("bomb");
        assert!(matches!(e, FormatError::Limit(_)), "{e}");
        assert!(e.to_string().contains("zip bomb"), "{e}");
    }
}
