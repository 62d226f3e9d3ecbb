//! Entity suggestions on the cleaned text: named suggesters propose pending entities, each with its
//! name as origin and a score, so most of the tagging work becomes pressing accept.
//!
//! - [`patterns`]: the project's Prodigy-compatible patterns file (origin `patterns`);
//! - [`gazetteer`]: the shipped lists of places, groups and organisations (origin `gazetteer`);
//! - news heuristics ([`people`], [`orgs`], [`dates`]; origin `news-heuristics`);
//! - [`propagate`]: what a person tagged, proposed at its other occurrences (origin `propagation`);
//! - [`imported`]: another tool's predictions (origin kept from the importer, or `imported`).
//!
//! [`Suggester`] is built once (the gazetteer is parsed once per process) and is cheap per call:
//! `Suggester::builtin().suggest(cleaned)` gives non-overlapping suggestions for any text.

pub mod dates;
pub mod facts;
pub mod gazetteer;
pub mod imported;
pub mod orgs;
pub mod patterns;
pub mod people;
pub mod phrases;
pub mod propagate;
pub mod tokens;
pub mod words;

use std::collections::BTreeMap;
use std::path::Path;

use crate::error::{Error, Result};
use crate::model::{Document, EntityStatus, NewEntity};
use crate::project::ProjectConfig;

use dates::DateFinder;
use facts::{Facts, Lexicon};
use gazetteer::Gazetteer;
use patterns::Patterns;
use tokens::Tokens;

/// The origin recorded on gazetteer suggestions.
pub const GAZETTEER: &str = "gazetteer";

/// The origin recorded on news-heuristic suggestions.
pub const HEURISTICS: &str = "news-heuristics";

/// One proposed span before overlaps are resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Start byte in the cleaned text.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// The label.
    pub label: String,
    /// The suggester's name.
    pub origin: &'static str,
    /// How sure the suggester is, 0–1.
    pub score: f32,
}

/// Every suggester of a project, built once.
#[derive(Debug, Clone)]
pub struct Suggester {
    labels: Vec<String>,
    gazetteer: &'static Gazetteer,
    lexicon: &'static Lexicon,
    dates: DateFinder,
    patterns: Patterns,
}

impl Suggester {
    /// The shipped suggesters for the default labels, without a patterns file.
    pub fn builtin() -> Self {
        Self::with_labels(crate::labels::default_labels())
    }

    /// The shipped suggesters, proposing only the given labels.
    pub fn with_labels(labels: Vec<String>) -> Self {
        let gazetteer = Gazetteer::shipped();
        let lexicon = Lexicon::shipped();
        Self { labels, gazetteer, lexicon, dates: DateFinder::new(gazetteer), patterns: Patterns::default() }
    }

    /// The suggesters of a project: its labels, and its patterns file (relative to `folder`) if it names one.
    pub fn for_project(config: &ProjectConfig, folder: &Path) -> Result<Self> {
        let mut suggester = Self::with_labels(config.label_names());
        if let Some(file) = &config.patterns_file {
            suggester.patterns = Patterns::load(&folder.join(file), &suggester.labels)?;
        }
        Ok(suggester)
    }

    /// Uses these patterns (already checked against the labels).
    #[must_use]
    pub fn with_patterns(mut self, patterns: Patterns) -> Self {
        self.patterns = patterns;
        self
    }

    /// The labels proposed.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Every candidate from every suggester, overlapping, before resolution.
    pub fn candidates(&self, cleaned: &str) -> Vec<Candidate> {
        let tokens = Tokens::new(cleaned);
        let facts = self.lexicon.facts(&tokens);
        let mut out = self.patterns.find(&tokens);
        let entity_start = |i: usize| facts[i].has(Facts::ENTITY_START);
        out.extend(self.gazetteer.entities.find_where(&tokens, entity_start).into_iter().map(|m| {
            let (start, end) = tokens.span(m.first, m.last);
            Candidate { start, end, label: m.label.to_string(), origin: GAZETTEER, score: 0.8 }
        }));
        out.extend(people::find(&tokens, &facts, self.gazetteer));
        out.extend(orgs::find(&tokens, &facts));
        out.extend(self.dates.find(cleaned));
        out.retain(|c| self.labels.contains(&c.label));
        out
    }

    /// Non-overlapping pending suggestions for a cleaned text, sorted by position.
    pub fn suggest(&self, cleaned: &str) -> Vec<NewEntity> {
        resolve(self.candidates(cleaned))
    }

    /// Pending suggestions for a document: its accepted entities propagated to their other occurrences
    /// first, then every suggester; nothing overlaps a live entity or repeats a rejected one.
    pub fn suggest_document(&self, doc: &Document) -> Vec<NewEntity> {
        let mut candidates = self.candidates(doc.cleaned());
        let mut memory = propagate::Memory::default();
        memory.learn(doc);
        for (text, label) in memory.entries() {
            candidates.extend(propagate::occurrences(doc.cleaned(), text).into_iter().map(|(start, end)| Candidate {
                start,
                end,
                label: label.to_string(),
                origin: propagate::ORIGIN,
                score: 0.95,
            }));
        }
        candidates.retain(|c| propagate::is_free(doc, c.start, c.end, &c.label));
        resolve(candidates)
    }

    /// Adds [`Suggester::suggest_document`]'s suggestions of the document's own labels to it, as
    /// `redline suggest --entities` and `redline batch --entities` do.
    pub fn add_to(&self, doc: &mut Document) -> Result<()> {
        let mut suggestions = self.suggest_document(doc);
        suggestions.retain(|s| doc.labels.contains(&s.label));
        doc.add_entities(suggestions).map(drop).map_err(|e| Error::from(e).in_doc(&doc.id))
    }
}

/// How strongly a suggester's proposals win over overlapping ones: the project's own patterns and what
/// the person tagged beat the shipped lists and rules.
fn rank(origin: &str) -> u8 {
    match origin {
        patterns::ORIGIN => 2,
        propagate::ORIGIN => 1,
        _ => 0,
    }
}

/// Picks non-overlapping candidates: by rank, then longest, then highest score, then earliest.
fn resolve(mut candidates: Vec<Candidate>) -> Vec<NewEntity> {
    candidates.sort_by(|a, b| {
        rank(b.origin)
            .cmp(&rank(a.origin))
            .then((b.end - b.start).cmp(&(a.end - a.start)))
            .then(b.score.total_cmp(&a.score))
            .then(a.start.cmp(&b.start))
    });
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for c in candidates {
        if c.start >= c.end || overlaps_taken(&taken, c.start, c.end) {
            continue;
        }
        taken.insert(c.start, c.end);
        out.push(NewEntity {
            start: c.start,
            end: c.end,
            label: c.label,
            origin: c.origin.to_string(),
            status: EntityStatus::Pending,
            score: Some(c.score),
        });
    }
    out.sort_by_key(|e| (e.start, e.end));
    out
}

/// Whether `start..end` overlaps a taken range (ranges in `taken` never overlap each other).
fn overlaps_taken(taken: &BTreeMap<usize, usize>, start: usize, end: usize) -> bool {
    let before = taken.range(..end).next_back();
    before.is_some_and(|(_, &e)| e > start)
}

#[cfg(test)]
mod tests;
