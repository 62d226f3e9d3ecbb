//! DATE expressions in news text, as OntoNotes marks them: calendar dates ("March 3, 2019",
//! "3 March"), months, weekdays, years and decades, relative dates ("last week", "the past decade",
//! "upcoming months", "two years ago", "earlier this year", "today"), ages ("15-year-old"), durations
//! ("three years", "a decade", "a two-year contract") and parts of a month or year ("mid-December",
//! "late 2019").

mod expressions;
#[cfg(test)]
mod oracle;

use super::Candidate;
use super::gazetteer::Gazetteer;
use expressions::{DATE_UNITS, Expressions, NUMBER_WORDS, THE_SEASONS};

/// The label these rules propose.
const DATE: &str = "DATE";

/// Words that make a bare "May" a month ("in May"), not the verb or the name.
const MAY_CUES: &[&str] = &[
    "in", "of", "since", "until", "by", "last", "next", "this", "early", "late", "mid", "through", "from", "before",
    "after", "during",
];

/// Lower-case closed-class words (prepositions, conjunctions, auxiliaries) that may follow a season named
/// with "the" ("in **the autumn** whether", "**the summer** of 2023", "**the spring** has"); any other
/// lower-case word makes the season describe a noun ("the winter fuel payment", "the spring collection").
const SEASON_FOLLOWERS: &[&str] = &[
    "after", "ahead", "and", "are", "as", "at", "because", "before", "but", "by", "can", "could", "did", "for", "from",
    "had", "has", "have", "if", "in", "is", "may", "might", "of", "on", "or", "should", "since", "so", "that", "than",
    "through", "to", "until", "was", "were", "when", "whether", "while", "will", "with", "would",
];

/// Lower-case words before a capitalised weekday that make it the first word of a title ("a show called
/// Monday Blues", "the band Sunday Best"), when a capitalised word follows.
const TITLE_CUES: &[&str] = &[
    "album",
    "band",
    "called",
    "collection",
    "dubbed",
    "entitled",
    "exhibition",
    "film",
    "magazine",
    "named",
    "novel",
    "programme",
    "show",
    "song",
    "titled",
];

/// Capitalised words after which a number names a road, a part or an episode, not a count ("Route 66
/// days later", "Highway 61 years").
const NUMBERED: &[&str] = &[
    "Apollo",
    "Article",
    "Chapter",
    "Channel",
    "Episode",
    "Flight",
    "Highway",
    "Interstate",
    "Phase",
    "Route",
    "Section",
    "Season",
    "Stage",
    "Windows",
];

/// Words before a duration's count that OntoNotes keeps inside its DATE ("more than a decade",
/// "nearly two years ago"), each with the space after it, in lower case.
const QUALIFIERS: &[&str] =
    &["about ", "almost ", "at least ", "less than ", "more than ", "nearly ", "over ", "roughly ", "some ", "up to "];

/// The start of the DATE `found` at `start`, moved back over one of the [`QUALIFIERS`] when `found` is
/// a duration: one of the matcher's count words or a number, then a unit after a space ("more than **a decade**",
/// "about **a couple of weeks**"; not "about 2019", "over last week", "over two-year contracts").
/// Looked for only behind a match, so a qualifier costs nothing where no duration follows.
fn with_qualifier(text: &str, start: usize, found: &str) -> usize {
    let mut words = found.split(' ');
    let count = words.next().is_some_and(|w| {
        w.starts_with(|c: char| c.is_ascii_digit()) || NUMBER_WORDS.iter().any(|n| n.eq_ignore_ascii_case(w))
    });
    if !count || !words.any(|w| DATE_UNITS.iter().any(|u| u.eq_ignore_ascii_case(w))) {
        return start;
    }
    let before = &text[..start];
    QUALIFIERS
        .iter()
        .find(|q| {
            before.len() >= q.len()
                && before.get(before.len() - q.len()..).is_some_and(|tail| tail.eq_ignore_ascii_case(q))
                && before[..before.len() - q.len()].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
        })
        .map_or(start, |q| start - q.len())
}

