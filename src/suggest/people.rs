//! PERSON heuristics for news text: names after titles and honorifics ("Defense Secretary James
//! Mattis", "Sen. Ann Lee"), names next to speech verbs ("Dan Lucas said"), names starting with a
//! known given name ("Emilio Hoffman"), and surnames standing alone once the full name is known.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::{BuildHasher, Hash, Hasher};

use foldhash::fast::RandomState;

use super::Candidate;
use super::facts::Facts;
use super::gazetteer::Gazetteer;
use super::marks::{CHUNK, ChunkMarks, Marks, each_index};
use super::tokens::Tokens;
use super::words::WordList;

/// The label these rules propose.
const PERSON: &str = "PERSON";

/// Capitalised titles and honorifics that stand right before a name (abbreviations without their period).
static TITLES: WordList = WordList::new(&[
    "Adm",
    "Admiral",
    "Ambassador",
    "Archbishop",
    "Ayatollah",
    "Bishop",
    "Capt",
    "Captain",
    "Cardinal",
    "Chairman",
    "Chairwoman",
    "Chancellor",
    "Coach",
    "Col",
    "Commissioner",
    "Congressman",
    "Congresswoman",
    "Councillor",
    "Councilman",
    "Councilwoman",
    "Cpl",
    "Dame",
    "Detective",
    "Dr",
    "Emperor",
    "Gen",
    "General",
    "Gov",
    "Governor",
    "Imam",
    "Inspector",
    "Judge",
    "Justice",
    "King",
    "Lady",
    "Leader",
    "Lord",
    "Lt",
    "Maj",
    "Major",
    "Mayor",
    "Minister",
    "Miss",
    "Mr",
    "Mrs",
    "Ms",
    "Mufti",
    "Mx",
    "Officer",
    "Pastor",
    "Patriarch",
    "Pope",
    "Premier",
    "President",
    "Prince",
    "Princess",
    "Prof",
    "Professor",
    "Queen",
    "Rabbi",
    "Rep",
    "Representative",
    "Rev",
    "Reverend",
    "Secretary",
    "Sen",
    "Senator",
    "Sergeant",
    "Sgt",
    "Sheikh",
    "Sheriff",
    "Sir",
    "Speaker",
    "Superintendent",
]);

/// Titles that also begin organisation names ("General Motors", "Justice Department"): the name
/// after them must have two words or start with a given name.
static AMBIGUOUS_TITLES: WordList =
    WordList::new(&["Coach", "General", "Judge", "Justice", "Leader", "Major", "Officer", "Speaker"]);

/// Role nouns that stand before a full name ("spokesman John Smith", "striker Ana Lima"), and the
/// capitalised forms that open a sentence before one ("Economist Jean-Claude Trichet said"); family
/// words are listed in lower case only ("Sister Mary" is a title). "By" and "by" introduce the name of
/// a byline or a credit line ("By Tom Okafor, Staff Writer", "Reporting by Lars Eriksen").
static ROLE_NOUNS: WordList = WordList::new(&[
    "Activist",
    "Actor",
    "Actress",
    "Adviser",
    "Advisor",
    "Analyst",
    "Architect",
    "Artist",
    "Attorney",
    "Author",
    "By",
    "Chair",
    "Columnist",
    "Composer",
    "Correspondent",
    "Critic",
    "Curator",
    "Designer",
    "Diplomat",
    "Director",
    "Economist",
    "Editor",
    "Engineer",
    "Executive",
    "Historian",
    "Journalist",
    "Lawmaker",
    "Lawyer",
    "Meteorologist",
    "Musician",
    "Novelist",
    "Photographer",
    "Physician",
    "Pilot",
    "Playwright",
    "Poet",
    "Producer",
    "Prosecutor",
    "Reporter",
    "Researcher",
    "Scientist",
    "Singer",
    "Spokesman",
    "Spokesperson",
    "Spokeswoman",
    "Striker",
    "Surgeon",
    "Writer",
    "activist",
    "actor",
    "actress",
    "adviser",
    "advisor",
    "analyst",
    "architect",
    "artist",
    "astronaut",
    "astronomer",
    "attorney",
    "author",
    "banker",
    "biologist",
    "boxer",
    "brother",
    "by",
    "candidate",
    "captain",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "chef",
    "chemist",
    "chief",
    "coach",
    "colleague",
    "columnist",
    "commissioner",
    "composer",
    "correspondent",
    "councillor",
    "councilor",
    "critic",
    "curator",
    "cyclist",
    "daughter",
    "defender",
    "designer",
    "diplomat",
    "director",
    "doctor",
    "driver",
    "economist",
    "editor",
    "engineer",
    "entrepreneur",
    "envoy",
    "epidemiologist",
    "executive",
    "farmer",
    "father",
    "filmmaker",
    "founder",
    "friend",
    "geneticist",
    "goalkeeper",
    "golfer",
    "historian",
    "husband",
    "investor",
    "journalist",
    "lawmaker",
    "lawyer",
    "leader",
    "manager",
    "mathematician",
    "member",
    "meteorologist",
    "microbiologist",
    "midfielder",
    "minister",
    "mother",
    "musician",
    "neighbor",
    "neighbour",
    "neuroscientist",
    "novelist",
    "nurse",
    "official",
    "philosopher",
    "photographer",
    "physician",
    "physicist",
    "pianist",
    "pilot",
    "pitcher",
    "player",
    "playwright",
    "poet",
    "president",
    "producer",
    "professor",
    "prosecutor",
    "psychologist",
    "quarterback",
    "reporter",
    "researcher",
    "runner",
    "scientist",
    "secretary",
    "senator",
    "singer",
    "sister",
    "skipper",
    "sociologist",
    "son",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "sprinter",
    "striker",
    "student",
    "surgeon",
    "swimmer",
    "teacher",
    "teammate",
    "virologist",
    "widow",
    "wife",
    "winger",
    "writer",
]);

/// Verbs of speech that follow or precede a speaker's name.
static SPEECH_VERBS: WordList = WordList::new(&[
    "acknowledged",
    "added",
    "announced",
    "argued",
    "asked",
    "explained",
    "insisted",
    "noted",
    "recalled",
    "replied",
    "said",
    "says",
    "stated",
    "testified",
    "told",
    "tweeted",
    "warned",
    "wrote",
]);

/// Lower-case particles inside names ("Ursula von der Leyen").
static PARTICLES: WordList = WordList::new(&[
    "al", "bin", "da", "de", "del", "della", "der", "di", "dos", "du", "el", "ibn", "la", "le", "van", "von",
]);

/// Name suffixes ("Jr.") and the regnal numbers of popes and monarchs ("Pope Leo XIV", "Charles III");
/// not "V" or "X", which are also letters and a platform's name.
static SUFFIXES: WordList =
    WordList::new(&["II", "III", "IV", "IX", "Jr", "Sr", "VI", "VII", "VIII", "XI", "XII", "XIII", "XIV", "XV", "XVI"]);

/// Fewest words starting with a letter in a line taken for a title-case headline.
const TITLE_CASE_WORDS: usize = 6;

/// Fewest words starting with a letter in a line taken for a short title-case headline ("Judge Orders
/// Release Of Files"), where a verb after an ambiguous title is told from a name.
const SHORT_HEADLINE_WORDS: usize = 4;

/// The short words title case leaves in lower case.
const TITLE_CASE_LOWER: [&str; 20] = [
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on", "or", "over", "the",
    "to", "vs", "with",
];

/// Whether a word may follow the role noun closing a description after a name ("Ama Owusu, the party's
/// leader, said", "…, the architect who", "…, a member of"); a possessive or a name may not.
fn is_role_closer(word: &[u8]) -> bool {
    matches!(
        word,
        b"," | b"." | b";" | b"and" | b"at" | b"for" | b"from" | b"in" | b"of" | b"who" | b"whom" | b"whose" | b"with"
    )
}

/// Whether a word is a preposition, before which a capitalised pair followed by a description is a place
/// or firm, not a person ("worked at Halvorsen Instruments, the chipmaker's…").
fn is_preposition(word: &[u8]) -> bool {
    matches!(word, b"at" | b"by" | b"for" | b"from" | b"in" | b"into" | b"of" | b"on" | b"to" | b"with")
}

/// Most tokens between a description's article and its role noun, the role noun included.
const MAX_DESCRIPTION_TOKENS: usize = 6;

/// Longest name accepted, in name words.
const MAX_NAME_WORDS: usize = 4;

