//! The recovery file: what the GUI writes after a few idle seconds and offers back after a crash.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::model::Project;

use super::{StoreError, to_ron_string, write_atomic};

/// `<project>.autosave`, beside the project.
#[must_use]
pub fn autosave_path(project: &Path) -> PathBuf {
    let mut p = project.as_os_str().to_owned();
    p.push(".autosave");
    PathBuf::from(p)
}

/// Writes the recovery file for `project_path` (atomically, like a save).
pub fn write_autosave(project_path: &Path, project: &Project) -> Result<PathBuf, StoreError> {
    let path = autosave_path(project_path);
    let text = to_ron_string(project)?;
    write_atomic(&path, text.as_bytes()).map_err(|source| StoreError::Io {
        path: path.clone(),
        action: "write the recovery file",
        source,
    })?;
    Ok(path)
}

/// A recovery file worth offering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    pub path: PathBuf,
    pub modified: SystemTime,
}

/// The recovery file of `project_path` if it is newer than the project (or the project is gone).
#[must_use]
pub fn find_recovery(project_path: &Path) -> Option<Recovery> {
    let path = autosave_path(project_path);
    let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok()?;
    let newer = match std::fs::metadata(project_path).and_then(|m| m.modified()) {
        Ok(project_time) => modified > project_time,
        Err(_) => true,
    };
    newer.then_some(Recovery { path, modified })
}

/// Deletes the recovery file (after a save, or when the user declines recovery).
pub fn discard_autosave(project_path: &Path) -> Result<(), StoreError> {
    let path = autosave_path(project_path);
    match std::fs::remove_file(&path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(StoreError::Io {
            path,
            action: "delete the recovery file",
            source,
        }),
    }
}
