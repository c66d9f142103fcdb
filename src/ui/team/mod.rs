//! The Team window (issue 7): inter-coder agreement, the disagreement view with a consensus
//! coder, the seminar report, and File ▸ Merge coders' projects….
//!
//! Everything shown is computed by `crate::analysis::agreement` and `crate::team`, cached until
//! the project's history state (or an option) changes; the window only draws and pushes
//! [`TeamCommand`]s, which [`apply`] runs after drawing. Exports go through the `FilePicker`;
//! accepting a coder's coding into the consensus is one `Action::Batch`, so one undo step.

mod agreement;
mod disagreement;
mod merge;
mod seminar;

use egui::{Context, Key};

use super::app::NormcoderApp;
use super::command::UiCommand;
use super::i18n::Tr;

pub use agreement::{AgreementPanel, format_alpha, format_percent};
pub use disagreement::{DEFAULT_CONSENSUS, DisagreementPanel, place_label};
pub use merge::{MergeClash, MergeOutcome};
pub use seminar::SeminarPanel;

use crate::analysis::agreement::Unit;
use crate::model::CoderId;

/// The tabs of the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Agreement,
    Disagreements,
    Seminar,
}

/// What the window holds between frames.
#[derive(Debug, Default)]
pub struct TeamState {
    pub open: bool,
    pub tab: Tab,
    pub agreement: AgreementPanel,
    pub disagreement: DisagreementPanel,
    pub seminar: SeminarPanel,
    /// The last merge, shown in its own window until closed.
    pub merge: Option<MergeOutcome>,
    /// A merge refused because a coder is in two files, waiting for the user's answer.
    pub merge_clash: Option<MergeClash>,
}

/// Requests from the window, applied after drawing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TeamCommand {
    /// Show the window on a tab.
    Open(Tab),
    /// Write the agreement table as CSV.
    ExportAgreement,
    /// Next (or previous) place of disagreement.
    Step(bool),
    /// Go to place `i` of the disagreement list.
    GoTo(usize),
    /// Copy this coder's annotations at the current place into the consensus coder.
    Accept(CoderId),
    /// Write the seminar report as HTML.
    SaveSeminarHtml,
    /// Ask for project files and an output file, merge, open the result.
    Merge,
    /// Merge the clashing files again, renaming the later files' coders.
    MergeRenaming,
    /// Drop a clashing merge.
    CancelMerge,
    /// Close the merge report.
    CloseMergeReport,
}

/// A unit's words in the interface.
#[must_use]
pub fn unit_label(unit: Unit, t: &Tr) -> &'static str {
    match unit {
        Unit::Char => t.unit_char,
        Unit::Sentence => t.unit_sentence,
        Unit::Paragraph => t.unit_paragraph,
    }
}

/// One checkbox per coder of the project (id, name on hover), `ticked` ticked; the new set when
/// the user changed one.
fn coder_checkboxes(
    ui: &mut egui::Ui,
    project: &crate::model::Project,
    ticked: &std::collections::BTreeSet<crate::model::CoderId>,
) -> Option<std::collections::BTreeSet<crate::model::CoderId>> {
    let mut changed = None;
    for coder in project.coders() {
        let mut on = ticked.contains(&coder.id);
        if ui
            .checkbox(&mut on, coder.id.as_str())
            .on_hover_text(&coder.name)
            .changed()
        {
            let mut set = ticked.clone();
            if on {
                set.insert(coder.id.clone());
            } else {
                set.remove(&coder.id);
            }
            changed = Some(set);
        }
    }
    changed
}

/// Draws the window (and the merge report), if open.
pub fn show(app: &mut NormcoderApp, ctx: &Context) {
    merge::show_report(app, ctx);
    if !app.team.open || app.session.is_none() {
        return;
    }
    let t = app.tr();
    if app.team.tab == Tab::Disagreements
        && let Some(forward) = super::shortcuts::step_key(ctx, Key::F9)
    {
        app.push(UiCommand::Team(TeamCommand::Step(forward)));
    }
    let mut open = true;
    egui::Window::new(t.menu_team)
        .id(egui::Id::unique("team-window"))
        .open(&mut open)
        .default_size([1060.0, 680.0])
        .default_pos([200.0, 50.0])
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                for (tab, label) in [
                    (Tab::Agreement, t.agreement),
                    (Tab::Disagreements, t.disagreements),
                    (Tab::Seminar, t.seminar),
                ] {
                    if ui.selectable_label(app.team.tab == tab, label).clicked() {
                        app.team.tab = tab;
                    }
                }
            });
            ui.separator();
            match app.team.tab {
                Tab::Agreement => agreement::show(app, ui),
                Tab::Disagreements => disagreement::show(app, ui),
                Tab::Seminar => seminar::show(app, ui),
            }
        });
    if !open {
        app.team.open = false;
    }
}

/// Runs a command of the window.
pub fn apply(app: &mut NormcoderApp, ctx: &Context, command: TeamCommand) {
    match command {
        TeamCommand::Open(tab) => {
            app.team.open = true;
            app.team.tab = tab;
            ctx.request_repaint();
        }
        TeamCommand::ExportAgreement => {
            let csv = agreement::csv(app);
            super::files::save_text_as(app, "agreement.csv", "csv", csv);
        }
        TeamCommand::Step(forward) => disagreement::step(app, ctx, forward),
        TeamCommand::GoTo(i) => disagreement::go_to(app, ctx, i),
        TeamCommand::Accept(coder) => disagreement::accept(app, ctx, &coder),
        TeamCommand::SaveSeminarHtml => {
            let html = seminar::html(app);
            super::files::save_text_as(app, "seminar-report.html", "html", html);
        }
        TeamCommand::Merge => merge::run(app),
        TeamCommand::MergeRenaming => merge::rename_and_merge(app),
        TeamCommand::CancelMerge => app.team.merge_clash = None,
        TeamCommand::CloseMergeReport => app.team.merge = None,
    }
}
