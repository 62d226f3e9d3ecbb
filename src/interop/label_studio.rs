//! Label Studio tasks: one JSON array, each task `{"data": {"text"}, "annotations": [{"result"}],
//! "predictions": [{"model_version", "result"}]}` with result items of `type: "labels"` whose
//! `value.start`/`value.end` count code points. The labelling config these tasks expect is
//! `<Labels name="label" toName="text">` over `<Text name="text" value="$text"/>`.

use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::Path;

use super::{Parsed, Record, Span, Written, codepoint_range, gold_entities, id_of, meta_with_id, pending_entities};
use crate::error::Error;
use crate::model::{CharIndex, DocStatus, Document, Entity};

/// The control tag name results refer to (`<Labels name="label">`).
const FROM_NAME: &str = "label";
/// The object tag name results refer to (`<Text name="text">`).
const TO_NAME: &str = "text";

/// One JSON array of tasks: accepted entities as the annotation, pending ones as predictions grouped
/// by the suggester that made them (`model_version`).
pub fn export(docs: &[&Document]) -> Written {
    let tasks: Vec<Value> = docs.iter().zip(1..).map(|(doc, n)| task(doc, n)).collect();
    let text = serde_json::to_string_pretty(&Value::Array(tasks)).unwrap_or_default();
    Written::File(format!("{text}\n").into_bytes())
}

/// The task for one document; `n` is its 1-based number, the task `id` Label Studio's exports carry
/// (its converter needs one; its importer assigns its own).
fn task(doc: &Document, n: usize) -> Value {
    let index = CharIndex::new(doc.cleaned());
    let result = |prefix: &str, entities: &[&Entity], manual: bool| -> Vec<Value> {
        entities
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let (start, end) = codepoint_range(doc, &index, e);
                let mut item = json!({
                    "id": format!("{prefix}{i}"),
                    "from_name": FROM_NAME,
                    "to_name": TO_NAME,
                    "type": "labels",
                    "value": {"start": start, "end": end, "text": &doc.cleaned()[e.start..e.end], "labels": [e.label]},
                });
                if manual {
                    item["origin"] = "manual".into();
                }
                if let Some(score) = e.score {
                    item["score"] = f64::from(score).into();
                }
                item
            })
            .collect()
    };
    let gold: Vec<&Entity> = gold_entities(doc).collect();
    let mut annotations = Vec::new();
    if doc.status == DocStatus::Done || !gold.is_empty() {
        annotations.push(json!({"result": result("r", &gold, true), "was_cancelled": false, "ground_truth": false}));
    }
    let mut by_model: BTreeMap<&str, Vec<&Entity>> = BTreeMap::new();
    for e in pending_entities(doc) {
        by_model.entry(e.origin.as_str()).or_default().push(e);
    }
    let predictions: Vec<Value> = by_model
        .into_iter()
        .enumerate()
        .map(|(n, (model, entities))| json!({"model_version": model, "result": result(&format!("p{n}_"), &entities, false)}))
        .collect();
    json!({
        "id": n,
        "data": {"text": doc.cleaned(), "meta": meta_with_id(doc)},
        "annotations": annotations,
        "predictions": predictions,
    })
}

/// Reads a JSON array of tasks (or a single task object); errors name the line the task starts on.
pub fn read(path: &Path, text: &str) -> Vec<Parsed> {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return vec![Err(Error::file(path, format!("invalid JSON: {e}")).at_line(e.line() as u64))],
    };
    let tasks = match value {
        Value::Array(tasks) => tasks,
        task @ Value::Object(_) => vec![task],
        _ => return vec![Err(Error::file(path, "expected a JSON array of Label Studio tasks"))],
    };
    let lines = element_lines(text);
    tasks.iter().enumerate().map(|(i, t)| record(path, lines.get(i).copied().unwrap_or(1), t)).collect()
}

