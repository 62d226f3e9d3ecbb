//! Propagation (INCEpTION's string-matching recommender, but live): whatever a person tags or accepts
//! is proposed at every other whole-word occurrence of the same text, in the same document and, when a
//! corpus is open, in the other documents.
//!
//! The GUI calls [`propagate`] after each tag or accept and applies the returned command through the
//! document's history, so one undo removes the propagated suggestions; for a corpus it calls
//! [`propagate_to_others`], or builds a [`Memory`] of every accepted entity and asks it for the
//! commands of a document when that document is opened.
//!
//! Occurrences are looked for in the text as it will read once the pending cleaning suggestions are
//! accepted (a [`Prospect`]), as the other suggesters do: a name inside a photo credit or a hover card
//! waiting to be deleted is not proposed.

use std::collections::HashMap;

use crate::model::{Command, Document, EntityStatus, Prospect};

/// The origin recorded on propagated suggestions.
pub const ORIGIN: &str = "propagation";

/// Every whole-word occurrence of `needle` in `text`, as byte ranges.
pub fn occurrences(text: &str, needle: &str) -> Vec<(usize, usize)> {
    if needle.trim().is_empty() {
        return Vec::new();
    }
    text.match_indices(needle)
        .map(|(start, _)| (start, start + needle.len()))
        .filter(|&(start, end)| whole_word(text, start, end))
        .collect()
}

/// The whole-word occurrences of `needle` in the text of `doc` with its pending cleaning applied
/// (`prospect`, made by [`Prospect::of`]), placed on its cleaned text; in the cleaned text itself when
/// nothing is pending.
fn occurrences_kept(doc: &Document, prospect: Option<&Prospect>, needle: &str) -> Vec<(usize, usize)> {
    match prospect {
        None => occurrences(doc.cleaned(), needle),
        Some(prospect) => occurrences(prospect.text(), needle)
            .into_iter()
            .filter_map(|(start, end)| prospect.to_cleaned(doc, start, end))
            .collect(),
    }
}

/// Whether `text[start..end]` is not part of a longer word ("U.S." inside "U.S.A." is).
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back().is_some_and(char::is_alphanumeric);
    let after = text[end..].chars().next().is_some_and(char::is_alphanumeric);
    !before && !after
}

/// The suggestions for the other occurrences of `text` tagged `label` in one document: a
/// [`Command::SuggestEntities`] (the document skips overlaps and what was rejected there before),
/// or `None` when there is no other free occurrence.
pub fn propagate(doc: &Document, text: &str, label: &str) -> Option<Command> {
    let list: Vec<(usize, usize, String, String)> = occurrences_kept(doc, Prospect::of(doc).as_ref(), text)
        .into_iter()
        .filter(|&(start, end)| is_free(doc, start, end, label))
        .map(|(start, end)| (start, end, label.to_string(), ORIGIN.to_string()))
        .collect();
    (!list.is_empty()).then_some(Command::SuggestEntities(list))
}

/// Whether a span overlaps no live entity and was not rejected with this label before.
pub fn is_free(doc: &Document, start: usize, end: usize, label: &str) -> bool {
    !doc.entities().iter().any(|e| {
        (e.is_live() && e.overlaps(start, end))
            || (e.status == EntityStatus::Rejected && e.start == start && e.end == end && e.label == label)
    })
}

/// The propagation commands for the other documents of a corpus, by position in `docs`.
pub fn propagate_to_others<'d>(
    docs: impl IntoIterator<Item = &'d Document>,
    text: &str,
    label: &str,
) -> Vec<(usize, Command)> {
    docs.into_iter().enumerate().filter_map(|(i, doc)| propagate(doc, text, label).map(|c| (i, c))).collect()
}

/// What a person has accepted across a corpus: each entity text with its most frequent label.
#[derive(Debug, Clone, Default)]
pub struct Memory {
    counts: HashMap<String, HashMap<String, usize>>,
}

