//! Running shortcuts and toolbar commands against the workbench and the open document.

use eframe::egui;

use super::app::{ViewMode, Workbench};
use super::keys::{self, Action};
use super::picker::PickKind;
use crate::model::ModelError;
use crate::session::Session;

impl Workbench {
    /// Runs the shortcuts pressed this frame (none while a text field has the keyboard, except Esc).
    pub(super) fn handle_keys(&mut self, ui: &egui::Ui) {
        let events = ui.input(|i| i.events.clone());
        let mut typing = ui.ctx().text_edit_focused();
        for action in keys::pressed(&events) {
            if typing && action != Action::Escape {
                continue;
            }
            self.run(action);
            // Keys typed in the same frame as Ctrl+F are meant for the find field, never for shortcuts.
            typing |= action == Action::Find;
        }
    }

    /// Runs one action.
    pub fn run(&mut self, action: Action) {
        match action {
            Action::Help => self.help = !self.help,
            Action::Quit => self.quit(),
            Action::OpenFiles => self.pick(PickKind::Files),
            Action::OpenFolder => self.pick(PickKind::Folder),
            Action::Export => self.toggle_export(),
            Action::SuggestCorpus => self.suggest_corpus(),
            Action::Find => {
                self.find = Some(String::new());
                self.focus_find = true;
            }
            Action::CycleView => {
                self.view_mode = match self.view_mode {
                    ViewMode::SideBySide => ViewMode::Unified,
                    ViewMode::Unified => ViewMode::Cleaned,
                    ViewMode::Cleaned => ViewMode::SideBySide,
                };
            }
            Action::Escape => self.escape(),
            Action::DoneNext => self.done_and_next(),
            Action::NextDoc => self.step_document(true),
            Action::PrevDoc => self.step_document(false),
            _ => self.run_on_document(action),
        }
    }

    /// Closes the innermost overlay, or clears the selection and focus.
    fn escape(&mut self) {
        if self.help {
            self.help = false;
        } else if self.export.open {
            self.export.open = false;
        } else if self.find.is_some() {
            self.find = None;
        } else if let Some(s) = self.project.as_mut().and_then(|p| p.session.as_mut()) {
            if s.editor.is_some() {
                s.editor = None;
            } else {
                s.anchor = None;
                s.focus = None;
            }
        }
    }

    /// Runs an action that works on the open document, autosaving when it changed something.
    fn run_on_document(&mut self, action: Action) {
        let Some(project) = &mut self.project else { return };
        let labels = project.ws.config.labels.clone();
        let Some(s) = &mut project.session else { return };
        let before = s.pending_edits();
        let mut result = apply_to_session(s, action, &labels);
        if matches!(result, Ok(true))
            && matches!(action, Action::Reject | Action::RejectRule | Action::RejectAll)
            && let Some(suggest) = &project.ws.entity_suggester
        {
            result = s.suggest_in_restored(&before, suggest).map(|_| true);
        }
        if matches!(
            action,
            Action::NextItem | Action::PrevItem | Action::Undo | Action::Redo | Action::Accept | Action::Reject
        ) {
            self.views.reveal(s);
        }
        match result {
            Ok(true) => self.changed(),
            Ok(false) => {}
            Err(e) => self.messages.problem(crate::error::Error::from(e).in_doc(&s.doc.id)),
        }
    }

    /// Marks the open document done, writes it now, and opens the next one.
    pub fn done_and_next(&mut self) {
        let Some(s) = self.project.as_mut().and_then(|p| p.session.as_mut()) else { return };
        let (edits, _, entities) = super::layout::undecided_counts(&s.doc);
        if edits + entities > 0 && s.doc.status != crate::model::DocStatus::Done {
            let id = &s.doc.id;
            self.messages
                .notice(format!("{id} marked done with {edits} cleaning and {entities} entity suggestions undecided"));
        }
        match s.mark_done() {
            Ok(true) => self.changed(),
            Ok(false) => {}
            Err(e) => self.messages.problem(crate::error::Error::from(e)),
        }
        self.flush_saves();
        self.open_next_unfinished();
    }

