//! Runs the `redline` binary on sample articles written here: `suggest` prints valid annotated JSON
//! whose pending edits, applied with code point offsets, give what `clean` prints; `validate` accepts
//! it and rejects a copy with a broken entity offset, naming the entity; bad input exits with 2.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

/// An article with the kinds of junk the cleaner removes, emoji and CRLF included.
const ARTICLE: &str = "Storm closes ports 🌊 along the coast\r\n\r\nStorm closes ports 🌊 along the coast\r\n\r\n\r\n\r\nHarbour officials in Valletta said on Monday that the ferry to Gozo 🇲🇹 would resume on Thursday.\r\n";

fn redline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_redline")).args(args).output().expect("the binary runs")
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write fixture");
    path.display().to_string()
}

/// Applies every edit (as if accepted) to `raw`, counting code points like Python does.
fn apply_codepoint_edits(raw: &str, edits: &[Value]) -> String {
    let chars: Vec<char> = raw.chars().collect();
    let mut out = String::new();
    let mut at = 0usize;
    for e in edits {
        let start = e["start"].as_u64().expect("start") as usize;
        let end = e["end"].as_u64().expect("end") as usize;
        out.extend(&chars[at..start]);
        out.push_str(e["replacement"].as_str().expect("replacement"));
        at = end;
    }
    out.extend(&chars[at..]);
    out
}

#[test]
fn suggest_edits_applied_by_code_point_equal_clean_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "storm.txt", ARTICLE);
    let suggest = redline(&["suggest", &path]);
    assert!(suggest.status.success(), "{}", String::from_utf8_lossy(&suggest.stderr));
    let json: Value = serde_json::from_slice(&suggest.stdout).expect("valid JSON");
    assert_eq!(json["format"], "redline.annotated/1");
    assert_eq!(json["offset_unit"], "codepoint");
    assert_eq!(json["raw"], ARTICLE);
    let edits = json["edits"].as_array().expect("edits");
    assert!(!edits.is_empty(), "the sample has junk to propose removing");
    assert!(edits.iter().all(|e| e["status"] == "pending"));
    let clean = redline(&["clean", &path]);
    assert!(clean.status.success());
    let printed = String::from_utf8(clean.stdout).expect("utf-8");
    let expected = apply_codepoint_edits(ARTICLE, edits);
    assert_eq!(printed.strip_suffix('\n').unwrap_or(&printed), expected);
}

#[test]
fn validate_accepts_suggest_output_and_names_a_broken_entity() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "storm.txt", ARTICLE);
    let suggest = redline(&["suggest", &path]);
    let mut json: Value = serde_json::from_slice(&suggest.stdout).expect("valid JSON");
    // Tag "Valletta" by hand in the file, as another tool might.
    let cleaned = json["cleaned"].as_str().expect("cleaned").to_string();
    let byte = cleaned.find("Valletta").expect("present");
    let start = cleaned[..byte].chars().count();
    json["entities"] = serde_json::json!([{
        "start": start, "end": start + 8, "label": "GPE", "text": "Valletta",
        "origin": "manual", "status": "accepted", "raw_start": null, "raw_end": null
    }]);
    let good = write(dir.path(), "good.json", &json.to_string());
    let ok = redline(&["validate", &good]);
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));

    json["entities"][0]["start"] = serde_json::json!(start + 1);
    let bad = write(dir.path(), "bad.json", &json.to_string());
    let out = redline(&["validate", &good, &bad]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad.json") && stderr.contains("entities[0]") && stderr.contains("Valletta"), "{stderr}");
    assert!(!stderr.contains("good.json:"), "the good file is not blamed: {stderr}");
}

#[test]
fn bad_input_exits_with_code_two_and_names_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(&latin1, b"Caf\xe9 owners protest").expect("write");
    let out = redline(&["clean", &latin1.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("latin1.txt") && stderr.contains("UTF-8"), "{stderr}");
    assert!(!stderr.contains("panicked"));
    let out = redline(&["clean", "--encoding", "latin-1", &latin1.display().to_string()]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim_end(), "Café owners protest");
    let missing = redline(&["suggest", &dir.path().join("missing.txt").display().to_string()]);
    assert_eq!(missing.status.code(), Some(2));
}
