//! Lines of a raw text and the cheap features the rules judge them by (byte scans, no allocation).

use super::swar::{self, CHUNK, HIGHS, ONES};

/// One line of the raw text, without its line break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// 0-based line number.
    pub index: usize,
    /// Start byte of the line.
    pub start: usize,
    /// End byte of the line's text (before `\r\n` or `\n`).
    pub end: usize,
    /// End byte including the line break (equals `end` on the last line without one).
    pub next: usize,
    /// The line's text.
    pub text: &'a str,
}

impl Line<'_> {
    /// The text without leading and trailing white space. Only an end that does not start or end
    /// with a visible ASCII character ([`Line::graphic_ends`]) is trimmed: the Unicode white-space
    /// test is asked several times a line by the rules, and most ends need none.
    pub fn trimmed(&self) -> &str {
        match self.graphic_ends() {
            (true, true) => self.text,
            (true, false) => self.text.trim_end(),
            (false, true) => self.text.trim_start(),
            (false, false) => self.text.trim(),
        }
    }

    /// Whether the line holds only white space: never when an end is a visible ASCII character.
    pub fn is_blank(&self) -> bool {
        self.text.is_empty() || (self.graphic_ends() == (false, false) && self.text.trim().is_empty())
    }

    /// Whether the line starts, and whether it ends, with a visible ASCII character, so that end has
    /// nothing to trim (both for an empty line, the blank lines between paragraphs).
    fn graphic_ends(&self) -> (bool, bool) {
        let bytes = self.text.as_bytes();
        let graphic = |b: Option<&u8>| b.is_none_or(u8::is_ascii_graphic);
        (graphic(bytes.first()), graphic(bytes.last()))
    }
}

/// Splits a text into lines (`\n` or `\r\n` breaks), keeping byte positions.
pub fn lines(raw: &str) -> Vec<Line<'_>> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 64 + 1);
    let mut start = 0;
    for nl in memchr::memchr_iter(b'\n', bytes) {
        let end = if nl > start && bytes[nl - 1] == b'\r' { nl - 1 } else { nl };
        out.push(Line { index: out.len(), start, end, next: nl + 1, text: &raw[start..end] });
        start = nl + 1;
    }
    if start < bytes.len() {
        out.push(Line { index: out.len(), start, end: bytes.len(), next: bytes.len(), text: &raw[start..] });
    }
    out
}

/// Number of white-space separated words.
pub fn word_count(text: &str) -> usize {
    word_count_up_to(text, usize::MAX)
}

/// Whether a text has at most `max` words: counted only up to one past it ([`word_count_up_to`]), so a
/// long paragraph is not walked to its end.
pub fn at_most_words(text: &str, max: usize) -> bool {
    word_count_up_to(text, max) <= max
}

/// The count of words of a line is exact up to this in [`line_words`]: no line judge compares a count
/// with more.
pub const COUNTED_WORDS: usize = 80;

