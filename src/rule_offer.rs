//! Rules from hand edits, as the workbench offers them: when a person deletes or replaces text by
//! hand that no rule had proposed, the edit is offered as a user rule (the literal text, and a
//! pattern with digits, dates and names generalised) with how many places it would touch; accepting
//! one writes it into the project's rules file and adds its edits as pending suggestions to the
//! other documents. No drawing here: `gui/rule_offer.rs` shows it.

use std::path::Path;

use crate::clean::{Proposal, RuleCandidate, UserRule, UserRules, preview, rule_candidates};
use crate::error::{Error, Result};
use crate::model::{Command, Document, History, MANUAL, NewEdit};
use crate::storage::{self, Fingerprint, autosave};
use crate::workspace::{Summary, Workspace};

/// Words of the hand-edited text an offered rule's id is made of.
const ID_WORDS: usize = 4;

/// A hand edit over the raw text: bytes `start..end` replaced with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandEdit {
    /// Raw start byte.
    pub start: usize,
    /// Raw end byte (exclusive).
    pub end: usize,
    /// What the person wrote instead (empty for a deletion).
    pub replacement: String,
}

/// The hand edit the last logged action made, when it deleted or replaced raw text and took over
/// no rule's suggestion (a rule had not caught it).
pub fn uncaught_hand_edit(history: &History) -> Option<HandEdit> {
    let step = history.last()?;
    if !matches!(step.command, Command::ManualEdit { .. }) {
        return None;
    }
    let edit = step.change.edits.iter().filter(|c| c.before.is_none()).find_map(|c| c.after.as_ref())?;
    let caught = edit.absorbs.iter().any(|a| a.origin != MANUAL);
    (edit.is_manual() && edit.start < edit.end && !caught).then(|| HandEdit {
        start: edit.start,
        end: edit.end,
        replacement: edit.replacement.clone(),
    })
}

/// One rule offered for a hand edit.
#[derive(Debug, Clone)]
pub struct OfferedRule {
    /// The rule (saved nowhere yet).
    pub rule: UserRule,
    /// Whether digits, dates and names were generalised (otherwise it matches the literal text).
    pub generalised: bool,
    /// How many more places of the hand-edited document it would change.
    pub here: usize,
}

/// The rules offered after one hand edit.
#[derive(Debug, Clone)]
pub struct RuleOffer {
    /// The document the hand edit was made in (its number in the workspace).
    pub document: usize,
    /// That document's id.
    pub doc_id: String,
    /// The raw text the person deleted or replaced.
    pub removed: String,
    /// What they wrote instead.
    pub replacement: String,
    /// The literal rule, then the generalised one when it differs.
    pub rules: Vec<OfferedRule>,
}

impl RuleOffer {
    /// The offer for a hand edit in document `index`, or `None` when there is nothing to make a rule
    /// of (only white space). Ids are made from the text and never repeat one of `existing`.
    pub fn new(doc: &Document, index: usize, edit: &HandEdit, existing: &[UserRule]) -> Option<Self> {
        let removed = doc.raw().get(edit.start..edit.end)?;
        let id = rule_id(removed, existing);
        let description = format!("from a hand edit in {}", doc.id);
        let rules: Vec<OfferedRule> = rule_candidates(doc.raw(), edit.start, edit.end, &edit.replacement, &id)
            .into_iter()
            .map(|RuleCandidate { mut rule, generalised }| {
                rule.description = format!("{} ({description})", rule.description);
                OfferedRule { here: suggestions(doc, &rule).len(), rule, generalised }
            })
            .collect();
        (!rules.is_empty()).then(|| Self {
            document: index,
            doc_id: doc.id.clone(),
            removed: removed.to_string(),
            replacement: edit.replacement.clone(),
            rules,
        })
    }
}

/// A stable rule id made of the first words of `text` (`tip-line-harbor-desk`), with `-2`, `-3`…
/// when it or its `-general` twin is already taken.
pub fn rule_id(text: &str, existing: &[UserRule]) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(ID_WORDS)
        .map(str::to_lowercase)
        .collect();
    let base = if words.is_empty() { "hand-edit".to_string() } else { words.join("-") };
    let taken = |id: &str| existing.iter().any(|r| r.id == id || r.id == format!("{id}-general"));
    let mut id = base.clone();
    let mut n = 1;
    while taken(&id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    id
}

