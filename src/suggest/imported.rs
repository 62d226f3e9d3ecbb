//! Imported predictions (like Prodigy's `ner.correct`): the entities an importer read from a spaCy,
//! Prodigy, doccano or Label Studio file come in as pending suggestions on the document being
//! annotated, to be corrected rather than typed again.
//!
//! The importer produces a [`Document`] whose entities sit on its cleaned text. That text is either the
//! target's cleaned text (predictions made on cleaned text) or the target's raw text (predictions made
//! on the raw article); in the second case each entity is carried through the raw text onto the target's
//! cleaned text, and entities an accepted cleaning edit cuts into are skipped and counted.

use super::propagate::is_free;
use crate::model::{Bias, Document, EntityStatus, ModelError, NewEntity};

/// The origin given to imported entities that were hand-made in the other tool.
pub const ORIGIN: &str = "imported";

/// Pending suggestions on `target` from `imported`, plus how many could not be placed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Imported {
    /// The suggestions, ready for `Document::add_entities`.
    pub suggestions: Vec<NewEntity>,
    /// Entities skipped because a cleaning edit removed or changed their text.
    pub cut_by_cleaning: usize,
    /// Entities skipped because they overlap a live entity or repeat a rejected one on the target.
    pub blocked: usize,
}

/// Turns `imported`'s entities (rejected ones excepted) into pending suggestions on `target`.
/// Fails when the two documents share neither the cleaned nor the raw text.
pub fn imported_suggestions(imported: &Document, target: &Document) -> Result<Imported, ModelError> {
    let on_cleaned = imported.cleaned() == target.cleaned();
    if !on_cleaned && imported.cleaned() != target.raw() {
        return Err(ModelError(format!(
            "the predictions for {} were made on a different text than document {} (neither its raw nor its cleaned text)",
            imported.id, target.id
        )));
    }
    let mut out = Imported::default();
    for e in imported.entities().iter().filter(|e| e.is_live()) {
        let range = if on_cleaned { Some((e.start, e.end)) } else { raw_to_cleaned(target, e.start, e.end) };
        let Some((start, end)) = range else {
            out.cut_by_cleaning += 1;
            continue;
        };
        let overlaps_earlier = out.suggestions.iter().any(|s| s.start < end && start < s.end);
        if overlaps_earlier || !is_free(target, start, end, &e.label) {
            out.blocked += 1;
            continue;
        }
        let origin = if e.origin == crate::model::MANUAL { ORIGIN.into() } else { e.origin.clone() };
        out.suggestions.push(NewEntity {
            start,
            end,
            label: e.label.clone(),
            origin,
            status: EntityStatus::Pending,
            score: e.score,
        });
    }
    Ok(out)
}

/// The cleaned range of raw range `start..end` of `doc`, when cleaning left its text unchanged.
fn raw_to_cleaned(doc: &Document, start: usize, end: usize) -> Option<(usize, usize)> {
    let s = doc.map().raw_to_clean(start, Bias::Right);
    let e = doc.map().raw_to_clean(end, Bias::Left);
    match (s, e) {
        (crate::model::offset_map::RawPoint::Clean(s), crate::model::offset_map::RawPoint::Clean(e))
            if s < e && doc.cleaned().get(s..e) == doc.raw().get(start..end) =>
        {
            Some((s, e))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Command, EditStatus, NewEdit};

    fn predictions(text: &str, spans: &[(&str, &str, f32)]) -> Document {
        let mut doc = Document::new("spacy-run", text);
        let entities = spans.iter().map(|(t, label, score)| {
            let start = text.find(t).expect("span present");
            NewEntity {
                start,
                end: start + t.len(),
                label: (*label).into(),
                origin: "spacy".into(),
                status: EntityStatus::Accepted,
                score: Some(*score),
            }
        });
        doc.add_entities(entities).expect("valid spans");
        doc
    }

    fn shown(target: &Document, imported: &Imported) -> Vec<String> {
        imported
            .suggestions
            .iter()
            .map(|s| format!("{}:{}:{}", &target.cleaned()[s.start..s.end], s.label, s.origin))
            .collect()
    }

    #[test]
    fn predictions_on_the_same_cleaned_text_come_in_pending() {
        let text = "Ada Obi visited Lagos.";
        let target = Document::new("a", text);
        let got =
            imported_suggestions(&predictions(text, &[("Ada Obi", "PERSON", 0.9), ("Lagos", "GPE", 0.8)]), &target)
                .expect("same text");
        assert_eq!(shown(&target, &got), ["Ada Obi:PERSON:spacy", "Lagos:GPE:spacy"]);
        assert!(got.suggestions.iter().all(|s| s.status == EntityStatus::Pending && s.score.is_some()));
    }

    #[test]
    fn predictions_on_the_raw_text_follow_the_cleaning() {
        let raw = "AD BANNER\nAda Obi visited Lagos.";
        let mut target = Document::new("a", raw);
        target.add_edits([NewEdit {
            start: 0,
            end: 10,
            replacement: String::new(),
            origin: "ads".into(),
            status: EditStatus::Accepted,
            reason: "test".into(),
        }]);
        let got = imported_suggestions(&predictions(raw, &[("BANNER", "ORG", 0.4), ("Lagos", "GPE", 0.8)]), &target)
            .expect("same raw text");
        assert_eq!(shown(&target, &got), ["Lagos:GPE:spacy"]);
        assert_eq!(got.cut_by_cleaning, 1);
    }

    #[test]
    fn accepted_and_rejected_entities_on_the_target_block_predictions() {
        let text = "Ada Obi visited Lagos.";
        let mut target = Document::new("a", text);
        target.apply(&Command::AddEntity { start: 0, end: 3, label: "PERSON".into() }).expect("tag");
        target.apply(&Command::SuggestEntities(vec![(16, 21, "GPE".into(), "gazetteer".into())])).expect("suggest");
        let id = target.entities().iter().find(|e| e.start == 16).map(|e| e.id).expect("suggestion");
        target.apply(&Command::SetEntityStatus { ids: vec![id], status: EntityStatus::Rejected }).expect("reject");
        let got =
            imported_suggestions(&predictions(text, &[("Ada Obi", "PERSON", 0.9), ("Lagos", "GPE", 0.8)]), &target)
                .expect("same text");
        assert!(got.suggestions.is_empty());
        assert_eq!(got.blocked, 2);
    }

    #[test]
    fn a_different_text_is_refused() {
        let err = imported_suggestions(&predictions("Other text.", &[]), &Document::new("a", "Ada Obi."))
            .expect_err("differs");
        assert!(err.0.contains("different text"), "{err}");
    }
}
