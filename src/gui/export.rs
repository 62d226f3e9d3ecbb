//! Exporting the open project from the workbench: the export window (format, which documents), the
//! destination dialog, and the export itself on a worker thread with progress and cancel. The work is
//! the library's (`Workspace::prepare`, `interop::export`, `Written::write`); this file only runs it
//! and reports the result in the message area.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use eframe::egui;

use super::app::Workbench;
use super::jobs::{Job, Worker};
use super::picker::{PendingPick, PickKind};
use crate::error::{Error, Result};
use crate::interop::{self, Format};
use crate::model::Document;
use crate::workspace::Workspace;

/// How many warnings are listed one by one before the rest are summed up.
const WARNINGS_SHOWN: usize = 5;

/// The formats offered, with the name shown and what each one is for.
const FORMATS: &[(Format, &str, &str)] = &[
    (Format::Spacy, "spaCy / Prodigy JSONL", "text, tokens and token-aligned spans; loads with Doc.char_span"),
    (Format::Doccano, "doccano JSONL", "text and [start, end, label] in UTF-16 units, as doccano counts them"),
    (Format::LabelStudio, "Label Studio JSON", "one task per document; pending suggestions become predictions"),
    (Format::Brat, "brat standoff (a folder)", "a .txt and an .ann file per document, written into a folder"),
    (Format::Conll, "CoNLL IOB2", "one token per line; entities that cut through a word are reported"),
    (Format::CleaningPairs, "Cleaning pairs JSONL", "raw text, cleaned text and every edit, for scoring cleaners"),
];

/// What a finished export reports.
#[derive(Debug)]
pub struct Report {
    /// Where it was written.
    output: PathBuf,
    /// The format.
    format: Format,
    /// Files written (one, or one per file of a brat folder).
    files: usize,
    /// Documents exported.
    exported: usize,
    /// Documents left out because they are not done.
    not_done: usize,
    /// What did not fit the format.
    warnings: Vec<String>,
    /// Documents that could not be read (left out).
    unreadable: Vec<Error>,
}

/// The export window's choices and the export running in the background.
pub struct ExportPanel {
    /// Whether the window is shown.
    pub(super) open: bool,
    format: Format,
    all: bool,
    /// Where to write, as typed (or as the dialog answered): the fallback where no dialog is available.
    destination: String,
    pick: Option<(PendingPick, Format, bool)>,
    job: Option<Job<Result<Report>>>,
    reported: bool,
}

impl Default for ExportPanel {
    fn default() -> Self {
        Self {
            open: false,
            format: Format::Spacy,
            all: false,
            destination: String::new(),
            pick: None,
            job: None,
            reported: false,
        }
    }
}

impl ExportPanel {
    /// Whether a destination dialog or an export is running.
    pub fn is_busy(&self) -> bool {
        self.pick.is_some() || self.job.is_some()
    }

    /// Whether an export is running (its progress bar is shown).
    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }
}

impl Workbench {
    /// Shows or hides the export window (nothing to export without a project).
    pub(super) fn toggle_export(&mut self) {
        if self.project.is_none() {
            self.messages.notice("Open documents first; then Export writes them in another tool's format.");
            return;
        }
        self.export.open = !self.export.open;
        if self.export.destination.is_empty() {
            self.export.destination = self.default_export_path(self.export.format);
        }
    }

    /// `export.<ext>` (a folder `export-brat` for brat) in the project's folder.
    fn default_export_path(&self, format: Format) -> String {
        let folder = self.project.as_ref().map(|p| p.ws.folder()).unwrap_or_default();
        let name = format.extension().map_or_else(|| "export-brat".to_string(), |ext| format!("export.{ext}"));
        folder.join(name).display().to_string()
    }

    /// The export window: format, which documents, and the button that asks for the destination.
    pub(super) fn export_window(&mut self, ui: &egui::Ui) {
        let mut open = self.export.open;
        let mut choose = false;
        let mut typed = false;
        let before = self.export.format;
        let busy = self.export.is_busy();
        let (done, total) = self.project.as_ref().map_or((0, 0), |p| (p.done_count(), p.summaries.len()));
        let top = ui.ctx().content_rect().center_top() + egui::vec2(0.0, 60.0);
        let window = egui::Window::new("Export").open(&mut open).collapsible(false).resizable(false);
        window.pivot(egui::Align2::CENTER_TOP).default_pos(top).show(ui.ctx(), |ui| {
            ui.label(format!("{done} of {total} documents are marked done."));
            ui.label("Format:");
            for (format, name, what) in FORMATS {
                ui.radio_value(&mut self.export.format, *format, *name).on_hover_text(*what);
            }
            ui.separator();
            ui.checkbox(&mut self.export.all, "Include documents not done")
                .on_hover_text("Without this only documents marked done (Ctrl+Enter) are exported");
            let label = ui.label("Destination:");
            let field = egui::TextEdit::singleline(&mut self.export.destination).desired_width(f32::INFINITY);
            ui.add(field).labelled_by(label.id).on_hover_text(
                "The file to write (a folder for brat); relative paths are taken from the project's folder",
            );
            ui.horizontal(|ui| {
                typed = ui
                    .add_enabled(!busy, egui::Button::new("Export to this path"))
                    .on_hover_text("Export to the path typed above; the export runs in the background")
                    .on_disabled_hover_text("An export is already running")
                    .clicked();
                choose = ui
                    .add_enabled(!busy, egui::Button::new("Choose destination and export…"))
                    .on_hover_text("Pick the file (a folder for brat) in the desktop's dialog, then export")
                    .on_disabled_hover_text("An export is already running")
                    .clicked();
            });
        });
        self.export.open = open && self.export.open;
        if self.export.format != before && self.export.destination == self.default_export_path(before) {
            self.export.destination = self.default_export_path(self.export.format);
        }
        if typed {
            self.export_to_typed_path();
        }
        if choose {
            self.choose_export_destination();
        }
    }

