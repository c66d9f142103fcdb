//! The Export window: format, filters (coder, documents, codes), options, what will be written.

use std::collections::BTreeSet;
use std::path::PathBuf;

use egui::{Context, RichText, Ui};

use crate::export::{Filter, Format, Options, View};
use crate::model::{CodeId, CoderId, DocId, Lang, Project};
use crate::ui::command::{ExchangeCommand, UiCommand};
use crate::ui::context::Cx;
use crate::ui::i18n::Tr;
use crate::ui::panels::code_swatch;

/// The window's choices. Documents and codes are remembered by what the user *unticked*, so
/// everything is ticked by default and a document or code added later is ticked too.
#[derive(Debug)]
pub struct ExportDialog {
    pub open: bool,
    pub format: Format,
    /// Only this coder's annotations (`--coder`); all coders when `None`.
    pub coder: Option<CoderId>,
    pub unticked_documents: BTreeSet<DocId>,
    pub unticked_codes: BTreeSet<CodeId>,
    /// CSV: start with a UTF-8 byte-order mark (`--bom`).
    pub bom: bool,
    /// The last summary and what it was computed for (filter, project history state).
    summary: Option<(Filter, u64, Result<Summary, String>)>,
}

impl Default for ExportDialog {
    fn default() -> Self {
        Self {
            open: false,
            format: Format::Qdpx,
            coder: None,
            unticked_documents: BTreeSet::new(),
            unticked_codes: BTreeSet::new(),
            bom: false,
            summary: None,
        }
    }
}

/// What a filter keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub documents: usize,
    pub codings: usize,
    /// Coders with at least one kept coding.
    pub coders: usize,
}

impl ExportDialog {
    /// The library filter for the window's choices; an empty list means "all", as on the command
    /// line, so nothing ticked is an error rather than everything.
    pub fn filter(&self, project: &Project, t: &Tr) -> Result<Filter, String> {
        let documents = if self
            .unticked_documents
            .iter()
            .any(|d| project.document(d).is_some())
        {
            let kept: Vec<DocId> = project
                .documents()
                .map(|d| d.id().clone())
                .filter(|id| !self.unticked_documents.contains(id))
                .collect();
            if kept.is_empty() {
                return Err(t.export_tick_document.to_owned());
            }
            kept
        } else {
            Vec::new()
        };
        let codebook = project.codebook();
        let codes = if self
            .unticked_codes
            .iter()
            .any(|c| codebook.code(c).is_some())
        {
            let kept: Vec<CodeId> = codebook
                .codes()
                .iter()
                .map(|c| c.id.clone())
                .filter(|id| !self.unticked_codes.contains(id))
                .collect();
            if kept.is_empty() {
                return Err(t.export_tick_code.to_owned());
            }
            kept
        } else {
            Vec::new()
        };
        Ok(Filter {
            coders: self.coder.iter().cloned().collect(),
            documents,
            codes,
        })
    }

    /// The options the library takes for this format.
    #[must_use]
    pub fn options(&self) -> Options {
        let mut options = Options::new();
        options.bom = self.bom && self.format.takes_bom();
        options
    }

    /// What the current choices keep (cached until they or the project change).
    pub fn summary(&mut self, project: &Project, state: u64, t: &Tr) -> Result<Summary, String> {
        let filter = self.filter(project, t)?;
        if let Some((f, s, result)) = &self.summary
            && *f == filter
            && *s == state
        {
            return result.clone();
        }
        let result = View::new(project, &filter)
            .map(|view| Summary {
                documents: view.documents.len(),
                codings: view.codings.len(),
                coders: view
                    .codings
                    .iter()
                    .map(|c| c.annotation.coder())
                    .collect::<BTreeSet<_>>()
                    .len(),
            })
            .map_err(|e| e.to_string());
        self.summary = Some((filter, state, result.clone()));
        result
    }
}

