//! Projects on disk: RON files with a version header, written atomically and deterministically.
//!
//! [`load`] reads a file, migrates it if it is older, and checks every invariant before handing
//! back a project; a file that fails any of that is never written to by [`save`] because no
//! session exists for it. The built-in codebooks ([`builtin`]) are embedded in the binary after
//! `build.rs` has validated them with the same schema ([`codebook_file`]).

mod atomic;
mod autosave;
pub mod builtin;
pub mod codebook_file;
mod error;
mod file_format;
mod migrate;

pub use atomic::write_atomic;
pub use autosave::{Recovery, autosave_path, discard_autosave, find_recovery, write_autosave};
pub use error::StoreError;
pub use file_format::{CURRENT_VERSION, FORMAT_NAME, from_ron_str, to_ron_string};

use std::path::Path;

use crate::model::Project;

/// Largest project file read: far above any real study, low enough to refuse a wrong file
/// (a disk image, a video) before reading it into memory.
pub const MAX_PROJECT_BYTES: u64 = 1 << 30;

/// A project read from disk, with what happened on the way.
#[derive(Debug)]
pub struct Loaded {
    pub project: Project,
    /// The file's version when it was older than [`CURRENT_VERSION`] and was migrated.
    pub migrated_from: Option<u32>,
}

/// Reads a file of at most [`MAX_PROJECT_BYTES`] (a project exchanged with another tool: `.qdpx`,
/// `.qdc`); the size is checked while reading, not taken on trust from the file system.
pub fn read_capped(path: &Path) -> Result<Vec<u8>, StoreError> {
    use std::io::Read as _;
    let io = |source| StoreError::Io {
        path: path.to_owned(),
        action: "read",
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::new();
    file.take(MAX_PROJECT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_PROJECT_BYTES {
        let size = std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        return Err(StoreError::TooLarge {
            path: path.to_owned(),
            bytes: size,
        });
    }
    Ok(bytes)
}

/// Reads, migrates and validates a project file.
pub fn load(path: &Path) -> Result<Loaded, StoreError> {
    let io = |source| StoreError::Io {
        path: path.to_owned(),
        action: "read",
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.len() > MAX_PROJECT_BYTES {
        return Err(StoreError::TooLarge {
            path: path.to_owned(),
            bytes: meta.len(),
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let text = String::from_utf8(bytes).map_err(|e| StoreError::NotUtf8 {
        path: path.to_owned(),
        byte: e.utf8_error().valid_up_to(),
    })?;
    from_ron_str(&text).map_err(|e| e.with_path(path))
}

/// Writes a project atomically. When `keep_backup` is set and the file exists, it is first
/// copied to `<file>.bak` (done once after a migration, so the old version is never lost).
pub fn save(path: &Path, project: &Project, keep_backup: bool) -> Result<(), StoreError> {
    let text = to_ron_string(project)?;
    if keep_backup && path.exists() {
        let mut bak = path.as_os_str().to_owned();
        bak.push(".bak");
        std::fs::copy(path, &bak).map_err(|source| StoreError::Io {
            path: bak.into(),
            action: "write the backup",
            source,
        })?;
    }
    write_atomic(path, text.as_bytes()).map_err(|source| StoreError::Io {
        path: path.to_owned(),
        action: "write",
        source,
    })
}
