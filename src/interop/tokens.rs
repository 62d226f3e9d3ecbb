//! The tokenizer used by the token-based exports (spaCy/Prodigy JSONL, CoNLL).
//!
//! Tokens are the UAX #29 word-boundary segments of the text (so `don't` stays whole, every CJK
//! ideograph and every punctuation mark is its own token, and an emoji with its modifiers is one
//! token), with runs of whitespace merged. As in spaCy, a single space after a word is not a token
//! but the word's `ws` flag; any other whitespace (line breaks, double spaces, tabs) is a token of its
//! own, so joining `text + (" " if ws)` over the tokens gives the text back exactly. Tokens are also
//! split wherever an entity starts or ends, so every entity covers whole tokens.

use std::collections::BTreeSet;
use unicode_segmentation::UnicodeSegmentation;

/// One token, in byte offsets of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Start byte.
    pub start: usize,
    /// End byte (exclusive), not counting the trailing space recorded in `ws`.
    pub end: usize,
    /// Whether one space follows the token (and belongs to no token).
    pub ws: bool,
    /// Whether the token is made of whitespace only.
    pub space: bool,
}

/// A byte range of an entity, the boundaries the tokens must respect.
pub type Range = (usize, usize);

/// Tokenizes `text`, splitting tokens so that every range in `spans` starts and ends on token boundaries.
pub fn tokenize(text: &str, spans: &[Range]) -> Vec<Token> {
    let starts: BTreeSet<usize> = spans.iter().map(|s| s.0).collect();
    let ends: BTreeSet<usize> = spans.iter().map(|s| s.1).collect();
    let cuts: BTreeSet<usize> = starts.union(&ends).copied().collect();
    let mut tokens: Vec<Token> = Vec::new();
    for (start, end) in pieces(text) {
        let mut at = start;
        for &cut in cuts.range(start + 1..end) {
            push_piece(text, &mut tokens, (at, cut), &starts, &ends);
            at = cut;
        }
        push_piece(text, &mut tokens, (at, end), &starts, &ends);
    }
    tokens
}

/// The byte ranges of the tokenizer's own segments (word segments, whitespace runs merged).
fn pieces(text: &str) -> Vec<Range> {
    let mut out: Vec<(usize, usize, bool)> = Vec::new();
    for (start, seg) in text.split_word_bound_indices() {
        let space = seg.chars().all(char::is_whitespace);
        match out.last_mut() {
            Some(last) if space && last.2 && last.1 == start => last.1 = start + seg.len(),
            _ => out.push((start, start + seg.len(), space)),
        }
    }
    out.into_iter().map(|(s, e, _)| (s, e)).collect()
}

/// Adds one piece as a token, folding a leading single space into the previous word's `ws` flag
/// unless an entity starts on that space or ends right after it.
fn push_piece(
    text: &str,
    tokens: &mut Vec<Token>,
    (start, end): Range,
    starts: &BTreeSet<usize>,
    ends: &BTreeSet<usize>,
) {
    let slice = &text[start..end];
    let space = slice.chars().all(char::is_whitespace);
    let mut start = start;
    if space
        && slice.starts_with(' ')
        && !starts.contains(&start)
        && !ends.contains(&(start + 1))
        && let Some(prev) = tokens.last_mut().filter(|t| !t.space && !t.ws && t.end == start)
    {
        prev.ws = true;
        start += 1;
    }
    if start < end {
        tokens.push(Token { start, end, ws: false, space });
    }
}

/// Indices of the ranges that do not start and end on the tokenizer's own word boundaries, i.e. that
/// needed a token split (exports warn about them instead of dropping them).
pub fn misaligned(text: &str, spans: &[Range]) -> Vec<usize> {
    let words = tokenize(text, &[]);
    let starts: BTreeSet<usize> = words.iter().filter(|t| !t.space).map(|t| t.start).collect();
    let ends: BTreeSet<usize> = words.iter().filter(|t| !t.space).map(|t| t.end).collect();
    spans.iter().enumerate().filter(|(_, s)| !starts.contains(&s.0) || !ends.contains(&s.1)).map(|(i, _)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, spans: &[Range]) -> Vec<(String, bool)> {
        tokenize(text, spans).iter().map(|t| (text[t.start..t.end].to_string(), t.ws)).collect()
    }

    fn rebuild(text: &str, spans: &[Range]) -> String {
        tokenize(text, spans)
            .iter()
            .map(|t| format!("{}{}", &text[t.start..t.end], if t.ws { " " } else { "" }))
            .collect()
    }

    #[test]
    fn words_punctuation_and_spaces() {
        let got = texts("Zoë 🚀 visited Berlin.\r\n\r\nIt's  done", &[]);
        let want = [
            ("Zoë", true),
            ("🚀", true),
            ("visited", true),
            ("Berlin", false),
            (".", false),
            ("\r\n\r\n", false),
            ("It's", true),
            (" ", false),
            ("done", false),
        ];
        let want: Vec<(String, bool)> = want.iter().map(|(t, w)| ((*t).to_string(), *w)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn cjk_ideographs_are_tokens_and_text_rebuilds() {
        let text = "北京大学 e\u{301}cole 👋🏽 🇫🇮";
        assert_eq!(texts(text, &[])[0].0, "北");
        for t in [text, " lead", "trail ", "a\t\tb", ""] {
            assert_eq!(rebuild(t, &[]), t);
        }
    }

    #[test]
    fn entities_split_tokens_and_keep_their_spaces() {
        let text = "Berlin's mayor";
        let got = texts(text, &[(0, 6)]);
        assert_eq!(got[0], ("Berlin".to_string(), false));
        assert_eq!(got[1], ("'s".to_string(), true));
        assert_eq!(misaligned(text, &[(0, 6), (0, 8), (9, 14)]), vec![0]);
        // An entity that starts on a space keeps that space as a token of its own.
        let text = "in Berlin";
        let got = texts(text, &[(2, 9)]);
        assert_eq!(got, vec![("in".to_string(), false), (" ".to_string(), false), ("Berlin".to_string(), false)]);
        assert_eq!(rebuild(text, &[(2, 9)]), text);
    }
}
