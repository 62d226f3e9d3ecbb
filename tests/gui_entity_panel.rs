//! Headless tests (egui_kittest) of the suggestions panel's entity list, of the panels on a small
//! window, and of the paragraph editor opening where the paragraph is.

use std::path::{Path, PathBuf};

use eframe::egui::{Key, Modifiers, Pos2, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use redline::gui::Workbench;
use redline::model::{EntityStatus, MANUAL};
use redline::session::{Focus, Session};

#[path = "support/opened.rs"]
mod opened;

/// A harbour story with people, organisations, places and a date for the entity suggester, and a
/// paragraph no rule touches (for the paragraph editor).
const STORY: &str = "Harbour talks resume in Lisbon\n\nThe port authority said on Friday that Captain Ilse Moreau \
and Omar Diallo would meet officials of Maersk in Lisbon.\n\nTap here to win a free cruise for two people\n\nAnn Lee \
of the Lisbon Port Authority said the talks with Maersk would end in July.\n";

/// Writes `text` as `name` and a project config naming the annotator; returns the text's path.
fn fixture(dir: &Path, name: &str, text: &str) -> PathBuf {
    let file = dir.join(name);
    std::fs::write(&file, text).expect("write story");
    std::fs::write(dir.join("redline.json"), r#"{"annotator": "tester"}"#).expect("write config");
    file
}

/// The open document's session.
fn session<'a>(h: &'a Harness<'static, Workbench>) -> &'a Session {
    h.state().project.as_ref().and_then(|p| p.session.as_ref()).expect("session")
}

/// The suggested entities: (text, label, status), in reading order.
fn suggested(h: &Harness<'static, Workbench>) -> Vec<(String, String, EntityStatus)> {
    let s = session(h);
    s.doc
        .entities()
        .iter()
        .filter(|e| e.origin.as_str() != MANUAL)
        .map(|e| (s.doc.cleaned()[e.start..e.end].to_string(), e.label.to_string(), e.status))
        .collect()
}

/// The id of the suggested entity over `text` (the first, in reading order).
fn entity_id(h: &Harness<'static, Workbench>, text: &str) -> u32 {
    let s = session(h);
    let e = s.doc.entities().iter().find(|e| &s.doc.cleaned()[e.start..e.end] == text);
    e.unwrap_or_else(|| panic!("no entity over {text:?}: {:?}", suggested(h))).id
}

/// The state of the entity `id`.
fn status(h: &Harness<'static, Workbench>, id: u32) -> Option<EntityStatus> {
    session(h).doc.entities().iter().find(|e| e.id == id).map(|e| e.status)
}

#[test]
fn entity_suggestions_are_listed_by_label_and_decided_row_by_row_through_the_undo_log() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = opened::opened(fixture(dir.path(), "harbour.txt", STORY), Vec2::new(1400.0, 900.0));
    // One group per label with its count (the counts are the suggester's, whatever its lists hold).
    let listed = suggested(&h);
    for label in ["PERSON", "GPE", "DATE", "ORG"] {
        let n = listed.iter().filter(|(_, l, _)| l == label).count();
        assert!(n > 0, "no {label} in {listed:?}");
        h.get_by_label_contains(&format!("{label} ({n})"));
    }
    let total = listed.len();
    h.get_by_label(&format!("Entities: {total} of {total} undecided"));
    // Each row names the text and the suggester that proposed it.
    h.get_by_label_contains("Lisbon Port Authority — news-heuristics");

    // A click on a row focuses the entity and puts the caret on it, as J does.
    let omar = entity_id(&h, "Omar Diallo");
    h.get_by_label_contains("○ Omar Diallo —").click();
    h.run();
    assert_eq!(session(&h).focus, Some(Focus::Entity(omar)));
    let end = session(&h).doc.entities().iter().find(|e| e.id == omar).map(|e| e.end);
    assert_eq!(Some(session(&h).caret), end);

    // ✔ and ✖ decide one suggestion each, and each is one undo step.
    let ilse = entity_id(&h, "Ilse Moreau");
    h.get_by_label("Accept PERSON Ilse Moreau").click();
    h.run();
    assert_eq!(status(&h, ilse), Some(EntityStatus::Accepted));
    h.get_by_label_contains("✔ Ilse Moreau —");
    let ann = entity_id(&h, "Ann Lee");
    h.get_by_label("Reject PERSON Ann Lee").click();
    h.run();
    assert_eq!(status(&h, ann), Some(EntityStatus::Rejected));
    h.get_by_label_contains("✖ Ann Lee —");
    h.get_by_label(&format!("Entities: {} of {total} undecided", total - 2));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!((status(&h, ilse), status(&h, ann)), (Some(EntityStatus::Accepted), Some(EntityStatus::Pending)));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(status(&h, ilse), Some(EntityStatus::Pending));
}

#[test]
fn a_and_r_decide_the_entity_row_clicked_and_move_on_to_the_next_in_reading_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = opened::opened(fixture(dir.path(), "harbour.txt", STORY), Vec2::new(1400.0, 900.0));
    let (ilse, omar) = (entity_id(&h, "Ilse Moreau"), entity_id(&h, "Omar Diallo"));
    // The suggestion after Omar Diallo in reading order (entities are kept sorted by position).
    let after_omar = {
        let entities = session(&h).doc.entities();
        let at = entities.iter().position(|e| e.id == omar).expect("Omar Diallo");
        entities.get(at + 1).expect("a suggestion after Omar Diallo").id
    };
    h.get_by_label_contains("○ Ilse Moreau —").click();
    h.run();
    // A rejected suggestion leaves the text; the focus goes on to the next one, not back to the top.
    h.key_press(Key::R);
    h.run();
    assert_eq!(status(&h, ilse), Some(EntityStatus::Rejected));
    assert_eq!(session(&h).focus, Some(Focus::Entity(omar)));
    h.key_press(Key::A);
    h.run();
    assert_eq!(status(&h, omar), Some(EntityStatus::Accepted));
    assert_eq!(session(&h).focus, Some(Focus::Entity(after_omar)));
}

