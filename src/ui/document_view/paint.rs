//! Painting one visible block: rectangles under plain text (design (B) of `perf-notes.md`), so
//! that adding, removing or recolouring an annotation never lays text out again.
//!
//! Under each row, from back to front: a light background whose colour blends every annotation
//! covering that stretch (darker where several overlap); the selection; one thin bar per
//! annotation in its lane at the bottom of the row (in the code colour, or in dashes of each
//! colour for an annotation with several codes), so that nested and overlapping codes can be
//! told apart; an outline around the selected annotation; then the text.

use std::ops::Range;

use egui::epaint::RectShape;
use egui::{Color32, Mesh, Pos2, Rect, Shape, Stroke, StrokeKind, Ui, Visuals, pos2};

use super::blocks::Block;
use super::geometry::BlockGalley;
use super::highlights::{HighlightIndex, Hit};
use super::layout::LayoutParams;
use super::selection::Selection;
use super::{DocumentView, Highlight, ViewInput};

/// Bars stacked under a row at most; deeper lanes share the top one (the background, darker
/// for each layer, still tells them apart).
const MAX_LANES: usize = 4;

/// Colour of an annotation with no code colour.
const NO_COLOUR: Color32 = Color32::GRAY;

/// What painting a frame needs besides the block.
pub struct PaintInput<'a> {
    /// Current theme.
    pub visuals: &'a Visuals,
    /// The app's highlights (the index points into them).
    pub highlights: &'a [Highlight],
    /// Interval index over `highlights`.
    pub index: &'a HighlightIndex,
    /// Selected characters, if any.
    pub selection: Option<Range<usize>>,
    /// Caret to draw (the view has the keyboard and nothing is selected).
    pub caret: Option<usize>,
    /// Thickness of one code bar, in points.
    pub bar: f32,
    /// Space between two stacked bars, in points.
    pub gap: f32,
    /// Length of one dash of a several-code bar, in points.
    pub dash: f32,
    /// Physical pixels per point (rectangles are snapped to pixels).
    pub pixels_per_point: f32,
}

/// The frame's shapes, in painting order. All rectangles under the text go into one mesh,
/// without anti-aliasing feathers: a few hundred highlight rectangles then cost the
/// tessellator nothing more than copying their vertices.
#[derive(Debug, Default)]
pub struct Layers {
    /// Backgrounds, selection and bars.
    pub under: Mesh,
    /// Outlines of the selected annotation and the caret.
    pub over: Vec<Shape>,
    /// The text.
    pub text: Vec<Shape>,
}

impl Layers {
    /// Adds a filled rectangle (screen coordinates) under the text.
    fn rect(&mut self, input: &PaintInput<'_>, r: Rect, colour: Color32) {
        let ppp = input.pixels_per_point;
        let snap = |p: Pos2| pos2((p.x * ppp).round() / ppp, (p.y * ppp).round() / ppp);
        let r = Rect::from_min_max(snap(r.min), snap(r.max));
        if r.width() > 0.0 && r.height() > 0.0 {
            self.under.add_colored_rect(r, colour);
        }
    }

    /// Hands the shapes to the painter, under-layer first.
    pub fn paint(self, painter: &egui::Painter) {
        if !self.under.is_empty() {
            painter.add(Shape::mesh(self.under));
        }
        painter.extend(self.text);
        painter.extend(self.over);
    }
}

