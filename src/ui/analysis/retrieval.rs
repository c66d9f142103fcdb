//! The retrieval tab: coded segments filtered by codes, document, coder and memo, each with its
//! context; a click (or F8 / Shift+F8) shows the passage selected in its document.

use std::collections::BTreeSet;

use egui::{Context, RichText, Ui};

use crate::analysis::AnalysisError;
use crate::analysis::query::{CONTEXT_CHARS, Hit, Query, hits_table};
use crate::model::{CodeId, CoderId, DocDate, DocId, DocKind, Project};
use crate::ui::app::NormcoderApp;
use crate::ui::command::UiCommand;
use crate::ui::i18n::Tr;
use crate::ui::import::kind_label;
use crate::ui::panels::code_checkboxes;

use super::AnalysisCommand;

/// Filters and results of the retrieval tab.
#[derive(Debug, Default)]
pub struct RetrievalPanel {
    pub codes: BTreeSet<CodeId>,
    pub all_codes: bool,
    pub document: Option<DocId>,
    pub coder: Option<CoderId>,
    pub memo: String,
    /// Document filters: kind, language, date range (as typed), one attribute = value.
    pub kind: Option<DocKind>,
    pub language: Option<String>,
    pub date_from: String,
    pub date_to: String,
    pub attribute: Option<String>,
    pub attribute_value: String,
    /// Results of the last run, and what they were computed for (query, project state).
    pub hits: Vec<Hit>,
    computed_for: Option<(Query, u64)>,
    /// The hit shown in the document view.
    pub current: Option<usize>,
}

impl RetrievalPanel {
    /// The library query for the filters.
    #[must_use]
    pub fn query(&self) -> Query {
        Query {
            codes: self.codes.clone(),
            all_codes: self.all_codes,
            documents: self.document.iter().cloned().collect(),
            coder: self.coder.clone(),
            memo: self.memo.clone(),
            kind: self.kind,
            language: self.language.clone(),
            date_from: parse_date(&self.date_from),
            date_to: parse_date(&self.date_to),
            attributes: self
                .attribute
                .iter()
                .filter(|_| !self.attribute_value.is_empty())
                .map(|name| (name.clone(), self.attribute_value.clone()))
                .collect(),
        }
    }
}

/// A typed date bound: empty or invalid means no bound (the field says it is ignored).
fn parse_date(text: &str) -> Option<DocDate> {
    let text = text.trim();
    (!text.is_empty())
        .then(|| DocDate::parse(text).ok())
        .flatten()
}

/// A date field with its format as hint, marked when what is typed is not a date.
fn date_field(ui: &mut Ui, label: &str, text: &mut String, t: &Tr) {
    let label = ui.label(label);
    let response = ui
        .add(
            egui::TextEdit::singleline(text)
                .hint_text(t.date_format_hint)
                .desired_width(210.0),
        )
        .labelled_by(label.id);
    if !text.trim().is_empty() && DocDate::parse(text.trim()).is_err() {
        ui.colored_label(ui.visuals().error_fg_color, t.invalid_date);
        response.on_hover_text(t.invalid_date);
    }
}

/// Recomputes the hits when the filters or the project changed.
pub fn refresh(app: &mut NormcoderApp) {
    let Some(session) = &app.session else {
        return;
    };
    let panel = &mut app.analysis.retrieval;
    let key = (panel.query(), session.history().state());
    if panel.computed_for.as_ref() == Some(&key) {
        return;
    }
    panel.hits = key.0.run(session.project(), CONTEXT_CHARS);
    panel.current = None;
    panel.computed_for = Some(key);
}

/// The code, document, coder and memo filters.
fn filters(app: &mut NormcoderApp, ui: &mut Ui) {
    let t = app.tr();
    let lang = app.prefs.lang;
    let Some(session) = &app.session else {
        return;
    };
    let project = session.project();
    let panel = &mut app.analysis.retrieval;
    ui.horizontal_wrapped(|ui| {
        ui.label(t.codes);
        code_checkboxes(ui, project, lang, &mut panel.codes);
    });
    ui.horizontal(|ui| {
        ui.checkbox(&mut panel.all_codes, t.all_of_codes);
        let doc_text = panel
            .document
            .as_ref()
            .map_or(t.any_document, DocId::as_str);
        egui::ComboBox::new("retrieval-document", t.documents)
            .selected_text(doc_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut panel.document, None, t.any_document);
                for d in project.documents() {
                    ui.selectable_value(&mut panel.document, Some(d.id().clone()), d.id().as_str());
                }
            });
        let coder_text = panel.coder.as_ref().map_or(t.any_coder, CoderId::as_str);
        egui::ComboBox::new("retrieval-coder", t.coder)
            .selected_text(coder_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut panel.coder, None, t.any_coder);
                for c in project.coders() {
                    ui.selectable_value(&mut panel.coder, Some(c.id.clone()), c.id.as_str());
                }
            });
    });
    document_filters(project, panel, ui, t);
    ui.horizontal(|ui| {
        let label = ui.label(t.memo_contains);
        ui.add(egui::TextEdit::singleline(&mut panel.memo).desired_width(160.0))
            .labelled_by(label.id);
    });
}

