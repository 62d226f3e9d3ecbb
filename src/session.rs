//! One document open for annotation, as a person works on it: the document and its undo log, what
//! is focused (a suggestion or an entity), the caret and selection in the cleaned text, and the
//! intents the workbench sends (decide, tag, move, hand-edit). No drawing here: the GUI shows it.

use std::path::PathBuf;

use crate::model::{
    Bias, Command, DocStatus, Document, EditId, EditStatus, EntityId, EntityStatus, History, ModelError, NewEntity,
};
use crate::words;
use crate::workspace::Prepared;

/// What is focused: one cleaning edit or one entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Focus {
    /// A cleaning edit.
    Edit(EditId),
    /// An entity.
    Entity(EntityId),
}

/// How a caret or selection edge moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// One word left.
    WordLeft,
    /// One word right.
    WordRight,
    /// One character left.
    CharLeft,
    /// One character right.
    CharRight,
}

/// A paragraph of the cleaned text being edited by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParagraphEdit {
    /// Cleaned start byte of the paragraph.
    pub start: usize,
    /// Cleaned end byte (before its line break).
    pub end: usize,
    /// The text being edited.
    pub text: String,
}

/// The document being worked on and the person's place in it.
pub struct Session {
    /// Its number in the workspace.
    pub index: usize,
    /// The document.
    pub doc: Document,
    /// Undo and redo of every action.
    pub history: History,
    /// Where it is saved.
    pub save_dir: PathBuf,
    /// Whether it was resumed from a saved annotation.
    pub resumed: bool,
    /// The focused suggestion or entity.
    pub focus: Option<Focus>,
    /// The caret in the cleaned text (byte).
    pub caret: usize,
    /// Where a keyboard selection started (byte); the selection runs from here to the caret.
    pub anchor: Option<usize>,
    /// The paragraph open for a hand edit.
    pub editor: Option<ParagraphEdit>,
}

impl Session {
    /// A session on a prepared document.
    pub fn new(index: usize, prepared: Prepared) -> Self {
        Self {
            index,
            doc: prepared.doc,
            history: History::default(),
            save_dir: prepared.save_dir,
            resumed: prepared.resumed,
            focus: None,
            caret: 0,
            anchor: None,
            editor: None,
        }
    }

    /// The selected cleaned range (ordered, possibly empty), or `None`.
    pub fn selection(&self) -> Option<(usize, usize)> {
        let a = self.anchor?;
        Some((a.min(self.caret), a.max(self.caret)))
    }

    /// Applies a command through the undo log; returns whether anything changed.
    pub fn apply(&mut self, command: Command) -> Result<bool, ModelError> {
        let marks = self.raw_marks();
        let changed = self.history.apply(&mut self.doc, command);
        self.after_change(marks);
        changed
    }

    /// Undoes the last action; returns its description.
    pub fn undo(&mut self) -> Option<String> {
        let marks = self.raw_marks();
        let what = self.history.undo(&mut self.doc).map(Command::describe);
        self.after_change(marks);
        what
    }

    /// Redoes the last undone action; returns its description.
    pub fn redo(&mut self) -> Option<String> {
        let marks = self.raw_marks();
        let what = self.history.redo(&mut self.doc).map(Command::describe);
        self.after_change(marks);
        what
    }

    /// The caret and the selection's anchor as offsets in the raw text, which no change moves: where
    /// [`Session::after_change`] puts them back in the changed cleaned text.
    fn raw_marks(&self) -> (usize, Option<usize>) {
        let map = self.doc.map();
        (map.clean_to_raw(self.caret, Bias::Left), self.anchor.map(|a| map.clean_to_raw(a, Bias::Left)))
    }

    /// Keeps caret, selection and focus valid after the document changed: caret and anchor stay on
    /// the same words (`marks`, from [`Session::raw_marks`] before the change), not at the same byte
    /// offsets, which text deleted or restored before them would shift onto other words.
    fn after_change(&mut self, (caret, anchor): (usize, Option<usize>)) {
        let text = self.doc.cleaned();
        let map = self.doc.map();
        self.caret = floor_boundary(text, map.raw_to_clean_clamped(caret, Bias::Left));
        self.anchor = anchor.map(|a| floor_boundary(text, map.raw_to_clean_clamped(a, Bias::Left)));
        let gone = match self.focus {
            Some(Focus::Edit(id)) => self.doc.edit(id).is_none(),
            Some(Focus::Entity(id)) => self.doc.entity(id).is_none_or(|e| !e.is_live()),
            None => false,
        };
        if gone {
            self.focus = None;
        }
    }

