//! A long text shown as per-paragraph galleys: only the visible paragraphs are painted, a change
//! re-lays out only the paragraphs whose text or styling differ, and clicks and drags are
//! hit-tested on one small galley and mapped back to source bytes.

use std::sync::Arc;

use eframe::egui::{self, Galley, Rect, Sense, Vec2, text::CCursor};

use super::blocks::{Block, Target};

/// What happened in a text view this frame.
#[derive(Debug, Default)]
pub struct ViewEvents {
    /// A click: the source byte and what was drawn there.
    pub clicked: Option<(usize, Target)>,
    /// A double click at this source byte.
    pub double_clicked: Option<usize>,
    /// A drag from the first source byte to the second; `true` once the button is released.
    pub dragged: Option<(usize, usize, bool)>,
    /// What the pointer rests on.
    pub hovered: Option<Target>,
    /// The source byte nearest the pointer.
    pub pointer_source: Option<usize>,
    /// Whether the view's scroll position changed this frame.
    pub scrolled: bool,
}

/// A scrollable, virtualised view of display blocks.
pub struct TextView {
    id: &'static str,
    name: &'static str,
    blocks: Vec<Block>,
    /// One galley per block, laid out at `width`; `None`: to be laid out.
    galleys: Vec<Option<Arc<Galley>>>,
    tops: Vec<f32>,
    height: f32,
    width: f32,
    dirty: bool,
    offset: f32,
    viewport: Rect,
    scroll_to: Option<f32>,
    drag_anchor: Option<usize>,
    /// Where the content's top left was drawn last frame (screen coordinates).
    origin: egui::Pos2,
    /// A caret to draw, at this source byte.
    pub caret: Option<usize>,
}

impl TextView {
    /// An empty view; `id` keeps its scroll state apart, `name` is its accessible name.
    pub fn new(id: &'static str, name: &'static str) -> Self {
        Self {
            id,
            name,
            blocks: Vec::new(),
            galleys: Vec::new(),
            tops: Vec::new(),
            height: 0.0,
            width: 0.0,
            dirty: true,
            offset: 0.0,
            viewport: Rect::NOTHING,
            scroll_to: None,
            drag_anchor: None,
            origin: egui::Pos2::ZERO,
            caret: None,
        }
    }

    /// Replaces the content. Paragraphs equal to the old ones at the start and at the end keep their
    /// galleys (an edit touches a run of paragraphs in between), compared without hashing whole texts.
    pub fn set_blocks(&mut self, blocks: Vec<Block>) {
        let (old, new) = (&self.blocks, &blocks);
        let same = |a: &Block, b: &Block| a.job == b.job;
        let prefix = old.iter().zip(new).take_while(|(a, b)| same(a, b)).count();
        let room = old.len().min(new.len()) - prefix;
        let suffix = old.iter().rev().zip(new.iter().rev()).take(room).take_while(|(a, b)| same(a, b)).count();
        let mut galleys: Vec<Option<Arc<Galley>>> = vec![None; new.len()];
        galleys[..prefix].clone_from_slice(&self.galleys[..prefix]);
        galleys[new.len() - suffix..].clone_from_slice(&self.galleys[old.len() - suffix..]);
        self.galleys = galleys;
        self.blocks = blocks;
        self.dirty = true;
    }

    /// Replaces the paragraphs whose source starts in `start..=old_end` with `blocks` and moves the later
    /// ones `delta` bytes along the source; every other paragraph keeps its galley.
    pub fn splice_blocks(&mut self, start: usize, old_end: usize, blocks: Vec<Block>, delta: isize) {
        let first = self.blocks.partition_point(|b| b.source_start < start);
        let last = self.blocks.partition_point(|b| b.source_start <= old_end).max(first);
        if delta != 0 {
            self.blocks[last..].iter_mut().for_each(|b| b.shift(delta));
        }
        self.galleys.splice(first..last, std::iter::repeat_n(None, blocks.len()));
        self.blocks.splice(first..last, blocks);
        self.dirty = true;
    }

    /// The paragraphs shown.
    #[cfg(test)]
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// Where the visible part starts: the source byte of the top paragraph and how far down into that
    /// paragraph (0–1) the view is scrolled.
    pub fn top_anchor(&self) -> (usize, f32) {
        let b = self.tops.partition_point(|&t| t <= self.offset).saturating_sub(1);
        let (top, height) = (self.tops.get(b).copied().unwrap_or(0.0), self.block_height(b));
        let into = if height > 0.0 { ((self.offset - top) / height).clamp(0.0, 1.0) } else { 0.0 };
        (self.blocks.get(b).map_or(0, |b| b.source_start), into)
    }

    /// Scrolls so the paragraph holding `source` is at the top, `into` (0–1) of the way down it.
    pub fn scroll_to_anchor(&mut self, source: usize, into: f32) {
        let b = self.block_of(source);
        let y = self.tops.get(b).copied().unwrap_or(0.0) + into * self.block_height(b);
        self.scroll_to = Some(y);
        self.offset = y;
    }

