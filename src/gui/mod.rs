//! The workbench window (the only module that uses egui/eframe): the original beside the cleaned
//! text, suggestions to accept or reject, hand edits, entity tagging, autosave.

mod actions;
mod app;
pub mod bench;
mod blocks;
mod corpus_jobs;
mod edge_drag;
mod encoding;
mod entity_list;
mod export;
mod jobs;
mod keys;
mod layout;
mod messages;
mod palette;
mod picker;
mod quitting;
mod render;
mod review;
mod rule_offer;
mod saving;
mod startup;
mod text_view;
mod views;

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use app::{Options, Project, SaveState, ViewMode, Workbench};
pub use keys::Action;
pub use messages::{Answer, Message, Messages, Offer};
pub use picker::{FilePicker, NativePicker, PickKind};
pub use review::ReviewDesk;

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
/// `exit_after_first_frame` closes the window after the first frame showing the document and prints
/// the time it took (start-up benchmark).
pub fn run(paths: &[PathBuf], exit_after_first_frame: bool) -> crate::Result<()> {
    let started = std::time::Instant::now();
    for path in paths {
        std::fs::metadata(path).map_err(|e| crate::Error::io(path, &e))?;
    }
    let app_options =
        Options { picker: Arc::new(NativePicker), recent_file: crate::recent::RecentList::default_path() };
    let paths = paths.to_vec();
    // Opening (reading the files, compiling the cleaning rules, loading the suggesters) runs while the
    // window and its GL context are being created instead of after: start-up is the longer of the two.
    let opening = (!paths.is_empty()).then(|| {
        let paths = paths.clone();
        std::thread::Builder::new().name("open".into()).spawn(move || crate::workspace::Workspace::open(&paths))
    });
    open_window(Box::new(move |cc| {
        apply_theme(&cc.egui_ctx);
        let mut app = Workbench::new(app_options, &[]);
        match opening.map(|spawned| spawned.map_err(|_| ()).and_then(|thread| thread.join().map_err(|_| ()))) {
            Some(Ok(Ok(ws))) => app.install(ws),
            Some(Ok(Err(e))) => app.messages.problem(e),
            Some(Err(())) => app.open_paths(paths.clone()),
            None => {}
        }
        if exit_after_first_frame {
            let wait_for_document = !paths.is_empty();
            let first = startup::FirstFrameExit { app, started, wait_for_document, shown: false, reported: false };
            return Ok(Box::new(first) as Box<dyn eframe::App>);
        }
        Ok(Box::new(app) as Box<dyn eframe::App>)
    }))
}

impl eframe::App for ReviewDesk {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        ReviewDesk::ui(self, ui);
    }
}

/// Opens the review desk on a project folder (its `annotations/<annotator>/` files) and runs until the
/// window closes. A folder without annotations is refused before any window opens.
pub fn run_review(project: &Path) -> crate::Result<()> {
    let annotations = project.join(crate::storage::ANNOTATIONS_DIR);
    std::fs::metadata(&annotations).map_err(|e| crate::Error::io(&annotations, &e))?;
    let project = project.to_path_buf();
    open_window(Box::new(move |cc| {
        apply_theme(&cc.egui_ctx);
        Ok(Box::new(ReviewDesk::new(&project)) as Box<dyn eframe::App>)
    }))
}

/// Sets the fonts (`palette::fonts`) and the theme named by `REDLINE_THEME` (`light` or `dark`), else
/// keeps the system theme.
fn apply_theme(ctx: &egui::Context) {
    ctx.set_fonts(palette::fonts());
    match std::env::var("REDLINE_THEME").as_deref() {
        Ok("light") => ctx.set_theme(egui::Theme::Light),
        Ok("dark") => ctx.set_theme(egui::Theme::Dark),
        _ => {}
    }
}

/// Runs a native window titled "Redline" around the app the creator builds.
fn open_window(create: eframe::AppCreator<'static>) -> crate::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Redline")
            .with_app_id("redline")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([480.0, 320.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native("Redline", options, create)
        .map_err(|e| crate::Error::msg(format!("cannot open the window: {e}")))
}
