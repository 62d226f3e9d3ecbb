//! The text of a document as it will read once its pending cleaning suggestions are accepted, so
//! entity suggestions are made on the article rather than on the junk around it (a hover card glued
//! to a name, a photo credit) and placed back on the cleaned text as it stands.

use super::document::apply_edits_where;
use super::{Bias, Document, EditStatus, OffsetMap};

/// A document's text with every pending and accepted edit applied (rejected ones left out), and its
/// map to the raw text.
#[derive(Debug, Clone)]
pub struct Prospect {
    /// The text.
    text: String,
    /// Raw ↔ this text.
    map: OffsetMap,
}

impl Prospect {
    /// The prospect of `doc`, or `None` when it has no pending edit (its cleaned text is the prospect).
    pub fn of(doc: &Document) -> Option<Self> {
        let applies = |status: EditStatus| matches!(status, EditStatus::Accepted | EditStatus::Pending);
        if !doc.edits().iter().any(|e| e.status == EditStatus::Pending) {
            return None;
        }
        let raw = doc.raw();
        let (text, segments) = apply_edits_where(raw, doc.edits(), 0..raw.len(), 0, |e| applies(e.status));
        Some(Self { text, map: OffsetMap::from_segments(segments) })
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The span `start..end` of this text as a span of `doc`'s cleaned text (bytes), or `None` when
    /// nothing of it is left there. A start next to deleted text maps after the deletion and an end
    /// before it, so the span takes in no junk at its edges; text deleted inside it is taken in while
    /// its deletion is pending, and goes when it is accepted.
    pub fn to_cleaned(&self, doc: &Document, start: usize, end: usize) -> Option<(usize, usize)> {
        // Most spans lie between two suggestions, away from both: one search places them.
        let (raw_start, raw_end) = self
            .map
            .gap_span_to_raw(start, end)
            .unwrap_or_else(|| (self.map.clean_to_raw(start, Bias::Right), self.map.clean_to_raw(end, Bias::Left)));
        if raw_start >= raw_end {
            return None;
        }
        let map = doc.map();
        if map.segments().is_empty() {
            // Nothing accepted yet (a fresh document): the cleaned text is the raw text.
            return Some((raw_start, raw_end));
        }
        let span = (map.raw_to_clean_clamped(raw_start, Bias::Right), map.raw_to_clean_clamped(raw_end, Bias::Left));
        (span.0 < span.1).then_some(span)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NewEdit;

    fn edit(doc: &Document, junk: &str, replacement: &str, status: EditStatus) -> NewEdit {
        let start = doc.raw().find(junk).unwrap_or(0);
        NewEdit {
            start,
            end: start + junk.len(),
            replacement: replacement.into(),
            origin: "rule".into(),
            status,
            reason: "test".into(),
        }
    }

    #[test]
    fn the_prospect_applies_pending_and_accepted_edits_but_not_rejected_ones() {
        let mut doc = Document::new("d", "Ann LeeAnn Marie LeeMORE said. Ad. Caf\u{e9}s Ad2 open.");
        let edits = [
            edit(&doc, "Ann Marie LeeMORE", "", EditStatus::Pending),
            edit(&doc, " Ad.", "", EditStatus::Accepted),
            edit(&doc, " Ad2", "", EditStatus::Rejected),
        ];
        doc.add_edits(edits);
        let prospect = Prospect::of(&doc).expect("a pending edit");
        assert_eq!(prospect.text(), "Ann Lee said. Caf\u{e9}s Ad2 open.");
        assert_eq!(doc.cleaned(), "Ann LeeAnn Marie LeeMORE said. Caf\u{e9}s Ad2 open.");
        // "Ann Lee" before the glued hover card, and "Cafés" after the accepted deletion.
        let span = prospect.to_cleaned(&doc, 0, 7).expect("kept");
        assert_eq!(&doc.cleaned()[span.0..span.1], "Ann Lee");
        let cafes = prospect.text().find("Caf").unwrap_or(0);
        let span = prospect.to_cleaned(&doc, cafes, cafes + "Caf\u{e9}s".len()).expect("kept");
        assert_eq!(&doc.cleaned()[span.0..span.1], "Caf\u{e9}s");
    }

    #[test]
    fn a_span_across_a_pending_deletion_takes_it_in_until_it_is_accepted() {
        let mut doc = Document::new("d", "New SHARE York");
        doc.add_edits([edit(&doc, "SHARE ", "", EditStatus::Pending)]);
        let prospect = Prospect::of(&doc).expect("a pending edit");
        assert_eq!(prospect.text(), "New York");
        let span = prospect.to_cleaned(&doc, 0, 8).expect("kept");
        assert_eq!(&doc.cleaned()[span.0..span.1], "New SHARE York");
        // A span of inserted text alone has nothing in the cleaned text.
        let mut doc = Document::new("d", "a  b");
        doc.add_edits([edit(&doc, "  ", " X ", EditStatus::Pending)]);
        let prospect = Prospect::of(&doc).expect("a pending edit");
        assert_eq!(prospect.to_cleaned(&doc, 2, 3), None);
    }

    #[test]
    fn without_pending_edits_there_is_no_prospect() {
        let mut doc = Document::new("d", "Plain text. Ad.");
        assert!(Prospect::of(&doc).is_none());
        doc.add_edits([edit(&doc, " Ad.", "", EditStatus::Accepted)]);
        assert!(Prospect::of(&doc).is_none());
    }
}
