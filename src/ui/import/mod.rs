//! Batch import in the window (issue 4): files from the dialog, a folder, or dropped on the
//! window are read on a worker thread (parsing only; the session is never touched there) while a
//! progress window shows "12 / 40 — file name" with Cancel. When the worker is done, the results
//! are checked against the project (`import::batch::plan`: duplicates by text hash, in the
//! project and within the batch) and applied as one `Action::Batch`, so one undo step; a summary
//! window lists what became of each file. The document metadata form lives in `metadata.rs`.

mod metadata;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::Duration;

use egui::{Context, Id};

use crate::import::Imported;
use crate::import::batch::{self, Outcome};
use crate::model::DocId;

use super::app::NormcoderApp;
use super::command::UiCommand;
use super::dialogs::Dialog;
use super::file_name;

pub use metadata::{MetadataForm, kind_label};

/// How often the frame looks at the worker while an import runs.
const POLL: Duration = Duration::from_millis(40);

/// What the import windows hold between frames.
#[derive(Debug, Default)]
pub struct ImportState {
    /// The import running now, if any.
    pub job: Option<ImportJob>,
    /// The summary of the last import, while its window is open.
    pub summary: Option<Summary>,
    /// The metadata form, while open.
    pub metadata: Option<MetadataForm>,
}

impl ImportState {
    /// Whether an import is running.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// Another project was opened (or this one closed): the running import stops and its
    /// results are dropped; the windows close.
    pub fn abandon(&mut self) {
        if let Some(job) = &self.job {
            job.cancel.store(true, Ordering::Relaxed);
        }
        *self = Self::default();
    }
}

/// Requests from the import windows and the documents list, applied after drawing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportCommand {
    /// Ask for a folder and import the documents in it.
    Folder,
    /// Stop the running import before its next file; nothing is applied.
    Cancel,
    /// Close the summary window.
    CloseSummary,
    /// Open the metadata form of a document.
    EditMetadata(DocId),
}

/// A running import: the worker's channel and what the progress window shows.
#[derive(Debug)]
pub struct ImportJob {
    rx: Receiver<Message>,
    cancel: Arc<AtomicBool>,
    /// Files to read (known once folders are listed).
    pub total: usize,
    /// Files read so far.
    pub done: usize,
    /// The file being read.
    pub current: String,
    /// Cancel was pressed: the worker stops before its next file.
    pub cancelling: bool,
}

/// From the worker to the frame.
#[derive(Debug)]
enum Message {
    /// Folders listed: this many files to read.
    Listed(usize),
    /// Reading file `index`.
    Reading(usize, String),
    /// Every file read (results in order), and the files of other types found in folders.
    Done {
        results: Vec<(PathBuf, Result<Imported, String>)>,
        ignored: Vec<PathBuf>,
    },
    /// Stopped by Cancel.
    Cancelled,
    /// A folder could not be listed.
    Failed(String),
}

/// The last import, file by file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub outcomes: Vec<(PathBuf, Outcome)>,
    /// Warnings of the added files, by file.
    pub warnings: Vec<(PathBuf, Vec<String>)>,
    /// (imported, skipped as duplicates, failed).
    pub counts: (usize, usize, usize),
}

/// Runs an import command.
pub fn apply(app: &mut NormcoderApp, ctx: &Context, command: ImportCommand) {
    // The windows change on the next frame: draw it even without input.
    ctx.request_repaint();
    match command {
        ImportCommand::Folder => {
            if let Some(folder) = app.picker.folder() {
                start(app, vec![folder]);
            }
        }
        ImportCommand::Cancel => {
            if let Some(job) = &mut app.import.job {
                job.cancel.store(true, Ordering::Relaxed);
                job.cancelling = true;
            }
        }
        ImportCommand::CloseSummary => app.import.summary = None,
        ImportCommand::EditMetadata(doc) => {
            let form = app
                .session
                .as_ref()
                .and_then(|s| s.project().document(&doc))
                .map(MetadataForm::new);
            app.import.metadata = form;
        }
    }
}

