//! Word classes the news heuristics share: capitalisation, function words that start sentences, and
//! the nouns that end organisation and place names rather than people's names.

/// Capitalised words that start sentences or phrases but never names ("The", "When", "His").
const FUNCTION_WORDS: &[&str] = &[
    "A", "About", "According", "After", "Against", "Ahead", "All", "Also", "Although", "Among", "An", "And", "Another", "Any", "As", "At", "Because", "Before", "Both", "But", "By", "Despite", "During", "Each", "Either", "Even", "Every", "Few", "For", "Former", "From", "Further", "He", "Her", "Here", "His", "How", "However", "I", "If", "In", "Instead", "It", "Its", "Just", "Last", "Later", "Like", "Many", "Meanwhile", "More", "Most", "My", "Neither", "Next", "No", "Nor", "Not", "Now", "Of", "On", "Once", "One", "Only", "Or", "Other", "Our", "Over", "Several", "She", "Since", "So", "Some", "Still", "Such", "Than", "That", "The", "Their", "Then", "There", "These", "They", "This", "Those", "Though", "Through", "To", "Two", "Under", "Unlike", "Until", "Upon", "We", "What", "When", "Where", "Whether", "Which", "While", "Who", "Why", "With", "Within", "Without", "Yet", "You", "Your",
];

/// Nouns that end organisation names ("Defense Ministry", "Reynolds High School").
pub const ORG_SUFFIXES: &[&str] = &[
    "Academy", "Administration", "Agency", "Airlines", "Airways", "Alliance", "Army", "Assembly", "Association", "Authority", "Bank", "Board", "Brigade", "Bureau", "Cabinet", "Co", "Coalition", "College", "Commission", "Committee", "Company", "Congress", "Corp", "Corporation", "Council", "Court", "Department", "Enterprises", "Entertainment", "Federation", "Force", "Forces", "Foundation", "Front", "Fund", "Gazette", "Group", "Guard", "Herald", "Holdings", "Hospital", "Inc", "Industries", "Institute", "Institution", "Insurance", "Journal", "LLC", "Laboratories", "Labs", "League", "Ltd", "Media", "Ministry", "Motors", "Movement", "Navy", "Network", "News", "Organisation", "Organization", "Parliament", "Partners", "Party", "Pharmaceuticals", "Police", "Post", "Press", "Railway", "Railways", "Reserve", "School", "Senate", "Service", "Society", "Studios", "Systems", "Technologies", "Telecom", "Times", "Tribune", "Trust", "Union", "University",
];

/// Nouns that end place, building or event names; with the organisation suffixes they stop a
/// person's name ("Virginia Beach" is not a person).
const PLACE_NOUNS: &[&str] = &[
    "Act", "Airport", "Arena", "Avenue", "Award", "Bay", "Beach", "Bill", "Boulevard", "Bridge", "Canyon", "Cathedral", "Center", "Centre", "Church", "City", "County", "Cup", "Day", "District", "Drive", "Festival", "Garden", "Gardens", "Hall", "Harbor", "Harbour", "Heights", "Highway", "Hill", "Hills", "House", "Island", "Islands", "Lake", "Lane", "Law", "Mall", "Market", "Memorial", "Mosque", "Mountain", "Mountains", "Museum", "Ocean", "Palace", "Park", "Plaza", "Port", "Prize", "Province", "Region", "Republic", "River", "Road", "Sea", "Square", "Stadium", "State", "Station", "Street", "Tech", "Temple", "Theater", "Theatre", "Tower", "Township", "Valley", "Village", "War", "Way", "Week",
];

/// Whether a word starts with an upper-case letter and is not written in capitals throughout
/// ("Mattis", "McDonald", "O'Brien"; not "NATO", not "iPhone").
pub fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

/// Whether a word starts with an upper-case letter or a digit-free capital abbreviation ("U.S.", "NATO").
pub fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a capitalised word is a function word that does not start a name.
pub fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.binary_search(&word).is_ok()
}

/// Whether a word ends organisation names.
pub fn is_org_suffix(word: &str) -> bool {
    ORG_SUFFIXES.binary_search(&word).is_ok()
}

/// Whether a word ends organisation, place, building or event names, and so cannot be part of a person's name.
pub fn is_non_person_noun(word: &str) -> bool {
    is_org_suffix(word) || PLACE_NOUNS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for list in [FUNCTION_WORDS, ORG_SUFFIXES, PLACE_NOUNS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{:?}", list.windows(2).find(|w| w[0] >= w[1]));
        }
    }

    #[test]
    fn classes() {
        assert!(is_capitalised("Mattis") && is_capitalised("O'Brien") && is_capitalised("McDonald"));
        assert!(!is_capitalised("NATO") && !is_capitalised("iPhone") && !is_capitalised("I"));
        assert!(starts_upper("U.S.") && !starts_upper("said"));
        assert!(is_function_word("The") && !is_function_word("Theresa"));
        assert!(is_org_suffix("Ministry") && !is_org_suffix("Beach"));
        assert!(is_non_person_noun("Beach") && is_non_person_noun("Party") && !is_non_person_noun("Mattis"));
    }
}
