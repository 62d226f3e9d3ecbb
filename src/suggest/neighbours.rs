//! What the words around a gazetteer match make of it: a city inside a football club's name is part
//! of an organisation ("Real Madrid", "Manchester United", "Toronto FC"), a known place before a
//! capitalised landform noun is a larger place ("the Congo Basin", "the Korean Peninsula", "the
//! Mississippi River"), and a company's name before a lower-case landform noun is the place it was
//! named after ("the Amazon basin").

use super::Candidate;
use super::phrases::PhraseMatch;
use super::tokens::Tokens;

/// Words before a city that make it a club's name ("Real Madrid", "FC Porto", "Inter Milan", "Bayern Munich").
const CLUB_BEFORE: [&str; 14] = [
    "AC",
    "AS",
    "Atletico",
    "Atlético",
    "Bayern",
    "Borussia",
    "Dinamo",
    "Dynamo",
    "Eintracht",
    "FC",
    "Inter",
    "Olympique",
    "Real",
    "Sporting",
];

/// Words after a city that make it a club's name ("Manchester United", "Glasgow Rangers", "Toronto FC").
const CLUB_AFTER: [&str; 10] =
    ["AFC", "Albion", "Athletic", "FC", "Hotspur", "Rangers", "Rovers", "SC", "United", "Wanderers"];

/// Capitalised landform nouns that make a larger place of a known name before them ("Nile Delta").
const LANDFORMS: [&str; 7] = ["Basin", "Delta", "Desert", "Peninsula", "Plateau", "River", "Valley"];

/// Companies named after a place, which they mean no more before a lower-case landform noun.
const PLACE_NAMED: [&str; 1] = ["Amazon"];

/// Lower-case landform nouns after which a company's name is the place ("the Amazon rainforest").
const LOWER_LANDFORMS: [&str; 8] = ["basin", "delta", "forest", "jungle", "rainforest", "region", "river", "valley"];

/// The candidate that replaces gazetteer match `m` when its neighbours read it otherwise, or `None`
/// when it stands as listed. Most matches stand between lower-case words or punctuation: the first
/// bytes of the neighbours rule them out before any word is compared.
pub fn reread<'l>(tokens: &Tokens, m: &PhraseMatch<'l>) -> Option<Candidate<'l>> {
    let after = (m.last + 1 < tokens.len() && !tokens.breaks_line_before(m.last + 1)).then(|| tokens.text(m.last + 1));
    let (first, last, label) = if m.label == "ORG" {
        let landform = m.first == m.last
            && PLACE_NAMED.contains(&tokens.text(m.first))
            && after.is_some_and(|w| w.starts_with(is_lower) && LOWER_LANDFORMS.contains(&w));
        landform.then_some((m.first, m.last, "LOC"))?
    } else if let Some(word) = after.filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase())) {
        if m.label == "GPE" && CLUB_AFTER.contains(&word) && !capitalised_after(tokens, m.last + 1) {
            (m.first, m.last + 1, "ORG")
        } else if LANDFORMS.contains(&word) && !capitalised_after(tokens, m.last + 1) {
            (m.first, m.last + 1, "LOC")
        } else {
            return club_before(tokens, m);
        }
    } else {
        return club_before(tokens, m);
    };
    let (start, end) = tokens.span(first, last);
    Some(Candidate { start, end, label, origin: super::GAZETTEER, score: 0.8 })
}

/// Whether a character is a lower-case ASCII letter.
fn is_lower(c: char) -> bool {
    c.is_ascii_lowercase()
}

/// The ORG candidate of a club named with a word before its city ("Real Madrid"), for a GPE match `m`.
fn club_before<'l>(tokens: &Tokens, m: &PhraseMatch<'l>) -> Option<Candidate<'l>> {
    if m.first == 0 || tokens.breaks_line_before(m.first) || m.label != "GPE" {
        return None;
    }
    let word = tokens.text(m.first - 1);
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) || !CLUB_BEFORE.contains(&word) {
        return None;
    }
    let (start, end) = tokens.span(m.first - 1, m.last);
    Some(Candidate { start, end, label: "ORG", origin: super::GAZETTEER, score: 0.8 })
}

