//! The desktop window (egui/eframe). Views draw from the open project and emit commands that the
//! app applies after drawing; nothing here mutates a project except through `crate::edit`.

pub mod analysis;
pub mod app;
pub mod command;
pub mod dialogs;
pub mod document_view;
pub mod exchange;
mod files;
pub mod i18n;
pub mod import;
pub mod palette;
pub mod panels;
pub mod picker;
pub mod prefs;
pub mod search;
mod shortcuts;
pub mod team;

use std::path::PathBuf;

pub use app::{NormcoderApp, StartOptions};
pub use picker::{FilePicker, NativePicker, ScriptedPicker};
pub use prefs::UiPrefs;

/// A path's last part for a list or report (the whole path when it has none).
#[must_use]
pub fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
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

/// Opens the window and runs until it is closed.
pub fn run(start: StartOptions) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0])
            .with_title("Normcoder")
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "normcoder",
        options,
        Box::new(move |cc| {
            let prefs: UiPrefs = cc
                .storage
                .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                .unwrap_or_default();
            Ok(Box::new(NormcoderApp::new(
                prefs,
                Box::new(NativePicker),
                start,
            )))
        }),
    )
}
