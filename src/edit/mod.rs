//! The only way a [`crate::model::Project`] changes.
//!
//! Every edit is an [`Action`]; [`apply`] validates it, changes the project and returns the action
//! that undoes it. [`History`] keeps those pairs for undo/redo and knows whether the project
//! differs from what was last saved. Because the GUI, the command line and the tests all go
//! through here, undo, the unsaved flag and autosave need no special cases. [`code_span`] decides
//! which action coding a selection comes to.

mod action;
mod apply;
mod coding;
mod history;

pub use action::Action;
pub use apply::{EditError, apply};
pub use coding::{Coding, code_span};
pub use history::History;
