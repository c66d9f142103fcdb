//! Krippendorff's unitized α (`uα`) for one code: agreement on where coded stretches begin and
//! end, not only on which characters they cover.
//!
//! Krippendorff, K. (1995), "On the reliability of unitizing continuous data", *Sociological
//! Methodology* 25: 47–76; Krippendorff, K. (2004), "Measuring the reliability of qualitative text
//! analysis data", *Quality & Quantity* 38: 787–800. Each coder cuts the continuum (here the
//! compared documents one after another, `L` characters in all) into units of the code and the
//! gaps between them (gaps stop at document ends). With `m` coders, for two segments `g` of coder
//! `i` (begin `b_g`, length `l_g`) and `h` of coder `j`:
//!
//! ```text
//! δ²(g, h) = (b_g − b_h)² + (b_g + l_g − b_h − l_h)²   both units, and they overlap
//!          = l_g²                                       g a unit inside the gap h
//!          = l_h²                                       h a unit inside the gap g
//!          = 0                                          otherwise
//! uD_o = Σ_{i≠j} Σ_g Σ_h δ²(g, h) / (m (m − 1) L²)
//! uD_e = (2 / L) Σ_{units g} [ (N − 1)/3 · (2 l_g³ − 3 l_g² + l_g)
//!                              + l_g² Σ_{gaps h, l_h ≥ l_g} (l_h − l_g + 1) ]
//!        / ( m L (m L − 1) − Σ_{units g} l_g (l_g − 1) )
//! uα  = 1 − uD_o / uD_e
//! ```
//!
//! where `N` is the number of units of the code over all coders and the gap sum runs over the gaps
//! of all coders. Pooled over codes, `uα = 1 − Σ uD_o / Σ uD_e` (Krippendorff 2004, joint α).
//! A coder's own overlapping annotations of one code are merged into one unit first (units of one
//! category by one coder may not overlap); touching ones stay two units.
//!
//! Cost: two merge-like sweeps per document and ordered coder pair, and a sort of gap lengths.

/// One document's worth of the continuum: its length and, per coder, the coder's units of the
/// code as sorted, disjoint `[start, end)` character ranges.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Continuum {
    pub len: usize,
    pub units: Vec<Vec<(usize, usize)>>,
}

/// The two disagreements whose ratio is `uα`, kept apart so that codes can be pooled.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Disagreements {
    pub observed: f64,
    pub expected: f64,
}

impl Disagreements {
    /// `1 − D_o / D_e`, undefined when nothing was coded (no expected disagreement).
    #[must_use]
    pub fn alpha(self) -> Option<f64> {
        (self.expected > 0.0).then(|| 1.0 - self.observed / self.expected)
    }

    /// Adds another code's disagreements (joint α).
    #[must_use]
    pub fn plus(self, other: Self) -> Self {
        Self {
            observed: self.observed + other.observed,
            expected: self.expected + other.expected,
        }
    }
}

