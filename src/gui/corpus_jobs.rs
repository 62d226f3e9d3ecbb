//! "Suggest for all documents": a worker reads every document of the project twice — first to gather
//! corpus evidence (lines recurring across documents, entities accepted anywhere), then to count each
//! document's undecided suggestions with that evidence — with progress and Stop. The document list
//! shows the counts; the open document and every document opened afterwards get the new suggestions.

use std::sync::Arc;

use eframe::egui;

use super::app::Workbench;
use super::jobs::{Job, Worker};
use crate::error::Error;
use crate::evidence::CorpusEvidence;
use crate::model::{Document, ModelError};
use crate::workspace::{Prepared, Summary, Workspace};

/// What the worker reports.
pub enum CorpusMsg {
    /// A document could not be read (it is left out).
    Problem(Error),
    /// The evidence, once every document was read.
    Evidence(CorpusEvidence),
    /// A document's summary with the corpus suggestions, and how many it gained.
    Counted(usize, Summary, usize),
}

/// The corpus evidence of the open project and the job gathering it.
#[derive(Default)]
pub struct CorpusSuggestions {
    evidence: Option<CorpusEvidence>,
    job: Option<Job<CorpusMsg>>,
    added: usize,
    counted: usize,
    stopped: bool,
}

impl CorpusSuggestions {
    /// Whether the job is running (its progress bar is shown).
    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }

    /// Adds the corpus suggestions to a document being opened; returns how many it gained.
    pub fn enrich(&self, ws: &Workspace, prepared: &mut Prepared) -> std::result::Result<usize, ModelError> {
        match &self.evidence {
            Some(evidence) => evidence.additions(&ws.cleaner(), &prepared.doc).apply(&mut prepared.doc),
            None => Ok(0),
        }
    }

    /// Remembers what the person accepted in a document they leave, for the documents opened next.
    pub fn learn(&mut self, doc: &Document) {
        if let Some(evidence) = &mut self.evidence {
            evidence.learn(doc);
        }
    }
}

impl Drop for CorpusSuggestions {
    /// Stops the job when its project closes, so a closed corpus is not read on.
    fn drop(&mut self) {
        if let Some(job) = &self.job {
            job.cancel();
        }
    }
}

impl Workbench {
    /// Starts gathering corpus evidence and counting suggestions for every document (stops the scan
    /// of the document list, which this replaces).
    pub(super) fn suggest_corpus(&mut self) {
        let wake = self.waker();
        let Some(project) = &mut self.project else {
            self.messages.notice("Open a folder or corpus first; then every document gets suggestions.");
            return;
        };
        if project.corpus.is_running() {
            return;
        }
        if let Some(scan) = &project.scan {
            scan.cancel();
        }
        let ws = Arc::clone(&project.ws);
        let current = project.session.as_ref().map(|s| (s.index, s.doc.clone()));
        let title = format!("Suggesting for all {} documents", ws.len());
        match Job::spawn(title, wake, move |w: &Worker<CorpusMsg>| gather_and_count(&ws, current.as_ref(), w)) {
            Ok(job) => {
                project.corpus.job = Some(job);
                (project.corpus.added, project.corpus.counted, project.corpus.stopped) = (0, 0, false);
            }
            Err(e) => self.messages.problem(format!("cannot start suggesting for all documents: {e}")),
        }
    }

