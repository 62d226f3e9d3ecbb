//! The main area: the label bar, the marked original beside the cleaned text (scrolling in step),
//! the find bar and the paragraph editor; clicks, drags and hovers become session intents.

use std::hash::Hasher as _;

use eframe::egui;

use super::app::{ViewMode, Workbench};
use super::blocks::Target;
use super::edge_drag::{self, EdgeDrag};
use super::palette::Palette;
use super::render;
use super::text_view::{TextView, ViewEvents};
use crate::labels::LabelDef;
use crate::model::{Bias, Document};
use crate::session::{Focus, Session};

/// The two text views of the open document and what they were last built from.
pub struct Views {
    original: TextView,
    cleaned: TextView,
    original_key: Option<u64>,
    cleaned_key: Option<u64>,
    edge: Option<EdgeDrag>,
}

impl Default for Views {
    fn default() -> Self {
        Self {
            original: TextView::new("original-view", "Original text with suggestions"),
            cleaned: TextView::new("cleaned-view", "Cleaned text"),
            original_key: None,
            cleaned_key: None,
            edge: None,
        }
    }
}

/// A hash of what a view's content depends on.
fn key_of(parts: impl std::hash::Hash) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    parts.hash(&mut h);
    h.finish()
}

impl Views {
    /// Rebuilds the blocks of a view whose inputs changed (document revision, focus, selection, theme).
    fn refresh(&mut self, s: &Session, labels: &[LabelDef], pal: &Palette, dark: bool) {
        let rev = s.doc.revision();
        let okey = key_of((rev, s.focus, dark));
        if self.original_key != Some(okey) {
            self.original.set_blocks(render::original_blocks(&s.doc, pal, s.focus));
            self.original_key = Some(okey);
        }
        let sel = s.selection().filter(|(a, z)| a < z);
        let ckey = key_of((rev, s.focus, sel, dark));
        if self.cleaned_key != Some(ckey) {
            self.cleaned.set_blocks(render::cleaned_blocks(&s.doc, labels, pal, sel, s.focus));
            self.cleaned_key = Some(ckey);
        }
        self.cleaned.caret = Some(s.caret);
    }

    /// Scrolls both views to show the focused item.
    pub fn reveal(&mut self, s: &Session) {
        match s.focus {
            Some(Focus::Edit(id)) => {
                if let Some(e) = s.doc.edit(id) {
                    self.original.reveal_source(e.start);
                    self.cleaned.reveal_source(s.doc.map().raw_to_clean_clamped(e.start, Bias::Left));
                }
            }
            Some(Focus::Entity(id)) => {
                if let Some(e) = s.doc.entity(id) {
                    self.cleaned.reveal_source(e.start);
                    self.original.reveal_source(s.doc.map().clean_to_raw(e.start, Bias::Right));
                }
            }
            None => self.cleaned.reveal_source(s.caret),
        }
    }
}

impl Workbench {
    /// Draws the main area for the open document.
    pub(super) fn main_area(&mut self, ui: &mut egui::Ui) {
        let Some(project) = &mut self.project else { return };
        let labels = project.ws.config.labels.clone();
        let Some(session) = &mut project.session else {
            ui.label("No document is open.");
            return;
        };
        let pal = Palette::new(ui.style());
        self.views.refresh(session, &labels, &pal, ui.visuals().dark_mode);
        let mut changed = label_bar(ui, session, &labels, &mut self.messages);
        if let Some(needle) = &mut self.find {
            ui.horizontal(|ui| {
                let label = ui.label("Find:");
                let field = ui.add(egui::TextEdit::singleline(needle).desired_width(260.0)).labelled_by(label.id);
                if std::mem::take(&mut self.focus_find) {
                    field.request_focus();
                }
                if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    if !session.find(needle) {
                        self.messages.notice(format!("{needle:?} is not in the cleaned text"));
                    }
                    self.views.reveal(session);
                }
                ui.weak("Enter selects the next match; then press a label key.");
            });
        }
        let mut hand_edit = false;
        if let Some(commit) = session.editor.as_mut().and_then(|editor| paragraph_editor(ui, editor)) {
            hand_edit = commit_or_cancel(session, commit, &mut self.messages);
            changed |= hand_edit;
        }
        let mode = if ui.available_width() < 560.0 && self.view_mode == ViewMode::SideBySide {
            ViewMode::Cleaned
        } else {
            self.view_mode
        };
        let (orig, clean) = match mode {
            ViewMode::SideBySide => two_columns(ui, &mut self.views, &session.doc),
            ViewMode::Unified => (Some(titled(ui, "Unified diff", &mut self.views.original, &session.doc)), None),
            ViewMode::Cleaned => (None, Some(titled(ui, "Cleaned", &mut self.views.cleaned, &session.doc))),
        };
        if let (Some(o), Some(c)) = (&orig, &clean) {
            sync_scroll(&mut self.views, &session.doc, o, c);
        }
        if let Some(o) = orig {
            changed |= original_events(session, &o);
        }
        if let Some(c) = clean {
            match edge_drag::handle(ui, &mut self.views.edge, &self.views.cleaned, session, &c) {
                Some(Ok(edge_moved)) => changed |= edge_moved,
                Some(Err(e)) => self.messages.problem(e),
                None => cleaned_events(ui, session, &c),
            }
        }
        if changed {
            self.changed();
        }
        if hand_edit {
            self.offer_rule_for_hand_edit();
        }
    }
}

