//! The charts tab, drawn with `egui_plot`: code frequencies as bars, the principle × actor
//! matrix as a heat map (colour by count, the count in each cell), codes by year as lines. The
//! same data is written as SVG by `crate::analysis::svg` for export.

use egui::{Color32, Ui};
use egui_plot::{
    AxisHints, Bar, BarChart, GridMark, Heatmap, Legend, Line, Plot, PlotPoint, Points, Text,
};

use super::tables::rule_label;
use crate::analysis::cooccurrence::{Matrix, Rule};
use crate::analysis::frequency::code_counts;
use crate::analysis::matrix::principle_actor;
use crate::analysis::svg;
use crate::analysis::timeline::timeline;
use crate::model::{CodeId, Colour, Project};
use crate::ui::command::{AnalysisCommand, UiCommand};
use crate::ui::context::Cx;
use crate::ui::i18n::Tr;
use crate::ui::panels::colour32;

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

pub(super) fn show(
    chart: &mut ChartKind,
    rule: &mut Rule,
    ui: &mut Ui,
    cx: &Cx<'_>,
    cmds: &mut Vec<UiCommand>,
) {
    let t = cx.tr();
    let Some(project) = cx.project() else {
        return;
    };
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
                    for r in Rule::ALL {
                        ui.selectable_value(rule, r, rule_label(r, t));
                    }
                });
        }
        if ui.button(t.export_svg).clicked() {
            cmds.push(UiCommand::Analysis(AnalysisCommand::ExportChart));
        }
    });
    match *chart {
        ChartKind::Frequencies => bars(ui, project, t),
        ChartKind::HeatMap => heat(ui, &principle_actor(project, *rule)),
        ChartKind::Timeline => {
            let (m, colours) = year_lines(project);
            ui.small(&m.note);
            lines(ui, &m, &colours, t);
        }
    }
}

/// Height of one category (a bar, a heat-map row) in points: enough for a label beside it.
const ROW_HEIGHT: f32 = 24.0;

/// Height of the timeline plot: the x axis must stay inside the window.
const TIMELINE_HEIGHT: f32 = 380.0;

/// Space the axes and margins take around the categories.
const PLOT_MARGIN: f32 = 70.0;

/// Axis hints for category labels: egui_plot hides labels closer than 60 points on the x axis
/// and 20 on the y axis by default, which hides every label of a chart with many categories.
fn category_axis<'a>(
    hints: AxisHints<'a>,
    labels: Vec<String>,
    offset: f64,
    ui: &Ui,
) -> AxisHints<'a> {
    hints
        .label_spacing(12.0..=14.0)
        .tick_label_font(egui::TextStyle::Small.resolve(ui.style()))
        .formatter(move |mark, _| category_label(&labels, mark.value, offset))
}

