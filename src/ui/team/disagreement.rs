//! The disagreement view: one document's text, paragraph by paragraph, with one coloured lane per
//! coder under every line (`team::lanes::segments`), the places where the coders differ
//! highlighted (`disagreement::places`), a list of those places with next/previous keys
//! (F9 / Shift+F9), and "Accept the coding of …" buttons that copy one coder's annotations at the
//! current place into a consensus coder as one undoable `Action::Batch`.

use std::collections::{BTreeMap, BTreeSet};

use egui::text::{LayoutJob, TextFormat};
use egui::{Align, Color32, FontId, Rect, RichText, Sense, Ui, pos2, vec2};

use crate::analysis::agreement::disagreement::{self, Kind, Place};
use crate::model::{Annotation, CodeId, CoderId, DocId, Project};
use crate::team::lanes::{self, Segment};
use crate::ui::command::{Command, TeamCommand, UiCommand};
use crate::ui::context::Cx;
use crate::ui::i18n::Tr;
use crate::ui::panels::readable;

/// The consensus coder's id unless the user types another.
pub const DEFAULT_CONSENSUS: &str = "consensus";

/// Height of one coder's lane, in points.
const LANE: f32 = 4.0;

/// What the places were computed for: history state, document, coders.
type Key = (u64, DocId, Vec<CoderId>);

/// The tab's choices, the places of disagreement and the current one.
#[derive(Debug)]
pub struct DisagreementPanel {
    /// `None`: the first document that two coders coded.
    pub document: Option<DocId>,
    /// Ticked coders; `None`: every coder with annotations in the document but the consensus.
    pub coders: Option<BTreeSet<CoderId>>,
    /// Id and name of the consensus coder (created on the first "accept").
    pub consensus_id: String,
    pub consensus_name: String,
    /// Places of disagreement in text order, for the coders and document compared.
    pub places: Vec<Place>,
    /// The place shown (index into `places`).
    pub current: Option<usize>,
    /// The document cut at every compared coder's boundary.
    pub segments: Vec<Segment>,
    /// The document's lines: byte range and first character, found once per computation rather
    /// than by scanning the whole text every frame.
    paragraphs: Vec<(std::ops::Range<usize>, usize)>,
    computed_for: Option<Key>,
    scroll_to_current: bool,
    /// Height of every paragraph as last laid out, and what for (document, width, lanes): a
    /// paragraph out of view is skipped with its known height instead of being laid out again.
    heights: Option<((DocId, u32, usize), Vec<f32>)>,
}

impl Default for DisagreementPanel {
    fn default() -> Self {
        Self {
            document: None,
            coders: None,
            consensus_id: DEFAULT_CONSENSUS.to_owned(),
            consensus_name: "Consensus".to_owned(),
            places: Vec::new(),
            current: None,
            segments: Vec::new(),
            paragraphs: Vec::new(),
            computed_for: None,
            scroll_to_current: false,
            heights: None,
        }
    }
}

impl DisagreementPanel {
    /// The document compared (the chosen one, or the first that two coders coded).
    #[must_use]
    pub fn document(&self, project: &Project) -> Option<DocId> {
        if let Some(d) = &self.document
            && project.document(d).is_some()
        {
            return Some(d.clone());
        }
        project
            .documents()
            .find(|d| self.default_coders(project, d.id()).len() >= 2)
            .or_else(|| project.documents().next())
            .map(|d| d.id().clone())
    }

    /// Every coder with annotations in `doc`, but the consensus coder.
    fn default_coders(&self, project: &Project, doc: &DocId) -> BTreeSet<CoderId> {
        project
            .annotations_in(doc)
            .map(|a| a.coder().clone())
            .filter(|c| c.as_str() != self.consensus_id)
            .collect()
    }

    /// The coders compared, in id order.
    #[must_use]
    pub fn compared(&self, project: &Project, doc: &DocId) -> Vec<CoderId> {
        self.coders
            .clone()
            .unwrap_or_else(|| self.default_coders(project, doc))
            .into_iter()
            .filter(|c| project.coder(c).is_some())
            .collect()
    }

