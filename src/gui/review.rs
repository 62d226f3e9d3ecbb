//! The review desk: several annotators' versions of a document side by side, one difference at a
//! time, a pick per difference by keyboard or button, and the adjudicated version saved under
//! `annotations/review/`. The comparison and the merge live in [`crate::review`].

use std::path::{Path, PathBuf};

use eframe::egui::{self, Key, Modifiers, RichText};

use crate::model::Document;
use crate::review::{self, Kind, Pick, Review};

/// The keys of the review desk, for dispatch and for the help line.
const KEYS: &str = "J/K or Down/Up: next/previous difference · 1–9 (Left/Right): pick that version · B: keep both entities · \
Ctrl+S: save · Alt+Down/Up: next/previous document";

/// Bytes of raw text shown either side of a difference.
const CONTEXT: usize = 120;

/// The review window's state: the project, its documents with several versions, the open review.
pub struct ReviewDesk {
    project: PathBuf,
    documents: Vec<(String, Vec<PathBuf>)>,
    current: usize,
    review: Option<Review>,
    preview: Option<Document>,
    focus: usize,
    scroll: bool,
    dirty: bool,
    status: String,
    messages: Vec<String>,
}

impl ReviewDesk {
    /// Opens the review desk on a project folder and the first document two annotators saved.
    pub fn new(project: &Path) -> Self {
        let mut desk = Self {
            project: project.to_path_buf(),
            documents: Vec::new(),
            current: 0,
            review: None,
            preview: None,
            focus: 0,
            scroll: false,
            dirty: false,
            status: String::new(),
            messages: Vec::new(),
        };
        match review::documents_with_versions(project) {
            Ok(found) => desk.documents = found.into_iter().collect(),
            Err(e) => desk.messages.push(e.to_string()),
        }
        if desk.documents.is_empty() && desk.messages.is_empty() {
            desk.messages.push(format!("{}: no document has versions by two annotators yet", project.display()));
        }
        desk.open(0);
        desk
    }

    /// The open review, if a document could be opened.
    pub fn review(&self) -> Option<&Review> {
        self.review.as_ref()
    }

    /// The status line and the messages (problems, versions left out), newest last.
    pub fn messages(&self) -> (&str, &[String]) {
        (&self.status, &self.messages)
    }

    /// Opens document `index` of the list (saving picks made on the current one first).
    fn open(&mut self, index: usize) {
        if self.dirty {
            self.save();
        }
        let Some((_, paths)) = self.documents.get(index) else { return };
        self.current = index;
        self.focus = 0;
        self.dirty = false;
        match Review::load(paths) {
            Ok(review) => {
                for (path, why) in &review.excluded {
                    self.messages.push(format!("{}: {why}", path.display()));
                }
                self.status = format!("{} differences", review.differences.len());
                self.review = Some(review);
            }
            Err(e) => {
                self.messages.push(e.to_string());
                self.review = None;
            }
        }
        self.refresh_preview();
    }

    /// Rebuilds the adjudicated preview after a pick.
    fn refresh_preview(&mut self) {
        self.preview = self.review.as_ref().map(|r| r.adjudicate().0);
    }

    /// Saves the adjudicated version, reporting the path or the problem.
    fn save(&mut self) {
        let Some(review) = &self.review else { return };
        match review.save(&self.project) {
            Ok((path, problems)) => {
                self.status = format!("Saved {}", path.display());
                self.messages.extend(problems);
                self.dirty = false;
            }
            Err(e) => {
                self.status = "NOT SAVED".into();
                self.messages.push(e.to_string());
            }
        }
    }

    /// Picks for the focused difference and moves on to the next one.
    fn pick(&mut self, pick: Pick) {
        let Some(review) = &mut self.review else { return };
        if review.pick(self.focus, pick) {
            self.dirty = true;
            self.focus = (self.focus + 1).min(review.differences.len().saturating_sub(1));
            self.scroll = true;
            self.refresh_preview();
        } else {
            self.status = match pick {
                Pick::All => "both sides can only be kept for entities".into(),
                Pick::Version(v) => format!("there is no version {}", v + 1),
            };
        }
    }

