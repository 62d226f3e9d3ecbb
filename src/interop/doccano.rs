//! doccano sequence-labelling JSONL: `{"id", "text", "label": [[start, end, "LABEL"], ...]}`.
//!
//! doccano's web UI counts offsets in UTF-16 code units (doccano issue #2290), so Redline exports in
//! UTF-16 units — a text with emoji then opens with every span in place — and says so in an extra
//! `offset_unit: "utf16"` key (doccano keeps unknown keys as metadata). On import the unit is taken
//! from `--offset-unit`, else from that key, else detected per record: when the text has characters
//! outside the Basic Multilingual Plane, the reading whose spans start and end on more word
//! boundaries wins, and a tie is read as UTF-16 with a warning. The `entities` variant
//! (`[{"start_offset", "end_offset", "label"}]` or `[[s, e, "L"]]`) is read too.

use serde_json::{Value, json};
use std::path::Path;

use super::tokens;
use super::units::{OffsetUnit, Utf16Map};
use super::{Parsed, Record, Span, Written, codepoint_range, gold_entities, id_of, jsonl, jsonl_lines, meta_with_id};
use crate::error::Error;
use crate::model::{CharIndex, Document};

/// The key naming the offset unit in exported records.
const UNIT_KEY: &str = "offset_unit";

/// One JSONL line per document, offsets in UTF-16 code units.
pub fn export(docs: &[&Document]) -> Written {
    let lines: Vec<Value> = docs
        .iter()
        .map(|doc| {
            let index = CharIndex::new(doc.cleaned());
            let map = Utf16Map::new(doc.cleaned());
            let labels: Vec<Value> = gold_entities(doc)
                .map(|e| {
                    let (s, t) = codepoint_range(doc, &index, e);
                    json!([map.to_utf16(s), map.to_utf16(t), e.label])
                })
                .collect();
            json!({"id": doc.id, "text": doc.cleaned(), "label": labels, "meta": meta_with_id(doc), "offset_unit": "utf16"})
        })
        .collect();
    Written::File(jsonl(&lines))
}

/// Reads doccano JSONL, converting offsets to code points.
pub fn read(path: &Path, text: &str, forced: Option<OffsetUnit>, warnings: &mut Vec<String>) -> Vec<Parsed> {
    jsonl_lines(path, text)
        .into_iter()
        .map(|(line, value)| value.and_then(|v| record(path, line, &v, forced, warnings)))
        .collect()
}

/// A span in the file's own unit.
struct RawSpan {
    start: u64,
    end: u64,
    label: String,
}

/// One doccano record.
fn record(path: &Path, line: u64, v: &Value, forced: Option<OffsetUnit>, warnings: &mut Vec<String>) -> Parsed {
    let fail = |msg: String| Error::file(path, msg).at_line(line);
    let text = v.get("text").and_then(Value::as_str).ok_or_else(|| fail("the record has no \"text\" string".into()))?;
    let list = v.get("label").or_else(|| v.get("labels")).or_else(|| v.get("entities"));
    let mut raw = Vec::new();
    for (i, item) in list.and_then(Value::as_array).into_iter().flatten().enumerate() {
        raw.push(raw_span(item).ok_or_else(|| {
            fail(format!("label[{i}] is neither [start, end, \"LABEL\"] nor {{start_offset, end_offset, label}}"))
        })?);
    }
    let meta = v.get("meta").cloned().unwrap_or(Value::Null);
    let id = id_of(v.get("id")).or_else(|| id_of(meta.get("id")));
    let map = Utf16Map::new(text);
    let declared = match v.get(UNIT_KEY).and_then(Value::as_str) {
        Some("utf16") => Some(OffsetUnit::Utf16),
        Some("codepoint") => Some(OffsetUnit::Codepoint),
        _ => None,
    };
    let unit = forced.or(declared).unwrap_or_else(|| {
        let (unit, tie) = detect(text, &map, &raw);
        if tie && !raw.is_empty() {
            warnings.push(format!(
                "{}:{line}: offsets read as UTF-16 code units (doccano's default); the text has emoji or other characters outside the BMP and code points would fit as well: pass --offset-unit codepoint if the file counts code points",
                path.display()
            ));
        }
        unit
    });
    let mut spans = Vec::new();
    for (i, s) in raw.into_iter().enumerate() {
        let (start, end) = match unit {
            OffsetUnit::Codepoint => (Some(s.start as usize), Some(s.end as usize)),
            OffsetUnit::Utf16 => (map.to_codepoint(s.start as usize), map.to_codepoint(s.end as usize)),
        };
        let (Some(start), Some(end)) = (start, end) else {
            return Err(fail(format!(
                "label[{i}] ({} {}..{}): not a character boundary of the text in UTF-16 units (past the end or inside an emoji)",
                s.label, s.start, s.end
            )));
        };
        spans.push(Span { start, end, label: s.label, ..Span::default() });
    }
    Ok(Record { file: path.to_path_buf(), line, id, text: text.into(), spans, meta, ..Record::default() })
}

/// Parses `[s, e, "L"]` or `{"start_offset", "end_offset", "label"}`.
fn raw_span(item: &Value) -> Option<RawSpan> {
    if let Some([s, e, l]) = item.as_array().map(Vec::as_slice) {
        return Some(RawSpan { start: s.as_u64()?, end: e.as_u64()?, label: l.as_str()?.into() });
    }
    Some(RawSpan {
        start: item.get("start_offset")?.as_u64()?,
        end: item.get("end_offset")?.as_u64()?,
        label: item.get("label")?.as_str()?.into(),
    })
}

/// Guesses the unit of undeclared offsets: identical readings when the text is in the BMP; otherwise
/// the reading with more spans on word boundaries. Returns the unit and whether it was a tie.
fn detect(text: &str, map: &Utf16Map, spans: &[RawSpan]) -> (OffsetUnit, bool) {
    if map.is_identity() {
        return (OffsetUnit::Utf16, false);
    }
    let index = CharIndex::new(text);
    let score = |to_cp: &dyn Fn(u64) -> Option<usize>| -> usize {
        let ranges: Vec<(usize, usize)> = spans
            .iter()
            .filter_map(|s| Some((index.to_byte(text, to_cp(s.start)?)?, index.to_byte(text, to_cp(s.end)?)?)))
            .filter(|(a, b)| a < b)
            .collect();
        ranges.len() - tokens::misaligned(text, &ranges).len()
    };
    let utf16 = score(&|u| map.to_codepoint(u as usize));
    let cp = score(&|c| Some(c as usize));
    match cp.cmp(&utf16) {
        std::cmp::Ordering::Greater => (OffsetUnit::Codepoint, false),
        std::cmp::Ordering::Less => (OffsetUnit::Utf16, false),
        std::cmp::Ordering::Equal => (OffsetUnit::Utf16, true),
    }
}
