//! Saving annotated documents: atomic writes, safe file names, and where annotations live.

pub mod atomic;
pub mod names;
pub mod saver;

pub use atomic::write_atomic;
pub use names::safe_file_name;
pub use saver::{SaveReport, Saver};

use std::path::{Path, PathBuf};

use crate::error::Result;
use crate::format::annotated;
use crate::model::Document;

/// The folder, beside the input, that holds annotated JSON.
pub const ANNOTATIONS_DIR: &str = "annotations";

/// Where annotations for an input live: `annotations/<annotator>/` inside a folder input, or beside
/// a file input. One folder per annotator lets a team share a project through git without conflicts.
pub fn annotations_dir(input: &Path, annotator: &str) -> PathBuf {
    let base =
        if input.is_dir() { input.to_path_buf() } else { input.parent().unwrap_or(Path::new(".")).to_path_buf() };
    base.join(ANNOTATIONS_DIR).join(safe_file_name(annotator))
}

/// The annotated JSON path of a document inside an annotations folder.
pub fn document_path(dir: &Path, doc_id: &str) -> PathBuf {
    dir.join(format!("{}.json", safe_file_name(doc_id)))
}

/// Writes a document's annotated JSON atomically into `dir`, returning the path written.
pub fn save_document(dir: &Path, doc: &Document) -> Result<PathBuf> {
    let path = document_path(dir, &doc.id);
    write_atomic(&path, annotated::to_json(doc).as_bytes())?;
    Ok(path)
}
