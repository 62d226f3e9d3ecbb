//! Entity scores: exact and partial-overlap precision, recall and F1 per label, micro- and
//! macro-averaged, and the confusion between labels.
//!
//! Gold entities are the accepted ones; predicted entities are all that are not rejected. When the two
//! documents' cleaned texts are equal the spans are compared there; otherwise on the raw text (via each
//! entity's raw range), so that different cleaning does not shift them, and entities with no raw range
//! (an accepted edit inside them) are left out and counted as `unmapped`.

use serde::Serialize;
use std::collections::BTreeMap;

use super::prf::Scores;
use crate::model::{Document, EntityStatus};

/// The label used in the confusion table for "no entity with these boundaries".
pub const NONE: &str = "(none)";

/// One span to compare, in byte offsets of the compared text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    /// Start byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// Label.
    pub label: String,
}

/// Scores of one label.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LabelScores {
    /// Share of predictions with this label that are right.
    pub precision: f64,
    /// Share of gold entities with this label that were found.
    pub recall: f64,
    /// Harmonic mean.
    pub f1: f64,
    /// Gold entities with this label.
    pub support: usize,
}

/// Micro, macro and per-label scores for one matching scheme.
#[derive(Debug, Clone, Serialize)]
pub struct SchemeReport {
    /// Counts pooled over every label and document.
    pub micro: Scores,
    /// Unweighted mean over labels of the per-label scores.
    #[serde(rename = "macro")]
    pub macro_: Scores,
    /// Per label.
    pub per_label: BTreeMap<String, LabelScores>,
}

/// Everything reported about entities.
#[derive(Debug, Clone, Serialize)]
pub struct EntityReport {
    /// Same start, end and label.
    pub exact: SchemeReport,
    /// Same label and at least one shared character.
    pub partial: SchemeReport,
    /// `confusion[gold label][predicted label]`: spans with the same boundaries, by label;
    /// [`NONE`] on one side for spans the other side lacks.
    pub confusion: BTreeMap<String, BTreeMap<String, usize>>,
    /// Gold entities compared.
    pub gold: usize,
    /// Predicted entities compared.
    pub predicted: usize,
    /// Entities left out because they have no raw range while the cleaned texts differ.
    pub unmapped: usize,
}

/// Per-label hit counts: (correct, predicted, gold).
type Tallies = BTreeMap<String, (usize, usize, usize)>;

/// Scores every (gold, prediction) pair.
pub fn evaluate(pairs: &[(&Document, &Document)]) -> EntityReport {
    let (mut exact, mut partial) = (Tallies::new(), Tallies::new());
    let mut confusion: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    let (mut n_gold, mut n_pred, mut unmapped) = (0, 0, 0);
    for (gold_doc, pred_doc) in pairs {
        let (gold, pred, lost) = comparable(gold_doc, pred_doc, false, true);
        unmapped += lost;
        n_gold += gold.len();
        n_pred += pred.len();
        tally(&mut exact, &gold, &pred, |g, p| g.start == p.start && g.end == p.end);
        tally(&mut partial, &gold, &pred, |g, p| g.start < p.end && p.start < g.end);
        for (g, p) in confuse(&gold, &pred) {
            *confusion.entry(g).or_default().entry(p).or_default() += 1;
        }
    }
    EntityReport {
        exact: scheme(&exact),
        partial: scheme(&partial),
        confusion,
        gold: n_gold,
        predicted: n_pred,
        unmapped,
    }
}

/// The spans of two documents in a common coordinate system, and how many could not be mapped.
/// `a_predicted`/`b_predicted` choose which entities count on each side (all but rejected, or accepted).
pub fn comparable(a: &Document, b: &Document, a_predicted: bool, b_predicted: bool) -> (Vec<Span>, Vec<Span>, usize) {
    let on_cleaned = a.cleaned() == b.cleaned();
    let (sa, la) = spans(a, a_predicted, on_cleaned);
    let (sb, lb) = spans(b, b_predicted, on_cleaned);
    (sa, sb, la + lb)
}

/// A document's entities as spans on its cleaned text or on the raw text, and how many had no raw range.
pub fn spans(doc: &Document, predicted: bool, on_cleaned: bool) -> (Vec<Span>, usize) {
    let mut out = Vec::new();
    let mut lost = 0;
    let counts = |s: EntityStatus| if predicted { s != EntityStatus::Rejected } else { s == EntityStatus::Accepted };
    for e in doc.entities().iter().filter(|e| counts(e.status)) {
        let range = if on_cleaned { Some((e.start, e.end)) } else { doc.entity_raw_range(e) };
        match range {
            Some((start, end)) if start < end => out.push(Span { start, end, label: e.label.to_string() }),
            _ => lost += 1,
        }
    }
    out.sort();
    (out, lost)
}

