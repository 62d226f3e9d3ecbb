//! Headless tests (egui_kittest) of two last lines of defence: a text file that is not UTF-8 is opened
//! only with the encoding the person picks from the message area, and quitting (Ctrl+Q or the window's
//! close button) while a save failed or conflicts asks first instead of losing the work.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use eframe::egui::{Key, Modifiers, Vec2, ViewportCommand, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use harness::{WORKER_TIMEOUT, document_open, launched, step_until};
use redline::gui::{FilePicker, Offer, PickKind, Workbench};

#[path = "support/harness.rs"]
mod harness;

/// A short report with runs of blank lines (cleaning suggestions), as UTF-8.
const ARTICLE: &str = "Ferry timetable changes next week\n\n\n\nThe first boat will leave at six.\n\n\n\n\
Tickets bought earlier stay valid.\n";

/// The same kind of report saved by a Windows editor: curly quotes (0x93, 0x94) and é (0xE9).
const CP1252_ARTICLE: &[u8] = b"Caf\xe9 owners welcome ferry plan\n\n\n\nThe owner said \x93finally\x94.\n";

/// A dialog that answers with a fixed folder.
struct FolderPicker(PathBuf);

impl FilePicker for FolderPicker {
    fn pick(&self, _kind: PickKind) -> Option<Vec<PathBuf>> {
        Some(vec![self.0.clone()])
    }
}

/// Writes `name` with `bytes` and a project config naming the annotator; returns the file's path.
fn fixture(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let file = dir.join(name);
    std::fs::write(&file, bytes).expect("write article");
    std::fs::write(dir.join("redline.json"), r#"{"annotator": "tester"}"#).expect("write config");
    file
}

/// A workbench opened on `file` (its folder dialog answers `picked`), stepped until `ready` holds
/// and nothing keeps repainting.
fn harness(file: &Path, picked: &Path, ready: impl Fn(&Workbench) -> bool) -> Harness<'static, Workbench> {
    let picker = Arc::new(FolderPicker(picked.to_path_buf()));
    launched(picker, &[file.to_path_buf()], Vec2::new(1400.0, 900.0), ready)
}

/// Writes what is pending and shows the outcome.
fn flush(h: &mut Harness<'static, Workbench>) {
    h.state_mut().flush_saves();
    h.run();
}

/// Whether the last frame asked the window to close / cancelled a close.
fn sent(h: &Harness<'static, Workbench>, command: &ViewportCommand) -> bool {
    h.output().viewport_output.get(&ViewportId::ROOT).is_some_and(|v| v.commands.contains(command))
}

/// The window manager's close button: a close request in the next frame.
fn press_close_button(h: &mut Harness<'static, Workbench>) {
    h.input_mut().viewports.entry(ViewportId::ROOT).or_default().events.push(ViewportEvent::Close);
    h.step();
}

#[test]
fn a_windows_1252_file_is_opened_with_the_encoding_chosen_in_the_message_area() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = fixture(dir.path(), "cafe.txt", CP1252_ARTICLE);
    let offered = |app: &Workbench| app.messages.list().iter().any(|m| matches!(m.offer, Some(Offer::Encoding { .. })));
    let mut h = harness(&file, dir.path(), offered);
    assert!(!document_open(h.state()), "never guessed");
    h.get_by_label_contains("cafe.txt: not valid UTF-8 (first bad byte at offset 3)");
    h.get_by_label("Read as Latin-1");
    h.get_by_label("Read as Windows-1252").click();
    step_until(&mut h, document_open);
    let raw = h.state().project.as_ref().and_then(|p| p.session.as_ref()).map(|s| s.doc.raw().to_string());
    assert_eq!(raw.as_deref(), Some("Café owners welcome ferry plan\n\n\n\nThe owner said “finally”.\n"));
    h.get_by_label_contains("cafe.txt: read as windows-1252");
    assert!(h.state().messages.list().iter().all(|m| m.offer.is_none()), "{:?}", h.state().messages.list());

    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
    h.run();
    flush(&mut h);
    let saved = dir.path().join("annotations").join("tester").join("cafe.json");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&saved).expect("saved")).expect("annotated JSON");
    assert_eq!(json["source"]["encoding"], "windows-1252");
    assert_eq!(std::fs::read(&file).expect("input"), CP1252_ARTICLE, "the input is never rewritten");
}

