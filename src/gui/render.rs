//! Turning a document into display blocks: the original with every suggestion marked where it acts,
//! and the cleaned text with its entities, label tags, selection and focus.

use std::hash::Hash;
use std::ops::Range;

use eframe::egui::{Stroke, TextFormat};

use super::blocks::{Block, BlockBuilder, Mark, Target};
use super::palette::Palette;
use crate::labels::LabelDef;
use crate::model::{Document, Edit, EditStatus, Entity, EntityStatus};
use crate::session::Focus;

/// The mark shown for a removed line break (and for line breaks inside replacement text), so deleted blank lines stay visible.
pub const LINE_BREAK_MARK: &str = "¶";

/// A hash of what a mark's look depends on (epaint's aHash: SipHash cost a tenth of a keystroke's frame).
fn look(parts: impl Hash) -> u64 {
    eframe::egui::epaint::util::hash(parts)
}

/// Every edit as a mark on the raw text: what the original view's blocks depend on besides the text.
pub fn original_marks(doc: &Document, focus: Option<Focus>) -> Vec<Mark> {
    let mark = |e: &Edit| {
        let focused = focus == Some(Focus::Edit(e.id));
        Mark { start: e.start, end: e.end, look: look((e.id, e.status, focused, &e.replacement)) }
    };
    doc.edits().iter().map(mark).collect()
}

/// The raw lines `lines` (from a line start to a line end) with each edit marked: removed text
/// struck through, replacements beside it. No edit may cross the ends of `lines`.
pub fn original_blocks(doc: &Document, pal: &Palette, focus: Option<Focus>, lines: Range<usize>) -> Vec<Block> {
    let raw = doc.raw();
    let plain = TextFormat::simple(pal.font.clone(), pal.text);
    let mut b = BlockBuilder::default();
    let mut at = lines.start;
    let edits = doc.edits();
    let (first, last) =
        (edits.partition_point(|e| e.start < lines.start), edits.partition_point(|e| e.start <= lines.end));
    for edit in &edits[first..last] {
        if edit.start > at {
            b.push(&raw[at..edit.start], &plain, at, true, Target::Text);
        }
        let focused = focus == Some(Focus::Edit(edit.id));
        push_removed(&mut b, raw, edit, pal, focused);
        if !edit.replacement.is_empty() {
            let fmt = replacement_format(edit.status, pal, focused);
            b.push(&edit.replacement.replace('\n', "¶"), &fmt, edit.end, false, Target::Edit(edit.id));
        }
        at = edit.end;
    }
    if lines.end > at {
        b.push(&raw[at..lines.end], &plain, at, true, Target::Text);
    }
    b.finish(lines.end.max(at))
}

/// Pushes an edit's removed raw text, marking line breaks so removed blank lines can be seen.
fn push_removed(b: &mut BlockBuilder, raw: &str, edit: &Edit, pal: &Palette, focused: bool) {
    let fmt = removed_format(edit.status, pal, focused);
    let mark = fmt.clone();
    let target = Target::Edit(edit.id);
    let mut at = edit.start;
    for (i, _) in raw[edit.start..edit.end].match_indices('\n') {
        let nl = edit.start + i;
        if nl > at {
            b.push(&raw[at..nl], &fmt, at, true, target);
        }
        b.push(LINE_BREAK_MARK, &mark, nl, false, target);
        b.push("\n", &fmt, nl, true, target);
        at = nl + 1;
    }
    if edit.end > at {
        b.push(&raw[at..edit.end], &fmt, at, true, target);
    }
}

/// How text an edit removes looks in each state.
fn removed_format(status: EditStatus, pal: &Palette, focused: bool) -> TextFormat {
    let mut f = TextFormat::simple(pal.font.clone(), pal.text);
    match status {
        EditStatus::Pending => {
            f.background = pal.pending;
            f.strikethrough = Stroke::new(1.5, pal.alarm);
        }
        EditStatus::Accepted => {
            f.color = pal.weak;
            f.background = pal.removed;
            f.strikethrough = Stroke::new(1.5, pal.weak);
        }
        EditStatus::Rejected => f.underline = Stroke::new(1.0, pal.weak),
    }
    if focused {
        f.underline = Stroke::new(2.5, pal.focus);
    }
    f
}

