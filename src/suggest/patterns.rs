//! Prodigy-compatible entity patterns (JSONL, one pattern a line), as `ner.manual --patterns` reads them:
//! `{"label": "ORG", "pattern": "Reuters"}` (an exact phrase, matched token by token) or
//! `{"label": "GPE", "pattern": [{"LOWER": "new"}, {"LOWER": "york"}]}` (a token pattern).
//!
//! Token attributes: `ORTH`, `TEXT`, `LOWER`, `NORM` (lower case here), `LENGTH`, `IS_ALPHA`, `IS_ASCII`,
//! `IS_DIGIT`, `IS_LOWER`, `IS_UPPER`, `IS_TITLE`, `IS_PUNCT`, `IS_SPACE`, `LIKE_NUM`; text attributes take a
//! string or `{"IN": [...]}`, `{"NOT_IN": [...]}`, `{"REGEX": "..."}`. `OP` is `!`, `?`, `+`, `*` or `{n}`,
//! `{n,m}`, `{n,}`, `{,m}`. An empty object matches any token.

use regex::{Regex, RegexBuilder};
use serde_json::{Map, Value};
use std::path::Path;

use super::Candidate;
use super::phrases::PhraseMatcher;
use super::tokens::Tokens;
use crate::clean::user::regex_problem;
use crate::error::{Error, Result};

/// The origin recorded on pattern suggestions.
pub const ORIGIN: &str = "patterns";

/// Longest token pattern match considered, in tokens (a `*` cannot run away over a whole book).
const MAX_MATCH_TOKENS: usize = 64;

/// Compiled size cap of one `REGEX` predicate: a pattern such as `(a{1000}){1000}` is refused, not run.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// A loaded patterns file.
#[derive(Debug, Clone, Default)]
pub struct Patterns {
    phrases: PhraseMatcher,
    token_patterns: Vec<TokenPattern>,
}

/// One token pattern and its label.
#[derive(Debug, Clone)]
struct TokenPattern {
    label: String,
    elements: Vec<Element>,
}

/// One element of a token pattern: constraints on a token and how often it repeats.
#[derive(Debug, Clone)]
struct Element {
    tests: Vec<Test>,
    negated: bool,
    min: usize,
    max: usize,
}

/// Which view of a token a text test looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    Orth,
    Lower,
}

/// A test on one token.
#[derive(Debug, Clone)]
enum Test {
    Equals(View, String),
    In(View, Vec<String>),
    NotIn(View, Vec<String>),
    Matches(View, Regex),
    Length(usize),
    Flag(Flag, bool),
}

/// Boolean token attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flag {
    Alpha,
    Ascii,
    Digit,
    Lower,
    Upper,
    Title,
    Punct,
    Space,
    LikeNum,
}

impl Patterns {
    /// Reads a patterns file; every bad line is reported with the file and its line number.
    pub fn load(path: &Path, labels: &[String]) -> Result<Self> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, &e))?;
        let text = std::str::from_utf8(&bytes).map_err(|e| {
            Error::file(path, format!("not valid UTF-8 at byte {}: a patterns file must be UTF-8", e.valid_up_to()))
        })?;
        Self::parse(text.trim_start_matches('\u{feff}'), labels).map_err(|e| e.in_file(path))
    }

    /// Parses patterns JSONL. A label outside `labels` is an error (it could never be shown).
    pub fn parse(text: &str, labels: &[String]) -> Result<Self> {
        let mut out = Self::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            out.add_line(line, labels).map_err(|m| Error::msg(m).at_line(n as u64 + 1))?;
        }
        Ok(out)
    }

    /// Number of patterns.
    pub fn len(&self) -> usize {
        self.phrases.len() + self.token_patterns.len()
    }

    /// Whether there are no patterns.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds one JSON line.
    fn add_line(&mut self, line: &str, labels: &[String]) -> std::result::Result<(), String> {
        let value: Value = serde_json::from_str(line).map_err(|e| format!("not valid JSON: {e}"))?;
        let object = value.as_object().ok_or("a pattern must be a JSON object with \"label\" and \"pattern\"")?;
        let label =
            object.get("label").and_then(Value::as_str).ok_or("missing \"label\" (a string such as \"ORG\")")?;
        if !labels.iter().any(|l| l == label) {
            return Err(format!("label {label:?} is not in the project's labels ({})", labels.join(", ")));
        }
        match object.get("pattern") {
            Some(Value::String(phrase)) => {
                if phrase.trim().is_empty() {
                    return Err("the pattern is an empty string".into());
                }
                self.phrases.add(phrase, label);
            }
            Some(Value::Array(items)) => {
                let elements = items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| element(i, item))
                    .collect::<std::result::Result<Vec<_>, _>>()?;
                if elements.iter().all(|e| e.min == 0) {
                    return Err("the token pattern can match no token at all; give it a token without \"OP\"".into());
                }
                self.token_patterns.push(TokenPattern { label: label.to_string(), elements });
            }
            _ => return Err("\"pattern\" must be a string or a list of token objects".into()),
        }
        Ok(())
    }

    /// Proposes the longest match at each token, in text order (matches may overlap).
    pub fn find(&self, tokens: &Tokens) -> Vec<Candidate<'_>> {
        let mut out: Vec<Candidate<'_>> =
            self.phrases.find(tokens).into_iter().map(|m| candidate(tokens, m.first, m.last + 1, m.label)).collect();
        for pattern in &self.token_patterns {
            let mut i = 0;
            while i < tokens.len() {
                match longest_match(tokens, &pattern.elements, i) {
                    Some(end) if end > i => {
                        out.push(candidate(tokens, i, end, &pattern.label));
                        i = end;
                    }
                    _ => i += 1,
                }
            }
        }
        out
    }
}

