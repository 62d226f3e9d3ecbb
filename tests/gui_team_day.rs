//! Headless tests (egui_kittest) of what hurt in a team's daily work: the state word of a suggestion row
//! cut off in a 1280 px window, the shortcuts overlay running out of a small window, and undo forgetting
//! a document's actions once the person had looked at another one.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use eframe::egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use harness::{document_open, launched, step_until};
use redline::gui::Workbench;
use redline::session::Session;

#[path = "support/harness.rs"]
mod harness;
#[path = "support/picker.rs"]
mod picker;

/// A wire story with junk lines of long-named rules around two paragraphs with names.
const TUNNEL: &str = "Rail tunnel reopens after repairs\n\nFollow us on Twitter\n\nEngineer Tomas Lindqvist said \
the tunnel under the river would carry freight again from Monday.\n\n© 2025 Valley Courier Media. All rights \
reserved.\n\nThe works cost four million crowns, said Greta Holm of the rail board.\n";

/// A second story in the same folder.
const BRIDGE: &str = "Footbridge paint chosen\n\nShare this article\n\nResidents picked a dark green for the old \
footbridge, said councillor Aino Virtanen.\n";

/// Writes the two stories and a project config naming the annotator into `dir`; returns the folder.
fn folder(dir: &Path) -> PathBuf {
    std::fs::write(dir.join("a-tunnel.txt"), TUNNEL).expect("write story");
    std::fs::write(dir.join("b-bridge.txt"), BRIDGE).expect("write story");
    std::fs::write(dir.join("redline.json"), r#"{"annotator": "tester"}"#).expect("write config");
    dir.to_path_buf()
}

/// A workbench of `size` opened on `paths`, stepped until a document is open and the frames settle.
fn harness(paths: &[PathBuf], size: Vec2) -> Harness<'static, Workbench> {
    launched(Arc::new(picker::NoPicker), paths, size, document_open)
}

/// The open document's session.
fn session<'h>(h: &'h Harness<'static, Workbench>) -> &'h Session {
    h.state().project.as_ref().and_then(|p| p.session.as_ref()).expect("a document is open")
}

/// Presses `key` with `modifiers` and runs the frames it causes.
fn press(h: &mut Harness<'static, Workbench>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

#[test]
fn every_suggestion_row_shows_its_state_word_whole_at_1280_px() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("a-tunnel.txt");
    std::fs::write(&file, TUNNEL).expect("write story");
    let mut h = harness(&[file], Vec2::new(1280.0, 800.0));
    let panel = h.get_by_label("Suggestions").rect();
    let rows = session(&h).doc.edits().len();
    assert!(rows >= 2, "the story has junk lines to suggest: {rows}");
    let words: Vec<_> = h.query_all_by_label("pending").map(|n| n.rect()).collect();
    assert_eq!(words.len(), rows, "one whole state word a row");
    for word in words {
        assert!(word.left() >= panel.left() && word.right() <= 1280.0, "{word:?} lies outside the panel");
    }
    press(&mut h, Modifiers::NONE, Key::J);
    press(&mut h, Modifiers::NONE, Key::A);
    assert_eq!(h.query_all_by_label("accepted").count(), 1, "the decided row says so");
}

#[test]
fn the_shortcuts_overlay_fits_a_small_window_and_names_every_key_in_full() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("b-bridge.txt");
    std::fs::write(&file, BRIDGE).expect("write story");
    for size in [Vec2::new(1024.0, 768.0), Vec2::new(1024.0, 560.0)] {
        let mut h = harness(std::slice::from_ref(&file), size);
        press(&mut h, Modifiers::NONE, Key::F1);
        let overlay = h.get_by_label("Keyboard shortcuts").rect();
        assert!(overlay.top() >= 0.0 && overlay.left() >= 0.0, "{overlay:?} in {size:?}");
        let close = h.get_by_label("Close window").rect();
        assert!(close.bottom() <= size.y && close.right() <= size.x, "the close button is reachable: {close:?}");
        h.get_by_label("Ctrl+Left, Right / Ctrl+Shift+Left, Right");
        assert!(h.query_all_by_label_contains("Shift+…").next().is_none(), "no key is cut short");
        // The last shortcut can be scrolled to inside the overlay, and it ends inside the window.
        let last = h.get_by_label("save everything and quit");
        last.scroll_to_me();
        h.run();
        let last = h.get_by_label("save everything and quit").rect();
        assert!(last.bottom() <= size.y, "the last row {last:?} is inside the {size:?} window");
    }
}

