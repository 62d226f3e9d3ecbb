//! The workbench: the eframe app that holds the open project and the document being worked on,
//! runs the background work (opening, scanning, saving, dialogs) and lays out the panels.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use eframe::egui;

use super::corpus_jobs::CorpusSuggestions;
use super::export::ExportPanel;
use super::jobs::{Job, Worker};
use super::messages::Messages;
use super::picker::{FilePicker, PendingPick, PickKind};
use super::quitting::QuitPrompt;
use super::views::Views;
use crate::error::{Error, Result};
use crate::input::Encoding;
use crate::model::{DocStatus, Document, History};
use crate::recent::RecentList;
use crate::session::Session;
use crate::storage::Autosaver;
use crate::undo_logs::{Resumed, UndoLogs};
use crate::workspace::{Summary, Workspace};

/// How the workbench is set up: the dialog to use and where the recent-projects list lives.
pub struct Options {
    /// The file/folder dialog (a fake in tests).
    pub picker: Arc<dyn FilePicker>,
    /// The recent-projects file; `None` keeps the list in memory only.
    pub recent_file: Option<PathBuf>,
}

/// Which text views the main area shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewMode {
    /// The marked original beside the cleaned text.
    SideBySide,
    /// Only the marked original: a unified diff, for narrow windows.
    Unified,
    /// Only the cleaned text, for tagging in narrow windows.
    Cleaned,
}

/// Where the open document's autosave stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing changed since it was opened.
    Unchanged,
    /// A change is waiting to be written.
    Queued,
    /// Written to this file.
    Saved(PathBuf),
    /// The last write failed; the work is kept in memory and retried on the next change.
    Failed,
    /// The file changed on disk since it was opened; nothing is written until the person chooses.
    Conflict,
}

/// A message from the job that opens a workspace.
type Opened = Result<Workspace>;

/// The open project: the workspace, the document list's summaries and the document being worked on.
pub struct Project {
    /// The documents and their settings.
    pub ws: Arc<Workspace>,
    /// One summary per document, filled in by the background scan (or by work on the document).
    pub summaries: Vec<Option<Summary>>,
    /// The scan of saved annotations.
    pub scan: Option<Job<(usize, Result<Summary>)>>,
    /// Show only documents with this status.
    pub filter: Option<DocStatus>,
    /// The document being worked on.
    pub session: Option<Session>,
    /// Its autosave state.
    pub save_state: SaveState,
    /// The encodings the person chose for text files that are not UTF-8, by document number.
    pub encodings: HashMap<usize, Encoding>,
    /// The documents that could not be read, by document number, with the problem (the list marks
    /// them ⚠ rather than "not read yet").
    pub unreadable: HashMap<usize, String>,
    /// Corpus-wide suggestions: the evidence gathered over every document, and the job gathering it.
    pub corpus: CorpusSuggestions,
    /// The undo logs of the documents left, given back when the person returns to one.
    pub undo_logs: UndoLogs,
    /// The other annotators who saved a version of the open document (read when it opens).
    pub other_versions: Vec<String>,
}

/// The workbench window's state.
pub struct Workbench {
    pub(super) picker: Arc<dyn FilePicker>,
    pub(super) pending_pick: Option<PendingPick>,
    pub(super) recent: RecentList,
    recent_file: Option<PathBuf>,
    /// Problems and notices shown in the message area.
    pub messages: Messages,
    pub(super) opening: Option<Job<Opened>>,
    /// The open project, if any.
    pub project: Option<Project>,
    ctx: Arc<OnceLock<egui::Context>>,
    /// Writes the open folder's documents; started for the folder of the first document opened.
    pub(super) saver: Option<Autosaver>,
    pub(super) views: Views,
    /// The entity suggestions listed in the suggestions panel.
    pub(super) entity_list: super::entity_list::EntityList,
    pub(super) help: bool,
    pub(super) view_mode: ViewMode,
    pub(super) find: Option<String>,
    pub(super) focus_find: bool,
    /// The path typed on the start screen: the way to open work where the desktop has no file dialog.
    pub(super) typed_path: String,
    /// Offers to turn a hand edit into a user rule, and the jobs that count and apply them.
    pub(super) rule_offers: super::rule_offer::RuleOffers,
    /// The question shown when quitting would lose work.
    pub(super) quit_prompt: Option<QuitPrompt>,
    /// The person chose to quit whatever is unsaved.
    pub(super) quit_anyway: bool,
    /// The export window and the export running in the background.
    pub(super) export: ExportPanel,
}