/// A pattern candidate over tokens `first..end`.
fn candidate<'l>(tokens: &Tokens, first: usize, end: usize, label: &'l str) -> Candidate<'l> {
    let (start, end) = tokens.span(first, end - 1);
    Candidate { start, end, label, origin: ORIGIN, score: 1.0 }
}

/// The end (exclusive token index) of the longest match of `elements` starting at token `at`.
fn longest_match(tokens: &Tokens, elements: &[Element], at: usize) -> Option<usize> {
    let Some((element, rest)) = elements.split_first() else { return Some(at) };
    let mut run = 0;
    while run < element.max
        && at + run < tokens.len()
        && run < MAX_MATCH_TOKENS
        && element.accepts(tokens.text(at + run))
    {
        run += 1;
    }
    (element.min..=run).rev().find_map(|n| longest_match(tokens, rest, at + n))
}

impl Element {
    /// Whether a token satisfies this element's tests.
    fn accepts(&self, token: &str) -> bool {
        self.tests.iter().all(|t| t.accepts(token)) != self.negated
    }
}

impl Test {
    /// Whether a token passes this test.
    fn accepts(&self, token: &str) -> bool {
        let view = |v: View| if v == View::Lower { token.to_lowercase() } else { token.to_string() };
        match self {
            Self::Equals(v, s) => view(*v) == *s,
            Self::In(v, list) => list.contains(&view(*v)),
            Self::NotIn(v, list) => !list.contains(&view(*v)),
            Self::Matches(v, re) => re.is_match(&view(*v)),
            Self::Length(n) => token.chars().count() == *n,
            Self::Flag(flag, want) => flag.holds(token) == *want,
        }
    }
}

impl Flag {
    /// Whether the flag holds for a token (spaCy's lexical attributes).
    fn holds(self, token: &str) -> bool {
        let letters = || token.chars().filter(|c| c.is_alphabetic());
        match self {
            Self::Alpha => !token.is_empty() && token.chars().all(char::is_alphabetic),
            Self::Ascii => token.is_ascii(),
            Self::Digit => !token.is_empty() && token.chars().all(|c| c.is_ascii_digit()),
            Self::Lower => letters().next().is_some() && letters().all(char::is_lowercase),
            Self::Upper => letters().next().is_some() && letters().all(char::is_uppercase),
            Self::Title => {
                let mut chars = token.chars();
                chars.next().is_some_and(char::is_uppercase)
                    && chars.filter(|c| c.is_alphabetic()).all(char::is_lowercase)
            }
            Self::Punct => !token.is_empty() && token.chars().all(|c| !c.is_alphanumeric() && !c.is_whitespace()),
            Self::Space => token.chars().all(char::is_whitespace),
            Self::LikeNum => {
                let digits: String = token.chars().filter(|c| !matches!(c, ',' | '.')).collect();
                !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
            }
        }
    }
}

/// Parses token object `i` of a token pattern.
fn element(i: usize, item: &Value) -> std::result::Result<Element, String> {
    let object = item.as_object().ok_or_else(|| format!("token {i} of the pattern is not a JSON object"))?;
    let mut element = Element { tests: Vec::new(), negated: false, min: 1, max: 1 };
    for (key, value) in object {
        let at = |m: String| format!("token {i}, {key}: {m}");
        match key.as_str() {
            "OP" => set_op(&mut element, value).map_err(at)?,
            "ORTH" | "TEXT" => element.tests.push(text_test(View::Orth, value).map_err(at)?),
            "LOWER" | "NORM" => element.tests.push(text_test(View::Lower, value).map_err(at)?),
            "LENGTH" => {
                let n = value.as_u64().ok_or_else(|| at("expected a whole number".into()))?;
                element.tests.push(Test::Length(n as usize));
            }
            _ => {
                let flag = flag(key).ok_or_else(|| {
                    format!("token {i}: unsupported attribute {key:?} (Redline reads ORTH, TEXT, LOWER, NORM, LENGTH, IS_* flags, LIKE_NUM and OP)")
                })?;
                let want = value.as_bool().ok_or_else(|| at("expected true or false".into()))?;
                element.tests.push(Test::Flag(flag, want));
            }
        }
    }
    Ok(element)
}

