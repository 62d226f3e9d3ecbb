//! What the news heuristics need to know about each token, worked out once per text: its shape
//! (capitalised, lower case, a lone capital letter, a period) and the word lists it is on (title, role
//! noun, function word, given name, gazetteer word…). One hash look-up per word replaces the separate
//! list tests each rule used to repeat for every token it looked at.

use std::collections::HashMap;
use std::sync::OnceLock;

use foldhash::fast::RandomState;

use super::gazetteer::Gazetteer;
use super::tokens::{PUNCTUATION, Token, Tokens, each_token, token_capacity};
use super::word_table::WordTable;
use super::words::{WordList, is_capitalised};

/// A set of facts about one token (bits, combined with `|`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Facts(u32);

impl Facts {
    /// No facts.
    pub const NONE: Self = Self(0);
    /// The first character is a letter.
    pub const ALPHA_START: Self = Self(1);
    /// The first character is a lower-case letter.
    pub const LOWER_START: Self = Self(1 << 1);
    /// The first character is an upper-case letter.
    pub const UPPER_START: Self = Self(1 << 2);
    /// Capitalised and not in capitals throughout ([`is_capitalised`]).
    pub const CAPITALISED: Self = Self(1 << 3);
    /// One upper-case letter ("W" of "W.").
    pub const CAPITAL_LETTER: Self = Self(1 << 4);
    /// The token is ".".
    pub const PERIOD: Self = Self(1 << 5);
    /// A capitalised function word ("The", "When").
    pub const FUNCTION_WORD: Self = Self(1 << 6);
    /// A noun ending organisation names ("Ministry").
    pub const ORG_SUFFIX: Self = Self(1 << 7);
    /// A noun ending place, building or event names ("Beach").
    pub const PLACE_NOUN: Self = Self(1 << 8);
    /// A title or honorific before a name ("Senator", "Dr").
    pub const TITLE: Self = Self(1 << 9);
    /// A title that also starts organisation names ("General").
    pub const AMBIGUOUS_TITLE: Self = Self(1 << 10);
    /// A lower-case role noun before a full name ("spokesman").
    pub const ROLE_NOUN: Self = Self(1 << 11);
    /// A verb of speech ("said").
    pub const SPEECH_VERB: Self = Self(1 << 12);
    /// A particle inside names ("von").
    pub const PARTICLE: Self = Self(1 << 13);
    /// A name suffix ("Jr").
    pub const NAME_SUFFIX: Self = Self(1 << 14);
    /// A weekday name or abbreviation.
    pub const WEEKDAY: Self = Self(1 << 15);
    /// A month or weekday name or abbreviation.
    pub const CALENDAR: Self = Self(1 << 16);
    /// A given name.
    pub const GIVEN_NAME: Self = Self(1 << 17);
    /// A gazetteer entry of one word ([`super::phrases::PhraseMatcher::has_word`]).
    pub const ENTITY_WORD: Self = Self(1 << 18);
    /// The first word of some gazetteer entry.
    pub const ENTITY_START: Self = Self(1 << 19);
    /// An organisation suffix often abbreviated with a period ("Corp").
    pub const ABBREVIATED_SUFFIX: Self = Self(1 << 20);
    /// A word that can be part of a person's name: capitalised, and not a function word, organisation
    /// or place noun, title, name suffix or weekday.
    pub const NAME_WORD: Self = Self(1 << 21);
    /// A lower-case noun for a kind of organisation, before whose name it stands ("research firm
    /// Counterpoint", "unions ABVV and ACV").
    pub const ORG_DESCRIPTOR: Self = Self(1 << 22);
    /// A lower-case noun for a kind of place, before "of" and its name ("the town of Paradise") or after
    /// the names ("Butte and Tehama counties").
    pub const PLACE_KIND: Self = Self(1 << 23);

    /// The facts of both sets (`|`, usable in constants).
    #[inline]
    pub const fn union(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }

    /// Whether every fact of `other` holds.
    #[inline]
    pub fn has(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether any fact of `other` holds.
    #[inline]
    pub fn any(self, other: Self) -> bool {
        self.0 & other.0 != 0
    }
}

impl std::ops::BitOr for Facts {
    type Output = Self;

