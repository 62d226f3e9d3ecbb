//! `redline --exit-after-first-frame`: measures start-up by closing the window once the first frame
//! that shows the opened document (or the start screen when nothing was opened) has been painted.

use std::time::Instant;

use eframe::egui;

use super::Workbench;

/// The workbench, closed after its first painted frame with a document on screen.
pub struct FirstFrameExit {
    /// The real workbench.
    pub app: Workbench,
    /// When the process began opening the window.
    pub started: Instant,
    /// Whether to wait for a document (paths were given) rather than the start screen.
    pub wait_for_document: bool,
    /// Whether a frame showing the document has been drawn (it is painted before the next frame runs).
    pub shown: bool,
    /// Whether the time was printed (frames can still run while the window closes).
    pub reported: bool,
}

impl eframe::App for FirstFrameExit {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if self.shown {
            // eframe paints and swaps a frame before it runs the next one: the document is on screen.
            if !std::mem::replace(&mut self.reported, true) {
                eprintln!("redline: first frame after {:.0} ms", self.started.elapsed().as_secs_f64() * 1e3);
            }
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        self.app.ui(ui);
        self.shown = !self.wait_for_document || self.app.project.as_ref().is_some_and(|p| p.session.is_some());
        ui.ctx().request_repaint();
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.app.flush_saves();
    }
}
