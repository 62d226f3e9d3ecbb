//! The panels around the main area: toolbar, document list, suggestions list, status bar, message
//! area, progress of background work, the start screen and the shortcuts overlay.

use std::ops::Range;

use eframe::egui;

use super::app::{Project, SaveState, ViewMode, Workbench, describe_paths};
use super::keys::{Action, HELP};
use crate::model::{DocStatus, EditStatus, EntityStatus};
use crate::session::{Focus, Session};

impl Project {
    /// The documents the list shows under its filter, in order.
    pub fn visible_documents(&self) -> Vec<usize> {
        (0..self.summaries.len())
            .filter(|&i| match (self.filter, &self.summaries[i]) {
                (None, _) => true,
                (Some(f), Some(s)) => s.status == f,
                (Some(f), None) => f == DocStatus::Todo,
            })
            .collect()
    }

    /// How many documents are done.
    pub fn done_count(&self) -> usize {
        self.summaries.iter().flatten().filter(|s| s.status == DocStatus::Done).count()
    }
}

/// The undecided cleaning suggestions of `doc`, its cleaning suggestions, and its undecided entity
/// suggestions (the document list counts both kinds, so the suggestions panel names both).
pub(super) fn undecided_counts(doc: &crate::model::Document) -> (usize, usize, usize) {
    let pending = doc.edits().iter().filter(|e| e.status == EditStatus::Pending).count();
    let entities = doc.entities().iter().filter(|e| e.status == EntityStatus::Pending).count();
    (pending, doc.edits().len(), entities)
}

/// The default and the largest width of the document list and of the suggestions panel in a window
/// `width` points wide: in proportion to the window, so that at 1024 points the two text views keep
/// more than half of it (and side by side); the person can drag either edge, and egui remembers it.
fn side_panel_sizes(width: f32) -> ((f32, f32), (f32, f32)) {
    let documents = (width * 0.16).clamp(140.0, 240.0);
    let suggestions = (width * 0.22).clamp(200.0, 340.0);
    ((documents, (width * 0.35).max(documents)), (suggestions, (width * 0.45).max(suggestions)))
}

/// Makes a side panel's contents as wide as the panel: egui remembers a panel's width from what its
/// contents used, so a frame with little in it (no document open yet) would otherwise shrink the panel
/// for good and leave the next document's rows cut to a few letters.
fn fill_width(ui: &mut egui::Ui) {
    ui.set_min_width(ui.available_width());
}

/// The icon of a document status (always shown with its name in the tooltip).
pub(super) fn status_icon(status: Option<DocStatus>) -> &'static str {
    match status {
        None => "…",
        Some(DocStatus::Todo) => "○",
        Some(DocStatus::InProgress) => "½",
        Some(DocStatus::Done) => "✔",
        Some(DocStatus::Skipped) => "–",
    }
}