/// Adds one document's hits: each prediction is paired with at most one unpaired gold entity of the
/// same label for which `fits` holds, trying exact-boundary partners first, in position order.
fn tally(t: &mut Tallies, gold: &[Span], pred: &[Span], fits: impl Fn(&Span, &Span) -> bool) {
    for g in gold {
        t.entry(g.label.clone()).or_default().2 += 1;
    }
    let mut used = vec![false; gold.len()];
    let mut hit = vec![false; pred.len()];
    for exact_first in [true, false] {
        for (pi, p) in pred.iter().enumerate() {
            if hit[pi] {
                continue;
            }
            let found = gold.iter().enumerate().position(|(gi, g)| {
                !used[gi]
                    && g.label == p.label
                    && fits(g, p)
                    && (!exact_first || (g.start == p.start && g.end == p.end))
            });
            if let Some(gi) = found {
                used[gi] = true;
                hit[pi] = true;
            }
        }
    }
    for (p, h) in pred.iter().zip(hit) {
        let slot = t.entry(p.label.clone()).or_default();
        slot.1 += 1;
        slot.0 += usize::from(h);
    }
}

/// Micro, macro and per-label scores from per-label tallies.
fn scheme(t: &Tallies) -> SchemeReport {
    let per_label: BTreeMap<String, LabelScores> = t
        .iter()
        .map(|(label, &(c, p, g))| {
            let s = Scores::from_counts(c as f64, p as f64, g as f64);
            (label.clone(), LabelScores { precision: s.precision, recall: s.recall, f1: s.f1, support: g })
        })
        .collect();
    let (c, p, g) = t.values().fold((0, 0, 0), |a, v| (a.0 + v.0, a.1 + v.1, a.2 + v.2));
    let list: Vec<Scores> =
        per_label.values().map(|s| Scores { precision: s.precision, recall: s.recall, f1: s.f1 }).collect();
    SchemeReport { micro: Scores::from_counts(c as f64, p as f64, g as f64), macro_: Scores::mean(&list), per_label }
}

/// (gold label, predicted label) for spans with the same boundaries, same labels paired first; spans
/// without a same-boundary partner are paired with [`NONE`].
fn confuse(gold: &[Span], pred: &[Span]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut used = vec![false; gold.len()];
    let mut done = vec![false; pred.len()];
    for same_label in [true, false] {
        for (pi, p) in pred.iter().enumerate() {
            if done[pi] {
                continue;
            }
            let found = gold.iter().enumerate().position(|(gi, g)| {
                !used[gi] && g.start == p.start && g.end == p.end && (!same_label || g.label == p.label)
            });
            if let Some(gi) = found {
                used[gi] = true;
                done[pi] = true;
                out.push((gold[gi].label.clone(), p.label.clone()));
            }
        }
    }
    out.extend(gold.iter().zip(&used).filter(|(_, u)| !**u).map(|(g, _)| (g.label.clone(), NONE.to_string())));
    out.extend(pred.iter().zip(&done).filter(|(_, d)| !**d).map(|(p, _)| (NONE.to_string(), p.label.clone())));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(start: usize, end: usize, label: &str) -> Span {
        Span { start, end, label: label.into() }
    }

    #[test]
    fn hand_computed_exact_partial_and_confusion() {
        // gold: PER 0..5, ORG 10..15, GPE 20..26; pred: PER 0..5 (exact), ORG 10..13 (partial),
        // ORG 20..26 (right span, wrong label), DATE 30..34 (spurious).
        let gold = [s(0, 5, "PER"), s(10, 15, "ORG"), s(20, 26, "GPE")];
        let pred = [s(0, 5, "PER"), s(10, 13, "ORG"), s(20, 26, "ORG"), s(30, 34, "DATE")];
        let (mut exact, mut partial) = (Tallies::new(), Tallies::new());
        tally(&mut exact, &gold, &pred, |g, p| g.start == p.start && g.end == p.end);
        tally(&mut partial, &gold, &pred, |g, p| g.start < p.end && p.start < g.end);
        let e = scheme(&exact);
        // exact: 1 correct of 4 predicted, of 3 gold.
        assert_eq!((e.micro.precision, e.micro.recall), (0.25, 1.0 / 3.0));
        let p = scheme(&partial);
        // partial: PER and the short ORG count: 2 of 4, of 3.
        assert_eq!((p.micro.precision, p.micro.recall), (0.5, 2.0 / 3.0));
        // per label exact: PER 1/1/1, ORG 0 of 2 predicted (P 0) of 1 gold, GPE 0 of 0 of 1, DATE 0 of 1 of 0.
        assert_eq!(e.per_label["ORG"], LabelScores { precision: 0.0, recall: 0.0, f1: 0.0, support: 1 });
        assert_eq!(e.per_label["PER"].f1, 1.0);
        // macro F1 over PER, ORG, GPE, DATE = (1 + 0 + 0 + 0) / 4.
        assert_eq!(e.macro_.f1, 0.25);
        let c = confuse(&gold, &pred);
        assert!(c.contains(&("GPE".into(), "ORG".into())));
        assert!(c.contains(&("ORG".into(), NONE.into())) && c.contains(&(NONE.into(), "DATE".into())));
        assert!(c.contains(&(NONE.into(), "ORG".into())), "the short ORG has no same-boundary gold");
    }
}
