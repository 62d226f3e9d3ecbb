//! Crash test: a child process saves documents in a loop through the autosaver and is killed with
//! SIGKILL at random moments, hundreds of times. After every kill each file on disk must load as a
//! valid document, and no document may be older than the last generation the child finished.
//!
//! The child is this test binary itself, running the ignored `child_saving_forever` test.

#![cfg(unix)]

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use redline::format::annotated;
use redline::model::Document;
use redline::storage::autosave::Options;
use redline::storage::{Autosaver, Fingerprint, Leftover, SaveEvent, backup_path, recovery};

/// Documents saved in turn, one generation after another.
const DOCS: usize = 3;
/// Kills per run (each a few milliseconds into the child's life).
const KILLS: usize = 200;
/// Set in the child's environment to the folder it saves into.
const CHILD_DIR: &str = "REDLINE_CRASH_DIR";
/// The child's log of finished saves, one `<document> <generation>` per line.
const PROGRESS: &str = "progress.log";

fn doc_id(k: usize) -> String {
    format!("story-{k}")
}

/// The generation a saved document holds (its raw text starts with it).
fn generation_of(doc: &Document) -> u64 {
    doc.raw().split_whitespace().next().and_then(|g| g.parse().ok()).unwrap_or(0)
}

/// The text of one document at one generation: long enough that a write takes a while.
fn text_at(k: usize, generation: u64) -> String {
    format!("{generation} story {k} naïve café 👍\r\n{}", "Some paragraph of news. ".repeat(200 + k * 50))
}

#[test]
#[ignore = "child process of the crash test; runs until killed"]
fn child_saving_forever() {
    let Ok(dir) = std::env::var(CHILD_DIR) else { return };
    let dir = Path::new(&dir);
    let saver = Autosaver::start(dir.to_path_buf(), Options { interval: Duration::ZERO, waker: None });
    let mut start = 0;
    for k in 0..DOCS {
        let path = saver.path_of(&doc_id(k));
        saver.opened(&doc_id(k), Fingerprint::of_file(&path).expect("fingerprint"));
        start = start.max(annotated::load(&path).map(|d| generation_of(&d)).unwrap_or(0));
    }
    let mut log = std::fs::OpenOptions::new().append(true).create(true).open(dir.join(PROGRESS)).expect("log");
    for generation in start + 1..start + 10_000 {
        for k in 0..DOCS {
            saver.save(&Document::new(doc_id(k), text_at(k, generation)));
            saver.flush();
            let failed: Vec<_> = saver.poll().into_iter().filter(|e| !matches!(e, SaveEvent::Saved { .. })).collect();
            assert!(failed.is_empty(), "{failed:?}");
            writeln!(log, "{k} {generation}").expect("log");
        }
    }
}

/// A small deterministic random generator (xorshift), seeded from the clock and printed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// The last generation of document `k` the child reported on disk.
fn last_saved(progress: &str, k: usize) -> u64 {
    progress
        .lines()
        .filter_map(|l| l.split_once(' '))
        .filter(|(doc, _)| doc.parse() == Ok(k))
        .filter_map(|(_, g)| g.parse().ok())
        .max()
        .unwrap_or(0)
}

/// Checks the folder after a kill; returns how many leftovers it found.
fn check_folder(dir: &Path) -> usize {
    let progress = std::fs::read_to_string(dir.join(PROGRESS)).unwrap_or_default();
    for k in 0..DOCS {
        let finished = last_saved(&progress, k);
        let path = dir.join(format!("{}.json", doc_id(k)));
        if !path.exists() {
            assert_eq!(finished, 0, "{} is missing after generation {finished}", path.display());
            continue;
        }
        let doc = annotated::load(&path).unwrap_or_else(|e| panic!("corrupt after a kill: {e}"));
        let generation = generation_of(&doc);
        assert!(generation >= finished, "{}: generation {generation}, but {finished} was finished", path.display());
        assert_eq!(doc.raw(), text_at(k, generation), "{}: wrong content", path.display());
        let backup = backup_path(&path);
        if backup.exists() {
            let old = annotated::load(&backup).unwrap_or_else(|e| panic!("corrupt backup after a kill: {e}"));
            assert!(generation_of(&old) <= generation, "the backup is never newer than the file");
        }
    }
    let leftovers = recovery::scan(dir).expect("scan");
    for leftover in &leftovers {
        if let Leftover::Temp { complete: true, temp, .. } = leftover {
            annotated::load(temp).expect("a complete temp loads");
        }
        leftover.discard().expect("discard");
    }
    leftovers.len()
}

#[test]
fn saves_survive_sigkill_at_random_moments() {
    let dir = tempfile::tempdir().expect("tempdir");
    let seed =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(7, |d| d.as_nanos() as u64) | 1;
    eprintln!("crash test seed {seed}");
    let mut rng = Rng(seed);
    let started = Instant::now();
    let mut leftovers = 0;
    for _ in 0..KILLS {
        let mut child = Command::new(std::env::current_exe().expect("exe"))
            .args(["child_saving_forever", "--exact", "--ignored", "--nocapture", "--test-threads=1"])
            .env(CHILD_DIR, dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn child");
        std::thread::sleep(Duration::from_micros(rng.below(120_000)));
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");
        leftovers += check_folder(dir.path());
    }
    let progress = std::fs::read_to_string(dir.path().join(PROGRESS)).unwrap_or_default();
    let saves = progress.lines().count();
    eprintln!(
        "{KILLS} kills in {:.1?}: {saves} saves confirmed, {leftovers} leftover temp files found",
        started.elapsed()
    );
    assert!(saves > 0, "the child never finished a save: the kills came too early to test anything");
}