impl Workbench {
    /// Lays out every panel of the window.
    pub(super) fn layout(&mut self, ui: &mut egui::Ui) {
        egui::Panel::top("toolbar").show(ui, |ui| self.toolbar(ui));
        if egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui)).inner {
            self.changed();
        }
        if !self.messages.is_empty()
            && let Some((offer, answer)) = egui::Panel::bottom("messages").show(ui, |ui| self.messages.ui(ui)).inner
        {
            self.answer(offer, answer);
        }
        if self.opening.is_some()
            || self.project.as_ref().is_some_and(|p| p.scan.is_some())
            || self.export.is_running()
            || self.project.as_ref().is_some_and(|p| p.corpus.is_running())
        {
            egui::Panel::bottom("progress").show(ui, |ui| self.progress(ui));
        }
        if self.project.is_some() {
            let (documents, suggestions) = side_panel_sizes(ui.available_width());
            egui::Panel::left("documents").resizable(true).default_size(documents.0).max_size(documents.1).show(
                ui,
                |ui| {
                    fill_width(ui);
                    self.document_list(ui);
                },
            );
            let right = egui::Panel::right("suggestions").resizable(true).default_size(suggestions.0);
            right.max_size(suggestions.1).show(ui, |ui| {
                fill_width(ui);
                self.rule_offer_panel(ui);
                self.suggestions(ui);
            });
            egui::CentralPanel::default().show(ui, |ui| self.main_area(ui));
        } else {
            egui::CentralPanel::default().show(ui, |ui| self.start_screen(ui));
        }
        if self.export.open {
            self.export_window(ui);
        }
        if self.help {
            self.help_overlay(ui);
        }
    }

    /// Open buttons, undo/redo, view switch, help.
    fn toolbar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal_wrapped(|ui| {
            ui.strong("Redline");
            ui.separator();
            if ui.button("Open files…").on_hover_text("Ctrl+O — or drop files on the window").clicked() {
                self.run(Action::OpenFiles);
            }
            if ui.button("Open folder…").on_hover_text("Ctrl+Shift+O").clicked() {
                self.run(Action::OpenFolder);
            }
            ui.separator();
            let session = self.project.as_ref().and_then(|p| p.session.as_ref());
            let undo = session.and_then(|s| s.history.undo_label());
            let can_redo = session.is_some_and(|s| s.history.can_redo());
            let has_document = session.is_some();
            let hint = undo.as_ref().map_or("Nothing to undo".to_string(), |u| format!("Undo {u} (Ctrl+Z)"));
            if ui.add_enabled(undo.is_some(), egui::Button::new("Undo")).on_hover_text(hint).clicked() {
                self.run(Action::Undo);
            }
            if ui.add_enabled(can_redo, egui::Button::new("Redo")).on_hover_text("Ctrl+Shift+Z").clicked() {
                self.run(Action::Redo);
            }
            if ui
                .add_enabled(has_document, egui::Button::new("Done ▶ next"))
                .on_hover_text("Ctrl+Enter: mark done, open the next document not yet done")
                .clicked()
            {
                self.run(Action::DoneNext);
            }
            ui.separator();
            for (mode, name) in
                [(ViewMode::SideBySide, "Side by side"), (ViewMode::Unified, "Unified"), (ViewMode::Cleaned, "Cleaned")]
            {
                ui.selectable_value(&mut self.view_mode, mode, name).on_hover_text("V cycles the views");
            }
            ui.separator();
            if ui
                .add_enabled(self.project.is_some(), egui::Button::new("Export…"))
                .on_hover_text(
                    "Ctrl+E: write the documents for spaCy, doccano, Label Studio, brat, CoNLL or as cleaning pairs",
                )
                .clicked()
            {
                self.run(Action::Export);
            }
            if ui
                .add_enabled(self.project.is_some(), egui::Button::new("Suggest for all documents"))
                .on_hover_text(
                    "Ctrl+Shift+S: propose in every document the lines that recur across documents and the \
                     texts you tagged; the list then shows each document's undecided count",
                )
                .clicked()
            {
                self.run(Action::SuggestCorpus);
            }
            if ui.button("Find").on_hover_text("Ctrl+F").clicked() {
                self.run(Action::Find);
            }
            if ui.button("Help").on_hover_text("F1 or ?").clicked() {
                self.run(Action::Help);
            }
            let dark = ui.visuals().dark_mode;
            let (name, theme) =
                if dark { ("Light theme", egui::Theme::Light) } else { ("Dark theme", egui::Theme::Dark) };
            if ui.button(name).on_hover_text("Switch the colours; label colours stay legible in both").clicked() {
                ui.ctx().set_theme(theme);
            }
        });
    }

    /// Saved state, document status, annotator and save folder; returns whether to retry a failed save.
    fn status_bar(&self, ui: &mut egui::Ui) -> bool {
        let mut retry = false;
        ui.horizontal_wrapped(|ui| {
            let Some(project) = &self.project else {
                ui.label("No project open — F1 for shortcuts");
                return;
            };
            ui.label(format!("Annotator: {}", project.ws.config.annotator));
            ui.separator();
            if let Some(s) = &project.session {
                ui.label(format!("Document: {} ({})", s.doc.id, s.doc.status.as_str()));
                ui.separator();
                if !project.other_versions.is_empty() {
                    let names = project.other_versions.join(", ");
                    let hint = format!(
                        "Their versions are in annotations/<name>/ and stay theirs; yours is saved to {} \
                         (compare them with redline review)",
                        s.save_dir.display()
                    );
                    ui.label(format!("Also annotated by: {names}")).on_hover_text(hint);
                    ui.separator();
                }
                let saved = match &project.save_state {
                    SaveState::Unchanged if s.resumed => "Resumed from saved annotation".to_string(),
                    SaveState::Unchanged => "No changes yet".to_string(),
                    SaveState::Queued => "Saving…".to_string(),
                    SaveState::Saved(path) => format!("Saved {}", path.display()),
                    SaveState::Failed => "NOT SAVED — see the message; kept in memory".to_string(),
                    SaveState::Conflict => "NOT SAVED — the file changed on disk; see the message".to_string(),
                };
                ui.label(saved);
                if project.save_state == SaveState::Failed {
                    retry = ui.button("Retry saving").on_hover_text("Write the document again").clicked();
                }
                ui.separator();
                ui.label(format!("Save folder: {}", s.save_dir.display()));
            }
        });
        retry
    }

    /// Progress of background work, with Cancel.
    fn progress(&mut self, ui: &mut egui::Ui) {
        if let Some(job) = &self.opening {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(&job.title);
                if ui.button("Cancel opening").clicked() {
                    job.cancel();
                }
            });
        }
        if let Some(scan) = self.project.as_ref().and_then(|p| p.scan.as_ref()) {
            let (done, total) = scan.progress();
            ui.horizontal(|ui| {
                let fraction = if total == 0 { 0.0 } else { done as f32 / total as f32 };
                ui.add(egui::ProgressBar::new(fraction).desired_width(240.0).text(format!("{done} / {total}")));
                ui.label(&scan.title);
                if ui.button("Stop reading").on_hover_text("The list keeps what was read so far").clicked() {
                    scan.cancel();
                }
            });
        }
        self.export_progress(ui);
        self.corpus_progress(ui);
    }

    /// The document list: filter, progress, and one row per document (only visible rows are built).
    fn document_list(&mut self, ui: &mut egui::Ui) {
        let Some(project) = &mut self.project else { return };
        let total = project.summaries.len();
        ui.heading("Documents");
        ui.label(format!("{} / {} done", project.done_count(), total));
        ui.horizontal_wrapped(|ui| {
            ui.selectable_value(&mut project.filter, None, "All");
            for status in DocStatus::ALL {
                ui.selectable_value(&mut project.filter, Some(status), status.as_str());
            }
        });
        ui.separator();
        let shown = project.visible_documents();
        let current = project.session.as_ref().map(|s| s.index);
        let mut open = None;
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
        egui::ScrollArea::vertical().id_salt("document-list").auto_shrink(false).show_rows(
            ui,
            row_height,
            shown.len(),
            |ui, rows| {
                for &i in &shown[rows] {
                    let summary = project.summaries[i].as_ref();
                    let name = summary.map_or_else(|| project.ws.collection.entries[i].name.clone(), |s| s.id.clone());
                    let pending = summary.map_or(String::new(), |s| format!(" · {} pending", s.pending));
                    let problem = project.unreadable.get(&i).filter(|_| summary.is_none());
                    let icon = if problem.is_some() { "⚠" } else { status_icon(summary.map(|s| s.status)) };
                    let text = format!("{icon} {name}{pending}");
                    let status = match (summary, problem) {
                        (Some(s), _) => s.status.as_str().to_string(),
                        (None, Some(problem)) => format!("could not be read: {problem}"),
                        (None, None) => "not read yet".to_string(),
                    };
                    if ui.selectable_label(current == Some(i), text).on_hover_text(status).clicked() {
                        open = Some(i);
                    }
                }
            },
        );
        if let Some(i) = open {
            self.open_document(i);
        }
    }

    /// The suggestions panel: the cleaning suggestions (state, rule and reason, per-rule and global
    /// decisions), then the entity suggestions grouped by label; the two lists share the height.
    fn suggestions(&mut self, ui: &mut egui::Ui) {
        let Some(project) = self.project.as_mut() else { return };
        let Some(session) = project.session.as_mut() else { return };
        self.entity_list.refresh(session, &project.ws.config.labels);
        ui.heading("Suggestions");
        let mut action = cleaning_controls(ui, session);
        ui.separator();
        let listed = self.entity_list.len();
        let cleaning_height = if listed == 0 {
            ui.available_height()
        } else {
            let rows = session.doc.edits().len() as f32 * (cleaning_row_height(ui) + ui.spacing().item_spacing.y);
            // The entity section's counts and buttons take about three rows.
            let space = ui.available_height() - 3.0 * (ui.spacing().interact_size.y + ui.spacing().item_spacing.y);
            share_height(space, rows, self.entity_list.content_height(ui))
        };
        let mut decide = cleaning_list(ui, session, cleaning_height);
        if listed > 0 {
            ui.separator();
            action = action.or(entity_controls(ui, self.entity_list.pending(), listed));
            let height = ui.available_height();
            decide = decide.or(self.entity_list.show(ui, session, height));
        }
        if let Some((focus, act)) = decide {
            session.focus = Some(focus);
            if let Focus::Entity(id) = focus
                && let Some(e) = session.doc.entity(id)
            {
                // As J/K do: the caret goes to the entity, so the cleaned view shows it.
                session.caret = e.end;
                session.anchor = None;
            }
            if act != Action::NextItem {
                action = Some(act);
            } else {
                self.views.reveal(session);
            }
        }
        if let Some(act) = action {
            self.run(act);
        }
    }

    /// The start screen: open buttons and the recent projects.
    fn start_screen(&mut self, ui: &mut egui::Ui) {
        ui.heading("Redline — raw articles in, gold-standard data out");
        ui.label("Open articles (.txt), a folder or project, a JSONL corpus, or annotated JSON.");
        ui.label("You can also drop files or folders on this window.");
        ui.horizontal(|ui| {
            if ui.button("Choose files…").on_hover_text("Articles, a JSONL corpus or annotated JSON").clicked() {
                self.run(Action::OpenFiles);
            }
            if ui.button("Choose a folder…").on_hover_text("A folder of articles or a project").clicked() {
                self.run(Action::OpenFolder);
            }
        });
        self.typed_path_row(ui);
        ui.separator();
        ui.strong("Recent");
        if self.recent.entries.is_empty() {
            ui.weak("Nothing opened yet.");
        }
        let mut open = None;
        for paths in &self.recent.entries {
            if ui.link(describe_paths(paths)).on_hover_text("Open again").clicked() {
                open = Some(paths.clone());
            }
        }
        if let Some(paths) = open {
            self.open_paths(paths);
        }
    }

    /// A field for a file or folder path and its Open button (Enter opens too).
    fn typed_path_row(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let label = ui.label("Or type a path:");
            let field = egui::TextEdit::singleline(&mut self.typed_path)
                .hint_text("articles/, corpus.jsonl or a project folder")
                .desired_width(420.0);
            let field = ui.add(field).labelled_by(label.id).on_hover_text("A file or folder, as on the command line");
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let clicked = ui.button("Open path").on_hover_text("Open the file or folder typed here").clicked();
            let typed = self.typed_path.trim();
            if (entered || clicked) && !typed.is_empty() {
                let path = std::path::PathBuf::from(typed);
                self.open_paths(vec![path]);
            }
        });
    }

    /// The shortcuts overlay: no larger than the window (at 1024 × 768 it used to run past the bottom
    /// edge), its table scrolling inside it and each description wrapping to the width left.
    fn help_overlay(&mut self, ui: &egui::Ui) {
        let mut open = self.help;
        let screen = ui.ctx().content_rect();
        let max = egui::vec2((screen.width() - 32.0).max(200.0), (screen.height() - 48.0).max(120.0));
        let width = max.x.min(760.0);
        egui::Window::new("Keyboard shortcuts")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .fixed_size([width, max.y])
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ui.ctx(), |ui| {
                ui.label("Every action is saved within a second and can be undone.");
                ui.separator();
                let scroll = egui::ScrollArea::vertical().id_salt("shortcuts-scroll").auto_shrink([false, true]);
                scroll.max_height(ui.available_height()).show(ui, |ui| shortcut_table(ui, width));
            });
        self.help = open && self.help;
    }
}

