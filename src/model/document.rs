//! The annotated document: immutable raw text, cleaning edits over it, the derived cleaned text,
//! and entity spans on the cleaned text that are re-mapped whenever the accepted edits change.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashSet;

use super::change::{Change, EntityShift};
use super::edit::{AbsorbedEdit, Edit, EditId, EditStatus, MANUAL};
use super::entity::{Entity, EntityId, EntityStatus};
use super::name::Name;
use super::offset_map::{Bias, OffsetMap, Segment};
use super::remap::{self, Anchors};

/// Where a document's raw text came from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The file the text was read from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The JSONL corpus the text was read from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corpus: Option<String>,
    /// The 1-based line of the corpus, if read from one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// SHA-256 of the raw text's UTF-8 bytes, lowercase hex.
    pub sha256: String,
    /// The encoding the text file was read with when the person chose one (`windows-1252` or
    /// `latin-1`); absent for UTF-8 and for UTF-16 with a byte-order mark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
}

/// How far a person has got with a document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocStatus {
    /// Not started.
    #[default]
    Todo,
    /// Touched but not finished.
    InProgress,
    /// Finished: part of the gold set.
    Done,
    /// Deliberately left out.
    Skipped,
}

impl DocStatus {
    /// The name used in files and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Todo => "todo",
            Self::InProgress => "in_progress",
            Self::Done => "done",
            Self::Skipped => "skipped",
        }
    }

    /// Every status, in workflow order.
    pub const ALL: [DocStatus; 4] = [Self::Todo, Self::InProgress, Self::Done, Self::Skipped];
}

/// An edit to be added to a document (ids are assigned by the document).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEdit {
    /// Raw start byte.
    pub start: usize,
    /// Raw end byte (exclusive).
    pub end: usize,
    /// Replacement text.
    pub replacement: String,
    /// Rule id or `manual`.
    pub origin: String,
    /// Initial status.
    pub status: EditStatus,
    /// Why, quoting the evidence.
    pub reason: String,
}

/// An entity to be added to a document (ids are assigned by the document).
#[derive(Debug, Clone, PartialEq)]
pub struct NewEntity {
    /// Cleaned start byte.
    pub start: usize,
    /// Cleaned end byte (exclusive).
    pub end: usize,
    /// Label.
    pub label: Name,
    /// `manual` or the suggester's name.
    pub origin: Name,
    /// Initial status.
    pub status: EntityStatus,
    /// Suggester confidence, if any.
    pub score: Option<f32>,
}

/// Why a model operation was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub String);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ModelError {}

/// One article under annotation. Offsets are bytes in memory; files use code points.
#[derive(Debug, Clone)]
pub struct Document {
    /// Document id (from the input, or a hash of the text).
    pub id: String,
    /// Where the raw text came from.
    pub source: Source,
    /// Free-form metadata carried over from the input (JSONL `meta`).
    pub meta: serde_json::Value,
    /// The label set entities are drawn from.
    pub labels: Vec<String>,
    /// Who annotated this copy.
    pub annotator: String,
    /// Workflow status.
    pub status: DocStatus,
    /// RFC 3339 creation time.
    pub created: String,
    /// RFC 3339 time of the last change.
    pub updated: String,
    raw: String,
    edits: Vec<Edit>,
    entities: Vec<Entity>,
    cleaned: String,
    map: OffsetMap,
    next_edit_id: EditId,
    next_entity_id: EntityId,
    revision: u64,
}

impl Document {
    /// A new document over `raw`, with no edits and no entities.
    pub fn new(id: impl Into<String>, raw: impl Into<String>) -> Self {
        let raw = raw.into();
        let now = crate::timestamp::now();
        Self {
            id: id.into(),
            source: Source { sha256: sha256_hex(&raw), ..Source::default() },
            meta: serde_json::Value::Null,
            labels: crate::labels::default_labels(),
            annotator: String::new(),
            status: DocStatus::Todo,
            created: now.clone(),
            updated: now,
            cleaned: raw.clone(),
            raw,
            edits: Vec::new(),
            entities: Vec::new(),
            map: OffsetMap::default(),
            next_edit_id: 0,
            next_entity_id: 0,
            revision: 0,
        }
    }

