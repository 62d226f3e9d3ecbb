//! Dragging an entity's start or end edge in the cleaned text: a horizontal-resize cursor over an
//! edge, the new extent previewed as the selection while dragging, and one undoable `SetEntityRange`
//! on release, snapped to whole words unless Alt is held (as a selection snaps).

use eframe::egui;

use super::text_view::{TextView, ViewEvents};
use crate::model::{EntityId, ModelError};
use crate::session::{Focus, Session};

/// How close (in points) the pointer must be to an edge to grab it.
const GRAB: f32 = 4.0;

/// The entity edge being dragged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EdgeDrag {
    entity: EntityId,
    start: bool,
}

/// Handles the pointer over the cleaned view when it concerns an entity edge. Returns `None` when the
/// input is not an edge gesture (the caller treats it as a click or a selection), else whether the
/// document changed.
pub fn handle(
    ui: &egui::Ui,
    grip: &mut Option<EdgeDrag>,
    view: &TextView,
    s: &mut Session,
    ev: &ViewEvents,
) -> Option<Result<bool, ModelError>> {
    let (pointer, pressed, down, exact) =
        ui.input(|i| (i.pointer.hover_pos(), i.pointer.primary_pressed(), i.pointer.primary_down(), i.modifiers.alt));
    let hovered = pointer.and_then(|p| edge_under(view, s, ev, p));
    if grip.is_none() && pressed {
        *grip = hovered;
    }
    if hovered.is_some() || grip.is_some() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::ResizeHorizontal);
    }
    let drag = (*grip)?;
    match ev.dragged {
        Some((_, to, true)) => {
            *grip = None;
            Some(s.drag_entity_edge(drag.entity, drag.start, to, exact))
        }
        Some((_, to, false)) => {
            let preview = s.dragged_edge_range(drag.entity, drag.start, to, exact);
            s.anchor = preview.map(|(a, _)| a);
            s.caret = preview.map_or(s.caret, |(_, z)| z);
            s.focus = Some(Focus::Entity(drag.entity));
            Some(Ok(false))
        }
        None if down => Some(Ok(false)),
        None => {
            *grip = None;
            None
        }
    }
}

/// The edge of a live entity within [`GRAB`] points of the pointer, on the pointer's line.
fn edge_under(view: &TextView, s: &Session, ev: &ViewEvents, pointer: egui::Pos2) -> Option<EdgeDrag> {
    let at = ev.pointer_source?;
    let near = |edge: usize| {
        view.boundary_rect(edge)
            .is_some_and(|r| (r.center().x - pointer.x).abs() <= GRAB && r.y_range().contains(pointer.y))
    };
    s.doc
        .entities()
        .iter()
        .filter(|e| e.is_live())
        .flat_map(|e| [(e.id, true, e.start), (e.id, false, e.end)])
        .find(|&(_, _, edge)| edge == at && near(edge))
        .map(|(entity, start, _)| EdgeDrag { entity, start })
}
