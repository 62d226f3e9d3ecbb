//! Word boundaries (UAX #29) for snapping selections and moving a caret by words.

use unicode_segmentation::UnicodeSegmentation as _;

/// Whether a segment counts as a word (it holds a letter or a digit).
fn is_word(segment: &str) -> bool {
    segment.chars().any(char::is_alphanumeric)
}

/// The byte ranges of the words of `text`, in order.
fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    text.split_word_bound_indices().filter(|(_, w)| is_word(w)).map(|(i, w)| (i, i + w.len()))
}

/// Grows `start..end` (bytes of `text`) to whole words: a word the range touches is taken whole,
/// and spaces or punctuation at either edge are dropped. Returns `None` when no word is touched.
pub fn snap_to_words(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let (start, end) = (start.min(end), start.max(end).min(text.len()));
    let touched: Vec<(usize, usize)> = if start == end {
        words(text).filter(|&(a, b)| a <= start && start <= b).take(1).collect()
    } else {
        words(text).filter(|&(a, b)| a < end && start < b).collect()
    };
    Some((touched.first()?.0, touched.last()?.1))
}

/// The start of the next word after `pos`, or the end of the word `pos` is in; the text's end when none.
pub fn next_word_end(text: &str, pos: usize) -> usize {
    words(text).find(|&(_, b)| b > pos).map_or(text.len(), |(_, b)| b)
}

/// The start of the word before `pos` (or of the word `pos` is inside); 0 when none.
pub fn prev_word_start(text: &str, pos: usize) -> usize {
    words(text).take_while(|&(a, _)| a < pos).last().map_or(0, |(a, _)| a)
}

/// The char boundary after `pos` (the text's end when at the end).
pub fn next_char(text: &str, pos: usize) -> usize {
    text.get(pos..).and_then(|rest| rest.chars().next()).map_or(text.len(), |c| pos + c.len_utf8())
}

/// The char boundary before `pos` (0 when at the start).
pub fn prev_char(text: &str, pos: usize) -> usize {
    text.get(..pos).and_then(|head| head.chars().next_back()).map_or(0, |c| pos - c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Gen. James Mattis, 68, said: «l'armée»";

    #[test]
    fn snaps_partial_selection_to_whole_words() {
        let j = TEXT.find("ames").unwrap_or(0);
        let m = TEXT.find("Matt").unwrap_or(0);
        assert_eq!(snap_to_words(TEXT, j, m + 2), Some((j - 1, m + 6)));
        assert_eq!(&TEXT[j - 1..m + 6], "James Mattis");
    }

    #[test]
    fn drops_punctuation_and_space_at_edges() {
        let from = TEXT.find(", 68").unwrap_or(0);
        assert_eq!(snap_to_words(TEXT, from, from + 5).map(|(a, b)| &TEXT[a..b]), Some("68"));
        assert_eq!(snap_to_words(TEXT, 4, 5), None, "a lone space touches no word");
    }

    #[test]
    fn caret_on_a_word_selects_it_and_non_ascii_words_hold() {
        let at = TEXT.find("armée").unwrap_or(0) + 2;
        assert_eq!(snap_to_words(TEXT, at, at).map(|(a, b)| &TEXT[a..b]), Some("l'armée"));
    }

    #[test]
    fn moves_by_words_and_chars() {
        assert_eq!(&TEXT[..next_word_end(TEXT, 0)], "Gen");
        let after_james = next_word_end(TEXT, 4);
        assert_eq!(&TEXT[..after_james], "Gen. James");
        assert_eq!(prev_word_start(TEXT, after_james), 5);
        assert_eq!(prev_word_start(TEXT, 0), 0);
        assert_eq!(next_word_end(TEXT, TEXT.len()), TEXT.len());
        let e = TEXT.find('é').unwrap_or(0);
        assert_eq!(next_char(TEXT, e), e + 2);
        assert_eq!(prev_char(TEXT, e + 2), e);
    }
}