    /// The immutable raw text.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// The cleaned text: the raw text with every accepted edit applied.
    pub fn cleaned(&self) -> &str {
        &self.cleaned
    }

    /// All edits, sorted by raw position and never overlapping.
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// All entities, sorted by cleaned position.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The raw ↔ cleaned offset map.
    pub fn map(&self) -> &OffsetMap {
        &self.map
    }

    /// A counter that grows with every change, for caches keyed on the document's content.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The edit with this id.
    pub fn edit(&self, id: EditId) -> Option<&Edit> {
        self.edits.iter().find(|e| e.id == id)
    }

    /// The entity with this id.
    pub fn entity(&self, id: EntityId) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// The raw range an entity covers, when its cleaned text appears unchanged in the raw text.
    pub fn entity_raw_range(&self, entity: &Entity) -> Option<(usize, usize)> {
        let start = self.map.raw_point_of_clean(entity.start, Bias::Right)?;
        let end = self.map.clean_to_raw(entity.end, Bias::Left);
        let same = self.raw.get(start..end) == self.cleaned.get(entity.start..entity.end);
        (start <= end && same).then_some((start, end))
    }

    /// Adds edits (typically a cleaner's suggestions) without recording undo. An edit that conflicts
    /// with one already present, or has a bad range, is refused with a message and the rest are added.
    pub fn add_edits(&mut self, edits: impl IntoIterator<Item = NewEdit>) -> Vec<ModelError> {
        let edits = edits.into_iter();
        let mut problems = Vec::new();
        let mut added: Vec<Edit> = Vec::with_capacity(edits.size_hint().0);
        let mut taken = SortedRanges::of(&self.edits, added.capacity());
        for new in edits {
            match self.check_edit_near(&new, taken.neighbours(new.start, new.end), &added) {
                Ok(()) => {
                    taken.insert((new.start, new.end), self.edits.len() + added.len());
                    let id = self.take_edit_id();
                    added.push(Edit {
                        id,
                        start: new.start,
                        end: new.end,
                        replacement: new.replacement,
                        origin: new.origin,
                        status: new.status,
                        reason: new.reason,
                        absorbs: Vec::new(),
                    });
                }
                Err(e) => problems.push(e),
            }
        }
        // Only accepted edits change the cleaned text: suggestions added pending leave it (and the
        // entities on it) as they are, so it is not spliced again for them.
        let span = EditSpan::of(added.iter().filter(|e| e.is_accepted()).map(|e| (e.start, e.end)));
        let grows = !added.is_empty();
        self.change_edits(span, |edits| {
            // A document without edits takes the list as it is, instead of a copy.
            if edits.is_empty() {
                *edits = added;
            } else {
                edits.extend(added);
            }
            edits.sort_by_key(|e| (e.start, e.end));
        });
        if span.is_none() && grows {
            self.revision += 1;
        }
        problems
    }

    /// Adds entities without recording undo (suggestions on open, or a file being loaded).
    /// Returns the ids given to them, in order; a bad range is refused with a message.
    pub fn add_entities(&mut self, entities: impl IntoIterator<Item = NewEntity>) -> Result<Vec<EntityId>, ModelError> {
        let entities = entities.into_iter();
        // Room for all of them at once (a suggester's list knows its length), not one growth at a time.
        let room = entities.size_hint().0;
        self.entities.reserve(room);
        let mut ids = Vec::with_capacity(room);
        for new in entities {
            if new.status == EntityStatus::NeedsReview {
                self.check_clean_range(new.start, new.end)?;
            } else {
                self.check_entity_range(new.start, new.end)?;
            }
            let id = self.take_entity_id();
            self.entities.push(Entity {
                id,
                start: new.start,
                end: new.end,
                label: new.label,
                origin: new.origin,
                status: new.status,
                score: new.score,
            });
            ids.push(id);
        }
        self.sort_entities();
        self.revision += 1;
        Ok(ids)
    }

