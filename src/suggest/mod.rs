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

pub mod datelines;
pub mod dates;
pub mod facts;
pub mod gazetteer;
pub mod imported;
pub mod marks;
pub mod neighbours;
pub mod orgs;
pub mod patterns;
pub mod people;
pub mod phrases;
pub mod propagate;
pub mod tokens;
pub mod word_table;
pub mod words;

use std::cmp::Reverse;
use std::path::Path;

use crate::error::{Error, Result};
use crate::model::{Document, EntityStatus, Name, NewEntity, Prospect};
use crate::project::ProjectConfig;

use dates::DateFinder;
use facts::{Facts, Lexicon};
use gazetteer::Gazetteer;
use marks::Marks;
use patterns::Patterns;

/// The origin recorded on gazetteer suggestions.
pub const GAZETTEER: &str = "gazetteer";

/// The origin recorded on news-heuristic suggestions.
pub const HEURISTICS: &str = "news-heuristics";

/// The origin of every [`Candidate`] a [`Suggester`] makes.
const ORIGINS: [&str; 4] = [patterns::ORIGIN, GAZETTEER, HEURISTICS, propagate::ORIGIN];

/// One proposed span before overlaps are resolved; the label is borrowed from the suggester (or the
/// constant of a rule), and only the suggestions kept get the suggester's shared [`Name`] of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate<'l> {
    /// Start byte in the cleaned text.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// The label.
    pub label: &'l str,
    /// The suggester's name.
    pub origin: &'static str,
    /// How sure the suggester is, 0–1.
    pub score: f32,
}

