//! Autosaving: every change is on disk within a second, written off the caller's thread, atomically,
//! with the previous version kept as a backup, and never over a file someone else changed.
//!
//! The caller (the GUI, or any long-running tool) hands over a copy of the document after every
//! action with [`Autosaver::save`]; a worker thread writes it at most once per interval per
//! document and reports what happened through [`Autosaver::poll`] and [`Autosaver::state`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::fingerprint::{Fingerprint, read_if_present};
use super::{backup_path, conflict_path, document_path, write_atomic};
use crate::error::{Error, Result};
use crate::format::annotated;
use crate::model::Document;

/// A function the worker calls after reporting an event, e.g. to wake a sleeping UI.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// How an [`Autosaver`] behaves.
#[derive(Clone)]
pub struct Options {
    /// The shortest time between two writes of one document (one second by default).
    pub interval: Duration,
    /// Called after every event, so the UI can repaint and show it.
    pub waker: Option<Waker>,
}

impl Default for Options {
    fn default() -> Self {
        Self { interval: Duration::from_secs(1), waker: None }
    }
}

/// What happened to a document's save, reported in order.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveEvent {
    /// The document is on disk at `path`.
    Saved {
        /// Document id.
        id: String,
        /// The file written.
        path: PathBuf,
    },
    /// Writing failed (read-only or full folder…); the work is kept in memory and retried on the
    /// next change or on [`Autosaver::retry`].
    Failed {
        /// Document id.
        id: String,
        /// What went wrong, naming the file.
        error: Error,
    },
    /// The file changed on disk since it was opened (another annotator, `git pull`): nothing was
    /// written. Answer with [`Autosaver::resolve`].
    Conflict {
        /// Document id.
        id: String,
        /// The file that changed.
        path: PathBuf,
    },
    /// After [`Resolution::KeepBoth`]: this session's version was written beside the other one.
    KeptBoth {
        /// Document id.
        id: String,
        /// The file as changed by someone else (left untouched).
        path: PathBuf,
        /// Where this session's version went: `<id>.conflict-<time>.json`.
        copy: PathBuf,
    },
}

/// How to settle a [`SaveEvent::Conflict`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// Drop this session's unsaved version; the caller reloads the file from disk.
    Reload,
    /// Write this session's version to `<id>.conflict-<time>.json` and leave the file on disk as
    /// it is; the caller reloads the file (both versions stay on disk to merge).
    KeepBoth,
    /// Write this session's version over the file; the other version becomes the backup.
    Overwrite,
}

/// A document's save state, for a "saved" indicator and for asking before quitting.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    /// Everything handed over is on disk.
    Saved,
    /// A change is waiting for its write (at most one interval).
    Pending,
    /// The last write failed; the change is kept in memory.
    Failed(Error),
    /// The file changed on disk; waiting for a [`Resolution`].
    Conflict,
}

/// Requests from the caller to the worker.
enum Request {
    Opened(String, Fingerprint),
    Save(Box<Document>),
    Resolve(String, Resolution),
    Retry,
    Flush(Sender<()>),
    Unsaved(Sender<Vec<Document>>),
}

/// Saves documents in the background into one annotations folder.
pub struct Autosaver {
    /// Requests to the worker.
    requests: Option<Sender<Request>>,
    /// Events from the worker.
    events: Receiver<SaveEvent>,
    /// Save state per document id, shared with the worker.
    states: Arc<Mutex<HashMap<String, SaveState>>>,
    /// The worker thread, joined on drop.
    worker: Option<JoinHandle<()>>,
    /// The annotations folder.
    dir: PathBuf,
}

impl Autosaver {
    /// Starts a saver writing `<dir>/<id>.json` files.
    pub fn start(dir: PathBuf, options: Options) -> Self {
        let (requests, inbox) = mpsc::channel();
        let (outbox, events) = mpsc::channel();
        let states = Arc::new(Mutex::new(HashMap::new()));
        let worker = Worker { dir: dir.clone(), options, outbox, states: states.clone(), docs: HashMap::new() };
        let handle = std::thread::Builder::new().name("redline-autosave".into()).spawn(move || worker.run(&inbox)).ok();
        Self { requests: Some(requests), events, states, worker: handle, dir }
    }

    /// The annotations folder this saver writes into.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file a document is saved to.
    pub fn path_of(&self, id: &str) -> PathBuf {
        document_path(&self.dir, id)
    }