    /// Runs the keys pressed this frame.
    fn keys(&mut self, ui: &egui::Ui) {
        let count = self.review.as_ref().map_or(0, |r| r.differences.len());
        let pressed = |key: Key, mods: Modifiers| ui.input_mut(|i| i.consume_key(mods, key));
        if pressed(Key::S, Modifiers::COMMAND) {
            self.save();
        }
        if pressed(Key::ArrowDown, Modifiers::ALT) {
            self.open((self.current + 1).min(self.documents.len().saturating_sub(1)));
        }
        if pressed(Key::ArrowUp, Modifiers::ALT) {
            self.open(self.current.saturating_sub(1));
        }
        if pressed(Key::J, Modifiers::NONE) || pressed(Key::ArrowDown, Modifiers::NONE) {
            self.focus = (self.focus + 1).min(count.saturating_sub(1));
            self.scroll = true;
        }
        if pressed(Key::K, Modifiers::NONE) || pressed(Key::ArrowUp, Modifiers::NONE) {
            self.focus = self.focus.saturating_sub(1);
            self.scroll = true;
        }
        if pressed(Key::ArrowLeft, Modifiers::NONE) {
            self.pick(Pick::Version(0));
        }
        if pressed(Key::ArrowRight, Modifiers::NONE) {
            self.pick(Pick::Version(1));
        }
        if pressed(Key::B, Modifiers::NONE) {
            self.pick(Pick::All);
        }
        let digits =
            [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5, Key::Num6, Key::Num7, Key::Num8, Key::Num9];
        for (v, key) in digits.into_iter().enumerate() {
            if pressed(key, Modifiers::NONE) {
                self.pick(Pick::Version(v));
            }
        }
    }