#[test]
fn quitting_during_a_save_conflict_asks_and_quits_only_when_told() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = fixture(dir.path(), "ferry.txt", ARTICLE.as_bytes());
    let mut h = harness(&file, dir.path(), document_open);
    h.get_by_label("Accept 1").click();
    h.run();
    flush(&mut h);
    let saved = dir.path().join("annotations").join("tester").join("ferry.json");
    let theirs = format!("{}\n\n", std::fs::read_to_string(&saved).expect("read saved"));
    std::fs::write(&saved, &theirs).expect("write behind the app's back");
    h.get_by_label("Reject 2").click();
    h.run();
    flush(&mut h);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.step();
    assert!(!sent(&h, &ViewportCommand::Close), "Ctrl+Q does not close over a conflict");
    h.run();
    h.get_by_label_contains("ferry.json changed on disk since it was opened");
    h.get_by_label("Resolve first").click();
    h.run();
    assert!(h.query_by_label("Quit anyway").is_none(), "the question is gone, the window stays");

    press_close_button(&mut h);
    assert!(sent(&h, &ViewportCommand::CancelClose), "the close button does not close over a conflict");
    h.run();
    h.get_by_label("Quit anyway").click();
    h.step();
    assert!(sent(&h, &ViewportCommand::Close), "Quit anyway closes");
    press_close_button(&mut h);
    assert!(!sent(&h, &ViewportCommand::CancelClose), "and the close is not cancelled again");
    assert_eq!(std::fs::read_to_string(&saved).expect("read"), theirs, "their version is untouched");
}

#[test]
fn quitting_after_a_failed_save_offers_saving_elsewhere_and_retrying() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = fixture(dir.path(), "ferry.txt", ARTICLE.as_bytes());
    let elsewhere = dir.path().join("elsewhere");
    let blocker = dir.path().join("annotations");
    std::fs::write(&blocker, "a file where the annotations folder should be").expect("write");
    let mut h = harness(&file, &elsewhere, document_open);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
    h.run();
    flush(&mut h);

    press_close_button(&mut h);
    assert!(sent(&h, &ViewportCommand::CancelClose), "a failed save keeps the window open");
    h.run();
    h.get_by_label_contains("ferry: not saved");
    h.get_by_label("Retry and quit").click();
    h.step();
    assert!(!sent(&h, &ViewportCommand::Close), "the folder is still blocked: no quitting");
    h.run();
    h.get_by_label("Save elsewhere and quit…").click();
    let deadline = std::time::Instant::now() + WORKER_TIMEOUT;
    while !sent(&h, &ViewportCommand::Close) {
        assert!(std::time::Instant::now() < deadline, "never quit; messages: {:?}", h.state().messages.list());
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.step();
    }
    let copy = redline::format::annotated::load(&elsewhere.join("ferry.json")).expect("saved elsewhere");
    assert!(copy.edits().iter().all(|e| e.status == redline::model::EditStatus::Accepted), "the work is in the copy");
}

#[test]
fn quitting_after_the_folder_is_fixed_retries_and_closes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = fixture(dir.path(), "ferry.txt", ARTICLE.as_bytes());
    let blocker = dir.path().join("annotations");
    std::fs::write(&blocker, "a file where the annotations folder should be").expect("write");
    let mut h = harness(&file, dir.path(), document_open);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
    h.run();
    flush(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    std::fs::remove_file(&blocker).expect("unblock");
    h.get_by_label("Retry and quit").click();
    h.step();
    assert!(sent(&h, &ViewportCommand::Close), "everything is on disk: quit");
    let saved = redline::format::annotated::load(&dir.path().join("annotations").join("tester").join("ferry.json"));
    assert!(saved.expect("saved").edits().iter().all(|e| e.status == redline::model::EditStatus::Accepted));
}
