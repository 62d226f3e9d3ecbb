//! Cleaning suggestions: rules that propose edits over the raw text, each with a reason quoting the
//! evidence. A person accepts or rejects every proposal; nothing here changes a document by itself.
//!
//! The pipeline (see `docs/cleaning.md`): lines are judged first (built-in line rules, the whole-page
//! navigation detector, corpus evidence, user line rules); judged lines become line deletions that
//! also take the blank lines they would leave doubled; then span rules run on the kept lines only
//! (hover cards, glued ad markers, wire credits, character repairs, user span rules, spaces); the
//! result is sorted and never overlaps.

pub mod author_bio;
pub mod boilerplate;
pub mod chars;
pub mod consent;
pub mod contact;
pub mod corpus;
pub mod examples;
pub mod inline;
pub mod layout;
pub mod line_gates;
pub mod line_rules;
pub mod line_shape;
pub mod neighbours;
pub mod repeats;
pub mod rules;
pub mod spaced_cards;
pub mod swar;
pub mod text;
pub mod triggers;
pub mod user;
pub mod widgets;

use std::borrow::Cow;
use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

pub use corpus::LineStats;
pub use examples::{RuleCandidate, RulePreview, preview, rule_candidates};
pub use rules::{Category, RULES, RuleInfo};
pub use user::{UserAction, UserRule, UserRules};

use crate::error::Result;
use crate::model::{EditStatus, NewEdit};
use crate::project::ProjectConfig;

/// What a proposal does to the raw text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EditKind {
    /// Removes whole lines (with their line breaks, and blank lines they would leave doubled).
    DeleteLine,
    /// Removes a span inside a line.
    DeleteSpan,
    /// Replaces a span with other text.
    ReplaceSpan,
}

/// One proposed edit over the raw text, in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    /// Raw start byte.
    pub start: usize,
    /// Raw end byte (exclusive).
    pub end: usize,
    /// Replacement text.
    pub replacement: String,
    /// The rule's stable id (`user:<id>` for user rules).
    pub rule: Cow<'static, str>,
    /// What kind of edit this is.
    pub kind: EditKind,
    /// Why, quoting the evidence.
    pub reason: String,
}

impl Proposal {
    /// The proposal as a pending edit of a document, its rule as the edit's origin.
    pub fn into_pending_edit(self) -> NewEdit {
        NewEdit {
            start: self.start,
            end: self.end,
            replacement: self.replacement,
            origin: self.rule.into_owned(),
            status: EditStatus::Pending,
            reason: self.reason,
        }
    }
}

/// The set of cleaning rules to run: the built-in rules (each can be switched off), user rules and,
/// when a corpus is open, evidence of lines recurring across its documents.
#[derive(Debug, Clone, Default)]
pub struct Cleaner {
    /// Ids of rules switched off (built-in ids, or `user:<id>`).
    disabled: HashSet<String>,
    /// User regex rules, in file order.
    user: Vec<UserRule>,
    /// Line counts across the open corpus, if any.
    corpus: Option<Arc<LineStats>>,
}

impl Cleaner {
    /// The built-in rules, all switched on.
    pub fn builtin() -> Self {
        Self::default()
    }

    /// The cleaner a project asks for: built-in rules minus `disabled_rules`, plus the user rules file
    /// (`rules_file`, or `redline-rules.json` when it exists) read from the project folder.
    pub fn for_project(config: &ProjectConfig, folder: &Path) -> Result<Self> {
        let mut cleaner = Self::builtin_for(config);
        cleaner.reload_user_rules(config, folder)?;
        Ok(cleaner)
    }

    /// The built-in rules less the ones a project switched off (`disabled_rules`), without its user
    /// rules: what the workbench runs while the user rules file cannot be read.
    pub fn builtin_for(config: &ProjectConfig) -> Self {
        let mut cleaner = Self::builtin();
        for id in &config.disabled_rules {
            cleaner.disable(id);
        }
        cleaner
    }

    /// Reads the project's user rules file again (after a rule was added to it), replacing the user
    /// rules and keeping everything else (rules switched off, corpus evidence). A file the config
    /// names must exist; the default `redline-rules.json` may be missing.
    pub fn reload_user_rules(&mut self, config: &ProjectConfig, folder: &Path) -> Result<()> {
        let path = config.rules_path(folder);
        self.user =
            if config.rules_file.is_some() || path.exists() { UserRules::load(&path)?.rules } else { Vec::new() };
        Ok(())
    }

    /// Switches a rule off by id (a built-in id or `user:<id>`).
    pub fn disable(&mut self, id: &str) {
        self.disabled.insert(id.to_string());
    }

