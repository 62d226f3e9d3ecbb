//! User rules: regex rules kept in a JSON file in the project folder (`redline-rules.json` unless
//! `rules_file` says otherwise). Each rule deletes matching lines, deletes matches, or replaces them.
//!
//! ```json
//! { "rules": [
//!   { "id": "harbor-promo", "description": "Harbor Daily promo line",
//!     "action": "delete_line", "pattern": "^Get the Harbor Daily app" },
//!   { "id": "dateline", "description": "agency dateline", "action": "replace",
//!     "pattern": "^([A-Z]{3,}) \\(Harbor Wire\\) — ", "replacement": "$1 — " }
//! ] }
//! ```

use std::borrow::Cow;
use std::collections::HashSet;
use std::path::Path;

use regex::{Regex, RegexBuilder};
use serde::{Deserialize, Serialize};

use super::layout::Verdict;
use super::text::{Line, quote};
use super::{EditKind, Proposal};
use crate::error::{Error, Result};

/// The rules file looked for in a project folder when the config names none.
pub const DEFAULT_RULES_FILE: &str = "redline-rules.json";

/// Compiled size cap of one user regex: a pattern such as `(a{1000}){1000}` is refused, not run.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// What a user rule does with what its pattern matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UserAction {
    /// Deletes every line the pattern matches anywhere in.
    DeleteLine,
    /// Deletes each match.
    DeleteMatch,
    /// Replaces each match with `replacement` (`$1`, `${name}` expand groups).
    Replace,
}

/// One rule as written in the file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSpec {
    id: String,
    description: String,
    action: UserAction,
    pattern: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    replacement: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    case_insensitive: bool,
}

/// What is wrong with `pattern` on one line, with the character it goes wrong at ("unclosed group at
/// character 9"): the regex crate's own message spans four lines with a caret under the spot, which a
/// message area in a proportional font cannot line up.
pub(crate) fn regex_problem(pattern: &str, err: &regex::Error) -> String {
    let (kind, offset) = match regex_syntax::Parser::new().parse(pattern) {
        Err(regex_syntax::Error::Parse(e)) => (e.kind().to_string(), e.span().start.offset),
        Err(regex_syntax::Error::Translate(e)) => (e.kind().to_string(), e.span().start.offset),
        _ => return err.to_string().lines().rev().find(|l| !l.trim().is_empty()).unwrap_or_default().to_string(),
    };
    let at = pattern.get(..offset).map_or(0, |before| before.chars().count()) + 1;
    format!("{kind} at character {at}")
}

/// The file as written.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFileSpec {
    rules: Vec<RuleSpec>,
}

/// A compiled user rule.
#[derive(Debug, Clone)]
pub struct UserRule {
    /// Stable id, unique in its file; edits record `user:<id>` as their origin.
    pub id: String,
    /// What the rule removes, in the user's words.
    pub description: String,
    /// What it does.
    pub action: UserAction,
    /// The regex (Rust `regex` syntax, matched within one line; `^` and `$` are line anchors).
    pub pattern: String,
    /// Replacement for [`UserAction::Replace`] (empty otherwise).
    pub replacement: String,
    /// Whether the pattern ignores case.
    pub case_insensitive: bool,
    regex: Regex,
}

impl UserRule {
    /// Compiles a rule, or says what is wrong with it.
    pub fn new(
        id: &str,
        description: &str,
        action: UserAction,
        pattern: &str,
        replacement: &str,
        case_insensitive: bool,
    ) -> std::result::Result<Self, String> {
        if id.trim().is_empty() || id.contains(char::is_whitespace) {
            return Err(format!("rule id {id:?} must be a non-empty word without spaces"));
        }
        let regex = RegexBuilder::new(pattern)
            .case_insensitive(case_insensitive)
            .multi_line(true)
            .crlf(true)
            .size_limit(REGEX_SIZE_LIMIT)
            .build()
            .map_err(|e| format!("rule {id:?}: invalid regex {pattern:?}: {}", regex_problem(pattern, &e)))?;
        if action != UserAction::DeleteLine && regex.is_match("") {
            return Err(format!("rule {id:?}: pattern {pattern:?} matches the empty string"));
        }
        if action == UserAction::Replace && replacement.is_empty() {
            return Err(format!("rule {id:?}: action \"replace\" needs a non-empty \"replacement\""));
        }
        Ok(Self {
            id: id.to_string(),
            description: description.to_string(),
            action,
            pattern: pattern.to_string(),
            replacement: if action == UserAction::Replace { replacement.to_string() } else { String::new() },
            case_insensitive,
            regex,
        })
    }

