//! The entity suggestions in the suggestions panel, grouped by label (`PERSON (7)`): one row per
//! suggestion with its text, the suggester that proposed it, and ✔ / ✖. Only the visible rows are laid
//! out (a long document has 10,000 of them), and the rows are regrouped only when the document changed.

use std::collections::HashSet;
use std::ops::Range;

use eframe::egui;

use super::keys::Action;
use crate::labels::LabelDef;
use crate::model::{Document, Entity, EntityStatus, MANUAL, Name};
use crate::session::{Focus, Session};

/// One row of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    /// The heading of a label's group (its index in the groups).
    Label(usize),
    /// An entity suggestion (its index in the document's entity list).
    Entity(usize),
}

/// The entity suggestions of one label.
#[derive(Debug)]
struct Group {
    label: Name,
    count: usize,
    undecided: usize,
}

/// The list's rows, rebuilt when the document changes, and where it was scrolled to.
#[derive(Default)]
pub(super) struct EntityList {
    /// The document number and revision the rows were built from.
    built: Option<(usize, u64)>,
    groups: Vec<Group>,
    rows: Vec<Row>,
    /// How many entities wait for a decision (pending ones, as Accept entities decides them).
    pending: usize,
    /// Labels whose group the person folded away.
    folded: HashSet<Name>,
    /// The focus the list last scrolled for.
    shown_focus: Option<Focus>,
    /// The rows shown last frame.
    visible: Range<usize>,
}

/// Whether an entity is listed: everything a suggester proposed, and whatever waits for review.
fn is_listed(e: &Entity) -> bool {
    e.origin.as_str() != MANUAL || e.status == EntityStatus::NeedsReview
}

/// Whether an entity still waits for a decision.
fn is_undecided(e: &Entity) -> bool {
    matches!(e.status, EntityStatus::Pending | EntityStatus::NeedsReview)
}

impl EntityList {
    /// Forgets the rows: another document was opened (its revision may equal the old one's). The
    /// folded labels stay folded.
    pub(super) fn forget_rows(&mut self) {
        self.built = None;
        self.shown_focus = None;
    }

    /// How many entity suggestions the document has (undecided or not).
    pub(super) fn len(&self) -> usize {
        self.groups.iter().map(|g| g.count).sum()
    }

    /// How many entity suggestions are pending.
    pub(super) fn pending(&self) -> usize {
        self.pending
    }

    /// The height all rows would take.
    pub(super) fn content_height(&self, ui: &egui::Ui) -> f32 {
        self.rows.len() as f32 * (row_height(ui) + ui.spacing().item_spacing.y)
    }

    /// Regroups the rows when the document changed since they were built. Entities are kept in
    /// reading order by the model, so each group is in reading order too.
    pub(super) fn refresh(&mut self, s: &Session, labels: &[LabelDef]) {
        let key = (s.index, s.doc.revision());
        if self.built == Some(key) {
            return;
        }
        self.built = Some(key);
        let entities = s.doc.entities();
        self.pending = 0;
        self.groups.clear();
        // (group, entity index) of every listed entity: one pass, no allocation per group.
        let mut listed: Vec<(usize, usize)> = Vec::with_capacity(self.rows.len());
        let mut last = usize::MAX;
        for (i, e) in entities.iter().enumerate() {
            self.pending += usize::from(e.status == EntityStatus::Pending);
            if !is_listed(e) {
                continue;
            }
            if self.groups.get(last).is_none_or(|g| g.label != e.label) {
                last = match self.groups.iter().position(|g| g.label == e.label) {
                    Some(g) => g,
                    None => {
                        self.groups.push(Group { label: e.label.clone(), count: 0, undecided: 0 });
                        self.groups.len() - 1
                    }
                };
            }
            let group = &mut self.groups[last];
            group.count += 1;
            group.undecided += usize::from(is_undecided(e));
            listed.push((last, i));
        }
        let rank: Vec<usize> = self
            .groups
            .iter()
            .map(|g| labels.iter().position(|d| d.name == g.label.as_str()).unwrap_or(labels.len()))
            .collect();
        // In the label set's order, each group in reading order (one label: already sorted, a linear check).
        listed.sort_unstable_by_key(|&(g, i)| (rank[g], g, i));
        self.rows.clear();
        let mut heading = usize::MAX;
        for (g, i) in listed {
            if g != heading {
                heading = g;
                self.rows.push(Row::Label(g));
            }
            if !self.folded.contains(&self.groups[g].label) {
                self.rows.push(Row::Entity(i));
            }
        }
    }

