//! Mouse and keyboard: presses, drags, multiple clicks and keys turned into selection changes,
//! clicked annotations and copies. Positions go through the last placement of the blocks
//! ([`DocumentView::hit`]), so the selection is in document characters from the start.

use egui::{Context, Event, EventFilter, Key, Rect, Response, Ui, pos2};

use super::layout::LayoutParams;
use super::selection::{self, Selection};
use super::{DocumentView, Drag, ScrollRequest, ViewInput};
use crate::model::{AnnotationId, Document};

/// Height of the band at the top and bottom of the view where a drag scrolls.
const EDGE: f32 = 24.0;

/// What the pointer did this frame.
#[derive(Debug, Default)]
pub(super) struct PointerOut {
    /// Annotation clicked without dragging.
    pub clicked: Option<AnnotationId>,
    /// Scroll wanted by a drag near an edge, in points (negative: up).
    pub autoscroll: f32,
    /// A drag ended with a different selection than before it.
    pub drag_changed: bool,
}

/// How far a key moves the focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Char,
    Word,
    Row,
    RowEdge,
}

/// A key the view acts on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum KeyAction {
    Move {
        unit: Unit,
        forward: bool,
        extend: bool,
    },
    SelectAll,
    Copy,
}

impl DocumentView {
    /// Press, drag, shift-click, double and triple click.
    pub(super) fn handle_pointer(
        &mut self,
        ui: &Ui,
        response: &Response,
        input: &ViewInput<'_>,
        text: &str,
    ) -> PointerOut {
        let (pressed, down, press_origin, latest, shift, dt) = ui.input(|i| {
            (
                i.pointer.primary_pressed(),
                i.pointer.primary_down(),
                i.pointer.press_origin(),
                i.pointer.latest_pos(),
                i.modifiers.shift,
                i.stable_dt,
            )
        });
        let mut out = PointerOut::default();
        // A quick click can press and release within one frame: then the button is no longer
        // down on us and the press origin is gone, but egui reports the click and where.
        if pressed
            && (response.is_pointer_button_down_on() || response.clicked())
            && let Some(c) = press_origin
                .or_else(|| response.interact_pointer_pos())
                .and_then(|p| self.hit(p, false))
        {
            if !response.has_focus() {
                // The caret is drawn for a focused view: one more frame to show it.
                response.request_focus();
                ui.ctx().request_repaint();
            }
            let before = self.selection;
            self.selection = Some(match before {
                Some(s) if shift => Selection {
                    anchor: s.anchor,
                    focus: c,
                },
                _ => Selection::caret(c),
            });
            self.drag = Some(Drag { before });
            self.sticky_x = None;
        }
        if let Some(drag) = self.drag {
            if let (Some(p), Some(clip)) = (latest, self.frame.as_ref().map(|f| f.clip)) {
                let y = p.y.clamp(
                    clip.top() + 1.0,
                    (clip.bottom() - 1.0).max(clip.top() + 1.0),
                );
                if let Some(c) = self.hit(pos2(p.x, y), false)
                    && let Some(s) = &mut self.selection
                {
                    s.focus = c;
                }
                if down {
                    out.autoscroll = autoscroll(p.y, clip, dt);
                }
            }
            if !down {
                self.drag = None;
                out.drag_changed = self.selection != drag.before;
            }
        }

        let at = response.interact_pointer_pos();
        let char_at =
            |view: &Self| at.and_then(|p| view.hit(p, true).or_else(|| view.hit(p, false)));
        if response.triple_clicked() {
            if let (Some(c), Some(doc)) = (char_at(self), &self.doc) {
                self.selection = Some(Selection::range(doc.blocks.paragraph_at(c)));
            }
        } else if response.double_clicked() {
            if let (Some(c), Some(doc)) = (char_at(self), &self.doc) {
                self.selection = Some(Selection::range(selection::word_at(text, &doc.blocks, c)));
            }
        } else if response.clicked() && !shift {
            out.clicked = at
                .and_then(|p| self.hit(p, true))
                .and_then(|c| self.index.at(c).first().copied())
                .and_then(|h| input.highlights.get(h.highlight))
                .map(|h| h.id.clone());
        }
        out
    }

