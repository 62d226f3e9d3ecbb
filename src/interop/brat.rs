//! brat standoff: for each document a `.txt` holding the text exactly (UTF-8) and a `.ann` with one
//! text-bound annotation per line, `T1<TAB>GPE 14 20<TAB>Berlin`, offsets in code points. brat's
//! format is line-oriented, so an entity that crosses a line break is written as fragments
//! (`T2<TAB>ORG 0 5;6 12<TAB>...`) split at the break, and read back as one span. An
//! `annotation.conf` listing the labels is written beside them so brat can show the collection.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::{Parsed, Record, Span, Written, codepoint_range, gold_entities};
use crate::error::{Error, Result};
use crate::model::{CharIndex, Document};
use crate::storage::safe_file_name;

/// A folder of `<id>.txt` / `<id>.ann` pairs plus `annotation.conf`.
pub fn export(docs: &[&Document]) -> Written {
    let mut files = Vec::new();
    let mut labels = BTreeSet::new();
    for doc in docs {
        let name = safe_file_name(&doc.id);
        let text = doc.cleaned();
        let index = CharIndex::new(text);
        let mut ann = String::new();
        for (n, e) in gold_entities(doc).enumerate() {
            labels.insert(e.label.clone());
            let (start, _) = codepoint_range(doc, &index, e);
            let fragments = line_fragments(&text[e.start..e.end], start);
            let offsets: Vec<String> = fragments.iter().map(|(s, t, _)| format!("{s} {t}")).collect();
            let shown: Vec<&str> = fragments.iter().map(|f| f.2).collect();
            ann.push_str(&format!("T{}\t{} {}\t{}\n", n + 1, e.label, offsets.join(";"), shown.join(" ")));
        }
        files.push((format!("{name}.txt"), text.as_bytes().to_vec()));
        files.push((format!("{name}.ann"), ann.into_bytes()));
    }
    let conf = format!(
        "# Entity types of this collection, written by Redline.\n[entities]\n{}\n[relations]\n\n[events]\n\n[attributes]\n",
        labels.into_iter().collect::<Vec<_>>().join("\n")
    );
    files.push(("annotation.conf".into(), conf.into_bytes()));
    Written::Folder(files)
}

/// Splits an entity's text at line breaks into (start, end, text) fragments in code points, leaving the
/// breaks themselves out; `start` is the entity's first code point.
fn line_fragments(text: &str, start: usize) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let (mut at, mut frag_start, mut frag_byte) = (start, start, 0);
    for (b, c) in text.char_indices() {
        if matches!(c, '\n' | '\r') {
            if at > frag_start {
                out.push((frag_start, at, &text[frag_byte..b]));
            }
            frag_start = at + 1;
            frag_byte = b + c.len_utf8();
        }
        at += 1;
    }
    if at > frag_start {
        out.push((frag_start, at, &text[frag_byte..]));
    }
    out
}

/// Reads a brat folder (every `.ann` with its `.txt`), or one `.ann` or `.txt` file.
pub fn read(path: &Path) -> Result<Vec<Parsed>> {
    let anns: Vec<PathBuf> = if path.is_dir() {
        let mut list = Vec::new();
        for item in std::fs::read_dir(path).map_err(|e| Error::io(path, &e))? {
            let p = item.map_err(|e| Error::io(path, &e))?.path();
            if p.extension().is_some_and(|x| x == "ann") {
                list.push(p);
            }
        }
        list.sort();
        list
    } else {
        vec![path.with_extension("ann")]
    };
    Ok(anns.iter().map(|ann| document(ann)).collect())
}

/// One `.ann` file and its `.txt`.
fn document(ann_path: &Path) -> Parsed {
    let txt_path = ann_path.with_extension("txt");
    let text = read_utf8(&txt_path)?;
    let ann = read_utf8(ann_path)?;
    let id = ann_path.file_stem().and_then(|s| s.to_str()).map(String::from);
    let mut spans = Vec::new();
    for (i, line) in ann.lines().enumerate() {
        let fail = |msg: String| Error::file(ann_path, msg).at_line(i as u64 + 1);
        if !line.starts_with('T') {
            continue;
        }
        let mut fields = line.splitn(3, '\t');
        let (_, Some(middle), shown) = (fields.next(), fields.next(), fields.next()) else {
            return Err(fail("a text-bound line needs ID<TAB>TYPE START END<TAB>TEXT".into()));
        };
        let (label, offsets) = middle.split_once(' ').ok_or_else(|| fail(format!("no offsets in {middle:?}")))?;
        let mut fragments = Vec::new();
        for frag in offsets.split(';') {
            let (s, e) = frag.split_once(' ').ok_or_else(|| fail(format!("bad fragment {frag:?}")))?;
            let (Ok(s), Ok(e)) = (s.trim().parse::<usize>(), e.trim().parse::<usize>()) else {
                return Err(fail(format!("offsets {frag:?} are not numbers")));
            };
            fragments.push((s, e));
        }
        let span = join_fragments(&text, &fragments).map_err(fail)?;
        let expected = fragments.iter().map(|&(s, e)| slice_chars(&text, s, e)).collect::<Option<Vec<_>>>();
        if let (Some(shown), Some(expected)) = (shown, expected)
            && shown != expected.join(" ")
        {
            return Err(fail(format!(
                "{label} {offsets}: the .ann says {shown:?} but the .txt has {:?} there (wrong offsets?)",
                expected.join(" ")
            )));
        }
        spans.push(Span { start: span.0, end: span.1, label: label.into(), ..Span::default() });
    }
    Ok(Record { file: ann_path.to_path_buf(), line: 1, id, text, spans, ..Record::default() })
}

/// Joins fragments separated only by line breaks into one span; other discontinuous spans are refused.
fn join_fragments(text: &str, fragments: &[(usize, usize)]) -> std::result::Result<(usize, usize), String> {
    let (Some(first), Some(last)) = (fragments.first(), fragments.last()) else {
        return Err("no fragments".into());
    };
    for pair in fragments.windows(2) {
        let gap = slice_chars(text, pair[0].1, pair[1].0).unwrap_or("x");
        if pair[0].1 > pair[1].0 || !gap.chars().all(|c| matches!(c, '\n' | '\r')) {
            return Err(format!("discontinuous entity {fragments:?}: Redline entities are contiguous"));
        }
    }
    Ok((first.0, last.1))
}

/// `text[start:end]` in code points, or `None` past the end.
fn slice_chars(text: &str, start: usize, end: usize) -> Option<&str> {
    let index = CharIndex::new(text);
    let (s, e) = (index.to_byte(text, start)?, index.to_byte(text, end)?);
    text.get(s..e)
}

/// Reads a UTF-8 file, naming it on error.
fn read_utf8(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, &e))?;
    String::from_utf8(bytes)
        .map_err(|e| Error::file(path, format!("not valid UTF-8 at byte {}", e.utf8_error().valid_up_to())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_across_line_breaks_become_fragments_and_back() {
        let text = "x Harbor\r\nCity y";
        let frags = line_fragments("Harbor\r\nCity", 2);
        assert_eq!(frags, vec![(2, 8, "Harbor"), (10, 14, "City")]);
        assert_eq!(join_fragments(text, &[(2, 8), (10, 14)]), Ok((2, 14)));
        assert!(join_fragments(text, &[(0, 1), (2, 8)]).is_err(), "a space gap is a real discontinuity");
    }
}
