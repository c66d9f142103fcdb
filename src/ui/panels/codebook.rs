//! The codebook panel: groups, colour swatches, shortcut keys, counts, definitions on hover,
//! and a search box. A click codes the current selection.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use egui::Ui;

use crate::model::CodeId;
use crate::ui::command::UiCommand;
use crate::ui::context::Cx;
use crate::ui::palette::matching;

use super::code_swatch;

/// The codebook panel and its search text.
#[derive(Debug, Default)]
pub struct CodebookPanel {
    pub filter: String,
}

impl CodebookPanel {
    /// Draws the codebook.
    pub fn show(&mut self, ui: &mut Ui, cx: &Cx<'_>, cmds: &mut Vec<UiCommand>) {
        let t = cx.tr();
        let lang = cx.lang;
        ui.heading(t.codebook);
        ui.add(
            egui::TextEdit::singleline(&mut self.filter)
                .hint_text(t.search_codes)
                .desired_width(f32::INFINITY),
        );
        let Some(project) = cx.project() else {
            return;
        };
        let book = project.codebook();
        // Counts in the current document (coder filter applied), and overall.
        let mut in_doc: BTreeMap<&CodeId, usize> = BTreeMap::new();
        for ann in cx.visible_annotations() {
            for code in ann.codes() {
                *in_doc.entry(code).or_default() += 1;
            }
        }
        let shown: Vec<&CodeId> = matching(book.codes(), &self.filter)
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
                            // Wrapped rather than cut at the column's edge (French labels are
                            // long): every word of a code stays readable.
                            let response = ui
                                .add(
                                    egui::Button::selectable(cx.last_code == Some(&code.id), label)
                                        .wrap(),
                                )
                                .on_hover_text(hover);
                            if response.clicked() {
                                clicked = Some(code.id.clone());
                            }
                        });
                    }
                });
        }
        if let Some(code) = clicked {
            cmds.push(UiCommand::CodeSelection(code));
        }
    }
}