    /// Records what a document's file looked like when it was opened (see [`Fingerprint::of_file`]).
    /// A document never registered is expected to have no file yet: if one appears, that is a
    /// conflict, never a silent overwrite.
    pub fn opened(&self, id: &str, fingerprint: Fingerprint) {
        self.send(Request::Opened(id.to_string(), fingerprint));
    }

    /// Hands over the document's current state; it is written within one interval.
    pub fn save(&self, doc: &Document) {
        self.set_state(&doc.id, SaveState::Pending);
        self.send(Request::Save(Box::new(doc.clone())));
    }

    /// Settles a conflict reported for a document.
    pub fn resolve(&self, id: &str, resolution: Resolution) {
        self.send(Request::Resolve(id.to_string(), resolution));
    }

    /// Tries the failed writes again now (e.g. after the person freed disk space).
    pub fn retry(&self) {
        self.send(Request::Retry);
    }

    /// Writes every pending change now and waits until done (before quitting or switching folders).
    pub fn flush(&self) {
        let (done, wait) = mpsc::channel();
        self.send(Request::Flush(done));
        wait.recv().ok();
    }

    /// The events reported since the last call, oldest first (never blocks).
    pub fn poll(&self) -> Vec<SaveEvent> {
        self.events.try_iter().collect()
    }

    /// A document's save state (`Saved` for one never handed over).
    pub fn state(&self, id: &str) -> SaveState {
        lock(&self.states).get(id).cloned().unwrap_or(SaveState::Saved)
    }

    /// The ids of documents whose latest change is not on disk (pending, failed or in conflict).
    pub fn unsaved(&self) -> Vec<String> {
        let mut ids: Vec<String> =
            lock(&self.states).iter().filter(|(_, s)| **s != SaveState::Saved).map(|(id, _)| id.clone()).collect();
        ids.sort();
        ids
    }

    /// Copies of the documents whose latest change is not on disk (failed or in conflict), so they
    /// can be saved somewhere else before quitting.
    pub fn unsaved_documents(&self) -> Vec<Document> {
        let (reply, answer) = mpsc::channel();
        self.send(Request::Unsaved(reply));
        answer.recv().unwrap_or_default()
    }

    /// Sends a request; if the worker is gone (it never panics on user data), the state says so.
    fn send(&self, request: Request) {
        let sent = self.requests.as_ref().is_some_and(|tx| tx.send(request).is_ok());
        if !sent {
            lock(&self.states).insert(String::new(), SaveState::Failed(Error::msg("the autosave worker stopped")));
        }
    }

    /// Records a state on the caller's side (the worker overwrites it when it acts).
    fn set_state(&self, id: &str, state: SaveState) {
        lock(&self.states).insert(id.to_string(), state);
    }
}

impl Drop for Autosaver {
    /// Writes what is pending, then stops the worker.
    fn drop(&mut self) {
        self.requests = None;
        if let Some(handle) = self.worker.take() {
            handle.join().ok();
        }
    }
}

/// Locks the state map, recovering it if a thread panicked while holding it.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The worker's view of one document.
#[derive(Default)]
struct DocSlot {
    /// What the file should look like now; anything else means someone else wrote it.
    expected: Fingerprint,
    /// The latest state handed over and not yet written.
    pending: Option<Box<Document>>,
    /// When it was last written.
    last_write: Option<Instant>,
    /// The last write failed and nothing new arrived since: wait for a change or a retry.
    failed: bool,
    /// The file changed on disk: write nothing until resolved.
    conflict: bool,
}

impl DocSlot {
    /// When the pending change should be written, if it can be (`now` for a first write).
    fn due(&self, interval: Duration, now: Instant) -> Option<Instant> {
        if self.pending.is_none() || self.failed || self.conflict {
            return None;
        }
        Some(self.last_write.map_or(now, |t| t + interval))
    }
}

/// The background thread's state.
struct Worker {
    dir: PathBuf,
    options: Options,
    outbox: Sender<SaveEvent>,
    states: Arc<Mutex<HashMap<String, SaveState>>>,
    docs: HashMap<String, DocSlot>,
}

impl Worker {
    /// Serves requests until the saver is dropped, writing due documents in between.
    fn run(mut self, inbox: &Receiver<Request>) {
        loop {
            let now = Instant::now();
            let next = self.docs.values().filter_map(|d| d.due(self.options.interval, now)).min();
            let request = match next {
                Some(at) => inbox.recv_timeout(at.saturating_duration_since(Instant::now())),
                None => inbox.recv().map_err(|_| RecvTimeoutError::Disconnected),
            };
            match request {
                Ok(request) => self.handle(request),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => {
                    self.write_all();
                    return;
                }
            }
            self.write_due();
        }
    }

