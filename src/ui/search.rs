//! The search bar (Ctrl+F): accent- and case-insensitive by option, in this document or all.

use egui::{Key, Ui};

use std::collections::HashMap;

use crate::analysis::search::{Folded, SearchOptions, fold};
use crate::model::{CharSpan, DocId, Project};

use super::command::{Command, UiCommand};
use super::context::Cx;

/// What the search bar holds between frames.
#[derive(Debug, Default, Clone)]
pub struct SearchState {
    pub open: bool,
    pub query: String,
    pub options: SearchOptions,
    /// Search every document, not only the open one.
    pub all_documents: bool,
    /// Hits of the last search, in document then text order.
    pub hits: Vec<(DocId, CharSpan)>,
    /// The hit shown now.
    pub current: Option<usize>,
    /// What `hits` were computed for: (query, options, scope, document, project state).
    computed_for: Option<(String, SearchOptions, bool, Option<DocId>, u64)>,
    /// Give the query box the keyboard on the next frame.
    focus: bool,
    /// Folded texts by (document hash, options): typing a query does not fold 5 MB again.
    folded: HashMap<(String, SearchOptions), Folded>,
}

impl SearchState {
    /// Opens the bar with the query box focused.
    pub fn open_bar(&mut self) {
        self.open = true;
        self.focus = true;
    }
}

impl SearchState {
    /// Recomputes the hits if the query, options, scope or project changed.
    fn refresh(&mut self, project: &Project, state: u64, current_doc: Option<&DocId>) {
        let key = (
            self.query.clone(),
            self.options,
            self.all_documents,
            current_doc.cloned(),
            state,
        );
        if self.computed_for.as_ref() == Some(&key) {
            return;
        }
        let docs: Vec<_> = if self.all_documents {
            project.documents().collect()
        } else {
            current_doc
                .and_then(|d| project.document(d))
                .into_iter()
                .collect()
        };
        let options = self.options;
        let mut hits = Vec::new();
        for d in docs {
            let folded = self
                .folded
                .entry((d.sha256().to_owned(), options))
                .or_insert_with(|| fold(d.text(), options));
            hits.extend(
                folded
                    .find(&self.query, options)
                    .into_iter()
                    .map(|span| (d.id().clone(), span)),
            );
        }
        self.hits = hits;
        self.current = None;
        self.computed_for = Some(key);
    }

    /// Moves to the next (or previous) hit: the hit to select, `None` when there is none.
    pub fn step(&mut self, cx: &Cx<'_>, forward: bool) -> Option<(DocId, CharSpan)> {
        let project = cx.project()?;
        self.refresh(project, cx.state(), cx.current_doc);
        let start = self.first_after_selection(cx).unwrap_or(0);
        let next = super::cycle(self.current, self.hits.len(), forward, start)?;
        self.current = Some(next);
        self.hits.get(next).cloned()
    }

    /// The first hit at or after the current selection in the current document.
    fn first_after_selection(&self, cx: &Cx<'_>) -> Option<usize> {
        let doc = cx.current_doc?;
        let from = cx.selection.map_or(0, CharSpan::start);
        self.hits
            .iter()
            .position(|(d, s)| d == doc && s.start() >= from)
    }

    /// Draws the search bar under the menu.
    pub fn show_bar(&mut self, ui: &mut Ui, cx: &Cx<'_>, cmds: &mut Vec<UiCommand>) {
        let t = cx.tr();
        egui::Panel::top("search-bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(t.search);
                let response = ui.add(
                    egui::TextEdit::singleline(&mut self.query)
                        .desired_width(240.0)
                        .hint_text(t.find),
                );
                if std::mem::take(&mut self.focus) {
                    response.request_focus();
                }
                if response.lost_focus() {
                    if ui.input(|i| i.key_pressed(Key::Escape)) {
                        cmds.push(Command::CloseSearch.into());
                    } else if ui.input(|i| i.key_pressed(Key::Enter)) {
                        let back = ui.input(|i| i.modifiers.shift);
                        cmds.push(
                            if back {
                                Command::FindPrevious
                            } else {
                                Command::FindNext
                            }
                            .into(),
                        );
                        self.focus = true;
                    }
                }
                ui.checkbox(&mut self.all_documents, t.all_documents);
                ui.checkbox(&mut self.options.case_sensitive, t.match_case);
                ui.checkbox(&mut self.options.accent_sensitive, t.match_accents);
                ui.checkbox(&mut self.options.whole_word, t.whole_word);
                for (command, label) in [
                    (Command::FindPrevious, t.previous),
                    (Command::FindNext, t.next),
                ] {
                    let tip = format!(
                        "{} ({})",
                        command.label(cx.lang),
                        command.shortcut_text().unwrap_or_default()
                    );
                    if ui.button(label).on_hover_text(tip).clicked() {
                        cmds.push(command.into());
                    }
                }
                if let Some(project) = cx.project() {
                    self.refresh(project, cx.state(), cx.current_doc);
                }
                let n = self.hits.len();
                if self.query.trim().is_empty() {
                } else if n == 0 {
                    ui.label(t.no_hits);
                } else {
                    let at = self.current.map_or(0, |i| i + 1);
                    ui.label(format!("{at}/{n} {}", t.hits));
                }
                if ui.button(t.close).clicked() {
                    cmds.push(Command::CloseSearch.into());
                }
            });
        });
    }
}
