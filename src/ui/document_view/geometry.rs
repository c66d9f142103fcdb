//! Positions inside one laid-out block: character ↔ row ↔ x, and the rectangles of a character
//! range. Rows are found by binary search, so a hit-test costs well under a microsecond.

use std::mem::size_of_val;
use std::ops::Range;
use std::sync::Arc;

use egui::text::CharIndex;
use egui::{Galley, Rect, Vec2, pos2};

/// A block's galley with the character offset at which each of its rows starts.
#[derive(Debug)]
pub struct BlockGalley {
    galley: Arc<Galley>,
    /// Block-local offset of each row's first character, plus the total at the end.
    row_starts: Vec<usize>,
}

impl BlockGalley {
    /// Indexes a galley's rows.
    #[must_use]
    pub fn new(galley: Arc<Galley>) -> Self {
        let mut row_starts = Vec::with_capacity(galley.rows.len() + 1);
        let mut at = 0;
        for row in &galley.rows {
            row_starts.push(at);
            at += row.char_count_including_newline().0;
        }
        row_starts.push(at);
        Self { galley, row_starts }
    }

    /// The galley to paint.
    #[must_use]
    pub fn galley(&self) -> &Arc<Galley> {
        &self.galley
    }

    /// Height of the block, in points.
    #[must_use]
    pub fn height(&self) -> f32 {
        self.galley.rect.height()
    }

    /// Characters laid out.
    #[must_use]
    pub fn chars(&self) -> usize {
        self.row_starts.last().copied().unwrap_or(0)
    }

    /// Number of rows.
    #[must_use]
    pub fn rows(&self) -> usize {
        self.galley.rows.len()
    }

    /// Characters of row `row`, block-local.
    #[must_use]
    pub fn row_chars(&self, row: usize) -> Range<usize> {
        let start = self.row_starts.get(row).copied().unwrap_or(0);
        let count = self
            .galley
            .rows
            .get(row)
            .map_or(0, |r| r.char_count_excluding_newline().0);
        start..start + count
    }

    /// Logical rectangle of a row, relative to the galley.
    #[must_use]
    pub fn row_rect(&self, row: usize) -> Rect {
        self.galley
            .rows
            .get(row)
            .map_or(Rect::NOTHING, egui::epaint::text::PlacedRow::rect)
    }

    /// The row holding block-local offset `c`; at a wrap the row that starts there.
    #[must_use]
    pub fn row_of(&self, c: usize) -> usize {
        let rows = self.rows();
        if rows == 0 {
            return 0;
        }
        self.row_starts[..rows]
            .partition_point(|&s| s <= c)
            .saturating_sub(1)
    }

    /// x of the boundary before block-local offset `c` on row `row`, relative to the galley.
    #[must_use]
    pub fn x_of(&self, row: usize, c: usize) -> f32 {
        let Some(placed) = self.galley.rows.get(row) else {
            return 0.0;
        };
        let start = self.row_starts.get(row).copied().unwrap_or(0);
        let column = c.saturating_sub(start).min(placed.glyphs.len());
        placed.pos.x + placed.x_offset(CharIndex(column))
    }

    /// Rows that meet the vertical range `[y0, y1]` (galley coordinates).
    #[must_use]
    pub fn rows_in(&self, y0: f32, y1: f32) -> Range<usize> {
        let rows = &self.galley.rows;
        let first = rows.partition_point(|r| r.max_y() < y0);
        let last = rows.partition_point(|r| r.min_y() <= y1);
        first..last.max(first)
    }

    /// The row at height `y` (clamped to the first and last row).
    fn row_at(&self, y: f32) -> usize {
        let rows = &self.galley.rows;
        rows.partition_point(|r| r.max_y() <= y)
            .min(rows.len().saturating_sub(1))
    }

