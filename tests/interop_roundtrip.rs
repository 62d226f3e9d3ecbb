//! Export → import round trips for every format, on text with emoji, combining marks, CJK, CRLF and
//! entities at the very start and end; and broken inputs reported with file and line.

use redline::interop::{self, Format, ImportOptions, Written};
use redline::model::{CharIndex, Command, DocStatus, Document, EditStatus, EntityStatus, NewEdit, NewEntity};

/// The raw text of the fixture: a cleaning edit removes the "ADVERTISEMENT" line.
const RAW: &str = "Zoë 👋🏽 met 北京大学 staff.\r\nADVERTISEMENT\r\nCafe\u{301} owners in Berlin";

fn labels() -> Vec<String> {
    ["PERSON", "ORG", "GPE", "LOC", "NORP", "DATE"].iter().map(|s| s.to_string()).collect()
}

/// A done document with an accepted edit, entities at the start, in CJK, after a combining mark and at
/// the very end, one pending suggestion and one rejected entity.
fn fixture() -> Document {
    let mut doc = Document::new("doc/1 emoji", RAW);
    let ad = RAW.find("ADVERTISEMENT").expect("ad");
    doc.add_edits([NewEdit {
        start: ad,
        end: ad + "ADVERTISEMENT\r\n".len(),
        replacement: String::new(),
        origin: "ad-line".into(),
        status: EditStatus::Pending,
        reason: "ad".into(),
    }]);
    let ids: Vec<_> = doc.edits().iter().map(|e| e.id).collect();
    doc.apply(&Command::SetEditStatus { ids, status: EditStatus::Accepted }).expect("accept");
    let text = doc.cleaned().to_string();
    let at = |s: &str| text.find(s).expect("in text");
    let mut add = |start: usize, end: usize, label: &str, status: EntityStatus, origin: &str| {
        doc.add_entities([NewEntity { start, end, label: label.into(), origin: origin.into(), status, score: None }])
            .expect("entity");
    };
    add(0, "Zoë".len(), "PERSON", EntityStatus::Accepted, "manual");
    add(at("北京大学"), at("北京大学") + "北京大学".len(), "ORG", EntityStatus::Accepted, "manual");
    add(at("Cafe\u{301}"), at("Cafe\u{301}") + "Cafe\u{301} owners".len(), "NORP", EntityStatus::Rejected, "gaz");
    add(at("Berlin"), text.len(), "GPE", EntityStatus::Accepted, "manual");
    add(at("staff"), at("staff") + 5, "ORG", EntityStatus::Pending, "gazetteer");
    doc.status = DocStatus::Done;
    doc.labels = labels();
    doc
}

/// Accepted entities as (code point start, end, label, text).
fn accepted(doc: &Document) -> Vec<(usize, usize, String, String)> {
    let index = CharIndex::new(doc.cleaned());
    doc.entities()
        .iter()
        .filter(|e| e.status == EntityStatus::Accepted)
        .map(|e| {
            let (s, t) = (index.to_char(doc.cleaned(), e.start), index.to_char(doc.cleaned(), e.end));
            (s, t, e.label.to_string(), doc.cleaned()[e.start..e.end].to_string())
        })
        .collect()
}

fn options() -> ImportOptions {
    ImportOptions { labels: labels(), as_suggestions: false, annotator: "t".into(), offset_unit: None }
}

/// Writes an export into `dir` and returns the path to import from.
fn write(dir: &std::path::Path, written: &Written) -> std::path::PathBuf {
    match written {
        Written::File(bytes) => {
            let path = dir.join("export.out");
            std::fs::write(&path, bytes).expect("write");
            path
        }
        Written::Folder(files) => {
            let folder = dir.join("folder");
            std::fs::create_dir_all(&folder).expect("mkdir");
            for (name, bytes) in files {
                std::fs::write(folder.join(name), bytes).expect("write");
            }
            folder
        }
    }
}

fn round_trip(format: Format) -> (Document, Document) {
    let dir = tempfile::tempdir().expect("tempdir");
    let original = fixture();
    let export = interop::export(format, std::slice::from_ref(&original), false);
    assert_eq!(export.exported, 1);
    let path = write(dir.path(), &export.written);
    let imported = interop::import(format, &[path], &options());
    assert!(imported.problems.is_empty(), "{format:?}: {:?}", imported.problems);
    assert_eq!(imported.docs.len(), 1);
    (original, imported.docs.into_iter().next().expect("one"))
}

#[test]
fn entity_formats_round_trip_losslessly() {
    for format in [Format::Spacy, Format::Doccano, Format::LabelStudio, Format::Brat] {
        let (original, back) = round_trip(format);
        assert_eq!(back.raw(), original.cleaned(), "{format:?}: the exported text is the cleaned text");
        assert_eq!(accepted(&back), accepted(&original), "{format:?}");
        assert!(back.entities().iter().all(|e| e.label != "NORP"), "{format:?}: rejected never exported");
        let expected_id = if format == Format::Brat { "doc_1 emoji~" } else { "doc/1 emoji" };
        assert!(back.id.starts_with(expected_id), "{format:?}: id {}", back.id);
        assert_eq!(back.status, DocStatus::Done);
    }
}

