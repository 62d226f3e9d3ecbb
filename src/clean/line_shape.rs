//! What a line is made of, found in one pass over its bytes (one table look-up each): which letters
//! occur (in either case), whether a digit, a non-ASCII byte or some punctuation does, and how the
//! line starts. The line rules test these facts before their regexes (`line_gates.rs`): most lines of
//! a page are two-word menu entries, and each regex search has a start-up cost however short the line.

/// A set of the classes of bytes a [`Shape`] records (letters folded to one class each, digits,
/// non-ASCII bytes, [`PUNCTUATION`]), one bit each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Classes(u64);

/// The punctuation a [`Shape`] records; [`any_of`] accepts only these.
pub const PUNCTUATION: &[u8] = b"(),/:;*_[|@";

/// Class bit of the ASCII digits (the letters take bits 0–25).
const DIGIT: u64 = 1 << 26;
/// Class bit of the bytes outside ASCII.
const NON_ASCII: u64 = 1 << 27;
/// Class bit of the first byte of [`PUNCTUATION`]; the others follow.
const FIRST_PUNCTUATION: u32 = 28;
/// The letters a non-ASCII character can match under `(?i)`: `ſ` matches `s` and the Kelvin sign `k`
/// (a unit test checks there are no others). A line with non-ASCII bytes need not hold them.
const FOLDED_FROM_UNICODE: u64 = class(b's') | class(b'k');

/// The class bit of one byte (0 for bytes no gate asks about).
const fn class(b: u8) -> u64 {
    if b >= 0x80 {
        return NON_ASCII;
    }
    if b.is_ascii_alphabetic() {
        return 1 << (b.to_ascii_lowercase() - b'a');
    }
    if b.is_ascii_digit() {
        return DIGIT;
    }
    let mut k = 0;
    while k < PUNCTUATION.len() {
        if PUNCTUATION[k] == b {
            return 1 << (FIRST_PUNCTUATION + k as u32);
        }
        k += 1;
    }
    0
}

/// [`class`] of every byte, so a line's classes are one look-up and one `or` a byte.
static CLASSES: [u64; 256] = {
    let mut table = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = class(b as u8);
        b += 1;
    }
    table
};

/// The classes of some punctuation bytes, for [`Shape::has_any`]. Every byte must be in
/// [`PUNCTUATION`] (a constant that names another fails to compile).
pub const fn any_of(bytes: &[u8]) -> Classes {
    let mut bits = 0;
    let mut k = 0;
    while k < bytes.len() {
        let c = class(bytes[k]);
        assert!(c >= 1 << FIRST_PUNCTUATION, "not a recorded punctuation byte");
        bits |= c;
        k += 1;
    }
    Classes(bits)
}

/// The letters of `phrase` (its other bytes are ignored), for [`Shape::has_all`]: a line that contains
/// the phrase in any ASCII case has every one of them.
pub const fn letters_of(phrase: &str) -> Classes {
    let bytes = phrase.as_bytes();
    let mut bits = 0;
    let mut k = 0;
    while k < bytes.len() {
        if bytes[k].is_ascii_alphabetic() {
            bits |= class(bytes[k]);
        }
        k += 1;
    }
    Classes(bits)
}

/// How a line may start: up to four lowercase ASCII bytes, compared with a line's first bytes
/// lowercased.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Start {
    /// The bytes, little-endian.
    value: u32,
    /// Which bytes of `value` count.
    mask: u32,
}

/// The [`Start`] of `start` (lowercase ASCII, at most four bytes; other text fails to compile in a
/// constant).
pub const fn start(start: &str) -> Start {
    let bytes = start.as_bytes();
    assert!(bytes.len() <= 4, "a start is at most four bytes");
    let mut out = Start { value: 0, mask: 0 };
    let mut k = 0;
    while k < bytes.len() {
        assert!(bytes[k].is_ascii() && !bytes[k].is_ascii_uppercase(), "starts are lowercase ASCII");
        out.value |= (bytes[k] as u32) << (8 * k);
        out.mask |= 0xFF << (8 * k);
        k += 1;
    }
    out
}

