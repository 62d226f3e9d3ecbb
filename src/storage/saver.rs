//! Autosave off the UI thread: a background thread that writes the latest copy of each document
//! atomically, at most once a second, and reports every result back.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::model::Document;

/// The shortest time between two rounds of writes.
pub const DEBOUNCE: Duration = Duration::from_secs(1);

/// The result of one write.
#[derive(Debug, Clone)]
pub struct SaveReport {
    /// The document id.
    pub doc_id: String,
    /// The document revision that was written (or failed to be).
    pub revision: u64,
    /// The file written, or why it was not.
    pub result: Result<PathBuf>,
}

/// A request to the saver thread.
enum Request {
    /// Save this copy into this folder (replacing any queued copy of the same document).
    Save(PathBuf, Box<Document>),
    /// Write everything queued now, then acknowledge.
    Flush(Sender<()>),
}

/// A background saver. Dropping it writes whatever is queued and stops the thread.
pub struct Saver {
    requests: Option<Sender<Request>>,
    reports: Receiver<SaveReport>,
    thread: Option<JoinHandle<()>>,
}

impl Saver {
    /// Starts the saver thread; `notify` is called after every round of writes (e.g. to wake a UI).
    pub fn start(notify: impl Fn() + Send + 'static) -> Result<Self> {
        let (requests, inbox) = mpsc::channel();
        let (outbox, reports) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("redline-saver".into())
            .spawn(move || run(&inbox, &outbox, &notify))
            .map_err(|e| Error::msg(format!("cannot start the autosave thread: {e}")))?;
        Ok(Self { requests: Some(requests), reports, thread: Some(thread) })
    }

    /// Queues a copy of `doc` to be written into `dir` (debounced: at most one round a second).
    pub fn save(&self, dir: PathBuf, doc: &Document) {
        self.send(Request::Save(dir, Box::new(doc.clone())));
    }

    /// Writes everything queued now and waits until it is on disk (used before closing or moving on).
    pub fn flush(&self) {
        let (ack, done) = mpsc::channel();
        self.send(Request::Flush(ack));
        done.recv().ok();
    }

    /// The reports of writes finished since the last call.
    pub fn reports(&self) -> Vec<SaveReport> {
        self.reports.try_iter().collect()
    }

    /// Sends a request; the thread only stops when the saver is dropped, so a failure cannot happen
    /// while `self` lives except if the thread panicked, which the next report then lacks.
    fn send(&self, request: Request) {
        if let Some(tx) = &self.requests {
            tx.send(request).ok();
        }
    }
}

impl Drop for Saver {
    fn drop(&mut self) {
        self.requests.take();
        if let Some(thread) = self.thread.take() {
            thread.join().ok();
        }
    }
}

/// The saver thread: gathers requests, writes the newest copy of each document once per round.
fn run(inbox: &Receiver<Request>, outbox: &Sender<SaveReport>, notify: &dyn Fn()) {
    let mut queued: BTreeMap<String, (PathBuf, Box<Document>)> = BTreeMap::new();
    let mut last_round: Option<Instant> = None;
    loop {
        let request = if queued.is_empty() {
            match inbox.recv() {
                Ok(r) => r,
                Err(_) => return,
            }
        } else {
            let due = last_round.map_or(Instant::now(), |t| t + DEBOUNCE);
            match inbox.recv_timeout(due.saturating_duration_since(Instant::now())) {
                Ok(r) => r,
                Err(RecvTimeoutError::Timeout) => {
                    write_all(&mut queued, outbox, notify);
                    last_round = Some(Instant::now());
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => {
                    write_all(&mut queued, outbox, notify);
                    return;
                }
            }
        };
        match request {
            Request::Save(dir, doc) => {
                queued.insert(doc.id.clone(), (dir, doc));
            }
            Request::Flush(ack) => {
                write_all(&mut queued, outbox, notify);
                last_round = Some(Instant::now());
                ack.send(()).ok();
            }
        }
    }
}

/// Writes every queued document and reports each result.
fn write_all(queued: &mut BTreeMap<String, (PathBuf, Box<Document>)>, outbox: &Sender<SaveReport>, notify: &dyn Fn()) {
    if queued.is_empty() {
        return;
    }
    for (doc_id, (dir, doc)) in std::mem::take(queued) {
        let result = super::save_document(&dir, &doc);
        outbox.send(SaveReport { doc_id, revision: doc.revision(), result }).ok();
    }
    notify();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::annotated;

    #[test]
    fn writes_the_newest_copy_once_per_round_and_flushes_on_demand() {
        let dir = tempfile::tempdir().expect("tempdir");
        let saver = Saver::start(|| {}).expect("start");
        let mut doc = Document::new("story", "Some raw text.");
        saver.save(dir.path().to_path_buf(), &doc);
        saver.flush();
        let first = saver.reports();
        assert_eq!(first.len(), 1);
        let path = first[0].result.clone().expect("written");
        doc.status = crate::model::DocStatus::Done;
        saver.save(dir.path().to_path_buf(), &doc);
        doc.annotator = "ana".into();
        saver.save(dir.path().to_path_buf(), &doc);
        // Within the debounce window nothing is written yet.
        assert!(saver.reports().is_empty());
        drop(saver);
        let saved = annotated::load(&path).expect("valid file");
        assert_eq!((saved.status, saved.annotator.as_str()), (crate::model::DocStatus::Done, "ana"));
    }

    #[test]
    fn reports_a_failed_write() {
        let dir = tempfile::tempdir().expect("tempdir");
        let blocker = dir.path().join("file");
        std::fs::write(&blocker, "not a folder").expect("write");
        let saver = Saver::start(|| {}).expect("start");
        saver.save(blocker.join("sub"), &Document::new("x", "text"));
        saver.flush();
        let reports = saver.reports();
        assert_eq!(reports.len(), 1);
        assert!(reports[0].result.is_err());
    }
}
