//! Agreement between annotators on the same documents: entity F1 between each pair, Cohen's κ on
//! token labels, Fleiss' κ on token labels for three or more, and agreement on cleaning decisions.

use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::entities::{self, Span};
use super::kappa;
use super::prf::Scores;
use crate::model::Document;

/// The label of a token outside every entity.
pub const OUTSIDE: &str = "O";

/// One annotator's documents.
#[derive(Debug, Clone)]
pub struct Annotator {
    /// The name shown in reports.
    pub name: String,
    /// The annotator's documents.
    pub docs: Vec<Document>,
}

/// Everything `redline agree` reports.
#[derive(Debug, Clone, Serialize)]
pub struct AgreementReport {
    /// Annotator names, in the order given.
    pub annotators: Vec<String>,
    /// One entry per pair of annotators.
    pub pairs: Vec<PairAgreement>,
    /// Fleiss' κ on token labels over documents every annotator has (three or more annotators).
    pub fleiss_kappa: Option<f64>,
    /// Documents every annotator has.
    pub documents_in_all: usize,
}

/// Agreement between two annotators.
#[derive(Debug, Clone, Serialize)]
pub struct PairAgreement {
    /// First annotator (the reference for precision and recall).
    pub a: String,
    /// Second annotator.
    pub b: String,
    /// Documents both have (same id and raw text).
    pub documents: usize,
    /// Exact-match entity scores of `b` against `a` (F1 is symmetric).
    pub entities: Scores,
    /// Cohen's κ on token labels (`O` or the entity label); `None` when undefined.
    pub token_kappa: Option<f64>,
    /// Tokens compared.
    pub tokens: usize,
    /// Agreement on cleaning edits.
    pub cleaning: CleaningAgreement,
}

/// Agreement on cleaning decisions over the union of both annotators' edits.
#[derive(Debug, Clone, Serialize)]
pub struct CleaningAgreement {
    /// Distinct edits (raw range and replacement) either annotator has.
    pub edits: usize,
    /// Edits with the same decision on both sides (`absent` counts as a decision).
    pub agreed: usize,
    /// agreed / edits (1 when there are no edits).
    pub agreement: f64,
    /// Cohen's κ on the decisions; `None` when undefined.
    pub kappa: Option<f64>,
}

/// Computes every pairwise figure and, for three or more annotators, Fleiss' κ.
pub fn agree(annotators: &[Annotator]) -> AgreementReport {
    let mut pairs = Vec::new();
    for (i, a) in annotators.iter().enumerate() {
        for b in &annotators[i + 1..] {
            pairs.push(pair(a, b));
        }
    }
    let (fleiss_kappa, documents_in_all) = fleiss_all(annotators);
    AgreementReport {
        annotators: annotators.iter().map(|a| a.name.clone()).collect(),
        pairs,
        fleiss_kappa: if annotators.len() > 2 { fleiss_kappa } else { None },
        documents_in_all,
    }
}

/// The key that identifies a document across annotators: id and raw SHA-256.
fn key(d: &Document) -> (String, String) {
    (d.id.clone(), d.source.sha256.clone())
}

/// The documents of several annotators that every one of them has, in key order.
fn shared<'a>(annotators: &[&'a Annotator]) -> Vec<Vec<&'a Document>> {
    let maps: Vec<HashMap<(String, String), &'a Document>> =
        annotators.iter().map(|&a| a.docs.iter().map(|d| (key(d), d)).collect()).collect();
    let Some(first) = maps.first() else { return Vec::new() };
    let keys: BTreeSet<&(String, String)> = first.keys().filter(|k| maps.iter().all(|m| m.contains_key(*k))).collect();
    keys.into_iter().map(|k| maps.iter().filter_map(|m| m.get(k).copied()).collect()).collect()
}

