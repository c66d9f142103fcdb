//! The document view: a virtualised text view with an app-owned selection and painted highlights.
//!
//! A document is never laid out whole (`perf-notes.md`: ~1 s and ~750 MB for 5 MB). It is cut
//! into paragraph blocks of at most 4 KB ([`blocks`]); each frame lays out and paints only the
//! blocks in the viewport inside `ScrollArea::show_viewport` ([`frame`], [`viewport`]), keeping
//! their galleys in the view's own least-recently-used cache ([`layout`]). Blocks never laid
//! out have estimated heights, corrected when they are ([`heights`]); the view is anchored on
//! the block at the top of the viewport, so a correction above it shifts the scroll offset
//! instead of the text. Highlights and the selection are rectangles painted under plain text
//! ([`paint`]), found through an interval index ([`highlights`]): changing an annotation never
//! lays text out again. The selection is the view's own, in characters ([`selection`],
//! [`interaction`]); scroll requests are resolved at the start of a frame ([`scroll`]).

mod blocks;
mod frame;
mod geometry;
mod heights;
mod highlights;
mod interaction;
mod layout;
mod paint;
mod scroll;
mod selection;
mod sync;
#[cfg(test)]
mod tests;
mod viewport;

use std::collections::HashMap;
use std::ops::Range;

use egui::{Color32, Context, Pos2, Rect, Response, ScrollArea, Ui};

use self::blocks::Blocks;
use self::heights::Heights;
use self::highlights::{HighlightIndex, Hit};
use self::layout::{GalleyCache, LayoutParams};
use self::selection::Selection;
use crate::model::{AnnotationId, CharSpan, DocId, Document};

/// One annotation to paint.
#[derive(Debug, Clone, PartialEq)]
pub struct Highlight {
    /// The annotation.
    pub id: AnnotationId,
    /// Its characters.
    pub span: CharSpan,
    /// One colour per code of the annotation, in codebook order.
    pub colours: Vec<Color32>,
    /// The annotation selected in the details panel: drawn with an outline.
    pub selected: bool,
}

/// What the view needs from the app for one frame.
#[derive(Debug)]
pub struct ViewInput<'a> {
    /// The document shown.
    pub doc: &'a Document,
    /// Highlights of this document, sorted by (start, end).
    pub highlights: &'a [Highlight],
    /// Changes whenever `highlights` changes (the project's history state is fine).
    pub highlights_revision: u64,
}

/// What happened in the view this frame.
#[derive(Debug)]
pub struct ViewOutput {
    /// The response of the whole text area (hover, focus), for tooltips and focus handling.
    pub response: Response,
    /// Annotations under the mouse pointer, innermost (shortest) first.
    pub hovered: Vec<AnnotationId>,
    /// An annotation clicked without dragging (innermost under the pointer).
    pub clicked: Option<AnnotationId>,
    /// The selection changed this frame (drag, click, keyboard).
    pub selection_changed: bool,
}

/// Size of the galley cache, for benchmarks and diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CacheStats {
    /// Blocks whose galley is cached.
    pub galleys: usize,
    /// Characters laid out in those galleys.
    pub chars: usize,
    /// Bytes held by those galleys (glyphs, meshes, rows), counted from their contents.
    pub bytes: usize,
    /// Blocks laid out since the view was made.
    pub layouts: u64,
    /// Characters laid out since the view was made.
    pub laid_chars: u64,
}

/// Zoom steps of 10 %: 50 % to 300 %.
const ZOOM_MIN: i32 = -5;
const ZOOM_MAX: i32 = 20;
/// Row height as a multiple of the font's own, leaving room under the text for the code bars.
const LINE_SPACING: f32 = 1.4;
/// Space between the viewport's left edge and the text.
const TEXT_MARGIN: f32 = 6.0;
/// Blocks above and below the viewport laid out ahead of time, in viewport heights.
const OVERSCAN: f64 = 0.5;
/// Characters laid out ahead of time per frame at most (about 0.5 ms), and not at all in a
/// frame that already laid out this much of the viewport itself.
const PREFETCH_CHARS: usize = 3_000;
/// Characters laid out in one frame at most (about 1.5 ms here) unless a single block is longer:
/// a jump into unseen text may fill the screen over two frames instead of one long one.
const VISIBLE_CHARS: usize = 6_000;
/// Id of the text area, for focus (stable across documents).
const AREA_ID: &str = "normcoder-document-view";
/// Id of the scroll area around it.
const SCROLL_ID: &str = "normcoder-document-scroll";
/// Scroll positions remembered per document, at most.
const REMEMBERED_DOCS: usize = 64;

/// A scroll the view owes the app, resolved at the start of the next frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ScrollRequest {
    /// Put the row of this character at the top (zoom, resize, reopening a document).
    Top(usize),
    /// Make these characters visible if they are not (search hits, `select`, keyboard moves).
    Reveal(usize, usize),
}