/// The table of shortcuts in `width` points: keys in one column, what they do wrapped in the other.
fn shortcut_table(ui: &mut egui::Ui, width: f32) {
    let keys_width = (width * 0.4).min(290.0);
    let what_width = (width - keys_width - 4.0 * ui.spacing().item_spacing.x).max(120.0);
    egui::Grid::new("shortcuts").striped(true).min_col_width(keys_width).show(ui, |ui| {
        for (keys, what) in HELP {
            ui.add(egui::Label::new(egui::RichText::new(*keys).monospace()).wrap());
            ui.vertical(|ui| {
                ui.set_max_width(what_width);
                ui.add(egui::Label::new(*what).wrap());
            });
            ui.end_row();
        }
    });
}

/// The height of one row of the cleaning list: a title line with its buttons, and the reason.
fn cleaning_row_height(ui: &egui::Ui) -> f32 {
    ui.text_style_height(&egui::TextStyle::Body) * 2.0 + 10.0
}

/// How much of `space` the cleaning list gets when the entity list is below it: each list as much as
/// it needs when both fit, else the smaller one what it needs (up to half) and the other the rest.
fn share_height(space: f32, cleaning: f32, entities: f32) -> f32 {
    let half = space / 2.0;
    let height = if cleaning + entities <= space || cleaning <= half {
        cleaning
    } else if entities <= half {
        space - entities
    } else {
        half
    };
    height.max(0.0)
}