/// The one-line description of a format.
#[must_use]
pub fn describe(format: Format, t: &Tr) -> &'static str {
    match format {
        Format::Qdpx => t.format_qdpx,
        Format::Qdc => t.format_qdc,
        Format::Csv => t.format_csv,
        Format::MatrixCsv => t.format_matrix_csv,
        Format::Jsonl => t.format_jsonl,
        Format::Brat => t.format_brat,
        Format::WebAnnotation => t.format_web_annotation,
        Format::Html => t.format_html,
    }
}

/// What a format cannot carry (or, for JSON Lines, that it carries everything).
#[must_use]
pub fn limits(format: Format, t: &Tr) -> &'static str {
    match format {
        Format::Qdpx => t.lost_qdpx,
        Format::Qdc => t.lost_qdc,
        Format::Csv => t.lost_csv,
        Format::MatrixCsv => t.lost_matrix_csv,
        Format::Jsonl => t.lost_jsonl,
        Format::Brat => t.lost_brat,
        Format::WebAnnotation => t.lost_web_annotation,
        Format::Html => t.lost_html,
    }
}

impl ExportDialog {
    /// Draws the window, if open; `busy` names the export running on the worker.
    pub(super) fn show(
        &mut self,
        ctx: &Context,
        cx: &Cx<'_>,
        busy: Option<&'static str>,
        cmds: &mut Vec<UiCommand>,
    ) {
        if !self.open {
            return;
        }
        let Some(project) = cx.project() else {
            self.open = false;
            return;
        };
        let t = cx.tr();
        let mut open = true;
        egui::Window::new(t.export_title)
            .id(egui::Id::unique("export-window"))
            .open(&mut open)
            .default_size([800.0, 640.0])
            .min_width(800.0)
            .default_pos([300.0, 70.0])
            .show(ctx, |ui| self.contents(ui, project, cx, busy, cmds));
        if !open {
            self.open = false;
        }
    }

    fn contents(
        &mut self,
        ui: &mut Ui,
        project: &Project,
        cx: &Cx<'_>,
        busy: Option<&'static str>,
        cmds: &mut Vec<UiCommand>,
    ) {
        let t = cx.tr();
        let lang = cx.lang;
        let state = cx.state();
        let dialog = self;
        egui::ComboBox::new("export-format", t.export_format)
            .width(420.0)
            .selected_text(format!(
                "{} — {}",
                dialog.format.name(),
                describe(dialog.format, t)
            ))
            .show_ui(ui, |ui| {
                for format in Format::ALL {
                    ui.selectable_value(
                        &mut dialog.format,
                        format,
                        format!("{} — {}", format.name(), describe(format, t)),
                    );
                }
            });
        ui.label(RichText::new(limits(dialog.format, t)).weak());
        if dialog.format.takes_bom() {
            ui.checkbox(&mut dialog.bom, t.export_bom);
        }
        if dialog.format.is_folder() {
            ui.label(RichText::new(t.export_folder_note).weak());
        }
        ui.separator();

        let coder_name = |id: &CoderId| {
            project
                .coder(id)
                .map_or_else(|| id.to_string(), |c| format!("{} ({})", c.name, c.id))
        };
        egui::ComboBox::new("export-coder", t.coder)
            .selected_text(
                dialog
                    .coder
                    .as_ref()
                    .map_or_else(|| t.all_coders.to_owned(), coder_name),
            )
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut dialog.coder, None, t.all_coders);
                for coder in project.coders() {
                    ui.selectable_value(
                        &mut dialog.coder,
                        Some(coder.id.clone()),
                        coder_name(&coder.id),
                    );
                }
            });
        ui.add_space(4.0);

        ui.columns(2, |columns| {
            documents_list(&mut columns[0], project, dialog, t);
            codes_list(&mut columns[1], project, dialog, t, lang);
        });
        ui.separator();

        let summary = dialog.summary(project, state, t);
        let ok = match &summary {
            Ok(s) => {
                ui.label(format!(
                    "{} {} {}, {} {}, {} {}",
                    t.export_what,
                    s.documents,
                    t.export_documents_n,
                    s.codings,
                    t.export_codings_n,
                    s.coders,
                    t.export_coders_n
                ));
                true
            }
            Err(e) => {
                ui.colored_label(ui.visuals().error_fg_color, e);
                false
            }
        };
        ui.horizontal(|ui| {
            if ui
                .add_enabled(ok && busy.is_none(), egui::Button::new(t.export_button))
                .clicked()
            {
                cmds.push(UiCommand::Exchange(ExchangeCommand::Export));
            }
            if let Some(label) = busy {
                ui.spinner();
                ui.label(label);
            }
        });
    }
}