    #[inline]
    fn bitor(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }
}

impl std::ops::BitOrAssign for Facts {
    #[inline]
    fn bitor_assign(&mut self, other: Self) {
        self.0 |= other.0;
    }
}

/// What stops a capitalised word from being part of a person's name.
const NOT_IN_NAMES: Facts = Facts(
    Facts::FUNCTION_WORD.0
        | Facts::ORG_SUFFIX.0
        | Facts::PLACE_NOUN.0
        | Facts::TITLE.0
        | Facts::NAME_SUFFIX.0
        | Facts::WEEKDAY.0,
);

/// The shape of a word starting with an ASCII lower-case letter.
pub(super) const LOWER_WORD: Facts = Facts::ALPHA_START.union(Facts::LOWER_START);

/// The shape of a lone ASCII upper-case letter.
pub(super) const UPPER_LETTER: Facts = Facts::ALPHA_START.union(Facts::UPPER_START).union(Facts::CAPITAL_LETTER);

/// The shape of a capitalised word: a name word unless a list it is on says otherwise (the lexicon
/// keeps the whole facts of every listed word).
pub(super) const CAPITALISED_WORD: Facts =
    Facts::ALPHA_START.union(Facts::UPPER_START).union(Facts::CAPITALISED).union(Facts::NAME_WORD);

/// Every listed word with all its facts (shape and lists).
#[derive(Debug)]
pub struct Lexicon {
    words: WordTable<Facts>,
}

impl Lexicon {
    /// The lexicon of the shipped word lists and gazetteer, built on first use.
    pub fn shipped() -> &'static Lexicon {
        static SHIPPED: OnceLock<Lexicon> = OnceLock::new();
        SHIPPED.get_or_init(|| Self::new(Gazetteer::shipped()))
    }

    /// The lexicon of the heuristics' word lists and the words of `gazetteer`.
    pub fn new(gazetteer: &'static Gazetteer) -> Self {
        let mut words = Words::default();
        for (list, fact) in super::words::lists().into_iter().chain(super::people::lists()) {
            words.add_list(list, fact);
        }
        words.add_list(super::orgs::abbreviated_suffixes(), Facts::ABBREVIATED_SUFFIX);
        for &name in &gazetteer.given_names {
            words.add(name, Facts::GIVEN_NAME);
        }
        for (word, weekday) in gazetteer.calendar_words() {
            words.add(word, if weekday { Facts::CALENDAR | Facts::WEEKDAY } else { Facts::CALENDAR });
        }
        for (word, whole) in gazetteer.entities.first_words() {
            words.add(word, if whole { Facts::ENTITY_START | Facts::ENTITY_WORD } else { Facts::ENTITY_START });
        }
        let whole: HashMap<&'static str, Facts, RandomState> =
            words.0.iter().map(|(&word, &lists)| (word, listed_facts(shape_of(word), lists))).collect();
        Self { words: WordTable::new(&whole) }
    }

    /// The facts of every token of a text, by token index (tests compare it with the one-pass
    /// [`Lexicon::tokens_and_facts`] and feed single rules with it).
    #[cfg(test)]
    pub fn facts(&self, tokens: &Tokens) -> Vec<Facts> {
        (0..tokens.len()).map(|i| self.facts_of(tokens.text(i))).collect()
    }

    /// Tokenizes `text` and gives the facts of every token, by token index, in the same pass (each
    /// token's facts are read while its bytes are still at hand, from the shape the tokenizer saw).
    pub fn tokens_and_facts<'a>(&self, text: &'a str) -> (Tokens<'a>, Vec<Facts>) {
        let capacity = token_capacity(text);
        let (mut list, mut facts) = (Vec::with_capacity(capacity), Vec::with_capacity(capacity));
        let mut batch = Batch::default();
        let bytes = text.as_bytes();
        each_token(text, |t, shape, held| {
            let listed = match held {
                Some(head) => self.words.get_short(head, t.end - t.start),
                None => self.words.get(&bytes[t.start..t.end]),
            };
            if batch.push(t, listed.unwrap_or(shape)) {
                batch.move_to(&mut list, &mut facts);
            }
        });
        batch.move_to(&mut list, &mut facts);
        (Tokens { text, list }, facts)
    }

    /// The facts of one word, worked out from its text alone (for tests, and the reference the
    /// tokenizer's pass is compared with).
    #[cfg(test)]
    pub fn facts_of(&self, word: &str) -> Facts {
        // Those of the table for a listed word, else the shape's.
        self.words.get(word.as_bytes()).unwrap_or_else(|| shape_of(word))
    }
}

