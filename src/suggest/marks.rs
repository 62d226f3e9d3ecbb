//! Where the news heuristics look, found in one walk over a text's token facts: bit masks, 32 tokens
//! at a time, of the tokens that may start a person's name, of the person rules' cues, and of the
//! tokens with each fact of [`LISTED`] (first words of gazetteer entries, organisation suffixes and
//! descriptors, kinds of place). Each rule that looks only at tokens with some fact used to scan every
//! token's facts for its own: six scans of all the tokens are now one.

use super::facts::Facts;
use super::people::{CUES, NAME_START};
use crate::clean::swar::{HIGHS, top_bits};

/// How many tokens one mask is about.
pub const CHUNK: usize = 32;

/// The facts whose tokens [`Marks::with`] lists, each on a list of its own.
const LISTED: [Facts; 5] =
    [Facts::ENTITY_START, Facts::ORG_SUFFIX, Facts::ORG_DESCRIPTOR, Facts::PLACE_NOUN, Facts::PLACE_KIND];

/// Every fact of [`LISTED`].
const ANY_LISTED: Facts = LISTED[0].union(LISTED[1]).union(LISTED[2]).union(LISTED[3]).union(LISTED[4]);

/// The tokens of a text where the rules look, by the facts they look for.
#[derive(Debug, Default)]
pub struct Marks {
    /// The masks of each [`CHUNK`] tokens (the last chunk may be shorter).
    chunks: Vec<ChunkMarks>,
}

/// Which tokens of a chunk of [`CHUNK`] have facts of interest: bit `k` of a mask is about token `k`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ChunkMarks {
    /// The tokens that may start a person's name (a fact of [`NAME_START`]).
    pub starts: u32,
    /// The tokens with a cue of the person rules (a fact of [`CUES`]).
    pub cues: u32,
    /// The tokens with each fact of [`LISTED`], in its order.
    listed: [u32; LISTED.len()],
}

impl Marks {
    /// The marks of the tokens with these facts, in one pass over them a chunk at a time.
    pub fn of(facts: &[Facts]) -> Self {
        let mut chunks = Vec::with_capacity(facts.len().div_ceil(CHUNK));
        let mut whole = facts.chunks_exact(CHUNK);
        for chunk in whole.by_ref() {
            let mut copy = [Facts::NONE; CHUNK];
            copy.copy_from_slice(chunk);
            chunks.push(chunk_marks(&copy));
        }
        let tail = whole.remainder();
        if !tail.is_empty() {
            let mut padded = [Facts::NONE; CHUNK];
            padded[..tail.len()].copy_from_slice(tail);
            chunks.push(chunk_marks(&padded));
        }
        Self { chunks }
    }

    /// The masks of each [`CHUNK`] tokens.
    pub fn chunks(&self) -> &[ChunkMarks] {
        &self.chunks
    }

    /// The indices of the tokens that have `fact`, increasing; `fact` is one of [`LISTED`] (no token is
    /// marked for another).
    pub fn with(&self, fact: Facts) -> Indices<'_> {
        debug_assert!(LISTED.contains(&fact), "{fact:?} is not listed");
        let k = LISTED.iter().position(|&f| f == fact);
        let chunks = if k.is_some() { &self.chunks[..] } else { &[] };
        Indices { chunks, k: k.unwrap_or(0), base: 0, next: 0, mask: 0 }
    }
}

/// The iterator of [`Marks::with`]: the marked tokens of two chunks are held as the bits of one `u64`
/// and given lowest first (one loop exit, which mispredicts, for every two chunks).
pub struct Indices<'a> {
    /// The chunks not looked into yet.
    chunks: &'a [ChunkMarks],
    /// Which fact of [`LISTED`].
    k: usize,
    /// The index of the token of bit 0 of `mask`.
    base: usize,
    /// The index of the first token of `chunks`.
    next: usize,
    /// The marked tokens not given yet.
    mask: u64,
}

impl Iterator for Indices<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        while self.mask == 0 {
            let (first, rest) = self.chunks.split_first()?;
            let second = rest.first().map_or(0, |c| c.listed[self.k]);
            self.mask = u64::from(first.listed[self.k]) | u64::from(second) << CHUNK;
            self.chunks = rest.get(1..).unwrap_or_default();
            self.base = self.next;
            self.next += 2 * CHUNK;
        }
        let i = self.base + self.mask.trailing_zeros() as usize;
        self.mask &= self.mask - 1;
        Some(i)
    }
}

/// The masks of one chunk. Those of the person rules and of a fact of [`LISTED`] come from one flag
/// byte per token, written so the compiler turns it into vector instructions (bit 7: a name start, bit
/// 6: a cue, bit 5: a fact of [`LISTED`]); the top bits of eight flags are gathered by one
/// multiplication. The tokens with a fact of [`LISTED`] are rare: only they are looked at again, each
/// set on the mask of every such fact it has, with no branch.
#[inline(always)]
fn chunk_marks(chunk: &[Facts; CHUNK]) -> ChunkMarks {
    let mut flags = [[0u8; 8]; CHUNK / 8];
    for (flag, f) in flags.as_flattened_mut().iter_mut().zip(chunk) {
        *flag = u8::from(f.any(NAME_START)) << 7 | u8::from(f.any(CUES)) << 6 | u8::from(f.any(ANY_LISTED)) << 5;
    }
    let bit = |shift: u32| top_bits(&flags.map(|group| (u64::from_le_bytes(group) << shift & HIGHS).to_le_bytes()));
    let mut listed = [0; LISTED.len()];
    let mut rest = bit(2);
    while rest != 0 {
        let k = rest.trailing_zeros();
        for (mask, fact) in listed.iter_mut().zip(LISTED) {
            *mask |= u32::from(chunk[k as usize].has(fact)) << k;
        }
        rest &= rest - 1;
    }
    ChunkMarks { starts: bit(0), cues: bit(1), listed }
}

