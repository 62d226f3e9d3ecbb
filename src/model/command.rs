//! The commands a person (through the GUI or a script) issues against a document, and how the
//! document applies them. Every command returns the [`Change`] it made, which the undo log keeps.

use std::collections::{HashMap, HashSet};

use super::change::{Change, EditChange};
use super::document::{DocStatus, Document, EditSpan, ModelError, NewEdit, SortedRanges};
use super::edit::{Edit, EditId, EditStatus, MANUAL};
use super::entity::{Entity, EntityId, EntityStatus};

/// One user intent. Offsets are bytes of the cleaned text.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Accept, reject or reset cleaning edits (one, a rule's, or all).
    SetEditStatus {
        /// The edits to change.
        ids: Vec<EditId>,
        /// The new status.
        status: EditStatus,
    },
    /// Replace cleaned bytes `start..end` with `text` by hand.
    ManualEdit {
        /// Start in the cleaned text.
        start: usize,
        /// End (exclusive) in the cleaned text.
        end: usize,
        /// The new text.
        text: String,
    },
    /// Tag cleaned bytes `start..end` with `label`; overlapping suggestions are rejected.
    AddEntity {
        /// Start in the cleaned text.
        start: usize,
        /// End (exclusive) in the cleaned text.
        end: usize,
        /// The label.
        label: String,
    },
    /// Add cleaning suggestions over the raw text (e.g. a rule just made from a hand edit), skipping
    /// any that overlap an edit already present.
    SuggestEdits(Vec<NewEdit>),
    /// Add pending suggestions (e.g. propagation of a tag), skipping overlaps with live entities
    /// and anything rejected before at the same place with the same label.
    SuggestEntities(Vec<(usize, usize, String, String)>),
    /// Change an entity's label; the entity becomes accepted.
    SetEntityLabel {
        /// The entity.
        id: EntityId,
        /// The new label.
        label: String,
    },
    /// Accept or reject entities (suggestions included).
    SetEntityStatus {
        /// The entities.
        ids: Vec<EntityId>,
        /// The new status.
        status: EntityStatus,
    },
    /// Move an entity's boundaries.
    SetEntityRange {
        /// The entity.
        id: EntityId,
        /// New start in the cleaned text.
        start: usize,
        /// New end (exclusive) in the cleaned text.
        end: usize,
    },
    /// Delete an entity outright.
    RemoveEntity(EntityId),
    /// Change the document's workflow status.
    SetDocStatus(DocStatus),
}

impl Command {
    /// A short description for the undo menu and the status bar.
    pub fn describe(&self) -> String {
        match self {
            Self::SetEditStatus { ids, status } => format!("{} {} edit(s)", verb(*status), ids.len()),
            Self::ManualEdit { .. } => "hand edit".into(),
            Self::AddEntity { label, .. } => format!("tag {label}"),
            Self::SuggestEdits(s) => format!("suggest {} edit(s)", s.len()),
            Self::SuggestEntities(s) => format!("suggest {} entit(ies)", s.len()),
            Self::SetEntityLabel { label, .. } => format!("relabel as {label}"),
            Self::SetEntityStatus { ids, status } => format!("mark {} entit(ies) {}", ids.len(), status.as_str()),
            Self::SetEntityRange { .. } => "resize entity".into(),
            Self::RemoveEntity(_) => "remove entity".into(),
            Self::SetDocStatus(s) => format!("mark document {}", s.as_str()),
        }
    }
}

/// The verb for an edit status change.
fn verb(status: EditStatus) -> &'static str {
    match status {
        EditStatus::Accepted => "accept",
        EditStatus::Rejected => "reject",
        EditStatus::Pending => "reset",
    }
}

