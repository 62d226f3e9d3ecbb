//! Corpus evidence: how many documents of an open corpus contain each line (RefinedWeb/FineWeb-style
//! line deduplication). Lines that recur across many documents are site furniture; the count is the
//! reason shown to the person.

use std::collections::{HashMap, HashSet};

use super::layout::Verdict;
use super::rules::CORPUS_BOILERPLATE;
use super::text::{Line, at_most_words, ends_sentence, line_key, lines, stopword_density, word_count};
use crate::error::Result;
use crate::input::{Collection, Encoding};

/// Lines longer than this many words are prose and never counted.
const MAX_WORDS: usize = 40;

/// Document counts of lines across a corpus, keyed by a normalised hash of the line.
#[derive(Debug, Clone)]
pub struct LineStats {
    /// Documents containing each line key (counted once per document).
    counts: HashMap<u64, u32>,
    /// Number of documents added.
    documents: u32,
    /// A line must be in at least this many documents.
    min_documents: u32,
    /// …and in at least this share of them.
    min_share: f32,
}

impl Default for LineStats {
    fn default() -> Self {
        Self { counts: HashMap::new(), documents: 0, min_documents: 3, min_share: 0.02 }
    }
}

impl LineStats {
    /// Counts the lines of many texts.
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        let mut stats = Self::default();
        for t in texts {
            stats.add(t);
        }
        stats
    }

    /// Counts the lines of every document of a collection (a folder of articles, a JSONL corpus…),
    /// reading one document at a time; the first document that cannot be read is the error.
    pub fn from_collection(collection: &Collection, encoding: Encoding) -> Result<Self> {
        let mut stats = Self::default();
        for entry in &collection.entries {
            stats.add(entry.load(encoding)?.raw());
        }
        Ok(stats)
    }

    /// Sets the thresholds: a line is boilerplate when in at least `min_documents` documents and at
    /// least `min_share` of all documents.
    #[must_use]
    pub fn with_thresholds(mut self, min_documents: u32, min_share: f32) -> Self {
        self.min_documents = min_documents.max(2);
        self.min_share = min_share;
        self
    }

    /// Adds one document.
    pub fn add(&mut self, text: &str) {
        let mut keys = HashSet::new();
        for l in lines(text) {
            let t = l.trimmed();
            if !t.is_empty() && at_most_words(t, MAX_WORDS) {
                keys.insert(line_key(t));
            }
        }
        for k in keys {
            *self.counts.entry(k).or_default() += 1;
        }
        self.documents += 1;
    }

    /// Number of documents added.
    pub fn documents(&self) -> u32 {
        self.documents
    }

    /// How many documents contain this line.
    pub fn count(&self, line: &str) -> u32 {
        self.counts.get(&line_key(line)).copied().unwrap_or(0)
    }

    /// Whether a line with this count is boilerplate. A count includes the document being judged.
    fn is_boilerplate(&self, count: u32) -> bool {
        count >= self.min_documents && count as f32 >= self.min_share * self.documents as f32
    }

    /// Marks lines that recur across the corpus, unless they read as prose (a wire story printed by
    /// several outlets shares its sentences, which are not furniture).
    pub fn judge(&self, lines: &[Line<'_>], verdicts: &mut [Option<Verdict>]) {
        for l in lines {
            if l.is_blank() || verdicts[l.index].is_some() {
                continue;
            }
            let t = l.trimmed();
            let words = word_count(t);
            if words > MAX_WORDS || (words >= 10 && ends_sentence(t) && stopword_density(t) >= 0.25) {
                continue;
            }
            let count = self.count(t);
            if self.is_boilerplate(count) {
                verdicts[l.index] = Some(Verdict::builtin(
                    CORPUS_BOILERPLATE,
                    format!("line seen in {count} of {} documents", self.documents),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recurring_lines_are_boilerplate_with_their_count() {
        let docs: Vec<String> = (0..10)
            .map(|i| format!("Story {i}\nSubscribe to the Harbor Daily\nThe ferry number {i} sailed at dawn.\n"))
            .collect();
        let stats = LineStats::from_texts(docs.iter().map(String::as_str));
        assert_eq!(stats.documents(), 10);
        assert_eq!(stats.count("subscribe to the  harbor daily"), 10);
        let l = lines(&docs[0]);
        let mut v = vec![None; l.len()];
        stats.judge(&l, &mut v);
        assert_eq!(v[1].as_ref().map(|v| v.reason.as_ref()), Some("line seen in 10 of 10 documents"));
        assert!(v[0].is_none() && v[2].is_none());
    }

    #[test]
    fn shared_prose_is_kept_and_thresholds_apply() {
        let wire = "The council said on Monday that the ferry would sail again from the harbour in the spring.";
        let docs = [wire, wire, wire, "Home"];
        let stats = LineStats::from_texts(docs);
        let l = lines(wire);
        let mut v = vec![None; l.len()];
        stats.judge(&l, &mut v);
        assert!(v[0].is_none());
        let stats = LineStats::from_texts(["Home", "Home", "x"]).with_thresholds(3, 0.0);
        let l = lines("Home");
        let mut v = vec![None; 1];
        stats.judge(&l, &mut v);
        assert!(v[0].is_none(), "two documents are below the minimum of three");
    }
}
