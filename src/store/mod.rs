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
mod foreign;
mod migrate;

pub use atomic::write_atomic;
pub use autosave::{Recovery, autosave_path, discard_autosave, find_recovery, write_autosave};
pub use error::StoreError;
pub use file_format::{CURRENT_VERSION, FORMAT_NAME, from_ron_str, to_ron_string};
pub use foreign::{LooksLike, looks_like};

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

/// Reads, migrates and validates a project file. A file that cannot be a project at all (a
/// document, an archive, an empty file) is refused as [`StoreError::NotAProject`] with what it
/// looks like, before any parsing; a project with a mistake gets the parser's line and column.
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
    if let Some(kind) = looks_like(&bytes, Some(path)) {
        return Err(StoreError::NotAProject {
            path: Some(path.to_owned()),
            looks_like: Some(kind),
            reason: kind.reason(),
        });
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn load_bytes(name: &str, bytes: &[u8]) -> StoreError {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        load(&path).expect_err(name)
    }

    #[test]
    fn a_text_document_is_not_a_project_and_is_told_how_to_import() {
        let err = load_bytes(
            "notes.txt",
            b"Hello, this is a note about the Paris Call.\n",
        );
        let StoreError::NotAProject {
            path,
            looks_like,
            reason,
        } = &err
        else {
            panic!("{err:?}");
        };
        assert_eq!(*looks_like, Some(LooksLike::PlainText));
        assert_eq!(reason, "it looks like a plain-text document");
        let path = path.as_deref().expect("the path");
        let message = err.to_string();
        assert_eq!(
            message,
            format!(
                "not a Normcoder project (it looks like a plain-text document; import it into a \
                 project with `normcoder import PROJECT {0}`): {0}",
                path.display()
            )
        );
        assert!(!message.contains("Expected struct"), "{message}");
    }

    #[test]
    fn an_empty_file_is_not_a_project() {
        let err = load_bytes("empty.ncp.ron", b"");
        assert!(
            matches!(
                err,
                StoreError::NotAProject {
                    looks_like: Some(LooksLike::Empty),
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(
            err.to_string()
                .starts_with("not a Normcoder project (the file is empty): "),
            "{err}"
        );
        assert!(matches!(
            from_ron_str("\n  \n"),
            Err(StoreError::NotAProject {
                looks_like: Some(LooksLike::Empty),
                path: None,
                ..
            })
        ));
    }

    #[test]
    fn a_pdf_named_like_a_project_is_still_a_pdf() {
        let err = load_bytes("study.ncp.ron", b"%PDF-1.7\n\xe2\xe3\xcf\xd3\n");
        assert!(
            matches!(
                err,
                StoreError::NotAProject {
                    looks_like: Some(LooksLike::Pdf),
                    ..
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn a_real_project_with_a_syntax_error_keeps_its_line_and_column() {
        let project = crate::analysis::fixture::small();
        let text = to_ron_string(&project).expect("ron");
        let broken = text.replacen("version: 1,", "version: 1", 1);
        let err = load_bytes("p.ncp.ron", broken.as_bytes());
        let (line, col) = err.position().unwrap_or_else(|| panic!("{err:?}"));
        assert_eq!(line, 5, "{err}");
        assert!(
            err.to_string().contains(&format!(":{line}:{col}: ")),
            "{err}"
        );
    }

    #[test]
    fn text_parsed_without_a_file_says_what_it_looks_like_too() {
        let Err(err) = from_ron_str("Hello") else {
            panic!("a word is not a project");
        };
        assert_eq!(
            err.to_string(),
            "not a Normcoder project (it looks like a plain-text document; import it into a \
             project with `normcoder import PROJECT FILE`): <text>"
        );
    }

    #[test]
    fn advice_quotes_a_path_with_spaces() {
        let err = load_bytes("my notes.txt", b"Hello");
        let message = err.to_string();
        assert!(message.contains("normcoder import PROJECT '"), "{message}");
        assert!(message.contains("my notes.txt'`"), "{message}");
    }
}
