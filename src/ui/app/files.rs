//! File commands: open, recover, new, save, import (started here, run by `super::import`),
//! close, quit. Commands that would drop
//! unsaved work ask first (Save / Discard / Cancel).

use egui::{Context, ViewportCommand};

use crate::session::Session;
use crate::store::builtin;

use super::app::NormcoderApp;
use super::command::UiCommand;
use super::dialogs::Dialog;

/// Applies a file command.
pub(super) fn apply(app: &mut NormcoderApp, ctx: &Context, command: UiCommand) {
    let guarded = matches!(
        command,
        UiCommand::Open
            | UiCommand::OpenPath(_)
            | UiCommand::OpenDemo
            | UiCommand::NewProject
            | UiCommand::CloseProject
            | UiCommand::Quit
    );
    if guarded && !confirm_discard(app, &command) {
        return;
    }
    match command {
        UiCommand::Open => {
            if let Some(path) = app.picker.open_project() {
                app.open_path(path, false);
            }
        }
        UiCommand::OpenPath(path) => app.open_path(path, false),
        UiCommand::OpenDemo => app.open_path(super::demo_project_path(), false),
        UiCommand::RecoverPath(path) => match Session::recover(&path) {
            Ok(session) => {
                app.prefs.remember(&path);
                app.session = Some(session);
                app.reset_view();
            }
            Err(e) => app.dialog = Some(Dialog::Error(e.to_string())),
        },
        UiCommand::NewProject => new_project(app),
        UiCommand::CloseProject => {
            app.session = None;
            app.reset_view();
        }
        UiCommand::Quit => {
            app.allow_close = true;
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
        UiCommand::ImportDocuments => {
            let paths = app.picker.documents();
            super::import::start(app, paths);
        }
        UiCommand::ImportPaths(paths) => super::import::start(app, paths),
        other => app.status = Some(format!("unhandled command {other:?}")),
    }
}

/// `true` when the command may go ahead; otherwise the question is asked and the command comes
/// back once the user has answered.
pub(super) fn confirm_discard(app: &mut NormcoderApp, command: &UiCommand) -> bool {
    if std::mem::take(&mut app.discard_confirmed) {
        return true;
    }
    if app.session.as_ref().is_some_and(Session::is_dirty) {
        app.dialog = Some(Dialog::ConfirmDiscard(Box::new(command.clone())));
        return false;
    }
    true
}

impl NormcoderApp {
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
}

fn new_project(app: &mut NormcoderApp) {
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
    app: &mut NormcoderApp,
    name: &str,
    extension: &str,
    content: Result<String, String>,
) {
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
