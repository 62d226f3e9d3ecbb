//! Cookie-consent dialogues of any length. The line rules catch short notices by their stock phrases
//! (`This website uses cookies`); the settings panels of consent managers also print long paragraphs
//! (`Necessary cookies are absolutely essential for the website to function…`) that read as prose and
//! would otherwise win the whole-page main-text search. A line that speaks of cookies and of the site or
//! browser in the same breath is such a panel: articles about baking, or about cookie law, rarely do both
//! in one paragraph.

use std::sync::LazyLock;

use regex::Regex;

use super::layout::Verdict;
use super::rules::COOKIE_NOTICE;
use super::text::{Line, labelled_quote};
use super::triggers::Triggers;

/// The cue every consent line holds, found in the one scan of the whole text for all triggers
/// ([`Triggers`]) before any line is looked at.
pub(super) const COOKIE_CUE: &str = "ookie";

static COOKIES_AND_SITE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)cookies?(?-u:\b).{0,}(?-u:\b)(?:website|web site|browser|browsing|this site|our site)(?-u:\b)|(?-u:\b)(?:website|web site|browser|browsing|this site|our site)(?-u:\b).{0,}(?-u:\b)cookies?(?-u:\b)",
    )
    .ok()
});

/// Marks lines not judged yet that talk about cookies and the website or browser (only lines where
/// `triggers` found the cookie cue can).
pub fn judge(triggers: &Triggers, lines: &[Line<'_>], verdicts: &mut [Option<Verdict>]) {
    let Some(re) = COOKIES_AND_SITE.as_ref() else { return };
    let mut last = None;
    for &start in triggers.cookie_cues() {
        let index = lines.partition_point(|l| l.next <= start);
        if last == Some(index) || index >= lines.len() || verdicts[index].is_some() {
            continue;
        }
        last = Some(index);
        let t = lines[index].text;
        if re.is_match(t) {
            let reason = labelled_quote("consent notice: cookies and the site in one line", t, 60);
            verdicts[index] = Some(Verdict::builtin(COOKIE_NOTICE, reason));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::layout::flagged_lines;
    use super::*;

    fn judged(text: &str) -> Vec<bool> {
        flagged_lines(text, |l, v| judge(&Triggers::of(text), l, v))
    }

    #[test]
    fn consent_panels_of_any_length_go() {
        let panel = "Strictly needed cookies keep the website working, so they cannot be switched off. \
                     They store no personal details and expire when the session ends. "
            .repeat(6);
        assert_eq!(judged(&format!("Title\n{panel}\nThe ferry sailed.")), vec![false, true, false]);
        assert_eq!(judged("Your browser keeps Cookies from this site for a year."), vec![true]);
    }

    #[test]
    fn baking_and_cookie_law_stay() {
        let text = "Bake the cookies for twelve minutes, then let them cool on a rack.\n\
                    The court ruled that cookies may only be set after consent, the regulator said.\n\
                    The website crashed twice on Monday.";
        assert_eq!(judged(text), vec![false, false, false]);
    }
}
