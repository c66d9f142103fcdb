//! Scroll requests (`select`, `scroll_to`, zoom, keyboard moves) turned into a scroll offset at
//! the start of a frame, laying out the target block first so that its row is known exactly.

use egui::Context;

use super::layout::LayoutParams;
use super::{DocumentView, ScrollRequest, to_f32};

impl DocumentView {
    /// Document y range of the row holding character `offset` (lays its block out).
    pub(super) fn char_y(
        &mut self,
        ctx: &Context,
        params: &LayoutParams,
        text: &str,
        offset: usize,
    ) -> Option<(f64, f64)> {
        let i = self.doc.as_ref()?.blocks.find(offset);
        let galley = self.galley(ctx, params, text, i)?;
        let doc = self.doc.as_mut()?;
        doc.heights.refresh();
        let block = doc.blocks.get(i)?;
        let local = offset
            .saturating_sub(block.char_start)
            .min(block.layout_len());
        let rect = galley.row_rect(galley.row_of(local));
        let top = doc.heights.top(i);
        Some((top + f64::from(rect.top()), top + f64::from(rect.bottom())))
    }

    /// The scroll offset a request asks for, or `None` if nothing needs to move.
    pub(super) fn resolve(
        &mut self,
        ctx: &Context,
        request: ScrollRequest,
        params: &LayoutParams,
        text: &str,
        viewport_height: f32,
    ) -> Option<f32> {
        let y = match request {
            ScrollRequest::Top(offset) => self.char_y(ctx, params, text, offset)?.0,
            ScrollRequest::Reveal(start, end) => {
                let (y0, _) = self.char_y(ctx, params, text, start)?;
                let (_, y1) = self.char_y(ctx, params, text, end.saturating_sub(1).max(start))?;
                if let Some((top, bottom)) = self.last_view
                    && y0 >= top
                    && y1.min(y0 + f64::from(viewport_height) / 2.0) <= bottom
                {
                    return None;
                }
                y0 - f64::from(viewport_height) / 3.0
            }
        };
        let doc = self.doc.as_ref()?;
        let max = (doc.heights.total() - f64::from(viewport_height)).max(0.0);
        Some(to_f32(y.clamp(0.0, max)))
    }
}
