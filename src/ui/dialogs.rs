//! Modal questions: unsaved changes, errors, recovery after a crash, the coder's name.

use std::path::PathBuf;

use egui::{Context, Id, Modal};

use crate::model::Coder;

use super::command::{Command, UiCommand};
use super::context::Cx;

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
    /// The file asked to be opened is not a project: what it looks like, and for a document,
    /// an offer to import it into the open project.
    NotAProject(PathBuf, crate::store::LooksLike),
    /// Remove this document and its annotations? (one edit, undone with Ctrl+Z)
    RemoveDocument(crate::model::DocId),
    /// A save failed: the file, the cause in words where it is known, the system's message; the
    /// project stays open and unsaved, and Save as… is offered.
    SaveFailed {
        file: PathBuf,
        cause: Option<std::io::ErrorKind>,
        details: String,
    },
}

/// "It looks like …" in the interface language.
fn looks_like(kind: crate::store::LooksLike, lang: crate::model::Lang) -> &'static str {
    use crate::store::LooksLike as L;
    if lang == crate::model::Lang::En {
        return kind.describe();
    }
    match kind {
        L::Empty => "un fichier vide",
        L::PlainText => "un document texte",
        L::Markdown => "un document Markdown",
        L::Html => "une page web (HTML)",
        L::Rtf => "un document RTF",
        L::Pdf => "un document PDF",
        L::Docx => "un document Word (.docx)",
        L::Odt => "un texte OpenDocument (.odt)",
        L::Epub => "un livre EPUB",
        L::Qdpx => "un projet REFI-QDA (.qdpx) d’un autre logiciel",
        L::Qdc => "une grille de codage REFI-QDA (.qdc)",
        L::LegacyOffice => "un ancien fichier Office (.doc, Word 97–2003)",
        L::Binary => "un fichier binaire, pas du texte",
    }
}

/// Draws the current dialog; the answer comes back as commands. The dialog's own state (the
/// name being typed) is kept in `dialog`.
pub fn show(ctx: &Context, cx: &Cx<'_>, dialog: &mut Option<Dialog>, cmds: &mut Vec<UiCommand>) {
    let Some(current) = dialog.as_mut() else {
        return;
    };
    let t = cx.tr();
    Modal::new(Id::unique("normcoder-dialog")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        match current {
            Dialog::ConfirmDiscard(then) => {
                ui.heading(t.unsaved_title);
                ui.label(t.unsaved_question);
                ui.horizontal(|ui| {
                    if ui.button(Command::Save.label(cx.lang)).clicked() {
                        cmds.push(UiCommand::SaveThen(then.clone()));
                    }
                    if ui.button(t.discard).clicked() {
                        cmds.push(UiCommand::DiscardThen(then.clone()));
                    }
                    if ui.button(t.cancel).clicked() {
                        cmds.push(UiCommand::CloseDialog);
                    }
                });
            }
            Dialog::Error(message) => {
                ui.heading(t.error_title);
                egui::ScrollArea::vertical()
                    .max_height(300.0)
                    .show(ui, |ui| ui.label(message.as_str()));
                if ui.button(t.ok).clicked() {
                    cmds.push(UiCommand::CloseDialog);
                }
            }
            Dialog::Recover(path) => {
                ui.heading(t.recover_title);
                ui.label(t.recover_question);
                ui.monospace(crate::store::autosave_path(path).display().to_string());
                ui.horizontal(|ui| {
                    // Closed first: an error that the answer brings must stay on screen.
                    if ui.button(t.recover).clicked() {
                        cmds.push(UiCommand::CloseDialog);
                        cmds.push(UiCommand::RecoverPath(path.clone()));
                    }
                    if ui.button(t.open_saved).clicked() {
                        cmds.push(UiCommand::CloseDialog);
                        cmds.push(UiCommand::OpenSaved(path.clone()));
                    }
                });
            }
            Dialog::RemoveDocument(doc) => remove_document(ui, cx, doc, cmds),
            Dialog::NotAProject(path, kind) => not_a_project(ui, cx, path, *kind, cmds),
            Dialog::SaveFailed {
                file,
                cause,
                details,
            } => save_failed(ui, cx, file, *cause, details, cmds),
            Dialog::AskCoder(name) => {
                ui.heading(t.coder_title);
                let question = ui.label(t.coder_question);
                let response = ui
                    .add(egui::TextEdit::singleline(name).hint_text(t.coder_name))
                    .labelled_by(question.id);
                // The field takes the keyboard once, when nothing has it (asking for it every
                // frame kept the window repainting and fought the user's clicks).
                if ui.memory(|m| m.focused().is_none()) {
                    response.request_focus();
                }
                let valid = Coder::from_name(name).is_some();
                // Enter answers the question wherever the keyboard is: the dialog is modal.
                let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
                let start = ui
                    .add_enabled(valid, egui::Button::new(t.start_coding))
                    .clicked();
                if (start || enter) && valid {
                    cmds.push(UiCommand::CloseDialog);
                    cmds.push(UiCommand::SetCoder(name.trim().to_owned()));
                }
            }
        }
    });
}

