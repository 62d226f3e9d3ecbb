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
use super::words::{ShapeFilter, WordList, is_capitalised};

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

/// How many tokens [`indices_with`] rules out at a time.
const SCAN_CHUNK: usize = 8;

/// The indices of the tokens that have `fact`, in order. For facts most tokens lack: the facts of
/// [`SCAN_CHUNK`] tokens are combined and tested once, and only a chunk that passes is looked into.
pub fn indices_with(facts: &[Facts], fact: Facts) -> impl Iterator<Item = usize> + '_ {
    // Whole chunks (of a length the compiler knows, so the combining is unrolled), then the rest.
    let chunks = facts.chunks_exact(SCAN_CHUNK);
    let rest = chunks.remainder();
    let whole = facts.len() - rest.len();
    let in_chunks = chunks
        .enumerate()
        .filter(move |(_, chunk)| chunk.iter().fold(Facts::NONE, |all, &f| all | f).has(fact))
        .flat_map(move |(c, chunk)| {
            chunk.iter().enumerate().filter(move |(_, f)| f.has(fact)).map(move |(k, _)| c * SCAN_CHUNK + k)
        });
    in_chunks.chain(rest.iter().enumerate().filter(move |(_, f)| f.has(fact)).map(move |(k, _)| whole + k))
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

/// Every listed word with the lists it is on.
#[derive(Debug)]
pub struct Lexicon {
    words: WordTable<Facts>,
    /// The shapes of the listed words, checked before looking a token up.
    shapes: ShapeFilter,
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
        Self { words: WordTable::new(&words.0), shapes: words.1 }
    }

    /// The lists `word` is on.
    #[inline]
    fn lists_of(&self, word: &[u8]) -> Facts {
        if !self.shapes.may_contain_bytes(word) {
            return Facts::NONE;
        }
        self.words.get(word).unwrap_or_default()
    }

    /// The facts of every token of a text, by token index (tests compare it with the one-pass
    /// [`Lexicon::tokens_and_facts`] and feed single rules with it).
    #[cfg(test)]
    pub fn facts(&self, tokens: &Tokens) -> Vec<Facts> {
        tokens.list.iter().map(|&t| self.facts_at(tokens.text, t)).collect()
    }

    /// Tokenizes `text` and gives the facts of every token, by token index, in the same pass (each
    /// token's facts are read while its bytes are still at hand).
    pub fn tokens_and_facts<'a>(&self, text: &'a str) -> (Tokens<'a>, Vec<Facts>) {
        let capacity = token_capacity(text);
        let (mut list, mut facts) = (Vec::with_capacity(capacity), Vec::with_capacity(capacity));
        each_token(text, |t| {
            list.push(t);
            facts.push(self.facts_at(text, t));
        });
        (Tokens { text, list }, facts)
    }

    /// The facts of one word (tests check them against the predicates they stand for).
    #[cfg(test)]
    pub fn facts_of(&self, word: &str) -> Facts {
        self.facts_at(word, Token { start: 0, end: word.len() })
    }

    /// The facts of token `t` of `text`, read from its bytes (the text is sliced only for the few words
    /// that need their characters decoded).
    #[inline(always)]
    fn facts_at(&self, text: &str, t: Token) -> Facts {
        let bytes = &text.as_bytes()[t.start..t.end];
        let mut facts = match bytes.first() {
            Some(b'a'..=b'z') => Facts::ALPHA_START | Facts::LOWER_START,
            Some(b'A'..=b'Z') => match bytes.get(1) {
                None => Facts::ALPHA_START | Facts::UPPER_START | Facts::CAPITAL_LETTER,
                // Most capitalised words are settled by their second byte.
                Some(b) if b.is_ascii_lowercase() => Facts::ALPHA_START | Facts::UPPER_START | Facts::CAPITALISED,
                Some(_) => upper_start(&text[t.start..t.end]),
            },
            Some(b'.') if bytes.len() == 1 => Facts::PERIOD,
            Some(0..=0x7f) | None => Facts::NONE,
            Some(_) => non_ascii_start(&text[t.start..t.end]),
        };
        facts |= self.lists_of(bytes);
        if facts.has(Facts::CAPITALISED) && !facts.any(NOT_IN_NAMES) {
            facts |= Facts::NAME_WORD;
        }
        facts
    }
}

/// The lexicon's words while it is built, and their shapes.
#[derive(Default)]
struct Words(HashMap<&'static str, Facts, RandomState>, ShapeFilter);

impl Words {
    /// Puts every word of a list under `fact`.
    fn add_list(&mut self, list: &WordList, fact: Facts) {
        for word in list.words() {
            self.add(word, fact);
        }
    }

    /// Puts `word` under `fact`.
    fn add(&mut self, word: &'static str, fact: Facts) {
        self.1.insert(word);
        *self.0.entry(word).or_default() |= fact;
    }
}

/// The shape facts of a word starting with an upper-case letter (any script).
#[inline(never)]
fn upper_start(word: &str) -> Facts {
    let mut facts = Facts::ALPHA_START | Facts::UPPER_START;
    if is_capitalised(word) {
        facts |= Facts::CAPITALISED;
    }
    if word.chars().nth(1).is_none() {
        facts |= Facts::CAPITAL_LETTER;
    }
    facts
}

/// The shape facts of a word starting with a non-ASCII character.
#[inline(never)]
fn non_ascii_start(word: &str) -> Facts {
    match word.chars().next() {
        // Quotes and dashes are no letters; upper- and lower-case letters are letters, so one table
        // look-up rules out most other characters.
        Some(c) if PUNCTUATION.contains(&c) || !c.is_alphabetic() => Facts::NONE,
        Some(c) if c.is_lowercase() => Facts::ALPHA_START | Facts::LOWER_START,
        Some(c) if c.is_uppercase() => upper_start(word),
        Some(_) => Facts::ALPHA_START,
        None => Facts::NONE,
    }
}

#[cfg(test)]
mod tests {
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
    fn indices_with_finds_every_token_with_all_the_facts() {
        let facts: Vec<Facts> = (0..37)
            .map(|i| match i % 7 {
                0 => Facts::ORG_SUFFIX,
                3 => Facts::ORG_SUFFIX | Facts::ABBREVIATED_SUFFIX,
                5 => Facts::ABBREVIATED_SUFFIX,
                _ => Facts::NONE,
            })
            .collect();
        for fact in [Facts::ORG_SUFFIX, Facts::ORG_SUFFIX | Facts::ABBREVIATED_SUFFIX, Facts::PERIOD] {
            let want: Vec<usize> = (0..facts.len()).filter(|&i| facts[i].has(fact)).collect();
            assert_eq!(indices_with(&facts, fact).collect::<Vec<_>>(), want, "{fact:?}");
        }
        assert_eq!(indices_with(&[], Facts::ORG_SUFFIX).count(), 0);
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
}
