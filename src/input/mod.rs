//! Opening work: a `.txt` file, a folder of them, a JSONL corpus, or Redline's annotated JSON.

pub mod corpus;
pub mod decode;

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use corpus::{CorpusIndex, LineSpan, Record};
pub use decode::Encoding;

use crate::error::{Error, Result};
use crate::format::annotated;
use crate::model::Document;

/// The largest document opened, in bytes: news articles are far smaller, and a bigger text is
/// almost always a mistake (a dump, a binary) that would make the workbench crawl.
pub const MAX_DOCUMENT_BYTES: u64 = 32 << 20;

/// Refuses a document bigger than [`MAX_DOCUMENT_BYTES`] before it is read into memory.
pub fn check_size(path: &Path, len: u64) -> Result<()> {
    if len <= MAX_DOCUMENT_BYTES {
        return Ok(());
    }
    Err(Error::file(
        path,
        format!(
            "is {} MB, more than the {} MB Redline opens as one document; split it into articles (one per file or per JSONL line)",
            len >> 20,
            MAX_DOCUMENT_BYTES >> 20
        ),
    ))
}

/// Where one document of a collection comes from.
#[derive(Debug, Clone)]
pub enum DocRef {
    /// A plain text file.
    Text(PathBuf),
    /// One line of a JSONL corpus.
    Corpus(Arc<CorpusIndex>, LineSpan),
    /// An annotated JSON file written by Redline.
    Annotated(PathBuf),
}

/// One entry of a collection: a name to list it under and where it comes from.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The name shown in lists: the file stem, or the corpus name and line.
    pub name: String,
    /// Where the document comes from.
    pub source: DocRef,
}

/// The documents opened from the paths a person gave.
#[derive(Debug, Clone, Default)]
pub struct Collection {
    /// The documents, in the order given (folders sorted by name).
    pub entries: Vec<Entry>,
}

impl Collection {
    /// Opens every path: files by extension (`.jsonl` corpus, `.json` annotated, anything else text),
    /// folders by their `.txt`, `.jsonl` and `.json` files.
    pub fn open(paths: &[PathBuf]) -> Result<Self> {
        let mut entries = Vec::new();
        for path in paths {
            let meta = std::fs::metadata(path).map_err(|e| Error::io(path, &e))?;
            if meta.is_dir() {
                for file in list_folder(path)? {
                    entries.extend(open_file(&file)?);
                }
            } else {
                entries.extend(open_file(path)?);
            }
        }
        Ok(Self { entries })
    }
}

/// The openable files of a folder, sorted by name (not recursive; the `annotations` folder is skipped).
fn list_folder(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for item in std::fs::read_dir(dir).map_err(|e| Error::io(dir, &e))? {
        let item = item.map_err(|e| Error::io(dir, &e))?;
        let path = item.path();
        let is_file = item.file_type().map(|t| t.is_file()).unwrap_or(false);
        if is_file && matches!(extension(&path).as_str(), "txt" | "jsonl" | "json") && !is_config(&path) {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Whether a file is a project configuration file rather than a document.
fn is_config(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("redline") && n.ends_with(".json"))
}

/// The lower-case extension of a path.
fn extension(path: &Path) -> String {
    path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase()
}

/// The entries of one file.
fn open_file(path: &Path) -> Result<Vec<Entry>> {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("document").to_string();
    Ok(match extension(path).as_str() {
        "jsonl" => {
            let index = Arc::new(CorpusIndex::build(path)?);
            index
                .lines
                .iter()
                .map(|&span| Entry {
                    name: format!("{stem}:{}", span.line),
                    source: DocRef::Corpus(index.clone(), span),
                })
                .collect()
        }
        "json" => vec![Entry { name: stem, source: DocRef::Annotated(path.to_path_buf()) }],
        _ => vec![Entry { name: stem, source: DocRef::Text(path.to_path_buf()) }],
    })
}

impl Entry {
    /// Loads the document (raw text only for text and corpus inputs).
    pub fn load(&self, encoding: Encoding) -> Result<Document> {
        match &self.source {
            DocRef::Text(path) => load_text(path, encoding),
            DocRef::Corpus(index, span) => {
                let record = index.read(*span)?;
                let fallback_id = self.name.replace(':', "-");
                Ok(record.into_document(&fallback_id, &index.path.display().to_string(), span.line))
            }
            DocRef::Annotated(path) => annotated::load(path),
        }
    }
}

/// Reads a text file into a new document named after the file.
pub fn load_text(path: &Path, encoding: Encoding) -> Result<Document> {
    let len = std::fs::metadata(path).map_err(|e| Error::io(path, &e))?.len();
    check_size(path, len)?;
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, &e))?;
    let text = decode::decode(&bytes, encoding, path)?;
    let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or("document");
    let mut doc = Document::new(id, text);
    doc.source.path = Some(path.display().to_string());
    let used = encoding.used_for(&bytes);
    doc.source.encoding = (used != Encoding::Utf8).then(|| used.name().to_string());
    Ok(doc)
}