    /// The origin its edits record: `user:<id>`.
    pub fn rule_id(&self) -> String {
        format!("user:{}", self.id)
    }

    /// Whether the rule matches somewhere in a text (a quick test before proposing).
    pub fn matches(&self, text: &str) -> bool {
        self.regex.is_match(text)
    }

    /// The rule as written in a file.
    fn spec(&self) -> RuleSpec {
        RuleSpec {
            id: self.id.clone(),
            description: self.description.clone(),
            action: self.action,
            pattern: self.pattern.clone(),
            replacement: (self.action == UserAction::Replace).then(|| self.replacement.clone()),
            case_insensitive: self.case_insensitive,
        }
    }
}

/// A user rules file.
#[derive(Debug, Clone, Default)]
pub struct UserRules {
    /// The rules, in file order.
    pub rules: Vec<UserRule>,
}

impl UserRules {
    /// Reads and checks a rules file; every problem names the file and, where known, the line.
    pub fn load(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, &e))?;
        Self::parse(&text).map_err(|e| e.in_file(path))
    }

    /// Parses and checks the text of a rules file.
    pub fn parse(text: &str) -> Result<Self> {
        let text = text.trim_start_matches('\u{feff}');
        let spec: RulesFileSpec = serde_json::from_str(text)
            .map_err(|e| Error::msg(format!("invalid rules file: {e}")).at_line(e.line() as u64))?;
        let mut seen = HashSet::new();
        let mut rules = Vec::with_capacity(spec.rules.len());
        for r in spec.rules {
            let at = |needle: &str| line_of(text, needle);
            if !seen.insert(r.id.clone()) {
                let err = Error::msg(format!("rule id {:?} is used twice", r.id));
                return Err(with_line(err, at(&r.id)));
            }
            let replacement = r.replacement.as_deref().unwrap_or_default();
            let rule = UserRule::new(&r.id, &r.description, r.action, &r.pattern, replacement, r.case_insensitive)
                .map_err(|m| with_line(Error::msg(m), at(&r.pattern).or_else(|| at(&r.id))))?;
            rules.push(rule);
        }
        Ok(Self { rules })
    }

    /// The file text for these rules (pretty JSON).
    pub fn to_json(&self) -> String {
        let spec = RulesFileSpec { rules: self.rules.iter().map(UserRule::spec).collect() };
        serde_json::to_string_pretty(&spec).unwrap_or_default() + "\n"
    }

    /// Adds a rule, refusing an id already present.
    pub fn add(&mut self, rule: UserRule) -> Result<()> {
        if self.rules.iter().any(|r| r.id == rule.id) {
            return Err(Error::msg(format!("a rule with id {:?} already exists", rule.id)));
        }
        self.rules.push(rule);
        Ok(())
    }

    /// Writes the rules file atomically.
    pub fn save(&self, path: &Path) -> Result<()> {
        crate::storage::write_atomic(path, self.to_json().as_bytes())
    }
}

/// Attaches a line number when one is known.
fn with_line(err: Error, line: Option<u64>) -> Error {
    match line {
        Some(l) => err.at_line(l),
        None => err,
    }
}

/// The 1-based line where a value appears as a JSON string in the file text.
fn line_of(text: &str, value: &str) -> Option<u64> {
    let encoded = serde_json::to_string(value).ok()?;
    let at = text.find(&encoded)?;
    Some(text[..at].bytes().filter(|&b| b == b'\n').count() as u64 + 1)
}

