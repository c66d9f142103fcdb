//! The Analysis window: retrieval, tables, charts and corpus search with auto-coding.
//!
//! Everything shown is computed by `crate::analysis` and cached until the project's history
//! state (or a filter) changes; the window only draws and pushes [`AnalysisCommand`]s, which
//! [`apply`] runs after drawing. Exports go through the `FilePicker`; auto-coding is one
//! `Action::Batch`, so one undo step.

mod charts;
mod corpus_search;
mod retrieval;
mod tables;

use egui::{Context, Key};

use crate::analysis::AnalysisError;

use super::app::NormcoderApp;
use super::command::UiCommand;

pub use charts::ChartKind;
pub use corpus_search::SearchPanel;
pub use retrieval::RetrievalPanel;
pub use tables::{TableKind, TablesPanel};

/// The tabs of the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Retrieval,
    Tables,
    Charts,
    Search,
}

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

/// Requests from the window, applied after drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnalysisCommand {
    /// Show the window on a tab.
    Open(Tab),
    /// Show retrieval hit `i` in its document, selected.
    Reveal(usize),
    /// Next (or previous) retrieval hit.
    Step(bool),
    ExportRetrieval,
    ExportTable,
    ExportChart,
    /// Code the corpus-search hits (only the ticked ones when `true`).
    Autocode(bool),
}

/// Draws the window, if open.
pub fn show(app: &mut NormcoderApp, ctx: &Context) {
    if !app.analysis.open || app.session.is_none() {
        return;
    }
    let t = app.tr();
    if app.analysis.tab == Tab::Retrieval
        && let Some(forward) = super::shortcuts::step_key(ctx, Key::F8)
    {
        app.push(UiCommand::Analysis(AnalysisCommand::Step(forward)));
    }
    let mut open = true;
    egui::Window::new(t.menu_analysis)
        .id(egui::Id::unique("analysis-window"))
        .open(&mut open)
        .default_size([760.0, 560.0])
        .default_pos([260.0, 90.0])
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                for (tab, label) in [
                    (Tab::Retrieval, t.retrieval),
                    (Tab::Tables, t.tables),
                    (Tab::Charts, t.charts),
                    (Tab::Search, t.corpus_search),
                ] {
                    if ui
                        .selectable_label(app.analysis.tab == tab, label)
                        .clicked()
                    {
                        app.analysis.tab = tab;
                    }
                }
            });
            ui.separator();
            match app.analysis.tab {
                Tab::Retrieval => retrieval::show(app, ui),
                Tab::Tables => tables::show(app, ui),
                Tab::Charts => charts::show(app, ui),
                Tab::Search => corpus_search::show(app, ui),
            }
        });
    if !open {
        app.analysis.open = false;
    }
}

/// Runs a command of the window.
pub fn apply(app: &mut NormcoderApp, ctx: &Context, command: AnalysisCommand) {
    match command {
        AnalysisCommand::Open(tab) => {
            app.analysis.open = true;
            app.analysis.tab = tab;
        }
        AnalysisCommand::Reveal(i) => retrieval::reveal(app, ctx, i),
        AnalysisCommand::Step(forward) => retrieval::step(app, ctx, forward),
        AnalysisCommand::ExportRetrieval => {
            let csv = retrieval::csv(app);
            export(app, "segments.csv", "csv", csv);
        }
        AnalysisCommand::ExportTable => {
            let csv = tables::csv(app);
            let name = format!("{}.csv", app.analysis.tables.kind.file_stem());
            export(app, &name, "csv", csv);
        }
        AnalysisCommand::ExportChart => {
            let svg = charts::svg(app);
            let name = format!("{}.svg", app.analysis.chart.file_stem());
            export(
                app,
                &name,
                "svg",
                svg.map_err(|e| AnalysisError::Chart(e.to_string())),
            );
        }
        AnalysisCommand::Autocode(ticked) => corpus_search::autocode(app, ctx, ticked),
    }
}

/// Asks where to write the text of a table or chart, then writes it (see `files::save_text_as`).
fn export(
    app: &mut NormcoderApp,
    name: &str,
    extension: &str,
    content: Result<String, AnalysisError>,
) {
    super::files::save_text_as(app, name, extension, content.map_err(|e| e.to_string()));
}

/// A key-word-in-context line: the context around the passage, the passage in brackets, on one
/// line (retrieval and corpus-search rows).
fn kwic_line(before: &str, passage: &str, after: &str) -> String {
    format!("…{before}[{}]{after}…", passage.replace('\n', " "))
}
