//! The right side: the codebook above, the selected annotation's details below.

use egui::Ui;

use crate::ui::command::UiCommand;
use crate::ui::context::Cx;

use super::codebook::CodebookPanel;
use super::details::DetailsPanel;

/// Draws the right panel.
pub fn show(
    ui: &mut Ui,
    cx: &Cx<'_>,
    codebook: &mut CodebookPanel,
    details: &mut DetailsPanel,
    cmds: &mut Vec<UiCommand>,
) {
    egui::Panel::right("side")
        .resizable(true)
        .default_size(320.0)
        .show(ui, |ui| {
            let height = ui.available_height();
            egui::ScrollArea::vertical()
                .id_salt("codebook-scroll")
                .max_height(height * 0.58)
                .show(ui, |ui| codebook.show(ui, cx, cmds));
            ui.separator();
            egui::ScrollArea::vertical()
                .id_salt("details-scroll")
                .show(ui, |ui| details.show(ui, cx, cmds));
        });
}