/// How an edit's replacement text looks in each state.
fn replacement_format(status: EditStatus, pal: &Palette, focused: bool) -> TextFormat {
    let mut f = TextFormat::simple(pal.font.clone(), pal.text);
    match status {
        EditStatus::Pending => {
            f.background = pal.pending;
            f.underline = Stroke::new(1.5, pal.inserted);
        }
        EditStatus::Accepted => f.background = pal.inserted,
        EditStatus::Rejected => {
            f.color = pal.weak;
            f.strikethrough = Stroke::new(1.0, pal.weak);
        }
    }
    if focused {
        f.underline = Stroke::new(2.5, pal.focus);
    }
    f
}

/// Every shown entity and the selection as marks on the cleaned text, sorted by start: what the
/// cleaned view's blocks depend on besides the text.
pub fn cleaned_marks(doc: &Document, selection: Option<(usize, usize)>, focus: Option<Focus>) -> Vec<Mark> {
    let mut marks: Vec<Mark> = (doc.entities().iter().filter(|e| e.is_live()))
        .map(|e| {
            let focused = focus == Some(Focus::Entity(e.id));
            Mark { start: e.start, end: e.end, look: look((e.id, e.status, &e.label, focused)) }
        })
        .collect();
    if let Some((start, end)) = selection {
        let at = marks.partition_point(|m| (m.start, m.end) <= (start, end));
        marks.insert(at, Mark { start, end, look: look("selection") });
    }
    marks
}

/// The cleaned lines `lines` (from a line start to a line end) with entities (filled, or outlined
/// when suggested), label tags, selection and focus. No entity may cross the ends of `lines`.
pub fn cleaned_blocks(
    doc: &Document,
    labels: &[LabelDef],
    pal: &Palette,
    (selection, focus): (Option<(usize, usize)>, Option<Focus>),
    lines: Range<usize>,
) -> Vec<Block> {
    let text = doc.cleaned();
    let all = doc.entities();
    let (first, last) = (all.partition_point(|e| e.start < lines.start), all.partition_point(|e| e.start <= lines.end));
    let shown: Vec<&Entity> = all[first..last].iter().filter(|e| e.is_live()).collect();
    let mut points: Vec<usize> = vec![lines.start, lines.end];
    for e in &shown {
        points.extend([e.start, e.end]);
    }
    if let Some((a, z)) = selection {
        points.extend([a.clamp(lines.start, lines.end), z.clamp(lines.start, lines.end)]);
    }
    points.sort_unstable();
    points.dedup();
    let mut b = BlockBuilder::default();
    let mut active: Vec<&Entity> = Vec::new();
    let mut next = 0;
    for pair in points.windows(2) {
        let (a, z) = (pair[0], pair[1]);
        active.retain(|e| e.end > a);
        while next < shown.len() && shown[next].start <= a {
            if shown[next].end > a {
                active.push(shown[next]);
            }
            next += 1;
        }
        let selected = selection.is_some_and(|(s, e)| s <= a && z <= e && s < e);
        let fmt = span_format(active.last().copied(), labels, pal, selected, focus);
        let target = active.last().map_or(Target::Text, |e| Target::Entity(e.id));
        b.push(&text[a..z], &fmt, a, true, target);
        for e in active.iter().filter(|e| e.end == z) {
            push_tag(&mut b, e, labels, pal, focus);
        }
    }
    b.finish(lines.end)
}

