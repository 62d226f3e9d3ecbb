//! Headless tests (egui_kittest) of what hurt in a team's daily work: the state word of a suggestion row
//! cut off in a 1280 px window, the shortcuts overlay running out of a small window, and undo forgetting
//! a document's actions once the person had looked at another one.

use std::path::PathBuf;
use std::sync::Arc;

use eframe::egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use harness::{document_open, launched};
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
