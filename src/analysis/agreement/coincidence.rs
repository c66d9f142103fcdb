//! Krippendorff's α for nominal data, computed from the coincidence matrix.
//!
//! The general case of Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability"
//! (University of Pennsylvania, <https://repository.upenn.edu/asc_papers/43>): reliability data
//! are units × coders with missing values; each unit with `m_u ≥ 2` values adds
//! `n_cu · n_ku / (m_u − 1)` to the coincidence `o_ck` (and `n_cu (n_cu − 1) / (m_u − 1)` to
//! `o_cc`); units with fewer than two values are not pairable and drop out. Then, with
//! `n_c = Σ_k o_ck` and `n = Σ_c n_c`,
//!
//! ```text
//! α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c · n_k
//! ```
//!
//! α is undefined (`None`, never 0 or 1) when the data hold a single value (no variation, so no
//! expected disagreement) or fewer than two pairable values.

/// Reliability data: `units[u][coder]` is the category a coder gave a unit, `None` if missing.
/// Categories are small integers `0..categories`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReliabilityData {
    pub categories: usize,
    pub units: Vec<Vec<Option<usize>>>,
}

impl ReliabilityData {
    /// Data from rows of values; the number of categories is one more than the largest value.
    #[must_use]
    pub fn new(units: Vec<Vec<Option<usize>>>) -> Self {
        let categories = units.iter().flatten().flatten().max().map_or(0, |m| m + 1);
        Self { categories, units }
    }

    /// Data given coder by coder (the layout of Krippendorff's tables: one row per observer).
    #[must_use]
    pub fn from_coder_rows(rows: &[Vec<Option<usize>>]) -> Self {
        let n_units = rows.iter().map(Vec::len).max().unwrap_or(0);
        let units = (0..n_units)
            .map(|u| rows.iter().map(|r| r.get(u).copied().flatten()).collect())
            .collect();
        Self::new(units)
    }

    /// The coincidence matrix of the data.
    #[must_use]
    pub fn coincidences(&self) -> Coincidences {
        let mut c = Coincidences::new(self.categories);
        let mut counts = vec![0_u64; self.categories];
        for unit in &self.units {
            counts.fill(0);
            for &v in unit.iter().flatten() {
                counts[v] += 1;
            }
            c.add_unit(&counts, 1);
        }
        c
    }

    /// Krippendorff's α, nominal metric.
    #[must_use]
    pub fn alpha_nominal(&self) -> Option<f64> {
        self.coincidences().alpha_nominal()
    }
}

/// A nominal coincidence matrix `o_ck` with the marginal counts `n_c` kept as integers.
#[derive(Clone, Debug, PartialEq)]
pub struct Coincidences {
    k: usize,
    /// Row-major `k × k`.
    o: Vec<f64>,
    /// Pairable values per category.
    n: Vec<u64>,
}

impl Coincidences {
    /// An empty matrix over `k` categories.
    #[must_use]
    pub fn new(k: usize) -> Self {
        Self {
            k,
            o: vec![0.0; k * k],
            n: vec![0; k],
        }
    }

    /// Adds `weight` identical units whose values are `counts[c]` coders for category `c`.
    /// A unit with fewer than two values is not pairable and adds nothing.
    pub fn add_unit(&mut self, counts: &[u64], weight: u64) {
        let m: u64 = counts.iter().sum();
        if m < 2 || weight == 0 {
            return;
        }
        let scale = weight as f64 / (m - 1) as f64;
        for (c, &nc) in counts.iter().enumerate().take(self.k) {
            if nc == 0 {
                continue;
            }
            self.n[c] += nc * weight;
            for (k, &nk) in counts.iter().enumerate().take(self.k) {
                let pairs = if c == k { nc * (nc - 1) } else { nc * nk };
                self.o[c * self.k + k] += pairs as f64 * scale;
            }
        }
    }

    /// `o_ck`.
    #[must_use]
    pub fn get(&self, c: usize, k: usize) -> f64 {
        self.o.get(c * self.k + k).copied().unwrap_or(0.0)
    }

    /// Number of pairable values `n`.
    #[must_use]
    pub fn pairable(&self) -> u64 {
        self.n.iter().sum()
    }

