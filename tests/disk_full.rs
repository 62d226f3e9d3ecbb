//! A full output file system, made real without root: the process runs under a file size limit
//! (`ulimit -f`, RLIMIT_FSIZE), so the kernel refuses the write past it (EFBIG) exactly where a full
//! disk would refuse it (ENOSPC). `trap '' XFSZ` makes the shell ignore SIGXFSZ, and an ignored signal
//! stays ignored across `exec`, so the write returns an error instead of the process being killed.
//!
//! Checked: the error names the file, the previous version stays intact, no temporary file is left,
//! and the autosaver keeps the work in memory and saves it on retry once the limit is lifted
//! (`prlimit`, the util-linux tool, raises the child's soft limit: the person freed space).

use std::os::unix::process::ExitStatusExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use redline::format::annotated;
use redline::model::Document;
use redline::storage::{Autosaver, Fingerprint, SaveEvent, SaveState, autosave::Options};

/// The file size limit, in the shell's `ulimit -f` blocks (512 bytes in dash, 1024 in bash).
const LIMIT_BLOCKS: u32 = 8;
/// Set in the child's environment to the folder it saves into.
const CHILD_DIR: &str = "REDLINE_DISK_FULL_DIR";
/// The file the child creates once its save failed, holding its process id.
const FAILED_MARK: &str = "failed.mark";
/// The file the parent creates once it lifted the limit.
const LIFTED_MARK: &str = "lifted.mark";

/// `sh -c 'trap "" XFSZ; ulimit -S -f N; exec "$0" "$@"' program args…`: `program` under the limit,
/// ignoring SIGXFSZ when `ignore_signal`.
fn limited(program: &Path, args: &[&str], ignore_signal: bool) -> Command {
    let trap = if ignore_signal { "trap '' XFSZ; " } else { "" };
    let mut command = Command::new("sh");
    command.arg("-c").arg(format!("{trap}ulimit -S -f {LIMIT_BLOCKS} && exec \"$0\" \"$@\"")).arg(program).args(args);
    command
}

/// The temporary files left in a folder.
fn temp_files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .expect("list folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "tmp"))
        .collect()
}

/// A document whose annotated JSON is about `kb` kilobytes.
fn document(kb: usize) -> Document {
    Document::new("ferry", format!("Ferry timetable changes.\n\n{}", "The first boat leaves at six. ".repeat(kb * 34)))
}

/// Writes one annotated document per id into `dir` (the input of an export).
fn annotated_inputs(dir: &Path, ids: &[&str]) {
    for id in ids {
        let mut doc = Document::new(*id, format!("{id}: the ferry leaves at six.\n"));
        doc.annotator = "tester".into();
        std::fs::write(dir.join(format!("{id}.json")), annotated::to_json(&doc)).expect("write input");
    }
}

#[test]
fn export_to_a_full_file_system_names_the_file_and_keeps_the_previous_version() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (inputs, out) = (dir.path().join("in"), dir.path().join("out"));
    std::fs::create_dir_all(&inputs).expect("mkdir");
    std::fs::create_dir_all(&out).expect("mkdir");
    annotated_inputs(&inputs, &["a"]);
    let target = out.join("train.jsonl");
    let redline = Path::new(env!("CARGO_BIN_EXE_redline"));
    let export = ["export", "--format", "spacy", "--all", "-o", target.to_str().expect("utf-8"), "in"];
    let first = Command::new(redline).args(export).current_dir(dir.path()).output().expect("run export");
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let previous = std::fs::read(&target).expect("first export");

    let many: Vec<String> = (0..200).map(|i| format!("story-{i}")).collect();
    annotated_inputs(&inputs, &many.iter().map(String::as_str).collect::<Vec<_>>());
    let run = limited(redline, &export, true).current_dir(dir.path()).output().expect("run limited export");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(&format!("{}: the file is too large", target.display())), "{stderr}");
    assert!(stderr.contains("the previous version is unchanged") && !stderr.contains("panicked"), "{stderr}");
    assert_eq!(std::fs::read(&target).expect("read"), previous, "the previous version is intact");
    assert!(temp_files(&out).is_empty(), "no temporary file: {:?}", temp_files(&out));

    // Without the trap the kernel's SIGXFSZ ends the process mid-write: still no damage to the file.
    let killed = limited(redline, &export, false).current_dir(dir.path()).stderr(Stdio::null()).status();
    assert_eq!(killed.expect("run").signal(), Some(25), "SIGXFSZ");
    assert_eq!(std::fs::read(&target).expect("read"), previous, "the previous version is intact");
}