impl Document {
    /// Applies a command and returns what it changed. A refused command changes nothing.
    pub fn apply(&mut self, command: &Command) -> Result<Change, ModelError> {
        let change = match command {
            Command::SetEditStatus { ids, status } => self.set_edit_status(ids, *status)?,
            Command::ManualEdit { start, end, text } => self.manual_edit(*start, *end, text)?,
            Command::AddEntity { start, end, label } => self.add_entity(*start, *end, label)?,
            Command::SuggestEdits(list) => self.suggest_edits(list),
            Command::SuggestEntities(list) => self.suggest_entities(list)?,
            Command::SetEntityLabel { id, label } => self.update_entity(*id, |e| {
                e.label = label.as_str().into();
                if e.start < e.end {
                    e.status = EntityStatus::Accepted;
                }
                Ok(())
            })?,
            Command::SetEntityStatus { ids, status } => self.set_entity_status(ids, *status)?,
            Command::SetEntityRange { id, start, end } => {
                self.check_entity_range(*start, *end)?;
                self.update_entity(*id, |e| {
                    e.start = *start;
                    e.end = *end;
                    if e.status == EntityStatus::NeedsReview {
                        e.status = EntityStatus::Accepted;
                    }
                    Ok(())
                })?
            }
            Command::RemoveEntity(id) => self.remove_entity(*id)?,
            Command::SetDocStatus(status) => self.set_doc_status(*status),
        };
        if !change.is_empty() {
            self.updated = crate::timestamp::now();
            if change.status.is_none() && self.status == DocStatus::Todo {
                self.status = DocStatus::InProgress;
                return Ok(Change { status: Some((DocStatus::Todo, DocStatus::InProgress)), ..change });
            }
        }
        Ok(change)
    }

    /// Sets the status of several edits at once and re-maps entities once.
    fn set_edit_status(&mut self, ids: &[EditId], status: EditStatus) -> Result<Change, ModelError> {
        let mut change = Change::default();
        let positions: HashMap<EditId, usize> = self.edits().iter().enumerate().map(|(i, e)| (e.id, i)).collect();
        for id in ids {
            let edit = positions
                .get(id)
                .map(|&i| &self.edits()[i])
                .ok_or_else(|| ModelError(format!("no edit with id {id}")))?;
            if edit.status != status {
                let mut after = edit.clone();
                after.status = status;
                change.edits.push(EditChange { id: *id, before: Some(edit.clone()), after: Some(after) });
            }
        }
        if change.edits.is_empty() {
            return Ok(change);
        }
        let targets: HashSet<EditId> = change.edits.iter().map(|c| c.id).collect();
        let span = EditSpan::of(change.edits.iter().filter_map(|c| c.before.as_ref()).map(|e| (e.start, e.end)));
        let remapped = self.change_edits(span, |edits| {
            for e in edits.iter_mut().filter(|e| targets.contains(&e.id)) {
                e.status = status;
            }
        });
        change.record_entities(remapped.moved);
        change.shift = remapped.shift;
        Ok(change)
    }

    /// Adds the suggested edits that overlap nothing already present (nor each other).
    fn suggest_edits(&mut self, list: &[NewEdit]) -> Change {
        let mut change = Change::default();
        let mut added: Vec<Edit> = Vec::new();
        let mut taken = SortedRanges::of(self.edits(), list.len());
        for new in list {
            if self.check_edit_near(new, taken.neighbours(new.start, new.end), &added).is_err() {
                continue;
            }
            taken.insert((new.start, new.end), self.edits().len() + added.len());
            let edit = Edit {
                id: self.take_edit_id(),
                start: new.start,
                end: new.end,
                replacement: new.replacement.clone(),
                origin: new.origin.clone(),
                status: new.status,
                reason: new.reason.clone(),
                absorbs: Vec::new(),
            };
            change.edits.push(EditChange { id: edit.id, before: None, after: Some(edit.clone()) });
            added.push(edit);
        }
        let span = EditSpan::of(added.iter().map(|e| (e.start, e.end)));
        if span.is_none() {
            return change;
        }
        let remapped = self.change_edits(span, |edits| {
            edits.extend(added);
            edits.sort_by_key(|e| (e.start, e.end));
        });
        change.record_entities(remapped.moved);
        change.shift = remapped.shift;
        change
    }

    /// Turns a hand edit of the cleaned text into an edit over the raw text.
    fn manual_edit(&mut self, start: usize, end: usize, text: &str) -> Result<Change, ModelError> {
        let Some(plan) = self.plan_manual_edit(start, end, text)? else {
            return Ok(Change::default());
        };
        let mut change = Change::default();
        for id in &plan.remove {
            change.edits.push(EditChange { id: *id, before: self.edit(*id).cloned(), after: None });
        }
        let inserted = plan.insert.map(|mut e| {
            e.id = self.take_edit_id();
            change.edits.push(EditChange { id: e.id, before: None, after: Some(e.clone()) });
            e
        });
        let touched = change.edits.iter().flat_map(|c| c.before.iter().chain(&c.after));
        let span = EditSpan::of(touched.map(|e| (e.start, e.end)));
        let remapped = self.change_edits(span, |edits| {
            edits.retain(|e| !plan.remove.contains(&e.id));
            edits.extend(inserted);
            edits.sort_by_key(|e| (e.start, e.end));
        });
        change.record_entities(remapped.moved);
        change.shift = remapped.shift;
        Ok(change)
    }

