//! Undo/redo stacks and the saved marker.

use crate::model::Project;

use super::{Action, EditError, apply};

/// One applied edit with what undoes it, between two numbered states of the project.
#[derive(Clone, Debug)]
struct Step {
    action: Action,
    inverse: Action,
    /// State number before and after the edit.
    before: u64,
    after: u64,
}

/// Undo and redo without limit, and whether the project differs from the saved file.
///
/// Each state of the project gets a number; saving records the current one. Undoing back to the
/// saved state makes the project clean again, and a new edit after undo can never come back to
/// it (its number is fresh), which is what a user expects of the `•` in the title.
#[derive(Clone, Debug)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    current: u64,
    next_state: u64,
    /// State last written to disk; `None` when the project has never been saved.
    saved: Option<u64>,
}

impl Default for History {
    fn default() -> Self {
        Self::new(true)
    }
}

impl History {
    /// A new history; `saved` says whether the starting state is the one on disk.
    #[must_use]
    pub fn new(saved: bool) -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
            current: 0,
            next_state: 1,
            saved: saved.then_some(0),
        }
    }

    /// Applies an action and records it; the redo stack is cleared.
    pub fn apply(&mut self, project: &mut Project, action: Action) -> Result<(), EditError> {
        let inverse = apply(project, action.clone())?;
        let before = self.current;
        self.current = self.next_state;
        self.next_state += 1;
        self.undo.push(Step {
            action,
            inverse,
            before,
            after: self.current,
        });
        self.redo.clear();
        Ok(())
    }

    /// Undoes the last edit; `Ok(false)` when there is nothing to undo.
    pub fn undo(&mut self, project: &mut Project) -> Result<bool, EditError> {
        let Some(mut step) = self.undo.pop() else {
            return Ok(false);
        };
        match apply(project, step.inverse.clone()) {
            Ok(redo) => {
                // Redo the exact inverse of what undo did, so repeated undo/redo cycles stay exact.
                step.action = redo;
                self.current = step.before;
                self.redo.push(step);
                Ok(true)
            }
            Err(e) => {
                self.undo.push(step);
                Err(e)
            }
        }
    }

    /// Redoes the last undone edit; `Ok(false)` when there is nothing to redo.
    pub fn redo(&mut self, project: &mut Project) -> Result<bool, EditError> {
        let Some(mut step) = self.redo.pop() else {
            return Ok(false);
        };
        match apply(project, step.action.clone()) {
            Ok(inverse) => {
                step.inverse = inverse;
                self.current = step.after;
                self.undo.push(step);
                Ok(true)
            }
            Err(e) => {
                self.redo.push(step);
                Err(e)
            }
        }
    }

    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Description of what undo would undo.
    #[must_use]
    pub fn undo_label(&self) -> Option<String> {
        self.undo.last().map(|s| s.action.describe())
    }

    /// Description of what redo would redo.
    #[must_use]
    pub fn redo_label(&self) -> Option<String> {
        self.redo.last().map(|s| s.action.describe())
    }

    /// A number for the current state; changes with every edit, undo and redo.
    #[must_use]
    pub fn state(&self) -> u64 {
        self.current
    }

    /// Records that the current state is the one on disk.
    pub fn mark_saved(&mut self) {
        self.saved = Some(self.current);
    }

    /// Whether the project differs from the file on disk.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.saved != Some(self.current)
    }
}
