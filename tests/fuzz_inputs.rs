//! Fuzz smoke tests: random and mutated input for every loader and for the cleaner. Each must
//! return a result (never panic), and what it accepts must satisfy the format's invariants.
//!
//! `cargo test` runs a few hundred cases per target. For a long run, set `REDLINE_FUZZ_SECONDS`
//! (e.g. 600) and run `cargo test --test fuzz_inputs -- --nocapture`: each target then keeps
//! drawing fresh random seeds until the time is up and prints how many inputs it tried.

use std::path::Path;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use redline::clean::Cleaner;
use redline::format::annotated;
use redline::input::Encoding;
use redline::input::corpus::parse_record;
use redline::input::decode::decode;
use redline::model::{Document, EditStatus, EntityStatus, NewEdit, NewEntity};
use serde_json::{Value, json};

/// Cases per round: a few hundred keeps the whole file to a few seconds in a debug build.
const ROUND: u32 = 300;

/// Runs `test` on inputs from `strategy` for one round, or for `REDLINE_FUZZ_SECONDS` seconds.
fn fuzz<S: Strategy>(name: &str, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>) {
    let budget = std::env::var("REDLINE_FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).map(Duration::from_secs);
    let started = Instant::now();
    let mut runs: u64 = 0;
    loop {
        let config = Config { cases: ROUND, failure_persistence: None, ..Config::default() };
        if let Err(e) = TestRunner::new(config).run(&strategy, &test) {
            panic!("fuzz {name}: {e}");
        }
        runs += u64::from(ROUND);
        if budget.is_none_or(|b| started.elapsed() >= b) {
            break;
        }
    }
    eprintln!("fuzz {name}: {runs} inputs in {:.0?}, no failure", started.elapsed());
}

/// Text with the characters that break offset code: multi-byte, combining, emoji, CR, LF, tabs.
fn tricky_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(vec![
                "\n",
                "\r\n",
                "\r",
                " ",
                "\t",
                "é",
                "e\u{301}",
                "👍",
                "🇫🇮",
                "\u{feff}",
                "Share this"
            ])
            .prop_map(String::from),
            "[a-zA-Z .,]{1,8}",
            any::<char>().prop_map(String::from),
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

/// A valid annotated document built from random text, edits and one entity, as JSON.
fn annotated_value() -> impl Strategy<Value = Value> {
    (tricky_text(), any::<u64>(), any::<bool>()).prop_map(|(raw, seed, accept)| {
        let raw = if raw.is_empty() { "x".to_string() } else { raw };
        let mut doc = Document::new(format!("doc-{seed}"), raw.clone());
        doc.labels = vec!["ORG".into()];
        let mut edits = Cleaner::builtin().suggest(&raw);
        let cut = raw.char_indices().map(|(i, _)| i).nth((seed % 7) as usize).unwrap_or(0);
        if edits.iter().all(|e| e.start > cut) {
            edits.insert(
                0,
                NewEdit {
                    start: 0,
                    end: cut,
                    replacement: "X".into(),
                    origin: "test".into(),
                    status: EditStatus::Pending,
                    reason: String::new(),
                },
            );
        }
        for e in &mut edits {
            e.status = if accept { EditStatus::Accepted } else { EditStatus::Rejected };
        }
        let _problems = doc.add_edits(edits);
        let len = doc.cleaned().len();
        let end = doc.cleaned().char_indices().map(|(i, _)| i).find(|&i| i > 0).unwrap_or(len);
        let entity = NewEntity {
            start: 0,
            end,
            label: "ORG".into(),
            origin: "manual".into(),
            status: EntityStatus::Accepted,
            score: None,
        };
        if end > 0 {
            doc.add_entities([entity]).ok();
        }
        serde_json::from_str(&annotated::to_json(&doc)).unwrap_or(Value::Null)
    })
}

/// Replaces the value found by following `path` (each step picks a key or item, modulo its count).
fn mutate(node: &mut Value, path: &[usize], replacement: Value) {
    if let Some((&step, rest)) = path.split_first() {
        match node {
            Value::Object(map) if !map.is_empty() => {
                let key = map.keys().nth(step % map.len()).cloned().unwrap_or_default();
                if let Some(child) = map.get_mut(&key) {
                    return mutate(child, rest, replacement);
                }
            }
            Value::Array(items) if !items.is_empty() => {
                let len = items.len();
                return mutate(&mut items[step % len], rest, replacement);
            }
            _ => {}
        }
    }
    *node = replacement;
}

/// Text as UTF-16 with its byte-order mark.
fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
    for unit in text.encode_utf16() {
        bytes.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
    }
    bytes
}

