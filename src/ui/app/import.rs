//! Batch import and the metadata form: files are read on the worker (`ui::worker`), parsing
//! only; when it is done, `import::batch::plan` checks them against the project and they are
//! applied as one `Action::Batch`, so one undo step; the summary says what became of each file.

use std::path::PathBuf;

use egui::Context;

use crate::import::Imported;
use crate::import::batch::{self, Outcome};
use crate::ui::command::{ImportCommand, PickRequest};
use crate::ui::dialogs::Dialog;
use crate::ui::file_name;
use crate::ui::import::{ImportDone, MetadataForm, Progress, Summary};
use crate::ui::worker::Job;

use super::NormcoderApp;

impl NormcoderApp {
    pub(super) fn apply_import(&mut self, ctx: &Context, command: ImportCommand) {
        // The windows change on the next frame: draw it even without input.
        ctx.request_repaint();
        match command {
            ImportCommand::Folder => self.ask(ctx, PickRequest::DocumentFolder),
            ImportCommand::Cancel => {
                if let Some(job) = &self.import.job {
                    job.cancel();
                }
            }
            ImportCommand::CloseSummary => self.import.summary = None,
            ImportCommand::EditMetadata(doc) => {
                let form = self
                    .session
                    .as_ref()
                    .and_then(|s| s.project().document(&doc))
                    .map(MetadataForm::new);
                self.import.metadata = form;
            }
            ImportCommand::SaveMetadata(action) => match self.edit(ctx, *action) {
                Ok(()) => self.import.metadata = None,
                Err(e) => {
                    // Said in the form that asked, and in the status bar.
                    let message = e.to_string();
                    if let Some(form) = &mut self.import.metadata {
                        form.refused = Some(message.clone());
                    }
                    self.status = Some(message);
                }
            },
            ImportCommand::CloseMetadata => self.import.metadata = None,
        }
    }

    /// Starts reading `paths` (files and folders) on the worker.
    pub(super) fn start_import(&mut self, ctx: &Context, paths: Vec<PathBuf>) {
        if self.session.is_none() || paths.is_empty() {
            return;
        }
        if self.import.busy() {
            self.status = Some(self.tr().import_busy.to_owned());
            return;
        }
        let spawned = Job::spawn("import", ctx, move |reporter| {
            let mut ignored = Vec::new();
            let files = match batch::expand(&paths, &mut ignored) {
                Ok(files) => files,
                Err(e) => return ImportDone::Failed(e.to_string()),
            };
            let total = files.len();
            reporter.report(Progress {
                total,
                ..Progress::default()
            });
            let results = batch::import_all(&files, &|| reporter.cancelled(), &mut |i, path| {
                reporter.report(Progress {
                    total,
                    done: i,
                    current: file_name(path),
                    cancelling: false,
                });
            });
            match results {
                Some(results) => ImportDone::Read { results, ignored },
                None => ImportDone::Cancelled,
            }
        });
        match spawned {
            Ok(job) => {
                self.import.summary = None;
                self.import.job = Some(job);
            }
            Err(e) => self.dialog = Some(Dialog::Error(e.to_string())),
        }
    }

    /// Takes the worker's result when it is there.
    pub(super) fn poll_import(&mut self, ctx: &Context) {
        let Some(job) = &mut self.import.job else {
            return;
        };
        let Some(done) = job.poll() else {
            return;
        };
        self.import.job = None;
        match done {
            Ok(ImportDone::Read { results, ignored }) => self.finish_import(ctx, results, ignored),
            Ok(ImportDone::Cancelled) => {
                self.status = Some(self.tr().import_cancelled.to_owned());
            }
            Ok(ImportDone::Failed(message)) => self.dialog = Some(Dialog::Error(message)),
            Err(e) => self.dialog = Some(Dialog::Error(e.to_string())),
        }
    }

    /// Checks the results against the project, applies them as one edit, opens the summary.
    fn finish_import(
        &mut self,
        ctx: &Context,
        results: Vec<(PathBuf, Result<Imported, String>)>,
        ignored: Vec<PathBuf>,
    ) {
        let Some(session) = &self.session else {
            return;
        };
        let mut plan = batch::plan(session.project(), results);
        plan.outcomes
            .extend(ignored.into_iter().map(|p| (p, Outcome::Ignored)));
        let counts = plan.counts();
        // Failures first (what needs the user), then what was added, then what was skipped;
        // file order within each group.
        plan.outcomes.sort_by_key(|(_, o)| match o {
            Outcome::Failed(_) => 0,
            Outcome::Added(_) => 1,
            Outcome::DuplicateOfProject(_) => 2,
            Outcome::DuplicateInBatch(_) => 3,
            Outcome::Ignored => 4,
        });
        let first_new = plan.outcomes.iter().find_map(|(_, o)| {
            if let Outcome::Added(id) = o {
                Some(id.clone())
            } else {
                None
            }
        });
        if let Some(action) = plan.action()
            && let Err(e) = self.edit(ctx, action)
        {
            self.dialog = Some(Dialog::Error(e.to_string()));
            self.status = Some(e.to_string());
            return;
        }
        let t = self.tr();
        self.status = Some(format!(
            "{} {}, {} {}, {} {}",
            counts.0, t.imported, counts.1, t.skipped_duplicate, counts.2, t.failed
        ));
        if plan.outcomes.is_empty() {
            self.status = Some(t.nothing_to_import.to_owned());
        } else {
            self.import.summary = Some(Summary {
                outcomes: plan.outcomes,
                warnings: plan.warnings,
                counts,
            });
        }
        if let Some(doc) = first_new {
            self.select_document(doc);
        }
    }
}
