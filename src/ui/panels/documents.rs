//! The documents list: title, date, language, kind and annotation count, with a filter;
//! double-click or the context menu opens the metadata form.

use egui::Ui;

use crate::ui::command::{ImportCommand, UiCommand};
use crate::ui::context::Cx;

/// The documents list and its filter text.
#[derive(Debug, Default)]
pub struct DocumentsPanel {
    pub filter: String,
}

impl DocumentsPanel {
    /// Draws the documents panel on the left.
    pub fn show(&mut self, ui: &mut Ui, cx: &Cx<'_>, cmds: &mut Vec<UiCommand>) {
        let t = cx.tr();
        egui::Panel::left("documents")
            .resizable(true)
            .default_size(250.0)
            .show(ui, |ui| {
                ui.heading(t.documents);
                ui.add(
                    egui::TextEdit::singleline(&mut self.filter)
                        .hint_text(t.filter)
                        .desired_width(f32::INFINITY),
                );
                ui.separator();
                let Some(project) = cx.project() else {
                    return;
                };
                let needle = self.filter.trim().to_lowercase();
                let mut clicked = None;
                let mut edit_meta = None;
                let mut remove = None;
                egui::ScrollArea::vertical().show(ui, |ui| {
                    for doc in project.documents() {
                        let meta = doc.meta();
                        if !needle.is_empty()
                            && !meta.title.to_lowercase().contains(&needle)
                            && !doc.id().as_str().contains(&needle)
                        {
                            continue;
                        }
                        let count = project
                            .annotations_in(doc.id())
                            .filter(|a| cx.shows(a))
                            .count();
                        let selected = cx.current_doc == Some(doc.id());
                        let details = [
                            meta.date.map(|d| d.to_string()),
                            meta.language.clone(),
                            meta.kind
                                .map(|k| crate::ui::import::kind_label(t, Some(k)).to_owned()),
                        ]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" · ");
                        let text = format!(
                            "{}\n{details} · {}",
                            meta.title,
                            crate::ui::i18n::annotations(cx.lang, count)
                        );
                        let response = ui
                            .selectable_label(selected, text)
                            .on_hover_text(meta.origin.clone().unwrap_or_default());
                        if response.clicked() {
                            clicked = Some(doc.id().clone());
                        }
                        if response.double_clicked() {
                            edit_meta = Some(doc.id().clone());
                        }
                        response.context_menu(|ui| {
                            // Rename opens the same form: the title is its first field.
                            for label in [t.rename_document, t.edit_metadata] {
                                if ui.button(label).clicked() {
                                    edit_meta = Some(doc.id().clone());
                                    ui.close();
                                }
                            }
                            ui.separator();
                            if ui.button(t.remove_document).clicked() {
                                remove = Some(doc.id().clone());
                                ui.close();
                            }
                        });
                    }
                });
                if let Some(doc) = remove {
                    cmds.push(UiCommand::AskRemoveDocument(doc));
                }
                if let Some(doc) = clicked {
                    cmds.push(UiCommand::SelectDocument(doc));
                }
                if let Some(doc) = edit_meta {
                    cmds.push(UiCommand::Import(ImportCommand::EditMetadata(doc)));
                }
            });
    }
}
