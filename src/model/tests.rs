//! Unit tests of the model: edits, the cleaned text, entity re-mapping, hand edits and undo.

use super::*;

fn doc_with(raw: &str, edits: &[(usize, usize, &str)]) -> Document {
    let mut doc = Document::new("t", raw);
    let problems = doc.add_edits(edits.iter().map(|(s, e, r)| NewEdit {
        start: *s,
        end: *e,
        replacement: (*r).into(),
        origin: "rule".into(),
        status: EditStatus::Pending,
        reason: "test".into(),
    }));
    assert!(problems.is_empty(), "{problems:?}");
    doc
}

fn tag(doc: &mut Document, text: &str, label: &str) -> EntityId {
    let start = doc.cleaned().find(text).expect("text present");
    doc.apply(&Command::AddEntity { start, end: start + text.len(), label: label.into() }).expect("tag");
    doc.entities().iter().find(|e| e.start == start).map(|e| e.id).expect("entity")
}

fn accept(doc: &mut Document, ids: &[EditId]) -> Change {
    doc.apply(&Command::SetEditStatus { ids: ids.to_vec(), status: EditStatus::Accepted }).expect("accept")
}

fn text_of(doc: &Document, id: EntityId) -> (&str, EntityStatus) {
    let e = doc.entity(id).expect("entity");
    (&doc.cleaned()[e.start..e.end], e.status)
}

#[test]
fn pending_edits_leave_cleaned_equal_to_raw() {
    let doc = doc_with("abc def", &[(0, 4, "")]);
    assert_eq!(doc.cleaned(), "abc def");
}

#[test]
fn edit_before_shifts_entity() {
    let mut doc = doc_with("junk junk Alice met Bob", &[(0, 10, "")]);
    let alice = tag(&mut doc, "Alice", "PERSON");
    accept(&mut doc, &[0]);
    assert_eq!(doc.cleaned(), "Alice met Bob");
    assert_eq!(text_of(&doc, alice), ("Alice", EntityStatus::Accepted));
    assert_eq!(doc.entity_raw_range(doc.entity(alice).expect("e")), Some((10, 15)));
}

#[test]
fn edit_inside_resizes_entity() {
    let mut doc = doc_with("the New  York Times", &[(7, 9, " ")]);
    let nyt = tag(&mut doc, "New  York Times", "ORG");
    accept(&mut doc, &[0]);
    assert_eq!(text_of(&doc, nyt), ("New York Times", EntityStatus::Accepted));
    assert_eq!(doc.entity_raw_range(doc.entity(nyt).expect("e")), None, "no clean raw range across an edit");
}

#[test]
fn edit_cutting_a_boundary_flags_needs_review() {
    // "James MattisJames Norman Mattis MORE is open": the hover-card edit cuts into a sloppy tag.
    let mut doc = doc_with("James MattisJames Norman Mattis MORE is open", &[(12, 36, "")]);
    let sloppy = tag(&mut doc, "MattisJames", "PERSON");
    accept(&mut doc, &[0]);
    assert_eq!(doc.cleaned(), "James Mattis is open");
    assert_eq!(doc.entity(sloppy).map(|e| e.status), Some(EntityStatus::NeedsReview));
}

#[test]
fn cut_pending_suggestions_are_dropped() {
    let mut doc = doc_with("abc Alice def", &[(2, 6, "")]);
    doc.apply(&Command::SuggestEntities(vec![(4, 9, "PERSON".into(), "gazetteer".into())])).expect("suggest");
    assert_eq!(doc.entities().len(), 1);
    accept(&mut doc, &[0]);
    assert!(doc.entities().is_empty());
}

#[test]
fn rejecting_an_edit_restores_the_span() {
    let mut doc = doc_with("xx Alice", &[(0, 3, "")]);
    accept(&mut doc, &[0]);
    let alice = tag(&mut doc, "Alice", "PERSON");
    doc.apply(&Command::SetEditStatus { ids: vec![0], status: EditStatus::Rejected }).expect("reject");
    assert_eq!(doc.cleaned(), "xx Alice");
    assert_eq!(text_of(&doc, alice), ("Alice", EntityStatus::Accepted));
}

#[test]
fn entity_inside_replacement_text_follows_it() {
    let mut doc = doc_with("Hello Wrld!", &[(6, 10, "World")]);
    accept(&mut doc, &[0]);
    let world = tag(&mut doc, "World", "MISC");
    doc.apply(&Command::ManualEdit { start: 0, end: 5, text: "Hi".into() }).expect("edit");
    assert_eq!(doc.cleaned(), "Hi World!");
    assert_eq!(text_of(&doc, world), ("World", EntityStatus::Accepted));
}

#[test]
fn manual_edit_becomes_a_raw_edit() {
    let mut doc = doc_with("one two three", &[]);
    doc.apply(&Command::ManualEdit { start: 4, end: 7, text: "2".into() }).expect("edit");
    assert_eq!(doc.cleaned(), "one 2 three");
    let e = &doc.edits()[0];
    assert_eq!((e.start, e.end, e.replacement.as_str(), e.origin.as_str()), (4, 7, "2", MANUAL));
    assert_eq!(e.status, EditStatus::Accepted);
}

