//! Block heights: estimated from the character count, made exact when a block is laid out, and
//! summed into prefix sums so that "which block is at y?" is a binary search.

use super::blocks::Blocks;

/// How the height of a block that was never laid out is guessed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimator {
    /// Mean advance of the document's characters, in points.
    pub char_width: f32,
    /// Wrap width, in points.
    pub wrap_width: f32,
    /// Height of one row, in points.
    pub row_height: f32,
}

impl Estimator {
    /// Word wrap leaves the end of most rows empty: count on this much of the width being used.
    const FILL: f32 = 0.93;

    /// Estimated height of a block of `chars` laid-out characters.
    #[must_use]
    pub fn height(&self, chars: usize) -> f32 {
        let per_row = (self.wrap_width * Self::FILL / self.char_width.max(0.1)).max(1.0);
        let rows = (chars as f32 / per_row).ceil().max(1.0);
        rows * self.row_height
    }
}

/// Heights of every block and their prefix sums (in `f64`: a 5 MB text is ~10⁶ points tall).
#[derive(Clone, Debug, Default)]
pub struct Heights {
    sizes: Vec<f32>,
    exact: Vec<bool>,
    /// `prefix[i]` is the top of block `i`; `prefix[n]` the total height.
    prefix: Vec<f64>,
    /// Lowest block whose height changed since the prefix sums were computed.
    dirty_from: Option<usize>,
}

impl Heights {
    /// All blocks estimated.
    #[must_use]
    pub fn estimated(blocks: &Blocks, estimator: &Estimator) -> Self {
        let sizes: Vec<f32> = blocks
            .as_slice()
            .iter()
            .map(|b| estimator.height(b.layout_len()))
            .collect();
        let mut this = Self {
            exact: vec![false; sizes.len()],
            prefix: Vec::with_capacity(sizes.len() + 1),
            sizes,
            dirty_from: Some(0),
        };
        this.refresh();
        this
    }

    /// Records the laid-out height of block `i`.
    pub fn set_exact(&mut self, i: usize, height: f32) {
        let (Some(h), Some(e)) = (self.sizes.get_mut(i), self.exact.get_mut(i)) else {
            return;
        };
        *e = true;
        if (*h - height).abs() > f32::EPSILON {
            *h = height;
            self.dirty_from = Some(self.dirty_from.map_or(i, |d| d.min(i)));
        }
    }

    /// Whether block `i` has been laid out at the current size.
    #[must_use]
    pub fn is_exact(&self, i: usize) -> bool {
        self.exact.get(i).copied().unwrap_or(false)
    }

    /// Height of block `i`.
    #[must_use]
    pub fn height(&self, i: usize) -> f32 {
        self.sizes.get(i).copied().unwrap_or(0.0)
    }

    /// Brings the prefix sums up to date (only from the first changed block on).
    pub fn refresh(&mut self) {
        let Some(from) = self.dirty_from.take() else {
            return;
        };
        self.prefix.truncate(from + 1);
        if self.prefix.is_empty() {
            self.prefix.push(0.0);
        }
        let mut y = self.prefix.last().copied().unwrap_or(0.0);
        for &h in self.sizes.iter().skip(self.prefix.len() - 1) {
            y += f64::from(h);
            self.prefix.push(y);
        }
    }

    /// Top of block `i` (call [`Self::refresh`] after changes).
    #[must_use]
    pub fn top(&self, i: usize) -> f64 {
        self.prefix
            .get(i)
            .or_else(|| self.prefix.last())
            .copied()
            .unwrap_or(0.0)
    }

    /// Total height.
    #[must_use]
    pub fn total(&self) -> f64 {
        self.prefix.last().copied().unwrap_or(0.0)
    }

    /// The block at height `y` (clamped to the first and last block).
    #[must_use]
    pub fn block_at(&self, y: f64) -> usize {
        let n = self.sizes.len();
        if n == 0 {
            return 0;
        }
        // First block whose bottom is below y.
        let i = self
            .prefix
            .get(1..)
            .map_or(0, |bottoms| bottoms.partition_point(|&b| b <= y));
        i.min(n - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_heights_move_the_blocks_below() {
        let blocks = Blocks::split("a\nbb\nccc\ndddd");
        let est = Estimator {
            char_width: 10.0,
            wrap_width: 1000.0,
            row_height: 20.0,
        };
        let mut h = Heights::estimated(&blocks, &est);
        assert!((h.total() - 80.0).abs() < 1e-9);
        assert_eq!(h.block_at(-5.0), 0);
        assert_eq!(h.block_at(20.0), 1);
        assert_eq!(h.block_at(79.0), 3);
        assert_eq!(h.block_at(1e9), 3);
        h.set_exact(1, 50.0);
        h.refresh();
        assert!(h.is_exact(1) && !h.is_exact(0));
        assert!((h.top(2) - 70.0).abs() < 1e-9);
        assert!((h.total() - 110.0).abs() < 1e-9);
        assert_eq!(h.block_at(69.0), 1);
    }

    #[test]
    fn estimates_grow_with_the_text() {
        let est = Estimator {
            char_width: 7.0,
            wrap_width: 700.0,
            row_height: 20.0,
        };
        assert!((est.height(0) - 20.0).abs() < f32::EPSILON);
        assert!((est.height(50) - 20.0).abs() < f32::EPSILON);
        assert!((est.height(1000) - 220.0).abs() < f32::EPSILON);
    }
}
