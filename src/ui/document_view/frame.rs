//! One frame inside the scroll area: lay out what is in view, place it, take the pointer and the
//! keys, paint, and report what happened.

use egui::{Id, Response, Ui};

use super::layout::LayoutParams;
use super::{DocumentView, ViewInput, to_f32};
use crate::model::AnnotationId;

/// What one frame inside the scroll area produced.
pub(super) struct FrameOut {
    pub(super) response: Response,
    pub(super) hovered: Vec<AnnotationId>,
    pub(super) clicked: Option<AnnotationId>,
    /// Height added above the anchor block by corrections: the offset must follow.
    pub(super) shift: f64,
    /// Scroll wanted by a drag near the top or bottom edge, in points.
    pub(super) autoscroll: f32,
    /// A drag ended with a selection different from the one before it.
    pub(super) drag_changed: bool,
}

impl DocumentView {
    /// Lays out the visible blocks, handles input and paints, inside the scroll area.
    pub(super) fn frame(
        &mut self,
        ui: &mut Ui,
        input: &ViewInput<'_>,
        id: Id,
        params: &LayoutParams,
    ) -> FrameOut {
        let ctx = ui.ctx().clone();
        let text = input.doc.text();
        let clip = ui.clip_rect();
        let origin = ui.max_rect().min;
        let (anchor, anchor_top) = self.lay_out_viewport(&ctx, params, text, clip, origin.y);

        self.place(clip, origin, params, anchor, anchor_top);
        let total = self.doc.as_ref().map_or(0.0, |d| d.heights.total());
        ui.set_height(to_f32(total));

        let response = ui.interact(clip, id, egui::Sense::click_and_drag());
        let title = format!("Text: {}", input.doc.meta().title);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Document, true, &title));
        if response.hovered() {
            ui.set_cursor_icon(egui::CursorIcon::Text);
        }
        let pointer = self.handle_pointer(ui, &response, input, text);
        if response.has_focus() {
            self.handle_keys(ui, &response, input.doc, params);
        }
        // Keys may have laid out blocks above the anchor: place again.
        let shift = self.place(clip, origin, params, anchor, anchor_top);
        self.paint(ui, input, clip, params, response.has_focus());
        self.track_visible(clip);

        let hovered = response
            .hover_pos()
            .and_then(|p| self.hit(p, true))
            .map(|c| {
                self.index
                    .at(c)
                    .iter()
                    .filter_map(|h| input.highlights.get(h.highlight).map(|x| x.id.clone()))
                    .collect()
            })
            .unwrap_or_default();
        FrameOut {
            response,
            hovered,
            clicked: pointer.clicked,
            shift,
            autoscroll: pointer.autoscroll,
            drag_changed: pointer.drag_changed,
        }
    }
}
