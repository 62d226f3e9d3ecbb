//! `redline batch` through the real binary: folders to files, corpora to JSONL, the stdin stream
//! in input order with broken lines reported, and sharding (GNU parallel) giving the same result.

use std::io::Write as _;
use std::process::{Command, Output, Stdio};

use redline::format::annotated;

/// An article with a run of blank lines the cleaner proposes to collapse.
fn article(n: usize) -> String {
    format!("Headline number {n}\n\n\n\nThe council met on day {n} and voted.\nIt passed.\n")
}

/// Runs `redline batch ARGS` with `stdin` piped in.
fn batch(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_redline"))
        .arg("batch")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start redline");
    let mut input = child.stdin.take().expect("stdin");
    let text = stdin.to_string();
    let writer = std::thread::spawn(move || input.write_all(text.as_bytes()));
    let out = child.wait_with_output().expect("run redline");
    writer.join().expect("writer thread").ok();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"), "{}", String::from_utf8_lossy(&out.stderr));
    out
}

/// A JSONL stream of `n` records with ids `doc-0…`, line `broken` (1-based) replaced by broken JSON.
fn stream(n: usize, broken: Option<usize>) -> String {
    (0..n)
        .map(|i| {
            if Some(i + 1) == broken {
                "{\"text\": \"unterminated\n".to_string()
            } else {
                format!("{}\n", serde_json::json!({"id": format!("doc-{i}"), "text": article(i), "meta": {"n": i}}))
            }
        })
        .collect()
}

/// The ids of the annotated JSON lines in `stdout`, checking each line is a valid annotated document.
fn ids(stdout: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|line| annotated::validate(line).map(|d| d.id).unwrap_or_else(|e| panic!("invalid line {line}: {e:?}")))
        .collect()
}

#[test]
fn a_folder_becomes_one_annotated_file_per_document() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    for i in 0..30 {
        std::fs::write(input.join(format!("a{i:02}.txt")), article(i)).expect("write");
    }
    let out = dir.path().join("out");
    let run = batch(&[input.to_str().expect("path"), "-o", out.to_str().expect("path"), "-j", "2"], "");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let mut names: Vec<_> = std::fs::read_dir(&out).expect("list").map(|e| e.expect("entry").file_name()).collect();
    names.sort();
    assert_eq!(names.len(), 30);
    let doc = annotated::load(&out.join("a07.json")).expect("valid annotated JSON");
    assert_eq!(doc.raw(), article(7));
    assert_eq!(doc.edits().len(), 1, "the blank-line run is proposed");
    assert_eq!(doc.edits()[0].status, redline::model::EditStatus::Pending);
}

#[test]
fn a_corpus_with_a_broken_line_goes_to_jsonl_in_order_and_exits_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("news.jsonl");
    std::fs::write(&corpus, stream(40, Some(17))).expect("write");
    let out = dir.path().join("result").join("all.jsonl");
    let run = batch(&[corpus.to_str().expect("path"), "--jsonl", out.to_str().expect("path")], "");
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("news.jsonl:17:"), "the broken line is named: {stderr}");
    assert!(stderr.contains("1 of 40 document(s) failed"), "{stderr}");
    let got = ids(&std::fs::read(&out).expect("jsonl written"));
    let want: Vec<String> = (0..40).filter(|&i| i != 16).map(|i| format!("doc-{i}")).collect();
    assert_eq!(got, want);
}

#[test]
fn stdin_stream_keeps_input_order_and_reports_broken_lines() {
    let run = batch(&["-", "-j", "3"], &stream(300, Some(120)));
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("<stdin>:120:"), "{stderr}");
    let want: Vec<String> = (0..300).filter(|&i| i != 119).map(|i| format!("doc-{i}")).collect();
    assert_eq!(ids(&run.stdout), want);
    let first =
        annotated::validate(String::from_utf8_lossy(&run.stdout).lines().next().expect("a line")).expect("valid");
    assert_eq!(first.meta["n"], 0, "meta is carried over");
    assert_eq!(first.source.line, Some(1));
}

#[test]
fn stdin_cannot_be_mixed_with_files() {
    let run = batch(&["-", "x.txt"], "");
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("cannot be combined"));
}

#[test]
fn a_folder_that_cannot_be_created_stops_the_batch_with_exit_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "not a folder").expect("write");
    let out = blocker.join("out");
    let run = batch(&["-", "-o", out.to_str().expect("path")], &stream(5, None));
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("file"), "{}", String::from_utf8_lossy(&run.stderr));
}

