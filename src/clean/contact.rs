//! Contact footers: a site's address with telephone and fax numbers (`1 Harbor Way, Suite 4 | 555-010-0100
//! tel | 555-010-0101 fax`, `Phone: 555-010-0100`), a press release's `Media contact: Ann Lee, 555-010-0100`. The labels are searched for in one scan of each run of
//! lines short enough to be footers, so long paragraphs and lines without labels cost nothing; a line is a
//! footer when it is short, holds a phone number next to its label and is not a sentence (`The tip line's
//! phone number is 555-010-0100.` stays).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use super::layout::Verdict;
use super::rules::CONTACT_FOOTER;
use super::text::{Line, ends_sentence, quote};

/// Most words of a contact footer line.
const MAX_WORDS: usize = 40;

/// The labels of a phone or fax number in the three cases they are printed in, matched as whole words.
/// (Spelled out rather than matched case-insensitively: the automaton's SIMD prefilter then skips text
/// between candidates instead of stepping through every `t`, `f` and `p`.)
const LABELS: &[&str] = &[
    "tel",
    "Tel",
    "TEL",
    "telephone",
    "Telephone",
    "TELEPHONE",
    "fax",
    "Fax",
    "FAX",
    "phone",
    "Phone",
    "PHONE",
    "Contact",
    "contact",
    "CONTACT",
];

/// Where the `contact` labels start in [`LABELS`]: a line with one is a footer only as a press contact.
const CONTACT_LABELS: usize = 12;

/// The openings of a press release's contact line (`Media contact: Ann Lee, 555-010-0100`); an
/// `Emergency contact: 555-010-0100` in a story's help box is part of the story.
const PRESS_CONTACTS: [&str; 4] = ["contact:", "media contact", "press contact", "contacts:"];

/// Whether `t` opens with one of the [`PRESS_CONTACTS`], ASCII case ignored.
fn is_press_contact(t: &str) -> bool {
    PRESS_CONTACTS.iter().any(|o| t.get(..o.len()).is_some_and(|h| h.eq_ignore_ascii_case(o)))
}

static LABEL_FINDER: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(LABELS).ok());

static PHONE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?:\+?\d{1,3}[ .-]?)?\(?\d{2,4}\)?[ .-]\d{3,4}[ .-]\d{3,4}").ok());

