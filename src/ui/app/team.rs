//! The Team window's commands: agreement export, stepping through disagreements, accepting a
//! coder's coding into the consensus (`team::consensus::accept`, one `Action::Batch`), the
//! seminar page, and File ▸ Merge coders' projects… (`workflow::merge_files` on the worker).

use std::path::PathBuf;

use chrono::Utc;
use egui::Context;

use crate::model::CoderId;
use crate::team::{MergeError, MergeOptions};
use crate::ui::command::{PickRequest, TeamCommand, UiCommand};
use crate::ui::dialogs::Dialog;
use crate::ui::team::{MergeClash, MergeOutcome};
use crate::ui::worker::Job;
use crate::workflow::MergeFilesError;

use super::NormcoderApp;

impl NormcoderApp {
    pub(super) fn apply_team(&mut self, ctx: &Context, command: TeamCommand) {
        let state = self.session.as_ref().map_or(0, |s| s.history().state());
        match command {
            TeamCommand::Open(tab) => {
                self.team.open = true;
                self.team.tab = tab;
                ctx.request_repaint();
            }
            TeamCommand::ExportAgreement => {
                let csv = self.team.agreement_csv(self.tr());
                self.save_text_as(ctx, "agreement.csv", "csv", csv);
            }
            TeamCommand::Step(forward) => {
                if let Some(session) = &self.session {
                    self.team
                        .disagreement
                        .step(session.project(), state, forward);
                    ctx.request_repaint();
                }
            }
            TeamCommand::GoTo(i) => {
                if let Some(session) = &self.session {
                    self.team.disagreement.go_to(session.project(), state, i);
                    ctx.request_repaint();
                }
            }
            TeamCommand::Accept(coder) => self.accept(ctx, &coder),
            TeamCommand::SaveSeminarHtml => {
                let html = match &self.session {
                    Some(session) => self.team.seminar.html(session.project(), state, self.tr()),
                    None => Err(self.tr().no_project.to_owned()),
                };
                self.save_text_as(ctx, "seminar-report.html", "html", html);
            }
            TeamCommand::Merge => self.ask_and_merge(ctx),
            TeamCommand::MergeRenaming => {
                if let Some(clash) = self.team.merge_clash.take() {
                    self.start_merge(ctx, clash.files, clash.output, true);
                }
            }
            TeamCommand::CancelMerge => self.team.merge_clash = None,
            TeamCommand::CloseMergeReport => self.team.merge = None,
        }
    }

    /// Copies `coder`'s annotations at the current place into the consensus coder.
    fn accept(&mut self, ctx: &Context, coder: &CoderId) {
        let t = self.tr();
        let Some(session) = &self.session else {
            return;
        };
        let project = session.project();
        let state = session.history().state();
        let panel = &mut self.team.disagreement;
        let Some((doc, place, compared)) = panel.current_place(project, state) else {
            return;
        };
        let consensus = match CoderId::new(panel.consensus_id.trim()) {
            Ok(id) => id,
            Err(e) => {
                self.status = Some(format!("{}{} {e}", t.consensus_coder, t.colon));
                return;
            }
        };
        let action = match crate::team::consensus::accept(
            project,
            &doc,
            place,
            coder,
            &consensus,
            &panel.consensus_name,
            &compared,
            Utc::now(),
        ) {
            Ok(Some(action)) => action,
            Ok(None) => return,
            Err(
                crate::team::ConsensusError::ConsensusIsCompared(_)
                | crate::team::ConsensusError::ConsensusIsSource(_),
            ) => {
                self.status = Some(t.consensus_is_compared.to_owned());
                return;
            }
            Err(e) => {
                self.status = Some(e.to_string());
                return;
            }
        };
        if self.edit_or_report(ctx, action) {
            self.status = Some(t.accepted.to_owned());
        }
    }

    /// Asks for the files (after Save/Discard/Cancel), then for the output
    /// ([`Self::merge_inputs_picked`]), then merges on the worker.
    fn ask_and_merge(&mut self, ctx: &Context) {
        if !self.confirm_discard(&UiCommand::Team(TeamCommand::Merge)) {
            return;
        }
        if self.team.merge_job.is_some() {
            self.status = Some(self.tr().busy.to_owned());
            return;
        }
        self.ask(ctx, PickRequest::MergeInputs);
    }

    /// The merge's first answer: at least two files, then where to write the merged project.
    pub(super) fn merge_inputs_picked(&mut self, ctx: &Context, files: Vec<PathBuf>) {
        if files.is_empty() {
            return;
        }
        if files.len() < 2 {
            self.dialog = Some(Dialog::Error(self.tr().merge_need_two.to_owned()));
            return;
        }
        self.ask(ctx, PickRequest::MergeOutput { files });
    }

    pub(super) fn start_merge(
        &mut self,
        ctx: &Context,
        files: Vec<PathBuf>,
        output: PathBuf,
        rename: bool,
    ) {
        let (inputs, target) = (files.clone(), output.clone());
        let spawned = Job::spawn("merge", ctx, move |_| {
            crate::workflow::merge_files(&inputs, &target, MergeOptions { rename })
                .map(|(_, report)| (target, report))
        });
        match spawned {
            Ok(job) => self.team.merge_job = Some((job, files, output)),
            Err(e) => self.dialog = Some(Dialog::Error(e.to_string())),
        }
    }

    /// Opens the merged project and shows the report, or asks about a coder in two files.
    pub(super) fn poll_merge(&mut self) {
        let Some((job, _, _)) = &mut self.team.merge_job else {
            return;
        };
        let Some(done) = job.poll() else {
            return;
        };
        let Some((_, files, output)) = self.team.merge_job.take() else {
            return;
        };
        let t = self.tr();
        let fail = |message: String| {
            Some(Dialog::Error(format!(
                "{}{} {message}",
                t.merge_failed, t.colon
            )))
        };
        match done {
            Ok(Ok((path, report))) => {
                self.open_path(path.clone(), true);
                if self.session.as_ref().and_then(|s| s.path()) == Some(path.as_path()) {
                    self.status = Some(format!("{} {}", t.merged_into, path.display()));
                    self.team.merge = Some(MergeOutcome {
                        output: path,
                        report,
                    });
                }
            }
            Ok(Err(MergeFilesError::Merge(MergeError::SameCoder {
                coder,
                first,
                second,
            }))) => {
                let message = format!(
                    "{} {coder}{} {} ({}, {})",
                    t.coder,
                    t.colon,
                    t.annotations_in_two_files,
                    first.display(),
                    second.display()
                );
                self.team.merge_clash = Some(MergeClash {
                    files,
                    output,
                    message,
                });
            }
            Ok(Err(MergeFilesError::OutputIsInput { path })) => {
                self.dialog = fail(format!("{} {}", path.display(), t.merge_output_is_input));
            }
            Ok(Err(e)) => self.dialog = fail(e.to_string()),
            Err(e) => self.dialog = fail(e.to_string()),
        }
    }
}
