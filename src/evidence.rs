//! Suggestions that need the whole corpus, not one document: lines that recur across many documents
//! (site furniture, counted by [`LineStats`] and proposed as `corpus-boilerplate` deletions) and what
//! the person accepted anywhere in it (a [`Memory`] of entity texts, proposed as `propagation` entity
//! suggestions wherever they occur free) — what INCEpTION's string-matching recommender and
//! RefinedWeb-style line deduplication do. Gathered once over every document, then applied to each
//! document as it is opened; nothing the person decided is changed.

use std::sync::Arc;

use crate::clean::rules::CORPUS_BOILERPLATE;
use crate::clean::{Cleaner, LineStats};
use crate::model::{Command, Document, ModelError, NewEdit};
use crate::suggest::propagate::Memory;
use crate::workspace::Summary;

/// Line counts and accepted entities gathered across a corpus.
#[derive(Debug, Clone, Default)]
pub struct CorpusEvidence {
    lines: Arc<LineStats>,
    memory: Memory,
}

/// What the evidence adds to one document: pending cleaning edits and entity suggestions.
#[derive(Debug, Clone, Default)]
pub struct Additions {
    /// `corpus-boilerplate` deletions that overlap no edit the document has.
    pub edits: Vec<NewEdit>,
    /// Entity suggestions for remembered texts (a `SuggestEntities` command), if any.
    pub entities: Option<Command>,
}

impl CorpusEvidence {
    /// Counts one document's raw lines and learns its accepted entities.
    pub fn add(&mut self, doc: &Document) {
        Arc::make_mut(&mut self.lines).add(doc.raw());
        self.memory.learn(doc);
    }

    /// Learns the accepted entities of a document the person worked on, for the documents opened next.
    pub fn learn(&mut self, doc: &Document) {
        self.memory.learn(doc);
    }

    /// How many documents were counted.
    pub fn documents(&self) -> u32 {
        self.lines.documents()
    }

    /// How many distinct entity texts are remembered.
    pub fn remembered(&self) -> usize {
        self.memory.entries().len()
    }

    /// What the evidence proposes for `doc`, with the project's `cleaner` (its rules switched on or off)
    /// given the line counts.
    pub fn additions(&self, cleaner: &Cleaner, doc: &Document) -> Additions {
        let cleaner = cleaner.clone().with_corpus(Arc::clone(&self.lines));
        let overlaps = |e: &NewEdit| doc.edits().iter().any(|x| x.start < e.end && e.start < x.end);
        let edits =
            cleaner.suggest(doc.raw()).into_iter().filter(|e| e.origin == CORPUS_BOILERPLATE && !overlaps(e)).collect();
        Additions { edits, entities: self.memory.suggest(doc) }
    }
}

impl Additions {
    /// Adds the edits and entity suggestions to `doc` without an undo entry (as suggestions made on
    /// opening are) and without changing its workflow status (the person has not worked on it);
    /// returns how many undecided suggestions it gained.
    pub fn apply(self, doc: &mut Document) -> Result<usize, ModelError> {
        let (before, status) = (Summary::of(doc).pending, doc.status);
        if let Some(problem) = doc.add_edits(self.edits).into_iter().next() {
            return Err(problem);
        }
        if let Some(command) = &self.entities {
            doc.apply(command)?;
        }
        doc.status = status;
        Ok(Summary::of(doc).pending.saturating_sub(before))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EditStatus, EntityStatus};

    /// A story with a recurring footer line and a phrase that may be tagged.
    fn story(n: usize) -> Document {
        let raw = format!(
            "Story {n} about the harbour\n\nWorkers moored the floating dock near berth {n}.\n\nReaders' desk: tips welcome\n"
        );
        Document::new(format!("s{n}"), raw)
    }

    #[test]
    fn recurring_lines_and_accepted_entities_become_suggestions_elsewhere() {
        let mut first = story(1);
        let at = first.cleaned().find("floating dock").expect("phrase");
        first.apply(&Command::AddEntity { start: at, end: at + 13, label: "LOC".into() }).expect("tag");
        let others: Vec<Document> = (2..6).map(story).collect();
        let mut evidence = CorpusEvidence::default();
        evidence.add(&first);
        others.iter().for_each(|d| evidence.add(d));
        assert_eq!((evidence.documents(), evidence.remembered()), (5, 1));

        let mut doc = others[0].clone();
        let additions = evidence.additions(&Cleaner::builtin(), &doc);
        assert!(additions.edits.iter().all(|e| e.origin == CORPUS_BOILERPLATE && e.status == EditStatus::Pending));
        let footer = doc.raw().find("Readers' desk").expect("footer");
        assert!(additions.edits.iter().any(|e| e.start <= footer && footer < e.end), "{:?}", additions.edits);
        let added = additions.apply(&mut doc).expect("apply");
        assert!(added >= 2, "a deletion and an entity suggestion: {added}");
        assert_eq!(doc.status, crate::model::DocStatus::Todo, "suggestions are not work on the document");
        let propagated: Vec<&str> = doc
            .entities()
            .iter()
            .filter(|e| e.status == EntityStatus::Pending && e.label == "LOC")
            .map(|e| &doc.cleaned()[e.start..e.end])
            .collect();
        assert_eq!(propagated, ["floating dock"]);
        // Applied again, nothing new: what is there already is never proposed twice.
        assert_eq!(evidence.additions(&Cleaner::builtin(), &doc).apply(&mut doc).expect("again"), 0);
    }
}
