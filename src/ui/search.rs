//! The search bar (Ctrl+F): accent- and case-insensitive by option, in this document or all.

use egui::{Key, Ui};

use std::collections::HashMap;

use crate::analysis::search::{Folded, SearchOptions, fold};
use crate::model::{CharSpan, DocId};

use super::app::NormcoderApp;
use super::command::UiCommand;

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

/// Recomputes the hits if the query, options, scope or project changed.
fn refresh(app: &mut NormcoderApp) {
    let Some(session) = &app.session else {
        return;
    };
    let key = (
        app.search.query.clone(),
        app.search.options,
        app.search.all_documents,
        app.current_doc.clone(),
        session.history().state(),
    );
    if app.search.computed_for.as_ref() == Some(&key) {
        return;
    }
    let project = session.project();
    let docs: Vec<_> = if app.search.all_documents {
        project.documents().collect()
    } else {
        app.current_doc
            .as_ref()
            .and_then(|d| project.document(d))
            .into_iter()
            .collect()
    };
    let options = app.search.options;
    let mut hits = Vec::new();
    for d in docs {
        let folded = app
            .search
            .folded
            .entry((d.sha256().to_owned(), options))
            .or_insert_with(|| fold(d.text(), options));
        hits.extend(
            folded
                .find(&app.search.query, options)
                .into_iter()
                .map(|span| (d.id().clone(), span)),
        );
    }
    app.search.hits = hits;
    app.search.current = None;
    app.search.computed_for = Some(key);
}

/// Moves to the next (or previous) hit and selects it in the document view.
pub(super) fn step(app: &mut NormcoderApp, forward: bool) {
    refresh(app);
    let n = app.search.hits.len();
    if n == 0 {
        app.status = Some(app.tr().no_hits.to_owned());
        return;
    }
    let next = match (app.search.current, forward) {
        (Some(i), true) => (i + 1) % n,
        (Some(i), false) => (i + n - 1) % n,
        (None, true) => first_after_selection(app).unwrap_or(0),
        (None, false) => n - 1,
    };
    app.search.current = Some(next);
    if let Some((doc, span)) = app.search.hits.get(next).cloned() {
        app.select_document(doc);
        app.view.select(span);
    }
}

/// The first hit at or after the current selection in the current document.
fn first_after_selection(app: &NormcoderApp) -> Option<usize> {
    let doc = app.current_doc.as_ref()?;
    let from = app.view.selection().map_or(0, CharSpan::start);
    app.search
        .hits
        .iter()
        .position(|(d, s)| d == doc && s.start() >= from)
}

/// Draws the search bar under the menu.
pub(super) fn show_bar(app: &mut NormcoderApp, ui: &mut Ui) {
    let t = app.tr();
    egui::Panel::top("search-bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(t.search);
            let response = ui.add(
                egui::TextEdit::singleline(&mut app.search.query)
                    .desired_width(240.0)
                    .hint_text(t.find),
            );
            if std::mem::take(&mut app.search.focus) {
                response.request_focus();
            }
            if response.lost_focus() {
                if ui.input(|i| i.key_pressed(Key::Escape)) {
                    app.push(UiCommand::CloseSearch);
                } else if ui.input(|i| i.key_pressed(Key::Enter)) {
                    let back = ui.input(|i| i.modifiers.shift);
                    app.push(if back {
                        UiCommand::SearchPrevious
                    } else {
                        UiCommand::SearchNext
                    });
                    app.search.focus = true;
                }
            }
            ui.checkbox(&mut app.search.all_documents, t.all_documents);
            ui.checkbox(&mut app.search.options.case_sensitive, t.match_case);
            ui.checkbox(&mut app.search.options.accent_sensitive, t.match_accents);
            ui.checkbox(&mut app.search.options.whole_word, t.whole_word);
            if ui.button(t.previous).clicked() {
                app.push(UiCommand::SearchPrevious);
            }
            if ui.button(t.next).clicked() {
                app.push(UiCommand::SearchNext);
            }
            refresh(app);
            let n = app.search.hits.len();
            if app.search.query.trim().is_empty() {
            } else if n == 0 {
                ui.label(t.no_hits);
            } else {
                let at = app.search.current.map_or(0, |i| i + 1);
                ui.label(format!("{at}/{n} {}", t.hits));
            }
            if ui.button(t.close).clicked() {
                app.push(UiCommand::CloseSearch);
            }
        });
    });
}