/// The format of cleaned text under an entity (or none), the selection and the focus.
fn span_format(
    entity: Option<&Entity>,
    labels: &[LabelDef],
    pal: &Palette,
    selected: bool,
    focus: Option<Focus>,
) -> TextFormat {
    let mut f = TextFormat::simple(pal.font.clone(), pal.text);
    if let Some(e) = entity {
        let color = Palette::label_color(labels, &e.label);
        let suggestion = e.status == EntityStatus::Pending;
        f.background = pal.entity_fill(color, suggestion);
        f.underline = Stroke::new(if suggestion { 1.0 } else { 2.0 }, color);
        if e.status == EntityStatus::NeedsReview {
            f.underline = Stroke::new(2.0, pal.alarm);
        }
        if focus == Some(Focus::Entity(e.id)) {
            f.underline = Stroke::new(2.5, pal.focus);
        }
    }
    if selected {
        f.background = pal.selection;
    }
    f
}

/// Pushes the label tag drawn after an entity (the label name, so colour is never the only cue).
fn push_tag(b: &mut BlockBuilder, e: &Entity, labels: &[LabelDef], pal: &Palette, focus: Option<Focus>) {
    let color = Palette::label_color(labels, &e.label);
    let (text, fill) = match e.status {
        EntityStatus::Pending => (format!(" {}? ", e.label), pal.entity_fill(color, false)),
        EntityStatus::NeedsReview => (format!(" {}! ", e.label), color),
        _ => (format!(" {} ", e.label), color),
    };
    let mut f = TextFormat::simple(pal.small.clone(), Palette::ink_on(fill));
    f.background = fill;
    if e.status == EntityStatus::Pending {
        f.color = pal.text;
    }
    if focus == Some(Focus::Entity(e.id)) {
        f.underline = Stroke::new(2.5, pal.focus);
    }
    b.push(&text, &f, e.end, false, Target::Entity(e.id));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Command, History, NewEdit};

    fn doc() -> Document {
        let mut doc = Document::new("t", "Title\n\n\n\nBody by Ana Lee.\nAD\n");
        doc.add_edits([
            NewEdit {
                start: 5,
                end: 9,
                replacement: "\n\n".into(),
                origin: "blank".into(),
                status: EditStatus::Pending,
                reason: String::new(),
            },
            NewEdit {
                start: 26,
                end: 29,
                replacement: String::new(),
                origin: "ad".into(),
                status: EditStatus::Accepted,
                reason: String::new(),
            },
        ]);
        doc
    }

    fn palette() -> Palette {
        Palette::new(&eframe::egui::Style::default())
    }

    #[test]
    fn original_keeps_every_raw_byte_and_marks_removed_breaks() {
        let doc = doc();
        let blocks = original_blocks(&doc, &palette(), None, 0..doc.raw().len());
        let shown: String = blocks.iter().map(|b| b.job.text.as_str()).collect::<Vec<_>>().join("\n");
        assert_eq!(shown.replace(LINE_BREAK_MARK, ""), "Title\n\n\n\nBody by Ana Lee.\nAD\n");
        assert!(blocks[0].job.text.ends_with("Title¶"), "{:?}", blocks[0].job.text);
        let ad = blocks.iter().find(|b| b.job.text.starts_with("AD")).expect("AD line");
        assert_eq!(ad.source_at(0).1, Target::Edit(doc.edits()[1].id));
    }

    #[test]
    fn cleaned_shows_entity_with_its_label_tag_and_maps_clicks() {
        let mut doc = doc();
        let start = doc.cleaned().find("Ana").expect("name");
        let mut h = History::default();
        h.apply(&mut doc, Command::AddEntity { start, end: start + 7, label: "PERSON".into() }).expect("tag");
        let blocks = cleaned_blocks(&doc, &[], &palette(), (None, None), 0..doc.cleaned().len());
        let body = blocks.iter().find(|b| b.job.text.contains("Ana")).expect("body");
        assert!(body.job.text.contains("Ana Lee PERSON ."), "{:?}", body.job.text);
        let at = body.job.text.find("Lee").expect("Lee");
        let (src, target) = body.source_at(at);
        assert_eq!(&doc.cleaned()[src..src + 3], "Lee");
        assert_eq!(target, Target::Entity(doc.entities()[0].id));
    }
}
