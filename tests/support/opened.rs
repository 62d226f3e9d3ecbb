//! A headless workbench opened on one file and run until its document is shown and settled, for the
//! GUI tests that start from an open document (included by path where used).

use std::path::PathBuf;
use std::sync::Arc;

use eframe::egui::Vec2;
use egui_kittest::Harness;
use redline::gui::Workbench;

#[path = "harness.rs"]
mod harness;
#[path = "picker.rs"]
mod picker;

/// A harness of `size` around a workbench opened on `file`, stepped until the document is open and
/// the frames settle (saves and scans finish on worker threads, which may take a few extra frames).
pub fn opened(file: PathBuf, size: Vec2) -> Harness<'static, Workbench> {
    harness::launched(Arc::new(picker::NoPicker), &[file], size, harness::document_open)
}
