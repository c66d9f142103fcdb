//! The status bar: coder, position, counts, save state, last message.

use egui::Ui;

use crate::ui::context::Cx;

/// Draws the status bar.
pub fn show(ui: &mut Ui, cx: &Cx<'_>) {
    let t = cx.tr();
    egui::Panel::bottom("status-bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            let coder = cx.coder.map_or("—", |c| c.name.as_str());
            ui.label(format!("{}: {coder}", t.coder));
            ui.separator();
            if let Some(session) = cx.session {
                let project = session.project();
                if let Some(doc) = cx.document() {
                    let shown = cx.visible_annotations().len();
                    ui.label(format!("{shown} {}", t.annotations));
                    ui.separator();
                    if let Some(span) = cx.selection {
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
                } else if cx.autosaved {
                    t.autosaved
                } else {
                    t.unsaved
                };
                ui.label(state);
            }
            if let Some(message) = cx.status {
                ui.separator();
                ui.label(message);
            }
        });
    });
}
