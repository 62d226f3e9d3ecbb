//! Rules from examples: when a person deletes or replaces text by hand that no rule caught, offer it as
//! a user rule — the literal text, and a pattern with digits, dates and names generalised — and show
//! how many other documents it would touch, with the pending proposals it would make there.

use regex::escape;

use super::user::{UserAction, UserRule};
use super::{Cleaner, Proposal};

/// A user rule offered for a hand edit.
#[derive(Debug, Clone)]
pub struct RuleCandidate {
    /// The rule (not yet saved anywhere).
    pub rule: UserRule,
    /// Whether digits, dates and names were generalised (otherwise the pattern is the literal text).
    pub generalised: bool,
}

/// What a rule would do across documents.
#[derive(Debug, Clone, Default)]
pub struct RulePreview {
    /// How many documents it would touch.
    pub documents: usize,
    /// For each touched document (by position in the input), the proposals it would make there.
    pub proposals: Vec<(usize, Vec<Proposal>)>,
}

/// Month names and abbreviations, matched as one generalised token.
const MONTHS: &[&str] = &[
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The rules offered for a hand edit replacing raw bytes `start..end` with `replacement`: the literal
/// text first, then (when different) the generalised pattern. A deletion of whole lines becomes a
/// `delete_line` rule for the first non-blank line of the span; anything else a span rule.
/// Returns nothing when the span is empty or only white space.
pub fn rule_candidates(raw: &str, start: usize, end: usize, replacement: &str, id: &str) -> Vec<RuleCandidate> {
    let Some(span) = raw.get(start..end) else { return Vec::new() };
    let at_line_start = start == 0 || raw[..start].ends_with('\n');
    let at_line_end = end == raw.len() || raw[end..].starts_with(['\n', '\r']) || span.ends_with('\n');
    let whole_lines = at_line_start && at_line_end && replacement.is_empty();
    let (action, text) = if whole_lines {
        (UserAction::DeleteLine, span.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or(""))
    } else {
        (if replacement.is_empty() { UserAction::DeleteMatch } else { UserAction::Replace }, span)
    };
    if text.trim().is_empty() {
        return Vec::new();
    }
    let anchor = |p: String| if whole_lines { format!(r"^\s*{p}\s*$") } else { p };
    let literal = anchor(escape(text));
    let general = anchor(generalise(text));
    let description = format!("like {:?}", super::text::quote(text, 50));
    let mut out = Vec::new();
    for (pattern, generalised) in [(literal.clone(), false), (general, true)] {
        if generalised && pattern == literal {
            continue;
        }
        let suffix = if generalised { "-general" } else { "" };
        if let Ok(rule) = UserRule::new(&format!("{id}{suffix}"), &description, action, &pattern, replacement, false) {
            out.push(RuleCandidate { rule, generalised });
        }
    }
    out
}

/// A pattern for `text` with runs of digits, month names and capitalised words after the first
/// generalised, and white space made flexible; everything else literal.
pub fn generalise(text: &str) -> String {
    let mut out = String::new();
    let mut first_word = true;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c.is_whitespace() {
            let n = rest.find(|c: char| !c.is_whitespace()).unwrap_or(rest.len());
            out.push_str(r"\s+");
            rest = &rest[n..];
        } else if c.is_ascii_digit() {
            let n = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
            out.push_str(r"\d+");
            rest = &rest[n..];
        } else if c.is_alphabetic() {
            let n = rest.find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')).unwrap_or(rest.len());
            let word = &rest[..n];
            if MONTHS.contains(&word.to_lowercase().as_str()) {
                out.push_str(r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*");
            } else if !first_word && c.is_uppercase() && word.chars().skip(1).all(|c| !c.is_uppercase()) {
                out.push_str(r"\p{Lu}[\p{L}'’]*");
            } else {
                out.push_str(&escape(word));
            }
            first_word = false;
            rest = &rest[n..];
        } else {
            out.push_str(&escape(&rest[..c.len_utf8()]));
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// Runs one rule alone over many texts: how many it touches and the proposals for each.
pub fn preview<'a>(rule: &UserRule, texts: impl IntoIterator<Item = &'a str>) -> RulePreview {
    let mut preview = RulePreview::default();
    for (i, text) in texts.into_iter().enumerate() {
        if !rule.matches(text) {
            continue;
        }
        let proposals: Vec<Proposal> =
            Cleaner::propose_with_rule(rule, text).into_iter().filter(|p| p.rule == rule.rule_id()).collect();
        if !proposals.is_empty() {
            preview.documents += 1;
            preview.proposals.push((i, proposals));
        }
    }
    preview
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deleted_line_becomes_a_literal_and_a_general_rule() {
        let raw = "Ferry returns\nPosted by Ann Lee on March 3, 2021\nThe ferry sailed.\n";
        let start = raw.find("Posted").expect("line");
        let end = raw.find("The ferry").expect("next");
        let c = rule_candidates(raw, start, end, "", "posted");
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].rule.action, UserAction::DeleteLine);
        assert!(!c[0].generalised && c[1].generalised);
        let other = "Other story\nPosted by Bo Diaz on June 14, 2020\nText.\n";
        assert!(!c[0].rule.matches(other));
        assert!(c[1].rule.matches(other));
        assert!(!c[1].rule.matches("Posted a letter to Bo Diaz on June 14, 2020, he said.\n"));
    }

    #[test]
    fn a_span_becomes_a_span_rule_and_previews_on_other_documents() {
        let raw = "The port reopened [Harbor Wire 12] on Monday.";
        let start = raw.find(" [").expect("span");
        let end = raw.find(" on").expect("end");
        let c = rule_candidates(raw, start, end, "", "wire-tag");
        assert_eq!(c[0].rule.action, UserAction::DeleteMatch);
        let docs = ["Ships left [Harbor Wire 7] at dawn.", "Nothing here.", "Again [Harbor Wire 99]."];
        let p = preview(&c[1].rule, docs);
        assert_eq!(p.documents, 2);
        assert_eq!(p.proposals.iter().map(|(i, _)| *i).collect::<Vec<_>>(), vec![0, 2]);
        assert_eq!(&docs[0][p.proposals[0].1[0].start..p.proposals[0].1[0].end], " [Harbor Wire 7]");
        assert_eq!(preview(&c[0].rule, docs).documents, 0);
    }

    #[test]
    fn replacements_and_blank_spans() {
        let raw = "Price: 5&nbsp;euros";
        let s = raw.find('&').expect("amp");
        let c = rule_candidates(raw, s, s + 6, " ", "nbsp");
        assert_eq!(c[0].rule.action, UserAction::Replace);
        assert!(rule_candidates("a  b", 1, 3, "", "x").is_empty());
        assert!(rule_candidates("abc", 2, 9, "", "x").is_empty());
    }

    #[test]
    fn generalises_digits_dates_and_names() {
        assert_eq!(generalise("By Ann Lee, 12"), r"By\s+\p{Lu}[\p{L}'’]*\s+\p{Lu}[\p{L}'’]*,\s+\d+");
        assert!(generalise("March").contains("jan|feb"));
    }
}
