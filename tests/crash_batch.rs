//! Crash test of `redline batch -o DIR`: killed with SIGKILL at random moments, over and over, into
//! the same folder. Every file it leaves must be a complete, valid document; a final run completes all.

#![cfg(unix)]

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use redline::format::annotated;

/// Documents in the corpus.
const DOCS: usize = 300;
/// Kills (each 0–40 ms into a run).
const KILLS: u64 = 300;

fn check_all_valid(out: &std::path::Path) -> usize {
    let mut count = 0;
    for item in std::fs::read_dir(out).into_iter().flatten().flatten() {
        let path = item.path();
        if path.extension().is_some_and(|e| e == "json") {
            let doc = annotated::load(&path).unwrap_or_else(|e| panic!("corrupt after a kill: {e}"));
            assert!(doc.raw().starts_with("Story "), "{}: wrong content", path.display());
            count += 1;
        }
    }
    count
}

#[test]
fn batch_output_survives_sigkill_at_random_moments() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("corpus.jsonl");
    let lines: String = (0..DOCS)
        .map(|i| {
            format!(
                "{{\"id\":\"doc-{i}\",\"text\":\"Story {i} from the wire, naïve café.\\n\\n\\n\\nShare this {}\"}}\n",
                "x ".repeat(i)
            )
        })
        .collect();
    std::fs::write(&corpus, lines).expect("corpus");
    let out = dir.path().join("out");
    let started = Instant::now();
    let mut seed = started.elapsed().as_nanos() as u64 | 0x9E37;
    for _ in 0..KILLS {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut child = Command::new(env!("CARGO_BIN_EXE_redline"))
            .args(["batch", "-j", "2", "-o"])
            .arg(&out)
            .arg(&corpus)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_micros(seed % 40_000));
        child.kill().ok();
        child.wait().expect("reap");
        check_all_valid(&out);
    }
    let status = Command::new(env!("CARGO_BIN_EXE_redline")).args(["batch", "-o"]).arg(&out).arg(&corpus).status();
    assert!(status.is_ok_and(|s| s.success()));
    assert_eq!(check_all_valid(&out), DOCS, "a complete run leaves every document");
    eprintln!("{KILLS} kills of redline batch in {:.1?}", started.elapsed());
}
