//! Precision, recall and F1 from counts, and the per-document averaging of the article-extraction
//! benchmark.

use serde::Serialize;

/// Precision, recall and their harmonic mean.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Scores {
    /// Share of predicted items that are right.
    pub precision: f64,
    /// Share of gold items that were found.
    pub recall: f64,
    /// Harmonic mean of precision and recall (0 when both are 0).
    pub f1: f64,
}

/// The harmonic mean of precision and recall, 0 when both are 0.
pub fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 }
}

impl Scores {
    /// Scores from `correct` hits among `predicted` items against `gold` items. A ratio with nothing to
    /// divide by is 0, as nervaluate and scikit-learn report it.
    pub fn from_counts(correct: f64, predicted: f64, gold: f64) -> Self {
        let precision = if predicted > 0.0 { correct / predicted } else { 0.0 };
        let recall = if gold > 0.0 { correct / gold } else { 0.0 };
        Self { precision, recall, f1: f1(precision, recall) }
    }

    /// The mean of several scores, each field on its own (macro averaging); all 0 for none.
    pub fn mean(list: &[Scores]) -> Self {
        if list.is_empty() {
            return Self { precision: 0.0, recall: 0.0, f1: 0.0 };
        }
        let n = list.len() as f64;
        Self {
            precision: list.iter().map(|s| s.precision).sum::<f64>() / n,
            recall: list.iter().map(|s| s.recall).sum::<f64>() / n,
            f1: list.iter().map(|s| s.f1).sum::<f64>() / n,
        }
    }
}

/// True positives, false positives and false negatives of one document.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Tally {
    /// Items in both.
    pub tp: f64,
    /// Items only predicted.
    pub fp: f64,
    /// Items only in gold.
    pub fn_: f64,
}

/// The article-extraction benchmark's averaging: precision is the mean of the per-document precisions
/// (documents with nothing predicted left out), recall the mean of the per-document recalls
/// (documents with nothing to find left out), F1 the harmonic mean of the two means.
pub fn benchmark_average(docs: &[Tally]) -> Scores {
    let precisions: Vec<f64> = docs.iter().filter(|t| t.tp + t.fp > 0.0).map(|t| doc_precision(*t)).collect();
    let recalls: Vec<f64> = docs.iter().filter(|t| t.tp + t.fn_ > 0.0).map(|t| doc_recall(*t)).collect();
    let mean = |v: &[f64]| if v.is_empty() { 0.0 } else { v.iter().sum::<f64>() / v.len() as f64 };
    let (precision, recall) = (mean(&precisions), mean(&recalls));
    Scores { precision, recall, f1: f1(precision, recall) }
}

/// One document's precision (1 when nothing is wrong on either side).
fn doc_precision(t: Tally) -> f64 {
    if t.fp == 0.0 && t.fn_ == 0.0 { 1.0 } else { t.tp / (t.tp + t.fp) }
}

/// One document's recall (1 when nothing is wrong on either side).
fn doc_recall(t: Tally) -> f64 {
    if t.fp == 0.0 && t.fn_ == 0.0 { 1.0 } else { t.tp / (t.tp + t.fn_) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_give_hand_computed_scores() {
        let s = Scores::from_counts(3.0, 4.0, 6.0);
        assert_eq!((s.precision, s.recall), (0.75, 0.5));
        assert!((s.f1 - 0.6).abs() < 1e-12, "2·0.75·0.5/1.25 = 0.6");
        assert_eq!(Scores::from_counts(0.0, 0.0, 2.0).f1, 0.0);
    }

    #[test]
    fn benchmark_averages_precision_and_recall_per_document() {
        // Doc 1: P = 1/2, R = 1; doc 2: nothing predicted (left out of precision), R = 0.
        let docs = [Tally { tp: 0.5, fp: 0.5, fn_: 0.0 }, Tally { tp: 0.0, fp: 0.0, fn_: 1.0 }];
        let s = benchmark_average(&docs);
        assert_eq!((s.precision, s.recall), (0.5, 0.5));
        assert!((s.f1 - 0.5).abs() < 1e-12);
    }
}