/// Marks contact footer lines not judged yet (`words`: the words of each line, [`super::text::line_words`]).
pub fn judge(raw: &str, lines: &[Line<'_>], words: &[usize], verdicts: &mut [Option<Verdict>]) {
    let short = |l: &Line<'_>| words[l.index] <= MAX_WORDS;
    for run in lines.chunk_by(|a, b| short(a) == short(b)) {
        if run.first().is_some_and(short) && run.iter().any(|l| words[l.index] > 0) {
            judge_run(raw, run, verdicts);
        }
    }
    judge_blocks(lines, words, verdicts);
}

/// Headers of a contact block, alone on a line (compared ignoring ASCII case, a closing colon aside).
const BLOCK_HEADERS: [&str; 10] = [
    "contact",
    "contacts",
    "media contact",
    "media contacts",
    "press contact",
    "press contacts",
    "investor contact",
    "investor contacts",
    "media inquiries",
    "media enquiries",
];

/// Most lines of a contact block under its header.
const MAX_BLOCK_LINES: usize = 10;

/// What a line of a contact block holds.
#[derive(Clone, Copy, PartialEq)]
enum Entry {
    /// An e-mail address or a phone number: the block reaches at least this far.
    Reach,
    /// A name, a role or a label (`Investor Relations:`): part of the block only before a [`Entry::Reach`].
    Name,
}

/// Marks the lines of a press release's or news office's contact block: under a header such as
/// `Contacts` or `Media Contact`, the names, labels, e-mail addresses and phone numbers printed one a
/// line, up to the last address or number (a title-case subhead after the block is no name of it). The
/// header goes with them; a header with no address or number under it stays, and so does every line
/// after the first sentence.
fn judge_blocks(lines: &[Line<'_>], words: &[usize], verdicts: &mut [Option<Verdict>]) {
    for header in lines.iter().filter(|l| words[l.index] <= 3 && is_block_header(l.trimmed())) {
        let mut reach = None;
        let mut seen = 0;
        for l in lines[header.index + 1..].iter().filter(|l| !l.is_blank()).take(MAX_BLOCK_LINES) {
            // A line judged before (an address as a byline) is part of the block.
            let judged = verdicts[l.index].is_some().then_some(Entry::Name);
            match entry(l.trimmed(), words[l.index]).or(judged) {
                Some(Entry::Reach) => reach = Some(l.index),
                Some(Entry::Name) => {}
                None => break,
            }
            seen += 1;
        }
        let Some(end) = reach.filter(|_| seen > 0) else { continue };
        for l in &lines[header.index..=end] {
            if !l.is_blank() && verdicts[l.index].is_none() {
                let reason = format!("contact block: {:?}", quote(l.trimmed(), 60));
                verdicts[l.index] = Some(Verdict::builtin(CONTACT_FOOTER, reason));
            }
        }
    }
}

/// Whether `t` is one of the [`BLOCK_HEADERS`].
fn is_block_header(t: &str) -> bool {
    let first = t.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
    matches!(first, b'c' | b'm' | b'p' | b'i')
        && BLOCK_HEADERS.iter().any(|h| t.trim_end_matches(':').eq_ignore_ascii_case(h))
}

/// The kind of a contact block's line of `words` words, if it is one: an e-mail address or a phone
/// number, after an optional label (`Tel: +1 512-555-0143`), reaches; a label ending with a colon, or up
/// to five capitalised words (`Anika Sorensen`, `Director of Communications`) is a name.
fn entry(t: &str, words: usize) -> Option<Entry> {
    if words > 6 {
        return None;
    }
    if t.ends_with(':') {
        return (words <= 3).then_some(Entry::Name);
    }
    if ends_sentence(t) {
        return None;
    }
    let value = t.split_once(": ").map_or(t, |(_, v)| v).trim();
    let email = !value.contains(' ')
        && value.split_once('@').is_some_and(|(user, host)| !user.is_empty() && host.contains('.'));
    let digits = value.bytes().filter(u8::is_ascii_digit).count();
    let phone = (7..=15).contains(&digits) && value.bytes().all(|b| b.is_ascii_digit() || b" ()+-.".contains(&b));
    if email || phone {
        return Some(Entry::Reach);
    }
    let connector = |w: &str| matches!(w, "of" | "and" | "for" | "&");
    let name = words <= 5
        && t.split(' ').all(|w| connector(w) || w.starts_with(|c: char| c.is_uppercase()))
        && !t.contains(['"', '“', '?', '!']);
    name.then_some(Entry::Name)
}

/// Marks contact footer lines not judged yet among `run`, consecutive lines of at most [`MAX_WORDS`]
/// words: no label holds a line break, so a search of the run finds the labels of its lines.
fn judge_run(raw: &str, run: &[Line<'_>], verdicts: &mut [Option<Verdict>]) {
    let (Some(finder), Some(phone)) = (LABEL_FINDER.as_ref(), PHONE.as_ref()) else { return };
    let (Some(first), Some(last)) = (run.first(), run.last()) else { return };
    let Some(haystack) = raw.get(first.start..last.end) else { return };
    let bytes = raw.as_bytes();
    let mut done = None;
    for m in finder.find_iter(haystack) {
        let (start, end) = (first.start + m.start(), first.start + m.end());
        let alone = |at: Option<&u8>| at.is_none_or(|b| !b.is_ascii_alphanumeric());
        if !alone(start.checked_sub(1).and_then(|i| bytes.get(i))) || !alone(bytes.get(end)) {
            continue;
        }
        let Some(line) = run.get(run.partition_point(|l| l.next <= start)) else { continue };
        if done == Some(line.index) || verdicts[line.index].is_some() {
            continue;
        }
        let t = line.trimmed();
        // A `contact` label counts only in a press contact line; a phone label later in the line may.
        if m.pattern().as_usize() >= CONTACT_LABELS && !is_press_contact(t) {
            continue;
        }
        done = Some(line.index);
        if !ends_sentence(t) && phone.is_match(t) {
            let reason = format!("contact footer: {:?}", quote(t, 60));
            verdicts[line.index] = Some(Verdict::builtin(CONTACT_FOOTER, reason));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::layout::flagged_lines;
    use super::super::text::line_words;
    use super::*;

    fn judged(text: &str) -> Vec<bool> {
        flagged_lines(text, |l, v| judge(text, l, &line_words(l), v))
    }

    #[test]
    fn address_and_phone_lines_go() {
        let text = "The ferry sailed.\n1 Harbor Way, Suite 4 | 555-010-0100 tel | 555-010-0101 fax\nPhone: 555-010-0102\n\
                    Harbor office / TEL : +44 20 7946 0958\n";
        assert_eq!(judged(text), vec![false, true, true, true]);
    }

    #[test]
    fn press_contact_lines_go() {
        let text = "The ferry sailed.\nMedia contact: Ann Lee, 555-010-0100, ann@harbor.example\n\
                    CONTACT: Press Office (555) 010-0199\n";
        assert_eq!(judged(text), vec![false, true, true]);
    }

    #[test]
    fn contact_in_sentences_help_boxes_and_other_words_stays() {
        let text = "Residents can contact the tip line at 555-010-0100.\nContact tracing reached 2,300 people\n\
                    The contactless gates log 555-010-0100 taps a day\nEmergency contact: 555-010-0100\n";
        assert_eq!(judged(text), vec![false, false, false, false]);
        // A phone label after a `contact` that is no press contact still counts.
        assert_eq!(judged("Emergency contact phone: 555-010-0100\n"), vec![true]);
        assert!(LABELS[CONTACT_LABELS..].iter().all(|l| l.eq_ignore_ascii_case("contact")));
        assert!(LABELS[..CONTACT_LABELS].iter().all(|l| !l.eq_ignore_ascii_case("contact")));
    }

    #[test]
    fn sentences_and_words_containing_the_labels_stay() {
        let text = "The tip line's phone number is 555-010-0100.\nThe hotel sold 555-010 rooms in 2019 and 2020\n\
                    Call the smartphone desk on 555-010-0100\nThe fax machine broke.\n";
        assert_eq!(judged(text), vec![false, false, false, false]);
    }

    #[test]
    fn a_contact_block_goes_down_to_its_last_address_or_number() {
        let text = "The firm did well.\nContacts\nInvestor Relations:\nMarc Lee\nir@harbour.example\n+1 512-555-0143\n\
                    Media:\nAnn Sorensen\npress@harbour.example\n";
        assert_eq!(judged(text), vec![false, true, true, true, true, true, true, true, true]);
        // A title-case subhead after the last number is no name of the block.
        let text = "The ferry sailed.\nMedia Contact\nLi Wei\n(555) 014-2291\nHarbour Wins Cup\nIt was close.\n";
        assert_eq!(judged(text), vec![false, true, true, true, false, false]);
    }

    #[test]
    fn a_contact_header_without_an_address_or_number_under_it_stays() {
        let text = "Contacts\nAnn Lee\nTom Reyes\n";
        assert_eq!(judged(text), vec![false, false, false]);
        let text = "Contact\nThe press office can be reached at 555-010-0100 on weekdays.\n";
        assert_eq!(judged(text), vec![false, false]);
        let text = "Contacts\nThe ferry office opens at nine.\nann@harbour.example\n";
        assert_eq!(judged(text), vec![false, false, false]);
    }

    #[test]
    fn only_lines_short_enough_are_footers_between_long_paragraphs() {
        let long = "word ".repeat(45);
        let text = format!(
            "{long}Phone: 555-010-0100\nPhone: 555-010-0102\n{long}\n\nFax 555-010-0101\n{long}fax 555-010-0103"
        );
        assert_eq!(judged(&text), vec![false, true, false, false, true, false]);
    }
}
