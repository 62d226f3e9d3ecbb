//! Cleaning suggestions: rules that propose edits over the raw text, each with a reason.

use crate::model::{EditStatus, NewEdit};

/// One proposed edit over the raw text, in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    /// Raw start byte.
    pub start: usize,
    /// Raw end byte (exclusive).
    pub end: usize,
    /// Replacement text.
    pub replacement: String,
    /// The rule's stable id.
    pub rule: &'static str,
    /// Why, quoting the evidence.
    pub reason: String,
}

/// The set of cleaning rules to run.
#[derive(Debug, Clone, Default)]
pub struct Cleaner;

impl Cleaner {
    /// The built-in rules, all switched on.
    pub fn builtin() -> Self {
        Self
    }

    /// Proposes edits for a raw text, sorted and non-overlapping.
    pub fn propose(&self, raw: &str) -> Vec<Proposal> {
        blank_line_runs(raw)
    }

    /// The proposals as pending edits for a document.
    pub fn suggest(&self, raw: &str) -> Vec<NewEdit> {
        self.propose(raw)
            .into_iter()
            .map(|p| NewEdit {
                start: p.start,
                end: p.end,
                replacement: p.replacement,
                origin: p.rule.to_string(),
                status: EditStatus::Pending,
                reason: p.reason,
            })
            .collect()
    }
}

/// Runs of three or more line breaks become one blank line.
fn blank_line_runs(raw: &str) -> Vec<Proposal> {
    let mut out = Vec::new();
    let bytes = raw.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            let start = i;
            let mut breaks = 0;
            let mut j = i;
            while j < bytes.len() && matches!(bytes[j], b'\n' | b' ' | b'\t' | b'\r') {
                if bytes[j] == b'\n' {
                    breaks += 1;
                }
                j += 1;
            }
            let end = raw[..j].rfind('\n').map_or(j, |k| k + 1);
            if breaks >= 3 {
                out.push(Proposal {
                    start,
                    end,
                    replacement: "\n\n".into(),
                    rule: "blank-line-runs",
                    reason: format!("{breaks} line breaks in a row"),
                });
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}
