//! A small news tokenizer shared by every suggester: words, numbers, abbreviations and punctuation,
//! split the way spaCy splits English (so Prodigy token patterns mean the same thing here).
//!
//! "U.S." and "e.g." stay one token; a possessive "'s" is its own token ("Trump" + "'s"); hyphens
//! and other punctuation are tokens of their own ("15" "-" "year" "-" "old"); "O'Brien", "don't",
//! "3.5" and "1,000" stay whole.

use std::sync::LazyLock;

use crate::clean::swar;

use super::facts::{CAPITALISED_WORD, Facts, LOWER_WORD, UPPER_LETTER, upper_start, word_char_shape};

/// One token: a byte range of the text it was cut from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Start byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
}

/// A text cut into tokens.
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    /// The text the offsets refer to.
    pub text: &'a str,
    /// The tokens in order.
    pub list: Vec<Token>,
}

impl<'a> Tokens<'a> {
    /// Tokenizes `text`.
    pub fn new(text: &'a str) -> Self {
        Self { text, list: tokenize(text) }
    }

    /// Number of tokens.
    #[inline]
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The text of token `i`.
    #[inline]
    pub fn text(&self, i: usize) -> &'a str {
        let t = self.list[i];
        &self.text[t.start..t.end]
    }

    /// Whether a line break separates token `i` from the token before it.
    #[inline]
    pub fn breaks_line_before(&self, i: usize) -> bool {
        // The gap is whitespace, usually one space: a byte search beats a `str` search ('\n' is one byte in UTF-8).
        i > 0 && self.text.as_bytes()[self.list[i - 1].end..self.list[i].start].contains(&b'\n')
    }

    /// Whether whitespace separates token `i` from the token before it.
    #[inline]
    pub fn spaced_before(&self, i: usize) -> bool {
        i > 0 && self.list[i - 1].end < self.list[i].start
    }

    /// Byte range from the start of token `first` to the end of token `last` (inclusive).
    #[inline]
    pub fn span(&self, first: usize, last: usize) -> (usize, usize) {
        (self.list[first].start, self.list[last].end)
    }
}

/// Whether a character belongs inside a word ([`is_word_char_by_tables`]). Characters of the Basic
/// Multilingual Plane are read from a bit table made once from that definition: pages in other scripts
/// (Cyrillic, Greek, CJK) ask for every character, and the binary search of the Unicode tables took
/// 30 % of the suggester's instructions on them.
fn is_word_char(c: char) -> bool {
    static BMP_WORD_CHARS: LazyLock<Box<[u64; 1024]>> = LazyLock::new(|| {
        let mut bits = Box::new([0u64; 1024]);
        for c in ('\0'..='\u{ffff}').filter(|&c| is_word_char_by_tables(c)) {
            bits[c as usize / 64] |= 1 << (c as usize % 64);
        }
        bits
    });
    match c as usize {
        u @ 0..0x1_0000 => BMP_WORD_CHARS[u / 64] >> (u % 64) & 1 == 1,
        _ => is_word_char_by_tables(c),
    }
}

/// Whether a character belongs inside a word (letters, digits, combining accents), asked of the
/// Unicode tables. General punctuation (dashes, quotes, zero-width spaces: the commonest non-ASCII
/// after words) is ruled out before they are searched.
fn is_word_char_by_tables(c: char) -> bool {
    !PUNCTUATION.contains(&c) && (c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c))
}

/// Whether a character is an apostrophe (straight or typographic).
fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Cuts a text into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(token_capacity(text));
    each_token(text, |t, _, _| out.push(t));
    out
}

/// A first guess at the number of tokens of `text` (about one per five bytes in news text).
pub(super) fn token_capacity(text: &str) -> usize {
    text.len() / 5
}

