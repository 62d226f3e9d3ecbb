//! Headless tests (egui_kittest) of what hurt in a new user's first hour: the side panels keep their
//! width after a window shown without a document, the rule offer quotes text as a person writes it,
//! and problems with a document or a rules file read plainly.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use eframe::egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use harness::{document_open, launched, step_until};
use redline::gui::Workbench;

#[path = "support/editing.rs"]
mod editing;
#[path = "support/harness.rs"]
mod harness;
#[path = "support/picker.rs"]
mod picker;

/// A council report saved by an old Windows editor: "é" and "ü" are single bytes (0xE9, 0xFC).
const CP1252_REPORT: &[u8] = b"Ren\xe9 Kr\xfcger chaired the water board on Thursday.\n\nThe board met in Graz.\n";

/// A workbench of `size` opened on `paths`, stepped until `ready` holds and the frames settle.
fn harness(paths: &[PathBuf], size: Vec2, ready: impl Fn(&Workbench) -> bool) -> Harness<'static, Workbench> {
    launched(Arc::new(picker::NoPicker), paths, size, ready)
}

/// Writes `name` with `bytes` into `dir` and returns its path.
fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let file = dir.join(name);
    std::fs::write(&file, bytes).expect("write fixture");
    file
}

#[test]
fn after_choosing_an_encoding_the_list_and_the_suggestions_panel_are_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(dir.path(), "board.txt", CP1252_REPORT);
    let offered = |app: &Workbench| !app.messages.is_empty();
    let mut h = harness(&[file], Vec2::new(1280.0, 800.0), offered);
    assert!(!document_open(h.state()));
    h.get_by_label("⚠ board");
    h.get_by_label("Read as Windows-1252").click();
    step_until(&mut h, document_open);
    assert!(h.query_by_label("⚠ board").is_none(), "read now: the list no longer marks it");
    let panel = h.get_by_label("Suggestions").rect();
    assert!(panel.left() < 1280.0 - 0.2 * 1280.0, "the suggestions panel starts at {}", panel.left());
    let accept = h.get_by_label("Accept all").rect();
    let reject = h.get_by_label("Reject all").rect();
    assert_eq!(accept.top(), reject.top(), "Accept all and Reject all share a row");
}

/// A short story with a quoted line, which no rule proposes to delete.
const FERRY: &str = "Ferry fares rise in May\n\nThe captain said \"all aboard\" at dawn.\nPhoto desk, Harbor Wire\n\n\
The new fares start on the first of May.\n";

#[test]
fn the_rule_offer_quotes_the_hand_edit_as_written_not_with_escapes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(dir.path(), "ferry.txt", FERRY.as_bytes());
    let mut h = harness(&[file], Vec2::new(1400.0, 900.0), document_open);
    editing::empty_the_paragraph_holding(&mut h, "all aboard");
    h.get_by_label("Make a rule from this hand edit?");
    h.get_by_label("You deleted “The captain said \"all aboard\" at dawn.” in ferry.");
}

#[test]
fn a_wrong_regex_in_the_rules_file_is_one_readable_line_and_the_documents_still_open() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "ferry.txt", FERRY.as_bytes());
    let rules = "{ \"rules\": [\n  { \"id\": \"promo\", \"description\": \"app promo\", \"action\": \"delete_line\", \
                 \"pattern\": \"^Get the (app\" }\n] }\n";
    let rules_file = write(dir.path(), "redline-rules.json", rules.as_bytes());
    let h = harness(&[dir.path().to_path_buf()], Vec2::new(1280.0, 800.0), document_open);
    let expected = format!(
        "⚠ {}:2: rule \"promo\": invalid regex \"^Get the (app\": unclosed group at character 10 (user rules not \
         applied until the file is fixed and the project reopened)",
        rules_file.display()
    );
    h.get_by_label(&expected);
    let session = h.state().project.as_ref().and_then(|p| p.session.as_ref()).expect("the document is open");
    assert!(session.doc.edits().iter().all(|e| !e.origin.starts_with("user:")), "no user rule ran");
}

#[test]
fn lines_of_a_corpus_that_cannot_be_read_are_marked_in_the_list_not_left_as_not_read_yet() {
    let dir = tempfile::tempdir().expect("tempdir");
    let lines = "{\"id\": \"dock-1\", \"text\": \"The dock opened in Hull.\"}\n{\"id\": \"dock-2\", \"text\": \"cut off\n\
                 {\"id\": \"dock-3\", \"body\": \"no text field\"}\n";
    let corpus = write(dir.path(), "docks.jsonl", lines.as_bytes());
    let h = harness(&[corpus], Vec2::new(1280.0, 800.0), document_open);
    h.get_by_label_contains("○ dock-1");
    h.get_by_label("⚠ docks:2");
    h.get_by_label("⚠ docks:3");
    assert!(h.query_all_by_label_contains("… docks").next().is_none(), "nothing is left as not read yet");
}

/// A story with two junk lines of different rules around a paragraph with names.
const MARKET: &str = "Share on Facebook\n\nMayor Elena Ruiz opened the market in Portland on Tuesday.\n\n\
© 2026 Portland Daily News. All rights reserved.\n";

#[test]
fn moving_the_focus_with_j_never_moves_the_suggestion_rows() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(dir.path(), "market.txt", MARKET.as_bytes());
    let mut h = harness(&[file], Vec2::new(1280.0, 800.0), document_open);
    let place = |h: &Harness<'static, Workbench>| h.get_by_label("Accept entities").rect().top();
    let unfocused = place(&h);
    let mut seen = Vec::new();
    for _ in 0..4 {
        h.key_press(eframe::egui::Key::J);
        h.run();
        let focus = h.state().project.as_ref().and_then(|p| p.session.as_ref()).and_then(|s| s.focus);
        seen.push(format!("{focus:?}"));
        assert_eq!(place(&h), unfocused, "the rows moved when the focus went to {focus:?}");
    }
    assert!(seen.iter().any(|f| f.starts_with("Some(Edit")), "{seen:?}");
    assert!(seen.iter().any(|f| f.starts_with("Some(Entity")), "{seen:?}");
}
