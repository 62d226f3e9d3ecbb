//! GPE in wire-style datelines: a place written in capitals that opens a line, before a comma, a
//! parenthesised agency or a dash ("OSLO (Reuters) —", "NAIROBI, Kenya (AP) —", "WASHINGTON —").
//! The gazetteer holds its places in capitals too ([`super::gazetteer`]), but a place in capitals
//! counts only in a dateline: elsewhere capitals are often a byline's name ("By JORDAN LEE"). A place
//! not on the lists counts when a known place follows its comma ("HAMMERFEST, Norway —").

use super::Candidate;
use super::facts::Facts;
use super::gazetteer::Gazetteer;
use super::phrases::PhraseMatch;
use super::tokens::Tokens;

/// Longest unlisted place taken before a known one, in bytes ("SAN FRANCISCO", "RIO DE JANEIRO").
const MAX_PLACE: usize = 32;

/// Whether a gazetteer match may be proposed: any match but a place the lists hold in its usual case
/// written in capitals ("LONDON"), which must open a dateline.
pub fn allows(tokens: &Tokens, facts: &[Facts], gazetteer: &Gazetteer, m: &PhraseMatch) -> bool {
    if facts[m.first].any(Facts::CAPITALISED.union(Facts::LOWER_START)) || !facts[m.first].has(Facts::UPPER_START) {
        return true;
    }
    let (start, end) = tokens.span(m.first, m.last);
    let text = &tokens.text[start..end];
    let usual = title_case(text);
    usual == text || gazetteer.entities.label_of(&usual) != Some(m.label) || opens_dateline(tokens, m.first, end)
}

/// The GPE candidate of an unlisted place in capitals opening a dateline before a comma and the known
/// place of match `m` ("HAMMERFEST, Norway (Reuters) —", "GRANBY, Colo. —").
pub fn before_known_place<'l>(tokens: &Tokens, m: &PhraseMatch<'l>) -> Option<Candidate<'l>> {
    if m.first < 2 || m.label != "GPE" || tokens.text(m.first - 1) != "," {
        return None;
    }
    let bytes = tokens.text.as_bytes();
    let comma = tokens.list[m.first - 1].start;
    let line_start = bytes[..comma].iter().rposition(|&b| b == b'\n').map_or(0, |k| k + 1);
    let place = &bytes[line_start..comma];
    let is_place = (2..=MAX_PLACE).contains(&place.len())
        && place.first().is_some_and(u8::is_ascii_uppercase)
        && place.iter().all(|&b| b.is_ascii_uppercase() || matches!(b, b' ' | b'.' | b'\'' | b'-'));
    let (_, end) = tokens.span(m.first, m.last);
    (is_place && has_dateline_mark(&tokens.text[end..])).then_some(Candidate {
        start: line_start,
        end: comma,
        label: m.label,
        origin: super::GAZETTEER,
        score: 0.8,
    })
}

/// Whether token `first`, whose place ends at byte `end`, opens its line and is followed by a
/// dateline's punctuation. A colon counts only outside transcripts, where "AUSTIN: We will…" names a
/// speaker.
fn opens_dateline(tokens: &Tokens, first: usize, end: usize) -> bool {
    let rest = &tokens.text[end..];
    (first == 0 || tokens.breaks_line_before(first))
        && has_dateline_mark(rest)
        && !(rest.starts_with(": ") && is_transcript(tokens.text))
}

/// Most bytes of a speaker's label before its colon ("SEN. ANN LEE:").
const MAX_SPEAKER: usize = 24;

/// Labels in capitals before a colon that head a note or a section, not a speaker ("UPDATE: …").
const SECTION_LABELS: [&[u8]; 10] = [
    b"ALSO READ",
    b"CORRECTION",
    b"EDITOR'S NOTE",
    b"NOTE",
    b"PHOTOS",
    b"READ MORE",
    b"RELATED",
    b"SOURCE",
    b"UPDATE",
    b"WATCH",
];