impl Workbench {
    /// A workbench with no project open; `paths` (if any) start opening at once.
    pub fn new(options: Options, paths: &[PathBuf]) -> Self {
        let ctx: Arc<OnceLock<egui::Context>> = Arc::new(OnceLock::new());
        let mut messages = Messages::default();
        let recent = match &options.recent_file {
            Some(file) => RecentList::load(file).unwrap_or_else(|e| {
                messages.problem(e);
                RecentList::default()
            }),
            None => RecentList::default(),
        };
        let mut app = Self {
            picker: options.picker,
            pending_pick: None,
            recent,
            recent_file: options.recent_file,
            messages,
            opening: None,
            project: None,
            ctx,
            saver: None,
            views: Views::default(),
            entity_list: super::entity_list::EntityList::default(),
            help: false,
            view_mode: ViewMode::SideBySide,
            find: None,
            focus_find: false,
            typed_path: String::new(),
            rule_offers: Default::default(),
            quit_prompt: None,
            quit_anyway: false,
            export: ExportPanel::default(),
        };
        if !paths.is_empty() {
            app.open_paths(paths.to_vec());
        }
        app
    }

    /// A function that repaints the window (for worker threads).
    pub(super) fn waker(&self) -> impl Fn() + Send + Sync + 'static {
        let ctx = self.ctx.clone();
        move || {
            if let Some(ctx) = ctx.get() {
                ctx.request_repaint();
            }
        }
    }

    /// Draws one frame.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        self.ctx.get_or_init(|| {
            // Ctrl+Q is Redline's own shortcut, which asks before losing work; egui's would just close.
            ui.ctx().options_mut(|o| o.quit_shortcuts.clear());
            ui.ctx().clone()
        });
        self.poll_background();
        self.guard_close(ui);
        self.take_dropped_files(ui);
        let selected = self.selected_text();
        self.handle_keys(ui);
        self.layout(ui);
        self.drop_shifted_selection(selected);
        self.quit_dialog(ui);
        if self.busy() {
            ui.ctx().request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    /// The open document's revision with its selection and the text under it.
    fn selected_text(&self) -> Option<(u64, (usize, usize), String)> {
        let s = self.project.as_ref()?.session.as_ref()?;
        let (a, z) = s.selection()?;
        Some((s.doc.revision(), (a, z), s.doc.cleaned().get(a..z)?.to_string()))
    }

    /// Drops a selection whose text changed under it this frame. The session keeps caret and anchor as
    /// byte offsets across a change, so after accepting a deletion or a hand edit above it the selection
    /// would cover other words, and a label key would tag them.
    fn drop_shifted_selection(&mut self, before: Option<(u64, (usize, usize), String)>) {
        let Some((revision, range, text)) = before else { return };
        let Some(s) = self.project.as_mut().and_then(|p| p.session.as_mut()) else { return };
        let same = |(a, z): (usize, usize)| s.doc.cleaned().get(a..z) == Some(text.as_str());
        if s.doc.revision() != revision && s.selection() == Some(range) && !same(range) {
            s.anchor = None;
        }
    }

    /// Whether background work is running that the UI should watch.
    fn busy(&self) -> bool {
        self.opening.is_some()
            || self.pending_pick.is_some()
            || self.project.as_ref().is_some_and(|p| p.scan.is_some())
            || self.rule_offers.busy()
            || self.export.is_busy()
            || self.project.as_ref().is_some_and(|p| p.corpus.is_running())
    }

    /// Starts opening paths in the background (the window keeps drawing).
    pub fn open_paths(&mut self, paths: Vec<PathBuf>) {
        if let Some(job) = &self.opening {
            job.cancel();
        }
        let title = format!("Opening {}", describe_paths(&paths));
        let job = Job::spawn(title, self.waker(), move |w: &Worker<Opened>| {
            let opened = Workspace::open(&paths);
            if !w.cancelled() {
                w.send(opened);
            }
        });
        match job {
            Ok(job) => self.opening = Some(job),
            Err(e) => self.messages.problem(format!("cannot start opening: {e}")),
        }
    }

    /// Takes the results of background work: opening, scanning, dialogs and saves.
    fn poll_background(&mut self) {
        if let Some(job) = &mut self.opening {
            let results = job.poll();
            let finished = job.is_finished();
            for opened in results {
                match opened {
                    Ok(ws) => self.install(ws),
                    Err(e) => self.messages.problem(e),
                }
            }
            if finished {
                self.opening = None;
            }
        }
        if let Some(pick) = &self.pending_pick
            && let Some(answer) = pick.poll()
        {
            self.pending_pick = None;
            if let Some(paths) = answer.filter(|p| !p.is_empty()) {
                self.open_paths(paths);
            }
        }
        self.poll_scan();
        self.poll_rule_offers();
        self.poll_export();
        self.poll_corpus();
        self.poll_saves();
    }

    /// Makes an opened workspace the project, remembers it, scans it and opens its first document.
    pub(super) fn install(&mut self, mut ws: Workspace) {
        for problem in ws.problems.drain(..) {
            self.messages.problem(format!(
                "{problem} (user rules not applied until the file is fixed and the project reopened)"
            ));
        }
        if ws.is_empty() {
            self.messages.problem(format!("{}: no documents found (.txt, .jsonl or .json)", describe_paths(&ws.paths)));
            return;
        }
        self.flush_saves();
        self.recent.push(&ws.paths);
        if let Some(file) = &self.recent_file
            && let Err(e) = self.recent.save(file)
        {
            self.messages.problem(e);
        }
        let ws = Arc::new(ws);
        let scan = start_scan(&ws, self.waker()).map_err(|e| self.messages.problem(e)).ok();
        self.project = Some(Project {
            summaries: vec![None; ws.len()],
            ws,
            scan,
            filter: None,
            session: None,
            save_state: SaveState::Unchanged,
            encodings: HashMap::new(),
            unreadable: HashMap::new(),
            corpus: CorpusSuggestions::default(),
            undo_logs: UndoLogs::default(),
            other_versions: Vec::new(),
        });
        (0..self.project.as_ref().map_or(0, |p| p.ws.len())).find(|&i| self.open_document(i));
    }

    /// Takes the summaries the scan found.
    fn poll_scan(&mut self) {
        let Some(project) = &mut self.project else { return };
        let Some(scan) = &mut project.scan else { return };
        let found = scan.poll();
        if scan.is_finished() {
            project.scan = None;
        }
        for (i, summary) in found {
            match summary {
                Ok(s) => {
                    if let Some(project) = &mut self.project
                        && project.session.as_ref().is_none_or(|s| s.index != i)
                        && let Some(slot) = project.summaries.get_mut(i)
                    {
                        *slot = Some(s);
                    }
                }
                Err(e) => self.open_problem(i, e),
            }
        }
    }

    /// Opens document `index` of the project (its saved annotation when there is one); returns
    /// whether it opened (a problem is shown in the message area).
    pub fn open_document(&mut self, index: usize) -> bool {
        self.flush_saves();
        let Some(project) = &mut self.project else { return false };
        if let Some(leaving) = &project.session {
            project.corpus.learn(&leaving.doc);
        }
        let encoding = project.encodings.get(&index).copied().unwrap_or(project.ws.encoding);
        match project.ws.prepare_with(index, encoding) {
            Ok(mut prepared) => {
                let history = take_back_log(project, index, &mut prepared.doc, &mut self.messages);
                if let Err(e) = project.corpus.enrich(&project.ws, &mut prepared) {
                    self.messages.problem(Error::from(e).in_doc(&prepared.doc.id));
                }
                let mut session = Session::new(index, prepared);
                session.history = history;
                project.unreadable.remove(&index);
                if let Some(slot) = project.summaries.get_mut(index) {
                    *slot = Some(Summary::of(&session.doc));
                }
                let (dir, id) = (session.save_dir.clone(), session.doc.id.clone());
                project.other_versions = crate::storage::other_versions(&dir, &id);
                project.session = Some(session);
                project.save_state = SaveState::Unchanged;
                self.views = Views::default();
                self.entity_list.forget_rows();
                self.watch(&dir, &id);
                true
            }
            Err(e) => {
                self.open_problem(index, e);
                false
            }
        }
    }

    /// After an action changed the document: queue the autosave and refresh its summary.
    pub(super) fn changed(&mut self) {
        self.save_current();
        let Some(project) = &mut self.project else { return };
        let Some(session) = &project.session else { return };
        if let Some(slot) = project.summaries.get_mut(session.index) {
            *slot = Some(Summary::of(&session.doc));
        }
    }

    /// Asks the window to close (unsaved work is asked about first; the app flushes on exit too).
    pub(super) fn request_close(&self) {
        if let Some(ctx) = self.ctx.get() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// Opens the file dialog on a worker thread.
    pub(super) fn pick(&mut self, kind: PickKind) {
        if self.pending_pick.is_some() {
            return;
        }
        match PendingPick::start(&self.picker, kind, self.waker()) {
            Ok(p) => self.pending_pick = Some(p),
            Err(e) => self.messages.problem(format!("cannot open the file dialog: {e}")),
        }
    }

    /// Opens files dropped on the window.
    fn take_dropped_files(&mut self, ui: &egui::Ui) {
        let dropped: Vec<PathBuf> = ui.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).collect());
        if !dropped.is_empty() {
            self.open_paths(dropped);
        }
    }
}