/// The pending edits `rule` would add to `doc`: its proposals on the raw text that overlap no edit
/// the document already has (a decision, a hand edit, or the same suggestion).
pub fn suggestions(doc: &Document, rule: &UserRule) -> Vec<NewEdit> {
    let found = preview(rule, [doc.raw()]);
    let proposals = found.proposals.into_iter().flat_map(|(_, p)| p);
    proposals.filter(|p| !overlaps_an_edit(doc, p.start, p.end)).map(Proposal::into_pending_edit).collect()
}

/// Whether raw bytes `start..end` (non-empty) share a byte with an edit, or hold an insertion point.
fn overlaps_an_edit(doc: &Document, start: usize, end: usize) -> bool {
    doc.edits()
        .iter()
        .any(|e| if e.is_insertion() { start < e.start && e.start < end } else { e.start < end && start < e.end })
}

/// Which of `rules` would touch document `index` (judged on its raw text); `None` when it cannot be read.
pub fn touches(ws: &Workspace, index: usize, rules: &[UserRule]) -> Option<Vec<bool>> {
    let doc = ws.collection.entries.get(index)?.load(ws.encoding).ok()?;
    Some(rules.iter().map(|r| preview(r, [doc.raw()]).documents > 0).collect())
}

/// Adds `rule` to the rules file at `path` (created when missing; the rules already there are kept)
/// and writes it atomically. A broken file or a taken id is refused, naming the file.
pub fn save_rule(path: &Path, rule: UserRule) -> Result<()> {
    let mut rules = if path.exists() { UserRules::load(path)? } else { UserRules::default() };
    rules.add(rule).map_err(|e| e.in_file(path))?;
    rules.save(path)
}