/// The words of each trimmed line, counted up to [`COUNTED_WORDS`] ([`word_count_up_to`]), so the
/// line judges share one count a line.
pub fn line_words(lines: &[Line<'_>]) -> Vec<usize> {
    lines.iter().map(|l| word_count_up_to(l.trimmed(), COUNTED_WORDS)).collect()
}

/// Bytes whose word starts [`word_count_up_to`] counts at once, between two looks at the limit.
const WORD_BLOCK: usize = 64;

/// Number of white-space separated words, exact up to `limit`; past it, some number above `limit`
/// (counting stops within [`WORD_BLOCK`] bytes): thresholds need no more, and long paragraphs are
/// not walked. A word starts at a byte that is not a space or tab after one that is, or at the
/// first byte; they are counted a block at a time ([`word_starts`]), the last bytes by half blocks
/// (short lines are many).
pub fn word_count_up_to(text: &str, limit: usize) -> usize {
    const HALF: usize = WORD_BLOCK / 2;
    let bytes = text.as_bytes();
    let mut count = usize::from(bytes.first().is_some_and(|&b| !is_blank(b)));
    let mut at = 1;
    while let Some((before, block)) = block_at::<WORD_BLOCK>(bytes, at) {
        count += usize::from(word_starts(before, block));
        if count > limit {
            return count;
        }
        at += WORD_BLOCK;
    }
    if let Some((before, block)) = block_at::<HALF>(bytes, at) {
        count += usize::from(word_starts(before, block));
        at += HALF;
    }
    // The last bytes (fewer than half a block) padded with spaces, which start no word.
    let Some(rest) = bytes.get(at - 1..) else { return count };
    let mut window = [b' '; HALF + 1];
    window[..rest.len()].copy_from_slice(rest);
    count + block_at::<HALF>(&window, 1).map_or(0, |(before, block)| usize::from(word_starts(before, block)))
}

/// The `N` bytes of `bytes` from `at` on, and the `N` from the byte before (so `at` must be 1 or
/// more), if there are that many.
fn block_at<const N: usize>(bytes: &[u8], at: usize) -> Option<(&[u8; N], &[u8; N])> {
    let before = bytes.get(at - 1..at - 1 + N)?.try_into().ok()?;
    let block = bytes.get(at..at + N)?.try_into().ok()?;
    Some((before, block))
}

/// Whether a byte separates words: a space or a tab.
fn is_blank(b: u8) -> bool {
    (b == b' ') | (b == b'\t')
}

/// Words starting in a block: bytes of `block` that are not a space or tab after one that is
/// (`before` holds the bytes one earlier, from the byte before the block). A fixed length and no
/// branches, so the compiler counts the block with vector compares.
fn word_starts<const N: usize>(before: &[u8; N], block: &[u8; N]) -> u8 {
    let mut starts = 0u8;
    for (&b, &c) in before.iter().zip(block) {
        starts += u8::from(is_blank(b) & !is_blank(c));
    }
    starts
}

/// `text` after `prefix` when it opens with it, ASCII case ignored (`Sign up` and `SIGN UP` alike).
#[inline]
pub fn strip_prefix_ignoring_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    // Most calls (a rule's list of openings tried on every line) fail at the first two bytes: told
    // apart here, inline, before the call that compares the whole prefix.
    let (t, p) = (text.as_bytes(), prefix.as_bytes());
    if p.len() > t.len() || !t.iter().zip(p).take(2).all(|(a, b)| a.eq_ignore_ascii_case(b)) {
        return None;
    }
    // `get` fails rather than split a character; past it, `prefix.len()` is a boundary.
    text.get(..prefix.len()).filter(|head| head.eq_ignore_ascii_case(prefix)).map(|_| &text[prefix.len()..])
}

/// Whether `text` opens with `prefix`, ASCII case ignored.
#[inline]
pub fn opens_ignoring_case(text: &str, prefix: &str) -> bool {
    strip_prefix_ignoring_case(text, prefix).is_some()
}

/// Whether the text ends like a sentence: `.`, `!`, `?`, or a closing quote or bracket after one.
pub fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end();
    let t = t.trim_end_matches(['"', '\'', '”', '’', ')', '»', '*', '_']);
    t.ends_with(['.', '!', '?', '…', ':', ';']) && !t.ends_with("...")
}

/// Words so frequent in English prose that their share tells running text from menus (after jusText).
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before",
    "being", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "his",
    "how", "i", "if", "in", "into", "is", "it", "its", "just", "last", "more", "most", "not", "now", "of", "on", "one",
    "only", "or", "other", "our", "out", "over", "said", "says", "she", "so", "some", "than", "that", "the", "their",
    "them", "then", "there", "these", "they", "this", "those", "through", "to", "told", "up", "us", "was", "we",
    "were", "what", "when", "where", "which", "while", "who", "will", "with", "would", "you", "your",
];

