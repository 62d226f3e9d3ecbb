//! Every kind of hostile input, through the command line (exit code 2, a message naming the file,
//! never a panic) and through the library the GUI uses (an `Error` naming the file, never a panic).

use std::path::{Path, PathBuf};
use std::process::Command;

use redline::format::annotated;
use redline::input::{Collection, Encoding};
use redline::model::{Document, EditStatus, EntityStatus, NewEdit, NewEntity};
use serde_json::{Value, json};

/// What a hostile input must produce.
enum Expect {
    /// Refused with exit code 2 and a message containing these words.
    Refused(&'static str),
    /// Opened fine (exit 0).
    Opened,
}

/// One row of the table: a file name, its bytes, extra arguments, and the expected outcome.
struct Case {
    file: &'static str,
    bytes: Vec<u8>,
    args: &'static [&'static str],
    expect: Expect,
}

fn utf16le_with_bom(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

/// A valid annotated document with an accepted edit and an entity, as a JSON value to break.
fn good_annotated() -> Value {
    let raw = "Café owner Zoë Brun opened.\n\n\n\nShare this";
    let (tail, name) = (raw.find("\n\n").expect("tail"), raw.find("Zoë Brun").expect("name"));
    let mut doc = Document::new("café-story", raw);
    doc.labels = vec!["PERSON".into()];
    doc.add_edits([NewEdit {
        start: tail,
        end: raw.len(),
        replacement: "\n".into(),
        origin: "tail".into(),
        status: EditStatus::Accepted,
        reason: "share widget".into(),
    }]);
    doc.add_entities([NewEntity {
        start: name,
        end: name + "Zoë Brun".len(),
        label: "PERSON".into(),
        origin: "manual".into(),
        status: EntityStatus::Accepted,
        score: None,
    }])
    .expect("entity");
    serde_json::from_str(&annotated::to_json(&doc)).expect("json")
}

fn broken(change: impl Fn(&mut Value)) -> Vec<u8> {
    let mut value = good_annotated();
    change(&mut value);
    serde_json::to_vec_pretty(&value).expect("json")
}

fn cases() -> Vec<Case> {
    let good = serde_json::to_vec_pretty(&good_annotated()).expect("json");
    vec![
        Case { file: "empty.txt", bytes: vec![], args: &[], expect: Expect::Refused("empty") },
        Case { file: "blank.txt", bytes: b"\xEF\xBB\xBF \r\n\t\n".to_vec(), args: &[], expect: Expect::Refused("empty") },
        Case {
            file: "picture.txt",
            bytes: b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0".to_vec(),
            args: &[],
            expect: Expect::Refused("binary"),
        },
        Case { file: "nul.txt", bytes: b"News\0wire".to_vec(), args: &[], expect: Expect::Refused("NUL byte") },
        Case { file: "latin1.txt", bytes: b"Caf\xe9 cr\xe8me".to_vec(), args: &[], expect: Expect::Refused("--encoding") },
        Case { file: "latin1-asked.txt", bytes: b"Caf\xe9 \x93q\x94".to_vec(), args: &["--encoding", "windows-1252"], expect: Expect::Opened },
        Case { file: "utf16-bom.txt", bytes: utf16le_with_bom("Zoë wrote 👍\r\n"), args: &[], expect: Expect::Opened },
        Case {
            file: "utf16-no-bom.txt",
            bytes: "Plain words here".encode_utf16().flat_map(u16::to_le_bytes).collect(),
            args: &[],
            expect: Expect::Refused("byte-order mark"),
        },
        Case { file: "odd-utf16.txt", bytes: b"\xFF\xFEa\0b".to_vec(), args: &[], expect: Expect::Refused("truncated") },
        Case { file: "crlf.txt", bytes: b"Title\r\n\r\n\r\n\r\nBody\rlone CR\r\n".to_vec(), args: &[], expect: Expect::Opened },
        Case { file: "good.json", bytes: good.clone(), args: &[], expect: Expect::Opened },
        Case { file: "truncated.json", bytes: good[..good.len() / 2].to_vec(), args: &[], expect: Expect::Refused("not valid JSON") },
        Case {
            file: "past-end.json",
            bytes: broken(|v| v["edits"][0]["end"] = json!(4000)),
            args: &[],
            expect: Expect::Refused("past the end"),
        },
        Case {
            file: "mid-char.json",
            bytes: broken(|v| {
                v["entities"][0]["raw_start"] = json!(13);
            }),
            args: &[],
            expect: Expect::Refused("raw_start"),
        },
        Case {
            file: "overlap.json",
            bytes: broken(|v| {
                let mut second = v["edits"][0].clone();
                second["start"] = json!(30);
                second["status"] = json!("pending");
                v["edits"].as_array_mut().expect("edits").push(second);
            }),
            args: &[],
            expect: Expect::Refused("overlap"),
        },
        Case {
            file: "unknown-label.json",
            bytes: broken(|v| v["entities"][0]["label"] = json!("VILLAIN")),
            args: &[],
            expect: Expect::Refused("not in labels"),
        },
        Case {
            file: "future.json",
            bytes: broken(|v| v["format"] = json!("redline.annotated/2")),
            args: &[],
            expect: Expect::Refused("newer"),
        },
        Case {
            file: "wrong-type.json",
            bytes: broken(|v| v["edits"] = json!({"start": -1})),
            args: &[],
            expect: Expect::Refused("field error"),
        },
        Case { file: "not-redline.json", bytes: b"[1, 2, 3]".to_vec(), args: &[], expect: Expect::Refused("not a Redline") },
        Case { file: "annotated-latin1.json", bytes: b"{\"format\": \"caf\xe9\"}".to_vec(), args: &[], expect: Expect::Refused("UTF-8") },
        Case {
            file: "corpus.jsonl",
            bytes: b"{\"id\":\"one\",\"text\":\"First story.\"}\n{\"id\":\"two\",\"text\":\"cut off\n{\"id\":\"three\",\"text\":\"Third story.\"}\n".to_vec(),
            args: &[],
            expect: Expect::Refused("corpus.jsonl:2"),
        },
        Case {
            file: "nul-corpus.jsonl",
            bytes: b"{\"text\":\"a\\u0000b\"}\n".to_vec(),
            args: &[],
            expect: Expect::Refused("NUL"),
        },
        Case { file: "not-object.jsonl", bytes: b"[\"text\"]\n".to_vec(), args: &[], expect: Expect::Refused("JSON object") },
    ]
}

fn redline(args: &[&str], paths: &[&Path]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_redline")).args(args).args(paths).output().expect("run redline");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn write_case(dir: &Path, case: &Case) -> PathBuf {
    let path = dir.join(case.file);
    std::fs::write(&path, &case.bytes).expect("fixture");
    path
}

#[test]
fn every_hostile_input_through_the_command_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    for case in cases() {
        let path = write_case(dir.path(), &case);
        let args: Vec<&str> = ["suggest"].iter().chain(case.args).copied().collect();
        let (code, stdout, stderr) = redline(&args, &[&path]);
        assert!(!stderr.contains("panicked"), "{}: {stderr}", case.file);
        match case.expect {
            Expect::Refused(words) => {
                assert_eq!(code, 2, "{}: {stderr}", case.file);
                assert!(stderr.contains(case.file), "{}: message does not name the file: {stderr}", case.file);
                assert!(stderr.contains(words), "{}: expected {words:?} in {stderr}", case.file);
            }
            Expect::Opened => {
                assert_eq!(code, 0, "{}: {stderr}", case.file);
                let out = dir.path().join(format!("{}.out.json", case.file));
                std::fs::write(&out, &stdout).expect("output");
                let (code, _, stderr) = redline(&["validate"], &[&out]);
                assert_eq!(code, 0, "{}: its suggest output does not validate: {stderr}", case.file);
            }
        }
        assert_eq!(std::fs::read(&path).ok(), Some(case.bytes.clone()), "{}: the input was changed", case.file);
    }
}

