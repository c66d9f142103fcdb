//! The blocks in view: which are laid out this frame (and ahead of time, within a budget),
//! where they are on screen, and which character is under a screen position.

use std::sync::Arc;

use egui::{Context, Pos2, Rect, pos2};

use super::blocks;
use super::geometry::{BlockGalley, round_to_pixel};
use super::layout::LayoutParams;
use super::{DocumentView, Frame, OVERSCAN, PREFETCH_CHARS, TEXT_MARGIN, VISIBLE_CHARS, to_f32};

impl DocumentView {
    /// The galley of block `i`, laid out now if it is not cached; records its exact height.
    pub(super) fn galley(
        &mut self,
        ctx: &Context,
        params: &LayoutParams,
        text: &str,
        i: usize,
    ) -> Option<Arc<BlockGalley>> {
        let doc = self.doc.as_mut()?;
        if let Some(g) = self.cache.get(doc.key, i, params) {
            if !doc.heights.is_exact(i) {
                doc.heights.set_exact(i, g.height());
            }
            return Some(g);
        }
        let block = doc.blocks.get(i)?;
        let galley = Arc::new(BlockGalley::new(
            params.layout(ctx, block.layout_text(text)),
        ));
        self.layouts += 1;
        self.laid_chars += galley.chars() as u64;
        self.frame_laid += galley.chars();
        doc.heights.set_exact(i, galley.height());
        self.cache.insert(doc.key, i, params, Arc::clone(&galley));
        Some(galley)
    }

    pub(super) fn is_cached(&self, params: &LayoutParams, i: usize) -> bool {
        self.doc
            .as_ref()
            .is_some_and(|d| self.cache.peek(d.key, i, params).is_some())
    }

    /// Screen y of the top of block `i` in the last frame (rounded to pixels, as painted).
    pub(super) fn block_top(&self, frame: &Frame, i: usize) -> Option<f32> {
        let doc = self.doc.as_ref()?;
        let y = to_f32(frame.origin_y + doc.heights.top(i));
        Some(round_to_pixel(y, frame.params.pixels_per_point))
    }

    /// Character at a screen position: the nearest boundary (`under == false`) or the
    /// character under it (`under == true`, `None` beside the text).
    pub(super) fn hit(&self, pos: Pos2, under: bool) -> Option<usize> {
        let frame = self.frame.as_ref()?;
        let doc = self.doc.as_ref()?;
        if frame.doc != doc.key {
            return None;
        }
        let y = f64::from(pos.y) - frame.origin_y;
        if y < 0.0 {
            return (!under).then_some(0);
        }
        if y >= doc.heights.total() {
            return (!under).then_some(doc.blocks.char_len());
        }
        let i = doc.heights.block_at(y);
        let block = doc.blocks.get(i)?;
        let galley = self.cache.peek(doc.key, i, &frame.params)?;
        let top = self.block_top(frame, i)?;
        let p = pos2(pos.x - frame.text_left, pos.y - top).to_vec2();
        let local = if under {
            galley.char_under(p)?
        } else {
            galley.cursor_at(p)
        };
        Some(block.char_start + local.min(block.layout_len()))
    }

    /// Lays out the blocks in view (and a little around it, within a budget). Returns the block
    /// at the top of the viewport and its document y before any correction.
    pub(super) fn lay_out_viewport(
        &mut self,
        ctx: &Context,
        params: &LayoutParams,
        text: &str,
        clip: Rect,
        origin_y: f32,
    ) -> (usize, f64) {
        let Some(doc) = self.doc.as_mut() else {
            return (0, 0.0);
        };
        doc.heights.refresh();
        let n = doc.blocks.len();
        let top = f64::from(clip.top() - origin_y);
        let bottom = f64::from(clip.bottom() - origin_y);
        let anchor = doc.heights.block_at(top);
        let anchor_top = doc.heights.top(anchor);

        // Visible blocks, top to bottom: each laid out before the next is placed below it. A jump
        // into text never seen lays out at most VISIBLE_CHARS per frame (or one longer block);
        // the rest of the screen follows in the next frame. A document just opened gets its
        // whole first screen at once.
        let opening = self.frame.as_ref().is_none_or(|f| f.doc != doc.key);
        let mut y = anchor_top;
        let mut i = anchor;
        self.deferred = false;
        while i < n && y < bottom {
            if !self.is_cached(params, i) {
                let len = self.block_len(i);
                if !opening && self.frame_laid > 0 && self.frame_laid + len > VISIBLE_CHARS {
                    self.deferred = true;
                    break;
                }
                self.galley(ctx, params, text, i);
            }
            y += f64::from(self.height(i));
            i += 1;
        }
        if self.deferred {
            return (anchor, anchor_top);
        }
        // Ahead of time, below then above: small blocks within the budget, or one big block in
        // a frame that laid out nothing else.
        let overscan = (bottom - top) * OVERSCAN;
        let fits = |view: &Self, i: usize| {
            view.frame_laid == 0 || view.frame_laid + view.block_len(i) <= PREFETCH_CHARS
        };
        while i < n && y < bottom + overscan && self.frame_laid < PREFETCH_CHARS {
            if !self.is_cached(params, i) {
                if !fits(self, i) {
                    break;
                }
                self.galley(ctx, params, text, i);
            }
            y += f64::from(self.height(i));
            i += 1;
        }
        let mut k = anchor;
        let mut y = anchor_top;
        while k > 0 && y > top - overscan && self.frame_laid < PREFETCH_CHARS {
            k -= 1;
            if !self.is_cached(params, k) {
                if !fits(self, k) {
                    break;
                }
                self.galley(ctx, params, text, k);
            }
            y -= f64::from(self.height(k));
        }
        (anchor, anchor_top)
    }

    pub(super) fn block_len(&self, i: usize) -> usize {
        self.doc
            .as_ref()
            .and_then(|d| d.blocks.get(i))
            .map_or(0, blocks::Block::layout_len)
    }

    pub(super) fn height(&self, i: usize) -> f32 {
        self.doc.as_ref().map_or(0.0, |d| d.heights.height(i))
    }

    /// Fixes where the document is on screen: the anchor block stays where the scroll offset
    /// put it, whatever was corrected above it this frame. Returns the height added above the
    /// anchor since the frame began (`anchor_top` is its document y then).
    pub(super) fn place(
        &mut self,
        clip: Rect,
        origin: Pos2,
        params: &LayoutParams,
        anchor: usize,
        anchor_top: f64,
    ) -> f64 {
        let Some(doc) = self.doc.as_mut() else {
            return 0.0;
        };
        doc.heights.refresh();
        let shift = doc.heights.top(anchor) - anchor_top;
        self.frame = Some(Frame {
            origin_y: f64::from(origin.y) - shift,
            text_left: origin.x + TEXT_MARGIN,
            clip,
            params: params.clone(),
            doc: doc.key,
        });
        shift
    }

    /// Records the visible character range and document y range, for the app and `Reveal`.
    pub(super) fn track_visible(&mut self, clip: Rect) {
        let Some(frame) = self.frame.clone() else {
            return;
        };
        let x = frame.text_left;
        if let Some(c) = self.hit(pos2(x, clip.top() + 1.0), false) {
            self.first_visible = c;
        }
        if let Some(c) = self.hit(pos2(clip.right(), clip.bottom() - 1.0), false) {
            self.visible_end = c;
        }
        self.last_view = Some((
            f64::from(clip.top()) - frame.origin_y,
            f64::from(clip.bottom()) - frame.origin_y,
        ));
    }
}
