//! Hover cards that are not glued to the name they belong to: whole-page text and some extractors put a
//! space or a line break between the display name and the card (`Gov. Kari Lund Kari Ann Lund<headlines>
//! MORE (R) said`, or a line that starts `Kari Ann Lund<headlines> MORE (R) said`). The glued form is
//! handled by `inline::hover_cards`; a `MORE` it already cut is left alone here.

use std::borrow::Cow;
use std::sync::LazyLock;

use memchr::memmem;

use super::rules::HOVER_CARD;
use super::text::{Line, quote, word_count};
use super::{EditKind, Proposal};

/// How far before `MORE` a hover card may start, in bytes.
const MAX_CARD_LEN: usize = 1500;
/// Fewest words a card at the start of a line holds before `MORE` (its name and a few headlines).
const MIN_LINE_CARD_WORDS: usize = 12;
/// How a politician's party follows the name a card belongs to: `(R)`, `(D-Maine)`, `(I-Vt.)`.
const PARTY_TAGS: [&str; 3] = ["(R", "(D", "(I"];
/// Most words of the full name that opens a card.
const MAX_NAME_WORDS: usize = 4;

static MORE: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new(" MORE"));

/// Proposes to delete hover cards separated from their display name by a space, or opening a line.
pub fn hover_cards(line: &Line<'_>, out: &mut Vec<Proposal>) {
    let t = line.text;
    let bytes = t.as_bytes();
    let mut floor = 0;
    for space in MORE.find_iter(bytes) {
        let (pos, end) = (space + 1, space + 5);
        let word_end = bytes.get(end).is_none_or(|b| !b.is_ascii_alphanumeric());
        let shouted = space > 0 && bytes[space - 1].is_ascii_uppercase();
        if !word_end || shouted || pos < floor || already_cut(out, line.start + end) {
            continue;
        }
        let Some((start, why)) = card_start(t, pos, floor) else { continue };
        let end = if start == 0 && bytes.get(end) == Some(&b' ') { end + 1 } else { end };
        out.push(Proposal {
            start: line.start + start,
            end: line.start + end,
            replacement: String::new(),
            rule: Cow::Borrowed(HOVER_CARD),
            kind: EditKind::DeleteSpan,
            reason: format!("hover card: {:?} {why}", quote(&t[start..end], 30)),
        });
        floor = end;
    }
}

/// Whether a proposal of this line already ends at this raw byte (a glued card cut before).
fn already_cut(out: &[Proposal], end: usize) -> bool {
    out.iter().rev().take(8).any(|p| p.rule == HOVER_CARD && p.end == end)
}

/// Where the card ending with `MORE` at `pos` starts (the byte to delete from), and why it is a card.
/// A card opening a line has no name before it to compare, so it must look like one: headlines split by
/// ` | `, or a party tag right after `MORE`.
fn card_start(t: &str, pos: usize, floor: usize) -> Option<(usize, String)> {
    let bytes = t.as_bytes();
    let lo = pos.saturating_sub(MAX_CARD_LEN).max(floor);
    for p in (lo.max(1)..pos).rev().filter(|&p| bytes[p - 1] == b' ') {
        if let Some(display) = repeated_name(t, p) {
            return Some((p - 1, format!("repeating the name {display:?} before it")));
        }
    }
    let card = &t[..pos];
    let listed = card.contains(" | ") || PARTY_TAGS.iter().any(|tag| t[pos + 4..].trim_start().starts_with(tag));
    let opens_line = lo == 0 && listed && opens_with_name(t) && word_count(card) >= MIN_LINE_CARD_WORDS;
    opens_line.then(|| (0, "opening the line, cut off from its name".to_string()))
}

/// If the text at `p` is a full name that repeats the display name just before it (`Kari Lund` then
/// `Kari Ann Lund…`: same first word, the surname within the next words), the display name.
fn repeated_name(t: &str, p: usize) -> Option<&str> {
    let before = t[..p].trim_end();
    let (rest, surname) = before.rsplit_once(' ')?;
    let first = rest.rsplit(' ').next()?;
    if !is_name(first) || !is_name(surname) {
        return None;
    }
    let mut tokens = t[p..].split(' ');
    if tokens.next()? != first {
        return None;
    }
    for token in tokens.take(MAX_NAME_WORDS - 1) {
        let glued_rest = token.strip_prefix(surname);
        if glued_rest.is_some_and(|r| r.is_empty() || r.starts_with(char::is_uppercase)) {
            return Some(&before[before.len() - first.len() - 1 - surname.len()..]);
        }
        if !is_name(token) {
            return None;
        }
    }
    None
}

/// Whether the line opens with a name of two to four capitalised words.
fn opens_with_name(t: &str) -> bool {
    t.split(' ').take(2).all(is_name)
}

/// A capitalised name word: `Lund`, `Ocasio-Cortez`, `O'Neil`, `Jr.`.
fn is_name(word: &str) -> bool {
    word.chars().count() >= 2
        && word.starts_with(char::is_uppercase)
        && word.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text with both hover-card rules applied, as the cleaner runs them.
    fn apply(text: &str) -> String {
        super::super::inline::apply(text, |l, out| {
            super::super::inline::hover_cards(l, out);
            hover_cards(l, out);
        })
    }

    #[test]
    fn a_card_after_a_space_is_cut_back_to_the_display_name() {
        let text = "Gov. Kari Lund Kari Ann Lund Harbor budget passes | Ferry deal signed MORE (R) said on Monday.";
        assert_eq!(apply(text), "Gov. Kari Lund (R) said on Monday.");
        let text = "Rep. Ada Ross-Hale Ada Ross-HaleThe Morning Brief: Ports reopen MORE is open to talks.";
        assert_eq!(apply(text), "Rep. Ada Ross-Hale is open to talks.");
    }

    #[test]
    fn a_card_opening_a_line_is_cut_to_the_rest_of_the_sentence() {
        let text = "Ports reopen after storm, says Lund\nKari Ann Lund Harbor budget passes Senate after long night \
                    Ferry deal signed by both sides Council votes on port fees MORE (R) is defending the plan.";
        assert_eq!(apply(text), "Ports reopen after storm, says Lund\n(R) is defending the plan.");
    }

    #[test]
    fn glued_cards_are_left_to_the_glued_rule() {
        let text =
            "Secretary Ann LeeAnn Marie LeeHarbor budget passes Senate | Ferry deal signed by both sides MORE said.";
        assert_eq!(apply(text), "Secretary Ann Lee said.");
    }

    #[test]
    fn prose_with_more_stays() {
        for text in [
            "Kari Lund said on Monday that the harbour would need to find room for many MORE ships this winter.",
            "Kari Lund said on Monday that the harbour would need room for many more ships, MORE (really) than now.",
            "READ MORE ON THE HARBOR BY CLICKING HERE",
            "Kari Lund Kari said MORE.",
            "The mayor wanted MORE, she said.",
            "Kari Lund met Kari Ann at the harbour where the ferry docks and said MORE boats are coming.",
        ] {
            assert_eq!(apply(text), text);
        }
    }
}