/// The lists of this module with the fact each gives a word on it.
pub(super) fn lists() -> [(&'static WordList, Facts); 6] {
    [
        (&TITLES, Facts::TITLE),
        (&AMBIGUOUS_TITLES, Facts::AMBIGUOUS_TITLE),
        (&ROLE_NOUNS, Facts::ROLE_NOUN),
        (&SPEECH_VERBS, Facts::SPEECH_VERB),
        (&PARTICLES, Facts::PARTICLE),
        (&SUFFIXES, Facts::NAME_SUFFIX),
    ]
}

/// Capitalised jobs and ranks that are neither titles nor role nouns but stand before a name in
/// speakers' names ("NASA's Administrator Jim Bridenstine said", "Police Chief Ed Alvarez told").
const JOB_WORDS: [&str; 16] = [
    "Administrator",
    "Auditor",
    "Chancellor",
    "Chief",
    "Commissioner",
    "Constable",
    "Coordinator",
    "Detective",
    "Inspector",
    "Manager",
    "Principal",
    "Sheriff",
    "Superintendent",
    "Supervisor",
    "Treasurer",
    "Trustee",
];

/// Most tokens of a byline's role after the name's comma, the comma included ("…, special
/// correspondent for the Harbor Daily").
const MAX_BYLINE_ROLE_TOKENS: usize = 7;

/// Lower-case words that open a byline's role after the name's comma ("staff writer", "special
/// correspondent", "for the Harbor Daily").
const BYLINE_ROLES: [&str; 6] = ["chief", "contributing", "for", "senior", "special", "staff"];

/// Verbs that, after a name opened by a capitalised role noun, show a person and not a compound
/// name ("Spokesman Andriy Yusov declined to comment"; "Producer Price Index rose").
const PERSON_VERBS: [&str; 10] =
    ["confirmed", "declined", "denied", "scored", "testified", "told", "tweeted", "urged", "warned", "wrote"];

/// The facts one of which every token where [`find`] looks for a name has: a role noun or speech verb,
/// a title ("State" of "Secretary of State" is a place noun) or a given name.
pub(super) const CUES: Facts =
    Facts::ROLE_NOUN.union(Facts::SPEECH_VERB).union(Facts::TITLE).union(Facts::PLACE_NOUN).union(Facts::GIVEN_NAME);

/// Adds PERSON spans to `out`, possibly overlapping (the caller keeps the best); `facts` are the
/// tokens' facts ([`super::facts::Lexicon::facts`]) and `marks` their [`Marks`].
pub fn find(tokens: &Tokens, facts: &[Facts], marks: &Marks, gazetteer: &Gazetteer, out: &mut Vec<Candidate<'_>>) {
    let rules = Rules { tokens, facts, gazetteer };
    let mut found = Vec::with_capacity(facts.len() / 32);
    // Which tokens may start a name and which have a cue come as masks of a chunk of tokens: most
    // tokens have neither kind of fact, and are passed by without being looked at one by one. The
    // first masks also say where a name may be mentioned again, so the second pass looks only there.
    let marks = marks.chunks();
    each_index(marks.iter().map(|m| m.cues), |i| look_at_cue(&rules, i, facts[i], &mut found));
    found.sort_by_key(|&(f, l, _)| (f, std::cmp::Reverse(l)));
    found.dedup_by_key(|(f, _, _)| *f);
    out.extend(found.iter().map(|&(f, l, score)| candidate(tokens, f, l, score)));
    rules.repeated_names(&found, marks, out);
}

/// Adds to `found` the name a cue at token `i` (with facts `f`, one of [`CUES`]) introduces.
fn look_at_cue(rules: &Rules, i: usize, f: Facts, found: &mut Vec<(usize, usize, f32)>) {
    // Every cue is a listed word, and every listed cue starts with a letter (a test checks), so a
    // token with a cue has `ALPHA_START`; lower-case words can only be role nouns or speech verbs.
    if f.has(Facts::LOWER_START) {
        lower_case_cue(rules, i, f, found);
        return;
    }
    let name = if let Some(name) = rules.after_title(i) {
        Some((rules.before_headline_gerund(name), 0.8))
    } else if let Some(name) = f.has(Facts::ROLE_NOUN).then(|| rules.after_capitalised_role(i)).flatten() {
        Some((name, 0.75))
    } else if f.has(Facts::GIVEN_NAME) && (i == 0 || rules.may_open_name_after(i - 1)) {
        rules
            .name_at(i)
            .filter(|&(f, l)| l > f && (!is_time_word(rules.tokens.text(i)) || rules.named_by_time_word(f, l)))
            .map(|name| (name, 0.7))
    } else {
        None
    };
    if let Some((name, score)) = name {
        let (first, last) = rules.headline_name(name);
        found.push((first, last, score));
    }
}

/// Whether a given name is also a month or a season ("April", "Summer").
fn is_time_word(word: &str) -> bool {
    matches!(word, "April" | "Autumn" | "June" | "Summer")
}

/// For each of `chunks` masks of [`CHUNK`] tokens, bit `k` set when token `k` of the chunk is inside
/// one of the `found` spans (first and last token, inclusive).
fn covered_masks(found: &[(usize, usize, f32)], chunks: usize) -> Vec<u32> {
    let mut covered = vec![0u32; chunks];
    for &(first, last, _) in found {
        for k in first..=last {
            if let Some(mask) = covered.get_mut(k / CHUNK) {
                *mask |= 1 << (k % CHUNK);
            }
        }
    }
    covered
}

/// Adds to `found` the names a lower-case cue at token `i` introduces: a role noun before a full name
/// ("spokesman John Smith") or a speech verb next to one.
fn lower_case_cue(rules: &Rules, i: usize, facts: Facts, found: &mut Vec<(usize, usize, f32)>) {
    if facts.has(Facts::ROLE_NOUN) && rules.tokens.text(i) == "by" {
        found.extend(rules.credited(i).map(|name| (name.0, name.1, 0.75)));
    } else if facts.has(Facts::ROLE_NOUN) {
        let name = rules.name_at(i + 1).filter(|r| rules.is_full_name(*r)).or_else(|| rules.appositive(i));
        if let Some(name) = name.or_else(|| rules.described_after(i)) {
            found.push((name.0, name.1, 0.75));
        }
    } else if facts.has(Facts::SPEECH_VERB) {
        rules.around_speech_verb(i, found);
    }
}

/// Words before "by" in credit lines ([`Rules::credited`]); not "Photo": photos are mostly credited to
/// agencies ("Photo by Getty Images").
const CREDITS: [&str; 12] = [
    "Compiled",
    "Edited",
    "Editing",
    "Posted",
    "Reporting",
    "Written",
    "compiled",
    "edited",
    "editing",
    "posted",
    "reporting",
    "written",
];

/// Capitalised words that, followed by "more", make a link label glued after a name in page text
/// ("Jess Phillips and Gloria de Piero Read more").
const MORE_LINK_WORDS: [&str; 6] = ["Find", "Learn", "Read", "See", "Show", "Watch"];

/// Whether token `j` begins a "Read more"-style link label, so it ends the name before it.
fn is_more_link(tokens: &Tokens, j: usize) -> bool {
    j + 1 < tokens.len() && tokens.text(j + 1) == "more" && MORE_LINK_WORDS.contains(&tokens.text(j))
}

/// Whether a word is a name particle written with a capital ("De" in "Marcus De Guzman"), which a
/// title-case headline gives every particle.
fn is_capitalised_particle(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_uppercase()) && PARTICLES.words().iter().any(|p| p.eq_ignore_ascii_case(word))
}

/// A PERSON candidate over tokens `first..=last`.
fn candidate(tokens: &Tokens, first: usize, last: usize, score: f32) -> Candidate<'static> {
    let (start, end) = tokens.span(first, last);
    Candidate { start, end, label: PERSON, origin: super::HEURISTICS, score }
}

/// The rules over one tokenized text.
struct Rules<'t, 'a> {
    tokens: &'t Tokens<'a>,
    /// The facts of each token.
    facts: &'t [Facts],
    gazetteer: &'a Gazetteer,
}