/// Starts reading `paths` (files and folders) on a worker thread.
pub fn start(app: &mut NormcoderApp, paths: Vec<PathBuf>) {
    if app.session.is_none() || paths.is_empty() {
        return;
    }
    if app.import.busy() {
        app.status = Some(app.tr().import_busy.to_owned());
        return;
    }
    let (tx, rx) = mpsc::channel();
    let cancel = Arc::new(AtomicBool::new(false));
    let stop = Arc::clone(&cancel);
    let spawned = std::thread::Builder::new()
        .name("normcoder-import".to_owned())
        .spawn(move || {
            let mut ignored = Vec::new();
            let files = match batch::expand(&paths, &mut ignored) {
                Ok(files) => files,
                Err(e) => {
                    let _ = tx.send(Message::Failed(e.to_string()));
                    return;
                }
            };
            let _ = tx.send(Message::Listed(files.len()));
            let results =
                batch::import_all(&files, &|| stop.load(Ordering::Relaxed), &mut |i, path| {
                    let _ = tx.send(Message::Reading(i, file_name(path)));
                });
            let _ = tx.send(match results {
                Some(results) => Message::Done { results, ignored },
                None => Message::Cancelled,
            });
        });
    match spawned {
        Ok(_) => {
            app.import.summary = None;
            app.import.job = Some(ImportJob {
                rx,
                cancel,
                total: 0,
                done: 0,
                current: String::new(),
                cancelling: false,
            });
        }
        Err(e) => app.dialog = Some(Dialog::Error(e.to_string())),
    }
}

/// Reads what the worker sent; when it is done, applies the batch. Called after drawing.
pub fn poll(app: &mut NormcoderApp, ctx: &Context) {
    let Some(job) = &mut app.import.job else {
        return;
    };
    let mut finished = None;
    loop {
        match job.rx.try_recv() {
            Ok(Message::Listed(n)) => job.total = n,
            Ok(Message::Reading(i, name)) => {
                job.done = i;
                job.current = name;
            }
            Ok(other) => {
                finished = Some(other);
                break;
            }
            Err(TryRecvError::Empty) => break,
            Err(TryRecvError::Disconnected) => {
                finished = Some(Message::Failed(
                    "the import stopped unexpectedly".to_owned(),
                ));
                break;
            }
        }
    }
    let Some(end) = finished else {
        ctx.request_repaint_after(POLL);
        return;
    };
    app.import.job = None;
    match end {
        Message::Done { results, ignored } => finish(app, ctx, results, ignored),
        Message::Cancelled => app.status = Some(app.tr().import_cancelled.to_owned()),
        Message::Failed(message) => app.dialog = Some(Dialog::Error(message)),
        Message::Listed(_) | Message::Reading(..) => {}
    }
}

/// Checks the results against the project, applies them as one edit, opens the summary.
fn finish(
    app: &mut NormcoderApp,
    ctx: &Context,
    results: Vec<(PathBuf, Result<Imported, String>)>,
    ignored: Vec<PathBuf>,
) {
    let Some(session) = &app.session else {
        return;
    };
    let mut plan = batch::plan(session.project(), results);
    plan.outcomes
        .extend(ignored.into_iter().map(|p| (p, Outcome::Ignored)));
    let counts = plan.counts();
    // Failures first (what needs the user), then what was added, then what was skipped; file
    // order within each group.
    plan.outcomes.sort_by_key(|(_, o)| match o {
        Outcome::Failed(_) => 0,
        Outcome::Added(_) => 1,
        Outcome::DuplicateOfProject(_) => 2,
        Outcome::DuplicateInBatch(_) => 3,
        Outcome::Ignored => 4,
    });
    let first_new = plan.outcomes.iter().find_map(|(_, o)| match o {
        Outcome::Added(id) => Some(id.clone()),
        _ => None,
    });
    if let Some(action) = plan.action() {
        app.edit(ctx, action);
    }
    let t = app.tr();
    app.status = Some(format!(
        "{} {}, {} {}, {} {}",
        counts.0, t.imported, counts.1, t.skipped_duplicate, counts.2, t.failed
    ));
    if plan.outcomes.is_empty() {
        app.status = Some(t.nothing_to_import.to_owned());
    } else {
        app.import.summary = Some(Summary {
            outcomes: plan.outcomes,
            warnings: plan.warnings,
            counts,
        });
    }
    if let Some(doc) = first_new {
        app.select_document(doc);
    }
}

