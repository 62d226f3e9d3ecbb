//! The regular expression the hand-written matcher replaced, kept as its test oracle: every test here
//! checks that [`Expressions`] finds exactly the spans the regex's `find_iter` finds.

use proptest::prelude::*;
use regex::{Regex, RegexSet};

use super::super::gazetteer::Gazetteer;
use super::expressions::Expressions;

/// The date expression as the suggester compiled it before the hand-written matcher.
fn oracle(gazetteer: &Gazetteer) -> Regex {
    let alternatives = |rows: &[Vec<&str>], abbreviated: bool| {
        let mut names: Vec<String> = rows
            .iter()
            .flat_map(|row| row.iter().take(if abbreviated { row.len() } else { 1 }))
            .map(|w| regex::escape(w))
            .collect();
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        names.join("|")
    };
    let month = alternatives(&gazetteer.months, true);
    let month_full = alternatives(&gazetteer.months, false);
    let weekday = alternatives(&gazetteer.weekdays, false);
    let spelt = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";
    let number = format!(r"(?:[0-9]+|a|an|{spelt}|a few|few|a couple of|several|many)");
    let date_unit = r"(?:days?|weeks?|months?|years?|decades?|centur(?:y|ies))";
    let unit = r"(?:days?|weeks?|months?|years?|decades?|centur(?:y|ies)|weekends?|quarters?|half)";
    let season = r"(?:week|month|year|weekend|decade|century|summer|winter|spring|fall|autumn|season|quarter)";
    let relative = format!(
        r"(?i:(?:the\s+)?(?:past|last|next|coming|previous|following|first|second|third|fourth|final)\s+(?:{number}\s+)?{unit}(?-u:\b)|(?:last|next|this|previous|coming|upcoming|recent)\s+{season}(?-u:\b)|the\s+(?:spring|summer|autumn|winter)(?-u:\b)|(?:upcoming|coming|recent)\s+(?:days|weeks|months|years)(?-u:\b)|(?:earlier|later)\s+this\s+{season}(?-u:\b)|{number}\s+(?:{unit}\s+ago|{date_unit}(?:\s+(?:old|later|earlier))?)(?-u:\b)|(?:yesterday|today|tomorrow)(?-u:\b))"
    );
    let alternatives = [
        format!(r"(?:{month})\s+[0-9]{{1,2}}(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+[0-9]{{4}}(?-u:\b))?"),
        format!(r"(?:{month_full})\s+[0-9]{{4}}(?-u:\b)"),
        format!(r"[0-9]{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{month})(?-u:\b)(?:,?\s+[0-9]{{4}}(?-u:\b))?"),
        format!(r"(?i:last|next|this|early|late)\s+(?:{weekday}|{month_full})(?-u:\b)"),
        relative,
        format!(r"(?:{weekday}|{month_full})(?-u:\b)"),
        r"(?:the\s+)?(?:1[89]|20)[0-9]0s(?-u:\b)".into(),
        r"(?:1[89][0-9][0-9]|20[0-9][0-9])(?-u:\b)".into(),
        r"[0-9]{1,3}-year-old(?-u:\b)".into(),
        format!(r"(?i:early|late|mid)(?:\s+|-)(?:{month_full}|(?:1[89]|20)[0-9](?:0s|[0-9]))(?-u:\b)"),
        format!(r"(?i:(?:[0-9]+|{spelt})-(?:day|week|month|year|decade|century)(?:-old)?)(?-u:\b)"),
    ];
    Regex::new(&format!(r"(?-u:\b)(?:{})", alternatives.join("|"))).expect("date expression")
}

/// The oracle and the matcher, built once.
fn both() -> &'static (Regex, Expressions) {
    static BOTH: std::sync::OnceLock<(Regex, Expressions)> = std::sync::OnceLock::new();
    BOTH.get_or_init(|| (oracle(Gazetteer::shipped()), Expressions::new(Gazetteer::shipped())))
}

