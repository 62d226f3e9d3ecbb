//! JSONL corpora: one article per line as `{"text": ..., "id": ..., "meta": ...}`, indexed by line
//! offsets so that opening is lazy and memory does not grow with the corpus.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::error::{Error, Result};
use crate::model::Document;

/// The byte offsets of every non-blank line of a JSONL file, and the file itself, kept open.
#[derive(Debug)]
pub struct CorpusIndex {
    /// The corpus file's name.
    pub path: Arc<PathBuf>,
    /// The file the offsets were taken from: lines are read from it at their offsets, so a
    /// document costs one `pread(2)`, not an open, seek, read and close (four system calls, which
    /// the threads of `redline batch` also contend for through their shared descriptor table), and
    /// a file replaced on disk after indexing is never read at the old offsets.
    file: File,
    /// Start byte and length of each non-blank line, with its 1-based line number.
    pub lines: Vec<LineSpan>,
}

/// Where one line of a corpus lives in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineSpan {
    /// 1-based line number.
    pub line: u64,
    /// Byte offset of the line start.
    pub offset: u64,
    /// Length in bytes, without the line break.
    pub len: u64,
}

/// One corpus record as parsed from its line.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// `id` (string or number) or `meta.id`, if the record has one.
    pub id: Option<String>,
    /// The article text.
    pub text: String,
    /// The `meta` object, if any.
    pub meta: serde_json::Value,
}

impl CorpusIndex {
    /// Scans a JSONL file for line offsets without parsing any JSON.
    pub fn build(path: &Path) -> Result<Self> {
        let mut file = File::open(path).map_err(|e| Error::io(path, &e))?;
        let mut lines = Vec::new();
        let mut buf = vec![0u8; 1 << 20];
        let mut pos: u64 = 0;
        let mut line_start: u64 = 0;
        let mut line_no: u64 = 1;
        let mut blank = true;
        loop {
            let n = file.read(&mut buf).map_err(|e| Error::io(path, &e))?;
            if n == 0 {
                break;
            }
            let mut from = 0;
            while let Some(i) = memchr::memchr(b'\n', &buf[from..n]) {
                let end = pos + (from + i) as u64;
                blank = blank && buf[from..from + i].iter().all(u8::is_ascii_whitespace);
                if !blank {
                    lines.push(LineSpan { line: line_no, offset: line_start, len: end - line_start });
                }
                line_no += 1;
                line_start = end + 1;
                blank = true;
                from += i + 1;
            }
            blank = blank && buf[from..n].iter().all(u8::is_ascii_whitespace);
            pos += n as u64;
        }
        if !blank && pos > line_start {
            lines.push(LineSpan { line: line_no, offset: line_start, len: pos - line_start });
        }
        Ok(Self { path: Arc::new(path.to_path_buf()), lines, file })
    }

    /// Reads and parses one line of the corpus.
    pub fn read(&self, span: LineSpan) -> Result<Record> {
        let path = self.path.as_path();
        super::check_size(path, span.len).map_err(|e| e.at_line(span.line))?;
        let len = usize::try_from(span.len).map_err(|_| Error::file(path, "line too long").at_line(span.line))?;
        let mut bytes = vec![0u8; len];
        read_exact_at(&self.file, &mut bytes, span.offset).map_err(|e| Error::io(path, &e).at_line(span.line))?;
        parse_record(&bytes).map_err(|e| e.in_file(path).at_line(span.line))
    }
}

/// Fills `buf` from `file` at byte `offset` without moving a shared file position, so any number
/// of threads read one open file at once.
#[cfg(unix)]
fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

/// Fills `buf` from `file` at byte `offset` (Windows: each read names its offset).
#[cfg(windows)]
fn read_exact_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> std::io::Result<()> {
    while !buf.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, buf, offset) {
            Ok(0) => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

impl Record {
    /// The record as a new document, with `fallback_id` when the record has no id of its own and
    /// `corpus` + `line` as its source.
    pub fn into_document(self, fallback_id: &str, corpus: &str, line: u64) -> Document {
        let mut doc = Document::new(self.id.unwrap_or_else(|| fallback_id.to_string()), self.text);
        doc.meta = self.meta;
        doc.source.corpus = Some(corpus.to_string());
        doc.source.line = Some(line);
        doc
    }
}

/// Parses one JSONL record.
pub fn parse_record(bytes: &[u8]) -> Result<Record> {
    let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| Error::msg(format!("broken JSON line: {e}")))?;
    let serde_json::Value::Object(mut obj) = value else {
        return Err(Error::msg("a corpus line must be a JSON object with a \"text\" field"));
    };
    // Taken out of the parsed line, not copied: the text is most of it.
    let text = match obj.remove("text") {
        Some(serde_json::Value::String(s)) => s,
        Some(_) => return Err(Error::msg("\"text\" must be a string")),
        None => return Err(Error::msg("the line has no \"text\" field")),
    };
    if text.contains('\0') {
        return Err(Error::msg("\"text\" contains a NUL character"));
    }
    let meta = obj.remove("meta").unwrap_or(serde_json::Value::Null);
    let id = id_of(obj.get("id")).or_else(|| id_of(meta.get("id")));
    Ok(Record { id, text, meta })
}

/// A string id from a JSON string or number.
fn id_of(value: Option<&serde_json::Value>) -> Option<String> {
    match value? {
        serde_json::Value::String(s) if !s.is_empty() => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_lines_and_reads_them_lazily() {
        let dir = tempfile::tempdir().ok();
        let Some(dir) = dir else { return };
        let path = dir.path().join("c.jsonl");
        let body =
            "{\"id\":\"a\",\"text\":\"one\"}\n\n{\"text\":\"two\",\"meta\":{\"id\":7}}\r\n{broken\n{\"text\":\"last\"}";
        std::fs::write(&path, body).ok();
        let index = CorpusIndex::build(&path).expect("index");
        assert_eq!(index.lines.iter().map(|l| l.line).collect::<Vec<_>>(), vec![1, 3, 4, 5]);
        assert_eq!(index.read(index.lines[0]).ok().and_then(|r| r.id), Some("a".into()));
        let second = index.read(index.lines[1]).expect("second");
        assert_eq!((second.id.as_deref(), second.text.as_str()), (Some("7"), "two"));
        let err = index.read(index.lines[2]).expect_err("broken");
        assert_eq!(err.line, Some(4));
        assert!(err.to_string().contains("c.jsonl:4"), "{err}");
        assert_eq!(index.read(index.lines[3]).map(|r| r.text).ok(), Some("last".into()));
    }
}