/// How many tokens a [`Batch`] holds.
const BATCH: usize = 64;

/// Tokens and their facts gathered in arrays (on the stack) and moved to their vectors [`BATCH`] at a
/// time: pushing to two vectors checked both capacities for every token, and their pointers, lengths
/// and capacities took registers the tokenizer's loop needs.
struct Batch {
    tokens: [Token; BATCH],
    facts: [Facts; BATCH],
    /// How many tokens are held, at most [`BATCH`].
    len: usize,
}

impl Default for Batch {
    fn default() -> Self {
        Self { tokens: [Token { start: 0, end: 0 }; BATCH], facts: [Facts::NONE; BATCH], len: 0 }
    }
}

impl Batch {
    /// Adds a token and its facts; whether the batch is now full (and must be moved before the next push).
    #[inline(always)]
    fn push(&mut self, token: Token, facts: Facts) -> bool {
        // Always `self.len` (below `BATCH` once moved): the remainder spares the bounds checks.
        let i = self.len % BATCH;
        self.tokens[i] = token;
        self.facts[i] = facts;
        self.len = i + 1;
        self.len == BATCH
    }

    /// Appends the tokens and facts held to `tokens` and `facts`, and empties the batch.
    #[cold]
    fn move_to(&mut self, tokens: &mut Vec<Token>, facts: &mut Vec<Facts>) {
        tokens.extend_from_slice(&self.tokens[..self.len]);
        facts.extend_from_slice(&self.facts[..self.len]);
        self.len = 0;
    }
}

/// The whole facts of a listed word of shape `shape` on the lists of `lists`: a capitalised word is
/// a name word unless a list says it cannot be.
fn listed_facts(shape: Facts, lists: Facts) -> Facts {
    let facts = shape | lists;
    if lists.any(NOT_IN_NAMES) { Facts(facts.0 & !Facts::NAME_WORD.0) } else { facts }
}

