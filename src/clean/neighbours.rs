//! Furniture that only the lines around it give away: a pager's `Next` and `Previous` (a word of
//! dialogue alone), a beat title under a byline (`Housing Markets Reporter`; a subhead elsewhere), a
//! credits box's labels with the names under them (`Edited By` / `Pia Sorensen`), commenters' names
//! above the time of their comment, an obituary site's `<Name> Obituary` links, and the dates a
//! police blotter or a diary prints as its subheads (`Monday, Feb. 24`: not the page's stamp when the
//! text has several).
//!
//! Runs after the phrase rules (it reads their verdicts). Each check first looks at a line's length,
//! words or last bytes, so prose costs a comparison or two.

use super::layout::Verdict;
use super::rules::{AD_MARKER, BYLINE, READ_MORE, TIMESTAMP};
use super::text::{Line, ends_sentence, labelled_quote, opens_ignoring_case};

/// How many non-blank lines apart a pager's two words may stand (`Next`, its headline, `Previous`).
const PAGER_REACH: usize = 3;
/// Most words of a headline printed under a pager's word.
const MAX_PAGER_HEADLINE_WORDS: usize = 25;
/// Fewest day subheads that make a text's dates subheads rather than its stamp.
const MIN_DAY_HEADINGS: usize = 3;
/// Fewest commenters' names (above the time of their comment) that make a comment thread.
const MIN_COMMENTERS: usize = 2;

