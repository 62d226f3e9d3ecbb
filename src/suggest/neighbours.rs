//! What the words around a gazetteer match make of it: a city inside a football club's name is part
//! of an organisation ("Real Madrid", "Manchester United", "Toronto FC"), a known place before a
//! capitalised landform noun is a larger place ("the Congo Basin", "the Korean Peninsula", "the
//! Mississippi River"), and a company's name before a lower-case landform noun is the place it was
//! named after ("the Amazon basin"). Capitalised words before "County", or one after it, name a
//! county ("Harris County", "Fort Bend County", "County Cork"), listed or not.

use super::Candidate;
use super::facts::Facts;
use super::marks::Indices;
use super::phrases::PhraseMatch;
use super::tokens::Tokens;
use super::words::token_indices;

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
const LANDFORMS: [&str; 8] = ["Basin", "Delta", "Desert", "Peninsula", "Plains", "Plateau", "River", "Valley"];

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

/// Capitalised plurals after a city that end the names of events, agreements, documents or landforms, not
/// of teams ("the Tokyo Olympics", "the Oslo Accords", "the Panama Papers", "the Golan Heights"), sorted.
const NOT_NICKNAMES: [&str; 31] = [
    "Accords",
    "Agreements",
    "Attacks",
    "Awards",
    "Bombings",
    "Caucuses",
    "Championships",
    "Conventions",
    "Docks",
    "Falls",
    "Files",
    "Games",
    "Gardens",
    "Heights",
    "Highlands",
    "Hills",
    "Islands",
    "Isles",
    "Keys",
    "Lakes",
    "Mountains",
    "Olympics",
    "Papers",
    "Paralympics",
    "Plains",
    "Primaries",
    "Protests",
    "Riots",
    "Springs",
    "Talks",
    "Trials",
];

/// Whether a word is shaped like a team's nickname: a capitalised plural of plain letters ("Nuggets",
/// "Canadiens", "Leafs"), not one ending in "ss" ("Express") nor one that ends names of other kinds
/// ([`NOT_NICKNAMES`]).
fn is_plural_nickname(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 4
        && b[0].is_ascii_uppercase()
        && b[1..].iter().all(u8::is_ascii_lowercase)
        && b.ends_with(b"s")
        && !b.ends_with(b"ss")
        && NOT_NICKNAMES.binary_search(&word).is_err()
}

/// The facts of a word that cannot open a two-word nickname ("Maple Leafs", "Red Wings"): a function
/// word, a listed name, a title, a month or weekday, or a noun ending names of other kinds.
const NOT_NICKNAME_WORD: Facts = Facts::FUNCTION_WORD
    .union(Facts::ENTITY_START)
    .union(Facts::TITLE)
    .union(Facts::CALENDAR)
    .union(Facts::ORG_SUFFIX)
    .union(Facts::PLACE_NOUN);

/// A sports team named by a listed city and a plural nickname after "the" ("the **Denver Nuggets**",
/// "The **Toronto Maple Leafs** beat…"), as an ORG candidate with the nickname's first and last
/// tokens; `None` for any other GPE match. "The" before it tells a team from a person named like a
/// city ("Austin Rivers said"), and names of events or agreements are not nicknames ("the Tokyo
/// Olympics", "the Oslo Accords"). Most matches have no "the" before them: one comparison rules them out.
#[inline]
pub fn team<'l>(tokens: &Tokens, facts: &[Facts], m: &PhraseMatch<'l>) -> Option<(Candidate<'l>, (usize, usize))> {
    let opened = m.first > 0 && matches!(tokens.text(m.first - 1), "the" | "The");
    if !opened || m.label != "GPE" || tokens.breaks_line_before(m.first) {
        return None;
    }
    let on_line = |j: usize| j < tokens.len() && !tokens.breaks_line_before(j);
    let first = m.last + 1;
    if !on_line(first) || !facts[first].has(Facts::UPPER_START) {
        return None;
    }
    if facts[first].any(Facts::ENTITY_START | Facts::ENTITY_WORD) {
        return None;
    }
    let last = if is_plural_nickname(tokens.text(first)) {
        first
    } else if facts[first].has(Facts::CAPITALISED)
        && !facts[first].any(NOT_NICKNAME_WORD)
        && on_line(first + 1)
        && is_plural_nickname(tokens.text(first + 1))
    {
        first + 1
    } else {
        return None;
    };
    let name_goes_on = on_line(last + 1) && matches!(tokens.text(last + 1), "and" | "&" | "of" | "for");
    if capitalised_after(tokens, last) || name_goes_on {
        return None;
    }
    let (start, end) = tokens.span(m.first, last);
    Some((Candidate { start, end, label: "ORG", origin: super::HEURISTICS, score: 0.7 }, (first, last)))
}

