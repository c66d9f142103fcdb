//! File ▸ Import REFI-QDA project (.qdpx)… and codebook (.qdc)…, and the window showing what the
//! import could not carry.

use std::path::PathBuf;

use egui::{Context, RichText};

use crate::import::refi::Report;
use crate::ui::command::{ExchangeCommand, UiCommand};
use crate::ui::context::Cx;

/// Which import a report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportKind {
    /// A `.qdpx` became a new project.
    Project,
    /// A `.qdc` added codes to the open project (`false`: it had them all already).
    Codebook { changed: bool },
}

/// The report window's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportView {
    /// The imported file's name.
    pub source: String,
    pub kind: ReportKind,
    pub report: Report,
}

/// What the worker made of a `.qdpx`: the new project's file and the report to show.
#[derive(Debug)]
pub struct QdpxImported {
    pub project: PathBuf,
    pub view: ReportView,
}

/// The report window, if there is a report.
pub(super) fn show_report(
    view: &ReportView,
    ctx: &Context,
    cx: &Cx<'_>,
    cmds: &mut Vec<UiCommand>,
) {
    let t = cx.tr();
    let mut open = true;
    let mut close = false;
    egui::Window::new(t.report_title)
        .id(egui::Id::unique("refi-report-window"))
        .open(&mut open)
        .collapsible(false)
        .default_width(560.0)
        .default_pos([340.0, 120.0])
        .show(ctx, |ui| {
            let r = &view.report;
            ui.strong(&view.source);
            if view.kind == (ReportKind::Codebook { changed: false }) {
                ui.label(t.report_nothing_new);
            } else {
                let mut parts = Vec::new();
                if view.kind == ReportKind::Project {
                    parts.push(format!("{} {}", r.documents, t.export_documents_n));
                }
                parts.push(format!("{} {}", r.groups, t.report_groups));
                parts.push(format!("{} {}", r.codes, t.report_codes));
                if view.kind == ReportKind::Project {
                    parts.push(format!("{} {}", r.coders, t.export_coders_n));
                    parts.push(crate::ui::i18n::annotations(cx.lang, r.annotations));
                }
                let line = format!("{} {}", t.report_imported, parts.join(", "));
                ui.label(line);
                if matches!(view.kind, ReportKind::Codebook { .. }) {
                    ui.label(RichText::new(t.qdc_undo_hint).weak());
                }
            }
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    if !r.warnings.is_empty() {
                        ui.add_space(6.0);
                        ui.strong(t.report_warnings);
                        for w in &r.warnings {
                            ui.label(format!("• {w}"));
                        }
                    }
                    ui.add_space(6.0);
                    if r.not_carried.is_empty() {
                        ui.label(t.report_all_carried);
                    } else {
                        ui.strong(t.report_not_carried);
                        for n in &r.not_carried {
                            ui.label(format!("• {n}"));
                        }
                    }
                });
            ui.add_space(4.0);
            if ui.button(t.close).clicked() {
                close = true;
            }
        });
    if !open || close {
        cmds.push(UiCommand::Exchange(ExchangeCommand::CloseReport));
    }
}