/// One task as a record.
fn record(path: &Path, line: u64, task: &Value) -> Parsed {
    let fail = |msg: String| Error::file(path, msg).at_line(line);
    let data = task.get("data").ok_or_else(|| fail("the task has no \"data\"".into()))?;
    let text = data
        .get("text")
        .and_then(Value::as_str)
        .or_else(|| {
            let strings: Vec<&str> = data.as_object()?.values().filter_map(Value::as_str).collect();
            (strings.len() == 1).then(|| strings[0])
        })
        .ok_or_else(|| fail("the task has no data.text string".into()))?;
    let meta = data.get("meta").cloned().or_else(|| task.get("meta").cloned()).unwrap_or(Value::Null);
    let id = id_of(meta.get("id")).or_else(|| id_of(data.get("id"))).or_else(|| id_of(task.get("id")));
    let annotation = task
        .get("annotations")
        .and_then(Value::as_array)
        .and_then(|list| list.iter().find(|a| a.get("was_cancelled").and_then(Value::as_bool) != Some(true)));
    let spans = match annotation {
        Some(a) => results(a, None, &fail)?,
        None => Vec::new(),
    };
    let mut predictions = Vec::new();
    for p in task.get("predictions").and_then(Value::as_array).into_iter().flatten() {
        let model = p.get("model_version").and_then(Value::as_str).unwrap_or("prediction");
        predictions.extend(results(p, Some(model), &fail)?);
    }
    let status = Some(if annotation.is_some() { DocStatus::Done } else { DocStatus::Todo });
    Ok(Record {
        file: path.to_path_buf(),
        line,
        id,
        text: text.into(),
        spans,
        predictions,
        meta,
        status,
        ..Record::default()
    })
}

/// The label spans of one annotation or prediction (other result types, e.g. relations, are skipped).
fn results(item: &Value, model: Option<&str>, fail: &dyn Fn(String) -> Error) -> Result<Vec<Span>, Error> {
    let mut spans = Vec::new();
    for (i, r) in item.get("result").and_then(Value::as_array).into_iter().flatten().enumerate() {
        if r.get("type").and_then(Value::as_str) != Some("labels") {
            continue;
        }
        let v = r.get("value").ok_or_else(|| fail(format!("result[{i}] has no value")))?;
        let (Some(start), Some(end)) = (v.get("start").and_then(Value::as_u64), v.get("end").and_then(Value::as_u64))
        else {
            return Err(fail(format!("result[{i}]: value.start and value.end must be character offsets")));
        };
        let text = v.get("text").and_then(Value::as_str).map(String::from);
        let score = r.get("score").or_else(|| item.get("score")).and_then(Value::as_f64).map(|s| s as f32);
        for label in v.get("labels").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str) {
            let (start, end) = (start as usize, end as usize);
            spans.push(Span {
                start,
                end,
                label: label.into(),
                text: text.clone(),
                origin: model.map(String::from),
                score,
            });
        }
    }
    Ok(spans)
}

/// The 1-based line on which each element of the top-level JSON array starts.
fn element_lines(text: &str) -> Vec<u64> {
    let mut lines = Vec::new();
    let (mut depth, mut line, mut in_string, mut escaped) = (0usize, 1u64, false, false);
    let mut expecting = false;
    for c in text.chars() {
        if c == '\n' {
            line += 1;
        }
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        if expecting && !c.is_whitespace() && c != ']' {
            lines.push(line);
            expecting = false;
        }
        match c {
            '"' => in_string = true,
            '[' | '{' => {
                depth += 1;
                expecting = depth == 1 && c == '[';
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            ',' if depth == 1 => expecting = true,
            _ => {}
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_line_of_each_task() {
        let text = "[\n  {\"data\": {\"text\": \"a [x], \\\"y\\\"\"}},\n\n  {\"data\": {}},{\"z\": [1, {}]}\n]";
        assert_eq!(element_lines(text), vec![2, 4, 4]);
    }
}
