//! Keeping the view in step with what it shows: the document (blocks, once per text), the layout
//! parameters (font, zoom, wrap width, pixel density: new estimates, same reading position) and
//! egui's font atlas (rebuilt atlas, stale galleys).

use std::hash::{DefaultHasher, Hash as _, Hasher as _};

use egui::{Context, TextStyle, Ui};

use super::blocks::Blocks;
use super::geometry::round_to_pixel;
use super::heights::{Estimator, Heights};
use super::layout::LayoutParams;
use super::{DocState, DocumentView, LINE_SPACING, REMEMBERED_DOCS, ScrollRequest, TEXT_MARGIN};
use crate::model::Document;

impl DocumentView {
    /// A rebuilt font atlas invalidates every galley (their glyphs point into the old one).
    pub(super) fn check_font_atlas(&mut self, ctx: &Context) {
        #[expect(
            clippy::redundant_closure_for_method_calls,
            reason = "the method is not general enough over the view's lifetime"
        )]
        let fill = ctx.fonts(|f| f.font_atlas_fill_ratio());
        if fill < self.atlas_fill {
            self.clear_cache();
        }
        self.atlas_fill = fill;
    }

    /// Splits a newly shown document into blocks (once per document and text).
    pub(super) fn sync_document(&mut self, doc: &Document) {
        if self
            .doc
            .as_ref()
            .is_some_and(|d| d.id == *doc.id() && d.sha == doc.sha256())
        {
            return;
        }
        if let Some(old) = &self.doc {
            if self.remembered.len() >= REMEMBERED_DOCS {
                self.remembered.clear();
            }
            self.remembered.insert(old.key, self.first_visible);
        }
        let mut hasher = DefaultHasher::new();
        doc.id().hash(&mut hasher);
        doc.sha256().hash(&mut hasher);
        let key = hasher.finish();
        self.doc = Some(DocState {
            id: doc.id().clone(),
            sha: doc.sha256().to_owned(),
            key,
            blocks: Blocks::split(doc.text()),
            heights: Heights::default(),
            params: None,
        });
        self.frame = None;
        self.last_view = None;
        self.drag = None;
        self.first_visible = 0;
        self.visible_end = 0;
        if self.pending.is_none() {
            let top = self.remembered.get(&key).copied().unwrap_or(0);
            self.pending = Some(ScrollRequest::Top(top));
        }
    }

    /// Font, wrap width and pixel density for this frame.
    pub(super) fn layout_params(&self, ui: &Ui) -> LayoutParams {
        let mut font_id = TextStyle::Body.resolve(ui.style());
        font_id.size *= self.zoom_percent() as f32 / 100.0;
        let ppp = ui.ctx().pixels_per_point();
        let font_height = ui.fonts_mut(|f| f.row_height(&font_id));
        let line_height = round_to_pixel(font_height * LINE_SPACING, ppp);
        let scroll = &ui.spacing().scroll;
        let bar = scroll.bar_width + scroll.bar_outer_margin + scroll.bar_inner_margin;
        let wrap_width = (ui.available_width() - bar - 2.0 * TEXT_MARGIN)
            .floor()
            .max(40.0);
        LayoutParams {
            font_id,
            line_height,
            wrap_width,
            pixels_per_point: ppp,
        }
    }

    /// Re-estimates the heights when the layout parameters change (zoom, resize, new document),
    /// keeping the first visible character at the top.
    pub(super) fn sync_params(&mut self, ctx: &Context, params: &LayoutParams, text: &str) {
        let Some(doc) = &mut self.doc else {
            return;
        };
        if doc.params.as_ref() == Some(params) {
            return;
        }
        let had_layout = self.frame.as_ref().is_some_and(|f| f.doc == doc.key);
        let estimator = Estimator {
            char_width: mean_char_width(ctx, &params.font_id, text),
            wrap_width: params.wrap_width,
            row_height: params.line_height,
        };
        doc.heights = Heights::estimated(&doc.blocks, &estimator);
        doc.params = Some(params.clone());
        self.last_view = None;
        self.sticky_x = None;
        if had_layout && self.pending.is_none() {
            self.pending = Some(ScrollRequest::Top(self.first_visible));
        }
    }
}

/// Mean advance of the document's characters: a sample of 2,048 characters from 32 places.
fn mean_char_width(ctx: &Context, font_id: &egui::FontId, text: &str) -> f32 {
    const PLACES: usize = 32;
    const RUN: usize = 64;
    let step = (text.len() / PLACES).max(1);
    let mut sum = 0.0;
    let mut n = 0u32;
    ctx.fonts_mut(|fonts| {
        for place in 0..PLACES {
            let at = text.floor_char_boundary(place * step);
            if place > 0 && at == 0 {
                break;
            }
            for c in text[at..].chars().filter(|c| *c != '\n').take(RUN) {
                sum += fonts.glyph_width(font_id, c);
                n += 1;
            }
        }
    });
    if n == 0 {
        font_id.size * 0.5
    } else {
        sum / n as f32
    }
}
