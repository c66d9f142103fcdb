//! The Analysis window: retrieval, tables, charts and corpus search with auto-coding.
//!
//! Everything shown is computed by `crate::analysis` and cached until the project's history
//! state (or a filter) changes; the window only draws and pushes [`AnalysisCommand`]s, which
//! the app (`ui/app/analysis.rs`) runs after drawing. Exports go through the `FilePicker`; auto-coding is one
//! `Action::Batch`, so one undo step.

mod charts;
mod corpus_search;
mod retrieval;
mod tables;

use egui::Context;

use crate::analysis::AnalysisError;
use crate::model::Project;

use super::command::{Command, UiCommand};
use super::context::Cx;
use super::i18n::Tr;
use super::panels::tab_bar;

pub use super::command::{AnalysisCommand, AnalysisTab as Tab};
pub use charts::ChartKind;
pub use corpus_search::SearchPanel;
pub use retrieval::RetrievalPanel;
pub use tables::{TableKind, TablesPanel};

/// What the window holds between frames.
#[derive(Debug, Default)]
pub struct AnalysisState {
    pub open: bool,
    pub tab: Tab,
    pub retrieval: RetrievalPanel,
    pub tables: TablesPanel,
    pub chart: ChartKind,
    pub search: SearchPanel,
}

/// The tabs with the commands that open them (the menu and the tab bar read the same labels).
pub const TABS: [(Tab, Command); 4] = [
    (Tab::Retrieval, Command::Retrieval),
    (Tab::Tables, Command::Tables),
    (Tab::Charts, Command::Charts),
    (Tab::Search, Command::CorpusSearch),
];

impl AnalysisState {
    /// Draws the window, if open.
    pub fn show(&mut self, ctx: &Context, cx: &Cx<'_>, cmds: &mut Vec<UiCommand>) {
        if !self.open || cx.session.is_none() {
            return;
        }
        let t = cx.tr();
        let mut open = true;
        egui::Window::new(t.menu_analysis)
            .id(egui::Id::unique("analysis-window"))
            .open(&mut open)
            .default_size([760.0, 560.0])
            .default_pos([260.0, 90.0])
            .show(ctx, |ui| {
                tab_bar(ui, &mut self.tab, &TABS, cx.lang);
                match self.tab {
                    Tab::Retrieval => retrieval::show(&mut self.retrieval, ui, cx, cmds),
                    Tab::Tables => tables::show(&mut self.tables, ui, cx, cmds),
                    Tab::Charts => {
                        charts::show(&mut self.chart, &mut self.tables.rule, ui, cx, cmds);
                    }
                    Tab::Search => corpus_search::show(&mut self.search, ui, cx, cmds),
                }
            });
        if !open {
            self.open = false;
        }
    }

    /// The text of what an export command writes, with its suggested file name and extension.
    pub fn export_text(
        &mut self,
        command: AnalysisCommand,
        project: &Project,
        state: u64,
        t: &Tr,
    ) -> Option<(String, &'static str, Result<String, AnalysisError>)> {
        Some(match command {
            AnalysisCommand::ExportRetrieval => (
                "segments.csv".to_owned(),
                "csv",
                self.retrieval.csv(project, state),
            ),
            AnalysisCommand::ExportTable => (
                format!("{}.csv", self.tables.kind.file_stem()),
                "csv",
                self.tables.table(project, state).to_csv(),
            ),
            AnalysisCommand::ExportChart => (
                format!("{}.svg", self.chart.file_stem()),
                "svg",
                charts::svg(project, t, self.chart, self.tables.rule)
                    .map_err(|e| AnalysisError::Chart(e.to_string())),
            ),
            AnalysisCommand::Open(_)
            | AnalysisCommand::Reveal(_)
            | AnalysisCommand::Step(_)
            | AnalysisCommand::Autocode(_) => return None,
        })
    }
}

/// A key-word-in-context line: the context around the passage, the passage in brackets, on one
/// line (retrieval and corpus-search rows).
fn kwic_line(before: &str, passage: &str, after: &str) -> String {
    format!("…{before}[{}]{after}…", passage.replace('\n', " "))
}