#[test]
fn label_studio_carries_pending_suggestions_as_predictions() {
    let (_, back) = round_trip(Format::LabelStudio);
    let pending: Vec<_> = back.entities().iter().filter(|e| e.status == EntityStatus::Pending).collect();
    assert_eq!(pending.len(), 1);
    assert_eq!((pending[0].label.as_str(), pending[0].origin.as_str()), ("ORG", "gazetteer"));
    let (_, spacy) = round_trip(Format::Spacy);
    assert!(spacy.entities().iter().all(|e| e.status == EntityStatus::Accepted), "no place for predictions");
}

#[test]
fn doccano_counts_utf16_units() {
    let export = interop::export(Format::Doccano, &[fixture()], false);
    let Written::File(bytes) = export.written else { panic!("one file") };
    let line: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
    let text = line["text"].as_str().expect("text");
    let berlin = &line["label"][2];
    let units: Vec<u16> = text.encode_utf16().collect();
    let (s, e) = (berlin[0].as_u64().expect("s") as usize, berlin[1].as_u64().expect("e") as usize);
    assert_eq!(String::from_utf16(&units[s..e]).ok().as_deref(), Some("Berlin"), "as JavaScript slices it");
    assert_eq!(e, units.len(), "the entity at the very end");
}

#[test]
fn cleaning_pairs_keep_every_edit_and_decision() {
    let (original, back) = round_trip(Format::CleaningPairs);
    assert_eq!(back.raw(), original.raw());
    assert_eq!(back.cleaned(), original.cleaned());
    let edits =
        |d: &Document| d.edits().iter().map(|e| (e.start, e.end, e.status, e.origin.clone())).collect::<Vec<_>>();
    assert_eq!(edits(&back), edits(&original));
}

#[test]
fn conll_keeps_tokens_and_labels_and_is_stable() {
    let (original, back) = round_trip(Format::Conll);
    let texts = |d: &Document| {
        accepted(d).into_iter().map(|(_, _, l, t)| (l, t.replace([' ', '\r', '\n'], ""))).collect::<Vec<_>>()
    };
    assert_eq!(texts(&back), texts(&original));
    let first = interop::export(Format::Conll, &[original], false).written;
    let second = interop::export(Format::Conll, &[back], false).written;
    assert_eq!(first, second, "export → import → export gives the same CoNLL file");
}

#[test]
fn only_done_documents_unless_all() {
    let mut todo = fixture();
    todo.status = DocStatus::InProgress;
    let export = interop::export(Format::Spacy, &[fixture(), todo.clone()], false);
    assert_eq!((export.exported, export.not_done), (1, 1));
    assert_eq!(interop::export(Format::Spacy, &[fixture(), todo], true).exported, 2);
}

#[test]
fn broken_records_are_reported_with_file_and_line_and_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("broken.jsonl");
    let lines = [
        r#"{"id": "ok1", "text": "Ana in Oslo", "label": [[7, 11, "GPE"]]}"#,
        r#"{"id": "ok2", "text": "Nothing here", "label": []}"#,
        r#"{"id": "past", "text": "Short", "label": [[0, 40, "ORG"]]}"#,
        r#"{"id": "ok3", "text": "Bo met Cy", "label": [[0, 2, "PERSON"]]}"#,
        r#"{"id": "unknown", "text": "Acme Inc", "label": [[0, 8, "COMPANY"]]}"#,
        r#"{"id": "ok4", "text": "x", "label": []}"#,
        r#"{"id": "bad json", "text": "x", "label": [[0, 1, "ORG"]"#,
        r#"{"id": "inside-emoji", "text": "👋 Oslo", "label": [[1, 6, "GPE"]]}"#,
    ];
    std::fs::write(&path, lines.join("\n")).expect("write");
    let imported = interop::import(Format::Doccano, &[path], &options());
    let ids: Vec<&str> = imported.docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, vec!["ok1", "ok2", "ok3", "ok4"]);
    let lines: Vec<Option<u64>> = imported.problems.iter().map(|e| e.line).collect();
    assert_eq!(lines, vec![Some(3), Some(5), Some(7), Some(8)]);
    let messages: Vec<String> = imported.problems.iter().map(ToString::to_string).collect();
    assert!(messages[0].contains("broken.jsonl:3") && messages[0].contains("past the end"), "{}", messages[0]);
    assert!(messages[1].contains("unknown label \"COMPANY\""), "{}", messages[1]);
    assert!(messages[2].contains("invalid JSON"), "{}", messages[2]);
}

#[test]
fn label_studio_wrong_offsets_are_caught_by_the_span_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("tasks.json");
    let tasks = r#"[
  {"data": {"text": "Zoë 🚀 visited Berlin."},
   "annotations": [{"result": [{"from_name": "label", "to_name": "text", "type": "labels",
      "value": {"start": 15, "end": 21, "text": "Berlin", "labels": ["GPE"]}}]}]}
]"#;
    std::fs::write(&path, tasks).expect("write");
    let imported = interop::import(Format::LabelStudio, &[path], &options());
    assert!(imported.docs.is_empty());
    let message = imported.problems[0].to_string();
    assert!(message.contains("tasks.json:2") && message.contains("erlin."), "{message}");
}

#[test]
fn doccano_offsets_in_code_points_are_detected() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("cp.jsonl");
    std::fs::write(&path, r#"{"text": "Zoë 🚀 visited Berlin.", "label": [[0, 3, "PERSON"], [14, 20, "GPE"]]}"#)
        .expect("w");
    let imported = interop::import(Format::Doccano, &[path], &options());
    assert_eq!(accepted(&imported.docs[0]).last().map(|e| e.3.clone()), Some("Berlin".into()));
}
