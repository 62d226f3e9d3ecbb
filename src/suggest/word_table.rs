//! A fixed set of words, each with a value, for look-ups in the suggester's per-token loops: a word's
//! bytes are loaded as two integers that, with its length, identify any word of up to 16 bytes (nearly
//! every word), so a look-up is a multiplication, a table index and one comparison of integers, with
//! no hashing of the bytes one by one and no call to `memcmp`.

use std::collections::HashMap;
use std::hash::BuildHasher;

/// The words and their values, in an open-addressing table at most a quarter full (a word that is not
/// there, as most tokens are not, is told apart in fewer probes than at half full), behind a filter on
/// the words' first two bytes and length that turns most other words away before any hashing.
#[derive(Debug, Clone)]
pub struct WordTable<V> {
    /// Bit `n` of entry [`lead_index`]: some word of `n` bytes (31: 31 or more) starts with such bytes.
    leads: Box<[u32; LEADS]>,
    /// Bit `n` of entry [`short_lead_index`] of a word of `n` bytes (1 to 7), read by
    /// [`get_short`](Self::get_short): the lead filter with its index taken from the word's bytes in one
    /// operation.
    short_leads: Box<[u8; SHORT_LEADS]>,
    slots: Vec<Slot<V>>,
    /// The word of each slot, compared only for words longer than 16 bytes.
    words: Vec<&'static str>,
    /// Bits of the hash that index `slots`.
    shift: u32,
}

/// One slot of the table: a word's [`Key`] (length 0: empty) and value.
#[derive(Debug, Clone, Copy)]
struct Slot<V> {
    key: Key,
    value: V,
}

/// A word's length and two integers read from its bytes; equal keys mean equal words for words of up to
/// 16 bytes (the integers then cover every byte).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Key {
    head: u64,
    tail: u64,
    len: usize,
}

/// The longest words whose [`Key`] covers all their bytes.
const KEY_COVERS: usize = 16;

impl Key {
    /// The key of a word: its first and last 8 bytes (overlapping for words of 9 to 15 bytes), or, up
    /// to 8 bytes, its bytes padded with zeros ([`Key::short`]), read as two overlapping halves (or,
    /// under 4 bytes, as its first, middle and last byte, each in its place).
    #[inline]
    fn of(word: &[u8]) -> Self {
        let len = word.len();
        let head = match len {
            9.. => return Self { head: read_u64(word, 0), tail: read_u64(word, len - 8), len },
            4..=8 => u64::from(read_u32(word, 0)) | u64::from(read_u32(word, len - 4)) << (8 * (len - 4)),
            1..4 => {
                let (middle, last) = (len / 2, len - 1);
                u64::from(word[0]) | u64::from(word[middle]) << (8 * middle) | u64::from(word[last]) << (8 * last)
            }
            0 => 0,
        };
        Self::short(head, len)
    }

    /// The key of a word of `len` bytes, at most 8, given as a little-endian integer padded with zeros.
    #[inline(always)]
    fn short(head: u64, len: usize) -> Self {
        Self { head, tail: 0, len }
    }

    /// A hash of the key whose top `64 - shift` bits pick the slot.
    #[inline]
    fn hash(self) -> u64 {
        (self.head ^ self.tail.rotate_left(29) ^ self.len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }
}

/// The number of entries of the lead filter: six bits of a word's first byte (keeping ASCII case apart)
/// and five of its second.
const LEADS: usize = 1 << 11;

/// The entry of the lead filter for a word starting with bytes `first` and `second` ([`lead`]).
#[inline(always)]
fn lead_index(first: u8, second: u8) -> usize {
    usize::from(first & 0x3f) << 5 | usize::from(second & 0x1f)
}

/// The number of entries of the short words' lead filter: indices of 13 bits, the low 6 bits of a word's
/// first byte and the low 5 of its second.
const SHORT_LEADS: usize = 0x1f40;

/// The entry of the short words' lead filter for a word of up to 7 bytes padded with zeros: the same bits
/// of its first two bytes as [`lead_index`], read in place.
#[inline(always)]
fn short_lead_index(head: u64) -> usize {
    (head & 0x1f3f) as usize
}

/// The lead filter's bit of a word length.
#[inline(always)]
fn lead_bit(len: usize) -> u32 {
    1 << len.min(31)
}

/// The first two bytes of a word (the second 0 for a word of one byte), `None` for the empty word.
#[inline(always)]
fn lead(word: &[u8]) -> Option<(u8, u8)> {
    match *word {
        [first, second, ..] => Some((first, second)),
        [first] => Some((first, 0)),
        [] => None,
    }
}

/// The 8 bytes at `at` as a little-endian integer (the caller checks they exist).
#[inline]
fn read_u64(bytes: &[u8], at: usize) -> u64 {
    let mut buf = [0; 8];
    buf.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(buf)
}

/// The 4 bytes at `at` as a little-endian integer (the caller checks they exist).
#[inline]
fn read_u32(bytes: &[u8], at: usize) -> u32 {
    let mut buf = [0; 4];
    buf.copy_from_slice(&bytes[at..at + 4]);
    u32::from_le_bytes(buf)
}

impl<V: Copy + Default> WordTable<V> {
    /// The table of a map's words and values (an empty word is left out: it is never looked up).
    pub fn new<S: BuildHasher>(map: &HashMap<&'static str, V, S>) -> Self {
        let wanted = (4 * map.len()).next_power_of_two().max(16);
        let shift = 64 - wanted.trailing_zeros();
        let empty = Slot { key: Key::default(), value: V::default() };
        let (leads, short_leads) = (Box::new([0; LEADS]), Box::new([0; SHORT_LEADS]));
        let mut table = Self { leads, short_leads, slots: vec![empty; wanted], words: vec![""; wanted], shift };
        for (&word, &value) in map.iter() {
            let Some((first, second)) = lead(word.as_bytes()) else { continue };
            table.leads[lead_index(first, second)] |= lead_bit(word.len());
            let key = Key::of(word.as_bytes());
            if key.len < 8 {
                table.short_leads[short_lead_index(key.head)] |= 1 << key.len;
            }
            let mut i = table.first_slot(key);
            while table.slots[i].key.len != 0 {
                i = (i + 1) & (wanted - 1);
            }
            table.slots[i] = Slot { key, value };
            table.words[i] = word;
        }
        table
    }