/// Sorts ranges and merges those that overlap (touching ranges stay apart).
#[must_use]
pub fn merge_overlapping(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (s, e) in ranges {
        match out.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// `uD_o` and `uD_e` of one code over `coders` coders.
#[must_use]
pub fn disagreements(continua: &[Continuum], coders: usize) -> Disagreements {
    let total_len: usize = continua.iter().map(|c| c.len).sum();
    if coders < 2 || total_len == 0 {
        return Disagreements::default();
    }
    let l = total_len as f64;
    let m = coders as f64;

    let mut observed = 0.0_f64;
    let mut unit_lengths: Vec<f64> = Vec::new();
    let mut gap_lengths: Vec<usize> = Vec::new();
    for doc in continua {
        let empty = Vec::new();
        let coder_units = |i: usize| doc.units.get(i).unwrap_or(&empty);
        for i in 0..coders {
            let units = coder_units(i);
            let mut at = 0;
            for &(s, e) in units {
                unit_lengths.push((e - s) as f64);
                if s > at {
                    gap_lengths.push(s - at);
                }
                at = e;
            }
            if doc.len > at {
                gap_lengths.push(doc.len - at);
            }
            for j in 0..coders {
                if i != j {
                    observed += ordered_pair(units, coder_units(j));
                }
            }
        }
    }

    let n_units = unit_lengths.len() as f64;
    gap_lengths.sort_unstable();
    // suffix[k] = Σ_{h ≥ k} (l_h + 1) over sorted gap lengths.
    let mut suffix = vec![0.0_f64; gap_lengths.len() + 1];
    for k in (0..gap_lengths.len()).rev() {
        suffix[k] = suffix[k + 1] + (gap_lengths[k] + 1) as f64;
    }
    let mut numerator = 0.0_f64;
    let mut own_pairs = 0.0_f64;
    for &lg in &unit_lengths {
        let first = gap_lengths.partition_point(|&h| (h as f64) < lg);
        let count = (gap_lengths.len() - first) as f64;
        let gaps = suffix[first] - lg * count;
        numerator +=
            (n_units - 1.0) / 3.0 * (2.0 * lg * lg * lg - 3.0 * lg * lg + lg) + lg * lg * gaps;
        own_pairs += lg * (lg - 1.0);
    }
    let denominator = m * l * (m * l - 1.0) - own_pairs;
    Disagreements {
        observed: observed / (m * (m - 1.0) * l * l),
        expected: if denominator > 0.0 {
            2.0 / l * numerator / denominator
        } else {
            0.0
        },
    }
}

/// `Σ_g Σ_h δ²(g, h)` for coder `i`'s segments `g` against coder `j`'s segments `h`: units that
/// overlap, `i`'s units lying in a gap of `j` (meeting no unit of `j`), and `j`'s units lying in a
/// gap of `i`.
fn ordered_pair(a: &[(usize, usize)], b: &[(usize, usize)]) -> f64 {
    overlaps_and_lonely(a, b, true) + overlaps_and_lonely(b, a, false)
}

/// Sums `δ²` over overlapping unit pairs (when `with_overlaps`) and `l²` over the units of `a`
/// that meet no unit of `b`. Both lists are sorted and disjoint: one forward sweep.
fn overlaps_and_lonely(a: &[(usize, usize)], b: &[(usize, usize)], with_overlaps: bool) -> f64 {
    let mut sum = 0.0_f64;
    let mut first = 0; // first unit of b that may still overlap the current unit of a
    for &(s, e) in a {
        while first < b.len() && b[first].1 <= s {
            first += 1;
        }
        let mut met = false;
        let mut k = first;
        while k < b.len() && b[k].0 < e {
            met = true;
            if with_overlaps {
                let db = s as f64 - b[k].0 as f64;
                let de = e as f64 - b[k].1 as f64;
                sum += db * db + de * de;
            }
            k += 1;
        }
        if !met {
            let len = (e - s) as f64;
            sum += len * len;
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Krippendorff (2004), the worked example (continuum 150–450, observers i and j; categories
    /// c and k), as reproduced by DKPro Statistics' unitizing tests: uD_o(c) = 0.0144,
    /// uD_e(c) = 0.0532, uα_c = 0.7285 ± 0.0001 (the paper rounds its intermediate figures; an
    /// independent all-pairs computation of the formulas gives 0.728599), uα_k = 1, joint
    /// uα = 0.8587. Offsets here are shifted by −150.
    #[test]
    fn krippendorff_2004_example() {
        let c = [Continuum {
            len: 300,
            units: vec![
                vec![(75, 145), (220, 250)],
                vec![(70, 150), (205, 225), (250, 270)],
            ],
        }];
        let k = [Continuum {
            len: 300,
            units: vec![vec![(30, 90), (150, 200)], vec![(30, 90), (150, 200)]],
        }];
        let dc = disagreements(&c, 2);
        let dk = disagreements(&k, 2);
        assert_eq!(format!("{:.4}", dc.observed), "0.0144");
        assert_eq!(format!("{:.4}", dc.expected), "0.0532");
        assert_eq!(format!("{:.4}", dk.expected), "0.0490");
        let alpha_c = dc.alpha().expect("defined");
        assert!((alpha_c - 0.7285).abs() <= 1e-4);
        assert!((alpha_c - 0.728_599).abs() < 1e-6);
        assert_eq!(dk.alpha(), Some(1.0));
        assert_eq!(
            format!("{:.4}", dc.plus(dk).alpha().expect("defined")),
            "0.8587"
        );
    }

    /// By hand: L = 10, A codes [2, 6), B codes [3, 6). Observed: 2 · ((2−3)² + 0²) / (2·1·100)
    /// = 0.01. Expected: N = 2; the unit of 4 gives (1/3)(128 − 48 + 4) + 16 · 2 = 60 (gaps of 4
    /// and 4 are ≥ 4), the unit of 3 gives (1/3)(54 − 27 + 3) + 9 · (1 + 2 + 2) = 55; so
    /// (2/10) · 115 / (2·10·19 − 12 − 6) = 23/362; uα = 1 − 0.01 · 362/23.
    #[test]
    fn hand_computed_shifted_boundary() {
        let d = disagreements(
            &[Continuum {
                len: 10,
                units: vec![vec![(2, 6)], vec![(3, 6)]],
            }],
            2,
        );
        assert!((d.observed - 0.01).abs() < 1e-15);
        assert!((d.expected - 23.0 / 362.0).abs() < 1e-15);
        assert!((d.alpha().expect("defined") - (1.0 - 3.62 / 23.0)).abs() < 1e-12);
    }

    #[test]
    fn edge_cases() {
        // Nobody coded: undefined.
        let none = [Continuum {
            len: 50,
            units: vec![vec![], vec![]],
        }];
        assert_eq!(disagreements(&none, 2).alpha(), None);
        // One coder coded nothing: every unit of the other lies in a gap.
        let lazy = [Continuum {
            len: 50,
            units: vec![vec![(10, 20)], vec![]],
        }];
        assert!(disagreements(&lazy, 2).alpha().expect("defined") < 0.5);
        // Identical codings across two documents.
        let same = [
            Continuum {
                len: 40,
                units: vec![vec![(1, 5), (9, 12)], vec![(1, 5), (9, 12)]],
            },
            Continuum {
                len: 30,
                units: vec![vec![(0, 30)], vec![(0, 30)]],
            },
        ];
        assert_eq!(disagreements(&same, 2).alpha(), Some(1.0));
    }

    #[test]
    fn merging_keeps_touching_units_apart() {
        assert_eq!(
            merge_overlapping(vec![(5, 9), (0, 3), (2, 4), (9, 12)]),
            vec![(0, 4), (5, 9), (9, 12)]
        );
    }
}