/// The label bar: one button per label with its key and colour; applies it to the selection.
fn label_bar(
    ui: &mut egui::Ui,
    session: &mut Session,
    labels: &[LabelDef],
    messages: &mut super::messages::Messages,
) -> bool {
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        ui.label("Labels:");
        for def in labels {
            let color = Palette::label_color(labels, &def.name);
            let key = def.key.map(|k| format!("{k} ")).unwrap_or_default();
            let text = egui::RichText::new(format!("{key}{}", def.name)).color(Palette::ink_on(color));
            let button = egui::Button::new(text).fill(color);
            let hint = format!("Tag the selection (or relabel the focused entity) as {}", def.name);
            if ui.add(button).on_hover_text(hint).clicked() {
                match session.tag(&def.name) {
                    Ok(c) => changed |= c,
                    Err(e) => messages.problem(e),
                }
            }
        }
        if let Some((a, z)) = session.selection().filter(|(a, z)| a < z) {
            let text = session.doc.cleaned().get(a..z).unwrap_or_default();
            let shown: String = text.chars().take(40).collect();
            ui.weak(format!("selected: {shown:?}"));
        }
    });
    changed
}

/// Shows the paragraph editor; returns `Some(true)` to apply it, `Some(false)` to cancel.
fn paragraph_editor(ui: &mut egui::Ui, editor: &mut crate::session::ParagraphEdit) -> Option<bool> {
    let mut decision = None;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        let label = ui.label("Edit the paragraph (Ctrl+S applies, Esc cancels):");
        let field = ui.add(egui::TextEdit::multiline(&mut editor.text).desired_rows(3).desired_width(f32::INFINITY));
        let field = field.labelled_by(label.id);
        if ui.memory(|m| m.focused().is_none()) {
            field.request_focus();
        }
        ui.horizontal(|ui| {
            let save = ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::S));
            if ui.button("Apply").clicked() || save {
                decision = Some(true);
            }
            if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                decision = Some(false);
            }
        });
    });
    decision
}

/// Commits (or drops) the paragraph editor; returns whether the document changed.
fn commit_or_cancel(session: &mut Session, commit: bool, messages: &mut super::messages::Messages) -> bool {
    if !commit {
        session.editor = None;
        return false;
    }
    session.commit_editor().unwrap_or_else(|e| {
        messages.problem(e);
        false
    })
}

/// The original and the cleaned view side by side, each under a heading.
fn two_columns(ui: &mut egui::Ui, views: &mut Views, doc: &Document) -> (Option<ViewEvents>, Option<ViewEvents>) {
    let mut out = (None, None);
    ui.columns(2, |cols| {
        out.0 = Some(titled(&mut cols[0], "Original (suggestions marked)", &mut views.original, doc));
        out.1 = Some(titled(&mut cols[1], "Cleaned", &mut views.cleaned, doc));
    });
    out
}

/// A view under a heading, with tooltips naming what the pointer rests on.
fn titled(ui: &mut egui::Ui, title: &str, view: &mut TextView, doc: &Document) -> ViewEvents {
    ui.strong(title);
    view.show(ui, |target| tooltip(doc, target))
}

/// The tooltip of a suggestion (state, rule, reason, keys) or an entity (label, state, origin).
fn tooltip(doc: &Document, target: Target) -> Option<String> {
    match target {
        Target::Edit(id) => doc.edit(id).map(|e| {
            let what = if e.replacement.is_empty() { "delete" } else { "replace" };
            format!(
                "{what} ({}) — rule {}\n{}\nclick to focus; A accept · R reject · U reset",
                e.status.as_str(),
                e.origin,
                e.reason
            )
        }),
        Target::Entity(id) => doc.entity(id).map(|e| {
            format!(
                "{} ({}, {})\nclick to focus; 1–9 relabel · Delete remove · A/R accept/reject\n\
                 drag its start or end edge to resize it (Alt: by character)",
                e.label,
                e.status.as_str(),
                e.origin
            )
        }),
        Target::Text => None,
    }
}

/// Keeps the two views in step: when one scrolls, the other follows through the offset map.
fn sync_scroll(views: &mut Views, doc: &Document, orig: &ViewEvents, clean: &ViewEvents) {
    if orig.scrolled && !clean.scrolled {
        let (raw, into) = views.original.top_anchor();
        views.cleaned.scroll_to_anchor(doc.map().raw_to_clean_clamped(raw, Bias::Left), into);
    } else if clean.scrolled && !orig.scrolled {
        let (clean_at, into) = views.cleaned.top_anchor();
        views.original.scroll_to_anchor(doc.map().clean_to_raw(clean_at, Bias::Left), into);
    }
}

/// Clicks and hovers on the original: focus a suggestion, show its rule and reason.
fn original_events(session: &mut Session, ev: &ViewEvents) -> bool {
    if let Some((_, target)) = ev.clicked {
        session.focus = match target {
            Target::Edit(id) => Some(Focus::Edit(id)),
            _ => None,
        };
    }
    false
}

/// Clicks, drags and double clicks on the cleaned text: caret, selection, entity focus, hand edit.
fn cleaned_events(ui: &egui::Ui, session: &mut Session, ev: &ViewEvents) {
    let exact = ui.input(|i| i.modifiers.alt);
    if let Some((from, to, _)) = ev.dragged {
        session.select(from, to, exact);
        session.focus = None;
    } else if let Some((at, target)) = ev.clicked {
        session.anchor = None;
        session.caret = at;
        session.focus = match target {
            Target::Entity(id) => Some(Focus::Entity(id)),
            _ => None,
        };
    }
    if let Some(at) = ev.double_clicked {
        session.caret = at;
        session.anchor = None;
        session.open_editor();
    }
}