/// Adds an ORG candidate for every other mention of a team's nickname alone ("the **Hawks**", "**Nuggets**
/// coach") after [`team`] found the team with its city; `nicknames` are (first, last) tokens of those
/// nicknames. A mention must stand between no other capitalised words on its line ("Ann Hawks Smith" holds none).
pub fn nicknames(tokens: &Tokens, facts: &[Facts], nicknames: &[(usize, usize)], out: &mut Vec<Candidate<'_>>) {
    let mut words: Vec<Vec<&str>> =
        nicknames.iter().map(|&(first, last)| (first..=last).map(|k| tokens.text(k)).collect()).collect();
    words.sort_unstable();
    words.dedup();
    let capitalised = |j: usize| facts[j].has(Facts::UPPER_START) && !facts[j].has(Facts::FUNCTION_WORD);
    for name in &words {
        for j in token_indices(tokens, name[0]) {
            let last = j + name.len() - 1;
            let whole = last < tokens.len()
                && (1..name.len()).all(|k| tokens.text(j + k) == name[k] && !tokens.breaks_line_before(j + k));
            let before = j > 0 && !tokens.breaks_line_before(j) && capitalised(j - 1);
            if whole && !before && !capitalised_after(tokens, last) {
                let (start, end) = tokens.span(j, last);
                out.push(Candidate { start, end, label: "ORG", origin: super::HEURISTICS, score: 0.6 });
            }
        }
    }
}

/// Most capitalised words taken before "County" ("Fort Bend County"; one in a title-case line).
const MAX_COUNTY_WORDS: usize = 2;

/// The facts of a word that cannot be part of a county's name: a function word, title, month or weekday,
/// a noun ending names of other kinds ("Crash On County Road", "Sheriff County"), or a role noun naming a
/// county's officer ("County Executive", "County Clerk").
const NOT_COUNTY_WORD: Facts = Facts::FUNCTION_WORD
    .union(Facts::TITLE)
    .union(Facts::CALENDAR)
    .union(Facts::ORG_SUFFIX)
    .union(Facts::PLACE_NOUN)
    .union(Facts::ROLE_NOUN);

/// Adds a GPE candidate for every county named around "County": one or two capitalised words before it
/// on its line ("Harris County", "Fort Bend County", "St. Louis County"), or, with none, one after it
/// ("County Cork"). In a title-case line, where every word is capitalised, only the word right before it
/// is taken ("Storm Floods Harris County"). "County" is a place noun: only the place nouns, tokens
/// `place_nouns`, are looked at.
pub fn counties(tokens: &Tokens, facts: &[Facts], place_nouns: Indices, out: &mut Vec<Candidate<'_>>) {
    for i in place_nouns {
        if tokens.text(i) != "County" {
            continue;
        }
        let name_word = |j: usize| facts[j].has(Facts::CAPITALISED) && !facts[j].any(NOT_COUNTY_WORD);
        let most = if is_title_case_line(tokens, facts, i) { 1 } else { MAX_COUNTY_WORDS };
        let mut first = i;
        while first > 0 && i - first < most && !tokens.breaks_line_before(first) && name_word(first - 1) {
            first -= 1;
        }
        if first < i && first >= 2 && matches!(tokens.text(first - 2), "St" | "Ft") && tokens.text(first - 1) == "." {
            first -= 2;
        }
        let after = i + 1 < tokens.len() && !tokens.breaks_line_before(i + 1) && name_word(i + 1);
        let last = if first == i && after && !name_word_before(tokens, facts, i) { i + 1 } else { i };
        if first < last {
            let (start, end) = tokens.span(first, last);
            out.push(Candidate { start, end, label: "GPE", origin: super::HEURISTICS, score: 0.75 });
        }
    }
}