/// Calls `found` with each token of `text`, in order, the facts of its shape ([`shape_of`] of its
/// text, read from what the tokenizer already knows: the class of its first byte) and, for most words
/// of up to 7 bytes and single punctuation bytes, its bytes as a little-endian integer padded with zeros
/// (so a word table need not read them again): the tokenizer's one pass over the bytes, which callers
/// extend with their own per-token work.
#[inline(always)]
pub(super) fn each_token(text: &str, mut found: impl FnMut(Token, Facts, Option<u64>)) {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        // Most tokens are lower-case words: told apart from the rest before the dispatch on the class.
        let class = if b.is_ascii_lowercase() { AsciiClass::Lower } else { ASCII_CLASS[usize::from(b)] };
        let (end, shape, held) = match class {
            AsciiClass::Lower => {
                let (end, held) = ascii_word(text, at);
                (end, LOWER_WORD, held)
            }
            AsciiClass::Upper => {
                let (end, held) = ascii_word(text, at);
                (end, upper_shape(text, at, end), held)
            }
            AsciiClass::Digit => {
                let (end, held) = ascii_word(text, at);
                (end, Facts::NONE, held)
            }
            AsciiClass::Space => {
                at += 1;
                continue;
            }
            AsciiClass::Period => (at + 1, Facts::PERIOD, Some(u64::from(b))),
            AsciiClass::Other if b == b'\'' && is_possessive(text, at) => (at + 2, Facts::NONE, None),
            AsciiClass::Other => (at + 1, Facts::NONE, Some(u64::from(b))),
            AsciiClass::NotAscii => match non_ascii_token(text, at) {
                Some((end, shape)) => (end, shape, None),
                None => {
                    at += text[at..].chars().next().map_or(1, char::len_utf8);
                    continue;
                }
            },
        };
        found(Token { start: at, end }, shape, held);
        // Most tokens are followed by one space: skipped here, without the dispatch on its class.
        at = if bytes.get(end) == Some(&b' ') { end + 1 } else { end };
    }
}

/// The end of the word starting with the ASCII letter or digit at `at` and, if it is a run of at most 7
/// ASCII letters and digits that the byte after it does not extend, its bytes padded with zeros. Where 8
/// bytes remain, they are read as one integer, classified at once ([`swar::ascii_alphanumeric`]: no
/// branch per byte) and, masked to the word, handed to the word table.
#[inline(always)]
fn ascii_word(text: &str, at: usize) -> (usize, Option<u64>) {
    let bytes = text.as_bytes();
    if let Some(sixteen) = bytes.get(at..).and_then(<[u8]>::first_chunk::<16>) {
        // The first byte that is not a letter or digit is at 1 to 15, or none is.
        let others = !swar::ascii_alphanumeric_bits(sixteen) & 0xffff;
        if others == 0 {
            return (ascii_word_end(text, at, at + 16), None);
        }
        let len = others.trailing_zeros() as usize;
        let run = at + len;
        return if MAY_EXTEND[usize::from(sixteen[len])] && !stops_word(bytes, at, run) {
            (word_end(text, at, run), None)
        } else if len < 8 {
            (run, Some(u64::from_le_bytes(std::array::from_fn(|j| sixteen[j])) & FIRST_BYTES[len]))
        } else {
            (run, None)
        };
    }
    let Some(eight) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) else {
        // The last 8 bytes of the text.
        return (ascii_word_end(text, at, at + 1), None);
    };
    // The first byte is a letter or digit, so the first byte that is not is at 1 to 7, or none is.
    let others = !swar::ascii_alphanumeric(u64::from_le_bytes(*eight)) & swar::HIGHS;
    if others == 0 {
        // 8 bytes or more.
        return (ascii_word_end(text, at, at + 8), None);
    }
    let len = others.trailing_zeros() as usize / 8;
    let run = at + len;
    if MAY_EXTEND[usize::from(eight[len])] && !stops_word(bytes, at, run) {
        (word_end(text, at, run), None)
    } else {
        (run, Some(u64::from_le_bytes(*eight) & FIRST_BYTES[len]))
    }
}

/// The bits of the first `n` bytes of a little-endian integer, by `n` (a table look-up is shorter than
/// the shifts).
static FIRST_BYTES: [u64; 8] = {
    let mut masks = [0; 8];
    let mut n = 1;
    while n < 8 {
        masks[n] = (1 << (8 * n)) - 1;
        n += 1;
    }
    masks
};

