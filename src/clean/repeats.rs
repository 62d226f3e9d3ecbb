//! Which earlier line a line repeats, with line keys made only where they can matter.
//!
//! Two lines repeat each other when their [`line_key`]s are equal: their texts are equal once ASCII
//! case and runs of white space are folded. Making a key reads the whole line, and most lines of a
//! page repeat none, so lines are first told apart by a [`fingerprint`]: their first and last words,
//! which lines with equal folded texts share. A line's key is made only when an earlier line shares
//! its fingerprint (or it is compared with the title), so most prose lines are never keyed.

use std::collections::HashMap;

use foldhash::fast::RandomState;

use super::text::{Line, line_key};

/// A cheap stand-in for a line's key: a hash of the first eight bytes of its first word and the
/// last eight of its last word (words split at ASCII white space, ASCII-lowercased). Lines whose
/// folded texts are equal have equal fingerprints, so lines with different fingerprints have
/// different folded texts.
pub fn fingerprint(text: &str) -> u64 {
    let bytes = text.trim().as_bytes();
    let first = word_end(bytes.iter());
    let last = word_end(bytes.iter().rev());
    let product = u128::from(first.rotate_left(32) ^ last) * u128::from(FINGERPRINT_MULTIPLIER);
    (product as u64) ^ ((product >> 64) as u64) ^ first
}

/// The odd multiplier that mixes the two words of a [`fingerprint`].
const FINGERPRINT_MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

/// Up to eight bytes of the word `bytes` walk from its end inwards (to the first ASCII white
/// space), ASCII-lowercased, packed into one integer in the order walked.
fn word_end<'a>(bytes: impl Iterator<Item = &'a u8>) -> u64 {
    bytes
        .take(8)
        .take_while(|b| !b.is_ascii_whitespace())
        .fold(0, |packed, &b| packed << 8 | u64::from(b.to_ascii_lowercase()))
}

/// A line's key, made when first asked for.
pub struct LazyKey<'a> {
    /// The line's trimmed text.
    text: &'a str,
    /// The key, once made.
    key: Option<u64>,
}

impl<'a> LazyKey<'a> {
    /// The key of `text`, not made yet.
    pub fn new(text: &'a str) -> Self {
        Self { text, key: None }
    }

    /// The key, made on the first call.
    pub fn get(&mut self) -> u64 {
        *self.key.get_or_insert_with(|| line_key(self.text))
    }
}

/// No line: the end of a chain of [`RepeatIndex::prev_unkeyed`].
const NONE: usize = usize::MAX;

/// The lines seen so far, by fingerprint, keyed only where needed: finds the first earlier line
/// with the key of a line, as a map of every seen line's key to its first line would.
pub struct RepeatIndex {
    /// The first line of every key made so far.
    first_of_key: HashMap<u64, usize, RandomState>,
    /// By fingerprint, the last seen line whose key is not made yet ([`NONE`] if there is none).
    last_unkeyed: HashMap<u64, usize, RandomState>,
    /// For each line not keyed yet, the unkeyed line before it with the same fingerprint.
    prev_unkeyed: Vec<usize>,
}

impl RepeatIndex {
    /// An index for a text of `lines` lines, holding none yet.
    pub fn new(lines: usize) -> Self {
        Self { first_of_key: HashMap::default(), last_unkeyed: HashMap::default(), prev_unkeyed: vec![NONE; lines] }
    }