/// Kind, language, date range and one attribute: the choices are what the project holds.
fn document_filters(project: &Project, panel: &mut RetrievalPanel, ui: &mut Ui, t: &Tr) {
    let languages: BTreeSet<&str> = project
        .documents()
        .filter_map(|d| d.meta().language.as_deref())
        .collect();
    let attributes: BTreeSet<&str> = project
        .documents()
        .flat_map(|d| d.meta().attributes.keys().map(String::as_str))
        .collect();
    ui.horizontal_wrapped(|ui| {
        egui::ComboBox::new("retrieval-kind", t.kind)
            .selected_text(panel.kind.map_or(t.any_kind, |k| kind_label(t, Some(k))))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut panel.kind, None, t.any_kind);
                for kind in DocKind::ALL {
                    ui.selectable_value(&mut panel.kind, Some(kind), kind_label(t, Some(kind)));
                }
            });
        egui::ComboBox::new("retrieval-language", t.doc_language)
            .selected_text(panel.language.as_deref().unwrap_or(t.any_language))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut panel.language, None, t.any_language);
                for lang in &languages {
                    ui.selectable_value(&mut panel.language, Some((*lang).to_owned()), *lang);
                }
            });
    });
    ui.horizontal_wrapped(|ui| {
        date_field(ui, t.date_from, &mut panel.date_from, t);
        date_field(ui, t.date_to, &mut panel.date_to, t);
    });
    ui.horizontal_wrapped(|ui| {
        egui::ComboBox::new("retrieval-attribute", t.attribute)
            .selected_text(panel.attribute.as_deref().unwrap_or(t.any_attribute))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut panel.attribute, None, t.any_attribute);
                for name in &attributes {
                    ui.selectable_value(&mut panel.attribute, Some((*name).to_owned()), *name);
                }
            });
        if let Some(name) = panel.attribute.clone() {
            let values: BTreeSet<&str> = project
                .documents()
                .filter_map(|d| d.meta().attributes.get(&name).map(String::as_str))
                .collect();
            egui::ComboBox::new("retrieval-attribute-value", t.attribute_equals)
                .selected_text(panel.attribute_value.as_str())
                .show_ui(ui, |ui| {
                    for value in values {
                        ui.selectable_value(&mut panel.attribute_value, value.to_owned(), value);
                    }
                });
        }
    });
}

pub(super) fn show(app: &mut NormcoderApp, ui: &mut Ui) {
    filters(app, ui);
    let t = app.tr();
    refresh(app);
    let panel = &app.analysis.retrieval;
    let mut clicked = None;
    ui.horizontal(|ui| {
        ui.label(format!("{} {}", panel.hits.len(), t.segments));
        if ui.button(format!("{} (Shift+F8)", t.previous)).clicked() {
            app.commands
                .push(UiCommand::Analysis(AnalysisCommand::Step(false)));
        }
        if ui.button(format!("{} (F8)", t.next)).clicked() {
            app.commands
                .push(UiCommand::Analysis(AnalysisCommand::Step(true)));
        }
        if ui.button(t.export_csv).clicked() {
            app.commands
                .push(UiCommand::Analysis(AnalysisCommand::ExportRetrieval));
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("retrieval-hits")
        .auto_shrink([false, false])
        .show_rows(ui, 38.0, panel.hits.len(), |ui, rows| {
            for i in rows {
                let Some(h) = panel.hits.get(i) else {
                    continue;
                };
                let codes: Vec<&str> = h.codes.iter().map(CodeId::as_str).collect();
                ui.vertical(|ui| {
                    ui.label(
                        RichText::new(format!("{} · {} · {}", h.doc, codes.join(" "), h.coder))
                            .small()
                            .weak(),
                    );
                    let text = super::kwic_line(&h.before, &h.quote, &h.after);
                    if ui
                        .selectable_label(panel.current == Some(i), text)
                        .on_hover_text(&h.memo)
                        .clicked()
                    {
                        clicked = Some(i);
                    }
                });
            }
        });
    if let Some(i) = clicked {
        app.commands
            .push(UiCommand::Analysis(AnalysisCommand::Reveal(i)));
    }
}

/// Shows hit `i` in its document with the passage selected.
pub(super) fn reveal(app: &mut NormcoderApp, ctx: &Context, i: usize) {
    refresh(app);
    let Some(hit) = app.analysis.retrieval.hits.get(i).cloned() else {
        return;
    };
    app.analysis.retrieval.current = Some(i);
    app.run(ctx, UiCommand::Reveal(hit.doc, hit.span));
    app.select_annotation(Some(hit.annotation));
}

/// The next (or previous) hit, wrapping around.
pub(super) fn step(app: &mut NormcoderApp, ctx: &Context, forward: bool) {
    refresh(app);
    let n = app.analysis.retrieval.hits.len();
    if n == 0 {
        return;
    }
    let next = match (app.analysis.retrieval.current, forward) {
        (Some(i), true) => (i + 1) % n,
        (Some(i), false) => (i + n - 1) % n,
        (None, true) => 0,
        (None, false) => n - 1,
    };
    reveal(app, ctx, next);
}

/// The current hits as CSV.
pub(super) fn csv(app: &mut NormcoderApp) -> Result<String, AnalysisError> {
    refresh(app);
    hits_table(&app.analysis.retrieval.hits).to_csv()
}
