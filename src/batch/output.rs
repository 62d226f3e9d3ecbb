//! Where a batch writes: one annotated JSON file per document in a folder, one JSONL file (written
//! under a temporary name and renamed into place only when complete), or standard output.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Write as _};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::{Error, Result};
use crate::storage;

/// The destination a person chose for a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// One pretty annotated JSON file per document, named after its id, in this folder.
    Dir(PathBuf),
    /// One JSONL file, a line of annotated JSON per document, in input order.
    Jsonl(PathBuf),
    /// A line of annotated JSON per document on standard output, in input order.
    Stdout,
}

/// Claims file names in an output folder so that two documents with one id never overwrite each other.
#[derive(Debug, Default)]
pub struct Claims {
    taken: Mutex<HashMap<PathBuf, String>>,
}

impl Claims {
    /// The file for document `id` in `dir`, unless another document of this batch already took it.
    /// `origin` describes this document in the message a later one with the same id gets.
    pub fn claim(&self, dir: &Path, id: &str, origin: &str) -> Result<PathBuf> {
        let path = storage::document_path(dir, id);
        let mut taken = self.taken.lock().map_err(|_| Error::msg("a batch worker failed"))?;
        if let Some(first) = taken.get(&path) {
            return Err(Error::file(
                &path,
                format!("document id {id:?} is also used by {first}; this one is not written"),
            ));
        }
        taken.insert(path.clone(), origin.to_string());
        Ok(path)
    }
}

/// A stream of JSON lines: a file that appears atomically when committed, or standard output.
pub enum LineWriter {
    /// A temporary file beside `target`, renamed over it by [`LineWriter::commit`].
    File {
        /// The file being written.
        tmp: PathBuf,
        /// Its final name.
        target: PathBuf,
        /// The buffered writer.
        writer: BufWriter<File>,
    },
    /// Standard output; a closed pipe ends the batch quietly.
    Stdout(BufWriter<std::io::Stdout>),
    /// A device or pipe given as the output file (`/dev/null`, a FIFO): written in place, never renamed over.
    Device(BufWriter<File>, PathBuf),
}

/// Whether a path names something other than a regular file (a device or a pipe), which must be
/// written in place: renaming a temporary file over `/dev/null` would replace the device.
fn is_special(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

impl LineWriter {
    /// Opens the line stream for an output; `None` for a folder output.
    pub fn open(output: &Output) -> Result<Option<Self>> {
        Ok(match output {
            Output::Dir(_) => None,
            Output::Stdout => Some(Self::Stdout(BufWriter::with_capacity(1 << 16, std::io::stdout()))),
            Output::Jsonl(target) if is_special(target) => {
                let file = std::fs::OpenOptions::new().write(true).open(target).map_err(|e| Error::io(target, &e))?;
                Some(Self::Device(BufWriter::with_capacity(1 << 20, file), target.clone()))
            }
            Output::Jsonl(target) => {
                if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, &e))?;
                }
                let tmp = storage::atomic::temp_path(target);
                let file = File::create(&tmp).map_err(|e| Error::io(&tmp, &e))?;
                Some(Self::File { tmp, target: target.clone(), writer: BufWriter::with_capacity(1 << 20, file) })
            }
        })
    }

    /// Writes one line (a newline is added). `Ok(false)` when standard output was closed by the reader.
    pub fn write_line(&mut self, line: &str) -> Result<bool> {
        match self {
            Self::File { writer, tmp, .. } => write_to(writer, tmp, line),
            Self::Stdout(writer) => write_to(writer, Path::new("<stdout>"), line),
            Self::Device(writer, path) => write_to(writer, path, line),
        }
    }

    /// Pushes buffered lines out now (standard output only: a reader may be waiting for them).
    pub fn flush_stream(&mut self) {
        if let Self::Stdout(writer) = self {
            writer.flush().ok();
        }
    }

    /// Finishes the stream: the file is synced and renamed over its target.
    pub fn commit(self) -> Result<()> {
        match self {
            Self::Stdout(mut writer) => match writer.flush() {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::io(Path::new("<stdout>"), &e)),
                _ => Ok(()),
            },
            Self::Device(mut writer, path) => writer.flush().map_err(|e| Error::io(&path, &e)),
            Self::File { tmp, target, writer } => {
                let result = finish_file(&tmp, &target, writer);
                if result.is_err() {
                    std::fs::remove_file(&tmp).ok();
                }
                result
            }
        }
    }

    /// Drops the stream without publishing it: a partial JSONL file never replaces its target.
    pub fn abandon(self) {
        if let Self::File { tmp, writer, .. } = self {
            drop(writer);
            std::fs::remove_file(&tmp).ok();
        }
    }
}

/// Writes a line and its newline; `Ok(false)` when the reader closed the pipe.
fn write_to(writer: &mut impl std::io::Write, path: &Path, line: &str) -> Result<bool> {
    match writer.write_all(line.as_bytes()).and_then(|()| writer.write_all(b"\n")) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(Error::io(path, &e)),
    }
}

/// Flushes and syncs the temporary file, renames it over the target and syncs the folder.
fn finish_file(tmp: &Path, target: &Path, writer: BufWriter<File>) -> Result<()> {
    let file = writer.into_inner().map_err(|e| Error::io(tmp, e.error()))?;
    file.sync_all().map_err(|e| Error::io(tmp, &e))?;
    std::fs::rename(tmp, target).map_err(|e| Error::io(target, &e))?;
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if let Ok(d) = File::open(dir) {
        d.sync_all().ok();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_appears_only_when_committed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("out.jsonl");
        let mut w = LineWriter::open(&Output::Jsonl(target.clone())).expect("open").expect("a line writer");
        assert!(w.write_line("{\"a\":1}").expect("write"));
        assert!(!target.exists(), "nothing at the target before commit");
        w.commit().expect("commit");
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "{\"a\":1}\n");
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1, "no temporary file left");
    }

    #[test]
    fn a_device_is_written_in_place_not_replaced() {
        let null = Path::new("/dev/null");
        if !null.exists() {
            return;
        }
        let mut w = LineWriter::open(&Output::Jsonl(null.to_path_buf())).expect("open").expect("a line writer");
        assert!(w.write_line("discarded").expect("write"));
        w.commit().expect("commit");
        assert!(!std::fs::metadata(null).expect("stat").is_file(), "/dev/null is still a device");
    }

    #[test]
    fn abandoned_jsonl_leaves_the_old_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("out.jsonl");
        std::fs::write(&target, "old\n").expect("write");
        let mut w = LineWriter::open(&Output::Jsonl(target.clone())).expect("open").expect("a line writer");
        w.write_line("new").expect("write");
        w.abandon();
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "old\n");
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
    }

    #[test]
    fn a_second_document_with_the_same_id_is_refused() {
        let claims = Claims::default();
        let dir = Path::new("out");
        assert_eq!(claims.claim(dir, "same", "a.txt").ok(), Some(storage::document_path(dir, "same")));
        let err = claims.claim(dir, "same", "b.txt").expect_err("second is refused");
        assert!(err.to_string().contains("a.txt"), "{err}");
        assert!(claims.claim(dir, "other", "c.txt").is_ok());
    }
}
