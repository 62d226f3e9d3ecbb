//! Model commands on a megabyte document with 10,000 entities and 5,000 cleaning suggestions:
//! a hand edit, accept-all and its undo, each re-mapping every entity.

use std::time::Instant;

use super::{Figure, Target, ms, synth};
use crate::model::{Command, Document, EditStatus, EntityStatus, History, NewEdit, NewEntity};

/// Runs per measured command (median and worst are reported).
const RUNS: usize = 15;

/// A document of about `bytes` bytes with `entities` entities on capitalised words and `edits`
/// pending suggestions (each removes the space after a sentence), spread over the whole text.
pub fn big_document(bytes: usize, entities: usize, edits: usize) -> Document {
    let mut rng = synth::Rng::new(17);
    let text = synth::article(&mut rng, bytes);
    let names: Vec<(usize, usize)> =
        word_spans(&text).filter(|&(s, _)| text.as_bytes()[s].is_ascii_uppercase()).collect();
    let stops: Vec<usize> = text.match_indices(". ").map(|(i, _)| i + 1).collect();
    let mut doc = Document::new("bench-1mb", text);
    doc.add_edits(spread(&stops, edits).map(|at| NewEdit {
        start: at,
        end: at + 1,
        replacement: String::new(),
        origin: "bench-space".into(),
        status: EditStatus::Pending,
        reason: "benchmark".into(),
    }));
    let chosen = spread(&names, entities).map(|(start, end)| NewEntity {
        start,
        end,
        label: "PERSON".into(),
        origin: "bench".into(),
        status: EntityStatus::Pending,
        score: None,
    });
    doc.add_entities(chosen.collect::<Vec<_>>()).ok();
    doc
}

/// `count` items taken evenly from `items`.
fn spread<T: Copy>(items: &[T], count: usize) -> impl Iterator<Item = T> + '_ {
    let step = (items.len() / count.max(1)).max(1);
    items.iter().step_by(step).take(count).copied()
}

/// Byte spans of the ASCII-alphabetic words of a text.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && !bytes[i].is_ascii_alphabetic() {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
            i += 1;
        }
        (start < i).then_some((start, i))
    })
}

/// Times accept-all, its undo and a one-character hand edit on the big document.
pub fn commands() -> Vec<Figure> {
    let base = big_document(1_000_000, 10_000, 5_000);
    let what = format!("{} edits, {} entities", base.edits().len(), base.entities().len());
    let all: Vec<_> = base.edits().iter().map(|e| e.id).collect();
    let accept = Command::SetEditStatus { ids: all, status: EditStatus::Accepted };
    let (mut accept_times, mut undo_times, mut key_times) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let mut doc = base.clone();
        let mut history = History::default();
        let t = Instant::now();
        history.apply(&mut doc, accept.clone()).ok();
        accept_times.push(t.elapsed());
        let t = Instant::now();
        history.undo(&mut doc);
        undo_times.push(t.elapsed());
        let middle = doc.cleaned().len() / 2;
        let at = (middle..doc.cleaned().len()).find(|&i| doc.cleaned().is_char_boundary(i)).unwrap_or(0);
        let t = Instant::now();
        history.apply(&mut doc, Command::ManualEdit { start: at, end: at, text: "x".into() }).ok();
        key_times.push(t.elapsed());
    }
    let row = |name: String, mut times: Vec<std::time::Duration>, target: f64| {
        times.sort();
        Figure::new(name, ms(times[times.len() / 2]), "ms", Some(Target::AtMost(target)))
    };
    vec![
        row(format!("accept all suggestions, 1 MB document ({what}), median"), accept_times, 16.0),
        row("undo accept-all, median".into(), undo_times, 16.0),
        row("keystroke (hand edit) with re-mapping, median".into(), key_times, 4.0),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_big_document_has_what_was_asked() {
        let doc = big_document(60_000, 300, 150);
        assert_eq!(doc.edits().len(), 150);
        assert_eq!(doc.entities().len(), 300);
        assert!(doc.raw().len() >= 60_000);
    }
}
