//! The code palette: a small window near the selection listing codes, with type-to-filter.

use egui::{Context, Key, Pos2};

use crate::model::Code;

use super::command::UiCommand;
use super::context::Cx;
use super::panels::code_swatch;

/// The palette's state: open with its filter text, where, and whether to take the keyboard.
#[derive(Debug, Default)]
pub struct Palette {
    /// The filter typed so far; `None` while the palette is closed.
    pub filter: Option<String>,
    at: Option<Pos2>,
    /// How tall it may be where it opened.
    max_height: Option<f32>,
    focus: bool,
}

impl Palette {
    /// Opens the palette at `at` (near the pointer); `keyboard` gives its filter the keyboard.
    pub fn open(&mut self, at: Option<Pos2>, max_height: Option<f32>, keyboard: bool) {
        self.filter = Some(String::new());
        self.focus = keyboard;
        self.at = at;
        self.max_height = max_height;
    }

    /// Closes the palette.
    pub fn close(&mut self) {
        self.filter = None;
    }

    /// Whether it is open.
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.filter.is_some()
    }
}

/// The palette's usual size, to keep it inside the window and off the selection.
pub const SIZE: egui::Vec2 = egui::vec2(300.0, 400.0);

/// Where the palette's top-left corner goes for a selection from `start` to `end` (the
/// rectangles of its first and last character boundaries), and how tall it may be: under the
/// selection's last line, or above its first line, on the side with room (the palette shrinks
/// to the room there is) — never over the passage being coded, and inside `screen`.
#[must_use]
pub fn place_beside(start: egui::Rect, end: egui::Rect, screen: egui::Rect) -> (Pos2, f32) {
    const GAP: f32 = 8.0;
    /// Below this the list would show too few codes: the palette overlaps rather than shrink.
    const MIN_HEIGHT: f32 = 160.0;
    let x = end.left().min(screen.right() - SIZE.x).max(screen.left());
    let below = end.bottom() + GAP;
    let room_below = screen.bottom() - below;
    let room_above = start.top() - GAP - screen.top();
    if room_below >= SIZE.y || (room_below >= room_above && room_below >= MIN_HEIGHT) {
        (Pos2::new(x, below), room_below.min(SIZE.y))
    } else if room_above >= MIN_HEIGHT {
        let height = room_above.min(SIZE.y);
        (Pos2::new(x, start.top() - GAP - height), height)
    } else {
        (Pos2::new(x, screen.top()), SIZE.y)
    }
}

/// Codes whose id, label (both languages) or alias contains the filter, case-insensitively.
#[must_use]
pub fn matching<'a>(codes: &'a [Code], filter: &str) -> Vec<&'a Code> {
    let needle = filter.trim().to_lowercase();
    codes
        .iter()
        .filter(|c| {
            needle.is_empty()
                || c.id.as_str().to_lowercase().contains(&needle)
                || c.label.en.to_lowercase().contains(&needle)
                || c.label
                    .fr
                    .as_ref()
                    .is_some_and(|f| f.to_lowercase().contains(&needle))
                || c.aliases.iter().any(|a| a.to_lowercase().contains(&needle))
        })
        .collect()
}

impl Palette {
    /// Draws the palette while it is open; choosing a code asks to code the selection with it.
    pub fn show(&mut self, ctx: &Context, cx: &Cx<'_>, cmds: &mut Vec<UiCommand>) {
        let (Some(mut filter), Some(project)) = (self.filter.clone(), cx.project()) else {
            return;
        };
        let t = cx.tr();
        let lang = cx.lang;
        let codes = project.codebook().codes();
        let mut chosen = None;
        let mut open = true;
        let mut escaped = false;
        let mut window = egui::Window::new(t.code_palette);
        if let Some(at) = self.at {
            window = window.current_pos(at);
        }
        let height = self.max_height.unwrap_or(SIZE.y);
        window = window.max_height(height);
        let focus = std::mem::take(&mut self.focus);
        window
            .id(egui::Id::unique("code-palette"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_width(280.0)
            .show(ctx, |ui| {
                let response = ui.add(
                    egui::TextEdit::singleline(&mut filter)
                        .hint_text(t.search_codes)
                        .desired_width(f32::INFINITY),
                );
                if focus {
                    response.request_focus();
                }
                let found = matching(codes, &filter);
                if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                    chosen = found.first().map(|c| c.id.clone());
                }
                if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Escape)) {
                    escaped = true;
                }
                egui::ScrollArea::vertical()
                    .max_height((height - 80.0).max(80.0))
                    .show(ui, |ui| {
                        for code in found {
                            ui.horizontal(|ui| {
                                code_swatch(ui, code);
                                let key = code
                                    .shortcut
                                    .map(|s| format!("[{}] ", s.key()))
                                    .unwrap_or_default();
                                let label = format!("{key}{}", code.label.get(lang));
                                if ui
                                    .button(label)
                                    .on_hover_text(code.definition.get(lang))
                                    .clicked()
                                {
                                    chosen = Some(code.id.clone());
                                }
                            });
                        }
                    });
            });
        if escaped {
            open = false;
        }
        if let Some(code) = chosen {
            self.filter = None;
            cmds.push(UiCommand::CodeSelection(code));
        } else if open {
            self.filter = Some(filter);
        } else {
            self.filter = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{SIZE, place_beside};
    use egui::{Rect, pos2, vec2};

    fn line(x: f32, y: f32) -> Rect {
        Rect::from_min_size(pos2(x, y), vec2(0.0, 20.0))
    }

    #[test]
    fn the_palette_goes_under_the_selection_or_above_it_never_over_it() {
        let screen = Rect::from_min_size(pos2(0.0, 0.0), vec2(1280.0, 800.0));
        // Room below: under the last line.
        let (at, height) = place_beside(line(300.0, 100.0), line(500.0, 140.0), screen);
        assert!(at.y >= 160.0 && (at.x - 500.0).abs() < 0.5);
        assert!((height - SIZE.y).abs() < 0.5);
        // Near the bottom: above the first line, its bottom edge clear of the passage.
        let (at, height) = place_beside(line(300.0, 600.0), line(500.0, 640.0), screen);
        assert!(at.y + height <= 600.0, "{at:?}");
        // In the middle of a short window: on the roomier side, shrunk to fit.
        let (at, height) = place_beside(line(300.0, 380.0), line(400.0, 380.0), screen);
        assert!(at.y >= 400.0 || at.y + height <= 380.0, "{at:?} {height}");
        assert!(at.y + height <= 800.0 && at.y >= 0.0);
        // Near the right edge: kept inside the window.
        let (at, _) = place_beside(line(1200.0, 100.0), line(1250.0, 100.0), screen);
        assert!(at.x + SIZE.x <= 1280.0);
    }
}
