//! The tables tab: every count of `crate::analysis` as a grid, with the counting rule under it
//! and a CSV export.

use egui::{RichText, Ui};

use crate::analysis::cooccurrence::{Rule, cooccurrence};
use crate::analysis::matrix::{Measure, code_document, principle_actor};
use crate::analysis::table::{Cell, Table};
use crate::analysis::{counts, timeline};
use crate::model::{CodeId, Project};
use crate::ui::command::{AnalysisCommand, UiCommand};
use crate::ui::context::Cx;
use crate::ui::i18n::Tr;

/// Which table is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TableKind {
    #[default]
    PrincipleActor,
    Codes,
    Documents,
    Coders,
    Cooccurrence,
    CodeDocument,
    ByYear,
}

impl TableKind {
    const ALL: [Self; 7] = [
        Self::PrincipleActor,
        Self::Codes,
        Self::Documents,
        Self::Coders,
        Self::Cooccurrence,
        Self::CodeDocument,
        Self::ByYear,
    ];

    fn label(self, t: &Tr) -> &'static str {
        match self {
            Self::PrincipleActor => t.principle_actor,
            Self::Codes => t.per_code,
            Self::Documents => t.per_document,
            Self::Coders => t.per_coder,
            Self::Cooccurrence => t.cooccurrence,
            Self::CodeDocument => t.code_document,
            Self::ByYear => t.by_year,
        }
    }

    /// The suggested export file name.
    #[must_use]
    pub fn file_stem(self) -> &'static str {
        match self {
            Self::PrincipleActor => "principle-actor",
            Self::Codes => "codes",
            Self::Documents => "documents",
            Self::Coders => "coders",
            Self::Cooccurrence => "cooccurrence",
            Self::CodeDocument => "code-document",
            Self::ByYear => "by-year",
        }
    }

    /// Whether the table depends on the co-occurrence rule.
    fn uses_rule(self) -> bool {
        matches!(self, Self::PrincipleActor | Self::Cooccurrence)
    }
}

/// The rule's words in the interface.
pub fn rule_label(rule: Rule, t: &Tr) -> &'static str {
    match rule {
        Rule::Same => t.rule_same,
        Rule::Overlap => t.rule_overlap,
        Rule::Paragraph => t.rule_paragraph,
    }
}

/// The tab's choices and its table, cached for (kind, rule, project state).
#[derive(Debug, Default)]
pub struct TablesPanel {
    pub kind: TableKind,
    pub rule: Rule,
    cached: Option<((TableKind, Rule, u64), Table)>,
}

impl TablesPanel {
    /// The table drawn last, if any (what the user sees).
    #[must_use]
    pub fn shown(&self) -> Option<&Table> {
        self.cached.as_ref().map(|(_, t)| t)
    }

    /// The table shown (computed on the first call after a change).
    pub fn table(&mut self, project: &Project, state: u64) -> &Table {
        let key = (self.kind, self.rule, state);
        let entry = match self.cached.take() {
            Some((k, table)) if k == key => (k, table),
            _ => (key, compute(project, self.kind, self.rule)),
        };
        &self.cached.insert(entry).1
    }
}

fn compute(project: &Project, kind: TableKind, rule: Rule) -> Table {
    let all: Vec<CodeId> = project
        .codebook()
        .codes()
        .iter()
        .map(|c| c.id.clone())
        .collect();
    match kind {
        TableKind::PrincipleActor => principle_actor(project, rule).to_table(),
        TableKind::Codes => counts::by_code(project),
        TableKind::Documents => counts::by_document(project),
        TableKind::Coders => counts::by_coder(project),
        TableKind::Cooccurrence => cooccurrence(project, &all, rule).to_table(),
        TableKind::CodeDocument => code_document(project, &all, Measure::Annotations).to_table(),
        TableKind::ByYear => timeline::by_attribute(project, "year"),
    }
}

pub(super) fn show(panel: &mut TablesPanel, ui: &mut Ui, cx: &Cx<'_>, cmds: &mut Vec<UiCommand>) {
    let t = cx.tr();
    let Some(project) = cx.project() else {
        return;
    };
    ui.horizontal(|ui| {
        egui::ComboBox::new("analysis-table", t.table)
            .selected_text(panel.kind.label(t))
            .show_ui(ui, |ui| {
                for kind in TableKind::ALL {
                    ui.selectable_value(&mut panel.kind, kind, kind.label(t));
                }
            });
        if panel.kind.uses_rule() {
            egui::ComboBox::new("analysis-rule", t.rule)
                .selected_text(rule_label(panel.rule, t))
                .show_ui(ui, |ui| {
                    for rule in Rule::ALL {
                        ui.selectable_value(&mut panel.rule, rule, rule_label(rule, t));
                    }
                });
        }
        if ui.button(t.export_csv).clicked() {
            cmds.push(UiCommand::Analysis(AnalysisCommand::ExportTable));
        }
    });
    let table = panel.table(project, cx.state());
    ui.label(RichText::new(&table.note).small());
    ui.separator();
    draw(ui, table);
}

/// The table as a striped grid, counts right-aligned.
pub fn draw(ui: &mut Ui, table: &Table) {
    egui::ScrollArea::both()
        .id_salt("analysis-table-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("analysis-table-grid")
                .striped(true)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    for h in &table.header {
                        ui.label(RichText::new(h).strong());
                    }
                    ui.end_row();
                    for row in &table.rows {
                        for cell in row {
                            match cell {
                                Cell::Count(n) => {
                                    ui.with_layout(
                                        egui::Layout::right_to_left(egui::Align::Center),
                                        |ui| ui.label(n.to_string()),
                                    );
                                }
                                Cell::Text(s) => {
                                    ui.label(s);
                                }
                            }
                        }
                        ui.end_row();
                    }
                });
        });
}
