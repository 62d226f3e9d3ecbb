//! The recorded effect of one command: the before and after state of every item it touched.
//! Undo and redo replay these states; they never snapshot the whole document.

use std::collections::HashMap;

use super::document::DocStatus;
use super::edit::{Edit, EditId};
use super::entity::{Entity, EntityId};

/// The before/after state of one edit (`None` = absent).
#[derive(Debug, Clone, PartialEq)]
pub struct EditChange {
    /// The edit's id.
    pub id: EditId,
    /// State before the command.
    pub before: Option<Edit>,
    /// State after the command.
    pub after: Option<Edit>,
}

/// The before/after state of one entity (`None` = absent).
#[derive(Debug, Clone, PartialEq)]
pub struct EntityChange {
    /// The entity's id.
    pub id: EntityId,
    /// State before the command.
    pub before: Option<Entity>,
    /// State after the command.
    pub after: Option<Entity>,
}

/// Everything one command changed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Change {
    /// Edits touched.
    pub edits: Vec<EditChange>,
    /// Entities touched, including those re-mapped by an edit change.
    pub entities: Vec<EntityChange>,
    /// Document status before and after, if it changed.
    pub status: Option<(DocStatus, DocStatus)>,
    /// Entities an edit change only moved along the cleaned text, recorded as one shift.
    pub shift: Option<EntityShift>,
}

/// The entities an edit change moved by the same distance without recording each of them: every
/// entity not listed in [`Change::entities`] that starts at or after `before_from` before the change
/// starts `delta` bytes later after it (and at or after `after_from` then). All others kept their place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityShift {
    /// The first cleaned offset of the moved stretch before the change.
    pub before_from: usize,
    /// The first cleaned offset of the moved stretch after the change.
    pub after_from: usize,
    /// How far the stretch moved (after minus before).
    pub delta: isize,
}

impl EntityShift {
    /// Moves an entity that is not listed in the change from one side of it to the other.
    pub fn apply(&self, entity: &mut super::entity::Entity, forward: bool) {
        let (from, delta) = if forward { (self.before_from, self.delta) } else { (self.after_from, -self.delta) };
        if entity.start >= from {
            entity.start = entity.start.saturating_add_signed(delta);
            entity.end = entity.end.saturating_add_signed(delta);
        }
    }
}

impl Change {
    /// Whether the command changed nothing.
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty() && self.entities.is_empty() && self.status.is_none() && self.shift.is_none()
    }

    /// Records an entity's before/after pair, merging with an earlier record of the same entity.
    pub fn record_entity(&mut self, before: Option<Entity>, after: Option<Entity>) {
        self.record_entities([(before, after)]);
    }

    /// Records many before/after pairs, each merged with an earlier record of the same entity, in time
    /// linear in the records (an index by id instead of a search per pair).
    pub fn record_entities(&mut self, pairs: impl IntoIterator<Item = (Option<Entity>, Option<Entity>)>) {
        let mut index: HashMap<EntityId, usize> = self.entities.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
        let pairs = pairs.into_iter();
        self.entities.reserve(pairs.size_hint().0);
        for (before, after) in pairs {
            let Some(id) = before.as_ref().or(after.as_ref()).map(|e| e.id) else { continue };
            match index.get(&id) {
                Some(&i) => self.entities[i].after = after,
                None => {
                    index.insert(id, self.entities.len());
                    self.entities.push(EntityChange { id, before, after });
                }
            }
        }
    }
}
