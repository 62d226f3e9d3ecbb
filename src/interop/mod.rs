//! Import and export in the formats other annotation and training tools use: spaCy/Prodigy JSONL,
//! doccano JSONL, Label Studio tasks, brat standoff, CoNLL IOB2, and cleaning pairs.
//!
//! Exports are views of the annotated documents: only `done` documents unless asked for all, accepted
//! entities as annotations, pending suggestions only where a format has a place for predictions, and
//! rejected ones never. Imports turn each record into a new [`Document`] whose raw text is the record's
//! text; every record is checked (offsets in range and on characters, span texts matching, labels
//! known) and a broken one is reported with its file and line and produces nothing.

pub mod brat;
pub mod conll;
pub mod doccano;
pub mod label_studio;
pub mod pairs;
pub mod spacy;
pub mod tokens;
pub mod units;

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::model::{CharIndex, DocStatus, Document, EditStatus, Entity, EntityStatus, NewEdit, NewEntity};

/// The formats Redline reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// spaCy/Prodigy JSONL: `text`, `tokens`, `spans` with token indices, `meta`, `answer`.
    Spacy,
    /// doccano sequence-labelling JSONL: `text`, `label: [[start, end, "LABEL"]]` in UTF-16 units.
    Doccano,
    /// Label Studio: a JSON array of tasks with `annotations` and `predictions`.
    LabelStudio,
    /// brat standoff: a folder of `.txt` + `.ann` pairs.
    Brat,
    /// CoNLL-2003 style IOB2, one token per line.
    Conll,
    /// JSONL of `{id, raw, cleaned, edits}` for evaluating cleaners.
    CleaningPairs,
}

impl Format {
    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Self::Spacy => "spacy",
            Self::Doccano => "doccano",
            Self::LabelStudio => "label-studio",
            Self::Brat => "brat",
            Self::Conll => "conll",
            Self::CleaningPairs => "cleaning-pairs",
        }
    }

    /// The file extension of the output, or `None` when the output is a folder (brat).
    pub fn extension(self) -> Option<&'static str> {
        match self {
            Self::Spacy | Self::Doccano | Self::CleaningPairs => Some("jsonl"),
            Self::LabelStudio => Some("json"),
            Self::Conll => Some("conll"),
            Self::Brat => None,
        }
    }
}

/// What an export produces: one file, or a folder of named files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// The bytes of the single output file.
    File(Vec<u8>),
    /// File names (already safe) and their bytes, for a folder output.
    Folder(Vec<(String, Vec<u8>)>),
}

/// The result of an export: what to write and what the user should know.
#[derive(Debug, Clone)]
pub struct Export {
    /// The output.
    pub written: Written,
    /// Documents exported.
    pub exported: usize,
    /// Documents left out because they are not `done`.
    pub not_done: usize,
    /// Things that did not fit the format, one line each (entities split across tokens, …).
    pub warnings: Vec<String>,
}

/// Exports documents in `format`; `all` includes documents that are not `done`.
pub fn export(format: Format, docs: &[Document], all: bool) -> Export {
    let chosen: Vec<&Document> = docs.iter().filter(|d| all || d.status == DocStatus::Done).collect();
    let mut warnings = Vec::new();
    for doc in &chosen {
        for e in doc.entities().iter().filter(|e| e.status == EntityStatus::NeedsReview) {
            warnings.push(format!(
                "document {}: entity {} {:?} needs review (a cleaning edit cut it) and is left out",
                doc.id,
                e.label,
                &doc.cleaned()[e.start..e.end]
            ));
        }
    }
    let written = match format {
        Format::Spacy => spacy::export(&chosen, &mut warnings),
        Format::Doccano => doccano::export(&chosen),
        Format::LabelStudio => label_studio::export(&chosen),
        Format::Brat => brat::export(&chosen),
        Format::Conll => conll::export(&chosen, &mut warnings),
        Format::CleaningPairs => pairs::export(&chosen),
    };
    Export { written, exported: chosen.len(), not_done: docs.len() - chosen.len(), warnings }
}

impl Written {
    /// Writes the output atomically: one file at `output`, or each file of a folder inside `output`.
    /// Returns the paths written.
    pub fn write(&self, output: &Path) -> Result<Vec<PathBuf>> {
        match self {
            Self::File(bytes) => {
                crate::storage::write_atomic(output, bytes)?;
                Ok(vec![output.to_path_buf()])
            }
            Self::Folder(files) => {
                let mut written = Vec::with_capacity(files.len());
                for (name, bytes) in files {
                    let path = output.join(crate::storage::safe_file_name(name));
                    crate::storage::write_atomic(&path, bytes)?;
                    written.push(path);
                }
                Ok(written)
            }
        }
    }
}

/// The entities a document's gold annotation holds: accepted ones.
pub fn gold_entities(doc: &Document) -> impl Iterator<Item = &Entity> {
    doc.entities().iter().filter(|e| e.status == EntityStatus::Accepted)
}

