//! Exact multi-token phrase matching (spaCy's PhraseMatcher on `ORTH`): a hash map from a phrase's
//! first token to the phrases starting with it, so a text is scanned once however many phrases there are.

use std::collections::HashMap;

use foldhash::fast::RandomState;

use super::tokens::{Tokens, tokenize};
use super::words::ShapeFilter;

/// One phrase: the tokens after the first, and its label.
#[derive(Debug, Clone)]
struct Phrase {
    rest: Vec<String>,
    label: String,
}

/// A set of phrases, each with a label, matched token by token and case-sensitively.
#[derive(Debug, Clone, Default)]
pub struct PhraseMatcher {
    by_first: HashMap<String, Vec<Phrase>, RandomState>,
    /// The shapes of the first tokens, checked before hashing a token.
    firsts: ShapeFilter,
    count: usize,
}

/// A phrase found in a text: tokens `first..=last` and the phrase's label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch<'m> {
    /// Index of the first token.
    pub first: usize,
    /// Index of the last token (inclusive).
    pub last: usize,
    /// The label the phrase carries.
    pub label: &'m str,
}

impl PhraseMatcher {
    /// Adds a phrase; returns `false` (and adds nothing) when it has no tokens or is already present.
    pub fn add(&mut self, phrase: &str, label: &str) -> bool {
        let mut words = tokenize(phrase).into_iter().map(|t| phrase[t.start..t.end].to_string());
        let Some(first) = words.next() else { return false };
        let rest: Vec<String> = words.collect();
        self.firsts.insert(&first);
        let list = self.by_first.entry(first).or_default();
        if list.iter().any(|p| p.rest == rest) {
            return false;
        }
        list.push(Phrase { rest, label: label.to_string() });
        // Longest first, so the first phrase that matches at a position is the longest one.
        list.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
        self.count += 1;
        true
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether there are no phrases.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The longest phrase starting at each token, in text order (matches may overlap).
    pub fn find<'m>(&'m self, tokens: &Tokens) -> Vec<PhraseMatch<'m>> {
        self.find_at(tokens, 0..tokens.len())
    }

    /// [`PhraseMatcher::find`] looking only at the tokens of `starts` (increasing indices, among them every
    /// token that is the first word of a phrase).
    pub fn find_at<'m>(&'m self, tokens: &Tokens, starts: impl IntoIterator<Item = usize>) -> Vec<PhraseMatch<'m>> {
        let mut out = Vec::new();
        if self.is_empty() {
            return out;
        }
        for i in starts {
            let word = tokens.text(i);
            if !self.firsts.may_contain(word) {
                continue;
            }
            let Some(list) = self.by_first.get(word) else { continue };
            let hit = list.iter().find(|p| {
                i + p.rest.len() < tokens.len() && p.rest.iter().enumerate().all(|(k, w)| tokens.text(i + 1 + k) == w)
            });
            if let Some(p) = hit {
                out.push(PhraseMatch { first: i, last: i + p.rest.len(), label: &p.label });
            }
        }
        out
    }

    /// The first word of every phrase, each once, with whether that word alone is also a phrase.
    pub fn first_words(&self) -> impl Iterator<Item = (&str, bool)> {
        self.by_first.iter().map(|(word, list)| (word.as_str(), list.iter().any(|p| p.rest.is_empty())))
    }

    /// Whether a single token is itself one of the phrases (no tokenizing: cheap in loops).
    pub fn has_word(&self, word: &str) -> bool {
        self.firsts.may_contain(word)
            && self.by_first.get(word).is_some_and(|list| list.iter().any(|p| p.rest.is_empty()))
    }

    /// The label of a text that is exactly one of the phrases (the capitals of a dateline, title-cased;
    /// tests check [`PhraseMatcher::label_of_span`] and the gazetteers with it).
    pub fn label_of(&self, text: &str) -> Option<&str> {
        let tokens = Tokens::new(text);
        self.label_of_span(&tokens, 0, tokens.len().checked_sub(1)?)
    }

    /// The label of tokens `first..=last` of a text if they are exactly one of the phrases: what
    /// [`PhraseMatcher::label_of`] says of their text, without tokenizing it again (a text cut at token
    /// boundaries is cut into the same tokens).
    pub fn label_of_span(&self, tokens: &Tokens, first: usize, last: usize) -> Option<&str> {
        let word = tokens.text(first);
        if !self.firsts.may_contain(word) {
            return None;
        }
        let same = |p: &&Phrase| {
            first + p.rest.len() == last && p.rest.iter().enumerate().all(|(k, w)| tokens.text(first + 1 + k) == w)
        };
        self.by_first.get(word)?.iter().find(same).map(|p| p.label.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher() -> PhraseMatcher {
        let mut m = PhraseMatcher::default();
        assert!(m.add("New York", "GPE"));
        assert!(m.add("New York Times", "ORG"));
        assert!(m.add("U.S.", "GPE"));
        assert!(!m.add("New York", "ORG"), "a duplicate phrase keeps its first label");
        assert!(!m.add("  ", "ORG"));
        m
    }

    fn found(text: &str) -> Vec<(String, String)> {
        let m = matcher();
        let t = Tokens::new(text);
        m.find(&t)
            .into_iter()
            .map(|x| {
                let (s, e) = t.span(x.first, x.last);
                (text[s..e].to_string(), x.label.to_string())
            })
            .collect()
    }

    #[test]
    fn longest_phrase_wins_at_a_position() {
        assert_eq!(found("the New York Times said"), [("New York Times".into(), "ORG".into())]);
        assert_eq!(found("in New York, U.S."), [("New York".into(), "GPE".into()), ("U.S.".into(), "GPE".into())]);
    }

    #[test]
    fn matching_is_exact_and_token_aligned() {
        assert!(found("new york and Newark and New Yorker").is_empty());
        assert_eq!(matcher().label_of("New York Times"), Some("ORG"));
        assert!(matcher().has_word("U.S.") && !matcher().has_word("New"));
        let m = matcher();
        let mut firsts: Vec<_> = m.first_words().collect();
        firsts.sort();
        assert_eq!(firsts, [("New", false), ("U.S.", true)]);
        let t = Tokens::new("New York and U.S.");
        let firsts_found =
            |starts: Vec<usize>| m.find_at(&t, starts).iter().map(|p| (p.first, p.last)).collect::<Vec<_>>();
        assert_eq!(firsts_found((0..t.len()).collect()), [(0, 1), (3, 3)]);
        assert_eq!(firsts_found((1..t.len()).collect()), [(3, 3)], "only U.S. is looked at");
        assert_eq!(firsts_found(vec![0]), [(0, 1)], "only New York is looked at");
        assert_eq!(matcher().label_of("New York Times said"), None);
        assert_eq!(matcher().label_of(" "), None);
        let m = matcher();
        let t = Tokens::new("in New York Times, New York and U.S.");
        for first in 0..t.len() {
            for last in first..t.len() {
                let (s, e) = t.span(first, last);
                assert_eq!(m.label_of_span(&t, first, last), m.label_of(&t.text[s..e]), "{}", &t.text[s..e]);
            }
        }
    }
}