/// Whether a word (any case, trailing punctuation ignored) is an English stop word.
///
/// The word is trimmed of characters that are not alphanumeric, in bytes: a stop word is ASCII
/// letters, so its core runs from the first to the last ASCII letter or digit, and the word is none
/// if a non-ASCII character outside that run is alphanumeric (it would belong to the core).
pub fn is_stopword(word: &str) -> bool {
    let bytes = word.as_bytes();
    let alphanumeric_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphanumeric);
    // Most words have a letter at both ends; the scans are for the rest.
    let start = if alphanumeric_at(0) {
        0
    } else {
        let Some(start) = bytes.iter().position(u8::is_ascii_alphanumeric) else {
            return false;
        };
        start
    };
    let end = if alphanumeric_at(bytes.len().wrapping_sub(1)) {
        bytes.len()
    } else {
        bytes.iter().rposition(u8::is_ascii_alphanumeric).map_or(start, |last| last + 1)
    };
    let core = &bytes[start..end];
    if core.len() > 7 {
        return false;
    }
    let (before, after) = (&word[..start], &word[end..]);
    if !(before.is_ascii() && after.is_ascii()) && before.chars().chain(after.chars()).any(char::is_alphanumeric) {
        return false;
    }
    let key = lookup_key(core);
    let mut slot = stopword_slot(key);
    loop {
        match STOPWORD_TABLE[slot] {
            k if k == key => return true,
            0 => return false,
            _ => slot = (slot + 1) % STOPWORD_SLOTS,
        }
    }
}

/// A word of at most eight bytes, ASCII-lowercased and zero-padded into one integer, so a stop-word
/// lookup compares integers instead of strings.
const fn word_key(word: &[u8]) -> u64 {
    let mut buf = [0u8; 8];
    let mut k = 0;
    while k < word.len() && k < 8 {
        buf[k] = word[k].to_ascii_lowercase();
        k += 1;
    }
    u64::from_le_bytes(buf)
}

/// The key a word of one to seven bytes is looked up by, lowercased eight bytes at once: setting bit 5
/// of every byte lowercases the ASCII capitals and makes no other byte a letter, so it equals a stop
/// word's [`word_key`] (all lowercase letters) exactly when the word equals the stop word ignoring
/// ASCII case.
fn lookup_key(word: &[u8]) -> u64 {
    // Shifted in byte by byte: copying a slice of variable length calls `memcpy`, which cost more.
    let bytes = word.iter().rev().fold(0u64, |key, &b| key << 8 | u64::from(b));
    let used = (1u64 << (8 * word.len())) - 1;
    bytes | (0x2020_2020_2020_2020 & used)
}

/// Slots of [`STOPWORD_TABLE`]: a power of two five times the number of stop words, so a lookup
/// mostly reads one or two slots.
const STOPWORD_SLOTS: usize = 512;

/// The first slot to probe for a [`word_key`] (its top bits after a multiplicative hash).
const fn stopword_slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - STOPWORD_SLOTS.trailing_zeros())) as usize
}

/// The stop words' [`word_key`]s in an open-addressed table (linear probing, 0 for an empty slot):
/// a lookup is a hash and a probe or two instead of a binary search over a hundred keys.
static STOPWORD_TABLE: [u64; STOPWORD_SLOTS] = {
    let mut table = [0u64; STOPWORD_SLOTS];
    let mut i = 0;
    while i < STOPWORDS.len() {
        let key = word_key(STOPWORDS[i].as_bytes());
        let mut slot = stopword_slot(key);
        while table[slot] != 0 {
            slot = (slot + 1) % STOPWORD_SLOTS;
        }
        table[slot] = key;
        i += 1;
    }
    table
};

/// Share of words that are stop words (0 for an empty text).
pub fn stopword_density(text: &str) -> f32 {
    let (mut words, mut stops) = (0usize, 0usize);
    for w in text.split_ascii_whitespace() {
        words += 1;
        stops += usize::from(is_stopword(w));
    }
    if words == 0 { 0.0 } else { stops as f32 / words as f32 }
}

/// The hash a key starts from.
const KEY_SEED: u64 = 0xcbf2_9ce4_8422_2325;
/// The odd multiplier that mixes eight bytes into the hash.
const KEY_MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

