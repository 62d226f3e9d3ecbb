//! Quitting without losing work: Ctrl+Q and the window's close button first write what is pending;
//! if a document is still not on disk (its save failed, or its file changed on disk since it was
//! opened) the window stays open and a non-blocking question offers Resolve first / Retry and quit /
//! Save elsewhere and quit / Quit anyway.

use std::path::Path;

use eframe::egui;

use super::app::Workbench;
use super::picker::{PendingPick, PickKind};
use crate::storage::{self, SaveState};

/// The question shown when quitting would lose work.
pub struct QuitPrompt {
    /// One line per document not on disk: its id and why.
    pub unsaved: Vec<String>,
    /// The folder dialog of "Save elsewhere and quit", while it is open.
    pick: Option<PendingPick>,
}

impl Workbench {
    /// Ctrl+Q: quits unless that would lose work, in which case the question is shown.
    pub(super) fn quit(&mut self) {
        if self.ask_before_quitting() {
            return;
        }
        self.request_close();
    }

    /// Cancels a close request (window button, or a close sent by [`Workbench::quit`]) while work
    /// would be lost, and shows the question instead.
    pub(super) fn guard_close(&mut self, ui: &egui::Ui) {
        if ui.input(|i| i.viewport().close_requested()) && !self.quit_anyway && self.ask_before_quitting() {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
    }

    /// Writes what is pending; returns whether some work is still not on disk (the question is shown).
    fn ask_before_quitting(&mut self) -> bool {
        self.flush_saves();
        let unsaved = self.describe_unsaved();
        if unsaved.is_empty() {
            self.quit_prompt = None;
            return false;
        }
        let pick = self.quit_prompt.take().and_then(|p| p.pick);
        self.quit_prompt = Some(QuitPrompt { unsaved, pick });
        true
    }

    /// One line per document whose work is not on disk: its id and why.
    fn describe_unsaved(&self) -> Vec<String> {
        let Some(saver) = &self.saver else { return Vec::new() };
        saver
            .unsaved()
            .into_iter()
            .map(|id| match saver.state(&id) {
                SaveState::Failed(e) => format!("{id}: not saved — {e}"),
                SaveState::Conflict => {
                    format!("{id}: {} changed on disk since it was opened", saver.path_of(&id).display())
                }
                SaveState::Pending | SaveState::Saved => format!("{id}: still being written"),
            })
            .collect()
    }

    /// Closes the window whatever is unsaved.
    fn quit_anyway(&mut self) {
        self.quit_anyway = true;
        self.quit_prompt = None;
        self.request_close();
    }

    /// Draws the question while it is open and acts on its buttons.
    pub(super) fn quit_dialog(&mut self, ui: &egui::Ui) {
        self.poll_save_elsewhere();
        let Some(prompt) = &self.quit_prompt else { return };
        let mut choice = None;
        let window = egui::Window::new("Quit Redline?").collapsible(false).resizable(false).default_width(520.0);
        window.anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0]).show(ui.ctx(), |ui| {
            ui.label("This work is not on disk yet and would be lost:");
            for line in &prompt.unsaved {
                ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {line}"));
            }
            ui.horizontal_wrapped(|ui| choice = quit_buttons(ui, prompt.pick.is_some()));
        });
        match choice {
            Some(QuitChoice::Resolve) => self.quit_prompt = None,
            Some(QuitChoice::Retry) => self.retry_and_quit(),
            Some(QuitChoice::SaveElsewhere) => self.pick_save_elsewhere(),
            Some(QuitChoice::QuitAnyway) => self.quit_anyway(),
            None => {}
        }
    }

    /// Tries the failed saves again and quits if everything is on disk now.
    fn retry_and_quit(&mut self) {
        if let Some(saver) = &self.saver {
            saver.retry();
        }
        if !self.ask_before_quitting() {
            self.request_close();
        }
    }

    /// Opens the folder dialog for "Save elsewhere and quit".
    fn pick_save_elsewhere(&mut self) {
        match PendingPick::start(&self.picker, PickKind::Folder, self.waker()) {
            Ok(pick) => {
                if let Some(prompt) = &mut self.quit_prompt {
                    prompt.pick = Some(pick);
                }
            }
            Err(e) => self.messages.problem(format!("cannot open the folder dialog: {e}")),
        }
    }

    /// Takes the folder chosen for "Save elsewhere and quit", saves there and quits.
    fn poll_save_elsewhere(&mut self) {
        let Some(prompt) = &mut self.quit_prompt else { return };
        let Some(answer) = prompt.pick.as_ref().and_then(PendingPick::poll) else { return };
        prompt.pick = None;
        let Some(folder) = answer.and_then(|paths| paths.into_iter().next()) else { return };
        if self.save_unsaved_to(&folder) {
            self.quit_anyway();
        }
    }

    /// Saves every document not on disk into `folder`; returns whether all were written.
    fn save_unsaved_to(&mut self, folder: &Path) -> bool {
        let docs = self.saver.as_ref().map(storage::Autosaver::unsaved_documents).unwrap_or_default();
        let mut all = true;
        for doc in &docs {
            match storage::save_document(folder, doc) {
                Ok(path) => self.messages.notice(format!("{}: saved", path.display())),
                Err(e) => {
                    self.messages.problem(e);
                    all = false;
                }
            }
        }
        all
    }
}

/// A button of the quit question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QuitChoice {
    Resolve,
    Retry,
    SaveElsewhere,
    QuitAnyway,
}

/// Draws the buttons of the quit question; returns the one pressed.
fn quit_buttons(ui: &mut egui::Ui, picking: bool) -> Option<QuitChoice> {
    let buttons = [
        (
            QuitChoice::Resolve,
            "Resolve first",
            "Keep working: the message area offers Reload / Keep both / Overwrite and Retry",
        ),
        (
            QuitChoice::Retry,
            "Retry and quit",
            "Write the unsaved work again (after freeing space or fixing permissions)",
        ),
        (QuitChoice::SaveElsewhere, "Save elsewhere and quit…", "Choose a folder to save the unsaved documents in"),
        (QuitChoice::QuitAnyway, "Quit anyway", "Close Redline and lose the work listed above"),
    ];
    let mut pressed = None;
    for (choice, label, hover) in buttons {
        let enabled = !(picking && choice == QuitChoice::SaveElsewhere);
        if ui.add_enabled(enabled, egui::Button::new(label)).on_hover_text(hover).clicked() {
            pressed = Some(choice);
        }
    }
    pressed
}
