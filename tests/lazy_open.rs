//! Opening a JSONL corpus is lazy: resident memory after showing the first document depends on the
//! number of lines, not on the size of the articles. Measured in a fresh `redline bench open`
//! process per corpus. `REDLINE_FULL_SCALE=1` adds the 1 GB / 200,000-article run (≤ 300 MB).

use std::path::Path;
use std::process::Command;

/// Writes a corpus of `docs` records whose texts are about `text_bytes` long.
fn write_corpus(path: &Path, docs: usize, text_bytes: usize) {
    use std::io::Write as _;
    let paragraph = "The harbour board met on Tuesday and approved the plan after a long debate.\n\n";
    let text = paragraph.repeat(text_bytes / paragraph.len() + 1);
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("create corpus"));
    for i in 0..docs {
        writeln!(out, "{}", serde_json::json!({"id": format!("d{i}"), "text": format!("{i} {text}")})).expect("write");
    }
    out.flush().expect("flush");
}

/// Resident MB reported by `redline bench open --corpus PATH`.
fn resident_after_open(corpus: &Path) -> f64 {
    let out = Command::new(env!("CARGO_BIN_EXE_redline"))
        .args(["bench", "open", "--corpus"])
        .arg(corpus)
        .output()
        .expect("run redline bench");
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{table}{}", String::from_utf8_lossy(&out.stderr));
    let row = table
        .lines()
        .find(|l| l.starts_with(&format!("| {}", redline::bench::open::RESIDENT_FIGURE)))
        .unwrap_or_else(|| panic!("no memory row in {table}"));
    row.split('|').nth(2).and_then(|c| c.split_whitespace().next()).and_then(|n| n.parse().ok()).expect("a number")
}

#[test]
fn memory_does_not_grow_with_article_size() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (small, large) = (dir.path().join("small.jsonl"), dir.path().join("large.jsonl"));
    write_corpus(&small, 2_000, 400);
    write_corpus(&large, 2_000, 30_000);
    let large_mb = std::fs::metadata(&large).expect("size").len() as f64 / 1e6;
    let (a, b) = (resident_after_open(&small), resident_after_open(&large));
    assert!(large_mb > 50.0, "the large corpus is {large_mb} MB");
    assert!(b < a + 10.0, "opening {large_mb:.0} MB took {b:.1} MB resident against {a:.1} MB for the small corpus");
}

#[test]
fn full_scale_gigabyte_corpus_opens_in_300_mb() {
    if std::env::var_os("REDLINE_FULL_SCALE").is_none() {
        eprintln!("skipped: set REDLINE_FULL_SCALE=1 for the 1 GB corpus");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("gigabyte.jsonl");
    write_corpus(&corpus, 200_000, 5_200);
    assert!(std::fs::metadata(&corpus).expect("size").len() >= 1_000_000_000);
    let rss = resident_after_open(&corpus);
    assert!(rss <= 300.0, "{rss} MB resident");
}
