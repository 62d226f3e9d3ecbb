//! Property tests: random texts (emoji, combining marks, CJK, CRLF) and random sequences of
//! accept / reject / hand edit / tag commands keep every model invariant, undo and redo are exact,
//! and save → load is lossless.

use proptest::prelude::*;
use redline::format::annotated;
use redline::model::{Command, Document, EditStatus, EntityStatus, History, NewEdit};
use std::path::Path;

/// Pieces random texts are built from: ASCII words, multi-byte letters, emoji, marks, line breaks.
const PIECES: [&str; 14] =
    ["a", "Bob ", "é", "e\u{301}", "👍", "🇫🇮", "北京", " ", "\r\n", "\n", "—", "x", "Zoë ", "\u{a0}"];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES.to_vec()), 0..40).prop_map(|v| v.concat())
}

/// A random byte position on a character boundary of `s`, from a fraction in 0..=1000.
fn boundary(s: &str, frac: u32) -> usize {
    let mut pos = s.len() * frac as usize / 1000;
    while !s.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}

#[derive(Debug, Clone)]
enum Op {
    Status(u32, u8),
    Manual(u32, u32, String),
    Tag(u32, u32),
    Relabel(u32),
    Reject(u32),
    Undo,
    Redo,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (any::<u32>(), 0u8..3).prop_map(|(i, s)| Op::Status(i, s)),
        (0u32..=1000, 0u32..=1000, prop::sample::select(vec!["", "X", "é👍", "\n", "North "]))
            .prop_map(|(a, b, t)| Op::Manual(a, b, t.to_string())),
        (0u32..=1000, 0u32..=1000).prop_map(|(a, b)| Op::Tag(a, b)),
        any::<u32>().prop_map(Op::Relabel),
        any::<u32>().prop_map(Op::Reject),
        Just(Op::Undo),
        Just(Op::Redo),
    ]
}

fn suggestions(raw: &str, cuts: &[(u32, u32, u8)]) -> Vec<NewEdit> {
    cuts.iter()
        .map(|&(a, b, r)| {
            let (s, e) = (boundary(raw, a.min(b)), boundary(raw, a.max(b)));
            let replacement = ["", " ", "—"][usize::from(r % 3)].to_string();
            NewEdit {
                start: s,
                end: e,
                replacement,
                origin: "rule".into(),
                status: EditStatus::Pending,
                reason: "r".into(),
            }
        })
        .collect()
}

fn to_command(doc: &Document, op: &Op) -> Option<Command> {
    let cleaned = doc.cleaned();
    match op {
        Op::Status(i, s) => {
            let edit = doc.edits().get(*i as usize % doc.edits().len().max(1))?;
            let status = [EditStatus::Pending, EditStatus::Accepted, EditStatus::Rejected][usize::from(*s)];
            Some(Command::SetEditStatus { ids: vec![edit.id], status })
        }
        Op::Manual(a, b, t) => {
            let (s, e) = (boundary(cleaned, *a.min(b)), boundary(cleaned, *a.max(b)));
            Some(Command::ManualEdit { start: s, end: e, text: t.clone() })
        }
        Op::Tag(a, b) => {
            let (s, e) = (boundary(cleaned, *a.min(b)), boundary(cleaned, *a.max(b)));
            (s < e).then(|| Command::AddEntity { start: s, end: e, label: "PERSON".into() })
        }
        Op::Relabel(i) => {
            let e = doc.entities().get(*i as usize % doc.entities().len().max(1))?;
            Some(Command::SetEntityLabel { id: e.id, label: "ORG".into() })
        }
        Op::Reject(i) => {
            let e = doc.entities().get(*i as usize % doc.entities().len().max(1))?;
            Some(Command::SetEntityStatus { ids: vec![e.id], status: EntityStatus::Rejected })
        }
        Op::Undo | Op::Redo => None,
    }
}

fn check_invariants(doc: &Document) -> Result<(), TestCaseError> {
    let raw = doc.raw();
    let mut expected = String::new();
    let mut at = 0;
    for pair in doc.edits().windows(2) {
        prop_assert!(pair[0].end <= pair[1].start, "edits overlap: {:?}", pair);
        prop_assert!(!(pair[0].start == pair[1].start && pair[0].end == pair[1].end));
    }
    for e in doc.edits() {
        prop_assert!(raw.is_char_boundary(e.start) && raw.is_char_boundary(e.end) && e.start <= e.end);
        if e.status == EditStatus::Accepted {
            expected.push_str(&raw[at..e.start]);
            expected.push_str(&e.replacement);
            at = e.end;
        }
    }
    expected.push_str(&raw[at..]);
    prop_assert_eq!(doc.cleaned(), expected.as_str());
    for e in doc.entities() {
        prop_assert!(e.start <= e.end && e.end <= doc.cleaned().len());
        prop_assert!(doc.cleaned().is_char_boundary(e.start) && doc.cleaned().is_char_boundary(e.end));
        prop_assert!(e.start < e.end || e.status == EntityStatus::NeedsReview);
        if let Some((rs, re)) = doc.entity_raw_range(e) {
            prop_assert_eq!(&raw[rs..re], &doc.cleaned()[e.start..e.end]);
        }
    }
    Ok(())
}

fn snapshot(doc: &Document) -> (String, String, String) {
    let file = annotated::to_file(doc);
    let edits = serde_json::to_string(&file.edits).unwrap_or_default();
    let entities = serde_json::to_string(&file.entities).unwrap_or_default();
    (doc.cleaned().to_string(), edits, entities)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn commands_keep_invariants_and_undo_is_exact(
        raw in text(),
        cuts in prop::collection::vec((0u32..=1000, 0u32..=1000, any::<u8>()), 0..8),
        ops in prop::collection::vec(op(), 0..25),
    ) {
        let mut doc = Document::new("doc", raw.clone());
        doc.add_edits(suggestions(&raw, &cuts));
        check_invariants(&doc)?;
        let start = snapshot(&doc);
        let mut history = History::default();
        let mut states = vec![start.clone()];
        for op in &ops {
            match op {
                Op::Undo => { if history.undo(&mut doc).is_some() { states.pop(); } }
                Op::Redo => { if history.redo(&mut doc).is_some() { states.push(snapshot(&doc)); } }
                _ => {
                    if let Some(cmd) = to_command(&doc, op)
                        && history.apply(&mut doc, cmd).unwrap_or(false) {
                            states.push(snapshot(&doc));
                        }
                }
            }
            check_invariants(&doc)?;
            prop_assert_eq!(states.last(), Some(&snapshot(&doc)), "state after {:?}", op);
        }
        while history.redo(&mut doc).is_some() {}
        check_invariants(&doc)?;
        let end = snapshot(&doc);
        let json = annotated::to_json(&doc);
        let loaded = annotated::from_json(&json, Path::new("mem.json"));
        prop_assert!(loaded.is_ok(), "{:?}", loaded.err());
        if let Ok(loaded) = loaded {
            prop_assert_eq!(annotated::to_json(&loaded), json, "save -> load -> save is lossless");
        }
        while history.undo(&mut doc).is_some() {}
        prop_assert_eq!(snapshot(&doc), start);
        while history.redo(&mut doc).is_some() {}
        prop_assert_eq!(snapshot(&doc), end);
    }
}