/// Asserts the matcher finds the regex's spans in `text`.
fn assert_same(text: &str) {
    let (regex, expressions) = both();
    let expected: Vec<(usize, usize)> = regex.find_iter(text).map(|m| (m.start(), m.end())).collect();
    let found: Vec<(usize, usize)> = expressions.matches(text).collect();
    assert_eq!(found, expected, "in {text:?}");
}

/// Pieces dense in what the expressions look at, including their near misses.
const PIECES: &[&str] = &[
    "January",
    "Jan.",
    "Jan",
    "February",
    "Feb.",
    "March",
    "Mar.",
    "march",
    "MARCH",
    "April",
    "Apr.",
    "May",
    "may",
    "June",
    "July",
    "August",
    "Aug.",
    "September",
    "Sept.",
    "Sep.",
    "Sept",
    "October",
    "Oct.",
    "November",
    "Nov.",
    "December",
    "Dec.",
    "Monday",
    "Tuesday",
    "Tue.",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Sun",
    "0",
    "1",
    "3",
    "12",
    "31",
    "05",
    "123",
    "1990",
    "2019",
    "2020",
    "1850",
    "1700",
    "2100",
    "19",
    "20",
    "18",
    "90",
    "12345",
    "1990s",
    "2010s",
    "1850s",
    "1995s",
    "st",
    "nd",
    "rd",
    "th",
    "of",
    "Of",
    "the",
    "The",
    "THE",
    "thé",
    "last",
    "Last",
    "LAST",
    "next",
    "this",
    "This",
    "early",
    "late",
    "later",
    "earlier",
    "past",
    "coming",
    "upcoming",
    "recent",
    "previous",
    "following",
    "first",
    "final",
    "a",
    "A",
    "an",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "a few",
    "few",
    "several",
    "many",
    "fifteen",
    "\u{17f}ixteen",
    "twenty",
    "ninety",
    "hundred",
    "a hundred",
    "a couple of",
    "couple",
    "mid",
    "Mid",
    "mid-",
    "-day",
    "-week",
    "-we\u{212a}",
    "-old",
    "-OLD",
    "two-year",
    "10-year",
    "day",
    "days",
    "Days",
    "week",
    "weeks",
    "weekend",
    "weekends",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "centurie",
    "quarter",
    "quarters",
    "half",
    "summer",
    "winter",
    "spring",
    "fall",
    "autumn",
    "season",
    "ago",
    "AGO",
    "yesterday",
    "today",
    "Today",
    "tomorrow",
    "-year-old",
    "-year",
    "year-old",
    "s",
    "S",
    "k",
    "K",
    "\u{17f}",
    "\u{212a}",
    "we\u{212a}",
    "\u{17f}ix",
    "la\u{17f}t",
    "day\u{17f}",
    "\u{17f}even",
    "_",
    "x",
    "é",
    "ß",
    "\u{130}",
    "\u{131}",
    "ſ",
    ",",
    ".",
    "-",
    "$",
    "%",
    "£",
    "€",
    "#",
    ":",
    "'",
    "\"",
    "(",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\t",
    "\r\n",
    "\u{a0}",
    "\u{2009}",
    "\u{3000}",
    "\u{85}",
    "\u{200b}",
    "\u{202f}",
    // Where a match can begin inside what the tokenizer keeps whole, or after a byte sharing the
    // lead byte of `ſ` or the Kelvin sign.
    "’",
    "—",
    "“",
    "&",
    "1,000",
    "3.5",
    "U.S.",
    "10:30",
    "O'Brien",
    "Marché",
    "ñ",
    "\u{17e}",
];

/// Separators, mostly single spaces, some of them glue.
const SEPARATORS: &[&str] =
    &[" ", " ", " ", " ", "  ", "\u{a0}", "\n", "\u{2009}", "", ",", ", ", "-", ".", "\u{200b}", "’", "é", "&", ":"];
