//! The retrieval tab: coded segments filtered by codes, document, coder and memo, each with its
//! context; a click (or F8 / Shift+F8) shows the passage selected in its document.

use std::collections::BTreeSet;

use egui::{RichText, Ui};

use crate::analysis::AnalysisError;
use crate::analysis::query::{CONTEXT_CHARS, Hit, Query, hits_table};
use crate::model::{CodeId, CoderId, DocDate, DocId, DocKind, Project};
use crate::ui::command::{AnalysisCommand, Command, UiCommand};
use crate::ui::context::Cx;
use crate::ui::i18n::Tr;
use crate::ui::import::kind_label;
use crate::ui::panels::code_checkboxes;

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

impl RetrievalPanel {
    /// Recomputes the hits when the filters or the project changed.
    pub fn refresh(&mut self, project: &Project, state: u64) {
        let key = (self.query(), state);
        if self.computed_for.as_ref() == Some(&key) {
            return;
        }
        self.hits = key.0.run(project, CONTEXT_CHARS);
        self.current = None;
        self.computed_for = Some(key);
    }

    /// Makes hit `i` the current one; the hit, to be shown selected in its document.
    pub fn reveal(&mut self, project: &Project, state: u64, i: usize) -> Option<Hit> {
        self.refresh(project, state);
        let hit = self.hits.get(i).cloned()?;
        self.current = Some(i);
        Some(hit)
    }

    /// The next (or previous) hit, wrapping around, made current.
    pub fn step(&mut self, project: &Project, state: u64, forward: bool) -> Option<Hit> {
        self.refresh(project, state);
        let next = crate::ui::cycle(self.current, self.hits.len(), forward, 0)?;
        self.reveal(project, state, next)
    }

    /// The current hits as CSV.
    pub fn csv(&mut self, project: &Project, state: u64) -> Result<String, AnalysisError> {
        self.refresh(project, state);
        hits_table(&self.hits).to_csv()
    }
}

/// The code, document, coder and memo filters.
fn filters(panel: &mut RetrievalPanel, ui: &mut Ui, cx: &Cx<'_>) {
    let t = cx.tr();
    let lang = cx.lang;
    let Some(project) = cx.project() else {
        return;
    };
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

pub(super) fn show(
    panel: &mut RetrievalPanel,
    ui: &mut Ui,
    cx: &Cx<'_>,
    cmds: &mut Vec<UiCommand>,
) {
    filters(panel, ui, cx);
    let t = cx.tr();
    if let Some(project) = cx.project() {
        panel.refresh(project, cx.state());
    }
    let mut clicked = None;
    ui.horizontal(|ui| {
        ui.label(format!("{} {}", panel.hits.len(), t.segments));
        for (command, label) in [
            (Command::PreviousSegment, t.previous),
            (Command::NextSegment, t.next),
        ] {
            let keys = command.shortcut_text().unwrap_or_default();
            if ui
                .button(format!("{label} ({keys})"))
                .on_hover_text(command.label(cx.lang))
                .clicked()
            {
                cmds.push(command.into());
            }
        }
        if ui.button(t.export_csv).clicked() {
            cmds.push(UiCommand::Analysis(AnalysisCommand::ExportRetrieval));
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
        cmds.push(UiCommand::Analysis(AnalysisCommand::Reveal(i)));
    }
}
