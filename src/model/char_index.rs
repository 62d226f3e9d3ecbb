//! Conversion between byte offsets (used inside Redline) and Unicode code point offsets
//! (used in every file Redline reads or writes, as Python `str` indices count).

/// Bytes between two checkpoints of the index; small enough that a scan is cheap.
const STRIDE: usize = 64;

/// A sparse index over one text that converts byte offsets to code point offsets and back
/// in O(1) amortised time, without storing one entry per character.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Code points before byte `i * STRIDE` (clamped to the text length).
    checkpoints: Vec<usize>,
    /// Total length of the text in bytes.
    byte_len: usize,
    /// Total number of code points.
    char_len: usize,
}

impl CharIndex {
    /// Builds the index for `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 2);
        let mut chars = 0usize;
        for chunk in bytes.chunks(STRIDE) {
            checkpoints.push(chars);
            chars += chunk.iter().filter(|&&b| !is_continuation(b)).count();
        }
        checkpoints.push(chars);
        Self { checkpoints, byte_len: bytes.len(), char_len: chars }
    }

    /// Number of code points in the text.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Whether every character is one byte, so both offset kinds coincide.
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.byte_len
    }

    /// Code point offset of byte offset `byte` (which must lie on a character boundary of `text`).
    pub fn to_char(&self, text: &str, byte: usize) -> usize {
        if self.is_ascii() {
            return byte.min(self.byte_len);
        }
        let byte = byte.min(self.byte_len);
        let slot = byte / STRIDE;
        let base = slot * STRIDE;
        let extra = text.as_bytes()[base..byte].iter().filter(|&&b| !is_continuation(b)).count();
        self.checkpoints[slot] + extra
    }

    /// Byte offset of code point offset `ch`, or `None` when `ch` is past the end of the text.
    pub fn to_byte(&self, text: &str, ch: usize) -> Option<usize> {
        if ch > self.char_len {
            return None;
        }
        if self.is_ascii() {
            return Some(ch);
        }
        // Last checkpoint whose count is <= ch.
        let slot = self.checkpoints.partition_point(|&c| c <= ch).saturating_sub(1);
        let mut byte = (slot * STRIDE).min(text.len());
        let mut count = self.checkpoints[slot];
        let bytes = text.as_bytes();
        // Skip to the first character start at or after `byte`.
        while byte < bytes.len() && is_continuation(bytes[byte]) {
            byte += 1;
        }
        while count < ch && byte < bytes.len() {
            byte += 1;
            while byte < bytes.len() && is_continuation(bytes[byte]) {
                byte += 1;
            }
            count += 1;
        }
        Some(byte)
    }
}

/// Whether a UTF-8 byte continues a multi-byte character.
fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_all(text: &str) {
        let index = CharIndex::new(text);
        let mut ch = 0;
        for (byte, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            assert_eq!(index.to_char(text, byte), ch, "byte {byte} of {text:?}");
            assert_eq!(index.to_byte(text, ch), Some(byte), "char {ch} of {text:?}");
            ch += 1;
        }
        assert_eq!(index.to_byte(text, ch), None);
    }

    #[test]
    fn ascii_is_identity() {
        check_all("plain text");
        check_all("");
    }

    #[test]
    fn emoji_cjk_combining_and_crlf() {
        check_all("Hi 👋🏽 there\r\n北京 café e\u{301} 🇫🇮 end");
        let long: String = "ab😀cdé\r\n".repeat(500);
        check_all(&long);
    }
}
