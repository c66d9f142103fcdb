//! The Team window (issue 7): inter-coder agreement, the disagreement view with a consensus
//! coder, the seminar report, and File ▸ Merge coders' projects….
//!
//! Everything shown is computed by `crate::analysis::agreement` and `crate::team`, cached until
//! the project's history state (or an option) changes; the window only draws and pushes
//! [`TeamCommand`]s, which the app (`ui/app/team.rs`) runs after drawing. Exports go through the `FilePicker`;
//! accepting a coder's coding into the consensus is one `Action::Batch`, so one undo step.

mod agreement;
mod disagreement;
mod merge;
mod seminar;

use egui::Context;

use super::command::{Command, UiCommand};
use super::context::Cx;
use super::i18n::Tr;
use super::panels::tab_bar;
use super::worker::Job;

pub use super::command::{TeamCommand, TeamTab as Tab};
pub use agreement::{AgreementPanel, format_alpha, format_percent};
pub use disagreement::{DEFAULT_CONSENSUS, DisagreementPanel, place_label};
pub use merge::{MergeClash, MergeOutcome};
pub use seminar::SeminarPanel;

use crate::analysis::agreement::Unit;

/// What a merge on the worker comes back with.
pub type MergeDone =
    Result<(std::path::PathBuf, crate::team::MergeReport), crate::workflow::MergeFilesError>;

/// The tabs with the commands that open them (the menu and the tab bar read the same labels).
pub const TABS: [(Tab, Command); 3] = [
    (Tab::Agreement, Command::Agreement),
    (Tab::Disagreements, Command::Disagreements),
    (Tab::Seminar, Command::Seminar),
];

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
    /// A merge running on the worker: its files and output (to ask again on a clash).
    pub merge_job: Option<(Job<MergeDone>, Vec<std::path::PathBuf>, std::path::PathBuf)>,
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

impl TeamState {
    /// Draws the window (and the merge report), if open.
    pub fn show(&mut self, ctx: &Context, cx: &Cx<'_>, cmds: &mut Vec<UiCommand>) {
        merge::show_report(self, ctx, cx, cmds);
        if !self.open || cx.session.is_none() {
            return;
        }
        let t = cx.tr();
        let mut open = true;
        egui::Window::new(t.menu_team)
            .id(egui::Id::unique("team-window"))
            .open(&mut open)
            .default_size([1060.0, 680.0])
            .default_pos([200.0, 50.0])
            .show(ctx, |ui| {
                tab_bar(ui, &mut self.tab, &TABS, cx.lang);
                match self.tab {
                    Tab::Agreement => agreement::show(&mut self.agreement, ui, cx, cmds),
                    Tab::Disagreements => {
                        disagreement::show(&mut self.disagreement, ui, cx, cmds);
                    }
                    Tab::Seminar => seminar::show(&mut self.seminar, ui, cx, cmds),
                }
            });
        if !open {
            self.open = false;
        }
    }

    /// The agreement table as CSV.
    pub fn agreement_csv(&self, t: &Tr) -> Result<String, String> {
        agreement::csv(&self.agreement, t)
    }
}