/// The documents, each with a checkbox (its title; its id on hover).
fn documents_list(ui: &mut Ui, project: &Project, dialog: &mut ExportDialog, t: &Tr) {
    ui.horizontal(|ui| {
        ui.strong(t.documents);
        if ui.small_button(t.export_all).clicked() {
            dialog.unticked_documents.clear();
        }
        if ui.small_button(t.export_none).clicked() {
            dialog.unticked_documents = project.documents().map(|d| d.id().clone()).collect();
        }
    });
    egui::ScrollArea::vertical()
        .id_salt("export-documents")
        .max_height(360.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for doc in project.documents() {
                let mut on = !dialog.unticked_documents.contains(doc.id());
                let title = if doc.meta().title.is_empty() {
                    doc.id().to_string()
                } else {
                    doc.meta().title.clone()
                };
                if ui
                    .checkbox(&mut on, title)
                    .on_hover_text(doc.id().as_str())
                    .changed()
                {
                    toggle(&mut dialog.unticked_documents, doc.id(), on);
                }
            }
        });
}

/// The codes under their group headings, each with its colour and a checkbox.
fn codes_list(ui: &mut Ui, project: &Project, dialog: &mut ExportDialog, t: &Tr, lang: Lang) {
    let codebook = project.codebook();
    ui.horizontal(|ui| {
        ui.strong(t.codes);
        if ui.small_button(t.export_all).clicked() {
            dialog.unticked_codes.clear();
        }
        if ui.small_button(t.export_none).clicked() {
            dialog.unticked_codes = codebook.codes().iter().map(|c| c.id.clone()).collect();
        }
    });
    egui::ScrollArea::vertical()
        .id_salt("export-codes")
        .max_height(360.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for group in codebook.groups() {
                ui.add_space(2.0);
                ui.label(RichText::new(group.label.get(lang)).strong());
                for code in codebook.codes().iter().filter(|c| c.group == group.id) {
                    let depth = depth(project, &code.id);
                    ui.horizontal(|ui| {
                        ui.add_space(8.0 + 14.0 * depth as f32);
                        code_swatch(ui, code);
                        let mut on = !dialog.unticked_codes.contains(&code.id);
                        if ui
                            .checkbox(&mut on, code_label(code, lang))
                            .on_hover_text(code.definition.get(lang))
                            .changed()
                        {
                            toggle(&mut dialog.unticked_codes, &code.id, on);
                        }
                    });
                }
            }
        });
}

/// The label of a code's checkbox: its id and its label.
#[must_use]
pub fn code_label(code: &crate::model::Code, lang: Lang) -> String {
    format!("{}  {}", code.id, code.label.get(lang))
}

/// How deep a code sits under parents (a cycle cannot enter a project; capped anyway).
fn depth(project: &Project, id: &CodeId) -> usize {
    let mut depth = 0;
    let mut current = project.codebook().code(id).and_then(|c| c.parent.clone());
    while let Some(parent) = current {
        depth += 1;
        if depth >= 6 {
            break;
        }
        current = project
            .codebook()
            .code(&parent)
            .and_then(|c| c.parent.clone());
    }
    depth
}

fn toggle<T: Ord + Clone>(unticked: &mut BTreeSet<T>, id: &T, on: bool) {
    if on {
        unticked.remove(id);
    } else {
        unticked.insert(id.clone());
    }
}

/// What an export wrote.
#[derive(Debug)]
pub struct Exported {
    pub path: PathBuf,
    pub files: usize,
    pub codings: usize,
}
