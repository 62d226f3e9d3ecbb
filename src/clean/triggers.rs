//! Where the literal triggers of the rules start in a text: they are searched over the whole text
//! once, all together, instead of once in every line or once per rule. A line in which no span
//! trigger starts skips the span rules it triggers (most lines hold none), with the same
//! proposals: the triggers hold no line break, so one starts in a line exactly when the line's own
//! search would find it. The cookie cue of consent notices is found in the same pass.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind, packed};

use super::text::Line;
use super::{consent, inline};

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

/// What a pattern of [`TRIGGER_FINDER`] triggers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trigger {
    /// A glued ad marker.
    GluedAd,
    /// `MORE`.
    More,
    /// `Associated Press`.
    AssociatedPress,
    /// [`consent::COOKIE_CUE`].
    Cookie,
}

impl Trigger {
    /// The trigger of pattern `pattern` of [`TRIGGER_FINDER`].
    fn of_pattern(pattern: usize) -> Self {
        let ads = inline::GLUED_ADS.len();
        match pattern {
            p if p < ads => Self::GluedAd,
            p if p == ads => Self::More,
            p if p == ads + 1 => Self::AssociatedPress,
            _ => Self::Cookie,
        }
    }
}

/// The patterns of [`TRIGGER_FINDER`], in the order of [`Trigger::of_pattern`]: the glued ad markers,
/// `MORE`, `Associated Press`, then the cookie cue.
fn trigger_patterns() -> impl Iterator<Item = &'static str> + Clone {
    inline::GLUED_ADS.iter().chain(&["MORE", "Associated Press"]).chain(&[consent::COOKIE_CUE]).copied()
}

/// Every trigger in one searcher, so a text is scanned once for all of them. No occurrence of one
/// can overlap another's (no trigger holds another, and no end of one is the start of another), so
/// the leftmost-longest matches are every occurrence of `MORE`, `Associated Press` and the cookie cue
/// (none of which can overlap itself) and the ad markers' own leftmost-longest matches. (The phone
/// and fax labels of contact footers have their own automaton: three-letter patterns here would
/// shorten the SIMD searcher's fingerprints and cost more than a second scan.)
static TRIGGER_FINDER: LazyLock<Finder> = LazyLock::new(Finder::new);

/// A leftmost-longest searcher of [`trigger_patterns`].
enum Finder {
    /// The SIMD (Teddy) searcher, asked directly: the automaton would only wrap it as its prefilter,
    /// and check each of its candidates again.
    Packed(packed::Searcher),
    /// The automaton, where the CPU has no SIMD searcher.
    Automaton(AhoCorasick),
}

impl Finder {
    /// The SIMD searcher where the CPU has one, else the automaton.
    ///
    /// The patterns are fixed literals a few bytes long, far below the automaton's size limits, so
    /// building it cannot fail (a test builds it); were it ever to, every rule that relies on it would
    /// otherwise go quiet without a word, so it stops the program instead.
    fn new() -> Self {
        let packed = packed::Config::new()
            .match_kind(packed::MatchKind::LeftmostLongest)
            .builder()
            .extend(trigger_patterns())
            .build();
        packed.map_or_else(|| Self::Automaton(automaton()), Self::Packed)
    }

    /// The hits of every trigger in `raw`.
    fn hits(&self, raw: &str) -> Hits {
        let mut hits = Hits::default();
        match self {
            Self::Packed(searcher) => {
                searcher.find_iter(raw).for_each(|m| hits.add(m.start(), Trigger::of_pattern(m.pattern().as_usize())));
            }
            Self::Automaton(ac) => {
                ac.find_iter(raw).for_each(|m| hits.add(m.start(), Trigger::of_pattern(m.pattern().as_usize())));
            }
        }
        hits
    }
}

/// The leftmost-longest automaton of [`trigger_patterns`] (see [`Finder::new`] on why it is built or
/// the program stops).
fn automaton() -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(trigger_patterns())
        .expect("the fixed trigger literals always build an automaton")
}

