//! Native file and folder dialogs, run on a worker thread so the window keeps drawing, and hidden
//! behind a trait so tests never touch a real dialog.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};

use crate::interop::Format;

/// What to ask the person for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickKind {
    /// One or more files (text, JSONL corpus, annotated JSON).
    Files,
    /// One folder (a project, or a folder of texts).
    Folder,
    /// Where to write an export in this format: a file, or a folder for brat.
    ExportTo(Format),
}

/// Asks the person for paths; blocking, called on a worker thread. `None` when cancelled.
pub trait FilePicker: Send + Sync {
    /// Shows the dialog and waits for the answer.
    fn pick(&self, kind: PickKind) -> Option<Vec<PathBuf>>;
}

/// The desktop's native dialog (XDG portal on Linux, falling back to zenity).
pub struct NativePicker;

impl FilePicker for NativePicker {
    fn pick(&self, kind: PickKind) -> Option<Vec<PathBuf>> {
        let dialog = rfd::FileDialog::new().set_title("Open in Redline");
        match kind {
            PickKind::Files => dialog.add_filter("Articles", &["txt", "jsonl", "json"]).pick_files(),
            PickKind::Folder => dialog.pick_folder().map(|p| vec![p]),
            PickKind::ExportTo(format) => {
                let dialog = dialog.set_title(format!("Export as {}", format.name()));
                let chosen = match format.extension() {
                    Some(ext) => {
                        dialog.add_filter(format.name(), &[ext]).set_file_name(format!("export.{ext}")).save_file()
                    }
                    None => dialog.pick_folder(),
                };
                chosen.map(|p| vec![p])
            }
        }
    }
}

/// A dialog being shown on a worker thread.
pub struct PendingPick {
    answer: Receiver<Option<Vec<PathBuf>>>,
}

impl PendingPick {
    /// Opens the dialog on a worker thread; `wake` repaints the window when the answer comes.
    pub fn start(
        picker: &Arc<dyn FilePicker>,
        kind: PickKind,
        wake: impl Fn() + Send + 'static,
    ) -> std::io::Result<Self> {
        let (tx, answer) = mpsc::channel();
        let picker = picker.clone();
        std::thread::Builder::new().name("redline: file dialog".into()).spawn(move || {
            tx.send(picker.pick(kind)).ok();
            wake();
        })?;
        Ok(Self { answer })
    }

    /// The answer, once given: `Some(None)` means cancelled.
    pub fn poll(&self) -> Option<Option<Vec<PathBuf>>> {
        match self.answer.try_recv() {
            Ok(answer) => Some(answer),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(None),
        }
    }
}