/// Words that open the relative and shifted expressions, and "the".
const OPENERS: &[&str] = &[
    "the",
    "The",
    "the past",
    "THE next",
    "past",
    "last",
    "Last",
    "next",
    "coming",
    "previous",
    "following",
    "first",
    "final",
    "this",
    "This",
    "upcoming",
    "recent",
    "earlier",
    "later",
    "early",
    "late",
    "mid",
    "mid-",
    "MID-",
    "la\u{17f}t",
    "thi\u{17f}",
    "",
];
/// Counts, with near misses.
const COUNTS: &[&str] = &[
    "a",
    "A",
    "an",
    "one",
    "two",
    "Three",
    "\u{17f}ix",
    "seven",
    "several",
    "a few",
    "few",
    "many",
    "twenty",
    "hundred",
    "a hundred",
    "a couple of",
    "\u{17f}eventeen",
    "10",
    "3",
    "",
    "x",
];
/// Units, seasons, names and days, with near misses.
const HEADS: &[&str] = &[
    "day",
    "days",
    "Days",
    "day\u{17f}",
    "week",
    "weeks",
    "we\u{212a}",
    "weekend",
    "weekends",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "century",
    "centuries",
    "quarter",
    "half",
    "summer",
    "fall",
    "season",
    "this",
    "today",
    "yesterday",
    "Tuesday",
    "March",
    "May",
    "Sept.",
    "June",
    "yearx",
    "",
    "1990s",
];
/// What may follow a unit.
const TAILS: &[&str] =
    &["ago", "AGO", "agox", "", "", "x", "_", "é", "ſ", "\u{212a}", "old", "Later", "earlier", "olden", "later_"];
/// Month names and near misses.
const MONTHS: &[&str] = &["March", "Sept.", "Sep.", "Jan.", "May", "June", "december", "Octo", "Oct", ""];
/// Day and year numbers.
const NUMBERS: &[&str] = &["3", "03", "31", "123", "2019", "1990", "19", "2020s", "12345", ""];
/// Ordinal suffixes and near misses.
const SUFFIXES: &[&str] = &["", "", "st", "nd", "rd", "th", "thx", "s", "of", " of"];

