//! Pages of kinds no earlier round tuned on (a wire's earnings release, a UK tabloid, an Indian wire story,
//! a developer's blog post; then a police blotter, a newsletter issue, a health explainer and an obituary
//! site's page), shortened from the red-team passes' test pages. Each fixture line is
//! marked: `J|` junk a person would delete (the cleaner must propose deleting the whole line), `K|` article
//! text (it must survive every proposal accepted), `-|` not asserted (left on purpose).

use redline::clean::{Cleaner, Proposal};

/// A fixture split into its raw text and the mark of each line.
struct Page {
    raw: String,
    marks: Vec<(char, String)>,
}

impl Page {
    fn of(fixture: &str) -> Self {
        let marks: Vec<(char, String)> = fixture
            .lines()
            .map(|l| {
                let (mark, text) = l.split_once('|').expect("every fixture line is marked");
                (mark.chars().next().expect("a mark"), text.to_string())
            })
            .collect();
        let raw = marks.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join("\n") + "\n";
        Self { raw, marks }
    }
}

/// The raw text with every proposal applied.
fn applied(raw: &str, proposals: &[Proposal]) -> String {
    let mut out = String::new();
    let mut at = 0;
    for p in proposals {
        out.push_str(&raw[at..p.start]);
        out.push_str(&p.replacement);
        at = p.end;
    }
    out.push_str(&raw[at..]);
    out
}

/// Checks every marked line of `fixture` and names each one that fails.
fn check(fixture: &str) {
    let page = Page::of(fixture);
    let proposals = Cleaner::builtin().propose(&page.raw);
    let cleaned = applied(&page.raw, &proposals);
    let mut start = 0;
    let mut wrong = Vec::new();
    for (mark, text) in &page.marks {
        let end = start + text.len();
        let deleted = proposals.iter().any(|p| p.start <= start && p.end >= end && p.replacement.is_empty());
        match mark {
            'J' if !deleted => wrong.push(format!("junk kept: {text}")),
            'K' if !cleaned.lines().any(|l| l == text) => wrong.push(format!("article line touched: {text}")),
            _ => {}
        }
        start = end + 1;
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn an_earnings_release_loses_its_legal_notes_and_contact_block() {
    check(include_str!("fixtures/unseen/earnings_release.txt"));
}

#[test]
fn a_tabloid_story_loses_its_teasers_and_sign_up_box_and_keeps_its_dialogue() {
    check(include_str!("fixtures/unseen/uk_tabloid.txt"));
}

#[test]
fn an_indian_wire_story_loses_its_credits_and_syndication_notice() {
    check(include_str!("fixtures/unseen/indian_wire.txt"));
}

#[test]
fn a_blog_post_keeps_its_code_and_loses_its_buttons_and_comment_form() {
    check(include_str!("fixtures/unseen/tech_blog.txt"));
}

#[test]
fn a_police_blotter_keeps_its_day_subheads_and_loses_its_pager_and_commenters() {
    check(include_str!("fixtures/unseen/police_blotter.txt"));
}

#[test]
fn a_newsletter_issue_loses_its_email_furniture_and_keeps_a_story_about_unsubscribing() {
    check(include_str!("fixtures/unseen/newsletter_issue.txt"));
}

#[test]
fn a_health_explainer_loses_its_credits_box_and_keeps_its_symptom_list() {
    check(include_str!("fixtures/unseen/health_explainer.txt"));
}

#[test]
fn an_obituary_page_keeps_its_title_and_loses_the_other_obituaries_links() {
    check(include_str!("fixtures/unseen/obituary_page.txt"));
}
