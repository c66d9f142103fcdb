//! The code palette: a small window near the selection listing codes, with type-to-filter.

use egui::{Context, Key};

use crate::model::Code;

use super::app::NormcoderApp;
use super::command::UiCommand;
use super::panels::code_swatch;

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

/// Draws the palette while it is open.
pub(super) fn show(app: &mut NormcoderApp, ctx: &Context) {
    let (Some(mut filter), Some(session)) = (app.palette.clone(), app.session.as_ref()) else {
        return;
    };
    let t = app.tr();
    let lang = app.prefs.lang;
    let codes = session.project().codebook().codes().to_vec();
    let mut chosen = None;
    let mut open = true;
    let mut escaped = false;
    let mut window = egui::Window::new(t.code_palette);
    if let Some(at) = app.palette_at {
        window = window.current_pos(at);
    }
    let focus = std::mem::take(&mut app.palette_focus);
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
            let found = matching(&codes, &filter);
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
        app.palette = None;
        app.push(UiCommand::CodeSelection(code));
    } else if open {
        app.palette = Some(filter);
    } else {
        app.palette = None;
    }
}