    /// Opens the first document after the open one (then from the top of the list) that the list's
    /// filter shows and that is neither done nor skipped: a person coming back to a half-done folder
    /// goes on with the work left, not through the documents finished already.
    fn open_next_unfinished(&mut self) {
        let Some(project) = &self.project else { return };
        let Some(here) = project.session.as_ref().map(|s| s.index) else { return };
        let shown = project.visible_documents();
        let (after, before): (Vec<usize>, Vec<usize>) =
            shown.into_iter().filter(|&i| i != here).partition(|&i| i > here);
        let unfinished: Vec<usize> = after
            .into_iter()
            .chain(before)
            .filter(|&i| !is_finished(project.summaries.get(i).and_then(Option::as_ref)))
            .collect();
        if !unfinished.into_iter().any(|i| self.open_document(i)) {
            self.messages.notice("Every document in the list is done or skipped.");
        }
    }

    /// Opens the next (or previous) document that the list's filter shows.
    pub fn step_document(&mut self, forward: bool) {
        let Some(project) = &self.project else { return };
        let Some(here) = project.session.as_ref().map(|s| s.index) else { return };
        let shown = project.visible_documents();
        // A document that cannot be opened is reported and skipped, so one bad file never blocks the rest.
        let opened = if forward {
            shown.into_iter().filter(|&i| i > here).find(|&i| self.open_document(i))
        } else {
            shown.into_iter().rev().filter(|&i| i < here).find(|&i| self.open_document(i))
        };
        if opened.is_none() && forward {
            self.messages.notice("That was the last document in the list.");
        }
    }
}

/// Whether a document's summary says it is done or skipped (one not read yet is not).
fn is_finished(summary: Option<&crate::workspace::Summary>) -> bool {
    summary.is_some_and(|s| matches!(s.status, crate::model::DocStatus::Done | crate::model::DocStatus::Skipped))
}

/// Runs a document action on the session; returns whether the document changed.
fn apply_to_session(s: &mut Session, action: Action, labels: &[crate::labels::LabelDef]) -> Result<bool, ModelError> {
    match action {
        Action::Undo => Ok(s.undo().is_some()),
        Action::Redo => Ok(s.redo().is_some()),
        Action::NextItem => {
            s.focus_next(true);
            Ok(false)
        }
        Action::PrevItem => {
            s.focus_next(false);
            Ok(false)
        }
        Action::Accept => decide_and_advance(s, true),
        Action::Reject => decide_and_advance(s, false),
        Action::Reset => s.reset_focused(),
        Action::AcceptRule => s.decide_rule(true),
        Action::RejectRule => s.decide_rule(false),
        Action::AcceptAll => s.decide_all(true),
        Action::RejectAll => s.decide_all(false),
        Action::AcceptAllEntities => s.decide_all_entities(true),
        Action::RejectAllEntities => s.decide_all_entities(false),
        Action::RemoveEntity => s.remove_focused_entity(),
        Action::EditParagraph => {
            s.open_editor();
            Ok(false)
        }
        Action::Caret(step, extend) => {
            s.move_caret(step, extend);
            s.focus = None;
            Ok(false)
        }
        Action::EntityEdge(start, step) => s.move_entity_edge(start, step),
        Action::Label(n) => {
            let by_key = labels.iter().find(|l| l.key == Some(n));
            let def = by_key.or_else(|| labels.get(usize::from(n).saturating_sub(1)));
            match def {
                Some(def) => s.tag(&def.name),
                None => Ok(false),
            }
        }
        _ => Ok(false),
    }
}

/// Decides the focused suggestion and moves the focus on to the next undecided one (reviewing a document
/// is A, A, R, A… rather than A, J, A, J…); with nothing left undecided the focus stays where it is.
fn decide_and_advance(s: &mut Session, accept: bool) -> Result<bool, ModelError> {
    let items = s.items();
    let here = s.focus.and_then(|f| items.iter().position(|&i| i == f));
    let changed = s.decide_focused(accept)?;
    let undecided = s.doc.edits().iter().any(|e| e.status == crate::model::EditStatus::Pending)
        || s.doc
            .entities()
            .iter()
            .any(|e| matches!(e.status, crate::model::EntityStatus::Pending | crate::model::EntityStatus::NeedsReview));
    if changed && undecided {
        if s.focus.is_none() {
            // A rejected entity leaves the walk (and the focus): go on from the item before it, not from
            // the top of the document.
            s.focus = here.and_then(|i| i.checked_sub(1)).map(|i| items[i]);
        }
        s.focus_next(true);
    }
    Ok(changed)
}