impl<'a> Rules<'_, 'a> {
    /// Whether token `j` has fact `fact` (`false` past the end).
    #[inline]
    fn is(&self, j: usize, fact: Facts) -> bool {
        self.facts.get(j).is_some_and(|f| f.has(fact))
    }

    /// The name that starts at token `i`: name words, initials ("W."), particles between name words and
    /// a suffix, on one line. Returns the first and last token.
    #[inline]
    fn name_at(&self, i: usize) -> Option<(usize, usize)> {
        // Most tokens asked about (the word after a speech verb or a role noun) start no name: they are
        // ruled out here, without a call.
        if !self.facts.get(i).is_some_and(|f| f.any(NAME_START)) {
            return None;
        }
        self.name_from(i)
    }

    /// [`Rules::name_at`] for a token that may start a name (it has a fact of [`NAME_START`]).
    fn name_from(&self, i: usize) -> Option<(usize, usize)> {
        let t = self.tokens;
        let (mut last, mut j, mut words) = if self.is_initial(i) {
            (i + 1, i + 2, 0)
        } else if self.is(i, Facts::NAME_WORD) && (!self.is(i, Facts::CALENDAR) || self.is(i, Facts::GIVEN_NAME)) {
            (i, i + 1, 1)
        } else {
            return None;
        };
        while j < t.len() && words < MAX_NAME_WORDS && !t.breaks_line_before(j) {
            if self.is(j, Facts::NAME_WORD) && self.not_a_place(j) && !is_more_link(t, j) {
                last = j;
                words += 1;
                j += 1;
            } else if self.is_initial(j) && words > 0 {
                last = j + 1;
                j += 2;
            } else if last + 1 == j && self.joins(j) && (words == 1 || !self.links_two_names(i, j)) {
                // The second part of a hyphenated name word ("Zeta-Jones", "Jean-Claude"): the same word.
                last = j + 1;
                j += 2;
            } else if words > 0 && self.hyphenated_particle(j) {
                // A particle joined to its name word by a hyphen ("al-Rashid", "el-Sayed"): one word.
                last = j + 2;
                words += 1;
                j += 3;
            } else if self.is(j, Facts::PARTICLE)
                && (self.is(j + 1, Facts::NAME_WORD)
                    || self.is(j + 1, Facts::PARTICLE) && self.is(j + 2, Facts::NAME_WORD))
            {
                // One particle or two ("van der Berg") before a name word.
                j += 1;
            } else {
                break;
            }
        }
        if words == 0 {
            return None;
        }
        if self.is(j, Facts::NAME_SUFFIX) && !t.breaks_line_before(j) {
            // "Jr." keeps its period; after a regnal number a period ends the sentence.
            last = if self.is_period(j + 1) && matches!(t.text(j), "Jr" | "Sr") { j + 1 } else { j };
        }
        Some((i, last))
    }

    /// `name` cut to its first two name words when it has more and stands in a title-case line
    /// ("Mayor Pete Buttigieg Apparently Thinks Jesus Would Be Okay"): there every word is capitalised,
    /// so the words after a name look like more of it.
    fn headline_name(&self, (first, last): (usize, usize)) -> (usize, usize) {
        if last < first + 2 || !self.in_title_case_line(first) {
            return (first, last);
        }
        let mut words = 0;
        for j in first..=last {
            let particle = j > first && j < last && is_capitalised_particle(self.tokens.text(j));
            let hyphenated = j > first && self.joins(j - 1);
            words += usize::from(self.is(j, Facts::NAME_WORD) && !particle && !hyphenated);
            if words == 2 {
                // The second word whole, with the parts hyphens join on ("Ocampo-Reyes").
                let mut end = j;
                while end < last && self.joins(end + 1) {
                    end += 2;
                }
                return (first, end);
            }
        }
        (first, last)
    }

    /// Whether the name from `first` to `last`, opened by a given name that is also a month or a season
    /// ([`is_time_word`]), is a person: two words, with lower case or punctuation after them, not after an
    /// article or a preposition of time and not in a title-case line ("Team doctor **April Hennessy**
    /// said", "**June Castellano**, who"; not "April Sales Rise", "the Summer Olympics in", "in June Congress
    /// voted").
    fn named_by_time_word(&self, first: usize, last: usize) -> bool {
        let t = self.tokens;
        let after_ok = last + 1 >= t.len() || t.breaks_line_before(last + 1) || !self.is(last + 1, Facts::UPPER_START);
        let before_ok = first == 0
            || t.breaks_line_before(first)
            || !matches!(
                t.text(first - 1),
                "the" | "The" | "a" | "in" | "by" | "since" | "until" | "of" | "last" | "next"
            );
        last == first + 1 && after_ok && before_ok && !self.in_title_case_line(first)
    }

    /// Whether the line of token `i` is written in title case: at least [`TITLE_CASE_WORDS`] words
    /// start with a letter, and none but [`TITLE_CASE_LOWER`] words and name particles ("von") with a
    /// lower-case one.
    fn in_title_case_line(&self, i: usize) -> bool {
        self.title_case_words(i).is_some_and(|words| words >= TITLE_CASE_WORDS)
    }

    /// How many words start with a letter on the line of token `i`, if none but [`TITLE_CASE_LOWER`]
    /// words and name particles starts with a lower-case one. Both directions stop at the first word
    /// that rules title case out, so a name in prose costs a few tokens, not its whole line.
    fn title_case_words(&self, i: usize) -> Option<usize> {
        let t = self.tokens;
        let mut words = 0;
        // Token `i` and those before it on its line, then those after it.
        let mut j = i;
        loop {
            words += self.title_case_word(j)?;
            if j == 0 || t.breaks_line_before(j) {
                break;
            }
            j -= 1;
        }
        for j in i + 1..t.len() {
            if t.breaks_line_before(j) {
                break;
            }
            words += self.title_case_word(j)?;
        }
        Some(words)
    }

    /// For a token of a title-case line: 1 for a word starting with a letter, 0 for other tokens;
    /// `None` for a lower-case word title case would not leave in lower case.
    fn title_case_word(&self, j: usize) -> Option<usize> {
        let f = self.facts[j];
        if f.has(Facts::LOWER_START) && !f.has(Facts::PARTICLE) && !TITLE_CASE_LOWER.contains(&self.tokens.text(j)) {
            return None;
        }
        Some(usize::from(f.has(Facts::ALPHA_START)))
    }

    /// Whether the hyphen at token `j`, after the second name word of the name starting at token `i`,
    /// links two people ("the Victor Rask-Nino Niederreiter trade"): more name words follow it on its
    /// line, a line not written in title case (where every word after a name is capitalised).
    fn links_two_names(&self, i: usize, j: usize) -> bool {
        self.is(j + 2, Facts::NAME_WORD) && !self.tokens.breaks_line_before(j + 2) && !self.in_title_case_line(i)
    }

    /// Whether a known given name may open a name right after token `j`: `j` is no name word nor a
    /// hyphen joining one to it, or it is a capitalised role noun ending a longer title, a job before the
    /// name and not part of it ("Fed Chair **Jerome Powell** is", "County Executive **Kathy Ames** had";
    /// not "Stella" inside "Anna Stella Ruiz"). A role noun opening its line is left to the role rules.
    fn may_open_name_after(&self, j: usize) -> bool {
        let f = self.facts[j];
        let in_title = f.has(Facts::ROLE_NOUN)
            && f.has(Facts::UPPER_START)
            && j > 0
            && !self.tokens.breaks_line_before(j)
            && self.is(j - 1, Facts::UPPER_START);
        !f.has(Facts::NAME_WORD) && !self.joins(j) || in_title
    }

    /// Whether token `j` is a hyphen joining two name words into one ("Ocasio-Cortez"): no space on
    /// either side, and a name word on both.
    fn joins(&self, j: usize) -> bool {
        let t = self.tokens;
        j > 0
            && j + 1 < t.len()
            && self.is(j - 1, Facts::NAME_WORD)
            && self.is(j + 1, Facts::NAME_WORD)
            && !t.spaced_before(j)
            && !t.spaced_before(j + 1)
            && matches!(t.text(j), "-" | "\u{2010}")
    }

    /// Whether token `j` is a particle joined by an unspaced hyphen to the name word after it ("al-Rashid").
    fn hyphenated_particle(&self, j: usize) -> bool {
        let t = self.tokens;
        self.is(j, Facts::PARTICLE)
            && self.is(j + 2, Facts::NAME_WORD)
            && matches!(t.text(j + 1), "-" | "\u{2010}")
            && !t.spaced_before(j + 1)
            && !t.spaced_before(j + 2)
    }

    /// The name a capitalised role noun at token `i` introduces: a byline's ("By") or the one after a
    /// role opening a sentence.
    fn after_capitalised_role(&self, i: usize) -> Option<(usize, usize)> {
        if self.tokens.text(i) == "By" { self.byline(i) } else { self.after_opening_role(i) }
    }

    /// The full name of a byline: "By" opening a line, then a name that ends the line or is followed by
    /// a comma, a bar, a dash or "and" ("By Tom Okafor | Staff Writer", "By Ann Lee and Bo Park"). A name
    /// that ends its line must start with a given name or come before a dateline, a date or a role
    /// ([`Rules::byline_follows`]; "By Popular Demand" is a heading).
    fn byline(&self, i: usize) -> Option<(usize, usize)> {
        let t = self.tokens;
        if i > 0 && !t.breaks_line_before(i) {
            return None;
        }
        let name = self.name_at(i + 1).filter(|&n| self.is_credited_name(n)).map(|n| self.without_staff_role(n))?;
        let next = name.1 + 1;
        let given = self.is(name.0, Facts::GIVEN_NAME);
        let closed = next < t.len()
            && !t.breaks_line_before(next)
            && matches!(t.text(next), "," | "|" | ";" | "and" | "-" | "\u{2013}" | "\u{2014}" | "Staff")
            && (given || t.text(next) != "," || !self.prose_follows(next));
        let ends_line = next >= t.len() || t.breaks_line_before(next);
        (closed || ends_line && (given || self.byline_follows(next))).then_some(name)
    }

    /// Whether token `j`, opening the line after a byline's name, is what follows bylines: a dateline
    /// in capitals ("OSLO (Reuters) -"), a date ("July 21, 2026") or a staff role ("Staff Writer",
    /// "Correspondent"); "By Popular Demand" before a sentence is a heading.
    fn byline_follows(&self, j: usize) -> bool {
        let Some(f) = self.facts.get(j) else { return false };
        let capitals = f.has(Facts::UPPER_START) && !f.has(Facts::CAPITALISED) && self.tokens.text(j).len() >= 3;
        (capitals && self.dateline_mark_after(j))
            || (f.has(Facts::CALENDAR) && self.only_date_on_line(j))
            || f.has(Facts::ROLE_NOUN)
            || self.tokens.text(j) == "Staff"
    }

    /// Whether the words in capitals from token `j` on are followed by a dateline's comma, bracket or
    /// dash ("OSLO (Reuters) -", "SAN JOSE, Calif."; not the heading "THE SHOW RETURNS").
    fn dateline_mark_after(&self, j: usize) -> bool {
        let t = self.tokens;
        let caps = |k: usize| self.facts[k].has(Facts::UPPER_START) && !self.facts[k].has(Facts::CAPITALISED);
        let end = (j..t.len()).take_while(|&k| !(k > j && t.breaks_line_before(k)) && caps(k)).last().unwrap_or(j);
        end + 1 < t.len()
            && !t.breaks_line_before(end + 1)
            && matches!(t.text(end + 1), "," | "(" | "-" | "\u{2013}" | "\u{2014}" | ":")
    }

    /// Whether the line from token `j` on holds a date or time only ("July 21, 2026", "Nov. 19, 2019
    /// 5:50 PM"; not "March 3 was declared a holiday.").
    fn only_date_on_line(&self, j: usize) -> bool {
        let t = self.tokens;
        (j..t.len())
            .take_while(|&k| k == j || !t.breaks_line_before(k))
            .all(|k| !self.is(k, Facts::LOWER_START) || matches!(t.text(k), "am" | "pm" | "a.m." | "p.m." | "at"))
    }

    /// Whether a lower-case word (not a web address's "com") follows token `j` on its line: a sentence
    /// goes on after a comma ("By Popular Demand, the court will…"), where a byline has a role or an
    /// outlet ("By Tom Okafor, Staff Writer").
    fn prose_follows(&self, j: usize) -> bool {
        let t = self.tokens;
        // "By Xiomara Quetzal, staff writer": a role after the comma, and the line ends soon after it
        // ("By Christmas Eve, senior officials had left" goes on).
        let line_end = (j + 1..t.len()).find(|&k| t.breaks_line_before(k)).unwrap_or(t.len());
        let role = j + 1 < t.len() && (self.is(j + 1, Facts::ROLE_NOUN) || BYLINE_ROLES.contains(&t.text(j + 1)));
        if role && line_end - j <= MAX_BYLINE_ROLE_TOKENS {
            return false;
        }
        (j + 1..t.len())
            .take_while(|&k| !t.breaks_line_before(k))
            .any(|k| t.spaced_before(k) && self.is(k, Facts::LOWER_START))
    }

    /// The full name after "by" at token `i` in a credit line ("Reporting by Lars Eriksen; Editing by Ann
    /// Lee", "Posted by Amara Obi"): only after one of the [`CREDITS`], as "by" in prose is more often
    /// followed by a company or a place than a person.
    fn credited(&self, i: usize) -> Option<(usize, usize)> {
        if i == 0 || !CREDITS.contains(&self.tokens.text(i - 1)) {
            return None;
        }
        self.name_at(i + 1).filter(|&n| self.is_credited_name(n)).map(|n| self.without_staff_role(n))
    }

    /// `name` without a staff role written on after it ("By Meg Jamison Staff Writer", "Reporting by
    /// Meg Jamison Staff Writer").
    fn without_staff_role(&self, name: (usize, usize)) -> (usize, usize) {
        (name.0 + 2..=name.1).find(|&k| self.tokens.text(k) == "Staff").map_or(name, |k| (name.0, k - 1))
    }

    /// Whether a name after "by" is a person's full name: no known organisation or place, and no word
    /// that starts one first ("Written by New York Staff", "Photo by Getty Images").
    fn is_credited_name(&self, name: (usize, usize)) -> bool {
        self.is_speaker(name) && (self.is(name.0, Facts::GIVEN_NAME) || !self.is(name.0, Facts::ENTITY_START))
    }

    /// The full name after a capitalised role noun that opens a sentence ("Economist Jean-Claude Trichet
    /// said", "Spokesman Andriy Yusov declined"): not in a title-case line, no known place first, and
    /// followed on its line by a lower-case word, a comma or a possessive, as in prose ("Analyst Sees
    /// Rates Falling" is a headline).
    fn after_opening_role(&self, i: usize) -> Option<(usize, usize)> {
        let t = self.tokens;
        let opens = i == 0 || t.breaks_line_before(i) || matches!(t.text(i - 1), "." | "!" | "?" | "\u{201c}" | "\"");
        if !opens {
            return None;
        }
        // A second role noun ("Executive Director Jane Hollis said") is part of the title.
        let name = self.name_at(i + 1).map(|n| self.without_opening_noun(n));
        let name = name.filter(|&n| n.1 > n.0 && self.not_a_place(n.0))?;
        let next = name.1 + 1;
        let prose = next < t.len()
            && !t.breaks_line_before(next)
            && (self.is(next, Facts::LOWER_START) || matches!(t.text(next), "," | "'s" | "\u{2019}s"));
        if !prose || self.in_title_case_line(i) {
            return None;
        }
        // "Producer Price Index rose", "Artist Residency Grants went": role nouns also open compound
        // names, so the name must start with a given name, or be followed by what people do or a
        // possessive.
        let person = self.is(name.0, Facts::GIVEN_NAME)
            || self.is(next, Facts::SPEECH_VERB)
            || PERSON_VERBS.contains(&t.text(next))
            || matches!(t.text(next), "'s" | "\u{2019}s");
        person.then_some(name)
    }

    /// Whether token `j` is a capital letter followed directly by a period ("W.").
    fn is_initial(&self, j: usize) -> bool {
        self.is(j, Facts::CAPITAL_LETTER) && self.is_period(j + 1)
    }

    /// Whether token `j` is a period attached to the token before it.
    fn is_period(&self, j: usize) -> bool {
        self.is(j, Facts::PERIOD) && !self.tokens.spaced_before(j)
    }

    /// Whether token `j` (inside a name) is not the start of a known place, group or organisation
    /// that is not also a given name.
    fn not_a_place(&self, j: usize) -> bool {
        self.is(j, Facts::GIVEN_NAME) || !self.is(j, Facts::ENTITY_WORD)
    }

    /// A name of two or more words, or one starting with a given name.
    fn is_full_name(&self, (first, last): (usize, usize)) -> bool {
        last > first || self.is(first, Facts::GIVEN_NAME)
    }

    /// The full name set off by commas after a role noun at token `i` ("the fisheries minister, Kjell
    /// Arne Dahl, said"): two name words or more, closed by a comma, and no known place or organisation.
    fn appositive(&self, i: usize) -> Option<(usize, usize)> {
        let t = self.tokens;
        if i + 2 >= t.len() || t.text(i + 1) != "," {
            return None;
        }
        let closed = |last: usize| last + 1 < t.len() && t.text(last + 1) == ",";
        self.name_at(i + 2).filter(|&(first, last)| last > first && closed(last) && self.is_speaker((first, last)))
    }

    /// The full name a comma and a description ending in the role noun at token `i` follow ("Ama Owusu,
    /// the alliance's leader, told", "Greta Lind, the Swedish-born architect whose", "Ola Berg, a senior
    /// member of"; in a headline "Greta Lind, architect who …"): two name words or more, no known place
    /// or organisation, not after a preposition ("at Halvorsen Instruments, the engineer who"), and the
    /// role noun closed by punctuation or a relative or prepositional word, not a possessive. Kept out of
    /// line, and reading bytes rather than token texts: it runs at most role nouns.
    #[inline(never)]
    fn described_after(&self, i: usize) -> Option<(usize, usize)> {
        let closed = i + 1 >= self.tokens.len() || is_role_closer(self.bytes(i + 1)) || !self.same_line(i + 1);
        if !closed || i < 3 {
            return None;
        }
        let comma = self.description_start(i)?;
        let last = comma.checked_sub(1)?;
        let first = self.name_start_before(last)?;
        // A name opened by a given name is found by the given-name rule already.
        if self.is(first, Facts::GIVEN_NAME)
            || first > 0 && is_preposition(self.bytes(first - 1)) && self.same_line(first)
        {
            return None;
        }
        let name = self.name_at(first).filter(|&(f, l)| l == last && f == first)?;
        self.is_speaker(name).then_some(name)
    }

    /// The bytes of token `k`.
    #[inline]
    fn bytes(&self, k: usize) -> &[u8] {
        let t = self.tokens.list[k];
        self.tokens.text.as_bytes().get(t.start..t.end).unwrap_or_default()
    }

    /// Whether token `k` is on the line of the token before it: [`Tokens::breaks_line_before`] negated,
    /// answered at once for the usual single space between them.
    #[inline]
    fn same_line(&self, k: usize) -> bool {
        let list = &self.tokens.list;
        let gap = self.tokens.text.as_bytes().get(list[k - 1].end..list[k].start).unwrap_or_default();
        gap == b" " || !gap.contains(&b'\n')
    }

    /// The first token of the name words, single or joined by hyphens, that end at token `last` on its
    /// line (at most [`MAX_NAME_WORDS`] of them); `None` when token `last` is no name word.
    fn name_start_before(&self, last: usize) -> Option<usize> {
        if !self.is(last, Facts::NAME_WORD) {
            return None;
        }
        let (mut first, mut words) = (last, 1);
        while first > 0 && words < MAX_NAME_WORDS {
            if self.is(first - 1, Facts::NAME_WORD) && self.same_line(first) {
                first -= 1;
            } else if first > 1 && self.is(first - 2, Facts::NAME_WORD) && self.bytes(first - 1) == b"-" {
                first -= 2;
            } else {
                break;
            }
            words += 1;
        }
        Some(first)
    }

    /// The comma that opens the description ending in the role noun at token `i`: an article after it, or
    /// the role noun right after it; between the article and the role noun, up to four lower-case words,
    /// possessives and hyphenated words ("the alliance's", "the Swedish-born").
    fn description_start(&self, i: usize) -> Option<usize> {
        if self.bytes(i - 1) == b"," {
            return Some(i - 1);
        }
        let mut j = i - 1;
        while i - j <= MAX_DESCRIPTION_TOKENS && j > 1 && self.same_line(j + 1) {
            let word = self.bytes(j);
            if matches!(word, b"a" | b"an" | b"the") {
                return (self.bytes(j - 1) == b"," && self.same_line(j)).then_some(j - 1);
            }
            let possessive = |w: &[u8]| matches!(w, b"-" | b"'s" | [0xE2, 0x80, 0x99, b's']);
            let joined = possessive(self.bytes(j + 1)) && !self.tokens.spaced_before(j + 1);
            if !(self.is(j, Facts::LOWER_START) || possessive(word) || joined) {
                return None;
            }
            j -= 1;
        }
        None
    }

    /// The name after a title at token `i` ("President Trump", "Sen. Ann Lee").
    fn after_title(&self, i: usize) -> Option<(usize, usize)> {
        if !self.is_title_at(i) {
            return None;
        }
        let next = if self.is_period(i + 1) { i + 2 } else { i + 1 };
        if next >= self.tokens.len() || self.tokens.breaks_line_before(next) {
            return None;
        }
        let name = self.name_at(next)?;
        // "General Motors", "General German Workers' Association": after a title that also begins
        // organisation names, a name must be full and must not start with a place or group word.
        if self.is(i, Facts::AMBIGUOUS_TITLE) && (!self.is_full_name(name) || !self.not_a_place(name.0)) {
            return None;
        }
        // "Judge Rejects Bid To Dismiss Case": in a title-case line (a short one will do) a verb after such
        // a title looks like a name; there a first word shaped like a verb ("Rejects", "Weighing") must be
        // a given name.
        if self.is(i, Facts::AMBIGUOUS_TITLE)
            && self.is_headline_verb(name.0)
            && self.title_case_words(i).is_some_and(|words| words >= SHORT_HEADLINE_WORDS)
        {
            return None;
        }
        let name = self.with_place_surname(i, name);
        self.gazetteer.entities.label_of_span(self.tokens, name.0, name.1).is_none().then_some(name)
    }

    /// `name`, a lone given name after the title at token `title`, with the listed place after it when
    /// that place is the surname ("Judge Anna Leicester", "Mayor Jack London said"): a one-word GPE
    /// followed by no other capitalised word on its line, outside a title-case line ("King Charles London Visit").
    /// After a title that opens no organisation's name, an unlisted first word will do too ("Defense
    /// Secretary **Lloyd Austin** said"; not "General Dynamics Houston").
    fn with_place_surname(&self, title: usize, (first, last): (usize, usize)) -> (usize, usize) {
        let j = last + 1;
        let given = self.is(first, Facts::GIVEN_NAME)
            || !self.is(title, Facts::AMBIGUOUS_TITLE)
                && !self.facts[first].any(Facts::ENTITY_START | Facts::ENTITY_WORD);
        let place = first == last
            && given
            && j < self.tokens.len()
            && !self.tokens.breaks_line_before(j)
            && self.is(j, Facts::ENTITY_WORD)
            && !self.is(j, Facts::GIVEN_NAME)
            && (!self.is(j + 1, Facts::UPPER_START) || self.tokens.breaks_line_before(j + 1))
            && self.gazetteer.entities.label_of_span(self.tokens, j, j) == Some("GPE")
            && !self.in_title_case_line(title);
        if place { (first, j) } else { (first, last) }
    }

    /// Whether token `j` is shaped like a verb of a headline ("Rejects", "Weighing") and is not a given
    /// name ("Charles").
    fn is_headline_verb(&self, j: usize) -> bool {
        let word = self.tokens.text(j);
        (word.ends_with('s') || word.ends_with("ing")) && !self.is(j, Facts::GIVEN_NAME)
    }

    /// `name` (after a title) cut to its first word when its second is a gerund in a title-case line
    /// ("Prince Harald Sailing Into Trouble"). Short first words are left whole: they are often Chinese
    /// family names, whose given names may end in "ing" ("Xi Jinping").
    fn before_headline_gerund(&self, (first, last): (usize, usize)) -> (usize, usize) {
        let is_gerund = |w: &str| w.len() >= 6 && w.ends_with("ing") && w.bytes().all(|b| b.is_ascii_alphabetic());
        if last > first
            && self.tokens.text(first).len() >= 5
            && is_gerund(self.tokens.text(first + 1))
            && self.in_title_case_line(first)
        {
            (first, first)
        } else {
            (first, last)
        }
    }

    /// Whether token `i` is a title: a title word, or "State" in "Secretary of State" ("State" is a
    /// place noun, so other tokens are ruled out without reading their text).
    fn is_title_at(&self, i: usize) -> bool {
        self.is(i, Facts::TITLE)
            || (i >= 2
                && self.is(i, Facts::PLACE_NOUN)
                && self.tokens.text(i) == "State"
                && self.tokens.text(i - 1) == "of"
                && self.tokens.text(i - 2) == "Secretary")
    }

    /// Adds to `found` the full names right before or right after a speech verb at token `v` ("Dan Lucas
    /// said", "said Ann Lee,"), scored 0.7.
    fn around_speech_verb(&self, v: usize, found: &mut Vec<(usize, usize, f32)>) {
        // Back over the name words before the verb, a hyphenated one ("Marie-Claire") as one word; the
        // word after the last hyphen crossed is where a second name starts if the hyphen links two
        // people ("Victor Rask-Nino Niederreiter said").
        let (mut first, mut words, mut after_hyphen) = (v, 0, None);
        while first > 0 && words < MAX_NAME_WORDS {
            if self.is(first - 1, Facts::NAME_WORD) {
                first -= 1;
                words += 1;
            } else if first < v && self.joins(first - 1) {
                after_hyphen = Some(first);
                first -= 2;
            } else {
                break;
            }
        }
        let speaker = |start: usize| self.name_at(start).filter(|n| n.1 + 1 == v && self.is_speaker(*n));
        // A known place or organisation word first is not part of the name, which may start after it
        // ("Economist Jean-Claude Trichet said": the magazine's name is the economist's role).
        let after_entity = |start: usize| (!self.not_a_place(start)).then(|| speaker(start + 1)).flatten();
        if first < v
            && let Some(name) =
                speaker(first).or_else(|| after_entity(first)).or_else(|| after_hyphen.and_then(speaker))
            && self.gazetteer.entities.label_of_span(self.tokens, name.0, name.0 + 1).is_none()
        {
            // A known place or organisation opening the name ("The San Francisco Chronicle says") is
            // part of another name.
            let (first, last) = self.without_opening_noun(name);
            found.push((first, last, 0.7));
        }
        if let Some(name) = self.name_at(v + 1).filter(|n| self.is_speaker(*n))
            && is_pause_at(self.tokens, name.1 + 1)
        {
            let (first, last) = self.without_opening_noun(name);
            found.push((first, last, 0.7));
        }
    }

    /// `name` without the job title that opens it: a capitalised role noun with two name words after
    /// it ("Meteorologist Travis Herzog said", "Managing Director Paul Hartley said"), or one of the
    /// [`JOB_WORDS`] before a given name ("Administrator Jim Bridenstine"; not "Mary Ann Lee").
    fn without_opening_noun(&self, (first, last): (usize, usize)) -> (usize, usize) {
        if let Some(role) = (first..last.saturating_sub(1)).rev().find(|&k| self.is(k, Facts::ROLE_NOUN)) {
            return (role + 1, last);
        }
        // A rank of two words before a given name and a surname ("Battalion Chief Luis Arredondo", "Fire
        // Chief Ann Lee"): the job word second.
        if last == first + 3
            && !self.is(first, Facts::GIVEN_NAME)
            && JOB_WORDS.contains(&self.tokens.text(first + 1))
            && self.is(first + 2, Facts::GIVEN_NAME)
        {
            return (first + 2, last);
        }
        // One of the [`JOB_WORDS`] goes when a given name follows ("Administrator Jim Bridenstine said");
        // other words may be given names missing from the list ("Kwame Anthony Appiah said", "Hector
        // Luis Ramirez said").
        let noun = last >= first + 2
            && !self.is(first, Facts::GIVEN_NAME)
            && (self.is(first + 1, Facts::GIVEN_NAME) || self.unlisted_name_after_job(first, last))
            && JOB_WORDS.contains(&self.tokens.text(first));
        if noun { (first + 1, last) } else { (first, last) }
    }

    /// Whether the three words `first..=last` are a job word before a full name whose given name is not
    /// listed ("Manager Jenna Ruiz said"): the job word is not one that opens a longer rank ("Chief
    /// Executive Dibbs", "Principal Investigator Lee") and the word after it is no title, role or
    /// organisation word ("Detective Sergeant Ruiz").
    fn unlisted_name_after_job(&self, first: usize, last: usize) -> bool {
        const RANK_WORDS: Facts = Facts::TITLE
            .union(Facts::AMBIGUOUS_TITLE)
            .union(Facts::ROLE_NOUN)
            .union(Facts::ORG_SUFFIX)
            .union(Facts::PLACE_NOUN);
        last == first + 2
            && !matches!(self.tokens.text(first), "Chief" | "Principal")
            && !self.facts.get(first + 1).is_some_and(|f| f.any(RANK_WORDS))
            && !JOB_WORDS.contains(&self.tokens.text(first + 1))
    }

    /// Whether a name next to a speech verb is a person's full name and not a known organisation or place.
    fn is_speaker(&self, (first, last): (usize, usize)) -> bool {
        // One word, or one hyphenated word ("Rolls-Royce said", "Hapag-Lloyd said"), is no full name.
        if last == first || last == first + 2 && self.joins(first + 1) {
            return false;
        }
        self.not_a_place(first) && self.gazetteer.entities.label_of_span(self.tokens, first, last).is_none()
    }

    /// Adds to `out` every other mention of a person found by the rules: the full name again, or the
    /// surname alone. `marks` are [`Marks::chunks`], whose `starts` mark the tokens with a fact of
    /// [`NAME_START`].
    fn repeated_names(&self, found: &[(usize, usize, f32)], marks: &[ChunkMarks], out: &mut Vec<Candidate<'_>>) {
        let t = self.tokens;
        let names = self.known_names(found);
        if names.is_empty() {
            return;
        }
        // Names start with a name word or an initial, and a token has the facts of its text: a token with
        // neither fact cannot have the text of a name's first word. Tokens inside a name found by the
        // rules are taken out of the masks, not tested one by one: whether one is inside is
        // unpredictable, and the test mispredicted.
        let covered = covered_masks(found, marks.len());
        each_index(marks.iter().zip(&covered).map(|(m, c)| m.starts & !c), |i| {
            let Some(last) = names.longest_at(t, i) else { return };
            // A name word before or after would make the mention part of a longer name (a hyphen does
            // not: "Trump-Kim summits" names two people), except a full name in a title-case line, where
            // every word is capitalised ("Kenyan Runner Faith Chepngetich Smashes Record").
            let alone = (i == 0 || !self.is(i - 1, Facts::NAME_WORD)) && !self.is(last + 1, Facts::NAME_WORD);
            if alone || last > i && self.in_title_case_line(i) {
                out.push(candidate(t, i, last, 0.85));
            }
        });
    }

    /// The first token of the hyphenated name word that ends at token `k` (`k` itself when none
    /// ends there), not before token `first`.
    fn hyphenated_from(&self, mut k: usize, first: usize) -> usize {
        while k >= first + 2 && self.joins(k - 1) {
            k -= 2;
        }
        k
    }

    /// The names found, and the surnames of those that do not end in a given name (a hyphenated
    /// surname whole; none after a hyphenated particle).
    fn known_names(&self, found: &[(usize, usize, f32)]) -> KnownNames<'a> {
        let t = self.tokens;
        // Each name adds itself and at most its surname.
        let mut names = KnownNames::with_capacity(2 * found.len());
        for &(first, last, _) in found {
            // A name found again adds nothing: the same tokens have the same surname.
            if !names.add(t, first, last) {
                continue;
            }
            let surname = (first..=last).rev().find(|&k| self.is(k, Facts::NAME_WORD));
            if let Some(k) = surname.filter(|&k| !self.is(k, Facts::GIVEN_NAME)) {
                let from = self.hyphenated_from(k, first);
                // "al-Rashid" is a surname only whole, and a lower-case particle starts no mention the
                // second pass looks at: such a name adds no surname.
                if from < first + 2 || !self.hyphenated_particle(from - 2) {
                    names.add(t, from, k);
                }
                if let Some(j) = self.first_surname(first, k) {
                    names.add(t, j, k);
                    names.add(t, j, j);
                }
            }
        }
        names
    }

    /// The first of two Spanish or Portuguese surnames before the last name word `k` of a name that
    /// begins at `first` ("Marisol **Fernández** Ochoa", later "Fernández Ochoa" or "Fernández"): a
    /// third name word that is no given name and is shaped like such a surname (an accented letter, or
    /// the patronymic endings -ez, -iz, -az, -oz: "Ruiz", "Díaz"). Not "Sarah Jessica Parker" (a given
    /// name) or "Philip Seymour Hoffman" (no such shape).
    fn first_surname(&self, first: usize, k: usize) -> Option<usize> {
        let j = k.checked_sub(1).filter(|&j| j > first)?;
        let shaped = |w: &str| {
            let patronymic =
                matches!(w.as_bytes(), [.., a, z] if matches!(a | 0x20, b'e' | b'i' | b'a' | b'o') && z | 0x20 == b'z');
            patronymic || w.chars().any(|c| "áéíóúñãõç".contains(c))
        };
        let word = self.is(j, Facts::NAME_WORD) && self.is(j - 1, Facts::NAME_WORD) && !self.is(j, Facts::GIVEN_NAME);
        (word && shaped(self.tokens.text(j))).then_some(j)
    }
}