/// Whether a date expression names a part of a year ("the third quarter", "the first half", "fourth
/// quarter", "the spring"), which an "of" and a year after it belong to.
fn is_part_of_year(found: &str) -> bool {
    found.ends_with(" quarter") || found.ends_with(" half") || is_the_season(found)
}

/// Whether `text` opens with a year from 1800 to 2099 that ends there or before a non-alphanumeric.
fn opens_with_year(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() >= 4
        && matches!(&b[..2], b"18" | b"19" | b"20")
        && b[2..4].iter().all(u8::is_ascii_digit)
        && b.get(4).is_none_or(|c| !c.is_ascii_alphanumeric())
}

/// The end of the DATE `found` ending at `end`, moved on over the year a part of a year belongs to: "of"
/// and a year, a fiscal year, or "the year", "this year", "next year", "last year" ("**the first quarter
/// of 2025**", "**the second quarter of fiscal 2025**", "**the first half of the year**"; not "the third
/// quarter of the game", "a quarter of 2025's budget" as "a quarter" is no date).
fn with_year_after(text: &str, end: usize, found: &str) -> usize {
    let Some(rest) = text[end..].strip_prefix(" of ").filter(|_| is_part_of_year(found)) else { return end };
    let (fiscal, year) = match rest.strip_prefix("fiscal ") {
        Some(year) => ("fiscal ".len(), year),
        None => (0, rest),
    };
    if opens_with_year(year) && !year[4..].starts_with("'s") {
        return end + " of ".len() + fiscal + 4;
    }
    ["the year", "this year", "next year", "last year"]
        .iter()
        .find(|y| rest.starts_with(*y) && rest[y.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric()))
        .map_or(end, |y| end + " of ".len() + y.len())
}

/// The start of the DATE `found` at `start`, moved back over a word that names which period of a year it
/// is: "fiscal" before a year or a quarter ("**fiscal 2026**", "its **fiscal third quarter**"), a
/// quarter's code before a year ("**Q3 2024**"), or "early" or "late" before a shifted date ("**early next
/// year**"). Each is a whole word after a space or at the start.
fn with_period_word(text: &str, start: usize, found: &str) -> usize {
    let before = &text[..start];
    // The byte before the space: the last of "fiscal", "early", "late" or a quarter's digit, or no such word.
    let b = before.as_bytes();
    if b.len() < 3 || b[b.len() - 1] != b' ' || !matches!(b[b.len() - 2], b'l' | b'y' | b'e' | b'1'..=b'4') {
        return start;
    }
    let year = found.len() == 4 && opens_with_year(found);
    let quarter = found.ends_with(" quarter") && !found.starts_with("the ") && !found.starts_with("The ");
    let shifted = ["next ", "last ", "this "].iter().any(|w| found.starts_with(w));
    let word = if year || quarter {
        before.strip_suffix("fiscal ").map(|b| (b, "fiscal ")).or_else(|| {
            let code = year && b.len() >= 3 && b[b.len() - 3] == b'Q' && matches!(b[b.len() - 2], b'1'..=b'4');
            (code && b[b.len() - 1] == b' ').then(|| (&before[..before.len() - 3], "Q1 "))
        })
    } else if shifted {
        ["early ", "late "].iter().find_map(|w| before.strip_suffix(w).map(|b| (b, *w)))
    } else {
        None
    };
    match word {
        Some((rest, word)) if rest.chars().next_back().is_none_or(|c| !c.is_alphanumeric()) => start - word.len(),
        _ => start,
    }
}

/// The end of a span of years that a year ending at `end` opens: a hyphen or an en dash and the last two
/// digits or a whole year, later ("**2024-25**", "**1999-00**", "**1992–1995**"; not "2016-style", "2019-2" or
/// "2020-19", a score).
fn year_range_end(text: &str, end: usize) -> Option<usize> {
    let rest = text[end..].strip_prefix('-').or_else(|| text[end..].strip_prefix('\u{2013}'))?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if rest[digits..].starts_with(|c: char| c.is_alphanumeric() || c == '%') {
        return None;
    }
    let later = match digits {
        2 => rest[..2] > text[end - 2..end] || (&text[end - 2..end], &rest[..2]) == ("99", "00"),
        4 => opens_with_year(rest) && rest[..4] > text[end - 4..end],
        _ => false,
    };
    later.then(|| text.len() - rest.len() + digits)
}

