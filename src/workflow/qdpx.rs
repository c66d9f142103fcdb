//! A REFI-QDA project (`.qdpx`) becomes a new Normcoder project file.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::import::refi::{self, RefiError, Report};
use crate::model::Project;
use crate::store::{self, StoreError};

/// Why a `.qdpx` could not become a project file. Every message names the file concerned.
#[derive(Debug, thiserror::Error)]
pub enum QdpxFileError {
    /// Saving the project over the archive being read would destroy the archive.
    #[error("{} is the file being imported", path.display())]
    TargetIsSource { path: PathBuf },
    /// The archive could not be read (missing, unreadable, over the size limit). The store's
    /// message names the file already.
    #[error("{source}")]
    Read {
        path: PathBuf,
        #[source]
        source: StoreError,
    },
    /// The archive was read but is not a REFI-QDA project Normcoder can take.
    #[error("{}: {source}", path.display())]
    Import {
        path: PathBuf,
        #[source]
        source: RefiError,
    },
    /// The new project could not be written. The store's message names the file already.
    #[error("{source}")]
    Save {
        path: PathBuf,
        #[source]
        source: StoreError,
    },
}

/// Reads the `.qdpx` at `source`, converts it and saves the new project at `target`; returns the
/// project and what the import could not carry.
///
/// The project is named after `target` ("study.ncp.ron" → "study") when the archive gives no
/// name. `target` is written over if it exists (asking first is the caller's business: `--force`,
/// a save dialog), but never when it is `source` itself. Nothing is written unless the import
/// went through.
pub fn import_qdpx_file(
    source: &Path,
    target: &Path,
    now: DateTime<Utc>,
) -> Result<(Project, Report), QdpxFileError> {
    if super::same_file(source, target) {
        return Err(QdpxFileError::TargetIsSource {
            path: target.to_owned(),
        });
    }
    let bytes = store::read_capped(source).map_err(|e| QdpxFileError::Read {
        path: source.to_owned(),
        source: e,
    })?;
    let name = store::builtin::project_name(target);
    let (project, report) =
        refi::import_qdpx(bytes, &name, now).map_err(|e| QdpxFileError::Import {
            path: source.to_owned(),
            source: e,
        })?;
    store::save(target, &project, false).map_err(|e| QdpxFileError::Save {
        path: target.to_owned(),
        source: e,
    })?;
    Ok((project, report))
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::analysis::fixture::at;

    /// A real export by another tool (two documents), from the REFI-QDA test data.
    fn sample() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/refi-qda/qc-1.3.2-demo_cproctor-qualitative-coding.qdpx")
    }

    #[test]
    fn an_import_writes_a_project_that_loads() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("study.ncp.ron");
        let (project, report) = import_qdpx_file(&sample(), &target, at()).unwrap();
        assert_eq!(report.documents, 2);
        assert_eq!(project.documents().len(), 2);
        let loaded = store::load(&target).unwrap();
        assert_eq!(loaded.project, project);
        assert_eq!(loaded.migrated_from, None);
    }

    #[test]
    fn the_archive_itself_is_never_the_target() {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("x.qdpx");
        std::fs::copy(sample(), &source).unwrap();
        let before = std::fs::read(&source).unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        for target in [
            source.clone(),
            dir.path().join("sub").join("..").join("x.qdpx"),
        ] {
            let e = import_qdpx_file(&source, &target, at()).unwrap_err();
            assert!(
                matches!(&e, QdpxFileError::TargetIsSource { path } if path == &target),
                "{e:?}"
            );
            assert!(e.to_string().contains("x.qdpx"), "{e}");
        }
        assert_eq!(std::fs::read(&source).unwrap(), before);
    }

    #[test]
    fn errors_name_the_file_and_write_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.ncp.ron");

        let missing = dir.path().join("missing.qdpx");
        let e = import_qdpx_file(&missing, &target, at()).unwrap_err();
        assert!(matches!(e, QdpxFileError::Read { .. }), "{e:?}");
        assert!(e.to_string().contains("missing.qdpx"), "{e}");

        let garbage = dir.path().join("garbage.qdpx");
        std::fs::write(&garbage, b"not a zip").unwrap();
        let e = import_qdpx_file(&garbage, &target, at()).unwrap_err();
        assert!(
            matches!(
                &e,
                QdpxFileError::Import {
                    source: RefiError::Zip(_),
                    ..
                }
            ),
            "{e:?}"
        );
        assert!(
            e.to_string().starts_with(&garbage.display().to_string()),
            "{e}"
        );
        assert!(!target.exists());
    }
}