    /// Attaches absorbed-edit records to the edits, in edit order (used when loading a file).
    pub(crate) fn set_absorbs(&mut self, lists: Vec<Vec<AbsorbedEdit>>) {
        for (edit, list) in self.edits.iter_mut().zip(lists) {
            edit.absorbs = list;
        }
    }

    /// Builds a hand edit that replaces cleaned bytes `start..end` with `text`, expressed over the raw
    /// text. Edits it overlaps are absorbed into it. Returns `None` when nothing would change.
    pub(crate) fn plan_manual_edit(
        &self,
        start: usize,
        end: usize,
        text: &str,
    ) -> Result<Option<ManualPlan>, ModelError> {
        self.check_clean_range(start, end)?;
        if self.cleaned[start..end] == *text {
            return Ok(None);
        }
        let mut absorbed: Vec<EditId> = self
            .map
            .segments()
            .iter()
            .filter(|s| {
                if start < end {
                    s.clean_start < end && start < s.clean_end
                } else {
                    s.clean_start < start && start < s.clean_end
                }
            })
            .map(|s| s.edit)
            .collect();
        let mut us = self.map.clean_to_raw(start, Bias::Right);
        let mut ue = if start < end { self.map.clean_to_raw(end, Bias::Left) } else { us };
        if ue < us {
            ue = us;
        }
        loop {
            for id in &absorbed {
                if let Some(e) = self.edit(*id) {
                    us = us.min(e.start);
                    ue = ue.max(e.end);
                }
            }
            let probe = Edit {
                id: EditId::MAX,
                start: us,
                end: ue,
                replacement: String::new(),
                origin: MANUAL.into(),
                status: EditStatus::Accepted,
                reason: String::new(),
                absorbs: Vec::new(),
            };
            let more: Vec<EditId> = self
                .edits
                .iter()
                .filter(|e| !absorbed.contains(&e.id) && e.conflicts_with(&probe))
                .map(|e| e.id)
                .collect();
            if more.is_empty() {
                break;
            }
            absorbed.extend(more);
        }
        let absorbed_edits: Vec<&Edit> = self.edits.iter().filter(|e| absorbed.contains(&e.id)).collect();
        let first_accepted_at_start = absorbed_edits.iter().find(|e| e.is_accepted() && e.start == us);
        let last_accepted_at_end = absorbed_edits.iter().rev().find(|e| e.is_accepted() && e.end == ue);
        let seg_of = |id: EditId| self.map.segments().iter().find(|s| s.edit == id).copied();
        let cus = match first_accepted_at_start.and_then(|e| seg_of(e.id)) {
            Some(s) => s.clean_start,
            None => self.map.raw_to_clean_clamped(us, Bias::Right),
        };
        let cue = match last_accepted_at_end.and_then(|e| seg_of(e.id)) {
            Some(s) => s.clean_end,
            None => self.map.raw_to_clean_clamped(ue, Bias::Left),
        };
        if cus > start || end > cue {
            return Err(ModelError(format!("hand edit {start}..{end} could not be placed over the raw text")));
        }
        let replacement = format!("{}{}{}", &self.cleaned[cus..start], text, &self.cleaned[end..cue]);
        let mut absorbs = Vec::new();
        for e in &absorbed_edits {
            if e.is_manual() {
                absorbs.extend(e.absorbs.iter().cloned());
            } else {
                absorbs.push(AbsorbedEdit {
                    start: e.start,
                    end: e.end,
                    replacement: e.replacement.clone(),
                    origin: e.origin.clone(),
                    status: e.status,
                });
            }
        }
        let identity = replacement == self.raw[us..ue];
        if identity && absorbs.is_empty() && absorbed_edits.is_empty() {
            return Ok(None);
        }
        let new_edit = (!identity || !absorbs.is_empty()).then(|| Edit {
            id: EditId::MAX,
            start: us,
            end: ue,
            replacement,
            origin: MANUAL.into(),
            status: EditStatus::Accepted,
            reason: "hand edit".into(),
            absorbs,
        });
        Ok(Some(ManualPlan { remove: absorbed, insert: new_edit }))
    }

