//! A headless workbench opened on one file and run until its document is shown and settled, for the
//! GUI tests that start from an open document (included by path where used).

use std::path::PathBuf;
use std::sync::Arc;

use eframe::egui::Vec2;
use egui_kittest::Harness;
use redline::gui::{Options, Workbench};

#[path = "picker.rs"]
mod picker;

/// How long a test waits for a worker thread; generous because CI machines may be loaded.
pub const WORKER_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

/// A harness of `size` around a workbench opened on `file`, stepped until the document is open and
/// the frames settle (saves and scans finish on worker threads, which may take a few extra frames).
pub fn opened(file: PathBuf, size: Vec2) -> Harness<'static, Workbench> {
    let options = Options { picker: Arc::new(picker::NoPicker), recent_file: None };
    let app = Workbench::new(options, &[file]);
    let mut h =
        Harness::builder().with_size(size).with_max_steps(64).build_ui_state(|ui, app: &mut Workbench| app.ui(ui), app);
    let deadline = std::time::Instant::now() + WORKER_TIMEOUT;
    while std::time::Instant::now() < deadline {
        h.step();
        let opened = h.state().project.as_ref().is_some_and(|p| p.session.is_some() && p.scan.is_none());
        if opened && h.try_run().is_ok() {
            return h;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("no document opened; messages: {:?}", h.state().messages.list());
}
