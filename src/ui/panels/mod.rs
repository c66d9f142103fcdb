//! The window's panels; each draws from the read-only context (`ui::context::Cx`) and its own state,
//! and pushes commands.

pub mod central;
pub mod codebook;
pub mod details;
pub mod documents;
pub mod menu_bar;
pub mod side;
pub mod status_bar;
pub mod welcome;

use egui::{Color32, Sense, Ui, vec2};

use crate::ui::command::Command;

use crate::model::{Code, Colour};

/// The egui colour of a code colour.
#[must_use]
pub fn colour32(c: Colour) -> Color32 {
    Color32::from_rgb(c.r, c.g, c.b)
}

/// One checkbox per code of the codebook (swatch, id, label on hover), ticking codes in and
/// out of `chosen`; for a wrapping row.
pub fn code_checkboxes(
    ui: &mut Ui,
    project: &crate::model::Project,
    lang: crate::model::Lang,
    chosen: &mut std::collections::BTreeSet<crate::model::CodeId>,
) {
    for code in project.codebook().codes() {
        let mut on = chosen.contains(&code.id);
        if code_checkbox(ui, code, &mut on)
            .on_hover_text(code.label.get(lang))
            .changed()
        {
            if on {
                chosen.insert(code.id.clone());
            } else {
                chosen.remove(&code.id);
            }
        }
    }
}

/// A code's swatch followed by a checkbox with its id: in a wrapping row, the two stay on the
/// same line (a new row starts before the swatch when the pair would not fit).
pub fn code_checkbox(ui: &mut Ui, code: &Code, on: &mut bool) -> egui::Response {
    let text = egui::WidgetText::from(code.id.as_str()).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Button,
    );
    let spacing = &ui.spacing();
    let needed = 12.0
        + spacing.item_spacing.x * 2.0
        + spacing.icon_width
        + spacing.icon_spacing
        + text.size().x;
    if ui.available_size_before_wrap().x < needed {
        ui.end_row();
    }
    code_swatch(ui, code);
    ui.checkbox(on, code.id.as_str())
}

/// A small square in the code's colour.
pub fn code_swatch(ui: &mut Ui, code: &Code) {
    // As tall as a row of widgets, so that it lines up with a checkbox or a label beside it.
    let height = ui.spacing().interact_size.y.max(12.0);
    let (rect, _) = ui.allocate_exact_size(vec2(12.0, height), Sense::hover());
    let square = egui::Rect::from_center_size(rect.center(), vec2(12.0, 12.0));
    ui.painter().rect_filled(square, 2.0, colour32(code.colour));
}

/// A row of tabs, each named by the command that opens it from a menu (one label for both).
pub fn tab_bar<T: PartialEq + Copy>(
    ui: &mut Ui,
    current: &mut T,
    tabs: &[(T, Command)],
    lang: crate::model::Lang,
) {
    ui.horizontal(|ui| {
        for (tab, command) in tabs {
            if ui
                .selectable_label(*current == *tab, command.label(lang))
                .clicked()
            {
                *current = *tab;
            }
        }
    });
    ui.separator();
}

/// A small untitled window in the middle of the screen: a spinner and what is running.
pub fn busy_window(ctx: &egui::Context, id: &str, label: &str) {
    egui::Window::new(label)
        .id(egui::Id::unique(id))
        .title_bar(false)
        .resizable(false)
        .collapsible(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(label);
            });
        });
}