/// A key for comparing lines: case-folded ASCII, runs of white space as one space, hashed. The
/// input is walked eight bytes at a time where a chunk needs no folding of white space (most of a
/// prose line), and the folded bytes are hashed eight at a time.
pub fn line_key(text: &str) -> u64 {
    let mut key = KeyHash::new();
    let mut chunks = text.trim().as_bytes().chunks_exact(CHUNK);
    for chunk in chunks.by_ref() {
        let fed = plain_chunk(swar::load(chunk)).is_some_and(|lowered| key.push_plain(lowered));
        if !fed {
            chunk.iter().for_each(|&b| key.push(b));
        }
    }
    chunks.remainder().iter().for_each(|&b| key.push(b));
    key.finish()
}

/// The running hash of [`line_key`] and where it stands in the line's white space. Folded bytes
/// gather in `pending` and are mixed into the hash eight at a time, so the key depends only on
/// the folded bytes and their number, not on how the line's chunks fell.
struct KeyHash {
    /// The hash of the folded bytes mixed in so far.
    hash: u64,
    /// Folded bytes not mixed in yet, the first in the low byte (the rest zero).
    pending: u64,
    /// How many bytes `pending` holds (0 to 7).
    filled: u32,
    /// How many folded bytes were fed in all.
    len: u64,
    /// White space seen since the last byte hashed, after some byte was (it becomes one space).
    pending_space: bool,
    /// Whether any byte was hashed.
    any: bool,
}

impl KeyHash {
    /// A hash of no bytes.
    fn new() -> Self {
        Self { hash: KEY_SEED, pending: 0, filled: 0, len: 0, pending_space: false, any: false }
    }

    /// Feeds one byte: ASCII white space waits until a later byte shows it is inside the line.
    fn push(&mut self, b: u8) {
        if b.is_ascii_whitespace() {
            self.pending_space = self.any;
            return;
        }
        if self.pending_space {
            self.feed(u64::from(b' '), 1);
            self.pending_space = false;
        }
        self.feed(u64::from(b.to_ascii_lowercase()), 1);
        self.any = true;
    }

    /// Feeds a chunk [`plain_chunk`] accepted, already folded, as [`KeyHash::push`] would byte by
    /// byte. Feeds nothing and says false when its first byte is a space that goes on a run or
    /// leads the line.
    fn push_plain(&mut self, lowered: u64) -> bool {
        if lowered & 0xFF == u64::from(b' ') && (self.pending_space || !self.any) {
            return false;
        }
        if self.pending_space {
            self.feed(u64::from(b' '), 1);
        }
        // No two spaces side by side: a space last follows a byte that is hashed, and waits.
        self.pending_space = lowered >> 56 == u64::from(b' ');
        if self.pending_space {
            self.feed(lowered & (u64::MAX >> 8), CHUNK as u32 - 1);
        } else {
            self.feed(lowered, CHUNK as u32);
        }
        self.any = true;
        true
    }

    /// Feeds `n` folded bytes (1 to 8), held in the low bytes of `bytes` (the others zero).
    fn feed(&mut self, bytes: u64, n: u32) {
        let shift = 8 * self.filled;
        self.pending |= bytes << shift;
        self.filled += n;
        self.len += u64::from(n);
        if self.filled >= 8 {
            self.hash = mix(self.hash ^ self.pending);
            self.filled -= 8;
            // The bytes that did not fit (none when the pending ones started empty).
            self.pending = if shift == 0 { 0 } else { bytes >> (64 - shift) };
        }
    }

    /// The key: the bytes still pending and the number of bytes mixed in last.
    fn finish(&self) -> u64 {
        mix(mix(self.hash ^ self.pending) ^ self.len)
    }
}

/// Mixes a word: the high and low halves of its product with [`KEY_MULTIPLIER`] folded together.
fn mix(x: u64) -> u64 {
    let product = u128::from(x) * u128::from(KEY_MULTIPLIER);
    (product as u64) ^ ((product >> 64) as u64)
}

