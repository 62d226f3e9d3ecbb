//! Fuzz smoke tests: random and mutated input for every loader, every importer, the user rules and
//! patterns files, and the cleaner. Each must
//! return a result (never panic), and what it accepts must satisfy the format's invariants.
//!
//! `cargo test` runs a few hundred cases per target. For a long run, set `REDLINE_FUZZ_SECONDS`
//! (e.g. 600) and run `cargo test --test fuzz_inputs -- --nocapture`: each target then keeps
//! drawing fresh random seeds until the time is up and prints how many inputs it tried.

use std::path::Path;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use redline::clean::{Cleaner, UserRules};
use redline::format::annotated;
use redline::input::Encoding;
use redline::input::corpus::parse_record;
use redline::input::decode::decode;
use redline::interop::{
    Format, ImportOptions, Record, Written, brat, build, conll, doccano, export, label_studio, pairs, spacy,
};
use redline::model::{DocStatus, Document, EditStatus, EntityStatus, NewEdit, NewEntity};
use redline::suggest::patterns::Patterns;
use redline::suggest::tokens::Tokens;
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

/// The labels the importer targets accept.
const LABELS: [&str; 3] = ["PERSON", "ORG", "GPE"];

/// Import options with [`LABELS`].
fn import_options(as_suggestions: bool) -> ImportOptions {
    ImportOptions {
        labels: LABELS.iter().map(|l| l.to_string()).collect(),
        as_suggestions,
        annotator: "fuzz".into(),
        offset_unit: None,
    }
}

/// A document with accepted entities at random places (ids made of words so exports keep them).
fn entity_document() -> impl Strategy<Value = Document> {
    let words = prop::collection::vec(prop_oneof![3 => "[A-Z][a-z]{1,6}", 1 => tricky_text()], 1..12);
    let spans = prop::collection::vec((any::<usize>(), 1..3usize, 0..LABELS.len()), 0..4);
    (words, spans, any::<bool>()).prop_map(|(words, spans, accept_cleaning)| {
        let raw = words.join(" ");
        let raw = if raw.trim().is_empty() { "Harbor".to_string() } else { raw };
        let mut doc = Document::new("fuzz-doc", raw.clone());
        doc.labels = LABELS.iter().map(|l| l.to_string()).collect();
        let mut edits = Cleaner::builtin().suggest(&raw);
        for e in &mut edits {
            e.status = if accept_cleaning { EditStatus::Accepted } else { EditStatus::Pending };
        }
        let _problems = doc.add_edits(edits);
        let bounds: Vec<usize> = doc.cleaned().char_indices().map(|(i, _)| i).collect();
        for (at, len, label) in spans {
            let Some(&start) = bounds.get(at % bounds.len().max(1)) else { continue };
            let end = bounds.get(bounds.partition_point(|&b| b <= start) + len - 1).copied();
            let end = end.unwrap_or(doc.cleaned().len());
            let entity = NewEntity {
                start,
                end,
                label: LABELS[label].into(),
                origin: "manual".into(),
                status: EntityStatus::Accepted,
                score: None,
            };
            let _overlap = doc.add_entities([entity]);
        }
        doc.status = DocStatus::Done;
        doc
    })
}

