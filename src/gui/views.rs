//! The main area: the label bar, the marked original beside the cleaned text (scrolling in step),
//! the find bar and the paragraph editor; clicks, drags and hovers become session intents.

use std::hash::Hasher as _;

use eframe::egui;

use super::app::{ViewMode, Workbench};
use super::blocks::{Drawn, Mark, Target};
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
    original_drawn: Drawn,
    cleaned_drawn: Drawn,
    /// The theme both views were built for (`None`: not built yet).
    dark: Option<bool>,
}

impl Default for Views {
    fn default() -> Self {
        Self {
            original: TextView::new("original-view", "Original text with suggestions"),
            cleaned: TextView::new("cleaned-view", "Cleaned text"),
            original_key: None,
            cleaned_key: None,
            edge: None,
            original_drawn: Drawn::default(),
            cleaned_drawn: Drawn::default(),
            dark: None,
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
    /// Rebuilds the paragraphs of each view that its inputs (document revision, focus, selection)
    /// changed; everything when the theme changed.
    fn refresh(&mut self, s: &Session, labels: &[LabelDef], pal: &Palette, dark: bool) {
        let whole = self.dark != Some(dark);
        self.dark = Some(dark);
        let rev = s.doc.revision();
        let okey = key_of((rev, s.focus, dark));
        if self.original_key != Some(okey) {
            let marks = render::original_marks(&s.doc, s.focus);
            let build = |lines| render::original_blocks(&s.doc, pal, s.focus, lines);
            redraw(&mut self.original, &mut self.original_drawn, (s.doc.raw(), marks), whole, build);
            self.original_key = Some(okey);
        }
        let sel = s.selection().filter(|(a, z)| a < z);
        let ckey = key_of((rev, s.focus, sel, dark));
        if self.cleaned_key != Some(ckey) {
            let marks = render::cleaned_marks(&s.doc, sel, s.focus);
            let build = |lines| render::cleaned_blocks(&s.doc, labels, pal, (sel, s.focus), lines);
            redraw(&mut self.cleaned, &mut self.cleaned_drawn, (s.doc.cleaned(), marks), whole, build);
            self.cleaned_key = Some(ckey);
        }
        self.cleaned.caret = Some(s.caret);
    }

    /// Where the paragraph editor of `s` goes: on the paragraph in the cleaned view (`cleaned_shown`),
    /// else on the same text in the original.
    fn editor_place(&self, s: &Session, cleaned_shown: bool) -> Option<(egui::Pos2, f32)> {
        let start = s.editor.as_ref()?.start;
        if cleaned_shown {
            self.cleaned.text_place(start)
        } else {
            self.original.text_place(s.doc.map().clean_to_raw(start, Bias::Right))
        }
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

/// Brings a view up to date with its source text and marks: only the stretches that changed since
/// it was last drawn are built again with `build` (every line when `whole`).
fn redraw(
    view: &mut TextView,
    drawn: &mut Drawn,
    (text, marks): (&str, Vec<Mark>),
    whole: bool,
    build: impl Fn(std::ops::Range<usize>) -> Vec<super::blocks::Block>,
) {
    if whole {
        view.set_blocks(build(0..text.len()));
    } else {
        for d in drawn.damage(text, &marks) {
            view.splice_blocks(d.start, d.old_end, build(d.start..d.new_end), d.delta());
        }
    }
    drawn.set(text, marks);
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
        let mut hand_edit = false;
        let place = self.views.editor_place(session, clean.is_some());
        if let Some(commit) = session.editor.as_mut().and_then(|editor| paragraph_editor(ui, editor, place, &pal.font))
        {
            hand_edit = commit_or_cancel(session, commit, &mut self.messages);
            changed |= hand_edit;
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

/// The space between the paragraph editor's frame and its text field, and between the field's edge
/// and its text.
const EDITOR_MARGIN: f32 = 4.0;

/// Shows the paragraph editor over the paragraph it edits, its text where the paragraph's text was
/// (`place`: top left on screen and wrap width), so that nothing moves when it opens or closes; the
/// text views stay where they are under it. Returns `Some(true)` to apply it, `Some(false)` to cancel.
fn paragraph_editor(
    ui: &egui::Ui,
    editor: &mut crate::session::ParagraphEdit,
    place: Option<(egui::Pos2, f32)>,
    font: &egui::FontId,
) -> Option<bool> {
    let fallback = (ui.max_rect().left_top(), ui.available_width() - 4.0 * EDITOR_MARGIN);
    let (text_at, wrap) = place.unwrap_or(fallback);
    let corner = text_at - egui::Vec2::splat(2.0 * EDITOR_MARGIN);
    let mut decision = None;
    egui::Area::new(egui::Id::unique("paragraph-editor")).order(egui::Order::Foreground).fixed_pos(corner).show(
        ui.ctx(),
        |ui| {
            let visuals = ui.visuals();
            let frame = egui::Frame::new()
                .fill(visuals.window_fill)
                .stroke(visuals.window_stroke)
                .inner_margin(EDITOR_MARGIN)
                .corner_radius(visuals.window_corner_radius);
            frame.show(ui, |ui| {
                let width = wrap + 2.0 * EDITOR_MARGIN;
                ui.set_max_width(width);
                let field = egui::TextEdit::multiline(&mut editor.text)
                    .font(font.clone())
                    .margin(EDITOR_MARGIN)
                    .desired_rows(1)
                    .desired_width(width);
                let field = ui.add(field);
                ui.horizontal_wrapped(|ui| {
                    let label = ui.label("Edit the paragraph (Ctrl+S applies, Esc cancels):");
                    field.clone().labelled_by(label.id);
                    let save = ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::S));
                    if ui.button("Apply").clicked() || save {
                        decision = Some(true);
                    }
                    if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                        decision = Some(false);
                    }
                });
                if ui.memory(|m| m.focused().is_none()) {
                    field.request_focus();
                }
            });
        },
    );
    decision
}

/// Commits (or drops) the paragraph editor; returns whether the document changed.
fn commit_or_cancel(session: &mut Session, commit: bool, messages: &mut super::messages::Messages) -> bool {
    if !commit {
        session.editor = None;
        return false;
    }
    if let Some(editor) = session.editor.as_mut() {
        drop_emptied_paragraph(session.doc.cleaned(), editor);
    }
    session.commit_editor().unwrap_or_else(|e| {
        messages.problem(e);
        false
    })
}

/// A paragraph emptied in the editor is deleted together with the line breaks that separated it from
/// the next paragraph (the previous one, when it is the last), so no run of blank lines is left behind.
fn drop_emptied_paragraph(cleaned: &str, editor: &mut crate::session::ParagraphEdit) {
    let Some(old) = cleaned.get(editor.start..editor.end) else { return };
    if old.trim().is_empty() || !editor.text.trim().is_empty() {
        return;
    }
    editor.text.clear();
    let rest = &cleaned[editor.end..];
    let after = rest.len() - rest.trim_start_matches('\n').len();
    if after > 0 && after < rest.len() {
        editor.end += after;
    } else {
        let head = &cleaned[..editor.start];
        editor.start -= head.len() - head.trim_end_matches('\n').len();
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::ParagraphEdit;

    /// The cleaned text after the paragraph `para` of `cleaned` is replaced by `typed` in the editor.
    fn after_editing(cleaned: &str, para: &str, typed: &str) -> String {
        let start = cleaned.find(para).expect("paragraph");
        let mut editor = ParagraphEdit { start, end: start + para.len(), text: typed.into() };
        drop_emptied_paragraph(cleaned, &mut editor);
        format!("{}{}{}", &cleaned[..editor.start], editor.text, &cleaned[editor.end..])
    }

    #[test]
    fn an_emptied_paragraph_goes_with_its_blank_line() {
        let text = "Lead.\n\nJoin our mailing list\n\nBody.\n";
        assert_eq!(after_editing(text, "Join our mailing list", ""), "Lead.\n\nBody.\n");
        assert_eq!(after_editing(text, "Join our mailing list", "  "), "Lead.\n\nBody.\n");
        assert_eq!(after_editing(text, "Lead.", ""), "Join our mailing list\n\nBody.\n");
        // The last paragraph takes the breaks before it; the text's final line break stays.
        assert_eq!(after_editing(text, "Body.", ""), "Lead.\n\nJoin our mailing list\n");
        assert_eq!(after_editing("Only line", "Only line", ""), "");
    }

    #[test]
    fn an_edited_or_blank_paragraph_keeps_its_line_breaks() {
        let text = "Lead.\n\nJoin our mailing list\n\nBody.";
        assert_eq!(after_editing(text, "Join our mailing list", "Join"), "Lead.\n\nJoin\n\nBody.");
        // Opening the editor on a blank line and applying it unchanged deletes nothing.
        let mut blank = ParagraphEdit { start: 6, end: 6, text: String::new() };
        drop_emptied_paragraph(text, &mut blank);
        assert_eq!((blank.start, blank.end), (6, 6));
    }
    use crate::gui::blocks::Block;
    use crate::model::{Command, EditStatus, History, NewEdit};

    /// A view with what it was drawn from.
    type Shown = (TextView, Drawn);

    fn doc() -> Document {
        let raw = "Title\n\n\nAna Lee met Bo Park.\nShare this\nMore text by Ana Lee here.\n\nEnd AD\n";
        let mut doc = Document::new("t", raw);
        let edit = |text: &str, replacement: &str| {
            let start = raw.find(text).expect("in raw");
            NewEdit {
                start,
                end: start + text.len(),
                replacement: replacement.into(),
                origin: "rule".into(),
                status: EditStatus::Pending,
                reason: String::new(),
            }
        };
        doc.add_edits([edit("\n\n\n", "\n\n"), edit("Share this\n", ""), edit(" AD", "")]);
        doc
    }

    fn full(doc: &Document, pal: &Palette, (sel, focus): (Option<(usize, usize)>, Option<Focus>)) -> [Vec<Block>; 2] {
        let original = render::original_blocks(doc, pal, focus, 0..doc.raw().len());
        [original, render::cleaned_blocks(doc, &[], pal, (sel, focus), 0..doc.cleaned().len())]
    }

    fn redraw_both(
        doc: &Document,
        pal: &Palette,
        views: &mut [Shown; 2],
        state: (Option<(usize, usize)>, Option<Focus>),
    ) {
        let [orig, clean] = views;
        let marks = render::original_marks(doc, state.1);
        redraw(&mut orig.0, &mut orig.1, (doc.raw(), marks), false, |l| render::original_blocks(doc, pal, state.1, l));
        let marks = render::cleaned_marks(doc, state.0, state.1);
        let build = |l| render::cleaned_blocks(doc, &[], pal, state, l);
        redraw(&mut clean.0, &mut clean.1, (doc.cleaned(), marks), false, build);
    }

    #[test]
    fn redrawing_only_what_changed_gives_the_blocks_of_a_full_build() {
        let pal = Palette::new(&egui::Style::default());
        let mut doc = doc();
        let mut history = History::default();
        let mut views: [Shown; 2] =
            [(TextView::new("o", "o"), Drawn::default()), (TextView::new("c", "c"), Drawn::default())];
        redraw_both(&doc, &pal, &mut views, (None, None));
        let at = |doc: &Document, text: &str| doc.cleaned().find(text).expect("in cleaned");
        let ids: Vec<_> = doc.edits().iter().map(|e| e.id).collect();
        let mut state = (None, None);
        for step in 0..12 {
            let command = match step {
                0 => Some(Command::ManualEdit { start: at(&doc, "met"), end: at(&doc, "met"), text: "x".into() }),
                1 => Some(Command::SetEditStatus { ids: vec![ids[1]], status: EditStatus::Accepted }),
                2 => {
                    Some(Command::AddEntity { start: at(&doc, "Bo"), end: at(&doc, "Bo") + 7, label: "PERSON".into() })
                }
                3 => {
                    Some(Command::AddEntity { start: at(&doc, "Ana"), end: at(&doc, "More") + 4, label: "ORG".into() })
                }
                4 => {
                    state = (None, doc.entities().first().map(|e| Focus::Entity(e.id)));
                    None
                }
                5 => {
                    state = (Some((at(&doc, "Title"), at(&doc, "Lee"))), Some(Focus::Edit(ids[2])));
                    None
                }
                6 => Some(Command::ManualEdit {
                    start: at(&doc, "here") + 5,
                    end: at(&doc, "here") + 6,
                    text: "".into(),
                }),
                7 => Some(Command::SetEditStatus { ids: ids.clone(), status: EditStatus::Accepted }),
                _ => {
                    state = (None, None);
                    history.undo(&mut doc);
                    None
                }
            };
            if let Some(command) = command {
                history.apply(&mut doc, command).expect("applies");
            }
            redraw_both(&doc, &pal, &mut views, state);
            let [orig, clean] = full(&doc, &pal, state);
            assert_eq!(views[0].0.blocks(), orig.as_slice(), "original view after step {step}");
            assert_eq!(views[1].0.blocks(), clean.as_slice(), "cleaned view after step {step}");
        }
    }

    /// A random byte position on a character boundary of `text`.
    fn boundary(text: &str, r: u64) -> usize {
        let mut at = (r as usize) % (text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    /// One random command (or focus / selection change, undo, redo) from `r`.
    fn random_step(
        doc: &mut Document,
        history: &mut History,
        state: &mut (Option<(usize, usize)>, Option<Focus>),
        r: u64,
    ) {
        let text = doc.cleaned();
        let (a, z) = {
            let (x, y) = (boundary(text, r >> 8), boundary(text, r >> 24));
            (x.min(y), x.max(y).min(x.min(y) + 40))
        };
        let z = (a..=z).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(a);
        let pick = |n: usize| (r >> 40) as usize % n.max(1);
        let command = match r % 9 {
            0 => Some(Command::ManualEdit {
                start: a,
                end: a.max(z.min(a + 3)),
                text: ["x", "\n", "", "Zoë\n\n"][pick(4)].into(),
            }),
            1 | 2 => doc.edits().get(pick(doc.edits().len())).map(|e| Command::SetEditStatus {
                ids: vec![e.id],
                status: [EditStatus::Accepted, EditStatus::Rejected, EditStatus::Pending][pick(3) % 3],
            }),
            3 => (a < z).then(|| Command::AddEntity { start: a, end: z, label: ["PERSON", "ORG"][pick(2)].into() }),
            4 => {
                let focus = [
                    doc.edits().get(pick(doc.edits().len())).map(|e| Focus::Edit(e.id)),
                    doc.entities().get(pick(doc.entities().len())).map(|e| Focus::Entity(e.id)),
                ];
                state.1 = focus[(r >> 5) as usize % 2];
                None
            }
            5 => {
                state.0 = (a < z).then_some((a, z));
                None
            }
            6 => {
                history.undo(doc);
                None
            }
            7 => {
                history.redo(doc);
                None
            }
            _ => doc.entities().get(pick(doc.entities().len())).map(|e| Command::RemoveEntity(e.id)),
        };
        if let Some(command) = command {
            history.apply(doc, command).ok();
        }
        let len = doc.cleaned().len();
        state.0 = state
            .0
            .filter(|&(a, z)| z <= len && doc.cleaned().is_char_boundary(a) && doc.cleaned().is_char_boundary(z));
    }

    #[test]
    fn random_changes_redrawn_in_part_match_a_full_build() {
        let pal = Palette::new(&egui::Style::default());
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for round in 0..8 {
            let mut doc = doc();
            let mut history = History::default();
            let mut views: [Shown; 2] =
                [(TextView::new("o", "o"), Drawn::default()), (TextView::new("c", "c"), Drawn::default())];
            let mut state = (None, None);
            redraw_both(&doc, &pal, &mut views, state);
            for step in 0..60 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                random_step(&mut doc, &mut history, &mut state, seed);
                redraw_both(&doc, &pal, &mut views, state);
                let [orig, clean] = full(&doc, &pal, state);
                assert_eq!(views[0].0.blocks(), orig.as_slice(), "original view, round {round} step {step}");
                assert_eq!(views[1].0.blocks(), clean.as_slice(), "cleaned view, round {round} step {step}");
            }
        }
    }
}
