//! The two-way map between raw and cleaned byte offsets, derived from the accepted edits.

use std::ops::Range;

use super::edit::{Edit, EditId};

/// Which side of an ambiguous point an offset should map to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bias {
    /// Before text inserted at the point (the smallest matching offset).
    Left,
    /// After text inserted at the point (the largest matching offset).
    Right,
}

/// One accepted edit as seen by the map: its raw range and the cleaned range of its replacement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// The edit this segment comes from.
    pub edit: EditId,
    /// Raw start byte.
    pub raw_start: usize,
    /// Raw end byte (exclusive).
    pub raw_end: usize,
    /// Cleaned start byte of the replacement.
    pub clean_start: usize,
    /// Cleaned end byte (exclusive) of the replacement.
    pub clean_end: usize,
}

/// Where a raw offset lands in the cleaned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RawPoint {
    /// On a boundary that survives cleaning, at this cleaned offset.
    Clean(usize),
    /// Strictly inside the raw range of an accepted edit: the text around it was replaced.
    Inside(Segment),
}

/// Maps offsets between the raw text and the cleaned text in O(log edits).
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    segments: Vec<Segment>,
}

impl OffsetMap {
    /// Builds the map from edits sorted by raw position; only accepted ones count.
    pub fn new<'a>(edits: impl IntoIterator<Item = &'a Edit>) -> Self {
        let mut segments = Vec::new();
        let mut delta: isize = 0;
        for edit in edits.into_iter().filter(|e| e.is_accepted()) {
            let clean_start = offset(edit.start, delta);
            let clean_end = clean_start + edit.replacement.len();
            segments.push(Segment { edit: edit.id, raw_start: edit.start, raw_end: edit.end, clean_start, clean_end });
            delta += edit.replacement.len() as isize - (edit.end - edit.start) as isize;
        }
        Self { segments }
    }

    /// The map of segments already made (sorted by raw position, as [`OffsetMap::new`] makes them).
    pub(crate) fn from_segments(segments: Vec<Segment>) -> Self {
        Self { segments }
    }

    /// The accepted edits in raw order, with their cleaned ranges.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// The indices of the segments whose raw (start, end) lies between `first` and `last`, both included.
    pub(crate) fn segments_between(&self, first: (usize, usize), last: (usize, usize)) -> Range<usize> {
        let key = |s: &Segment| (s.raw_start, s.raw_end);
        self.segments.partition_point(|s| key(s) < first)..self.segments.partition_point(|s| key(s) <= last)
    }

    /// The cleaned offset of raw offset `raw` when only the segments before index `i` are applied
    /// (`raw` lies at or after their raw ends).
    pub(crate) fn clean_after(&self, i: usize, raw: usize) -> usize {
        match i.checked_sub(1).and_then(|k| self.segments.get(k)) {
            None => raw,
            Some(s) => s.clean_end + raw.saturating_sub(s.raw_end),
        }
    }

    /// Replaces the segments at `range` with `new` and moves every later one `delta` bytes along the
    /// cleaned text: the map after a change confined to one stretch, without rebuilding the rest.
    pub(crate) fn splice(&mut self, range: Range<usize>, new: Vec<Segment>, delta: isize) {
        let later = range.start + new.len();
        self.segments.splice(range, new);
        for s in &mut self.segments[later..] {
            s.clean_start = offset(s.clean_start, delta);
            s.clean_end = offset(s.clean_end, delta);
        }
    }

    /// Maps a raw boundary to the cleaned text. Edits that end at `raw` lie before it and edits that
    /// start at it lie after it; only insertions exactly at `raw` depend on `bias`.
    pub fn raw_to_clean(&self, raw: usize, bias: Bias) -> RawPoint {
        // Segments that start before `raw`, or insertions at `raw` when biased right.
        let n = self
            .segments
            .partition_point(|s| s.raw_start < raw || (bias == Bias::Right && s.raw_start == raw && s.raw_end == raw));
        match n.checked_sub(1).map(|i| self.segments[i]) {
            None => RawPoint::Clean(raw),
            Some(s) if raw < s.raw_end => RawPoint::Inside(s),
            Some(s) => RawPoint::Clean(s.clean_end + (raw - s.raw_end)),
        }
    }

    /// Maps a raw boundary to the cleaned text, clamping a point inside an accepted edit to the
    /// start (left bias) or end (right bias) of its replacement.
    pub fn raw_to_clean_clamped(&self, raw: usize, bias: Bias) -> usize {
        match self.raw_to_clean(raw, bias) {
            RawPoint::Clean(c) => c,
            RawPoint::Inside(s) if bias == Bias::Left => s.clean_start,
            RawPoint::Inside(s) => s.clean_end,
        }
    }

    /// The segment whose replacement text strictly contains cleaned offset `clean`, if any.
    pub fn segment_containing_clean(&self, clean: usize) -> Option<Segment> {
        let n = self.segments.partition_point(|s| s.clean_start < clean);
        let s = self.segments.get(n.checked_sub(1)?)?;
        (clean < s.clean_end).then_some(*s)
    }

    /// Maps a cleaned boundary to the raw text. A boundary next to deleted text maps before the
    /// deletion with left bias and after it with right bias; a boundary inside a replacement maps
    /// to the start (left) or end (right) of the replaced raw range.
    #[inline]
    pub fn clean_to_raw(&self, clean: usize, bias: Bias) -> usize {
        match bias {
            Bias::Right => {
                let n = self.segments.partition_point(|s| s.clean_start <= clean);
                match n.checked_sub(1).map(|i| self.segments[i]) {
                    None => clean,
                    Some(s) if clean == s.clean_start && s.clean_start < s.clean_end => s.raw_start,
                    Some(s) if clean < s.clean_end => s.raw_end,
                    Some(s) => s.raw_end + (clean - s.clean_end),
                }
            }
            Bias::Left => {
                let n = self.segments.partition_point(|s| s.clean_end < clean);
                if let Some(s) = self.segments.get(n)
                    && s.clean_start < clean
                {
                    return if clean == s.clean_end { s.raw_end } else { s.raw_start };
                }
                match n.checked_sub(1).map(|i| self.segments[i]) {
                    None => clean,
                    Some(s) => s.raw_end + (clean - s.clean_end),
                }
            }
        }
    }

    /// The raw span of the cleaned span `start..end` when no segment touches it (it lies strictly
    /// between two replacements, so neither end is ambiguous): what [`OffsetMap::clean_to_raw`] gives
    /// for its start with right bias and its end with left bias, by one search instead of two.
    #[inline]
    pub fn gap_span_to_raw(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let n = self.segments.partition_point(|s| s.clean_end < start);
        if self.segments.get(n).is_some_and(|next| next.clean_start <= end) {
            return None;
        }
        let (clean_base, raw_base) =
            n.checked_sub(1).map_or((0, 0), |i| (self.segments[i].clean_end, self.segments[i].raw_end));
        Some((raw_base + (start - clean_base), raw_base + (end - clean_base)))
    }

    /// The raw boundary of a cleaned boundary, or `None` when it lies inside replacement text.
    pub fn raw_point_of_clean(&self, clean: usize, bias: Bias) -> Option<usize> {
        if self.segment_containing_clean(clean).is_some() {
            return None;
        }
        let raw = self.clean_to_raw(clean, bias);
        matches!(self.raw_to_clean(raw, bias), RawPoint::Clean(_)).then_some(raw)
    }
}