    /// Takes the job's evidence and counts; reports the totals when it ends.
    pub(super) fn poll_corpus(&mut self) {
        let Some(project) = &mut self.project else { return };
        let Some(job) = &mut project.corpus.job else { return };
        let (messages, finished) = (job.poll(), job.is_finished());
        let mut open_changed = false;
        for message in messages {
            match message {
                CorpusMsg::Problem(e) => self.messages.problem(e),
                CorpusMsg::Evidence(evidence) => {
                    open_changed = enrich_open_document(project, &evidence, &mut self.messages);
                    project.corpus.evidence = Some(evidence);
                }
                CorpusMsg::Counted(index, summary, added) => {
                    project.corpus.counted += 1;
                    project.corpus.added += added;
                    if let Some(slot) = project.summaries.get_mut(index)
                        && project.session.as_ref().is_none_or(|s| s.index != index)
                    {
                        *slot = Some(summary);
                    }
                }
            }
        }
        if finished {
            let c = &mut project.corpus;
            c.job = None;
            let total = project.ws.len();
            let remembered = c.evidence.as_ref().map_or(0, CorpusEvidence::remembered);
            let how = format!(
                "{} new suggestion(s) from lines that recur across documents and from {remembered} tagged \
                 text(s) proposed wherever they occur; the list shows each document's undecided count",
                c.added
            );
            if c.stopped {
                self.messages.notice(format!("Suggesting stopped after {} of {total} documents; {how}", c.counted));
            } else {
                self.messages.notice(format!("Suggested for all {total} documents: {how}"));
            }
        }
        if open_changed {
            self.changed();
        }
    }

    /// The job's progress bar and its Stop button.
    pub(super) fn corpus_progress(&mut self, ui: &mut egui::Ui) {
        let Some(corpus) = self.project.as_mut().map(|p| &mut p.corpus) else { return };
        let Some(job) = &corpus.job else { return };
        let (done, total) = job.progress();
        let mut stop = false;
        ui.horizontal(|ui| {
            let fraction = if total == 0 { 0.0 } else { done as f32 / total as f32 };
            ui.add(egui::ProgressBar::new(fraction).desired_width(240.0).text(format!("{done} / {total}")));
            ui.label(&job.title);
            stop = ui
                .button("Stop suggesting")
                .on_hover_text("Documents counted so far keep their new suggestions")
                .clicked();
        });
        if stop {
            job.cancel();
            corpus.stopped = true;
        }
    }
}

/// Adds the corpus suggestions to the open document: edits as suggestions, entities through its undo
/// log; returns whether it gained any.
fn enrich_open_document(
    project: &mut super::app::Project,
    evidence: &CorpusEvidence,
    messages: &mut super::messages::Messages,
) -> bool {
    let Some(s) = &mut project.session else { return false };
    let before = Summary::of(&s.doc).pending;
    let additions = evidence.additions(&project.ws.cleaner(), &s.doc);
    let edits = additions.edits.len();
    if let Some(problem) = s.doc.add_edits(additions.edits).into_iter().next() {
        messages.problem(crate::error::Error::from(problem).in_doc(&s.doc.id));
    }
    let entities = match additions.entities.map(|command| s.apply(command)) {
        Some(Ok(changed)) => changed,
        Some(Err(e)) => {
            messages.problem(crate::error::Error::from(e).in_doc(&s.doc.id));
            false
        }
        None => false,
    };
    project.corpus.added += Summary::of(&s.doc).pending.saturating_sub(before);
    edits > 0 || entities
}

/// The worker: reads every document for the evidence, then counts each one's suggestions with it.
/// The open document is taken from memory and left to the UI to update.
fn gather_and_count(ws: &Workspace, current: Option<&(usize, Document)>, w: &Worker<CorpusMsg>) {
    let n = ws.len();
    w.set_total(2 * n);
    let mut evidence = CorpusEvidence::default();
    for i in 0..n {
        if w.cancelled() {
            return;
        }
        match current.filter(|(c, _)| *c == i) {
            Some((_, doc)) => evidence.add(doc),
            None => match ws.prepare(i) {
                Ok(prepared) => evidence.add(&prepared.doc),
                Err(e) => w.send(CorpusMsg::Problem(e)),
            },
        }
        w.step();
    }
    w.send(CorpusMsg::Evidence(evidence.clone()));
    for i in 0..n {
        if w.cancelled() {
            return;
        }
        if current.is_none_or(|(c, _)| *c != i)
            && let Ok(mut prepared) = ws.prepare(i)
        {
            let message = match evidence.additions(&ws.cleaner(), &prepared.doc).apply(&mut prepared.doc) {
                Ok(added) => CorpusMsg::Counted(i, Summary::of(&prepared.doc), added),
                Err(e) => CorpusMsg::Problem(Error::from(e).in_doc(&prepared.doc.id)),
            };
            w.send(message);
        }
        w.step();
    }
}