/// Every suggester of a project, built once.
#[derive(Debug, Clone)]
pub struct Suggester {
    labels: Vec<String>,
    names: Names,
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
        let names = Names::new(&labels);
        Self { labels, names, gazetteer, lexicon, dates: DateFinder::new(gazetteer), patterns: Patterns::default() }
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
    pub fn candidates(&self, cleaned: &str) -> Vec<Candidate<'_>> {
        let (tokens, facts) = self.lexicon.tokens_and_facts(cleaned);
        let marks = Marks::of(&facts);
        let places = self.gazetteer.entities.find_at(&tokens, marks.with(Facts::ENTITY_START));
        // Every rule adds its candidates to one list, with room for one every few tokens (more than
        // news has), so the list is allocated once and nothing is copied.
        let mut out = self.patterns.find(&tokens);
        out.reserve(places.len() + tokens.len() / 8);
        let mut nicknames = Vec::new();
        for m in places {
            if is_role_before_name(&facts, &m) || !datelines::allows(&tokens, &facts, self.gazetteer, &m) {
                continue;
            }
            if let Some((team, nickname)) = neighbours::team(&tokens, &facts, &m) {
                out.push(team);
                nicknames.push(nickname);
                continue;
            }
            if let Some(c) = neighbours::reread(&tokens, &m).or_else(|| neighbours::agency(&tokens, &m)) {
                out.push(c);
                continue;
            }
            out.extend(neighbours::with_faith(&tokens, &m));
            let (start, end) = tokens.span(m.first, m.last);
            out.push(Candidate { start, end, label: m.label, origin: GAZETTEER, score: 0.8 });
            out.extend(datelines::before_known_place(&tokens, &m));
        }
        if !nicknames.is_empty() {
            neighbours::nicknames(&tokens, &facts, &nicknames, &mut out);
        }
        people::find(&tokens, &facts, &marks, self.gazetteer, &mut out);
        orgs::find(&tokens, &facts, &marks, &self.gazetteer.entities, &mut out);
        neighbours::counties(&tokens, &facts, marks.with(Facts::PLACE_NOUN), &mut out);
        neighbours::towns(&tokens, &facts, marks.with(Facts::PLACE_KIND), &mut out);
        self.dates.find(cleaned, &mut out);
        // Candidates come in runs of one label (each rule has its own): the last answer is reused while
        // the label is the same string.
        let mut last: Option<(&str, bool)> = None;
        out.retain(|c| match last {
            Some((label, proposed)) if std::ptr::eq(label, c.label) => proposed,
            _ => {
                let proposed = self.labels.iter().any(|l| l == c.label);
                last = Some((c.label, proposed));
                proposed
            }
        });
        out
    }

    /// Non-overlapping pending suggestions for a cleaned text, sorted by position.
    pub fn suggest(&self, cleaned: &str) -> Vec<NewEntity> {
        resolve(self.candidates(cleaned), &self.names, |_| true)
    }

    /// Pending suggestions for a document: its accepted entities propagated to their other occurrences
    /// first, then every suggester; nothing overlaps a live entity or repeats a rejected one. They are
    /// found in the text as it will read once the pending cleaning suggestions are accepted (a
    /// [`Prospect`]: no names in a hover card or a photo credit, "Elena Ruiz" whole before the card
    /// glued to it) and placed on the cleaned text as it stands.
    pub fn suggest_document(&self, doc: &Document) -> Vec<NewEntity> {
        self.suggest_document_kept(doc, |_| true)
    }

    /// [`Suggester::suggest_document`]'s suggestions whose label `keep` accepts (asked once per
    /// distinct label string, not per suggestion).
    fn suggest_document_kept(&self, doc: &Document, keep: impl FnMut(&str) -> bool) -> Vec<NewEntity> {
        let prospect = Prospect::of(doc);
        let text = prospect.as_ref().map_or(doc.cleaned(), Prospect::text);
        let mut candidates = self.candidates(text);
        let mut memory = propagate::Memory::default();
        memory.learn(doc);
        for (known, label) in memory.entries() {
            candidates.extend(propagate::occurrences(text, known).into_iter().map(|(start, end)| Candidate {
                start,
                end,
                label,
                origin: propagate::ORIGIN,
                score: 0.95,
            }));
        }
        if let Some(prospect) = &prospect {
            candidates.retain_mut(|c| match prospect.to_cleaned(doc, c.start, c.end) {
                Some((start, end)) => {
                    (c.start, c.end) = (start, end);
                    true
                }
                None => false,
            });
        }
        candidates.retain(|c| propagate::is_free(doc, c.start, c.end, c.label));
        resolve(candidates, &self.names, keep)
    }

    /// Adds [`Suggester::suggest_document`]'s suggestions of the document's own labels to it, as
    /// `redline suggest --entities` and `redline batch --entities` do.
    pub fn add_to(&self, doc: &mut Document) -> Result<()> {
        let suggestions = self.suggest_document_kept(doc, |label| doc.labels.iter().any(|l| l == label));
        doc.add_entities(suggestions).map(drop).map_err(|e| Error::from(e).in_doc(&doc.id))
    }
}

/// Whether a gazetteer match is one word that is also a role noun, right before a name word: the
/// magazine's name opening "Economist Jean-Claude Trichet said" is the economist's role.
fn is_role_before_name(facts: &[Facts], m: &phrases::PhraseMatch) -> bool {
    m.first == m.last
        && facts[m.first].has(Facts::ROLE_NOUN)
        && facts.get(m.first + 1).is_some_and(|f| f.has(Facts::NAME_WORD))
}

/// A suggester's labels and [`ORIGINS`] as shared names, made once, so a suggestion's label and origin
/// cost a pointer copy.
#[derive(Debug, Clone)]
struct Names {
    /// One name per label, in the suggester's order.
    labels: Vec<Name>,
    /// One name per origin, in the order of [`ORIGINS`].
    origins: Vec<Name>,
}

impl Names {
    /// The names of these labels and of every origin.
    fn new(labels: &[String]) -> Self {
        Self {
            labels: labels.iter().map(|l| Name::from(l.as_str())).collect(),
            origins: ORIGINS.iter().map(|&o| Name::from(o)).collect(),
        }
    }

    /// The shared name of a label (a new one for a label the suggester does not propose, which only
    /// propagation of a document's own entities can bring).
    fn label(&self, label: &str) -> Name {
        self.labels.iter().find(|n| **n == *label).cloned().unwrap_or_else(|| Name::from(label))
    }