/// The end of the word starting with the ASCII letter or digit at `at`, whose bytes before `from` are
/// known to be ASCII letters or digits.
#[inline(always)]
fn ascii_word_end(text: &str, at: usize, from: usize) -> usize {
    // Most words are a run of ASCII letters and digits ended by a space or punctuation.
    let bytes = text.as_bytes();
    let run = ascii_run_end(bytes, from);
    match bytes.get(run) {
        Some(&next) if MAY_EXTEND[usize::from(next)] && !stops_word(bytes, at, run) => word_end(text, at, run),
        _ => run,
    }
}

/// The shape facts of the word `at..end` starting with an ASCII upper-case letter.
#[inline(always)]
fn upper_shape(text: &str, at: usize, end: usize) -> Facts {
    match text.as_bytes().get(at + 1) {
        _ if end == at + 1 => UPPER_LETTER,
        // Most capitalised words are settled by their second byte.
        Some(b) if b.is_ascii_lowercase() => CAPITALISED_WORD,
        _ => upper_start(&text[at..end]),
    }
}

/// The token starting with the non-ASCII character at `at` (its end and shape facts), or `None` for
/// whitespace.
fn non_ascii_token(text: &str, at: usize) -> Option<(usize, Facts)> {
    let c = text[at..].chars().next()?;
    if PUNCTUATION.contains(&c) && !is_apostrophe(c) {
        // Dashes, quotes and zero-width spaces: no Unicode table look-ups for the commonest non-ASCII.
        Some((at + c.len_utf8(), Facts::NONE))
    } else if c.is_whitespace() {
        None
    } else if is_word_char(c) {
        let end = word_end(text, at, at);
        Some((end, word_char_shape(c, &text[at..end])))
    } else if is_apostrophe(c) && is_possessive(text, at) {
        Some((at + c.len_utf8() + 1, Facts::NONE))
    } else {
        // Not a word character, so no letter.
        Some((at + c.len_utf8(), Facts::NONE))
    }
}

/// Characters of the General Punctuation block that are neither whitespace nor word characters (zero-width
/// spaces and joiners, dashes, quotes, bullets, ellipsis).
pub(super) const PUNCTUATION: std::ops::RangeInclusive<char> = '\u{200b}'..='\u{2027}';

/// What an ASCII byte starts, for the tokenizer's main loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AsciiClass {
    /// A lower-case letter: a word.
    Lower,
    /// An upper-case letter: a word.
    Upper,
    /// A digit: a word (a number).
    Digit,
    /// Whitespace, skipped.
    Space,
    /// A period: a token of its own.
    Period,
    /// Other punctuation or a control character: a token of its own (or a possessive "'s").
    Other,
    /// The first byte of a non-ASCII character, decoded before deciding.
    NotAscii,
}

/// [`AsciiClass`] of every byte.
static ASCII_CLASS: [AsciiClass; 256] = {
    let mut table = [AsciiClass::NotAscii; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'a'..=b'z' => AsciiClass::Lower,
            b'A'..=b'Z' => AsciiClass::Upper,
            b'0'..=b'9' => AsciiClass::Digit,
            // What `char::is_whitespace` accepts in ASCII (with the vertical tab).
            0x09..=0x0d | b' ' => AsciiClass::Space,
            b'.' => AsciiClass::Period,
            _ => AsciiClass::Other,
        };
        b += 1;
    }
    table
};

/// Whether the apostrophe at `at` starts a possessive or contracted "'s" that ends there.
fn is_possessive(text: &str, at: usize) -> bool {
    let mut rest = text[at..].chars().skip(1);
    matches!(rest.next(), Some('s' | 'S')) && !rest.next().is_some_and(is_word_char)
}

/// The end of the word starting at `start`, whose word characters are known up to `scanned` (kept out of
/// the tokenizer's loop: most words never need it).
#[inline(never)]
fn word_end(text: &str, start: usize, scanned: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = run_end(text, scanned);
    if let Some(end) = abbreviation_end(text, start, at) {
        return end;
    }
    // Only '.', ',', '&' and apostrophes (’ starts with byte 0xE2) join runs.
    while let Some(&joiner) = bytes.get(at) {
        let joins = match joiner {
            // A decimal point or thousands separator between digits.
            b'.' | b',' => bytes[at - 1].is_ascii_digit() && bytes.get(at + 1).is_some_and(u8::is_ascii_digit),
            b'&' | b'\'' | 0xE2 => joins_word(text, start, at),
            _ => false,
        };
        if !joins {
            break;
        }
        let width = if joiner == 0xE2 { 3 } else { 1 };
        at = run_end(text, at + width);
    }
    at
}