/// Agreement of one pair.
fn pair(a: &Annotator, b: &Annotator) -> PairAgreement {
    let docs = shared(&[a, b]);
    let (mut correct, mut n_a, mut n_b) = (0usize, 0usize, 0usize);
    let (mut la, mut lb) = (Vec::new(), Vec::new());
    let (mut decisions_a, mut decisions_b) = (Vec::new(), Vec::new());
    for d in &docs {
        let (x, y) = (d[0], d[1]);
        let (sa, sb, _) = entities::comparable(x, y, false, false);
        n_a += sa.len();
        n_b += sb.len();
        correct += exact_hits(&sa, &sb);
        la.extend(token_labels(x));
        lb.extend(token_labels(y));
        let (da, db) = edit_decisions(x, y);
        decisions_a.extend(da);
        decisions_b.extend(db);
    }
    let ra: Vec<&str> = la.iter().map(String::as_str).collect();
    let rb: Vec<&str> = lb.iter().map(String::as_str).collect();
    let agreed = decisions_a.iter().zip(&decisions_b).filter(|(x, y)| x == y).count();
    let edits = decisions_a.len();
    PairAgreement {
        a: a.name.clone(),
        b: b.name.clone(),
        documents: docs.len(),
        entities: Scores::from_counts(correct as f64, n_b as f64, n_a as f64),
        token_kappa: kappa::cohen(&ra, &rb),
        tokens: ra.len(),
        cleaning: CleaningAgreement {
            edits,
            agreed,
            agreement: if edits > 0 { agreed as f64 / edits as f64 } else { 1.0 },
            kappa: kappa::cohen(&decisions_a, &decisions_b),
        },
    }
}

/// Spans present on both sides with the same boundaries and label (as multisets).
fn exact_hits(a: &[Span], b: &[Span]) -> usize {
    let mut left: BTreeMap<&Span, usize> = BTreeMap::new();
    for s in a {
        *left.entry(s).or_default() += 1;
    }
    b.iter()
        .filter(|s| match left.get_mut(s) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        })
        .count()
}

/// The tokens κ is computed on: runs of letters, digits and underscores, and every other character
/// that is not whitespace on its own (Python: `re.finditer(r"\w+|[^\w\s]", raw)`), as raw byte ranges.
pub fn kappa_tokens(raw: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut in_word = false;
    for (i, c) in raw.char_indices() {
        let word = c.is_alphanumeric() || c == '_';
        let end = i + c.len_utf8();
        match out.last_mut() {
            Some(last) if word && in_word && last.1 == i => last.1 = end,
            _ if word || !c.is_whitespace() => out.push((i, end)),
            _ => {}
        }
        in_word = word;
    }
    out
}

/// Each raw token's label: the label of the first accepted entity (by raw position) it overlaps, or `O`.
/// Entities whose raw range is unknown (an accepted edit inside them) label nothing.
pub fn token_labels(doc: &Document) -> Vec<String> {
    let (spans, _) = entities::spans(doc, false, false);
    kappa_tokens(doc.raw())
        .into_iter()
        .map(|(s, e)| {
            spans
                .iter()
                .find(|sp| sp.start < e && s < sp.end)
                .map_or_else(|| OUTSIDE.to_string(), |sp| sp.label.clone())
        })
        .collect()
}

/// Both annotators' decision on every edit either has, keyed by raw range and replacement.
fn edit_decisions<'a>(a: &'a Document, b: &'a Document) -> (Vec<&'a str>, Vec<&'a str>) {
    let index = |d: &'a Document| -> BTreeMap<(usize, usize, &'a str), &'a str> {
        d.edits().iter().map(|e| ((e.start, e.end, e.replacement.as_str()), e.status.as_str())).collect()
    };
    let (ia, ib) = (index(a), index(b));
    let keys: BTreeSet<_> = ia.keys().chain(ib.keys()).copied().collect();
    keys.iter().map(|k| (ia.get(k).copied().unwrap_or("absent"), ib.get(k).copied().unwrap_or("absent"))).unzip()
}

/// Fleiss' κ over the tokens of the documents every annotator has, and how many documents that is.
fn fleiss_all(annotators: &[Annotator]) -> (Option<f64>, usize) {
    let refs: Vec<&Annotator> = annotators.iter().collect();
    let docs = shared(&refs);
    let mut items: Vec<Vec<String>> = Vec::new();
    for d in &docs {
        let labels: Vec<Vec<String>> = d.iter().map(|doc| token_labels(doc)).collect();
        let n = labels.first().map_or(0, Vec::len);
        items.extend((0..n).map(|t| labels.iter().map(|l| l[t].clone()).collect()));
    }
    let borrowed: Vec<Vec<&str>> = items.iter().map(|i| i.iter().map(String::as_str).collect()).collect();
    (kappa::fleiss(&borrowed), docs.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kappa_tokens_split_words_and_punctuation() {
        let raw = "Dr. Ruiz-Lee, 北京 👋🏽!";
        let toks: Vec<&str> = kappa_tokens(raw).iter().map(|&(s, e)| &raw[s..e]).collect();
        assert_eq!(toks, vec!["Dr", ".", "Ruiz", "-", "Lee", ",", "北京", "👋", "🏽", "!"]);
    }
}