    /// Krippendorff's α with the nominal metric; `None` where it is undefined.
    #[must_use]
    pub fn alpha_nominal(&self) -> Option<f64> {
        let n = self.pairable();
        let used = self.n.iter().filter(|&&x| x > 0).count();
        if n < 2 || used < 2 {
            return None;
        }
        let diagonal: f64 = (0..self.k).map(|c| self.get(c, c)).sum();
        let observed = n as f64 - diagonal;
        let sum_sq: u128 = self.n.iter().map(|&x| u128::from(x) * u128::from(x)).sum();
        let expected = (u128::from(n) * u128::from(n) - sum_sq) as f64;
        Some(1.0 - (n - 1) as f64 * observed / expected)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(values: &[i32]) -> Vec<Option<usize>> {
        values.iter().map(|&v| usize::try_from(v).ok()).collect()
    }

    /// Krippendorff (2011), section A, "Binary or dichotomous data, two observers, no missing
    /// data": 10 units, observers A and B; published α = 0.095.
    #[test]
    fn krippendorff_2011_binary_two_observers() {
        let data = ReliabilityData::from_coder_rows(&[
            row(&[0, 1, 0, 0, 0, 0, 0, 0, 1, 0]),
            row(&[1, 1, 1, 0, 0, 1, 0, 0, 0, 0]),
        ]);
        let c = data.coincidences();
        assert!((c.get(0, 0) - 10.0).abs() < 1e-12);
        assert!((c.get(0, 1) - 4.0).abs() < 1e-12);
        assert!((c.get(1, 1) - 2.0).abs() < 1e-12);
        assert_eq!(c.pairable(), 20);
        let alpha = c.alpha_nominal().expect("defined");
        // α = 1 − 19 · 4 / (14 · 6) = 8/84 exactly.
        assert!((alpha - 8.0 / 84.0).abs() < 1e-12);
        assert_eq!(format!("{alpha:.3}"), "0.095");
    }

    /// Krippendorff (2011), section B, "Nominal data, two observers, no missing data": values
    /// a..e for 12 units; published α = 0.692.
    #[test]
    fn krippendorff_2011_nominal_two_observers() {
        // a=0 b=1 c=2 d=3 e=4
        let data = ReliabilityData::from_coder_rows(&[
            row(&[0, 0, 1, 1, 3, 2, 2, 2, 4, 3, 3, 0]),
            row(&[1, 0, 1, 1, 1, 2, 2, 2, 4, 3, 3, 3]),
        ]);
        let alpha = data.alpha_nominal().expect("defined");
        assert_eq!(format!("{alpha:.3}"), "0.692");
    }

    /// Krippendorff (2011), section C, "Nominal data, any number of observers, missing data":
    /// observers A–D, 12 units, values 1–5 (`-1` = missing); published nominal α = 0.743.
    #[test]
    fn krippendorff_2011_nominal_four_observers_missing_values() {
        let data = ReliabilityData::from_coder_rows(&[
            row(&[1, 2, 3, 3, 2, 1, 4, 1, 2, -1, -1, -1]),
            row(&[1, 2, 3, 3, 2, 2, 4, 1, 2, 5, -1, 3]),
            row(&[-1, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, -1]),
            row(&[1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, -1]),
        ]);
        let c = data.coincidences();
        // Unit 12 has a single value and is not pairable: 40 pairable values remain.
        assert_eq!(c.pairable(), 40);
        let alpha = c.alpha_nominal().expect("defined");
        assert_eq!(format!("{alpha:.3}"), "0.743");
        // Exactly 1 − (n − 1) · Σ_{c≠k} o_ck / (n² − Σ n_c²) = 1 − 39 · 8 / 1216.
        assert!((alpha - (1.0 - 39.0 * 8.0 / 1216.0)).abs() < 1e-12);
    }

    #[test]
    fn identical_coders_give_one_and_no_variation_is_undefined() {
        let same = ReliabilityData::from_coder_rows(&[row(&[0, 1, 1, 0]), row(&[0, 1, 1, 0])]);
        assert_eq!(same.alpha_nominal(), Some(1.0));
        let flat = ReliabilityData::from_coder_rows(&[row(&[1, 1, 1]), row(&[1, 1, 1])]);
        assert_eq!(flat.alpha_nominal(), None);
        let unpairable = ReliabilityData::from_coder_rows(&[row(&[0, -1]), row(&[-1, 1])]);
        assert_eq!(unpairable.alpha_nominal(), None);
    }
}
