//! The agreement tab: coders, unit and an optional bootstrap interval, then every measure per code
//! and pooled, with the statement of what was measured under the table, and a CSV export.

use std::collections::BTreeSet;

use egui::{Context, Ui};

use crate::analysis::agreement::{
    self, AgreementReport, BootstrapOptions, Measures, Options, Selection, Unit,
};
use crate::model::{CodeId, CoderId, Project};
use crate::ui::command::{TeamCommand, UiCommand};
use crate::ui::context::Cx;
use crate::ui::i18n::Tr;
use crate::ui::panels::code_swatch;
use crate::ui::worker::Job;

use super::unit_label;

/// What a report was computed for: the project's history state and the options.
type Key = (u64, Options);

/// The outcome of one computation (errors in words).
type Outcome = Result<AgreementReport, String>;

/// The tab's choices and its report, cached for (project state, options).
#[derive(Debug, Default)]
pub struct AgreementPanel {
    /// Ticked coders; `None` until the user changes them: the library's default (every coder with
    /// at least one annotation).
    pub coders: Option<BTreeSet<CoderId>>,
    pub unit: Unit,
    /// Compute a bootstrap 95 % interval for α (on a worker thread).
    pub interval: bool,
    cached: Option<(Key, Outcome)>,
    pending: Option<(Key, Job<Outcome>)>,
}

impl AgreementPanel {
    /// The library request for the current choices.
    #[must_use]
    pub fn options(&self) -> Options {
        Options {
            selection: Selection {
                coders: self.coders.as_ref().map(|s| s.iter().cloned().collect()),
                ..Selection::default()
            },
            unit: self.unit,
            bootstrap: self.interval.then(BootstrapOptions::default),
        }
    }

    /// The report drawn last, if any (what the user sees).
    #[must_use]
    pub fn shown(&self) -> Option<&AgreementReport> {
        self.cached.as_ref().and_then(|(_, r)| r.as_ref().ok())
    }

    /// Whether a computation is running on the worker thread.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.pending.is_some()
    }

    /// Brings the report up to date: at once without bootstrap, else on a worker thread (the
    /// result is picked up on a later frame).
    pub fn refresh(&mut self, project: &Project, state: u64, ctx: &Context) {
        let key = (state, self.options());
        if self.cached.as_ref().is_some_and(|(k, _)| *k == key) {
            self.pending = None;
            return;
        }
        if let Some((k, job)) = &mut self.pending {
            if *k == key {
                if let Some(done) = job.poll() {
                    let outcome = done.unwrap_or_else(|e| Err(e.to_string()));
                    self.cached = Some((key, outcome));
                    self.pending = None;
                }
                return;
            }
            // The choices changed while it ran: dropping the job cancels it.
            self.pending = None;
        }
        if key.1.bootstrap.is_none() {
            let outcome = agreement::compute(project, &key.1).map_err(|e| e.to_string());
            self.cached = Some((key, outcome));
            return;
        }
        let project = project.clone();
        let options = key.1.clone();
        match Job::spawn("agreement", ctx, move |_| {
            agreement::compute(&project, &options).map_err(|e| e.to_string())
        }) {
            Ok(job) => self.pending = Some((key, job)),
            Err(e) => self.cached = Some((key, Err(e.to_string()))),
        }
    }
}

/// The coders who made at least one annotation: the library's default selection.
#[must_use]
pub fn default_coders(project: &Project) -> BTreeSet<CoderId> {
    project.annotations().map(|a| a.coder().clone()).collect()
}

/// A number with the interface language's decimal separator (`0.551`, `0,551`).
fn decimal(v: f64, digits: usize, t: &Tr) -> String {
    format!("{v:.digits$}").replace('.', t.decimal_separator)
}

/// α, αu or κ with three decimals, or "undefined" (never 0).
#[must_use]
pub fn format_alpha(x: Option<f64>, t: &Tr) -> String {
    x.map_or_else(|| t.undefined.to_owned(), |v| decimal(v, 3, t))
}

/// A percentage with one decimal, or a dash.
#[must_use]
pub fn format_percent(x: Option<f64>, t: &Tr) -> String {
    x.map_or_else(
        || "–".to_owned(),
        |v| format!("{}\u{a0}%", decimal(v, 1, t)),
    )
}

