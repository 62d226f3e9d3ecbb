//! Re-mapping entity spans across a change of the accepted edits.
//!
//! Before the change each entity boundary is anchored to the raw text (or to a position inside the
//! replacement text of an accepted edit); after it the anchor is mapped back into the new cleaned
//! text. An edit before a span shifts it, an edit inside it resizes it, and an edit that cuts
//! through a boundary flags an accepted entity `needs_review` (a pending or rejected suggestion is
//! dropped instead: a suggester can propose it again).

use super::edit::EditId;
use super::entity::{Entity, EntityStatus};
use super::offset_map::{Bias, OffsetMap, RawPoint, Segment};

/// Where one entity boundary is held while the edits change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// A boundary in text that came from the raw text unchanged.
    Raw(usize),
    /// A boundary inside the replacement text of an accepted edit.
    InEdit {
        /// The edit whose replacement holds the boundary.
        edit: EditId,
        /// Bytes into the replacement.
        offset: usize,
        /// The raw position to use if that edit stops being applied.
        fallback: usize,
    },
}

/// The anchors of an entity's start and end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchors {
    /// Anchor of the start boundary.
    pub start: Anchor,
    /// Anchor of the end boundary.
    pub end: Anchor,
}

/// Anchors an entity's boundaries under the current map. A start next to deleted text anchors after
/// the deletion and an end anchors before it, so restoring deleted text never grows the span.
pub fn anchors(map: &OffsetMap, entity: &Entity) -> Anchors {
    Anchors { start: anchor(map, entity.start, Bias::Right), end: anchor(map, entity.end, Bias::Left) }
}

/// Anchors one boundary.
fn anchor(map: &OffsetMap, clean: usize, bias: Bias) -> Anchor {
    match map.segment_containing_clean(clean) {
        Some(s) => Anchor::InEdit {
            edit: s.edit,
            offset: clean - s.clean_start,
            fallback: if bias == Bias::Right { s.raw_start } else { s.raw_end },
        },
        None => Anchor::Raw(map.clean_to_raw(clean, bias)),
    }
}

/// Resolves one boundary under the new map; `Err` carries the clamped position when it was cut.
fn resolve_one(map: &OffsetMap, anchor: Anchor, bias: Bias) -> Result<usize, usize> {
    match anchor {
        Anchor::Raw(raw) => match map.raw_to_clean(raw, bias) {
            RawPoint::Clean(c) => Ok(c),
            RawPoint::Inside(s) => Err(clamp(s, bias)),
        },
        Anchor::InEdit { edit, offset, fallback } => {
            let seg = map.segments().iter().find(|s| s.edit == edit);
            match seg {
                Some(s) if s.clean_start + offset <= s.clean_end => Ok(s.clean_start + offset),
                _ => Err(map.raw_to_clean_clamped(fallback, bias)),
            }
        }
    }
}

/// Where a cut boundary goes: the start of the cutting edit's replacement for a start boundary
/// (so the replacement stays inside the span), its end for an end boundary.
fn clamp(s: Segment, bias: Bias) -> usize {
    if bias == Bias::Right { s.clean_start } else { s.clean_end }
}

/// The entity after the change, or `None` when a cut or emptied suggestion should be dropped.
pub fn resolve(map: &OffsetMap, entity: &Entity, anchors: &Anchors) -> Option<Entity> {
    let start = resolve_one(map, anchors.start, Bias::Right);
    let end = resolve_one(map, anchors.end, Bias::Left);
    let cut = start.is_err() || end.is_err();
    let start = start.unwrap_or_else(|c| c);
    let end = end.unwrap_or_else(|c| c).max(start);
    let mut out = entity.clone();
    out.start = start;
    out.end = end;
    if cut || start == end {
        match entity.status {
            EntityStatus::Pending | EntityStatus::Rejected => return None,
            EntityStatus::Accepted | EntityStatus::NeedsReview => out.status = EntityStatus::NeedsReview,
        }
    }
    Some(out)
}