/// A file that is not a project: what it looks like, and an offer to import a document.
fn not_a_project(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    path: &std::path::Path,
    kind: crate::store::LooksLike,
    cmds: &mut Vec<UiCommand>,
) {
    let t = cx.tr();
    ui.heading(t.not_a_project_title);
    let name = crate::ui::file_name(path);
    ui.add(
        egui::Label::new(format!(
            "{name} {} {}.",
            t.not_a_project,
            looks_like(kind, cx.lang)
        ))
        .wrap(),
    );
    let offer_import = kind.is_document() && cx.session.is_some();
    if kind.is_document() && cx.session.is_none() {
        ui.label(t.not_a_project_open_first);
    }
    ui.horizontal(|ui| {
        if offer_import && ui.button(t.import_into_project).clicked() {
            cmds.push(UiCommand::CloseDialog);
            cmds.push(UiCommand::ImportPaths(vec![path.to_path_buf()]));
        }
        if ui.button(t.ok).clicked() {
            cmds.push(UiCommand::CloseDialog);
        }
    });
}

/// A failed save, said in words, with Save as… offered.
fn save_failed(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    file: &std::path::Path,
    cause: Option<std::io::ErrorKind>,
    details: &str,
    cmds: &mut Vec<UiCommand>,
) {
    use std::io::ErrorKind as K;
    let t = cx.tr();
    ui.heading(t.save_failed_title);
    let why = match cause {
        Some(K::PermissionDenied) => t.save_denied,
        Some(K::ReadOnlyFilesystem) => t.save_read_only_disk,
        Some(K::StorageFull | K::QuotaExceeded) => t.save_disk_full,
        Some(K::NotFound) => t.save_folder_gone,
        _ => t.save_other,
    };
    ui.add(
        egui::Label::new(format!(
            "{} {}: {why}",
            t.could_not_save,
            crate::ui::file_name(file)
        ))
        .wrap(),
    );
    ui.label(t.work_still_open);
    egui::CollapsingHeader::new(t.details)
        .id_salt("save-failed-details")
        .show(ui, |ui| {
            ui.add(egui::Label::new(details).wrap());
        });
    ui.horizontal(|ui| {
        if ui.button(Command::SaveAs.label(cx.lang)).clicked() {
            cmds.push(UiCommand::CloseDialog);
            cmds.push(Command::SaveAs.into());
        }
        if ui.button(t.ok).clicked() {
            cmds.push(UiCommand::CloseDialog);
        }
    });
}

/// Remove a document: its title and how many annotations go with it; undoable.
fn remove_document(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    doc: &crate::model::DocId,
    cmds: &mut Vec<UiCommand>,
) {
    let t = cx.tr();
    let Some(project) = cx.project() else {
        cmds.push(UiCommand::CloseDialog);
        return;
    };
    let title = project
        .document(doc)
        .map_or_else(|| doc.to_string(), |d| d.meta().title.clone());
    let count = project.annotations_in(doc).count();
    ui.heading(t.remove_document_title);
    ui.add(egui::Label::new(format!("« {title} »")).wrap());
    ui.label(format!("{} {count}", t.remove_document_with));
    ui.label(t.remove_document_undo);
    ui.horizontal(|ui| {
        if ui.button(t.remove).clicked() {
            cmds.push(UiCommand::CloseDialog);
            cmds.push(UiCommand::Edit(crate::edit::Action::RemoveDocument {
                id: doc.clone(),
            }));
        }
        if ui.button(t.cancel).clicked() {
            cmds.push(UiCommand::CloseDialog);
        }
    });
}