/// The facts one of which the first token of every name [`Rules::name_at`] finds has.
pub(super) const NAME_START: Facts = Facts::NAME_WORD.union(Facts::CAPITAL_LETTER);

/// No earlier name in [`KnownNames::names`].
const NO_NAME: usize = usize::MAX;

/// The names a text's rules found, as token ranges of the text: what a
/// [`super::phrases::PhraseMatcher`] of their texts would match, without copying any text. A look-up
/// tries only the lengths that names with the token's text as first word have, each by a hash of the
/// tokens' texts, so it costs the same however many names share a first word ("John Smith", "John
/// Doe"… in a long document).
struct KnownNames<'a> {
    /// The lengths (tokens after the first) of the names with each first word.
    lengths: HashMap<&'a str, Lengths, RandomState>,
    /// The last name of two or more tokens added with each (hash of its tokens' texts, length), by that key.
    by_tokens: HashMap<(u64, usize), usize, RandomState>,
    /// The first and last token of each name, and the name added before it with the same key
    /// ([`NO_NAME`]: none): names of the same tokens, or a hash collision.
    names: Vec<(usize, usize, usize)>,
    /// Hashes the tokens' texts of a name.
    hasher: RandomState,
    /// The lengths and first bytes of the first words, checked before hashing a token.
    firsts: FirstWords,
}