/// The [`Start`] of each of `starts`.
pub const fn starts<const N: usize>(starts: [&str; N]) -> [Start; N] {
    let mut out = [Start { value: 0, mask: 0 }; N];
    let mut i = 0;
    while i < N {
        out[i] = start(starts[i]);
        i += 1;
    }
    out
}

/// The facts of one (trimmed) line that the regex gates need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// The classes of all the line's bytes.
    classes: u64,
    /// The first four characters as `(?i)` may match them to ASCII ([`folded_head`]), little-endian,
    /// zero-padded when the line is shorter.
    head: u32,
    /// Whether the first byte is not ASCII (a bullet, a Unicode digit or letter).
    starts_non_ascii: bool,
}

/// What a character other than ASCII, `ſ` and the Kelvin sign stands for in a [`Shape`]'s head: a
/// byte no [`Start`] holds (they are ASCII), since under `(?i)` such a character matches no ASCII
/// byte of a literal.
const OTHER: u8 = 0x80;

/// The first four characters of `t`, each as the one ASCII byte it can match in a case-insensitive
/// literal: ASCII lowercased, `ſ` as `s`, the Kelvin sign as `k`, any other character [`OTHER`].
/// Most lines start with four ASCII bytes, which are lowercased as they stand.
fn folded_head(t: &str) -> u32 {
    let mut head = [0u8; 4];
    for (slot, b) in head.iter_mut().zip(t.as_bytes()) {
        *slot = b.to_ascii_lowercase();
    }
    if head.is_ascii() {
        return u32::from_le_bytes(head);
    }
    for (slot, c) in head.iter_mut().zip(t.chars().chain(std::iter::repeat('\0'))) {
        *slot = match c {
            'ſ' => b's',
            '\u{212A}' => b'k',
            c if c.is_ascii() => (c as u8).to_ascii_lowercase(),
            _ => OTHER,
        };
    }
    u32::from_le_bytes(head)
}

impl Shape {
    /// The facts of `t`.
    pub fn of(t: &str) -> Self {
        let bytes = t.as_bytes();
        let classes = bytes.iter().fold(0, |acc, &b| acc | CLASSES[usize::from(b)]);
        let starts_non_ascii = bytes.first().is_some_and(|b| !b.is_ascii());
        Self { classes, head: folded_head(t), starts_non_ascii }
    }

    /// Whether the line starts with a character outside ASCII (which a Unicode class such as `\d`, or
    /// a bullet a rule trims, may match).
    pub fn starts_non_ascii(&self) -> bool {
        self.starts_non_ascii
    }

    /// Whether some byte is outside ASCII.
    pub fn non_ascii(&self) -> bool {
        self.classes & NON_ASCII != 0
    }

    /// Whether `\d` can match: an ASCII digit occurs, or a non-ASCII byte (Unicode digits).
    pub fn may_have_digit(&self) -> bool {
        self.classes & (DIGIT | NON_ASCII) != 0
    }

    /// Whether any of `classes` occurs (built by [`any_of`]).
    pub fn has_any(&self, classes: Classes) -> bool {
        self.classes & classes.0 != 0
    }

    /// Whether all of `classes` (built by [`letters_of`]) can occur, matched in any case under `(?i)`:
    /// on a line with non-ASCII bytes, the letters such a character can match need not occur.
    pub fn has_all(&self, classes: Classes) -> bool {
        let need = if self.non_ascii() { classes.0 & !FOLDED_FROM_UNICODE } else { classes.0 };
        self.classes & need == need
    }

    /// Whether the line can start with the literal `start` under `(?i)`: its first characters, `ſ`
    /// taken for `s` and the Kelvin sign for `k`, are `start` ignoring ASCII case. A start made by a
    /// Unicode class (`\d`) is not a literal: its gate asks [`Shape::starts_non_ascii`] as well.
    pub fn starts_with(&self, start: Start) -> bool {
        self.head & start.mask == start.value
    }

