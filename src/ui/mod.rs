//! The desktop window (egui/eframe).
//!
//! Views (panels, windows, dialogs) are drawn from a read-only [`context::Cx`] and their own
//! state, and return [`command::UiCommand`]s; the app ([`app`], the only module that holds the
//! whole window's state) applies them after drawing, edits through `Session::apply`, and runs
//! slow work on [`worker`] jobs. Nothing here decides what an edit means: that is the library's.

pub mod analysis;
pub mod app;
pub mod command;
pub mod context;
pub mod dialogs;
pub mod document_view;
pub mod exchange;
pub mod i18n;
pub mod import;
pub mod palette;
pub mod panels;
pub mod pick_window;
pub mod picker;
pub mod prefs;
pub mod search;
pub mod shortcuts;
pub mod team;
pub mod worker;

use std::path::PathBuf;

pub use app::{StartOptions, run};
pub use picker::{FilePicker, NativePicker, NoNativePicker, ScriptedPicker};
pub use prefs::UiPrefs;

/// A path's last part for a list or report (the whole path when it has none).
#[must_use]
pub fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The next (or previous) of `len` items after `current`, wrapping around; with nothing current,
/// forward starts at `start` and backward at the last. `None` when there are no items.
#[must_use]
pub fn cycle(current: Option<usize>, len: usize, forward: bool, start: usize) -> Option<usize> {
    if len == 0 {
        return None;
    }
    Some(match (current, forward) {
        (Some(i), true) => (i + 1) % len,
        (Some(i), false) => (i + len - 1) % len,
        (None, true) => start.min(len - 1),
        (None, false) => len - 1,
    })
}

/// The demo project: from the working directory if it is there, else from the source tree.
#[must_use]
pub fn demo_project_path() -> PathBuf {
    let relative = PathBuf::from("projects/paris-call-2018.ncp.ron");
    if relative.exists() {
        return relative;
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative)
}

#[cfg(test)]
mod tests {
    use super::cycle;

    #[test]
    fn cycling_wraps_both_ways_and_starts_where_asked() {
        assert_eq!(cycle(None, 0, true, 0), None);
        assert_eq!(cycle(None, 3, true, 0), Some(0));
        assert_eq!(cycle(None, 3, true, 2), Some(2));
        assert_eq!(cycle(None, 3, false, 0), Some(2));
        assert_eq!(cycle(Some(2), 3, true, 0), Some(0));
        assert_eq!(cycle(Some(0), 3, false, 0), Some(2));
        assert_eq!(cycle(Some(1), 3, true, 0), Some(2));
    }
}