    /// Applies a change set's edit and entity states (undo/redo): `after` selects which side.
    /// Entities the change does not list but moved as a block are moved back (or again) by its shift.
    pub(crate) fn restore(&mut self, change: &Change, after: bool) {
        let edit_ids: HashSet<EditId> = change.edits.iter().map(|c| c.id).collect();
        self.edits.retain(|e| !edit_ids.contains(&e.id));
        self.edits.extend(change.edits.iter().filter_map(|c| if after { c.after.clone() } else { c.before.clone() }));
        self.edits.sort_by_key(|e| (e.start, e.end));
        let entity_ids: HashSet<EntityId> = change.entities.iter().map(|c| c.id).collect();
        self.entities.retain(|e| !entity_ids.contains(&e.id));
        if let Some(shift) = change.shift {
            self.entities.iter_mut().for_each(|e| shift.apply(e, after));
        }
        self.entities
            .extend(change.entities.iter().filter_map(|c| if after { c.after.clone() } else { c.before.clone() }));
        self.sort_entities();
        if let Some((before, aft)) = change.status {
            self.status = if after { aft } else { before };
        }
        let touched = change.edits.iter().flat_map(|c| c.before.iter().chain(&c.after));
        if let Some(span) = EditSpan::of(touched.map(|e| (e.start, e.end))) {
            self.splice_cleaned(&span);
        }
        self.revision += 1;
    }

    /// Changes the edit list with `f` (every edit it adds, removes or changes lies in `span`), then
    /// re-derives the cleaned text over that stretch only and re-maps the entities that touch it.
    /// Entities after it only move by the length change, recorded as one shift.
    pub(crate) fn change_edits(&mut self, span: Option<EditSpan>, f: impl FnOnce(&mut Vec<Edit>)) -> Remapped {
        let Some(span) = span else {
            f(&mut self.edits);
            return Remapped::default();
        };
        let (start, old_end) = self.clean_span(&span);
        let touched: Vec<(usize, Anchors)> = (self.entities.iter().enumerate())
            .filter(|(_, e)| e.start <= old_end && e.end >= start)
            .map(|(i, e)| (i, remap::anchors(&self.map, e)))
            .collect();
        f(&mut self.edits);
        let new_end = self.splice_cleaned(&span);
        let delta = new_end as isize - old_end as isize;
        let shift = (delta != 0).then_some(EntityShift { before_from: old_end + 1, after_from: new_end + 1, delta });
        let moved = self.move_entities(touched, shift);
        self.sort_entities();
        self.revision += 1;
        Remapped { moved, shift }
    }

    /// After an edit change: re-maps the `touched` entities (by position in the list, with their anchors
    /// from before the change) and moves the others by `shift`. Returns the before/after pairs of the
    /// touched entities that changed; the list is left for the caller to sort.
    fn move_entities(
        &mut self,
        touched: Vec<(usize, Anchors)>,
        shift: Option<EntityShift>,
    ) -> Vec<(Option<Entity>, Option<Entity>)> {
        let mut moved = Vec::with_capacity(touched.len());
        let mut touched = touched.into_iter().peekable();
        for (i, mut entity) in std::mem::take(&mut self.entities).into_iter().enumerate() {
            let Some((_, anchors)) = touched.next_if(|(t, _)| *t == i) else {
                if let Some(shift) = shift {
                    shift.apply(&mut entity, true);
                }
                self.entities.push(entity);
                continue;
            };
            let after = remap::resolve(&self.map, &entity, &anchors);
            if after.as_ref() == Some(&entity) {
                // Unchanged entities stay unlisted: they start at or before the stretch's new end, so
                // undo's shift (which starts after it) leaves them alone.
                self.entities.push(entity);
            } else {
                self.entities.extend(after.clone());
                moved.push((Some(entity), after));
            }
        }
        moved
    }

    /// The cleaned stretch `[start, end]` that a change of the edits in `span` rewrites, under the
    /// current edits.
    fn clean_span(&self, span: &EditSpan) -> (usize, usize) {
        let segments = self.map.segments_between(span.first, span.last);
        (self.map.clean_after(segments.start, span.first.0), self.map.clean_after(segments.end, span.end))
    }

