//! From judged lines to edits: line deletions that take the blank lines they would leave doubled,
//! blank-line runs, and the final deterministic resolution of overlapping proposals.

use std::borrow::Cow;

use super::text::Line;
use super::{EditKind, Proposal, rules};

/// Why a whole line should go: the rule and its evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// The rule's id.
    pub rule: Cow<'static, str>,
    /// The evidence (borrowed when a rule gives every line the same reason, as the page boilerplate
    /// detector does for hundreds of lines a page).
    pub reason: Cow<'static, str>,
}

impl Verdict {
    /// A verdict of a built-in rule.
    pub fn builtin(rule: &'static str, reason: impl Into<Cow<'static, str>>) -> Self {
        Self { rule: Cow::Borrowed(rule), reason: reason.into() }
    }
}

/// Rules whose consecutive line deletions are merged into one edit (a menu is one decision, not forty).
fn merges(rule: &str) -> bool {
    rule == rules::PAGE_BOILERPLATE
}

/// One edit per judged line (merged for block rules). Around each run of deleted and blank lines,
/// blank lines are taken along so that at most one blank line remains between kept paragraphs, and
/// none at the start or end of the text. The reasons are moved out of `verdicts` into the edits (the
/// verdicts stay, with empty reasons, to say which lines go).
pub fn line_deletions(lines: &[Line<'_>], verdicts: &mut [Option<Verdict>]) -> Vec<Proposal> {
    // The span rules append to this list too: room for the usual count of an article's proposals
    // (a dozen or two) without growing it from empty.
    let mut out: Vec<Proposal> = Vec::with_capacity(lines.len() / 4 + 8);
    let n = lines.len();
    let mut i = 0;
    while i < n {
        if verdicts[i].is_none() {
            i += 1;
            continue;
        }
        let mut a = i;
        while a > 0 && verdicts[a - 1].is_none() && lines[a - 1].is_blank() {
            a -= 1;
        }
        let mut b = i;
        while b + 1 < n && (verdicts[b + 1].is_some() || lines[b + 1].is_blank()) {
            b += 1;
        }
        let blanks = (a..=b).filter(|&k| verdicts[k].is_none()).count();
        let keep = if a == 0 || b == n - 1 { 0 } else { blanks.min(1) };
        let mut excess = blanks - keep;
        let first_edit = out.len();
        let mut merged_lines = 0usize;
        let mut merged_from = a;
        for k in a..=b {
            if verdicts[k].is_none() {
                continue;
            }
            let mut end = lines[k].next;
            let mut m = k + 1;
            while excess > 0 && m <= b && verdicts[m].is_none() {
                end = lines[m].next;
                excess -= 1;
                m += 1;
            }
            let Some(verdict) = &mut verdicts[k] else { continue };
            let can_merge = out.len() > first_edit
                && merges(&verdict.rule)
                && out.last().is_some_and(|p| p.rule == verdict.rule && p.end == lines[k].start);
            if can_merge {
                merged_lines += 1;
                if let Some(last) = out.last_mut() {
                    last.end = end;
                }
            } else {
                name_merged(&mut out, lines, merged_from, merged_lines);
                merged_lines = 0;
                merged_from = k;
                out.push(Proposal {
                    start: lines[k].start,
                    end,
                    replacement: String::new(),
                    rule: verdict.rule.clone(),
                    kind: EditKind::DeleteLine,
                    reason: std::mem::take(&mut verdict.reason).into_owned(),
                });
            }
        }
        name_merged(&mut out, lines, merged_from, merged_lines);
        if excess > 0
            && let Some(first) = out.get_mut(first_edit)
        {
            let leading = (a..=b).take_while(|&k| verdicts[k].is_none()).count();
            let back = excess.min(leading);
            let first_line = a + leading;
            first.start = lines[first_line - back].start;
        }
        i = b + 1;
    }
    out
}

/// Gives the last proposal, which took `merged_lines` more lines after line `from`, the reason of a
/// merged block. Written once when the block ends, not once per line it takes (a menu of forty lines
/// formatted its reason forty times).
fn name_merged(out: &mut [Proposal], lines: &[Line<'_>], from: usize, merged_lines: usize) {
    if merged_lines == 0 {
        return;
    }
    if let Some(last) = out.last_mut() {
        last.reason = format!("{} lines outside the main text, from ", merged_lines + 1);
        super::text::push_debug(&mut last.reason, &super::text::quote(lines[from].trimmed(), 40));
    }
}

/// Runs of two or more blank lines between kept lines keep only the first blank line.
pub fn blank_line_runs(lines: &[Line<'_>], verdicts: &[Option<Verdict>], out: &mut Vec<Proposal>) {
    let near_deletion = |k: usize| {
        let mut j = k;
        while j > 0 && lines[j].is_blank() && verdicts[j].is_none() {
            j -= 1;
        }
        let before = verdicts[j].is_some();
        let mut j = k;
        while j + 1 < lines.len() && lines[j].is_blank() && verdicts[j].is_none() {
            j += 1;
        }
        before || verdicts[j].is_some()
    };
    let mut k = 0;
    while k < lines.len() {
        if !(lines[k].is_blank() && verdicts[k].is_none()) {
            k += 1;
            continue;
        }
        let first = k;
        while k < lines.len() && lines[k].is_blank() && verdicts[k].is_none() {
            k += 1;
        }
        let count = k - first;
        if count >= 2 && k < lines.len() && !near_deletion(first) {
            out.push(Proposal {
                start: lines[first + 1].start,
                end: lines[k - 1].next,
                replacement: String::new(),
                rule: Cow::Borrowed(rules::BLANK_LINES),
                kind: EditKind::DeleteSpan,
                reason: format!("{count} blank lines in a row"),
            });
        }
    }
}

/// Sorts proposals and drops empty ones and any that overlaps an earlier-starting (or, at the same start, longer)
/// one, so no text is edited twice and the outcome does not depend on the order rules ran in.
pub fn resolve(mut proposals: Vec<Proposal>) -> Vec<Proposal> {
    proposals.sort_by(|a, b| {
        (a.start, std::cmp::Reverse(a.end), &a.rule).cmp(&(b.start, std::cmp::Reverse(b.end), &b.rule))
    });
    // Kept in place: the end of the last proposal kept so far.
    let mut kept_end: Option<usize> = None;
    proposals.retain(|p| {
        let keep = p.start < p.end && kept_end.is_none_or(|end| p.start >= end);
        if keep {
            kept_end = Some(p.end);
        }
        keep
    });
    proposals
}

/// Which lines of `text` a line judge (`judge(lines, verdicts)`) gives a verdict: the shape of the
/// line judges' unit tests.
#[cfg(test)]
pub(super) fn flagged_lines(text: &str, judge: impl Fn(&[Line<'_>], &mut [Option<Verdict>])) -> Vec<bool> {
    let lines = super::text::lines(text);
    let mut verdicts = vec![None; lines.len()];
    judge(&lines, &mut verdicts);
    verdicts.iter().map(Option::is_some).collect()
}