/// A chunk that [`line_key`] can hash as it stands once its ASCII capitals are lowered (returned):
/// no control byte (so no white space but spaces) and no two spaces side by side; `None` otherwise.
fn plain_chunk(x: u64) -> Option<u64> {
    // Sums over the low seven bits of each byte carry into no neighbouring byte.
    let low = x & !HIGHS;
    let ascii = !x & HIGHS;
    let control = !(low + ONES * (0x80 - 0x20)) & ascii;
    // With no control byte, the ASCII bytes below `!` are spaces.
    let spaces = !(low + ONES * (0x80 - 0x21)) & ascii;
    let upper = (low + ONES * (0x80 - 0x41)) & !(low + ONES * (0x80 - 0x5B)) & ascii;
    (control | (spaces & (spaces << 8)) == 0).then_some(x | (upper >> 2))
}

/// `label: "text"`, the text quoted as `{:?}` quotes it: the form of most reasons.
pub fn labelled(label: &str, text: &str) -> String {
    let mut out = String::with_capacity(label.len() + text.len() + 4);
    out.push_str(label);
    out.push_str(": ");
    push_debug(&mut out, text);
    out
}

/// `label: "text"` with the text shortened as [`quote`] shortens it: the same string as
/// `labelled(label, &quote(text, max))`, written in place. `{:?}` escapes every character by
/// itself, so the kept characters are quoted as they stand (printable ASCII copied) and the
/// ellipsis, printable, is added before the closing quote.
pub fn labelled_quote(label: &str, text: &str, max: usize) -> String {
    let t = text.trim();
    let cut = t.char_indices().nth(max).map(|(i, _)| i);
    let mut out = String::with_capacity(label.len() + t.len().min(4 * max) + 8);
    out.push_str(label);
    out.push_str(": ");
    push_debug(&mut out, cut.map_or(t, |i| &t[..i]));
    if cut.is_some() {
        out.pop();
        out.push_str("…\"");
    }
    out
}

/// Appends `text` quoted as `{:?}` quotes it. Printable ASCII other than `"` and `\` is written as it
/// is, so such text (most lines) is copied instead of going through the formatter char by char.
pub fn push_debug(out: &mut String, text: &str) {
    if text.bytes().all(|b| (0x20..0x7F).contains(&b) && b != b'"' && b != b'\\') {
        out.push('"');
        out.push_str(text);
        out.push('"');
    } else {
        use std::fmt::Write as _;
        // Writing to a String cannot fail.
        let _ = write!(out, "{text:?}");
    }
}

/// The text shortened to `max` characters with an ellipsis, for reasons shown to a person.
pub fn quote(text: &str, max: usize) -> String {
    let t = text.trim();
    match t.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &t[..i]),
        None => t.to_string(),
    }
}