/// Applies a signed delta to an offset.
fn offset(pos: usize, delta: isize) -> usize {
    pos.checked_add_signed(delta).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::edit::EditStatus;

    fn edit(id: u32, start: usize, end: usize, replacement: &str) -> Edit {
        Edit {
            id,
            start,
            end,
            replacement: replacement.into(),
            origin: "t".into(),
            status: EditStatus::Accepted,
            reason: String::new(),
            absorbs: vec![],
        }
    }

    #[test]
    fn deletion_shifts_later_offsets() {
        // raw "abcdefgh", delete "cd" -> "abefgh"
        let map = OffsetMap::new(&[edit(0, 2, 4, "")]);
        assert_eq!(map.raw_to_clean(1, Bias::Left), RawPoint::Clean(1));
        assert_eq!(map.raw_to_clean(2, Bias::Left), RawPoint::Clean(2));
        assert!(matches!(map.raw_to_clean(3, Bias::Left), RawPoint::Inside(_)));
        assert_eq!(map.raw_to_clean(4, Bias::Left), RawPoint::Clean(2));
        assert_eq!(map.raw_to_clean(6, Bias::Right), RawPoint::Clean(4));
        assert_eq!(map.clean_to_raw(2, Bias::Left), 2);
        assert_eq!(map.clean_to_raw(2, Bias::Right), 4);
        assert_eq!(map.clean_to_raw(5, Bias::Left), 7);
    }

    #[test]
    fn insertion_depends_on_bias() {
        // raw "abcd", insert "XY" at 2 -> "abXYcd"
        let map = OffsetMap::new(&[edit(0, 2, 2, "XY")]);
        assert_eq!(map.raw_to_clean(2, Bias::Left), RawPoint::Clean(2));
        assert_eq!(map.raw_to_clean(2, Bias::Right), RawPoint::Clean(4));
        assert_eq!(map.clean_to_raw(3, Bias::Left), 2);
        assert_eq!(map.clean_to_raw(3, Bias::Right), 2);
        assert_eq!(map.clean_to_raw(4, Bias::Right), 2);
        assert_eq!(map.segment_containing_clean(3).map(|s| s.edit), Some(0));
        assert_eq!(map.segment_containing_clean(2), None);
    }

    #[test]
    fn replacement_maps_its_ends() {
        // raw "a--b", replace "--" with "—" (3 bytes) -> "a—b"
        let map = OffsetMap::new(&[edit(0, 1, 3, "—")]);
        assert_eq!(map.raw_to_clean(3, Bias::Left), RawPoint::Clean(4));
        assert_eq!(map.clean_to_raw(4, Bias::Left), 3);
        assert_eq!(map.clean_to_raw(1, Bias::Left), 1);
        assert_eq!(map.clean_to_raw(1, Bias::Right), 1);
        assert_eq!(map.raw_to_clean_clamped(2, Bias::Right), 4);
    }

    /// Random maps: edits as (gap before, raw length, replacement length), laid out in raw order.
    fn random_map(cuts: &[(usize, usize, usize)]) -> OffsetMap {
        let mut at = 0;
        let edits: Vec<Edit> = cuts
            .iter()
            .enumerate()
            .map(|(i, &(gap, len, replaced))| {
                at += gap;
                let e = edit(i as u32, at, at + len, &"x".repeat(replaced));
                at += len;
                e
            })
            .collect();
        OffsetMap::new(&edits)
    }

    proptest::proptest! {
        #[test]
        fn a_gap_span_maps_as_its_two_ends_do(
            cuts in proptest::collection::vec((0usize..4, 0usize..3, 0usize..3), 0..8),
            start in 0usize..30,
            len in 0usize..8,
        ) {
            let map = random_map(&cuts);
            let end = start + len;
            if let Some(raw) = map.gap_span_to_raw(start, end) {
                proptest::prop_assert_eq!(raw, (map.clean_to_raw(start, Bias::Right), map.clean_to_raw(end, Bias::Left)));
            }
        }
    }

    #[test]
    fn a_span_touching_a_replacement_is_not_a_gap_span() {
        // raw "abcdefgh", delete "cd" -> "abefgh"; replace "g" by "XY" -> "abefXYh"
        let map = OffsetMap::new(&[edit(0, 2, 4, ""), edit(1, 6, 7, "XY")]);
        assert_eq!(map.gap_span_to_raw(0, 1), Some((0, 1)));
        assert_eq!(map.gap_span_to_raw(0, 2), None);
        assert_eq!(map.gap_span_to_raw(3, 3), Some((5, 5)));
        assert_eq!(map.gap_span_to_raw(3, 4), None);
        assert_eq!(map.gap_span_to_raw(2, 3), None);
        assert_eq!(map.gap_span_to_raw(3, 5), None);
        assert_eq!(map.gap_span_to_raw(7, 7), Some((8, 8)));
    }
}
