//! The seminar tab: a reference coder (the teacher), and for every student their agreement with
//! the reference per code (α, αu, κ, percent both ways, from `team::seminar::seminar`), the
//! passages they missed and the ones they coded in addition (a click shows the passage), and the
//! shareable HTML page (`team::html::render`) through the picker.

use egui::{RichText, Ui};

use crate::analysis::agreement::{Measures, Unit};
use crate::model::{CharSpan, CoderId, Lang, Project};
use crate::team::seminar::{Passage, SeminarReport, StudentReport, seminar};
use crate::ui::command::{TeamCommand, UiCommand};
use crate::ui::context::Cx;
use crate::ui::i18n::Tr;
use crate::ui::panels::code_swatch;

use super::{format_alpha, format_percent, unit_label};

/// What a report was computed for: history state, reference, unit.
type Key = (u64, CoderId, Unit);

/// The tab's choices and its report.
#[derive(Debug, Default)]
pub struct SeminarPanel {
    /// `None`: the first coder with annotations.
    pub reference: Option<CoderId>,
    pub unit: Unit,
    cached: Option<(Key, Result<SeminarReport, String>)>,
}

impl SeminarPanel {
    /// The reference coder (the chosen one, or the first coder with annotations).
    #[must_use]
    pub fn reference(&self, project: &Project) -> Option<CoderId> {
        if let Some(r) = &self.reference
            && project.coder(r).is_some()
        {
            return Some(r.clone());
        }
        project
            .coders()
            .find(|c| project.annotations().any(|a| a.coder() == &c.id))
            .map(|c| c.id.clone())
    }

    /// The report shown, if any.
    #[must_use]
    pub fn shown(&self) -> Option<&SeminarReport> {
        self.cached.as_ref().and_then(|(_, r)| r.as_ref().ok())
    }

    /// Recomputes the report when the project, reference or unit changed.
    pub fn refresh(&mut self, project: &Project, state: u64) {
        let Some(reference) = self.reference(project) else {
            self.cached = None;
            return;
        };
        let key = (state, reference, self.unit);
        if self.cached.as_ref().is_some_and(|(k, _)| *k == key) {
            return;
        }
        let report = seminar(project, &key.1, None, key.2, None).map_err(|e| e.to_string());
        self.cached = Some((key, report));
    }
}

fn kappa(m: &Measures) -> Option<f64> {
    m.kappa.values().next().copied().flatten()
}

pub(super) fn show(panel: &mut SeminarPanel, ui: &mut Ui, cx: &Cx<'_>, cmds: &mut Vec<UiCommand>) {
    let t = cx.tr();
    let lang = cx.lang;
    let Some(project) = cx.project() else {
        return;
    };
    let state = cx.state();
    let reference = panel.reference(project);
    ui.horizontal(|ui| {
        egui::ComboBox::new("team-seminar-reference", t.reference_coder)
            .selected_text(reference.as_ref().map_or("", CoderId::as_str))
            .show_ui(ui, |ui| {
                for c in project.coders() {
                    if ui
                        .selectable_label(reference.as_ref() == Some(&c.id), c.id.as_str())
                        .clicked()
                    {
                        panel.reference = Some(c.id.clone());
                    }
                }
            });
        egui::ComboBox::new("team-seminar-unit", t.unit)
            .selected_text(unit_label(panel.unit, t))
            .show_ui(ui, |ui| {
                for unit in Unit::ALL {
                    ui.selectable_value(&mut panel.unit, unit, unit_label(unit, t));
                }
            });
        if ui.button(t.save_html_report).clicked() {
            cmds.push(UiCommand::Team(TeamCommand::SaveSeminarHtml));
        }
    });
    panel.refresh(project, state);
    ui.separator();
    let report = match panel.cached.as_ref().map(|(_, r)| r) {
        Some(Ok(r)) => r,
        Some(Err(e)) => {
            ui.colored_label(ui.visuals().warn_fg_color, e);
            return;
        }
        None => return,
    };
    let mut reveal = None;
    egui::ScrollArea::vertical()
        .id_salt("team-seminar")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for s in &report.students {
                let title = match &s.agreement {
                    Some(a) => format!(
                        "{}{} {} · α {} · κ {} · {} {}",
                        t.student,
                        t.colon,
                        s.student,
                        format_alpha(a.pooled.alpha, t),
                        format_alpha(kappa(&a.pooled), t),
                        format_percent(a.pooled.percent_coded, t),
                        t.of_coded_units
                    ),
                    None => format!("{}{} {}", t.student, t.colon, s.student),
                };
                egui::CollapsingHeader::new(RichText::new(title).strong())
                    .id_salt(("team-seminar-student", s.student.as_str()))
                    .default_open(true)
                    .show(ui, |ui| student(ui, project, s, t, lang, &mut reveal));
            }
        });
    if let Some(cmd) = reveal {
        cmds.push(cmd);
    }
}