    /// The index of the paragraph holding `source`.
    fn block_of(&self, source: usize) -> usize {
        self.blocks.partition_point(|b| b.source_start <= source).saturating_sub(1)
    }

    /// The laid-out height of paragraph `b`.
    fn block_height(&self, b: usize) -> f32 {
        self.galley(b).map_or(0.0, |g| g.size().y)
    }

    /// The laid-out galley of paragraph `b`.
    fn galley(&self, b: usize) -> Option<&Arc<Galley>> {
        self.galleys.get(b).and_then(Option::as_ref)
    }

    /// Scrolls just enough for the paragraph holding `source` to be visible.
    pub fn reveal_source(&mut self, source: usize) {
        let y = self.y_of(source);
        let visible = self.viewport.height().max(1.0);
        if self.viewport.is_positive() && (y < self.offset || y > self.offset + visible - 40.0) {
            self.scroll_to = Some((y - visible / 3.0).max(0.0));
        }
    }

    /// The top of the paragraph holding `source`.
    fn y_of(&self, source: usize) -> f32 {
        self.tops.get(self.block_of(source)).copied().unwrap_or(0.0)
    }

    /// Lays out the paragraphs that have no galley for this wrap width (all of them when it changed).
    fn layout(&mut self, ui: &egui::Ui, width: f32) {
        if (width - self.width).abs() > 0.5 || self.galleys.len() != self.blocks.len() {
            self.galleys = vec![None; self.blocks.len()];
        }
        let blank_font = egui::TextStyle::Body.resolve(ui.style());
        self.tops.clear();
        let mut y = 0.0;
        for (block, slot) in self.blocks.iter().zip(&mut self.galleys) {
            let galley = slot.get_or_insert_with(|| {
                let mut job = block.job.clone();
                if job.text.is_empty() {
                    job.append(" ", 0.0, egui::TextFormat::simple(blank_font.clone(), egui::Color32::TRANSPARENT));
                }
                job.wrap.max_width = width;
                ui.painter().layout_job(job)
            });
            self.tops.push(y);
            y += galley.size().y;
        }
        self.height = y;
        self.width = width;
        self.dirty = false;
    }

    /// The source byte and target under a point given relative to the content's top left.
    fn hit(&self, local: Vec2) -> Option<(usize, Target)> {
        let b = self.tops.partition_point(|&t| t <= local.y).saturating_sub(1);
        let (block, galley) = (self.blocks.get(b)?, self.galley(b)?);
        let cursor = galley.cursor_from_pos(local - Vec2::new(0.0, self.tops[b]));
        let text = &block.job.text;
        let byte = text.char_indices().nth(cursor.index.0).map_or(text.len(), |(i, _)| i);
        Some(block.source_at(byte))
    }

    /// The caret's rectangle relative to the content's top left.
    fn caret_rect(&self, source: usize) -> Option<Rect> {
        let b = self.block_of(source);
        let (block, galley) = (self.blocks.get(b)?, self.galley(b)?);
        let byte = block.display_of(source);
        let chars = block.job.text.get(..byte).map_or(0, |s| s.chars().count());
        Some(galley.pos_from_cursor(CCursor::new(chars)).translate(Vec2::new(0.0, self.tops[b])))
    }

    /// The zero-width rectangle of the boundary before source byte `source`, in screen coordinates
    /// as drawn last frame.
    pub fn boundary_rect(&self, source: usize) -> Option<Rect> {
        self.caret_rect(source).map(|r| r.translate(self.origin.to_vec2()))
    }

    /// Where the text at source byte `source` starts on screen, as drawn this frame (held inside the
    /// visible part when it is scrolled out of sight), and the width the text wraps at.
    pub fn text_place(&self, source: usize) -> Option<(egui::Pos2, f32)> {
        let row = self.boundary_rect(source)?;
        let top = self.origin.y + self.offset;
        let bottom = top + self.viewport.height();
        let y = row.top().clamp(top, (bottom - 3.0 * row.height()).max(top));
        Some((egui::pos2(self.origin.x, y), self.width))
    }