/// Whether the '&' or apostrophe at `at` joins the runs around it ("AT&T", "O'Brien", "don’t").
fn joins_word(text: &str, start: usize, at: usize) -> bool {
    let mut chars = text[at..].chars();
    let (Some(joiner), Some(next)) = (chars.next(), chars.next()) else { return false };
    match joiner {
        '&' => next.is_alphabetic() && at - start <= 3,
        c if is_apostrophe(c) => is_word_char(next) && !is_possessive(text, at),
        _ => false,
    }
}

/// Whether the bytes after the ASCII run `start..run` end the word for sure, so [`word_end`] would stop
/// there too: a '.' or ',' after two or more letters ending in a non-digit (no abbreviation ("U.S.") or
/// number ("3.5") goes on; most words before sentence punctuation), or a character of [`PUNCTUATION`]
/// other than the apostrophe ’ (closing quotes and dashes: neither word characters nor joiners).
#[inline(always)]
fn stops_word(bytes: &[u8], start: usize, run: usize) -> bool {
    match bytes.get(run..) {
        Some([b'.' | b',', ..]) => run - start > 1 && !bytes[run - 1].is_ascii_digit(),
        // U+200B to U+2027 are E2 80 8B to E2 80 A7 in UTF-8; ’ (U+2019) is E2 80 99.
        Some([0xE2, 0x80, third, ..]) => (0x8B..=0xA7).contains(third) && *third != 0x99,
        _ => false,
    }
}

/// The bytes after a run of ASCII letters and digits that may make the word longer than the run:
/// '.', ',', '&' and apostrophes (joiners, or the periods of "U.S."), and non-ASCII characters.
static MAY_EXTEND: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = b >= 128 || matches!(b as u8, b'.' | b',' | b'&' | b'\'');
        b += 1;
    }
    table
};

/// The end of the run of ASCII letters and digits from `at`: four bytes a step (one bounds check) where
/// four remain.
#[inline(always)]
fn ascii_run_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(&[a, b, c, d]) = bytes.get(at..at + 4) {
        for (k, byte) in [a, b, c, d].into_iter().enumerate() {
            if !ASCII_WORD[usize::from(byte)] {
                return at + k;
            }
        }
        at += 4;
    }
    while at < bytes.len() && ASCII_WORD[usize::from(bytes[at])] {
        at += 1;
    }
    at
}

/// Which bytes are ASCII letters and digits, for the word loop (a table look-up per byte).
static ASCII_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The end of the run of word characters starting at `start`.
fn run_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = ascii_run_end(bytes, start);
    while bytes.get(at).is_some_and(|b| !b.is_ascii()) {
        // Word characters of other scripts, decoded by one iterator until an ASCII character (back to
        // the ASCII loop) or a character that is not a word character.
        let other_script: usize =
            text[at..].chars().take_while(|&c| !c.is_ascii() && is_word_char(c)).map(char::len_utf8).sum();
        if other_script == 0 {
            return at;
        }
        at = ascii_run_end(bytes, at + other_script);
    }
    at
}