    /// Mutable access to the entity list for commands; the caller keeps it sorted via `sort_entities`.
    pub(crate) fn entities_mut(&mut self) -> &mut Vec<Entity> {
        self.revision += 1;
        &mut self.entities
    }

    /// Sorts entities by position (then label, then id) so every consumer sees one order. Entities
    /// often come in that order already (suggestions after none or before few): checking is cheaper
    /// than sorting.
    pub(crate) fn sort_entities(&mut self) {
        let order = |a: &Entity, b: &Entity| (a.start, a.end, &a.label, a.id).cmp(&(b.start, b.end, &b.label, b.id));
        if !self.entities.is_sorted_by(|a, b| order(a, b).is_le()) {
            self.entities.sort_by(order);
        }
    }

    /// A fresh edit id.
    pub(crate) fn take_edit_id(&mut self) -> EditId {
        self.next_edit_id += 1;
        self.next_edit_id - 1
    }

    /// A fresh entity id.
    pub(crate) fn take_entity_id(&mut self) -> EntityId {
        self.next_entity_id += 1;
        self.next_entity_id - 1
    }

    /// Checks that `start..end` is a non-empty range on character boundaries of the cleaned text.
    pub fn check_entity_range(&self, start: usize, end: usize) -> Result<(), ModelError> {
        self.check_clean_range(start, end)?;
        if start == end {
            return Err(ModelError(format!("entity range {start}..{end} is empty")));
        }
        Ok(())
    }

    /// Checks that `start..end` is a range on character boundaries of the cleaned text.
    fn check_clean_range(&self, start: usize, end: usize) -> Result<(), ModelError> {
        check_range(&self.cleaned, start, end, "cleaned text")
    }

    /// Checks a new edit against the raw text and the edits it could conflict with (`near`: positions
    /// in the present edits followed by `pending`, as [`SortedRanges::neighbours`] finds them).
    pub(super) fn check_edit_near(
        &self,
        new: &NewEdit,
        near: impl Iterator<Item = usize>,
        pending: &[Edit],
    ) -> Result<(), ModelError> {
        check_range(&self.raw, new.start, new.end, "raw text")?;
        let probe = Edit {
            id: EditId::MAX,
            start: new.start,
            end: new.end,
            replacement: String::new(),
            origin: String::new(),
            status: new.status,
            reason: String::new(),
            absorbs: Vec::new(),
        };
        let edit_at = |i: usize| self.edits.get(i).or_else(|| pending.get(i - self.edits.len()));
        if let Some(other) = near.filter_map(edit_at).find(|e| e.conflicts_with(&probe)) {
            return Err(ModelError(format!(
                "edit {}..{} from {} overlaps edit {}..{} from {}",
                new.start, new.end, new.origin, other.start, other.end, other.origin
            )));
        }
        Ok(())
    }

    /// Re-derives the cleaned text and the offset map over `span` after the edits there changed: the
    /// stretch between the edits before and after it is rebuilt, the rest is kept (and shifted).
    /// Returns the new end of the rewritten cleaned stretch.
    fn splice_cleaned(&mut self, span: &EditSpan) -> usize {
        let segments = self.map.segments_between(span.first, span.last);
        let start = self.map.clean_after(segments.start, span.first.0);
        let old_end = self.map.clean_after(segments.end, span.end);
        let key = |e: &Edit| (e.start, e.end);
        let (lo, hi) =
            (self.edits.partition_point(|e| key(e) < span.first), self.edits.partition_point(|e| key(e) <= span.last));
        let (text, new_segments) = apply_edits(&self.raw, &self.edits[lo..hi], span.first.0..span.end, start);
        let new_end = start + text.len();
        // `replace_range` copies byte by byte; drain and insert_str move the tail with memmove.
        self.cleaned.drain(start..old_end);
        self.cleaned.insert_str(start, &text);
        self.map.splice(segments, new_segments, new_end as isize - old_end as isize);
        debug_assert!(
            (self.cleaned == apply_edits(&self.raw, &self.edits, 0..self.raw.len(), 0).0)
                && self.map.segments() == OffsetMap::new(&self.edits).segments(),
            "the cleaned text spliced over {span:?} differs from the one derived from every edit"
        );
        new_end
    }
}

