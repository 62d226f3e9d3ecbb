//! Loading sets of annotated documents (files, folders, project folders) and pairing two sets by
//! document id and raw text.

use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::format::annotated;
use crate::model::Document;

/// Which documents an evaluation compared.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentCounts {
    /// Documents found on both sides.
    pub matched: usize,
    /// Ids of gold documents with no prediction.
    pub missing_in_pred: Vec<String>,
    /// Ids of predicted documents with no gold.
    pub missing_in_gold: Vec<String>,
}

/// The annotated JSON files under the paths: files as given, folders searched recursively (hidden
/// folders and `redline*.json` project configs skipped), in name order.
pub fn annotated_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, &e))?;
        if meta.is_dir() {
            walk(path, &mut out)?;
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

/// Adds the `.json` files under `dir`, recursively.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let mut items: Vec<PathBuf> = Vec::new();
    for item in std::fs::read_dir(dir).map_err(|e| Error::io(dir, &e))? {
        items.push(item.map_err(|e| Error::io(dir, &e))?.path());
    }
    items.sort();
    for path in items {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(&path, out)?;
        } else if name.ends_with(".json") && !name.starts_with("redline") {
            out.push(path);
        }
    }
    Ok(())
}

/// Loads every annotated JSON file under the paths; broken files are returned as errors, not loaded.
pub fn load(paths: &[PathBuf]) -> Result<(Vec<Document>, Vec<Error>)> {
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    for file in annotated_files(paths)? {
        match annotated::load(&file) {
            Ok(doc) => docs.push(doc),
            Err(e) => problems.push(e),
        }
    }
    Ok((docs, problems))
}

/// Pairs of (gold index, predicted index) and the indices left over on each side.
#[derive(Debug, Clone, Default)]
pub struct Matching {
    /// Matched documents.
    pub pairs: Vec<(usize, usize)>,
    /// Gold documents with no prediction.
    pub missing_in_pred: Vec<usize>,
    /// Predictions with no gold document.
    pub missing_in_gold: Vec<usize>,
}

/// Pairs documents with the same id and the same raw text (SHA-256); a document whose id differs but
/// whose raw text is found exactly once on the other side is paired by the text alone.
pub fn match_docs(gold: &[Document], pred: &[Document]) -> Matching {
    let key = |d: &Document| (d.id.clone(), d.source.sha256.clone());
    let mut by_key: HashMap<(String, String), usize> = HashMap::new();
    let mut by_sha: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, p) in pred.iter().enumerate() {
        by_key.entry(key(p)).or_insert(i);
        by_sha.entry(p.source.sha256.as_str()).or_default().push(i);
    }
    let mut used = HashSet::new();
    let mut m = Matching::default();
    let mut unmatched = Vec::new();
    for (g, doc) in gold.iter().enumerate() {
        match by_key.get(&key(doc)).filter(|p| !used.contains(*p)) {
            Some(&p) => {
                used.insert(p);
                m.pairs.push((g, p));
            }
            None => unmatched.push(g),
        }
    }
    for g in unmatched {
        let candidates = by_sha.get(gold[g].source.sha256.as_str()).map(Vec::as_slice).unwrap_or_default();
        match candidates {
            [p] if !used.contains(p) => {
                used.insert(*p);
                m.pairs.push((g, *p));
            }
            _ => m.missing_in_pred.push(g),
        }
    }
    m.pairs.sort_unstable();
    m.missing_in_gold = (0..pred.len()).filter(|p| !used.contains(p)).collect();
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_by_id_then_by_text() {
        let gold = vec![Document::new("a", "one"), Document::new("b", "two"), Document::new("c", "three")];
        let pred = vec![Document::new("renamed", "two"), Document::new("a", "one"), Document::new("z", "four")];
        let m = match_docs(&gold, &pred);
        assert_eq!(m.pairs, vec![(0, 1), (1, 0)]);
        assert_eq!((m.missing_in_pred, m.missing_in_gold), (vec![2], vec![2]));
    }
}