/// The counts and the Accept all / Reject all / rule buttons of the cleaning suggestions.
fn cleaning_controls(ui: &mut egui::Ui, session: &Session) -> Option<Action> {
    let edits = session.doc.edits();
    let pending = edits.iter().filter(|e| e.status == EditStatus::Pending).count();
    ui.label(format!("Cleaning: {pending} of {} undecided", edits.len()));
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Accept all")
            .on_hover_text(
                "Ctrl+Shift+A: accept every undecided cleaning suggestion (entity suggestions: Accept entities)",
            )
            .clicked()
        {
            action = Some(Action::AcceptAll);
        }
        if ui.button("Reject all").on_hover_text("Ctrl+Shift+R: reject every undecided cleaning suggestion").clicked() {
            action = Some(Action::RejectAll);
        }
    });
    if !edits.is_empty() {
        action = action.or(rule_controls(ui, session));
    }
    action
}

/// The focused cleaning suggestion's rule with Accept rule / Reject rule: always the same two rows,
/// disabled while no cleaning suggestion has the focus, so the lists below stay put as J/K move it.
fn rule_controls(ui: &mut egui::Ui, session: &Session) -> Option<Action> {
    let focused_rule = match session.focus {
        Some(Focus::Edit(id)) => session.doc.edit(id).map(|e| e.origin.clone()),
        _ => None,
    };
    let name = focused_rule.as_ref().map_or_else(|| "Rule: none focused".into(), |r| format!("Rule {r}:"));
    ui.add(egui::Label::new(name).truncate());
    let mut action = None;
    ui.horizontal(|ui| {
        let enabled = focused_rule.is_some();
        let accept = ui.add_enabled(enabled, egui::Button::new("Accept rule"));
        if accept.on_hover_text("Shift+A: accept every suggestion of the focused suggestion's rule").clicked() {
            action = Some(Action::AcceptRule);
        }
        let reject = ui.add_enabled(enabled, egui::Button::new("Reject rule"));
        if reject.on_hover_text("Shift+R: reject every suggestion of the focused suggestion's rule").clicked() {
            action = Some(Action::RejectRule);
        }
    });
    action
}

