//! The non-blocking message area: problems (each naming its file) and notices, until dismissed.

use eframe::egui;

/// One message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The text, naming the file concerned.
    pub text: String,
    /// Whether it reports a problem (shown in the alarm colour).
    pub problem: bool,
}

/// The messages waiting to be read.
#[derive(Debug, Default)]
pub struct Messages {
    list: Vec<Message>,
}

impl Messages {
    /// Adds a problem.
    pub fn problem(&mut self, text: impl std::fmt::Display) {
        self.push(Message { text: text.to_string(), problem: true });
    }

    /// Adds a notice.
    pub fn notice(&mut self, text: impl std::fmt::Display) {
        self.push(Message { text: text.to_string(), problem: false });
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

    /// Draws the messages, each with a dismiss button, and a button to dismiss them all.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let alarm = ui.visuals().error_fg_color;
        let mut dismiss = None;
        egui::ScrollArea::vertical().max_height(120.0).id_salt("messages").show(ui, |ui| {
            for (i, m) in self.list.iter().enumerate() {
                ui.horizontal(|ui| {
                    if ui.small_button("Dismiss").on_hover_text("Remove this message").clicked() {
                        dismiss = Some(i);
                    }
                    let (icon, color) = if m.problem { ("⚠", alarm) } else { ("ℹ", ui.visuals().text_color()) };
                    ui.colored_label(color, format!("{icon} {}", m.text));
                });
            }
        });
        if self.list.len() > 1 && ui.small_button("Dismiss all").clicked() {
            self.list.clear();
        }
        if let Some(i) = dismiss {
            self.list.remove(i);
        }
    }
}