    /// Recomputes places and lanes when the project, document or coders changed.
    pub fn refresh(&mut self, project: &Project, state: u64) {
        let Some(doc_id) = self.document(project) else {
            self.places.clear();
            self.segments.clear();
            self.current = None;
            return;
        };
        let coders = self.compared(project, &doc_id);
        let key = (state, doc_id.clone(), coders.clone());
        if self.computed_for.as_ref() == Some(&key) {
            return;
        }
        let same_text = self
            .computed_for
            .as_ref()
            .is_some_and(|(_, d, c)| *d == doc_id && *c == coders);
        let Some(doc) = project.document(&doc_id) else {
            return;
        };
        let used: BTreeSet<&CodeId> = project
            .annotations_in(&doc_id)
            .filter(|a| coders.contains(a.coder()))
            .flat_map(Annotation::codes)
            .collect();
        let compared_codes: Vec<CodeId> = project
            .codebook()
            .codes()
            .iter()
            .map(|c| &c.id)
            .filter(|c| used.contains(c))
            .cloned()
            .collect();
        self.places = disagreement::places(project, doc, &coders, &compared_codes);
        self.segments = lanes::segments(project, doc, &coders);
        self.paragraphs.clear();
        let (mut byte, mut char) = (0, 0);
        for line in doc.text().split('\n') {
            self.paragraphs.push((byte..byte + line.len(), char));
            byte += line.len() + 1;
            char += line.chars().count() + 1;
        }
        // After an edit the list keeps its place; after another choice it starts again.
        self.current = if same_text {
            self.current
                .map(|i| i.min(self.places.len().saturating_sub(1)))
                .filter(|_| !self.places.is_empty())
        } else {
            None
        };
        self.computed_for = Some(key);
    }
}

/// A kind of place in words.
fn kind_label(kind: Kind, t: &Tr) -> &'static str {
    match kind {
        Kind::Boundary => t.kind_boundary,
        Kind::DifferentCode => t.kind_different_code,
        Kind::CodedBySomeOnly => t.kind_some_only,
    }
}

/// The line of the list for a place: its number, code, kind, who coded it and the words
/// themselves (the first 60 characters, on one line), so that a place is recognised by what it
/// says rather than by offsets. `doc` is the document the place is in.
#[must_use]
pub fn place_label(i: usize, p: &Place, doc: &crate::model::Document, t: &Tr) -> String {
    let by: Vec<&str> = p.coded_by.iter().map(CoderId::as_str).collect();
    let words = crate::model::CharSpan::new(p.start, p.end)
        .ok()
        .and_then(|span| doc.slice(span).ok())
        .unwrap_or_default();
    let flat = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let quote = if flat.chars().count() > 60 {
        format!("{}…", flat.chars().take(60).collect::<String>())
    } else {
        flat
    };
    format!(
        "{}. {} · {} · {} « {quote} »",
        i + 1,
        p.code,
        kind_label(p.kind, t),
        by.join(", "),
    )
}

