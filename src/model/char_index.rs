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
        for stride in bytes.chunks(STRIDE) {
            checkpoints.push(chars);
            chars += count_chars(stride);
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
        self.checkpoints[slot] + count_chars(&text.as_bytes()[base..byte])
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

/// Converts byte offsets that come in (roughly) increasing order to code point offsets, counting
/// only the bytes between one offset and the next: a whole document's edits or entities cost one
/// pass over its text, with no index to build.
#[derive(Debug, Clone)]
pub struct CharCursor<'a> {
    bytes: &'a [u8],
    /// The byte offset converted last.
    byte: usize,
    /// Code points before `byte`.
    chars: usize,
}

impl<'a> CharCursor<'a> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        Self { bytes: text.as_bytes(), byte: 0, chars: 0 }
    }

    /// Code point offset of byte offset `byte` (clamped to the text, on a character boundary), as
    /// [`CharIndex::to_char`] gives it; costs the distance from the offset converted before.
    pub fn to_char(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        if byte >= self.byte {
            self.chars += count_chars(&self.bytes[self.byte..byte]);
        } else {
            self.chars -= count_chars(&self.bytes[byte..self.byte]);
        }
        self.byte = byte;
        self.chars
    }
}

/// Bytes tested together by [`count_chars`]: one vector compare on x86-64.
const BLOCK: usize = 16;

/// Number of code points that start in `bytes`: its length less the bytes that continue a
/// multi-byte character.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.len() - continuations(bytes)
}

/// Bytes of `bytes` that continue a multi-byte character: whole blocks as vectorised bit masks,
/// then 8 bytes at a time in a `u64`, then one at a time.
fn continuations(bytes: &[u8]) -> usize {
    let mut count = 0;
    let mut rest = bytes;
    while let Some((block, tail)) = rest.split_first_chunk::<BLOCK>() {
        count += block_continuations(block);
        rest = tail;
    }
    while let Some((word, tail)) = rest.split_first_chunk::<8>() {
        count += word_continuations(u64::from_le_bytes(*word));
        rest = tail;
    }
    count + rest.iter().filter(|&&b| is_continuation(b)).count()
}

/// Continuation bytes in one block: a vectorised test for any, then (in the few blocks that
/// have some) a byte sum, which LLVM also vectorises.
fn block_continuations(block: &[u8; BLOCK]) -> usize {
    if !block.iter().fold(false, |any, &b| any | is_continuation(b)) {
        return 0;
    }
    usize::from(block.iter().map(|&b| u8::from(is_continuation(b))).fold(0u8, u8::wrapping_add))
}

/// Continuation bytes in 8 bytes read as a little-endian `u64`: those with the top bit set and the
/// next one clear (`word << 1` moves each byte's bit 6 to its bit 7).
fn word_continuations(word: u64) -> usize {
    let marks = word & !(word << 1) & 0x8080_8080_8080_8080;
    if marks == 0 { 0 } else { marks.count_ones() as usize }
}

/// Whether a UTF-8 byte continues a multi-byte character (`0b10xx_xxxx`: below -64 as `i8`).
fn is_continuation(b: u8) -> bool {
    (b as i8) < -64
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

    /// Code points before `byte`, counted one character at a time.
    fn naive_chars(text: &str, byte: usize) -> usize {
        text.char_indices().take_while(|&(b, _)| b < byte).count()
    }

    proptest::proptest! {
        #[test]
        fn index_and_cursor_agree_with_a_naive_count(text in "\\PC{0,300}|[a-z\u{e9}\u{4e2d}\u{1f600}\n]{0,300}", picks in proptest::collection::vec(0usize..400, 0..40)) {
            let index = CharIndex::new(&text);
            proptest::prop_assert_eq!(index.char_len(), text.chars().count());
            let boundaries: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
            let mut cursor = CharCursor::new(&text);
            for pick in picks {
                let byte = boundaries[pick % boundaries.len()];
                let want = naive_chars(&text, byte);
                proptest::prop_assert_eq!(index.to_char(&text, byte), want);
                proptest::prop_assert_eq!(cursor.to_char(byte), want);
                proptest::prop_assert_eq!(index.to_byte(&text, want), Some(byte));
            }
        }
    }

    #[test]
    fn count_chars_counts_character_starts() {
        let text = "ab😀cdé\r\n".repeat(40);
        for end in (0..=text.len()).filter(|&e| text.is_char_boundary(e)) {
            assert_eq!(count_chars(&text.as_bytes()[..end]), text[..end].chars().count());
        }
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