    /// Whether a rule is switched on.
    pub fn is_enabled(&self, id: &str) -> bool {
        // Asked several times for every line; usually nothing is switched off.
        self.disabled.is_empty() || !self.disabled.contains(id)
    }

    /// Adds user rules (after those already present).
    #[must_use]
    pub fn with_user_rules(mut self, rules: impl IntoIterator<Item = UserRule>) -> Self {
        self.user.extend(rules);
        self
    }

    /// Adds corpus evidence: lines recurring across the documents of the open corpus.
    #[must_use]
    pub fn with_corpus(mut self, stats: Arc<LineStats>) -> Self {
        self.corpus = Some(stats);
        self
    }

    /// The user rules in use.
    pub fn user_rules(&self) -> &[UserRule] {
        &self.user
    }

    /// Proposes edits for a raw text, sorted and non-overlapping.
    pub fn propose(&self, raw: &str) -> Vec<Proposal> {
        let lines = text::lines(raw);
        let words = text::line_words(&lines);
        let mut verdicts: Vec<Option<layout::Verdict>> = vec![None; lines.len()];
        // One scan of the text finds the triggers of the consent and span rules.
        let mut triggers = triggers::Triggers::of(raw);
        line_rules::judge(&lines, &words, &|id| self.is_enabled(id), &mut verdicts);
        neighbours::judge(&lines, &words, &|id| self.is_enabled(id), &mut verdicts);
        if self.is_enabled(rules::AD_MARKER) {
            widgets::judge_contents(&lines, &words, &mut verdicts);
            widgets::judge_rating_scales(&lines, &words, &mut verdicts);
        }
        if self.is_enabled(rules::COOKIE_NOTICE) {
            consent::judge(&triggers, &lines, &mut verdicts);
        }
        if self.is_enabled(rules::AUTHOR_BIO) {
            author_bio::judge(&lines, &mut verdicts);
        }
        if self.is_enabled(rules::CONTACT_FOOTER) {
            contact::judge(raw, &lines, &words, &mut verdicts);
        }
        if self.is_enabled(rules::PAGE_BOILERPLATE) {
            boilerplate::judge(&lines, &words, &mut verdicts);
        }
        if let (Some(stats), true) = (&self.corpus, self.is_enabled(rules::CORPUS_BOILERPLATE)) {
            stats.judge(&lines, &mut verdicts);
        }
        let user: Vec<&UserRule> = self.user.iter().filter(|r| self.is_enabled(&r.rule_id())).collect();
        user::judge_lines(&user, &lines, &mut verdicts);
        // Span proposals follow the line deletions in the same list (resolve sorts them all).
        let mut out = layout::line_deletions(&lines, &mut verdicts);
        let char_rules = chars::CharRules::new(&|id| self.is_enabled(id));
        for line in lines.iter().filter(|l| verdicts[l.index].is_none()) {
            let found = triggers.in_line(line);
            self.span_rules(line, found, &user, char_rules, &mut out);
        }
        if self.is_enabled(rules::BLANK_LINES) {
            layout::blank_line_runs(&lines, &verdicts, &mut out);
        }
        layout::resolve(out)
    }

    /// Runs the span rules on one kept line, in which the triggers `found` start.
    fn span_rules(
        &self,
        line: &text::Line<'_>,
        found: triggers::InLine,
        user: &[&UserRule],
        char_rules: chars::CharRules,
        out: &mut Vec<Proposal>,
    ) {
        // Whether a rule is on is asked only of a line its trigger starts in (most lines hold none).
        let on = |id: &str| self.is_enabled(id);
        if found.more && on(rules::HOVER_CARD) {
            inline::hover_cards(line, out);
            spaced_cards::hover_cards(line, out);
        }
        inline::glued_junk(line, &on, found, out);
        chars::repair(line, char_rules, out);
        if !user.is_empty() {
            user::spans(user, line, out);
        }
    }

    /// Proposals of one user rule alone (to preview a rule made from an example on other documents).
    pub fn propose_with_rule(rule: &UserRule, raw: &str) -> Vec<Proposal> {
        Self {
            disabled: rules::RULES.iter().map(|r| r.id.to_string()).collect(),
            user: vec![rule.clone()],
            corpus: None,
        }
        .propose(raw)
    }

    /// The proposals as pending edits for a document.
    pub fn suggest(&self, raw: &str) -> Vec<NewEdit> {
        self.propose(raw).into_iter().map(Proposal::into_pending_edit).collect()
    }
}
