//! Annotated JSON, format version 1: the lossless record of one document.
//! Offsets in the file are Unicode code points (end exclusive), converted to bytes on load.

use serde::{Deserialize, Serialize};
use std::path::Path;

use crate::error::{Error, Result};
use crate::model::edit::AbsorbedEdit;
use crate::model::{
    CharCursor, CharIndex, DocStatus, Document, EditStatus, EntityStatus, Name, NewEdit, NewEntity, Source,
};

/// The format tag this version writes and reads.
pub const FORMAT: &str = "redline.annotated/1";
/// The prefix every version of the format tag shares.
const FORMAT_PREFIX: &str = "redline.annotated/";
/// The only offset unit Redline writes.
pub const OFFSET_UNIT: &str = "codepoint";

/// One edit as stored in the file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FileEdit {
    /// Raw start, code points.
    pub start: usize,
    /// Raw end (exclusive), code points.
    pub end: usize,
    /// Replacement text.
    pub replacement: String,
    /// Rule id or `manual`.
    pub origin: String,
    /// Decision.
    pub status: EditStatus,
    /// Why it was proposed.
    #[serde(default)]
    pub reason: String,
    /// Edits a hand edit absorbed (raw offsets in code points).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absorbs: Vec<AbsorbedEdit>,
}

/// One entity as stored in the file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FileEntity {
    /// Cleaned start, code points.
    pub start: usize,
    /// Cleaned end (exclusive), code points.
    pub end: usize,
    /// Label.
    pub label: Name,
    /// The covered cleaned text, for people and for checking.
    pub text: String,
    /// `manual` or suggester name.
    pub origin: Name,
    /// State.
    pub status: EntityStatus,
    /// Suggester confidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f32>,
    /// Raw start, code points, when the entity maps cleanly onto the raw text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw_start: Option<usize>,
    /// Raw end, code points, when the entity maps cleanly onto the raw text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw_end: Option<usize>,
}

/// The whole file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AnnotatedFile {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`OFFSET_UNIT`].
    pub offset_unit: String,
    /// Document id.
    pub id: String,
    /// Provenance and checksum of the raw text.
    pub source: Source,
    /// Metadata carried over from the input.
    #[serde(default, skip_serializing_if = "serde_json::Value::is_null")]
    pub meta: serde_json::Value,
    /// The immutable raw text.
    pub raw: String,
    /// Every edit with its decision, sorted by raw position.
    pub edits: Vec<FileEdit>,
    /// The raw text with the accepted edits applied.
    pub cleaned: String,
    /// Entities on the cleaned text.
    pub entities: Vec<FileEntity>,
    /// The label set.
    pub labels: Vec<String>,
    /// Who annotated this copy.
    #[serde(default)]
    pub annotator: String,
    /// Workflow status.
    #[serde(default)]
    pub status: DocStatus,
    /// Creation time.
    #[serde(default)]
    pub created: String,
    /// Last change time.
    #[serde(default)]
    pub updated: String,
    /// The tool and version that wrote the file.
    #[serde(default)]
    pub tool: String,
}

/// Converts a document to its file form (code point offsets).
pub fn to_file(doc: &Document) -> AnnotatedFile {
    let mut raw_cursor = CharCursor::new(doc.raw());
    let mut raw_cp = |b: usize| raw_cursor.to_char(b);
    let edits = doc
        .edits()
        .iter()
        .map(|e| FileEdit {
            start: raw_cp(e.start),
            end: raw_cp(e.end),
            replacement: e.replacement.clone(),
            origin: e.origin.clone(),
            status: e.status,
            reason: e.reason.clone(),
            absorbs: e
                .absorbs
                .iter()
                .map(|a| AbsorbedEdit { start: raw_cp(a.start), end: raw_cp(a.end), ..a.clone() })
                .collect(),
        })
        .collect();
    let mut clean_cursor = CharCursor::new(doc.cleaned());
    let mut clean_cp = |b: usize| clean_cursor.to_char(b);
    let mut raw_cursor = CharCursor::new(doc.raw());
    let mut raw_cp = |b: usize| raw_cursor.to_char(b);
    let entities = doc
        .entities()
        .iter()
        .map(|e| {
            let raw = doc.entity_raw_range(e);
            FileEntity {
                start: clean_cp(e.start),
                end: clean_cp(e.end),
                label: e.label.clone(),
                text: doc.cleaned()[e.start..e.end].to_string(),
                origin: e.origin.clone(),
                status: e.status,
                score: e.score,
                raw_start: raw.map(|r| raw_cp(r.0)),
                raw_end: raw.map(|r| raw_cp(r.1)),
            }
        })
        .collect();
    AnnotatedFile {
        format: FORMAT.into(),
        offset_unit: OFFSET_UNIT.into(),
        id: doc.id.clone(),
        source: doc.source.clone(),
        meta: doc.meta.clone(),
        raw: doc.raw().to_string(),
        edits,
        cleaned: doc.cleaned().to_string(),
        entities,
        labels: doc.labels.clone(),
        annotator: doc.annotator.clone(),
        status: doc.status,
        created: doc.created.clone(),
        updated: doc.updated.clone(),
        tool: crate::TOOL.into(),
    }
}

