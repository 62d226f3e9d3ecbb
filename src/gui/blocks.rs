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
#[derive(Debug, Clone)]
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
#[derive(Debug, Clone)]
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
