//! The workbench window (the only module that uses egui/eframe): the original beside the cleaned
//! text, suggestions to accept or reject, hand edits, entity tagging, autosave.

mod actions;
mod app;
mod blocks;
mod jobs;
mod keys;
mod layout;
mod messages;
mod palette;
mod picker;
mod render;
mod text_view;
mod views;

use std::path::PathBuf;
use std::sync::Arc;

pub use app::{Options, Project, SaveState, ViewMode, Workbench};
pub use keys::Action;
pub use picker::{FilePicker, NativePicker, PickKind};

use eframe::egui;

impl eframe::App for Workbench {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        Workbench::ui(self, ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.flush_saves();
    }
}

/// Opens the workbench on the given paths (none: the start screen) and runs until the window closes.
/// `REDLINE_THEME=light` or `dark` overrides the system theme (the toolbar switches it too).
pub fn run(paths: &[PathBuf]) -> crate::Result<()> {
    for path in paths {
        std::fs::metadata(path).map_err(|e| crate::Error::io(path, &e))?;
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Redline")
            .with_app_id("redline")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([480.0, 320.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let app_options =
        Options { picker: Arc::new(NativePicker), recent_file: crate::recent::RecentList::default_path() };
    let paths = paths.to_vec();
    eframe::run_native(
        "Redline",
        options,
        Box::new(move |cc| {
            match std::env::var("REDLINE_THEME").as_deref() {
                Ok("light") => cc.egui_ctx.set_theme(egui::Theme::Light),
                Ok("dark") => cc.egui_ctx.set_theme(egui::Theme::Dark),
                _ => {}
            }
            Ok(Box::new(Workbench::new(app_options, &paths)) as Box<dyn eframe::App>)
        }),
    )
    .map_err(|e| crate::Error::msg(format!("cannot open the window: {e}")))
}
