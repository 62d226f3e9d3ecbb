//! Display text split into paragraphs ("blocks"), each with its styling and the map from display
//! bytes back to the source text (raw or cleaned) and to what was drawn there (an edit, an entity).

use eframe::egui::text::{LayoutJob, TextFormat};

use crate::model::{EditId, EntityId};

/// What a stretch of display text stands for, for clicks and tooltips.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Plain text.
    Text,
    /// A cleaning edit (its removed text or its replacement).
    Edit(EditId),
    /// An entity (its text or its label tag).
    Entity(EntityId),
}

/// A stretch of one block's display text.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// Display byte where the piece starts in its block.
    pub display: usize,
    /// Length in display bytes.
    pub len: usize,
    /// The source byte the piece starts at.
    pub source: usize,
    /// Whether display bytes map one to one onto source bytes (false for decorations such as a
    /// replacement shown beside the text it replaces, or a label tag).
    pub mapped: bool,
    /// What the piece stands for.
    pub target: Target,
}

/// One paragraph of display text.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// The text and its formats, ready for layout (without the paragraph's line break).
    pub job: LayoutJob,
    /// Display stretches in order.
    pub pieces: Vec<Piece>,
    /// The source byte of the block's start.
    pub source_start: usize,
    /// The source byte of the block's end (before its line break).
    pub source_end: usize,
}

impl Block {
    /// The source byte and target under a display byte.
    pub fn source_at(&self, display: usize) -> (usize, Target) {
        let i = self.pieces.partition_point(|p| p.display <= display);
        match i.checked_sub(1).map(|i| &self.pieces[i]) {
            Some(p) if p.mapped => (p.source + (display - p.display).min(p.len), p.target),
            Some(p) if display < p.display + p.len => (p.source, p.target),
            Some(p) => (p.source, Target::Text),
            None => (self.source_start, Target::Text),
        }
    }

    /// The display byte of a source byte inside this block (mapped pieces only).
    pub fn display_of(&self, source: usize) -> usize {
        let mut best = 0;
        for p in self.pieces.iter().filter(|p| p.mapped) {
            if p.source <= source && source <= p.source + p.len {
                return p.display + (source - p.source);
            }
            if p.source + p.len <= source {
                best = p.display + p.len;
            }
        }
        best
    }
}

impl Block {
    /// Moves the block `delta` bytes along its source text (text before it grew or shrank).
    pub fn shift(&mut self, delta: isize) {
        let moved = |at: usize| at.saturating_add_signed(delta);
        self.source_start = moved(self.source_start);
        self.source_end = moved(self.source_end);
        for piece in &mut self.pieces {
            piece.source = moved(piece.source);
        }
    }
}

/// One styled stretch of a view's source text (an edit, an entity, the selection) as drawn:
/// where it is and a fingerprint of everything else its look depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// Source start byte.
    pub start: usize,
    /// Source end byte (exclusive).
    pub end: usize,
    /// Hash of what the mark stands for and how it is drawn (id, state, label, focus...).
    pub look: u64,
}

impl Mark {
    /// The mark moved `delta` bytes along the source.
    fn shifted(self, delta: isize) -> Self {
        Self { start: self.start.saturating_add_signed(delta), end: self.end.saturating_add_signed(delta), ..self }
    }
}

/// A stretch of source text whose blocks must be built again: `start..=old_end` in the text as drawn
/// became `start..=new_end`. Both ends are line ends (or the text's ends) and no mark crosses them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Damage {
    /// First source byte (a line start).
    pub start: usize,
    /// End of the stretch in the text as drawn (a line break or the text's end).
    pub old_end: usize,
    /// End of the stretch in the new text.
    pub new_end: usize,
}

impl Damage {
    /// How far the text after the stretch moved.
    pub fn delta(&self) -> isize {
        self.new_end as isize - self.old_end as isize
    }
}

/// What a view's blocks were built from (its source text and marks), to find the stretches a change
/// of the document touched instead of building every block again.
#[derive(Debug, Default)]
pub struct Drawn {
    text: String,
    marks: Vec<Mark>,
}

impl Drawn {
    /// Remembers the text and marks the blocks were just built from (reusing the buffers).
    pub fn set(&mut self, text: &str, marks: Vec<Mark>) {
        self.text.clear();
        self.text.push_str(text);
        self.marks = marks;
    }

    /// The stretches to build again for `text` and `marks` (sorted by start), last first; empty when
    /// nothing changed. A change of the text gives one stretch (with every mark that changed);
    /// otherwise each changed mark gives its own, so moving the focus far away stays cheap.
    pub fn damage(&self, text: &str, marks: &[Mark]) -> Vec<Damage> {
        let mut found: Vec<Damage> = if self.text == text {
            changed_marks(&self.marks, marks).map(|m| self.grow(text, marks, m.start, m.end, 0)).collect()
        } else {
            vec![self.text_damage(text, marks)]
        };
        found.sort_by_key(|d| std::cmp::Reverse(d.start));
        let mut merged: Vec<Damage> = Vec::with_capacity(found.len());
        for d in found {
            match merged.last_mut() {
                Some(later) if d.old_end >= later.start => {
                    *later = Damage { start: d.start.min(later.start), ..*later };
                }
                _ => merged.push(d),
            }
        }
        merged
    }

