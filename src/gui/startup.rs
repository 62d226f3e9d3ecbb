//! `redline --exit-after-first-frame`: measures start-up by closing the window after the first
//! frame that shows the opened document (or the start screen when nothing was opened).

use std::time::Instant;

use eframe::egui;

use super::Workbench;

/// The workbench, closed after its first frame with a document on screen.
pub struct FirstFrameExit {
    /// The real workbench.
    pub app: Workbench,
    /// When the process began opening the window.
    pub started: Instant,
    /// Whether to wait for a document (paths were given) rather than the start screen.
    pub wait_for_document: bool,
}

impl eframe::App for FirstFrameExit {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.app.ui(ui);
        let shown = !self.wait_for_document || self.app.project.as_ref().is_some_and(|p| p.session.is_some());
        if shown {
            eprintln!("redline: first frame after {:.0} ms", self.started.elapsed().as_secs_f64() * 1e3);
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            ui.ctx().request_repaint();
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.app.flush_saves();
    }
}
