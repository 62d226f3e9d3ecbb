//! The non-blocking message area: problems (each naming its file), notices, and offers the person
//! answers with a button (a save conflict, a failed save, something a crash left behind, a text
//! file that is not UTF-8).

use std::path::PathBuf;

use eframe::egui;

use crate::storage::Leftover;

/// A question attached to a message, answered with one of its [`Answer`]s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Offer {
    /// The document's file changed on disk since it was opened: Reload / Keep both / Overwrite.
    Conflict(String),
    /// A save failed; the work is in memory: Retry.
    Retry,
    /// A crash left a temporary file or a newer backup: Restore / Discard.
    Recovery(Leftover),
    /// Document `index` is a text file that is not UTF-8: read it as Windows-1252 / as Latin-1.
    Encoding {
        /// The document's number in the project.
        index: usize,
        /// Its file.
        file: PathBuf,
    },
}

/// The button the person pressed on an [`Offer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Drop this session's version and read the file again.
    Reload,
    /// Keep this session's version beside the changed file.
    KeepBoth,
    /// Write this session's version over the changed file.
    Overwrite,
    /// Try the failed saves again.
    Retry,
    /// Make the leftover the saved file.
    Restore,
    /// Drop the leftover.
    Discard,
    /// Open the document again, reading its bytes as Windows-1252.
    Windows1252,
    /// Open the document again, reading its bytes as Latin-1 (ISO-8859-1).
    Latin1,
}

impl Offer {
    /// The buttons shown for this offer, with their hover text.
    fn answers(&self) -> &'static [(Answer, &'static str, &'static str)] {
        match self {
            Self::Conflict(_) => &[
                (Answer::Reload, "Reload", "Drop the changes made here and show the file as it is on disk"),
                (
                    Answer::KeepBoth,
                    "Keep both",
                    "Save the changes made here beside the file, as <id>.conflict-<time>.json",
                ),
                (
                    Answer::Overwrite,
                    "Overwrite",
                    "Write the changes made here over the file; the other version becomes the backup",
                ),
            ],
            Self::Retry => &[(Answer::Retry, "Retry", "Write the unsaved work again")],
            Self::Recovery(Leftover::Temp { complete: false, .. }) => {
                &[(Answer::Discard, "Discard", "Delete the incomplete temporary file")]
            }
            Self::Recovery(_) => &[
                (
                    Answer::Restore,
                    "Restore",
                    "Make the found version the saved file (the current one becomes the backup)",
                ),
                (Answer::Discard, "Discard", "Keep the saved file as it is"),
            ],
            Self::Encoding { .. } => &[
                (
                    Answer::Windows1252,
                    "Read as Windows-1252",
                    "Open the file again, reading its bytes as Windows-1252 (Western European text from Windows: \
                     curly quotes and dashes in bytes 0x80–0x9F)",
                ),
                (
                    Answer::Latin1,
                    "Read as Latin-1",
                    "Open the file again, reading its bytes as Latin-1 (ISO-8859-1); bytes 0x80–0x9F become \
                     control characters",
                ),
            ],
        }
    }
}

/// One message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The text, naming the file concerned.
    pub text: String,
    /// Whether it reports a problem (shown in the alarm colour).
    pub problem: bool,
    /// The question it asks, if any.
    pub offer: Option<Offer>,
}

/// The messages waiting to be read.
#[derive(Debug, Default)]
pub struct Messages {
    list: Vec<Message>,
}

impl Messages {
    /// Adds a problem.
    pub fn problem(&mut self, text: impl std::fmt::Display) {
        self.push(Message { text: text.to_string(), problem: true, offer: None });
    }

    /// Adds a notice.
    pub fn notice(&mut self, text: impl std::fmt::Display) {
        self.push(Message { text: text.to_string(), problem: false, offer: None });
    }

    /// Adds a problem with a question the person answers with a button.
    pub fn offer(&mut self, text: impl std::fmt::Display, offer: Offer) {
        self.push(Message { text: text.to_string(), problem: true, offer: Some(offer) });
    }

    /// Removes the messages carrying this offer (it was answered or no longer applies).
    pub fn withdraw(&mut self, offer: &Offer) {
        self.list.retain(|m| m.offer.as_ref() != Some(offer));
    }

    /// Adds a message unless the same one is already shown.
    fn push(&mut self, message: Message) {
        if !self.list.contains(&message) {
            self.list.push(message);
        }
    }

    /// The messages shown.
    pub fn list(&self) -> &[Message] {
        &self.list
    }

    /// Whether there is nothing to show.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Draws the messages, each with its answer buttons and a dismiss button, and a button to
    /// dismiss them all; returns the offer answered this frame (its message is removed).
    pub fn ui(&mut self, ui: &mut egui::Ui) -> Option<(Offer, Answer)> {
        let alarm = ui.visuals().error_fg_color;
        let mut dismiss = None;
        let mut answered = None;
        egui::ScrollArea::vertical().max_height(160.0).id_salt("messages").show(ui, |ui| {
            for (i, m) in self.list.iter().enumerate() {
                ui.horizontal(|ui| {
                    if ui.small_button("Dismiss").on_hover_text("Remove this message").clicked() {
                        dismiss = Some(i);
                    }
                    let (icon, color) = if m.problem { ("⚠", alarm) } else { ("ℹ", ui.visuals().text_color()) };
                    ui.colored_label(color, format!("{icon} {}", m.text));
                    for (answer, label, hover) in m.offer.iter().flat_map(|o| o.answers()) {
                        if ui.button(*label).on_hover_text(*hover).clicked() {
                            answered = m.offer.clone().map(|o| (o, *answer));
                            dismiss = Some(i);
                        }
                    }
                });
            }
        });
        if self.list.len() > 1 && ui.small_button("Dismiss all").clicked() {
            self.list.clear();
        }
        if let Some(i) = dismiss
            && i < self.list.len()
        {
            self.list.remove(i);
        }
        answered
    }
}
