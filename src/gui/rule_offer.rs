//! The offer to turn a hand edit into a user rule: a small panel above the suggestions list with the
//! literal and the generalised rule, how many other documents each would touch (counted on a worker
//! thread, with progress), Add and Dismiss. Adding saves the rule into the project's rules file,
//! reloads the cleaner, suggests the rule's edits in the open document and, on a worker thread, in
//! the other documents. The logic is `crate::rule_offer`; this file only draws it and runs the jobs.

use std::sync::Arc;

use eframe::egui;

use super::app::Workbench;
use super::jobs::{Job, Worker};
use crate::clean::text::quote;
use crate::clean::{UserAction, UserRule};
use crate::error::{Error, Result};
use crate::model::Command;
use crate::rule_offer::{self, RuleOffer};
use crate::workspace::{Summary, Workspace};

/// The offer on screen and the work behind it.
#[derive(Default)]
pub struct RuleOffers {
    /// The offer shown, if any.
    offer: Option<Shown>,
    /// A rule being added to the other documents.
    applying: Option<Applying>,
}

/// An offer and the count of the other documents each of its rules would touch.
struct Shown {
    offer: RuleOffer,
    /// Counting on a worker thread, until it ends.
    counting: Option<Job<Vec<usize>>>,
    /// Other documents each rule would touch, once counted.
    counts: Option<Vec<usize>>,
}

/// A rule being added to the other documents as pending suggestions.
struct Applying {
    job: Job<(usize, Result<Option<Summary>>)>,
    /// The rule.
    rule: UserRule,
    /// Places suggested in the open document.
    here: usize,
    /// Other documents the rule touched so far.
    touched: usize,
}

impl RuleOffers {
    /// Whether background work is running that the window should keep drawing for.
    pub fn busy(&self) -> bool {
        self.applying.is_some() || self.offer.as_ref().is_some_and(|s| s.counting.is_some())
    }
}

/// What the person pressed in the panel.
enum Choice {
    /// Add the offered rule with this position.
    Add(usize),
    /// Close the offer.
    Dismiss,
    /// Stop adding suggestions to the other documents.
    Stop,
}

impl Workbench {
    /// After a hand edit: offers it as a rule when it deleted or replaced text no rule had proposed.
    pub(super) fn offer_rule_for_hand_edit(&mut self) {
        let Some(project) = &self.project else { return };
        let Some(session) = &project.session else { return };
        let Some(edit) = rule_offer::uncaught_hand_edit(&session.history) else { return };
        let cleaner = project.ws.cleaner();
        let Some(offer) = RuleOffer::new(&session.doc, session.index, &edit, cleaner.user_rules()) else { return };
        let counting = start_count(&project.ws, &offer, self.waker())
            .map_err(|e| self.messages.problem(format!("cannot start counting the documents: {e}")))
            .ok();
        if let Some(old) = self.rule_offers.offer.replace(Shown { offer, counting, counts: None })
            && let Some(job) = old.counting
        {
            job.cancel();
        }
        (self.waker())();
    }

    /// Takes the results of the counting and adding jobs.
    pub(super) fn poll_rule_offers(&mut self) {
        if let Some(shown) = &mut self.rule_offers.offer
            && let Some(job) = &mut shown.counting
        {
            shown.counts = job.poll().pop().or(shown.counts.take());
            if job.is_finished() {
                shown.counting = None;
            }
        }
        self.poll_applying();
    }

    /// Takes the documents the adding job updated; says what it did when it ends.
    fn poll_applying(&mut self) {
        let Some(applying) = &mut self.rule_offers.applying else { return };
        let results = applying.job.poll();
        let finished = applying.job.is_finished();
        let rule = applying.rule.clone();
        applying.touched += results.iter().filter(|(_, r)| matches!(r, Ok(Some(_)))).count();
        for (index, result) in results {
            match result {
                Ok(Some(summary)) => self.rule_reached(index, summary, &rule),
                Ok(None) => {}
                Err(e) => self.messages.problem(e),
            }
        }
        if finished && let Some(Applying { touched, here, .. }) = self.rule_offers.applying.take() {
            self.messages.notice(format!(
                "Rule {}: pending suggestions in {touched} other document(s) and {here} more place(s) in this one",
                rule.rule_id()
            ));
        }
    }

