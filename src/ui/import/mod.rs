//! Batch import in the window (issue 4): files from the dialog, a folder, or dropped on the
//! window are read on a worker thread (parsing only; the session is never touched there) while a
//! progress window shows "12 / 40 — file name" with Cancel. When the worker is done, the results
//! are checked against the project (`import::batch::plan`: duplicates by text hash, in the
//! project and within the batch) and applied as one `Action::Batch`, so one undo step; a summary
//! window lists what became of each file. The document metadata form lives in `metadata.rs`.

mod metadata;

use std::path::{Path, PathBuf};

use egui::{Context, Id};

use crate::import::Imported;
use crate::import::batch::Outcome;
use crate::model::DocId;

use super::command::UiCommand;
use super::context::Cx;
use super::file_name;
use super::worker::Job;

pub use super::command::ImportCommand;
pub use metadata::{MetadataForm, kind_label};

/// What the import windows hold between frames.
#[derive(Debug, Default)]
pub struct ImportState {
    /// The import running now, if any.
    pub job: Option<Job<ImportDone, Progress>>,
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

    /// Where the running import is (files listed, file being read, Cancel pressed).
    #[must_use]
    pub fn progress(&self) -> Option<Progress> {
        let job = self.job.as_ref()?;
        let mut p = job.progress().cloned().unwrap_or_default();
        p.cancelling = job.cancelling();
        Some(p)
    }

    /// Another project was opened (or this one closed): the running import stops and its
    /// results are dropped (dropping the job cancels it); the windows close.
    pub fn abandon(&mut self) {
        *self = Self::default();
    }

    /// Draws the progress window, the summary and the metadata form.
    pub fn show(&mut self, ctx: &Context, cx: &Cx<'_>, cmds: &mut Vec<UiCommand>) {
        if let Some(progress) = self.progress() {
            show_progress(&progress, ctx, cx, cmds);
        }
        if let Some(summary) = &self.summary {
            show_summary(summary, ctx, cx, cmds);
        }
        if let Some(form) = &mut self.metadata {
            form.show(ctx, cx, cmds);
        }
    }
}

/// How far the import is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    /// Files to read (known once folders are listed; 0 before).
    pub total: usize,
    /// Files read so far.
    pub done: usize,
    /// The file being read.
    pub current: String,
    /// Cancel was pressed: the worker stops before its next file.
    pub cancelling: bool,
}

/// How the worker ended.
#[derive(Debug)]
pub enum ImportDone {
    /// Every file read (results in order), and the files of other types found in folders.
    Read {
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

fn show_progress(job: &Progress, ctx: &Context, cx: &Cx<'_>, cmds: &mut Vec<UiCommand>) {
    let t = cx.tr();
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
        cmds.push(UiCommand::Import(ImportCommand::Cancel));
    }
}

fn show_summary(summary: &Summary, ctx: &Context, cx: &Cx<'_>, cmds: &mut Vec<UiCommand>) {
    let t = cx.tr();
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
        cmds.push(UiCommand::SelectDocument(doc));
    }
    if close || !open {
        cmds.push(UiCommand::Import(ImportCommand::CloseSummary));
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
