//! File commands: open, recover, new, save, close, quit, and writing an exported text. Commands
//! that would drop unsaved work ask first (Save / Discard / Cancel). What needs a file name asks
//! through `pick.rs` and goes on in the `*_picked`/`save_to` half once it has one.

use std::path::{Path, PathBuf};

use egui::{Context, ViewportCommand};

use crate::session::Session;
use crate::store::builtin;
use crate::ui::command::{PickRequest, UiCommand};
use crate::ui::dialogs::Dialog;
use crate::ui::search::SearchState;

use super::NormcoderApp;

impl NormcoderApp {
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
            Err(crate::store::StoreError::NotAProject {
                looks_like: Some(kind),
                ..
            }) => self.dialog = Some(Dialog::NotAProject(path, kind)),
            Err(e) => self.dialog = Some(Dialog::Error(e.to_string())),
        }
    }

    /// Saves the project, asking for a file name when it has none (or for Save as); once saved,
    /// `then` runs (the unsaved-changes question answered "Save"). A cancelled file dialog saves
    /// nothing and runs nothing.
    pub fn save(&mut self, ctx: &Context, as_new: bool, then: Option<Box<UiCommand>>) {
        let Some(session) = &self.session else {
            return;
        };
        if as_new || session.path().is_none() {
            let suggested = format!(
                "{}.ncp.ron",
                crate::model::slug(&session.project().meta().name)
            );
            self.ask(ctx, PickRequest::SaveProject { suggested, then });
        } else {
            self.save_to(None, then);
        }
    }

    /// Saves to `path` (or to the project's own file). Errors are shown in a dialog and the
    /// project stays open, unsaved; once saved, the question `then` answered closes and `then`
    /// goes ahead.
    pub(super) fn save_to(&mut self, path: Option<&Path>, then: Option<Box<UiCommand>>) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let result = match path {
            Some(path) => session.save_as(path),
            None => session.save(),
        };
        match result {
            Ok(()) => {
                if let Some(path) = session.path().map(Path::to_path_buf) {
                    self.prefs.remember(&path);
                }
                self.status = Some(self.tr().saved.to_owned());
                if let Some(then) = then {
                    self.close_question();
                    self.discard_confirmed = true;
                    self.push(*then);
                }
            }
            Err(e) => {
                let file = path
                    .map(Path::to_path_buf)
                    .or_else(|| session.path().map(Path::to_path_buf))
                    .unwrap_or_default();
                self.dialog = Some(Dialog::SaveFailed {
                    file,
                    cause: save_failure_kind(&e),
                    details: e.to_string(),
                });
            }
        }
    }

    /// File ▸ New project…, once its file is chosen: the built-in codebooks, saved there.
    pub(super) fn new_project_picked(&mut self, path: &Path) {
        let app = self;
        let name = builtin::project_name(path);
        let project = match builtin::new_project(name, &["paris-call-2018", "actors"]) {
            Ok(project) => project,
            Err(e) => {
                app.dialog = Some(Dialog::Error(e.to_string()));
                return;
            }
        };
        let mut session = Session::new(project);
        match session.save_as(path) {
            Ok(()) => {
                app.prefs.remember(path);
                app.session = Some(session);
                app.reset_view();
            }
            Err(e) => app.dialog = Some(Dialog::Error(e.to_string())),
        }
    }

    /// Asks where to write an exported text (a table, a chart, a report), then writes it
    /// ([`Self::write_text`]); the error that made the text goes to the status bar.
    pub(super) fn save_text_as(
        &mut self,
        ctx: &Context,
        name: &str,
        extension: &str,
        content: Result<String, String>,
    ) {
        match content {
            Ok(content) => self.ask(
                ctx,
                PickRequest::SaveText {
                    suggested: name.to_owned(),
                    extension: extension.to_owned(),
                    content,
                },
            ),
            Err(e) => self.status = Some(e),
        }
    }

    /// Writes an exported text atomically; where it went, or why not, goes to the status bar.
    pub(super) fn write_text(&mut self, path: &Path, content: &str) {
        self.status = Some(match crate::store::write_atomic(path, content.as_bytes()) {
            Ok(()) => format!("{} {}", self.tr().exported, path.display()),
            Err(e) => format!("{}: {e}", path.display()),
        });
    }
}

/// Why a save failed, in the words a person can act on (the OS message stays as the details).
fn save_failure_kind(e: &crate::session::SaveError) -> Option<std::io::ErrorKind> {
    use std::error::Error as _;
    let mut source: Option<&(dyn std::error::Error + 'static)> = e.source();
    while let Some(s) = source {
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            return Some(io.kind());
        }
        source = s.source();
    }
    None
}