#[test]
fn manual_edit_absorbs_overlapping_edits() {
    let mut doc = doc_with("aaa BBB ccc", &[(4, 8, ""), (0, 1, "A")]);
    accept(&mut doc, &[0]);
    assert_eq!(doc.cleaned(), "aaa ccc");
    // Select "a c" across the deletion point and retype it.
    let start = doc.cleaned().find("a c").expect("present");
    doc.apply(&Command::ManualEdit { start, end: start + 3, text: "a-c".into() }).expect("edit");
    assert_eq!(doc.cleaned(), "aaa-ccc");
    let manual: Vec<_> = doc.edits().iter().filter(|e| e.is_manual()).collect();
    assert_eq!(manual.len(), 1);
    assert_eq!(manual[0].absorbs.len(), 1, "the deletion is recorded as absorbed");
    assert_eq!(manual[0].absorbs[0].origin, "rule");
    assert!(doc.edits().iter().all(|e| e.origin != "rule" || e.start == 0));
}

#[test]
fn typing_at_entity_edges_does_not_grow_it() {
    let mut doc = doc_with("met Alice today", &[]);
    let alice = tag(&mut doc, "Alice", "PERSON");
    doc.apply(&Command::ManualEdit { start: 4, end: 4, text: "Dr ".into() }).expect("before");
    doc.apply(&Command::ManualEdit { start: 12, end: 12, text: "'s".into() }).expect("after");
    assert_eq!(doc.cleaned(), "met Dr Alice's today");
    assert_eq!(text_of(&doc, alice), ("Alice", EntityStatus::Accepted));
}

#[test]
fn a_hand_edit_moves_later_entities_as_one_shift_and_undo_moves_them_back() {
    let mut doc = doc_with("Ana met Bob and Cy there.", &[]);
    let ids = [tag(&mut doc, "Ana", "PERSON"), tag(&mut doc, "Bob", "PERSON"), tag(&mut doc, "Cy", "PERSON")];
    let before = doc.entities().to_vec();
    let change = doc.apply(&Command::ManualEdit { start: 4, end: 4, text: "XX".into() }).expect("edit");
    assert_eq!(doc.cleaned(), "Ana XXmet Bob and Cy there.");
    assert!(change.entities.is_empty(), "no entity touches the edit: {:?}", change.entities);
    assert_eq!(change.shift.map(|s| s.delta), Some(2));
    assert_eq!([text_of(&doc, ids[1]).0, text_of(&doc, ids[2]).0], ["Bob", "Cy"]);
    doc.restore(&change, false);
    assert_eq!((doc.cleaned(), doc.entities()), ("Ana met Bob and Cy there.", before.as_slice()));
}

#[test]
fn undo_and_redo_restore_exact_states() {
    let mut doc = doc_with("junk Alice met Bob junk", &[(0, 5, ""), (18, 23, "")]);
    let mut history = History::default();
    history.apply(&mut doc, Command::AddEntity { start: 5, end: 10, label: "PERSON".into() }).expect("tag");
    let before = (doc.cleaned().to_string(), doc.entities().to_vec(), doc.edits().to_vec());
    history.apply(&mut doc, Command::SetEditStatus { ids: vec![0, 1], status: EditStatus::Accepted }).expect("acc");
    history.apply(&mut doc, Command::ManualEdit { start: 6, end: 9, text: "MET".into() }).expect("edit");
    let after = (doc.cleaned().to_string(), doc.entities().to_vec(), doc.edits().to_vec());
    assert_eq!(doc.cleaned(), "Alice MET Bob");
    history.undo(&mut doc);
    history.undo(&mut doc);
    assert_eq!((doc.cleaned().to_string(), doc.entities().to_vec(), doc.edits().to_vec()), before);
    history.redo(&mut doc);
    history.redo(&mut doc);
    assert_eq!((doc.cleaned().to_string(), doc.entities().to_vec(), doc.edits().to_vec()), after);
    assert!(!history.can_redo());
}

#[test]
fn overlapping_suggestions_are_refused_with_a_message() {
    let mut doc = Document::new("t", "abcdef");
    let problems = doc.add_edits([(0, 3), (2, 4), (3, 3), (3, 3)].into_iter().map(|(s, e)| NewEdit {
        start: s,
        end: e,
        replacement: String::new(),
        origin: "r".into(),
        status: EditStatus::Pending,
        reason: String::new(),
    }));
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!(doc.edits().len(), 2);
}

