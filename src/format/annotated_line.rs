//! One document written straight as a line of annotated JSON, the output of `redline batch`:
//! the text `serde_json` makes of [`to_file`](crate::format::annotated::to_file), without building that owned copy of
//! the document first, and with each list's offsets converted in one pass over the text.

use crate::format::annotated::{FORMAT, OFFSET_UNIT};
use crate::format::json_writer::JsonWriter;
use crate::model::edit::{AbsorbedEdit, Edit};
use crate::model::{CharCursor, Document, Entity, Source};

/// Room for the JSON around one edit or entity besides its texts: keys, numbers, status.
const PER_ITEM: usize = 160;

/// The compact annotated JSON of `doc`, equal to `serde_json::to_string(&to_file(doc))`.
pub fn write(doc: &Document) -> serde_json::Result<String> {
    write_into(doc, String::new())
}

/// [`write`] into `buffer` (emptied first): a batch hands back the buffers of lines it has written,
/// so a line costs no allocation of its own.
pub fn write_into(doc: &Document, buffer: String) -> serde_json::Result<String> {
    let mut w = JsonWriter::reusing(buffer, capacity(doc));
    w.begin_object();
    w.key("format");
    w.plain_string(FORMAT);
    w.key("offset_unit");
    w.plain_string(OFFSET_UNIT);
    w.key("id");
    w.string(&doc.id);
    w.key("source");
    write_source(&mut w, &doc.source);
    if !doc.meta.is_null() {
        w.key("meta");
        w.serialized(&doc.meta)?;
    }
    w.key("raw");
    w.string(doc.raw());
    w.key("edits");
    write_edits(&mut w, doc);
    w.key("cleaned");
    w.string(doc.cleaned());
    w.key("entities");
    write_entities(&mut w, doc)?;
    w.key("labels");
    w.begin_array();
    for label in &doc.labels {
        w.item();
        w.string(label);
    }
    w.end_array();
    write_workflow(&mut w, doc);
    w.end_object();
    Ok(w.into_string())
}

/// A buffer size that holds the whole line in most documents, so it is never copied to grow.
fn capacity(doc: &Document) -> usize {
    let edits: usize = doc.edits().iter().map(|e| e.replacement.len() + e.origin.len() + e.reason.len()).sum();
    let entities: usize = doc.entities().iter().map(|e| e.end.saturating_sub(e.start) + e.label.len()).sum();
    let items = doc.edits().len() + doc.entities().len();
    doc.raw().len() + doc.cleaned().len() + edits + entities + items * PER_ITEM + 1024
}

/// The `source` object.
fn write_source(w: &mut JsonWriter, source: &Source) {
    w.begin_object();
    if let Some(path) = &source.path {
        w.key("path");
        w.string(path);
    }
    if let Some(corpus) = &source.corpus {
        w.key("corpus");
        w.string(corpus);
    }
    if let Some(line) = source.line {
        w.key("line");
        w.uint(line);
    }
    w.key("sha256");
    w.string(&source.sha256);
    if let Some(encoding) = &source.encoding {
        w.key("encoding");
        w.string(encoding);
    }
    w.end_object();
}

/// The `edits` array, raw offsets in code points.
fn write_edits(w: &mut JsonWriter, doc: &Document) {
    let mut raw = CharCursor::new(doc.raw());
    w.begin_array();
    for edit in doc.edits() {
        w.item();
        write_edit(w, edit, &mut raw);
    }
    w.end_array();
}

/// One edit as [`FileEdit`](crate::format::annotated::FileEdit).
fn write_edit(w: &mut JsonWriter, edit: &Edit, raw: &mut CharCursor) {
    w.begin_object();
    write_range(w, "start", "end", raw.to_char(edit.start), raw.to_char(edit.end));
    w.key("replacement");
    w.string(&edit.replacement);
    w.key("origin");
    w.string(&edit.origin);
    w.key("status");
    w.plain_string(edit.status.as_str());
    w.key("reason");
    w.string(&edit.reason);
    if !edit.absorbs.is_empty() {
        w.key("absorbs");
        w.begin_array();
        for absorbed in &edit.absorbs {
            w.item();
            write_absorbed(w, absorbed, raw);
        }
        w.end_array();
    }
    w.end_object();
}

/// One absorbed edit, raw offsets in code points.
fn write_absorbed(w: &mut JsonWriter, absorbed: &AbsorbedEdit, raw: &mut CharCursor) {
    w.begin_object();
    write_range(w, "start", "end", raw.to_char(absorbed.start), raw.to_char(absorbed.end));
    w.key("replacement");
    w.string(&absorbed.replacement);
    w.key("origin");
    w.string(&absorbed.origin);
    w.key("status");
    w.plain_string(absorbed.status.as_str());
    w.end_object();
}

/// The `entities` array: cleaned offsets, and raw offsets where the entity maps onto the raw text,
/// in code points.
fn write_entities(w: &mut JsonWriter, doc: &Document) -> serde_json::Result<()> {
    let mut clean = CharCursor::new(doc.cleaned());
    let mut raw = CharCursor::new(doc.raw());
    w.begin_array();
    for entity in doc.entities() {
        w.item();
        write_entity(w, doc, entity, &mut clean, &mut raw)?;
    }
    w.end_array();
    Ok(())
}

/// One entity as [`FileEntity`](crate::format::annotated::FileEntity).
fn write_entity(
    w: &mut JsonWriter,
    doc: &Document,
    entity: &Entity,
    clean: &mut CharCursor,
    raw: &mut CharCursor,
) -> serde_json::Result<()> {
    w.begin_object();
    write_range(w, "start", "end", clean.to_char(entity.start), clean.to_char(entity.end));
    w.key("label");
    w.string(&entity.label);
    w.key("text");
    w.string(&doc.cleaned()[entity.start..entity.end]);
    w.key("origin");
    w.string(&entity.origin);
    w.key("status");
    w.plain_string(entity.status.as_str());
    if let Some(score) = entity.score {
        w.key("score");
        w.float(score)?;
    }
    if let Some((start, end)) = doc.entity_raw_range(entity) {
        write_range(w, "raw_start", "raw_end", raw.to_char(start), raw.to_char(end));
    }
    w.end_object();
    Ok(())
}

/// Two offset members.
fn write_range(w: &mut JsonWriter, start_key: &str, end_key: &str, start: usize, end: usize) {
    w.key(start_key);
    w.uint(start as u64);
    w.key(end_key);
    w.uint(end as u64);
}

/// The members after the labels: who, how far, when, and the tool.
fn write_workflow(w: &mut JsonWriter, doc: &Document) {
    w.key("annotator");
    w.string(&doc.annotator);
    w.key("status");
    w.plain_string(doc.status.as_str());
    w.key("created");
    w.string(&doc.created);
    w.key("updated");
    w.string(&doc.updated);
    w.key("tool");
    w.string(crate::TOOL);
}

#[cfg(test)]
mod tests;
