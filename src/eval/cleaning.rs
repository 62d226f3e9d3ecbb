//! Cleaning scores: how close a prediction's cleaned text comes to the gold cleaned text, by
//! characters and by 4-word shingles, and how many of each rule's edits the gold kept.
//!
//! In the gold document the accepted edits count; in the prediction every edit that is not rejected
//! counts as applied (pending suggestions are what the cleaner proposed, as `redline clean` applies them).

use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

use super::prf::{Scores, Tally, benchmark_average};
use crate::model::{Document, Edit, EditStatus};

/// Words per shingle, as the article-extraction benchmark uses.
pub const SHINGLE_WORDS: usize = 4;

/// Cleaning scores over the matched documents.
#[derive(Debug, Clone, Serialize)]
pub struct CleaningReport {
    /// Character-level scores, averaged over documents.
    pub char: Scores,
    /// 4-word-shingle scores, averaged over documents.
    pub shingle: Scores,
    /// Per rule: how many of its edits the gold kept or reverted.
    pub rules: BTreeMap<String, RuleScore>,
}

/// How one rule fared against the gold decisions.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RuleScore {
    /// The rule's edits the gold applied too.
    pub kept: usize,
    /// The rule's edits the gold did not apply.
    pub reverted: usize,
    /// kept / (kept + reverted).
    pub precision: f64,
}

/// Scores the cleaning of every (gold, prediction) pair.
pub fn evaluate(pairs: &[(&Document, &Document)]) -> CleaningReport {
    let mut chars = Vec::new();
    let mut shingles = Vec::new();
    let mut rules: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (gold, pred) in pairs {
        let g = applied(gold, false);
        let p = applied(pred, true);
        chars.push(set_tally(&char_units(gold.raw(), &g), &char_units(pred.raw(), &p)));
        shingles.push(shingle_tally(&apply(gold.raw(), &g), &apply(pred.raw(), &p)));
        for e in p.iter().filter(|e| !e.is_manual()) {
            let slot = rules.entry(e.origin.clone()).or_default();
            if gold_kept(gold, e) {
                slot.0 += 1;
            } else {
                slot.1 += 1;
            }
        }
    }
    let rules = rules
        .into_iter()
        .map(|(rule, (kept, reverted))| {
            let precision = if kept + reverted > 0 { kept as f64 / (kept + reverted) as f64 } else { 0.0 };
            (rule, RuleScore { kept, reverted, precision })
        })
        .collect();
    CleaningReport { char: benchmark_average(&chars), shingle: benchmark_average(&shingles), rules }
}

/// The edits that count as applied: accepted ones in gold, all but rejected ones in a prediction.
pub fn applied(doc: &Document, predicted: bool) -> Vec<&Edit> {
    doc.edits().iter().filter(|e| if predicted { e.status != EditStatus::Rejected } else { e.is_accepted() }).collect()
}

/// The raw text with the given (sorted, non-overlapping) edits applied.
pub fn apply(raw: &str, edits: &[&Edit]) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&raw[at..e.start]);
        out.push_str(&e.replacement);
        at = e.end;
    }
    out.push_str(&raw[at..]);
    out
}

/// One character of a cleaned text: a raw character kept (by its raw position), or the k-th
/// character inserted by an edit (by the edit's raw range, k and the character).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Unit {
    /// A raw character kept, by its byte position in the raw text.
    Kept(usize),
    /// Character `k` of the replacement of the edit over raw bytes `start..end`.
    Inserted(usize, usize, usize, char),
}

/// The characters of a cleaned text as units tied to the raw text.
fn char_units(raw: &str, edits: &[&Edit]) -> HashSet<Unit> {
    let mut units = HashSet::new();
    let mut at = 0;
    for e in edits {
        units.extend(raw[at..e.start].char_indices().map(|(b, _)| Unit::Kept(at + b)));
        units.extend(e.replacement.chars().enumerate().map(|(k, c)| Unit::Inserted(e.start, e.end, k, c)));
        at = e.end;
    }
    units.extend(raw[at..].char_indices().map(|(b, _)| Unit::Kept(at + b)));
    units
}

