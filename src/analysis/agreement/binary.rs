//! Presence/absence data with every coder on every unit, as a histogram of coding patterns.
//!
//! At the character unit a document of a million characters would be a million rows; but between
//! two annotation boundaries nothing changes, so each run of characters that the same coders
//! coded is one entry: the pattern (bit `i` set when coder `i` coded the unit) and the number of
//! units with it. Every measure here is a sum over units, so it is computed from the
//! histogram in `O(patterns)` (α and Fleiss' κ) or `O(patterns × pairs)` (Cohen's κ). With no
//! missing value and two categories, α's coincidences are integers times `1 / (m − 1)`, so α is
//! computed in integers up to its last division.

use std::collections::BTreeMap;

use super::kappa;

/// Largest number of coders compared at once (one bit each in a pattern).
pub const MAX_CODERS: usize = 128;

/// Which coders coded a unit: bit `i` for coder `i`.
pub type Pattern = u128;

/// How many units show each coding pattern, for `coders` coders.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PatternTable {
    coders: usize,
    counts: BTreeMap<Pattern, u64>,
}

impl PatternTable {
    /// An empty table for `coders` coders (at most [`MAX_CODERS`]).
    #[must_use]
    pub fn new(coders: usize) -> Self {
        Self {
            coders: coders.min(MAX_CODERS),
            counts: BTreeMap::new(),
        }
    }

    /// Adds `units` units with the same pattern.
    pub fn add(&mut self, pattern: Pattern, units: u64) {
        if units > 0 {
            *self.counts.entry(pattern).or_default() += units;
        }
    }

    /// Adds every entry of another table over the same coders (pooling codes).
    pub fn merge(&mut self, other: &Self) {
        for (&p, &n) in &other.counts {
            self.add(p, n);
        }
    }

    /// Number of coders.
    #[must_use]
    pub fn coders(&self) -> usize {
        self.coders
    }

