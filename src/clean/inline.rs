//! Span rules for junk glued inside a line: hover cards, ad markers in running text, wire credits
//! and the AP notice at the end of a paragraph.

use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use memchr::memmem;
use regex::Regex;

use super::rules::{AD_MARKER, COPYRIGHT_FOOTER, HOVER_CARD};
use super::text::{Line, quote};
use super::triggers::InLine;
use super::{EditKind, Proposal};

/// How far before `MORE` a hover card may start, in bytes.
const MAX_CARD_LEN: usize = 1500;

static MORE: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("MORE"));

/// Ad and player markers removed wherever they are glued into text (exact case).
pub(super) const GLUED_ADS: &[&str] = &[
    "Continue reading the main story",
    "Story continues below advertisement",
    "Story continues below",
    "Skip Advertisement",
    "Media playback is unsupported on your device",
    "ADVERTISEMENT",
    "Advertisement",
];

static GLUED_AD_FINDER: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(GLUED_ADS).ok());

static WIRE_CREDIT_TAIL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"^\((?:Additional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled)(?: by)?(?-u:\b)[^()]{3,}\)\.?\s*$",
    )
    .ok()
});

static AP_NOTICE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*(?:Copyright|©)\s*\d{4}\s*(?:The\s+)?Associated Press\.?\s*All rights reserved\.?(?:\s*This material may not be published, broadcast, rewritten,? or redistributed(?: without permission)?\.?)?").ok()
});

/// The Hill-style hover cards: `James MattisJames Norman Mattis<headlines> MORE is` → `James Mattis is`.
/// Written by hand because it needs a back-reference: the card's full name ends with the display name.
pub fn hover_cards(line: &Line<'_>, out: &mut Vec<Proposal>) {
    let t = line.text;
    let bytes = t.as_bytes();
    let mut floor = 0;
    for pos in MORE.find_iter(bytes) {
        let end = pos + 4;
        let word_end = bytes.get(end).is_none_or(|b| !b.is_ascii_alphanumeric());
        if !word_end || (pos > 0 && bytes[pos - 1].is_ascii_uppercase()) || pos < floor {
            continue;
        }
        let lo = pos.saturating_sub(MAX_CARD_LEN).max(floor);
        let Some((start, display)) = (lo + 1..pos).rev().find_map(|p| card_start(t, p).map(|d| (p, d))) else {
            continue;
        };
        out.push(Proposal {
            start: line.start + start,
            end: line.start + end,
            replacement: String::new(),
            rule: Cow::Borrowed(HOVER_CARD),
            kind: EditKind::DeleteSpan,
            reason: format!("hover card: {:?} glued to {:?}", quote(&t[start..end], 30), display),
        });
        floor = end;
    }
}