#[test]
fn a_long_list_lays_out_only_the_rows_in_sight_and_follows_the_focus() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut text = String::from("Ferry news\n\n");
    for _ in 0..1500 {
        text.push_str("Ann Lee met Omar Diallo in Nairobi on Monday.\n");
    }
    text.push_str("Later the two of them flew to Lisbon.\n");
    let mut h = opened::opened(fixture(dir.path(), "long.txt", &text), Vec2::new(1400.0, 900.0));
    let listed = suggested(&h).len();
    assert!(listed > 4000, "{listed} suggestions");
    let rows = h.query_all_by_label_contains("Ann Lee —").count();
    assert!((1..100).contains(&rows), "{rows} rows built for {listed} suggestions");
    assert!(h.query_by_label_contains("○ Lisbon —").is_none(), "the last row is far out of sight");
    // K from nothing focuses the last item; the list scrolls to its row.
    h.key_press(Key::K);
    h.run();
    let lisbon = entity_id(&h, "Lisbon");
    assert_eq!(session(&h).focus, Some(Focus::Entity(lisbon)));
    h.get_by_label_contains("○ Lisbon —");
    h.key_press(Key::A);
    h.run();
    assert_eq!(status(&h, lisbon), Some(EntityStatus::Accepted));
}

#[test]
fn the_cleaning_list_follows_the_focus_to_a_suggestion_out_of_sight() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut text = String::from("Ferry news\n\n");
    for n in 0..80 {
        text.push_str(&format!("The ferry left on time for the {n}th day running.\nADVERTISEMENT\n"));
    }
    let mut h = opened::opened(fixture(dir.path(), "ads.txt", &text), Vec2::new(1400.0, 900.0));
    let edits = session(&h).doc.edits().len();
    assert!(edits >= 80, "{edits} cleaning suggestions");
    let last = format!("Accept {edits}");
    assert!(h.query_by_label(&last).is_none(), "the last row starts out of sight");
    // K from nothing focuses the last item, the last advertisement: its row comes into sight.
    h.key_press(Key::K);
    h.run();
    assert!(matches!(session(&h).focus, Some(Focus::Edit(_))));
    h.get_by_label(&last);
    h.get_by_label(&last).click();
    h.run();
    let accepted = session(&h).doc.edits().iter().filter(|e| e.status == redline::model::EditStatus::Accepted).count();
    assert_eq!(accepted, 1);
}

#[test]
fn at_1024_by_768_the_text_views_stay_side_by_side_with_most_of_the_width() {
    let dir = tempfile::tempdir().expect("tempdir");
    let h = opened::opened(fixture(dir.path(), "harbour.txt", STORY), Vec2::new(1024.0, 768.0));
    let original = h.get_by_label("Original text with suggestions").rect();
    let cleaned = h.get_by_label("Cleaned text").rect();
    let views = original.width() + cleaned.width();
    assert!(views > 0.55 * 1024.0, "the text views get {views} of 1024 points");
    let panel = h.get_by_label("Suggestions").rect();
    assert!(panel.left() > 1024.0 * 0.7, "the suggestions panel starts at {}", panel.left());
    h.get_by_label_contains("○ Ilse Moreau —");
}

/// Clicks (press and release) at `at`, then lets the double-click time pass.
fn click_at(h: &mut Harness<'static, Workbench>, at: Pos2) {
    h.drag_at(at);
    h.run();
    h.drop_at(at);
    h.run();
    h.run_steps(30);
}

#[test]
fn the_paragraph_editor_opens_over_its_paragraph_and_nothing_moves() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = opened::opened(fixture(dir.path(), "harbour.txt", STORY), Vec2::new(1400.0, 900.0));
    let view = h.get_by_label("Cleaned text").rect();
    let paragraph = "Tap here to win a free cruise for two people";
    let start = session(&h).doc.cleaned().find(paragraph).expect("paragraph");
    let inside = |h: &Harness<'static, Workbench>| (start..start + paragraph.len()).contains(&session(h).caret);
    // Find a point on the paragraph by clicking down the view until the caret lands in it.
    let mut point = None;
    for dy in (4..400).step_by(6) {
        let at = Pos2::new(view.left() + 30.0, view.top() + dy as f32);
        click_at(&mut h, at);
        if inside(&h) {
            point = Some(at);
            break;
        }
    }
    let point = point.expect("a point on the paragraph");
    h.key_press(Key::E);
    h.run();
    let editor = session(&h).editor.clone().expect("editor open");
    assert_eq!(editor.text, paragraph);
    let field = h.get_by_label("Edit the paragraph (Ctrl+S applies, Esc cancels):").rect();
    assert!(
        field.top() <= point.y && point.y - field.top() < 30.0,
        "the field's first line is where the paragraph was: field {field:?}, paragraph at {point:?}"
    );
    assert_eq!(h.get_by_label("Cleaned text").rect(), view, "the text view was not pushed down");
    h.key_press(Key::Escape);
    h.run();
    assert!(session(&h).editor.is_none());
    assert_eq!(h.get_by_label("Cleaned text").rect(), view, "closing the editor moves nothing either");
    click_at(&mut h, point);
    assert!(inside(&h), "the paragraph is still under the same point");
}
