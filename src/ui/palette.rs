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
    focus: bool,
}

impl Palette {
    /// Opens the palette at `at` (near the pointer); `keyboard` gives its filter the keyboard.
    pub fn open(&mut self, at: Option<Pos2>, keyboard: bool) {
        self.filter = Some(String::new());
        self.focus = keyboard;
        self.at = at;
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
                    .max_height(320.0)
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