    /// The one stretch covering a change of the text and every mark that differs around it.
    fn text_damage(&self, text: &str, marks: &[Mark]) -> Damage {
        let (prefix, suffix) = unchanged_ends(&self.text, text);
        let delta = text.len() as isize - self.text.len() as isize;
        let old_tail = self.text.len() - suffix;
        let same_before = |(a, b): (&Mark, &Mark)| a == b && a.end < prefix;
        let before = self.marks.iter().zip(marks).take_while(|&p| same_before(p)).count();
        let same_after = |(a, b): (&Mark, &Mark)| a.shifted(delta) == *b && a.start > old_tail;
        let room = self.marks.len().min(marks.len()) - before;
        let after = self.marks.iter().rev().zip(marks.iter().rev()).take(room).take_while(|&p| same_after(p)).count();
        let (old_changed, new_changed) =
            (&self.marks[before..self.marks.len() - after], &marks[before..marks.len() - after]);
        let start = old_changed.iter().chain(new_changed).map(|m| m.start).fold(prefix, usize::min);
        let old_end = (old_changed.iter().map(|m| m.end))
            .chain(new_changed.iter().map(|m| m.end.saturating_add_signed(-delta)))
            .fold(old_tail, usize::max);
        self.grow(text, marks, start, old_end.saturating_add_signed(delta), delta)
    }

    /// Grows `start..=new_end` to whole lines until no mark crosses either end: neither a new one
    /// nor one as drawn (compared in the old text; the text after the stretch moved by `delta`).
    fn grow(&self, text: &str, marks: &[Mark], mut start: usize, mut new_end: usize, delta: isize) -> Damage {
        let bytes = text.as_bytes();
        loop {
            start = memchr::memrchr(b'\n', &bytes[..start.min(bytes.len())]).map_or(0, |i| i + 1);
            new_end = new_end.min(bytes.len());
            new_end = memchr::memchr(b'\n', &bytes[new_end..]).map_or(bytes.len(), |i| new_end + i);
            let old_end = new_end.saturating_add_signed(-delta);
            let crosses =
                |m: &&Mark, end: usize| (m.start < start && m.end >= start) || (m.start <= end && m.end > end);
            let wider =
                match (marks.iter().find(|m| crosses(m, new_end)), self.marks.iter().find(|m| crosses(m, old_end))) {
                    (Some(m), _) => (m.start, m.end),
                    (None, Some(m)) => (m.start, m.end.saturating_add_signed(delta)),
                    (None, None) => (start, new_end),
                };
            let grown = (start.min(wider.0), new_end.max(wider.1).min(bytes.len()));
            if grown == (start, new_end) {
                return Damage { start, old_end, new_end };
            }
            (start, new_end) = grown;
        }
    }
}

/// The marks in `old` or `new` that are not in the other (both sorted by start).
fn changed_marks<'a>(old: &'a [Mark], new: &'a [Mark]) -> impl Iterator<Item = Mark> + 'a {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        loop {
            match (old.get(i), new.get(j)) {
                (Some(a), Some(b)) if a == b => (i, j) = (i + 1, j + 1),
                (Some(a), Some(b)) if (a.start, a.end, a.look) < (b.start, b.end, b.look) => {
                    i += 1;
                    return Some(*a);
                }
                (_, Some(b)) => {
                    j += 1;
                    return Some(*b);
                }
                (Some(a), None) => {
                    i += 1;
                    return Some(*a);
                }
                (None, None) => return None,
            }
        }
    })
}

/// How many bytes at the start and at the end two texts share, on character boundaries and never
/// overlapping in the shorter one.
fn unchanged_ends(old: &str, new: &str) -> (usize, usize) {
    let mut prefix = common_prefix(old.as_bytes(), new.as_bytes());
    while !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let room = old.len().min(new.len()) - prefix;
    let mut suffix = common_suffix(old.as_bytes(), new.as_bytes()).min(room);
    while !new.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    (prefix, suffix)
}

/// The length of the common start of two byte strings (compared a page at a time first).
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + 4096 <= n && a[i..i + 4096] == b[i..i + 4096] {
        i += 4096;
    }
    i + a[i..n].iter().zip(&b[i..n]).take_while(|(x, y)| x == y).count()
}

