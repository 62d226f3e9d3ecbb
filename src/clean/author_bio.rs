//! Author boxes and bio lines at the end of an article: a header such as `About Lena Park` (or `Sobre …`,
//! `Über …`, `About the author`) with the short paragraph under it, and one-line bios such as
//! `Lena Park is a reporter for The Harbor Daily.`. Only the last few lines of a text are looked at, and a
//! header must be followed by at most two lines before the text ends, so a press release's closing
//! `About Acme` section with its boilerplate goes while an `About …` subhead inside an article stays.

use std::sync::LazyLock;

use memchr::memmem;
use regex::Regex;

use super::layout::Verdict;
use super::rules::AUTHOR_BIO;
use super::text::{Line, at_most_words, quote};

/// Most non-blank lines an author box's header may have under it before the text ends.
const MAX_BOX_LINES: usize = 2;
/// How many of the last non-blank lines a one-line bio may be among.
const BIO_TAIL: usize = 3;
/// Most words of a one-line bio.
const MAX_BIO_WORDS: usize = 60;
/// Most bytes of a one-line bio: [`MAX_BIO_WORDS`] words of ordinary length take far fewer, and the
/// closing paragraphs of an article, which take more, are let go without a search.
const MAX_BIO_BYTES: usize = 800;
/// Most words of an author box header.
const MAX_HEADER_WORDS: usize = 6;

static HEADER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"^(?:About|ABOUT|Sobre|Über|À propos de|A propos de|Acerca de|Informazioni su|Over) (?:the [Aa]uthors?|\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3})\s*:?$",
    )
    .ok()
});

static BIO: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"^\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){1,3} is (?:(?:an?|the|also|currently|now|\p{Lu}[\p{L}&-]*['’]s) )?(?:(?:[\p{Ll}-]+ ){0,4}(?:reporter|writer|editor|correspondent|journalist|columnist|contributor|author|curator|producer|blogger|freelancer|intern|analyst|photographer|anchor)(?: (?:for|at|with|of|on|in) [\x22“]?\p{Lu}| (?:and|based|who|covering) |[.,;]|$)|(?:\p{Lu}[\p{L}-]* ){0,3}(?:Reporter|Writer|Editor|Correspondent|Journalist|Columnist|Contributor|Producer|Analyst|Photographer|Anchor) (?:at|for|of|with) \p{Lu})",
    )
    .ok()
});

/// Marks an author box or a bio line among the last lines of the text that stay (lines judged before
/// stay judged, and do not count: share buttons and a copyright footer under an author box are usual).
pub fn judge(lines: &[Line<'_>], verdicts: &mut [Option<Verdict>]) {
    let kept = |l: &&Line<'_>| !l.is_blank() && verdicts[l.index].is_none();
    let tail: Vec<&Line<'_>> = lines.iter().rev().filter(kept).take(MAX_BOX_LINES + 1).collect();
    if let Some(header) = tail.iter().rposition(|l| is_header(l.trimmed())) {
        let (head, rest) = (tail[header], &tail[..header]);
        let reason = format!("author box: {:?} and the {} line(s) under it", quote(head.trimmed(), 40), rest.len());
        for l in std::iter::once(head).chain(rest.iter().copied()) {
            verdicts[l.index].get_or_insert_with(|| Verdict::builtin(AUTHOR_BIO, reason.clone()));
        }
    }
    let mut bio_tail = [None; BIO_TAIL];
    let kept = lines.iter().rev().filter(|l| !l.is_blank() && verdicts[l.index].is_none());
    for (slot, l) in bio_tail.iter_mut().zip(kept) {
        *slot = Some(l);
    }
    for l in bio_tail.into_iter().flatten() {
        if is_bio(l.trimmed()) {
            let reason = format!("author bio: {:?}", quote(l.trimmed(), 60));
            verdicts[l.index] = Some(Verdict::builtin(AUTHOR_BIO, reason));
        }
    }
}

/// The words an author box header starts with (checked before the pattern, which costs more).
const HEADER_WORDS: &[&str] =
    &["About ", "ABOUT ", "Sobre ", "Über ", "À propos ", "A propos ", "Acerca ", "Informazioni ", "Over "];

/// `About Lena Park`, `Sobre Ana Lima`, `About the author`.
fn is_header(t: &str) -> bool {
    HEADER_WORDS.iter().any(|w| t.starts_with(w))
        && at_most_words(t, MAX_HEADER_WORDS)
        && HEADER.as_ref().is_some_and(|r| r.is_match(t))
}

/// ` is `, which every bio holds: searched with SIMD (`str::contains` sets up a searcher for every
/// call, and the lines asked are whole closing paragraphs).
static IS: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new(" is "));

