//! Contact footers: a site's address with telephone and fax numbers (`1 Harbor Way, Suite 4 | 555-010-0100
//! tel | 555-010-0101 fax`, `Phone: 555-010-0100`). The labels are found by one scan of the whole text, so
//! lines without them cost nothing; a line is a footer when it is short, holds a phone number next to its
//! label and is not a sentence (`The tip line's phone number is 555-010-0100.` stays).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use super::layout::Verdict;
use super::rules::CONTACT_FOOTER;
use super::text::{Line, at_most_words, ends_sentence, quote};

/// Most words of a contact footer line.
const MAX_WORDS: usize = 40;

/// The labels of a phone or fax number in the three cases they are printed in, matched as whole words.
/// (Spelled out rather than matched case-insensitively: the automaton's SIMD prefilter then skips text
/// between candidates instead of stepping through every `t`, `f` and `p`.)
const LABELS: &[&str] =
    &["tel", "Tel", "TEL", "telephone", "Telephone", "TELEPHONE", "fax", "Fax", "FAX", "phone", "Phone", "PHONE"];

static LABEL_FINDER: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(LABELS).ok());

static PHONE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?:\+?\d{1,3}[ .-]?)?\(?\d{2,4}\)?[ .-]\d{3,4}[ .-]\d{3,4}").ok());

/// Marks contact footer lines not judged yet.
pub fn judge(raw: &str, lines: &[Line<'_>], verdicts: &mut [Option<Verdict>]) {
    let (Some(finder), Some(phone)) = (LABEL_FINDER.as_ref(), PHONE.as_ref()) else { return };
    let bytes = raw.as_bytes();
    let mut last = None;
    for m in finder.find_iter(raw) {
        let alone = |at: Option<&u8>| at.is_none_or(|b| !b.is_ascii_alphanumeric());
        if !alone(m.start().checked_sub(1).and_then(|i| bytes.get(i))) || !alone(bytes.get(m.end())) {
            continue;
        }
        let index = lines.partition_point(|l| l.next <= m.start());
        if last == Some(index) || index >= lines.len() || verdicts[index].is_some() {
            continue;
        }
        last = Some(index);
        let t = lines[index].trimmed();
        if at_most_words(t, MAX_WORDS) && !ends_sentence(t) && phone.is_match(t) {
            let reason = format!("contact footer: {:?}", quote(t, 60));
            verdicts[index] = Some(Verdict::builtin(CONTACT_FOOTER, reason));
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
    fn address_and_phone_lines_go() {
        let text = "The ferry sailed.\n1 Harbor Way, Suite 4 | 555-010-0100 tel | 555-010-0101 fax\nPhone: 555-010-0102\n\
                    Harbor office / TEL : +44 20 7946 0958\n";
        assert_eq!(judged(text), vec![false, true, true, true]);
    }

    #[test]
    fn sentences_and_words_containing_the_labels_stay() {
        let text = "The tip line's phone number is 555-010-0100.\nThe hotel sold 555-010 rooms in 2019 and 2020\n\
                    Call the smartphone desk on 555-010-0100\nThe fax machine broke.\n";
        assert_eq!(judged(text), vec![false, false, false, false]);
    }
}
