//! Where the literal triggers of the span rules start in a text: they are searched over the whole
//! text once, all together, instead of once in every kept line. A line in which no trigger starts
//! skips the rules it triggers (most lines hold none), with the same proposals: the triggers hold
//! no line break, so one starts in a line exactly when the line's own search would find it.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::inline;
use super::text::Line;

/// The first occurrence of one literal at or after the start of the last line asked, found by
/// searching the rest of the text only when a line starts past the occurrence found before. The
/// literal must hold no line break, so that one starts in a line exactly when the line holds it.
pub(super) struct NextHit {
    /// Finds the first occurrence in a haystack.
    find: fn(&[u8]) -> Option<usize>,
    /// Start of the first occurrence not before the lines asked so far (`None`: there is none).
    at: Option<usize>,
}

impl NextHit {
    /// The first occurrence in `text`.
    pub(super) fn new(find: fn(&[u8]) -> Option<usize>, text: &[u8]) -> Self {
        Self { find, at: find(text) }
    }

    /// Whether the literal occurs at or after the start of the last line asked (anywhere in the
    /// text, before any line is asked).
    pub(super) fn any_left(&self) -> bool {
        self.at.is_some()
    }

    /// Whether an occurrence starts in `start..end` of `text` (asked with `start` never decreasing).
    pub(super) fn starts_in(&mut self, text: &[u8], start: usize, end: usize) -> bool {
        if self.at.is_some_and(|at| at < start) {
            self.at = text.get(start..).and_then(self.find).map(|p| start + p);
        }
        self.at.is_some_and(|at| at < end)
    }
}

/// Which span-rule triggers start inside one line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InLine {
    /// `MORE`, which every hover card ends with (glued or after a space).
    pub more: bool,
    /// One of the ad markers glued into text.
    pub glued_ad: bool,
    /// `Associated Press`, which every AP notice holds.
    pub associated_press: bool,
}

impl InLine {
    /// Every trigger, as if each started in the line (when the triggers could not be searched, the
    /// rules search the line themselves).
    const ALL: Self = Self { more: true, glued_ad: true, associated_press: true };

    /// Records that the trigger of pattern `pattern` of [`TRIGGER_FINDER`] starts in the line.
    fn add(&mut self, pattern: usize) {
        match pattern.checked_sub(inline::GLUED_ADS.len()) {
            None => self.glued_ad = true,
            Some(0) => self.more = true,
            Some(_) => self.associated_press = true,
        }
    }
}

/// Every trigger in one automaton: the glued ad markers, then `MORE` and `Associated Press`, so a
/// text is scanned once for all of them. No occurrence of one can overlap another's (no trigger
/// holds another, and no end of one is the start of another), so the leftmost-longest matches
/// are every occurrence of `MORE` and `Associated Press` and the ad markers' own leftmost-longest
/// matches.
static TRIGGER_FINDER: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    let patterns = inline::GLUED_ADS.iter().chain(&["MORE", "Associated Press"]);
    AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(patterns).ok()
});

/// The span-rule triggers of one text, asked line by line in order.
pub struct SpanTriggers {
    /// Start and pattern of every trigger in the text, in order (`None`: not searched).
    hits: Option<Vec<(usize, usize)>>,
    /// The first hit not before the lines asked so far.
    next: usize,
}

impl SpanTriggers {
    /// The triggers of `raw`, found in one scan.
    pub fn of(raw: &str) -> Self {
        let hits = TRIGGER_FINDER
            .as_ref()
            .map(|finder| finder.find_iter(raw).map(|m| (m.start(), m.pattern().as_usize())).collect());
        Self { hits, next: 0 }
    }

    /// The triggers that start in `line` (a line of the text; lines are asked in order).
    pub fn in_line(&mut self, line: &Line<'_>) -> InLine {
        let Some(hits) = &self.hits else { return InLine::ALL };
        let mut found = InLine::default();
        while let Some(&(at, pattern)) = hits.get(self.next) {
            if at >= line.end {
                break;
            }
            if at >= line.start {
                found.add(pattern);
            }
            self.next += 1;
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::super::text::{lines, random_texts};
    use super::*;

    #[test]
    fn a_trigger_starts_in_a_line_exactly_when_the_line_holds_it() {
        const PIECES: &[&str] = &[
            "MORE",
            "MO",
            "RE",
            "Advertisement",
            "ADVERTISEMENT",
            "Story continues below",
            " advertisement",
            "\n",
            "\r\n",
            "Associated ",
            "Press",
            "Associated Press",
            "Skip Advertisement",
            "Continue reading the main story",
            "Media playback is unsupported on your device",
            " ",
            "x",
            "é",
        ];
        let mut hits = [0usize; 3];
        for text in random_texts(PIECES, 5, 2000, |i| i % 40) {
            let mut triggers = SpanTriggers::of(&text);
            for line in lines(&text).iter().filter(|l| l.index % 3 != 1) {
                let t = line.text;
                let want = InLine {
                    more: t.contains("MORE"),
                    glued_ad: inline::GLUED_ADS.iter().any(|ad| t.contains(ad)),
                    associated_press: t.contains("Associated Press"),
                };
                assert_eq!(triggers.in_line(line), want, "{text:?} line {}", line.index);
                for (n, hit) in hits.iter_mut().zip([want.more, want.glued_ad, want.associated_press]) {
                    *n += usize::from(hit);
                }
            }
        }
        assert!(hits.iter().all(|&n| n > 50), "every trigger is exercised: {hits:?}");
    }
}
