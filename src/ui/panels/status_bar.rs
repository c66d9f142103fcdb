//! The status bar: coder, position, counts, save state, last message.

use egui::Ui;

use crate::ui::app::NormcoderApp;

/// Draws the status bar.
pub fn show(app: &mut NormcoderApp, ui: &mut Ui) {
    let t = app.tr();
    egui::Panel::bottom("status-bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            let coder = app.coder.as_ref().map_or("—", |c| c.name.as_str());
            ui.label(format!("{}: {coder}", t.coder));
            ui.separator();
            if let Some(session) = &app.session {
                let project = session.project();
                if let Some(doc) = app.current_doc.as_ref().and_then(|d| project.document(d)) {
                    let shown = app.visible_annotations().len();
                    ui.label(format!("{shown} {}", t.annotations));
                    ui.separator();
                    if let Some(span) = app.view.selection() {
                        ui.label(format!(
                            "{} {}–{} / {} ({} {})",
                            t.selection,
                            span.start(),
                            span.end(),
                            doc.char_len(),
                            span.len(),
                            t.characters
                        ));
                        ui.separator();
                    }
                }
                ui.label(format!(
                    "Σ {} {}",
                    project.annotation_count(),
                    t.annotations
                ));
                ui.separator();
                let state = if !session.is_dirty() {
                    t.saved
                } else if app.autosaved() {
                    t.autosaved
                } else {
                    t.unsaved
                };
                ui.label(state);
            }
            if let Some(message) = &app.status {
                ui.separator();
                ui.label(message);
            }
        });
    });
}
