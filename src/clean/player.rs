//! Video player widgets left in page text: the embed-code offer (`Embed … Copy this code to your website
//! or blog`) and autoplay toggles (`Autoplay: On | Off`, `… 0:39 autoplay autoplay`). Their words are
//! searched once over the whole text, so lines without them cost nothing; a line is a widget when it
//! holds one, is short and is not a sentence (`Netflix will let viewers turn off autoplay.` stays).

use std::sync::LazyLock;

use memchr::memmem;
use regex::Regex;

use super::layout::Verdict;
use super::rules::AD_MARKER;
use super::text::{Line, ends_sentence, labelled_quote, word_count_up_to};
use super::triggers::NextHit;

/// Most words of a player widget line.
const MAX_WORDS: usize = 40;

/// Letters every widget line holds, whatever its case: `autoplay` and `this code` (`utoplay`, `his code`
/// and `HIS CODE` leave the first letter's case open).
static AUTOPLAY: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("utoplay"));
static AUTOPLAY_CAPS: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("UTOPLAY"));
static THIS_CODE: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("his code"));
static THIS_CODE_CAPS: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("HIS CODE"));

/// The widget's words as whole words, in any case.
static WIDGET: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)autoplay(?-u:\b)|(?-u:\b)copy this code to your (?:website|site|blog)(?-u:\b)|(?-u:\b)embed this code(?-u:\b)").ok()
});

/// Marks player widget lines not judged yet.
pub fn judge(raw: &str, lines: &[Line<'_>], verdicts: &mut [Option<Verdict>]) {
    let bytes = raw.as_bytes();
    let mut hits = [
        NextHit::new(|t| AUTOPLAY.find(t), bytes),
        NextHit::new(|t| AUTOPLAY_CAPS.find(t), bytes),
        NextHit::new(|t| THIS_CODE.find(t), bytes),
        NextHit::new(|t| THIS_CODE_CAPS.find(t), bytes),
    ];
    if !hits.iter().any(NextHit::any_left) {
        return;
    }
    let Some(widget) = WIDGET.as_ref() else { return };
    for line in lines {
        // Every finder is asked about every line, so each keeps pace with the lines.
        let hit = hits.iter_mut().fold(false, |any, h| h.starts_in(bytes, line.start, line.end) | any);
        if !hit || verdicts[line.index].is_some() {
            continue;
        }
        let t = line.trimmed();
        if word_count_up_to(t, MAX_WORDS + 1) <= MAX_WORDS && !ends_sentence(t) && widget.is_match(t) {
            let reason = labelled_quote("video player widget", t, 60);
            verdicts[line.index] = Some(Verdict::builtin(AD_MARKER, reason));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::layout::flagged_lines;
    use super::*;

    fn judged(text: &str) -> Vec<bool> {
        flagged_lines(text, |l, v| judge(text, l, v))
    }

    #[test]
    fn embed_offers_and_autoplay_toggles_are_widgets() {
        let text = "The ferry left at dawn.\n\
                    Embed Harbor Ferry Sets Sail 0:39 autoplay autoplay Copy this code to your website or blog\n\
                    Autoplay: On | Off\n\
                    UP NEXT · AUTOPLAY\n\
                    The crew waved.\n";
        assert_eq!(judged(text), vec![false, true, true, true, false]);
    }

    #[test]
    fn sentences_about_autoplay_or_code_stay() {
        let text = "The streaming service will let viewers turn off autoplay.\n\
                    Autoplayers were the talk of the fair\n\
                    She said developers could copy this code to your website, the manual says.\n";
        assert_eq!(judged(text), vec![false, false, false]);
    }

    #[test]
    fn a_text_without_the_words_is_left_alone() {
        assert_eq!(judged("Ferries sail daily.\nTickets cost $4\n"), vec![false, false]);
    }
}