/// The undecided suggestions of a document, for formats with a place for predictions.
pub fn pending_entities(doc: &Document) -> impl Iterator<Item = &Entity> {
    doc.entities().iter().filter(|e| e.status == EntityStatus::Pending)
}

/// An entity's cleaned-text range in code points.
pub fn codepoint_range(doc: &Document, index: &CharIndex, e: &Entity) -> (usize, usize) {
    (index.to_char(doc.cleaned(), e.start), index.to_char(doc.cleaned(), e.end))
}

/// Serialises one JSON value per line.
pub(crate) fn jsonl(values: &[serde_json::Value]) -> Vec<u8> {
    let mut out = String::new();
    for v in values {
        out.push_str(&v.to_string());
        out.push('\n');
    }
    out.into_bytes()
}

/// The document's `meta` object with its id added, so the id survives a round trip.
pub(crate) fn meta_with_id(doc: &Document) -> serde_json::Value {
    let mut meta = match &doc.meta {
        serde_json::Value::Object(m) => m.clone(),
        _ => serde_json::Map::new(),
    };
    meta.insert("id".into(), doc.id.clone().into());
    serde_json::Value::Object(meta)
}

/// The inverse of [`meta_with_id`]: a `meta` holding nothing but the document's id is dropped.
pub(crate) fn meta_without_id(meta: serde_json::Value, id: Option<&str>) -> serde_json::Value {
    match meta.as_object() {
        Some(m) if m.len() == 1 && id.is_some() && m.get("id").and_then(|v| v.as_str()) == id => {
            serde_json::Value::Null
        }
        _ => meta,
    }
}

/// Options for an import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Labels an imported entity may carry; any other label is an error.
    pub labels: Vec<String>,
    /// Import entities as pending suggestions instead of accepted annotations.
    pub as_suggestions: bool,
    /// The annotator recorded in the new documents.
    pub annotator: String,
    /// doccano offsets: forced unit, or `None` to read or detect it.
    pub offset_unit: Option<units::OffsetUnit>,
}

/// One document as read from another tool's file, before checking. Offsets are code points.
#[derive(Debug, Clone, Default)]
pub struct Record {
    /// The file it came from.
    pub file: PathBuf,
    /// The 1-based line it starts on.
    pub line: u64,
    /// Its id, if the file gives one.
    pub id: Option<String>,
    /// The text the offsets index.
    pub text: String,
    /// Annotated entities.
    pub spans: Vec<Span>,
    /// Predicted entities (always imported as pending).
    pub predictions: Vec<Span>,
    /// The record's `meta`.
    pub meta: serde_json::Value,
    /// The workflow status the file implies.
    pub status: Option<DocStatus>,
    /// Cleaning edits over `text` (cleaning pairs only).
    pub edits: Vec<RecordEdit>,
}

/// One entity span of a record, in code points.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Span {
    /// Start code point.
    pub start: usize,
    /// End code point (exclusive).
    pub end: usize,
    /// Label.
    pub label: String,
    /// The text the file says the span covers, checked when present.
    pub text: Option<String>,
    /// Who proposed it (a model version or suggester name), for predictions.
    pub origin: Option<String>,
    /// Confidence.
    pub score: Option<f32>,
}

/// One cleaning edit of a cleaning-pairs record, in raw code points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordEdit {
    /// Start code point in the raw text.
    pub start: usize,
    /// End code point (exclusive).
    pub end: usize,
    /// Replacement text.
    pub replacement: String,
    /// Rule id or `manual`.
    pub origin: String,
    /// Decision.
    pub status: EditStatus,
    /// Why.
    pub reason: String,
}

/// The documents an import produced and the records it refused.
#[derive(Debug, Default)]
pub struct Imported {
    /// Checked documents, ready to save.
    pub docs: Vec<Document>,
    /// One error per refused record or unreadable file, each naming the file and line.
    pub problems: Vec<Error>,
    /// Things the user should know that did not stop a document (e.g. a guessed offset unit).
    pub warnings: Vec<String>,
}

/// Imports every file of `format` under `paths` (files, or folders of them).
pub fn import(format: Format, paths: &[PathBuf], options: &ImportOptions) -> Imported {
    let mut out = Imported::default();
    for path in paths {
        let records = match format {
            Format::Brat => brat::read(path),
            _ => match std::fs::read(path) {
                Err(e) => Err(Error::io(path, &e)),
                Ok(bytes) => match String::from_utf8(bytes) {
                    Err(e) => {
                        Err(Error::file(path, format!("not valid UTF-8 at byte {}", e.utf8_error().valid_up_to())))
                    }
                    Ok(text) => {
                        Ok(read_text(format, path, text.trim_start_matches('\u{feff}'), options, &mut out.warnings))
                    }
                },
            },
        };
        match records {
            Ok(records) => {
                for record in records {
                    match record.and_then(|r| build(r, options)) {
                        Ok(doc) => out.docs.push(doc),
                        Err(e) => out.problems.push(e),
                    }
                }
            }
            Err(e) => out.problems.push(e),
        }
    }
    out
}

