//! Saving: an article's annotated JSON and a megabyte document's, written atomically (with fsync).

use std::path::Path;

use super::{Figure, Target, ms, repeat, synth};
use crate::batch::Pipeline;
use crate::error::Result;
use crate::model::{Command, Document, EditStatus};
use crate::storage;

/// Runs per measured save.
const RUNS: usize = 21;

/// Times `storage::save_document` into `dir` for a typical article and for the big document.
pub fn saves(dir: &Path) -> Result<Vec<Figure>> {
    let mut rng = synth::Rng::new(23);
    let mut article = Document::new("article", synth::article(&mut rng, 5_000));
    Pipeline::builtin().suggest(&mut article)?;
    let ids = article.edits().iter().map(|e| e.id).collect();
    article.apply(&Command::SetEditStatus { ids, status: EditStatus::Accepted }).ok();
    let big = super::model::big_document(1_000_000, 10_000, 5_000);
    let mut figures = Vec::new();
    for (doc, name, target) in [(&article, "an article", 10.0), (&big, "a 1 MB document (10,000 entities)", 200.0)] {
        let mut failure = None;
        let (median, worst) = repeat(RUNS, || {
            if let Err(e) = storage::save_document(dir, doc) {
                failure = Some(e);
            }
        });
        if let Some(e) = failure {
            return Err(e);
        }
        let size = std::fs::metadata(storage::document_path(dir, &doc.id)).map(|m| m.len()).unwrap_or(0);
        let what = format!("save {name} ({:.0} KB of JSON, atomic + fsync)", size as f64 / 1e3);
        figures.push(Figure::new(format!("{what}, median"), ms(median), "ms", Some(Target::AtMost(target))));
        figures.push(Figure::new(format!("{what}, worst of {RUNS}"), ms(worst), "ms", None));
    }
    Ok(figures)
}