    /// Acts on one request.
    fn handle(&mut self, request: Request) {
        match request {
            Request::Opened(id, fingerprint) => {
                let slot = self.docs.entry(id).or_default();
                *slot = DocSlot { expected: fingerprint, ..DocSlot::default() };
            }
            Request::Save(doc) => {
                let slot = self.docs.entry(doc.id.clone()).or_default();
                slot.pending = Some(doc);
                slot.failed = false;
                if slot.conflict {
                    let id = slot.pending.as_ref().map(|d| d.id.clone()).unwrap_or_default();
                    self.set_state(&id, SaveState::Conflict);
                }
            }
            Request::Resolve(id, resolution) => self.resolve(&id, resolution),
            Request::Retry => {
                for slot in self.docs.values_mut() {
                    slot.failed = false;
                }
                self.write_all();
            }
            Request::Flush(done) => {
                self.write_all();
                done.send(()).ok();
            }
            Request::Unsaved(reply) => {
                let docs = self.docs.values().filter_map(|d| d.pending.as_deref().cloned()).collect();
                reply.send(docs).ok();
            }
        }
    }

    /// Writes every document whose interval has passed.
    fn write_due(&mut self) {
        let now = Instant::now();
        let due: Vec<String> = self
            .docs
            .iter()
            .filter(|(_, d)| d.due(self.options.interval, now).is_some_and(|t| t <= now))
            .map(|(id, _)| id.clone())
            .collect();
        for id in due {
            self.write(&id);
        }
    }

    /// Writes every pending document that is not failed or in conflict, whatever the interval.
    fn write_all(&mut self) {
        let ids: Vec<String> = self
            .docs
            .iter()
            .filter(|(_, d)| d.due(Duration::ZERO, Instant::now()).is_some())
            .map(|(id, _)| id.clone())
            .collect();
        for id in ids {
            self.write(&id);
        }
    }

    /// Writes one document's pending state, reporting the outcome.
    fn write(&mut self, id: &str) {
        let path = document_path(&self.dir, id);
        let Some(slot) = self.docs.get_mut(id) else { return };
        let Some(doc) = slot.pending.as_deref() else { return };
        let outcome = save_checked(&path, doc, slot.expected, false);
        slot.last_write = Some(Instant::now());
        let event = match outcome {
            Ok(Some(fingerprint)) => {
                slot.expected = fingerprint;
                slot.pending = None;
                SaveEvent::Saved { id: id.to_string(), path }
            }
            Ok(None) => {
                slot.conflict = true;
                SaveEvent::Conflict { id: id.to_string(), path }
            }
            Err(error) => {
                slot.failed = true;
                SaveEvent::Failed { id: id.to_string(), error: error.in_doc(id) }
            }
        };
        self.report(event);
    }

    /// Settles a conflict the way the person chose.
    fn resolve(&mut self, id: &str, resolution: Resolution) {
        let path = document_path(&self.dir, id);
        let Some(slot) = self.docs.get_mut(id) else { return };
        let on_disk = match Fingerprint::of_file(&path) {
            Ok(f) => f,
            Err(error) => return self.report(SaveEvent::Failed { id: id.to_string(), error }),
        };
        match resolution {
            Resolution::Reload => {
                *slot = DocSlot { expected: on_disk, ..DocSlot::default() };
                self.set_state(id, SaveState::Saved);
            }
            Resolution::Overwrite => {
                *slot = DocSlot { expected: on_disk, pending: slot.pending.take(), ..DocSlot::default() };
                self.write(id);
            }
            Resolution::KeepBoth => {
                let copy = conflict_path(&self.dir, id, &crate::timestamp::now());
                let written = match slot.pending.as_deref() {
                    Some(doc) => save_checked(&copy, doc, Fingerprint::ABSENT, true).and_then(|written| {
                        written.map(|_| ()).ok_or_else(|| Error::file(&copy, "already exists; try again"))
                    }),
                    None => Ok(()),
                };
                match written {
                    Ok(()) => {
                        *slot = DocSlot { expected: on_disk, ..DocSlot::default() };
                        self.report(SaveEvent::KeptBoth { id: id.to_string(), path, copy });
                    }
                    Err(error) => self.report(SaveEvent::Failed { id: id.to_string(), error }),
                }
            }
        }
    }