/// TP/FP/FN of two sets of units.
fn set_tally(gold: &HashSet<Unit>, pred: &HashSet<Unit>) -> Tally {
    let tp = gold.intersection(pred).count() as f64;
    Tally { tp, fp: pred.len() as f64 - tp, fn_: gold.len() as f64 - tp }
}

/// The words of a text: runs of letters, digits and underscores (Python's `\w+`).
pub fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let word = c.is_alphanumeric() || c == '_';
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// The multiset of 4-word shingles of a text; a text of fewer words is one shingle of them all.
fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let w = words(text);
    let mut out = HashMap::new();
    for i in 0..w.len().saturating_sub(SHINGLE_WORDS - 1).max(1) {
        let shingle = w[i..(i + SHINGLE_WORDS).min(w.len())].to_vec();
        if !shingle.is_empty() {
            *out.entry(shingle).or_insert(0) += 1;
        }
    }
    out
}

/// TP/FP/FN of the shingle multisets of two texts.
fn shingle_tally(gold: &str, pred: &str) -> Tally {
    let (g, p) = (shingles(gold), shingles(pred));
    let mut t = Tally::default();
    for (k, &gc) in &g {
        let pc = p.get(k).copied().unwrap_or(0);
        t.tp += gc.min(pc) as f64;
        t.fn_ += gc.saturating_sub(pc) as f64;
    }
    for (k, &pc) in &p {
        t.fp += pc.saturating_sub(g.get(k).copied().unwrap_or(0)) as f64;
    }
    t
}

/// Whether the gold applied a predicted edit: an accepted gold edit with the same range and
/// replacement, an accepted gold deletion covering a predicted deletion, or a hand edit that absorbed
/// the edit after it had been accepted.
fn gold_kept(gold: &Document, e: &Edit) -> bool {
    gold.edits().iter().filter(|g| g.is_accepted()).any(|g| {
        let same = g.start == e.start && g.end == e.end && g.replacement == e.replacement;
        let covered = e.replacement.is_empty()
            && g.replacement.is_empty()
            && e.start < e.end
            && g.start <= e.start
            && e.end <= g.end;
        let absorbed = g.absorbs.iter().any(|a| {
            a.status == EditStatus::Accepted && a.start == e.start && a.end == e.end && a.replacement == e.replacement
        });
        same || covered || absorbed
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NewEdit;

    fn doc_with(raw: &str, edits: &[(usize, usize, &str, EditStatus)]) -> Document {
        let mut d = Document::new("d", raw);
        d.add_edits(edits.iter().map(|&(start, end, r, status)| NewEdit {
            start,
            end,
            replacement: r.into(),
            origin: "rule".into(),
            status,
            reason: String::new(),
        }));
        d
    }

    #[test]
    fn hand_computed_char_and_shingle_scores() {
        // raw "AB CD EF": gold deletes "AB " (0..3); the prediction deletes "AB CD " (0..6).
        let gold = doc_with("AB CD EF", &[(0, 3, "", EditStatus::Accepted)]);
        let pred = doc_with("AB CD EF", &[(0, 6, "", EditStatus::Pending)]);
        let report = evaluate(&[(&gold, &pred)]);
        // gold keeps "CD EF" (5 chars), prediction keeps "EF" (2): P = 2/2, R = 2/5.
        assert_eq!((report.char.precision, report.char.recall), (1.0, 0.4));
        // shingles: gold has one ("CD","EF"), prediction one ("EF"): no overlap.
        assert_eq!((report.shingle.precision, report.shingle.recall), (0.0, 0.0));
        assert_eq!(report.rules["rule"], RuleScore { kept: 0, reverted: 1, precision: 0.0 });
    }

    #[test]
    fn a_gold_deletion_covering_the_rule_keeps_it() {
        let gold = doc_with("xx ad yy", &[(2, 8, "", EditStatus::Accepted)]);
        let pred = doc_with("xx ad yy", &[(3, 5, "", EditStatus::Pending)]);
        assert_eq!(evaluate(&[(&gold, &pred)]).rules["rule"].kept, 1);
    }

    #[test]
    fn words_follow_python_w() {
        assert_eq!(words("It's 2026, naïve_x 北京!"), vec!["It", "s", "2026", "naïve_x", "北京"]);
        assert_eq!(shingles("a b").len(), 1, "short texts are one shingle");
        assert_eq!(shingles("").len(), 0);
    }
}