/// The trigger hits of one text, found in one scan and grouped by the rules that ask for them.
#[derive(Debug, Default, PartialEq, Eq)]
struct Hits {
    /// Start and trigger of every span-rule trigger, in order.
    span: Vec<(usize, Trigger)>,
    /// Start of every cookie cue, in order.
    cookies: Vec<usize>,
}

impl Hits {
    /// Records one match of [`TRIGGER_FINDER`].
    fn add(&mut self, start: usize, trigger: Trigger) {
        match trigger {
            Trigger::Cookie => self.cookies.push(start),
            span => self.span.push((start, span)),
        }
    }
}

/// The triggers of one text; the span triggers are asked line by line in order.
pub struct Triggers {
    /// Every hit in the text.
    hits: Hits,
    /// The first span hit not before the lines asked so far.
    next: usize,
}

impl Triggers {
    /// The triggers of `raw`, found in one scan.
    pub fn of(raw: &str) -> Self {
        Self { hits: TRIGGER_FINDER.hits(raw), next: 0 }
    }

    /// Start of every occurrence of [`consent::COOKIE_CUE`], in order.
    pub fn cookie_cues(&self) -> &[usize] {
        &self.hits.cookies
    }

    /// The span triggers that start in `line` (a line of the text; lines are asked in order).
    pub fn in_line(&mut self, line: &Line<'_>) -> InLine {
        let mut found = InLine::default();
        while let Some(&(at, trigger)) = self.hits.span.get(self.next) {
            if at >= line.end {
                break;
            }
            if at >= line.start {
                match trigger {
                    Trigger::More => found.more = true,
                    Trigger::AssociatedPress => found.associated_press = true,
                    _ => found.glued_ad = true,
                }
            }
            self.next += 1;
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use memchr::memmem;

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
            "tel",
            "ookie",
        ];
        let mut hits = [0usize; 3];
        for text in random_texts(PIECES, 5, 2000, |i| i % 40) {
            let mut triggers = Triggers::of(&text);
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

    /// Whether this CPU has what the SIMD searcher needs (SSSE3 at least).
    fn simd_cpu() -> bool {
        #[cfg(target_arch = "x86_64")]
        return std::is_x86_feature_detected!("ssse3");
        #[cfg(not(target_arch = "x86_64"))]
        return false;
    }

    #[test]
    fn the_simd_searcher_finds_what_the_automaton_finds() {
        const PIECES: &[&str] = &[
            "MORE",
            "MO",
            "Advertisement",
            "ADVERTISEMENT",
            "Story continues below",
            " advertisement",
            "Story ",
            "\n",
            "Associated Press",
            "Associated ",
            "Skip Advertisement",
            "Continue reading the main story",
            "Media playback is unsupported on your device",
            "ookie",
            "ook",
            " ",
            "x",
            "é",
        ];
        let packed = Finder::new();
        assert!(matches!(packed, Finder::Packed(_)) || !simd_cpu(), "the SIMD searcher is tested");
        let automaton = Finder::Automaton(automaton());
        let mut found = 0;
        for text in random_texts(PIECES, 13, 2000, |i| i % 60) {
            let want = automaton.hits(&text);
            assert_eq!(packed.hits(&text), want, "{text:?}");
            found += want.span.len() + want.cookies.len();
        }
        assert!(found > 5000, "triggers are found: {found}");
    }

    #[test]
    fn cookie_cues_are_every_occurrence() {
        const PIECES: &[&str] = &[
            "ookie",
            "ook",
            "ie",
            "c",
            "o",
            "Advertisement",
            "Story continues below advertisement",
            "MORE",
            " ",
            "\n",
        ];
        let mut cues = 0;
        for text in random_texts(PIECES, 7, 2000, |i| i % 30) {
            let cookies: Vec<usize> = memmem::find_iter(text.as_bytes(), consent::COOKIE_CUE).collect();
            assert_eq!(Triggers::of(&text).cookie_cues(), cookies, "{text:?}");
            cues += cookies.len();
        }
        assert!(cues > 100, "cues are exercised: {cues}");
    }
}
