//! Menus, footers and teaser lists left in whole-page text. Lines get jusText-like classes from their
//! length, stop-word density and sentence punctuation (there is no markup, so no link density); the
//! main text is the contiguous block of lines with the best balance of prose over furniture (a
//! maximum-sum segment, as in body-text extraction); every other line is proposed for deletion.
//!
//! Only texts that look like whole pages are judged: many lines, a large share of them short and
//! without sentence punctuation. Extracted articles (a title, paragraphs, a few short lines) are left
//! alone, which is what keeps real article text safe.

use super::layout::Verdict;
use super::rules::PAGE_BOILERPLATE;
use super::text::{Line, ends_sentence, stopword_density};

/// Fewer non-blank lines than this and the text is an article, not a page.
const MIN_LINES: usize = 30;
/// Share of non-blank lines that are short furniture above which a text is a whole page.
const MIN_FURNITURE_SHARE: f32 = 0.4;
/// A whole page has a menu: at least this many furniture lines in a row (lists in articles are shorter).
const MIN_FURNITURE_RUN: usize = 10;
/// Bad lines without sentence punctuation in a run at least this long weigh [`RUN_PENALTY`] times more:
/// a block of teaser headlines or comment-form labels then cuts the main text off from what follows.
const PENALISED_RUN: usize = 2;
/// A line of at least this many words with clauses in it is near-good even without English stop words or
/// a closing full stop (a paragraph in another language, a quotation ending in a bracket).
const LONG_CLAUSES: usize = 20;
/// A line of at least this many words is long enough to be prose without a closing full stop.
const LONG_LINE: usize = 25;
/// How many times its own weight a bad line in a penalised run costs.
const RUN_PENALTY: i64 = 2;

/// jusText-like class of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Running prose.
    Good,
    /// Sentence-like but short: a subhead or a one-line paragraph.
    NearGood,
    /// Menus, labels, headlines without sentences.
    Bad,
}

/// Classifies one trimmed line of `words` words ([`line_words`](super::text::line_words)). Stop words
/// are English; long sentences count as prose in any language.
fn classify(t: &str, words: usize) -> Class {
    // Every test below compares the count with 25 or less: a count exact up to 25 or more suffices.
    let sentence = ends_sentence(t);
    // The density, the costly feature, decides only for a sentence of six to fourteen words or a
    // line of 25 or more that is not one: a sentence of 15 words or more is prose (and good)
    // whatever its density, and below six words (or 25 without a sentence) every test that reads
    // it also asks for one of those. For the other lines any value gives the same class.
    let density_decides = words >= 6 && if sentence { words < 15 } else { words >= LONG_LINE };
    let density = if density_decides { stopword_density(t) } else { 0.0 };
    let prose = density >= 0.2 || (sentence && words >= 15);
    if words >= 12 && prose && (sentence || words >= LONG_LINE) {
        Class::Good
    } else if (words >= 6 && sentence && density >= 0.15) || (words >= LONG_CLAUSES && has_clauses(t)) {
        Class::NearGood
    } else {
        Class::Bad
    }
}

/// Whether a line runs on past a comma or a full stop: clauses, as prose has in any language.
fn has_clauses(t: &str) -> bool {
    t.contains(", ") || t.contains(". ")
}

/// The weight a line adds to (or takes from) a candidate main block.
fn weight(class: Class, t: &str) -> i64 {
    let len = i64::try_from(t.chars().count()).unwrap_or(i64::MAX / 4);
    match class {
        Class::Good => len,
        Class::NearGood => len / 3,
        Class::Bad => -(len.max(25)),
    }
}

/// Whether a short line is a figure of a data box rather than a label: it has a digit and, after a
/// one-word label, no more letters than digits (`46%`, `105° / 79°`, `High: 101°`, `3-1`). A forecast or a match's stats inside
/// an article are not a page's menu (a date such as `Nov 19, 2019` is one too, and is not a menu
/// either).
fn is_data_line(t: &str, words: usize) -> bool {
    if words > 4 || t.len() > 40 || !t.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    // A label before the figure (`High:`) is not counted.
    let figure = t.split_once(": ").map_or(t, |(label, figure)| if label.contains(' ') { t } else { figure });
    // Bytes, not characters: a figure's signs (`°`, `%`) are no letters, and a label in another script
    // has no ASCII digit.
    let (mut digits, mut letters) = (0usize, 0usize);
    for b in figure.bytes() {
        digits += usize::from(b.is_ascii_digit());
        letters += usize::from(b.is_ascii_alphabetic());
    }
    digits > 0 && letters <= digits
}

