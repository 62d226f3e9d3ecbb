//! The direct writer against the reference: `serde_json` over the owned file form, on random
//! documents (non-ASCII and control characters, accepted edits, absorbed edits, metadata,
//! entities with and without raw offsets and scores).

use proptest::prelude::*;

use super::write;
use crate::format::annotated::{to_file, to_json_line};
use crate::model::edit::AbsorbedEdit;
use crate::model::{DocStatus, Document, EditStatus, EntityStatus, NewEdit, NewEntity};

/// Texts of characters that exercise escaping and code point counting.
const TEXT: &str = "[a-z \\n\\t\\r\"\\\\/\\x00-\\x1f\\x7f\\u{e9}\\u{4e2d}\\u{1f600}\\u{2019}]{0,120}";
/// Short texts of the same characters.
const SHORT: &str = "[a-z \\n\\t\\r\"\\\\/\\x00-\\x1f\\x7f\\u{e9}\\u{4e2d}\\u{1f600}\\u{2019}]{0,8}";

/// The reference the direct writer must equal byte for byte.
fn reference(doc: &Document) -> String {
    serde_json::to_string(&to_file(doc)).expect("the file form serialises")
}

/// The character boundaries of `text`, end included.
fn boundaries(text: &str) -> Vec<usize> {
    text.char_indices().map(|(b, _)| b).chain([text.len()]).collect()
}

/// A byte range of `text` on character boundaries, from two random picks.
fn range(text: &str, a: usize, b: usize) -> (usize, usize) {
    let cuts = boundaries(text);
    let (x, y) = (cuts[a % cuts.len()], cuts[b % cuts.len()]);
    (x.min(y), x.max(y))
}

/// Everything a random document is built from.
#[derive(Debug, Clone)]
struct Recipe {
    raw: String,
    edits: Vec<(usize, usize, String, u8)>,
    absorbed: Vec<(usize, usize, usize, String)>,
    entities: Vec<(usize, usize, u8, Option<f32>)>,
    words: Vec<String>,
    flags: u8,
}

/// Random recipes.
fn recipes() -> impl Strategy<Value = Recipe> {
    let score = prop_oneof![Just(None), (0.0f32..1.0).prop_map(Some), Just(Some(f32::NAN)), Just(Some(0.7f32))];
    (
        TEXT,
        prop::collection::vec((0usize..200, 0usize..200, SHORT, 0u8..3), 0..12),
        prop::collection::vec((0usize..12, 0usize..200, 0usize..200, SHORT), 0..3),
        prop::collection::vec((0usize..200, 0usize..200, 0u8..4, score), 0..12),
        prop::collection::vec(SHORT, 6),
        any::<u8>(),
    )
        .prop_map(|(raw, edits, absorbed, entities, words, flags)| Recipe {
            raw,
            edits,
            absorbed,
            entities,
            words,
            flags,
        })
}

/// The edit status numbered `n`.
fn edit_status(n: u8) -> EditStatus {
    [EditStatus::Pending, EditStatus::Accepted, EditStatus::Rejected][usize::from(n % 3)]
}

/// Builds the document a recipe describes (conflicting edits and entities are simply refused).
fn build(r: &Recipe) -> Document {
    let mut doc = Document::new(r.words[0].clone(), r.raw.clone());
    let edits = r.edits.iter().map(|(a, b, replacement, status)| {
        let (start, end) = range(&r.raw, *a, *b);
        let reason = format!("{} {}", r.words[1], replacement);
        NewEdit {
            start,
            end,
            replacement: replacement.clone(),
            origin: r.words[2].clone(),
            status: edit_status(*status),
            reason,
        }
    });
    doc.add_edits(edits);
    add_absorbs(&mut doc, r);
    let statuses = [EntityStatus::Pending, EntityStatus::Accepted, EntityStatus::Rejected, EntityStatus::NeedsReview];
    let cleaned = doc.cleaned().to_string();
    let entities: Vec<NewEntity> = r
        .entities
        .iter()
        .map(|(a, b, status, score)| {
            let (start, end) = range(&cleaned, *a, *b);
            let label = doc.labels[*a % doc.labels.len()].as_str().into();
            NewEntity {
                start,
                end,
                label,
                origin: r.words[3].as_str().into(),
                status: statuses[usize::from(*status)],
                score: *score,
            }
        })
        .collect();
    for entity in entities {
        // One at a time, so that an overlap refuses only that entity.
        doc.add_entities([entity]).ok();
    }
    describe(&mut doc, r);
    doc
}

/// Gives some edits records of edits they absorbed.
fn add_absorbs(doc: &mut Document, r: &Recipe) {
    if doc.edits().is_empty() || r.absorbed.is_empty() {
        return;
    }
    let mut lists = vec![Vec::new(); doc.edits().len()];
    for (i, a, b, replacement) in &r.absorbed {
        let (start, end) = range(&r.raw, *a, *b);
        let status = edit_status(*i as u8);
        let origin = r.words[4].clone();
        let count = lists.len();
        lists[i % count].push(AbsorbedEdit { start, end, replacement: replacement.clone(), origin, status });
    }
    doc.set_absorbs(lists);
}

/// Sets the optional and free-form members from the recipe's flags.
fn describe(doc: &mut Document, r: &Recipe) {
    let on = |bit: u8| r.flags & (1 << bit) != 0;
    doc.source.path = on(0).then(|| r.words[1].clone());
    doc.source.corpus = on(1).then(|| r.words[2].clone());
    doc.source.line = on(2).then_some(u64::from(r.flags) * 1_000_003);
    doc.source.encoding = on(3).then(|| "windows-1252".to_string());
    if on(4) {
        doc.meta = serde_json::json!({"id": r.words[5], "n": r.flags, "x": 0.1, "nested": {"b": [1, null, "\u{1}"]}});
    }
    doc.annotator = r.words[5].clone();
    doc.status = DocStatus::ALL[usize::from(r.flags >> 5) % DocStatus::ALL.len()];
    doc.labels.push(r.words[4].clone());
}

proptest! {
    #[test]
    fn writes_what_serde_json_writes_of_the_file_form(recipe in recipes()) {
        let doc = build(&recipe);
        prop_assert_eq!(write(&doc).expect("written"), reference(&doc));
    }
}

#[test]
fn plain_and_empty_documents() {
    for raw in ["", "plain ASCII", "Café “quoted” \\ back\nslash\u{0}"] {
        let doc = Document::new("id", raw);
        assert_eq!(to_json_line(&doc), reference(&doc));
    }
}

#[test]
fn a_cleaned_and_annotated_article() {
    let raw = "Click here to subscribe!\n\nBy Anna Kowalska  \nJuly 21, 2026\n\n“Hello,” said Jonas Silva of Atlas Bank.\r\nShare this article";
    let mut doc = Document::new("a", raw);
    doc.add_edits(crate::clean::Cleaner::builtin().suggest(doc.raw()));
    let start = doc.cleaned().find("Jonas Silva").expect("the name survives cleaning");
    let person = NewEntity {
        start,
        end: start + "Jonas Silva".len(),
        label: "PERSON".into(),
        origin: "test".into(),
        status: EntityStatus::Pending,
        score: Some(0.75),
    };
    doc.add_entities([person]).expect("entity");
    assert!(!doc.edits().is_empty() && doc.entities()[0].start > 0);
    assert_eq!(to_json_line(&doc), reference(&doc));
}