/// Most capitalised words of a place's name after "the town of" and the like.
const MAX_TOWN_WORDS: usize = 3;

/// The facts of a word that is no part of a small place's name: a function word, title, month or weekday,
/// role noun, organisation or place noun ("the town of Springfield Council" stops before "Council").
const NOT_TOWN_WORD: Facts = NOT_COUNTY_WORD.union(Facts::GIVEN_NAME);

/// Adds GPE candidates for places named by what they are, listed or not: after a lower-case town, village
/// or hamlet and "of" ("the town of **Paradise**", "the villages of **Magalia** and **Concow**"), and before
/// "counties" ("**Butte** and **Tehama** counties"). A plural noun may name two places joined by "and";
/// a given name opens no place ("the town of Lucy Smith's birth" gives nothing). Only the tokens
/// `place_kinds` (with [`Facts::PLACE_KIND`]) are looked at.
pub fn towns(tokens: &Tokens, facts: &[Facts], place_kinds: Indices, out: &mut Vec<Candidate<'_>>) {
    let mut push = |first: usize, last: usize| {
        let (start, end) = tokens.span(first, last);
        out.push(Candidate { start, end, label: "GPE", origin: super::HEURISTICS, score: 0.75 });
    };
    for i in place_kinds {
        let plural = tokens.text(i).ends_with('s');
        if tokens.text(i) == "counties" {
            if let Some(first) = town_before(tokens, facts, i) {
                push(first, i - 1);
                if first >= 2
                    && tokens.text(first - 1) == "and"
                    && let Some(f) = town_before(tokens, facts, first - 1)
                {
                    push(f, first - 2);
                }
            }
        } else if let Some(comma) = appositive_comma(tokens, i) {
            let particle = |f: usize| f > 0 && NAME_PARTICLES.contains(&tokens.text(f - 1));
            if let Some(first) = town_before(tokens, facts, comma).filter(|&f| !particle(f)) {
                push(first, comma - 1);
                if plural
                    && first >= 2
                    && tokens.text(first - 1) == "and"
                    && let Some(f) = town_before(tokens, facts, first - 1)
                {
                    push(f, first - 2);
                }
            }
        } else if i + 2 < tokens.len()
            && tokens.text(i + 1) == "of"
            && let Some(last) = town_after(tokens, facts, i + 2)
        {
            push(i + 2, last);
            if plural
                && last + 2 < tokens.len()
                && tokens.text(last + 1) == "and"
                && let Some(l) = town_after(tokens, facts, last + 2)
            {
                push(last + 2, l);
            }
        }
    }
}

/// Counts and articles opening an appositive that says what a place is ("Ledbury, **a** town in …").
const APPOSITIVE_OPENERS: [&str; 5] = ["a", "an", "both", "three", "two"];

/// Words after which the place kind at the end of an appositive stands for the place itself ("Weobley,
/// two villages **in** the north", "Tarrow, a hamlet **near** …"); any other lower-case word makes it
/// describe a noun ("Mr Lee, a village elder").
const APPOSITIVE_FOLLOWERS: [&str; 15] = [
    "about",
    "east",
    "in",
    "just",
    "near",
    "north",
    "northeast",
    "northwest",
    "of",
    "on",
    "outside",
    "south",
    "southeast",
    "southwest",
    "west",
];

