//! Cleaning pairs: JSONL of `{"id", "raw", "cleaned", "edits", "meta"}`, the gold-standard test data
//! for cleaners. `edits` lists every edit with its decision (`accepted` edits make `cleaned` from
//! `raw`; `rejected` ones are the cleaner's false alarms), offsets in raw code points. On import a
//! record without `edits` gets one edit replacing the part between the common prefix and suffix.

use serde_json::{Value, json};
use std::path::Path;

use super::{Parsed, Record, RecordEdit, Written, id_of, jsonl, jsonl_lines};
use crate::error::Error;
use crate::format::annotated;
use crate::model::{Document, EditStatus};

/// One JSONL line per document.
pub fn export(docs: &[&Document]) -> Written {
    let lines: Vec<Value> = docs
        .iter()
        .map(|doc| {
            let file = annotated::to_file(doc);
            let mut line = json!({"id": doc.id, "raw": doc.raw(), "cleaned": doc.cleaned(), "edits": file.edits});
            if !doc.meta.is_null() {
                line["meta"] = doc.meta.clone();
            }
            line
        })
        .collect();
    Written::File(jsonl(&lines))
}

/// Reads cleaning pairs; `cleaned`, when given with `edits`, must equal raw with the accepted edits applied.
pub fn read(path: &Path, text: &str) -> Vec<Parsed> {
    jsonl_lines(path, text).into_iter().map(|(line, value)| value.and_then(|v| record(path, line, &v))).collect()
}

/// One pair as a record.
fn record(path: &Path, line: u64, v: &Value) -> Parsed {
    let fail = |msg: String| Error::file(path, msg).at_line(line);
    let raw = v.get("raw").and_then(Value::as_str).ok_or_else(|| fail("the record has no \"raw\" string".into()))?;
    let cleaned = v.get("cleaned").and_then(Value::as_str);
    let meta = v.get("meta").cloned().unwrap_or(Value::Null);
    let id = id_of(v.get("id")).or_else(|| id_of(meta.get("id")));
    let edits: Vec<RecordEdit> = match (v.get("edits"), cleaned) {
        (Some(list), _) => serde_json::from_value::<Vec<annotated::FileEdit>>(list.clone())
            .map_err(|e| fail(format!("edits: {e}")))?
            .into_iter()
            .map(|e| RecordEdit {
                start: e.start,
                end: e.end,
                replacement: e.replacement,
                origin: e.origin,
                status: e.status,
                reason: e.reason,
            })
            .collect(),
        (None, Some(cleaned)) => diff_edit(raw, cleaned).into_iter().collect(),
        (None, None) => return Err(fail("the record needs \"edits\" or \"cleaned\"".into())),
    };
    if let Some(cleaned) = cleaned {
        let applied =
            apply(raw, &edits).ok_or_else(|| fail("edits are out of range, unsorted or overlapping".into()))?;
        if applied != cleaned {
            let at = applied.chars().zip(cleaned.chars()).take_while(|(a, b)| a == b).count();
            return Err(fail(format!(
                "\"cleaned\" is not raw with the accepted edits applied (first difference at code point {at})"
            )));
        }
    }
    Ok(Record { file: path.to_path_buf(), line, id, text: raw.into(), meta, status: None, edits, ..Record::default() })
}

/// One accepted edit turning `raw` into `cleaned`: the part between their common prefix and suffix.
fn diff_edit(raw: &str, cleaned: &str) -> Option<RecordEdit> {
    let r: Vec<char> = raw.chars().collect();
    let c: Vec<char> = cleaned.chars().collect();
    let prefix = r.iter().zip(&c).take_while(|(a, b)| a == b).count();
    let suffix = r[prefix..].iter().rev().zip(c[prefix..].iter().rev()).take_while(|(a, b)| a == b).count();
    (r != c).then(|| RecordEdit {
        start: prefix,
        end: r.len() - suffix,
        replacement: c[prefix..c.len() - suffix].iter().collect(),
        origin: "import".into(),
        status: EditStatus::Accepted,
        reason: "difference between raw and cleaned".into(),
    })
}

/// `raw` with the accepted edits applied (code point offsets), or `None` when they are out of order.
fn apply(raw: &str, edits: &[RecordEdit]) -> Option<String> {
    let chars: Vec<char> = raw.chars().collect();
    let mut out = String::new();
    let mut at = 0;
    for e in edits.iter().filter(|e| e.status == EditStatus::Accepted) {
        if e.start < at || e.end < e.start || e.end > chars.len() {
            return None;
        }
        out.extend(&chars[at..e.start]);
        out.push_str(&e.replacement);
        at = e.end;
    }
    out.extend(&chars[at..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_without_edits_gets_the_middle_as_one_edit() {
        let e = diff_edit("Title\n\nAd here\nBody", "Title\n\nBody").expect("an edit");
        assert_eq!((e.start, e.end, e.replacement.as_str()), (7, 15, ""));
        assert_eq!(apply("Title\n\nAd here\nBody", &[e]).as_deref(), Some("Title\n\nBody"));
        assert!(diff_edit("same", "same").is_none());
    }
}
