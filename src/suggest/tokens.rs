//! A small news tokenizer shared by every suggester: words, numbers, abbreviations and punctuation,
//! split the way spaCy splits English (so Prodigy token patterns mean the same thing here).
//!
//! "U.S." and "e.g." stay one token; a possessive "'s" is its own token ("Trump" + "'s"); hyphens
//! and other punctuation are tokens of their own ("15" "-" "year" "-" "old"); "O'Brien", "don't",
//! "3.5" and "1,000" stay whole.

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
        i > 0 && self.text[self.list[i - 1].end..self.list[i].start].contains('\n')
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

/// Whether a character belongs inside a word (letters, digits, combining accents).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

/// Whether a character is an apostrophe (straight or typographic).
fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Cuts a text into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut at = 0;
    while let Some(c) = char_at(text, at) {
        if c.is_whitespace() {
            at += c.len_utf8();
            continue;
        }
        let end = if is_word_char(c) {
            word_end(text, at)
        } else if is_apostrophe(c) && is_possessive(text, at) {
            at + c.len_utf8() + 1
        } else {
            at + c.len_utf8()
        };
        out.push(Token { start: at, end });
        at = end;
    }
    out
}

/// The character starting at byte `at` (a character boundary), decoded only when it is not ASCII.
fn char_at(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text[at..].chars().next(),
        None => None,
    }
}

/// Whether the apostrophe at `at` starts a possessive or contracted "'s" that ends there.
fn is_possessive(text: &str, at: usize) -> bool {
    let mut rest = text[at..].chars().skip(1);
    matches!(rest.next(), Some('s' | 'S')) && !rest.next().is_some_and(is_word_char)
}

/// The end of the word starting at `start`.
fn word_end(text: &str, start: usize) -> usize {
    let mut at = run_end(text, start);
    if let Some(end) = abbreviation_end(text, start, at) {
        return end;
    }
    // Only '.', ',', '&' and apostrophes (’ starts with byte 0xE2) join runs.
    while matches!(text.as_bytes().get(at), Some(b'.' | b',' | b'&' | b'\'' | 0xE2)) {
        let mut chars = text[at..].chars();
        let (Some(joiner), Some(next)) = (chars.next(), chars.next()) else { break };
        let prev_digit = text.as_bytes()[at - 1].is_ascii_digit();
        let joins = match joiner {
            '.' | ',' => prev_digit && next.is_ascii_digit(),
            '&' => next.is_alphabetic() && at - start <= 3,
            c if is_apostrophe(c) => is_word_char(next) && !is_possessive(text, at),
            _ => false,
        };
        if !joins {
            break;
        }
        at = run_end(text, at + joiner.len_utf8());
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
    let mut at = start;
    while let Some(&b) = bytes.get(at) {
        if ASCII_WORD[usize::from(b)] {
            at += 1;
            continue;
        }
        match char_at(text, at) {
            Some(c) if !b.is_ascii() && is_word_char(c) => at += c.len_utf8(),
            _ => break,
        }
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
    fn handles_non_ascii_and_line_breaks() {
        let t = Tokens::new("Zoë 🚀 visited\nSão Paulo");
        assert_eq!((0..t.len()).map(|i| t.text(i)).collect::<Vec<_>>(), ["Zoë", "🚀", "visited", "São", "Paulo"]);
        assert!(t.breaks_line_before(3));
        assert!(!t.breaks_line_before(4));
    }
}