/// The DATE from `start` to `end`, a year or a span of years, widened to the season or the school, fiscal
/// or tax year it names when "the" stands before it ("**the 2024-25 season**", "**the 2023 season**", "**the
/// 2027-28 school year**"; not "the 2024 seasonal flu", "2024-25 season" without "the").
fn with_season(text: &str, start: usize, end: usize) -> (usize, usize) {
    let before = &text[..start];
    let the = before.strip_suffix("the ").or_else(|| before.strip_suffix("The "));
    let opened = the.is_some_and(|b| b.chars().next_back().is_none_or(|c| !c.is_alphanumeric()));
    let period = [" season", " school year", " academic year", " fiscal year", " financial year", " tax year"]
        .iter()
        .find(|p| text[end..].strip_prefix(**p).is_some_and(|r| r.chars().next().is_none_or(|c| !c.is_alphanumeric())));
    match period {
        Some(p) if opened => (start - "the ".len(), end + p.len()),
        _ => (start, end),
    }
}

/// The end of a calendar date ending at `end` in a day of the month, moved on over the last day of a
/// span that goes on from it: "to", "through" or a hyphen and a day from 1 to 31, with its year if one
/// follows ("**July 10 to 13**", "**March 3-5, 2025**"; not "July 10 to 13.5%", "May 2 to 40 percent").
fn with_day_range(text: &str, end: usize) -> usize {
    if !text[..end].ends_with(|c: char| c.is_ascii_digit()) {
        return end;
    }
    let rest = &text[end..];
    let Some(day) = [" to ", " through ", "-", "\u{2013}"].iter().find_map(|w| rest.strip_prefix(w)) else {
        return end;
    };
    let digits = day.bytes().take_while(u8::is_ascii_digit).count();
    let after = &day[digits..];
    let number_goes_on = after.starts_with(|c: char| c.is_alphanumeric() || c == '%')
        || (after.starts_with(['.', ',']) && after[1..].starts_with(|c: char| c.is_ascii_digit()))
        || after.starts_with(" percent")
        || after.starts_with(" per ");
    if !(1..=2).contains(&digits) || number_goes_on || !(1..=31).contains(&day[..digits].parse::<u8>().unwrap_or(0)) {
        return end;
    }
    let last = text.len() - after.len();
    match after.strip_prefix(", ") {
        Some(year) if opens_with_year(year) => last + ", ".len() + 4,
        _ => last,
    }
}

/// The date expressions, matched by hand (the `expressions` module).
#[derive(Debug, Clone)]
pub struct DateFinder {
    expressions: Expressions,
}

impl DateFinder {
    /// Builds the expressions from the gazetteer's month and weekday names.
    pub fn new(gazetteer: &Gazetteer) -> Self {
        Self { expressions: Expressions::new(gazetteer) }
    }

    /// Adds DATE spans to `out`.
    pub fn find(&self, text: &str, out: &mut Vec<Candidate<'_>>) {
        for (start, end) in self.expressions.matches(text) {
            let found = &text[start..end];
            let year = found.len() == 4 && opens_with_year(found);
            if let Some(range_end) = year.then(|| year_range_end(text, end)).flatten() {
                let (start, end) = with_season(text, start, range_end);
                out.push(Candidate { start, end, label: DATE, origin: super::HEURISTICS, score: 0.8 });
            } else if self.keeps(text, start, end, found) {
                let score = if year { 0.6 } else { 0.8 };
                let start = with_qualifier(text, start, found);
                let (start, end) = (with_period_word(text, start, found), with_year_after(text, end, found));
                let (start, end) =
                    if year { with_season(text, start, end) } else { (start, with_day_range(text, end)) };
                out.push(Candidate { start, end, label: DATE, origin: super::HEURISTICS, score });
            }
        }
    }

