//! The undo logs of the documents a person left while the workbench is open, so that coming back to
//! a document, Ctrl+Z still undoes their last actions on it (as in an editor with several files open).
//!
//! A log's steps name edits and entities by the ids the document had in memory; the annotated JSON
//! does not keep those ids, so the document as it was left is kept with its log, and taken back only
//! when the copy read again from disk holds the same work (else the log no longer fits and is dropped).
//! Bounded: the last [`UndoLogs::DOCUMENTS`] documents left, each with at most [`UndoLogs::STEPS`] steps.

use crate::model::{Document, Edit, Entity, History};

/// A document left with something to undo or redo, and its log.
struct Parked {
    index: usize,
    doc: Document,
    history: History,
}

/// The logs of the documents left, the most recently left last.
#[derive(Default)]
pub struct UndoLogs {
    parked: Vec<Parked>,
}

/// What became of a document's log when it was opened again.
pub enum Resumed {
    /// There was no log for it.
    Nothing,
    /// The log fits: the document as it was left (with the ids the log names) and its log.
    Log(Box<Document>, History),
    /// There was a log, but the document read again holds other work (changed on disk, read with
    /// another encoding), so the log was dropped.
    Dropped,
}

impl UndoLogs {
    /// How many documents left keep their log.
    pub const DOCUMENTS: usize = 20;
    /// How many steps each kept log holds, to undo and to redo.
    pub const STEPS: usize = 500;

    /// Keeps the log of document `index`, left as `doc`; a log with nothing to undo or redo is not kept.
    pub fn park(&mut self, index: usize, doc: Document, mut history: History) {
        self.parked.retain(|p| p.index != index);
        if !history.can_undo() && !history.can_redo() {
            return;
        }
        history.keep_last(Self::STEPS);
        self.parked.push(Parked { index, doc, history });
        let excess = self.parked.len().saturating_sub(Self::DOCUMENTS);
        self.parked.drain(..excess);
    }

    /// Takes back the log of document `index`, now read again as `fresh`.
    pub fn resume(&mut self, index: usize, fresh: &Document) -> Resumed {
        let Some(at) = self.parked.iter().position(|p| p.index == index) else { return Resumed::Nothing };
        let parked = self.parked.remove(at);
        if same_work(&parked.doc, fresh) {
            Resumed::Log(Box::new(parked.doc), parked.history)
        } else {
            Resumed::Dropped
        }
    }
}

/// Whether two copies of a document hold the same text, status, edits and entities, whatever ids
/// they carry.
fn same_work(a: &Document, b: &Document) -> bool {
    a.raw() == b.raw()
        && a.cleaned() == b.cleaned()
        && a.status == b.status
        && a.edits().len() == b.edits().len()
        && a.entities().len() == b.entities().len()
        && a.edits().iter().zip(b.edits()).all(|(x, y)| same_edit(x, y))
        && a.entities().iter().zip(b.entities()).all(|(x, y)| same_entity(x, y))
}

/// Whether two edits are the same but for their ids.
fn same_edit(a: &Edit, b: &Edit) -> bool {
    (a.start, a.end, &a.replacement, &a.origin, a.status, &a.reason, &a.absorbs)
        == (b.start, b.end, &b.replacement, &b.origin, b.status, &b.reason, &b.absorbs)
}

/// Whether two entities are the same but for their ids.
fn same_entity(a: &Entity, b: &Entity) -> bool {
    (a.start, a.end, &a.label, &a.origin, a.status, a.score) == (b.start, b.end, &b.label, &b.origin, b.status, b.score)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Command, EditStatus, NewEdit};

    /// A short story with one junk line proposed for deletion.
    fn story() -> Document {
        let mut doc = Document::new("quay", "Subscribe now\nNina Berg opened the quay in Bergen.\n");
        let edit = NewEdit {
            start: 0,
            end: 14,
            replacement: String::new(),
            origin: "promo".into(),
            status: EditStatus::Pending,
            reason: "sign-up prompt".into(),
        };
        assert!(doc.add_edits([edit]).is_empty());
        doc
    }

    /// `story` with the junk line accepted, then the city and the name before it tagged (so the ids
    /// in memory are not in text order, as they are in a copy read from disk), and the log of it.
    fn worked() -> (Document, History) {
        let mut doc = story();
        let mut history = History::default();
        let id = doc.edits()[0].id;
        history.apply(&mut doc, Command::SetEditStatus { ids: vec![id], status: EditStatus::Accepted }).expect("ok");
        history.apply(&mut doc, Command::AddEntity { start: 29, end: 35, label: "GPE".into() }).expect("tag");
        history.apply(&mut doc, Command::AddEntity { start: 0, end: 9, label: "PERSON".into() }).expect("tag");
        (doc, history)
    }

    #[test]
    fn a_document_left_and_read_again_unchanged_gets_its_log_back() {
        let (doc, history) = worked();
        // Read back from its saved JSON, as the workbench does: the ids are given afresh there.
        let fresh = crate::format::annotated::validate(&crate::format::annotated::to_json(&doc)).expect("loads");
        let mut logs = UndoLogs::default();
        logs.park(3, doc, history);
        let Resumed::Log(mut back, mut log) = logs.resume(3, &fresh) else { panic!("the log fits") };
        assert!(matches!(log.undo(&mut back), Some(Command::AddEntity { .. })));
        let left: Vec<&str> = back.entities().iter().map(|e| &back.cleaned()[e.start..e.end]).collect();
        assert_eq!(left, ["Bergen"], "the last tag (the name) is undone, not the one with its id on disk");
        log.undo(&mut back);
        assert!(matches!(log.undo(&mut back), Some(Command::SetEditStatus { .. })));
        assert_eq!(back.cleaned(), back.raw(), "the junk line is back");
        assert!(matches!(logs.resume(3, &fresh), Resumed::Nothing), "taken back once");
    }

    #[test]
    fn a_log_whose_document_changed_meanwhile_is_dropped() {
        let (doc, history) = worked();
        let mut changed = doc.clone();
        let id = changed.edits()[0].id;
        History::default()
            .apply(&mut changed, Command::SetEditStatus { ids: vec![id], status: EditStatus::Rejected })
            .expect("ok");
        let mut logs = UndoLogs::default();
        logs.park(0, doc, history);
        assert!(matches!(logs.resume(0, &changed), Resumed::Dropped));
        assert!(matches!(logs.resume(7, &story()), Resumed::Nothing), "no log for a document never left");
    }

    #[test]
    fn only_logs_with_something_to_undo_are_kept_and_only_the_latest_documents() {
        let mut logs = UndoLogs::default();
        logs.park(0, story(), History::default());
        assert!(matches!(logs.resume(0, &story()), Resumed::Nothing), "nothing to undo: not kept");
        for index in 0..=UndoLogs::DOCUMENTS {
            let (doc, history) = worked();
            logs.park(index, doc, history);
        }
        let fresh = worked().0;
        assert!(matches!(logs.resume(0, &fresh), Resumed::Nothing), "the first document left was forgotten");
        assert!(matches!(logs.resume(1, &fresh), Resumed::Log(..)));
        assert!(matches!(logs.resume(UndoLogs::DOCUMENTS, &fresh), Resumed::Log(..)));
    }
}
