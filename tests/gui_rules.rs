//! Headless tests of rules made from hand edits (egui_kittest): a junk line deleted by hand in one
//! article is offered as a user rule with the number of other documents it touches; adding it writes
//! the project's rules file and the other articles show its edit as a pending suggestion.

use std::path::Path;
use std::sync::Arc;

use eframe::egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use redline::gui::{Options, Workbench};
use redline::model::EditStatus;
use serde_json::Value;

#[path = "support/editing.rs"]
mod editing;
#[path = "support/picker.rs"]
mod picker;

/// How long a test waits for a worker thread; generous because CI machines may be loaded.
const WORKER_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

/// The junk line the three articles of a small site share; no built-in rule knows it.
const JUNK: &str = "Tip line: harbor desk 0800 555 0199";

/// The literal rule's id, made from the junk line's first words.
const RULE: &str = "tip-line-harbor-desk";

/// A short article about `topic` with the junk line between its paragraphs.
fn article(topic: &str) -> String {
    format!("The {topic} reopens\n\nThe {topic} reopened on Monday after repairs.\n{JUNK}\nCrowds came back at noon.\n")
}

/// Writes three articles and a project config naming the annotator.
fn project(dir: &Path) {
    for topic in ["ferry", "library", "market"] {
        std::fs::write(dir.join(format!("{topic}.txt")), article(topic)).expect("write article");
    }
    std::fs::write(dir.join("redline.json"), r#"{"annotator": "tester"}"#).expect("write config");
}

/// A workbench opened on the folder, run until its first document is shown and the list is read.
fn harness(dir: &Path) -> Harness<'static, Workbench> {
    let options = Options { picker: Arc::new(picker::NoPicker), recent_file: None };
    let app = Workbench::new(options, &[dir.to_path_buf()]);
    let mut h = Harness::builder()
        .with_size(Vec2::new(1400.0, 900.0))
        .with_max_steps(64)
        .build_ui_state(|ui, app: &mut Workbench| app.ui(ui), app);
    settle_until(&mut h, |app| app.project.as_ref().is_some_and(|p| p.session.is_some() && p.scan.is_none()));
    h
}