/// Most words of a figure row ([`is_figure_row`]).
const MAX_FIGURE_ROW_WORDS: usize = 6;

/// Whether a short line is a row of a table of figures: a figure with no more letters than digits,
/// after a label and a colon if it has one (`Tom Haskins (incumbent): 5,148 (46.6%)`, `Precincts
/// reporting: 88 of 92`, `46%`). Election results, standings and key figures inside an article are
/// such rows; a menu's labels have no figures.
fn is_figure_row(t: &str, words: usize) -> bool {
    // A row ends with its figure (`5,148 (46.6%)`, `46%`, `101°`): most labels end with a letter.
    let last = t.as_bytes().last().copied().unwrap_or_default();
    if words > MAX_FIGURE_ROW_WORDS || t.len() > 60 || !(last.is_ascii_digit() || matches!(last, b'%' | b')' | 0xB0)) {
        return false;
    }
    // The figure after the last `: ` (a colon is one byte, so `at + 1` is a boundary).
    let figure = match t.rfind(':') {
        Some(at) if t.as_bytes().get(at + 1) == Some(&b' ') => &t[at + 1..],
        _ => t,
    };
    let (mut digits, mut letters) = (0usize, 0usize);
    for b in figure.bytes() {
        digits += usize::from(b.is_ascii_digit());
        letters += usize::from(b.is_ascii_alphabetic());
    }
    digits > 0 && letters <= digits
}

