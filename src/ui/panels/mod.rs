//! The window's panels; each draws from the app state and pushes commands.

pub mod central;
pub mod codebook;
pub mod details;
pub mod documents;
pub mod menu_bar;
pub mod side;
pub mod status_bar;
pub mod welcome;

use egui::{Color32, Sense, Ui, vec2};

use crate::model::{Code, Colour};

/// The egui colour of a code colour.
#[must_use]
pub fn colour32(c: Colour) -> Color32 {
    Color32::from_rgb(c.r, c.g, c.b)
}

/// A small square in the code's colour.
pub fn code_swatch(ui: &mut Ui, code: &Code) {
    let (rect, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
    ui.painter().rect_filled(rect, 2.0, colour32(code.colour));
}
