//! Cohen's κ for a pair of coders and Fleiss' κ for several, on nominal data.
//!
//! Cohen (1960): `κ = (p_o − p_e) / (1 − p_e)`, where `p_o` is the share of units on which the two
//! coders agree and `p_e = Σ_c p_A(c) · p_B(c)` the agreement expected from each coder's own
//! marginal distribution. Fleiss (1971): with `n_uc` coders putting unit `u` in category `c` and
//! `m_u` coders on the unit, `P_u = (Σ_c n_uc² − m_u) / (m_u (m_u − 1))`, `P̄` the mean of `P_u`,
//! `p_c` the share of all values in category `c`, `P̄_e = Σ_c p_c²` and
//! `κ = (P̄ − P̄_e) / (1 − P̄_e)`. Both are undefined (`None`) when the expected agreement is
//! already perfect (one category only) or there are no units.

/// Cohen's κ from a contingency table `table[a][b]` = number of units coder A put in category `a`
/// and coder B in category `b` (square).
#[must_use]
pub fn cohen_from_table(table: &[Vec<u64>]) -> Option<f64> {
    let k = table.len();
    let total: u128 = table.iter().flatten().map(|&x| u128::from(x)).sum();
    if total == 0 {
        return None;
    }
    let agree: u128 = (0..k)
        .map(|c| u128::from(table[c].get(c).copied().unwrap_or(0)))
        .sum();
    let row = |c: usize| -> u128 { table[c].iter().map(|&x| u128::from(x)).sum() };
    let col = |c: usize| -> u128 {
        table
            .iter()
            .map(|r| u128::from(r.get(c).copied().unwrap_or(0)))
            .sum()
    };
    // κ = (N·agree − Σ row·col) / (N² − Σ row·col), in integers until the last division.
    let chance: u128 = (0..k).map(|c| row(c) * col(c)).sum();
    let denominator = total * total - chance;
    if denominator == 0 {
        return None;
    }
    Some(((total * agree) as f64 - chance as f64) / denominator as f64)
}

/// Cohen's κ for two columns of values; units where either value is missing are left out.
#[must_use]
pub fn cohen(a: &[Option<usize>], b: &[Option<usize>]) -> Option<f64> {
    let pairs: Vec<(usize, usize)> = a
        .iter()
        .zip(b)
        .filter_map(|(x, y)| Some(((*x)?, (*y)?)))
        .collect();
    let k = pairs.iter().map(|&(x, y)| x.max(y) + 1).max().unwrap_or(0);
    let mut table = vec![vec![0_u64; k]; k];
    for (x, y) in pairs {
        table[x][y] += 1;
    }
    cohen_from_table(&table)
}

/// Fleiss' κ from per-unit category counts (`counts[u][c]` coders put unit `u` in category `c`),
/// each repeated `weight` times. Units with fewer than two values are left out.
#[must_use]
pub fn fleiss<'a>(units: impl IntoIterator<Item = (&'a [u64], u64)>) -> Option<f64> {
    let mut weighted_units = 0_u64;
    let mut sum_p = 0.0_f64;
    let mut per_category: Vec<u64> = Vec::new();
    let mut values = 0_u64;
    for (counts, weight) in units {
        let m: u64 = counts.iter().sum();
        if m < 2 || weight == 0 {
            continue;
        }
        if per_category.len() < counts.len() {
            per_category.resize(counts.len(), 0);
        }
        let squares: u64 = counts.iter().map(|&x| x * x).sum();
        sum_p += weight as f64 * (squares - m) as f64 / (m * (m - 1)) as f64;
        weighted_units += weight;
        for (c, &x) in counts.iter().enumerate() {
            per_category[c] += x * weight;
        }
        values += m * weight;
    }
    if weighted_units == 0 {
        return None;
    }
    let p_bar = sum_p / weighted_units as f64;
    let p_e: f64 = per_category
        .iter()
        .map(|&x| {
            let p = x as f64 / values as f64;
            p * p
        })
        .sum();
    if per_category.iter().filter(|&&x| x > 0).count() < 2 {
        return None;
    }
    Some((p_bar - p_e) / (1.0 - p_e))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The worked example of Wikipedia's "Cohen's kappa" article: 50 grant proposals read by two
    /// readers, 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no: p_o = 0.7, p_e = 0.5, κ = 0.4.
    #[test]
    fn cohen_textbook_example() {
        let kappa = cohen_from_table(&[vec![20, 5], vec![10, 15]]).expect("defined");
        assert!((kappa - 0.4).abs() < 1e-12);
    }

    /// Krippendorff (2011)'s binary data (section A) under Cohen's κ, by hand:
    /// p_o = 6/10, p_e = 0.2·0.4 + 0.8·0.6 = 0.56, κ = 0.04 / 0.44 = 1/11.
    #[test]
    fn cohen_on_krippendorff_binary_data() {
        let a: Vec<Option<usize>> = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0].map(Some).to_vec();
        let b: Vec<Option<usize>> = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0].map(Some).to_vec();
        let kappa = cohen(&a, &b).expect("defined");
        assert!((kappa - 1.0 / 11.0).abs() < 1e-12);
    }

    /// Fleiss (1971) as worked in Wikipedia's "Fleiss' kappa" article: 10 subjects, 14 raters,
    /// 5 categories; P̄ = 0.378, P̄_e = 0.213, κ = 0.210.
    #[test]
    fn fleiss_textbook_example() {
        let table: [[u64; 5]; 10] = [
            [0, 0, 0, 0, 14],
            [0, 2, 6, 4, 2],
            [0, 0, 3, 5, 6],
            [0, 3, 9, 2, 0],
            [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0],
            [3, 2, 6, 3, 0],
            [2, 5, 3, 2, 2],
            [6, 5, 2, 1, 0],
            [0, 2, 2, 3, 7],
        ];
        let kappa = fleiss(table.iter().map(|r| (&r[..], 1))).expect("defined");
        assert_eq!(format!("{kappa:.3}"), "0.210");
    }

    #[test]
    fn undefined_without_variation() {
        assert_eq!(cohen_from_table(&[vec![5, 0], vec![0, 0]]), None);
        assert_eq!(cohen_from_table(&[]), None);
        assert_eq!(fleiss([(&[3_u64, 0][..], 4)]), None);
        assert_eq!(cohen_from_table(&[vec![3, 0], vec![0, 2]]), Some(1.0));
    }
}