impl<'a> KnownNames<'a> {
    /// No names yet, with room for `capacity`.
    fn with_capacity(capacity: usize) -> Self {
        Self {
            lengths: HashMap::with_capacity_and_hasher(capacity, RandomState::default()),
            by_tokens: HashMap::with_capacity_and_hasher(capacity, RandomState::default()),
            names: Vec::with_capacity(capacity),
            hasher: RandomState::default(),
            firsts: FirstWords::default(),
        }
    }

    /// Adds the name made of tokens `first..=last`; whether it is new (`false`: a name of the same
    /// tokens' texts was added before, and nothing changes).
    fn add(&mut self, tokens: &Tokens<'a>, first: usize, last: usize) -> bool {
        let word = tokens.text(first);
        let n = last - first;
        // A one-token name is its first word ([`KnownNames::known`] compares nothing): no key to hash.
        if n == 0 {
            let new = self.add_length(word, n);
            if new {
                self.names.push((first, last, NO_NAME));
            }
            return new;
        }
        // A name of the same tokens' texts added before is found by its key first: its first word and
        // length are in already, and its first word's entry need not be hashed again.
        let at = self.names.len();
        let before = match self.by_tokens.entry((self.hash(tokens, first, n), n)) {
            Entry::Vacant(slot) => {
                slot.insert(at);
                NO_NAME
            }
            Entry::Occupied(slot) if in_chain(&self.names, tokens, first, n, *slot.get()) => return false,
            Entry::Occupied(mut slot) => slot.insert(at),
        };
        self.add_length(word, n);
        self.names.push((first, last, before));
        true
    }

    /// Notes that a name `n` tokens longer than its first word `word` is known; whether that length
    /// is new for the word.
    fn add_length(&mut self, word: &'a str, n: usize) -> bool {
        self.firsts.insert(word.as_bytes());
        self.lengths.entry(word).or_default().insert(n)
    }