    /// Shows the new summary of a document the rule reached. When it is the open document (opened
    /// while the rule was being added), the autosaver learns the file the job rewrote (so the next
    /// save is no false conflict), the rule's suggestions are added to the session as well, and
    /// the session's state is queued again (learning the file drops what was queued).
    fn rule_reached(&mut self, index: usize, summary: Summary, rule: &UserRule) {
        let Some(project) = &mut self.project else { return };
        let open =
            project.session.as_ref().filter(|s| s.index == index).map(|s| (s.save_dir.clone(), s.doc.id.clone()));
        let Some((dir, id)) = open else {
            if let Some(slot) = project.summaries.get_mut(index) {
                *slot = Some(summary);
            }
            return;
        };
        self.watch(&dir, &id);
        self.suggest_in_open_document(rule);
        self.changed();
    }

    /// The offer panel (nothing when there is no offer and no rule being added).
    pub(super) fn rule_offer_panel(&mut self, ui: &mut egui::Ui) {
        let choice = match (&self.rule_offers.offer, &self.rule_offers.applying) {
            (_, Some(applying)) => applying_ui(ui, applying),
            (Some(shown), None) => offer_ui(ui, shown),
            (None, None) => return,
        };
        match choice {
            Some(Choice::Add(k)) => self.add_offered_rule(k),
            Some(Choice::Dismiss) => self.close_offer(),
            Some(Choice::Stop) => {
                if let Some(applying) = &self.rule_offers.applying {
                    applying.job.cancel();
                }
            }
            None => {}
        }
        ui.separator();
    }

    /// Saves offered rule `k` into the project's rules file, reloads the cleaner, suggests its edits
    /// here and starts adding them to the other documents. A problem keeps the offer open.
    fn add_offered_rule(&mut self, k: usize) {
        let Some(project) = &self.project else { return };
        let Some(rule) = self.rule_offers.offer.as_ref().and_then(|s| s.offer.rules.get(k)).map(|r| r.rule.clone())
        else {
            return;
        };
        let path = project.ws.config.rules_path(&project.ws.folder());
        if let Err(e) = rule_offer::save_rule(&path, rule.clone()).and_then(|()| project.ws.reload_user_rules()) {
            self.messages.problem(e);
            return;
        }
        let (ws, skip) = (project.ws.clone(), project.session.as_ref().map(|s| s.index));
        self.close_offer();
        self.messages.notice(format!("Rule {} saved in {}", rule.rule_id(), path.display()));
        let here = self.suggest_in_open_document(&rule);
        match start_apply(&ws, rule.clone(), skip, self.waker()) {
            Ok(job) => self.rule_offers.applying = Some(Applying { job, rule, here, touched: 0 }),
            Err(e) => self.messages.problem(format!("cannot start adding the rule to the other documents: {e}")),
        }
    }

    /// Adds a rule's edits to the open document as pending suggestions (one undoable step); returns
    /// how many were added.
    fn suggest_in_open_document(&mut self, rule: &UserRule) -> usize {
        let Some(session) = self.project.as_mut().and_then(|p| p.session.as_mut()) else { return 0 };
        let edits = rule_offer::suggestions(&session.doc, rule);
        let added = edits.len();
        match session.apply(Command::SuggestEdits(edits)) {
            Ok(true) => self.changed(),
            Ok(false) => {}
            Err(e) => self.messages.problem(Error::from(e).in_doc(&session.doc.id)),
        }
        added
    }

    /// Closes the offer, stopping its count.
    fn close_offer(&mut self) {
        if let Some(job) = self.rule_offers.offer.take().and_then(|s| s.counting) {
            job.cancel();
        }
    }
}

/// Counts, on a worker thread, the documents other than the hand-edited one each rule would touch.
fn start_count(
    ws: &Arc<Workspace>,
    offer: &RuleOffer,
    wake: impl Fn() + Send + 'static,
) -> std::io::Result<Job<Vec<usize>>> {
    let ws = ws.clone();
    let rules: Vec<UserRule> = offer.rules.iter().map(|r| r.rule.clone()).collect();
    let skip = offer.document;
    Job::spawn("Counting the documents the rule would touch", wake, move |w: &Worker<Vec<usize>>| {
        w.set_total(ws.len());
        let mut counts = vec![0; rules.len()];
        for i in (0..ws.len()).filter(|&i| i != skip) {
            if w.cancelled() {
                return;
            }
            for (count, hit) in counts.iter_mut().zip(rule_offer::touches(&ws, i, &rules).unwrap_or_default()) {
                *count += usize::from(hit);
            }
            w.step();
        }
        w.send(counts);
    })
}