/// Serialises a document as pretty annotated JSON.
pub fn to_json(doc: &Document) -> String {
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string_pretty(&to_file(doc)).unwrap_or_default()
}

/// Serialises a document as one line of annotated JSON (for JSONL streams): the compact JSON of
/// [`to_file`], written straight from the document.
pub fn to_json_line(doc: &Document) -> String {
    to_json_line_in(doc, String::new())
}

/// [`to_json_line`] written into `buffer` (emptied first, its memory reused).
pub fn to_json_line_in(doc: &Document, buffer: String) -> String {
    super::annotated_line::write_into(doc, buffer).unwrap_or_default()
}

/// Parses annotated JSON text and checks every invariant; `origin` names the file in messages.
pub fn from_json(text: &str, origin: &Path) -> Result<Document> {
    let file: AnnotatedFile = parse(text).map_err(|e| e.in_file(origin))?;
    from_file(file).map_err(|problems| invalid(origin, problems))
}

/// Reads and checks an annotated JSON file.
pub fn load(path: &Path) -> Result<Document> {
    let len = std::fs::metadata(path).map_err(|e| Error::io(path, &e))?.len();
    // Raw and cleaned texts, JSON escaping and the edit list: a few times one document's size.
    if len > 4 * crate::input::MAX_DOCUMENT_BYTES {
        return Err(Error::file(path, format!("is {} MB, too big for the annotated JSON of one document", len >> 20)));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, &e))?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        Error::file(path, format!("not valid UTF-8 at byte {}: annotated JSON must be UTF-8", e.valid_up_to()))
    })?;
    from_json(text.trim_start_matches('\u{feff}'), path)
}

/// Every problem in an annotated JSON file, without stopping at the first one.
pub fn validate(text: &str) -> std::result::Result<Document, Vec<Error>> {
    let file: AnnotatedFile = parse(text).map_err(|e| vec![e])?;
    let id = file.id.clone();
    from_file(file).map_err(|problems| problems.into_iter().map(|p| Error::msg(p).in_doc(&id)).collect())
}

/// Wraps a list of problems into one error naming the file and document.
fn invalid(origin: &Path, problems: Vec<String>) -> Error {
    Error::file(origin, problems.join("; "))
}

/// Parses the JSON, checking the format tag first so a future version gets a clear message.
fn parse(text: &str) -> Result<AnnotatedFile> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| Error::msg(format!("not valid JSON: {e}")).at_line(e.line() as u64))?;
    let format = value.get("format").and_then(|f| f.as_str()).unwrap_or_default();
    if format != FORMAT {
        let msg = if format.starts_with(FORMAT_PREFIX) {
            format!("written in format {format:?}, newer than this Redline reads ({FORMAT}); update Redline")
        } else {
            format!("not a Redline annotated file (format is {format:?}, expected {FORMAT:?})")
        };
        return Err(Error::msg(msg));
    }
    let unit = value.get("offset_unit").and_then(|f| f.as_str()).unwrap_or_default();
    if unit != OFFSET_UNIT {
        return Err(Error::msg(format!("offset_unit is {unit:?}; Redline files count code points ({OFFSET_UNIT:?})")));
    }
    serde_json::from_value(value).map_err(|e| Error::msg(format!("field error: {e}")))
}

/// Converts the code point range of `edits[i]` to bytes of `raw`, or says what is wrong with it
/// (reversed, or past the end). Shared by every reader of edit lists in code points.
pub fn edit_range_to_bytes(
    raw: &str,
    index: &CharIndex,
    i: usize,
    start: usize,
    end: usize,
) -> std::result::Result<(usize, usize), String> {
    if start > end {
        return Err(format!("edits[{i}]: start {start} is after end {end}"));
    }
    match (index.to_byte(raw, start), index.to_byte(raw, end)) {
        (Some(s), Some(e)) => Ok((s, e)),
        _ => Err(format!("edits[{i}]: range {start}..{end} is past the end of raw ({} code points)", index.char_len())),
    }
}