    /// The patterns and their unit counts.
    pub fn entries(&self) -> impl Iterator<Item = (Pattern, u64)> + '_ {
        self.counts.iter().map(|(&p, &n)| (p, n))
    }

    /// Number of units.
    #[must_use]
    pub fn units(&self) -> u64 {
        self.counts.values().sum()
    }

    /// Units that at least one coder coded.
    #[must_use]
    pub fn units_coded(&self) -> u64 {
        self.entries()
            .filter(|&(p, _)| p != 0)
            .map(|(_, n)| n)
            .sum()
    }

    fn full(&self) -> Pattern {
        if self.coders >= MAX_CODERS {
            Pattern::MAX
        } else {
            (1 << self.coders) - 1
        }
    }

    /// Krippendorff's α (nominal; here the two values are "coded" and "not coded").
    ///
    /// With `m` coders on every unit and `k` of them coding it, the unit adds `k (m − k) / (m − 1)`
    /// to each of `o_01` and `o_10`; `n_1 = Σ k`, `n_0 = Σ (m − k)`, `n = n_0 + n_1`, so
    /// `α = 1 − (n − 1) · Σ k (m − k) / ((m − 1) · n_0 · n_1)`.
    #[must_use]
    pub fn alpha(&self) -> Option<f64> {
        let m = self.coders as u128;
        if m < 2 {
            return None;
        }
        let (mut n1, mut n0, mut disagree) = (0_u128, 0_u128, 0_u128);
        for (p, units) in self.entries() {
            let k = u128::from(p.count_ones());
            let w = u128::from(units);
            n1 += k * w;
            n0 += (m - k) * w;
            disagree += k * (m - k) * w;
        }
        let n = n0 + n1;
        if n0 == 0 || n1 == 0 {
            return None;
        }
        Some(1.0 - ((n - 1) as f64 * disagree as f64) / ((m - 1) as f64 * (n0 * n1) as f64))
    }

    /// Cohen's κ between coders `a` and `b` (indices).
    #[must_use]
    pub fn cohen(&self, a: usize, b: usize) -> Option<f64> {
        let mut table = vec![vec![0_u64; 2]; 2];
        for (p, n) in self.entries() {
            let x = usize::from(p >> a & 1 == 1);
            let y = usize::from(p >> b & 1 == 1);
            table[x][y] += n;
        }
        kappa::cohen_from_table(&table)
    }

    /// Fleiss' κ over all coders.
    #[must_use]
    pub fn fleiss(&self) -> Option<f64> {
        let m = self.coders as u64;
        let rows: Vec<([u64; 2], u64)> = self
            .entries()
            .map(|(p, n)| {
                let k = u64::from(p.count_ones());
                ([m - k, k], n)
            })
            .collect();
        kappa::fleiss(rows.iter().map(|(c, n)| (&c[..], *n)))
    }

    /// Percentage of units on which all coders agree (all coded or none did).
    #[must_use]
    pub fn percent_all(&self) -> Option<f64> {
        let total = self.units();
        let agree: u64 = self
            .entries()
            .filter(|&(p, _)| p == 0 || p == self.full())
            .map(|(_, n)| n)
            .sum();
        (total > 0).then(|| 100.0 * agree as f64 / total as f64)
    }

    /// Percentage of the units that at least one coder coded on which all coders coded it: the
    /// figure that uncoded text cannot inflate.
    #[must_use]
    pub fn percent_coded(&self) -> Option<f64> {
        let coded = self.units_coded();
        let all: u64 = self
            .entries()
            .filter(|&(p, _)| p != 0 && p == self.full())
            .map(|(_, n)| n)
            .sum();
        (coded > 0).then(|| 100.0 * all as f64 / coded as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::super::coincidence::ReliabilityData;
    use super::*;

    fn table(rows: &[&[u8]]) -> PatternTable {
        let coders = rows.len();
        let mut t = PatternTable::new(coders);
        for u in 0..rows[0].len() {
            let mut p: Pattern = 0;
            for (i, r) in rows.iter().enumerate() {
                if r[u] == 1 {
                    p |= 1 << i;
                }
            }
            t.add(p, 1);
        }
        t
    }

    #[test]
    fn matches_the_general_coincidence_computation() {
        let rows: [&[u8]; 3] = [
            &[0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1],
            &[1, 1, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0],
            &[1, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 1],
        ];
        let general = ReliabilityData::from_coder_rows(
            &rows
                .iter()
                .map(|r| r.iter().map(|&v| Some(usize::from(v))).collect())
                .collect::<Vec<_>>(),
        );
        let fast = table(&rows).alpha().expect("defined");
        let slow = general.alpha_nominal().expect("defined");
        assert!((fast - slow).abs() < 1e-12, "{fast} vs {slow}");
    }

    /// Krippendorff (2011) section A again, through the pattern table: α = 8/84; κ = 1/11.
    #[test]
    fn krippendorff_binary_example() {
        let t = table(&[
            &[0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
            &[1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
        ]);
        assert!((t.alpha().expect("defined") - 8.0 / 84.0).abs() < 1e-12);
        assert!((t.cohen(0, 1).expect("defined") - 1.0 / 11.0).abs() < 1e-12);
        // Agree on 6 of 10 units; of the 5 units someone coded, both coded 1.
        assert_eq!(t.percent_all(), Some(60.0));
        assert_eq!(t.percent_coded(), Some(20.0));
    }

    #[test]
    fn weighted_runs_equal_repeated_units() {
        let mut runs = PatternTable::new(2);
        runs.add(0b00, 1000);
        runs.add(0b11, 30);
        runs.add(0b01, 10);
        let mut single = PatternTable::new(2);
        for _ in 0..1000 {
            single.add(0b00, 1);
        }
        for _ in 0..30 {
            single.add(0b11, 1);
        }
        for _ in 0..10 {
            single.add(0b01, 1);
        }
        assert_eq!(runs, single);
        assert_eq!(runs.units(), 1040);
        assert_eq!(runs.units_coded(), 40);
        assert_eq!(runs.percent_coded(), Some(75.0));
    }

    #[test]
    fn edge_cases() {
        // One coder coded nothing: the other's codings are all disagreements.
        let lazy = table(&[&[0, 0, 0, 0], &[1, 0, 1, 0]]);
        assert!(lazy.alpha().expect("defined") < 0.0);
        assert_eq!(lazy.percent_coded(), Some(0.0));
        // Identical coders.
        let same = table(&[&[1, 0, 1, 0], &[1, 0, 1, 0], &[1, 0, 1, 0]]);
        assert_eq!(same.alpha(), Some(1.0));
        assert_eq!(same.fleiss(), Some(1.0));
        // Nobody coded (a code nobody used): no variation, α undefined, not 0 or 1.
        let none = table(&[&[0, 0, 0], &[0, 0, 0]]);
        assert_eq!(none.alpha(), None);
        assert_eq!(none.cohen(0, 1), None);
        assert_eq!(none.fleiss(), None);
        assert_eq!(none.percent_all(), Some(100.0));
        assert_eq!(none.percent_coded(), None);
        // Everybody coded everything: no variation either.
        assert_eq!(table(&[&[1, 1], &[1, 1]]).alpha(), None);
    }
}