/// Paints the rows of `block` that meet `clip`, with the block's top-left corner at `origin`.
pub fn paint_block(
    input: &PaintInput<'_>,
    block: &Block,
    galley: &BlockGalley,
    origin: Pos2,
    clip: Rect,
    hits: &mut Vec<Hit>,
    layers: &mut Layers,
) {
    let rows = galley.rows_in(clip.top() - origin.y, clip.bottom() - origin.y);
    if rows.is_empty() {
        return;
    }
    let base = block.char_start;
    let first = galley.row_chars(rows.start).start;
    let last = galley.row_chars(rows.end - 1).end;
    input
        .index
        .query(base + first, base + last.max(first + 1), hits);
    let to_screen = |r: Rect| r.translate(origin.to_vec2());

    if !hits.is_empty() {
        for row in rows.clone() {
            backgrounds(input, galley, row, base, hits, &to_screen, layers);
        }
    }
    if let Some(sel) = &input.selection {
        let a = sel.start.saturating_sub(base);
        let b = sel.end.saturating_sub(base).min(block.char_len);
        let fill = input.visuals.selection.bg_fill.gamma_multiply(0.6);
        galley.range_rects(a, b, rows.clone(), |_, r| {
            layers.rect(input, to_screen(r), fill);
        });
    }
    if !hits.is_empty() {
        for row in rows.clone() {
            bars_and_outlines(input, galley, row, base, hits, &to_screen, layers);
        }
    }
    if let Some(caret) = input.caret
        && (base..=base + block.layout_len()).contains(&caret)
    {
        let r = to_screen(galley.caret_rect(caret - base));
        layers.over.push(Shape::line_segment(
            [r.left_top(), r.left_bottom()],
            Stroke::new(1.5, input.visuals.text_color()),
        ));
    }
    if !galley.galley().is_empty() {
        layers.text.push(Shape::galley(
            origin,
            galley.galley().clone(),
            input.visuals.text_color(),
        ));
    }
}

/// First colour of each code of a highlight (grey when it has none).
fn colours(h: Option<&Highlight>) -> &[Color32] {
    match h {
        Some(h) if !h.colours.is_empty() => &h.colours,
        _ => std::slice::from_ref(&NO_COLOUR),
    }
}

