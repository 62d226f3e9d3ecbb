//! `redline suggest --entities` and `--accept-cleaning` from the command line, on articles written for these tests.

use std::path::Path;
use std::process::{Command, Output};

const ARTICLE: &str = "Harbor council backs ferry plan



Mayor Elena Duarte said on Monday that the Harbor Transit Authority will add boats next year. Duarte spoke to Reuters in Lisbon.";

fn redline(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_redline")).args(args).current_dir(dir).output().expect("redline runs")
}

fn entities(out: &Output) -> Vec<(String, String, String, String)> {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("annotated JSON");
    doc["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap_or_default().to_string();
            (s("text"), s("label"), s("origin"), s("status"))
        })
        .collect()
}

#[test]
fn entities_are_suggested_only_when_asked() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.txt"), ARTICLE).expect("write");
    assert!(entities(&redline(dir.path(), &["suggest", "a.txt"])).is_empty());
    let got = entities(&redline(dir.path(), &["suggest", "a.txt", "--entities"]));
    let texts: Vec<&str> = got.iter().map(|e| e.0.as_str()).collect();
    for want in ["Elena Duarte", "Monday", "Harbor Transit Authority", "next year", "Duarte", "Reuters", "Lisbon"] {
        assert!(texts.contains(&want), "missing {want} in {got:?}");
    }
    assert!(got.iter().all(|e| e.3 == "pending"));
}

#[test]
fn accept_cleaning_puts_entities_on_the_cleaned_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.txt"), ARTICLE).expect("write");
    let out = redline(dir.path(), &["suggest", "a.txt", "--entities", "--accept-cleaning"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("annotated JSON");
    let cleaned = doc["cleaned"].as_str().expect("cleaned");
    assert!(!cleaned.contains("\n\n\n"), "the blank-line run was accepted");
    assert!(doc["edits"].as_array().expect("edits").iter().all(|e| e["status"] == "accepted"));
    let validated = tempfile::NamedTempFile::new_in(dir.path()).expect("temp file");
    std::fs::write(validated.path(), &out.stdout).expect("write");
    let check = redline(dir.path(), &["validate", &validated.path().to_string_lossy()]);
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stdout));
    assert!(entities(&out).iter().any(|e| e.0 == "Elena Duarte" && e.1 == "PERSON"));
}

#[test]
fn project_patterns_are_used_and_a_bad_line_is_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.txt"), ARTICLE).expect("write");
    std::fs::write(dir.path().join("redline.json"), r#"{"patterns_file": "patterns.jsonl"}"#).expect("write");
    std::fs::write(
        dir.path().join("patterns.jsonl"),
        "{\"label\": \"ORG\", \"pattern\": [{\"LOWER\": \"harbor\"}, {\"LOWER\": \"council\"}]}\n",
    )
    .expect("write");
    let got = entities(&redline(dir.path(), &["suggest", "a.txt", "--entities"]));
    assert!(got.iter().any(|e| e.0 == "Harbor council" && e.1 == "ORG" && e.2 == "patterns"), "{got:?}");

    std::fs::write(
        dir.path().join("patterns.jsonl"),
        "{\"label\": \"ORG\", \"pattern\": \"Harbor\"}\n{\"label\": \"ORG\"\n",
    )
    .expect("write");
    let out = redline(dir.path(), &["suggest", "a.txt", "--entities"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("patterns.jsonl:2: not valid JSON"), "{err}");
    assert!(out.stdout.is_empty(), "nothing half-written on failure");
}

#[test]
fn accepted_entities_in_an_annotated_file_are_propagated() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.txt"), "Kestrel Ventures hired staff. Kestrel Ventures grew.").expect("write");
    let first = redline(dir.path(), &["suggest", "a.txt"]);
    let mut doc: serde_json::Value = serde_json::from_slice(&first.stdout).expect("annotated JSON");
    doc["entities"] = serde_json::json!([{
        "start": 0, "end": 16, "label": "ORG", "text": "Kestrel Ventures", "origin": "manual", "status": "accepted"
    }]);
    std::fs::write(dir.path().join("a.json"), doc.to_string()).expect("write");
    let got = entities(&redline(dir.path(), &["suggest", "a.json", "--entities"]));
    assert_eq!(
        got.iter().filter(|e| e.0 == "Kestrel Ventures").map(|e| (e.2.as_str(), e.3.as_str())).collect::<Vec<_>>(),
        [("manual", "accepted"), ("propagation", "pending")]
    );
}