/// The boolean attribute named `key`.
fn flag(key: &str) -> Option<Flag> {
    Some(match key {
        "IS_ALPHA" => Flag::Alpha,
        "IS_ASCII" => Flag::Ascii,
        "IS_DIGIT" => Flag::Digit,
        "IS_LOWER" => Flag::Lower,
        "IS_UPPER" => Flag::Upper,
        "IS_TITLE" => Flag::Title,
        "IS_PUNCT" => Flag::Punct,
        "IS_SPACE" => Flag::Space,
        "LIKE_NUM" => Flag::LikeNum,
        _ => return None,
    })
}

/// Parses a text attribute's value: a string, or `IN` / `NOT_IN` / `REGEX`.
fn text_test(view: View, value: &Value) -> std::result::Result<Test, String> {
    let norm = |s: &str| if view == View::Lower { s.to_lowercase() } else { s.to_string() };
    match value {
        Value::String(s) => Ok(Test::Equals(view, norm(s))),
        Value::Object(map) if map.len() == 1 => predicate(view, map, norm),
        _ => Err("expected a string or one of {\"IN\": [...]}, {\"NOT_IN\": [...]}, {\"REGEX\": \"...\"}".into()),
    }
}

/// Parses `{"IN": [...]}`, `{"NOT_IN": [...]}` or `{"REGEX": "..."}`.
fn predicate(view: View, map: &Map<String, Value>, norm: impl Fn(&str) -> String) -> std::result::Result<Test, String> {
    let strings = |v: &Value| -> std::result::Result<Vec<String>, String> {
        v.as_array()
            .and_then(|a| a.iter().map(|x| x.as_str().map(&norm)).collect::<Option<Vec<_>>>())
            .ok_or_else(|| "expected a list of strings".to_string())
    };
    match map.iter().next() {
        Some((k, v)) if k == "IN" => Ok(Test::In(view, strings(v)?)),
        Some((k, v)) if k == "NOT_IN" => Ok(Test::NotIn(view, strings(v)?)),
        Some((k, Value::String(re))) if k == "REGEX" => {
            let built = RegexBuilder::new(re).size_limit(REGEX_SIZE_LIMIT).build();
            built
                .map(|r| Test::Matches(view, r))
                .map_err(|e| format!("invalid regular expression: {}", regex_problem(re, &e)))
        }
        Some((k, _)) => Err(format!("unsupported predicate {k:?} (Redline reads IN, NOT_IN and REGEX)")),
        None => Err("empty predicate".into()),
    }
}

/// Parses `OP`.
fn set_op(element: &mut Element, value: &Value) -> std::result::Result<(), String> {
    let op = value.as_str().ok_or("expected a string such as \"?\"")?;
    let (min, max) = match op {
        "!" => {
            element.negated = true;
            (1, 1)
        }
        "?" => (0, 1),
        "+" => (1, usize::MAX),
        "*" => (0, usize::MAX),
        _ => repeat_range(op)
            .ok_or_else(|| format!("unknown operator {op:?} (use !, ?, +, *, {{n}}, {{n,m}}, {{n,}}, {{,m}})"))?,
    };
    element.min = min;
    element.max = max;
    Ok(())
}

