//! The right side: the codebook above, the selected annotation's details below.

use egui::Ui;

use crate::ui::app::NormcoderApp;

/// Draws the right panel.
pub fn show(app: &mut NormcoderApp, ui: &mut Ui) {
    egui::Panel::right("side")
        .resizable(true)
        .default_size(320.0)
        .show(ui, |ui| {
            let height = ui.available_height();
            egui::ScrollArea::vertical()
                .id_salt("codebook-scroll")
                .max_height(height * 0.58)
                .show(ui, |ui| super::codebook::show(app, ui));
            ui.separator();
            egui::ScrollArea::vertical()
                .id_salt("details-scroll")
                .show(ui, |ui| super::details::show(app, ui));
        });
}