fn controls(panel: &mut DisagreementPanel, ui: &mut Ui, cx: &Cx<'_>) {
    let t = cx.tr();
    let Some(project) = cx.project() else {
        return;
    };
    let doc = panel.document(project);
    ui.horizontal_wrapped(|ui| {
        egui::ComboBox::new("team-disagreement-document", t.document)
            .selected_text(doc.as_ref().map_or("", DocId::as_str))
            .show_ui(ui, |ui| {
                for d in project.documents() {
                    if ui
                        .selectable_label(doc.as_ref() == Some(d.id()), d.id().as_str())
                        .clicked()
                    {
                        panel.document = Some(d.id().clone());
                        panel.coders = None;
                    }
                }
            });
        ui.label(t.coders);
        let ticked: BTreeSet<CoderId> = doc
            .as_ref()
            .map(|d| panel.compared(project, d).into_iter().collect())
            .unwrap_or_default();
        if let Some(set) = super::coder_checkboxes(ui, project, &ticked) {
            panel.coders = Some(set);
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label(t.consensus_coder);
        ui.add(egui::TextEdit::singleline(&mut panel.consensus_id).desired_width(120.0))
            .labelled_by(label.id);
        let label = ui.label(t.consensus_name);
        ui.add(egui::TextEdit::singleline(&mut panel.consensus_name).desired_width(160.0))
            .labelled_by(label.id);
    });
}

pub(super) fn show(
    panel: &mut DisagreementPanel,
    ui: &mut Ui,
    cx: &Cx<'_>,
    cmds: &mut Vec<UiCommand>,
) {
    controls(panel, ui, cx);
    let t = cx.tr();
    let Some(project) = cx.project() else {
        return;
    };
    panel.refresh(project, cx.state());
    let Some(doc_id) = panel.document(project) else {
        return;
    };
    let Some(document) = project.document(&doc_id) else {
        return;
    };
    let coders = panel.compared(project, &doc_id);
    ui.separator();
    if coders.len() < 2 {
        ui.label(t.choose_two_coders);
        return;
    }
    let mut commands = Vec::new();
    let height = ui.available_height();
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.set_width(390.0);
            ui.horizontal(|ui| {
                ui.label(format!("{} {}", panel.places.len(), t.disagreements));
                for (command, label, forward) in [
                    (Command::PreviousDisagreement, t.previous, false),
                    (Command::NextDisagreement, t.next, true),
                ] {
                    let keys = command.shortcut_text().unwrap_or_default();
                    if ui
                        .button(format!("{label} ({keys})"))
                        .on_hover_text(command.label(cx.lang))
                        .clicked()
                    {
                        commands.push(TeamCommand::Step(forward));
                    }
                }
            });
            if let Some(p) = panel.current.and_then(|i| panel.places.get(i)) {
                ui.label(
                    RichText::new(place_label(panel.current.unwrap_or(0), p, document, t)).strong(),
                )
                .on_hover_text(format!("{}–{}", p.start, p.end));
                for coder in coders.iter().filter(|c| c.as_str() != panel.consensus_id) {
                    if ui
                        .button(format!("{} {coder}", t.accept_coding_of))
                        .clicked()
                    {
                        commands.push(TeamCommand::Accept(coder.clone()));
                    }
                }
            }
            ui.separator();
            if panel.places.is_empty() {
                ui.label(t.no_disagreement);
            }
            egui::ScrollArea::vertical()
                .id_salt("team-disagreement-places")
                .max_height(height - 120.0)
                .auto_shrink([false, false])
                .show_rows(ui, 18.0, panel.places.len(), |ui, rows| {
                    for i in rows {
                        let Some(p) = panel.places.get(i) else {
                            continue;
                        };
                        let r = ui
                            .selectable_label(
                                panel.current == Some(i),
                                place_label(i, p, document, t),
                            )
                            .on_hover_text(format!("{}–{}", p.start, p.end));
                        if r.clicked() {
                            commands.push(TeamCommand::GoTo(i));
                        }
                    }
                });
        });
        ui.separator();
        ui.vertical(|ui| {
            legend(ui, project, &coders, t);
            let scroll = std::mem::take(&mut panel.scroll_to_current);
            egui::ScrollArea::vertical()
                .id_salt("team-disagreement-text")
                .max_height(height - 40.0)
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    if let Some(i) = lanes_view(ui, project, &doc_id, &coders, panel, scroll, t) {
                        commands.push(TeamCommand::GoTo(i));
                    }
                });
        });
    });
    cmds.extend(commands.into_iter().map(UiCommand::Team));
}

/// Which lane is which coder.
fn legend(ui: &mut Ui, project: &Project, coders: &[CoderId], t: &Tr) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{}{}", t.legend, t.colon)).small());
        for (i, c) in coders.iter().enumerate() {
            let name = project.coder(c).map_or(c.as_str(), |x| x.name.as_str());
            ui.label(RichText::new(format!("{}. {name}", i + 1)).small().strong());
        }
    });
}

/// Colours for the text background: places of disagreement, and the current one.
const PLACE_BG: Color32 = Color32::from_rgba_premultiplied(90, 78, 20, 90);
const CURRENT_BG: Color32 = Color32::from_rgba_premultiplied(170, 85, 0, 170);

/// Pushes `[x0, x1)` with `value` onto a list of runs, extending the last run when it has the
/// same value and touches.
fn push_run<T: PartialEq>(runs: &mut Vec<(f32, f32, T)>, x0: f32, x1: f32, value: T) {
    match runs.last_mut() {
        Some(last) if last.2 == value && x0 - last.1 < 2.0 => last.1 = x1,
        _ => runs.push((x0, x1, value)),
    }
}