/// Adds `rule`'s suggestions to document `index`, which is not open: a document with a saved
/// annotation gets them as pending edits in that file (written atomically, keeping a backup); a
/// document read raw already gets them from the workspace's reloaded cleaner. Returns the
/// document's new summary when the rule touches it.
pub fn apply_to(ws: &Workspace, index: usize, rule: &UserRule) -> Result<Option<Summary>> {
    let entry = ws.collection.entries.get(index).ok_or_else(|| Error::msg(format!("no document number {index}")))?;
    let input = entry.load(ws.encoding)?;
    if !rule.matches(input.raw()) {
        return Ok(None);
    }
    let save_dir = ws.save_dir(index).ok_or_else(|| Error::msg("no save folder"))?;
    let path = storage::document_path(&save_dir, &input.id);
    let fingerprint = Fingerprint::of_file(&path)?;
    let mut prepared = ws.prepare(index)?;
    let edits = suggestions(&prepared.doc, rule);
    if !edits.is_empty() {
        prepared.doc.add_edits(edits);
        if autosave::save_checked(&path, &prepared.doc, fingerprint, false)?.is_none() {
            return Err(Error::file(
                &path,
                "changed on disk while the rule was being added; its suggestions were not saved",
            )
            .in_doc(&input.id));
        }
    }
    Ok(Some(Summary::of(&prepared.doc)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::UserAction;
    use crate::model::EditStatus;
    use crate::session::Session;

    /// The junk line three articles of one small site share.
    const JUNK: &str = "Tip line: harbor desk 0800 555 0199";

    fn article(topic: &str) -> String {
        format!("{topic} reopens\n\nThe {topic} reopened on Monday after repairs.\n{JUNK}\nCrowds came back at noon.\n")
    }

    /// A folder of three articles and a workspace on it.
    fn project(dir: &Path) -> Workspace {
        for topic in ["ferry", "library", "market"] {
            std::fs::write(dir.join(format!("{topic}.txt")), article(topic)).expect("write");
        }
        std::fs::write(dir.join("redline.json"), r#"{"annotator": "ana"}"#).expect("config");
        Workspace::open(&[dir.to_path_buf()]).expect("open")
    }

    /// Deletes the junk line's text by hand in a session; returns the hand edit found.
    fn delete_junk(s: &mut Session) -> Option<HandEdit> {
        let start = s.doc.cleaned().find(JUNK).expect("junk line");
        s.apply(Command::ManualEdit { start, end: start + JUNK.len(), text: String::new() }).expect("hand edit");
        uncaught_hand_edit(&s.history)
    }

    #[test]
    fn a_hand_deleted_line_is_offered_as_literal_and_general_rules() {
        let dir = tempfile::tempdir().expect("dir");
        let ws = project(dir.path());
        let mut s = Session::new(0, ws.prepare(0).expect("prepare"));
        let edit = delete_junk(&mut s).expect("no rule caught the line");
        let offer = RuleOffer::new(&s.doc, 0, &edit, &[]).expect("offer");
        assert_eq!(offer.removed, JUNK);
        let ids: Vec<&str> = offer.rules.iter().map(|r| r.rule.id.as_str()).collect();
        assert_eq!(ids, ["tip-line-harbor-desk", "tip-line-harbor-desk-general"]);
        assert_eq!(offer.rules[0].rule.action, UserAction::DeleteLine);
        assert!(offer.rules[0].rule.description.contains("hand edit in ferry"), "{}", offer.rules[0].rule.description);
        assert_eq!(offer.rules[0].here, 0, "the only place is the one deleted by hand");
        let counts: Vec<Vec<bool>> = (1..3).filter_map(|i| touches(&ws, i, &[offer.rules[0].rule.clone()])).collect();
        assert_eq!(counts, [[true], [true]]);
        s.undo();
        assert!(uncaught_hand_edit(&s.history).is_none(), "the last step is no longer a hand edit");
    }

    #[test]
    fn a_hand_edit_over_a_suggestion_was_caught_by_its_rule() {
        let mut doc = Document::new("d", "Story\n\n\n\nText.\n");
        doc.add_edits([NewEdit {
            start: 6,
            end: 9,
            replacement: String::new(),
            origin: "blank-lines".into(),
            status: EditStatus::Pending,
            reason: "three blank lines".into(),
        }]);
        let mut history = History::default();
        history.apply(&mut doc, Command::ManualEdit { start: 5, end: 9, text: "\n".into() }).expect("edit");
        assert!(uncaught_hand_edit(&history).is_none());
        history.apply(&mut doc, Command::ManualEdit { start: 0, end: 0, text: "A ".into() }).expect("typing");
        assert!(uncaught_hand_edit(&history).is_none(), "inserting text removes nothing to make a rule of");
    }

    #[test]
    fn ids_never_repeat_and_the_rules_file_keeps_what_it_had() {
        let taken = UserRule::new("tip-line-harbor-desk", "d", UserAction::DeleteMatch, "x", "", false).expect("rule");
        assert_eq!(rule_id(JUNK, std::slice::from_ref(&taken)), "tip-line-harbor-desk-2");
        assert_eq!(rule_id("  …  ", &[]), "hand-edit");
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("redline-rules.json");
        save_rule(&path, taken.clone()).expect("created");
        let other = UserRule::new("promo", "d", UserAction::DeleteMatch, "Promo!", "", false).expect("rule");
        save_rule(&path, other).expect("added");
        let ids: Vec<String> = UserRules::load(&path).expect("load").rules.into_iter().map(|r| r.id).collect();
        assert_eq!(ids, ["tip-line-harbor-desk", "promo"]);
        let err = save_rule(&path, taken).expect_err("duplicate id");
        assert!(err.to_string().contains("redline-rules.json") && err.to_string().contains("already exists"), "{err}");
    }

    #[test]
    fn applying_suggests_in_saved_and_raw_documents() {
        let dir = tempfile::tempdir().expect("dir");
        let ws = project(dir.path());
        let saved = ws.prepare(1).expect("prepare");
        storage::save_document(&saved.save_dir, &saved.doc).expect("save an annotation for the library");
        let mut s = Session::new(0, ws.prepare(0).expect("prepare"));
        let edit = delete_junk(&mut s).expect("hand edit");
        let offer = RuleOffer::new(&s.doc, 0, &edit, &[]).expect("offer");
        let rule = offer.rules[0].rule.clone();
        save_rule(&ws.config.rules_path(&ws.folder()), rule.clone()).expect("save rule");
        ws.reload_user_rules().expect("reload");

        let library = apply_to(&ws, 1, &rule).expect("apply").expect("touched");
        assert_eq!(library.pending, Summary::of(&saved.doc).pending + 1);
        let file = storage::document_path(&saved.save_dir, "library");
        let on_disk = crate::format::annotated::load(&file).expect("saved annotation");
        let origins: Vec<&str> = on_disk.edits().iter().map(|e| e.origin.as_str()).collect();
        assert!(origins.contains(&"user:tip-line-harbor-desk"), "{origins:?}");
        assert!(storage::backup_path(&file).exists(), "the previous version is kept");

        assert!(apply_to(&ws, 2, &rule).expect("apply").is_some());
        assert!(!storage::document_path(&saved.save_dir, "market").exists(), "a raw document is not written");
        let market = ws.prepare(2).expect("prepare");
        assert!(market.doc.edits().iter().any(|e| e.origin == "user:tip-line-harbor-desk"), "the reloaded cleaner");
    }
}