#[test]
fn every_hostile_input_through_the_library() {
    let dir = tempfile::tempdir().expect("tempdir");
    for case in cases() {
        let path = write_case(dir.path(), &case);
        let encoding = if case.args.is_empty() { Encoding::Utf8 } else { Encoding::Windows1252 };
        let collection = Collection::open(std::slice::from_ref(&path)).expect("open");
        let results: Vec<_> = collection.entries.iter().map(|e| e.load(encoding)).collect();
        let errors: Vec<String> = results.iter().filter_map(|r| r.as_ref().err()).map(ToString::to_string).collect();
        match case.expect {
            Expect::Refused(words) => {
                assert!(!errors.is_empty(), "{}: was accepted", case.file);
                for err in &errors {
                    assert!(err.contains(case.file) && err.contains(words), "{}: {err}", case.file);
                }
            }
            Expect::Opened => assert!(errors.is_empty(), "{}: {errors:?}", case.file),
        }
    }
}

#[test]
fn a_broken_corpus_line_does_not_hide_the_others() {
    let dir = tempfile::tempdir().expect("tempdir");
    let case = cases().into_iter().find(|c| c.file == "corpus.jsonl").expect("case");
    let path = write_case(dir.path(), &case);
    let (code, stdout, stderr) = redline(&["suggest"], &[&path]);
    assert_eq!(code, 2);
    let ids: Vec<String> = stdout
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("line")["id"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(ids, ["one", "three"]);
    assert!(stderr.contains("corpus.jsonl:2") && stderr.contains("1 document(s) skipped"), "{stderr}");
}

#[test]
fn a_200_mb_single_line_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("dump.txt");
    let file = std::fs::File::create(&path).expect("create");
    // A sparse 200 MB file with no line break: the size is what is refused, so its bytes need not be written.
    file.set_len(200 << 20).expect("size");
    let (code, _, stderr) = redline(&["suggest"], &[&path]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("dump.txt") && stderr.contains("200 MB") && stderr.contains("split"), "{stderr}");
    let corpus = dir.path().join("dump.jsonl");
    let file = std::fs::File::create(&corpus).expect("create");
    file.set_len(200 << 20).expect("size");
    let err = Collection::open(&[corpus]).expect("index").entries[0].load(Encoding::Utf8).expect_err("refused");
    assert!(err.to_string().contains("dump.jsonl:1") && err.to_string().contains("200 MB"), "{err}");
}

#[test]
fn hostile_ids_are_saved_inside_the_output_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    for id in ["../../etc/passwd", "CON", "nul.json", "a/b\\c", "x\0y", "..", "", "/abs/path"] {
        let path = redline::storage::save_document(&out, &Document::new(id, "text")).expect("save");
        assert_eq!(path.parent(), Some(out.as_path()), "{id:?} -> {}", path.display());
        assert_eq!(annotated::load(&path).map(|d| d.id).ok().as_deref(), Some(id), "the id itself is kept");
    }
    let written = std::fs::read_dir(&out).expect("list").count();
    assert_eq!(written, 8, "distinct ids never overwrite each other");
    assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1, "nothing written beside the folder");
}

#[test]
fn an_unwritable_output_folder_is_a_clear_error_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let blocker = dir.path().join("out");
    std::fs::write(&blocker, "a file, not a folder").expect("blocker");
    let err = redline::storage::save_document(&blocker.join("ana"), &Document::new("d", "text")).expect_err("refused");
    assert!(err.to_string().contains("out"), "{err}");
    assert_eq!(std::fs::read_to_string(&blocker).ok().as_deref(), Some("a file, not a folder"));
}
