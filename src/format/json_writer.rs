//! A small JSON writer for the output hot path: text written exactly as `serde_json` writes it
//! (same escapes, same number forms), but strings are scanned for escapes a block at a time.

use serde::Serialize;

/// Bytes checked together for characters that need an escape; one vector compare on x86-64.
const BLOCK: usize = 16;

/// Compact JSON built up in a string, one syntax element at a time. Commas between object
/// members and array items are added by [`JsonWriter::key`] and [`JsonWriter::item`].
#[derive(Debug, Default)]
pub struct JsonWriter {
    out: String,
    /// Reused output of `serde_json` for the few values written through it.
    scratch: Vec<u8>,
    /// The `f32` values written so far (by their bits) and their text.
    floats: Vec<(u32, String)>,
}

impl JsonWriter {
    /// A writer whose buffer starts with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Self {
        Self::reusing(String::new(), capacity)
    }

    /// A writer that writes into `out` (emptied first, its memory kept) with room for `capacity` bytes.
    pub fn reusing(mut out: String, capacity: usize) -> Self {
        out.clear();
        out.reserve(capacity);
        Self { out, ..Self::default() }
    }

    /// The JSON written so far.
    pub fn into_string(self) -> String {
        self.out
    }

    /// Opens an object.
    #[inline]
    pub fn begin_object(&mut self) {
        self.out.push('{');
    }

    /// Closes the object opened last.
    #[inline]
    pub fn end_object(&mut self) {
        self.out.push('}');
    }

    /// Opens an array.
    #[inline]
    pub fn begin_array(&mut self) {
        self.out.push('[');
    }

    /// Closes the array opened last.
    #[inline]
    pub fn end_array(&mut self) {
        self.out.push(']');
    }

    /// Starts an object member named `key` (a name that needs no escaping).
    #[inline]
    pub fn key(&mut self, key: &str) {
        debug_assert!(!key.bytes().any(needs_escape), "{key:?} needs escaping");
        self.separate(b'{');
        self.out.push('"');
        self.out.push_str(key);
        self.out.push_str("\":");
    }

    /// Starts an array item.
    #[inline]
    pub fn item(&mut self) {
        self.separate(b'[');
    }

    /// A comma, unless the last thing written opened the object or array (`open`).
    #[inline]
    fn separate(&mut self, open: u8) {
        if self.out.as_bytes().last() != Some(&open) {
            self.out.push(',');
        }
    }

    /// A string value.
    #[inline]
    pub fn string(&mut self, text: &str) {
        self.out.push('"');
        push_escaped(&mut self.out, text);
        self.out.push('"');
    }

    /// A string value that needs no escaping (a keyword of the format, such as a status name).
    #[inline]
    pub fn plain_string(&mut self, text: &str) {
        debug_assert!(!text.bytes().any(needs_escape), "{text:?} needs escaping");
        self.out.push('"');
        self.out.push_str(text);
        self.out.push('"');
    }

    /// An unsigned integer value.
    #[inline]
    pub fn uint(&mut self, value: u64) {
        let mut digits = [0u8; 20];
        let mut start = digits.len();
        let mut rest = value;
        while rest >= 100 {
            start -= 2;
            digits[start..start + 2].copy_from_slice(digit_pair(rest % 100));
            rest /= 100;
        }
        if rest >= 10 {
            start -= 2;
            digits[start..start + 2].copy_from_slice(digit_pair(rest));
        } else {
            start -= 1;
            digits[start] = b'0' + rest as u8;
        }
        for &digit in &digits[start..] {
            self.out.push(char::from(digit));
        }
    }

    /// An `f32` value as `serde_json` writes it (`null` when not finite). The texts are kept, since a
    /// suggester gives its entities a handful of scores.
    pub fn float(&mut self, value: f32) -> serde_json::Result<()> {
        let bits = value.to_bits();
        if let Some((_, text)) = self.floats.iter().find(|(b, _)| *b == bits) {
            self.out.push_str(text);
            return Ok(());
        }
        self.scratch.clear();
        serde_json::to_writer(&mut self.scratch, &value)?;
        let text = std::str::from_utf8(&self.scratch).map_err(serde::ser::Error::custom)?;
        self.out.push_str(text);
        if self.floats.len() < FLOATS_KEPT {
            self.floats.push((bits, text.to_string()));
        }
        Ok(())
    }

    /// Any value, written by `serde_json` (free-form data such as a document's metadata).
    pub fn serialized(&mut self, value: &impl Serialize) -> serde_json::Result<()> {
        self.scratch.clear();
        serde_json::to_writer(&mut self.scratch, value)?;
        let text = std::str::from_utf8(&self.scratch).map_err(serde::ser::Error::custom)?;
        self.out.push_str(text);
        Ok(())
    }
}

/// How many distinct `f32` texts a [`JsonWriter`] keeps.
const FLOATS_KEPT: usize = 16;

/// The two-digit decimal numbers `00` to `99`, one after the other.
const DIGIT_PAIRS: [u8; 200] = {
    let mut pairs = [0u8; 200];
    let mut n = 0;
    while n < 100 {
        pairs[2 * n] = b'0' + (n / 10) as u8;
        pairs[2 * n + 1] = b'0' + (n % 10) as u8;
        n += 1;
    }
    pairs
};