/// Whether two or more lines of `text` open with a speaker's label in capitals and a colon ("LEE: …",
/// "Q: …"), as an interview's transcript does; a dateline opens one line only, and the
/// [`SECTION_LABELS`] name no speaker.
fn is_transcript(text: &str) -> bool {
    let speaker = |line: &str| {
        let label =
            line.as_bytes().iter().take(MAX_SPEAKER + 1).position(|&b| b == b':').map(|k| &line.as_bytes()[..k]);
        label.is_some_and(|l| {
            l.first().is_some_and(u8::is_ascii_uppercase)
                && l.iter().all(|&b| b.is_ascii_uppercase() || matches!(b, b' ' | b'.' | b'\'' | b'-'))
                && !SECTION_LABELS.contains(&l)
        })
    };
    text.split('\n').filter(|line| speaker(line)).nth(1).is_some()
}

/// Whether the text after a dateline's place starts with its punctuation: a comma, a parenthesised
/// agency, a colon ("MUMBAI: Heavy rain…") or a dash.
fn has_dateline_mark(rest: &str) -> bool {
    [", ", " (", ": ", " \u{2014}", " \u{2013}", " - ", " -- ", "\u{2014}"].iter().any(|mark| rest.starts_with(mark))
}

/// "NEW YORK" as "New York", "WINSTON-SALEM" as "Winston-Salem": each letter after a letter in lower case.
fn title_case(capitals: &str) -> String {
    let mut out = String::with_capacity(capitals.len());
    let mut after_letter = false;
    for c in capitals.chars() {
        if after_letter {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
        after_letter = c.is_alphabetic();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::Suggester;

    /// The GPE suggestions of `text`.
    fn places(text: &str) -> Vec<&str> {
        let found = Suggester::builtin().suggest(text);
        found.iter().filter(|e| *e.label == *"GPE").map(|e| &text[e.start..e.end]).collect()
    }

    #[test]
    fn known_places_in_capitals_open_datelines() {
        assert_eq!(places("OSLO (Reuters) \u{2014} The harbour froze."), ["OSLO"]);
        assert_eq!(
            places("Headline\n\nNEW YORK \u{2014} Rents rose.\nNAIROBI, Kenya (AP) \u{2014} Rain."),
            ["NEW YORK", "NAIROBI", "Kenya"]
        );
        assert_eq!(places("WASHINGTON - Talks stalled."), ["WASHINGTON"]);
        assert_eq!(places("MUMBAI: Heavy rain flooded roads."), ["MUMBAI"]);
    }

    #[test]
    fn speakers_of_a_transcript_are_no_datelines() {
        assert!(places("AUSTIN: We will support the harbour.\nJORDAN: Yes, I think so.").is_empty());
        assert!(places("Q: Why?\nAUSTIN: Because.\n").is_empty());
        assert_eq!(places("MUMBAI: Heavy rain.\nThe minister said: \"Stay home.\""), ["MUMBAI"]);
        assert_eq!(places("MUMBAI: Heavy rain flooded roads.\nUPDATE: Schools were shut."), ["MUMBAI"]);
        assert_eq!(places("MUMBAI: Rain.\nALSO READ: Floods\nEDITOR'S NOTE: Updated."), ["MUMBAI"]);
    }

    #[test]
    fn an_unlisted_place_counts_before_a_known_one() {
        assert_eq!(places("HAMMERFEST, Norway (Reuters) \u{2014} Ice."), ["HAMMERFEST", "Norway"]);
        assert_eq!(places("GRANBY, Colo. \u{2014} Snow."), ["GRANBY", "Colo."]);
        // Not a dateline: no capitals opening the line ("the town of Granby" is a place by another rule).
        assert_eq!(places("The ski hills near Granby, Colo. \u{2014} snowed in."), ["Colo."]);
    }

    #[test]
    fn places_in_capitals_elsewhere_are_not_proposed() {
        assert!(places("By JORDAN LEE and PARIS MOORE, Associated Press").is_empty());
        assert!(places("OSLO\nThe city is cold.").is_empty(), "a place alone on its line is a heading");
        assert!(places("HARBOR STREET, Riverside \u{2014} A shop opened.").is_empty());
        assert_eq!(places("Talks in Oslo \u{2014} and the U.S. \u{2014} stalled."), ["Oslo", "U.S."]);
    }

    #[test]
    fn capitals_are_title_cased_word_by_word() {
        assert_eq!(title_case("WINSTON-SALEM"), "Winston-Salem");
        assert_eq!(title_case("ST. LOUIS"), "St. Louis");
        assert_eq!(title_case("SÃO PAULO"), "São Paulo");
    }
}
