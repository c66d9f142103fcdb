//! File commands: open, recover, new, save, close, quit, and writing an exported text. Commands
//! that would drop unsaved work ask first (Save / Discard / Cancel).

use std::path::PathBuf;

use egui::{Context, ViewportCommand};

use crate::session::Session;
use crate::store::builtin;
use crate::ui::command::UiCommand;
use crate::ui::dialogs::Dialog;
use crate::ui::search::SearchState;

use super::NormcoderApp;

impl NormcoderApp {
    /// Asks for a project and opens it.
    pub(super) fn ask_open(&mut self) {
        if let Some(path) = self.picker.open_project() {
            self.open_path(path, false);
        }
    }

    pub(super) fn close_project(&mut self) {
        self.session = None;
        self.reset_view();
    }

    pub(super) fn quit(&mut self, ctx: &Context) {
        self.allow_close = true;
        ctx.send_viewport_cmd(ViewportCommand::Close);
    }

    /// `true` when the command may go ahead; otherwise the question is asked and the command
    /// comes back once the user has answered.
    pub(super) fn confirm_discard(&mut self, command: &UiCommand) -> bool {
        if std::mem::take(&mut self.discard_confirmed) {
            return true;
        }
        if self.session.as_ref().is_some_and(Session::is_dirty) {
            self.dialog = Some(Dialog::ConfirmDiscard(Box::new(command.clone())));
            return false;
        }
        true
    }

    /// Opens a project from its recovery file.
    pub(super) fn recover(&mut self, path: &std::path::Path) {
        match Session::recover(path) {
            Ok(session) => {
                self.prefs.remember(path);
                self.session = Some(session);
                self.reset_view();
            }
            Err(e) => self.dialog = Some(Dialog::Error(e.to_string())),
        }
    }

    /// Called when a project was opened or created: resets the view state.
    fn reset_view(&mut self) {
        self.current_doc = self
            .session
            .as_ref()
            .and_then(|s| s.project().documents().next().map(|d| d.id().clone()));
        self.selected_annotation = None;
        self.view.clear_selection();
        self.view.clear_cache();
        self.search = SearchState::default();
        self.autosaved_state = None;
        self.details.memo_edit = None;
        self.coder_filter = None;
        self.central.clear();
        self.import.abandon();
    }

    /// Opens a project file, offering recovery when a newer autosave exists.
    pub fn open_path(&mut self, path: PathBuf, force_saved: bool) {
        if !force_saved && crate::store::find_recovery(&path).is_some() {
            self.dialog = Some(Dialog::Recover(path));
            return;
        }
        match Session::open(&path) {
            Ok(session) => {
                self.prefs.remember(&path);
                self.session = Some(session);
                self.reset_view();
                self.status = None;
            }
            Err(e) => self.dialog = Some(Dialog::Error(e.to_string())),
        }
    }

    /// Saves the project (asking for a file name when it has none, or for Save as). Returns
    /// whether it was saved; errors are shown in a dialog and the project stays open, unsaved.
    pub fn save(&mut self, as_new: bool) -> bool {
        let Some(session) = self.session.as_mut() else {
            return false;
        };
        let target = if as_new || session.path().is_none() {
            let name = format!(
                "{}.ncp.ron",
                crate::model::slug(&session.project().meta().name)
            );
            match self.picker.save_project(&name) {
                Some(path) => Some(path),
                None => return false,
            }
        } else {
            None
        };
        let result = match &target {
            Some(path) => session.save_as(path),
            None => session.save(),
        };
        match result {
            Ok(()) => {
                if let Some(path) = session.path().map(std::path::Path::to_path_buf) {
                    self.prefs.remember(&path);
                }
                self.status = Some(self.tr().saved.to_owned());
                true
            }
            Err(e) => {
                self.dialog = Some(Dialog::Error(e.to_string()));
                false
            }
        }
    }

    pub(super) fn new_project(&mut self) {
        let app = self;
        let Some(path) = app.picker.save_project("study.ncp.ron") else {
            return;
        };
        let name = builtin::project_name(&path);
        let project = match builtin::new_project(name, &["paris-call-2018", "actors"]) {
            Ok(project) => project,
            Err(e) => {
                app.dialog = Some(Dialog::Error(e.to_string()));
                return;
            }
        };
        let mut session = Session::new(project);
        match session.save_as(&path) {
            Ok(()) => {
                app.prefs.remember(&path);
                app.session = Some(session);
                app.reset_view();
            }
            Err(e) => app.dialog = Some(Dialog::Error(e.to_string())),
        }
    }

    /// Asks where to write an exported text (a table, a chart, a report), then writes it atomically;
    /// the outcome, or the error that made the text, goes to the status bar.
    pub(super) fn save_text_as(
        &mut self,
        name: &str,
        extension: &str,
        content: Result<String, String>,
    ) {
        let app = self;
        let content = match content {
            Ok(c) => c,
            Err(e) => {
                app.status = Some(e);
                return;
            }
        };
        let Some(path) = app.picker.export_file(name, extension) else {
            return;
        };
        app.status = Some(
            match crate::store::write_atomic(&path, content.as_bytes()) {
                Ok(()) => format!("{} {}", app.tr().exported, path.display()),
                Err(e) => format!("{}: {e}", path.display()),
            },
        );
    }
}