/// Text dense in date expressions and their near misses: random pieces and phrases shaped like the
/// alternatives (every part optional or slightly wrong), glued by random separators.
fn texts() -> impl Strategy<Value = String> {
    let piece = || proptest::sample::select(PIECES).prop_map(String::from);
    let sep = || proptest::sample::select(SEPARATORS);
    let pick = proptest::sample::select;
    let relative = (pick(OPENERS), sep(), pick(COUNTS), sep(), pick(HEADS), sep(), pick(TAILS))
        .prop_map(|(a, b, c, d, e, f, g)| [a, b, c, d, e, f, g].concat());
    let calendar = (
        pick(NUMBERS),
        pick(SUFFIXES),
        sep(),
        pick(MONTHS),
        sep(),
        pick(NUMBERS),
        pick(SUFFIXES),
        sep(),
        pick(NUMBERS),
    )
        .prop_map(|(a, b, c, d, e, f, g, h, i)| [a, b, c, d, e, f, g, h, i].concat());
    let chunk = prop_oneof![3 => piece(), 2 => relative, 2 => calendar, 2 => sep().prop_map(String::from)];
    proptest::collection::vec(chunk, 0..16).prop_map(|chunks| chunks.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    #[test]
    fn matcher_agrees_with_the_regex(text in texts()) {
        assert_same(&text);
    }
}

#[test]
fn matcher_agrees_on_hand_picked_edges() {
    for text in [
        "On March 3, 2019, and Sept. 5 they met.",
        "March 3rd, 2019 and March 3rdx and March 31st2019 and March 123 and March 2019s",
        "3rd of March, 2020; 3 of October; 12th\u{a0}of\u{2009}May 2019",
        "x\u{17f}ix days ago; \u{17f}ix days ago; last we\u{212a}; last we\u{212a}x; last day\u{17f} ; last day\u{17f}x",
        "a few days ago, a day ago, an hour, the past a few weeks, the next 10 years, the past decade",
        "last weekend, last weekendx, this weeks, upcoming months, earlier this year, later this summer",
        "the 1990s, the1990s, 1990s, 2016, 2016x, 15-year-old, 1234-year-old, 15-year-olds",
        "LAST Tuesday, Last March, last march, early May, late june, yesterday's",
        // The word after an opener decides early whether it can go on (`allowed_by_next_word`).
        "the  past decade, The\u{a0}past week, THE 1990s, The 1990s, them past years, the. past year, the",
        "a\tfew weeks ago, a  few days ago, a fewer days ago, an hour ago, many years\nago, two years ago.",
        "last\u{2009}Tuesday, last\r\nweek, upcoming  months, earlier this\u{3000}year, last_week, last1 week",
        // Numbers: the run of digits and the byte after it decide which alternatives are tried.
        "1,000 days ago, 3.5 years ago, 10:30, 10 years ago, 10\u{2009}years ago, 100 years ago, 5-year-old",
        "123-year-old, 1234-year-old, 2019s, 20190, 1990s, 19900s, 199s, 2019-20, 3rd of May, 31st March",
        "3 March, 3\u{a0}March 2020, 03 May, 123 May, 3x May, 3nd May, 12th\tof May, 2016, 20160, 1899.",
        // Durations, hyphenated counts and parts of a month or year.
        "three years, a decade, 12 days, a quarter, a half, two hours, many years, a couple of weeks, hundred years",
        "two-year, 10-year, two-year-old, 10-year-old, two-year-olds, 15-year-olds, ten-Day, 2019-20, a-year",
        "mid-December, mid-2019, mid-1990s, late 2019, early March, mid December, mid-december, late 20190, midyear",
        "47 years old, a year later, a week  Earlier, two days older, three years\nlater, a day latex",
        "in the autumn, The Summer, the  winter, the springs, the fall, the\nspring, the sprint, them summer, thespring",
        "twenty-five years, one day, once a year, a year ago, seventeen years, \u{17f}ixty days, fifty-\u{17f}ix",
    ] {
        assert_same(text);
    }
}

#[test]
fn white_space_and_case_folding_agree_with_the_regex() {
    let space = Regex::new(r"^\s").expect("regex");
    let letters: Vec<String> = ('a'..='z').map(|c| format!("(?i)^{c}")).collect();
    let folded = RegexSet::new(&letters).expect("regex set");
    for c in (0..=0x10ffff).filter_map(char::from_u32) {
        let text = format!("{c} ");
        let b = text.as_bytes();
        assert_eq!(super::expressions::space_len(b, 0) > 0, space.is_match(&text), "{c:?}");
        let expected: Vec<usize> = folded.matches(&text).into_iter().collect();
        let found: Vec<usize> = (b'a'..=b'z')
            .filter(|&l| super::expressions::folded_char(b, 0, l) == Some(c.len_utf8()))
            .map(|l| usize::from(l - b'a'))
            .collect();
        assert_eq!(found, expected, "{c:?}");
    }
}

/// The real-text check: every `text` field of the JSON lines files named in `DATES_ORACLE_FILES`
/// (separated by `:`). `DATES_ORACLE_FILES=… cargo test --release --lib dates -- --ignored`
#[test]
#[ignore = "needs DATES_ORACLE_FILES"]
fn matcher_agrees_on_real_text() {
    let files = std::env::var("DATES_ORACLE_FILES").expect("DATES_ORACLE_FILES");
    let mut lines = 0;
    for path in files.split(':') {
        let data = std::fs::read_to_string(path).expect("readable file");
        for line in data.lines() {
            let value: serde_json::Value = serde_json::from_str(line).expect("JSON line");
            if let Some(text) = value["text"].as_str() {
                assert_same(text);
                lines += 1;
            }
        }
    }
    eprintln!("{lines} texts agree");
}