    /// Whether the line can start with one of `starts` (see [`Shape::starts_with`]).
    pub fn starts_with_any(&self, starts: &[Start]) -> bool {
        starts.iter().any(|&s| self.starts_with(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_bytes_letters_and_head() {
        let s = Shape::of("Read More: 12 (AP)");
        assert!(!s.non_ascii());
        assert!(s.has_any(any_of(b"(")) && s.has_any(any_of(b"|:")) && !s.has_any(any_of(b"/|@")));
        assert!(s.may_have_digit() && !Shape::of("No digits here").may_have_digit());
        assert!(Shape::of("No digits here…").may_have_digit());
        assert!(s.has_all(letters_of("read more")) && s.has_all(letters_of("AP")) && !s.has_all(letters_of("ago")));
        assert!(s.starts_with_any(&starts(["rea"])) && s.starts_with_any(&starts(["xyz", "read"])));
        assert!(!s.starts_with_any(&starts(["more"])));
        assert!(Shape::of("© 2019").non_ascii() && Shape::of("AGO").has_all(letters_of("ago")));
        assert!(
            !Shape::of("ubcribe").has_all(letters_of("subscribe"))
                && Shape::of("ſubſcribe").has_all(letters_of("subscribe"))
        );
        assert!(
            Shape::of("thiſ").starts_with_any(&starts(["this"]))
                && Shape::of("\u{212A}ey").starts_with_any(&starts(["key"]))
                && !Shape::of("«Read").starts_with_any(&starts(["rea"]))
                && !Shape::of("Rеad").starts_with_any(&starts(["rea"]))
        );
        assert!(Shape::of("«Read").starts_non_ascii() && !Shape::of("Read«").starts_non_ascii());
        assert!(!Shape::of("Home…").starts_with_any(&starts(["rea"])));
    }

    /// [`folded_head`] character by character, with no ASCII fast path.
    fn head_by_chars(t: &str) -> u32 {
        let mut head = [0u8; 4];
        for (slot, c) in head.iter_mut().zip(t.chars()) {
            *slot = match c {
                'ſ' => b's',
                '\u{212A}' => b'k',
                c if c.is_ascii() => (c as u8).to_ascii_lowercase(),
                _ => OTHER,
            };
        }
        u32::from_le_bytes(head)
    }

    proptest::proptest! {
        #[test]
        fn folded_heads_fold_character_by_character(t in "[a-zA-Z0-9 (ſ\u{212A}é•€\u{1F600}]{0,6}") {
            proptest::prop_assert_eq!(folded_head(&t), head_by_chars(&t));
        }
    }

    #[test]
    fn short_lines_pad_the_head() {
        let s = Shape::of("AP");
        assert!(s.starts_with_any(&starts(["ap"])) && !s.starts_with_any(&starts(["ap "])));
        assert!(!Shape::of("").starts_with_any(&starts(["a"])));
    }

    #[test]
    fn only_long_s_and_kelvin_match_ascii_letters_under_case_folding() {
        let any_letter = regex::Regex::new("(?i)^[a-z]$").expect("a letter class");
        let folded: Vec<String> = ('\u{80}'..=char::MAX).map(String::from).filter(|c| any_letter.is_match(c)).collect();
        assert_eq!(folded, ["ſ", "\u{212A}"]);
        assert!(regex::Regex::new("(?i)^sk$").expect("two letters").is_match("ſ\u{212A}"));
        assert_eq!(FOLDED_FROM_UNICODE, class(b's') | class(b'k'));
    }

    #[test]
    fn classes_are_distinct_and_cover_what_they_name() {
        assert_eq!(class(b'a'), class(b'A'));
        assert_ne!(class(b'a'), class(b'b'));
        assert_eq!(CLASSES[usize::from(b'7')], DIGIT);
        assert_eq!(CLASSES[0xC2], NON_ASCII);
        let marks: Vec<u64> = PUNCTUATION.iter().map(|&b| class(b)).collect();
        assert!(marks.iter().all(|m| m.count_ones() == 1 && *m >= 1 << FIRST_PUNCTUATION));
        assert_eq!(marks.iter().fold(0, |a, m| a | m).count_ones() as usize, PUNCTUATION.len());
        assert_eq!(class(b' '), 0);
    }
}