    /// Filters matches that are numbers or words rather than dates, that run across a line break (a
    /// count ending one line and a unit beginning the next: "08:51\n\nDay 3"), that are a count and a
    /// capitalised "Day", the name of a programme or an event ("21 Day Fix", "the Six Day War"), whose
    /// unit a hyphen and a word go on from ("a day-long strike", "10-year-olds"; not "2016-style"), or
    /// whose number follows a [`NUMBERED`] word on its line ("Route 66 days later").
    fn keeps(&self, text: &str, start: usize, end: usize, found: &str) -> bool {
        let titled = found.ends_with(" Day");
        let unit_last = found.rsplit([' ', '-']).next().is_some_and(|unit| DATE_UNITS.contains(&unit));
        let hyphen_on = unit_last
            && text[end..].strip_prefix('-').is_some_and(|rest| rest.starts_with(|c: char| c.is_alphabetic()));
        let word_before = text[..start].strip_suffix(' ').and_then(|before| before.rsplit([' ', '\n']).next());
        let numbered =
            found.starts_with(|c: char| c.is_ascii_digit()) && word_before.is_some_and(|w| NUMBERED.contains(&w));
        if found.contains('\n') || titled || hyphen_on || numbered {
            return false;
        }
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        let numeric_context = before.is_some_and(|c| matches!(c, '$' | '£' | '€' | '#' | '.' | ',' | '-'))
            || after.is_some_and(|c| {
                matches!(c, '%' | ',' | '-' | '.') && text[end + 1..].starts_with(|d: char| d.is_ascii_digit())
            });
        if found.starts_with(|c: char| c.is_ascii_digit()) && numeric_context {
            return false;
        }
        if is_the_season(found) {
            return season_stands_alone(&text[end..]);
        }
        if found.ends_with("day") && !found.contains(' ') && found.starts_with(|c: char| c.is_ascii_uppercase()) {
            return !opens_title(text, start, end);
        }
        if found == "May" {
            let previous = text[..start].split_whitespace().next_back().unwrap_or_default();
            return MAY_CUES.contains(&previous.trim_end_matches('-').to_lowercase().as_str());
        }
        true
    }
}

/// Whether `found` is "the", one space and a season ("the autumn", "The summer"; each season has six letters).
fn is_the_season(found: &str) -> bool {
    let b = found.as_bytes();
    b.len() == 10
        && b[..4].eq_ignore_ascii_case(b"the ")
        && THE_SEASONS.iter().any(|s| b[4..].eq_ignore_ascii_case(s.as_bytes()))
}

/// Whether the season "the" names is a date by what follows it (`rest`): anything but a lower-case word
/// outside [`SEASON_FOLLOWERS`] ("the spring." and "the spring of 2024", not "the spring collection").
fn season_stands_alone(rest: &str) -> bool {
    let Some(next) = rest.strip_prefix(' ') else { return true };
    if !next.starts_with(|c: char| c.is_ascii_lowercase()) {
        return true;
    }
    let word = next.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or_default();
    SEASON_FOLLOWERS.contains(&word)
}