/// Lower-case words inside a place's name, before its last word ("Braunau am Inn", "Newcastle upon Tyne"):
/// the name before an appositive is then longer than the words this rule finds, and none is proposed.
const NAME_PARTICLES: [&str; 11] = ["am", "an", "bei", "de", "del", "der", "en", "im", "la", "sur", "upon"];

/// The comma before an appositive that ends in the place kind at token `i`: ", a town", ", two small
/// villages", followed by punctuation or one of the [`APPOSITIVE_FOLLOWERS`] on the line.
fn appositive_comma(tokens: &Tokens, i: usize) -> Option<usize> {
    let lower = |k: usize| tokens.text(k).starts_with(|c: char| c.is_ascii_lowercase());
    let opener = (1..=2).map(|d| i.checked_sub(d)).find_map(|k| {
        let k = k.filter(|&k| APPOSITIVE_OPENERS.contains(&tokens.text(k)))?;
        (k + 1 == i || lower(k + 1)).then_some(k)
    })?;
    let comma = opener.checked_sub(1).filter(|&c| c > 0 && tokens.text(c) == ",")?;
    let next = (i + 1 < tokens.len() && !tokens.breaks_line_before(i + 1)).then(|| tokens.text(i + 1));
    let fits = next.is_none_or(|w| !w.starts_with(char::is_alphanumeric) || APPOSITIVE_FOLLOWERS.contains(&w));
    fits.then_some(comma)
}

/// Whether token `j` may be part of a small place's name on the line of token `i`.
fn is_town_word(tokens: &Tokens, facts: &[Facts], i: usize, j: usize) -> bool {
    j < tokens.len()
        && (j == i || !tokens.breaks_line_before(j.max(i)) && !tokens.breaks_line_before(j.min(i) + 1))
        && facts[j].has(Facts::CAPITALISED)
        && !facts[j].any(NOT_TOWN_WORD)
}

/// The last token of the name starting at token `j`, followed by lower case or punctuation.
fn town_after(tokens: &Tokens, facts: &[Facts], j: usize) -> Option<usize> {
    if !is_town_word(tokens, facts, j, j) {
        return None;
    }
    let mut last = j;
    while last + 1 - j < MAX_TOWN_WORDS && is_town_word(tokens, facts, j, last + 1) {
        last += 1;
    }
    let next_capital = last + 1 < tokens.len() && facts[last + 1].has(Facts::UPPER_START);
    let possessive = last + 1 < tokens.len() && matches!(tokens.text(last + 1), "'s" | "\u{2019}s");
    (!next_capital && !possessive).then_some(last)
}

/// The first token of the one- or two-word name ending right before token `i`.
fn town_before(tokens: &Tokens, facts: &[Facts], i: usize) -> Option<usize> {
    if i == 0 || !is_town_word(tokens, facts, i, i - 1) {
        return None;
    }
    let first = if i >= 2 && is_town_word(tokens, facts, i, i - 2) { i - 2 } else { i - 1 };
    let capital_before = first > 0 && !tokens.breaks_line_before(first) && facts[first - 1].has(Facts::UPPER_START);
    (!capital_before).then_some(first)
}

/// Church traditions, which join the group listed before them ("Serbian Orthodox", "Chaldean Catholic").
const TRADITIONS: [&str; 5] = ["Catholic", "Coptic", "Evangelical", "Orthodox", "Protestant"];

/// Followers of a religion, who join a tradition or branch before them ("Orthodox Christians", "Sunni
/// Muslims"), but not a nationality ("Iraqi Shiites" are two groups).
const FOLLOWERS: [&str; 7] = ["Buddhists", "Catholics", "Christians", "Hindus", "Jews", "Muslims", "Protestants"];

