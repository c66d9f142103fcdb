//! The codebook panel: groups, colour swatches, shortcut keys, counts, definitions on hover,
//! and a search box. A click codes the current selection.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use egui::Ui;

use crate::model::CodeId;
use crate::ui::app::NormcoderApp;
use crate::ui::command::UiCommand;
use crate::ui::palette::matching;

use super::code_swatch;

/// Draws the codebook.
pub fn show(app: &mut NormcoderApp, ui: &mut Ui) {
    let t = app.tr();
    let lang = app.prefs.lang;
    ui.heading(t.codebook);
    ui.add(
        egui::TextEdit::singleline(&mut app.code_filter)
            .hint_text(t.search_codes)
            .desired_width(f32::INFINITY),
    );
    let Some(session) = &app.session else {
        return;
    };
    let project = session.project();
    let book = project.codebook();
    // Counts in the current document (coder filter applied), and overall.
    let mut in_doc: BTreeMap<&CodeId, usize> = BTreeMap::new();
    for ann in app.visible_annotations() {
        for code in ann.codes() {
            *in_doc.entry(code).or_default() += 1;
        }
    }
    let shown: Vec<&CodeId> = matching(book.codes(), &app.code_filter)
        .into_iter()
        .map(|c| &c.id)
        .collect();
    let mut clicked = None;
    for group in book.groups() {
        let codes: Vec<_> = book
            .codes_in(&group.id)
            .filter(|c| shown.contains(&&c.id))
            .collect();
        if codes.is_empty() {
            continue;
        }
        egui::CollapsingHeader::new(group.label.get(lang))
            .id_salt(group.id.as_str())
            .default_open(true)
            .show(ui, |ui| {
                for code in codes {
                    ui.horizontal(|ui| {
                        code_swatch(ui, code);
                        let key = code
                            .shortcut
                            .map_or_else(|| "   ".to_owned(), |s| format!("[{}]", s.key()));
                        let count = in_doc.get(&code.id).copied().unwrap_or(0);
                        let label = format!("{key} {}  ({count})", code.label.get(lang));
                        let mut hover = format!("{}\n\n{}", code.id, code.definition.get(lang));
                        if let Some(source) = &code.source_text {
                            let _ = write!(hover, "\n\n« {} »", source.get(lang));
                        }
                        let response = ui
                            .selectable_label(app.last_code.as_ref() == Some(&code.id), label)
                            .on_hover_text(hover);
                        if response.clicked() {
                            clicked = Some(code.id.clone());
                        }
                    });
                }
            });
    }
    if let Some(code) = clicked {
        app.push(UiCommand::CodeSelection(code));
    }
}