/// `Lena Park is a reporter for The Harbor Daily.`, `Tom Reyes is Harbor's deal curator.`, `Ivo Berg
/// is Audio Editor at GadgetHub, …` (a title-case role needs its employer after it): a full name (a
/// bio gives it) and the present tense. `Reyes was a photographer for The Harbor Daily from
/// 1970 to 2001.` closes an obituary instead.
fn is_bio(t: &str) -> bool {
    t.len() <= MAX_BIO_BYTES
        && IS.find(t.as_bytes()).is_some()
        && at_most_words(t, MAX_BIO_WORDS)
        && BIO.as_ref().is_some_and(|r| r.is_match(t))
}

#[cfg(test)]
mod tests {
    use super::super::layout::flagged_lines;
    use super::*;

    fn judged(text: &str) -> Vec<bool> {
        flagged_lines(text, judge)
    }

    const STORY: &str = "The ferry sailed at dawn.\n\nThe council met at noon.\n";

    #[test]
    fn an_author_box_at_the_end_goes_with_its_paragraph() {
        let text = format!("{STORY}\nAbout Lena Park\nLena covers ports and ferries from the coast.\n");
        assert_eq!(judged(&text), vec![false, false, false, false, true, true]);
        let text = format!("{STORY}Sobre Ana Lima\nAna escreve sobre portos.\n");
        assert_eq!(judged(&text), vec![false, false, false, true, true]);
    }

    #[test]
    fn an_about_subhead_inside_the_article_stays() {
        let text = "About the harbour\nThe harbour is old.\nAbout Lena Park\nOne.\nTwo.\nThree.\n";
        assert!(judged(text).iter().all(|d| !d));
    }

    #[test]
    fn bio_lines_at_the_end_go() {
        for bio in [
            "Lena Park is a reporter for The Harbor Daily.",
            "Tom Reyes is Harbor's deal curator and spends his pay on what he posts.",
            "Ana Lima is a freelance writer based in Lisbon.",
            "Ivo Berg is Audio Editor at Harbor Tech, covering headphones since 2016.",
            "Mia Sand is Senior Staff Writer for The Harbor Review.",
            "Ivo Berg is a ferry pilot and the author of \"Tides of Tern.\" He lives on the island.",
        ] {
            assert_eq!(judged(&format!("{STORY}{bio}\n")), vec![false, false, false, true], "{bio}");
        }
    }

    #[test]
    fn judged_lines_under_a_bio_do_not_hide_it() {
        let bio = "Lena Park is a reporter for The Harbor Daily.";
        let text =
            format!("{STORY}{bio}\nShare on Facebook\nADVERTISEMENT\nFollow us on Twitter\n© 2027 Harbor Media\n");
        let flagged = flagged_lines(&text, |lines, v| {
            super::super::line_rules::judge(lines, &super::super::text::line_words(lines), &|_| true, v);
            judge(lines, v);
        });
        assert_eq!(flagged, vec![false, false, false, true, true, true, true, true]);
        // Without the earlier verdicts the bio is too far from the end.
        assert!(!judged(&text)[3]);
    }

    #[test]
    fn prose_about_people_stays() {
        for prose in [
            "Jones is a former editor of the paper and now runs the port authority.",
            "The mayor is a writer too, her aides said.",
            "Lena Park said the reporter had left.",
            "Ann Lee is Chair of the Harbor Trust and a former teacher.",
            "Tom Reyes is Managing Editor.",
            "Tom Reyes is Editor in the new series, which starts in May.",
            "Ann Lee is a harbour pilot whose new book is \"Tides.\"",
        ] {
            assert!(judged(&format!("{STORY}{prose}\n")).iter().all(|d| !d), "{prose}");
        }
        let early = "Lena Park is a reporter for The Harbor Daily.\nOne.\nTwo.\nThree.\nFour.\n";
        assert!(judged(early).iter().all(|d| !d));
        // The closing line of an obituary, above share buttons and a footer.
        let obituary = "Reyes was a photographer for The Harbor Daily from 1970 to 2001.";
        let text = format!("{STORY}{obituary}\nShare on Facebook\nADVERTISEMENT\n© 2027 Harbor Media\n");
        let flagged = flagged_lines(&text, |lines, v| {
            super::super::line_rules::judge(lines, &super::super::text::line_words(lines), &|_| true, v);
            judge(lines, v);
        });
        assert_eq!(flagged, vec![false, false, false, false, true, true, true]);
        for closing in ["Tom Reyes was a photographer for The Harbor Daily.", "Reyes is a photographer for the paper."]
        {
            assert!(judged(&format!("{STORY}{closing}\n")).iter().all(|d| !d), "{closing}");
        }
    }
}