#[test]
fn coming_back_to_a_document_ctrl_z_still_undoes_the_last_actions_there() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(&[folder(dir.path())], Vec2::new(1400.0, 900.0));
    assert_eq!(session(&h).doc.id, "a-tunnel");
    let accepted = |h: &Harness<'static, Workbench>| {
        session(h).doc.edits().iter().filter(|e| e.status == redline::model::EditStatus::Accepted).count()
    };
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
    let all = accepted(&h);
    assert!(all >= 2, "every cleaning suggestion accepted: {all}");
    // Tag the engineer's surname by finding it and pressing the first label's key.
    press(&mut h, Modifiers::COMMAND, Key::F);
    h.get_by_label("Find:").type_text("Lindqvist");
    h.run();
    press(&mut h, Modifiers::NONE, Key::Enter);
    press(&mut h, Modifiers::NONE, Key::Escape);
    press(&mut h, Modifiers::NONE, Key::Num1);
    let tagged = |h: &Harness<'static, Workbench>| {
        let s = session(h);
        s.doc
            .entities()
            .iter()
            .any(|e| e.origin.as_str() == "manual" && &s.doc.cleaned()[e.start..e.end] == "Lindqvist")
    };
    assert!(tagged(&h), "tagged: {:?}", session(&h).doc.entities());

    press(&mut h, Modifiers::ALT, Key::ArrowDown);
    assert_eq!(session(&h).doc.id, "b-bridge");
    press(&mut h, Modifiers::NONE, Key::J);
    press(&mut h, Modifiers::NONE, Key::R);
    press(&mut h, Modifiers::ALT, Key::ArrowUp);
    step_until(&mut h, |app| app.project.as_ref().and_then(|p| p.session.as_ref()).is_some_and(|s| s.index == 0));
    assert!(tagged(&h) && accepted(&h) == all, "the work was read back from disk");

    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(!tagged(&h), "Ctrl+Z undid the tag made before leaving");
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(accepted(&h), 0, "and then the accept-all");
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(accepted(&h), all, "redo works too");
    h.state_mut().flush_saves();
    let saved = std::fs::read_to_string(dir.path().join("annotations/tester/a-tunnel.json")).expect("saved");
    assert!(!saved.contains("\"manual\""), "the undone tag is not saved: {saved}");
}

/// The id of the open document.
fn open_id(h: &Harness<'static, Workbench>) -> String {
    session(h).doc.id.clone()
}

#[test]
fn done_and_next_goes_on_to_the_next_unfinished_document_skipping_finished_ones() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = folder(dir.path());
    std::fs::write(root.join("c-ferry.txt"), "Ferry timetable\n\nThe ferry to Suomenlinna runs hourly.\n")
        .expect("write story");
    let mut h = harness(&[root], Vec2::new(1400.0, 900.0));
    assert_eq!(open_id(&h), "a-tunnel");
    press(&mut h, Modifiers::ALT, Key::ArrowDown);
    press(&mut h, Modifiers::COMMAND, Key::Enter);
    assert_eq!(open_id(&h), "c-ferry", "b-bridge is done");
    press(&mut h, Modifiers::ALT, Key::ArrowUp);
    press(&mut h, Modifiers::ALT, Key::ArrowUp);
    assert_eq!(open_id(&h), "a-tunnel", "Alt+Up still goes through every document");
    press(&mut h, Modifiers::COMMAND, Key::Enter);
    assert_eq!(open_id(&h), "c-ferry", "the finished b-bridge is skipped");
    press(&mut h, Modifiers::COMMAND, Key::Enter);
    assert_eq!(open_id(&h), "c-ferry", "nothing left to open");
    let said = h.state().messages.list().iter().any(|m| m.text == "Every document in the list is done or skipped.");
    assert!(said, "{:?}", h.state().messages.list());
    h.get_by_label("3 / 3 done");
}

#[test]
fn the_status_bar_names_the_other_annotators_who_saved_the_open_document() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = folder(dir.path());
    let theirs = root.join("annotations").join("mira");
    std::fs::create_dir_all(&theirs).expect("mkdir");
    let doc = redline::model::Document::new("a-tunnel", TUNNEL);
    std::fs::write(theirs.join("a-tunnel.json"), redline::format::annotated::to_json(&doc)).expect("write");
    let mut h = harness(&[root], Vec2::new(1400.0, 900.0));
    assert_eq!(open_id(&h), "a-tunnel");
    h.get_by_label("Also annotated by: mira");
    h.get_by_label("Annotator: tester");
    press(&mut h, Modifiers::ALT, Key::ArrowDown);
    assert_eq!(open_id(&h), "b-bridge");
    assert!(h.query_by_label_contains("Also annotated by").is_none(), "nobody else saved b-bridge");
}