/// The raw stretch a change of the edits works on: the least and greatest raw (start, end) of the
/// edits it adds, removes or changes, and the furthest end among them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct EditSpan {
    /// The least (start, end) of a touched edit.
    pub first: (usize, usize),
    /// The greatest (start, end) of a touched edit.
    pub last: (usize, usize),
    /// The furthest raw end of a touched edit.
    pub end: usize,
}

impl EditSpan {
    /// The span of edits with these raw (start, end) ranges; `None` when there are none.
    pub(crate) fn of(ranges: impl IntoIterator<Item = (usize, usize)>) -> Option<Self> {
        ranges.into_iter().fold(None, |span, r| {
            Some(match span {
                None => Self { first: r, last: r, end: r.1 },
                Some(s) => Self { first: s.first.min(r), last: s.last.max(r), end: s.end.max(r.1) },
            })
        })
    }
}

/// What re-mapping did to the entities after an edit change.
#[derive(Debug, Default)]
pub(crate) struct Remapped {
    /// Before and after of every entity re-mapped differently than by the shift (after `None`: dropped).
    pub moved: Vec<(Option<Entity>, Option<Entity>)>,
    /// How the entities after the stretch moved.
    pub shift: Option<EntityShift>,
}

/// The raw text `range` with the accepted ones of `edits` (sorted, inside the range) applied, and their
/// segments, the text starting at cleaned offset `clean_start`.
fn apply_edits(raw: &str, edits: &[Edit], range: std::ops::Range<usize>, clean_start: usize) -> (String, Vec<Segment>) {
    apply_edits_where(raw, edits, range, clean_start, Edit::is_accepted)
}

/// [`apply_edits`] with the edits `applied` picks instead of the accepted ones (a
/// [`super::Prospect`] applies the pending ones too).
pub(super) fn apply_edits_where(
    raw: &str,
    edits: &[Edit],
    range: std::ops::Range<usize>,
    clean_start: usize,
    applied: impl Fn(&Edit) -> bool,
) -> (String, Vec<Segment>) {
    // Most edits delete or shorten: the raw range's length is nearly always room enough, and text
    // grown from empty cost a dozen reallocations (copies) per article.
    let mut text = String::with_capacity(range.len());
    let mut segments = Vec::with_capacity(edits.len());
    let mut at = range.start;
    for e in edits.iter().filter(|e| applied(e)) {
        text.push_str(raw.get(at..e.start).unwrap_or_default());
        let start = clean_start + text.len();
        text.push_str(&e.replacement);
        let end = clean_start + text.len();
        segments.push(Segment { edit: e.id, raw_start: e.start, raw_end: e.end, clean_start: start, clean_end: end });
        at = e.end;
    }
    text.push_str(raw.get(at..range.end).unwrap_or_default());
    (text, segments)
}

/// The raw (start, end) of the edits taken so far, each with its position in the edits, sorted;
/// suggestions (added in order) only append to it. Edits taken never overlap.
pub(super) struct SortedRanges(Vec<((usize, usize), usize)>);

impl SortedRanges {
    /// The ranges of `edits` (in any order), with room for `more`.
    pub(super) fn of(edits: &[Edit], more: usize) -> Self {
        let mut ranges = Vec::with_capacity(edits.len() + more);
        ranges.extend(edits.iter().enumerate().map(|(i, e)| ((e.start, e.end), i)));
        if !ranges.is_sorted_by_key(|&(range, _)| range) {
            ranges.sort_unstable_by_key(|&(range, _)| range);
        }
        Self(ranges)
    }

    /// Adds a range at `position` (replacing the position of an equal range, as a map would).
    pub(super) fn insert(&mut self, range: (usize, usize), position: usize) {
        let at = self.0.partition_point(|&(r, _)| r < range);
        match self.0.get_mut(at) {
            Some(entry) if entry.0 == range => entry.1 = position,
            _ => self.0.insert(at, (range, position)),
        }
    }