/// Whether the weekday at `start..end` opens a title: a capitalised word follows and one of the
/// [`TITLE_CUES`] stands before it ("titled **Sunday** Best"; not "on Sunday Mr Lee said").
fn opens_title(text: &str, start: usize, end: usize) -> bool {
    let capital_next = text[end..].strip_prefix(' ').is_some_and(|n| n.starts_with(|c: char| c.is_uppercase()));
    capital_next
        && text[..start]
            .strip_suffix(' ')
            .and_then(|before| before.rsplit([' ', '\n']).next())
            .is_some_and(|w| TITLE_CUES.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<&str> {
        let mut found = Vec::new();
        DateFinder::new(Gazetteer::shipped()).find(text, &mut found);
        found.into_iter().map(|c| &text[c.start..c.end]).collect()
    }

    #[test]
    fn a_season_after_the_is_a_date_unless_it_describes_a_noun() {
        assert_eq!(dates("Growers will decide in the autumn."), ["the autumn"]);
        // The year is also found alone; the longer span wins when overlaps are resolved.
        assert_eq!(dates("The winter was mild and the spring of 2024 wet")[..2], ["The winter", "the spring of 2024"]);
        assert_eq!(dates("The summer, when crops fail, is long"), ["The summer"]);
        assert_eq!(dates("a frost in the spring has cut yields"), ["the spring"]);
        assert!(dates("the winter fuel payment and the spring collection").is_empty());
        assert!(dates("after the fall and the springs dried up").is_empty());
    }

    #[test]
    fn a_weekday_opening_a_title_is_no_date() {
        assert!(dates("its collection, titled Sunday Best, opened").is_empty());
        assert!(dates("the band Friday Club played").is_empty());
        assert_eq!(dates("said on Tuesday Apple would"), ["Tuesday"]);
        assert_eq!(dates("a show called Monday."), ["Monday"]);
        assert_eq!(dates("Club Opens Saturday Night"), ["Saturday"]);
    }

    #[test]
    fn calendar_dates_weekdays_and_years() {
        assert_eq!(dates("On March 3, 2019, and Sept. 5 they met."), ["March 3, 2019", "Sept. 5"]);
        assert_eq!(dates("said on Tuesday that 3 March 2021 was fine"), ["Tuesday", "3 March 2021"]);
        assert_eq!(dates("the 2016 election, in the 1990s and in May 2020"), ["2016", "the 1990s", "May 2020"]);
    }

    #[test]
    fn relative_dates_and_ages() {
        assert_eq!(dates("last week and in upcoming months"), ["last week", "upcoming months"]);
        assert_eq!(
            dates("over the past decade, two years ago, earlier this year"),
            ["the past decade", "two years ago", "earlier this year"]
        );
        assert_eq!(dates("Last Tuesday a 15-year-old said today"), ["Last Tuesday", "15-year-old", "today"]);
    }

    #[test]
    fn the_calendar_leaves_room_in_the_matchers_word_sets() {
        // A word set holds at most 64 alternatives (one bit each); the month names and abbreviations are
        // the largest, so a calendar file grown past that would stop the matcher being built.
        let months: usize = Gazetteer::shipped().months.iter().map(Vec::len).sum();
        assert!((12..=48).contains(&months), "{months} month names and abbreviations");
    }

    #[test]
    fn durations_hyphenated_counts_and_parts_of_a_period() {
        assert_eq!(
            dates("for three years, 12 days and a decade; several years later"),
            ["three years", "12 days", "a decade", "several years later"]
        );
        assert_eq!(dates("a two-year contract, 10-year bonds, a 10-year-old"), ["two-year", "10-year", "10-year-old"]);
        assert_eq!(dates("in mid-December, late 2019 and early March"), ["mid-December", "late 2019", "early March"]);
        assert_eq!(dates("The 47 year old waited a couple of weeks"), ["47 year old", "a couple of weeks"]);
    }

    #[test]
    fn hours_quarters_and_counts_across_lines_are_not_dates() {
        assert!(dates("two hours, a quarter of the vote, half the votes").is_empty());
        assert!(dates("at 08:51\n\nDay 3, the 21 Day Fix").is_empty());
    }

    #[test]
    fn numbers_names_and_verbs_are_not_dates() {
        assert!(dates("It cost $2016 or 2016.5 and 1,2019 for 3,000 people; May I ask?").is_empty());
        assert!(dates("Prime Minister Theresa May said the march was long.").is_empty());
        assert!(dates("flight 12345, room 3016 and 1700 units").is_empty());
    }

    #[test]
    fn titles_compound_words_and_numbered_names_are_no_durations() {
        assert!(dates("The Six Day War; the film One Day.").is_empty());
        assert_eq!(dates("Rents Frozen For 5 Years\nArticle\n2018 results"), ["5 Years", "2018"]);
        assert_eq!(dates("the 2016-style keyboard"), ["2016"]);
        assert!(dates("a day-long strike and a year-long probe by 10-year-olds").is_empty());
        assert!(dates("Route 66 days later, Highway 61 years").is_empty());
        assert_eq!(dates("It took three years and 12 days."), ["three years", "12 days"]);
        assert_eq!(dates("Three years ago the dam broke."), ["Three years ago"]);
    }

    #[test]
    fn a_qualifier_before_a_duration_is_part_of_it() {
        assert_eq!(dates("It took more than a decade."), ["more than a decade"]);
        assert_eq!(
            dates("Nearly two years ago, and up to 10 years in prison."),
            ["Nearly two years ago", "up to 10 years"]
        );
        assert_eq!(dates("about 2019, over the years, Moreover three weeks"), ["2019", "three weeks"]);
        assert_eq!(dates("about a couple of weeks, over last week"), ["about a couple of weeks", "last week"]);
    }

    #[test]
    fn a_year_after_a_part_of_a_year_belongs_to_it() {
        // The year is also found alone; the longer span wins when overlaps are resolved.
        assert_eq!(dates("sales in the third quarter of 2023 rose")[0], "the third quarter of 2023");
        assert_eq!(dates("in the first half of fiscal 2027")[0], "the first half of fiscal 2027");
        assert_eq!(dates("by the fourth quarter of next year")[0], "the fourth quarter of next year");
    }

    #[test]
    fn other_words_after_a_part_of_a_year_stay_out() {
        assert_eq!(dates("in the third quarter of the game"), ["the third quarter"]);
        assert_eq!(dates("the past year of 2023's work"), ["the past year", "2023"]);
        assert_eq!(dates("the second half of 20245 units"), ["the second half"]);
    }

    #[test]
    fn fiscal_quarter_codes_and_early_or_late_belong_to_the_date() {
        assert_eq!(dates("guidance for fiscal 2026 was cut"), ["fiscal 2026"]);
        assert_eq!(dates("results for its fiscal second quarter"), ["fiscal second quarter"]);
        assert_eq!(dates("shipments resume in Q3 2024"), ["Q3 2024"]);
        assert_eq!(dates("a vote early next year"), ["early next year"]);
    }

    #[test]
    fn words_merely_next_to_a_date_stay_out() {
        assert_eq!(dates("the nonfiscal 2026 plan"), ["2026"]);
        assert_eq!(dates("model Q9 2024 and XQ3 2024"), ["2024", "2024"]);
        assert_eq!(dates("the yearly next year"), ["next year"]);
    }

    #[test]
    fn spans_of_years_and_the_seasons_they_name_are_dates() {
        assert_eq!(dates("after the 1992-95 war"), ["1992-95"]);
        assert_eq!(dates("won in the 2024-25 season and the 2019 season"), ["the 2024-25 season", "the 2019 season"]);
        assert_eq!(dates("by the 2027-28 school year"), ["the 2027-28 school year"]);
        // The later year is also found alone; the longer span wins when overlaps are resolved.
        assert_eq!(dates("from 2010\u{2013}2014, a 2024-25 budget"), ["2010\u{2013}2014", "2014", "2024-25"]);
    }

    #[test]
    fn other_numbers_after_a_year_leave_it_alone_or_no_date() {
        assert_eq!(dates("the 2016-style keyboard, the 2024 seasonal flu"), ["2016", "2024"]);
        assert!(dates("score 2019-2 and 2020-19 and 2018-123").is_empty());
        assert_eq!(dates("his 2024-25 season"), ["2024-25"]);
    }

    #[test]
    fn a_span_of_days_in_a_month_is_one_date() {
        assert_eq!(dates("from July 10 to 13, in March 3-5, 2025"), ["July 10 to 13", "March 3-5, 2025", "2025"]);
        assert_eq!(dates("Sept. 5 through 9 only"), ["Sept. 5 through 9"]);
    }

    #[test]
    fn numbers_after_a_date_that_are_no_days_stay_out() {
        assert_eq!(dates("on July 10 to 13.5% and on May 2 to 40 percent"), ["July 10", "May 2"]);
        assert_eq!(dates("on June 4 to 45 people, on June 4-5pm"), ["June 4", "June 4"]);
    }
}