/// Whether a text looks like a whole page (many lines, many of them furniture), given the words of
/// each line. Lines of a data box ([`is_data_line`]) count as furniture but not in a menu's run: a
/// whole page needs a run of words, as menus are.
fn is_whole_page(lines: &[Line<'_>], words: &[usize]) -> bool {
    let (mut total, mut furniture, mut run, mut longest) = (0usize, 0usize, 0usize, 0usize);
    for l in lines.iter().filter(|l| !l.is_blank()) {
        let t = l.trimmed();
        total += 1;
        if words[l.index] <= 4 && !ends_sentence(t) {
            furniture += 1;
            // A figure neither makes a menu longer nor ends one.
            if !is_data_line(t, words[l.index]) {
                run += 1;
                longest = longest.max(run);
            }
        } else {
            run = 0;
        }
    }
    total >= MIN_LINES && furniture as f32 >= MIN_FURNITURE_SHARE * total as f32 && longest >= MIN_FURNITURE_RUN
}

/// Reason of a line above the main block.
const BEFORE_MAIN: &str = "outside the main text (before it): menu or footer";
/// Reason of a line below the main block.
const AFTER_MAIN: &str = "outside the main text (after it): menu or footer";

/// Marks every non-blank line outside the main block of a whole-page text, given the words of each
/// line ([`line_words`](super::text::line_words)).
pub fn judge(lines: &[Line<'_>], words: &[usize], verdicts: &mut [Option<Verdict>]) {
    if !is_whole_page(lines, words) {
        return;
    }
    let mut candidates: Vec<(usize, i64)> = lines
        .iter()
        .filter(|l| !l.is_blank() && verdicts[l.index].is_none())
        .map(|l| {
            let t = l.trimmed();
            (l.index, weight(classify(t, words[l.index]), t))
        })
        .collect();
    weigh_figure_tables(lines, words, &mut candidates);
    penalise_furniture_runs(lines, &mut candidates);
    let Some((first, last)) = best_segment(&candidates) else { return };
    let (from, to) = (candidates[first].0, candidates[last].0);
    for l in lines.iter().filter(|l| !l.is_blank() && (l.index < from || l.index > to)) {
        if verdicts[l.index].is_none() {
            let reason = if l.index < from { BEFORE_MAIN } else { AFTER_MAIN };
            verdicts[l.index] = Some(Verdict::builtin(PAGE_BOILERPLATE, reason));
        }
    }
}

/// Sets the weight of figure rows ([`is_figure_row`]) that stand next to another to nothing: a table
/// of results or standings inside an article neither adds to its main text nor cuts it. A lone
/// figure (`55 3` under a comment) weighs as other short lines do. Only bad lines can be rows.
fn weigh_figure_tables(lines: &[Line<'_>], words: &[usize], candidates: &mut [(usize, i64)]) {
    let row = |&(i, w): &(usize, i64)| w < 0 && is_figure_row(lines[i].trimmed(), words[i]);
    let (mut before, mut this) = (false, candidates.first().is_some_and(row));
    for k in 0..candidates.len() {
        let after = candidates.get(k + 1).is_some_and(row);
        if this && (before || after) {
            candidates[k].1 = 0;
        }
        (before, this) = (this, after);
    }
}

/// Multiplies the weight of bad lines that are not sentences when they come in runs (teaser lists, related
/// headlines, comment forms): one stray label inside an article costs as before, a run of them costs more.
/// Bad lines that end a sentence (a short answer, a one-line quote) break a run and keep their weight.
fn penalise_furniture_runs(lines: &[Line<'_>], candidates: &mut [(usize, i64)]) {
    let furniture = |&(index, w): &(usize, i64)| w < 0 && !ends_sentence(lines[index].trimmed());
    let mut k = 0;
    while k < candidates.len() {
        let run = candidates[k..].iter().take_while(|c| furniture(c)).count();
        if run >= PENALISED_RUN {
            for c in &mut candidates[k..k + run] {
                c.1 = c.1.saturating_mul(RUN_PENALTY);
            }
        }
        k += run.max(1);
    }
}

/// The maximum-sum contiguous run of weights (Kadane), as first and last positions.
fn best_segment(items: &[(usize, i64)]) -> Option<(usize, usize)> {
    let mut best: Option<(i64, usize, usize)> = None;
    let mut sum = 0i64;
    let mut start = 0usize;
    for (i, &(_, w)) in items.iter().enumerate() {
        if sum <= 0 {
            sum = 0;
            start = i;
        }
        sum += w;
        if best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, start, i));
        }
    }
    best.filter(|&(s, _, _)| s > 0).map(|(_, a, b)| (a, b))
}

#[cfg(test)]
mod tests {
    use super::super::layout::flagged_lines;
    use super::super::text::{line_words, lines, word_count, word_count_up_to};
    use super::*;

    const PROSE: &str = "The harbour council said on Monday that it would open the new ferry terminal in the spring, \
                         after two years of delays that had angered residents and traders alike.";

    fn page(menu: usize, paragraphs: usize, footer: usize) -> String {
        let mut s = String::new();
        for i in 0..menu {
            s.push_str(&format!("Section {i}\n"));
        }
        for _ in 0..paragraphs {
            s.push_str(PROSE);
            s.push_str("\n\n");
        }
        for i in 0..footer {
            s.push_str(&format!("Footer link {i}\n"));
        }
        s
    }

    fn judged(text: &str) -> Vec<bool> {
        flagged_lines(text, |lines, verdicts| judge(lines, &line_words(lines), verdicts))
    }

    #[test]
    fn menus_and_footers_around_the_article_go() {
        let text = page(20, 6, 15);
        let flags = judged(&text);
        let l = lines(&text);
        for (line, deleted) in l.iter().zip(&flags) {
            assert_eq!(*deleted, line.text.starts_with("Section") || line.text.starts_with("Footer"), "{}", line.text);
        }
    }

    #[test]
    fn extracted_articles_are_not_pages() {
        let text = page(3, 8, 2);
        assert!(judged(&text).iter().all(|d| !d));
    }

    #[test]
    fn a_teaser_list_cuts_off_the_text_after_it() {
        let mut text = page(20, 6, 0);
        for i in 0..4 {
            text.push_str(&format!("Ferry teaser headline number {i}\n"));
        }
        for _ in 0..2 {
            text.push_str("Readers also liked this much shorter story about the ferry terminal and its delays.\n");
        }
        let flags = judged(&text);
        let l = lines(&text);
        let kept: Vec<&str> = l.iter().zip(&flags).filter(|(_, d)| !**d).map(|(l, _)| l.text).collect();
        assert!(kept.iter().all(|t| t.is_empty() || *t == PROSE), "{kept:?}");
    }

    #[test]
    fn a_forecast_box_inside_an_article_does_not_make_it_a_page() {
        let mut text = String::from("Heat warning for the harbour towns\n");
        for _ in 0..5 {
            text.push_str(PROSE);
            text.push('\n');
        }
        for day in ["Monday", "Tuesday", "Wednesday", "Thursday"] {
            text.push_str(&format!("{day}\nHigh: 91°\nLow: 70°\nSunny\n10%\n"));
        }
        for _ in 0..5 {
            text.push_str(PROSE);
            text.push('\n');
        }
        assert!(judged(&text).iter().all(|d| !d), "the paragraphs after the box stay");
        // The same box made of words is a menu: the page is judged.
        let menu = text.replace("High: 91°", "Hourly").replace("Low: 70°", "Radar").replace("10%", "Traffic");
        assert!(judged(&menu).iter().any(|d| *d));
    }

    #[test]
    fn data_lines_are_figures_not_labels() {
        for t in ["46%", "105° / 79°", "High: 101°", "3-1", "Nov 19, 2019"] {
            assert!(is_data_line(t, word_count(t)), "{t}");
        }
        for t in ["Sport", "Page 2", "Sat 8 Mar", "Wind: SW 5-10 mph", "1 2 3 4 5 6"] {
            assert!(!is_data_line(t, word_count(t)), "{t}");
        }
    }

    #[test]
    fn runs_of_furniture_weigh_more_and_single_labels_do_not() {
        let text = "Menu\nHome\nA short answer.\nLabel\n";
        let l = lines(text);
        let mut c: Vec<(usize, i64)> = l.iter().map(|l| (l.index, -25)).collect();
        penalise_furniture_runs(&l, &mut c);
        assert_eq!(c.iter().map(|c| c.1).collect::<Vec<_>>(), vec![-50, -50, -25, -25]);
    }

    /// The class by its definition: every feature measured on every line.
    fn classify_plainly(t: &str) -> Class {
        let words = super::super::text::word_count(t);
        let sentence = ends_sentence(t);
        let density = stopword_density(t);
        let prose = density >= 0.2 || (sentence && words >= 15);
        if words >= 12 && prose && (sentence || words >= 25) {
            Class::Good
        } else if (words >= 6 && sentence && density >= 0.15) || (words >= LONG_CLAUSES && has_clauses(t)) {
            Class::NearGood
        } else {
            Class::Bad
        }
    }

    #[test]
    fn classes_agree_with_their_plain_definition() {
        const PIECES: &[&str] =
            &["the ", "of ", "harbour ", "ferry ", "Council ", "said", ", ", ". ", ".", "!", "\"", "  ", "\t", "x"];
        let texts = super::super::text::random_texts(PIECES, 11, 3000, |i| i % 90);
        let mut seen = [0usize; 3];
        for t in &texts {
            let class = classify(t, word_count(t));
            assert_eq!(classify(t, word_count_up_to(t, 25)), class, "{t:?}");
            assert_eq!(class, classify_plainly(t), "{t:?}");
            seen[class as usize] += 1;
        }
        assert!(seen.iter().all(|&n| n > 100), "every class is exercised: {seen:?}");
    }

    #[test]
    fn classes_follow_length_and_stop_words() {
        assert_eq!(classify(PROSE, word_count(PROSE)), Class::Good);
        assert_eq!(classify("It was a very good year for them.", 8), Class::NearGood);
        assert_eq!(classify("Sports Weather Traffic Opinion", 4), Class::Bad);
        let foreign = "Warga kota berkumpul di pelabuhan, menunggu kapal feri baru yang dijanjikan dewan kota \
                       sejak dua tahun lalu, kata seorang nelayan (Antara";
        assert_eq!(classify(foreign, word_count(foreign)), Class::NearGood);
        let menu = "Home News Sport Weather Business Culture Travel Science Health Opinion Video Audio Podcasts \
                    Puzzles Games Shop Jobs Events Newsletters Archive";
        assert_eq!(classify(menu, word_count(menu)), Class::Bad);
        assert_eq!(best_segment(&[(0, -5), (1, 10), (2, -3), (3, 8), (4, -20)]), Some((1, 3)));
        assert_eq!(best_segment(&[(0, -5)]), None);
    }

    #[test]
    fn a_table_of_results_inside_a_whole_page_keeps_the_article_around_it() {
        let mut text = String::new();
        for i in 0..16 {
            text.push_str(&format!("Menu item {i}\n"));
        }
        text.push_str(&format!("{PROSE}\n{PROSE}\nFernhill City Council, Position 3\n"));
        for row in ["Dara Velasquez: 5,901 (53.4%)", "Tom Haskins (incumbent): 5,148 (46.6%)", "Yes: 24,112 (61.2%)"] {
            text.push_str(row);
            text.push('\n');
        }
        text.push_str(&format!("Precincts reporting: 88 of 92\n{PROSE}\n"));
        for i in 0..14 {
            text.push_str(&format!("Footer link {i}\n"));
        }
        let flags = judged(&text);
        for (line, deleted) in lines(&text).iter().zip(&flags) {
            assert_eq!(*deleted, line.text.starts_with("Menu") || line.text.starts_with("Footer"), "{}", line.text);
        }
        assert!(is_figure_row("Tom Haskins (incumbent): 5,148 (46.6%)", 5));
        assert!(!is_figure_row("Results as of 11:48 p.m. Tuesday", 6));
        assert!(!is_figure_row("Fernhill City Council, Position 3", 5));
    }
}
