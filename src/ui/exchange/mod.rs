//! File ▸ Export… and the REFI-QDA imports (issue 5).
//!
//! The Export window ([`export_dialog`]) picks a format and the same filters as
//! `normcoder export` (coder, documents, codes), shows what will be written, and asks the
//! `FilePicker` for a file or a folder. The export itself — `crate::export`'s `View`, `render` and
//! `write_output`, the functions the command line uses, so the bytes are the same — runs on a
//! worker thread over a clone of the project; the frame only polls its channel.
//!
//! Import of a `.qdpx` project (a new project file, opened once written) also runs on the worker;
//! import of a `.qdc` codebook is one `Action::Batch` on the open project, so one undo step. Both
//! show the library's [`Report`](crate::import::refi::Report) in a window ([`refi_import`]).

mod export_dialog;
mod refi_import;

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};

use egui::Context;

use super::app::NormcoderApp;
use super::dialogs::Dialog;

pub use export_dialog::{ExportDialog, Summary, code_label, describe, limits};
pub use refi_import::{ReportKind, ReportView};

/// What the exchange windows hold between frames.
#[derive(Debug, Default)]
pub struct ExchangeState {
    pub export: ExportDialog,
    /// The report of the last REFI-QDA import, shown until closed.
    pub report: Option<ReportView>,
    /// The export or import running on the worker thread.
    job: Option<Job>,
}

impl ExchangeState {
    /// Whether an export or a `.qdpx` import is running.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }
}

/// Requests from the menu and the windows, applied after drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExchangeCommand {
    /// Show the Export window.
    OpenExport,
    /// Ask where to write, then export with the window's format and filters.
    Export,
    /// Ask for a `.qdpx`, then for the new project's file; import, save and open it.
    ImportQdpx,
    /// Ask for a `.qdc` and add its codes to the open project (one undo step).
    ImportQdc,
    /// Close the import report.
    CloseReport,
}

/// A piece of work on the worker thread.
struct Job {
    rx: Receiver<Done>,
    /// What the busy indicator says.
    label: &'static str,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job")
            .field("label", &self.label)
            .finish_non_exhaustive()
    }
}

/// What the worker sends back.
enum Done {
    Export(Result<export_dialog::Exported, String>),
    Qdpx(Result<refi_import::QdpxImported, String>),
}

/// Starts `work` on a thread; its result comes back through [`poll`].
fn spawn(
    app: &mut NormcoderApp,
    ctx: &Context,
    label: &'static str,
    work: impl FnOnce() -> Done + Send + 'static,
) {
    let (tx, rx) = std::sync::mpsc::channel();
    let ctx = ctx.clone();
    std::thread::spawn(move || {
        // The receiver may be gone (window closed): nothing to tell then.
        let _ = tx.send(work());
        ctx.request_repaint();
    });
    app.exchange.job = Some(Job { rx, label });
}

/// Takes the worker's result when it is there.
fn poll(app: &mut NormcoderApp, ctx: &Context) {
    let Some(job) = &app.exchange.job else {
        return;
    };
    match job.rx.try_recv() {
        Ok(done) => {
            app.exchange.job = None;
            match done {
                Done::Export(result) => export_dialog::finish(app, result),
                Done::Qdpx(result) => refi_import::finish_qdpx(app, result),
            }
        }
        Err(TryRecvError::Empty) => {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
        }
        Err(TryRecvError::Disconnected) => {
            app.exchange.job = None;
            app.dialog = Some(Dialog::Error(app.tr().worker_stopped.to_owned()));
        }
    }
}

/// Draws the Export window, the import report and the busy indicator.
pub fn show(app: &mut NormcoderApp, ctx: &Context) {
    poll(app, ctx);
    export_dialog::show(app, ctx);
    refi_import::show_report(app, ctx);
    if let Some(job) = &app.exchange.job
        && !app.exchange.export.open
    {
        let label = job.label;
        egui::Window::new(label)
            .id(egui::Id::unique("exchange-busy"))
            .title_bar(false)
            .resizable(false)
            .collapsible(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(label);
                });
            });
    }
}

/// Runs a command of the exchange windows.
pub fn apply(app: &mut NormcoderApp, ctx: &Context, command: ExchangeCommand) {
    match command {
        ExchangeCommand::OpenExport => {
            if app.session.is_some() {
                app.exchange.export.open = true;
            }
        }
        ExchangeCommand::Export => export_dialog::start(app, ctx),
        ExchangeCommand::ImportQdpx => refi_import::start_qdpx(app, ctx),
        ExchangeCommand::ImportQdc => refi_import::import_qdc(app, ctx),
        ExchangeCommand::CloseReport => app.exchange.report = None,
    }
}

/// `path` with `.extension` appended unless it already ends with it (case-insensitive).
#[must_use]
pub fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    if extension.is_empty()
        || path
            .extension()
            .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case(extension))
    {
        return path;
    }
    let mut name = path.into_os_string();
    name.push(".");
    name.push(extension);
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::with_extension;
    use std::path::PathBuf;

    #[test]
    fn extension_is_added_once() {
        assert_eq!(
            with_extension(PathBuf::from("/tmp/a"), "csv"),
            PathBuf::from("/tmp/a.csv")
        );
        assert_eq!(
            with_extension(PathBuf::from("/tmp/a.CSV"), "csv"),
            PathBuf::from("/tmp/a.CSV")
        );
        assert_eq!(
            with_extension(PathBuf::from("/tmp/v1.2"), "qdpx"),
            PathBuf::from("/tmp/v1.2.qdpx")
        );
        assert_eq!(
            with_extension(PathBuf::from("/tmp/out"), ""),
            PathBuf::from("/tmp/out")
        );
    }
}
