//! Starting a headless workbench and stepping it until it is ready, for the GUI tests (included by
//! path where used).

use std::path::PathBuf;
use std::sync::Arc;

use eframe::egui::Vec2;
use egui_kittest::Harness;
use redline::gui::{FilePicker, Options, Workbench};

/// How long a test waits for a worker thread; generous because CI machines may be loaded.
pub const WORKER_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

/// A harness of `size` around a workbench opened on `paths` with the file dialog `picker`, stepped
/// until `ready` holds and the frames settle.
pub fn launched(
    picker: Arc<dyn FilePicker>,
    paths: &[PathBuf],
    size: Vec2,
    ready: impl Fn(&Workbench) -> bool,
) -> Harness<'static, Workbench> {
    let app = Workbench::new(Options { picker, recent_file: None }, paths);
    let mut h =
        Harness::builder().with_size(size).with_max_steps(64).build_ui_state(|ui, app: &mut Workbench| app.ui(ui), app);
    step_until(&mut h, ready);
    h
}

/// Steps until `ready` holds, no corpus scan is running and the UI settles; fails after
/// [`WORKER_TIMEOUT`] naming the messages shown.
pub fn step_until(h: &mut Harness<'static, Workbench>, ready: impl Fn(&Workbench) -> bool) {
    let deadline = std::time::Instant::now() + WORKER_TIMEOUT;
    while std::time::Instant::now() < deadline {
        h.step();
        let idle = h.state().project.as_ref().is_some_and(|p| p.scan.is_none());
        if idle && ready(h.state()) && h.try_run().is_ok() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("never ready; messages: {:?}", h.state().messages.list());
}

/// Whether a document is open.
pub fn document_open(app: &Workbench) -> bool {
    app.project.as_ref().is_some_and(|p| p.session.is_some())
}
