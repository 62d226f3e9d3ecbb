//! The gazetteers shipped inside the binary (`assets/gazetteers/`): countries, cities, US states,
//! nationalities and groups, organisations, regions, holidays, and the given names and calendar words the news
//! heuristics use. Parsed once per process.

use std::collections::HashSet;
use std::sync::OnceLock;

use foldhash::fast::RandomState;

use super::phrases::PhraseMatcher;

/// The entity lists: file name, text. Each file names its label in a `# label: X` line.
const ENTITY_LISTS: [(&str, &str); 7] = [
    ("countries.txt", include_str!("../../assets/gazetteers/countries.txt")),
    ("us_states.txt", include_str!("../../assets/gazetteers/us_states.txt")),
    ("cities.txt", include_str!("../../assets/gazetteers/cities.txt")),
    ("nationalities.txt", include_str!("../../assets/gazetteers/nationalities.txt")),
    ("organisations.txt", include_str!("../../assets/gazetteers/organisations.txt")),
    ("locations.txt", include_str!("../../assets/gazetteers/locations.txt")),
    ("holidays.txt", include_str!("../../assets/gazetteers/holidays.txt")),
];

/// Given names, whitespace-separated.
const GIVEN_NAMES: &str = include_str!("../../assets/gazetteers/given_names.txt");

/// Month and weekday rows: `month January Jan.`.
const CALENDAR: &str = include_str!("../../assets/gazetteers/calendar.txt");

/// Every shipped list, parsed.
#[derive(Debug)]
pub struct Gazetteer {
    /// Names of places, groups and organisations with their labels.
    pub entities: PhraseMatcher,
    /// Given names (a capitalised word after one is a surname).
    pub given_names: HashSet<&'static str, RandomState>,
    /// Month names and abbreviations, full name first in each row.
    pub months: Vec<Vec<&'static str>>,
    /// Weekday names and abbreviations, full name first in each row.
    pub weekdays: Vec<Vec<&'static str>>,
    /// Every weekday word without a final period, for quick look-ups.
    weekday_words: HashSet<&'static str, RandomState>,
    /// Every month and weekday word without a final period, for quick look-ups.
    calendar_words: HashSet<&'static str, RandomState>,
}

impl Gazetteer {
    /// The shipped gazetteer, parsed on first use and shared afterwards.
    pub fn shipped() -> &'static Gazetteer {
        static SHIPPED: OnceLock<Gazetteer> = OnceLock::new();
        SHIPPED.get_or_init(Self::parse_shipped)
    }

    /// Parses the embedded files.
    fn parse_shipped() -> Gazetteer {
        let mut entities = PhraseMatcher::default();
        for (_, text) in ENTITY_LISTS {
            add_list(&mut entities, text);
        }
        let given_names = entries(GIVEN_NAMES).flat_map(str::split_whitespace).collect();
        let mut months = Vec::new();
        let mut weekdays = Vec::new();
        for line in entries(CALENDAR) {
            let mut words = line.split_whitespace();
            match words.next() {
                Some("month") => months.push(words.collect()),
                Some("weekday") => weekdays.push(words.collect()),
                _ => {}
            }
        }
        let bare = |rows: &[Vec<&'static str>]| -> HashSet<&'static str, RandomState> {
            rows.iter().flatten().map(|w| w.trim_end_matches('.')).collect()
        };
        let weekday_words = bare(&weekdays);
        let calendar_words = bare(&months).union(&weekday_words).copied().collect();
        Gazetteer { entities, given_names, months, weekdays, weekday_words, calendar_words }
    }

    /// Whether a word is a month or weekday name or abbreviation (without its final period).
    pub fn is_calendar_word(&self, word: &str) -> bool {
        self.calendar_words.contains(word)
    }

    /// Every month and weekday word without a final period, with whether it is a weekday.
    pub fn calendar_words(&self) -> impl Iterator<Item = (&'static str, bool)> {
        self.calendar_words.iter().map(|&w| (w, self.weekday_words.contains(w)))
    }

    /// Whether a word is a weekday name or abbreviation (without its final period).
    pub fn is_weekday(&self, word: &str) -> bool {
        self.weekday_words.contains(word)
    }
}

/// The label a list file declares in its `# label: X` line.
pub fn declared_label(text: &str) -> Option<&str> {
    text.lines().find_map(|l| l.strip_prefix("# label:")).map(str::trim)
}

/// The non-comment, non-blank lines of a list file, trimmed.
fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Adds every entry of a list file under its declared label; a place (GPE) also in capitals, as
/// datelines write it ("OSLO (Reuters) —"; [`super::datelines`] keeps those to datelines).
fn add_list(matcher: &mut PhraseMatcher, text: &str) {
    let Some(label) = declared_label(text) else { return };
    for entry in entries(text) {
        matcher.add(entry, label);
        if label == "GPE" && entry.contains(char::is_lowercase) {
            matcher.add(&entry.to_uppercase(), label);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_declares_an_ontonotes_label() {
        for (name, text) in ENTITY_LISTS {
            let label = declared_label(text).unwrap_or_else(|| panic!("{name} has no label line"));
            assert!(crate::labels::DEFAULT_LABELS.contains(&label), "{name}: {label}");
            assert!(text.contains("# Source:"), "{name} must note its source");
        }
    }

    #[test]
    fn shipped_lists_are_parsed() {
        let g = Gazetteer::shipped();
        assert!(g.entities.len() > 1000, "{} entries", g.entities.len());
        assert_eq!(g.entities.label_of("Finland"), Some("GPE"));
        assert_eq!(g.entities.label_of("U.S."), Some("GPE"));
        assert_eq!(g.entities.label_of("Italian"), Some("NORP"));
        assert_eq!(g.entities.label_of("Reuters"), Some("ORG"));
        assert_eq!(g.entities.label_of("Middle East"), Some("LOC"));
        assert_eq!(g.entities.label_of("Thanksgiving"), Some("DATE"), "holidays");
        assert_eq!(g.entities.label_of("Good Friday"), None, "also a treaty's name");
        assert_eq!(g.entities.label_of("reuters"), None);
        assert_eq!(g.entities.label_of("NEW YORK"), Some("GPE"), "places in capitals, for datelines");
        assert_eq!(g.entities.label_of("REUTERS"), None, "only places");
        assert!(g.given_names.contains("James"));
        assert_eq!(g.months.len(), 12);
        assert_eq!(g.weekdays.len(), 7);
        assert!(g.is_calendar_word("Sept") && g.is_calendar_word("Tuesday") && !g.is_calendar_word("Monsoon"));
        assert!(g.is_weekday("Tue") && !g.is_weekday("May"));
        assert!(g.calendar_words().any(|w| w == ("Tue", true)) && g.calendar_words().any(|w| w == ("May", false)));
    }
}
