//! Evaluation and agreement: how close predictions (a cleaner's edits, a suggester's entities) come to
//! gold annotations, and how far annotators agree with each other. `docs/metrics.md` says how each
//! figure is computed; `scripts/eval_check.py` recomputes them independently.

pub mod agreement;
pub mod cleaning;
pub mod entities;
pub mod kappa;
pub mod prf;
pub mod set;

use crate::model::Document;
use serde::Serialize;

/// Everything `redline eval` reports, at the keys `--json` promises.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Cleaning scores.
    pub cleaning: cleaning::CleaningReport,
    /// Entity scores.
    pub entities: entities::EntityReport,
    /// Which documents were compared and which were missing.
    pub documents: set::DocumentCounts,
}

/// Evaluates predicted documents against gold ones, matched by id and raw text.
pub fn evaluate(gold: &[Document], pred: &[Document]) -> Report {
    let matching = set::match_docs(gold, pred);
    let pairs: Vec<(&Document, &Document)> = matching.pairs.iter().map(|&(g, p)| (&gold[g], &pred[p])).collect();
    Report {
        cleaning: cleaning::evaluate(&pairs),
        entities: entities::evaluate(&pairs),
        documents: set::DocumentCounts {
            matched: pairs.len(),
            missing_in_pred: matching.missing_in_pred.iter().map(|&g| gold[g].id.clone()).collect(),
            missing_in_gold: matching.missing_in_gold.iter().map(|&p| pred[p].id.clone()).collect(),
        },
    }
}
