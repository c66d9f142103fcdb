//! The status bar: coder, position, counts, save state, last message.

use egui::Ui;

use crate::ui::context::Cx;

/// Draws the status bar.
pub fn show(ui: &mut Ui, cx: &Cx<'_>) {
    let t = cx.tr();
    egui::Panel::bottom("status-bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            let mut shown_state = None;
            let coder = cx.coder.map_or("—", |c| c.name.as_str());
            ui.label(format!("{}: {coder}", t.coder));
            ui.separator();
            if let Some(session) = cx.session {
                let project = session.project();
                if let Some(doc) = cx.document() {
                    let shown = cx.visible_annotations().len();
                    ui.label(crate::ui::i18n::annotations(cx.lang, shown));
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
                    "Σ {}",
                    crate::ui::i18n::annotations(cx.lang, project.annotation_count())
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
                shown_state = Some(state);
            }
            // The last message, unless it repeats the save state beside it ("Saved | Saved"); a
            // long one is cut at the window's edge with the whole text on hover.
            if let Some(message) = cx.status.filter(|m| Some(*m) != shown_state) {
                ui.separator();
                ui.add(egui::Label::new(message).truncate())
                    .on_hover_text(message);
            }
        });
    });
}