    /// Positions of the edits a new edit over raw `start..end` could conflict with: the range before
    /// it and those starting inside it or at its end (no other one can reach into the new range).
    pub(super) fn neighbours(&self, start: usize, end: usize) -> impl Iterator<Item = usize> + '_ {
        let from = self.0.partition_point(|&(r, _)| r < (start, 0));
        let before = from.checked_sub(1).and_then(|i| self.0.get(i)).map(|&(_, i)| i);
        let inside = self.0[from..].iter().take_while(move |&&(r, _)| r <= (end, usize::MAX)).map(|&(_, i)| i);
        before.into_iter().chain(inside)
    }
}

/// A hand edit planned over the raw text: edits to remove (absorbed) and the edit to insert.
#[derive(Debug, Clone)]
pub(crate) struct ManualPlan {
    /// Ids of the edits the hand edit overlaps.
    pub remove: Vec<EditId>,
    /// The hand edit itself (id to be assigned); `None` when removing the absorbed edits suffices.
    pub insert: Option<Edit>,
}

/// Checks that `start..end` is an ordered range on character boundaries of `text`.
pub(crate) fn check_range(text: &str, start: usize, end: usize, what: &str) -> Result<(), ModelError> {
    if start > end || end > text.len() {
        return Err(ModelError(format!("range {start}..{end} is outside the {what} (length {})", text.len())));
    }
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return Err(ModelError(format!("range {start}..{end} splits a character of the {what}")));
    }
    Ok(())
}

/// SHA-256 of a text's UTF-8 bytes as lowercase hex.
pub fn sha256_hex(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(2 * digest.len());
    for b in digest {
        hex.push(char::from(HEX[usize::from(b >> 4)]));
        hex.push(char::from(HEX[usize::from(b & 0xF)]));
    }
    hex
}

#[cfg(test)]
mod sorted_ranges_tests {
    use std::collections::BTreeMap;

    use super::*;

    /// The neighbours as a map of ranges finds them: the reference for [`SortedRanges::neighbours`].
    fn neighbours(taken: &BTreeMap<(usize, usize), usize>, start: usize, end: usize) -> Vec<usize> {
        let before = taken.range(..(start, 0)).next_back().map(|(_, &i)| i);
        let inside = taken.range((start, 0)..=(end, usize::MAX)).map(|(_, &i)| i);
        before.into_iter().chain(inside).collect()
    }

    /// Ranges from a fixed linear congruential sequence: short ones and insertions, overlapping.
    fn ranges(seed: u64, count: usize) -> Vec<(usize, usize)> {
        let mut x = seed;
        (0..count)
            .map(|_| {
                x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                let start = (x >> 33) as usize % 60;
                (start, start + (x >> 20) as usize % 4)
            })
            .collect()
    }

    #[test]
    fn sorted_ranges_find_the_neighbours_the_map_finds() {
        for seed in 0..40 {
            let mut map = BTreeMap::new();
            let mut sorted = SortedRanges::of(&[], 0);
            for (position, range) in ranges(seed, 30).into_iter().enumerate() {
                for (start, end) in ranges(seed + 1000, 20) {
                    let want = neighbours(&map, start, end);
                    assert_eq!(sorted.neighbours(start, end).collect::<Vec<_>>(), want, "{start}..{end}");
                }
                map.insert(range, position);
                sorted.insert(range, position);
            }
            let want: Vec<_> = map.into_iter().collect();
            assert_eq!(sorted.0, want);
        }
    }

    #[test]
    fn sorted_ranges_of_edits_in_any_order_are_sorted() {
        let mut doc = Document::new("d", "abcdefghij");
        let new = |start, end| NewEdit {
            start,
            end,
            replacement: String::new(),
            origin: "test".into(),
            status: EditStatus::Pending,
            reason: String::new(),
        };
        assert!(doc.add_edits([new(6, 8), new(0, 2), new(4, 4), new(1, 3)]).len() == 1);
        let mut edits = doc.edits().to_vec();
        edits.reverse();
        let sorted = SortedRanges::of(&edits, 1);
        assert_eq!(sorted.0, vec![((0, 2), 2), ((4, 4), 1), ((6, 8), 0)]);
    }
}
