//! File ▸ Export… and the REFI-QDA imports: the export and the `.qdpx` import run on the worker
//! (`ui::worker`) with what the command line runs (`export::{View, render, write_output}`,
//! `workflow::import_qdpx_file`), so the bytes and the project are the same; a `.qdc` is one
//! `Action::Batch` on the open project, so one undo step.

use std::path::PathBuf;

use egui::Context;

use crate::export::{self, Filter, Format, Options, View};
use crate::import::refi;
use crate::model::Project;
use crate::store;
use crate::ui::command::{Command, ExchangeCommand, ExportPick, PickRequest, UiCommand};
use crate::ui::dialogs::Dialog;
use crate::ui::exchange::{Done, Exported, QdpxImported, ReportKind, ReportView, with_extension};
use crate::ui::file_name;
use crate::ui::worker::Job;

use super::NormcoderApp;

impl NormcoderApp {
    pub(super) fn apply_exchange(&mut self, ctx: &Context, command: ExchangeCommand) {
        match command {
            ExchangeCommand::OpenExport => {
                if self.session.is_some() {
                    self.exchange.export.open = true;
                }
            }
            ExchangeCommand::Export => self.start_export(ctx),
            ExchangeCommand::ImportQdpx => self.start_qdpx(ctx),
            ExchangeCommand::ImportQdc => {
                if self.session.is_some() {
                    self.ask(ctx, PickRequest::Qdc);
                }
            }
            ExchangeCommand::CloseReport => self.exchange.report = None,
        }
    }

    /// Starts `work` on the worker with a busy label (one exchange job at a time).
    fn spawn_exchange(
        &mut self,
        ctx: &Context,
        label: &'static str,
        work: impl FnOnce() -> Done + Send + 'static,
    ) {
        match Job::spawn("exchange", ctx, move |_| work()) {
            Ok(job) => self.exchange.job = Some((job, label)),
            Err(e) => self.dialog = Some(Dialog::Error(e.to_string())),
        }
    }

    /// Takes the worker's result when it is there.
    pub(super) fn poll_exchange(&mut self) {
        let Some((job, _)) = &mut self.exchange.job else {
            return;
        };
        let Some(done) = job.poll() else {
            return;
        };
        self.exchange.job = None;
        match done {
            Ok(Done::Export(result)) => self.finish_export(result),
            Ok(Done::Qdpx(result)) => self.finish_qdpx(result),
            Err(_) => self.dialog = Some(Dialog::Error(self.tr().worker_stopped.to_owned())),
        }
    }

    /// Asks where to write, then exports on the worker thread ([`Self::export_picked`]).
    fn start_export(&mut self, ctx: &Context) {
        let t = self.tr();
        if self.exchange.busy() {
            self.status = Some(t.busy.to_owned());
            return;
        }
        let Some(session) = &self.session else {
            return;
        };
        let dialog = &self.exchange.export;
        let format = dialog.format;
        let filter = match dialog.filter(session.project(), t) {
            Ok(f) => f,
            Err(e) => {
                self.status = Some(e);
                return;
            }
        };
        let options = dialog.options();
        let stem = crate::model::slug(&session.project().meta().name);
        let stem = if stem.is_empty() {
            "export".to_owned()
        } else {
            stem
        };
        let suggested = if format.is_folder() {
            format!("{stem}-{}", format.name())
        } else {
            format!("{stem}.{}", format.extension())
        };
        let export = ExportPick {
            format,
            filter,
            options,
            suggested,
        };
        self.ask(ctx, PickRequest::Export(Box::new(export)));
    }

    /// Exports, as chosen when asked, to the file or folder picked.
    pub(super) fn export_picked(&mut self, ctx: &Context, export: ExportPick, path: PathBuf) {
        let Some(session) = &self.session else {
            return;
        };
        let ExportPick {
            format,
            filter,
            options,
            ..
        } = export;
        let path = if format.is_folder() {
            path
        } else {
            with_extension(path, format.extension())
        };
        // The worker gets its own copy: the project may be edited while it writes.
        let project = session.project().clone();
        self.spawn_exchange(ctx, self.tr().export_busy, move || {
            Done::Export(export_to(&project, &filter, format, &options, path))
        });
    }

    /// The worker's answer: the status bar says where, an error is a dialog.
    fn finish_export(&mut self, result: Result<Exported, String>) {
        let t = self.tr();
        match result {
            Ok(done) => {
                self.status = Some(format!(
                    "{} {} ({} {}, {} {})",
                    t.exported,
                    done.path.display(),
                    done.codings,
                    t.export_codings_n,
                    done.files,
                    t.export_files
                ));
            }
            Err(e) => self.dialog = Some(Dialog::Error(e)),
        }
    }

