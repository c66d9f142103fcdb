//! The documents list: title, date, language, kind and annotation count, with a filter;
//! double-click or the context menu opens the metadata form.

use egui::Ui;

use crate::ui::app::NormcoderApp;
use crate::ui::command::UiCommand;
use crate::ui::import::ImportCommand;

/// Draws the documents panel on the left.
pub fn show(app: &mut NormcoderApp, ui: &mut Ui) {
    let t = app.tr();
    egui::Panel::left("documents")
        .resizable(true)
        .default_size(250.0)
        .show(ui, |ui| {
            ui.heading(t.documents);
            ui.add(
                egui::TextEdit::singleline(&mut app.doc_filter)
                    .hint_text(t.filter)
                    .desired_width(f32::INFINITY),
            );
            ui.separator();
            let Some(session) = &app.session else {
                return;
            };
            let project = session.project();
            let needle = app.doc_filter.trim().to_lowercase();
            let mut clicked = None;
            let mut edit_meta = None;
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
                        .filter(|a| app.coder_filter.as_ref().is_none_or(|c| a.coder() == c))
                        .count();
                    let selected = app.current_doc.as_ref() == Some(doc.id());
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
                    let text = format!("{}\n{details} · {count} {}", meta.title, t.annotations);
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
                        if ui.button(t.edit_metadata).clicked() {
                            edit_meta = Some(doc.id().clone());
                            ui.close();
                        }
                    });
                }
            });
            if let Some(doc) = clicked {
                app.push(UiCommand::SelectDocument(doc));
            }
            if let Some(doc) = edit_meta {
                app.push(UiCommand::Import(ImportCommand::EditMetadata(doc)));
            }
        });
}