/// `count` test texts, the `i`th made of `pieces_in(i)` pieces picked by a fixed linear congruential
/// sequence from `seed`: random inputs for checking a fast path against its plain version.
#[cfg(test)]
pub(super) fn random_texts(
    pieces: &[&str],
    mut seed: u64,
    count: usize,
    pieces_in: impl Fn(usize) -> usize,
) -> Vec<String> {
    (0..count)
        .map(|i| {
            let mut text = String::new();
            for _ in 0..pieces_in(i) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            text
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stripping_a_prefix_ignoring_case_agrees_with_comparing_it_whole() {
        const PIECES: &[&str] = &["a", "A", "th", "TH", "this ", "The ", "é", "É", "\u{17f}", "@", "`", " ", "x"];
        let texts = random_texts(PIECES, 7, 600, |i| i % 7);
        for (k, text) in texts.iter().enumerate() {
            let prefix = texts[(k * 31 + 5) % texts.len()].as_str();
            let whole =
                text.get(..prefix.len()).filter(|h| h.eq_ignore_ascii_case(prefix)).map(|_| &text[prefix.len()..]);
            assert_eq!(strip_prefix_ignoring_case(text, prefix), whole, "{text:?} / {prefix:?}");
            assert_eq!(strip_prefix_ignoring_case(text, text), Some(""));
        }
    }

    #[test]
    fn lines_are_trimmed_as_str_trim_trims() {
        const PIECES: &[&str] = &[" ", "\t", "\u{a0}", "\u{3000}", "a", ".", "”", "é", "\n", "\r\n", "x y", "\u{85}"];
        let mut trimmed = 0;
        for text in random_texts(PIECES, 17, 2000, |i| i % 12) {
            for line in lines(&text) {
                assert_eq!(line.trimmed(), line.text.trim(), "{:?}", line.text);
                assert_eq!(line.is_blank(), line.text.trim().is_empty(), "{:?}", line.text);
                trimmed += usize::from(line.trimmed() != line.text);
            }
        }
        assert!(trimmed > 1000, "lines are trimmed: {trimmed}");
    }

    #[test]
    fn splits_lines_with_both_break_styles() {
        let l = lines("a\r\nbb\n\nc");
        assert_eq!(l.iter().map(|l| l.text).collect::<Vec<_>>(), vec!["a", "bb", "", "c"]);
        assert_eq!((l[0].end, l[0].next), (1, 3));
        assert_eq!((l[3].start, l[3].next), (7, 8));
    }

    #[test]
    fn features_tell_prose_from_menus() {
        assert_eq!(word_count("  two   words "), 2);
        let long = "word ".repeat(300);
        assert_eq!(word_count_up_to(&long, 300), 300);
        assert!((81..300).contains(&word_count_up_to(&long, 80)));
        assert!(word_count_up_to("a b c", 1) > 1);
    }

    /// [`line_key`] byte by byte, as it was first written.
    fn byte_key(text: &str) -> u64 {
        let mut key = KeyHash::new();
        text.trim().bytes().for_each(|b| key.push(b));
        key.finish()
    }

    #[test]
    fn line_keys_match_the_byte_by_byte_key() {
        const PIECES: &[&str] = &[" ", "  ", "\t", "\n", "a", "Word", "ZED", "é", "É", "[@`{", "\u{1}", "\u{a0}", " x"];
        for text in random_texts(PIECES, 5, 600, |i| i % 40) {
            assert_eq!(line_key(&text), byte_key(&text), "{text:?}");
        }
    }

    #[test]
    fn plain_chunks_lower_capitals_and_refuse_white_space_to_fold() {
        assert_eq!(plain_chunk(swar::load(b"Hi, AZ z")), Some(swar::load(b"hi, az z")));
        assert_eq!(plain_chunk(swar::load("[@é`{ ~".as_bytes())), Some(swar::load("[@é`{ ~".as_bytes())));
        assert_eq!(plain_chunk(swar::load(b"two  sp.")), None);
        assert_eq!(plain_chunk(swar::load(b"tab\there")), None);
    }

    #[test]
    fn word_counts_match_splitting_on_spaces_and_tabs() {
        const PIECES: &[&str] = &[" ", "  ", "\t", "a", "bc", "é", "’", "\u{a0}", "\n", "word"];
        for text in random_texts(PIECES, 11, 400, |i| i % 200) {
            let want = text.split([' ', '\t']).filter(|w| !w.is_empty()).count();
            assert_eq!(word_count(&text), want, "{text:?}");
            assert_eq!(word_count_up_to(&text, want), want, "{text:?}");
            for max in [0, 1, 4, 8, want.saturating_sub(1), want, want + 1] {
                assert_eq!(at_most_words(&text, max), want <= max, "{text:?} at most {max}");
            }
            for limit in [0, 1, want / 2, want.saturating_sub(1)].into_iter().filter(|&l| l < want) {
                assert!(word_count_up_to(&text, limit) > limit, "{text:?} up to {limit}");
            }
        }
        assert!(ends_sentence("He left.\u{201d}"));
        assert!(!ends_sentence("Home | News"));
        assert!(stopword_density("the cat sat on the mat") > 0.4);
        assert!(stopword_density("Sports Weather Traffic") < 0.01);
        assert_eq!(line_key("Hello  World "), line_key("hello world"));
        assert_ne!(line_key("hello world"), line_key("hello worlds"));
        assert_eq!(quote("abcdef", 3), "abc…");
    }

    #[test]
    fn labelled_quotes_equal_quoting_then_labelling() {
        const PIECES: &[&str] =
            &["a", "Word ", " ", "\"", "\\", "é", "…", "\u{301}", "\u{1}", "\t", "’", "\u{200b}", "\u{a0}", "x."];
        for (k, text) in random_texts(PIECES, 3, 1500, |i| i % 90).iter().enumerate() {
            let max = [0, 1, 5, 60][k % 4];
            assert_eq!(labelled_quote("byline", text, max), labelled("byline", &quote(text, max)), "{text:?}");
        }
    }

    #[test]
    fn stop_words_are_found_as_trimming_by_chars_would() {
        let by_chars = |w: &str| {
            let core = w.trim_matches(|c: char| !c.is_alphanumeric());
            !core.is_empty() && core.len() <= 7 && STOPWORDS.iter().any(|s| s.eq_ignore_ascii_case(core))
        };
        for w in [
            "the",
            "“The”,",
            "(you)",
            "éthe",
            "theé",
            "é-the",
            "the-é",
            "—the—",
            "the’s",
            "’the",
            "thé",
            "1the",
            "th’e",
            "Ωand",
            "and—",
            "—",
            "",
            "...",
            "«our»",
            "ourselves",
            "a1",
            "a",
            "A",
            "¿what?",
            "which…",
            "über",
        ] {
            assert_eq!(is_stopword(w), by_chars(w), "{w:?}");
        }
    }

    #[test]
    fn reasons_quote_as_debug_does() {
        for t in
            ["Home", "", "a \"b\"", "back\\slash", "tab\there", "l’été", "\u{7f}", "nl\n", "zero\u{200b}width", "'q'"]
        {
            assert_eq!(labelled("teaser", t), format!("teaser: {t:?}"), "{t:?}");
        }
    }

    #[test]
    fn lines_trim_as_str_trim_does() {
        for t in ["", " ", "\u{a0}", "a", " a ", "a\u{a0}", "\u{2003}x", "x.", "é", "\t(x)\t", "x\u{3000}"] {
            let line = lines(t).first().copied().unwrap_or(Line { index: 0, start: 0, end: 0, next: 0, text: t });
            assert_eq!((line.trimmed(), line.is_blank()), (t.trim(), t.trim().is_empty()), "{t:?}");
        }
    }

    #[test]
    fn stopword_table_holds_exactly_the_list() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]), "sorted, so no word is listed twice");
        assert!(STOPWORDS.iter().all(|w| w.len() <= 7 && is_stopword(w) && is_stopword(&w.to_uppercase())));
        assert_eq!(STOPWORD_TABLE.iter().filter(|&&k| k != 0).count(), STOPWORDS.len());
        for w in ["The", "wHiCh", "a", "YOUR"] {
            assert_eq!(lookup_key(w.as_bytes()), word_key(w.as_bytes()), "{w}");
        }
        for w in [
            "",
            "x",
            "thee",
            "aboutx",
            "whichever",
            "th",
            "Sports",
            "weather",
            "the1",
            "it's",
            "“The”,",
            "t@e",
            "A1",
            "@",
        ] {
            assert_eq!(is_stopword(w), w == "“The”,", "{w}");
        }
    }

    #[test]
    fn prefixes_are_matched_ignoring_ascii_case_and_never_split_a_character() {
        assert_eq!(strip_prefix_ignoring_case("SIGN UP now", "sign up "), Some("now"));
        assert_eq!(strip_prefix_ignoring_case("Sign", "sign up"), None);
        assert_eq!(strip_prefix_ignoring_case("Ésign up", "es"), None);
        assert!(opens_ignoring_case("With Inputs", "with input") && !opens_ignoring_case("Without", "with "));
    }
}
