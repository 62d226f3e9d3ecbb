//! Headless tests (egui_kittest) of the workbench never losing work: a file changed on disk behind
//! its back is reported as a conflict and settled with Keep both, and what an interrupted save left
//! in the annotations folder is offered back and restored.

use std::path::{Path, PathBuf};

use eframe::egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use redline::gui::{Offer, SaveState, Workbench};
use redline::model::EditStatus;

#[path = "support/opened.rs"]
mod opened;

/// A short report with two runs of blank lines, i.e. two cleaning suggestions.
const ARTICLE: &str = "Ferry timetable changes next week\n\n\n\nThe first boat will leave at six.\n\n\n\n\
Tickets bought earlier stay valid.\n";

/// Writes the article and a project config naming the annotator; returns the article's path.
fn fixture(dir: &Path) -> PathBuf {
    let file = dir.join("ferry.txt");
    std::fs::write(&file, ARTICLE).expect("write article");
    std::fs::write(dir.join("redline.json"), r#"{"annotator": "tester"}"#).expect("write config");
    file
}

/// The annotations folder of the fixture.
fn annotations(dir: &Path) -> PathBuf {
    dir.join("annotations").join("tester")
}

/// A harness around a workbench opened on `file`, run until the document is shown and settled.
fn harness(file: &Path) -> Harness<'static, Workbench> {
    opened::opened(file.to_path_buf(), Vec2::new(1400.0, 900.0))
}

/// Waits for the autosaver to handle everything asked so far, then draws its events.
fn flush(h: &mut Harness<'static, Workbench>) {
    h.state_mut().flush_saves();
    h.run();
}

/// The decisions on the open document's edits, in order.
fn decisions(h: &Harness<'static, Workbench>) -> Vec<EditStatus> {
    let session = h.state().project.as_ref().and_then(|p| p.session.as_ref()).expect("a document is open");
    session.doc.edits().iter().map(|e| e.status).collect()
}

#[test]
fn a_file_changed_behind_the_apps_back_is_a_conflict_settled_by_keeping_both() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = fixture(dir.path());
    let mut h = harness(&file);
    h.get_by_label("Accept 1").click();
    h.run();
    flush(&mut h);
    let saved = annotations(dir.path()).join("ferry.json");
    assert!(saved.exists(), "first save; messages: {:?}", h.state().messages.list());

    // Another annotator's tool rewrites the file (same content, different bytes is enough).
    let theirs = format!("{}\n\n", std::fs::read_to_string(&saved).expect("read saved"));
    std::fs::write(&saved, &theirs).expect("write behind the app's back");
    h.get_by_label("Reject 2").click();
    h.run();
    flush(&mut h);

    let conflict = h.state().messages.list().iter().find(|m| matches!(m.offer, Some(Offer::Conflict(_)))).cloned();
    let conflict = conflict.unwrap_or_else(|| panic!("no conflict offered: {:?}", h.state().messages.list()));
    assert!(conflict.text.contains("ferry.json") && conflict.text.contains("changed on disk"), "{}", conflict.text);
    assert_eq!(h.state().project.as_ref().map(|p| p.save_state.clone()), Some(SaveState::Conflict));
    assert_eq!(std::fs::read_to_string(&saved).expect("read"), theirs, "nothing written over their version");
    h.get_by_label_contains("NOT SAVED");

    h.get_by_label("Keep both").click();
    h.run();
    flush(&mut h);

    assert_eq!(std::fs::read_to_string(&saved).expect("read"), theirs, "their version is left as it was");
    let copies: Vec<PathBuf> = std::fs::read_dir(annotations(dir.path()))
        .expect("list annotations")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("ferry.conflict-")))
        .collect();
    assert_eq!(copies.len(), 1, "one copy of this session's version: {copies:?}");
    let mine = redline::format::annotated::load(&copies[0]).expect("the copy is a valid document");
    let statuses: Vec<EditStatus> = mine.edits().iter().map(|e| e.status).collect();
    assert_eq!(statuses[..2], [EditStatus::Accepted, EditStatus::Rejected], "the copy holds the work done here");
    assert!(h.state().messages.list().iter().all(|m| m.offer.is_none()), "{:?}", h.state().messages.list());
    h.get_by_label_contains("kept as it is on disk");
    assert_eq!(decisions(&h)[..2], [EditStatus::Accepted, EditStatus::Pending], "reloaded their version");
}

#[test]
fn an_interrupted_save_is_offered_back_and_restored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = fixture(dir.path());
    {
        let mut h = harness(&file);
        h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
        h.run();
        flush(&mut h);
    }
    // A crash between writing the temporary file and renaming it: the complete new version is only
    // in `.ferry.json.<pid>.tmp` of a process that is gone.
    let saved = annotations(dir.path()).join("ferry.json");
    let mut gone = std::process::Command::new("true").spawn().expect("spawn a short-lived process");
    gone.wait().expect("wait for it");
    let temp = annotations(dir.path()).join(format!(".ferry.json.{}.tmp", gone.id()));
    std::fs::rename(&saved, &temp).expect("leave a temporary file");

    let mut h = harness(&file);
    assert!(decisions(&h).iter().all(|s| *s == EditStatus::Pending), "opened from the raw text");
    let offer = h.state().messages.list().iter().find(|m| matches!(m.offer, Some(Offer::Recovery(_)))).cloned();
    let offer = offer.unwrap_or_else(|| panic!("no recovery offered: {:?}", h.state().messages.list()));
    assert!(offer.text.contains("ferry.json") && offer.text.contains("interrupted save"), "{}", offer.text);
    h.get_by_label_contains("interrupted save");

    h.get_by_label("Restore").click();
    h.run();

    assert!(!temp.exists(), "the temporary file is used up");
    assert!(redline::format::annotated::load(&saved).is_ok(), "restored as the saved file");
    assert!(decisions(&h).iter().all(|s| *s == EditStatus::Accepted), "the restored work is shown");
    h.get_by_label_contains("restored");
}