/// The shown document: its blocks and their heights at the current layout parameters.
#[derive(Debug)]
struct DocState {
    id: DocId,
    sha: String,
    /// Hash of id and text hash: the cache key of the document.
    key: u64,
    blocks: Blocks,
    heights: Heights,
    /// Parameters the heights were estimated and measured with.
    params: Option<LayoutParams>,
}

/// Where things were on screen in the last frame: for hit-testing and painting.
#[derive(Clone, Debug)]
struct Frame {
    /// Screen y of the top of the document (scroll offset and height corrections applied).
    origin_y: f64,
    /// Screen x of the left edge of the text.
    text_left: f32,
    /// Visible part of the view, on screen.
    clip: Rect,
    params: LayoutParams,
    /// Document key these positions belong to.
    doc: u64,
}

/// An ongoing drag selection.
#[derive(Clone, Copy, Debug)]
struct Drag {
    /// Selection before the button went down (to tell whether the drag changed it).
    before: Option<Selection>,
}

/// State of the document view that survives between frames.
#[derive(Debug, Default)]
pub struct DocumentView {
    selection: Option<Selection>,
    zoom_step: i32,
    doc: Option<DocState>,
    cache: GalleyCache,
    index: HighlightIndex,
    pending: Option<ScrollRequest>,
    /// Scroll offset to impose on the next frame.
    forced_offset: Option<f32>,
    focus_requested: bool,
    drag: Option<Drag>,
    frame: Option<Frame>,
    /// Visible document range of the last frame, in document y (for `Reveal`).
    last_view: Option<(f64, f64)>,
    first_visible: usize,
    visible_end: usize,
    remembered: HashMap<u64, usize>,
    /// x kept while moving up and down by rows.
    sticky_x: Option<f32>,
    /// Font atlas fill of the last frame: a drop means the atlas was rebuilt.
    atlas_fill: f32,
    ctx: Option<Context>,
    /// Scratch buffer for index queries.
    hits: Vec<Hit>,
    /// Blocks laid out so far.
    layouts: u64,
    /// Characters laid out so far.
    laid_chars: u64,
    /// The last frame left visible blocks for the next one.
    deferred: bool,
    /// Characters laid out in this frame so far.
    frame_laid: usize,
}

impl DocumentView {
    /// A view with nothing selected at the default zoom.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Draws the document and handles mouse and keyboard selection.
    pub fn show(&mut self, ui: &mut Ui, input: &ViewInput<'_>) -> ViewOutput {
        let ctx = ui.ctx().clone();
        self.ctx = Some(ctx.clone());
        let id = ui.make_persistent_id(AREA_ID);
        self.cache.begin_frame();
        self.frame_laid = 0;
        self.check_font_atlas(&ctx);
        self.sync_document(input.doc);
        let key = self.doc.as_ref().map_or(0, |d| d.key);
        self.index
            .sync(input.highlights, input.highlights_revision, key);
        let params = self.layout_params(ui);
        self.sync_params(&ctx, &params, input.doc.text());
        if std::mem::take(&mut self.focus_requested) {
            ui.memory_mut(|m| m.request_focus(id));
        }
        let len = input.doc.char_len();
        self.selection = self.selection.map(|s| s.clamped(len));

        let viewport_height = ui.available_height();
        if let Some(request) = self.pending.take()
            && let Some(y) = self.resolve(&ctx, request, &params, input.doc.text(), viewport_height)
        {
            self.forced_offset = Some(y);
        }
        let mut area = ScrollArea::vertical()
            .id_salt(SCROLL_ID)
            .auto_shrink([false, false]);
        if let Some(y) = self.forced_offset.take() {
            area = area.vertical_scroll_offset(y.max(0.0));
        }
        let before = self.selection;
        let output = ui
            .scope(|ui| {
                // Offsets are set by the view; never spring back from one.
                ui.spacing_mut().scroll.kinetic.rubber_band = false;
                area.show_viewport(ui, |ui, _| self.frame(ui, input, id, &params))
            })
            .inner;
        let out = output.inner;
        let offset = output.state.clamped_offset().y;
        let mut next = None;
        if out.shift.abs() > 0.01 {
            next = Some(offset + to_f32(out.shift));
        }
        if out.autoscroll != 0.0 {
            next = Some(next.unwrap_or(offset) + out.autoscroll);
            ctx.request_repaint();
        }
        if next.is_some() {
            self.forced_offset = next;
        }
        if self.pending.is_some() || self.deferred {
            ctx.request_repaint();
        }
        ViewOutput {
            response: out.response,
            hovered: out.hovered,
            clicked: out.clicked,
            selection_changed: self.selection != before || out.drag_changed,
        }
    }

    /// The current selection, if it is not empty.
    #[must_use]
    pub fn selection(&self) -> Option<CharSpan> {
        self.selection.and_then(Selection::span)
    }

    /// Selects a span and scrolls it into view (search hits, next/previous annotation).
    pub fn select(&mut self, span: CharSpan) {
        self.selection = Some(Selection::range(span.start()..span.end()));
        self.sticky_x = None;
        self.request(ScrollRequest::Reveal(span.start(), span.end()));
    }