#[test]
fn adding_an_entity_rejects_overlapping_suggestions_and_they_stay_rejected() {
    let mut doc = doc_with("Vladimir Putin spoke", &[]);
    doc.apply(&Command::SuggestEntities(vec![(9, 14, "ORG".into(), "g".into())])).expect("suggest");
    tag(&mut doc, "Vladimir Putin", "PERSON");
    assert!(doc.entities().iter().any(|e| e.label == "ORG" && e.status == EntityStatus::Rejected));
    doc.apply(&Command::SuggestEntities(vec![(9, 14, "ORG".into(), "g".into())])).expect("again");
    assert_eq!(doc.entities().iter().filter(|e| e.label == "ORG").count(), 1, "not proposed again");
}

#[test]
fn multibyte_text_maps_on_character_boundaries() {
    let mut doc = doc_with("© 👍 Zoë Ωmega\r\n北京", &[(0, 8, ""), (19, 21, "\n")]);
    accept(&mut doc, &[0, 1]);
    assert_eq!(doc.cleaned(), "Zoë Ωmega\n北京");
    let zoe = tag(&mut doc, "Zoë", "PERSON");
    let bj = tag(&mut doc, "北京", "GPE");
    assert_eq!(doc.entity_raw_range(doc.entity(zoe).expect("e")), Some((8, 12)));
    assert_eq!(doc.entity_raw_range(doc.entity(bj).expect("e")), Some((21, 27)));
    assert!(doc.apply(&Command::AddEntity { start: 3, end: 4, label: "X".into() }).is_err(), "splits a character");
}

#[test]
fn suggested_edits_skip_overlaps_and_undo_as_one_step() {
    let mut doc = doc_with("Promo! Alice met Bob. Promo!", &[(0, 7, "")]);
    let mut history = History::default();
    let suggestion = |start: usize| NewEdit {
        start,
        end: start + 6,
        replacement: String::new(),
        origin: "user:promo".into(),
        status: EditStatus::Pending,
        reason: "like \"Promo!\"".into(),
    };
    assert!(history.apply(&mut doc, Command::SuggestEdits(vec![suggestion(0), suggestion(21)])).expect("suggest"));
    let origins: Vec<&str> = doc.edits().iter().map(|e| e.origin.as_str()).collect();
    assert_eq!(origins, ["rule", "user:promo"], "the overlapping one is skipped");
    assert_eq!(doc.cleaned(), "Promo! Alice met Bob. Promo!", "suggestions change nothing yet");
    assert_eq!(history.undo_label().as_deref(), Some("suggest 2 edit(s)"));
    history.undo(&mut doc);
    assert_eq!(doc.edits().len(), 1);
    history.redo(&mut doc);
    assert_eq!(doc.edits()[1].start, 21);
    assert!(!history.apply(&mut doc, Command::SuggestEdits(vec![suggestion(21)])).expect("again"), "nothing new");
}

#[test]
fn sha256_is_lowercase_hex_of_the_utf8_bytes() {
    assert_eq!(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assert_eq!(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

#[test]
fn added_entities_end_up_in_position_order_whatever_order_they_come_in() {
    let entity = |start, end, label: &str| NewEntity {
        start,
        end,
        label: label.into(),
        origin: "test".into(),
        status: EntityStatus::Pending,
        score: None,
    };
    let mut doc = Document::new("t", "Ana met Bob and Cy there.");
    let ids = doc.add_entities([entity(8, 11, "PERSON"), entity(16, 18, "PERSON")]).expect("in order");
    assert_eq!(ids.len(), 2);
    doc.add_entities(vec![entity(0, 3, "PERSON"), entity(8, 11, "GPE")]).expect("before and beside");
    let order: Vec<(usize, &str)> = doc.entities().iter().map(|e| (e.start, e.label.as_str())).collect();
    assert_eq!(order, [(0, "PERSON"), (8, "GPE"), (8, "PERSON"), (16, "PERSON")]);
}

#[test]
fn a_bounded_log_keeps_only_the_latest_steps_to_undo_and_redo() {
    let mut doc = Document::new("t", "Ana met Bob and Cy in Oslo.");
    let mut history = History::default();
    for (start, end) in [(0, 3), (8, 11), (16, 18), (22, 26)] {
        history.apply(&mut doc, Command::AddEntity { start, end, label: "PERSON".into() }).expect("tag");
    }
    history.undo(&mut doc);
    history.keep_last(2);
    history.undo(&mut doc);
    history.undo(&mut doc);
    assert!(!history.can_undo(), "only two steps were kept to undo");
    let starts: Vec<usize> = doc.entities().iter().map(|e| e.start).collect();
    assert_eq!(starts, [0], "the oldest tag stays: its step was forgotten, not undone");
    for _ in 0..3 {
        history.redo(&mut doc);
    }
    assert_eq!(doc.entities().len(), 4, "every step undone can be redone");
    let mut short = History::default();
    let mut other = Document::new("u", "Ana met Bob.");
    short.apply(&mut other, Command::AddEntity { start: 0, end: 3, label: "PERSON".into() }).expect("tag");
    short.keep_last(5);
    assert!(short.can_undo(), "a log shorter than the bound keeps its step");
}
