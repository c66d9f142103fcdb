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

/// The least contrast a code's swatch or highlight keeps with the panel behind it (WCAG 1.4.11,
/// non-text contrast).
pub const MIN_CONTRAST: f32 = 3.0;

/// WCAG relative luminance of an opaque colour.
fn luminance(c: Color32) -> f32 {
    let channel = |v: u8| {
        let v = f32::from(v) / 255.0;
        if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
}

/// WCAG contrast ratio of two opaque colours (1 to 21).
#[must_use]
pub fn contrast(a: Color32, b: Color32) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// A code's colour as drawn on `background`: itself when it stands out by 3:1 or more, else the
/// nearest shade towards white (on a dark panel) or black (on a light one) that does — so the
/// dark grey of "non-State hostile actor" stays visible in the dark theme and a yellow code in
/// the light one, without changing the codebook.
#[must_use]
pub fn readable(c: Colour, background: Color32) -> Color32 {
    let base = colour32(c);
    if contrast(base, background) >= MIN_CONTRAST {
        return base;
    }
    let toward = if luminance(background) < 0.18 {
        Color32::WHITE
    } else {
        Color32::BLACK
    };
    (1..=20)
        .map(|step| base.lerp_to_gamma(toward, step as f32 / 20.0))
        .find(|c| contrast(*c, background) >= MIN_CONTRAST)
        .unwrap_or(toward)
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
    let colour = readable(code.colour, ui.visuals().panel_fill);
    ui.painter().rect_filled(square, 2.0, colour);
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

#[cfg(test)]
mod tests {
    use super::{MIN_CONTRAST, colour32, contrast, readable};

    #[test]
    fn every_built_in_code_colour_is_drawn_with_3_to_1_contrast_in_both_themes() {
        let themes = [egui::Visuals::dark(), egui::Visuals::light()];
        let mut checked = 0;
        for name in crate::store::builtin::names() {
            let book = crate::store::builtin::codebook(&[name]).expect("codebook");
            for code in book.codes() {
                for visuals in &themes {
                    let bg = visuals.panel_fill;
                    let drawn = readable(code.colour, bg);
                    assert!(
                        contrast(drawn, bg) >= MIN_CONTRAST,
                        "{} on {bg:?}: {}",
                        code.id,
                        contrast(drawn, bg)
                    );
                    if contrast(colour32(code.colour), bg) >= MIN_CONTRAST {
                        assert_eq!(drawn, colour32(code.colour), "a readable colour is kept");
                    }
                    checked += 1;
                }
            }
        }
        assert!(checked > 40);
    }

    #[test]
    fn contrast_is_the_wcag_ratio() {
        let black = egui::Color32::BLACK;
        let white = egui::Color32::WHITE;
        assert!((contrast(black, white) - 21.0).abs() < 0.01);
        assert!((contrast(white, white) - 1.0).abs() < 0.001);
    }
}
