//! An open project: the project, its undo history and where it lives on disk.
//!
//! Shared by the GUI, the command line and the tests, so that all three edit, undo and save the
//! same way.

use std::path::{Path, PathBuf};

use crate::edit::{Action, EditError, History};
use crate::model::Project;
use crate::store::{self, StoreError};

/// A project being worked on.
#[derive(Debug)]
pub struct Session {
    project: Project,
    history: History,
    path: Option<PathBuf>,
    /// Set when the file was migrated from an older version: the first save keeps a `.bak`.
    migrated_from: Option<u32>,
}

impl Session {
    /// A new, never-saved project.
    #[must_use]
    pub fn new(project: Project) -> Self {
        Self {
            project,
            history: History::new(false),
            path: None,
            migrated_from: None,
        }
    }

    /// Opens a project file. A file that fails to load yields no session, so it can never be
    /// overwritten by a save.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let loaded = store::load(path)?;
        Ok(Self {
            project: loaded.project,
            // A migrated file differs from what is on disk until it is saved in today's format.
            history: History::new(loaded.migrated_from.is_none()),
            path: Some(path.to_owned()),
            migrated_from: loaded.migrated_from,
        })
    }

    /// Opens a recovery (autosave) file in place of the project at `path`: the content comes from
    /// the recovery file, saving goes to `path`, and the session starts unsaved.
    pub fn recover(path: &Path) -> Result<Self, StoreError> {
        let loaded = store::load(&store::autosave_path(path))?;
        Ok(Self {
            project: loaded.project,
            history: History::new(false),
            path: Some(path.to_owned()),
            migrated_from: loaded.migrated_from,
        })
    }

    /// The project, read-only: changes go through [`Session::apply`].
    #[must_use]
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// The undo history.
    #[must_use]
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Where the project is saved, if it has been.
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The file's version if it was migrated on load.
    #[must_use]
    pub fn migrated_from(&self) -> Option<u32> {
        self.migrated_from
    }

    /// Whether there are unsaved changes.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// Applies an edit and records it for undo.
    pub fn apply(&mut self, action: Action) -> Result<(), EditError> {
        self.history.apply(&mut self.project, action)
    }

    /// Undoes the last edit; `false` when there was none.
    pub fn undo(&mut self) -> Result<bool, EditError> {
        self.history.undo(&mut self.project)
    }

    /// Redoes the last undone edit; `false` when there was none.
    pub fn redo(&mut self) -> Result<bool, EditError> {
        self.history.redo(&mut self.project)
    }

    /// Saves to the current path. Fails with [`SaveError::NoPath`] for a never-saved project.
    pub fn save(&mut self) -> Result<(), SaveError> {
        let path = self.path.clone().ok_or(SaveError::NoPath)?;
        self.save_as(&path)
    }

    /// Saves to `path`, which becomes the project's path. The recovery file is removed after a
    /// successful save.
    pub fn save_as(&mut self, path: &Path) -> Result<(), SaveError> {
        let same_file = self.path.as_deref() == Some(path);
        let keep_backup = same_file && self.migrated_from.is_some();
        store::save(path, &self.project, keep_backup)?;
        if same_file {
            self.migrated_from = None;
        }
        self.path = Some(path.to_owned());
        self.history.mark_saved();
        store::discard_autosave(path)?;
        Ok(())
    }

    /// Writes the recovery file if there are unsaved changes and a path; returns whether it wrote.
    pub fn autosave(&self) -> Result<bool, StoreError> {
        match (&self.path, self.is_dirty()) {
            (Some(path), true) => {
                store::write_autosave(path, &self.project)?;
                Ok(true)
            }
            _ => Ok(false),
        }
    }
}

/// Why a save did not happen.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("the project has never been saved: choose a file name (Save as)")]
    NoPath,
    #[error(transparent)]
    Store(#[from] StoreError),
}
