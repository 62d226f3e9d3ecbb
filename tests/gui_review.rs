//! Headless test of the review desk (egui_kittest): two annotators' files written here, the
//! differences walked and picked with the keyboard and a button, the adjudicated file saved and
//! checked with the annotated JSON loader.

use std::path::Path;

use eframe::egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use redline::format::annotated;
use redline::gui::ReviewDesk;
use redline::model::EditStatus::{Accepted, Rejected};
use redline::model::{DocStatus, Document, EditStatus, EntityStatus, NewEdit, NewEntity};
use redline::storage;

/// A short article: a blank-line run and a "Share this" line to clean, two names to tag.
const RAW: &str = "Ferry fares rise\n\n\n\nShare this\nMinister Jo Park announced it in Oslo.\n";

/// Saves one annotator's version: the two edits decided as given, the (text, label) entities tagged.
fn save_version(project: &Path, annotator: &str, decisions: [EditStatus; 2], entities: &[(&str, &str)]) {
    let mut doc = Document::new("ferry", RAW);
    doc.annotator = annotator.into();
    let blank = RAW.find("\n\n\n").unwrap();
    let share = RAW.find("Share this\n").unwrap();
    let edits = [(blank, blank + 3), (share, share + 11)].into_iter().zip(decisions).map(|((start, end), status)| {
        NewEdit { start, end, replacement: String::new(), origin: "junk".into(), status, reason: "junk".into() }
    });
    assert!(doc.add_edits(edits).is_empty());
    for (text, label) in entities {
        let start = doc.cleaned().find(text).unwrap();
        let entity = NewEntity {
            start,
            end: start + text.len(),
            label: (*label).into(),
            origin: "manual".into(),
            status: EntityStatus::Accepted,
            score: None,
        };
        doc.add_entities([entity]).unwrap();
    }
    let dir = project.join("annotations").join(annotator);
    std::fs::create_dir_all(&dir).unwrap();
    storage::save_document(&dir, &doc).unwrap();
}

#[test]
fn a_review_session_picks_decisions_and_saves_a_valid_adjudicated_file() {
    let dir = tempfile::tempdir().unwrap();
    save_version(dir.path(), "ana", [Accepted, Rejected], &[("Jo Park", "PERSON"), ("Oslo", "GPE")]);
    save_version(dir.path(), "ben", [Accepted, Accepted], &[("Jo Park", "ORG")]);

    let desk = ReviewDesk::new(dir.path());
    let mut h =
        Harness::builder().with_size(Vec2::new(1400.0, 900.0)).build_ui_state(|ui, d: &mut ReviewDesk| d.ui(ui), desk);
    h.run();
    let review = h.state().review().expect("the document opened");
    assert_eq!(review.differences.len(), 3, "the Share-this edit, Jo Park's label, Oslo missing in ben");
    h.get_by_label("Difference 1 of 3: cleaning edit");

    // Difference 1 (Share this): ben removed it → right arrow picks the second version.
    h.key_press(Key::ArrowRight);
    h.run();
    // Difference 2 (Jo Park): ana's PERSON, by its button.
    h.get_by_label("Difference 2 of 3: entity");
    h.get_by_label("Pick ana (1)").click();
    h.run();
    // Difference 3 (Oslo): skip back and forth with K/J, then keep ana's with 1.
    h.key_press(Key::K);
    h.key_press(Key::J);
    h.run();
    h.key_press(Key::Num1);
    h.run();
    h.get_by_label("3 of 3 differences decided");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();

    let path = dir.path().join("annotations/review/ferry.json");
    assert!(h.state().messages().0.contains("Saved"), "{:?}", h.state().messages());
    let doc = annotated::load(&path).expect("the adjudicated file validates");
    assert_eq!(doc.annotator, "review");
    assert_eq!(doc.status, DocStatus::Done);
    assert_eq!(doc.cleaned(), "Ferry fares rise\nMinister Jo Park announced it in Oslo.\n");
    assert!(doc.edits().iter().all(|e| e.status == Accepted));
    let tagged: Vec<(&str, &str)> =
        doc.entities().iter().map(|e| (&doc.cleaned()[e.start..e.end], e.label.as_str())).collect();
    assert_eq!(tagged, [("Jo Park", "PERSON"), ("Oslo", "GPE")]);
}

#[test]
fn a_project_without_two_versions_says_so() {
    let dir = tempfile::tempdir().unwrap();
    save_version(dir.path(), "ana", [Accepted, Accepted], &[]);
    let desk = ReviewDesk::new(dir.path());
    assert!(desk.review().is_none());
    assert!(desk.messages().1.iter().any(|m| m.contains("no document has versions by two annotators")));
}