    /// Adds a hand-made accepted entity and rejects suggestions it overlaps.
    fn add_entity(&mut self, start: usize, end: usize, label: &str) -> Result<Change, ModelError> {
        self.check_entity_range(start, end)?;
        let mut change = Change::default();
        if let Some(same) =
            self.entities().iter().find(|e| e.start == start && e.end == end && e.label == label && e.is_live())
        {
            let id = same.id;
            return self.set_entity_status(&[id], EntityStatus::Accepted);
        }
        let overlapping: Vec<EntityId> = self
            .entities()
            .iter()
            .filter(|e| e.overlaps(start, end) && e.status == EntityStatus::Pending)
            .map(|e| e.id)
            .collect();
        for id in overlapping {
            change.entities.extend(self.set_entity_status(&[id], EntityStatus::Rejected)?.entities);
        }
        let id = self.take_entity_id();
        let entity = Entity {
            id,
            start,
            end,
            label: label.into(),
            origin: MANUAL.into(),
            status: EntityStatus::Accepted,
            score: None,
        };
        change.record_entity(None, Some(entity.clone()));
        self.entities_mut().push(entity);
        self.sort_entities();
        Ok(change)
    }

    /// Adds pending suggestions that neither overlap a live entity nor repeat a rejected one.
    fn suggest_entities(&mut self, list: &[(usize, usize, String, String)]) -> Result<Change, ModelError> {
        let mut change = Change::default();
        for (start, end, label, origin) in list {
            self.check_entity_range(*start, *end)?;
            let blocked = self.entities().iter().any(|e| {
                (e.is_live() && e.overlaps(*start, *end))
                    || (e.status == EntityStatus::Rejected && e.start == *start && e.end == *end && e.label == *label)
            });
            if blocked {
                continue;
            }
            let entity = Entity {
                id: self.take_entity_id(),
                start: *start,
                end: *end,
                label: label.as_str().into(),
                origin: origin.as_str().into(),
                status: EntityStatus::Pending,
                score: None,
            };
            change.record_entity(None, Some(entity.clone()));
            self.entities_mut().push(entity);
        }
        self.sort_entities();
        Ok(change)
    }

    /// Sets the status of several entities.
    fn set_entity_status(&mut self, ids: &[EntityId], status: EntityStatus) -> Result<Change, ModelError> {
        let mut change = Change::default();
        for id in ids {
            if status == EntityStatus::Rejected && self.entity(*id).is_some_and(|e| e.start == e.end) {
                // An entity that lost all its text has nothing left to remember: rejecting discards it.
                change.entities.extend(self.remove_entity(*id)?.entities);
                continue;
            }
            change.entities.extend(
                self.update_entity(*id, |e| {
                    if e.start == e.end && matches!(status, EntityStatus::Accepted | EntityStatus::Pending) {
                        return Err(ModelError(format!(
                            "entity {id} lost all its text to a cleaning edit; give it a range before accepting it"
                        )));
                    }
                    e.status = status;
                    Ok(())
                })?
                .entities,
            );
        }
        Ok(change)
    }

    /// Changes one entity with `f` and records the before/after pair.
    fn update_entity(
        &mut self,
        id: EntityId,
        f: impl FnOnce(&mut Entity) -> Result<(), ModelError>,
    ) -> Result<Change, ModelError> {
        let before = self.entity(id).cloned().ok_or_else(|| ModelError(format!("no entity with id {id}")))?;
        let mut after = before.clone();
        f(&mut after)?;
        let mut change = Change::default();
        if after != before {
            if let Some(slot) = self.entities_mut().iter_mut().find(|e| e.id == id) {
                *slot = after.clone();
            }
            self.sort_entities();
            change.record_entity(Some(before), Some(after));
        }
        Ok(change)
    }

    /// Removes one entity.
    fn remove_entity(&mut self, id: EntityId) -> Result<Change, ModelError> {
        let before = self.entity(id).cloned().ok_or_else(|| ModelError(format!("no entity with id {id}")))?;
        self.entities_mut().retain(|e| e.id != id);
        let mut change = Change::default();
        change.record_entity(Some(before), None);
        Ok(change)
    }

    /// Sets the workflow status.
    fn set_doc_status(&mut self, status: DocStatus) -> Change {
        let before = self.status;
        self.status = status;
        Change { status: (before != status).then_some((before, status)), ..Change::default() }
    }
}
