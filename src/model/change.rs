//! The recorded effect of one command: the before and after state of every item it touched.
//! Undo and redo replay these states; they never snapshot the whole document.

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
}

impl Change {
    /// Whether the command changed nothing.
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty() && self.entities.is_empty() && self.status.is_none()
    }

    /// Records an entity's before/after pair, merging with an earlier record of the same entity.
    pub fn record_entity(&mut self, before: Option<Entity>, after: Option<Entity>) {
        let Some(id) = before.as_ref().or(after.as_ref()).map(|e| e.id) else { return };
        if let Some(existing) = self.entities.iter_mut().find(|c| c.id == id) {
            existing.after = after;
        } else {
            self.entities.push(EntityChange { id, before, after });
        }
    }
}
