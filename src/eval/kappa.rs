//! Chance-corrected agreement on categorical ratings: Cohen's κ for two raters, Fleiss' κ for more.

use std::collections::{BTreeMap, BTreeSet};

/// Cohen's κ of two raters' labels for the same items: (pₒ − pₑ) / (1 − pₑ), with pₒ the share of items
/// labelled alike and pₑ = Σₖ pₐ(k)·p_b(k) the agreement expected from each rater's label frequencies.
/// `None` when it is undefined (no items, or both raters always use one and the same label).
pub fn cohen(a: &[&str], b: &[&str]) -> Option<f64> {
    let n = a.len().min(b.len());
    if n == 0 {
        return None;
    }
    let agree = a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / n as f64;
    let freq = |r: &[&str]| {
        let mut m: BTreeMap<String, f64> = BTreeMap::new();
        for x in &r[..n] {
            *m.entry((*x).to_string()).or_default() += 1.0 / n as f64;
        }
        m
    };
    let (fa, fb) = (freq(a), freq(b));
    let expected: f64 = fa.iter().map(|(k, p)| p * fb.get(k).copied().unwrap_or(0.0)).sum();
    (expected < 1.0).then(|| (agree - expected) / (1.0 - expected))
}

/// Fleiss' κ for items each rated by the same number n ≥ 2 of raters: (P̄ − P̄ₑ) / (1 − P̄ₑ), with
/// Pᵢ = (Σⱼ nᵢⱼ² − n) / (n(n − 1)) per item, P̄ their mean, pⱼ the share of all ratings in category j
/// and P̄ₑ = Σⱼ pⱼ². `None` when undefined (no items, fewer than two raters, or one category only).
pub fn fleiss(items: &[Vec<&str>]) -> Option<f64> {
    let n = items.first()?.len();
    if n < 2 || items.iter().any(|i| i.len() != n) {
        return None;
    }
    let categories: BTreeSet<&str> = items.iter().flatten().copied().collect();
    let total = (items.len() * n) as f64;
    let mut p_bar = 0.0;
    let mut share: BTreeMap<&str, f64> = BTreeMap::new();
    for item in items {
        let mut counts: BTreeMap<&str, f64> = BTreeMap::new();
        for r in item {
            *counts.entry(*r).or_default() += 1.0;
            *share.entry(*r).or_default() += 1.0 / total;
        }
        let nf = n as f64;
        p_bar += (counts.values().map(|c| c * c).sum::<f64>() - nf) / (nf * (nf - 1.0));
    }
    p_bar /= items.len() as f64;
    let expected: f64 = categories.iter().map(|c| share.get(c).copied().unwrap_or(0.0).powi(2)).sum();
    (expected < 1.0).then(|| (p_bar - expected) / (1.0 - expected))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cohen_on_a_hand_computed_confusion_matrix() {
        // 10 tokens. A: 6×O, 4×PER; B agrees on 5 O and 3 PER, says PER for one O and O for one PER.
        // pₒ = 8/10; pₐ(O) = .6, p_b(O) = .6, pₐ(PER) = .4, p_b(PER) = .4; pₑ = .36 + .16 = .52;
        // κ = (.8 − .52) / (1 − .52) = .28 / .48 = 0.58333…
        let a = ["O", "O", "O", "O", "O", "O", "PER", "PER", "PER", "PER"];
        let b = ["O", "O", "O", "O", "O", "PER", "PER", "PER", "PER", "O"];
        let k = cohen(&a, &b).expect("defined");
        assert!((k - 0.28 / 0.48).abs() < 1e-12, "{k}");
        assert_eq!(cohen(&a, &a), Some(1.0));
        assert_eq!(cohen(&["O", "O"], &["O", "O"]), None, "one category only");
    }

    #[test]
    fn fleiss_on_a_hand_computed_table() {
        // 3 raters, 4 items: (A,A,A) (A,A,B) (B,B,B) (A,B,B).
        // Pᵢ = 1, 1/3, 1, 1/3 → P̄ = 2/3. p(A) = 6/12, p(B) = 6/12 → P̄ₑ = 1/2. κ = (2/3 − 1/2) / (1/2) = 1/3.
        let items = vec![vec!["A", "A", "A"], vec!["A", "A", "B"], vec!["B", "B", "B"], vec!["A", "B", "B"]];
        let k = fleiss(&items).expect("defined");
        assert!((k - 1.0 / 3.0).abs() < 1e-12, "{k}");
        // With two raters Fleiss' κ is Scott's π, which equals Cohen's κ when both raters' marginals agree.
        let a = ["O", "O", "O", "O", "O", "O", "PER", "PER", "PER", "PER"];
        let b = ["O", "O", "O", "O", "O", "PER", "PER", "PER", "PER", "O"];
        let pairs: Vec<Vec<&str>> = a.iter().zip(&b).map(|(x, y)| vec![*x, *y]).collect();
        assert!((fleiss(&pairs).expect("defined") - cohen(&a, &b).expect("defined")).abs() < 1e-12);
    }
}
