//! Modal questions: unsaved changes, errors, recovery after a crash, the coder's name.

use std::path::PathBuf;

use egui::{Context, Id, Modal};

use super::app::{NormcoderApp, coder_from_name};
use super::command::UiCommand;

/// The question on screen, if any. One at a time; everything else waits behind it.
#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    /// Unsaved changes: Save, Discard or Cancel, then run the command.
    ConfirmDiscard(Box<UiCommand>),
    /// An error, in words (the project is untouched).
    Error(String),
    /// A recovery file newer than this project exists.
    Recover(PathBuf),
    /// First run: who is coding? (the name being typed)
    AskCoder(String),
}

/// Draws the current dialog and acts on the answer.
pub(super) fn show(app: &mut NormcoderApp, ctx: &Context) {
    let Some(dialog) = app.dialog.clone() else {
        return;
    };
    let original = dialog.clone();
    let t = app.tr();
    let mut close = false;
    Modal::new(Id::unique("normcoder-dialog")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        match dialog {
            Dialog::ConfirmDiscard(then) => {
                ui.heading(t.unsaved_title);
                ui.label(t.unsaved_question);
                ui.horizontal(|ui| {
                    if ui.button(t.save).clicked() && app.save(false) {
                        app.discard_confirmed = true;
                        app.push(*then.clone());
                        close = true;
                    }
                    if ui.button(t.discard).clicked() {
                        if let Some(path) = app.session.as_ref().and_then(|s| s.path()) {
                            let _ = crate::store::discard_autosave(path);
                        }
                        app.discard_confirmed = true;
                        app.push(*then.clone());
                        close = true;
                    }
                    if ui.button(t.cancel).clicked() {
                        close = true;
                    }
                });
            }
            Dialog::Error(message) => {
                ui.heading(t.error_title);
                egui::ScrollArea::vertical()
                    .max_height(300.0)
                    .show(ui, |ui| ui.label(message));
                if ui.button(t.ok).clicked() {
                    close = true;
                }
            }
            Dialog::Recover(path) => {
                ui.heading(t.recover_title);
                ui.label(t.recover_question);
                ui.monospace(crate::store::autosave_path(&path).display().to_string());
                ui.horizontal(|ui| {
                    if ui.button(t.recover).clicked() {
                        app.push(UiCommand::RecoverPath(path.clone()));
                        close = true;
                    }
                    if ui.button(t.open_saved).clicked() {
                        app.open_path(path.clone(), true);
                        close = true;
                    }
                });
            }
            Dialog::AskCoder(mut name) => {
                ui.heading(t.coder_title);
                ui.label(t.coder_question);
                let response =
                    ui.add(egui::TextEdit::singleline(&mut name).hint_text(t.coder_name));
                response.request_focus();
                let coder = coder_from_name(&name);
                let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                let start = ui
                    .add_enabled(coder.is_some(), egui::Button::new(t.start_coding))
                    .clicked();
                if (start || enter) && coder.is_some() {
                    app.prefs.coder = Some(name.trim().to_owned());
                    app.coder = coder;
                    close = true;
                } else {
                    app.dialog = Some(Dialog::AskCoder(name));
                }
            }
        }
    });
    // Only the dialog that was answered goes away, not one that the answer opened (an error).
    if close && app.dialog.as_ref() == Some(&original) {
        app.dialog = None;
    }
}