/// Horizontal bars, one row per code, first code on top, the count at the end of each bar; the
/// code ids sit on the y axis, where they have room.
fn bars(ui: &mut Ui, project: &Project, t: &Tr) {
    let data = frequency_bars(project);
    let n = data.len();
    // Plot rows go upwards: the first code gets the highest position.
    let position = |i: usize| (n - 1 - i) as f64;
    let labels: Vec<String> = data.iter().rev().map(|b| b.0.clone()).collect();
    let chart = BarChart::new(
        "annotations",
        data.iter()
            .enumerate()
            .map(|(i, (label, count, colour))| {
                Bar::new(position(i), *count as f64)
                    .name(label)
                    .fill(colour32(*colour))
                    .width(0.7)
            })
            .collect(),
    )
    .horizontal();
    let max = data.iter().map(|b| b.1).max().unwrap_or(0);
    let counts: Vec<Text> = data
        .iter()
        .enumerate()
        .map(|(i, (label, count, _))| {
            Text::new(
                label.clone(),
                PlotPoint::new(*count as f64, position(i)),
                format!(" {count}"),
            )
            .anchor(egui::Align2::LEFT_CENTER)
        })
        .collect();
    #[expect(clippy::cast_precision_loss, reason = "a handful of codes")]
    let height = n as f32 * ROW_HEIGHT + PLOT_MARGIN;
    let y_axis = category_axis(AxisHints::new_y(), labels, 0.0, ui);
    egui::ScrollArea::vertical()
        .id_salt("code-frequencies-scroll")
        .show(ui, |ui| {
            Plot::new("code-frequencies")
                .height(height)
                .allow_zoom(false)
                .allow_drag(false)
                .allow_scroll(false)
                .show_grid([true, false])
                .y_grid_spacer(move |_| category_marks(n, 0.0))
                .custom_y_axes(vec![y_axis])
                .x_axis_label(t.annotations)
                .include_x(0.0)
                // Room for the count after the longest bar.
                .include_x(max as f64 * 1.12 + 1.0)
                .show(ui, |plot| {
                    plot.bar_chart(chart);
                    for text in counts {
                        plot.text(text);
                    }
                });
        });
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

/// Column labels without the prefix they all share (`actor.state` → `state`), broken at hyphens
/// so that they fit under narrow tiles; the prefix becomes the axis title.
fn short_labels(ids: &[String]) -> (Vec<String>, String) {
    let prefix = ids
        .first()
        .and_then(|first| first.rfind('.').map(|dot| &first[..=dot]))
        .filter(|p| ids.iter().all(|id| id.starts_with(p) && id.len() > p.len()))
        .unwrap_or("");
    let labels = ids
        .iter()
        .map(|id| id[prefix.len()..].replace('-', "-\n"))
        .collect();
    (labels, prefix.trim_end_matches('.').to_owned())
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
    let (col_labels, col_title) = short_labels(&m.cols);
    let row_labels: Vec<String> = m.rows.iter().rev().map(ToString::to_string).collect();
    let rows = row_labels.len();
    ui.small(&m.note);
    let x_axis = category_axis(AxisHints::new_x(), col_labels, 0.5, ui).label(col_title);
    let y_axis = category_axis(AxisHints::new_y(), row_labels, 0.5, ui);
    #[expect(clippy::cast_precision_loss, reason = "a handful of codes")]
    let height = rows as f32 * ROW_HEIGHT * 1.5 + PLOT_MARGIN + 20.0;
    egui::ScrollArea::vertical()
        .id_salt("principle-actor-scroll")
        .show(ui, |ui| {
            Plot::new("principle-actor-heatmap")
                .height(height)
                .allow_zoom(false)
                .allow_drag(false)
                .allow_scroll(false)
                .show_grid(false)
                .x_grid_spacer(move |_| category_marks(cols, 0.5))
                .y_grid_spacer(move |_| category_marks(rows, 0.5))
                .custom_x_axes(vec![x_axis])
                .custom_y_axes(vec![y_axis])
                .show(ui, |plot| plot.heatmap(map));
        });
}

fn lines(ui: &mut Ui, m: &Matrix, colours: &[Colour], t: &Tr) {
    let years: Vec<f64> = m.cols.iter().filter_map(|y| y.parse().ok()).collect();
    // A year on each side, so that a corpus from a single year still has an axis to read.
    let first = years.iter().copied().fold(f64::INFINITY, f64::min);
    let last = years.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut plot = Plot::new("codes-by-year")
        .height(TIMELINE_HEIGHT)
        .y_axis_label(t.annotations)
        .legend(Legend::default());
    if first.is_finite() && last.is_finite() {
        plot = plot.include_x(first - 1.0).include_x(last + 1.0);
    }
    plot.allow_zoom(false)
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
pub(super) fn svg(
    project: &Project,
    t: &Tr,
    chart: ChartKind,
    rule: Rule,
) -> std::io::Result<String> {
    match chart {
        ChartKind::Frequencies => svg::bar_chart(t.bar_chart, &frequency_bars(project)),
        ChartKind::HeatMap => svg::heatmap(t.heat_map, &principle_actor(project, rule)),
        ChartKind::Timeline => {
            let (m, colours) = year_lines(project);
            svg::timeline(t.timeline, &m, &colours)
        }
    }
}