    /// Whether no name was added.
    fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The last token of the longest name whose tokens start at token `i`.
    fn longest_at(&self, tokens: &Tokens, i: usize) -> Option<usize> {
        let word = tokens.text(i);
        if !self.firsts.may_contain(word.as_bytes()) {
            return None;
        }
        let lengths = self.lengths.get(word)?;
        lengths.longest_first().filter(|&n| i + n < tokens.len()).find(|&n| self.known(tokens, i, n)).map(|n| i + n)
    }

    /// Whether tokens `i..=i + n`, the first of which is the first word of a name `n` tokens longer, are
    /// the tokens of a name. A one-token name is its first word: nothing to compare.
    fn known(&self, tokens: &Tokens, i: usize, n: usize) -> bool {
        if n == 0 {
            return true;
        }
        let at = self.by_tokens.get(&(self.hash(tokens, i, n), n)).copied().unwrap_or(NO_NAME);
        in_chain(&self.names, tokens, i, n, at)
    }

    /// A hash of the texts of tokens `i..=i + n`.
    fn hash(&self, tokens: &Tokens, i: usize, n: usize) -> u64 {
        let mut state = self.hasher.build_hasher();
        (i..=i + n).for_each(|k| tokens.text(k).hash(&mut state));
        state.finish()
    }
}

/// Whether a name of `names` in the chain that starts at `at` (each entry's third field leads to the
/// one before, up to [`NO_NAME`]) has the texts of tokens `i..=i + n`.
fn in_chain(names: &[(usize, usize, usize)], tokens: &Tokens, i: usize, n: usize, mut at: usize) -> bool {
    while let Some(&(first, _, before)) = names.get(at) {
        if (0..=n).all(|k| tokens.text(i + k) == tokens.text(first + k)) {
            return true;
        }
        at = before;
    }
    false
}

/// A set of name lengths: those under 64 as bits (no allocation; every name the rules find is far
/// shorter), any longer one in a list.
#[derive(Debug, Default)]
struct Lengths {
    /// Bit `n`: a length `n` is in the set.
    short: u64,
    /// The lengths of 64 and more, longest first.
    long: Vec<usize>,
}

impl Lengths {
    /// Adds length `n`; whether it was not in the set.
    fn insert(&mut self, n: usize) -> bool {
        if n < 64 {
            let new = self.short & 1 << n == 0;
            self.short |= 1 << n;
            new
        } else if let Err(at) = self.long.binary_search_by(|m| n.cmp(m)) {
            self.long.insert(at, n);
            true
        } else {
            false
        }
    }

    /// The lengths, longest first.
    fn longest_first(&self) -> impl Iterator<Item = usize> + '_ {
        let mut short = self.short;
        let shorts = std::iter::from_fn(move || {
            let n = 63usize.checked_sub(short.leading_zeros() as usize)?;
            short &= !(1 << n);
            Some(n)
        });
        self.long.iter().copied().chain(shorts)
    }
}

/// A filter of words by length and first byte: two bit tests rule out most words not among those
/// inserted, and it is cheap to build for each text (unlike a [`super::words::ShapeFilter`]).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct FirstWords {
    /// Bit `n` (bit 63: 63 or more): some word is `n` bytes long.
    lengths: u64,
    /// Bit `b % 64` of entry `b / 64`: some word starts with byte `b`.
    first_bytes: [u64; 4],
}

impl FirstWords {
    /// Lets `word` through from now on.
    fn insert(&mut self, word: &[u8]) {
        self.lengths |= length_bit(word.len());
        if let Some(&b) = word.first() {
            self.first_bytes[usize::from(b / 64)] |= 1 << (b % 64);
        }
    }

    /// Whether `word` may be one of the words inserted (`false`: it certainly is not).
    #[inline]
    fn may_contain(&self, word: &[u8]) -> bool {
        let first = word.first().is_none_or(|&b| self.first_bytes[usize::from(b / 64)] & 1 << (b % 64) != 0);
        first && self.lengths & length_bit(word.len()) != 0
    }
}

/// The bit of a word length in [`FirstWords::lengths`].
fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