    /// Everything focus moves through, in reading order: every edit (so a decision can be changed)
    /// and every entity.
    pub fn items(&self) -> Vec<Focus> {
        let mut items: Vec<(usize, Focus)> = self.doc.edits().iter().map(|e| (e.start, Focus::Edit(e.id))).collect();
        for e in self.doc.entities().iter().filter(|e| e.is_live()) {
            items.push((self.doc.map().clean_to_raw(e.start, Bias::Right), Focus::Entity(e.id)));
        }
        items.sort_by_key(|&(at, f)| (at, matches!(f, Focus::Entity(_))));
        items.into_iter().map(|(_, f)| f).collect()
    }

    /// Moves the focus to the next (`forward`) or previous item, preferring undecided ones.
    pub fn focus_next(&mut self, forward: bool) {
        let items = self.items();
        if items.is_empty() {
            return;
        }
        let here = self.focus.and_then(|f| items.iter().position(|&i| i == f));
        let n = items.len();
        let order: Vec<usize> = match (here, forward) {
            (None, true) => (0..n).collect(),
            (None, false) => (0..n).rev().collect(),
            (Some(i), true) => (1..=n).map(|k| (i + k) % n).collect(),
            (Some(i), false) => (1..=n).map(|k| (i + n - k) % n).collect(),
        };
        let undecided = order.iter().copied().find(|&i| self.is_undecided(items[i]));
        let pick = undecided.or_else(|| order.first().copied()).unwrap_or(0);
        self.focus = Some(items[pick]);
        if let Some(Focus::Entity(id)) = self.focus
            && let Some(e) = self.doc.entity(id)
        {
            self.caret = e.end;
            self.anchor = None;
        }
    }

    /// Whether an item still waits for a decision.
    fn is_undecided(&self, item: Focus) -> bool {
        match item {
            Focus::Edit(id) => self.doc.edit(id).is_some_and(|e| e.status == EditStatus::Pending),
            Focus::Entity(id) => self
                .doc
                .entity(id)
                .is_some_and(|e| matches!(e.status, EntityStatus::Pending | EntityStatus::NeedsReview)),
        }
    }

    /// Accepts (`true`) or rejects the focused suggestion or entity.
    pub fn decide_focused(&mut self, accept: bool) -> Result<bool, ModelError> {
        match self.focus {
            Some(Focus::Edit(id)) => self.set_edits(vec![id], accept),
            Some(Focus::Entity(id)) => {
                let status = if accept { EntityStatus::Accepted } else { EntityStatus::Rejected };
                self.apply(Command::SetEntityStatus { ids: vec![id], status })
            }
            None => Ok(false),
        }
    }

    /// Puts the focused edit back to undecided.
    pub fn reset_focused(&mut self) -> Result<bool, ModelError> {
        match self.focus {
            Some(Focus::Edit(id)) => self.apply(Command::SetEditStatus { ids: vec![id], status: EditStatus::Pending }),
            _ => Ok(false),
        }
    }

    /// Accepts or rejects every edit of the focused edit's rule.
    pub fn decide_rule(&mut self, accept: bool) -> Result<bool, ModelError> {
        let Some(Focus::Edit(id)) = self.focus else { return Ok(false) };
        let Some(rule) = self.doc.edit(id).map(|e| e.origin.clone()) else { return Ok(false) };
        self.decide_origin(&rule, accept)
    }

    /// Accepts or rejects every edit proposed by one rule.
    pub fn decide_origin(&mut self, rule: &str, accept: bool) -> Result<bool, ModelError> {
        let ids = self.doc.edits().iter().filter(|e| e.origin == rule).map(|e| e.id).collect();
        self.set_edits(ids, accept)
    }

    /// Accepts or rejects every undecided cleaning suggestion.
    pub fn decide_all(&mut self, accept: bool) -> Result<bool, ModelError> {
        let ids = self.doc.edits().iter().filter(|e| e.status == EditStatus::Pending).map(|e| e.id).collect();
        self.set_edits(ids, accept)
    }

