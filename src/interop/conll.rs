//! CoNLL-2003 style IOB2: one token per line as `TOKEN -X- _ TAG` (the four columns Label Studio and
//! the CoNLL-2003 data use; readers take the first and last), a blank line between sentences, and
//! `-DOCSTART- -X- -X- O` before each document. Tokens come from [`super::tokens`]; a line break in
//! the text ends a sentence. CoNLL has no whitespace and no offsets, so an import rebuilds the text
//! with one space between tokens and a line break between sentences, and ids from a hash of that text.

use std::path::Path;

use super::tokens;
use super::{Parsed, Record, Span, Written, gold_entities};
use crate::error::Error;
use crate::model::{Document, Entity};

/// The line that starts each document.
const DOCSTART: &str = "-DOCSTART- -X- -X- O";

/// One file; entities that cut through words, overlap, or cross a line break are reported.
pub fn export(docs: &[&Document], warnings: &mut Vec<String>) -> Written {
    let mut out = String::new();
    for doc in docs {
        out.push_str(DOCSTART);
        out.push_str("\n\n");
        write_doc(doc, &mut out, warnings);
    }
    Written::File(out.into_bytes())
}

/// Appends one document's sentences.
fn write_doc(doc: &Document, out: &mut String, warnings: &mut Vec<String>) {
    let text = doc.cleaned();
    let gold: Vec<&Entity> = gold_entities(doc).collect();
    let ranges: Vec<(usize, usize)> = gold.iter().map(|e| (e.start, e.end)).collect();
    let mut warn = |e: &Entity, why: &str| {
        warnings.push(format!("document {}: entity {} {:?} {why}", doc.id, e.label, &text[e.start..e.end]));
    };
    for i in tokens::misaligned(text, &ranges) {
        warn(gold[i], "does not fall on token boundaries; the token is split there");
    }
    for pair in gold.windows(2) {
        if pair[1].start < pair[0].end {
            warn(pair[1], "overlaps the entity before it; IOB cannot hold both, the first is written");
        }
    }
    for e in gold.iter().filter(|e| text[e.start..e.end].contains(['\n', '\r'])) {
        warn(e, "crosses a line break, which ends a CoNLL sentence; readers will see two entities");
    }
    let mut in_sentence = false;
    let mut previous: Option<usize> = None;
    for t in tokens::tokenize(text, &ranges) {
        if t.space {
            if in_sentence && text[t.start..t.end].contains(['\n', '\r']) {
                out.push('\n');
                in_sentence = false;
            }
            continue;
        }
        let owner = gold.iter().position(|e| e.start <= t.start && t.end <= e.end);
        let tag = match owner {
            Some(i) if previous == Some(i) => format!("I-{}", gold[i].label),
            Some(i) => format!("B-{}", gold[i].label),
            None => "O".into(),
        };
        previous = owner;
        out.push_str(&format!("{} -X- _ {tag}\n", &text[t.start..t.end]));
        in_sentence = true;
    }
    if in_sentence {
        out.push('\n');
    }
}

/// A document being read: its sentences of (token, tag, line).
type Sentences = Vec<Vec<(String, String, u64)>>;

/// Reads CoNLL IOB/IOB2/BIOES files: first column the token, last column the tag.
pub fn read(path: &Path, text: &str) -> Vec<Parsed> {
    let mut docs: Vec<Sentences> = vec![vec![Vec::new()]];
    for (i, line) in text.lines().enumerate() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        match cols.as_slice() {
            [] => docs.last_mut().into_iter().for_each(|d| d.push(Vec::new())),
            [first, ..] if *first == "-DOCSTART-" => docs.push(vec![Vec::new()]),
            [token, .., tag] => {
                if let Some(sentence) = docs.last_mut().and_then(|d| d.last_mut()) {
                    sentence.push(((*token).into(), (*tag).into(), i as u64 + 1));
                }
            }
            [_] => {
                return vec![Err(
                    Error::file(path, "a token line needs at least two columns: TOKEN ... TAG").at_line(i as u64 + 1)
                )];
            }
        }
    }
    docs.into_iter()
        .map(|d| d.into_iter().filter(|s| !s.is_empty()).collect::<Sentences>())
        .filter(|d| !d.is_empty())
        .map(|d| record(path, &d))
        .collect()
}

/// Rebuilds one document's text and spans from its tagged tokens.
fn record(path: &Path, sentences: &Sentences) -> Parsed {
    let mut text = String::new();
    let mut spans: Vec<Span> = Vec::new();
    let mut open: Option<Span> = None;
    let mut chars = 0usize;
    let first_line = sentences.first().and_then(|s| s.first()).map_or(1, |t| t.2);
    for (n, sentence) in sentences.iter().enumerate() {
        if n > 0 {
            text.push('\n');
            chars += 1;
        }
        spans.extend(open.take());
        for (k, (token, tag, line)) in sentence.iter().enumerate() {
            if k > 0 {
                text.push(' ');
                chars += 1;
            }
            let start = chars;
            text.push_str(token);
            chars += token.chars().count();
            let end = chars;
            let (prefix, label) = split_tag(tag).ok_or_else(|| {
                Error::file(path, format!("tag {tag:?} is not O, B-, I-, E- or S- followed by a label")).at_line(*line)
            })?;
            let continues = matches!(prefix, 'I' | 'E') && open.as_ref().is_some_and(|s| s.label == label);
            if continues {
                if let Some(s) = open.as_mut() {
                    s.end = end;
                }
            } else {
                spans.extend(open.take());
                if prefix != 'O' {
                    open = Some(Span { start, end, label: label.into(), ..Span::default() });
                }
            }
            if matches!(prefix, 'E' | 'S') {
                spans.extend(open.take());
            }
        }
    }
    spans.extend(open);
    Ok(Record { file: path.to_path_buf(), line: first_line, text, spans, ..Record::default() })
}

/// Splits `B-PER` into (`B`, `PER`); `O` gives (`O`, "").
fn split_tag(tag: &str) -> Option<(char, &str)> {
    if tag == "O" {
        return Some(('O', ""));
    }
    let (prefix, label) = tag.split_once('-')?;
    let p = match prefix {
        "B" => 'B',
        "I" => 'I',
        "E" | "L" => 'E',
        "S" | "U" => 'S',
        _ => return None,
    };
    (!label.is_empty()).then_some((p, label))
}