/// The length of the common end of two byte strings.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let (a, b) = (&a[a.len() - n..], &b[b.len() - n..]);
    let mut i = 0;
    while i + 4096 <= n && a[n - i - 4096..n - i] == b[n - i - 4096..n - i] {
        i += 4096;
    }
    i + a[..n - i].iter().rev().zip(b[..n - i].iter().rev()).take_while(|(x, y)| x == y).count()
}

/// Builds blocks from styled runs, starting a new block at every line break.
#[derive(Debug, Default)]
pub struct BlockBuilder {
    blocks: Vec<Block>,
    current: Option<Block>,
}

impl BlockBuilder {
    /// Appends a run. `source` is where it starts in the source text; a `mapped` run's bytes are the
    /// source's bytes, an unmapped one is a decoration anchored at `source`.
    pub fn push(&mut self, text: &str, format: &TextFormat, source: usize, mapped: bool, target: Target) {
        let mut offset = 0;
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                let at = if mapped { source + offset } else { source };
                self.end_block(at);
                offset += 1;
            }
            let at = if mapped { source + offset } else { source };
            let block = self.current.get_or_insert_with(|| empty_block(at));
            if !line.is_empty() {
                block.pieces.push(Piece { display: block.job.text.len(), len: line.len(), source: at, mapped, target });
                block.job.append(line, 0.0, format.clone());
            }
            offset += line.len();
        }
    }

    /// Ends the current block at source byte `end` (the position of the line break).
    fn end_block(&mut self, end: usize) {
        let mut block = self.current.take().unwrap_or_else(|| empty_block(end));
        block.source_end = end;
        self.blocks.push(block);
    }

    /// The blocks, the last one ending at source byte `end`.
    pub fn finish(mut self, end: usize) -> Vec<Block> {
        self.end_block(end);
        self.blocks
    }
}

/// A block with no text yet, starting at a source byte.
fn empty_block(source: usize) -> Block {
    Block { job: LayoutJob::default(), pieces: Vec::new(), source_start: source, source_end: source }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, look: u64) -> Mark {
        Mark { start, end, look }
    }

    fn damage(start: usize, old_end: usize, new_end: usize) -> Damage {
        Damage { start, old_end, new_end }
    }

    #[test]
    fn a_changed_line_is_the_damage_and_marks_after_it_move_along() {
        let mut drawn = Drawn::default();
        drawn.set("aa\nbb\ncc\ndd", vec![mark(0, 2, 1), mark(6, 8, 2)]);
        let found = drawn.damage("aa\nbXb\ncc\ndd", &[mark(0, 2, 1), mark(7, 9, 2)]);
        assert_eq!(found, [damage(3, 5, 6)]);
        // A mark that did not move with its text is drawn again where it now is.
        let found = drawn.damage("aa\nbXb\ncc\ndd", &[mark(0, 2, 1), mark(6, 8, 2)]);
        assert_eq!(found, [damage(3, 8, 9)]);
    }

    #[test]
    fn marks_alone_give_one_stretch_each_grown_over_what_they_cross() {
        let mut drawn = Drawn::default();
        let text = "aa\nbb\ncc\ndd\nee";
        drawn.set(text, vec![mark(0, 1, 1), mark(4, 7, 2), mark(12, 13, 3)]);
        assert!(drawn.damage(text, &[mark(0, 1, 1), mark(4, 7, 2), mark(12, 13, 3)]).is_empty());
        let found = drawn.damage(text, &[mark(0, 1, 9), mark(4, 7, 2), mark(12, 13, 8)]);
        assert_eq!(found, [damage(12, 14, 14), damage(0, 2, 2)]);
        let found = drawn.damage(text, &[mark(0, 1, 1), mark(4, 7, 5), mark(12, 13, 3)]);
        assert_eq!(found, [damage(3, 8, 8)], "the mark from line two into line three takes both");
    }

    #[test]
    fn splits_at_line_breaks_and_maps_back() {
        let f = TextFormat::default();
        let mut b = BlockBuilder::default();
        b.push("ab\ncd", &f, 0, true, Target::Text);
        b.push("XY", &f, 5, false, Target::Edit(3));
        b.push("ef\n\ng", &f, 5, true, Target::Text);
        let blocks = b.finish(10);
        assert_eq!(blocks.iter().map(|b| b.job.text.as_str()).collect::<Vec<_>>(), ["ab", "cdXYef", "", "g"]);
        assert_eq!((blocks[1].source_start, blocks[1].source_end), (3, 7));
        assert_eq!(blocks[1].source_at(1), (4, Target::Text));
        assert_eq!(blocks[1].source_at(2), (5, Target::Edit(3)));
        assert_eq!(blocks[1].source_at(5), (6, Target::Text));
        assert_eq!(blocks[1].display_of(6), 5);
        assert_eq!((blocks[2].source_start, blocks[3].source_start, blocks[3].source_end), (8, 9, 10));
    }
}