/// Starts the background scan that fills in the document list (status and pending count of each).
fn start_scan(ws: &Arc<Workspace>, wake: impl Fn() + Send + 'static) -> Result<Job<(usize, Result<Summary>)>> {
    let ws = ws.clone();
    Job::spawn("Reading the document list", wake, move |w| {
        w.set_total(ws.len());
        for i in 0..ws.len() {
            if w.cancelled() {
                return;
            }
            w.send((i, ws.prepare(i).map(|p| Summary::of(&p.doc))));
            w.step();
        }
    })
    .map_err(|e| Error::msg(format!("cannot start reading the document list: {e}")))
}

/// Keeps the undo log of the document being left and gives back the log of document `index`, read
/// again as `fresh`: with it, `fresh` becomes the copy the log was made on (the ids its steps name).
/// A log that no longer fits the document is dropped with a notice.
fn take_back_log(project: &mut Project, index: usize, fresh: &mut Document, messages: &mut Messages) -> History {
    if let Some(leaving) = project.session.take() {
        project.undo_logs.park(leaving.index, leaving.doc, leaving.history);
    }
    match project.undo_logs.resume(index, fresh) {
        Resumed::Log(doc, history) => {
            *fresh = *doc;
            history
        }
        Resumed::Dropped => {
            messages.notice(format!(
                "{}: changed since you left it; its earlier actions can no longer be undone",
                fresh.id
            ));
            History::default()
        }
        Resumed::Nothing => History::default(),
    }
}

/// A short description of paths for titles and messages.
pub fn describe_paths(paths: &[PathBuf]) -> String {
    match paths {
        [one] => one.display().to_string(),
        [first, rest @ ..] => format!("{} and {} more", first.display(), rest.len()),
        [] => "nothing".into(),
    }
}

impl Drop for Workbench {
    fn drop(&mut self) {
        self.flush_saves();
    }
}