/// Draws the progress window, the summary and the metadata form.
pub fn show(app: &mut NormcoderApp, ctx: &Context) {
    show_progress(app, ctx);
    show_summary(app, ctx);
    metadata::show(app, ctx);
}

fn show_progress(app: &mut NormcoderApp, ctx: &Context) {
    let t = app.tr();
    let Some(job) = &app.import.job else {
        return;
    };
    let mut cancel = false;
    egui::Modal::new(Id::unique("import-progress")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading(t.importing);
        let fraction = if job.total == 0 {
            0.0
        } else {
            #[expect(clippy::cast_precision_loss, reason = "file counts are far below 2^24")]
            let f = job.done as f32 / job.total as f32;
            f
        };
        let text = if job.total == 0 {
            t.listing_files.to_owned()
        } else {
            format!("{} / {} — {}", job.done + 1, job.total, job.current)
        };
        ui.add(egui::ProgressBar::new(fraction).text(text));
        ui.add_space(4.0);
        if job.cancelling {
            ui.label(t.cancelling);
        } else if ui.button(t.cancel).clicked() {
            cancel = true;
        }
    });
    if cancel {
        app.push(UiCommand::Import(ImportCommand::Cancel));
    }
}

fn show_summary(app: &mut NormcoderApp, ctx: &Context) {
    let t = app.tr();
    let Some(summary) = &app.import.summary else {
        return;
    };
    let mut open = true;
    let mut close = false;
    let mut reveal = None;
    egui::Window::new(t.import_summary)
        .id(Id::unique("import-summary"))
        .open(&mut open)
        .collapsible(false)
        .default_width(620.0)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            let (added, skipped, failed) = summary.counts;
            ui.label(format!(
                "{added} {}, {skipped} {}, {failed} {}",
                t.imported, t.skipped_duplicate, t.failed
            ));
            if added > 0 {
                ui.label(t.one_undo);
            }
            ui.separator();
            egui::ScrollArea::vertical()
                .max_height(380.0)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    egui::Grid::new("import-summary-grid")
                        .striped(true)
                        .num_columns(2)
                        .spacing([16.0, 4.0])
                        .show(ui, |ui| {
                            ui.strong(t.file);
                            ui.strong(t.result);
                            ui.end_row();
                            for (path, outcome) in &summary.outcomes {
                                ui.label(file_name(path))
                                    .on_hover_text(path.display().to_string());
                                outcome_cell(ui, t, path, outcome, summary, &mut reveal);
                                ui.end_row();
                            }
                        });
                });
            ui.separator();
            if ui.button(t.close).clicked() {
                close = true;
            }
        });
    if let Some(doc) = reveal {
        app.push(UiCommand::SelectDocument(doc));
    }
    if close || !open {
        app.push(UiCommand::Import(ImportCommand::CloseSummary));
    }
}

/// The result column of a file in the summary: what happened, and any warnings of an added file.
fn outcome_cell(
    ui: &mut egui::Ui,
    t: &crate::ui::i18n::Tr,
    path: &Path,
    outcome: &Outcome,
    summary: &Summary,
    reveal: &mut Option<DocId>,
) {
    match outcome {
        Outcome::Added(id) => {
            ui.vertical(|ui| {
                if ui.link(format!("{} {id}", t.imported_as)).clicked() {
                    *reveal = Some(id.clone());
                }
                let warnings = summary
                    .warnings
                    .iter()
                    .filter(|(p, _)| p == path)
                    .flat_map(|(_, w)| w);
                for w in warnings {
                    ui.add(
                        egui::Label::new(
                            egui::RichText::new(format!("{} {w}", t.import_warning))
                                .color(ui.visuals().warn_fg_color),
                        )
                        .wrap(),
                    );
                }
            });
        }
        Outcome::DuplicateOfProject(id) => {
            ui.label(format!("{} {id}", t.duplicate_of_project));
        }
        Outcome::DuplicateInBatch(id) => {
            ui.label(format!("{} {id}", t.duplicate_in_batch));
        }
        Outcome::Failed(message) => {
            ui.add(
                egui::Label::new(
                    egui::RichText::new(format!("{} {message}", t.failed_because))
                        .color(ui.visuals().error_fg_color),
                )
                .wrap(),
            );
        }
        Outcome::Ignored => {
            ui.weak(t.ignored_type);
        }
    }
}
