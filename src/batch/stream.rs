//! The streaming input of `redline batch -`: JSONL records read line by line from a reader.

use std::io::BufRead;
use std::path::Path;

use crate::error::{Error, Result};
use crate::input::corpus::parse_record;
use crate::model::Document;

/// How standard input is named in messages and in a document's `source.corpus`.
pub const STDIN: &str = "<stdin>";

/// Length of the text-hash prefix used as the id of a record that has none.
const HASH_ID_LEN: usize = 16;

/// One non-blank line of the stream with its 1-based line number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number in the stream.
    pub number: u64,
    /// The line's bytes, without the line break.
    pub bytes: Vec<u8>,
}

impl Line {
    /// Parses the record into a document. A record without an id is named after the SHA-256 of its
    /// text, so the same article gets the same id however the stream was split into shards.
    pub fn into_document(self) -> Result<Document> {
        let record = parse_record(&self.bytes).map_err(|e| e.in_file(Path::new(STDIN)).at_line(self.number))?;
        let has_id = record.id.is_some();
        let mut doc = record.into_document("", STDIN, self.number);
        if !has_id {
            doc.id = doc.source.sha256[..HASH_ID_LEN].to_string();
        }
        Ok(doc)
    }
}

/// The non-blank lines of a reader; a read error is the last item.
pub fn lines(reader: impl BufRead) -> impl Iterator<Item = Result<Line>> {
    let mut reader = reader;
    let mut number = 0u64;
    let mut failed = false;
    // Lines of a corpus are alike in length: room for the last one saves most regrowing copies.
    let mut last_len = 0;
    std::iter::from_fn(move || {
        while !failed {
            let mut bytes = Vec::with_capacity(last_len);
            number += 1;
            match reader.read_until(b'\n', &mut bytes) {
                Ok(0) => return None,
                Ok(_) => {
                    last_len = bytes.len();
                    if bytes.last() == Some(&b'\n') {
                        bytes.pop();
                    }
                    if !bytes.iter().all(u8::is_ascii_whitespace) {
                        return Some(Ok(Line { number, bytes }));
                    }
                }
                Err(e) => {
                    failed = true;
                    return Some(Err(Error::io(Path::new(STDIN), &e).at_line(number)));
                }
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_are_skipped_and_numbers_kept() {
        let input: &[u8] = b"{\"text\":\"a\"}\n\n  \r\n{\"text\":\"b\"}";
        let got: Vec<u64> = lines(input).map(|l| l.expect("line").number).collect();
        assert_eq!(got, vec![1, 4]);
    }

    #[test]
    fn records_keep_their_id_or_get_a_stable_one() {
        let with_id = Line { number: 3, bytes: br#"{"id":"x1","text":"Hello","meta":{"src":"w"}}"#.to_vec() };
        let doc = with_id.into_document().expect("doc");
        assert_eq!((doc.id.as_str(), doc.source.line), ("x1", Some(3)));
        assert_eq!(doc.meta["src"], "w");
        let a = Line { number: 1, bytes: br#"{"text":"Same text"}"#.to_vec() }.into_document().expect("a");
        let b = Line { number: 9, bytes: br#"{"text":"Same text"}"#.to_vec() }.into_document().expect("b");
        assert_eq!(a.id, b.id, "the id follows the text, not the line");
        assert_eq!(a.id.len(), HASH_ID_LEN);
    }

    #[test]
    fn a_broken_line_names_stdin_and_its_number() {
        let err = Line { number: 7, bytes: b"{not json".to_vec() }.into_document().expect_err("broken");
        assert!(err.to_string().starts_with("<stdin>:7: "), "{err}");
    }
}