/// Branches of a religion before its followers, with the [`TRADITIONS`].
const BRANCHES: [&str; 3] = ["Shia", "Shiite", "Sunni"];

/// A NORP candidate for a listed group `m` with the traditions or followers after it on its line
/// ("**Serbian Orthodox** graveyard", "**Orthodox Christians**", "**Serbian Orthodox Christians**",
/// "**Sunni Muslims**"): one group, as OntoNotes marks it. Not when a capitalised word follows, as the
/// words then open a longer name ("the Serbian Orthodox Church"), nor for a group not listed as NORP.
pub fn with_faith<'l>(tokens: &Tokens, m: &PhraseMatch<'l>) -> Option<Candidate<'l>> {
    if m.label != "NORP" {
        return None;
    }
    let mut last = m.last;
    while last + 1 < tokens.len() && !tokens.breaks_line_before(last + 1) {
        let (word, before) = (tokens.text(last + 1), tokens.text(last));
        let branch = TRADITIONS.contains(&before) || BRANCHES.contains(&before);
        if !(TRADITIONS.contains(&word) || branch && FOLLOWERS.contains(&word)) {
            break;
        }
        last += 1;
    }
    let capital_after = last + 1 < tokens.len()
        && !tokens.breaks_line_before(last + 1)
        && tokens.text(last + 1).starts_with(|c: char| c.is_uppercase());
    if last == m.last || capital_after {
        return None;
    }
    let (start, end) = tokens.span(m.first, last);
    Some(Candidate { start, end, label: m.label, origin: super::GAZETTEER, score: 0.8 })
}

/// Capitalised words for a field of government before a country's name, with which they name its
/// agency ("Health Canada", "Statistics Norway", "Environment Canada", "Sport England").
const AGENCY_FIELDS: [&str; 10] = [
    "Elections",
    "Employment",
    "Environment",
    "Fisheries",
    "Health",
    "Immigration",
    "Parks",
    "Sport",
    "Statistics",
    "Transport",
];

/// An ORG candidate for a listed one-word country or nation `m` after one of the [`AGENCY_FIELDS`] on
/// its line ("**Health Canada** said"), unless a capitalised word stands before the field ("Public Health
/// England" is a longer name) or the country goes on into another capitalised word.
pub fn agency<'l>(tokens: &Tokens, m: &PhraseMatch<'l>) -> Option<Candidate<'l>> {
    let i = m.first;
    if m.label != "GPE" || m.first != m.last || i == 0 || tokens.breaks_line_before(i) {
        return None;
    }
    if !AGENCY_FIELDS.contains(&tokens.text(i - 1)) || capitalised_after(tokens, i) {
        return None;
    }
    let capital_before =
        i >= 2 && !tokens.breaks_line_before(i - 1) && tokens.text(i - 2).starts_with(|c: char| c.is_uppercase());
    if capital_before {
        return None;
    }
    let (start, end) = tokens.span(i - 1, i);
    Some(Candidate { start, end, label: "ORG", origin: super::HEURISTICS, score: 0.8 })
}

/// Whether a capitalised word other than a function word, a period or a possessive stands right before
/// token `i` on its line ("Prince George's County"; not "The County Durham team"), so "County" there is
/// part of a longer name and no county comes after it.
fn name_word_before(tokens: &Tokens, facts: &[Facts], i: usize) -> bool {
    let f = facts[i.saturating_sub(1)];
    i > 0
        && !tokens.breaks_line_before(i)
        && (f.has(Facts::UPPER_START) && !f.has(Facts::FUNCTION_WORD)
            || f.has(Facts::PERIOD)
            || matches!(tokens.text(i - 1), "'s" | "\u{2019}s"))
}