    /// The first line seen before with the key of a line of fingerprint `fp` (`None` if no line seen
    /// shares it). The key is made only when a line seen shares the fingerprint.
    pub fn first_with(&mut self, lines: &[Line<'_>], fp: u64, key: &mut LazyKey<'_>) -> Option<usize> {
        if !self.last_unkeyed.contains_key(&fp) {
            return None;
        }
        self.key_unkeyed(lines, fp);
        self.first_of_key.get(&key.get()).copied()
    }

    /// Adds line `index` of fingerprint `fp`, keyed now if its key was made, else when it must be.
    pub fn add(&mut self, lines: &[Line<'_>], index: usize, fp: u64, key: &LazyKey<'_>) {
        match key.key {
            Some(k) => {
                // The lines before it with its fingerprint go first, so each key keeps its first line.
                self.key_unkeyed(lines, fp);
                self.last_unkeyed.entry(fp).or_insert(NONE);
                self.first_of_key.entry(k).or_insert(index);
            }
            None => {
                let last = self.last_unkeyed.entry(fp).or_insert(NONE);
                self.prev_unkeyed[index] = *last;
                *last = index;
            }
        }
    }

    /// Makes the keys of the lines of fingerprint `fp` not keyed yet, in line order (the entry of
    /// the fingerprint stays, empty, to say that lines with it were seen).
    fn key_unkeyed(&mut self, lines: &[Line<'_>], fp: u64) {
        let Some(last) = self.last_unkeyed.get_mut(&fp) else { return };
        let mut chain = Vec::new();
        let mut at = std::mem::replace(last, NONE);
        while at != NONE {
            chain.push(at);
            at = self.prev_unkeyed[at];
        }
        for &index in chain.iter().rev() {
            self.first_of_key.entry(line_key(lines[index].trimmed())).or_insert(index);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::text::{lines, random_texts};
    use super::*;

    #[test]
    fn equal_keys_have_equal_fingerprints() {
        const PIECES: &[&str] = &["Word", "word", "WORD", " ", "  ", "\t", "\r", "\x0c", "é", "É", "\u{a0}", "a.", "A"];
        let texts = random_texts(PIECES, 17, 4000, |i| 1 + i % 12);
        let mut by_key: HashMap<u64, (u64, &str)> = HashMap::new();
        let mut shared = 0;
        for t in &texts {
            let (fp, first) = *by_key.entry(line_key(t)).or_insert((fingerprint(t), t));
            assert_eq!(fingerprint(t), fp, "{t:?} and {first:?}");
            shared += usize::from(first != t);
        }
        assert!(by_key.len() > 100 && shared > 100, "{} keys, {shared} shared by other texts", by_key.len());
        assert_ne!(fingerprint("The cat sat."), fingerprint("The dog sat!"));
        assert_eq!(fingerprint("  The cat\t sat. "), fingerprint("the CAT sat."));
    }

    /// The first earlier line with each line's key, from a map of every line's key.
    fn first_by_keys(text: &str) -> Vec<Option<usize>> {
        let mut first: HashMap<u64, usize> = HashMap::new();
        let mut out = Vec::new();
        for line in lines(text) {
            let key = line_key(line.trimmed());
            out.push(first.get(&key).copied());
            first.entry(key).or_insert(line.index);
        }
        out
    }

    #[test]
    fn finds_the_first_line_a_map_of_every_key_finds() {
        const PIECES: &[&str] =
            &["a ", "A ", "b ", "a b ", "a  b ", "b a ", "c\t", "x", "\n", "\n", "\n", "end.", "End. ", "é"];
        let mut found = 0;
        for (k, text) in random_texts(PIECES, 23, 1500, |i| 1 + i % 60).iter().enumerate() {
            let all = lines(text);
            let want = first_by_keys(text);
            let mut index = RepeatIndex::new(all.len());
            for line in &all {
                let t = line.trimmed();
                let fp = fingerprint(t);
                let mut key = LazyKey::new(t);
                // Some lines are keyed before they are added, as the title comparison does.
                if (k + line.index) % 5 == 0 {
                    key.get();
                }
                let got = index.first_with(&all, fp, &mut key);
                assert_eq!(got, want[line.index], "{text:?} line {}", line.index);
                found += usize::from(got.is_some());
                index.add(&all, line.index, fp, &key);
            }
        }
        assert!(found > 1000, "repeats are found: {found}");
    }
}
