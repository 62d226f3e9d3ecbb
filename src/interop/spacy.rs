//! spaCy/Prodigy JSONL: one task per line with `text`, `tokens` (`text`, `start`, `end`, `id`, `ws`),
//! `spans` (`start`, `end`, `label`, `token_start`, `token_end` inclusive, `text`), `meta` and `answer`,
//! offsets in code points, as `prodigy db-out` writes and `prodigy db-in` / `data-to-spacy` read.

use serde_json::{Value, json};
use std::path::Path;

use super::tokens::{self, Token};
use super::{Parsed, Record, Span, Written, codepoint_range, gold_entities, id_of, jsonl, jsonl_lines, meta_with_id};
use crate::error::Error;
use crate::model::{CharIndex, DocStatus, Document};

/// One JSONL line per document; entities that cut through words split the tokens and are reported.
pub fn export(docs: &[&Document], warnings: &mut Vec<String>) -> Written {
    let lines: Vec<Value> = docs.iter().map(|doc| task(doc, warnings)).collect();
    Written::File(jsonl(&lines))
}

/// The Prodigy task for one document.
fn task(doc: &Document, warnings: &mut Vec<String>) -> Value {
    let text = doc.cleaned();
    let index = CharIndex::new(text);
    let gold: Vec<_> = gold_entities(doc).collect();
    let ranges: Vec<(usize, usize)> = gold.iter().map(|e| (e.start, e.end)).collect();
    for i in tokens::misaligned(text, &ranges) {
        let e = gold[i];
        warnings.push(format!(
            "document {}: entity {} {:?} does not fall on word boundaries; its tokens are split there",
            doc.id,
            e.label,
            &text[e.start..e.end]
        ));
    }
    let toks = tokens::tokenize(text, &ranges);
    let cp = |b: usize| index.to_char(text, b);
    let token_values: Vec<Value> = toks
        .iter()
        .enumerate()
        .map(|(i, t)| json!({"text": &text[t.start..t.end], "start": cp(t.start), "end": cp(t.end), "id": i, "ws": t.ws}))
        .collect();
    let spans: Vec<Value> = gold
        .iter()
        .map(|e| {
            let (start, end) = codepoint_range(doc, &index, e);
            json!({
                "start": start,
                "end": end,
                "label": e.label,
                "text": &text[e.start..e.end],
                "token_start": token_at(&toks, |t| t.start == e.start),
                "token_end": token_at(&toks, |t| t.end == e.end),
            })
        })
        .collect();
    let mut task = json!({"text": text, "tokens": token_values, "spans": spans, "meta": meta_with_id(doc)});
    if let Some(answer) = answer(doc.status) {
        task["answer"] = answer.into();
    }
    task
}

/// The index of the first token matching `f` (the tokenizer guarantees one exists for every entity).
fn token_at(toks: &[Token], f: impl Fn(&Token) -> bool) -> Option<usize> {
    toks.iter().position(f)
}

/// Prodigy's answer for a workflow status: finished work is accepted, skipped work ignored, and
/// unfinished work has no answer yet.
fn answer(status: DocStatus) -> Option<&'static str> {
    match status {
        DocStatus::Done => Some("accept"),
        DocStatus::Skipped => Some("ignore"),
        DocStatus::Todo | DocStatus::InProgress => None,
    }
}

/// Reads Prodigy/spaCy JSONL; token indices, when present, must agree with the character offsets.
pub fn read(path: &Path, text: &str) -> Vec<Parsed> {
    jsonl_lines(path, text).into_iter().map(|(line, value)| value.and_then(|v| record(path, line, &v))).collect()
}

/// One task as a record.
fn record(path: &Path, line: u64, v: &Value) -> Parsed {
    let fail = |msg: String| Error::file(path, msg).at_line(line);
    let text = v.get("text").and_then(Value::as_str).ok_or_else(|| fail("the task has no \"text\" string".into()))?;
    let meta = v.get("meta").cloned().unwrap_or(Value::Null);
    let id = id_of(v.get("id")).or_else(|| id_of(meta.get("id")));
    let tokens = v.get("tokens").and_then(Value::as_array);
    let mut spans = Vec::new();
    for (i, s) in v.get("spans").and_then(Value::as_array).into_iter().flatten().enumerate() {
        let (Some(start), Some(end), Some(label)) =
            (uint(s, "start"), uint(s, "end"), s.get("label").and_then(Value::as_str))
        else {
            return Err(fail(format!("spans[{i}] needs start, end and label")));
        };
        for (key, offset, field) in [("token_start", start, "start"), ("token_end", end, "end")] {
            let (Some(t), Some(toks)) = (uint(s, key), tokens) else { continue };
            let at = toks.get(t as usize).and_then(|tok| uint(tok, field));
            if at != Some(offset) {
                return Err(fail(format!(
                    "spans[{i}]: {key} {t} points at a token whose {field} is {at:?}, not {offset}"
                )));
            }
        }
        let text = s.get("text").and_then(Value::as_str).map(String::from);
        let origin = s.get("source").and_then(Value::as_str).map(String::from);
        spans.push(Span { start: start as usize, end: end as usize, label: label.into(), text, origin, score: None });
    }
    let status = match v.get("answer").and_then(Value::as_str) {
        Some("accept") => Some(DocStatus::Done),
        Some("reject" | "ignore") => Some(DocStatus::Skipped),
        Some(other) => return Err(fail(format!("unknown answer {other:?} (expected accept, reject or ignore)"))),
        None => Some(DocStatus::InProgress),
    };
    Ok(Record { file: path.to_path_buf(), line, id, text: text.into(), spans, meta, status, ..Record::default() })
}

/// A non-negative integer field.
pub(crate) fn uint(v: &Value, key: &str) -> Option<u64> {
    v.get(key).and_then(Value::as_u64)
}