    /// Clears the selection.
    pub fn clear_selection(&mut self) {
        self.selection = None;
    }

    /// Scrolls so that a character offset is visible.
    pub fn scroll_to(&mut self, offset: usize) {
        self.request(ScrollRequest::Reveal(offset, offset.saturating_add(1)));
    }

    /// One zoom step bigger.
    pub fn zoom_in(&mut self) {
        self.set_zoom(self.zoom_step + 1);
    }

    /// One zoom step smaller.
    pub fn zoom_out(&mut self) {
        self.set_zoom(self.zoom_step - 1);
    }

    /// Back to 100 %.
    pub fn zoom_reset(&mut self) {
        self.set_zoom(0);
    }

    /// The width, in points, of a line of `chars` typical characters at the current zoom, with
    /// the view's margins and scroll bar: what the centre gives the view when the reading width
    /// is capped.
    #[must_use]
    pub fn reading_width(&self, ui: &Ui, chars: u16) -> f32 {
        let params = self.layout_params(ui);
        let sample = "abcdefghijklmnopqrstuvwxyz éèàç,. ";
        let mut sum = 0.0;
        let mut n = 0.0;
        ui.fonts_mut(|f| {
            for c in sample.chars() {
                sum += f.glyph_width(&params.font_id, c);
                n += 1.0;
            }
        });
        let scroll = &ui.spacing().scroll;
        let bar = scroll.bar_width + scroll.bar_outer_margin + scroll.bar_inner_margin;
        f32::from(chars) * sum / n + bar + 2.0 * TEXT_MARGIN
    }

    /// The text size, in percent of the body font (50 to 300).
    #[must_use]
    pub fn zoom_percent(&self) -> u32 {
        u32::try_from(100 + 10 * self.zoom_step).unwrap_or(100)
    }

    /// Gives the keyboard to the view on the next frame (after the search box closes).
    pub fn request_focus(&mut self) {
        self.focus_requested = true;
        self.repaint();
    }

    /// Forgets cached layouts (after a document is removed or the theme changes).
    pub fn clear_cache(&mut self) {
        self.cache.clear();
        if let Some(doc) = &mut self.doc {
            doc.params = None;
        }
    }

    /// First character of the top row in the viewport (last frame).
    #[must_use]
    pub fn first_visible_char(&self) -> usize {
        self.first_visible
    }

    /// Characters from the top row to the end of the bottom row of the viewport (last frame).
    #[must_use]
    pub fn visible_chars(&self) -> Range<usize> {
        self.first_visible..self.visible_end.max(self.first_visible)
    }

    /// Whether the last frame painted every block in view. After a jump into text never seen,
    /// the view lays out at most about 6,000 characters per frame, so the bottom of the screen
    /// may follow one frame later (a repaint is requested).
    #[must_use]
    pub fn is_complete(&self) -> bool {
        !self.deferred
    }

    /// The character boundary nearest to a screen position, as a click there would select
    /// (positions of the last frame; `None` before the first frame or over a block not laid out).
    #[must_use]
    pub fn hit_test(&self, pos: Pos2) -> Option<usize> {
        self.hit(pos, false)
    }

    /// Screen rectangle (zero width) of the boundary before character `offset` in the last
    /// frame, if its block is laid out: where to open a popup for the selection.
    #[must_use]
    pub fn char_rect(&self, offset: usize) -> Option<Rect> {
        let frame = self.frame.as_ref()?;
        let doc = self.doc.as_ref()?;
        let i = doc.blocks.find(offset);
        let block = doc.blocks.get(i)?;
        let galley = self.cache.peek(doc.key, i, &frame.params)?;
        let top = self.block_top(frame, i)?;
        let local = offset
            .saturating_sub(block.char_start)
            .min(block.layout_len());
        Some(
            galley
                .caret_rect(local)
                .translate(egui::vec2(frame.text_left, top)),
        )
    }

    /// Size of the galley cache.
    #[must_use]
    pub fn cache_stats(&self) -> CacheStats {
        CacheStats {
            galleys: self.cache.len(),
            chars: self.cache.chars(),
            bytes: self.cache.approx_bytes(),
            layouts: self.layouts,
            laid_chars: self.laid_chars,
        }
    }

    /// Number of layout blocks of the shown document.
    #[must_use]
    pub fn block_count(&self) -> usize {
        self.doc.as_ref().map_or(0, |d| d.blocks.len())
    }

    fn set_zoom(&mut self, step: i32) {
        self.zoom_step = step.clamp(ZOOM_MIN, ZOOM_MAX);
        self.repaint();
    }

    fn request(&mut self, request: ScrollRequest) {
        self.pending = Some(request);
        self.repaint();
    }

    fn repaint(&self) {
        if let Some(ctx) = &self.ctx {
            ctx.request_repaint();
        }
    }
}

/// Narrows a document coordinate (at most ~10⁷ points) for egui.
#[expect(
    clippy::cast_possible_truncation,
    reason = "document heights fit an f32"
)]
fn to_f32(v: f64) -> f32 {
    v as f32
}
