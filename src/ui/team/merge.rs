//! File ▸ Merge coders' projects…: the picker asks for the coders' files and where to write the
//! merged project; `team::merge` combines them, the result is saved and opened, and what the
//! merge found (documents or codes in one file only, renamed documents, coders) is shown in a
//! window. The same coder in two files is a question (rename the later file's coder and merge, or
//! cancel); any other refusal is an error. Nothing is written unless the merge went through.

use std::path::{Path, PathBuf};

use egui::{Context, RichText, Ui};

use crate::session::Session;
use crate::store;
use crate::team::{MergeError, MergeOptions, MergeReport, merge};
use crate::ui::app::NormcoderApp;
use crate::ui::command::UiCommand;
use crate::ui::dialogs::Dialog;
use crate::ui::file_name;
use crate::ui::i18n::Tr;

use super::TeamCommand;

/// A merge that went through: where the project was written and what was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeOutcome {
    pub output: PathBuf,
    pub report: MergeReport,
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// The same coder has annotations in two files: the user may rename and merge, or cancel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeClash {
    pub files: Vec<PathBuf>,
    pub output: PathBuf,
    /// What clashed, in the interface's language.
    pub message: String,
}

/// Asks for the files, merges them, writes and opens the result.
pub(super) fn run(app: &mut NormcoderApp) {
    if !std::mem::take(&mut app.discard_confirmed)
        && app.session.as_ref().is_some_and(Session::is_dirty)
    {
        app.dialog = Some(Dialog::ConfirmDiscard(Box::new(UiCommand::Team(
            TeamCommand::Merge,
        ))));
        return;
    }
    let t = app.tr();
    let files = app.picker.projects_to_merge();
    if files.is_empty() {
        return;
    }
    if files.len() < 2 {
        app.dialog = Some(Dialog::Error(t.merge_need_two.to_owned()));
        return;
    }
    let Some(output) = app.picker.save_project("merged.ncp.ron") else {
        return;
    };
    merge_files(app, files, output, false);
}

/// Merges again what clashed, renaming the later files' coders.
pub(super) fn rename_and_merge(app: &mut NormcoderApp) {
    if let Some(clash) = app.team.merge_clash.take() {
        merge_files(app, clash.files, clash.output, true);
    }
}

fn merge_files(app: &mut NormcoderApp, files: Vec<PathBuf>, output: PathBuf, rename: bool) {
    let t = app.tr();
    let fail = |message: String| {
        Some(Dialog::Error(format!(
            "{}{} {message}",
            t.merge_failed, t.colon
        )))
    };
    if let Some(input) = files.iter().find(|f| same_file(f, &output)) {
        app.dialog = fail(format!("{} {}", input.display(), t.merge_output_is_input));
        return;
    }
    let mut inputs = Vec::with_capacity(files.len());
    for path in &files {
        match store::load(path) {
            Ok(loaded) => inputs.push((path.clone(), loaded.project)),
            Err(e) => {
                app.dialog = fail(e.to_string());
                return;
            }
        }
    }
    let (project, report) = match merge(&inputs, MergeOptions { rename }) {
        Ok(done) => done,
        Err(MergeError::SameCoder {
            coder,
            first,
            second,
        }) => {
            let message = format!(
                "{} {coder}{} {} ({}, {})",
                t.coder,
                t.colon,
                t.annotations_in_two_files,
                first.display(),
                second.display()
            );
            app.team.merge_clash = Some(MergeClash {
                files,
                output,
                message,
            });
            return;
        }
        Err(e) => {
            app.dialog = fail(e.to_string());
            return;
        }
    };
    if let Err(e) = store::save(&output, &project, false) {
        app.dialog = fail(e.to_string());
        return;
    }
    app.open_path(output.clone(), true);
    if app.session.as_ref().and_then(Session::path) == Some(output.as_path()) {
        app.status = Some(format!("{} {}", t.merged_into, output.display()));
        app.team.merge = Some(MergeOutcome { output, report });
    }
}

/// The question asked when the same coder is in two files.
fn show_clash(app: &mut NormcoderApp, ctx: &Context) {
    let Some(clash) = &app.team.merge_clash else {
        return;
    };
    let t = app.tr();
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
        app.push(UiCommand::Team(command));
    }
}

/// The merge report window, while a report is to be shown.
pub(super) fn show_report(app: &mut NormcoderApp, ctx: &Context) {
    show_clash(app, ctx);
    let Some(outcome) = &app.team.merge else {
        return;
    };
    let t = app.tr();
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
        app.push(UiCommand::Team(TeamCommand::CloseMergeReport));
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