    /// Accepts or rejects every undecided entity suggestion (pending ones; those a change left to
    /// review stay for the person to look at), in one undoable step.
    pub fn decide_all_entities(&mut self, accept: bool) -> Result<bool, ModelError> {
        let ids: Vec<EntityId> =
            self.doc.entities().iter().filter(|e| e.status == EntityStatus::Pending).map(|e| e.id).collect();
        if ids.is_empty() {
            return Ok(false);
        }
        let status = if accept { EntityStatus::Accepted } else { EntityStatus::Rejected };
        self.apply(Command::SetEntityStatus { ids, status })
    }

    /// The cleaning suggestions not yet decided, for [`Session::suggest_in_restored`] after a decision.
    pub fn pending_edits(&self) -> Vec<EditId> {
        self.doc.edits().iter().filter(|e| e.status == EditStatus::Pending).map(|e| e.id).collect()
    }

    /// After a decision, suggests entities in the text that rejected deletions gave back (entity
    /// suggestions are made on the text as pending cleaning would leave it, so that text had none):
    /// `suggest`'s suggestions that lie inside an edit pending before the decision (`before`) and
    /// rejected now, as one more undoable step. Returns whether any were added.
    pub fn suggest_in_restored(
        &mut self,
        before: &[EditId],
        suggest: impl Fn(&Document) -> Vec<NewEntity>,
    ) -> Result<bool, ModelError> {
        let map = self.doc.map();
        let restored: Vec<(usize, usize)> = before
            .iter()
            .filter_map(|&id| self.doc.edit(id))
            .filter(|e| e.status == EditStatus::Rejected && !e.is_insertion())
            .map(|e| (map.raw_to_clean_clamped(e.start, Bias::Right), map.raw_to_clean_clamped(e.end, Bias::Left)))
            .collect();
        if restored.is_empty() {
            return Ok(false);
        }
        let inside = |e: &NewEntity| restored.iter().any(|&(start, end)| start <= e.start && e.end <= end);
        let new: Vec<_> = suggest(&self.doc)
            .into_iter()
            .filter(inside)
            .map(|e| (e.start, e.end, e.label.to_string(), e.origin.to_string()))
            .collect();
        if new.is_empty() {
            return Ok(false);
        }
        self.apply(Command::SuggestEntities(new))
    }

    /// Sets edits to accepted or rejected in one undoable step.
    fn set_edits(&mut self, ids: Vec<EditId>, accept: bool) -> Result<bool, ModelError> {
        let status = if accept { EditStatus::Accepted } else { EditStatus::Rejected };
        self.apply(Command::SetEditStatus { ids, status })
    }

    /// Tags the selection with `label` (or relabels the focused entity); returns whether it changed.
    pub fn tag(&mut self, label: &str) -> Result<bool, ModelError> {
        if let Some((start, end)) = self.selection().filter(|(a, z)| a < z) {
            let changed = self.apply(Command::AddEntity { start, end, label: label.to_string() })?;
            let new = self.doc.entities().iter().find(|e| e.start == start && e.end == end && e.label == label);
            self.focus = new.map(|e| Focus::Entity(e.id));
            self.anchor = None;
            self.caret = end;
            return Ok(changed);
        }
        match self.focus {
            Some(Focus::Entity(id)) => self.apply(Command::SetEntityLabel { id, label: label.to_string() }),
            _ => Ok(false),
        }
    }

    /// Removes the focused entity.
    pub fn remove_focused_entity(&mut self) -> Result<bool, ModelError> {
        match self.focus {
            Some(Focus::Entity(id)) => self.apply(Command::RemoveEntity(id)),
            _ => Ok(false),
        }
    }

    /// Moves one edge (`start` or end) of the focused entity by `step`, keeping it non-empty.
    pub fn move_entity_edge(&mut self, start: bool, step: Step) -> Result<bool, ModelError> {
        let Some(Focus::Entity(id)) = self.focus else { return Ok(false) };
        let Some(e) = self.doc.entity(id) else { return Ok(false) };
        let text = self.doc.cleaned();
        let (mut a, mut z) = (e.start, e.end);
        if start {
            a = step_from(text, a, step).min(z.saturating_sub(1));
            a = words::prev_char(text, words::next_char(text, a));
        } else {
            z = step_from(text, z, step).max(a + 1);
            z = words::next_char(text, words::prev_char(text, z));
        }
        if (a, z) == (e.start, e.end) || a >= z {
            return Ok(false);
        }
        self.apply(Command::SetEntityRange { id, start: a, end: z })
    }