/// If a hover card starts at byte `p` (glued right after the display name), the display name.
fn card_start(t: &str, p: usize) -> Option<String> {
    let bytes = t.as_bytes();
    if !bytes[p].is_ascii_uppercase() || !bytes[p - 1].is_ascii_lowercase() {
        return None;
    }
    let surname_start = t[..p]
        .rfind(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’' || c == '-'))
        .map_or(0, |i| i + t[i..].chars().next().map_or(1, char::len_utf8));
    let surname = &t[surname_start..p];
    if surname.len() < 2 || !surname.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let mut at = p;
    for token_index in 0..5 {
        let rest = &t[at..];
        let token_len = rest.find(' ').unwrap_or(rest.len());
        let token = &rest[..token_len];
        if !token.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        if token_index > 0 && token.starts_with(surname) {
            let after = token[surname.len()..].chars().next();
            if after.is_none_or(|c| c.is_uppercase() || !c.is_alphanumeric()) {
                let display_start = t[..surname_start].trim_end().rfind(' ').map_or(0, |i| i + 1);
                let display = t[display_start..p].trim();
                let display = if display.starts_with(|c: char| c.is_uppercase()) { display } else { surname };
                return Some(display.to_string());
            }
        }
        if token_len == rest.len() {
            return None;
        }
        at += token_len + 1;
    }
    None
}

/// Ad markers glued into running text, wire credits and the AP notice at the end of a paragraph;
/// `found` says which of their triggers start in the line (a rule without one has nothing to find).
pub fn glued_junk(line: &Line<'_>, on: &dyn Fn(&str) -> bool, found: InLine, out: &mut Vec<Proposal>) {
    if found.glued_ad && on(AD_MARKER) {
        glued_ads(line, out);
    }
    if on(COPYRIGHT_FOOTER) {
        wire_credit(line, out);
        if found.associated_press {
            ap_notice(line, out);
        }
    }
}

/// `…said.ADVERTISEMENT The…` → `…said. The…`; prose such as `Advertisement revenue fell` stays.
fn glued_ads(line: &Line<'_>, out: &mut Vec<Proposal>) {
    let Some(finder) = GLUED_AD_FINDER.as_ref() else { return };
    let t = line.text;
    let bytes = t.as_bytes();
    for m in finder.find_iter(t) {
        let (s, e) = (m.start(), m.end());
        let word = GLUED_ADS[m.pattern().as_usize()];
        let next = t[e..].trim_start_matches(' ').chars().next();
        let prev = t[..s].trim_end_matches(' ').chars().next_back();
        let ok = match word {
            "ADVERTISEMENT" => !(continues_caps(bytes, e) || (s > 0 && bytes[s - 1].is_ascii_uppercase())),
            "Advertisement" => {
                prev.is_none_or(|c| ".!?\"”’)".contains(c))
                    && next.is_none_or(|c| c.is_uppercase() || c == '"' || c == '“')
            }
            _ => true,
        };
        if !ok {
            continue;
        }
        let spaced_before = s > 0 && bytes[s - 1] == b' ';
        let spaced_after = bytes.get(e) == Some(&b' ');
        let (start, end) = match (spaced_before, spaced_after) {
            (true, true) => (s, e + 1),
            (false, true) if s == 0 => (s, e + 1),
            (true, false) if e == t.len() => (s - 1, e),
            _ => (s, e),
        };
        let glued_between_words = !spaced_before && !spaced_after && s > 0 && e < t.len();
        let replacement = if glued_between_words && !bytes[s - 1].is_ascii_whitespace() { " " } else { "" };
        out.push(Proposal {
            start: line.start + start,
            end: line.start + end,
            replacement: replacement.to_string(),
            rule: Cow::Borrowed(AD_MARKER),
            kind: if replacement.is_empty() { EditKind::DeleteSpan } else { EditKind::ReplaceSpan },
            reason: format!("advertising marker glued into the text: {word:?}"),
        });
    }
}

/// Whether the capitals before byte `e` go on as one word in capitals (`ADVERTISEMENTS`): a capital
/// at `e` that a lower-case letter follows starts a glued sentence instead (`ADVERTISEMENTThe`).
fn continues_caps(bytes: &[u8], e: usize) -> bool {
    bytes.get(e).is_some_and(u8::is_ascii_uppercase) && !bytes.get(e + 1).is_some_and(u8::is_ascii_lowercase)
}

/// `(Reporting by …; Editing by …)` closing a paragraph.
fn wire_credit(line: &Line<'_>, out: &mut Vec<Proposal>) {
    let t = line.text;
    // The credit's pattern ends the line with `)` or `).` and white space: most lines do not, and
    // are not searched for their last `(`.
    let end = t.trim_end();
    if !(end.ends_with(')') || end.ends_with(").")) {
        return;
    }
    let Some(open) = memchr::memrchr(b'(', t.as_bytes()) else { return };
    if open == 0 || !WIRE_CREDIT_TAIL.as_ref().is_some_and(|r| r.is_match(&t[open..])) {
        return;
    }
    let start = t[..open].trim_end().len();
    out.push(Proposal {
        start: line.start + start,
        end: line.start + t.trim_end().len(),
        replacement: String::new(),
        rule: Cow::Borrowed(COPYRIGHT_FOOTER),
        kind: EditKind::DeleteSpan,
        reason: format!("wire credit: {:?}", quote(&t[open..], 60)),
    });
}

/// The AP copyright notice glued to a paragraph (asked only of a line holding `Associated Press`).
fn ap_notice(line: &Line<'_>, out: &mut Vec<Proposal>) {
    let Some(re) = AP_NOTICE.as_ref() else { return };
    for m in re.find_iter(line.text) {
        out.push(Proposal {
            start: line.start + m.start(),
            end: line.start + m.end(),
            replacement: String::new(),
            rule: Cow::Borrowed(COPYRIGHT_FOOTER),
            kind: EditKind::DeleteSpan,
            reason: format!("copyright notice: {:?}", quote(m.as_str(), 60)),
        });
    }
}

/// `text` with every proposal `rule` makes on its lines applied: the shape of the span rules' unit tests.
#[cfg(test)]
pub(super) fn apply(text: &str, rule: impl Fn(&Line<'_>, &mut Vec<Proposal>)) -> String {
    let mut out = Vec::new();
    for l in super::text::lines(text) {
        rule(&l, &mut out);
    }
    let mut s = text.to_string();
    for p in out.iter().rev() {
        s.replace_range(p.start..p.end, &p.replacement);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::super::text::lines;
    use super::*;

    #[test]
    fn hover_cards_are_cut_back_to_the_display_name() {
        let text = "Secretary Ann LeeAnn Marie LeeHarbor budget passes Senate | Ferry deal signed MORE said on Monday.";
        assert_eq!(apply(text, hover_cards), "Secretary Ann Lee said on Monday.");
        let text = "after President BoydAlan Ross BoydThe Morning Brief: Ports reopen MORE's visit";
        assert_eq!(apply(text, hover_cards), "after President Boyd's visit");
        let text = "Rep. Will HaleWilliam Grant HaleFerry bill stalls ActMORE (R-Maine) said";
        assert_eq!(apply(text, hover_cards), "Rep. Will Hale (R-Maine) said");
        let mut out = Vec::new();
        hover_cards(&lines("Ann LeeAnn Marie LeeHarbor MORE")[0], &mut out);
        assert!(out[0].reason.contains("glued to \"Ann Lee\""), "{}", out[0].reason);
    }

    #[test]
    fn text_that_only_looks_like_a_card_stays() {
        for text in [
            "The McConnell plan needs MORE votes, he said.",
            "NASA said the iPhone app would show MORE data.",
            "He wanted MORE, not less, from Ann LeeHarbor.",
            "ANYMORE is not a word here.",
        ] {
            assert_eq!(apply(text, hover_cards), text);
        }
    }

    #[test]
    fn glued_ad_markers_are_cut_and_prose_stays() {
        let run = |text: &str| apply(text, glued_ads);
        assert_eq!(run("The port reopened.ADVERTISEMENT Ships arrived."), "The port reopened. Ships arrived.");
        assert_eq!(
            run("Ships arrived. Continue reading the main story The port reopened."),
            "Ships arrived. The port reopened."
        );
        assert_eq!(run("Ships arrived. Advertisement The port reopened."), "Ships arrived. The port reopened.");
        // Glued to the next sentence's first word too.
        assert_eq!(
            run("Ships arrived on Monday.ADVERTISEMENTThe port reopened."),
            "Ships arrived on Monday. The port reopened."
        );
        for prose in [
            "Advertisement revenue fell by a third.",
            "The Advertisement shown on TV was banned.",
            "The sign read ADVERTISEMENTS FOR RENT.",
            "The sign read ADVERTISEMENTSX.",
        ] {
            assert_eq!(run(prose), prose);
        }
    }

    #[test]
    fn wire_credits_and_ap_notice_at_paragraph_end() {
        let all = InLine { more: true, glued_ad: true, associated_press: true };
        let run = |text: &str| apply(text, |l, out| glued_junk(l, &|_| true, all, out));
        assert_eq!(run("The port reopened. (Reporting by Lena Park; Editing by Tom Reyes)"), "The port reopened.");
        assert_eq!(
            run(
                "Ships arrived. Copyright 2019 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed."
            ),
            "Ships arrived."
        );
        let prose = "The port (reporting record traffic) reopened.";
        assert_eq!(run(prose), prose);
        // The trailing white space is left to the space rules.
        assert_eq!(run("Ships arrived. (Writing by Ana Lima). \u{a0}"), "Ships arrived. \u{a0}");
        assert_eq!(run("Ships arrived. (Writing by Ana Lima)\t"), "Ships arrived.\t");
        for kept in ["Ships arrived. (Writing by Ana Lima) .", "Ships arrived. (Writing by Ana Lima)x"] {
            assert_eq!(run(kept), kept);
        }
    }
}