/// Calls `each` with the index of every token whose bit is set in masks of [`CHUNK`] tokens each, in order.
/// Two masks are joined into one `u64` and its bits taken in one loop: the loop's exit depends on
/// how many tokens are marked and mispredicts about once a loop, so half as many loops mispredict
/// half as often.
#[inline(always)]
pub fn each_index(mut masks: impl Iterator<Item = u32>, mut each: impl FnMut(usize)) {
    let mut from = 0;
    while let Some(low) = masks.next() {
        let mut mask = u64::from(low) | u64::from(masks.next().unwrap_or(0)) << CHUNK;
        while mask != 0 {
            each(from + mask.trailing_zeros() as usize);
            mask &= mask - 1;
        }
        from += 2 * CHUNK;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::facts::Lexicon;

    /// Facts a token may have: the ones [`Marks::of`] tests and others.
    const SOME_FACTS: [Facts; 15] = [
        Facts::NAME_WORD,
        Facts::CAPITAL_LETTER,
        Facts::ROLE_NOUN,
        Facts::SPEECH_VERB,
        Facts::TITLE,
        Facts::PLACE_NOUN,
        Facts::GIVEN_NAME,
        Facts::LOWER_START,
        Facts::PERIOD,
        Facts::ENTITY_WORD,
        Facts::ENTITY_START,
        Facts::ORG_SUFFIX,
        Facts::ORG_DESCRIPTOR,
        Facts::PLACE_KIND,
        Facts::CALENDAR,
    ];

    /// The tokens of the first (`cues`: second) people masks, as the person rules visit them.
    fn marked(marks: &Marks, cues: bool) -> Vec<usize> {
        let mut marked = Vec::new();
        each_index(marks.chunks().iter().map(|m| if cues { m.cues } else { m.starts }), |i| marked.push(i));
        marked
    }

    /// Checks every mask and list of `facts`' marks against a test of each token.
    fn assert_marks_agree(facts: &[Facts]) {
        let all_with = |set: Facts| (0..facts.len()).filter(|&i| facts[i].any(set)).collect::<Vec<_>>();
        let marks = Marks::of(facts);
        assert_eq!(marks.chunks().len(), facts.len().div_ceil(CHUNK));
        assert_eq!(marked(&marks, false), all_with(NAME_START));
        assert_eq!(marked(&marks, true), all_with(CUES));
        for fact in LISTED {
            assert_eq!(marks.with(fact).collect::<Vec<_>>(), all_with(fact), "{fact:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn marks_give_the_tokens_a_token_by_token_test_gives(
            picks in proptest::collection::vec(proptest::collection::vec(0usize..SOME_FACTS.len(), 0..4), 0..200),
        ) {
            let facts: Vec<Facts> =
                picks.iter().map(|p| p.iter().fold(Facts::NONE, |all, &k| all | SOME_FACTS[k])).collect();
            assert_marks_agree(&facts);
        }

        #[test]
        fn each_index_calls_the_set_bits_in_order(masks in proptest::collection::vec(proptest::prelude::any::<u32>(), 0..9)) {
            let mut got = Vec::new();
            each_index(masks.iter().copied(), |i| got.push(i));
            let want: Vec<usize> =
                (0..masks.len() * CHUNK).filter(|&i| masks[i / CHUNK] >> (i % CHUNK) & 1 == 1).collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn marks_cover_every_token_of_a_text() {
        let text = "Sen. Ann Lee said on Monday that spokesman John Smith of research firm Acme Corp, in the town \
                    of Paradise in Butte County, New York, W. Bush. "
            .repeat(7);
        let (_, facts) = Lexicon::shipped().tokens_and_facts(&text);
        assert!(facts.len() > 2 * CHUNK && facts.len() % CHUNK != 0, "{}", facts.len());
        for fact in LISTED {
            assert!(facts.iter().filter(|f| f.has(fact)).count() >= 7, "{fact:?} is in every sentence");
        }
        assert_marks_agree(&facts);
        assert_marks_agree(&facts[..CHUNK]);
        assert_marks_agree(&[]);
    }

    #[test]
    fn a_token_with_several_listed_facts_is_on_each_of_their_lists() {
        let both = Facts::ORG_SUFFIX | Facts::PLACE_NOUN | Facts::ENTITY_START;
        let facts = [Facts::NONE, both, Facts::PLACE_KIND, Facts::NAME_WORD, Facts::ORG_SUFFIX];
        let marks = Marks::of(&facts);
        let with = |fact: Facts| marks.with(fact).collect::<Vec<_>>();
        assert_eq!(with(Facts::ORG_SUFFIX), [1, 4]);
        assert_eq!(with(Facts::PLACE_NOUN), [1]);
        assert_eq!(with(Facts::ENTITY_START), [1]);
        assert_eq!(with(Facts::PLACE_KIND), [2]);
        assert!(with(Facts::ORG_DESCRIPTOR).is_empty());
    }
}