/// One student's table and passages.
fn student(
    ui: &mut Ui,
    project: &Project,
    s: &StudentReport,
    t: &Tr,
    lang: Lang,
    reveal: &mut Option<UiCommand>,
) {
    let Some(a) = &s.agreement else {
        ui.label(s.problem.clone().unwrap_or_default());
        return;
    };
    egui::Grid::new(("team-seminar-grid", s.student.as_str()))
        .striped(true)
        .spacing([14.0, 3.0])
        .show(ui, |ui| {
            for h in [t.code, "α", "αu", "κ", t.percent_all, t.percent_coded] {
                ui.strong(h);
            }
            ui.end_row();
            let rows = a
                .codes
                .iter()
                .filter_map(|c| a.per_code.get(c).map(|m| (Some(c), m)))
                .chain(std::iter::once((None, &a.pooled)));
            for (code, m) in rows {
                match code.and_then(|c| project.codebook().code(c)) {
                    Some(c) => {
                        ui.horizontal(|ui| {
                            code_swatch(ui, c);
                            ui.label(c.id.as_str()).on_hover_text(c.label.get(lang));
                        });
                    }
                    None => {
                        ui.strong(t.pooled);
                    }
                }
                ui.label(format_alpha(m.alpha, t));
                ui.label(format_alpha(m.alpha_u, t));
                ui.label(format_alpha(kappa(m), t));
                ui.label(format_percent(m.percent_all, t));
                ui.label(format_percent(m.percent_coded, t));
                ui.end_row();
            }
        });
    passages(ui, t, t.missed, &s.missed, reveal);
    passages(ui, t, t.extra, &s.extra, reveal);
}

/// A list of passages; a click asks to show the passage in its document.
fn passages(ui: &mut Ui, t: &Tr, heading: &str, list: &[Passage], reveal: &mut Option<UiCommand>) {
    ui.label(RichText::new(format!("{heading} ({})", list.len())).strong());
    if list.is_empty() {
        ui.label(RichText::new(t.none).weak());
    }
    for p in list {
        let mut quote: String = p.quote.replace('\n', " ");
        if quote.chars().count() > 140 {
            quote = quote.chars().take(140).collect::<String>() + "…";
        }
        let text = format!(
            "{} · {} · {}{quote}{}",
            p.doc, p.code, t.quote_open, t.quote_close
        );
        if ui.selectable_label(false, text).clicked()
            && let Ok(span) = CharSpan::new(p.start, p.end)
        {
            *reveal = Some(UiCommand::Reveal(p.doc.clone(), span));
        }
    }
}

impl SeminarPanel {
    /// The seminar report as a self-contained HTML page.
    pub fn html(&mut self, project: &Project, state: u64, t: &Tr) -> Result<String, String> {
        self.refresh(project, state);
        let Some(report) = self.shown() else {
            return Err(t.computing.to_owned());
        };
        let generated = format!(
            "Generated by Normcoder {} on {}.",
            env!("CARGO_PKG_VERSION"),
            chrono::Utc::now().format("%Y-%m-%d %H:%M UTC")
        );
        crate::team::html::render(project, report, &generated).map_err(|e| e.to_string())
    }
}
