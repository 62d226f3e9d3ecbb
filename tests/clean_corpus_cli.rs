//! `redline clean --corpus PATH`: lines recurring across a folder or JSONL corpus are removed as
//! `corpus-boilerplate`, on articles written for these tests.

use std::path::Path;
use std::process::{Command, Output};

/// The site's strap line, printed under every article of the corpus and of the input.
const STRAP: &str = "Harbor Ledger · your town, your paper";

/// An article with the strap line between its paragraphs.
fn article(topic: &str) -> String {
    format!(
        "{topic} draws a crowd\n\nResidents gathered on Friday to hear about the {topic}.\n\n{STRAP}\n\n\
         The council will decide on the {topic} next month.\n"
    )
}

fn redline(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_redline")).args(args).current_dir(dir).output().expect("redline runs")
}

fn stdout(out: &Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_folder_corpus_removes_its_recurring_lines() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).expect("corpus folder");
    for topic in ["ferry timetable", "library roof", "market square", "school bus"] {
        std::fs::write(corpus.join(format!("{}.txt", topic.replace(' ', "-"))), article(topic)).expect("write");
    }
    std::fs::write(dir.path().join("input.txt"), article("harbour wall")).expect("write");

    let alone = stdout(&redline(dir.path(), &["clean", "input.txt"]));
    assert!(alone.contains(STRAP), "without a corpus one article has no evidence: {alone}");

    let cleaned = stdout(&redline(dir.path(), &["clean", "input.txt", "--corpus", "corpus"]));
    assert!(!cleaned.contains(STRAP), "{cleaned}");
    assert!(cleaned.contains("Residents gathered on Friday to hear about the harbour wall."), "{cleaned}");
    assert!(cleaned.contains("The council will decide on the harbour wall next month."), "{cleaned}");
}

#[test]
fn a_jsonl_corpus_counts_too_and_a_missing_one_is_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lines: Vec<String> = ["ferry timetable", "library roof", "market square"]
        .iter()
        .enumerate()
        .map(|(i, topic)| serde_json::json!({ "id": format!("d{i}"), "text": article(topic) }).to_string())
        .collect();
    std::fs::write(dir.path().join("site.jsonl"), lines.join("\n")).expect("write");
    std::fs::write(dir.path().join("input.txt"), article("harbour wall")).expect("write");

    let cleaned = stdout(&redline(dir.path(), &["clean", "input.txt", "--corpus", "site.jsonl"]));
    assert!(!cleaned.contains(STRAP), "{cleaned}");

    let out = redline(dir.path(), &["clean", "input.txt", "--corpus", "nowhere.jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nowhere.jsonl"), "{err}");
    assert!(out.stdout.is_empty(), "nothing is printed before the corpus is read");
}
