//! The Analysis window's commands: open a tab, reveal and step through retrieved segments,
//! export tables and charts, and code corpus-search hits (one `Action::Batch`, one undo step).

use chrono::Utc;
use egui::Context;

use crate::ui::command::AnalysisCommand;
use crate::ui::dialogs::Dialog;

use super::NormcoderApp;

impl NormcoderApp {
    pub(super) fn apply_analysis(&mut self, ctx: &Context, command: AnalysisCommand) {
        let state = self.session.as_ref().map_or(0, |s| s.history().state());
        match command {
            AnalysisCommand::Open(tab) => {
                self.analysis.open = true;
                self.analysis.tab = tab;
            }
            AnalysisCommand::Reveal(i) => {
                let Some(session) = &self.session else {
                    return;
                };
                if let Some(hit) = self.analysis.retrieval.reveal(session.project(), state, i) {
                    self.reveal_hit(hit);
                }
            }
            AnalysisCommand::Step(forward) => {
                let Some(session) = &self.session else {
                    return;
                };
                if let Some(hit) = self
                    .analysis
                    .retrieval
                    .step(session.project(), state, forward)
                {
                    self.reveal_hit(hit);
                }
            }
            AnalysisCommand::ExportRetrieval
            | AnalysisCommand::ExportTable
            | AnalysisCommand::ExportChart => {
                let Some(session) = &self.session else {
                    return;
                };
                let t = self.tr();
                if let Some((name, extension, text)) =
                    self.analysis
                        .export_text(command, session.project(), state, t)
                {
                    self.save_text_as(ctx, &name, extension, text.map_err(|e| e.to_string()));
                }
            }
            AnalysisCommand::Autocode(ticked_only) => self.autocode(ctx, ticked_only),
        }
    }

    /// Shows a retrieved segment selected in its document, its annotation in the details.
    fn reveal_hit(&mut self, hit: crate::analysis::query::Hit) {
        self.select_document(hit.doc.clone());
        self.view.select(hit.span);
        self.view.request_focus();
        self.select_annotation(Some(hit.annotation));
    }

    /// Codes the corpus-search hits (ticked or all) with the chosen codes.
    fn autocode(&mut self, ctx: &Context, ticked_only: bool) {
        let Some(session) = &self.session else {
            return;
        };
        let Some(coder) = self.coder.clone() else {
            self.dialog = Some(Dialog::AskCoder(String::new()));
            return;
        };
        let project = session.project();
        let panel = &mut self.analysis.search;
        panel.refresh(project, session.history().state());
        let Some(plan) = panel.preview(project, ticked_only) else {
            self.status = Some(self.tr().choose_codes.to_owned());
            return;
        };
        let Some(action) = plan.action(project, &coder, Utc::now()) else {
            return;
        };
        let added = plan.new.len();
        if self.edit_or_report(ctx, action) {
            self.status = Some(format!("{added} {}", self.tr().autocoded));
        }
    }
}