fn json_scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<u32>().prop_map(|n| json!(n % 64)),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| json!(f)),
        tricky_text().prop_map(Value::String),
        Just(Value::Null),
        Just(json!([])),
        Just(json!({})),
        Just(json!("redline.annotated/2")),
        Just(json!("needs_review")),
    ]
}

#[test]
fn fuzz_raw_text_loader() {
    let encodings = prop_oneof![Just(Encoding::Utf8), Just(Encoding::Windows1252), Just(Encoding::Latin1)];
    let bytes = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..200),
        tricky_text().prop_map(String::into_bytes),
        (tricky_text(), any::<bool>()).prop_map(|(t, big)| utf16(&t, big)),
    ];
    fuzz("raw text loader", (bytes, encodings), |(bytes, encoding)| {
        match decode(&bytes, encoding, Path::new("f.txt")) {
            Ok(text) => {
                prop_assert!(!text.contains('\0') && !text.trim().is_empty());
                let doc = Document::new("f", text.clone());
                prop_assert_eq!(doc.cleaned(), text.as_str());
            }
            Err(e) => prop_assert!(e.to_string().starts_with("f.txt: "), "{}", e),
        }
        Ok(())
    });
}

#[test]
fn fuzz_annotated_json_loader() {
    let mutated = (annotated_value(), prop::collection::vec(any::<usize>(), 0..5), json_scalar());
    fuzz("annotated JSON loader", mutated, |(mut value, path, replacement)| {
        let untouched = value.clone();
        mutate(&mut value, &path, replacement);
        let text = serde_json::to_string_pretty(&value).unwrap_or_default();
        let mut half = text.len() / 2;
        while !text.is_char_boundary(half) {
            half -= 1;
        }
        for input in [text.as_str(), &text[..half]] {
            if let Ok(doc) = annotated::from_json(input, Path::new("a.json")) {
                let again = annotated::to_json(&doc);
                let reloaded = annotated::from_json(&again, Path::new("b.json"));
                prop_assert!(reloaded.is_ok(), "what loads must save and load again: {:?}", reloaded.err());
            }
        }
        prop_assert!(
            annotated::from_json(&untouched.to_string(), Path::new("c.json")).is_ok(),
            "the unmutated document loads"
        );
        Ok(())
    });
}

#[test]
fn fuzz_annotated_json_loader_with_random_bytes() {
    let bytes = prop::collection::vec(any::<u8>(), 0..300);
    fuzz("annotated JSON loader (bytes)", bytes, |bytes| {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            prop_assert!(annotated::from_json(text, Path::new("a.json")).is_err());
        }
        let _ = annotated::validate(&String::from_utf8_lossy(&bytes));
        Ok(())
    });
}

#[test]
fn fuzz_corpus_reader() {
    let line = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..120),
        (tricky_text(), json_scalar(), json_scalar()).prop_map(|(text, id, meta)| {
            json!({"text": text, "id": id, "meta": {"id": meta}}).to_string().into_bytes()
        }),
        (json_scalar(), any::<usize>()).prop_map(|(text, cut)| {
            let line = json!({"text": text}).to_string().into_bytes();
            line[..cut % (line.len() + 1)].to_vec()
        }),
    ];
    fuzz("JSONL corpus reader", line, |bytes| {
        if let Ok(record) = parse_record(&bytes) {
            prop_assert!(!record.text.contains('\0'));
            prop_assert!(record.id.as_ref().is_none_or(|id| !id.is_empty()));
        }
        Ok(())
    });
}

#[test]
fn fuzz_cleaner() {
    fuzz("cleaner", tricky_text(), |raw| {
        let proposals = Cleaner::builtin().propose(&raw);
        let mut previous_end = 0;
        for p in &proposals {
            prop_assert!(p.start >= previous_end && p.start <= p.end && p.end <= raw.len(), "{:?}", p);
            prop_assert!(raw.is_char_boundary(p.start) && raw.is_char_boundary(p.end));
            previous_end = p.end;
        }
        let mut doc = Document::new("c", raw.clone());
        let problems = doc.add_edits(Cleaner::builtin().suggest(&raw));
        prop_assert!(problems.is_empty(), "{:?}", problems);
        Ok(())
    });
}