/// The text, paragraph by paragraph, each line with its coders' lanes under it; places of
/// disagreement have a tinted background, the current one a stronger one. Hovering the text
/// tells each coder's codes there; clicking a place returns its index.
#[expect(
    clippy::too_many_lines,
    reason = "one pass per paragraph: marks, layout, backgrounds, lanes, scroll target"
)]
fn lanes_view(
    ui: &mut Ui,
    project: &Project,
    doc_id: &DocId,
    coders: &[CoderId],
    panel: &mut DisagreementPanel,
    scroll: bool,
    tr: &Tr,
) -> Option<usize> {
    let doc = project.document(doc_id)?;
    let lanes_count = coders.len();
    let mut clicked = None;
    let width = ui.available_width().max(200.0);
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a width in points"
    )]
    let heights_key = (doc_id.clone(), width.round() as u32, lanes_count);
    let mut heights = match panel.heights.take() {
        Some((k, h)) if k == heights_key => h,
        _ => Vec::new(),
    };
    let colours: BTreeMap<&CodeId, Color32> = project
        .codebook()
        .codes()
        .iter()
        .map(|c| (&c.id, readable(c.colour, ui.visuals().panel_fill)))
        .collect();
    let font = FontId::proportional(15.0);
    let font_height = ui.ctx().fonts_mut(|f| f.row_height(&font));
    #[expect(clippy::cast_precision_loss, reason = "a handful of coders")]
    let lanes_height = lanes_count as f32 * (LANE + 1.0);
    let line_height = font_height + 2.0 * (lanes_height + 3.0);
    let text_colour = ui.visuals().text_color();
    let rule = ui.visuals().weak_text_color().gamma_multiply(0.35);
    let current = panel.current.and_then(|i| panel.places.get(i));
    let mut seg = 0;
    let text = doc.text();
    for (index, (bytes, p0)) in panel.paragraphs.iter().enumerate() {
        let paragraph = text.get(bytes.clone()).unwrap_or_default();
        let p0 = *p0;
        // Where the next line starts, less its `\n`; the last line ends with the text.
        let p1 = panel
            .paragraphs
            .get(index + 1)
            .map_or(doc.char_len(), |next| next.1 - 1);
        if paragraph.trim().is_empty() {
            ui.add_space(4.0);
            continue;
        }
        let wanted = scroll && current.is_some_and(|p| p0 <= p.start && p.start <= p1);
        // Out of view with a known height: keep the space, skip the layout.
        if let Some(&h) = heights.get(index).filter(|h| **h > 0.0)
            && !wanted
            && !ui.is_rect_visible(Rect::from_min_size(ui.cursor().min, vec2(width, h)))
        {
            ui.allocate_exact_size(vec2(width, h), Sense::hover());
            ui.add_space(6.0);
            continue;
        }
        let chars = p1 - p0;
        // 0: agreement, 1: a place of disagreement, 2: the current place.
        let mut mark = vec![0u8; chars];
        for p in panel.places.iter().filter(|p| p.start < p1 && p0 < p.end) {
            let level = if current == Some(p) { 2 } else { 1 };
            for m in &mut mark[p.start.max(p0) - p0..p.end.min(p1) - p0] {
                *m = (*m).max(level);
            }
        }
        let mut job = LayoutJob::default();
        job.wrap.max_width = width;
        job.append(
            paragraph,
            0.0,
            TextFormat {
                font_id: font.clone(),
                color: text_colour,
                line_height: Some(line_height),
                ..TextFormat::default()
            },
        );
        let galley = ui.painter().layout_job(job);
        let (rect, response) = ui.allocate_exact_size(
            vec2(width, galley.size().y.max(line_height)),
            Sense::click(),
        );
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, paragraph));
        // Hover: what each coder has here; click: that place becomes the current one.
        if let Some(pos) = response.hover_pos() {
            let c = (p0 + galley.cursor_from_pos(pos - rect.min).index.0).min(p1.saturating_sub(1));
            let at = panel.segments.partition_point(|s| s.end <= c);
            if let Some(segment) = panel.segments.get(at).filter(|s| s.start <= c) {
                let lines: Vec<String> = coders
                    .iter()
                    .zip(&segment.codes)
                    .map(|(who, codes)| {
                        let names: Vec<&str> = codes.iter().map(CodeId::as_str).collect();
                        format!(
                            "{who}{} {}",
                            tr.colon,
                            if names.is_empty() {
                                "–".to_owned()
                            } else {
                                names.join(", ")
                            }
                        )
                    })
                    .collect();
                response.clone().on_hover_text(lines.join("\n"));
            }
            if response.clicked() {
                clicked = panel.places.iter().position(|p| p.start <= c && c < p.end);
            }
        }
        if heights.len() <= index {
            heights.resize(index + 1, 0.0);
        }
        heights[index] = rect.height();
        if ui.is_rect_visible(rect) {
            let mut backgrounds: Vec<(Rect, Color32)> = Vec::new();
            let mut strips: Vec<(Rect, Color32)> = Vec::new();
            let mut k = p0;
            for row in &galley.rows {
                let mut lanes: Vec<Vec<(f32, f32, Vec<Color32>)>> = vec![Vec::new(); lanes_count];
                let mut marks: Vec<(f32, f32, u8)> = Vec::new();
                let mut text_top = None;
                for g in &row.row.glyphs {
                    while seg < panel.segments.len() && panel.segments[seg].end <= k {
                        seg += 1;
                    }
                    let here = panel.segments.get(seg).filter(|s| s.start <= k);
                    let x0 = rect.min.x + row.pos.x + g.pos.x;
                    let x1 = x0 + g.advance_width;
                    text_top.get_or_insert(rect.min.y + row.pos.y + g.pos.y - g.font_ascent);
                    push_run(&mut marks, x0, x1, mark.get(k - p0).copied().unwrap_or(0));
                    for (lane, out) in lanes.iter_mut().enumerate() {
                        let cols: Vec<Color32> = here
                            .and_then(|s| s.codes.get(lane))
                            .map(|codes| {
                                codes
                                    .iter()
                                    .filter_map(|c| colours.get(c).copied())
                                    .collect()
                            })
                            .unwrap_or_default();
                        push_run(out, x0, x1, cols);
                    }
                    k += 1;
                }
                k += usize::from(row.ends_with_newline);
                let Some(top) = text_top else {
                    continue;
                };
                for (x0, x1, level) in marks {
                    let colour = match level {
                        2 => CURRENT_BG,
                        1 => PLACE_BG,
                        _ => continue,
                    };
                    backgrounds.push((
                        Rect::from_min_max(pos2(x0, top - 1.0), pos2(x1, top + font_height + 1.0)),
                        colour,
                    ));
                }
                let lanes_top = top + font_height + 3.0;
                for (lane, out) in lanes.iter().enumerate() {
                    #[expect(clippy::cast_precision_loss, reason = "a handful of coders")]
                    let y = lanes_top + lane as f32 * (LANE + 1.0);
                    for (x0, x1, cols) in out {
                        if cols.is_empty() {
                            strips.push((
                                Rect::from_min_max(
                                    pos2(*x0, y + LANE / 2.0),
                                    pos2(*x1, y + LANE / 2.0 + 0.6),
                                ),
                                rule,
                            ));
                            continue;
                        }
                        #[expect(clippy::cast_precision_loss, reason = "a few codes")]
                        let h = LANE / cols.len() as f32;
                        for (j, c) in cols.iter().enumerate() {
                            #[expect(clippy::cast_precision_loss, reason = "a few codes")]
                            let t0 = y + j as f32 * h;
                            strips.push((Rect::from_min_max(pos2(*x0, t0), pos2(*x1, t0 + h)), *c));
                        }
                    }
                }
            }
            let painter = ui.painter();
            for (r, c) in backgrounds {
                painter.rect_filled(r, 2.0, c);
            }
            painter.galley(rect.min, galley.clone(), text_colour);
            for (r, c) in strips {
                painter.rect_filled(r, 0.0, c);
            }
        }
        if wanted {
            ui.scroll_to_rect(rect, Some(Align::Center));
        }
        ui.add_space(6.0);
    }
    panel.heights = Some((heights_key, heights));
    clicked
}

impl DisagreementPanel {
    /// The next (or previous) place, wrapping around, made current.
    pub fn step(&mut self, project: &Project, state: u64, forward: bool) {
        self.refresh(project, state);
        if let Some(next) = crate::ui::cycle(self.current, self.places.len(), forward, 0) {
            self.go_to(project, state, next);
        }
    }

    /// Makes place `i` the current one and scrolls to it on the next frame.
    pub fn go_to(&mut self, project: &Project, state: u64, i: usize) {
        self.refresh(project, state);
        if i < self.places.len() {
            self.current = Some(i);
            self.scroll_to_current = true;
        }
    }

    /// The current place with its document and the coders compared there.
    pub fn current_place(
        &mut self,
        project: &Project,
        state: u64,
    ) -> Option<(DocId, std::ops::Range<usize>, Vec<CoderId>)> {
        self.refresh(project, state);
        let place = self.current.and_then(|i| self.places.get(i))?;
        let range = place.start..place.end;
        let doc = self.document(project)?;
        let compared = self.compared(project, &doc);
        Some((doc, range, compared))
    }
}