/// Judges the lines no earlier rule judged, reading the verdicts of the phrase rules; `on` says
/// whether a rule is switched on. One walk over the lines; each check first looks at a line's words
/// and last byte, and the rare candidates are settled after the walk.
pub fn judge(lines: &[Line<'_>], words: &[usize], on: &dyn Fn(&str) -> bool, verdicts: &mut [Option<Verdict>]) {
    let (bylines, teasers) = (on(BYLINE), on(READ_MORE));
    let mut walk = Walk::default();
    for line in lines {
        let (i, n) = (line.index, words[line.index]);
        // Blank lines have no words; long lines are judged by no check here but read as a comment's
        // words, and only under a judged line.
        let read = n > 0 && (n <= MAX_SHORT_WORDS || walk.prev.is_some_and(|p| verdicts[p].is_some()));
        if !read {
            if n > 0 {
                walk.prev_credit_label = false;
                (walk.prev2, walk.prev) = (walk.prev, Some(i));
                walk.position += 1;
            }
            continue;
        }
        let t = line.trimmed();
        // Every check below asks for a few last bytes first.
        let last = t.as_bytes().last().copied().unwrap_or_default();
        if n <= MAX_SHORT_WORDS {
            walk.short_line(i, t, n, last, verdicts);
            if bylines && (walk.prev_credit_label || matches!(last, b'r' | b't' | b'c')) {
                walk.byline_parts(lines, i, t, n, verdicts);
            }
            if teasers && (last == b'y' || t.starts_with('M')) {
                walk.obituary_link(i, t, n, verdicts);
            }
        }
        if bylines && walk.prev.is_some_and(|p| verdicts[p].is_some()) {
            walk.comment_body(lines, i, t, n, verdicts);
        }
        walk.prev_credit_label = n <= 3 && matches!(last, b'y' | b'Y' | b':') && is_credit_label(t);
        (walk.prev2, walk.prev) = (walk.prev, Some(i));
        walk.position += 1;
    }
    if on(TIMESTAMP) && walk.day_headings.len() >= MIN_DAY_HEADINGS {
        for &i in &walk.day_headings {
            verdicts[i] = None;
        }
    }
    if bylines && walk.commenters.len() >= MIN_COMMENTERS {
        for &i in &walk.commenters {
            set(verdicts, i, BYLINE, "commenter's name", lines[i].trimmed());
        }
    }
    if on(AD_MARKER) {
        mark_pagers(lines, words, &walk.pagers, verdicts);
    }
}

/// Most words of a line any check here judges itself (a commenter's words are read, not judged).
const MAX_SHORT_WORDS: usize = 8;

/// What the walk over the lines has seen so far.
#[derive(Default)]
struct Walk {
    /// The last non-blank line before the current one.
    prev: Option<usize>,
    /// The one before it.
    prev2: Option<usize>,
    /// Non-blank lines walked.
    position: usize,
    /// Whether the last non-blank line was a credits box's label ([`CREDIT_LABELS`]).
    prev_credit_label: bool,
    /// Whether an obituary heading was seen (the first is the page's title).
    obituary_title: bool,
    /// Timestamp lines that read as day subheads ([`is_day_heading`]).
    day_headings: Vec<usize>,
    /// Bare names above a comment's time and words.
    commenters: Vec<usize>,
    /// Pager words alone on a line: (line, position among non-blank lines, the word's partner).
    pagers: Vec<(usize, usize, &'static str)>,
}

impl Walk {
    /// Notes a short line that may be a pager's word or a day subhead.
    fn short_line(&mut self, i: usize, t: &str, n: usize, last: u8, verdicts: &[Option<Verdict>]) {
        if n <= 2
            && (4..=14).contains(&t.len())
            && (matches!(last, b't' | b'T' | b's' | b'S' | b'v' | b'V') || last >= 0x80)
            && let Some(partner) = pager_word(t)
        {
            self.pagers.push((i, self.position, partner));
        }
        let dated = verdicts[i].is_some() && n <= 4 && last.is_ascii_digit() && is(verdicts[i].as_ref(), TIMESTAMP);
        if dated && is_day_heading(t, n) {
            self.day_headings.push(i);
        }
    }

    /// Marks a beat title under a byline or a bare name, and a credits box's name under its label.
    fn byline_parts(&mut self, lines: &[Line<'_>], i: usize, t: &str, n: usize, verdicts: &mut [Option<Verdict>]) {
        let Some(above) = self.prev else { return };
        if verdicts[i].is_some() {
            return;
        }
        if self.prev_credit_label && verdicts[above].is_none() {
            let credited = t.split_once(", ").map_or(t, |(name, _)| name);
            if is_name_like(credited) {
                set(verdicts, above, BYLINE, "credits label", lines[above].trimmed());
                set(verdicts, i, BYLINE, "name in a credits box", t);
            }
            return;
        }
        if !is_beat_title(t, n) {
            return;
        }
        let bare_name = self.prev2.is_some() && verdicts[above].is_none() && is_name_like(lines[above].trimmed());
        if is(verdicts[above].as_ref(), BYLINE) || bare_name {
            set(verdicts, above, BYLINE, "byline name above a beat title", lines[above].trimmed());
            set(verdicts, i, BYLINE, "beat title under a byline", t);
        }
    }

    /// Notes a commenter's name when line `i` is a comment's words under its time and the name.
    fn comment_body(&mut self, lines: &[Line<'_>], i: usize, t: &str, n: usize, verdicts: &[Option<Verdict>]) {
        let (Some(time), Some(name)) = (self.prev, self.prev2) else { return };
        if is(verdicts[time].as_ref(), TIMESTAMP)
            && verdicts[i].is_none()
            && (n >= 6 || ends_sentence(t))
            && verdicts[name].is_none()
            && is_name_like(lines[name].trimmed())
        {
            self.commenters.push(name);
        }
    }

    /// Marks an obituary link or repeated heading (every `<Name> Obituary` line but the first, the
    /// page's title) and a list's header (`More Obituaries for …`).
    fn obituary_link(&mut self, i: usize, t: &str, n: usize, verdicts: &mut [Option<Verdict>]) {
        if is_obituary_heading(t, n) {
            if self.obituary_title {
                set(verdicts, i, READ_MORE, "obituary link", t);
            }
            self.obituary_title = true;
        } else if opens_ignoring_case(t, "more obituaries for ") {
            set(verdicts, i, READ_MORE, "obituary list header", t);
        }
    }
}

/// Whether verdict `v` is rule `rule`'s.
fn is(v: Option<&Verdict>, rule: &str) -> bool {
    v.is_some_and(|v| v.rule == rule)
}

/// Sets a verdict on a line no rule judged.
fn set(verdicts: &mut [Option<Verdict>], index: usize, rule: &'static str, what: &str, t: &str) {
    if verdicts[index].is_none() {
        verdicts[index] = Some(Verdict::builtin(rule, labelled_quote(what, t, 60)));
    }
}

/// The days a day subhead opens with (compared ignoring ASCII case).
const DAY_WORDS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Whether a timestamp line is a day subhead: at most four words, opening with the day of the week,
/// without a clock time or a year (`Monday, Feb. 24`, `Saturday, March 1`). A page's stamp gives one or
/// both; a teaser list's bare dates (`Nov 18`) name no day of the week.
fn is_day_heading(t: &str, words: usize) -> bool {
    let first = t.split([' ', ',', '.']).next().unwrap_or_default();
    words <= 4
        && !t.contains(':')
        && !has_year(t)
        && DAY_WORDS.iter().any(|d| first.eq_ignore_ascii_case(d))
        && t.bytes().any(|b| b.is_ascii_digit())
}

/// Whether `t` has a run of four digits (a year).
fn has_year(t: &str) -> bool {
    t.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit))
}

/// Whether `t` is a pager's word alone (`Next`, `Previous`, with an arrow or two): its partner.
fn pager_word(t: &str) -> Option<&'static str> {
    if t.len() < 4 || t.len() > 14 {
        return None;
    }
    let core = t.trim_matches(|c: char| matches!(c, '«' | '»' | '‹' | '›' | '←' | '→' | '<' | '>' | ' '));
    if core.eq_ignore_ascii_case("next") {
        Some("previous")
    } else if core.eq_ignore_ascii_case("previous") || core.eq_ignore_ascii_case("prev") {
        Some("next")
    } else {
        None
    }
}

/// Marks `Next` and `Previous` alone on a line when the other stands within [`PAGER_REACH`] lines
/// (`pagers` as the walk noted them), and the headline under each (a link to the story before or
/// after). Alone, either is a word of dialogue or a subhead and stays.
fn mark_pagers(
    lines: &[Line<'_>],
    words: &[usize],
    pagers: &[(usize, usize, &'static str)],
    verdicts: &mut [Option<Verdict>],
) {
    for &(i, at, partner) in pagers {
        let paired = pagers.iter().any(|&(_, other_at, p)| p == other(partner) && other_at.abs_diff(at) <= PAGER_REACH);
        if !paired {
            continue;
        }
        set(verdicts, i, AD_MARKER, "pager", lines[i].trimmed());
        let Some(h) = lines[i + 1..].iter().find(|l| !l.is_blank()) else { continue };
        let t = h.trimmed();
        if words[h.index] <= MAX_PAGER_HEADLINE_WORDS && !ends_sentence(t) && pager_word(t).is_none() {
            set(verdicts, h.index, AD_MARKER, "headline under a pager", t);
        }
    }
}

/// The word whose partner is `partner` (the word itself, as [`pager_word`] names it).
fn other(partner: &str) -> &'static str {
    if partner == "next" { "previous" } else { "next" }
}

/// Words a heading or a salutation opens with, never a person's name or a job title.
const NOT_NAME_WORDS: [&str; 12] =
    ["The", "A", "An", "To", "From", "Our", "My", "Dear", "Letter", "Letters", "This", "More"];
/// Words that join the names of one line (`Jim and Patty Brekke`, `Darrell from Eastside`).
const NAME_JOINERS: [&str; 6] = ["and", "&", "from", "de", "van", "von"];

/// Whether `t` reads as a person's name (or two): two to five words, each capitalised (an initial
/// may close with a full stop) or a joiner of [`NAME_JOINERS`], and no heading's opening word.
fn is_name_like(t: &str) -> bool {
    let mut n = 0;
    for w in t.split(' ') {
        n += 1;
        let capital = w.starts_with(|c: char| c.is_uppercase())
            && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
            && (!w.ends_with('.') || w.chars().count() == 2);
        if n > 5 || !(capital || NAME_JOINERS.contains(&w)) || NOT_NAME_WORDS.contains(&w) {
            return false;
        }
    }
    n >= 2 && t.starts_with(|c: char| c.is_uppercase())
}

/// The roles a newsroom's beat title ends with.
const ROLES: [&str; 6] = ["Reporter", "Correspondent", "Editor", "Writer", "Columnist", "Critic"];

/// Whether `t` may be a beat title: one to three capitalised words, then a role of [`ROLES`]
/// (`Housing Markets Reporter`, `Features Editor`). Only under a byline does it go.
fn is_beat_title(t: &str, words: usize) -> bool {
    if !(2..=4).contains(&words) || !t.ends_with(['r', 't', 'c']) {
        return false;
    }
    let Some((head, role)) = t.rsplit_once(' ') else { return false };
    ROLES.contains(&role)
        && head.split(' ').all(|w| {
            w.starts_with(|c: char| c.is_ascii_uppercase())
                && w.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
                && !NOT_NAME_WORDS.contains(&w)
        })
}

/// Labels of a credits box, each printed above the name it credits (compared ignoring ASCII case, a
/// closing colon aside).
const CREDIT_LABELS: [&str; 9] = [
    "written by",
    "edited by",
    "reviewed by",
    "medically reviewed by",
    "fact checked by",
    "fact-checked by",
    "copy edited by",
    "reported by",
    "illustrated by",
];

/// Whether `t` is one of the [`CREDIT_LABELS`] (a closing colon aside). Only with a name under it
/// does it go: alone it is a heading.
fn is_credit_label(t: &str) -> bool {
    let label = t.trim_end_matches(':');
    CREDIT_LABELS.iter().any(|l| label.eq_ignore_ascii_case(l))
}

/// Whether `t` is an obituary site's heading or link: a name then `Obituary` (`Ruth Anne Voss
/// Obituary`, `Harold "Hal" Jensen Obituary`).
fn is_obituary_heading(t: &str, words: usize) -> bool {
    let Some(name) = t.strip_suffix(" Obituary") else { return false };
    (3..=8).contains(&words)
        && name.split(' ').all(|w| w.trim_matches(['"', '“', '”', '(', ')']).starts_with(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::super::text::{line_words, lines};
    use super::*;

    /// The lines `judge` deletes, given the verdicts the phrase rules would set (`rule` per line).
    fn judged(text: &str, earlier: &[(usize, &'static str)]) -> Vec<bool> {
        let l = lines(text);
        let words = line_words(&l);
        let mut verdicts: Vec<Option<Verdict>> = vec![None; l.len()];
        for &(i, rule) in earlier {
            verdicts[i] = Some(Verdict::builtin(rule, "earlier"));
        }
        judge(&l, &words, &|_| true, &mut verdicts);
        verdicts.iter().map(Option::is_some).collect()
    }

    #[test]
    fn a_pager_goes_with_its_headlines_and_a_lone_next_stays() {
        let text = "Story ends here.\nPrevious\nLast week: a lost dog and a stolen bike\nNext\nThis week's log\n";
        assert_eq!(judged(text, &[]), [false, true, true, true, true]);
        let arrows = "Body.\n« Previous\nNext »\nFooter text that is long enough to be a sentence.\n";
        assert_eq!(judged(arrows, &[]), [false, true, true, false]);
        let dialogue = "The coach was asked about the loss.\nNext\nThen he left the room without a word.\n";
        assert_eq!(judged(dialogue, &[]), [false, false, false]);
        let said = "He said one word.\nNext.\nPrevious.\n";
        assert_eq!(judged(said, &[]), [false, false, false]);
    }

    #[test]
    fn a_beat_title_goes_only_under_a_byline() {
        let text = "Headline of the story\nBy Anneke Rolf\nHousing Markets Reporter\nPrices fell.\n";
        assert_eq!(judged(text, &[(1, BYLINE)]), [false, true, true, false]);
        let bare = "Dear Nora: a question\nNora Pell\nAdvice Columnist\nDEAR NORA: My sister asks.\n";
        assert_eq!(judged(bare, &[]), [false, true, true, false]);
        let subhead = "The war years\nHe filed from Cairo for a decade.\nWar Correspondent\nThen came peace.\n";
        assert_eq!(judged(subhead, &[]), [false, false, false, false]);
        let letters = "Opinion page\nAnn Lee\nLetters to the Editor\nWrite to us.\n";
        assert_eq!(judged(letters, &[]), [false, false, false, false]);
    }

    #[test]
    fn a_credits_box_goes_and_a_label_alone_stays() {
        let text = "Body text.\nWritten By\nGreta Holm\nMedically Reviewed By\nTamsin Oduya, RD, LD\n";
        assert_eq!(judged(text, &[]), [false, true, true, true, true]);
        let heading = "Body text.\nWritten by\nthe students themselves, the play opened in May.\n";
        assert_eq!(judged(heading, &[]), [false, false, false]);
        let other = "Body text.\nStand By\nMarta Lind\n";
        assert_eq!(judged(other, &[]), [false, false, false]);
    }

    #[test]
    fn commenters_go_when_a_thread_has_several_and_one_dated_headline_stays() {
        let text = "Story.\nMarge T.\n3 days ago\nI saw the kayak on Sunday.\nDarrell from Eastside\nMar 3, 2025\n\
                    Hope they find it, it was my neighbor's.\n";
        let flags = judged(text, &[(2, TIMESTAMP), (5, TIMESTAMP)]);
        assert_eq!(flags, [false, true, true, false, true, true, false]);
        let one = "Story.\nFerry Fares Rise\nMar 3, 2025\nThe council voted on Monday to raise fares.\n";
        assert_eq!(judged(one, &[(2, TIMESTAMP)]), [false, false, true, false]);
        let events = "Events.\nOpening Night\nMar 3\nClosing Gala\nMar 9\nTickets sold out.\n";
        let flags = judged(events, &[(2, TIMESTAMP), (4, TIMESTAMP)]);
        assert_eq!(flags, [false, false, true, false, true, false]);
    }

    #[test]
    fn day_subheads_stay_when_a_text_has_several_and_a_stamp_goes() {
        let text = "Blotter\nMonday, Feb. 24\nA kayak was stolen.\nTuesday, Feb. 25\nA goat got loose.\n\
                    Friday, Feb. 28\nFireworks.\n";
        assert_eq!(judged(text, &[(1, TIMESTAMP), (3, TIMESTAMP), (5, TIMESTAMP)]), [false; 7]);
        let two = "Title\nMonday, Feb. 24\nBody.\nTuesday, Feb. 25\nMore.\n";
        assert_eq!(judged(two, &[(1, TIMESTAMP), (3, TIMESTAMP)]), [false, true, false, true, false]);
        let teasers = "Title\nNov 18\nBody.\nNov 17\nMore.\nNov 15\n";
        let flags = judged(teasers, &[(1, TIMESTAMP), (3, TIMESTAMP), (5, TIMESTAMP)]);
        assert_eq!(flags, [false, true, false, true, false, true]);
        let stamps = "Title\nMar 3, 2025\nBody.\nMar 4, 2025\nMore.\nMar 5, 2025\n";
        let flags = judged(stamps, &[(1, TIMESTAMP), (3, TIMESTAMP), (5, TIMESTAMP)]);
        assert_eq!(flags, [false, true, false, true, false, true]);
    }

    #[test]
    fn obituary_links_go_and_the_title_and_prose_stay() {
        let text = "Harold \"Hal\" Jensen Obituary\nHal Jensen died on Saturday.\nHarold Jensen Obituary\n\
                    More Obituaries for Harold Jensen\nRuth Anne Voss Obituary\n";
        assert_eq!(judged(text, &[]), [false, false, true, true, true]);
        let prose = "Title\nShe wrote her own obituary\nThe paper ran an Obituary\n";
        assert_eq!(judged(prose, &[]), [false, false, false]);
        let menu_first = "Obituaries\nAnn Lee Obituary\nAnn Lee died.\nTom Roe Obituary\n";
        assert_eq!(judged(menu_first, &[]), [false, false, false, true]);
    }
}