fn format_interval(ci: Option<[f64; 2]>, t: &Tr) -> String {
    ci.map_or_else(
        || "–".to_owned(),
        |[a, b]| format!("{} – {}", decimal(a, 3, t), decimal(b, 3, t)),
    )
}

/// The κ columns: Cohen's per pair, and Fleiss' for three coders or more.
fn kappa_keys(report: &AgreementReport) -> Vec<String> {
    let mut keys = Vec::new();
    for (i, a) in report.coders.iter().enumerate() {
        for b in report.coders.iter().skip(i + 1) {
            keys.push(format!("{a}|{b}"));
        }
    }
    keys
}

/// Rows in codebook order, then the pooled row (`None` as code).
fn rows(report: &AgreementReport) -> Vec<(Option<&CodeId>, &Measures)> {
    report
        .codes
        .iter()
        .filter_map(|c| report.per_code.get(c).map(|m| (Some(c), m)))
        .chain(std::iter::once((None, &report.pooled)))
        .collect()
}

fn controls(panel: &mut AgreementPanel, ui: &mut Ui, cx: &Cx<'_>, cmds: &mut Vec<UiCommand>) {
    let t = cx.tr();
    let Some(project) = cx.project() else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(t.coders);
        let ticked = panel
            .coders
            .clone()
            .unwrap_or_else(|| default_coders(project));
        if let Some(set) = super::coder_checkboxes(ui, project, &ticked) {
            panel.coders = Some(set);
        }
    });
    ui.horizontal(|ui| {
        egui::ComboBox::new("team-agreement-unit", t.unit)
            .selected_text(unit_label(panel.unit, t))
            .show_ui(ui, |ui| {
                for unit in Unit::ALL {
                    ui.selectable_value(&mut panel.unit, unit, unit_label(unit, t));
                }
            });
        ui.checkbox(&mut panel.interval, t.confidence_interval);
        if ui.button(t.export_csv).clicked() {
            cmds.push(UiCommand::Team(TeamCommand::ExportAgreement));
        }
    });
}

pub(super) fn show(
    panel: &mut AgreementPanel,
    ui: &mut Ui,
    cx: &Cx<'_>,
    cmds: &mut Vec<UiCommand>,
) {
    controls(panel, ui, cx, cmds);
    let t = cx.tr();
    let lang = cx.lang;
    let Some(project) = cx.project() else {
        return;
    };
    panel.refresh(project, cx.state(), ui.ctx());
    let panel = &*panel;
    ui.separator();
    if panel.busy() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(t.computing);
        });
        return;
    }
    let report = match panel.cached.as_ref().map(|(_, r)| r) {
        Some(Ok(r)) => r,
        Some(Err(e)) => {
            ui.colored_label(ui.visuals().warn_fg_color, e);
            return;
        }
        None => return,
    };
    let keys = kappa_keys(report);
    let fleiss = report.coders.len() >= 3;
    let ci = report.bootstrap.is_some();
    egui::ScrollArea::both()
        .id_salt("team-agreement-table")
        .max_height(ui.available_height() - 110.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            egui::Grid::new("team-agreement-grid")
                .striped(true)
                .spacing([14.0, 4.0])
                .show(ui, |ui| {
                    ui.strong(t.code);
                    ui.strong("α");
                    if ci {
                        ui.strong("95 %");
                    }
                    ui.strong("αu");
                    for k in &keys {
                        ui.strong(format!("κ {k}"));
                    }
                    if fleiss {
                        ui.strong("Fleiss κ");
                    }
                    ui.strong(t.percent_all);
                    ui.strong(t.percent_coded);
                    ui.strong(t.units);
                    ui.strong(t.units_coded);
                    ui.end_row();
                    for (code, m) in rows(report) {
                        match code {
                            Some(id) => {
                                ui.horizontal(|ui| {
                                    if let Some(c) = project.codebook().code(id) {
                                        code_swatch(ui, c);
                                        ui.label(id.as_str()).on_hover_text(c.label.get(lang));
                                    } else {
                                        ui.label(id.as_str());
                                    }
                                });
                            }
                            None => {
                                ui.strong(t.pooled);
                            }
                        }
                        ui.label(format_alpha(m.alpha, t));
                        if ci {
                            ui.label(format_interval(m.alpha_ci95, t));
                        }
                        ui.label(format_alpha(m.alpha_u, t));
                        for k in &keys {
                            ui.label(format_alpha(m.kappa.get(k).copied().flatten(), t));
                        }
                        if fleiss {
                            ui.label(format_alpha(m.fleiss_kappa, t));
                        }
                        ui.label(format_percent(m.percent_all, t));
                        ui.label(format_percent(m.percent_coded, t));
                        ui.label(m.units.to_string());
                        ui.label(m.units_coded.to_string());
                        ui.end_row();
                    }
                });
        });
    ui.separator();
    for line in statement(report, t) {
        ui.label(line);
    }
}

