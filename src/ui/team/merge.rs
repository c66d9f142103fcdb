//! File ▸ Merge coders' projects…: the picker asks for the coders' files and where to write the
//! merged project; `team::merge` combines them, the result is saved and opened, and what the
//! merge found (documents or codes in one file only, renamed documents, coders) is shown in a
//! window. The same coder in two files is a question (rename the later file's coder and merge, or
//! cancel); any other refusal is an error. Nothing is written unless the merge went through.

use std::path::PathBuf;

use egui::{Context, RichText, Ui};

use crate::team::MergeReport;
use crate::ui::command::{TeamCommand, UiCommand};
use crate::ui::context::Cx;
use crate::ui::file_name;
use crate::ui::i18n::Tr;

/// A merge that went through: where the project was written and what was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeOutcome {
    pub output: PathBuf,
    pub report: MergeReport,
}

/// The same coder has annotations in two files: the user may rename and merge, or cancel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeClash {
    pub files: Vec<PathBuf>,
    pub output: PathBuf,
    /// What clashed, in the interface's language.
    pub message: String,
}

/// The question asked when the same coder is in two files.
fn show_clash(clash: &MergeClash, ctx: &Context, t: &Tr, cmds: &mut Vec<UiCommand>) {
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("team-merge-clash")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading(t.merge_failed);
        ui.label(&clash.message);
        ui.label(t.merge_rename_hint);
        ui.horizontal(|ui| {
            if ui.button(t.merge_rename).clicked() {
                answer = Some(TeamCommand::MergeRenaming);
            }
            if ui.button(t.cancel).clicked() {
                answer = Some(TeamCommand::CancelMerge);
            }
        });
    });
    if let Some(command) = answer {
        cmds.push(UiCommand::Team(command));
    }
}

/// The merge report window, while a report is to be shown.
pub(super) fn show_report(
    team: &super::TeamState,
    ctx: &Context,
    cx: &Cx<'_>,
    cmds: &mut Vec<UiCommand>,
) {
    let t = cx.tr();
    if let Some(clash) = &team.merge_clash {
        show_clash(clash, ctx, t, cmds);
    }
    if team.merge_job.is_some() {
        crate::ui::panels::busy_window(ctx, "team-merge-busy", t.merging);
    }
    let Some(outcome) = &team.merge else {
        return;
    };
    let mut open = true;
    let mut close = false;
    egui::Window::new(t.merge_report)
        .id(egui::Id::unique("team-merge-report"))
        .open(&mut open)
        .default_size([560.0, 420.0])
        .default_pos([300.0, 120.0])
        .show(ctx, |ui| {
            ui.label(format!("{} {}", t.merged_into, outcome.output.display()));
            egui::ScrollArea::vertical()
                .max_height(420.0)
                .show(ui, |ui| report_body(ui, &outcome.report, t));
            if ui.button(t.close).clicked() {
                close = true;
            }
        });
    if !open || close {
        cmds.push(UiCommand::Team(TeamCommand::CloseMergeReport));
    }
}

fn section(ui: &mut Ui, t: &Tr, heading: &str, lines: Vec<String>) {
    ui.label(RichText::new(format!("{heading} ({})", lines.len())).strong());
    if lines.is_empty() {
        ui.label(RichText::new(t.none).weak());
    }
    for line in lines {
        ui.label(line);
    }
    ui.add_space(4.0);
}

fn report_body(ui: &mut Ui, r: &MergeReport, t: &Tr) {
    section(
        ui,
        t,
        t.merged_files,
        r.files.iter().map(|p| p.display().to_string()).collect(),
    );
    section(
        ui,
        t,
        t.annotations_by_coder,
        r.annotations_by_coder
            .iter()
            .map(|(c, n)| format!("{c}: {n}"))
            .collect(),
    );
    section(
        ui,
        t,
        t.documents_only_in,
        r.documents_only_in
            .iter()
            .map(|(d, p)| format!("{d} ({})", file_name(p)))
            .collect(),
    );
    section(
        ui,
        t,
        t.documents_renamed,
        r.documents_renamed
            .iter()
            .map(|(a, b)| format!("{a} {} {b}", t.becomes))
            .collect(),
    );
    section(
        ui,
        t,
        t.codes_only_in,
        r.codes_only_in
            .iter()
            .map(|(c, p)| format!("{c} ({})", file_name(p)))
            .collect(),
    );
    section(
        ui,
        t,
        t.codes_differing,
        r.codes_differing
            .iter()
            .map(|(c, p)| format!("{c} ({})", file_name(p)))
            .collect(),
    );
    section(
        ui,
        t,
        t.coders_renamed,
        r.coders_renamed
            .iter()
            .map(|(a, b, p)| format!("{a} {} {b} ({})", t.becomes, file_name(p)))
            .collect(),
    );
    ui.label(format!(
        "{}{} {}",
        t.annotation_ids_changed, t.colon, r.annotation_ids_changed
    ));
}