/// Whether the line of token `i` is in title case: every word starting with a letter is capitalised but
/// for short function words ("Storm Floods Harris County As Rivers Rise").
fn is_title_case_line(tokens: &Tokens, facts: &[Facts], i: usize) -> bool {
    let start = (0..=i).rev().find(|&j| j == 0 || tokens.breaks_line_before(j)).unwrap_or(0);
    let end = (i + 1..tokens.len()).find(|&j| tokens.breaks_line_before(j)).unwrap_or(tokens.len());
    (start..end).all(|j| {
        !facts[j].has(Facts::LOWER_START)
            || matches!(
                tokens.text(j),
                "a" | "an" | "and" | "as" | "at" | "by" | "for" | "in" | "of" | "on" | "the" | "to"
            )
    })
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
    fn capitalised_words_around_county_name_a_county() {
        assert_eq!(
            tagged("Residents of Harris County and Fort Bend County fled."),
            ["GPE:Harris County", "GPE:Fort Bend County"]
        );
        assert_eq!(tagged("Floods hit St. Louis County on Monday."), ["GPE:St. Louis County", "DATE:Monday"]);
        assert_eq!(tagged("a farm in County Cork"), ["GPE:County Cork"]);
        assert_eq!(tagged("The County Durham team won."), ["GPE:County Durham"]);
        assert_eq!(tagged("Storm Floods Harris County"), ["GPE:Harris County"]);
    }

    #[test]
    fn county_after_other_words_names_no_county() {
        assert!(tagged("Man Dies In Crash On County Road").is_empty());
        assert!(tagged("the county fair and a County Sheriff").is_empty());
        assert!(!tagged("Prince George's County Executive spoke").iter().any(|t| t.contains("County")));
        assert!(tagged("Voters in the County\nHarris said").is_empty());
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

    #[test]
    fn a_city_and_a_plural_nickname_after_the_are_a_team() {
        assert_eq!(
            tagged("Late on, the Portland Pioneers edged the Oslo Vikings."),
            ["ORG:Portland Pioneers", "ORG:Oslo Vikings"]
        );
        assert_eq!(tagged("The Dublin Grey Herons lost again."), ["ORG:Dublin Grey Herons"]);
        assert_eq!(tagged("It was a loss for the Los Angeles Comets."), ["ORG:Los Angeles Comets"]);
    }

    #[test]
    fn a_teams_nickname_alone_is_the_team() {
        assert_eq!(
            tagged("the Seattle Otters won. The Otters led early, and Otters fans sang."),
            ["ORG:Seattle Otters", "ORG:Otters", "ORG:Otters"]
        );
        // A nickname never found with its city stays unproposed.
        assert!(tagged("The Otters led early.").is_empty());
    }

    #[test]
    fn events_agreements_people_and_lone_cities_are_no_team() {
        assert_eq!(tagged("after the Tokyo Olympics ended"), ["GPE:Tokyo"]);
        assert_eq!(tagged("the Oslo Accords failed"), ["GPE:Oslo"]);
        assert_eq!(tagged("since the Panama Papers leaked"), ["GPE:Panama"]);
        // No "the" before: a person or the city itself.
        assert!(!tagged("Houston Rivers said no.").iter().any(|t| t.starts_with("ORG")));
        assert_eq!(tagged("Fans in Denver cheered."), ["GPE:Denver"]);
        // A listed group after the city is the group.
        assert_eq!(tagged("the Ohio Democrats met"), ["GPE:Ohio", "NORP:Democrats"]);
        // A capitalised word after the nickname: a longer name, left alone.
        assert!(!tagged("the Boston Tigers Foundation gave").contains(&"ORG:Boston Tigers".to_string()));
        assert!(!tagged("the Boston Securities and Exchange Board").contains(&"ORG:Boston Securities".to_string()));
    }

    #[test]
    fn an_officer_of_a_county_names_no_county() {
        assert!(!tagged("County Executive Ruth Ames spoke.").iter().any(|t| t.contains("County")));
        assert!(!tagged("the County Executive said").iter().any(|t| t.contains("County")));
        assert_eq!(tagged("a farm in County Mayo"), ["GPE:County Mayo"]);
    }

    #[test]
    fn a_known_place_before_plains_is_a_region() {
        assert_eq!(tagged("Villages on the Nineveh Plains emptied."), ["LOC:Nineveh Plains"]);
    }

    #[test]
    fn places_named_as_towns_villages_or_counties_are_places() {
        assert_eq!(tagged("the fire reached the town of Paradise on foot."), ["GPE:Paradise"]);
        assert_eq!(
            tagged("people fled the villages of Magalia and Concow, officials said"),
            ["GPE:Magalia", "GPE:Concow"]
        );
        assert_eq!(tagged("an emergency for Butte and Tehama counties was declared"), ["GPE:Butte", "GPE:Tehama"]);
    }

    #[test]
    fn other_words_after_town_or_before_counties_are_no_places() {
        let places = |text: &str| tagged(text).into_iter().filter(|t| t.starts_with("GPE:")).count();
        assert_eq!(places("the town of Lucy Smith fame, a town of Springfield Police"), 0);
        assert_eq!(places("the town of which we spoke; Big Valley Electric counties"), 0);
    }

    #[test]
    fn a_place_described_as_a_town_or_village_after_a_comma_is_a_place() {
        assert_eq!(tagged("Rain hit Carrowby and Dunmere, two villages in the hills"), ["GPE:Carrowby", "GPE:Dunmere"]);
        assert_eq!(tagged("in Tarlow, a small hamlet near the coast"), ["GPE:Tarlow"]);
        assert_eq!(tagged("Ashgrove, a town."), ["GPE:Ashgrove"]);
        assert_eq!(tagged("of Belton, a village southwest of the city"), ["GPE:Belton"]);
    }

    #[test]
    fn a_person_or_a_noun_after_town_or_village_in_an_appositive_is_no_place() {
        let places = |text: &str| tagged(text).into_iter().filter(|t| t.starts_with("GPE:")).count();
        assert_eq!(places("we met Okoro, a village elder, and Pell, a town councillor"), 0);
        assert_eq!(places("Mr Dunmore, a village in spirit; Nadia Wren, a town"), 0);
        // A particle before the last word: the place's name is longer ("Kirchberg am Wald").
        assert_eq!(places("a house in Kirchberg am Wald, a town on the river"), 0);
    }

    #[test]
    fn a_nationality_and_a_religion_are_one_group() {
        assert_eq!(tagged("at a Serbian Orthodox graveyard"), ["NORP:Serbian Orthodox"]);
        assert_eq!(tagged("Serbs, mostly Orthodox Christians, voted"), ["NORP:Serbs", "NORP:Orthodox Christians"]);
        assert_eq!(tagged("Sunni Muslims and Syrian Catholic priests"), ["NORP:Sunni Muslims", "NORP:Syrian Catholic"]);
    }

    #[test]
    fn a_religion_opening_a_longer_name_is_not_joined() {
        assert_eq!(tagged("the Serbian Orthodox Church said"), ["NORP:Serbian", "NORP:Orthodox"]);
        assert_eq!(tagged("Serbian, Orthodox and other"), ["NORP:Serbian", "NORP:Orthodox"]);
        assert_eq!(tagged("he urged Iraqi Shiites to unite"), ["NORP:Iraqi", "NORP:Shiites"]);
    }

    #[test]
    fn a_field_of_government_before_a_country_is_its_agency() {
        assert_eq!(tagged("Health Canada said on Friday"), ["ORG:Health Canada", "DATE:Friday"]);
        assert_eq!(tagged("data from Statistics Norway show"), ["ORG:Statistics Norway"]);
    }

    #[test]
    fn a_field_inside_a_longer_name_or_apart_from_the_country_is_no_agency() {
        assert_eq!(tagged("Public Health England warned"), ["GPE:England"]);
        assert_eq!(tagged("In health, Canada leads"), ["GPE:Canada"]);
    }
}