/// The two digits of `n` (below 100).
fn digit_pair(n: u64) -> &'static [u8] {
    let at = 2 * n as usize;
    &DIGIT_PAIRS[at..at + 2]
}

/// Whether `serde_json` escapes this byte inside a string: control characters, `"` and `\`.
fn needs_escape(b: u8) -> bool {
    (b < 0x20) | (b == b'"') | (b == b'\\')
}

/// Appends `text` with JSON string escapes, byte for byte as `serde_json` writes it.
fn push_escaped(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut run = 0;
    let mut at = next_escape(bytes, 0);
    while at < bytes.len() {
        // `at` is an ASCII byte, so both slice ends are character boundaries.
        out.push_str(&text[run..at]);
        push_escape(out, bytes[at]);
        run = at + 1;
        at = next_escape(bytes, run);
    }
    out.push_str(&text[run..]);
}

/// The first byte at or after `from` that needs an escape, or the length when none does. Whole
/// blocks are tested without branching per byte, so LLVM tests each with a few vector compares;
/// what is left, 8 bytes at a time in a `u64`.
fn next_escape(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    while let Some(block) = bytes[at..].first_chunk::<BLOCK>() {
        if block.iter().fold(false, |any, &b| any | needs_escape(b)) {
            break;
        }
        at += BLOCK;
    }
    while let Some(&word) = bytes[at..].first_chunk::<8>() {
        if word_needs_escape(u64::from_le_bytes(word)) {
            break;
        }
        at += 8;
    }
    bytes[at..].iter().position(|&b| needs_escape(b)).map_or(bytes.len(), |i| at + i)
}

/// Whether any of the 8 bytes of `word` [`needs_escape`]: the classic test for a zero byte
/// (`(x - 0x01..) & !x & 0x80..`, exact about whether there is one) applied to `word` itself
/// with 0x20 (a byte below 0x20) and to `word` xor `"` and xor `\` (a byte equal to them).
fn word_needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGH;
    (below(word, 0x20) | below(word ^ (ONES * u64::from(b'"')), 1) | below(word ^ (ONES * u64::from(b'\\')), 1)) != 0
}

/// Appends the escape of one byte that [`needs_escape`]: the short form where JSON has one,
/// else `\u00xx` with lower-case hex digits.
fn push_escape(out: &mut String, b: u8) {
    let short = match b {
        b'"' => '"',
        b'\\' => '\\',
        0x08 => 'b',
        0x09 => 't',
        0x0A => 'n',
        0x0C => 'f',
        0x0D => 'r',
        _ => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xF)]));
            return;
        }
    };
    out.push('\\');
    out.push(short);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What [`JsonWriter::string`] writes for `text`.
    fn escaped(text: &str) -> String {
        let mut w = JsonWriter::default();
        w.string(text);
        w.into_string()
    }

    #[test]
    fn every_ascii_byte_is_escaped_as_serde_json_escapes_it() {
        for b in 0u8..=0x7F {
            let text = format!("a{}b and a longer tail so blocks are used", char::from(b));
            assert_eq!(escaped(&text), serde_json::to_string(&text).expect("json"), "byte {b:#x}");
        }
    }

    #[test]
    fn numbers_and_structure() {
        let mut w = JsonWriter::default();
        w.begin_object();
        w.key("n");
        w.uint(0);
        w.key("list");
        w.begin_array();
        for v in [7, u64::MAX] {
            w.item();
            w.uint(v);
        }
        w.end_array();
        w.key("f");
        w.begin_array();
        for f in [0.7f32, 1e-9, 0.7, f32::NAN, 3.0] {
            w.item();
            w.float(f).expect("float");
        }
        w.end_array();
        w.end_object();
        assert_eq!(w.into_string(), format!(r#"{{"n":0,"list":[7,{}],"f":[0.7,1e-9,0.7,null,3.0]}}"#, u64::MAX));
    }

    #[test]
    fn integers_match_serde_json() {
        let mut w = JsonWriter::default();
        let mut want = String::new();
        for n in (0..25).map(|p| 10u64.pow(p % 20).saturating_sub(u64::from(p % 3))).chain([
            0,
            9,
            10,
            99,
            100,
            101,
            u64::MAX,
        ]) {
            w.uint(n);
            want.push_str(&serde_json::to_string(&n).expect("json"));
        }
        assert_eq!(w.into_string(), want);
    }

    proptest::proptest! {
        #[test]
        fn the_word_test_agrees_with_the_byte_test(word in proptest::prelude::any::<[u8; 8]>()) {
            proptest::prop_assert_eq!(word_needs_escape(u64::from_le_bytes(word)), word.iter().any(|&b| needs_escape(b)));
        }

        #[test]
        fn strings_match_serde_json(text in "\\PC{0,200}|[\\x00-\\x7f\\u{e9}\\u{1f600}]{0,200}") {
            proptest::prop_assert_eq!(escaped(&text), serde_json::to_string(&text).expect("json"));
        }
    }
}