/// Marks lines matched by `delete_line` rules.
pub fn judge_lines(rules: &[&UserRule], lines: &[Line<'_>], verdicts: &mut [Option<Verdict>]) {
    for rule in rules.iter().filter(|r| r.action == UserAction::DeleteLine) {
        for l in lines {
            if !l.is_blank() && verdicts[l.index].is_none() && rule.regex.is_match(l.text) {
                verdicts[l.index] = Some(Verdict {
                    rule: Cow::Owned(rule.rule_id()),
                    reason: format!("{}: {:?}", rule.description, quote(l.text, 60)).into(),
                });
            }
        }
    }
}

/// Proposals of `delete_match` and `replace` rules inside one kept line.
pub fn spans(rules: &[&UserRule], line: &Line<'_>, out: &mut Vec<Proposal>) {
    for rule in rules.iter().filter(|r| r.action != UserAction::DeleteLine) {
        for caps in rule.regex.captures_iter(line.text) {
            let Some(m) = caps.get(0).filter(|m| !m.is_empty()) else { continue };
            let mut replacement = String::new();
            if rule.action == UserAction::Replace {
                caps.expand(&rule.replacement, &mut replacement);
            }
            if replacement == m.as_str() {
                continue;
            }
            out.push(Proposal {
                start: line.start + m.start(),
                end: line.start + m.end(),
                kind: if replacement.is_empty() { EditKind::DeleteSpan } else { EditKind::ReplaceSpan },
                replacement,
                rule: Cow::Owned(rule.rule_id()),
                reason: format!("{}: {:?}", rule.description, quote(m.as_str(), 60)),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"{
  "rules": [
    { "id": "promo", "description": "app promo", "action": "delete_line", "pattern": "^Get the .* app" },
    { "id": "tag", "description": "site tag", "action": "delete_match", "pattern": " \\| Harbor Daily", "case_insensitive": true },
    { "id": "wire", "description": "wire name", "action": "replace", "pattern": "\\(HW\\)", "replacement": "(Harbor Wire)" }
  ]
}"#;

    #[test]
    fn parses_and_round_trips() {
        let rules = UserRules::parse(FILE).expect("valid file");
        assert_eq!(rules.rules.len(), 3);
        assert_eq!(rules.rules[1].rule_id(), "user:tag");
        let again = UserRules::parse(&rules.to_json()).expect("round trip");
        assert_eq!(
            again.rules.iter().map(|r| r.pattern.as_str()).collect::<Vec<_>>(),
            vec!["^Get the .* app", " \\| Harbor Daily", "\\(HW\\)"]
        );
    }

    #[test]
    fn problems_name_the_line_and_what_is_wrong() {
        let bad_regex = FILE.replace("^Get the .* app", "^Get the (app");
        let err = UserRules::parse(&bad_regex).expect_err("bad regex");
        assert_eq!(err.line, Some(3));
        assert!(err.message.contains("invalid regex"), "{err}");
        assert!(err.message.ends_with("unclosed group at character 10"), "{err}");
        let bad_field = FILE.replace("\"case_insensitive\"", "\"ignore_case\"");
        let err = UserRules::parse(&bad_field).expect_err("unknown field");
        assert_eq!(err.line, Some(4));
        assert!(err.message.contains("ignore_case"), "{err}");
        let bad_action = FILE.replace("\"replace\",", "\"rewrite\",");
        assert!(UserRules::parse(&bad_action).expect_err("bad action").message.contains("rewrite"));
        let dup = FILE.replace("\"id\": \"tag\"", "\"id\": \"promo\"");
        assert!(UserRules::parse(&dup).expect_err("duplicate").message.contains("twice"));
        let empty = FILE.replace(" \\\\| Harbor Daily", "x*");
        assert!(UserRules::parse(&empty).expect_err("empty match").message.contains("empty string"));
        let no_repl = FILE.replace(", \"replacement\": \"(Harbor Wire)\"", "");
        assert!(UserRules::parse(&no_repl).expect_err("replacement").message.contains("replacement"));
    }

    #[test]
    fn a_regex_problem_is_one_line_naming_the_character() {
        let problem = |pattern: &str| {
            UserRule::new("r", "d", UserAction::DeleteMatch, pattern, "", false).expect_err("bad pattern")
        };
        assert_eq!(problem("Mü(nchen"), "rule \"r\": invalid regex \"Mü(nchen\": unclosed group at character 3");
        assert!(
            problem("[z-a]").ends_with("invalid character class range, the start must be <= the end at character 2")
        );
        assert!(problem("x{2,1}").ends_with("at character 2"), "{}", problem("x{2,1}"));
        let big = problem("(?:a{1000}){1000}");
        assert!(!big.contains('\n') && big.contains("size limit"), "{big}");
        assert!(UserRule::new("r", "d", UserAction::DeleteMatch, "Mü\\(nchen", "", false).is_ok());
    }

    #[test]
    fn huge_regexes_are_refused() {
        let err =
            UserRule::new("big", "d", UserAction::DeleteMatch, "(?:a{1000}){1000}", "", false).expect_err("too big");
        assert!(err.contains("invalid regex"), "{err}");
    }

    #[test]
    fn load_names_the_file() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join(DEFAULT_RULES_FILE);
        std::fs::write(&path, "{ \"rules\": [ }").expect("write");
        let err = UserRules::load(&path).expect_err("broken JSON");
        assert!(err.to_string().starts_with(&path.display().to_string()), "{err}");
    }
}
