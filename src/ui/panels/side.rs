//! The right side: the codebook above, the selected annotation's details below, with a split
//! the user can drag between them.

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
        .default_size(336.0)
        .show(ui, |ui| {
            // A split the user can drag: the codebook above, the details below, each scrolling
            // on its own, so that every code and every button stays reachable on a small screen.
            let height = ui.available_height();
            egui::Panel::top("codebook-part")
                .resizable(true)
                .default_size(height * 0.55)
                .min_size(120.0)
                .max_size((height - 160.0).max(120.0))
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("codebook-scroll")
                        .auto_shrink([true, false])
                        .show(ui, |ui| codebook.show(ui, cx, cmds));
                });
            egui::ScrollArea::vertical()
                .id_salt("details-scroll")
                .auto_shrink([true, false])
                .show(ui, |ui| details.show(ui, cx, cmds));
        });
}