/// What was measured and what was left out, in words, exactly from the report.
#[must_use]
pub fn statement(report: &AgreementReport, t: &Tr) -> Vec<String> {
    let list = |v: Vec<String>| {
        if v.is_empty() {
            t.none.to_owned()
        } else {
            v.join(", ")
        }
    };
    let c = t.colon;
    let units = report.per_code.values().next().map_or(0, |m| m.units);
    let mut lines = vec![format!(
        "{}{c} {} {} · {units} {} · {} {} · {}{c} {} · {}{c} {} · {} {}",
        t.measured,
        t.unit_is,
        unit_label(report.unit, t),
        t.units_compared,
        report.characters,
        t.characters,
        t.coders,
        list(report.coders.iter().map(ToString::to_string).collect()),
        t.documents,
        list(report.documents.iter().map(ToString::to_string).collect()),
        report.codes.len(),
        t.codes_compared,
    )];
    for d in &report.excluded.documents {
        let who: Vec<String> = d.not_coded_by.iter().map(ToString::to_string).collect();
        let why = if who.is_empty() {
            t.not_selected.to_owned()
        } else {
            format!("{} {}", t.no_annotation_by, who.join(", "))
        };
        lines.push(format!(
            "{}{c} {} {} ({why})",
            t.excluded, t.excluded_document, d.id
        ));
    }
    if !report.excluded.codes.is_empty() {
        lines.push(format!(
            "{}{c} {} {}",
            t.excluded,
            report.excluded.codes.len(),
            t.excluded_codes
        ));
    }
    if !report.excluded.coders.is_empty() {
        let who = list(
            report
                .excluded
                .coders
                .iter()
                .map(ToString::to_string)
                .collect(),
        );
        lines.push(format!("{}{c} {who} ({})", t.excluded, t.excluded_coders));
    }
    if let Some(b) = report.bootstrap {
        lines.push(format!("{} {} {}", b.replicates, t.bootstrap_note, b.seed));
    }
    lines
}

/// The table shown, as CSV (numbers in full precision, empty where undefined).
pub(super) fn csv(panel: &AgreementPanel, t: &Tr) -> Result<String, String> {
    let Some(report) = panel.shown() else {
        return Err(t.computing.to_owned());
    };
    let keys = kappa_keys(report);
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = ["code", "units", "units_coded", "alpha"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    if report.bootstrap.is_some() {
        header.push("alpha_ci_low".to_owned());
        header.push("alpha_ci_high".to_owned());
    }
    header.push("alpha_u".to_owned());
    header.extend(keys.iter().map(|k| format!("kappa_{k}")));
    if report.coders.len() >= 3 {
        header.push("fleiss_kappa".to_owned());
    }
    header.push("percent_all".to_owned());
    header.push("percent_coded".to_owned());
    w.write_record(&header).map_err(|e| e.to_string())?;
    let n = |x: Option<f64>| x.map_or_else(String::new, |v| v.to_string());
    for (code, m) in rows(report) {
        let mut record = vec![
            code.map_or_else(|| "(pooled)".to_owned(), ToString::to_string),
            m.units.to_string(),
            m.units_coded.to_string(),
            n(m.alpha),
        ];
        if report.bootstrap.is_some() {
            record.push(n(m.alpha_ci95.map(|c| c[0])));
            record.push(n(m.alpha_ci95.map(|c| c[1])));
        }
        record.push(n(m.alpha_u));
        record.extend(keys.iter().map(|k| n(m.kappa.get(k).copied().flatten())));
        if report.coders.len() >= 3 {
            record.push(n(m.fleiss_kappa));
        }
        record.push(n(m.percent_all));
        record.push(n(m.percent_coded));
        w.write_record(&record).map_err(|e| e.to_string())?;
    }
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}