    /// The character boundary nearest to `p` (galley coordinates), block-local: what a click
    /// or a drag selects up to.
    #[must_use]
    pub fn cursor_at(&self, p: Vec2) -> usize {
        let Some(first) = self.galley.rows.first() else {
            return 0;
        };
        if p.y < first.min_y() {
            return 0;
        }
        let row = self.row_at(p.y);
        let Some(placed) = self.galley.rows.get(row) else {
            return self.chars();
        };
        let x = p.x - placed.pos.x;
        let column = placed
            .glyphs
            .partition_point(|g| g.logical_rect().center().x <= x);
        self.row_starts.get(row).copied().unwrap_or(0) + column
    }

    /// The character under `p` (galley coordinates), block-local; `None` beside the text.
    #[must_use]
    pub fn char_under(&self, p: Vec2) -> Option<usize> {
        let rows = &self.galley.rows;
        let row = rows.partition_point(|r| r.max_y() <= p.y);
        let placed = rows.get(row)?;
        if p.y < placed.min_y() {
            return None;
        }
        let x = p.x - placed.pos.x;
        let column = placed.glyphs.partition_point(|g| g.max_x() <= x);
        if column >= placed.glyphs.len() || x < placed.glyphs.first().map_or(0.0, |g| g.pos.x) {
            return None;
        }
        Some(self.row_starts.get(row).copied().unwrap_or(0) + column)
    }

    /// Calls `f(row, rect)` for the part of each row in `rows` covered by the block-local range
    /// `[a, b)`; rectangles are relative to the galley, full row height.
    pub fn range_rects(
        &self,
        a: usize,
        b: usize,
        rows: Range<usize>,
        mut f: impl FnMut(usize, Rect),
    ) {
        if a >= b {
            return;
        }
        let first = rows.start.max(self.row_of(a));
        for row in first..rows.end.min(self.rows()) {
            let chars = self.row_chars(row);
            if chars.start >= b {
                break;
            }
            let from = a.max(chars.start);
            let to = b.min(chars.end);
            let r = self.row_rect(row);
            let x0 = self.x_of(row, from);
            // A range that goes on past this row covers its end (trailing space included).
            let x1 = if b > chars.end {
                r.right()
            } else {
                self.x_of(row, to)
            };
            if x1 > x0 || b > chars.end {
                f(
                    row,
                    Rect::from_min_max(pos2(x0, r.top()), pos2(x1.max(x0 + 2.0), r.bottom())),
                );
            }
        }
    }

    /// Rectangle (galley coordinates) of the character boundary before block-local offset `c`.
    #[must_use]
    pub fn caret_rect(&self, c: usize) -> Rect {
        let row = self.row_of(c);
        let r = self.row_rect(row);
        let x = self.x_of(row, c);
        Rect::from_min_max(pos2(x, r.top()), pos2(x, r.bottom()))
    }

    /// The block-local offset on row `row` nearest to `x`.
    #[must_use]
    pub fn offset_on_row(&self, row: usize, x: f32) -> usize {
        let Some(placed) = self.galley.rows.get(row) else {
            return self.chars();
        };
        let rel = x - placed.pos.x;
        let column = placed
            .glyphs
            .partition_point(|g| g.logical_rect().center().x <= rel);
        self.row_starts.get(row).copied().unwrap_or(0) + column
    }

    /// Bytes held by the galley: glyphs, mesh vertices and indices, rows.
    #[must_use]
    pub fn approx_bytes(&self) -> usize {
        let rows: usize = self
            .galley
            .rows
            .iter()
            .map(|r| {
                size_of_val(r.glyphs.as_slice())
                    + size_of_val(r.visuals.mesh.vertices.as_slice())
                    + size_of_val(r.visuals.mesh.indices.as_slice())
                    + size_of_val(&**r)
                    + size_of_val(r)
            })
            .sum();
        rows + self.galley.job.text.len() + size_of_val(self.row_starts.as_slice())
    }
}

/// Rounds a screen coordinate to whole physical pixels, so that text stays crisp.
#[must_use]
pub fn round_to_pixel(v: f32, pixels_per_point: f32) -> f32 {
    (v * pixels_per_point).round() / pixels_per_point
}
