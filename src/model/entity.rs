//! Named-entity spans on the cleaned text.

use serde::{Deserialize, Serialize};

use super::Name;

/// Stable identifier of an entity within one document (not persisted; assigned on load).
pub type EntityId = u32;

/// The state of an entity span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityStatus {
    /// Proposed by a suggester and not yet decided.
    Pending,
    /// Part of the gold annotation.
    Accepted,
    /// Decided against; remembered so it is not proposed again.
    Rejected,
    /// Was accepted, but a cleaning edit cut through one of its boundaries: a person must look again.
    NeedsReview,
}

impl EntityStatus {
    /// The name used in files and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Accepted => "accepted",
            Self::Rejected => "rejected",
            Self::NeedsReview => "needs_review",
        }
    }
}

/// An entity span over the cleaned text, in byte offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Identifier used by commands and the undo log.
    pub id: EntityId,
    /// Start byte offset in the cleaned text.
    pub start: usize,
    /// End byte offset (exclusive) in the cleaned text.
    pub end: usize,
    /// Label, one of the document's label set (or an unknown label kept from a file).
    pub label: Name,
    /// `manual`, or the name of the suggester that proposed it.
    pub origin: Name,
    /// The entity's state.
    pub status: EntityStatus,
    /// Confidence from the suggester, where it has one.
    pub score: Option<f32>,
}

impl Entity {
    /// Whether this entity counts as a prediction or annotation (everything but rejected).
    pub fn is_live(&self) -> bool {
        self.status != EntityStatus::Rejected
    }

    /// Whether the byte ranges of two entities share at least one byte.
    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        self.start < end && start < self.end
    }
}