/// A record, or the error that refused it.
pub type Parsed = Result<Record>;

/// Parses the text of one file in a text-based format.
fn read_text(
    format: Format,
    path: &Path,
    text: &str,
    options: &ImportOptions,
    warnings: &mut Vec<String>,
) -> Vec<Parsed> {
    match format {
        Format::Spacy => spacy::read(path, text),
        Format::Doccano => doccano::read(path, text, options.offset_unit, warnings),
        Format::LabelStudio => label_studio::read(path, text),
        Format::Conll => conll::read(path, text),
        Format::CleaningPairs => pairs::read(path, text),
        Format::Brat => Vec::new(),
    }
}

/// The lines of a JSONL file that hold something, with their 1-based numbers, each parsed as JSON.
pub(crate) fn jsonl_lines(path: &Path, text: &str) -> Vec<(u64, Result<serde_json::Value>)> {
    text.split('\n')
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let line = i as u64 + 1;
            let value = serde_json::from_str(l.strip_suffix('\r').unwrap_or(l))
                .map_err(|e| Error::file(path, format!("invalid JSON: {e}")).at_line(line));
            (line, value)
        })
        .collect()
}

/// A string id from a JSON string or number.
pub(crate) fn id_of(value: Option<&serde_json::Value>) -> Option<String> {
    match value? {
        serde_json::Value::String(s) if !s.is_empty() => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The id of a document without one: `text-` and the first 16 hex digits of its text's SHA-256.
pub fn id_from_text(text: &str) -> String {
    format!("text-{}", &crate::model::sha256_hex(text)[..16])
}

/// Checks a record and builds its document; any problem refuses the whole record.
pub fn build(record: Record, options: &ImportOptions) -> Result<Document> {
    let fail = |msg: String| {
        let mut e = Error::file(&record.file, msg).at_line(record.line);
        if let Some(id) = &record.id {
            e = e.in_doc(id);
        }
        e
    };
    if record.text.contains('\0') {
        return Err(fail("the text contains a NUL character".into()));
    }
    let id = record.id.clone().unwrap_or_else(|| id_from_text(&record.text));
    let mut doc = Document::new(id, record.text.clone());
    doc.meta = meta_without_id(record.meta.clone(), record.id.as_deref());
    doc.labels = options.labels.clone();
    doc.annotator = options.annotator.clone();
    doc.source.path = Some(record.file.display().to_string());
    doc.source.line = Some(record.line);
    let raw_index = CharIndex::new(doc.raw());
    let mut edits = Vec::new();
    for (i, e) in record.edits.iter().enumerate() {
        let (start, end) =
            crate::format::annotated::edit_range_to_bytes(doc.raw(), &raw_index, i, e.start, e.end).map_err(fail)?;
        edits.push(NewEdit {
            start,
            end,
            replacement: e.replacement.clone(),
            origin: e.origin.clone(),
            status: e.status,
            reason: e.reason.clone(),
        });
    }
    if let Some(problem) = doc.add_edits(edits).into_iter().next() {
        return Err(fail(format!("edits: {problem}")));
    }
    let cleaned = doc.cleaned().to_string();
    let index = CharIndex::new(&cleaned);
    let status = if options.as_suggestions { EntityStatus::Pending } else { EntityStatus::Accepted };
    let mut new = Vec::new();
    let groups = [(&record.spans, status, "spans"), (&record.predictions, EntityStatus::Pending, "predictions")];
    for (spans, status, what) in groups {
        for (i, s) in spans.iter().enumerate() {
            let name = format!("{what}[{i}] ({} {}..{})", s.label, s.start, s.end);
            let (Some(start), Some(end)) = (index.to_byte(&cleaned, s.start), index.to_byte(&cleaned, s.end)) else {
                return Err(fail(format!("{name}: past the end of the text ({} code points)", index.char_len())));
            };
            if start >= end {
                return Err(fail(format!("{name}: empty or reversed range")));
            }
            if let Some(text) = s.text.as_deref().filter(|t| *t != &cleaned[start..end]) {
                return Err(fail(format!(
                    "{name}: the file says it covers {text:?} but the text there is {:?} (wrong offsets or offset unit?)",
                    &cleaned[start..end]
                )));
            }
            if !options.labels.contains(&s.label) {
                return Err(fail(format!(
                    "{name}: unknown label {:?} (known: {}; pass --labels to add it)",
                    s.label,
                    options.labels.join(", ")
                )));
            }
            let origin = s.origin.clone().unwrap_or_else(|| {
                if status == EntityStatus::Pending { "import".into() } else { crate::model::MANUAL.into() }
            });
            new.push(NewEntity {
                start,
                end,
                label: s.label.as_str().into(),
                origin: origin.into(),
                status,
                score: s.score,
            });
        }
    }
    doc.add_entities(new).map_err(|e| fail(e.0))?;
    doc.status = match record.status {
        _ if options.as_suggestions => DocStatus::Todo,
        Some(s) => s,
        None => DocStatus::Done,
    };
    Ok(doc)
}