/// The cleaning suggestions in `height` points (only the visible rows are built); returns what a
/// click asked for: focus a suggestion (`NextItem`: only show it) or decide it.
fn cleaning_list(ui: &mut egui::Ui, session: &Session, height: f32) -> Option<(Focus, Action)> {
    let mut decide: Option<(Focus, Action)> = None;
    let row_height = cleaning_row_height(ui);
    // Borrowed, not cloned: only the visible rows are read (a copy of 5,000 edits cost a third of a frame).
    let edits = session.doc.edits();
    let mut area = egui::ScrollArea::vertical().id_salt("suggestion-list").auto_shrink(false).max_height(height);
    let follow = ui.scope_id().with("suggestion-list-follow");
    let (shown_focus, visible) = ui.data(|d| d.get_temp::<(Option<Focus>, Range<usize>)>(follow)).unwrap_or_default();
    if let Some(y) =
        scroll_to_focus(edits, session.focus, shown_focus, &visible, row_height + ui.spacing().item_spacing.y)
    {
        area = area.vertical_scroll_offset((y - height / 3.0).max(0.0));
    }
    let out = area.show_rows(ui, row_height, edits.len(), |ui, rows| {
        for (n, e) in edits[rows.clone()].iter().enumerate() {
            let number = rows.start + n + 1;
            let focused = session.focus == Some(Focus::Edit(e.id));
            // ✔ and ✖ first, the title shortened to what is left: a row wider than the panel would
            // widen the panel and squeeze the text views.
            let size = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
            ui.allocate_ui_with_layout(size, egui::Layout::left_to_right(egui::Align::Center), |ui| {
                let item = Focus::Edit(e.id);
                if decision_button(ui, true, format!("Accept {number}")) {
                    decide = Some((item, Action::Accept));
                }
                if decision_button(ui, false, format!("Reject {number}")) {
                    decide = Some((item, Action::Reject));
                }
                if edit_title(ui, e, number, focused) {
                    decide = Some((item, Action::NextItem));
                }
            });
            // One line, elided to the panel's width: a wrapped reason broke the rows' fixed height.
            let reason = egui::RichText::new(format!("    {}", e.reason)).weak();
            ui.add(egui::Label::new(reason).truncate()).on_hover_text(&e.reason);
        }
        rows
    });
    ui.data_mut(|d| d.insert_temp(follow, (session.focus, out.inner)));
    decide
}

