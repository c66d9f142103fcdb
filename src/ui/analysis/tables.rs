//! The tables tab: every count of `crate::analysis` as a grid, with the counting rule under it
//! and a CSV export.

use egui::{RichText, Ui};

use crate::analysis::cooccurrence::{Rule, cooccurrence};
use crate::analysis::matrix::{Measure, code_document, principle_actor};
use crate::analysis::table::{Cell, Table};
use crate::analysis::{counts, timeline};
use crate::model::{CodeId, CoderId, Lang, Project};
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

/// What a table was computed for: kind, rule, coder, project state.
type Key = (TableKind, Rule, Option<CoderId>, u64);

/// The tab's choices and its table, cached for (kind, rule, coder, project state).
#[derive(Debug)]
pub struct TablesPanel {
    pub kind: TableKind,
    /// Starts at "same paragraph": principles and actors are usually coded on separate spans,
    /// so "same annotation" would show nearly all zeros for the question the table asks.
    pub rule: Rule,
    /// Only this coder's annotations are counted, when set (else every coder's, added up).
    pub coder: Option<CoderId>,
    cached: Option<(Key, Table)>,
}

impl Default for TablesPanel {
    fn default() -> Self {
        Self {
            kind: TableKind::default(),
            rule: Rule::Paragraph,
            coder: None,
            cached: None,
        }
    }
}

impl TablesPanel {
    /// The table drawn last, if any (what the user sees).
    #[must_use]
    pub fn shown(&self) -> Option<&Table> {
        self.cached.as_ref().map(|(_, t)| t)
    }

    /// The table shown (computed on the first call after a change).
    pub fn table(&mut self, project: &Project, state: u64) -> &Table {
        let key = (self.kind, self.rule, self.coder.clone(), state);
        let entry = match self.cached.take() {
            Some((k, table)) if k == key => (k, table),
            _ => {
                let table = match &self.coder {
                    Some(coder) => match crate::analysis::scope::one_coder(project, coder) {
                        Ok(scoped) => compute(&scoped, self.kind, self.rule),
                        Err(e) => Table {
                            header: Vec::new(),
                            rows: Vec::new(),
                            note: e.to_string(),
                        },
                    },
                    None => compute(project, self.kind, self.rule),
                };
                (key, table)
            }
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
    ui.horizontal_wrapped(|ui| {
        // Each caption before its choice, as a sentence reads.
        let caption = ui.label(t.table);
        egui::ComboBox::from_id_salt("analysis-table")
            .selected_text(panel.kind.label(t))
            .show_ui(ui, |ui| {
                for kind in TableKind::ALL {
                    ui.selectable_value(&mut panel.kind, kind, kind.label(t));
                }
            })
            .response
            .labelled_by(caption.id);
        if panel.kind.uses_rule() {
            let caption = ui.label(t.rule);
            egui::ComboBox::from_id_salt("analysis-rule")
                .selected_text(rule_label(panel.rule, t))
                .show_ui(ui, |ui| {
                    for rule in Rule::ALL {
                        ui.selectable_value(&mut panel.rule, rule, rule_label(rule, t));
                    }
                })
                .response
                .labelled_by(caption.id);
        }
        let caption = ui.label(t.coder);
        egui::ComboBox::from_id_salt("analysis-coder")
            .selected_text(panel.coder.as_ref().map_or(t.all_coders, CoderId::as_str))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut panel.coder, None, t.all_coders);
                for c in project.coders() {
                    ui.selectable_value(&mut panel.coder, Some(c.id.clone()), c.id.as_str())
                        .on_hover_text(&c.name);
                }
            })
            .response
            .labelled_by(caption.id);
        if ui.button(t.export_csv).clicked() {
            cmds.push(UiCommand::Analysis(AnalysisCommand::ExportTable));
        }
    });
    let table = panel.table(project, cx.state());
    // The counting rule, at reading size: it says what the numbers mean.
    ui.add(egui::Label::new(&table.note).wrap());
    ui.separator();
    draw(ui, table, project, cx.lang);
}

/// A code's label in the interface language when `text` is a code id (the id on hover), else
/// the text itself.
fn shown(text: &str, project: &Project, lang: Lang) -> (String, Option<String>) {
    CodeId::new(text)
        .ok()
        .and_then(|id| {
            project
                .codebook()
                .code(&id)
                .map(|c| c.label.get(lang).to_owned())
        })
        .map_or_else(
            || (text.to_owned(), None),
            |label| (label, Some(text.to_owned())),
        )
}

/// The table as a striped grid, counts right-aligned, codes by their labels (ids on hover; the
/// CSV keeps ids).
pub fn draw(ui: &mut Ui, table: &Table, project: &Project, lang: Lang) {
    let label = |ui: &mut Ui, text: &str, strong: bool| {
        let (words, id) = shown(text, project, lang);
        let rich = if strong {
            RichText::new(words).strong()
        } else {
            RichText::new(words)
        };
        let response = ui.label(rich);
        if let Some(id) = id {
            response.on_hover_text(id);
        }
    };
    egui::ScrollArea::both()
        .id_salt("analysis-table-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("analysis-table-grid")
                .striped(true)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    for h in &table.header {
                        label(ui, h, true);
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
                                Cell::Text(s) => label(ui, s, false),
                            }
                        }
                        ui.end_row();
                    }
                });
        });
}