    /// The range entity `id` takes when its start (or end) edge is dragged to cleaned byte `to`: the
    /// word there is taken whole unless `exact`, as a selection snaps. `None` when the entity is gone,
    /// the range would be empty, or nothing changes.
    pub fn dragged_edge_range(&self, id: EntityId, start_edge: bool, to: usize, exact: bool) -> Option<(usize, usize)> {
        let e = self.doc.entity(id)?;
        let text = self.doc.cleaned();
        let to = floor_boundary(text, to);
        let range = match (start_edge, exact) {
            (true, true) => (to, e.end),
            (false, true) => (e.start, to),
            (true, false) => (words::snap_to_words(text, to, e.end)?.0, e.end),
            (false, false) => (e.start, words::snap_to_words(text, e.start, to)?.1),
        };
        (range.0 < range.1 && range != (e.start, e.end)).then_some(range)
    }

    /// Moves an edge of entity `id` to where it was dragged (see [`Self::dragged_edge_range`]) with one
    /// undoable `SetEntityRange`, and focuses the entity; returns whether it changed.
    pub fn drag_entity_edge(
        &mut self,
        id: EntityId,
        start_edge: bool,
        to: usize,
        exact: bool,
    ) -> Result<bool, ModelError> {
        self.anchor = None;
        self.focus = Some(Focus::Entity(id));
        match self.dragged_edge_range(id, start_edge, to, exact) {
            Some((start, end)) => self.apply(Command::SetEntityRange { id, start, end }),
            None => Ok(false),
        }
    }

    /// Moves the caret; with `extend` the selection grows from where it started.
    pub fn move_caret(&mut self, step: Step, extend: bool) {
        if extend && self.anchor.is_none() {
            self.anchor = Some(self.caret);
        }
        if !extend {
            self.anchor = None;
        }
        self.caret = step_from(self.doc.cleaned(), self.caret, step);
    }

    /// Selects a cleaned range (snapped to whole words unless `exact`); returns whether a range is selected.
    pub fn select(&mut self, start: usize, end: usize, exact: bool) -> bool {
        let text = self.doc.cleaned();
        let range = if exact { Some((start.min(end), start.max(end))) } else { words::snap_to_words(text, start, end) };
        match range.filter(|(a, z)| a < z) {
            Some((a, z)) => {
                self.anchor = Some(a);
                self.caret = z;
                true
            }
            None => {
                self.anchor = None;
                self.caret = start.min(text.len());
                false
            }
        }
    }

    /// Selects the next occurrence of `needle` after the caret (wrapping round), ignoring the case of
    /// ASCII letters ("advertisement" finds "Advertisement"); returns whether found.
    pub fn find(&mut self, needle: &str) -> bool {
        if needle.is_empty() {
            return false;
        }
        let text = self.doc.cleaned();
        let from = self.selection().map_or(self.caret, |(a, _)| words::next_char(text, a));
        let hit = find_ignoring_ascii_case(text, needle, from).or_else(|| find_ignoring_ascii_case(text, needle, 0));
        match hit {
            Some(at) => {
                self.anchor = Some(at);
                self.caret = at + needle.len();
                self.focus = None;
                true
            }
            None => false,
        }
    }

    /// Opens the paragraph around the caret for a hand edit.
    pub fn open_editor(&mut self) {
        let text = self.doc.cleaned();
        let start = text[..self.caret].rfind('\n').map_or(0, |i| i + 1);
        let end = text[self.caret..].find('\n').map_or(text.len(), |i| self.caret + i);
        self.editor = Some(ParagraphEdit { start, end, text: text[start..end].to_string() });
    }

    /// Commits the open hand edit as one `ManualEdit` covering only what changed.
    pub fn commit_editor(&mut self) -> Result<bool, ModelError> {
        let Some(edit) = self.editor.take() else { return Ok(false) };
        let old = &self.doc.cleaned()[edit.start..edit.end];
        let (prefix, old_mid, new_mid) = changed_middle(old, &edit.text);
        let start = edit.start + prefix;
        let command = Command::ManualEdit { start, end: start + old_mid, text: new_mid.to_string() };
        self.apply(command)
    }

    /// Marks the document done.
    pub fn mark_done(&mut self) -> Result<bool, ModelError> {
        self.apply(Command::SetDocStatus(DocStatus::Done))
    }
}