    /// Arrow keys (with Shift to extend, Ctrl for words), Home/End, Ctrl+A and Ctrl+C.
    pub(super) fn handle_keys(
        &mut self,
        ui: &Ui,
        response: &Response,
        doc: &Document,
        params: &LayoutParams,
    ) {
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                response.id,
                EventFilter {
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    tab: false,
                    escape: false,
                },
            );
        });
        let mut actions = Vec::new();
        ui.input_mut(|i| {
            i.events.retain(|e| match key_action(e) {
                Some(a) => {
                    actions.push(a);
                    false
                }
                None => true,
            });
        });
        let mut copied = false;
        for action in actions {
            match action {
                KeyAction::SelectAll => {
                    self.selection = Some(Selection::range(0..doc.char_len()));
                }
                KeyAction::Copy => {
                    if !copied
                        && let Some(span) = self.selection()
                        && let Ok(text) = doc.slice(span)
                    {
                        ui.ctx().copy_text(text.to_owned());
                        copied = true;
                    }
                }
                KeyAction::Move {
                    unit,
                    forward,
                    extend,
                } => self.move_focus(ui.ctx(), params, doc, unit, forward, extend),
            }
        }
    }

    /// Moves (or, with `extend`, extends to) the focus by a unit and keeps it in view.
    fn move_focus(
        &mut self,
        ctx: &Context,
        params: &LayoutParams,
        doc: &Document,
        unit: Unit,
        forward: bool,
        extend: bool,
    ) {
        let len = doc.char_len();
        let sel = self
            .selection
            .unwrap_or_else(|| Selection::caret(self.first_visible));
        if unit != Unit::Row {
            self.sticky_x = None;
        }
        let collapse = sel.span().filter(|_| !extend && unit == Unit::Char);
        let target = match collapse {
            Some(span) if forward => span.end(),
            Some(span) => span.start(),
            None => self.step(ctx, params, doc.text(), sel.focus, unit, forward),
        }
        .min(len);
        self.selection = Some(if extend {
            Selection {
                anchor: sel.anchor,
                focus: target,
            }
        } else {
            Selection::caret(target)
        });
        self.pending = Some(ScrollRequest::Reveal(target, target.saturating_add(1)));
    }

    /// Where the focus goes from `from` by one unit.
    fn step(
        &mut self,
        ctx: &Context,
        params: &LayoutParams,
        text: &str,
        from: usize,
        unit: Unit,
        forward: bool,
    ) -> usize {
        let Some(doc) = &self.doc else {
            return from;
        };
        let len = doc.blocks.char_len();
        match (unit, forward) {
            (Unit::Char, true) => (from + 1).min(len),
            (Unit::Char, false) => from.saturating_sub(1),
            (Unit::Word, true) => selection::next_word_end(text, &doc.blocks, from),
            (Unit::Word, false) => selection::previous_word_start(text, &doc.blocks, from),
            (Unit::Row, _) => self.row_step(ctx, params, text, from, forward),
            (Unit::RowEdge, _) => self.row_edge(ctx, params, text, from, forward),
        }
    }

    /// The offset one row above or below `from`, at the same x (kept over several moves).
    fn row_step(
        &mut self,
        ctx: &Context,
        params: &LayoutParams,
        text: &str,
        from: usize,
        down: bool,
    ) -> usize {
        let Some((i, start, n)) = self.doc.as_ref().map(|d| {
            (
                d.blocks.find(from),
                d.blocks
                    .get(d.blocks.find(from))
                    .map_or(0, |b| b.char_start),
                d.blocks.len(),
            )
        }) else {
            return from;
        };
        let Some(galley) = self.galley(ctx, params, text, i) else {
            return from;
        };
        let local = from - start.min(from);
        let row = galley.row_of(local);
        let x = *self.sticky_x.get_or_insert_with(|| galley.x_of(row, local));
        if down && row + 1 < galley.rows() {
            return start + galley.offset_on_row(row + 1, x);
        }
        if !down && row > 0 {
            return start + galley.offset_on_row(row - 1, x);
        }
        let next = if down { i + 1 } else { i.wrapping_sub(1) };
        if next >= n {
            return if down { self.block_end(n) } else { 0 };
        }
        let Some(g) = self.galley(ctx, params, text, next) else {
            return from;
        };
        let base = self
            .doc
            .as_ref()
            .and_then(|d| d.blocks.get(next))
            .map_or(0, |b| b.char_start);
        let row = if down { 0 } else { g.rows().saturating_sub(1) };
        base + g.offset_on_row(row, x)
    }

    /// One past the last laid-out character of the document.
    fn block_end(&self, n: usize) -> usize {
        self.doc
            .as_ref()
            .and_then(|d| d.blocks.get(n.saturating_sub(1)))
            .map_or(0, |b| b.char_start + b.layout_len())
    }

    /// Start (Home) or end (End) of the row holding `from`.
    fn row_edge(
        &mut self,
        ctx: &Context,
        params: &LayoutParams,
        text: &str,
        from: usize,
        end: bool,
    ) -> usize {
        let Some((i, start)) = self.doc.as_ref().map(|d| {
            let i = d.blocks.find(from);
            (i, d.blocks.get(i).map_or(0, |b| b.char_start))
        }) else {
            return from;
        };
        let Some(galley) = self.galley(ctx, params, text, i) else {
            return from;
        };
        let chars = galley.row_chars(galley.row_of(from - start.min(from)));
        start + if end { chars.end } else { chars.start }
    }
}

/// The key action an event stands for, if the view handles it.
fn key_action(event: &Event) -> Option<KeyAction> {
    match event {
        Event::Copy => Some(KeyAction::Copy),
        Event::Key {
            key,
            pressed: true,
            modifiers: m,
            ..
        } => {
            let word = m.command || m.ctrl || m.alt;
            let plain_command = m.command && !m.shift && !m.alt;
            let unit = match key {
                Key::ArrowLeft | Key::ArrowRight if word => Unit::Word,
                Key::ArrowLeft | Key::ArrowRight => Unit::Char,
                Key::ArrowUp | Key::ArrowDown if !word => Unit::Row,
                Key::Home | Key::End if !word => Unit::RowEdge,
                Key::A if plain_command => return Some(KeyAction::SelectAll),
                Key::C if plain_command => return Some(KeyAction::Copy),
                _ => return None,
            };
            Some(KeyAction::Move {
                unit,
                forward: matches!(key, Key::ArrowRight | Key::ArrowDown | Key::End),
                extend: m.shift,
            })
        }
        _ => None,
    }
}

/// Scroll per frame while a drag is held `y` near or past an edge of `clip`.
fn autoscroll(y: f32, clip: Rect, dt: f32) -> f32 {
    let dt = dt.clamp(1.0 / 120.0, 0.1);
    let speed = |depth: f32| (200.0 + 12.0 * depth).min(4_000.0) * dt;
    if y < clip.top() + EDGE {
        -speed(clip.top() + EDGE - y)
    } else if y > clip.bottom() - EDGE {
        speed(y - (clip.bottom() - EDGE))
    } else {
        0.0
    }
}
