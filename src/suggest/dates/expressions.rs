//! The date expressions matched by hand, in one forward pass. This is the regular expression kept as
//! the tests' oracle (`super::oracle`) spelled out: the same alternatives tried in the same order at
//! the leftmost possible start, with the same greedy choices, so the matches (and their spans) are the
//! same. The scan finds the word starts of 64 bytes at a time with vector instructions and rejects
//! most of them by their first three bytes (one table look-up), so only words that can open an
//! expression ("the", "a", month names, digits…) are matched in full.
//!
//! The regex's semantics kept here: `(?-u:\b)` is an ASCII word boundary; `\s` is Unicode white space;
//! in the case-insensitive parts Unicode simple case folding lets `ſ` (U+017F) stand for `s` and the
//! Kelvin sign (U+212A) for `k`; alternatives are tried in order and the first that completes wins;
//! matches do not overlap, each search resuming where the last match ended.

use super::super::gazetteer::Gazetteer;

/// Words that open a "last Tuesday" / "next March" expression (case-insensitive).
const SHIFTS: &[&str] = &["last", "next", "this", "early", "late"];
/// Words before a unit: "the past decade", "the next two years", "the fourth quarter".
const SPAN_OPENERS: &[&str] =
    &["past", "last", "next", "coming", "previous", "following", "first", "second", "third", "fourth", "final"];
