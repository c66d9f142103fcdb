//! The charts tab, drawn with `egui_plot`: code frequencies as bars, the principle × actor
//! matrix as a heat map (colour by count, the count in each cell), codes by year as lines. The
//! same data is written as SVG by `crate::analysis::svg` for export.

use egui::{Color32, Ui};
use egui_plot::{Bar, BarChart, GridMark, Heatmap, Legend, Line, Plot, PlotPoint, Points};

use crate::analysis::cooccurrence::{Matrix, Rule};
use crate::analysis::frequency::code_counts;
use crate::analysis::matrix::principle_actor;
use crate::analysis::svg;
use crate::analysis::timeline::timeline;
use crate::model::{CodeId, Colour, Project};
use crate::ui::app::NormcoderApp;
use crate::ui::command::UiCommand;
use crate::ui::i18n::Tr;
use crate::ui::panels::colour32;

use super::AnalysisCommand;
use super::tables::rule_label;

/// Which chart is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ChartKind {
    #[default]
    Frequencies,
    HeatMap,
    Timeline,
}

impl ChartKind {
    const ALL: [Self; 3] = [Self::Frequencies, Self::HeatMap, Self::Timeline];

    fn label(self, t: &Tr) -> &'static str {
        match self {
            Self::Frequencies => t.bar_chart,
            Self::HeatMap => t.heat_map,
            Self::Timeline => t.timeline,
        }
    }

    /// The suggested export file name.
    #[must_use]
    pub fn file_stem(self) -> &'static str {
        match self {
            Self::Frequencies => "code-frequencies",
            Self::HeatMap => "principle-actor",
            Self::Timeline => "codes-by-year",
        }
    }
}

/// Bars of annotations per code, in codebook order, in the codes' colours.
fn frequency_bars(project: &Project) -> Vec<svg::Bar> {
    code_counts(project)
        .into_iter()
        .map(|c| {
            let colour = project.codebook().code(&c.id).map_or(
                Colour {
                    r: 90,
                    g: 90,
                    b: 90,
                },
                |code| code.colour,
            );
            (c.id.to_string(), c.annotations, colour)
        })
        .collect()
}

/// Codes used at least once, by year, with their colours.
fn year_lines(project: &Project) -> (Matrix, Vec<Colour>) {
    let used: Vec<CodeId> = project
        .codebook()
        .codes()
        .iter()
        .filter(|c| project.code_use_count(&c.id) > 0)
        .map(|c| c.id.clone())
        .collect();
    let colours = used
        .iter()
        .filter_map(|id| project.codebook().code(id).map(|c| c.colour))
        .collect();
    (timeline(project, &used), colours)
}

/// Grid marks at the centre of each category (bars, tiles).
fn category_marks(n: usize, offset: f64) -> Vec<GridMark> {
    (0..n)
        .map(|i| GridMark {
            value: i as f64 + offset,
            step_size: 1.0,
        })
        .collect()
}

/// The label of category `i` for an axis value near `i + offset`.
fn category_label(labels: &[String], value: f64, offset: f64) -> String {
    let i = (value - offset).round();
    if (value - offset - i).abs() > 0.01 || i < 0.0 {
        return String::new();
    }
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "checked ≥ 0 and integral"
    )]
    let index = i as usize;
    labels.get(index).cloned().unwrap_or_default()
}

pub(super) fn show(app: &mut NormcoderApp, ui: &mut Ui) {
    let t = app.tr();
    let Some(session) = &app.session else {
        return;
    };
    let project = session.project();
    let chart = &mut app.analysis.chart;
    let rule = &mut app.analysis.tables.rule;
    ui.horizontal(|ui| {
        egui::ComboBox::new("analysis-chart", t.chart)
            .selected_text(chart.label(t))
            .show_ui(ui, |ui| {
                for kind in ChartKind::ALL {
                    ui.selectable_value(chart, kind, kind.label(t));
                }
            });
        if *chart == ChartKind::HeatMap {
            egui::ComboBox::new("chart-rule", t.rule)
                .selected_text(rule_label(*rule, t))
                .show_ui(ui, |ui| {
                    for r in [Rule::Same, Rule::Overlap] {
                        ui.selectable_value(rule, r, rule_label(r, t));
                    }
                });
        }
        if ui.button(t.export_svg).clicked() {
            app.commands
                .push(UiCommand::Analysis(AnalysisCommand::ExportChart));
        }
    });
    match *chart {
        ChartKind::Frequencies => bars(ui, project),
        ChartKind::HeatMap => heat(ui, &principle_actor(project, *rule)),
        ChartKind::Timeline => {
            let (m, colours) = year_lines(project);
            ui.small(&m.note);
            lines(ui, &m, &colours);
        }
    }
}

