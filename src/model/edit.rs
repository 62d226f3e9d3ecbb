//! Cleaning edits: proposed or hand-made changes over the immutable raw text.

use serde::{Deserialize, Serialize};

/// Stable identifier of an edit within one document (not persisted; assigned on load).
pub type EditId = u32;

/// The origin recorded for edits a person made by hand.
pub const MANUAL: &str = "manual";

/// What a person decided about an edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EditStatus {
    /// Proposed and not yet decided; not applied to the cleaned text.
    Pending,
    /// Applied to the cleaned text.
    Accepted,
    /// Decided against; not applied, kept so the decision is data.
    Rejected,
}

impl EditStatus {
    /// The name used in files and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Accepted => "accepted",
            Self::Rejected => "rejected",
        }
    }
}

/// One edit over the raw text: replace raw bytes `start..end` with `replacement`.
/// An insertion has `start == end`; a deletion has an empty replacement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// Identifier used by commands and the undo log.
    pub id: EditId,
    /// Start byte offset in the raw text.
    pub start: usize,
    /// End byte offset (exclusive) in the raw text.
    pub end: usize,
    /// Text that replaces the raw range when the edit is accepted.
    pub replacement: String,
    /// Rule id that proposed the edit, or [`MANUAL`].
    pub origin: String,
    /// The person's decision.
    pub status: EditStatus,
    /// Why the edit was proposed, quoting the evidence.
    pub reason: String,
    /// Edits this hand edit swallowed because it overlapped them (kept so no decision is lost).
    pub absorbs: Vec<AbsorbedEdit>,
}

/// A record of an edit that a later hand edit overlapped and therefore replaced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AbsorbedEdit {
    /// Raw start, in code points when serialised by the annotated JSON format, bytes in memory.
    pub start: usize,
    /// Raw end (exclusive), same unit as `start`.
    pub end: usize,
    /// The absorbed edit's replacement.
    pub replacement: String,
    /// The absorbed edit's origin.
    pub origin: String,
    /// The absorbed edit's status at the time it was absorbed.
    pub status: EditStatus,
}

impl Edit {
    /// Whether the edit only inserts text.
    pub fn is_insertion(&self) -> bool {
        self.start == self.end
    }

    /// Whether the edit is currently applied to the cleaned text.
    pub fn is_accepted(&self) -> bool {
        self.status == EditStatus::Accepted
    }

    /// Whether a person made the edit by hand.
    pub fn is_manual(&self) -> bool {
        self.origin == MANUAL
    }

    /// Whether this edit and `other` may not both stand in one edit list:
    /// their raw ranges share a byte, or both insert at the same point, or one inserts inside the other.
    pub fn conflicts_with(&self, other: &Edit) -> bool {
        if self.is_insertion() && other.is_insertion() {
            return self.start == other.start;
        }
        if self.is_insertion() {
            return other.start < self.start && self.start < other.end;
        }
        if other.is_insertion() {
            return self.start < other.start && other.start < self.end;
        }
        self.start < other.end && other.start < self.end
    }
}
