//! Word classes the news heuristics share: capitalisation, function words that start sentences, and
//! the nouns that end organisation and place names rather than people's names ([`super::facts`] puts
//! each token's classes in one bit set).

use super::facts::Facts;
use super::tokens::Tokens;

/// Capitalised words that start sentences or phrases but never names ("The", "When", "His").
static FUNCTION_WORDS: WordList = WordList::new(&[
    "A",
    "About",
    "According",
    "After",
    "Against",
    "Ahead",
    "All",
    "Also",
    "Although",
    "Among",
    "An",
    "And",
    "Another",
    "Any",
    "As",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Despite",
    "During",
    "Each",
    "Either",
    "Even",
    "Every",
    "Few",
    "For",
    "Former",
    "From",
    "Further",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Instead",
    "It",
    "Its",
    "Just",
    "Last",
    "Later",
    "Like",
    "Many",
    "Meanwhile",
    "More",
    "Most",
    "My",
    "Neither",
    "Next",
    "No",
    "Nor",
    "Not",
    "Now",
    "Of",
    "On",
    "Once",
    "One",
    "Only",
    "Or",
    "Other",
    "Our",
    "Over",
    "Several",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "Such",
    "Than",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Through",
    "To",
    "Two",
    "Under",
    "Unlike",
    "Until",
    "Upon",
    "We",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Within",
    "Without",
    "Yet",
    "You",
    "Your",
]);

/// Nouns that end organisation names ("Defense Ministry", "Reynolds High School"), and the Spanish and
/// Portuguese ones that open them ("Banco de Bogotá", "Partido Popular": see `orgs::foreign_name`).
static ORG_SUFFIXES: WordList = WordList::new(&[
    "AG",
    "ASA",
    "Academy",
    "Administration",
    "Agency",
    "Airlines",
    "Airways",
    "Albion",
    "Alliance",
    "Army",
    "Assembly",
    "Association",
    "Athletic",
    "Authority",
    "Banco",
    "Bank",
    "Biotech",
    "Board",
    "Brigade",
    "Bureau",
    "Cabinet",
    "Center",
    "Centre",
    "Chemicals",
    "Chronicle",
    "Co",
    "Coalition",
    "College",
    "Commission",
    "Committee",
    "Company",
    "Congress",
    "Corp",
    "Corporation",
    "Corps",
    "Council",
    "Court",
    "Department",
    "Division",
    "Electronics",
    "Energy",
    "Enterprises",
    "Entertainment",
    "Examiner",
    "Exchange",
    "FC",
    "Federation",
    "Foods",
    "Force",
    "Forces",
    "Foundation",
    "Front",
    "Fund",
    "Gazette",
    "GmbH",
    "Group",
    "Grupo",
    "Guard",
    "Herald",
    "Holdings",
    "Hospital",
    "Hotspur",
    "Inc",
    "Industries",
    "Inquirer",
    "Institute",
    "Institution",
    "Instituto",
    "Insurance",
    "Journal",
    "LLC",
    "LLP",
    "Laboratories",
    "Labs",
    "League",
    "Library",
    "Logistics",
    "Ltd",
    "Media",
    "Mining",
    "Ministry",
    "Motors",
    "Movement",
    "Navy",
    "Network",
    "News",
    "Office",
    "Organisation",
    "Organization",
    "PLC",
    "Parliament",
    "Partido",
    "Partners",
    "Party",
    "Petroleum",
    "Pharmaceutical",
    "Pharmaceuticals",
    "Plc",
    "Police",
    "Post",
    "Press",
    "Railway",
    "Railways",
    "Reserve",
    "Rovers",
    "SA",
    "School",
    "Senate",
    "Service",
    "Shipping",
    "Society",
    "SpA",
    "Studios",
    "Systems",
    "Technologies",
    "Telecom",
    "Telegraph",
    "Times",
    "Tribune",
    "Trust",
    "Union",
    "United",
    "Universidad",
    "Universidade",
    "University",
    "Ventures",
    "Wanderers",
    "plc",
]);

/// Nouns that end place, building or event names; with the organisation suffixes they stop a
/// person's name ("Virginia Beach" is not a person).
static PLACE_NOUNS: WordList = WordList::new(&[
    "Act",
    "Airport",
    "Arena",
    "Avenue",
    "Award",
    "Bay",
    "Beach",
    "Boulevard",
    "Bridge",
    "Canyon",
    "Cathedral",
    "Center",
    "Centre",
    "Church",
    "City",
    "County",
    "Cup",
    "Day",
    "District",
    "Drive",
    "Festival",
    "Garden",
    "Gardens",
    "Harbor",
    "Harbour",
    "Heights",
    "Highway",
    "Hill",
    "Hills",
    "House",
    "Island",
    "Islands",
    "Lake",
    "Lane",
    "Law",
    "Mall",
    "Market",
    "Memorial",
    "Mosque",
    "Mountain",
    "Mountains",
    "Museum",
    "Ocean",
    "Palace",
    "Plaza",
    "Port",
    "Prize",
    "Province",
    "Region",
    "Republic",
    "River",
    "Road",
    "Sea",
    "Square",
    "Stadium",
    "State",
    "Station",
    "Street",
    "Tech",
    "Temple",
    "Theater",
    "Theatre",
    "Tower",
    "Township",
    "Valley",
    "Village",
    "War",
    "Way",
    "Week",
]);

/// Which (first byte, length) and (last byte, length) pairs occur in a set of words: two table look-ups
/// rule out most other words before any hashing or string comparison.
#[derive(Debug, Clone)]
pub struct ShapeFilter {
    /// Bit `n` of entry `b`: some word starts with byte `b` and is `n` bytes long (bit 63: 63 or more).
    by_first: [u64; 256],
    /// Bit `n` of entry `b`: some word ends with byte `b` and is `n` bytes long.
    by_last: [u64; 256],
}