/// Whether a capitalised word follows token `j` on its line.
fn capitalised_after(tokens: &Tokens, j: usize) -> bool {
    j + 1 < tokens.len()
        && !tokens.breaks_line_before(j + 1)
        && tokens.text(j + 1).as_bytes().first().is_some_and(u8::is_ascii_uppercase)
}

#[cfg(test)]
mod tests {
    use crate::suggest::Suggester;

    /// The suggestions for `text` as `label:text`.
    fn tagged(text: &str) -> Vec<String> {
        let s = Suggester::builtin();
        s.suggest(text).iter().map(|e| format!("{}:{}", e.label, &text[e.start..e.end])).collect()
    }

    #[test]
    fn a_city_inside_a_club_name_is_part_of_an_organisation() {
        assert_eq!(tagged("Manchester United lost."), ["ORG:Manchester United"]);
        assert_eq!(tagged("They beat Real Madrid twice."), ["ORG:Real Madrid"]);
        assert_eq!(tagged("Toronto FC signed him."), ["ORG:Toronto FC"]);
        assert_eq!(tagged("FC Barcelona won."), ["ORG:FC Barcelona"]);
        assert_eq!(tagged("He left Bayern Munich in May."), ["ORG:Bayern Munich", "DATE:May"]);
        assert_eq!(tagged("Atlético Madrid paid £34m."), ["ORG:Atlético Madrid"]);
        assert_eq!(tagged("Borussia Dortmund lost."), ["ORG:Borussia Dortmund"]);
    }

    #[test]
    fn a_club_word_elsewhere_leaves_the_city() {
        assert_eq!(tagged("Bayern fans flew to Munich."), ["GPE:Munich"]);
        assert_eq!(tagged("Bayern\nMunich police said."), ["GPE:Munich"]);
    }

    #[test]
    fn a_city_next_to_other_words_stays_a_place() {
        assert_eq!(tagged("Manchester police arrested two men."), ["GPE:Manchester"]);
        assert_eq!(tagged("Delhi Chief Minister spoke."), ["GPE:Delhi"]);
        assert_eq!(tagged("The real Madrid is quieter."), ["GPE:Madrid"]);
        assert_eq!(tagged("Fans from Manchester\nUnited we stand."), ["GPE:Manchester"]);
        assert_eq!(
            tagged("Spain United Kingdom United States"),
            ["GPE:Spain", "GPE:United Kingdom", "GPE:United States"]
        );
    }

    #[test]
    fn a_known_place_before_a_landform_noun_is_a_larger_place() {
        assert_eq!(tagged("Rain fell across the Congo Basin."), ["LOC:Congo Basin"]);
        assert_eq!(tagged("Tension on the Korean Peninsula grew."), ["LOC:Korean Peninsula"]);
        assert_eq!(tagged("Farms in the Nile Delta dried up."), ["LOC:Nile Delta"]);
    }

    #[test]
    fn a_longer_name_or_a_lower_case_noun_leaves_the_place_as_listed() {
        assert_eq!(tagged("She won the Ohio Valley Conference title."), ["GPE:Ohio"]);
        assert_eq!(tagged("Rain fell on the Congo river traders."), ["GPE:Congo"]);
    }

    #[test]
    fn a_company_name_before_a_landform_noun_is_the_place() {
        assert_eq!(tagged("Fires in the Amazon rainforest spread."), ["LOC:Amazon"]);
        assert_eq!(tagged("Towns of the Amazon basin flooded."), ["LOC:Amazon"]);
        assert_eq!(tagged("Amazon workers went on strike."), ["ORG:Amazon"]);
        assert_eq!(tagged("Rain fell in the Amazon region."), ["LOC:Amazon"]);
        // Other organisations before such a noun stay organisations.
        assert_eq!(tagged("Growth in the NATO region slowed."), ["ORG:NATO"]);
    }
}