/// For a one-letter run followed by ".X." pairs ("U.S.", "e.g."), the end of the abbreviation.
fn abbreviation_end(text: &str, start: usize, run_end: usize) -> Option<usize> {
    let one_char = match text.as_bytes()[start] {
        b if b.is_ascii() => run_end - start == 1,
        _ => run_end - start <= 4 && text[start..run_end].chars().count() == 1,
    };
    let single = one_char && text[start..].starts_with(char::is_alphabetic);
    if !single {
        return None;
    }
    let mut at = run_end;
    let mut pairs = 0;
    loop {
        let mut chars = text[at..].chars();
        match (chars.next(), chars.next(), chars.next()) {
            (Some('.'), Some(l), after) if l.is_alphabetic() && !after.is_some_and(is_word_char) => {
                at += 1 + l.len_utf8();
                pairs += 1;
            }
            _ => break,
        }
    }
    if pairs == 0 {
        return None;
    }
    if text[at..].starts_with('.') {
        at += 1;
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let t = Tokens::new(text);
        (0..t.len()).map(|i| t.text(i)).collect()
    }

    #[test]
    fn splits_possessives_hyphens_and_punctuation() {
        assert_eq!(
            words("Trump's plan, a 15-year-old."),
            ["Trump", "'s", "plan", ",", "a", "15", "-", "year", "-", "old", "."]
        );
        assert_eq!(words("America’s “strategy.”"), ["America", "’s", "“", "strategy", ".", "”"]);
    }

    #[test]
    fn keeps_abbreviations_contractions_and_numbers_whole() {
        assert_eq!(words("the U.S. and e.g. D.C"), ["the", "U.S.", "and", "e.g.", "D.C"]);
        assert_eq!(
            words("O'Brien didn't pay $1,000.50 in 2016."),
            ["O'Brien", "didn't", "pay", "$", "1,000.50", "in", "2016", "."]
        );
        assert_eq!(words("AT&T and A. Smith"), ["AT&T", "and", "A", ".", "Smith"]);
    }

    #[test]
    fn ascii_classes_agree_with_the_char_predicates() {
        for b in 0u8..128 {
            let c = char::from(b);
            let want = if c.is_lowercase() {
                AsciiClass::Lower
            } else if c.is_uppercase() {
                AsciiClass::Upper
            } else if c.is_numeric() {
                AsciiClass::Digit
            } else if c.is_whitespace() {
                AsciiClass::Space
            } else if c == '.' {
                AsciiClass::Period
            } else {
                assert!(!is_word_char(c), "{c:?}");
                AsciiClass::Other
            };
            assert_eq!(ASCII_CLASS[usize::from(b)], want, "{c:?}");
            let word = matches!(want, AsciiClass::Lower | AsciiClass::Upper | AsciiClass::Digit);
            assert_eq!(word, is_word_char(c), "{c:?}");
        }
        assert!(ASCII_CLASS[128..].iter().all(|&c| c == AsciiClass::NotAscii));
    }

    #[test]
    fn the_word_character_table_agrees_with_the_unicode_tables_on_every_character() {
        let differ: Vec<char> = ('\0'..=char::MAX).filter(|&c| is_word_char(c) != is_word_char_by_tables(c)).collect();
        assert!(differ.is_empty(), "{differ:?}");
        assert!(is_word_char('я') && is_word_char('中') && is_word_char('\u{301}') && is_word_char('𝐀'));
        assert!(!is_word_char('—') && !is_word_char('。') && !is_word_char('\u{a0}'));
    }

    #[test]
    fn general_punctuation_is_neither_space_nor_word() {
        // So `is_word_char` may rule them out before the Unicode tables.
        assert!(PUNCTUATION.clone().all(|c| !c.is_whitespace() && !c.is_alphanumeric()));
        assert_eq!(words("“Go”—now…\u{200b}it’s"), ["“", "Go", "”", "—", "now", "…", "\u{200b}", "it", "’s"]);
    }

    #[test]
    fn runs_end_at_the_first_byte_that_is_not_a_letter_or_digit() {
        let text = b"Wordsmiths1234567890abc, x";
        for start in 0..text.len() {
            let want = (start..text.len()).find(|&k| !ASCII_WORD[usize::from(text[k])]).unwrap_or(text.len());
            assert_eq!(ascii_run_end(text, start), want, "from {start}");
        }
    }

    #[test]
    fn words_stopped_by_sentence_punctuation_end_where_the_slow_path_ends_them() {
        let text = "He said. U.S., e.g., x. 3.5, 1,000 A. Smith, Ms. Lee.’ T. J.D.. ab1. a,b.c “soon”— x” it’s \
                    e”.g 3—4 a…\u{200b}b\u{2028}c\u{200a}d";
        let bytes = text.as_bytes();
        for start in (0..bytes.len()).filter(|&k| ASCII_WORD[usize::from(bytes[k])]) {
            let run = ascii_run_end(bytes, start + 1);
            if stops_word(bytes, start, run) {
                assert_eq!(word_end(text, start, run), run, "word at {start}");
            }
        }
        assert_eq!(words("said. Mr. U.S., 3.5, 1,000"), ["said", ".", "Mr", ".", "U.S.", ",", "3.5", ",", "1,000"]);
        assert_eq!(words("“soon”— it’s x’y"), ["“", "soon", "”", "—", "it", "’s", "x’y"]);
        // The ends of the General Punctuation the shortcut takes, and the characters just outside it.
        assert!(stops_word("ab\u{200b}".as_bytes(), 0, 2) && stops_word("ab\u{2027}".as_bytes(), 0, 2));
        assert!(!stops_word("ab\u{200a}".as_bytes(), 0, 2) && !stops_word("ab\u{2028}".as_bytes(), 0, 2));
        assert!(!stops_word("ab’".as_bytes(), 0, 2) && !stops_word("ab\u{2071}".as_bytes(), 0, 2));
    }

    #[test]
    fn joiners_and_unusual_spaces() {
        assert_eq!(
            words("O’Brien’s don’t\u{a0}Q&A&B 3.5, 4,x\u{b}\u{2003}“AT&T’s”"),
            ["O’Brien", "’s", "don’t", "Q&A&B", "3.5", ",", "4", ",", "x", "“", "AT&T", "’s", "”"]
        );
        assert_eq!(words("Ángela's 1990s—Zoë’"), ["Ángela", "'s", "1990s", "—", "Zoë", "’"]);
    }

    #[test]
    fn handles_non_ascii_and_line_breaks() {
        let t = Tokens::new("Zoë 🚀 visited\nSão Paulo");
        assert_eq!((0..t.len()).map(|i| t.text(i)).collect::<Vec<_>>(), ["Zoë", "🚀", "visited", "São", "Paulo"]);
        assert!(t.breaks_line_before(3));
        assert!(!t.breaks_line_before(4));
    }

    #[test]
    fn ascii_words_end_where_the_byte_by_byte_scan_ends_them_and_hold_their_bytes() {
        let text = "a ab abc1 abcdefg abcdefgh abcdefghi Zz9, U.S. e.g. 3.5, 1,000 AT&T O'Brien don’t \
                    it's Zoë naïve x. ab. a1. Q&A 15-year-old i\u{301} ab_cd end";
        let bytes = text.as_bytes();
        for at in (0..bytes.len()).filter(|&k| ASCII_WORD[usize::from(bytes[k])]) {
            let (end, held) = ascii_word(text, at);
            assert_eq!(end, ascii_word_end(text, at, at + 1), "word at {at}");
            if let Some(held) = held {
                assert!(end - at < 8 && bytes.len() - at >= 8, "word at {at}");
                let mut padded = [0; 8];
                padded[..end - at].copy_from_slice(&bytes[at..end]);
                assert_eq!(held, u64::from_le_bytes(padded), "word at {at}");
            }
        }
        // Short words far enough from the end are held; longer ones and the last few bytes are not.
        assert_eq!(ascii_word("abc def ghi", 0), (3, Some(u64::from_le_bytes(*b"abc\0\0\0\0\0"))));
        assert_eq!(ascii_word("abcdefgh ij", 0), (8, None));
        assert_eq!(ascii_word("abc", 0), (3, None));
    }

    /// Random texts of the pieces that end, extend or join ASCII words.
    fn texts() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        const PIECES: &[&str] = &[
            "a", "Z", "ab", "abcdefg", "Abcdefgh", "1", "15", "x9", "U", "S", "'", "’", "s", "'s", ".", ",", "&", "-",
            " ", "\n", "é", "Zoë", "中", "“", "”", "—", "…", "\u{200a}", "\u{200b}", "\u{2027}", "\u{2028}",
            "\u{2030}", "\u{2071}", "Ⅻ", "\u{301}",
        ];
        proptest::collection::vec(proptest::sample::select(PIECES), 0..40).prop_map(|pieces| pieces.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5_000))]

        #[test]
        fn words_said_to_stop_end_where_the_slow_path_ends_them(text in texts()) {
            let bytes = text.as_bytes();
            for start in (0..bytes.len()).filter(|&k| ASCII_WORD[usize::from(bytes[k])]) {
                let run = ascii_run_end(bytes, start + 1);
                if stops_word(bytes, start, run) {
                    proptest::prop_assert_eq!(word_end(&text, start, run), run, "word at {}", start);
                }
            }
        }
    }
}