    /// Asks for the `.qdpx` (after Save/Discard/Cancel if the open project has unsaved work),
    /// then for the new project's file ([`Self::qdpx_source_picked`]), then imports and saves on
    /// the worker thread ([`Self::qdpx_target_picked`]).
    fn start_qdpx(&mut self, ctx: &Context) {
        if self.exchange.busy() {
            self.status = Some(self.tr().busy.to_owned());
            return;
        }
        if !self.confirm_discard(&UiCommand::from(Command::ImportQdpx)) {
            return;
        }
        self.ask(ctx, PickRequest::QdpxSource);
    }

    /// The `.qdpx` chosen: asks where to write the new project, named after it.
    pub(super) fn qdpx_source_picked(&mut self, ctx: &Context, source: PathBuf) {
        let stem = source
            .file_stem()
            .map(|s| crate::model::slug(&s.to_string_lossy()))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "imported".to_owned());
        let suggested = format!("{stem}.ncp.ron");
        self.ask(ctx, PickRequest::QdpxTarget { source, suggested });
    }

    /// Both files chosen: imports and saves on the worker thread.
    pub(super) fn qdpx_target_picked(&mut self, ctx: &Context, source: PathBuf, target: PathBuf) {
        let target = if target.to_string_lossy().ends_with(".ron") {
            target
        } else {
            with_extension(target, "ncp.ron")
        };
        self.spawn_exchange(ctx, self.tr().importing_busy, move || {
            Done::Qdpx(import_qdpx(&source, target))
        });
    }

    /// Opens the new project and shows the report.
    fn finish_qdpx(&mut self, result: Result<QdpxImported, String>) {
        match result {
            Ok(done) => {
                // A fresh file: an old recovery copy lying next to it is not this project's.
                self.open_path(done.project.clone(), true);
                if self.session.as_ref().and_then(|s| s.path()) == Some(done.project.as_path()) {
                    self.status = Some(format!(
                        "{} {}",
                        self.tr().report_imported,
                        done.project.display()
                    ));
                    self.exchange.report = Some(done.view);
                }
            }
            Err(e) => self.dialog = Some(Dialog::Error(e)),
        }
    }

    /// Adds a `.qdc`'s groups and codes to the open project as one undoable edit; a refusal is
    /// said in a dialog, since the user asked for the import.
    pub(super) fn qdc_picked(&mut self, ctx: &Context, source: &std::path::Path) {
        let bytes = match store::read_capped(source) {
            Ok(b) => b,
            Err(e) => {
                self.dialog = Some(Dialog::Error(e.to_string()));
                return;
            }
        };
        let Some(session) = &self.session else {
            return;
        };
        let (action, report) = match refi::import_qdc(session.project(), bytes) {
            Ok(r) => r,
            Err(e) => {
                self.dialog = Some(Dialog::Error(format!("{}: {e}", source.display())));
                return;
            }
        };
        let changed = action.is_some();
        if let Some(action) = action
            && let Err(e) = self.edit(ctx, action)
        {
            self.status = Some(e.to_string());
            self.dialog = Some(Dialog::Error(format!("{}: {e}", source.display())));
            return;
        }
        self.exchange.report = Some(ReportView {
            source: file_name(source),
            kind: ReportKind::Codebook { changed },
            report,
        });
    }
}

/// What `normcoder export` does: filter, render, write (atomically).
fn export_to(
    project: &Project,
    filter: &Filter,
    format: Format,
    options: &Options,
    path: PathBuf,
) -> Result<Exported, String> {
    let view = View::new(project, filter).map_err(|e| e.to_string())?;
    let output = export::render(&view, format, options).map_err(|e| e.to_string())?;
    let written = export::write_output(&output, &path).map_err(|e| e.to_string())?;
    Ok(Exported {
        path,
        files: written.len(),
        codings: view.codings.len(),
    })
}

/// What `normcoder import-qdpx` does (`workflow::import_qdpx_file`), with the report to show.
fn import_qdpx(source: &std::path::Path, target: PathBuf) -> Result<QdpxImported, String> {
    let (_, report) = crate::workflow::import_qdpx_file(source, &target, chrono::Utc::now())
        .map_err(|e| e.to_string())?;
    Ok(QdpxImported {
        project: target,
        view: ReportView {
            source: file_name(source),
            kind: ReportKind::Project,
            report,
        },
    })
}
