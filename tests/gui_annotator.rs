//! Headless tests (egui_kittest) of what an annotator hit while working through a corpus: hand-deleting
//! a junk paragraph, reading the suggestions panel (its counts and its reasons), and marking a document
//! done with suggestions still undecided.

use std::path::{Path, PathBuf};

use eframe::egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use redline::gui::Workbench;

#[path = "support/editing.rs"]
mod editing;
#[path = "support/opened.rs"]
mod opened;

/// A short wire story: a name for the entity suggester, a junk paragraph no rule proposes, and a long
/// copyright footer whose suggestion has a long reason.
const STORY: &str = "Ferry line adds night crossings\n\nThe port authority said on Friday that Captain Ilse Moreau \
would run the first late ferry in July.\n\nTap here to win a free cruise for two people\n\nTickets go on sale next \
week.\n\nCopyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, \
rewritten or redistributed.\n";

/// Writes the story and a project config naming the annotator; returns the story's path.
fn fixture(dir: &Path) -> PathBuf {
    let file = dir.join("ferry.txt");
    std::fs::write(&file, STORY).expect("write story");
    std::fs::write(dir.join("redline.json"), r#"{"annotator": "tester"}"#).expect("write config");
    file
}

/// A harness around a workbench opened on `file`, run until the document is shown and settled.
fn harness(file: PathBuf) -> Harness<'static, Workbench> {
    opened::opened(file, Vec2::new(1400.0, 900.0))
}

/// The open document's cleaned text.
fn cleaned(h: &Harness<'static, Workbench>) -> String {
    let session = h.state().project.as_ref().and_then(|p| p.session.as_ref()).expect("session");
    session.doc.cleaned().to_string()
}

#[test]
fn emptying_a_paragraph_in_the_editor_deletes_it_with_its_blank_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(fixture(dir.path()));
    editing::empty_the_paragraph_holding(&mut h, "Tap here");
    let text = cleaned(&h);
    assert!(!text.contains("Tap here"), "{text:?}");
    assert!(text.contains("in July.\n\nTickets go on sale"), "no blank run is left behind: {text:?}");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(cleaned(&h).contains("in July.\n\nTap here to win a free cruise for two people\n\nTickets"), "undone");
}

#[test]
fn the_suggestions_panel_counts_the_entity_suggestions_the_list_counts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let h = harness(fixture(dir.path()));
    let session = h.state().project.as_ref().and_then(|p| p.session.as_ref()).expect("session");
    let pending = |s: redline::model::EntityStatus| session.doc.entities().iter().filter(|e| e.status == s).count();
    let entities = pending(redline::model::EntityStatus::Pending);
    assert!(entities > 1, "the story gets entity suggestions");
    let edits = session.doc.edits().len();
    h.get_by_label(&format!("Cleaning: {edits} of {edits} undecided"));
    h.get_by_label(&format!("Entities: {entities} of {entities} undecided"));
}

#[test]
fn the_entity_suggestions_are_accepted_at_once_and_undone_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(fixture(dir.path()));
    let count = |h: &Harness<'static, Workbench>, status: redline::model::EntityStatus| {
        let session = h.state().project.as_ref().and_then(|p| p.session.as_ref()).expect("session");
        session.doc.entities().iter().filter(|e| e.status == status).count()
    };
    let pending = count(&h, redline::model::EntityStatus::Pending);
    assert!(pending > 1, "the story gets entity suggestions");
    h.get_by_label("Accept entities").click();
    h.run();
    assert_eq!(count(&h, redline::model::EntityStatus::Accepted), pending);
    assert_eq!(count(&h, redline::model::EntityStatus::Pending), 0);
    assert!(h.query_by_label("Accept entities").is_none(), "no button once nothing is undecided");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(count(&h, redline::model::EntityStatus::Pending), pending);
}

#[test]
fn a_long_reason_stays_on_one_line_inside_the_panel() {
    let dir = tempfile::tempdir().expect("tempdir");
    let h = harness(fixture(dir.path()));
    let session = h.state().project.as_ref().and_then(|p| p.session.as_ref()).expect("session");
    let footer = session.doc.edits().iter().find(|e| e.origin == "copyright-footer").expect("footer suggestion");
    assert!(footer.reason.chars().count() > 60, "a reason longer than the panel: {:?}", footer.reason);
    let row = h.get_by_label_contains("copyright notice").rect();
    let title = h.get_by_label_contains(". copyright-footer").rect();
    assert!(row.height() < title.height() * 1.5, "one line: {row:?} vs {title:?}");
    assert!(row.right() <= 1400.0, "not cut off at the window's edge: {row:?}");
}

#[test]
fn marking_done_with_undecided_suggestions_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(fixture(dir.path()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    let messages: Vec<String> = h.state().messages.list().iter().map(|m| m.text.clone()).collect();
    let said = messages.iter().find(|m| m.starts_with("ferry marked done with ") && m.contains(" cleaning and "));
    assert!(said.is_some_and(|m| m.ends_with(" entity suggestions undecided")), "{messages:?}");
}

#[test]
fn a_hand_edit_above_the_selection_does_not_leave_it_on_other_words() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(fixture(dir.path()));
    // Ctrl+F leaves "Tap here" selected; the paragraph holding it is then deleted by hand.
    editing::empty_the_paragraph_holding(&mut h, "Tap here");
    // The old selection's bytes now hold "Tickets go"; a label key must not tag them.
    h.key_press(Key::Num1);
    h.run();
    let session = h.state().project.as_ref().and_then(|p| p.session.as_ref()).expect("session");
    let manual: Vec<&str> = session
        .doc
        .entities()
        .iter()
        .filter(|e| e.origin == "manual")
        .map(|e| &session.doc.cleaned()[e.start..e.end])
        .collect();
    assert!(manual.is_empty(), "tagged text nobody selected: {manual:?}");
}

#[test]
fn accepting_with_the_keyboard_moves_on_to_the_next_undecided_suggestion() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(fixture(dir.path()));
    let undecided = |h: &Harness<'static, Workbench>| {
        let session = h.state().project.as_ref().and_then(|p| p.session.as_ref()).expect("session");
        let edits = session.doc.edits().iter().filter(|e| e.status == redline::model::EditStatus::Pending).count();
        let entities =
            session.doc.entities().iter().filter(|e| e.status == redline::model::EntityStatus::Pending).count();
        edits + entities
    };
    let before = undecided(&h);
    assert!(before >= 3, "the story has several suggestions: {before}");
    // J focuses the first undecided suggestion; then A, R, A decide three different ones.
    h.key_press(Key::J);
    h.run();
    for key in [Key::A, Key::R, Key::A] {
        h.key_press(key);
        h.run();
    }
    assert_eq!(undecided(&h), before - 3, "each key decided the next suggestion");
}