/// Byte-level mutations: (position, bytes removed, snippet inserted), applied in turn.
fn mutations() -> impl Strategy<Value = Vec<(usize, usize, Vec<u8>)>> {
    let snippet = prop_oneof![
        prop::sample::select(vec![
            "",
            "\"",
            "\\",
            "]",
            "[",
            "{",
            "}",
            ",",
            ":",
            "-1",
            "0",
            "7",
            "99999999999999999999",
            "1e400",
            "null",
            "\n",
            "\r\n",
            "\t",
            " ",
            "\u{0}",
            "🇫🇮",
            "é",
            "B-",
            "I-",
            "O",
            "T1\t",
            ";",
            "PERSON",
            "LOC",
            "\u{feff}",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
        prop::collection::vec(any::<u8>(), 0..4),
    ];
    prop::collection::vec((any::<usize>(), 0..6usize, snippet), 0..4)
}

/// Applies [`mutations`] to bytes.
fn mutated(mut bytes: Vec<u8>, edits: &[(usize, usize, Vec<u8>)]) -> Vec<u8> {
    for (at, remove, insert) in edits {
        let at = at % (bytes.len() + 1);
        let end = (at + remove).min(bytes.len());
        bytes.splice(at..end, insert.iter().copied());
    }
    bytes
}

/// Checks what an importer accepted: the document saves as annotated JSON and loads again.
fn check_imported(parsed: Vec<Result<Record, redline::Error>>, as_suggestions: bool) -> Result<(), TestCaseError> {
    for record in parsed {
        let Ok(record) = record else { continue };
        if let Ok(doc) = build(record, &import_options(as_suggestions)) {
            let json = annotated::to_json(&doc);
            let reloaded = annotated::from_json(&json, Path::new("imported.json"));
            prop_assert!(reloaded.is_ok(), "an imported document must save and load: {:?}", reloaded.err());
        }
    }
    Ok(())
}

/// Fuzzes the importer of a single-file `format` with mutated exports and with random bytes.
fn fuzz_text_importer(format: Format, read: fn(&Path, &str) -> Vec<Result<Record, redline::Error>>) {
    let exported = (prop::collection::vec(entity_document(), 1..3), mutations()).prop_map(move |(docs, edits)| {
        match export(format, &docs, true).written {
            Written::File(bytes) => mutated(bytes, &edits),
            Written::Folder(_) => Vec::new(),
        }
    });
    let input = prop_oneof![4 => exported, 1 => prop::collection::vec(any::<u8>(), 0..200)];
    fuzz(&format!("{} importer", format.name()), (input, any::<bool>()), |(bytes, as_suggestions)| {
        let text = String::from_utf8_lossy(&bytes);
        check_imported(read(Path::new("in.file"), &text), as_suggestions)
    });
}

#[test]
fn fuzz_spacy_importer() {
    fuzz_text_importer(Format::Spacy, spacy::read);
}

#[test]
fn fuzz_doccano_importer() {
    fuzz_text_importer(Format::Doccano, |path, text| doccano::read(path, text, None, &mut Vec::new()));
}

#[test]
fn fuzz_label_studio_importer() {
    fuzz_text_importer(Format::LabelStudio, label_studio::read);
}

#[test]
fn fuzz_conll_importer() {
    fuzz_text_importer(Format::Conll, conll::read);
}

#[test]
fn fuzz_cleaning_pairs_importer() {
    fuzz_text_importer(Format::CleaningPairs, pairs::read);
}

#[test]
fn fuzz_brat_importer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = (entity_document(), mutations(), any::<bool>());
    fuzz("brat importer", input, |(doc, edits, mutate_text)| {
        let Written::Folder(files) = export(Format::Brat, std::slice::from_ref(&doc), true).written else {
            return Ok(());
        };
        for (name, bytes) in files {
            let mutate = name.ends_with(".ann") != mutate_text;
            let bytes = if mutate { mutated(bytes, &edits) } else { bytes };
            std::fs::write(dir.path().join(name), bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        }
        let parsed = brat::read(dir.path());
        for item in std::fs::read_dir(dir.path()).map_err(|e| TestCaseError::fail(e.to_string()))? {
            let _gone = item.map(|i| std::fs::remove_file(i.path()));
        }
        match parsed {
            Ok(records) => check_imported(records, false),
            Err(e) => Err(TestCaseError::fail(format!("an existing folder must be readable: {e}"))),
        }
    });
}

/// Regex-like text: groups, classes, repetitions (some huge), anchors and escapes.
fn regex_text() -> impl Strategy<Value = String> {
    let part = prop_oneof![
        prop::sample::select(vec![
            "(",
            ")",
            "(?:",
            "(?i)",
            "[",
            "]",
            "[^",
            "{1000}",
            "{2,}",
            "{,3}",
            "{99999}",
            "*",
            "+",
            "?",
            "|",
            "^",
            "$",
            "\\",
            "\\d",
            "\\w",
            "\\b",
            "\\p{L}",
            "\\pL",
            "\\x{110000}",
            ".",
            "a",
            "Harbor",
            " ",
            "—",
            "$1",
            "é",
            "\\n",
        ])
        .prop_map(String::from),
        "[a-z]{1,3}",
    ];
    prop::collection::vec(part, 0..12).prop_map(|parts| parts.concat())
}

/// The text of a user rules file: well-formed rules with random patterns, or random bytes.
fn rules_file() -> impl Strategy<Value = String> {
    let action = prop::sample::select(vec!["delete_line", "delete_match", "replace", "explode"]);
    let rule = ("[a-z-]{0,6}", action, regex_text(), prop::option::of(regex_text()), any::<bool>()).prop_map(
        |(id, action, pattern, replacement, case_insensitive)| {
            json!({"id": id, "description": "d", "action": action, "pattern": pattern,
                   "replacement": replacement, "case_insensitive": case_insensitive})
        },
    );
    prop_oneof![
        4 => prop::collection::vec(rule, 0..4).prop_map(|rules| json!({ "rules": rules }).to_string()),
        1 => prop::collection::vec(any::<u8>(), 0..200).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ]
}

#[test]
fn fuzz_user_rules_parser() {
    fuzz("user rules parser", (rules_file(), mutations(), tricky_text()), |(file, edits, raw)| {
        let file = String::from_utf8_lossy(&mutated(file.into_bytes(), &edits)).into_owned();
        let started = Instant::now();
        let parsed = UserRules::parse(&file);
        prop_assert!(started.elapsed() < Duration::from_secs(20), "parsing took {:?}", started.elapsed());
        if let Ok(rules) = parsed {
            let cleaner = Cleaner::builtin().with_user_rules(rules.rules);
            let mut doc = Document::new("u", raw.clone());
            let problems = doc.add_edits(cleaner.suggest(&raw));
            prop_assert!(problems.is_empty(), "{:?}", problems);
        }
        Ok(())
    });
}

/// One line of a patterns file: a phrase or a token pattern with random attributes, or random text.
fn pattern_line() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "ORTH", "TEXT", "LOWER", "NORM", "LENGTH", "IS_ALPHA", "IS_DIGIT", "IS_TITLE", "IS_PUNCT", "LIKE_NUM", "OP",
        "SHAPE",
    ]);
    let value = prop_oneof![
        json_scalar(),
        Just(json!(true)),
        prop::sample::select(vec!["!", "?", "+", "*", "{2}", "{1,3}", "{2,}", "{,2}", "{3,1}", "{99999999999}"])
            .prop_map(|s| json!(s)),
        regex_text().prop_map(|r| json!({ "REGEX": r })),
        prop::collection::vec(tricky_text(), 0..3).prop_map(|v| json!({ "IN": v })),
        prop::collection::vec(tricky_text(), 0..3).prop_map(|v| json!({ "NOT_IN": v })),
    ];
    let token = prop::collection::btree_map(key, value, 0..3).prop_map(|m| json!(m));
    let label = prop::sample::select(vec!["PERSON", "ORG", "GPE", "DATE"]);
    prop_oneof![
        (label.clone(), tricky_text()).prop_map(|(l, p)| json!({"label": l, "pattern": p}).to_string()),
        (label, prop::collection::vec(token, 0..4)).prop_map(|(l, p)| json!({"label": l, "pattern": p}).to_string()),
        tricky_text(),
    ]
}

#[test]
fn fuzz_patterns_parser() {
    let file = prop::collection::vec(pattern_line(), 0..4).prop_map(|lines| lines.join("\n"));
    let labels: Vec<String> = LABELS.iter().map(|l| l.to_string()).collect();
    fuzz("patterns parser", (file, mutations(), tricky_text()), |(file, edits, text)| {
        let file = String::from_utf8_lossy(&mutated(file.into_bytes(), &edits)).into_owned();
        if let Ok(patterns) = Patterns::parse(&file, &labels) {
            for c in patterns.find(&Tokens::new(&text)) {
                prop_assert!(c.start < c.end && c.end <= text.len(), "{:?}", c);
                prop_assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
                prop_assert!(labels.iter().any(|l| l == c.label));
            }
        }
        Ok(())
    });
}