/// Builds a document from the file form, collecting every broken invariant.
fn from_file(file: AnnotatedFile) -> std::result::Result<Document, Vec<String>> {
    let mut problems = Vec::new();
    let mut doc = Document::new(file.id.clone(), file.raw.clone());
    if file.source.sha256 != doc.source.sha256 {
        problems.push(format!(
            "source.sha256 {} does not match the raw text (its SHA-256 is {})",
            file.source.sha256, doc.source.sha256
        ));
    }
    let raw_index = CharIndex::new(&file.raw);
    let mut edits = Vec::new();
    let mut previous_end = 0usize;
    for (i, e) in file.edits.iter().enumerate() {
        if i > 0 && e.start < previous_end && e.start <= e.end {
            problems.push(format!("edits[{i}]: starts at {} before the previous edit ends ({previous_end}): edits must be sorted and must not overlap", e.start));
        }
        if e.start <= e.end {
            previous_end = e.end;
        }
        let (start, end) = match edit_range_to_bytes(&file.raw, &raw_index, i, e.start, e.end) {
            Ok(range) => range,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        edits.push(NewEdit {
            start,
            end,
            replacement: e.replacement.clone(),
            origin: e.origin.clone(),
            status: e.status,
            reason: e.reason.clone(),
        });
    }
    for p in doc.add_edits(edits) {
        problems.push(format!("edits: {p}"));
    }
    restore_absorbs(&mut doc, &file, &raw_index);
    if problems.is_empty() && doc.cleaned() != file.cleaned {
        let at = doc.cleaned().chars().zip(file.cleaned.chars()).take_while(|(a, b)| a == b).count();
        problems
            .push(format!("cleaned is not raw with the accepted edits applied (first difference at code point {at})"));
    }
    if problems.is_empty() {
        check_entities(&mut doc, &file, &mut problems);
    }
    doc.source = file.source;
    doc.meta = file.meta;
    doc.labels = file.labels;
    doc.annotator = file.annotator;
    doc.status = file.status;
    doc.created = file.created;
    doc.updated = file.updated;
    if problems.is_empty() { Ok(doc) } else { Err(problems) }
}

/// Copies absorbed-edit records (code points in the file) onto the loaded edits (bytes in memory).
fn restore_absorbs(doc: &mut Document, file: &AnnotatedFile, raw_index: &CharIndex) {
    let to_byte = |cp: usize| raw_index.to_byte(&file.raw, cp).unwrap_or(file.raw.len());
    let lists: Vec<Vec<AbsorbedEdit>> = file
        .edits
        .iter()
        .map(|e| {
            e.absorbs
                .iter()
                .map(|a| AbsorbedEdit { start: to_byte(a.start), end: to_byte(a.end), ..a.clone() })
                .collect()
        })
        .collect();
    if lists.iter().all(Vec::is_empty) || lists.len() != doc.edits().len() {
        return;
    }
    doc.set_absorbs(lists);
}

/// Checks and adds the entities: offsets in range, text matching the cleaned text, known labels,
/// raw ranges (when given) matching the map.
fn check_entities(doc: &mut Document, file: &AnnotatedFile, problems: &mut Vec<String>) {
    let cleaned = doc.cleaned().to_string();
    let index = CharIndex::new(&cleaned);
    let raw_index = CharIndex::new(doc.raw());
    let mut new = Vec::new();
    for (i, e) in file.entities.iter().enumerate() {
        let name = format!("entities[{i}] ({} {:?})", e.label, e.text);
        let (Some(start), Some(end)) = (index.to_byte(&cleaned, e.start), index.to_byte(&cleaned, e.end)) else {
            problems.push(format!(
                "{name}: range {}..{} is past the end of cleaned ({} code points)",
                e.start,
                e.end,
                index.char_len()
            ));
            continue;
        };
        if start >= end && e.status != EntityStatus::NeedsReview {
            problems.push(format!("{name}: empty or reversed range {}..{}", e.start, e.end));
            continue;
        }
        let actual = cleaned.get(start..end.max(start)).unwrap_or_default();
        if actual != e.text {
            problems.push(format!("{name}: text does not match cleaned[{}:{}] = {actual:?}", e.start, e.end));
            continue;
        }
        if !file.labels.iter().any(|l| e.label == *l) {
            problems.push(format!("{name}: label {:?} is not in labels {:?}", e.label, file.labels));
        }
        new.push((
            i,
            NewEntity {
                start,
                end: end.max(start),
                label: e.label.clone(),
                origin: e.origin.clone(),
                status: e.status,
                score: e.score,
            },
        ));
    }
    let positions: Vec<usize> = new.iter().map(|(i, _)| *i).collect();
    match doc.add_entities(new.into_iter().map(|(_, e)| e)) {
        Ok(ids) => {
            for (i, id) in positions.into_iter().zip(ids) {
                let e = &file.entities[i];
                let (Some(entity), true) = (doc.entity(id), e.raw_start.is_some() || e.raw_end.is_some()) else {
                    continue;
                };
                let expected = doc
                    .entity_raw_range(entity)
                    .map(|(s, t)| (raw_index.to_char(doc.raw(), s), raw_index.to_char(doc.raw(), t)));
                if expected != e.raw_start.zip(e.raw_end) {
                    problems.push(format!(
                        "entities[{i}] ({} {:?}): raw_start/raw_end {:?}..{:?} do not match the raw text (expected {:?})",
                        e.label, e.text, e.raw_start, e.raw_end, expected
                    ));
                }
            }
        }
        Err(err) => problems.push(format!("entities: {err}")),
    }
}
