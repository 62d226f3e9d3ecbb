//! Opening a text file that is not UTF-8: the problem is shown with the Windows-1252 and Latin-1
//! readings offered as buttons, and the file is opened again only with the encoding the person picks
//! (Redline never guesses an encoding).

use std::path::Path;

use super::app::Workbench;
use super::messages::{Answer, Offer};
use crate::error::{Error, ErrorKind};
use crate::input::{DocRef, Encoding};

impl Workbench {
    /// Shows a problem met while opening document `index`; a text file that is not UTF-8 comes with
    /// the choice of reading it as Windows-1252 or Latin-1.
    pub(super) fn open_problem(&mut self, index: usize, error: Error) {
        let chosen = self.project.as_ref().is_some_and(|p| p.encodings.contains_key(&index));
        if chosen && matches!(error.kind, ErrorKind::NotUtf8 { .. }) {
            return; // the background scan read the file as UTF-8 before the person chose its encoding
        }
        if let Some(project) = &mut self.project {
            project.unreadable.insert(index, error.to_string());
        }
        let ErrorKind::NotUtf8 { offset } = error.kind else { return self.messages.problem(error) };
        let file =
            self.project.as_ref().and_then(|p| p.ws.collection.entries.get(index)).and_then(|e| match &e.source {
                DocRef::Text(path) => Some(path.clone()),
                DocRef::Corpus(..) | DocRef::Annotated(_) => None,
            });
        let Some(file) = file else { return self.messages.problem(error) };
        let text = format!(
            "{}: not valid UTF-8 (first bad byte at offset {offset}). If it is Windows-1252 or Latin-1 text, \
             choose how to read it:",
            file.display()
        );
        self.messages.offer(text, Offer::Encoding { index, file });
    }

    /// Opens document `index` (`file`) again with the encoding the person picked for it.
    pub(super) fn reopen_with(&mut self, index: usize, file: &Path, answer: Answer) {
        let encoding = if answer == Answer::Latin1 { Encoding::Latin1 } else { Encoding::Windows1252 };
        if let Some(project) = &mut self.project {
            project.encodings.insert(index, encoding);
        }
        if self.open_document(index) {
            self.messages.notice(format!(
                "{}: read as {}; the saved annotation records it (source.encoding)",
                file.display(),
                encoding.name()
            ));
        }
    }
}