/// Adds a rule's suggestions, on a worker thread, to every document but the open one.
fn start_apply(
    ws: &Arc<Workspace>,
    rule: UserRule,
    skip: Option<usize>,
    wake: impl Fn() + Send + 'static,
) -> std::io::Result<Job<(usize, Result<Option<Summary>>)>> {
    let ws = ws.clone();
    Job::spawn(format!("Adding rule {} to the documents", rule.rule_id()), wake, move |w| {
        w.set_total(ws.len());
        for i in (0..ws.len()).filter(|&i| Some(i) != skip) {
            if w.cancelled() {
                return;
            }
            w.send((i, rule_offer::apply_to(&ws, i, &rule)));
            w.step();
        }
    })
}

/// The offer: what was edited, each rule with its reach and an Add button, and Dismiss.
fn offer_ui(ui: &mut egui::Ui, shown: &Shown) -> Option<Choice> {
    let mut choice = None;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.strong("Make a rule from this hand edit?")
            .on_hover_text("No rule proposed what you just changed by hand; a user rule can do it everywhere");
        let offer = &shown.offer;
        let what = if offer.replacement.is_empty() {
            format!("You deleted {} in {}.", quoted(&offer.removed), offer.doc_id)
        } else {
            format!("You replaced {} with {} in {}.", quoted(&offer.removed), quoted(&offer.replacement), offer.doc_id)
        };
        ui.label(what);
        for (k, offered) in offer.rules.iter().enumerate() {
            let count = shown.counts.as_ref().and_then(|c| c.get(k).copied());
            if rule_row(ui, offered, count, shown.counting.as_ref()) {
                choice = Some(Choice::Add(k));
            }
        }
        if ui.button("Dismiss rule offer").on_hover_text("Close this offer; no rule is saved").clicked() {
            choice = Some(Choice::Dismiss);
        }
    });
    choice
}

/// `text` as the offer quotes it to a person: shortened, in curly quotes, its line breaks shown as `¶`
/// as in the original view (never Rust's escapes: `\"` and `\n` are not what the person wrote).
fn quoted(text: &str) -> String {
    format!("“{}”", quote(text, 60).replace('\n', "¶"))
}

/// One offered rule: kind, pattern, reach and its Add button; returns whether Add was pressed.
fn rule_row(
    ui: &mut egui::Ui,
    offered: &rule_offer::OfferedRule,
    count: Option<usize>,
    counting: Option<&Job<Vec<usize>>>,
) -> bool {
    let (kind, explain) = if offered.generalised {
        ("general", "digits, dates and capitalised names match any value")
    } else {
        ("literal", "matches this exact text only")
    };
    ui.separator();
    ui.label(format!("{kind} rule {} — {explain}", offered.rule.id));
    ui.add(egui::Label::new(egui::RichText::new(&offered.rule.pattern).monospace()).truncate()).on_hover_text(format!(
        "{}: {}",
        what_it_does(offered.rule.action),
        offered.rule.pattern
    ));
    let here = format!("{} more place(s) in this document", offered.here);
    match (count, counting) {
        (Some(n), _) => {
            ui.label(format!("Touches {n} other document(s) · {here}"));
        }
        (None, Some(job)) => {
            let (done, total) = job.progress();
            let fraction = if total == 0 { 0.0 } else { done as f32 / total as f32 };
            ui.add(egui::ProgressBar::new(fraction).text(format!("counting other documents {done} / {total}")));
            ui.label(here);
        }
        (None, None) => {
            ui.label(here);
        }
    }
    let hint = format!(
        "Save rule {} in the project's rules file and suggest its edits (pending) in every document it touches",
        offered.rule.id
    );
    ui.button(format!("Add {kind} rule")).on_hover_text(hint).clicked()
}

/// What a rule with this action does with its pattern's matches, for a tooltip.
fn what_it_does(action: UserAction) -> &'static str {
    match action {
        UserAction::DeleteLine => "Deletes every line matching the pattern",
        UserAction::DeleteMatch => "Deletes every match of the pattern",
        UserAction::Replace => "Replaces every match of the pattern",
    }
}

/// Progress of adding a rule to the other documents, with Stop.
fn applying_ui(ui: &mut egui::Ui, applying: &Applying) -> Option<Choice> {
    let (done, total) = applying.job.progress();
    let fraction = if total == 0 { 0.0 } else { done as f32 / total as f32 };
    let mut choice = None;
    ui.horizontal_wrapped(|ui| {
        ui.add(egui::ProgressBar::new(fraction).desired_width(160.0).text(format!("{done} / {total}")));
        ui.label(format!("Adding {} to the documents", applying.rule.rule_id()));
        let stop = ui.button("Stop adding the rule");
        if stop
            .on_hover_text(
                "The rule stays saved: documents read raw get it when opened; saved ones not reached yet do not",
            )
            .clicked()
        {
            choice = Some(Choice::Stop);
        }
    });
    choice
}