/// The rest of a cleaning row after its ✔ / ✖: the status word at the right edge, laid out first so
/// it always shows whole, and the number and rule in what is left (shortened there when the panel is
/// narrow); returns whether the title was clicked.
fn edit_title(ui: &mut egui::Ui, e: &crate::model::Edit, number: usize, focused: bool) -> bool {
    let mark = match e.status {
        EditStatus::Pending => "○",
        EditStatus::Accepted => "✔",
        EditStatus::Rejected => "✖",
    };
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        ui.add(egui::Label::new(egui::RichText::new(e.status.as_str()).weak()).selectable(false));
        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
            let title = format!("{mark} {number}. {}", e.origin);
            ui.add(egui::Button::selectable(focused, title).truncate()).on_hover_text(&e.reason).clicked()
        })
        .inner
    })
    .inner
}

/// Where the cleaning list must scroll (the top of the focused row, `step` points a row) when the
/// focus moved to an edit since the last frame (`shown`) and its row is not among the rows in sight
/// (`visible`, which holds one row past the bottom edge, and whose top row may be cut): J/K and A/R
/// move the focus in the text, and the list follows as the entity list does.
fn scroll_to_focus(
    edits: &[crate::model::Edit],
    focus: Option<Focus>,
    shown: Option<Focus>,
    visible: &Range<usize>,
    step: f32,
) -> Option<f32> {
    let Some(Focus::Edit(id)) = focus.filter(|f| Some(*f) != shown) else { return None };
    let row = edits.iter().position(|e| e.id == id)?;
    let in_sight = row > visible.start && row + 2 < visible.end;
    (!in_sight).then_some(row as f32 * step)
}

/// A small ✔ (`accept`) or ✖ button of a list row, named `name` for screen readers; returns whether
/// it was clicked.
pub(super) fn decision_button(ui: &mut egui::Ui, accept: bool, name: String) -> bool {
    let (icon, hint) = if accept { ("✔", "Accept (A)") } else { ("✖", "Reject (R)") };
    let button = ui.add(egui::Button::new(icon).small()).on_hover_text(hint);
    button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    button.clicked()
}

/// The entity suggestions' counts and the Accept entities / Reject entities buttons.
fn entity_controls(ui: &mut egui::Ui, undecided: usize, listed: usize) -> Option<Action> {
    ui.label(format!("Entities: {undecided} of {listed} undecided"))
        .on_hover_text("Suggested entities are drawn lighter and tagged LABEL? in the cleaned text; J/K and A/R too");
    let mut action = None;
    if undecided > 0 {
        ui.horizontal_wrapped(|ui| {
            let hover = "every entity suggestion still undecided, in one undoable step";
            if ui.button("Accept entities").on_hover_text(format!("Accept {hover}")).clicked() {
                action = Some(Action::AcceptAllEntities);
            }
            if ui.button("Reject entities").on_hover_text(format!("Reject {hover}")).clicked() {
                action = Some(Action::RejectAllEntities);
            }
        });
    }
    action
}
