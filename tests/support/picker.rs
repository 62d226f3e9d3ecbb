//! A file dialog for headless GUI tests: it never answers (no test that includes it opens one).

use std::path::PathBuf;

use redline::gui::{FilePicker, PickKind};

/// A dialog that never answers.
pub struct NoPicker;

impl FilePicker for NoPicker {
    fn pick(&self, _kind: PickKind) -> Option<Vec<PathBuf>> {
        None
    }
}