impl Memory {
    /// Learns from every accepted entity of the documents.
    pub fn from_documents<'d>(docs: impl IntoIterator<Item = &'d Document>) -> Self {
        let mut memory = Self::default();
        for doc in docs {
            memory.learn(doc);
        }
        memory
    }

    /// Learns the accepted entities of one document.
    pub fn learn(&mut self, doc: &Document) {
        for e in doc.entities().iter().filter(|e| e.status == EntityStatus::Accepted) {
            self.remember(&doc.cleaned()[e.start..e.end], &e.label);
        }
    }

    /// Learns one tagged text.
    pub fn remember(&mut self, text: &str, label: &str) {
        *self.counts.entry(text.to_string()).or_default().entry(label.to_string()).or_default() += 1;
    }

    /// The most frequent label of each remembered text (ties broken by label name, for stable results).
    pub fn entries(&self) -> Vec<(&str, &str)> {
        let mut out: Vec<(&str, &str)> = self
            .counts
            .iter()
            .filter_map(|(text, labels)| {
                let best = labels.iter().max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))?;
                Some((text.as_str(), best.0.as_str()))
            })
            .collect();
        // Longer texts first, so "New Harbor City" is proposed before "Harbor" can take part of it.
        out.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.cmp(b)));
        out
    }

    /// One command proposing every remembered text wherever it occurs free in `doc`, or `None`.
    pub fn suggest(&self, doc: &Document) -> Option<Command> {
        let mut list: Vec<(usize, usize, String, String)> = Vec::new();
        let prospect = Prospect::of(doc);
        for (text, label) in self.entries() {
            for (start, end) in occurrences_kept(doc, prospect.as_ref(), text) {
                let taken = list.iter().any(|(s, e, _, _)| *s < end && start < *e);
                if !taken && is_free(doc, start, end, label) {
                    list.push((start, end, label.to_string(), ORIGIN.to_string()));
                }
            }
        }
        list.sort();
        (!list.is_empty()).then_some(Command::SuggestEntities(list))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tagged(text: &str, tag: &str, label: &str) -> Document {
        let mut doc = Document::new("d", text);
        let start = text.find(tag).expect("tag present");
        doc.apply(&Command::AddEntity { start, end: start + tag.len(), label: label.into() }).expect("tag");
        doc
    }

    fn spans(doc: &Document, command: &Command) -> Vec<String> {
        let Command::SuggestEntities(list) = command else { panic!("not a suggestion command") };
        list.iter().map(|(s, e, l, _)| format!("{}:{l}", &doc.cleaned()[*s..*e])).collect()
    }

    #[test]
    fn occurrences_are_whole_words_only() {
        assert_eq!(occurrences("Ruiz, Ruizes and Ruiz's Ruiz", "Ruiz"), [(0, 4), (17, 21), (24, 28)]);
        assert_eq!(occurrences("U.S. and U.S.A.", "U.S."), [(0, 4)]);
        assert!(occurrences("anything", " ").is_empty());
    }

    #[test]
    fn a_tag_is_proposed_at_the_other_free_occurrences() {
        let mut doc = tagged("Ruiz met Ruiz. Elena Ruiz left.", "Ruiz", "PERSON");
        let full = doc.cleaned().find("Elena Ruiz").expect("present");
        doc.apply(&Command::AddEntity { start: full, end: full + 10, label: "PERSON".into() }).expect("tag");
        let command = propagate(&doc, "Ruiz", "PERSON").expect("one more occurrence");
        assert_eq!(spans(&doc, &command), ["Ruiz:PERSON"]);
        doc.apply(&command).expect("apply");
        assert!(propagate(&doc, "Ruiz", "PERSON").is_none(), "nothing left once proposed");
    }

    #[test]
    fn rejected_places_are_not_proposed_again() {
        let mut doc = tagged("Harbor and Harbor", "Harbor", "GPE");
        let command = propagate(&doc, "Harbor", "GPE").expect("second occurrence");
        doc.apply(&command).expect("apply");
        let id = doc.entities().iter().find(|e| e.status == EntityStatus::Pending).map(|e| e.id).expect("pending");
        doc.apply(&Command::SetEntityStatus { ids: vec![id], status: EntityStatus::Rejected }).expect("reject");
        assert!(propagate(&doc, "Harbor", "GPE").is_none());
        assert!(propagate(&doc, "Harbor", "ORG").is_some(), "another label is another suggestion");
    }

    #[test]
    fn corpus_memory_proposes_what_was_accepted_elsewhere() {
        let first = tagged("New Harbor City grew.", "New Harbor City", "GPE");
        let other = Document::new("o", "Harbor and New Harbor City, then nothing.");
        let none = Document::new("n", "No match here.");
        let memory = Memory::from_documents([&first]);
        let command = memory.suggest(&other).expect("a match");
        assert_eq!(spans(&other, &command), ["New Harbor City:GPE"]);
        assert!(memory.suggest(&none).is_none());
        let commands = propagate_to_others([&none, &other], "New Harbor City", "GPE");
        assert_eq!(commands.len(), 1);
        assert_eq!(commands[0].0, 1);
    }

    /// A document about Ruiz whose last line, a photo credit naming her, waits to be deleted; her
    /// first mention tagged when `tag`.
    fn with_pending_credit(tag: bool) -> Document {
        let text = "Ruiz spoke at the dock.\nPhoto: Ruiz family / Wire\n";
        let mut doc = if tag { tagged(text, "Ruiz", "PERSON") } else { Document::new("d", text) };
        let start = doc.raw().find("Photo").expect("credit");
        doc.add_edits([crate::model::NewEdit {
            start,
            end: doc.raw().len(),
            replacement: String::new(),
            origin: "photo_credit".into(),
            status: crate::model::EditStatus::Pending,
            reason: "photo credit".into(),
        }]);
        doc
    }

    #[test]
    fn junk_waiting_to_be_deleted_gets_no_propagated_suggestion() {
        let doc = with_pending_credit(true);
        assert!(propagate(&doc, "Ruiz", "PERSON").is_none(), "the only other Ruiz is in the credit");
        let memory = Memory::from_documents([&tagged("Ruiz left.", "Ruiz", "PERSON")]);
        let fresh = with_pending_credit(false);
        let command = memory.suggest(&fresh).expect("the article's Ruiz");
        assert_eq!(spans(&fresh, &command), ["Ruiz:PERSON"]);
        let Command::SuggestEntities(list) = command else { panic!("not a suggestion command") };
        assert_eq!(list[0].0, 0, "proposed in the article, not in the credit");
    }

    #[test]
    fn once_its_deletion_is_rejected_the_line_is_text_again() {
        let mut doc = with_pending_credit(true);
        let id = doc.edits()[0].id;
        doc.apply(&Command::SetEditStatus { ids: vec![id], status: crate::model::EditStatus::Rejected })
            .expect("reject");
        let command = propagate(&doc, "Ruiz", "PERSON").expect("the credit's Ruiz is text now");
        let Command::SuggestEntities(list) = command else { panic!("not a suggestion command") };
        assert_eq!(&doc.cleaned()[list[0].0..list[0].1], "Ruiz");
        assert!(list[0].0 > 20, "in the credit line");
    }
}