    /// The shared name of an origin.
    fn origin(&self, origin: &str) -> Name {
        self.origins.iter().find(|n| **n == *origin).cloned().unwrap_or_else(|| Name::from(origin))
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

/// Picks non-overlapping candidates: by rank, then longest, then highest score, then earliest (then
/// in the order given), and makes suggestions of those whose label `keep` accepts.
///
/// Whether a candidate is taken depends only on the candidates it overlaps, so the candidates are cut
/// into runs that overlap one another (by start), and only the candidates of a run are put in that
/// order: a candidate that overlaps no other (most) needs no sorting. Labels and origins come from `names`.
fn resolve(candidates: Vec<Candidate>, names: &Names, mut keep: impl FnMut(&str) -> bool) -> Vec<NewEntity> {
    let by_start = by_start(&candidates);
    let mut taken = Taken::new(candidates.iter().map(|c| c.end).max().unwrap_or(0), by_start.len());
    let (mut run, mut keyed) = (Vec::new(), Vec::new());
    let mut run_end = 0;
    // Takes the candidates of a run (overlapping one another, after every run taken before) in this
    // order, keeps [`Taken::ranges`] in position order, and empties the run.
    let mut take_run = |run: &mut Vec<usize>| {
        match run[..] {
            [] => {}
            // A candidate that overlaps no other (most) is taken, and no later run can overlap it:
            // its bytes need no marking.
            [i] => taken.ranges.push((candidates[i].start, candidates[i].end, i)),
            _ => take_overlapping(&mut taken, &candidates, run, &mut keyed),
        }
        run.clear();
    };
    for &(start, i) in &by_start {
        if start >= run_end {
            take_run(&mut run);
        }
        run.push(i);
        run_end = run_end.max(candidates[i].end);
    }
    take_run(&mut run);
    let (mut labels, mut origins) = (Recent::default(), Recent::default());
    let mut out = Vec::with_capacity(taken.ranges.len());
    for (start, end, i) in taken.ranges {
        let c = &candidates[i];
        let Some(label) = labels.name(c.label, |l| keep(l).then(|| names.label(l))) else { continue };
        let origin = origins.name(c.origin, |o| names.origin(o));
        out.push(NewEntity { start, end, label, origin, status: EntityStatus::Pending, score: Some(c.score) });
    }
    out
}

/// The (start, index) of every candidate that is not empty, in that order. Both fit in one `u64`
/// (the index in the low bits) for any text under some 2^50 bytes, and sorting integers is several
/// times cheaper than sorting pairs; pairs are sorted otherwise.
fn by_start(candidates: &[Candidate]) -> Vec<(usize, usize)> {
    let shift = usize::BITS - candidates.len().leading_zeros();
    let last_start = candidates.iter().map(|c| c.start).max().unwrap_or(0);
    let fits = u64::try_from(last_start).is_ok_and(|s| s.leading_zeros() >= shift);
    let not_empty = candidates.iter().enumerate().filter(|(_, c)| c.start < c.end);
    if !fits {
        let mut pairs = Vec::with_capacity(candidates.len());
        pairs.extend(not_empty.map(|(i, c)| (c.start, i)));
        pairs.sort_unstable();
        return pairs;
    }
    // The casts are lossless: `fits` checked both parts.
    let mut keys = Vec::with_capacity(candidates.len());
    keys.extend(not_empty.map(|(i, c)| (c.start as u64) << shift | i as u64));
    keys.sort_unstable();
    let index_mask = (1u64 << shift) - 1;
    keys.iter().map(|&k| ((k >> shift) as usize, (k & index_mask) as usize)).collect()
}

/// The names [`resolve`] gave the first few distinct label (or origin) strings it met, by the
/// string's address and length: the rules give their candidates the same few constants, so most
/// suggestions get their name by comparing two integers instead of strings. A label's entry is
/// `None` when the caller does not keep it.
struct Recent<'c, N> {
    /// Each string met (compared by address and length) and its name.
    seen: Vec<(&'c str, N)>,
}

impl<N> Default for Recent<'_, N> {
    fn default() -> Self {
        Self { seen: Vec::with_capacity(RECENT) }
    }
}

/// How many strings a [`Recent`] keeps: more than the labels and origins of the rules, few enough for
/// a linear search (strings met later, such as many labels of propagated entities, are looked up each time).
const RECENT: usize = 16;

impl<'c, N: Clone> Recent<'c, N> {
    /// The name of `text`: the one given before to the same string, or `lookup`'s.
    #[inline]
    fn name(&mut self, text: &'c str, lookup: impl FnOnce(&str) -> N) -> N {
        if let Some((_, name)) = self.seen.iter().find(|(seen, _)| std::ptr::eq(*seen, text)) {
            return name.clone();
        }
        let name = lookup(text);
        if self.seen.len() < RECENT {
            self.seen.push((text, name.clone()));
        }
        name
    }
}

/// Takes the candidates of a run of two or more overlapping one another (indices; after every run
/// taken before) in [`resolve`]'s order, and keeps [`Taken::ranges`] in position order; `keyed` is
/// room for the run's keys.
fn take_overlapping(taken: &mut Taken, candidates: &[Candidate], run: &[usize], keyed: &mut Vec<(ResolveKey, usize)>) {
    let from = taken.ranges.len();
    keyed.clear();
    keyed.extend(run.iter().map(|&i| (resolve_key(&candidates[i]), i)));
    keyed.sort_unstable();
    for &(_, i) in keyed.iter() {
        taken.take(candidates[i].start, candidates[i].end, i);
    }
    taken.ranges[from..].sort_unstable_by_key(|&(start, _, _)| start);
}

/// A candidate's place in [`resolve`]'s order, smallest first: rank, length and score descending, start ascending.
type ResolveKey = (Reverse<u8>, Reverse<usize>, Reverse<i32>, usize);

/// The [`ResolveKey`] of a candidate.
fn resolve_key(c: &Candidate) -> ResolveKey {
    (Reverse(rank(c.origin)), Reverse(c.end.wrapping_sub(c.start)), Reverse(total_order_key(c.score)), c.start)
}

/// An integer that orders as `f32::total_cmp` orders the scores (the same bit trick it uses).
fn total_order_key(score: f32) -> i32 {
    let bits = score.to_bits() as i32;
    bits ^ ((((bits >> 31) as u32) >> 1) as i32)
}

/// The byte ranges taken so far, each with the index of the candidate that took it, never
/// overlapping; a bit per byte of the text says whether it is taken, so taking costs the length of
/// the range, wherever in a long document it lies.
struct Taken {
    /// Bit `b % 64` of word `b / 64`: byte `b` is inside a taken range. Empty until the first
    /// [`Taken::take`]: most texts have no overlapping candidates and never need it.
    bits: Vec<u64>,
    /// The length of the text.
    len: usize,
    /// The taken ranges (start, end, candidate), in the order they were taken ([`resolve`] puts them
    /// in position order).
    ranges: Vec<(usize, usize, usize)>,
}

impl Taken {
    /// Nothing taken yet, in a text of `len` bytes (no range ends past it), with room for `most` ranges.
    fn new(len: usize, most: usize) -> Self {
        Self { bits: Vec::new(), len, ranges: Vec::with_capacity(most) }
    }

    /// Takes `start..end` (not empty) for candidate `i` if it overlaps no taken range.
    fn take(&mut self, start: usize, end: usize, i: usize) {
        if self.bits.is_empty() {
            self.bits = vec![0; self.len.div_ceil(64)];
        }
        if Self::words(start, end).any(|(w, mask)| self.bits[w] & mask != 0) {
            return;
        }
        for (w, mask) in Self::words(start, end) {
            self.bits[w] |= mask;
        }
        self.ranges.push((start, end, i));
    }

    /// The words of [`Taken::bits`] that `start..end` (not empty) touches, each with the bits it covers there.
    fn words(start: usize, end: usize) -> impl Iterator<Item = (usize, u64)> {
        (start / 64..=(end - 1) / 64).map(move |w| {
            let from = start.max(w * 64) - w * 64;
            let to = end.min(w * 64 + 64) - w * 64;
            let mask = if to - from == 64 { u64::MAX } else { ((1u64 << (to - from)) - 1) << from };
            (w, mask)
        })
    }
}

#[cfg(test)]
mod tests;
