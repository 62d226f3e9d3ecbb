//! The workbench's side of never losing work: one [`Autosaver`] per annotations folder, its events
//! shown in the message area (a conflict with Reload / Keep both / Overwrite, a failed save with
//! Retry), and what a crash left in the folder offered back with Restore / Discard.

use std::path::Path;
use std::sync::Arc;

use super::app::{SaveState, Workbench};
use super::messages::{Answer, Offer};
use crate::error::Error;
use crate::storage::{self, Autosaver, Fingerprint, Resolution, SaveEvent, autosave, recovery};

impl Workbench {
    /// Makes sure the autosaver writes into `dir` (a document from another folder flushes the old
    /// one first) and registers what the document's file looks like now, so a change made on disk
    /// behind Redline's back is reported as a conflict instead of being overwritten.
    pub(super) fn watch(&mut self, dir: &Path, id: &str) {
        if self.saver.as_ref().is_none_or(|s| s.dir() != dir) {
            self.flush_saves();
            let options = autosave::Options { waker: Some(Arc::new(self.waker())), ..autosave::Options::default() };
            self.saver = Some(Autosaver::start(dir.to_path_buf(), options));
            self.offer_recovery(dir);
        }
        let Some(saver) = &self.saver else { return };
        match Fingerprint::of_file(&saver.path_of(id)) {
            Ok(fingerprint) => saver.opened(id, fingerprint),
            Err(e) => self.messages.problem(e),
        }
    }

    /// Offers back what a crash left in an annotations folder (temporary files, newer backups).
    fn offer_recovery(&mut self, dir: &Path) {
        match recovery::scan(dir) {
            Ok(found) => {
                for leftover in found {
                    self.messages.offer(leftover.describe(), Offer::Recovery(leftover));
                }
            }
            Err(e) => self.messages.problem(e),
        }
    }

    /// Hands the open document to the autosaver after an action changed it.
    pub(super) fn save_current(&mut self) {
        let (Some(saver), Some(project)) = (&self.saver, &mut self.project) else { return };
        let Some(session) = &project.session else { return };
        saver.save(&session.doc);
        if project.save_state != SaveState::Conflict {
            project.save_state = SaveState::Queued;
        }
    }

    /// Takes the autosaver's events and shows them.
    pub(super) fn poll_saves(&mut self) {
        let events = self.saver.as_ref().map(Autosaver::poll).unwrap_or_default();
        for event in events {
            self.on_save_event(event);
        }
    }

    /// Writes every pending save now (before switching document or folder, and on quit) and
    /// shows what happened.
    pub fn flush_saves(&mut self) {
        if let Some(saver) = &self.saver {
            saver.flush();
        }
        self.poll_saves();
    }

    /// The id of the document being worked on.
    fn current_id(&self) -> Option<&str> {
        self.project.as_ref()?.session.as_ref().map(|s| s.doc.id.as_str())
    }

    /// Sets the open document's save state if `id` is that document.
    fn set_state_of(&mut self, id: &str, state: SaveState) {
        if self.current_id() == Some(id)
            && let Some(project) = &mut self.project
        {
            project.save_state = state;
        }
    }

    /// Shows one autosave event.
    fn on_save_event(&mut self, event: SaveEvent) {
        match event {
            SaveEvent::Saved { id, path } => {
                self.set_state_of(&id, SaveState::Saved(path));
                let failing = self
                    .saver
                    .as_ref()
                    .is_some_and(|s| s.unsaved().iter().any(|id| matches!(s.state(id), storage::SaveState::Failed(_))));
                if !failing {
                    self.messages.withdraw(&Offer::Retry);
                }
            }
            SaveEvent::Failed { id, error } => {
                let text = format!(
                    "{} — not saved; the work is kept in memory",
                    Error { document: Some(id.clone()), ..error }
                );
                self.messages.offer(text, Offer::Retry);
                self.set_state_of(&id, SaveState::Failed);
            }
            SaveEvent::Conflict { id, path } => {
                let text = format!(
                    "{}: the file changed on disk since it was opened (another annotator, git pull?); \
                     the changes to document {id} made here are not written yet",
                    path.display()
                );
                self.messages.offer(text, Offer::Conflict(id.clone()));
                self.set_state_of(&id, SaveState::Conflict);
            }
            SaveEvent::KeptBoth { id, path, copy } => {
                self.messages.notice(format!(
                    "{}: kept as it is on disk; the version made here was saved as {}",
                    path.display(),
                    copy.display()
                ));
                self.reload_if_current(&id);
            }
        }
    }

    /// Acts on the button the person pressed in the message area.
    pub(super) fn answer(&mut self, offer: Offer, answer: Answer) {
        match offer {
            Offer::Conflict(id) => self.settle_conflict(&id, answer),
            Offer::Encoding { index, file } => self.reopen_with(index, &file, answer),
            Offer::Retry => {
                if let Some(saver) = &self.saver {
                    saver.retry();
                }
                if let Some(project) = &mut self.project
                    && project.save_state == SaveState::Failed
                {
                    project.save_state = SaveState::Queued;
                }
            }
            Offer::Recovery(leftover) => {
                let target = match &leftover {
                    storage::Leftover::Temp { target, .. } | storage::Leftover::Backup { target, .. } => target.clone(),
                };
                let done = if answer == Answer::Restore { leftover.restore() } else { leftover.discard() };
                match done {
                    Ok(()) if answer == Answer::Restore => {
                        self.messages.notice(format!("{}: restored", target.display()));
                        self.reload_if_file(&target);
                    }
                    Ok(()) => {}
                    Err(e) => self.messages.problem(e),
                }
            }
        }
    }

    /// Passes the person's choice on a conflict to the autosaver.
    fn settle_conflict(&mut self, id: &str, answer: Answer) {
        let resolution = match answer {
            Answer::Reload => Resolution::Reload,
            Answer::KeepBoth => Resolution::KeepBoth,
            _ => Resolution::Overwrite,
        };
        if let Some(saver) = &self.saver {
            saver.resolve(id, resolution);
        }
        match resolution {
            Resolution::Reload => self.reload_if_current(id),
            Resolution::Overwrite => self.set_state_of(id, SaveState::Queued),
            Resolution::KeepBoth => {}
        }
    }

    /// Reads the open document again from disk if it is `id`.
    fn reload_if_current(&mut self, id: &str) {
        let index = self.project.as_ref().and_then(|p| p.session.as_ref()).filter(|s| s.doc.id == id).map(|s| s.index);
        if let Some(index) = index {
            self.open_document(index);
        }
    }

    /// Reads the open document again from disk if it is saved to `file`.
    fn reload_if_file(&mut self, file: &Path) {
        let session = self.project.as_ref().and_then(|p| p.session.as_ref());
        let index = session.filter(|s| storage::document_path(&s.save_dir, &s.doc.id) == file).map(|s| s.index);
        if let Some(index) = index {
            self.open_document(index);
        }
    }
}