    /// Shows the view filling the available space and reports what the person did in it.
    pub fn show(&mut self, ui: &mut egui::Ui, tooltip: impl Fn(Target) -> Option<String>) -> ViewEvents {
        let width = (ui.available_width() - ui.spacing().scroll.bar_width - 8.0).max(40.0);
        if self.dirty || (width - self.width).abs() > 0.5 {
            self.layout(ui, width);
        }
        let mut area = egui::ScrollArea::vertical().id_salt(self.id).auto_shrink(false);
        let forced = self.scroll_to.take();
        if let Some(y) = forced {
            area = area.vertical_scroll_offset(y);
        }
        let mut events = ViewEvents::default();
        let out = area.show_viewport(ui, |ui, viewport| {
            let (rect, response) = ui.allocate_exact_size(Vec2::new(width, self.height), Sense::click_and_drag());
            let name = self.name;
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Document, true, name));
            self.origin = rect.min;
            self.paint(ui, rect, viewport);
            self.interact(ui, &response, rect, &mut events);
            if let Some(text) = events.hovered.and_then(&tooltip) {
                response.on_hover_text_at_pointer(text);
            }
        });
        let offset = out.state.clamped_offset().y;
        // Only the person's scrolling counts: a view moved to follow the other must not lead it back.
        events.scrolled = forced.is_none() && (offset - self.offset).abs() > 0.5;
        self.offset = offset;
        self.viewport = Rect::from_min_size(egui::pos2(0.0, offset), out.inner_rect.size());
        events
    }

    /// Paints the visible paragraphs and the caret.
    fn paint(&self, ui: &egui::Ui, rect: Rect, viewport: Rect) {
        let painter = ui.painter();
        let text_color = ui.visuals().text_color();
        let first = self.tops.partition_point(|&t| t <= viewport.min.y).saturating_sub(1);
        for (top, galley) in self.tops.iter().zip(&self.galleys).skip(first) {
            if *top > viewport.max.y {
                break;
            }
            if let Some(galley) = galley {
                painter.galley(rect.min + Vec2::new(0.0, *top), galley.clone(), text_color);
            }
        }
        if let Some(caret) = self.caret.and_then(|c| self.caret_rect(c)) {
            let r = caret.translate(rect.min.to_vec2());
            painter.line_segment([r.center_top(), r.center_bottom()], egui::Stroke::new(2.0, text_color));
        }
    }

    /// Turns pointer input on the content into events.
    fn interact(&mut self, ui: &egui::Ui, response: &egui::Response, rect: Rect, events: &mut ViewEvents) {
        let local = |p: egui::Pos2| p - rect.min;
        if response.drag_started() {
            let origin = ui.input(|i| i.pointer.press_origin()).or(response.interact_pointer_pos());
            self.drag_anchor = origin.and_then(|p| self.hit(local(p))).map(|(s, _)| s);
        }
        if let (Some(anchor), Some(pos)) = (self.drag_anchor, response.interact_pointer_pos())
            && (response.dragged() || response.drag_stopped())
            && let Some((here, _)) = self.hit(local(pos))
        {
            events.dragged = Some((anchor, here, response.drag_stopped()));
        }
        if response.drag_stopped() {
            self.drag_anchor = None;
        }
        if response.double_clicked() {
            events.double_clicked = response.interact_pointer_pos().and_then(|p| self.hit(local(p))).map(|(s, _)| s);
        } else if response.clicked() {
            events.clicked = response.interact_pointer_pos().and_then(|p| self.hit(local(p)));
        }
        let hovered = response.hover_pos().and_then(|p| self.hit(local(p)));
        events.hovered = hovered.map(|(_, t)| t);
        events.pointer_source = hovered.map(|(s, _)| s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::blocks::BlockBuilder;

    fn blocks(text: &str) -> Vec<Block> {
        let mut b = BlockBuilder::default();
        b.push(text, &egui::TextFormat::default(), 0, true, Target::Text);
        b.finish(text.len())
    }

    fn show(ctx: &egui::Context, view: &mut TextView) {
        let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
            view.show(ui, |_| None);
        });
        out.textures_delta.clear();
    }

    #[test]
    fn an_edit_keeps_the_galleys_of_unchanged_paragraphs() {
        let ctx = egui::Context::default();
        let mut view = TextView::new("t", "test view");
        view.set_blocks(blocks("one\ntwo\nthree\nfour"));
        show(&ctx, &mut view);
        assert_eq!(view.galleys.len(), 4);
        view.set_blocks(blocks("one\n2\n2b\nthree\nfour"));
        let kept: Vec<bool> = view.galleys.iter().map(Option::is_some).collect();
        assert_eq!(kept, [true, false, false, true, true]);
        let old_three = view.galleys[3].clone().expect("laid out");
        show(&ctx, &mut view);
        assert!(Arc::ptr_eq(view.galley(3).expect("laid out"), &old_three), "paragraph three was not laid out again");
        assert!(view.tops.windows(2).all(|w| w[0] < w[1]));
        // Blocks replaced twice without being shown are never matched with stale galleys.
        view.set_blocks(blocks("x"));
        view.set_blocks(blocks("x\ny"));
        assert!(view.galleys.iter().all(Option::is_none));
    }

    #[test]
    fn a_spliced_paragraph_is_laid_out_alone_and_later_ones_move() {
        let ctx = egui::Context::default();
        let mut view = TextView::new("t", "test view");
        view.set_blocks(blocks("one\ntwo\nthree"));
        show(&ctx, &mut view);
        let three = view.galley(2).cloned().expect("laid out");
        let mut b = BlockBuilder::default();
        b.push("twoo\nand", &egui::TextFormat::default(), 4, true, Target::Text);
        view.splice_blocks(4, 7, b.finish(12), 5);
        show(&ctx, &mut view);
        let texts: Vec<&str> = view.blocks.iter().map(|b| b.job.text.as_str()).collect();
        assert_eq!(texts, ["one", "twoo", "and", "three"]);
        assert_eq!((view.blocks[3].source_start, view.blocks[3].source_end), (13, 18));
        assert!(Arc::ptr_eq(view.galley(3).expect("laid out"), &three), "paragraph three was laid out again");
    }
}
