//! Where the literal triggers of the span rules start in a text: each is searched over the whole
//! text, lazily and once, instead of once in every kept line. A line in which no trigger starts
//! skips the rules it triggers (most lines hold none), with the same proposals: the triggers hold
//! no line break, so one starts in a line exactly when the line's own search would find it.

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InLine {
    /// `MORE`, which every hover card ends with (glued or after a space).
    pub more: bool,
    /// One of the ad markers glued into text.
    pub glued_ad: bool,
    /// `Associated Press`, which every AP notice holds.
    pub associated_press: bool,
}

/// The span-rule triggers of one text, asked line by line in order.
pub struct SpanTriggers<'t> {
    /// The raw text.
    text: &'t [u8],
    /// Next `MORE`.
    more: NextHit,
    /// Next glued ad marker.
    glued_ad: NextHit,
    /// Next `Associated Press`.
    associated_press: NextHit,
}

impl<'t> SpanTriggers<'t> {
    /// The triggers of `raw`, its first occurrence of each found.
    pub fn of(raw: &'t str) -> Self {
        let text = raw.as_bytes();
        Self {
            text,
            more: NextHit::new(inline::find_more, text),
            glued_ad: NextHit::new(inline::find_glued_ad, text),
            associated_press: NextHit::new(inline::find_associated_press, text),
        }
    }

    /// The triggers that start in `line` (a line of the text; lines are asked in order).
    pub fn in_line(&mut self, line: &Line<'_>) -> InLine {
        let (text, start, end) = (self.text, line.start, line.end);
        InLine {
            more: self.more.starts_in(text, start, end),
            glued_ad: self.glued_ad.starts_in(text, start, end),
            associated_press: self.associated_press.starts_in(text, start, end),
        }
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
                    glued_ad: inline::find_glued_ad(t.as_bytes()).is_some(),
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