#[test]
fn shards_run_separately_give_the_same_lines_as_one_run() {
    let all = stream(120, None);
    let whole = batch(&["-"], &all);
    let lines: Vec<&str> = all.lines().collect();
    let mut sharded = Vec::new();
    for shard in lines.chunks(50) {
        sharded.extend(ids(&batch(&["-", "-j", "1"], &(shard.join("\n") + "\n")).stdout));
    }
    assert_eq!(ids(&whole.stdout), sharded);
}

#[test]
fn runs_under_gnu_parallel_across_shards() {
    if Command::new("parallel").arg("--version").stdout(Stdio::null()).status().is_err() {
        eprintln!("skipped: GNU parallel is not installed (apt-get install parallel)");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("c.jsonl");
    std::fs::write(&corpus, stream(400, None)).expect("write");
    let cmd = format!(
        "parallel --will-cite --pipe --keep-order --block 8k -j 2 {} batch - -j 1 < {}",
        env!("CARGO_BIN_EXE_redline"),
        corpus.display()
    );
    let out = Command::new("sh").arg("-c").arg(&cmd).output().expect("run parallel");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let want: Vec<String> = (0..400).map(|i| format!("doc-{i}")).collect();
    assert_eq!(ids(&out.stdout), want);
}

#[test]
fn entities_flag_adds_the_entity_suggestions_of_suggest_entities_and_is_off_by_default() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("news.jsonl");
    let texts = [
        "Defense Secretary James Mattis met Russian officials in Moscow on Tuesday.\n\n\n\nMattis said Reuters was told.",
        "Heavy rain fell across West Africa last week, the Ministry of Finance of Nigeria said.",
    ];
    let lines: String = texts
        .iter()
        .enumerate()
        .map(|(i, t)| format!("{}\n", serde_json::json!({"id": format!("d{i}"), "text": t})))
        .collect();
    std::fs::write(&corpus, lines).expect("write");
    let path = corpus.to_str().expect("path");
    let entities = |stdout: &[u8]| -> Vec<Vec<(usize, usize, String, String)>> {
        String::from_utf8_lossy(stdout)
            .lines()
            .map(|line| {
                let doc = annotated::validate(line).unwrap_or_else(|e| panic!("invalid line {line}: {e:?}"));
                doc.entities().iter().map(|e| (e.start, e.end, e.label.to_string(), e.origin.to_string())).collect()
            })
            .collect()
    };
    let plain = batch(&[path], "");
    assert!(plain.status.success());
    assert!(entities(&plain.stdout).iter().all(Vec::is_empty), "no entities without --entities");
    let with = batch(&[path, "--entities", "-j", "2"], "");
    assert!(with.status.success(), "{}", String::from_utf8_lossy(&with.stderr));
    let suggest = Command::new(env!("CARGO_BIN_EXE_redline"))
        .args(["suggest", "--entities", path])
        .output()
        .expect("run redline suggest");
    assert!(suggest.status.success());
    let got = entities(&with.stdout);
    assert_eq!(got, entities(&suggest.stdout));
    assert!(got.iter().all(|doc| !doc.is_empty()), "{got:?}");
}

#[test]
fn each_stdin_line_is_answered_before_the_next_is_sent() {
    // A client that sends a record only once it has read the answer to the previous one.
    for jobs in ["1", "2"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_redline"))
            .args(["batch", "-", "-j", jobs])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start redline");
        let mut input = child.stdin.take().expect("stdin");
        let mut output = std::io::BufReader::new(child.stdout.take().expect("stdout"));
        let (answers, answered) = std::sync::mpsc::channel();
        let client = std::thread::spawn(move || {
            for record in stream(3, None).lines() {
                writeln!(input, "{record}").expect("send a record");
                let mut answer = String::new();
                std::io::BufRead::read_line(&mut output, &mut answer).expect("read the answer");
                answers.send(answer).expect("hand the answer over");
            }
        });
        for i in 0..3 {
            let answer = answered.recv_timeout(std::time::Duration::from_secs(20));
            let answer = answer.unwrap_or_else(|_| panic!("-j {jobs}: no answer to record {i} while the client waits"));
            assert_eq!(ids(answer.as_bytes()), [format!("doc-{i}")]);
        }
        client.join().expect("client");
        assert!(child.wait().expect("redline ends").success());
    }
}