/// Parses `{n}`, `{n,m}`, `{n,}` and `{,m}`.
fn repeat_range(op: &str) -> Option<(usize, usize)> {
    let inner = op.strip_prefix('{')?.strip_suffix('}')?;
    let parse = |s: &str, default: usize| if s.is_empty() { Some(default) } else { s.trim().parse().ok() };
    let (min, max) = match inner.split_once(',') {
        None => {
            let n = inner.trim().parse().ok()?;
            (n, n)
        }
        Some((a, b)) => (parse(a, 0)?, parse(b, usize::MAX)?),
    };
    (min <= max).then_some((min, max))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels() -> Vec<String> {
        crate::labels::default_labels()
    }

    fn found(patterns: &str, text: &str) -> Vec<(String, String)> {
        let p = Patterns::parse(patterns, &labels()).expect("patterns parse");
        p.find(&Tokens::new(text))
            .into_iter()
            .map(|c| (text[c.start..c.end].to_string(), c.label.to_string()))
            .collect()
    }

    fn pair(text: &str, label: &str) -> (String, String) {
        (text.into(), label.into())
    }

    #[test]
    fn phrase_patterns_match_exact_tokens() {
        let p = r#"{"label": "ORG", "pattern": "Harbor Authority"}"#;
        assert_eq!(found(p, "The Harbor Authority's plan"), [pair("Harbor Authority", "ORG")]);
        assert!(found(p, "the harbor authority and Harbor Authorityx").is_empty());
    }

    #[test]
    fn token_patterns_with_lower_digits_and_operators() {
        let p = concat!(
            r#"{"label": "GPE", "pattern": [{"LOWER": "new"}, {"LOWER": "harbor"}, {"LOWER": "city", "OP": "?"}]}"#,
            "\n\n",
            r#"{"label": "DATE", "pattern": [{"LOWER": "fiscal"}, {"IS_DIGIT": true}]}"#,
            "\n",
            r#"{"label": "ORG", "pattern": [{"ORTH": "Team"}, {"IS_TITLE": true, "OP": "+"}]}"#,
        );
        assert_eq!(
            found(p, "In NEW HARBOR CITY, fiscal 2024 for Team Red Blue and new harbor."),
            [
                pair("NEW HARBOR CITY", "GPE"),
                pair("new harbor", "GPE"),
                pair("fiscal 2024", "DATE"),
                pair("Team Red Blue", "ORG")
            ]
        );
        assert!(found(p, "fiscal year and Team red").is_empty());
    }

    #[test]
    fn negation_sets_regex_and_repeat_counts() {
        let p = concat!(
            r#"{"label": "PERSON", "pattern": [{"LOWER": {"IN": ["dr", "doc"]}}, {"ORTH": "."}, {"TEXT": {"REGEX": "^[A-Z][a-z]+$"}}]}"#,
            "\n",
            r#"{"label": "LOC", "pattern": [{"ORTH": "Zone"}, {"IS_DIGIT": true, "OP": "{2}"}, {"ORTH": "x", "OP": "!"}]}"#,
        );
        assert_eq!(found(p, "Dr. Okafor and doc. Lee"), [pair("Dr. Okafor", "PERSON"), pair("doc. Lee", "PERSON")]);
        assert_eq!(found(p, "Zone 4 5 y"), [pair("Zone 4 5 y", "LOC")]);
        assert!(found(p, "Zone 4 5 x and Zone 4 y and Dr. lee").is_empty());
    }

    #[test]
    fn a_bad_line_is_reported_with_its_number() {
        let cases = [
            ("{\"label\": \"ORG\", \"pattern\": \"A\"}\n\n{\"label\": \"ORG\", \"pattern\": [", 3, "not valid JSON"),
            ("{\"label\": \"MISC\", \"pattern\": \"A\"}", 1, "not in the project's labels"),
            ("{\"pattern\": \"A\"}", 1, "missing \"label\""),
            ("{\"label\": \"ORG\", \"pattern\": [{\"SHAPE\": \"Xx\"}]}", 1, "unsupported attribute \"SHAPE\""),
            ("{\"label\": \"ORG\", \"pattern\": [{\"ORTH\": \"a\", \"OP\": \"%\"}]}", 1, "unknown operator"),
            (
                "{\"label\": \"ORG\", \"pattern\": [{\"TEXT\": {\"REGEX\": \"(\"}}]}",
                1,
                "expression: unclosed group at character 1",
            ),
            ("{\"label\": \"ORG\", \"pattern\": [{\"TEXT\": {\"REGEX\": \"(?:a{1000}){1000}\"}}]}", 1, "size limit"),
            ("{\"label\": \"ORG\", \"pattern\": [{\"ORTH\": \"a\", \"OP\": \"*\"}]}", 1, "can match no token"),
            ("[1]", 1, "must be a JSON object"),
        ];
        for (text, line, message) in cases {
            let err = Patterns::parse(text, &labels()).expect_err(text);
            assert_eq!(err.line, Some(line), "{text}: {err}");
            assert!(err.message.contains(message), "{text}: {err}");
        }
    }

    #[test]
    fn loading_names_the_file_and_line() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("patterns.jsonl");
        std::fs::write(&path, "{\"label\": \"ORG\", \"pattern\": \"Acme\"}\n{oops}\n").expect("write");
        let err = Patterns::load(&path, &labels()).expect_err("bad line");
        assert!(err.to_string().starts_with(&format!("{}:2: not valid JSON", path.display())), "{err}");
        std::fs::write(&path, "{\"label\": \"ORG\", \"pattern\": \"Acme\"}\n").expect("write");
        assert_eq!(Patterns::load(&path, &labels()).expect("good file").len(), 1);
    }
}