#[test]
#[ignore = "child process of autosave_on_a_full_file_system_keeps_the_work_and_retry_saves_it"]
fn child_autosaving_under_a_file_size_limit() {
    let Ok(dir) = std::env::var(CHILD_DIR) else { return };
    let dir = PathBuf::from(dir);
    let saver = Autosaver::start(dir.clone(), Options::default());
    let path = saver.path_of("ferry");
    saver.opened("ferry", Fingerprint::of_file(&path).expect("fingerprint"));
    saver.save(&document(1));
    saver.flush();
    assert!(matches!(saver.poll()[..], [SaveEvent::Saved { .. }]), "a small save fits");
    let previous = std::fs::read(&path).expect("saved");

    saver.save(&document(64));
    saver.flush();
    let events = saver.poll();
    let [SaveEvent::Failed { error, .. }] = &events[..] else { panic!("expected a failure: {events:?}") };
    let message = error.to_string();
    assert!(message.starts_with(&format!("{}: document ferry: the file is too large", path.display())), "{message}");
    assert!(matches!(saver.state("ferry"), SaveState::Failed(_)));
    assert_eq!(std::fs::read(&path).expect("read"), previous, "the previous version is intact");
    assert!(temp_files(&dir).is_empty(), "no temporary file: {:?}", temp_files(&dir));
    let kept: Vec<usize> = saver.unsaved_documents().iter().map(|d| d.raw().len()).collect();
    assert_eq!(kept, [document(64).raw().len()], "the work is kept in memory");

    std::fs::write(dir.join(FAILED_MARK), std::process::id().to_string()).expect("mark");
    let deadline = Instant::now() + Duration::from_secs(60);
    while !dir.join(LIFTED_MARK).exists() {
        assert!(Instant::now() < deadline, "the parent never lifted the limit");
        std::thread::sleep(Duration::from_millis(10));
    }
    saver.retry();
    saver.flush();
    assert!(matches!(saver.poll()[..], [SaveEvent::Saved { .. }]), "retry saves once there is room");
    assert_eq!(annotated::load(&path).expect("load").raw(), document(64).raw());
    assert!(saver.unsaved().is_empty());
}

#[test]
fn autosave_on_a_full_file_system_keeps_the_work_and_retry_saves_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let exe = std::env::current_exe().expect("test binary");
    let args = ["child_autosaving_under_a_file_size_limit", "--exact", "--ignored", "--nocapture", "--test-threads=1"];
    let mut child = limited(&exe, &args, true).env(CHILD_DIR, dir.path()).stdout(Stdio::null()).spawn().expect("spawn");
    let deadline = Instant::now() + Duration::from_secs(60);
    let pid = loop {
        // The child creates the mark and then writes its pid: an empty read is a mark half written.
        let mark = std::fs::read_to_string(dir.path().join(FAILED_MARK));
        if let Some(pid) = mark.ok().and_then(|m| m.trim().parse::<u32>().ok()) {
            break pid.to_string();
        }
        if let Some(status) = child.try_wait().expect("poll child") {
            panic!("the child ended before its save failed: {status}");
        }
        assert!(Instant::now() < deadline, "the child's save never failed");
        std::thread::sleep(Duration::from_millis(10));
    };
    let lifted = Command::new("prlimit").args(["--pid", pid.trim(), "--fsize=unlimited:"]).status();
    assert!(lifted.is_ok_and(|s| s.success()), "prlimit (util-linux) raises the child's file size limit");
    std::fs::write(dir.path().join(LIFTED_MARK), "").expect("mark");
    let status = child.wait().expect("wait for the child");
    assert!(status.success(), "the child's checks failed: {status}");
}