    /// The slot where the search for `key` starts.
    #[inline]
    fn first_slot(&self, key: Key) -> usize {
        (key.hash() >> self.shift) as usize
    }

    /// The value of the word of bytes `word`, if it is in the table.
    #[inline(always)]
    pub fn get(&self, word: &[u8]) -> Option<V> {
        let (first, second) = lead(word)?;
        if self.leads[lead_index(first, second)] & lead_bit(word.len()) == 0 {
            return None;
        }
        self.find(Key::of(word), word)
    }

    /// The value of the word of `len` bytes (1 to 7) given as a little-endian integer padded with zeros
    /// (as [`get`](Self::get) of those bytes, without reading them from memory again).
    #[inline(always)]
    pub fn get_short(&self, head: u64, len: usize) -> Option<V> {
        debug_assert!((1..8).contains(&len) && head >> (8 * len) == 0, "{head:x} {len}");
        if u32::from(self.short_leads[short_lead_index(head)]) >> len & 1 == 0 {
            return None;
        }
        // A key of at most 16 bytes is the whole word, which is then never read.
        self.find(Key::short(head, len), &[])
    }

    /// The value of the word of key `key` (and bytes `word`, read only beyond [`KEY_COVERS`] bytes).
    #[inline(always)]
    fn find(&self, key: Key, word: &[u8]) -> Option<V> {
        let mask = self.slots.len() - 1;
        let mut i = self.first_slot(key);
        loop {
            let slot = &self.slots[i];
            if slot.key == key && (key.len <= KEY_COVERS || self.words[i].as_bytes() == word) {
                return Some(slot.value);
            }
            if slot.key.len == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_exactly_the_words_put_in_of_every_length() {
        let words: Vec<&'static str> = vec![
            "a",
            "I",
            "an",
            "Al",
            "Ann",
            "May",
            "Mayo",
            "Ángela",
            "McDonald",
            "O'Neill",
            "Jean-Luc",
            "Christopher",
            "Massachusetts",
            "Representative",
            "Superintendent",
            "Pharmaceuticals",
            "an extremely long word list",
            "an extremely long word lisp",
        ];
        let map: HashMap<&'static str, usize> = words.iter().enumerate().map(|(i, &w)| (w, i + 1)).collect();
        let table = WordTable::new(&map);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(table.get(w.as_bytes()), Some(i + 1), "{w}");
        }
        let absent = [
            "",
            "A",
            "i",
            "na",
            "Anne",
            "Ma",
            "Mayor",
            "Angela",
            "Ángel",
            "McDonalds",
            "O'Neil",
            "Jean Luc",
            "Christophe",
            "Massachusetts.",
            "representative",
            "an extremely long word lisa",
            "an extremely long word lis",
            "n extremely long word list",
        ];
        for w in absent {
            assert_eq!(table.get(w.as_bytes()), None, "{w}");
        }
    }

    #[test]
    fn short_words_are_found_from_their_padded_bytes_as_from_their_bytes() {
        let words = ["a", "I", "an", "Al", "Ann", "May", "Mayo", "Ángela", "O'Neill", "said", "McDonald", "Senator"];
        let map: HashMap<&'static str, usize> = words.iter().enumerate().map(|(i, &w)| (w, i + 1)).collect();
        let table = WordTable::new(&map);
        let probes = ["a", "A", "I", "i", "an", "Al", "Ann", "May", "Mayo", "Maya", "said", "sai", "O'Neill", "Ángel"];
        for word in words.iter().chain(&probes).map(|w| w.as_bytes()).filter(|w| w.len() < 8) {
            let mut padded = [0; 8];
            padded[..word.len()].copy_from_slice(word);
            let head = u64::from_le_bytes(padded);
            assert_eq!(Key::of(word), Key::short(head, word.len()), "{word:?}");
            assert_eq!(table.get_short(head, word.len()), table.get(word), "{word:?}");
        }
        assert_eq!(table.get_short(u64::from(b'a'), 1), Some(1));
        assert_eq!(table.get_short(u64::from_le_bytes(*b"Mayor\0\0\0"), 5), None);
    }

    #[test]
    fn keys_tell_apart_words_that_share_their_sampled_bytes_only_by_length() {
        // "aba" and "abba" have the same first, middle and last bytes in different places.
        let words = ["aba", "abba", "abcba", "ab", "aab", "aaab"];
        for a in words {
            for b in words {
                assert_eq!(Key::of(a.as_bytes()) == Key::of(b.as_bytes()), a == b, "{a} {b}");
            }
        }
        let map: HashMap<&'static str, u8> = HashMap::new();
        assert_eq!(WordTable::new(&map).get(b"anything"), None, "an empty table");
    }
}