    /// Starts the export to the typed destination, relative to the project's folder.
    fn export_to_typed_path(&mut self) {
        let typed = self.export.destination.trim();
        if typed.is_empty() {
            self.messages.problem("Export: type where to write the export, or choose it in the dialog.");
            return;
        }
        let folder = self.project.as_ref().map(|p| p.ws.folder()).unwrap_or_default();
        let output = folder.join(typed);
        self.start_export(self.export.format, self.export.all, output);
    }

    /// Opens the destination dialog on a worker thread.
    fn choose_export_destination(&mut self) {
        let (format, all) = (self.export.format, self.export.all);
        match PendingPick::start(&self.picker, PickKind::ExportTo(format), self.waker()) {
            Ok(pick) => self.export.pick = Some((pick, format, all)),
            Err(e) => self.messages.problem(format!("cannot open the file dialog: {e}")),
        }
    }

    /// Takes the destination once chosen and the export's result once done.
    pub(super) fn poll_export(&mut self) {
        if let Some((pick, format, all)) = &self.export.pick
            && let Some(answer) = pick.poll()
        {
            let (format, all) = (*format, *all);
            self.export.pick = None;
            if let Some(output) = answer.and_then(|paths| paths.into_iter().next()) {
                self.export.destination = output.display().to_string();
                self.start_export(format, all, output);
            }
        }
        let Some(job) = &mut self.export.job else { return };
        let results = job.poll();
        let finished = job.is_finished();
        for result in results {
            self.export.reported = true;
            match result {
                Ok(report) => self.report_export(&report),
                Err(e) => self.messages.problem(format!("Export failed: {e}")),
            }
        }
        if finished {
            if !self.export.reported {
                self.messages.notice("Export cancelled; nothing was written.");
            }
            self.export.job = None;
        }
    }

    /// Starts the export on a worker thread: the open document as it is in memory, the others as saved.
    fn start_export(&mut self, format: Format, all: bool, output: PathBuf) {
        let Some(project) = &self.project else { return };
        let ws = Arc::clone(&project.ws);
        let current = project.session.as_ref().map(|s| (s.index, s.doc.clone()));
        let title = format!("Exporting {} to {}", format.name(), output.display());
        let job = Job::spawn(title, self.waker(), move |w: &Worker<Result<Report>>| {
            run_export(&ws, current, format, all, &output, w);
        });
        match job {
            Ok(job) => {
                self.export.job = Some(job);
                self.export.reported = false;
                self.export.open = false;
            }
            Err(e) => self.messages.problem(format!("cannot start the export: {e}")),
        }
    }

    /// Lists an export's result: what was written, what was left out, and every warning.
    fn report_export(&mut self, r: &Report) {
        let files = if r.files == 1 { String::new() } else { format!(" ({} files)", r.files) };
        let left_out = if r.not_done > 0 {
            format!("; {} not done left out (tick “Include documents not done” to add them)", r.not_done)
        } else {
            String::new()
        };
        self.messages.notice(format!(
            "Exported {} document(s) as {} to {}{files}{left_out}; {} warning(s)",
            r.exported,
            r.format.name(),
            r.output.display(),
            r.warnings.len()
        ));
        for w in r.warnings.iter().take(WARNINGS_SHOWN) {
            self.messages.problem(format!("Export warning: {w}"));
        }
        if r.warnings.len() > WARNINGS_SHOWN {
            self.messages.problem(format!("… and {} more export warnings", r.warnings.len() - WARNINGS_SHOWN));
        }
        for e in &r.unreadable {
            self.messages.problem(format!("Left out of the export: {e}"));
        }
    }

    /// The export's progress bar and its Cancel button.
    pub(super) fn export_progress(&self, ui: &mut egui::Ui) {
        let Some(job) = &self.export.job else { return };
        let (done, total) = job.progress();
        ui.horizontal(|ui| {
            let fraction = if total == 0 { 0.0 } else { done as f32 / total as f32 };
            ui.add(egui::ProgressBar::new(fraction).desired_width(240.0).text(format!("{done} / {total}")));
            ui.label(&job.title);
            if ui.button("Cancel export").on_hover_text("Stop; nothing is written").clicked() {
                job.cancel();
            }
        });
    }
}

/// Reads every document (the open one from memory), exports them and writes the output atomically.
/// Sends nothing when cancelled, so no file is written.
fn run_export(
    ws: &Workspace,
    current: Option<(usize, Document)>,
    format: Format,
    all: bool,
    output: &Path,
    w: &Worker<Result<Report>>,
) {
    w.set_total(ws.len() + 1);
    let mut current = current;
    let mut docs = Vec::with_capacity(ws.len());
    let mut unreadable = Vec::new();
    for i in 0..ws.len() {
        if w.cancelled() {
            return;
        }
        match current.take_if(|(index, _)| *index == i) {
            Some((_, doc)) => docs.push(doc),
            None => match ws.prepare(i) {
                Ok(prepared) => docs.push(prepared.doc),
                Err(e) => unreadable.push(e),
            },
        }
        w.step();
    }
    let export = interop::export(format, &docs, all);
    if w.cancelled() {
        return;
    }
    let result = export.written.write(output).map(|written| Report {
        output: output.to_path_buf(),
        format,
        files: written.len(),
        exported: export.exported,
        not_done: export.not_done,
        warnings: export.warnings,
        unreadable,
    });
    w.step();
    w.send(result);
}
