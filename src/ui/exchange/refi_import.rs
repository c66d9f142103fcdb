//! File ▸ Import REFI-QDA project (.qdpx)… and codebook (.qdc)…, and the window showing what the
//! import could not carry.

use std::path::{Path, PathBuf};

use egui::{Context, RichText};

use crate::import::refi::{self, Report};
use crate::store;
use crate::ui::app::NormcoderApp;
use crate::ui::command::UiCommand;
use crate::ui::dialogs::Dialog;
use crate::ui::file_name;

use super::{Done, ExchangeCommand};

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

/// What the worker made of a `.qdpx`.
#[derive(Debug)]
pub(super) struct QdpxImported {
    project: PathBuf,
    view: ReportView,
}

/// Asks for the `.qdpx` and the new project's file (after Save/Discard/Cancel if the open
/// project has unsaved work), then imports and saves on the worker thread.
pub(super) fn start_qdpx(app: &mut NormcoderApp, ctx: &Context) {
    let t = app.tr();
    if app.exchange.busy() {
        app.status = Some(t.busy.to_owned());
        return;
    }
    let command = UiCommand::Exchange(ExchangeCommand::ImportQdpx);
    if !crate::ui::files::confirm_discard(app, &command) {
        return;
    }
    let Some(source) = app.picker.refi_file("qdpx") else {
        return;
    };
    let stem = source
        .file_stem()
        .map(|s| crate::model::slug(&s.to_string_lossy()))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "imported".to_owned());
    let Some(target) = app.picker.save_project(&format!("{stem}.ncp.ron")) else {
        return;
    };
    let target = if target.to_string_lossy().ends_with(".ron") {
        target
    } else {
        super::with_extension(target, "ncp.ron")
    };
    if target == source {
        app.dialog = Some(Dialog::Error(format!(
            "{} is the file being imported",
            target.display()
        )));
        return;
    }
    super::spawn(app, ctx, t.importing_busy, move || {
        Done::Qdpx(import_qdpx(&source, target))
    });
}

/// Reads, converts and saves: what `normcoder import-qdpx` does.
fn import_qdpx(source: &Path, target: PathBuf) -> Result<QdpxImported, String> {
    let bytes = store::read_capped(source).map_err(|e| e.to_string())?;
    let name = store::builtin::project_name(&target);
    let (project, report) = refi::import_qdpx(bytes, &name, chrono::Utc::now())
        .map_err(|e| format!("{}: {e}", source.display()))?;
    store::save(&target, &project, false).map_err(|e| e.to_string())?;
    Ok(QdpxImported {
        project: target,
        view: ReportView {
            source: file_name(source),
            kind: ReportKind::Project,
            report,
        },
    })
}

/// Opens the new project and shows the report.
pub(super) fn finish_qdpx(app: &mut NormcoderApp, result: Result<QdpxImported, String>) {
    match result {
        Ok(done) => {
            // A fresh file: an old recovery copy lying next to it is not this project's.
            app.open_path(done.project.clone(), true);
            if app.session.as_ref().and_then(|s| s.path()) == Some(done.project.as_path()) {
                app.status = Some(format!(
                    "{} {}",
                    app.tr().report_imported,
                    done.project.display()
                ));
                app.exchange.report = Some(done.view);
            }
        }
        Err(e) => app.dialog = Some(Dialog::Error(e)),
    }
}

/// Adds a `.qdc`'s groups and codes to the open project as one undoable edit.
pub(super) fn import_qdc(app: &mut NormcoderApp, ctx: &Context) {
    if app.session.is_none() {
        return;
    }
    let Some(source) = app.picker.refi_file("qdc") else {
        return;
    };
    let bytes = match store::read_capped(&source).map_err(|e| e.to_string()) {
        Ok(b) => b,
        Err(e) => {
            app.dialog = Some(Dialog::Error(e));
            return;
        }
    };
    let Some(session) = &app.session else {
        return;
    };
    let before = session.history().state();
    let (action, report) = match refi::import_qdc(session.project(), bytes) {
        Ok(r) => r,
        Err(e) => {
            app.dialog = Some(Dialog::Error(format!("{}: {e}", source.display())));
            return;
        }
    };
    let changed = action.is_some();
    if let Some(action) = action {
        app.edit(ctx, action);
        let after = app.session.as_ref().map(|s| s.history().state());
        if after == Some(before) {
            // The edit was refused; `edit` put the reason in the status bar.
            let reason = app.status.clone().unwrap_or_default();
            app.dialog = Some(Dialog::Error(format!("{}: {reason}", source.display())));
            return;
        }
    }
    app.exchange.report = Some(ReportView {
        source: file_name(&source),
        kind: ReportKind::Codebook { changed },
        report,
    });
}

/// The report window, if there is a report.
pub(super) fn show_report(app: &mut NormcoderApp, ctx: &Context) {
    let Some(view) = &app.exchange.report else {
        return;
    };
    let t = app.tr();
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
                    parts.push(format!("{} {}", r.annotations, t.annotations));
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
        app.push(UiCommand::Exchange(ExchangeCommand::CloseReport));
    }
}
