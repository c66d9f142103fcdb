//! The centre: the document view, with tooltips for annotations and the palette after a
//! mouse selection.

use std::fmt::Write as _;

use egui::Ui;

use crate::model::{AnnotationId, CoderId, DocId};
use crate::ui::command::UiCommand;
use crate::ui::context::Cx;
use crate::ui::document_view::{DocumentView, Highlight, ViewInput};

use super::readable;

/// What the highlight list of the document view depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
struct HighlightKey {
    doc: DocId,
    /// The project's history state: changes with every edit, undo and redo.
    state: u64,
    coder: Option<CoderId>,
    selected: Option<AnnotationId>,
    /// The theme: colours are drawn for its background.
    dark: bool,
}

/// The centre and the highlights it last built, with what they were built for.
#[derive(Debug, Default)]
pub struct CentralPanel {
    highlights: Option<(HighlightKey, Vec<Highlight>)>,
}

impl CentralPanel {
    /// Forgets the highlights (another project was opened).
    pub fn clear(&mut self) {
        self.highlights = None;
    }

    /// Draws the open document in `view`.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        cx: &Cx<'_>,
        view: &mut DocumentView,
        cmds: &mut Vec<UiCommand>,
    ) {
        let t = cx.tr();
        let lang = cx.lang;
        egui::CentralPanel::default().show(ui, |ui| {
            let (Some(session), Some(project)) = (cx.session, cx.project()) else {
                return;
            };
            let Some(doc) = cx.document() else {
                // An empty project says how to fill it, not to choose from an empty list.
                let hint = if project.documents().next().is_none() {
                    t.empty_project
                } else {
                    t.no_document
                };
                ui.add(egui::Label::new(hint).wrap());
                return;
            };
            ui.heading(&doc.meta().title);
            let book = project.codebook();
            // Rebuilt only when what it shows changes: cloning 10,000 highlights every frame would
            // cost as much as the view's whole scrolling frame.
            let key = HighlightKey {
                doc: doc.id().clone(),
                state: session.history().state(),
                coder: cx.coder_filter.cloned(),
                selected: cx.selected_annotation.cloned(),
                dark: ui.visuals().dark_mode,
            };
            if self.highlights.as_ref().is_none_or(|(k, _)| k != &key) {
                // Each code's drawn colour once, not once per annotation.
                let background = ui.visuals().panel_fill;
                let drawn: std::collections::HashMap<&crate::model::CodeId, egui::Color32> = book
                    .codes()
                    .iter()
                    .map(|c| (&c.id, readable(c.colour, background)))
                    .collect();
                let list: Vec<Highlight> = cx
                    .visible_annotations()
                    .into_iter()
                    .map(|a| Highlight {
                        id: a.id().clone(),
                        span: a.span(),
                        colours: a
                            .codes()
                            .iter()
                            .filter_map(|c| drawn.get(c).copied())
                            .collect(),
                        selected: cx.selected_annotation == Some(a.id()),
                    })
                    .collect();
                self.highlights = Some((key, list));
            }
            let highlights: &[Highlight] =
                self.highlights.as_ref().map_or(&[], |(_, h)| h.as_slice());
            let input = ViewInput {
                doc,
                highlights,
                highlights_revision: session.history().state(),
            };
            // Lines no longer than the reading width, the column centred in the panel.
            let full = ui.available_width();
            let width = cx
                .reading_chars
                .map_or(full, |chars| view.reading_width(ui, chars).min(full));
            let output = if width + 1.0 < full {
                let margin = ((full - width) / 2.0).floor();
                ui.horizontal_top(|ui| {
                    ui.add_space(margin);
                    let height = ui.available_height();
                    ui.allocate_ui_with_layout(
                        egui::vec2(width, height),
                        egui::Layout::top_down(egui::Align::Min),
                        |ui| {
                            ui.set_max_width(width);
                            view.show(ui, &input)
                        },
                    )
                    .inner
                })
                .inner
            } else {
                view.show(ui, &input)
            };
            if !output.hovered.is_empty() {
                let text = hover_text(project, &output.hovered, lang);
                output.response.clone().on_hover_text_at_pointer(text);
            }
            if let Some(id) = output.clicked {
                cmds.push(UiCommand::SelectAnnotation(Some(id)));
            }
            let released = ui.input(|i| i.pointer.primary_released());
            if output.selection_changed && released && view.selection().is_some() {
                cmds.push(UiCommand::PaletteAtPointer);
            }
        });
    }
}

/// What hovering annotations says: each one's codes, coder and memo.
fn hover_text(
    project: &crate::model::Project,
    hovered: &[AnnotationId],
    lang: crate::model::Lang,
) -> String {
    let book = project.codebook();
    hovered
        .iter()
        .filter_map(|id| project.annotation(id))
        .map(|a| {
            let codes: Vec<&str> = a
                .codes()
                .iter()
                .filter_map(|c| book.code(c))
                .map(|c| c.label.get(lang))
                .collect();
            let mut line = format!("{} — {}", codes.join(", "), a.coder());
            if !a.memo().is_empty() {
                let _ = write!(line, "\n  {}", a.memo());
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}