fn bars(ui: &mut Ui, project: &Project) {
    let data = frequency_bars(project);
    let labels: Vec<String> = data.iter().map(|b| b.0.clone()).collect();
    let chart = BarChart::new(
        "annotations",
        data.iter()
            .enumerate()
            .map(|(i, (label, n, colour))| {
                Bar::new(i as f64, *n as f64)
                    .name(label)
                    .fill(colour32(*colour))
                    .width(0.7)
            })
            .collect(),
    );
    let n = labels.len();
    Plot::new("code-frequencies")
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .x_grid_spacer(move |_| category_marks(n, 0.0))
        .x_axis_formatter(move |mark, _| category_label(&labels, mark.value, 0.0))
        .include_y(0.0)
        .show(ui, |plot| plot.bar_chart(chart));
}

/// The heat-map colour of a count, as in the SVG export.
fn heat32(value: f64, max: usize) -> Color32 {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "counts are small non-negative integers"
    )]
    let v = value.round().max(0.0) as usize;
    colour32(svg::heat_colour(v, max))
}

fn heat(ui: &mut Ui, m: &Matrix) {
    let cols = m.cols.len();
    // Plot rows go upwards: reverse them so that the first code is on top.
    let values: Vec<f64> = m
        .cells
        .iter()
        .rev()
        .flat_map(|row| row.iter().map(|&v| v as f64))
        .collect();
    let max = m.max();
    let map = Heatmap::new(values, cols)
        .at(PlotPoint::new(0.0, 0.0))
        .tile_size(1.0, 1.0)
        .show_labels(true)
        .formatter(Box::new(|v| format!("{v:.0}")))
        .custom_mapping(Box::new(move |v| heat32(v, max)));
    let col_labels = m.cols.clone();
    let row_labels: Vec<String> = m.rows.iter().rev().map(ToString::to_string).collect();
    let rows = row_labels.len();
    ui.small(&m.note);
    Plot::new("principle-actor-heatmap")
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .show_grid(false)
        .data_aspect(1.0)
        .x_grid_spacer(move |_| category_marks(cols, 0.5))
        .y_grid_spacer(move |_| category_marks(rows, 0.5))
        .x_axis_formatter(move |mark, _| category_label(&col_labels, mark.value, 0.5))
        .y_axis_formatter(move |mark, _| category_label(&row_labels, mark.value, 0.5))
        .show(ui, |plot| plot.heatmap(map));
}

fn lines(ui: &mut Ui, m: &Matrix, colours: &[Colour]) {
    let years: Vec<f64> = m.cols.iter().filter_map(|y| y.parse().ok()).collect();
    Plot::new("codes-by-year")
        .legend(Legend::default())
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .include_y(0.0)
        .x_grid_spacer(move |input| {
            let (lo, hi) = input.bounds;
            #[expect(clippy::cast_possible_truncation, reason = "plot bounds around years")]
            let (a, b) = (lo.ceil() as i64, hi.floor() as i64);
            (a..=b)
                .map(|y| GridMark {
                    value: y as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .x_axis_formatter(|mark, _| format!("{:.0}", mark.value))
        .show(ui, |plot| {
            for (r, (code, cells)) in m.rows.iter().zip(&m.cells).enumerate() {
                let colour = colours.get(r).map_or(Color32::GRAY, |c| colour32(*c));
                let points: Vec<[f64; 2]> = years
                    .iter()
                    .zip(cells)
                    .map(|(y, n)| [*y, *n as f64])
                    .collect();
                plot.line(
                    Line::new(code.as_str(), points.clone())
                        .color(colour)
                        .width(2.0),
                );
                plot.points(Points::new(code.as_str(), points).color(colour).radius(4.0));
            }
        });
}

/// The chart shown, as SVG.
pub(super) fn svg(app: &NormcoderApp) -> std::io::Result<String> {
    let Some(session) = &app.session else {
        return Ok(String::new());
    };
    let project = session.project();
    let t = app.tr();
    match app.analysis.chart {
        ChartKind::Frequencies => svg::bar_chart(t.bar_chart, &frequency_bars(project)),
        ChartKind::HeatMap => svg::heatmap(
            t.heat_map,
            &principle_actor(project, app.analysis.tables.rule),
        ),
        ChartKind::Timeline => {
            let (m, colours) = year_lines(project);
            svg::timeline(t.timeline, &m, &colours)
        }
    }
}