/// The light background of one row: one rectangle per stretch covered by the same annotations.
fn backgrounds(
    input: &PaintInput<'_>,
    galley: &BlockGalley,
    row: usize,
    base: usize,
    hits: &[Hit],
    to_screen: &impl Fn(Rect) -> Rect,
    layers: &mut Layers,
) {
    let chars = galley.row_chars(row);
    let (rs, re) = (base + chars.start, base + chars.end);
    if rs >= re {
        return;
    }
    let mut cuts: Vec<usize> = vec![rs, re];
    for h in hits.iter().filter(|h| h.start < re && h.end > rs) {
        cuts.push(h.start.clamp(rs, re));
        cuts.push(h.end.clamp(rs, re));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let rect = galley.row_rect(row);
    for w in cuts.windows(2) {
        let (p, q) = (w[0], w[1]);
        let mut sum = [0u32; 3];
        let mut n = 0u32;
        let mut depth = 0u8;
        for h in hits.iter().filter(|h| h.start <= p && h.end >= q) {
            depth = depth.saturating_add(1);
            for c in colours(input.highlights.get(h.highlight)) {
                sum[0] += u32::from(c.r());
                sum[1] += u32::from(c.g());
                sum[2] += u32::from(c.b());
                n += 1;
            }
        }
        if n == 0 {
            continue;
        }
        let channel = |s: u32| u8::try_from(s / n).unwrap_or(u8::MAX);
        let alpha = if input.visuals.dark_mode { 70 } else { 56 };
        let alpha = alpha + 24 * u16::from(depth.min(4) - 1);
        let fill = Color32::from_rgba_unmultiplied(
            channel(sum[0]),
            channel(sum[1]),
            channel(sum[2]),
            u8::try_from(alpha).unwrap_or(u8::MAX),
        );
        let x0 = galley.x_of(row, p - base);
        let x1 = galley.x_of(row, q - base);
        let r = Rect::from_min_max(pos2(x0, rect.top()), pos2(x1, rect.bottom()));
        layers.rect(input, to_screen(r), fill);
    }
}

/// The bars of one row (one per annotation, in its lane) and the outline of the selected one.
fn bars_and_outlines(
    input: &PaintInput<'_>,
    galley: &BlockGalley,
    row: usize,
    base: usize,
    hits: &[Hit],
    to_screen: &impl Fn(Rect) -> Rect,
    layers: &mut Layers,
) {
    let chars = galley.row_chars(row);
    let (rs, re) = (base + chars.start, base + chars.end);
    if rs >= re {
        return;
    }
    let rect = galley.row_rect(row);
    let gap = input.gap;
    for h in hits.iter().filter(|h| h.start < re && h.end > rs) {
        let p = h.start.max(rs);
        let q = h.end.min(re);
        let x0 = galley.x_of(row, p - base);
        // Runs on past this row: cover its end.
        let x1 = if h.end > re {
            rect.right()
        } else {
            galley.x_of(row, q - base)
        };
        let highlight = input.highlights.get(h.highlight);
        let lane = h.lane.min(MAX_LANES - 1) as f32;
        let bottom = rect.bottom() - 1.0 - lane * (input.bar + gap);
        let bar = Rect::from_min_max(pos2(x0, bottom - input.bar), pos2(x1, bottom));
        let cols = colours(highlight);
        if let [only] = cols {
            layers.rect(input, to_screen(bar), *only);
        } else {
            // Dashes cycling through the codes' colours, aligned to the galley so they do not
            // crawl when the row scrolls.
            let mut x = bar.left();
            let mut k = 0;
            while x < bar.right() {
                let next = ((x / input.dash).floor() + 1.0) * input.dash;
                let end = next.min(bar.right());
                let dash = Rect::from_min_max(pos2(x, bar.top()), pos2(end, bar.bottom()));
                layers.rect(input, to_screen(dash), cols[k % cols.len()]);
                x = end;
                k += 1;
            }
        }
        if highlight.is_some_and(|h| h.selected) {
            let outline = Rect::from_min_max(pos2(x0, rect.top()), pos2(x1, rect.bottom()));
            layers.over.push(Shape::Rect(RectShape::stroke(
                to_screen(outline),
                2.0,
                Stroke::new(1.5, input.visuals.strong_text_color()),
                StrokeKind::Inside,
            )));
        }
    }
}

impl DocumentView {
    /// Paints the visible blocks.
    pub(super) fn paint(
        &mut self,
        ui: &Ui,
        input: &ViewInput<'_>,
        clip: Rect,
        params: &LayoutParams,
        focused: bool,
    ) {
        let Some(frame) = self.frame.clone() else {
            return;
        };
        let Some(doc) = self.doc.as_ref() else {
            return;
        };
        let zoom = params.font_id.size / 13.0;
        let selection = self.selection.and_then(Selection::span);
        let paint_input = PaintInput {
            visuals: ui.visuals(),
            highlights: input.highlights,
            index: &self.index,
            selection: selection.map(|s| s.start()..s.end()),
            caret: self
                .selection
                .filter(|s| focused && s.anchor == s.focus)
                .map(|s| s.focus),
            bar: (2.0 * zoom).round().max(1.0),
            gap: (1.5 * zoom).round().max(1.0),
            dash: (8.0 * zoom).round().max(4.0),
            pixels_per_point: params.pixels_per_point,
        };
        let mut layers = Layers::default();
        let mut hits = std::mem::take(&mut self.hits);
        let first = doc.heights.block_at(f64::from(clip.top()) - frame.origin_y);
        for i in first..doc.blocks.len() {
            let Some(top) = self.block_top(&frame, i) else {
                break;
            };
            if top > clip.bottom() {
                break;
            }
            let (Some(block), Some(galley)) = (
                doc.blocks.get(i),
                self.cache.peek(doc.key, i, &frame.params),
            ) else {
                continue;
            };
            let origin = pos2(frame.text_left, top);
            paint_block(
                &paint_input,
                block,
                galley,
                origin,
                clip,
                &mut hits,
                &mut layers,
            );
        }
        layers.paint(ui.painter());
        self.hits = hits;
    }
}