/// Counts before a unit; the regex's order ("a" before "an" before "a few"), `[0-9]+` tried first.
/// News writes larger numbers in digits (AP style), so "thirty years" is left out: "thirty", "forty"
/// would make every "this" and "for" a possible count, for a handful of matches.
pub(super) const NUMBER_WORDS: &[&str] = &[
    "a",
    "an",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "a few",
    "few",
    "a couple of",
    "several",
    "many",
];
/// What follows "a" in a count of several words ("a few", "a couple of").
const AFTER_A: &[&str] = &["few", "couple"];
/// Counts before a hyphen and a unit ("two-year", "10-year"): the spelt-out numbers of
/// [`NUMBER_WORDS`], in its order, `[0-9]+` tried first.
const HYPHEN_NUMBERS: &[&str] =
    &["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
/// Units of a duration ("three years", "a decade"): the calendar [`UNITS`], which OntoNotes tags as
/// DATE (not "quarter" nor "half": "a quarter of the vote"), in the same order.
pub(super) const DATE_UNITS: &[&str] =
    &["days", "day", "weeks", "week", "months", "month", "years", "year", "decades", "decade", "century", "centuries"];
/// Words after a duration that belong to it: "47 years old", "a year later", "a week earlier".
const DURATION_TAILS: &[&str] = &["old", "later", "earlier"];
/// The singular units after a hyphenated count ("two-year").
const HYPHEN_UNITS: &[&str] = &["day", "week", "month", "year", "decade", "century"];
/// Words before a month or year for a part of it: "mid-December", "late 2019", "early March".
const PARTS: &[&str] = &["early", "late", "mid"];
/// Units of time, each optional plural spelled out with the plural first (the regex's `days?` is greedy).
const UNITS: &[&str] = &[
    "days",
    "day",
    "weeks",
    "week",
    "months",
    "month",
    "years",
    "year",
    "decades",
    "decade",
    "century",
    "centuries",
    "weekends",
    "weekend",
    "quarters",
    "quarter",
    "half",
];
/// Words before a season: "last week", "this summer".
const SEASON_OPENERS: &[&str] = &["last", "next", "this", "previous", "coming", "upcoming", "recent"];
/// Periods a season opener names.
const SEASONS: &[&str] = &[
    "week", "month", "year", "weekend", "decade", "century", "summer", "winter", "spring", "fall", "autumn", "season",
    "quarter",
];
/// Seasons "the" names as a date ("in the autumn"); not "fall", which is as often the noun.
pub(super) const THE_SEASONS: &[&str] = &["spring", "summer", "autumn", "winter"];
/// Words before plural units: "upcoming months".
const PLURAL_OPENERS: &[&str] = &["upcoming", "coming", "recent"];
/// The plural units after them.
const PLURAL_UNITS: &[&str] = &["days", "weeks", "months", "years"];
/// "earlier this year", "later this month".
const NEAR_OPENERS: &[&str] = &["earlier", "later"];
/// Days named relative to today.
const DEICTIC: &[&str] = &["yesterday", "today", "tomorrow"];
/// Ordinal suffixes after a day number ("3rd").
const ORDINALS: &[&[u8]] = &[b"st", b"nd", b"rd", b"th"];

/// The first bytes of the white space characters (`\s`).
const SPACE_LEADS: [u8; 10] = [b'\t', b'\n', 0x0b, 0x0c, b'\r', b' ', 0xc2, 0xe1, 0xe2, 0xe3];

/// `ſ`, which case-insensitive `s` also matches.
const LONG_S: &[u8] = "\u{17f}".as_bytes();
/// The Kelvin sign, which case-insensitive `k` also matches.
const KELVIN: &[u8] = "\u{212a}".as_bytes();

/// Alternatives tried in order, indexed by the bytes they can begin with.
#[derive(Debug, Clone)]
struct Words {
    /// The alternatives, in the regex's order (at most 64: the calendar file has 22 month names and
    /// abbreviations, a test keeps the headroom in view).
    list: Vec<&'static str>,
    /// Whether they match case-insensitively.
    folded: bool,
    /// For each byte, bit `k` set if alternative `k` can begin with it.
    by_first: [u64; 256],
}

impl Words {
    /// Alternatives matched exactly.
    fn exact(list: Vec<&'static str>) -> Self {
        Self::indexed(list, false)
    }

    /// Alternatives matched case-insensitively (lower-case ASCII words).
    fn folded(list: &[&'static str]) -> Self {
        Self::indexed(list.to_vec(), true)
    }

    /// Indexes `list` by first byte.
    fn indexed(list: Vec<&'static str>, folded: bool) -> Self {
        assert!(list.len() <= 64, "at most 64 alternatives");
        let mut by_first = [0u64; 256];
        for (k, word) in list.iter().enumerate() {
            for spelling in spellings(word.as_bytes(), folded) {
                by_first[usize::from(spelling[0])] |= 1 << k;
            }
        }
        Self { list, folded, by_first }
    }

    /// The first alternative at `i` after which `rest` matches, and where `rest` ends: an ordered
    /// alternation followed by the rest of the expression.
    #[inline]
    fn then(&self, b: &[u8], i: usize, mut rest: impl FnMut(usize) -> Option<usize>) -> Option<usize> {
        let mut candidates = self.by_first[usize::from(*b.get(i)?)];
        while candidates != 0 {
            let word = self.list[candidates.trailing_zeros() as usize].as_bytes();
            candidates &= candidates - 1;
            if let Some(end) = self.at(b, i, word).and_then(&mut rest) {
                return Some(end);
            }
        }
        None
    }

    /// Where `word` ends if it is at `i`.
    #[inline]
    fn at(&self, b: &[u8], i: usize, word: &[u8]) -> Option<usize> {
        if self.folded {
            return word.iter().try_fold(i, |j, &c| folded_char(b, j, c));
        }
        let found = b.get(i..i + word.len())?;
        found.iter().zip(word).all(|(x, y)| x == y).then_some(i + word.len())
    }
}

/// Where the character at `j` ends if it matches the lower-case ASCII byte `c` case-insensitively
/// (the bytes of [`char_variants`]).
#[inline]
pub(super) fn folded_char(b: &[u8], j: usize, c: u8) -> Option<usize> {
    let x = *b.get(j)?;
    // For a lower-case letter `c`, `x | 0x20 == c` holds for exactly its two ASCII cases.
    if x == c || (c.is_ascii_lowercase() && x | 0x20 == c) {
        return Some(j + 1);
    }
    if x < 0x80 {
        return None;
    }
    let other = match c {
        b's' => LONG_S,
        b'k' => KELVIN,
        _ => return None,
    };
    b[j..].starts_with(other).then_some(j + other.len())
}

/// The spellings case-insensitive matching accepts for a lower-case ASCII byte `c` (Unicode simple case
/// folding: `s` also `ſ`, `k` also the Kelvin sign); other bytes stand for themselves.
fn char_variants(c: u8) -> Vec<&'static [u8]> {
    const LOWER: [[u8; 1]; 128] = ascii_table(0);
    const UPPER: [[u8; 1]; 128] = ascii_table(32);
    let i = usize::from(c & 0x7f);
    let mut variants: Vec<&'static [u8]> = vec![&LOWER[i]];
    if c.is_ascii_lowercase() {
        variants.push(&UPPER[i]);
    }
    match c {
        b's' => variants.push(LONG_S),
        b'k' => variants.push(KELVIN),
        _ => {}
    }
    variants
}

/// Every ASCII byte as a one-byte string, lower-case letters shifted down by `shift`.
const fn ascii_table(shift: u8) -> [[u8; 1]; 128] {
    let mut table = [[0u8; 1]; 128];
    let mut c = 0;
    while c < 128 {
        let lower = c as u8;
        table[c] = [if lower.is_ascii_lowercase() { lower - shift } else { lower }];
        c += 1;
    }
    table
}

/// Whether the byte at `i` is an ASCII word byte (what `(?-u:\b)` looks at).
fn is_word(b: &[u8], i: usize) -> bool {
    b.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
}

/// Whether `(?-u:\b)` holds at `i`.
fn boundary(b: &[u8], i: usize) -> bool {
    i.checked_sub(1).is_some_and(|j| is_word(b, j)) != is_word(b, i)
}

/// `i` if a word boundary is there: the end of a match.
fn end(b: &[u8], i: usize) -> Option<usize> {
    boundary(b, i).then_some(i)
}

/// The length of the Unicode white space character (`\s`) at `i`, or 0.
pub(super) fn space_len(b: &[u8], i: usize) -> usize {
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    match (at(0), at(1), at(2)) {
        (b'\t'..=b'\r' | b' ', _, _) => 1,
        (0xc2, 0x85 | 0xa0, _) => 2,
        (0xe1, 0x9a, 0x80)
        | (0xe2, 0x80, 0x80..=0x8a | 0xa8 | 0xa9 | 0xaf)
        | (0xe2, 0x81, 0x9f)
        | (0xe3, 0x80, 0x80) => 3,
        _ => 0,
    }
}

/// `\s+` at `i`: where the run of white space ends, if there is one. Taking the whole run is the only
/// choice that can succeed: nothing after a `\s+` in these expressions begins with white space.
fn spaces(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    while let Some(&c) = b.get(j) {
        j += match c {
            b'\t'..=b'\r' | b' ' => 1,
            0..0x80 => break,
            _ => match space_len(b, j) {
                0 => break,
                n => n,
            },
        };
    }
    (j > i).then_some(j)
}

/// How many ASCII digits are at `i`.
fn digits(b: &[u8], i: usize) -> usize {
    b.get(i..).map_or(0, |tail| tail.iter().take_while(|c| c.is_ascii_digit()).count())
}

/// `[0-9]{1,max}` at `i` followed by `rest`: the longest run first, as the greedy regex tries them.
fn digit_run(b: &[u8], i: usize, max: usize, mut rest: impl FnMut(usize) -> Option<usize>) -> Option<usize> {
    (1..=digits(b, i).min(max)).rev().find_map(|n| rest(i + n))
}

/// Four digits and a word boundary at `i`: `[0-9]{4}(?-u:\b)`.
fn four_digits(b: &[u8], i: usize) -> Option<usize> {
    (digits(b, i) >= 4).then_some(i + 4).and_then(|e| end(b, e))
}

/// `(?:,?\s+[0-9]{4}(?-u:\b))?` after a day: where the date ends, with its year if it has one.
fn with_year(b: &[u8], i: usize) -> usize {
    let comma = i + usize::from(b.get(i) == Some(&b','));
    spaces(b, comma).and_then(|j| four_digits(b, j)).unwrap_or(i)
}

/// `[0-9]{1,2}(?:st|nd|rd|th)?` at `i` followed by `rest`, in the regex's order of tries.
fn day(b: &[u8], i: usize, mut rest: impl FnMut(usize) -> Option<usize>) -> Option<usize> {
    digit_run(b, i, 2, |j| {
        let suffixed = ORDINALS.iter().find(|o| b[j..].starts_with(o)).map(|o| j + o.len());
        suffixed.and_then(&mut rest).or_else(|| rest(j))
    })
}

/// An alternative of the expression at a word boundary: where its match ends.
type Alternative = fn(&Expressions, &[u8], usize) -> Option<usize>;

/// The alternatives in the regex's order; bit `k` of an alternative set is `ALTERNATIVES[k]`.
const ALTERNATIVES: [Alternative; 16] = [
    Expressions::month_day,
    Expressions::month_year,
    Expressions::day_month,
    Expressions::shifted_name,
    Expressions::span,
    Expressions::season,
    Expressions::plural,
    Expressions::near,
    Expressions::count_ago,
    Expressions::today,
    Expressions::named,
    Expressions::decade,
    Expressions::year,
    Expressions::age,
    Expressions::part,
    Expressions::hyphenated,
];

/// "March 3, 2019", "Sept. 5".
const MONTH_DAY: u16 = 1;
/// "March 2019".
const MONTH_YEAR: u16 = 1 << 1;
/// "3 March 2019".
const DAY_MONTH: u16 = 1 << 2;
/// "last Tuesday".
const SHIFTED: u16 = 1 << 3;
/// "the past decade" (the case-insensitive relative dates follow).
const SPAN: u16 = 1 << 4;
/// "last week".
const SEASON: u16 = 1 << 5;
/// "upcoming months".
const PLURAL: u16 = 1 << 6;
/// "earlier this year".
const NEAR: u16 = 1 << 7;
/// "two years ago", "three years".
const COUNT_AGO: u16 = 1 << 8;
/// "yesterday".
const TODAY: u16 = 1 << 9;
/// "Tuesday", "March".
const NAMED: u16 = 1 << 10;
/// "the 1990s".
const DECADE: u16 = 1 << 11;
/// "2016".
const YEAR: u16 = 1 << 12;
/// "15-year-old".
const AGE: u16 = 1 << 13;
/// "mid-December", "late 2019".
const PART: u16 = 1 << 14;
/// "two-year", "10-year".
const HYPHENATED: u16 = 1 << 15;
/// The alternatives that can begin with a digit ([`numeric_openers`]).
const NUMERIC: u16 = DAY_MONTH | COUNT_AGO | DECADE | YEAR | AGE | HYPHENATED;
/// The alternatives that, begun at a letter, open with a word of letters and white space ("last",
/// "the", "two"), so the first bytes of the next word can rule them out ([`Expressions::next_words`]).
const WORD_THEN_SPACE: u16 = SHIFTED | SPAN | SEASON | PLURAL | NEAR | COUNT_AGO | DECADE;
/// A matcher for the date expressions; see the module comment.
#[derive(Debug, Clone)]
pub(super) struct Expressions {
    /// Month names and abbreviations, longest first.
    months: Words,
    /// Full month names.
    months_full: Words,
    /// Full weekday names, then full month names.
    named: Words,
    /// [`SHIFTS`].
    shifts: Words,
    /// "the", case-insensitive.
    the_folded: Words,
    /// "the", exact.
    the: Words,
    /// "of", exact.
    of: Words,
    /// "this", case-insensitive.
    this: Words,
    /// [`AFTER_A`], case-insensitive: what follows "a" in the counts "a few", "a couple of"
    /// ([`Self::next_words`] only).
    after_a: Words,
    /// "ago", case-insensitive.
    ago: Words,
    /// [`SPAN_OPENERS`].
    span_openers: Words,
    /// [`NUMBER_WORDS`].
    numbers: Words,
    /// [`UNITS`].
    units: Words,
    /// [`DATE_UNITS`].
    date_units: Words,
    /// [`HYPHEN_NUMBERS`].
    hyphen_numbers: Words,
    /// [`HYPHEN_UNITS`].
    hyphen_units: Words,
    /// "-old", case-insensitive.
    old: Words,
    /// [`DURATION_TAILS`].
    duration_tails: Words,
    /// [`PARTS`].
    parts: Words,
    /// [`SEASON_OPENERS`].
    season_openers: Words,
    /// [`SEASONS`].
    seasons: Words,
    /// [`THE_SEASONS`].
    the_seasons: Words,
    /// [`PLURAL_OPENERS`].
    plural_openers: Words,
    /// [`PLURAL_UNITS`].
    plural_units: Words,
    /// [`NEAR_OPENERS`].
    near_openers: Words,
    /// [`DEICTIC`].
    deictic: Words,
    /// By the first two bytes of a word start (at `b0 | b1 << 8`, exact bytes): [`NO_MATCH`] if no
    /// match can begin with them, [`DIGIT`] for a digit, else the row of [`Self::thirds`] of what the
    /// third byte allows ([`Self::openers`]; the block scan reads [`Self::pairs`]).
    heads: Box<[u8; 1 << 16]>,
    /// Rows of the alternatives that can begin with the two bytes of a row's [`Self::heads`] entry,
    /// by the third byte (exact). Row [`NO_MATCH`] is empty; row [`DIGIT`] holds every alternative a
    /// digit can open whatever follows ([`NUMERIC`], narrowed by [`numeric_openers`]), so neither
    /// this nor [`Self::pairs`] needs a test of its own for digits.
    thirds: Box<[[u16; 256]; 256]>,
    /// By the first two bytes of a word start (as [`Self::heads`]): bit `c & 31` set if a match can
    /// begin with them and some third byte `c` with those low five bits. A superset of [`Self::heads`]
    /// and [`Self::thirds`] together in one read per word start, for the block scan (the two reads of
    /// those cost two more instructions a word start; folding the third byte adds few candidates). The
    /// three bytes read as one four-byte word measured the same: the compiler splits it into byte loads.
    pairs: Box<[u32; 1 << 16]>,
    /// For the first two bytes of a word (by [`next_word_index`]), the [`WORD_THEN_SPACE`]
    /// alternatives that can go on with it: after "the" (any case) in `[1]`, after any other word in
    /// `[0]`.
    next_words: Box<[[u16; NEXT_WORDS]; 2]>,
}

impl Expressions {
    /// The expressions for the gazetteer's month and weekday names.
    pub(super) fn new(gazetteer: &Gazetteer) -> Self {
        let months = longest_first(gazetteer.months.iter().flatten().copied().collect());
        let full = |rows: &[Vec<&'static str>]| longest_first(rows.iter().filter_map(|r| r.first().copied()).collect());
        let mut named = full(&gazetteer.weekdays);
        named.extend(full(&gazetteer.months));
        let mut expressions = Self {
            months: Words::exact(months),
            months_full: Words::exact(full(&gazetteer.months)),
            named: Words::exact(named),
            shifts: Words::folded(SHIFTS),
            the_folded: Words::folded(&["the"]),
            the: Words::exact(vec!["the"]),
            of: Words::exact(vec!["of"]),
            this: Words::folded(&["this"]),
            after_a: Words::folded(AFTER_A),
            ago: Words::folded(&["ago"]),
            span_openers: Words::folded(SPAN_OPENERS),
            numbers: Words::folded(NUMBER_WORDS),
            units: Words::folded(UNITS),
            date_units: Words::folded(DATE_UNITS),
            hyphen_numbers: Words::folded(HYPHEN_NUMBERS),
            hyphen_units: Words::folded(HYPHEN_UNITS),
            old: Words::folded(&["-old"]),
            duration_tails: Words::folded(DURATION_TAILS),
            parts: Words::folded(PARTS),
            season_openers: Words::folded(SEASON_OPENERS),
            seasons: Words::folded(SEASONS),
            the_seasons: Words::folded(THE_SEASONS),
            plural_openers: Words::folded(PLURAL_OPENERS),
            plural_units: Words::folded(PLURAL_UNITS),
            near_openers: Words::folded(NEAR_OPENERS),
            deictic: Words::folded(DEICTIC),
            heads: Box::new([NO_MATCH; 1 << 16]),
            thirds: Box::new([[0; 256]; 256]),
            pairs: Box::new([0; 1 << 16]),
            next_words: Box::new([[0; NEXT_WORDS]; 2]),
        };
        (expressions.heads, expressions.thirds) = expressions.opening_tables();
        expressions.pairs = expressions.pair_table();
        expressions.next_words = expressions.next_word_table();
        expressions
    }

    /// The non-overlapping matches in `text`, left to right: `(start, end)` byte offsets.
    pub(super) fn matches<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (usize, usize)> + 't {
        let b = text.as_bytes();
        let mut from = 0;
        std::iter::from_fn(move || {
            let (start, end) = self.next_match(b, from)?;
            from = end;
            Some((start, end))
        })
    }

    /// The leftmost match starting at or after `from`: the candidates of 32 bytes at a time (see
    /// [`block_starts`]), then those of the last few bytes.
    fn next_match(&self, b: &[u8], from: usize) -> Option<(usize, usize)> {
        let mut i = from;
        if i == 0 {
            if let Some(end) = self.match_at(b, 0, self.openers(b, 0)) {
                return Some((0, end));
            }
            i = 1;
        }
        while let Some(window) = b.get(i - 1..i - 1 + WINDOW).and_then(|w| <&[u8; WINDOW]>::try_from(w).ok()) {
            let mut candidates = self.block_candidates(window);
            while candidates != 0 {
                let s = i + (candidates.trailing_zeros() % BLOCK as u32) as usize;
                candidates &= candidates - 1;
                if let Some(end) = self.match_at(b, s, self.openers(b, s)) {
                    return Some((s, end));
                }
            }
            i += BLOCK;
        }
        (i..b.len()).find_map(|s| self.match_at(b, s, self.openers(b, s)).map(|end| (s, end)))
    }

    /// Bit `j`: whether a match may begin at `window[j + 1]` (one of [`block_starts`]) by its first
    /// three bytes ([`Self::pairs`]; a superset: the exact test is [`Self::match_at`]). About
    /// half the word starts pass the first two bytes ("th", "a ", "fo"…), so a branch on each of them
    /// mispredicted at about every other word; the flags are instead computed without a branch and
    /// only the few candidates left are tried.
    #[inline(always)]
    fn block_candidates(&self, window: &[u8; WINDOW]) -> u64 {
        let mut starts = block_starts(window);
        let mut candidates = 0;
        while starts != 0 {
            let j = (starts.trailing_zeros() % BLOCK as u32) as usize;
            starts &= starts - 1;
            let thirds = self.pairs[usize::from(u16::from_le_bytes([window[j + 1], window[j + 2]]))];
            let opens = thirds >> (window[j + 3] & 31) & 1;
            candidates |= u64::from(opens) << j;
        }
        candidates
    }

    /// The alternatives that can begin at `s`, judging by the bytes there (missing bytes read as 0:
    /// every match is at least three bytes long).
    fn openers(&self, b: &[u8], s: usize) -> u16 {
        let at = |k: usize| b.get(s + k).copied().unwrap_or(0);
        match self.heads[usize::from(u16::from_le_bytes([at(0), at(1)]))] {
            NO_MATCH => 0,
            DIGIT => numeric_openers(b, s),
            row => self.thirds[usize::from(row)][usize::from(at(2))],
        }
    }

    /// The match at `s`, if one begins there, trying `alternatives` (those that can begin at `s`).
    #[inline]
    fn match_at(&self, b: &[u8], s: usize, alternatives: u16) -> Option<usize> {
        if alternatives == 0 || !boundary(b, s) {
            return None;
        }
        self.at(b, s, self.allowed_by_next_word(b, s, alternatives))
    }

    /// `alternatives` (those that can begin at `s`) without the [`WORD_THEN_SPACE`] ones the next
    /// word rules out: most "the"s are followed by neither a span opener ("the past decade") nor a
    /// decade ("the 1990s"), and most words that can open a relative date are not followed by white
    /// space and a word that can go on with it. Exact: a word of ASCII letters followed by a byte
    /// that is not white space cannot be one of these first words, and the first two bytes after the
    /// white space must begin one of the words that can come next. A word that runs into a
    /// non-ASCII byte (`ſ`, the Kelvin sign, Unicode white space) keeps every alternative.
    #[inline(always)]
    fn allowed_by_next_word(&self, b: &[u8], s: usize, alternatives: u16) -> u16 {
        if alternatives & WORD_THEN_SPACE == 0 || !b.get(s).is_some_and(u8::is_ascii_alphabetic) {
            return alternatives;
        }
        let word_end = letters_end(b, s);
        let next = match (b.get(word_end), b.get(word_end + 1)) {
            (Some(&c), _) if c >= 0x80 => return alternatives,
            // The commonest case, one space and a word, without the loop of `spaces`.
            (Some(b' '), Some(&c)) if c.is_ascii_graphic() => Some(word_end + 1),
            (Some(b'\t'..=b'\r' | b' '), _) => spaces(b, word_end),
            _ => None,
        };
        let Some(next) = next.filter(|&i| i < b.len()) else { return alternatives & !WORD_THEN_SPACE };
        // Letters: `| 0x20` is their lower case.
        let the = word_end - s == 3 && [b[s] | 0x20, b[s + 1] | 0x20, b[s + 2] | 0x20] == *b"the";
        let second = b.get(next + 1).copied().unwrap_or(0);
        alternatives & (!WORD_THEN_SPACE | self.next_words[usize::from(the)][next_word_index(b[next], second)])
    }

    /// The table of [`Self::next_words`], from the first two bytes of every spelling of the words each
    /// alternative's second part begins with: a one-byte count ("a") is followed by white space, a
    /// count of digits by anything, the digits of a decade begin with its century.
    fn next_word_table(&self) -> Box<[[u16; NEXT_WORDS]; 2]> {
        let mut table = Box::new([[0u16; NEXT_WORDS]; 2]);
        let any_digits: Vec<[u8; 2]> = (b'0'..=b'9').flat_map(|d| (0..=255).map(move |c| [d, c])).collect();
        let mut allow = |after_the: bool, alternative: u16, words: &[&Words], digits: &[[u8; 2]]| {
            let spelt = words.iter().flat_map(|w| w.list.iter().flat_map(|word| spellings(word.as_bytes(), w.folded)));
            let mut pairs: Vec<[u8; 2]> = digits.to_vec();
            for spelling in spelt {
                match spelling.get(1) {
                    Some(&c) => pairs.push([spelling[0], c]),
                    None => pairs.extend(SPACE_LEADS.iter().map(|&c| [spelling[0], c])),
                }
            }
            for [c0, c1] in pairs {
                table[usize::from(after_the)][next_word_index(c0, c1)] |= alternative;
            }
        };
        allow(false, SPAN, &[&self.numbers, &self.units], &any_digits);
        allow(false, COUNT_AGO, &[&self.units, &self.after_a], &[]);
        allow(false, SHIFTED, &[&self.named], &[]);
        allow(false, SEASON, &[&self.seasons], &[]);
        allow(false, PLURAL, &[&self.plural_units], &[]);
        allow(false, NEAR, &[&self.this], &[]);
        // "the" is none of the other first words: only "the past decade", "the 1990s" and "the autumn" go on.
        allow(true, SPAN, &[&self.span_openers], &[]);
        allow(true, DECADE, &[], &[*b"18", *b"19", *b"20"]);
        allow(true, SEASON, &[&self.the_seasons], &[]);
        table
    }

    /// The tables of [`Self::heads`] and [`Self::thirds`], from the first three bytes of every
    /// spelling of every opening word ([`Self::opening_bytes`]) and every digit followed by anything.
    fn opening_tables(&self) -> (Box<[u8; 1 << 16]>, Box<[[u16; 256]; 256]>) {
        let mut heads = Box::new([NO_MATCH; 1 << 16]);
        let mut thirds = Box::new([[0u16; 256]; 256]);
        thirds[usize::from(DIGIT)] = [NUMERIC; 256];
        for (d, c) in (b'0'..=b'9').flat_map(|d| (0..=255).map(move |c| (d, c))) {
            heads[usize::from(u16::from_le_bytes([d, c]))] = DIGIT;
        }
        let mut rows = DIGIT;
        for (alternative, [c0, c1, c2]) in self.opening_bytes() {
            let head = &mut heads[usize::from(u16::from_le_bytes([c0, c1]))];
            if *head == NO_MATCH {
                rows = rows.checked_add(1).expect("at most 254 pairs of first bytes of opening words");
                *head = rows;
            }
            thirds[usize::from(*head)][usize::from(c2)] |= alternative;
        }
        (heads, thirds)
    }

    /// The table of [`Self::pairs`], from [`Self::heads`] and [`Self::thirds`].
    fn pair_table(&self) -> Box<[u32; 1 << 16]> {
        let mut pairs = Box::new([0u32; 1 << 16]);
        for (pair, row) in self.heads.iter().enumerate() {
            for (c, alternatives) in self.thirds[usize::from(*row)].iter().enumerate() {
                pairs[pair] |= u32::from(*alternatives != 0) << (c & 31);
            }
        }
        pairs
    }

    /// The words each alternative can begin with (the numeric ones aside).
    fn opening_words(&self) -> [(u16, &Words); 15] {
        [
            (MONTH_DAY, &self.months),
            (MONTH_YEAR, &self.months_full),
            (SHIFTED, &self.shifts),
            (SPAN, &self.the_folded),
            (SPAN, &self.span_openers),
            (SEASON, &self.season_openers),
            (SEASON, &self.the_folded),
            (PLURAL, &self.plural_openers),
            (NEAR, &self.near_openers),
            (COUNT_AGO, &self.numbers),
            (TODAY, &self.deictic),
            (NAMED, &self.named),
            (DECADE, &self.the),
            (PART, &self.parts),
            (HYPHENATED, &self.hyphen_numbers),
        ]
    }

    /// The first three bytes of every spelling of every word an alternative can begin with, and that
    /// alternative. A word shorter than three bytes is a count ("a", "an"): white space follows it,
    /// then (after a one-byte space) more white space or a unit.
    fn opening_bytes(&self) -> Vec<(u16, [u8; 3])> {
        let unit_or_space = (0..=255).filter(|&c| self.units.by_first[usize::from(c)] != 0 || SPACE_LEADS.contains(&c));
        let unit_or_space: Vec<u8> = unit_or_space.collect();
        let after_count: Vec<[u8; 2]> = SPACE_LEADS
            .iter()
            .flat_map(|&w| {
                let next: Vec<u8> = if w < 0x80 { unit_or_space.clone() } else { (0..=255).collect() };
                next.into_iter().map(move |n| [w, n])
            })
            .collect();
        let mut out = Vec::new();
        for (alternative, words) in self.opening_words() {
            assert!(alternative == COUNT_AGO || words.list.iter().all(|w| w.len() >= 3), "short opening word");
            for spelling in words.list.iter().flat_map(|w| spellings(w.as_bytes(), words.folded)) {
                let tails: &[[u8; 2]] = if spelling.len() < 3 { &after_count } else { &[[0, 0]] };
                for tail in tails {
                    let bytes: Vec<u8> = spelling.iter().chain(tail).copied().collect();
                    out.push((alternative, [bytes[0], bytes[1], bytes[2]]));
                }
            }
        }
        out
    }

    /// The match at `s` (a word boundary), if any: the first of `alternatives` that completes, in
    /// the regex's order.
    fn at(&self, b: &[u8], s: usize, alternatives: u16) -> Option<usize> {
        let mut left = alternatives;
        while left != 0 {
            let alternative = ALTERNATIVES[left.trailing_zeros() as usize];
            left &= left - 1;
            if let Some(end) = alternative(self, b, s) {
                return Some(end);
            }
        }
        None
    }

    /// "last week", "the autumn".
    fn season(&self, b: &[u8], s: usize) -> Option<usize> {
        let opened = self.season_openers.then(b, s, |i| self.seasons.then(b, spaces(b, i)?, |e| end(b, e)));
        opened.or_else(|| self.the_folded.then(b, s, |i| self.the_seasons.then(b, spaces(b, i)?, |e| end(b, e))))
    }

    /// "upcoming months".
    fn plural(&self, b: &[u8], s: usize) -> Option<usize> {
        self.plural_openers.then(b, s, |i| self.plural_units.then(b, spaces(b, i)?, |e| end(b, e)))
    }

    /// "two years ago", else a duration: "three years", "a decade", "a year later"
    /// (`{number}\s+(?:{unit}\s+ago|{date unit}(?:\s+(?:old|later|earlier))?)(?-u:\b)`).
    fn count_ago(&self, b: &[u8], s: usize) -> Option<usize> {
        self.count(b, s, |i| {
            let ago = self.units.then(b, i, |j| self.ago.then(b, spaces(b, j)?, |e| end(b, e)));
            ago.or_else(|| self.date_units.then(b, i, |j| self.duration_tail(b, j)))
        })
    }

    /// Where a duration ends after its unit (at `i`): after "old", "later" or "earlier" if one
    /// follows, else at `i`.
    fn duration_tail(&self, b: &[u8], i: usize) -> Option<usize> {
        let tail = spaces(b, i).and_then(|j| self.duration_tails.then(b, j, |e| end(b, e)));
        tail.or_else(|| end(b, i))
    }

    /// "mid-December", "late 2019", "early March", "the late 1990s" without "the".
    fn part(&self, b: &[u8], s: usize) -> Option<usize> {
        self.parts.then(b, s, |i| {
            let i = if b.get(i) == Some(&b'-') { i + 1 } else { spaces(b, i)? };
            self.months_full.then(b, i, |e| end(b, e)).or_else(|| year_or_decade(b, i))
        })
    }

    /// "two-year", "10-year", "two-year-old" (`(?:[0-9]+|{number})-{unit}(?:-old)?(?-u:\b)`). Only
    /// the whole digit run can be followed by a hyphen, and only a whole word of ASCII letters: most
    /// words that begin like a number ("for", "this", "often") end without one and are not tried. A
    /// word that runs into a non-ASCII byte (`ſ`, the Kelvin sign) is tried in full.
    fn hyphenated(&self, b: &[u8], s: usize) -> Option<usize> {
        let word_end = letters_end(b, s);
        if word_end > s && !matches!(b.get(word_end), Some(&c) if c == b'-' || c >= 0x80) {
            return None;
        }
        let unit = |i: usize| {
            let i = (b.get(i) == Some(&b'-')).then_some(i + 1)?;
            self.hyphen_units.then(b, i, |j| self.old.then(b, j, |e| end(b, e)).or_else(|| end(b, j)))
        };
        match digits(b, s) {
            0 => self.hyphen_numbers.then(b, s, unit),
            n => unit(s + n),
        }
    }

    /// "yesterday".
    fn today(&self, b: &[u8], s: usize) -> Option<usize> {
        self.deictic.then(b, s, |e| end(b, e))
    }

    /// "Tuesday", "March".
    fn named(&self, b: &[u8], s: usize) -> Option<usize> {
        self.named.then(b, s, |e| end(b, e))
    }

    /// "2016".
    fn year(&self, b: &[u8], s: usize) -> Option<usize> {
        year(b, s)
    }

    /// "15-year-old".
    fn age(&self, b: &[u8], s: usize) -> Option<usize> {
        age(b, s)
    }

    /// "March 3, 2019", "Sept. 5", "March 3rd".
    fn month_day(&self, b: &[u8], s: usize) -> Option<usize> {
        self.months.then(b, s, |i| day(b, spaces(b, i)?, |j| end(b, j).map(|j| with_year(b, j))))
    }

    /// "March 2019".
    fn month_year(&self, b: &[u8], s: usize) -> Option<usize> {
        self.months_full.then(b, s, |i| four_digits(b, spaces(b, i)?))
    }

    /// "3 March 2019", "the 3rd of March", "14 Feb 2025".
    fn day_month(&self, b: &[u8], s: usize) -> Option<usize> {
        day(b, s, |i| {
            let i = spaces(b, i)?;
            let after_of = self.of.then(b, i, |j| spaces(b, j));
            let month = |k: usize| self.months.then(b, k, |e| end(b, e).map(|e| with_year(b, e)));
            after_of.and_then(month).or_else(|| month(i))
        })
    }

    /// "last Tuesday", "next March".
    fn shifted_name(&self, b: &[u8], s: usize) -> Option<usize> {
        self.shifts.then(b, s, |i| self.named.then(b, spaces(b, i)?, |e| end(b, e)))
    }

    /// "the past decade", "next two years", "the following few weeks".
    fn span(&self, b: &[u8], s: usize) -> Option<usize> {
        let opened = |i: usize| {
            self.span_openers.then(b, i, |j| {
                let j = spaces(b, j)?;
                let unit = |k: usize| self.units.then(b, k, |e| end(b, e));
                self.count(b, j, unit).or_else(|| unit(j))
            })
        };
        self.the_folded.then(b, s, |i| opened(spaces(b, i)?)).or_else(|| opened(s))
    }

    /// "earlier this year".
    fn near(&self, b: &[u8], s: usize) -> Option<usize> {
        self.near_openers
            .then(b, s, |i| self.this.then(b, spaces(b, i)?, |j| self.seasons.then(b, spaces(b, j)?, |e| end(b, e))))
    }

    /// A count and the white space after it (`(?:[0-9]+|a|an|…|many)\s+`) followed by `rest`. Only the
    /// whole digit run can be followed by white space, so shorter runs are not tried.
    fn count(&self, b: &[u8], i: usize, mut rest: impl FnMut(usize) -> Option<usize>) -> Option<usize> {
        match digits(b, i) {
            0 => self.numbers.then(b, i, |j| rest(spaces(b, j)?)),
            n => rest(spaces(b, i + n)?),
        }
    }

    /// "the 1990s", "2010s".
    fn decade(&self, b: &[u8], s: usize) -> Option<usize> {
        let digits_at = |i: usize| {
            let d = b.get(i..i + 5)?;
            let century = matches!(&d[..2], b"18" | b"19" | b"20");
            (century && d[2].is_ascii_digit() && &d[3..] == b"0s").then_some(i + 5).and_then(|e| end(b, e))
        };
        self.the.then(b, s, |i| digits_at(spaces(b, i)?)).or_else(|| digits_at(s))
    }
}

/// The alternatives that begin with a digit (day and month, count, decade, year, age, hyphenated
/// count) and can begin
/// at the digit at `s`, judging by the length of its run of digits and the byte after the run (exact:
/// each needs the whole run, as no digit can follow a shorter one): a day has one or two digits then
/// an ordinal or white space, a count white space, a year four digits, a decade four digits and "s",
/// an age one to three digits and "-", a hyphenated count any digits and "-". Most numbers in news ("1,000", "3.5", "10:30") are none of them.
fn numeric_openers(b: &[u8], s: usize) -> u16 {
    let n = digits(b, s);
    let after = b.get(s + n).copied().unwrap_or(0);
    let space = SPACE_LEADS.contains(&after);
    let mut alternatives = 0;
    if n <= 2 && (space || matches!(after, b's' | b'n' | b'r' | b't')) {
        alternatives |= DAY_MONTH;
    }
    if space {
        alternatives |= COUNT_AGO;
    }
    if n == 4 {
        alternatives |= YEAR | if after == b's' { DECADE } else { 0 };
    }
    if n <= 3 && after == b'-' {
        alternatives |= AGE;
    }
    if after == b'-' {
        alternatives |= HYPHENATED;
    }
    alternatives
}

/// "2016": `(?:1[89][0-9][0-9]|20[0-9][0-9])(?-u:\b)`.
fn year(b: &[u8], s: usize) -> Option<usize> {
    let d = b.get(s..s + 4)?;
    let century = matches!(&d[..2], b"18" | b"19" | b"20");
    (century && d[2..].iter().all(u8::is_ascii_digit)).then_some(s + 4).and_then(|e| end(b, e))
}

/// A year or a decade after a part ("late 2019", "mid-1990s"): `(?:1[89]|20)[0-9](?:0s|[0-9])(?-u:\b)`.
fn year_or_decade(b: &[u8], s: usize) -> Option<usize> {
    let d = b.get(s..s + 3)?;
    if !(matches!(&d[..2], b"18" | b"19" | b"20") && d[2].is_ascii_digit()) {
        return None;
    }
    let decade = b[s + 3..].starts_with(b"0s").then_some(s + 5).and_then(|e| end(b, e));
    decade.or_else(|| b.get(s + 3).filter(|c| c.is_ascii_digit()).and_then(|_| end(b, s + 4)))
}

/// "15-year-old": `[0-9]{1,3}-year-old(?-u:\b)`.
fn age(b: &[u8], s: usize) -> Option<usize> {
    const TAIL: &[u8] = b"-year-old";
    digit_run(b, s, 3, |i| b[i..].starts_with(TAIL).then_some(i + TAIL.len()).and_then(|e| end(b, e)))
}

/// The size of a table of [`Expressions::next_words`]: a first byte, five bits of the second.
const NEXT_WORDS: usize = 1 << 13;

/// The index in a table of [`Expressions::next_words`] of a word's first two bytes: the first whole,
/// the second modulo 32 (both cases of a letter share an entry).
fn next_word_index(c0: u8, c1: u8) -> usize {
    usize::from(c0) << 5 | usize::from(c1 & 31)
}

/// The end of the run of ASCII letters at `s`, eight bytes at a time (see [`non_letters`]).
fn letters_end(b: &[u8], s: usize) -> usize {
    let mut end = s;
    while let Some(eight) = b.get(end..end + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) {
        match non_letters(u64::from_le_bytes(eight)) {
            0 => end += 8,
            found => return end + (found.trailing_zeros() / 8) as usize,
        }
    }
    end + b[end..].iter().take_while(|c| c.is_ascii_alphabetic()).count()
}

/// The top bit of every byte of `x` that is not an ASCII letter. Each byte's low seven bits, letters
/// put in lower case, are compared with `a` and `z` by additions that cannot carry into the next byte.
fn non_letters(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let lower = (x | (ONES * 0x20)) & !HIGH;
    let from_a = lower + ONES * u64::from(0x80 - b'a');
    let past_z = lower + ONES * u64::from(0x7f - b'z');
    (!from_a | past_z | x) & HIGH
}

/// In [`Expressions::heads`]: no match begins with these two bytes.
const NO_MATCH: u8 = 0;
/// In [`Expressions::heads`]: a digit, whose alternatives [`numeric_openers`] works out.
const DIGIT: u8 = 1;

/// The bytes the scan for word starts looks at a time: 64, so the two loops of
/// [`Expressions::next_match`] over a block's word starts and candidates mispredict their exits
/// once per 64 bytes rather than once per 32.
const BLOCK: usize = 64;

/// The bytes a block's scan reads: the byte before the block, its [`BLOCK`] bytes and the two after
/// its last (a word start's first three bytes).
const WINDOW: usize = BLOCK + 3;

/// Bit `j`: whether a match may begin at `window[j + 1]` (a superset: the exact test is
/// [`Expressions::match_at`]). A match begins at an ASCII letter or digit after a byte that is not
/// one (a word boundary), or at `ſ` (lead byte 0xc5: "ſix days"); no opening word begins with a `k`,
/// so none with the Kelvin sign. Written so the compiler turns it into vector instructions.
fn block_starts(window: &[u8; WINDOW]) -> u64 {
    let mut flags = [[[0u8; 8]; 4]; 2];
    for (j, flag) in flags.as_flattened_mut().as_flattened_mut().iter_mut().enumerate() {
        let (previous, c) = (window[j], window[j + 1]);
        let after_word = ((previous | 0x20).wrapping_sub(b'a') < 26) | (previous.wrapping_sub(b'0') < 10);
        *flag = u8::from((!after_word & (b'0'..0x80).contains(&c)) | (c == LONG_S[0])) << 7;
    }
    u64::from(crate::clean::swar::top_bits(&flags[0])) | u64::from(crate::clean::swar::top_bits(&flags[1])) << 32
}

/// Names longest first, the regex's order. The order only matters when one name begins another,
/// and then the longer comes first either way.
fn longest_first(mut names: Vec<&'static str>) -> Vec<&'static str> {
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
}

/// Every spelling of `word` case-insensitive matching accepts, cut to its first three bytes (enough
/// for [`Expressions::heads`]); just the word when matched exactly.
fn spellings(word: &[u8], folded: bool) -> Vec<Vec<u8>> {
    if !folded {
        return vec![word.to_vec()];
    }
    let mut out: Vec<Vec<u8>> = vec![Vec::new()];
    for &c in word.iter().take(3) {
        out = out.iter().flat_map(|p| char_variants(c).into_iter().map(move |v| [p.as_slice(), v].concat())).collect();
    }
    out.into_iter().map(|s| s[..s.len().min(3)].to_vec()).collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn letter_runs_end_where_the_bytewise_loop_ends(
            bytes in proptest::collection::vec(prop_oneof![b'a'..=b'z', b'A'..=b'Z', any::<u8>()], 0..40),
            s in 0usize..40,
        ) {
            let s = s.min(bytes.len());
            let expected = s + bytes[s..].iter().take_while(|c| c.is_ascii_alphabetic()).count();
            prop_assert_eq!(letters_end(&bytes, s), expected);
        }
    }

    /// Windows of bytes around word starts: letters, digits, white space, `_`, the lead bytes of `ſ`
    /// and the Kelvin sign, and any byte.
    fn windows() -> impl Strategy<Value = [u8; WINDOW]> {
        let byte = prop_oneof![
            b'a'..=b'z',
            b'A'..=b'Z',
            b'0'..=b'9',
            Just(b' '),
            Just(b'_'),
            Just(0xc5),
            Just(0xe2),
            any::<u8>()
        ];
        proptest::collection::vec(byte, WINDOW).prop_map(|v| <[u8; WINDOW]>::try_from(v).unwrap_or([0; WINDOW]))
    }

    /// The matcher of the shipped gazetteer, built once.
    fn shipped() -> &'static Expressions {
        static SHIPPED: std::sync::OnceLock<Expressions> = std::sync::OnceLock::new();
        SHIPPED.get_or_init(|| Expressions::new(Gazetteer::shipped()))
    }

    proptest! {
        #[test]
        fn block_starts_are_the_letters_and_digits_after_a_non_alphanumeric_and_long_s(window in windows()) {
            let starts = block_starts(&window);
            for j in 0..BLOCK {
                let (previous, c) = (window[j], window[j + 1]);
                let opening = !previous.is_ascii_alphanumeric() && (b'0'..0x80).contains(&c);
                prop_assert_eq!(starts >> j & 1 == 1, opening || c == 0xc5, "at {}", j);
            }
        }

        #[test]
        fn block_candidates_keep_every_start_the_exact_tables_let_open(window in windows()) {
            let expressions = shipped();
            let candidates = expressions.block_candidates(&window);
            let starts = block_starts(&window);
            for j in 0..BLOCK {
                let pair = usize::from(u16::from_le_bytes([window[j + 1], window[j + 2]]));
                let opens = match expressions.heads[pair] {
                    NO_MATCH => false,
                    DIGIT => true,
                    row => expressions.thirds[usize::from(row)][usize::from(window[j + 3])] != 0,
                };
                let admitted = expressions.pairs[pair] >> (window[j + 3] & 31) & 1 == 1;
                let candidate = candidates >> j & 1 == 1;
                prop_assert_eq!(candidate, starts >> j & 1 == 1 && admitted, "at {}", j);
                prop_assert!(candidate || !(opens && boundary(&window[..], j + 1)), "an opener dropped at {}", j);
            }
        }

        #[test]
        fn the_block_scan_finds_what_trying_every_byte_finds(text in scan_texts()) {
            let (b, e) = (text.as_bytes(), shipped());
            let mut expected = Vec::new();
            let mut from = 0;
            while let Some(found) = (from..b.len()).find_map(|s| Some((s, e.match_at(b, s, e.openers(b, s))?))) {
                expected.push(found);
                from = found.1;
            }
            prop_assert_eq!(shipped().matches(&text).collect::<Vec<_>>(), expected);
        }
    }

    /// Text for [`the_block_scan_finds_what_trying_every_byte_finds`]: long enough for several blocks,
    /// of date words, numbers glued to letters and punctuation, `ſ`, the Kelvin sign, other non-ASCII
    /// letters and quotes that share their lead bytes, and white space.
    fn scan_texts() -> impl Strategy<Value = String> {
        let piece = proptest::sample::select(
            &[
                "the",
                "The",
                "a",
                "an",
                "last",
                "past",
                "two",
                "four",
                "few",
                "March",
                "Mar.",
                "May",
                "Tuesday",
                "today",
                "years",
                "week",
                "ago",
                "1990s",
                "2019",
                "3",
                "31st",
                "15-year-old",
                "1,000",
                "3.5",
                "10:30",
                "x2019",
                "2019x",
                "_2019",
                "\u{17f}ix",
                "we\u{212a}",
                "\u{17e}",
                "\u{2019}",
                "\u{2014}",
                "\u{e9}",
                "mid-",
                "-",
                " ",
                "  ",
                "\n",
                ", ",
                ".",
                "(",
                "\u{a0}",
                "found",
                "and",
                "of",
                "Q3",
                "ab",
            ][..],
        );
        proptest::collection::vec(piece, 0..120).prop_map(|pieces| pieces.concat())
    }

    #[test]
    fn every_opening_word_begins_where_the_block_scan_looks() {
        // `block_starts` marks ASCII letters and digits, and `ſ` of the non-ASCII first bytes: a month
        // name in the calendar file beginning with another would be missed.
        let expressions = Expressions::new(Gazetteer::shipped());
        for (pair, row) in expressions.heads.iter().enumerate() {
            let first = pair.to_le_bytes()[0];
            assert!(*row == NO_MATCH || (b'0'..0x80).contains(&first) || first == LONG_S[0], "{first:#x}");
        }
    }

    #[test]
    fn the_opening_words_leave_room_in_the_table_of_their_first_bytes() {
        // One row of `thirds` for each pair of first bytes of an opening word's spellings, at most 254:
        // more month names in the calendar file take more.
        let rows = Expressions::new(Gazetteer::shipped()).heads.iter().copied().max().unwrap_or(0);
        assert!((2..200).contains(&rows), "{rows} rows");
    }

    #[test]
    fn numbers_open_only_the_alternatives_their_digits_allow() {
        let at = |text: &str| numeric_openers(text.as_bytes(), 0);
        assert_eq!(at("3 March"), DAY_MONTH | COUNT_AGO);
        assert_eq!(at("31st March"), DAY_MONTH);
        assert_eq!(at("100 years ago"), COUNT_AGO);
        assert_eq!(at("2016,"), YEAR);
        assert_eq!(at("1990s"), YEAR | DECADE);
        assert_eq!(at("15-year-old"), AGE | HYPHENATED);
        assert_eq!(at("2016 was"), YEAR | COUNT_AGO);
        assert_eq!(at("12345 days ago"), COUNT_AGO, "a count of any length");
        assert_eq!(at("1234-year-old"), YEAR | HYPHENATED, "too long for an age");
        assert_eq!(at("123456-year"), HYPHENATED, "a hyphenated count of any length");
        for none in ["1,000", "3.5", "10:30", "12345x", "7"] {
            assert_eq!(at(none), 0, "{none}");
        }
        for some in ["3 March", "31st March", "1990s", "15-year-old", "2016 was", "1234-year-old"] {
            assert_eq!(at(some) & !NUMERIC, 0, "{some}: the row of digits in `thirds` holds them all");
        }
    }
}
