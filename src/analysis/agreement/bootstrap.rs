//! Bootstrap 95 % confidence intervals for α, seeded so that the same data give the same interval.
//!
//! Resampling single characters would treat the characters of one coded passage as independent
//! and give absurdly narrow intervals, so the resampled blocks are the runs of the data: a run of
//! characters with one coding pattern (for character units), or one sentence or paragraph (for
//! those units). Each replicate draws as many blocks as there are, with replacement, and computes
//! α from them; the interval is the 2.5th and 97.5th percentiles of the replicates where α is
//! defined (percentile bootstrap, Efron & Tibshirani 1993, ch. 13).

use serde::Serialize;

use super::binary::Pattern;

/// How many replicates and which seed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct BootstrapOptions {
    pub replicates: usize,
    pub seed: u64,
}

impl Default for BootstrapOptions {
    fn default() -> Self {
        Self {
            replicates: 1000,
            seed: 20_181_112,
        }
    }
}

/// A block of units: its coding pattern and how many units (characters) it holds.
pub type Block = (Pattern, u64);

/// The percentile interval `[low, high]` of α over the replicates, or `None` when fewer than
/// half of them have a defined α.
#[must_use]
pub fn alpha_interval(
    blocks: &[Block],
    coders: usize,
    options: BootstrapOptions,
) -> Option<[f64; 2]> {
    if blocks.is_empty() || coders < 2 || options.replicates == 0 {
        return None;
    }
    let m = coders as u128;
    // Per block: units w, coded values k·w, disagreeing pairs k(m−k)·w.
    let prepared: Vec<(u128, u128, u128)> = blocks
        .iter()
        .map(|&(p, w)| {
            let k = u128::from(p.count_ones());
            let w = u128::from(w);
            (w, k * w, k * (m - k) * w)
        })
        .collect();
    let mut rng = fastrand::Rng::with_seed(options.seed);
    let mut alphas = Vec::with_capacity(options.replicates);
    for _ in 0..options.replicates {
        let (mut units, mut n1, mut disagree) = (0_u128, 0_u128, 0_u128);
        for _ in 0..prepared.len() {
            let (w, k, d) = prepared[rng.usize(..prepared.len())];
            units += w;
            n1 += k;
            disagree += d;
        }
        let n = units * m;
        let n0 = n - n1;
        if n0 > 0 && n1 > 0 {
            alphas.push(
                1.0 - ((n - 1) as f64 * disagree as f64) / ((m - 1) as f64 * (n0 * n1) as f64),
            );
        }
    }
    if alphas.len() * 2 < options.replicates {
        return None;
    }
    alphas.sort_by(f64::total_cmp);
    let last = alphas.len() - 1;
    // Nearest-rank percentiles, in integers: index round(q · last) for q = 2.5 % and 97.5 %.
    let at = |per_mille: usize| alphas[((per_mille * last + 500) / 1000).min(last)];
    Some([at(25), at(975)])
}

#[cfg(test)]
mod tests {
    use super::super::binary::PatternTable;
    use super::*;

    #[test]
    fn reproducible_and_around_the_estimate() {
        let blocks: Vec<Block> = (0..200)
            .map(|i| match i % 5 {
                0 => (0b11, 7),
                1 => (0b01, 2),
                2 => (0b10, 1),
                _ => (0b00, 20),
            })
            .collect();
        let mut table = PatternTable::new(2);
        for &(p, w) in &blocks {
            table.add(p, w);
        }
        let alpha = table.alpha().expect("defined");
        let options = BootstrapOptions::default();
        let a = alpha_interval(&blocks, 2, options).expect("interval");
        let b = alpha_interval(&blocks, 2, options).expect("interval");
        assert_eq!(a.map(f64::to_bits), b.map(f64::to_bits));
        assert!(a[0] <= alpha && alpha <= a[1], "{a:?} around {alpha}");
        assert!(a[1] - a[0] < 0.2);
        let other = alpha_interval(&blocks, 2, BootstrapOptions { seed: 1, ..options });
        assert_ne!(other, Some(a));
    }

    #[test]
    fn undefined_without_variation() {
        assert_eq!(
            alpha_interval(&[(0, 100)], 2, BootstrapOptions::default()),
            None
        );
        assert_eq!(alpha_interval(&[], 2, BootstrapOptions::default()), None);
    }
}