/// The lexicon's words while it is built, with the lists they are on.
#[derive(Default)]
struct Words(HashMap<&'static str, Facts, RandomState>);

impl Words {
    /// Puts every word of a list under `fact`.
    fn add_list(&mut self, list: &WordList, fact: Facts) {
        for word in list.words() {
            self.add(word, fact);
        }
    }

    /// Puts `word` under `fact`.
    fn add(&mut self, word: &'static str, fact: Facts) {
        *self.0.entry(word).or_default() |= fact;
    }
}

/// The shape facts of a word: its first character a lower- or upper-case letter, a lone capital, a
/// period (the tokenizer reads the same facts from the class of a token's first byte).
fn shape_of(word: &str) -> Facts {
    match word.as_bytes() {
        [b'a'..=b'z', ..] => LOWER_WORD,
        [b'A'..=b'Z', ..] => upper_start(word),
        [b'.'] => Facts::PERIOD,
        [] | [0..=0x7f, ..] => Facts::NONE,
        _ => word.chars().next().map_or(Facts::NONE, |c| word_char_shape(c, word)),
    }
}

/// The shape facts of a word starting with an upper-case letter (any script).
#[inline(never)]
pub(super) fn upper_start(word: &str) -> Facts {
    let mut facts = Facts::ALPHA_START | Facts::UPPER_START;
    if is_capitalised(word) {
        facts |= Facts::CAPITALISED | Facts::NAME_WORD;
    }
    if word.chars().nth(1).is_none() {
        facts |= Facts::CAPITAL_LETTER;
    }
    facts
}

/// Blocks of letters without case that news text in Chinese, Japanese or Korean is made of (CJK
/// Unified Ideographs, Hangul syllables), every character alphabetic: the table of letters took about
/// 700 instructions to find one of them.
const UNCASED_LETTER_BLOCKS: [std::ops::RangeInclusive<char>; 2] = ['\u{4e00}'..='\u{9fff}', '\u{ac00}'..='\u{d7a3}'];

/// The shape facts of a word starting with the non-ASCII character `c`. Case is asked first: every
/// lower- or upper-case character is alphabetic (a test walks all of Unicode), and the table of
/// letters is slow to search.
#[inline(never)]
pub(super) fn word_char_shape(c: char, word: &str) -> Facts {
    if PUNCTUATION.contains(&c) {
        Facts::NONE
    } else if c.is_lowercase() {
        LOWER_WORD
    } else if c.is_uppercase() {
        upper_start(word)
    } else if UNCASED_LETTER_BLOCKS.iter().any(|block| block.contains(&c)) || c.is_alphabetic() {
        Facts::ALPHA_START
    } else {
        Facts::NONE
    }
}

#[cfg(test)]
mod tests {
    use proptest::strategy::Strategy;

    use super::*;

    /// The facts the rules used to work out from the text, for comparison.
    fn by_predicates(word: &str) -> Facts {
        let g = Gazetteer::shipped();
        let mut facts = Facts::NONE;
        let initial = word.chars().next();
        let mut set = |holds: bool, fact: Facts| {
            if holds {
                facts |= fact;
            }
        };
        set(initial.is_some_and(char::is_alphabetic), Facts::ALPHA_START);
        set(initial.is_some_and(char::is_lowercase), Facts::LOWER_START);
        set(initial.is_some_and(char::is_uppercase), Facts::UPPER_START);
        set(is_capitalised(word), Facts::CAPITALISED);
        set(word.chars().count() == 1 && word.starts_with(char::is_uppercase), Facts::CAPITAL_LETTER);
        set(word == ".", Facts::PERIOD);
        set(g.given_names.contains(word), Facts::GIVEN_NAME);
        set(g.is_calendar_word(word), Facts::CALENDAR);
        set(g.is_weekday(word), Facts::WEEKDAY);
        set(g.entities.has_word(word), Facts::ENTITY_WORD);
        facts
    }

    /// The facts [`by_predicates`] covers.
    const COMPARED: Facts = Facts(
        Facts::ALPHA_START.0
            | Facts::LOWER_START.0
            | Facts::UPPER_START.0
            | Facts::CAPITALISED.0
            | Facts::CAPITAL_LETTER.0
            | Facts::PERIOD.0
            | Facts::GIVEN_NAME.0
            | Facts::CALENDAR.0
            | Facts::WEEKDAY.0
            | Facts::ENTITY_WORD.0,
    );

    #[test]
    fn shapes_and_lists_agree_with_the_predicates_on_tricky_words() {
        let words = [
            "Ángela",
            "ángela",
            "O'Neill",
            "McDonald",
            "NATO",
            "iPhone",
            "U.S.",
            "Jean-Luc",
            "well-known",
            "A",
            "É",
            "a",
            "ß",
            "I",
            "IBM's",
            "2019",
            "15",
            ".",
            "..",
            ",",
            "’s",
            "'s",
            "ǅemal",
            "ǅ",
            "中国",
            "Σ",
            "σ",
            "James",
            "Tuesday",
            "Tue",
            "May",
            "Sept",
            "Finland",
            "Reuters",
            "New",
            "reuters",
            "Ltd",
            "said",
            "Straße",
            "ÉCOLE",
            "Zoë",
            "AB",
            "Aé",
            "AÉ",
            "A1",
            "A.",
            "Á",
            "Ángel's",
            "“",
            "\u{200b}",
            " ",
            "",
        ];
        let lexicon = Lexicon::shipped();
        for word in words {
            let got = Facts(lexicon.facts_of(word).0 & COMPARED.0);
            assert_eq!(got, by_predicates(word), "{word:?}");
        }
    }

    #[test]
    fn list_facts_and_name_words() {
        let lexicon = Lexicon::shipped();
        let facts = |w: &str| lexicon.facts_of(w);
        assert!(facts("Senator").has(Facts::TITLE) && !facts("Senator").has(Facts::NAME_WORD));
        assert!(facts("General").has(Facts::TITLE | Facts::AMBIGUOUS_TITLE));
        assert!(facts("spokesman").has(Facts::ROLE_NOUN) && facts("said").has(Facts::SPEECH_VERB));
        assert!(facts("von").has(Facts::PARTICLE) && facts("Jr").has(Facts::NAME_SUFFIX));
        assert!(facts("The").has(Facts::FUNCTION_WORD) && facts("Beach").has(Facts::PLACE_NOUN));
        assert!(facts("Corp").has(Facts::ORG_SUFFIX | Facts::ABBREVIATED_SUFFIX));
        assert!(facts("New").has(Facts::ENTITY_START) && !facts("New").has(Facts::ENTITY_WORD));
        assert!(facts("Mattis").has(Facts::NAME_WORD) && facts("Ángela").has(Facts::NAME_WORD));
        assert!(facts("O'Neill").has(Facts::NAME_WORD) && facts("McDonald").has(Facts::NAME_WORD));
        assert!(!facts("NATO").has(Facts::NAME_WORD) && !facts("Monday").has(Facts::NAME_WORD));
        assert!(facts("May").has(Facts::NAME_WORD | Facts::CALENDAR), "May is a month and a name");
    }

    #[test]
    fn tokens_and_facts_agree_with_tokenizing_then_reading_facts() {
        let lexicon = Lexicon::shipped();
        let text = "Defense Secretary James Mattis said\nin São Paulo: “IBM's Ltd.” — 15 May 2019 …";
        let (tokens, facts) = lexicon.tokens_and_facts(text);
        let alone = Tokens::new(text);
        assert_eq!(tokens.list, alone.list);
        assert_eq!(facts, lexicon.facts(&alone));
        assert_eq!(lexicon.tokens_and_facts("").1, Vec::new());
    }
    #[test]
    fn every_character_of_the_uncased_letter_blocks_is_alphabetic() {
        for block in UNCASED_LETTER_BLOCKS {
            assert!(block.clone().all(char::is_alphabetic), "{block:?}");
            assert!(block.clone().all(|c| !c.is_lowercase() && !c.is_uppercase()), "{block:?}");
        }
        assert_eq!(word_char_shape('한', "한국"), Facts::ALPHA_START);
        assert_eq!(word_char_shape('中', "中国"), Facts::ALPHA_START);
    }

    #[test]
    fn every_cased_character_is_alphabetic() {
        // So `word_char_shape` may ask for the case before the slower table of letters.
        let odd: Vec<char> =
            ('\0'..=char::MAX).filter(|&c| (c.is_lowercase() || c.is_uppercase()) && !c.is_alphabetic()).collect();
        assert!(odd.is_empty(), "{odd:?}");
    }

    /// Random texts made of the pieces the tokenizer and the shape facts treat differently.
    fn texts() -> impl proptest::strategy::Strategy<Value = String> {
        const PIECES: &[&str] = &[
            "a", "Z", "the", "The", "THE", "said", "Mattis", "James", "U", "S", "e", "g", "Corp", "Ltd", "May",
            "Tuesday", "McDonald", "iPhone", "O", "Brien", "von", "Jr", "New", "York", "1", "15", "2019", "3", "'",
            "’", "s", "S", "'s", ".", ",", "-", "&", "T", "$", "!", "?", "(", ")", " ", " ", " ", "  ", "\n", "\t",
            "\u{a0}", "\u{2003}", "é", "É", "Ángela", "ß", "Zoë", "ǅ", "Σ", "σ", "я", "Я", "中国", "。", "\u{301}",
            "e\u{301}", "🚀", "👍🏽", "“", "”", "—", "…", "\u{200b}", "٣", "Ⅻ", "ⅻ", "ª", "_", "..", "Senator",
            "abcdefg", "Abcdefgh", "ab1",
        ];
        proptest::collection::vec(proptest::sample::select(PIECES), 0..40).prop_map(|pieces| pieces.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5_000))]

        #[test]
        fn the_fused_pass_agrees_with_tokenizing_then_reading_each_token(text in texts()) {
            let lexicon = Lexicon::shipped();
            let (tokens, facts) = lexicon.tokens_and_facts(&text);
            let alone = Tokens::new(&text);
            proptest::prop_assert_eq!(&tokens.list, &alone.list);
            proptest::prop_assert_eq!(facts, lexicon.facts(&alone));
        }
    }
}