/// The first byte offset at or after `from` where `needle` occurs in `text`, ASCII letters compared
/// without case (other characters exactly); only character boundaries are tried.
fn find_ignoring_ascii_case(text: &str, needle: &str, from: usize) -> Option<usize> {
    let (hay, pattern) = (text.as_bytes(), needle.as_bytes());
    let first = pattern.first()?.to_ascii_lowercase();
    (from..=hay.len().checked_sub(pattern.len())?).find(|&at| {
        hay[at].to_ascii_lowercase() == first
            && text.is_char_boundary(at)
            && hay[at..at + pattern.len()].eq_ignore_ascii_case(pattern)
    })
}

/// The nearest char boundary of `text` at or before `pos`.
fn floor_boundary(text: &str, pos: usize) -> usize {
    let mut p = pos.min(text.len());
    while !text.is_char_boundary(p) {
        p -= 1;
    }
    p
}

/// Where a caret lands after one step from `pos`.
fn step_from(text: &str, pos: usize, step: Step) -> usize {
    match step {
        Step::WordLeft => words::prev_word_start(text, pos),
        Step::WordRight => words::next_word_end(text, pos),
        Step::CharLeft => words::prev_char(text, pos),
        Step::CharRight => words::next_char(text, pos),
    }
}

/// The part of `new` that differs from `old`: (common prefix bytes, old middle bytes, new middle).
fn changed_middle<'a>(old: &str, new: &'a str) -> (usize, usize, &'a str) {
    let prefix: usize = old.chars().zip(new.chars()).take_while(|(a, b)| a == b).map(|(a, _)| a.len_utf8()).sum();
    let suffix: usize = old[prefix..]
        .chars()
        .rev()
        .zip(new[prefix..].chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    (prefix, old.len() - prefix - suffix, &new[prefix..new.len() - suffix])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NewEdit;

    fn session() -> Session {
        let mut doc = Document::new("s", "Top\n\n\n\nGen. James Mattis spoke.\nSHARE\n");
        let share = doc.raw().find("SHARE").unwrap_or(0);
        doc.add_edits([
            NewEdit {
                start: 3,
                end: 7,
                replacement: "\n\n".into(),
                origin: "blank".into(),
                status: EditStatus::Pending,
                reason: "4 breaks".into(),
            },
            NewEdit {
                start: share,
                end: share + 6,
                replacement: String::new(),
                origin: "share".into(),
                status: EditStatus::Pending,
                reason: "share line".into(),
            },
        ]);
        let prepared = Prepared { doc, save_dir: PathBuf::from("x"), resumed: false };
        Session::new(0, prepared)
    }

    #[test]
    fn focus_walks_undecided_items_and_decisions_undo() {
        let mut s = session();
        s.focus_next(true);
        assert_eq!(s.focus, Some(Focus::Edit(s.doc.edits()[0].id)));
        assert!(s.decide_focused(true).expect("accept"));
        s.focus_next(true);
        assert_eq!(s.focus, Some(Focus::Edit(s.doc.edits()[1].id)));
        assert!(s.decide_focused(false).expect("reject"));
        assert_eq!(s.doc.cleaned(), "Top\n\nGen. James Mattis spoke.\nSHARE\n");
        s.undo();
        s.undo();
        assert_eq!(s.doc.edits().iter().filter(|e| e.status == EditStatus::Pending).count(), 2);
        s.redo();
        assert_eq!(s.doc.edits()[0].status, EditStatus::Accepted);
        assert!(s.decide_all(true).expect("all"));
        assert_eq!(s.doc.cleaned(), "Top\n\nGen. James Mattis spoke.\n");
    }

    #[test]
    fn caret_and_selection_stay_on_their_words_when_text_before_them_changes() {
        let mut s = session();
        assert!(s.find("Mattis"));
        let selected = |s: &Session| s.selection().map(|(a, b)| s.doc.cleaned()[a..b].to_string());
        assert!(s.decide_all(true).expect("accept"));
        assert_eq!(selected(&s).as_deref(), Some("Mattis"));
        s.undo();
        assert_eq!(selected(&s).as_deref(), Some("Mattis"));
        // Text deleted under the selection leaves it empty where the text was, not on other words.
        let start = s.doc.cleaned().find("Mattis").unwrap_or(0);
        s.apply(Command::ManualEdit { start, end: start + "Mattis".len(), text: String::new() }).expect("edit");
        assert_eq!(selected(&s).as_deref(), Some(""));
        assert_eq!(s.caret, start);
    }

    #[test]
    fn rejecting_a_deletion_suggests_entities_in_the_text_it_gives_back() {
        let text = "Ann Lee of Nairobi spoke.\nSHARE\nPhoto: Carla Mendes visited Mombasa on Monday.\n";
        let mut doc = Document::new("s", text);
        doc.add_edits(crate::clean::Cleaner::builtin().suggest(doc.raw()));
        let suggester = crate::suggest::Suggester::builtin();
        doc.add_entities(suggester.suggest_document(&doc)).expect("suggestions");
        let mut s = Session::new(0, Prepared { doc, save_dir: PathBuf::from("x"), resumed: false });
        let spans = |s: &Session| {
            s.doc.entities().iter().map(|e| s.doc.cleaned()[e.start..e.end].to_string()).collect::<Vec<_>>()
        };
        assert!(!spans(&s).contains(&"Mombasa".to_string()), "{:?}", spans(&s));
        let credit = s.doc.edits().iter().find(|e| s.doc.raw()[e.start..e.end].starts_with("Photo")).map(|e| e.id);
        let before = s.pending_edits();
        s.focus = credit.map(Focus::Edit);
        assert!(s.decide_focused(false).expect("reject"));
        assert!(s.suggest_in_restored(&before, |d| suggester.suggest_document(d)).expect("suggest"));
        let now = spans(&s);
        assert!(now.contains(&"Mombasa".to_string()) && now.contains(&"Carla Mendes".to_string()), "{now:?}");
        assert_eq!(now.iter().filter(|t| *t == "Ann Lee").count(), 1, "nothing added outside: {now:?}");
        // One undo takes the new suggestions back, the next the rejection.
        s.undo();
        assert!(!spans(&s).contains(&"Mombasa".to_string()));
        let before = s.pending_edits();
        assert!(!s.suggest_in_restored(&before, |d| suggester.suggest_document(d)).expect("nothing rejected"));
    }

    #[test]
    fn every_entity_suggestion_is_decided_at_once_and_undone_at_once() {
        let mut doc = Document::new("s", "Ann Lee met Omar Diallo in Nairobi on Monday.");
        doc.add_entities(crate::suggest::Suggester::builtin().suggest_document(&doc)).expect("suggestions");
        let pending = doc.entities().iter().filter(|e| e.status == EntityStatus::Pending).count();
        assert!(pending >= 3, "{:?}", doc.entities());
        let mut s = Session::new(0, Prepared { doc, save_dir: PathBuf::from("x"), resumed: false });
        assert!(s.decide_all_entities(true).expect("accept"));
        assert!(s.doc.entities().iter().all(|e| e.status == EntityStatus::Accepted));
        assert!(!s.decide_all_entities(false).expect("nothing left undecided"));
        s.undo();
        assert_eq!(s.doc.entities().iter().filter(|e| e.status == EntityStatus::Pending).count(), pending);
        assert!(s.decide_all_entities(false).expect("reject"));
        assert!(s.doc.entities().iter().all(|e| e.status == EntityStatus::Rejected));
    }

    #[test]
    fn find_ignores_the_case_of_ascii_letters_and_wraps_round() {
        let mut s = session();
        assert!(s.find("mattis"));
        let found = s.selection().map(|(a, b)| s.doc.cleaned()[a..b].to_string());
        assert_eq!(found.as_deref(), Some("Mattis"));
        assert!(s.find("TOP"));
        assert_eq!(s.selection(), Some((0, 3)));
        assert!(!s.find("Mattiss") && !s.find(""));
        assert_eq!(find_ignoring_ascii_case("Café CAFÉ", "café", 1), None);
        assert_eq!(find_ignoring_ascii_case("Café CAFÉ", "CAF", 1), Some(6));
    }

    #[test]
    fn keyboard_selection_snaps_and_tags() {
        let mut s = session();
        assert!(s.find("James Mattis"));
        assert!(s.tag("PERSON").expect("tag"));
        let e = &s.doc.entities()[0];
        assert_eq!(&s.doc.cleaned()[e.start..e.end], "James Mattis");
        assert_eq!(s.focus, Some(Focus::Entity(e.id)));
        assert!(s.tag("ORG").expect("relabel"));
        assert_eq!(s.doc.entities()[0].label, "ORG");
        assert!(s.move_entity_edge(true, Step::WordLeft).expect("grow"));
        let e = &s.doc.entities()[0];
        assert_eq!(&s.doc.cleaned()[e.start..e.end], "Gen. James Mattis");
        assert!(s.remove_focused_entity().expect("remove"));
        assert!(s.doc.entities().is_empty());
        s.caret = s.doc.cleaned().find("ames").unwrap_or(0);
        s.move_caret(Step::WordRight, true);
        s.move_caret(Step::WordRight, true);
        let (a, z) = s.selection().expect("selection");
        assert!(s.select(a, z, false));
        assert_eq!(s.selection().map(|(a, z)| &s.doc.cleaned()[a..z]), Some("James Mattis"));
    }

    #[test]
    fn dragging_an_entity_edge_snaps_to_words_unless_exact_and_undoes() {
        let mut s = session();
        assert!(s.find("Mattis"));
        assert!(s.tag("PERSON").expect("tag"));
        let id = s.doc.entities()[0].id;
        let text = s.doc.cleaned().to_string();
        let inside_james = text.find("ames").unwrap_or(0);
        assert!(s.drag_entity_edge(id, true, inside_james, false).expect("grow start"));
        let span = |s: &Session| s.doc.entity(id).map(|e| s.doc.cleaned()[e.start..e.end].to_string());
        assert_eq!(span(&s).as_deref(), Some("James Mattis"));
        assert_eq!(s.focus, Some(Focus::Entity(id)));
        let before_end = text.find("tis").unwrap_or(0);
        assert!(s.drag_entity_edge(id, false, before_end, true).expect("exact end"));
        assert_eq!(span(&s).as_deref(), Some("James Mat"));
        // Past the other edge the entity would be empty: nothing happens.
        assert_eq!(s.dragged_edge_range(id, true, text.len(), true), None);
        s.undo();
        assert_eq!(span(&s).as_deref(), Some("James Mattis"));
        s.undo();
        assert_eq!(span(&s).as_deref(), Some("Mattis"));
    }

    #[test]
    fn entity_suggestions_are_decided_like_cleaning_suggestions() {
        let mut s = session();
        s.decide_all(false).expect("reject cleaning suggestions");
        let cleaned = s.doc.cleaned().to_string();
        let at = |w: &str| cleaned.find(w).unwrap_or(0);
        let suggestion = |start: usize, len: usize, label: &str| crate::model::NewEntity {
            start,
            end: start + len,
            label: label.into(),
            origin: "gazetteer".into(),
            status: EntityStatus::Pending,
            score: Some(0.5),
        };
        let ids = s
            .doc
            .add_entities([suggestion(at("James"), 12, "PERSON"), suggestion(at("SHARE"), 5, "ORG")])
            .expect("add");
        s.focus = None;
        s.focus_next(true);
        assert_eq!(s.focus, Some(Focus::Entity(ids[0])), "the first undecided item");
        assert!(s.decide_focused(true).expect("accept"));
        s.focus_next(true);
        assert_eq!(s.focus, Some(Focus::Entity(ids[1])));
        assert!(s.decide_focused(false).expect("reject"));
        let status = |s: &Session, id| s.doc.entity(id).map(|e| e.status);
        assert_eq!(
            (status(&s, ids[0]), status(&s, ids[1])),
            (Some(EntityStatus::Accepted), Some(EntityStatus::Rejected))
        );
        assert_eq!(s.focus, None, "a rejected entity is no longer shown, so it loses the focus");
        s.undo();
        assert_eq!(status(&s, ids[1]), Some(EntityStatus::Pending));
    }

    #[test]
    fn hand_edit_touches_only_what_changed() {
        let mut s = session();
        s.caret = s.doc.cleaned().find("spoke").unwrap_or(0);
        s.open_editor();
        let editor = s.editor.as_mut().expect("editor");
        assert_eq!(editor.text, "Gen. James Mattis spoke.");
        editor.text = "Gen. James Mattis said.".into();
        assert!(s.commit_editor().expect("commit"));
        assert_eq!(s.doc.cleaned(), "Top\n\n\n\nGen. James Mattis said.\nSHARE\n");
        assert_eq!(s.doc.edits().iter().filter(|e| e.is_manual()).count(), 1);
        assert_eq!(s.doc.edits().len(), 3, "the suggestions elsewhere in the text are kept");
        assert_eq!(changed_middle("abc", "abc"), (3, 0, ""));
        assert_eq!(changed_middle("añb", "aéb"), (1, 2, "é"));
    }
}