/// Whether token `i` ends a clause (comma, period, end of text) so a name before it stands alone.
fn is_pause_at(tokens: &Tokens, i: usize) -> bool {
    i >= tokens.len() || matches!(tokens.text(i), "," | "." | ";" | ":" | "\u{201d}" | "\"")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::facts::Lexicon;

    fn people(text: &str) -> Vec<String> {
        let tokens = Tokens::new(text);
        let facts = Lexicon::shipped().facts(&tokens);
        let mut found = Vec::new();
        find(&tokens, &facts, &Marks::of(&facts), Gazetteer::shipped(), &mut found);
        let mut out: Vec<(usize, String)> =
            found.into_iter().map(|c| (c.start, text[c.start..c.end].to_string())).collect();
        out.sort();
        out.into_iter().map(|(_, s)| s).collect()
    }

    #[test]
    fn every_listed_cue_starts_with_a_letter() {
        // What lets `find` skip the `ALPHA_START` test on tokens with a cue.
        let lists = lists().into_iter().chain(crate::suggest::words::lists());
        let cue_words = lists.filter(|(_, fact)| fact.any(CUES)).flat_map(|(list, _)| list.words().iter().copied());
        let given = Gazetteer::shipped().given_names.iter().copied();
        for word in cue_words.chain(given) {
            assert!(word.starts_with(char::is_alphabetic), "{word:?}");
        }
    }

    #[test]
    fn word_lists_are_sorted() {
        for list in [&TITLES, &ROLE_NOUNS, &SPEECH_VERBS, &AMBIGUOUS_TITLES, &PARTICLES, &SUFFIXES] {
            let words = list.words();
            assert!(words.windows(2).all(|w| w[0] < w[1]), "{:?}", words.windows(2).find(|w| w[0] >= w[1]));
        }
    }

    #[test]
    fn names_in_title_case_headlines_keep_two_words() {
        assert_eq!(people("Mayor Pete Buttigieg Apparently Thinks Voters Would Be Fine With It"), ["Pete Buttigieg"]);
        assert_eq!(people("Mayor Pete Buttigieg Apparently Thinks it will rain"), ["Pete Buttigieg Apparently Thinks"]);
        assert_eq!(people("Senator Ursula von Leyen Wins the Vote on the Budget"), ["Ursula von Leyen"]);
        assert_eq!(people("Coach Marcus De Guzman View From the Bench on the Final"), ["Marcus De Guzman"]);
    }

    #[test]
    fn hyphenated_names_and_double_particles_stay_whole() {
        assert_eq!(people("Senator Maria Ocampo-Reyes said no."), ["Maria Ocampo-Reyes"]);
        assert_eq!(people("Dr. Anne-Marie van der Berg of the clinic spoke."), ["Anne-Marie van der Berg"]);
        assert_eq!(
            people("Coach Marie-Claire Dubois left. Later Marie-Claire Dubois said Dubois would return."),
            ["Marie-Claire Dubois", "Marie-Claire Dubois", "Dubois"]
        );
        // A hyphenated surname is known whole, and only whole.
        assert_eq!(
            people("Mayor Tove Lie-Haugen won, and Lie-Haugen thanked the voters."),
            ["Tove Lie-Haugen", "Lie-Haugen"]
        );
        // Spaced dashes, lower-case words and links between two people are not one name.
        assert_eq!(people("Coach Ann Lee - Park said so."), ["Ann Lee"]);
        assert_eq!(people("Mayor Ann Lee-based groups met."), ["Ann Lee"]);
        assert_eq!(people("the Senator Victor Rask-Nino Niederreiter trade"), ["Victor Rask"]);
        assert_eq!(people("Victor Rask-Nino Niederreiter said the trade hurt."), ["Victor Rask", "Nino Niederreiter"]);
        // In a title-case headline every word is capitalised: the hyphenated surname stays whole.
        assert_eq!(people("Mayor Tove Lie-Haugen Wins Second Term in the Harbour Town"), ["Tove Lie-Haugen"]);
        assert_eq!(
            people("Senator Maria Ocampo-Reyes, 42, Wins Harbour Seat After Long Count"),
            ["Maria Ocampo-Reyes"]
        );
        // The second half of a hyphenated given name starts no name of its own.
        assert_eq!(people("Jean-Claude Trichet spoke."), ["Jean-Claude Trichet"]);
    }

    #[test]
    fn family_and_profession_nouns_introduce_names() {
        assert_eq!(people("the art historian Joost Verhaar wrote the guide"), ["Joost Verhaar"]);
        assert_eq!(people("He and his wife Maria Okafor left the harbour."), ["Maria Okafor"]);
        assert_eq!(people("the union chair Pieter Dekker spoke"), ["Pieter Dekker"]);
        // A role noun before a lower-case word or a lone unlisted word introduces nobody.
        assert!(people("his wife said the chair Committee met").is_empty());
    }

    #[test]
    fn a_capitalised_role_noun_opening_a_sentence_introduces_a_name() {
        assert_eq!(people("Economist Jean-Claude Trichet said the rate was high."), ["Jean-Claude Trichet"]);
        assert_eq!(people("It rained. Spokesman Andriy Yusov declined to comment."), ["Andriy Yusov"]);
        assert_eq!(people("Striker Kofi Mensah's goal won it."), ["Kofi Mensah"]);
        // A headline, a lone word, a role noun inside a sentence, a place: no name.
        assert!(people("Analyst Sees Rates Falling\nThe bank met.").is_empty());
        assert!(people("Economist Warns Of Slower Growth In The Coming Months").is_empty());
        assert!(people("Spokesman Yusov declined.").is_empty());
        assert!(people("the Chief Economist Office Team met").is_empty());
        assert!(people("Director Oslo Kommune opened the hall.").is_empty());
    }

    #[test]
    fn bylines_and_credit_lines_name_people() {
        assert_eq!(people("By Tom Okafor | Staff Writer"), ["Tom Okafor"]);
        assert_eq!(people("Headline\nBy Priya Raghunathan, Business Correspondent"), ["Priya Raghunathan"]);
        assert_eq!(people("Reporting by Lars Eriksen; Editing by Kari Holm"), ["Lars Eriksen", "Kari Holm"]);
        assert_eq!(people("Posted by Amara Obi on March 12"), ["Amara Obi"]);
        // A heading, a sentence, "by" in prose, a place: no byline.
        assert!(people("By Popular Demand\nThe show returns.").is_empty());
        assert!(people("By Royal Appointment, the bakery will supply the palace.").is_empty());
        assert_eq!(people("By Tahmina Rouf\nStaff Writer"), ["Tahmina Rouf"]);
        assert_eq!(people("By Orla Ni Bhriain\n\nGALWAY (AP) - Rain fell."), ["Orla Ni Bhriain"]);
        assert_eq!(people("By Kwabena Osei-Tutu\nJuly 21, 2026"), ["Kwabena Osei-Tutu"]);
        assert!(people("By Royal Appointment\n\nThe bakery supplies the palace.").is_empty());
        assert_eq!(people("By Meg Jamison Staff Writer\nNov. 19, 2019"), ["Meg Jamison"]);
        assert_eq!(people("By Troy Q. Smithers, Cleveland.com"), ["Troy Q. Smithers"], "a web address is no sentence");
        assert_eq!(people("By Margaret Okonjo-Lowe, special to the paper"), ["Margaret Okonjo-Lowe"], "a given name");
        assert!(people("It was bought by Prairie Paving last year.").is_empty());
        assert!(people("The law passed. By Monday Night Football fans knew.").is_empty());
        assert!(people("Written by New York Staff").is_empty());
        assert!(people("Photo by Getty Images").is_empty());
        // A role after the comma; a heading above a sentence that opens with a date or in capitals.
        assert_eq!(people("By Xiomara Quetzal, staff writer"), ["Xiomara Quetzal"]);
        assert_eq!(people("By Tahmina Rouf, special correspondent"), ["Tahmina Rouf"]);
        assert!(people("By Christmas Eve, senior officials had left the town.").is_empty());
        assert!(people("By Royal Decree, for the first time in a century, the gates closed.").is_empty());
        assert!(people("By Royal Decree\nMarch 3 was declared a holiday.").is_empty());
        assert!(people("By Popular Demand\nTHE SHOW RETURNS").is_empty());
        assert_eq!(people("Reporting by Meg Jamison Staff Writer"), ["Meg Jamison"]);
    }

    #[test]
    fn a_job_title_before_a_speaker_is_not_part_of_the_name() {
        assert_eq!(people("Managing Director Paul Hartwell said it was over."), ["Paul Hartwell"]);
        assert_eq!(people("Chief Executive Ingrid Solvang told analysts."), ["Ingrid Solvang"]);
        // No role noun: every name word stays.
        assert_eq!(people("Mary Ann Lee said so."), ["Mary Ann Lee"]);
        assert_eq!(people("Anna Maria Hartwell told them."), ["Anna Maria Hartwell"]);
    }

    #[test]
    fn a_place_after_a_title_and_a_given_name_is_the_surname() {
        assert_eq!(people("He was jailed by Judge Anna Leicester on Friday."), ["Anna Leicester"]);
        assert_eq!(people("Treasury Secretary Elwood Denver said no."), ["Elwood Denver"]);
        assert_eq!(people("Mayor Tovah Houston spoke."), ["Tovah Houston"]);
        // A place word first, an ambiguous title, or a title-case line keep the place out.
        assert!(!people("Senator Texas Houston said").iter().any(|p| p.contains("Houston")));
        assert!(!people("General Elwood Denver").iter().any(|p| p.contains("Denver")));
        assert_eq!(people("Mayor Jack London said the roads were closed."), ["Jack London"]);
        // No title, a place before another name word, or a title-case headline: the place stays out.
        assert_eq!(people("Mayor Jack London Bridge said"), ["Jack"]);
        assert!(!people("King Charles London Visit Delayed By Storms").contains(&"Charles London".to_string()));
    }

    #[test]
    fn a_job_word_before_an_unlisted_given_name_is_not_part_of_the_name() {
        assert_eq!(people("Manager Zorana Pavlek said the team was tired."), ["Zorana Pavlek"]);
        assert_eq!(people("Treasurer Quilla Marsh told the board."), ["Quilla Marsh"]);
        // A job word that opens a longer rank, or a rank after it, stays with what follows.
        assert!(!people("Principal Investigator Okonkwo said it ended.").contains(&"Investigator Okonkwo".to_string()));
        assert!(!people("Chief Executive Okonkwo said it ended.").contains(&"Executive Okonkwo".to_string()));
        assert_eq!(people("Detective Sergeant Pavlek said so."), ["Pavlek"]);
    }

    #[test]
    fn a_capitalised_noun_before_a_speaker_is_not_part_of_the_name() {
        assert_eq!(people("Meteorologist Travis Herzog said the storm would weaken."), ["Travis Herzog"]);
        assert_eq!(people("Mary Ann Lee said so."), ["Mary Ann Lee"]);
        assert!(people("The San Francisco Courant says police are looking.").is_empty());
        assert_eq!(people("Okafor Brennan said the dam held."), ["Okafor Brennan"]);
        // A first name missing from the given names is no job title.
        assert_eq!(people("Kwame Anthony Appiah said the dam held."), ["Kwame Anthony Appiah"]);
        assert_eq!(people("NASA's Administrator Jim Bridenstine said so."), ["Jim Bridenstine"]);
        assert_eq!(people("Police Chief Ed Alvarez told reporters."), ["Ed Alvarez"]);
        for name in ["Hector Luis Ramirez", "Eleanor Rose Hartley", "Spencer James Clark"] {
            assert_eq!(people(&format!("{name} said so.")), [name]);
        }
    }

    #[test]
    fn a_role_noun_opening_a_compound_name_gives_no_person() {
        assert!(people("Producer Price Index rose 0.3 percent in May.").is_empty());
        assert!(people("Writer Guild Awards went to two films.").is_empty());
        // A name ending the text, stacked role nouns, and roles that open no compound names.
        assert!(people("Producer Price Index").is_empty());
        assert_eq!(people("The bank held rates.\n\nAnalyst Kofi Mensah\n"), Vec::<&str>::new());
        assert_eq!(people("Executive Director Jane Hollis said so."), ["Jane Hollis"]);
        assert_eq!(people("Striker Kofi Mensah scored twice."), ["Kofi Mensah"]);
        assert!(people("Analyst Tavi Mensah expects rates to fall.").is_empty(), "no cue after an unlisted name");
        for text in ["Artist Residency Grants went to two painters.", "Singer Sewing Machines sold well."] {
            assert!(people(text).is_empty(), "{text}");
        }
        assert_eq!(people("Spokesman Tomas Varga declined to comment."), ["Tomas Varga"]);
        assert_eq!(people("Economist Okafor Brennan said rates would fall."), ["Okafor Brennan"]);
    }

    #[test]
    fn sport_and_other_roles_introduce_full_names() {
        assert_eq!(people("Real Madrid striker Kylian Ombeni scored twice."), ["Kylian Ombeni"]);
        assert_eq!(people("the envoy Zhai Jun and my friend Chidi Eze met"), ["Zhai Jun", "Chidi Eze"]);
        assert_eq!(people("the Danish architect Kjeld Gehl, called it humane"), ["Kjeld Gehl"]);
        assert!(people("the striker Ombeni scored and a player said so").is_empty());
        assert_eq!(people("led by the geneticist Kwabena Asante-Mensah and others"), ["Kwabena Asante-Mensah"]);
        assert_eq!(people("the critic Ruth Ambler disliked it"), ["Ruth Ambler"]);
        assert_eq!(people("the police chief Oskar Lindahl arrived"), ["Oskar Lindahl"]);
        assert!(people("the critic Ambler disliked it, as did the chief Medical Officer").is_empty());
    }

    #[test]
    fn a_particle_joined_by_a_hyphen_is_part_of_the_name() {
        assert_eq!(people("Abdullah al-Rashid, an analyst, spoke."), ["Abdullah al-Rashid"]);
        assert_eq!(people("Mayor Ahmed el-Sayed opened it."), ["Ahmed el-Sayed"]);
        // Spaced, it is no name word; and such a surname is not proposed alone.
        assert!(people("Abdullah al - Rashid spoke.").is_empty());
        assert_eq!(people("Mayor Ahmed el-Sayed spoke. Sayed Park opened."), ["Ahmed el-Sayed"]);
    }

    #[test]
    fn headline_verbs_after_titles_are_not_names() {
        assert!(people("Judge Rejects Bid To Dismiss Fraud Case Against Former Mayor").is_empty());
        assert!(people("Coach Weighing Options After Another Heavy Home Defeat").is_empty());
        assert!(people("Judge Orders Release Of Files").is_empty());
        assert_eq!(people("Tottenham Sack Head Coach Mauricio Pochettino After Poor Run"), ["Mauricio Pochettino"]);
        assert_eq!(people("Judge Helen Okoro Rejects Bid To Dismiss Fraud Case Against Mayor"), ["Helen Okoro"]);
        assert_eq!(people("Judge Tanvir Okoro rejected the bid."), ["Tanvir Okoro"], "prose is not a headline");
        assert_eq!(people("Norway's Prince Harald Sailing Into Trouble Over Fjord Permit"), ["Harald"]);
        assert_eq!(people("President Xi Jinping Visiting Moscow For Three Days Of Talks"), ["Xi Jinping"]);
        assert_eq!(people("Mayor Harald Sailing said no."), ["Harald Sailing"], "prose is not a headline");
    }

    #[test]
    fn a_full_name_is_found_again_in_a_title_case_headline() {
        let text = "Kenyan Runner Faith Chepngetich Smashes Record In Nairobi\nThe runner Faith Chepngetich won.";
        assert_eq!(people(text), ["Faith Chepngetich", "Faith Chepngetich"]);
        // A surname alone between capitalised headline words is not.
        let text = "Young Voters Turn Out In Record Numbers Today\nSenator Ann Young spoke.";
        assert_eq!(people(text), ["Ann Young"]);
    }

    #[test]
    fn a_full_name_set_off_by_commas_after_a_role_noun_is_a_person() {
        assert_eq!(people("The harbour's chief executive, Tove Brekke Aas, said on Monday."), ["Tove Brekke Aas"]);
        // Not closed by a comma, one word, or a place: no appositive.
        assert!(people("The chief executive, Brekke Aasholm and partners met.").is_empty());
        assert!(people("Her spokesman, Brekke, declined.").is_empty());
        assert!(people("The spokesman, New York, and Oslo were named.").is_empty());
    }

    #[test]
    fn a_full_name_before_a_description_ending_in_a_role_noun_is_a_person() {
        assert_eq!(people("Tejas Varma, the alliance's leader, told reporters."), ["Tejas Varma"]);
        assert_eq!(people("Greta Lindvall, the Swedish-born architect whose towers rose"), ["Greta Lindvall"]);
        assert_eq!(people("Greta Lindvall, architect who reshaped Oslo, dies at 91"), ["Greta Lindvall"]);
        assert_eq!(people("He named Otieno Mbadi, a senior member of the party."), ["Otieno Mbadi"]);
        // A possessive or a name after the role noun, a preposition before the pair, one word, a known
        // place, or a sentence between: no person.
        assert!(people("Tejas Varma, the alliance's leader's aide, spoke.").is_empty());
        assert!(people("She worked at Halvorsen Instruments, the engineer who built it.").is_empty());
        assert!(people("Varma, the alliance's leader, told reporters.").is_empty());
        assert!(people("New Delhi, the architect who planned it said.").is_empty());
        assert!(people("Halvorsen Instruments rose. The engineer who built it left.").is_empty());
        assert!(people("Halvorsen Instruments, said the leader of the union.").is_empty());
    }

    #[test]
    fn link_labels_and_groups_are_not_parts_of_names() {
        assert_eq!(people("Jess Phillips and Gloria de Piero Read more"), ["Gloria de Piero"]);
        assert_eq!(people("Gloria Read said the vote was close."), ["Gloria Read"]);
        assert!(people("the General German Workers' Association was founded").is_empty());
        assert_eq!(people("General Ann Lee inspected the troops."), ["Ann Lee"]);
    }

    #[test]
    fn titles_and_honorifics_introduce_names() {
        assert_eq!(
            people("Defense Secretary Maria Okonkwo met Gov. Ted Raskin Jr. on Friday."),
            ["Maria Okonkwo", "Ted Raskin Jr."]
        );
        assert_eq!(people("President Fenwick's plan"), ["Fenwick"]);
        assert_eq!(people("Secretary of State Lena Park and Dr. Q. Ibarra"), ["Lena Park", "Q. Ibarra"]);
        assert!(Lexicon::shipped().facts_of("State").has(Facts::PLACE_NOUN), "the title test reads only place nouns");
    }

    #[test]
    fn speech_verbs_and_given_names_mark_full_names() {
        assert_eq!(people("Okafor Brennan said the dam held."), ["Okafor Brennan"]);
        assert_eq!(people("The dam held, said Priya Castellanos, an engineer."), ["Priya Castellanos"]);
        assert_eq!(people("a visit by Emilio Hoffstetter of the council"), ["Emilio Hoffstetter"]);
    }

    #[test]
    fn surnames_alone_follow_the_full_name() {
        let text = "Brennan arrived. Mayor Okafor Brennan spoke, and later Brennan left; Brennans Ltd did not.";
        assert_eq!(people(text), ["Brennan", "Okafor Brennan", "Brennan"]);
    }

    #[test]
    fn a_spanish_first_surname_alone_or_with_the_second_follows_the_full_name() {
        let text = "Mayor Elena Gutiérrez Robles spoke. Gutiérrez Robles left, and Gutiérrez waved.";
        assert_eq!(people(text), ["Elena Gutiérrez Robles", "Gutiérrez Robles", "Gutiérrez"]);
        let text = "Senator Tomás Ruiz Ocampo said Ruiz was ready.";
        assert_eq!(people(text), ["Tomás Ruiz Ocampo", "Ruiz"]);
    }

    #[test]
    fn a_middle_name_not_shaped_like_a_spanish_surname_stays_unproposed() {
        let text = "Mayor Oliver Hartley Benson spoke. Hartley Benson left, and Hartley waved; Benson smiled.";
        assert_eq!(people(text), ["Oliver Hartley Benson", "Benson"]);
        let text = "Director Ana José Ferreira spoke; José arrived.";
        assert_eq!(people(text), ["Ana José Ferreira"]);
    }

    #[test]
    fn a_known_name_added_again_is_not_new() {
        let tokens = Tokens::new("John Smith met John  Smith and Smith.");
        let mut names = KnownNames::with_capacity(4);
        assert!(names.add(&tokens, 0, 1), "John Smith");
        assert!(!names.add(&tokens, 3, 4), "the same tokens, other spacing");
        assert!(names.add(&tokens, 1, 1), "the surname alone");
        assert!(!names.add(&tokens, 4, 4) && !names.add(&tokens, 6, 6));
        assert!(names.add(&tokens, 0, 0) && names.add(&tokens, 0, 2), "John; John Smith met");
        assert_eq!(names.longest_at(&tokens, 3), Some(4));
        assert_eq!(names.longest_at(&tokens, 6), Some(6));
    }

    #[test]
    fn name_lengths_come_longest_first_whatever_their_size() {
        let mut lengths = Lengths::default();
        let new: Vec<bool> = [1, 0, 70, 63, 1, 64, 3, 200, 70].into_iter().map(|n| lengths.insert(n)).collect();
        assert_eq!(new, [true, true, true, true, false, true, true, true, false]);
        assert_eq!(lengths.longest_first().collect::<Vec<_>>(), [200, 70, 64, 63, 3, 1, 0]);
        assert_eq!(Lengths::default().longest_first().count(), 0);
    }

    proptest::proptest! {
        #[test]
        fn covered_masks_mark_the_tokens_the_walk_over_sorted_names_skipped(
            mut spans in proptest::collection::vec((0usize..100, 0usize..5), 0..12),
            marked in proptest::collection::vec(proptest::prelude::any::<u32>(), 4),
        ) {
            spans.sort_by_key(|&(f, n)| (f, std::cmp::Reverse(n)));
            spans.dedup_by_key(|(f, _)| *f);
            let found: Vec<(usize, usize, f32)> = spans.iter().map(|&(f, n)| (f, (f + n).min(127), 0.5)).collect();
            let covered = covered_masks(&found, marked.len());
            let (mut got, mut want) = (Vec::new(), Vec::new());
            each_index(marked.iter().zip(&covered).map(|(m, c)| m & !c), |i| got.push(i));
            // The walk it replaces: tokens before `end` are inside a name found.
            let (mut next, mut end) = (0, 0);
            each_index(marked.iter().copied(), |i| {
                while let Some(&(_, last, _)) = found.get(next).filter(|f| f.0 <= i) {
                    end = end.max(last + 1);
                    next += 1;
                }
                if i >= end {
                    want.push(i);
                }
            });
            proptest::prop_assert_eq!(got, want);
        }

        #[test]
        fn first_words_let_every_inserted_word_through(words in proptest::collection::vec("\\PC{0,70}", 1..8), other in "\\PC{0,70}") {
            let mut filter = FirstWords::default();
            for w in &words {
                filter.insert(w.as_bytes());
            }
            for w in &words {
                proptest::prop_assert!(filter.may_contain(w.as_bytes()), "{:?}", w);
            }
            let same_shape = words.iter().any(|w| length_bit(w.len()) == length_bit(other.len()))
                && words.iter().any(|w| w.as_bytes().first() == other.as_bytes().first() || other.is_empty());
            proptest::prop_assert_eq!(filter.may_contain(other.as_bytes()), same_shape || words.contains(&other));
        }

        #[test]
        fn known_names_find_the_longest_name_as_a_list_of_names_would(
            picks in proptest::collection::vec(0usize..6, 1..40),
            spans in proptest::collection::vec((0usize..40, 0usize..4), 0..12),
        ) {
            const WORDS: [&str; 6] = ["Ann", "Lee", "Park", "An", "Bo", "Ann-Lee"];
            let text = picks.iter().map(|&k| WORDS[k]).collect::<Vec<_>>().join(" ");
            let tokens = Tokens::new(&text);
            let spans: Vec<(usize, usize)> =
                spans.into_iter().filter(|&(f, n)| f + n < tokens.len()).map(|(f, n)| (f, f + n)).collect();
            let mut names = KnownNames::with_capacity(spans.len());
            for &(first, last) in &spans {
                names.add(&tokens, first, last);
            }
            for i in 0..tokens.len() {
                let want = spans
                    .iter()
                    .filter(|&&(f, l)| i + (l - f) < tokens.len() && (0..=l - f).all(|k| tokens.text(i + k) == tokens.text(f + k)))
                    .map(|&(f, l)| i + l - f)
                    .max();
                proptest::prop_assert_eq!(names.longest_at(&tokens, i), want, "at {}", i);
            }
        }
    }

    #[test]
    fn organisations_places_and_plain_capitals_are_not_people() {
        assert!(people("General Motors said profits rose.").is_empty());
        assert!(people("The Reynolds High School said nothing. Virginia Beach flooded.").is_empty());
        assert!(people("Reuters said on Tuesday. Police said. The Council said.").is_empty());
        assert!(people("President\nObama").is_empty(), "a name does not cross a line break");
        assert!(people("Many Americans said yes").is_empty());
    }

    #[test]
    fn a_capitalised_role_inside_a_longer_title_leaves_the_given_names_person() {
        assert_eq!(people("Bank Chair Roger Haldane is expected to speak."), ["Roger Haldane"]);
        assert_eq!(people("then County Executive Laura Mbeki vetoed it"), ["Laura Mbeki"]);
        assert_eq!(people("as Festival Director Simon Okoro put it"), ["Simon Okoro"]);
    }

    #[test]
    fn a_given_name_after_another_name_word_opens_no_name() {
        // "Rose" inside a longer name is no new person; a plain capitalised word before still blocks.
        assert!(!people("Harvest Rose Garden opened").contains(&"Rose Garden".to_string()));
        assert!(!people("the Golden Laura Awards").iter().any(|p| p.starts_with("Laura")));
    }

    #[test]
    fn a_month_or_season_given_name_before_a_surname_is_a_person() {
        assert_eq!(people("Team doctor April Hennessy said it was minor."), ["April Hennessy"]);
        assert_eq!(people("Later, Summer Okonkwo, who leads design, spoke."), ["Summer Okonkwo"]);
    }

    #[test]
    fn a_month_or_season_before_other_capitalised_words_is_no_person() {
        assert!(people("April Sales Rise Sharply In Europe Again").is_empty());
        assert!(people("They went to the Summer Olympics in Paris.").is_empty());
        assert!(people("By June Democrats had won it back.").is_empty());
        assert!(people("The plan, agreed in April Congress voted, failed.").is_empty());
    }

    #[test]
    fn religious_titles_and_regnal_numbers_go_with_names() {
        assert_eq!(people("Grand Mufti Edin Halilovic spoke; Pope Leo XIV sent word."), ["Edin Halilovic", "Leo XIV"]);
        assert_eq!(people("Patriarch Daniel met King Charles III."), ["Daniel", "Charles III"]);
    }

    #[test]
    fn a_two_word_rank_after_a_speech_verb_is_not_part_of_the_name() {
        assert_eq!(people("\"It moved fast,\" said Battalion Chief Luis Arredondo."), ["Luis Arredondo"]);
        // Without a known given name after the rank, the words are not told apart.
        assert_eq!(people("\"Go,\" said Battalion Chief Arredondo."), ["Battalion Chief Arredondo"]);
    }

    #[test]
    fn one_hyphenated_word_next_to_a_speech_verb_is_no_full_name() {
        assert!(people("Maersk and Hapag-Lloyd said so; Rolls-Royce said it would cut jobs.").is_empty());
        assert!(people("\"No,\" said Ocasio-Cortez.").is_empty());
    }

    #[test]
    fn a_hyphenated_word_in_a_longer_name_still_makes_a_speaker() {
        assert_eq!(
            people("Jean-Claude Trichet said no; Ana Ocampo-Reyes said yes."),
            ["Jean-Claude Trichet", "Ana Ocampo-Reyes"]
        );
    }
}