    /// Shows the rows in `height` points, scrolled to the focused entity when the focus moved to one
    /// out of sight; returns what a click asked for: focus an entity (`NextItem`: only show it) or
    /// decide it.
    pub(super) fn show(&mut self, ui: &mut egui::Ui, s: &Session, height: f32) -> Option<(Focus, Action)> {
        let row_h = row_height(ui);
        let mut area = egui::ScrollArea::vertical().id_salt("entity-list").auto_shrink(false).max_height(height);
        if let Some(y) = self.scroll_for_focus(&s.doc, s.focus, row_h + ui.spacing().item_spacing.y, height) {
            area = area.vertical_scroll_offset(y);
        }
        let mut clicked = None;
        let mut fold = None;
        let this = &*self;
        let out = area.show_rows(ui, row_h, this.rows.len(), |ui, rows| {
            for &row in &this.rows[rows.clone()] {
                let size = egui::vec2(ui.available_width(), row_h);
                ui.allocate_ui_with_layout(size, egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    ui.set_min_height(row_h);
                    // Every row is drawn, whatever an earlier row reported.
                    match row {
                        Row::Label(g) => {
                            let folded = this.heading(ui, g);
                            fold = fold.take().or(folded);
                        }
                        Row::Entity(i) => {
                            let asked = entity_row(ui, &s.doc, i, s.focus);
                            clicked = clicked.or(asked);
                        }
                    }
                });
            }
            rows
        });
        self.visible = out.inner;
        if let Some(label) = fold {
            if !self.folded.remove(&label) {
                self.folded.insert(label);
            }
            self.built = None;
        }
        clicked
    }

    /// The scroll offset that brings the focused entity into sight, when the focus just moved to an
    /// entity row that was not shown.
    fn scroll_for_focus(&mut self, doc: &Document, focus: Option<Focus>, step: f32, height: f32) -> Option<f32> {
        if focus == self.shown_focus {
            return None;
        }
        self.shown_focus = focus;
        let Some(Focus::Entity(id)) = focus else { return None };
        let is_focused = |r: &Row| matches!(r, Row::Entity(i) if doc.entities().get(*i).is_some_and(|e| e.id == id));
        let row = self.rows.iter().position(is_focused)?;
        // The shown range holds one row past the bottom edge, and the top row may be cut.
        let in_sight = row > self.visible.start && row + 2 < self.visible.end;
        (!in_sight).then(|| (row as f32 * step - height / 3.0).max(0.0))
    }

    /// A label's heading; returns the label when clicked (fold or unfold its group).
    fn heading(&self, ui: &mut egui::Ui, g: usize) -> Option<Name> {
        let group = self.groups.get(g)?;
        let arrow = if self.folded.contains(&group.label) { "⏵" } else { "⏷" };
        let text = egui::RichText::new(format!("{arrow} {} ({})", group.label, group.count)).strong();
        ui.add(egui::Button::selectable(false, text).truncate())
            .on_hover_ui(|ui| {
                ui.label(format!("{} undecided; click to fold or unfold", group.undecided));
            })
            .clicked()
            .then(|| group.label.clone())
    }
}

/// The height of one row: a small button's.
fn row_height(ui: &egui::Ui) -> f32 {
    ui.spacing().interact_size.y
}

/// One entity suggestion: ✔, ✖, then its state, text and origin; returns what a click asked for.
fn entity_row(ui: &mut egui::Ui, doc: &Document, i: usize, focus: Option<Focus>) -> Option<(Focus, Action)> {
    let e = doc.entities().get(i)?;
    let item = Focus::Entity(e.id);
    let text = surface(doc, e);
    let mut out = None;
    if super::layout::decision_button(ui, true, format!("Accept {} {text}", e.label)) {
        out = Some((item, Action::Accept));
    }
    if super::layout::decision_button(ui, false, format!("Reject {} {text}", e.label)) {
        out = Some((item, Action::Reject));
    }
    let mark = match e.status {
        EntityStatus::Pending => "○",
        EntityStatus::Accepted => "✔",
        EntityStatus::Rejected => "✖",
        EntityStatus::NeedsReview => "⚠",
    };
    let title = format!("{mark} {text} — {}", origin(e));
    let row = ui.add(egui::Button::selectable(focus == Some(item), title).truncate()).on_hover_ui(|ui| {
        let (label, status, origin) = (&e.label, e.status.as_str(), origin(e));
        ui.label(format!(
            "{label} ({status}), suggested by {origin}\nclick to show it in the text; A accept · R reject"
        ));
    });
    if row.clicked() {
        out = out.or(Some((item, Action::NextItem)));
    }
    out
}

/// The entity's text on one line, shortened past 40 characters.
fn surface(doc: &Document, e: &Entity) -> String {
    let text = doc.cleaned().get(e.start..e.end).unwrap_or_default();
    let mut shown: String = text.chars().take(40).map(|c| if c.is_whitespace() { ' ' } else { c }).collect();
    if text.chars().nth(40).is_some() {
        shown.push('…');
    }
    shown
}

/// Where a suggestion came from: the suggester, with its score when it gave one.
fn origin(e: &Entity) -> String {
    match e.score {
        Some(score) => format!("{} {score:.2}", e.origin),
        None => e.origin.to_string(),
    }
}