impl Default for ShapeFilter {
    fn default() -> Self {
        Self::EMPTY
    }
}

impl ShapeFilter {
    /// The filter of no words.
    pub const EMPTY: Self = Self { by_first: [0; 256], by_last: [0; 256] };

    /// Lets `word` through from now on.
    pub const fn insert(&mut self, word: &str) {
        if let (Some(&first), Some(&last)) = (word.as_bytes().first(), word.as_bytes().last()) {
            self.by_first[first as usize] |= length_bit(word.len());
            self.by_last[last as usize] |= length_bit(word.len());
        }
    }

    /// Whether `word` may be one of the words inserted (`false`: it certainly is not).
    #[inline]
    pub fn may_contain(&self, word: &str) -> bool {
        self.may_contain_bytes(word.as_bytes())
    }

    /// [`ShapeFilter::may_contain`] for the bytes of a word.
    #[inline]
    pub fn may_contain_bytes(&self, bytes: &[u8]) -> bool {
        let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else { return true };
        let bit = length_bit(bytes.len());
        self.by_first[usize::from(first)] & bit != 0 && self.by_last[usize::from(last)] & bit != 0
    }
}

/// The bit of a word length in [`ShapeFilter`]'s table.
const fn length_bit(len: usize) -> u64 {
    1 << if len < 63 { len } else { 63 }
}

/// A sorted list of words that gives its words one fact in the [`super::facts::Lexicon`] (titles,
/// speech verbs, organisation suffixes…); words are looked up there, not here.
#[derive(Debug)]
pub struct WordList {
    words: &'static [&'static str],
}

impl WordList {
    /// The list of `words`, kept sorted in the source (the tests of each list check it) so it reads well
    /// and duplicates show.
    pub const fn new(words: &'static [&'static str]) -> Self {
        Self { words }
    }

    /// The words, sorted.
    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }
}

/// Whether a word starts with an upper-case letter and is not written in capitals throughout
/// ("Mattis", "McDonald", "O'Brien"; not "NATO", not "iPhone").
#[inline]
pub fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

/// The indices of the tokens whose text is `word`, in order, found by a vectorised search of the text
/// for the word's bytes: cheaper than a look at every token when the word is rare.
pub(super) fn token_indices<'t>(tokens: &'t Tokens, word: &'t str) -> impl Iterator<Item = usize> + 't {
    memchr::memmem::find_iter(tokens.text.as_bytes(), word.as_bytes()).filter_map(move |at| {
        let k = tokens.list.partition_point(|t| t.start < at);
        tokens.list.get(k).is_some_and(|t| t.start == at && t.end == at + word.len()).then_some(k)
    })
}

/// Lower-case nouns for kinds of organisation that stand right before an organisation's name, as its
/// description ("research firm Counterpoint", "the industry body CEPI", "the folk band Kilbeggan Road");
/// plurals may introduce two names joined by "and" ("unions ABVV and ACV"). Nouns that mean other things
/// as often ("bank", "office", "party", "company", "maker") are left out.
static ORG_DESCRIPTORS: WordList = WordList::new(&[
    "airline",
    "automaker",
    "band",
    "body",
    "broadcaster",
    "broker",
    "brokerage",
    "carmaker",
    "carrier",
    "charity",
    "chipmaker",
    "conglomerate",
    "consultancy",
    "drugmaker",
    "firm",
    "firms",
    "group",
    "groups",
    "insurer",
    "lender",
    "publisher",
    "regulator",
    "retailer",
    "startup",
    "union",
    "unions",
    "watchdog",
]);

/// Lower-case nouns for kinds of place: before "of" and a name ("the town of Paradise", "the villages of
/// Magalia and Concow"), and, for "counties", after names joined by "and" ("Butte and Tehama counties").
static PLACE_KINDS: WordList =
    WordList::new(&["counties", "hamlet", "hamlets", "town", "towns", "village", "villages"]);

/// The lists of this module with the fact each gives a word on it.
pub(super) fn lists() -> [(&'static WordList, Facts); 5] {
    [
        (&FUNCTION_WORDS, Facts::FUNCTION_WORD),
        (&ORG_SUFFIXES, Facts::ORG_SUFFIX),
        (&PLACE_NOUNS, Facts::PLACE_NOUN),
        (&ORG_DESCRIPTORS, Facts::ORG_DESCRIPTOR),
        (&PLACE_KINDS, Facts::PLACE_KIND),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted() {
        for list in [&FUNCTION_WORDS, &ORG_SUFFIXES, &PLACE_NOUNS, &ORG_DESCRIPTORS, &PLACE_KINDS] {
            assert!(list.words.windows(2).all(|w| w[0] < w[1]), "{:?}", list.words.windows(2).find(|w| w[0] >= w[1]));
        }
    }

    #[test]
    fn token_indices_are_whole_tokens() {
        let tokens = Tokens::new("County Countys, the County. McCounty County");
        assert_eq!(token_indices(&tokens, "County").collect::<Vec<_>>(), [0, 4, 7]);
        assert_eq!(token_indices(&tokens, "Shire").count(), 0);
    }

    #[test]
    fn capitalisation() {
        assert!(is_capitalised("Mattis") && is_capitalised("O'Brien") && is_capitalised("McDonald"));
        assert!(!is_capitalised("NATO") && !is_capitalised("iPhone") && !is_capitalised("I"));
        assert!(is_capitalised("Ángela") && !is_capitalised("ÉCOLE"));
    }
}