    /// Sends an event, updates the shared state, and wakes the caller.
    fn report(&self, event: SaveEvent) {
        let (id, state) = match &event {
            SaveEvent::Saved { id, .. } | SaveEvent::KeptBoth { id, .. } => (id, SaveState::Saved),
            SaveEvent::Failed { id, error } => (id, SaveState::Failed(error.clone())),
            SaveEvent::Conflict { id, .. } => (id, SaveState::Conflict),
        };
        let newer_pending = self.docs.get(id).is_some_and(|d| d.pending.is_some() && state == SaveState::Saved);
        self.set_state(id, if newer_pending { SaveState::Pending } else { state });
        self.outbox.send(event).ok();
        if let Some(wake) = &self.options.waker {
            wake();
        }
    }

    /// Records a document's state for the caller.
    fn set_state(&self, id: &str, state: SaveState) {
        lock(&self.states).insert(id.to_string(), state);
    }
}

/// Writes a document to `path` unless the file no longer matches `expected`, keeping the previous
/// version as `<file>.bak`. Returns the new fingerprint, or `None` on a conflict (nothing written).
/// `fresh` files (conflict copies) get no backup.
pub fn save_checked(path: &Path, doc: &Document, expected: Fingerprint, fresh: bool) -> Result<Option<Fingerprint>> {
    let current = read_if_present(path)?;
    let on_disk = current.as_deref().map_or(Fingerprint::ABSENT, Fingerprint::of_bytes);
    if on_disk != expected {
        return Ok(None);
    }
    let mut doc = doc.clone();
    let now = crate::timestamp::now();
    if doc.created.is_empty() {
        doc.created.clone_from(&now);
    }
    doc.updated = now;
    let json = annotated::to_json(&doc);
    if let (Some(old), false) = (current, fresh) {
        write_atomic(&backup_path(path), &old)?;
    }
    write_atomic(path, json.as_bytes())?;
    Ok(Some(Fingerprint::of_bytes(json.as_bytes())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::backup_path;

    fn quick() -> Options {
        Options { interval: Duration::from_millis(200), waker: None }
    }

    fn raw_on_disk(path: &Path) -> Option<String> {
        annotated::load(path).ok().map(|d| d.raw().to_string())
    }

    /// Polls the saver until an event matches, collecting every event seen (5 s at most).
    fn wait_for(saver: &Autosaver, seen: &mut Vec<SaveEvent>, want: impl Fn(&SaveEvent) -> bool) -> bool {
        let until = Instant::now() + Duration::from_secs(5);
        while Instant::now() < until {
            let new = saver.poll();
            let hit = new.iter().any(&want);
            seen.extend(new);
            if hit {
                return true;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        false
    }

    #[test]
    fn bursts_are_coalesced_and_the_last_state_wins() {
        let dir = tempfile::tempdir().expect("tempdir");
        let saver = Autosaver::start(dir.path().to_path_buf(), quick());
        for i in 0..50 {
            saver.save(&Document::new("d", format!("version {i}")));
        }
        saver.flush();
        let saved = saver.poll().iter().filter(|e| matches!(e, SaveEvent::Saved { .. })).count();
        assert!((1..=2).contains(&saved), "{saved} writes for one burst");
        assert_eq!(raw_on_disk(&saver.path_of("d")).as_deref(), Some("version 49"));
        assert_eq!(saver.state("d"), SaveState::Saved);
        assert!(saver.unsaved().is_empty());
    }

    #[test]
    fn a_single_change_is_written_without_waiting_for_flush() {
        let dir = tempfile::tempdir().expect("tempdir");
        let saver = Autosaver::start(dir.path().to_path_buf(), Options::default());
        saver.save(&Document::new("d", "one"));
        let mut seen = Vec::new();
        assert!(wait_for(&saver, &mut seen, |e| matches!(e, SaveEvent::Saved { .. })), "{seen:?}");
        assert_eq!(raw_on_disk(&saver.path_of("d")).as_deref(), Some("one"));
    }

    #[test]
    fn the_previous_version_is_kept_as_backup() {
        let dir = tempfile::tempdir().expect("tempdir");
        let saver = Autosaver::start(dir.path().to_path_buf(), quick());
        saver.save(&Document::new("d", "first"));
        saver.flush();
        saver.save(&Document::new("d", "second"));
        saver.flush();
        let path = saver.path_of("d");
        assert_eq!(raw_on_disk(&path).as_deref(), Some("second"));
        assert_eq!(raw_on_disk(&backup_path(&path)).as_deref(), Some("first"));
    }

    #[test]
    fn a_file_changed_on_disk_is_not_overwritten() {
        let dir = tempfile::tempdir().expect("tempdir");
        let saver = Autosaver::start(dir.path().to_path_buf(), quick());
        let path = saver.path_of("d");
        crate::storage::save_document(dir.path(), &Document::new("d", "opened")).expect("save");
        saver.opened("d", Fingerprint::of_file(&path).expect("fingerprint"));
        crate::storage::save_document(dir.path(), &Document::new("d", "theirs")).expect("save");
        saver.save(&Document::new("d", "mine"));
        saver.flush();
        assert!(matches!(saver.poll()[..], [SaveEvent::Conflict { .. }]));
        assert_eq!(saver.state("d"), SaveState::Conflict);
        assert_eq!(raw_on_disk(&path).as_deref(), Some("theirs"));
        saver.save(&Document::new("d", "mine, later"));
        saver.flush();
        assert_eq!(raw_on_disk(&path).as_deref(), Some("theirs"), "still waiting for a decision");
        let kept: Vec<String> = saver.unsaved_documents().iter().map(|d| d.raw().to_string()).collect();
        assert_eq!(kept, ["mine, later"], "the unwritten version can be saved elsewhere");

        saver.resolve("d", Resolution::KeepBoth);
        saver.flush();
        let Some(SaveEvent::KeptBoth { copy, .. }) = saver.poll().pop() else { panic!("no KeptBoth") };
        assert_eq!(raw_on_disk(&copy).as_deref(), Some("mine, later"));
        assert!(copy.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("d.conflict-")));
        assert_eq!(raw_on_disk(&path).as_deref(), Some("theirs"));
        assert_eq!(saver.state("d"), SaveState::Saved);
    }

    #[test]
    fn overwrite_keeps_the_other_version_as_backup_and_reload_writes_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let saver = Autosaver::start(dir.path().to_path_buf(), quick());
        let path = saver.path_of("d");
        crate::storage::save_document(dir.path(), &Document::new("d", "theirs")).expect("save");
        saver.save(&Document::new("d", "mine"));
        saver.flush();
        assert_eq!(saver.state("d"), SaveState::Conflict, "an unregistered document never overwrites a file");
        saver.resolve("d", Resolution::Overwrite);
        saver.flush();
        assert_eq!(raw_on_disk(&path).as_deref(), Some("mine"));
        assert_eq!(raw_on_disk(&backup_path(&path)).as_deref(), Some("theirs"));

        crate::storage::save_document(dir.path(), &Document::new("d", "theirs again")).expect("save");
        saver.save(&Document::new("d", "mine again"));
        saver.flush();
        saver.resolve("d", Resolution::Reload);
        saver.flush();
        assert_eq!(raw_on_disk(&path).as_deref(), Some("theirs again"));
        assert_eq!(saver.state("d"), SaveState::Saved);
        saver.save(&Document::new("d", "after reload"));
        saver.flush();
        assert_eq!(raw_on_disk(&path).as_deref(), Some("after reload"), "saving resumes after a reload");
    }

    #[test]
    fn an_unwritable_folder_keeps_the_work_and_retries() {
        let dir = tempfile::tempdir().expect("tempdir");
        let blocker = dir.path().join("annotations");
        std::fs::write(&blocker, "a file where the folder should be").expect("blocker");
        let saver = Autosaver::start(blocker.join("ana"), quick());
        saver.save(&Document::new("d", "precious"));
        saver.flush();
        let events = saver.poll();
        let Some(SaveEvent::Failed { error, .. }) = events.first() else { panic!("{events:?}") };
        assert!(error.to_string().contains("annotations"), "{error}");
        assert!(matches!(saver.state("d"), SaveState::Failed(_)));
        assert_eq!(saver.unsaved(), vec!["d".to_string()]);

        std::fs::remove_file(&blocker).expect("unblock");
        saver.retry();
        saver.flush();
        assert_eq!(raw_on_disk(&saver.path_of("d")).as_deref(), Some("precious"));
        assert_eq!(saver.state("d"), SaveState::Saved);
    }

    #[test]
    fn dropping_the_saver_writes_what_is_pending() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = {
            let saver = Autosaver::start(dir.path().to_path_buf(), Options::default());
            saver.save(&Document::new("d", "one"));
            saver.save(&Document::new("d", "two"));
            saver.path_of("d")
        };
        assert_eq!(raw_on_disk(&path).as_deref(), Some("two"));
    }
}
