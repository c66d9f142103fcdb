//! The centre: the document view, with tooltips for annotations and the palette after a
//! mouse selection.

use std::fmt::Write as _;

use egui::Ui;

use crate::ui::app::{HighlightKey, NormcoderApp};
use crate::ui::command::UiCommand;
use crate::ui::document_view::{Highlight, ViewInput};

use super::colour32;

/// Draws the open document.
pub fn show(app: &mut NormcoderApp, ui: &mut Ui) {
    let t = app.tr();
    let lang = app.prefs.lang;
    egui::CentralPanel::default().show(ui, |ui| {
        let Some(session) = &app.session else {
            return;
        };
        let project = session.project();
        let Some(doc) = app.current_doc.as_ref().and_then(|d| project.document(d)) else {
            ui.label(t.no_document);
            return;
        };
        ui.heading(&doc.meta().title);
        let book = project.codebook();
        // Rebuilt only when what it shows changes: cloning 10,000 highlights every frame would
        // cost as much as the view's whole scrolling frame.
        let key = HighlightKey {
            doc: doc.id().clone(),
            state: session.history().state(),
            coder: app.coder_filter.clone(),
            selected: app.selected_annotation.clone(),
        };
        if app.highlights.as_ref().is_none_or(|(k, _)| k != &key) {
            let list: Vec<Highlight> = app
                .visible_annotations()
                .into_iter()
                .map(|a| Highlight {
                    id: a.id().clone(),
                    span: a.span(),
                    colours: a
                        .codes()
                        .iter()
                        .filter_map(|c| book.code(c))
                        .map(|c| colour32(c.colour))
                        .collect(),
                    selected: app.selected_annotation.as_ref() == Some(a.id()),
                })
                .collect();
            app.highlights = Some((key, list));
        }
        let highlights: &[Highlight] = app.highlights.as_ref().map_or(&[], |(_, h)| h.as_slice());
        let input = ViewInput {
            doc,
            highlights,
            highlights_revision: session.history().state(),
        };
        let output = app.view.show(ui, &input);
        if !output.hovered.is_empty() {
            let text: Vec<String> = output
                .hovered
                .iter()
                .filter_map(|id| project.annotation(id))
                .map(|a| {
                    let codes: Vec<&str> = a
                        .codes()
                        .iter()
                        .filter_map(|c| book.code(c))
                        .map(|c| c.label.get(lang))
                        .collect();
                    let mut line = format!("{} — {}", codes.join(", "), a.coder());
                    if !a.memo().is_empty() {
                        let _ = write!(line, "\n  {}", a.memo());
                    }
                    line
                })
                .collect();
            output
                .response
                .clone()
                .on_hover_text_at_pointer(text.join("\n"));
        }
        if let Some(id) = output.clicked {
            app.push(UiCommand::SelectAnnotation(Some(id)));
        }
        let released = ui.input(|i| i.pointer.primary_released());
        if output.selection_changed && released && app.view.selection().is_some() {
            app.open_palette(ui.ctx(), false);
        }
    });
}