/// Runs frames until `done` holds and the UI stops repainting (background work finished).
fn settle_until(h: &mut Harness<'static, Workbench>, done: impl Fn(&Workbench) -> bool) {
    let deadline = std::time::Instant::now() + WORKER_TIMEOUT;
    while std::time::Instant::now() < deadline {
        h.step();
        if done(h.state()) && h.try_run().is_ok() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the UI did not settle; messages: {:?}", h.state().messages.list());
}

/// Runs frames until a widget whose label contains `text` is shown.
fn wait_for_label(h: &mut Harness<'static, Workbench>, text: &str) {
    let deadline = std::time::Instant::now() + WORKER_TIMEOUT;
    while std::time::Instant::now() < deadline {
        h.step();
        if h.query_all_by_label_contains(text).next().is_some() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("{text:?} never appeared; messages: {:?}", h.state().messages.list());
}

/// Whether a message containing `text` is shown.
fn has_message(app: &Workbench, text: &str) -> bool {
    app.messages.list().iter().any(|m| m.text.contains(text))
}

/// The open document's id and its edits as (origin, status).
fn open_edits(h: &Harness<'static, Workbench>) -> (String, Vec<(String, EditStatus)>) {
    let session = h.state().project.as_ref().and_then(|p| p.session.as_ref()).expect("a document is open");
    (session.doc.id.clone(), session.doc.edits().iter().map(|e| (e.origin.clone(), e.status)).collect())
}

#[test]
fn a_line_deleted_by_hand_becomes_a_rule_suggested_in_the_other_documents() {
    let dir = tempfile::tempdir().expect("tempdir");
    project(dir.path());
    let mut h = harness(dir.path());
    assert_eq!(open_edits(&h).0, "ferry");
    assert!(open_edits(&h).1.iter().all(|(origin, _)| !origin.starts_with("user:")));

    editing::empty_the_paragraph_holding(&mut h, "Tip line");
    // The two other documents are counted on a worker thread.
    wait_for_label(&mut h, "Touches 2 other document(s)");
    h.get_by_label("Make a rule from this hand edit?");
    assert_eq!(h.get_all_by_label_contains("Touches 2 other document(s)").count(), 2, "literal and general");
    h.get_by_label("Add literal rule").click();
    settle_until(&mut h, |app| has_message(app, "pending suggestions in"));
    assert!(h.query_by_label("Make a rule from this hand edit?").is_none(), "the offer closes");

    let rules_file = dir.path().join("redline-rules.json");
    let rules: Value = serde_json::from_str(&std::fs::read_to_string(&rules_file).expect("rules file")).expect("JSON");
    let rule = &rules["rules"][0];
    assert_eq!(rules["rules"].as_array().map(Vec::len), Some(1));
    assert_eq!((rule["id"].as_str(), rule["action"].as_str()), (Some(RULE), Some("delete_line")));
    assert!(rule["description"].as_str().is_some_and(|d| d.contains("ferry")), "{rule}");
    assert!(has_message(h.state(), "pending suggestions in 2 other document(s)"), "{:?}", h.state().messages.list());

    h.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    h.run();
    let (id, edits) = open_edits(&h);
    assert_eq!(id, "library");
    let origin = format!("user:{RULE}");
    assert!(edits.contains(&(origin.clone(), EditStatus::Pending)), "{edits:?}");
    h.get_by_label_contains(&format!(". {origin}")).click();
    h.run();
    h.key_press(Key::A);
    h.run();
    h.state_mut().flush_saves();

    let path = dir.path().join("annotations").join("tester").join("library.json");
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("saved")).expect("JSON");
    let edit =
        saved["edits"].as_array().and_then(|e| e.iter().find(|e| e["origin"] == origin.as_str())).expect("rule edit");
    assert_eq!(edit["status"], "accepted");
    assert!(edit["reason"].as_str().is_some_and(|r| r.contains(JUNK)), "{edit}");
    let cleaned = saved["cleaned"].as_str().expect("cleaned");
    assert!(!cleaned.contains(JUNK) && cleaned.contains("Crowds came back at noon."), "{cleaned:?}");
}

#[test]
fn dismissing_the_offer_saves_no_rule() {
    let dir = tempfile::tempdir().expect("tempdir");
    project(dir.path());
    let mut h = harness(dir.path());
    editing::empty_the_paragraph_holding(&mut h, "Tip line");
    wait_for_label(&mut h, "Touches 2 other document(s)");
    h.get_by_label("Dismiss rule offer").click();
    settle_until(&mut h, |_| true);
    assert!(h.query_by_label("Make a rule from this hand edit?").is_none());
    assert!(!dir.path().join("redline-rules.json").exists());
    let (_, edits) = open_edits(&h);
    assert_eq!(edits.iter().filter(|(origin, _)| origin == "manual").count(), 1, "the hand edit itself stays");
}

#[test]
fn a_document_saved_earlier_gets_the_rule_in_its_annotation_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    project(dir.path());
    let mut h = harness(dir.path());
    // Mark the library article done (saved), then go back to the ferry article.
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    for _ in 0..2 {
        h.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
        h.run();
    }
    assert_eq!(open_edits(&h).0, "ferry");

    editing::empty_the_paragraph_holding(&mut h, "Tip line");
    wait_for_label(&mut h, "Touches 2 other document(s)");
    h.get_by_label("Add general rule").click();
    settle_until(&mut h, |app| has_message(app, "pending suggestions in"));

    let path = dir.path().join("annotations").join("tester").join("library.json");
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("saved")).expect("JSON");
    assert_eq!(saved["status"], "done", "the rest of the annotation is kept");
    let origin = format!("user:{RULE}-general");
    let edit =
        saved["edits"].as_array().and_then(|e| e.iter().find(|e| e["origin"] == origin.as_str())).expect("rule edit");
    assert_eq!(edit["status"], "pending");

    h.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    h.run();
    let (id, edits) = open_edits(&h);
    assert_eq!(id, "library");
    assert!(edits.contains(&(origin, EditStatus::Pending)), "{edits:?}");
}