    /// Draws the desk and runs its keys.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        self.keys(ui);
        egui::Panel::top("review-toolbar").show(ui, |ui| self.toolbar(ui));
        egui::Panel::bottom("review-messages").show(ui, |ui| self.message_area(ui));
        egui::Panel::left("review-differences").resizable(true).default_size(300.0).show(ui, |ui| self.list(ui));
        egui::CentralPanel::default().show(ui, |ui| self.focused(ui));
    }

    /// Document switcher, progress, save.
    fn toolbar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.strong("Review");
            let name = self.documents.get(self.current).map_or("", |(n, _)| n.as_str());
            ui.label(format!("{name} ({} of {})", self.current + 1, self.documents.len()));
            if ui.button("Previous document").clicked() {
                self.open(self.current.saturating_sub(1));
            }
            if ui.button("Next document").clicked() {
                self.open((self.current + 1).min(self.documents.len().saturating_sub(1)));
            }
            if let Some(r) = &self.review {
                ui.label(format!("{} of {} differences decided", r.decided(), r.differences.len()));
            }
            if ui.button("Save (Ctrl+S)").clicked() {
                self.save();
            }
            ui.label(&self.status);
        });
        ui.label(RichText::new(KEYS).small().weak());
    }

    /// Problems and left-out versions.
    fn message_area(&self, ui: &mut egui::Ui) {
        egui::ScrollArea::vertical().max_height(90.0).show(ui, |ui| {
            for m in &self.messages {
                ui.colored_label(ui.visuals().warn_fg_color, m);
            }
        });
    }

    /// Every difference with its pick; a click focuses it.
    fn list(&mut self, ui: &mut egui::Ui) {
        let scroll = std::mem::take(&mut self.scroll);
        let Some(review) = &self.review else { return };
        let names: Vec<&str> = review.versions.iter().map(|v| v.annotator.as_str()).collect();
        let raw = review.versions[0].doc.raw();
        let mut clicked = None;
        egui::ScrollArea::vertical().show(ui, |ui| {
            for (i, d) in review.differences.iter().enumerate() {
                let mark = match d.pick {
                    None => "○".to_string(),
                    Some(Pick::All) => "✔ both".to_string(),
                    Some(Pick::Version(v)) => format!("✔ {}", names.get(v).unwrap_or(&"?")),
                };
                let kind = if d.kind == Kind::Edit { "edit" } else { "entity" };
                let text: String = raw.get(d.start..d.end).unwrap_or_default().chars().take(30).collect();
                let row = ui.selectable_label(i == self.focus, format!("{mark}  {kind} {text:?}"));
                if row.clicked() {
                    clicked = Some(i);
                }
                if i == self.focus && scroll {
                    row.scroll_to_me(None);
                }
            }
        });
        if let Some(i) = clicked {
            self.focus = i;
        }
    }

    /// The focused difference: raw context, each version's side with a pick button, the result.
    fn focused(&mut self, ui: &mut egui::Ui) {
        let Some(review) = &self.review else {
            ui.label("Nothing to review.");
            return;
        };
        let Some(d) = review.differences.get(self.focus) else {
            ui.heading("The versions agree: nothing to adjudicate.");
            return;
        };
        let kind = if d.kind == Kind::Edit { "cleaning edit" } else { "entity" };
        ui.heading(format!("Difference {} of {}: {kind}", self.focus + 1, review.differences.len()));
        let raw = review.versions[0].doc.raw();
        context(ui, raw, d.start, d.end);
        ui.separator();
        let mut picked = None;
        egui::Grid::new("review-sides").striped(true).spacing([16.0, 8.0]).show(ui, |ui| {
            for (v, version) in review.versions.iter().enumerate() {
                let chosen = d.pick == Some(Pick::Version(v)) || d.pick == Some(Pick::All);
                ui.label(RichText::new(format!("{} {}", if chosen { "✔" } else { " " }, version.annotator)).strong());
                ui.label(d.describe(v, raw));
                if ui.button(format!("Pick {} ({})", version.annotator, v + 1)).clicked() {
                    picked = Some(Pick::Version(v));
                }
                ui.end_row();
            }
        });
        if d.kind == Kind::Entity && ui.button("Keep both (B)").clicked() {
            picked = Some(Pick::All);
        }
        ui.separator();
        ui.label(RichText::new("Adjudicated result here:").strong());
        if let Some(doc) = &self.preview {
            let at = doc.map().raw_to_clean_clamped(d.start, crate::model::Bias::Left);
            let to = doc.map().raw_to_clean_clamped(d.end, crate::model::Bias::Right).max(at);
            context(ui, doc.cleaned(), at, to);
            let tags: Vec<String> = doc
                .entities()
                .iter()
                .filter(|e| e.start < to + CONTEXT && at < e.end + CONTEXT)
                .map(|e| format!("{} {:?}", e.label, &doc.cleaned()[e.start..e.end]))
                .collect();
            ui.label(format!("entities nearby: {}", if tags.is_empty() { "none".into() } else { tags.join(", ") }));
        }
        if let Some(pick) = picked {
            self.pick(pick);
        }
    }
}

/// Shows `text[start..end]` highlighted with some text either side (line breaks as ¶).
fn context(ui: &mut egui::Ui, text: &str, start: usize, end: usize) {
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    // Start and stop the context at a space so it never shows half a word.
    let from = floor(start.saturating_sub(CONTEXT));
    let from = if from == 0 { 0 } else { text[from..start].find(' ').map_or(from, |i| from + i + 1) };
    let to = floor((end + CONTEXT).min(text.len()));
    let to = if to == text.len() { to } else { text[end..to].rfind(' ').map_or(to, |i| end + i) };
    let show = |s: &str| s.replace('\n', "¶\n");
    let highlight = ui.visuals().selection.bg_fill;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        ui.label(show(&text[from..start]));
        let mid = if start == end { "[insert here]".to_string() } else { show(&text[start..end]) };
        ui.label(RichText::new(mid).strong().background_color(highlight));
        ui.label(show(&text[end..to]));
    });
}
