//! The whole cleaning pipeline on articles written for these tests: what a careful editor would keep,
//! edits that never overlap, rules switched off, user rules from a project folder, and the command line.

use std::process::Command as Process;

use redline::clean::{Cleaner, EditKind, LineStats, UserAction, UserRule};
use redline::model::{Command, Document, EditStatus};
use redline::project::ProjectConfig;

/// A scraped article with the junk such pages carry.
const RAW: &str = "Harbor council backs floating solar farm: report

Harbor council backs floating solar farm: report
© Getty Images

Mayor Ann LeeAnn Marie LeeFerry strike ends after two weeks Council passes budget | Port traffic doubles MORE is reportedly ready to sign the\u{a0}contract for the farm, which would cover a third of the old dock.

Two council members told the Harbor Wire that the vote could come next week.

ADVERTISEMENT

The farm\u{2019}s backers say it would power 4,000 homes.  \u{201c}It is the right place,\u{201d} said engineer Bo Diaz. 


Read more about the plan in the council report published on Monday.
(Reporting by Lena Park; Editing by Tom Reyes)";

/// What an editor keeps.
const CLEAN: &str = "Harbor council backs floating solar farm: report

Mayor Ann Lee is reportedly ready to sign the contract for the farm, which would cover a third of the old dock.

Two council members told the Harbor Wire that the vote could come next week.

The farm\u{2019}s backers say it would power 4,000 homes. \u{201c}It is the right place,\u{201d} said engineer Bo Diaz.

Read more about the plan in the council report published on Monday.";

/// The text with every proposal accepted, through the document model.
fn cleaned(cleaner: &Cleaner, raw: &str) -> String {
    let mut doc = Document::new("t", raw);
    let problems = doc.add_edits(cleaner.suggest(raw));
    assert!(problems.is_empty(), "{problems:?}");
    let ids = doc.edits().iter().map(|e| e.id).collect();
    doc.apply(&Command::SetEditStatus { ids, status: EditStatus::Accepted }).expect("accept");
    doc.cleaned().to_string()
}

#[test]
fn cleans_an_article_the_way_an_editor_would() {
    assert_eq!(cleaned(&Cleaner::builtin(), RAW).trim_end(), CLEAN);
}

#[test]
fn proposals_are_sorted_non_overlapping_and_explained() {
    let proposals = Cleaner::builtin().propose(RAW);
    assert!(proposals.windows(2).all(|w| w[0].end <= w[1].start));
    let dup = proposals.iter().find(|p| p.rule == "duplicate-title").expect("duplicate title");
    assert_eq!((dup.kind, dup.reason.as_str()), (EditKind::DeleteLine, "duplicate of line 1"));
    let card = proposals.iter().find(|p| p.rule == "hover-card").expect("hover card");
    assert!(card.reason.starts_with("hover card: \"Ann Marie Lee"), "{}", card.reason);
    assert!(card.reason.ends_with("glued to \"Ann Lee\""), "{}", card.reason);
    for rule in ["photo-credit", "ad-marker", "nbsp", "spaces", "blank-lines", "copyright-footer"] {
        assert!(proposals.iter().any(|p| p.rule == rule), "no {rule} proposal");
    }
}

#[test]
fn rules_can_be_switched_off_one_by_one() {
    let mut cleaner = Cleaner::builtin();
    cleaner.disable("hover-card");
    cleaner.disable("ad-marker");
    let out = cleaned(&cleaner, RAW);
    assert!(out.contains("MORE is reportedly"));
    assert!(out.contains("ADVERTISEMENT"));
    assert!(!out.contains("© Getty"));
}

#[test]
fn project_rules_file_adds_user_rules_and_disables_builtins() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(
        dir.path().join("redline-rules.json"),
        r#"{ "rules": [ { "id": "wire", "description": "wire name", "action": "replace",
             "pattern": "the Harbor Wire", "replacement": "the wire" } ] }"#,
    )
    .expect("write");
    let config = ProjectConfig { disabled_rules: vec!["photo-credit".into()], ..ProjectConfig::default() };
    let cleaner = Cleaner::for_project(&config, dir.path()).expect("cleaner");
    let out = cleaned(&cleaner, RAW);
    assert!(out.contains("told the wire that"));
    let edits = cleaner.suggest(RAW);
    // The disabled rule proposes nothing (the credit line may still go as a copyright notice).
    assert!(!edits.iter().any(|e| e.origin == "photo-credit"));
    assert!(edits.iter().any(|e| e.origin == "user:wire"));

    let missing = ProjectConfig { rules_file: Some("nope.json".into()), ..ProjectConfig::default() };
    let err = Cleaner::for_project(&missing, dir.path()).expect_err("missing rules file");
    assert!(err.to_string().contains("nope.json"), "{err}");
}

#[test]
fn corpus_evidence_and_user_rules_plug_into_the_cleaner() {
    let docs: Vec<String> =
        (0..5).map(|i| format!("Story {i}\nHarbor Daily app: get it now\nThe ferry {i} sailed.\n")).collect();
    let stats = LineStats::from_texts(docs.iter().map(String::as_str));
    let rule =
        UserRule::new("ferry", "ferry numbers", UserAction::DeleteMatch, r" \d+ sailed", "", false).expect("rule");
    let cleaner = Cleaner::builtin().with_corpus(std::sync::Arc::new(stats)).with_user_rules([rule]);
    let proposals = cleaner.propose(&docs[2]);
    let corpus = proposals.iter().find(|p| p.rule == "corpus-boilerplate").expect("corpus evidence");
    assert_eq!(corpus.reason, "line seen in 5 of 5 documents");
    assert!(proposals.iter().any(|p| p.rule == "user:ferry"));
}

#[test]
fn clean_command_prints_the_cleaned_text() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("article.txt");
    std::fs::write(&path, RAW).expect("write");
    let out = Process::new(env!("CARGO_BIN_EXE_redline")).arg("clean").arg(&path).output().expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim_end(), CLEAN);
}

/// An extractor's output with the junk its end and its hover cards carry.
const EXTRACTED: &str = "Port fees to double, council says

Gov. Kari Lund Kari Ann Lund Harbor budget passes | Ferry deal signed MORE (R) said the fees would double in May.

Kari Ann Lund Harbor budget passes Senate after long night | Ferry deal signed by both sides MORE (R) spoke on Monday.

Reporting by Lena Park; additional reporting by Ann Lee; Editing by Tom Reyes
[Related: Ferry strike ends after two weeks ]
Leave a Comment Cancel Reply
Save my name, email, and website in this browser for the next time I comment.
1 Harbor Way, Suite 4 | 555-010-0100 tel | 555-010-0101 fax
About Lena Park
Lena covers ports and ferries for the Harbor Wire.";

/// What an editor keeps of it.
const EXTRACTED_CLEAN: &str = "Port fees to double, council says

Gov. Kari Lund (R) said the fees would double in May.

(R) spoke on Monday.";

#[test]
fn cleans_the_end_of_an_extracted_article_and_split_hover_cards() {
    assert_eq!(cleaned(&Cleaner::builtin(), EXTRACTED).trim_end(), EXTRACTED_CLEAN);
    let rules: Vec<String> = Cleaner::builtin().propose(EXTRACTED).into_iter().map(|p| p.rule.into_owned()).collect();
    for rule in ["hover-card", "copyright-footer", "read-more", "comment-counter", "contact-footer", "author-bio"] {
        assert!(rules.iter().any(|r| r == rule), "{rule} missing from {rules:?}");
    }
}

#[test]
fn consent_panels_do_not_win_the_main_text_of_a_page() {
    let mut page = String::new();
    for i in 0..20 {
        page.push_str(&format!("Menu item {i}\n"));
    }
    let stories = [
        "The harbour council said on Monday that it would open the new ferry terminal in the spring, after two \
         years of delays that had angered residents and traders alike.",
        "Traders on the quay said the delays had cost them a season of visitors, and that the council should \
         have told them sooner about the trouble with the pier.",
        "The council's engineer said the pier had been rebuilt twice and that the last of the cranes would leave \
         the site before the first ferry arrived in April.",
    ];
    for story in stories {
        page.push_str(&format!("{story}\n\n"));
    }
    for i in 0..6 {
        page.push_str(&format!("Footer link {i}\n"));
    }
    let panel = "Necessary cookies keep the website working and cannot be switched off, as they store no details \
                 about you and expire when you close the browser window at the end of a visit. ";
    page.push_str(&panel.repeat(5));
    let kept = cleaned(&Cleaner::builtin(), &page);
    assert_eq!(kept.trim_end(), stories.join("\n\n"));
}

#[test]
fn text_that_only_looks_like_junk_stays() {
    let text = "Harbor council backs ferry plan

Read more about the plan in the council report published on Monday.

Advertising budgets at the harbour fell by a third last year, the port's marketing chief said.

\u{201c}The ferry is late again. Third time this week.\u{201d} \u{2014} Lena Park (@lenapark) November 18, 2019

The ferry, pictured last year, sank in the storm and was raised in May.

About the harbour

The harbour is 300 years old. Its tip line's phone number is 555-010-0100.

Jones is a former editor of the harbour paper and now runs the port authority.";
    assert!(Cleaner::builtin().propose(text).is_empty(), "{:?}", Cleaner::builtin().propose(text));
}

/// A weather story with a forecast box between its paragraphs and a comment thread's furniture under it.
const FORECAST_PAGE: &str = "Heatwave to peak on Thursday as island towns open cooling halls
by Dana Holt, Meteorologist
Watch Live
The weather service has warned that temperatures on the island will reach 38 degrees on Thursday, the hottest day of what has already been a record summer.
Nights will stay warm too, with lows in the mid twenties, so homes that trap heat during the day will give little relief after dark.
Today
High: 36°
Low: 24°
Wednesday
High: 37° Low: 25°
Thursday
38° / 26°
Sunny
Monday
Tuesday
The council will open cooling halls at the ferry terminal and the old library from ten in the morning until seven in the evening on each of the hot days.
Doctors ask people to drink water before they feel thirsty and to look in on elderly neighbours, who are the most at risk when the heat lasts for days.
Commenting is subject to our community guidelines.
View 4 more replies
Terms | Privacy | Feedback";

#[test]
fn a_forecast_box_keeps_the_paragraphs_after_it_and_widget_lines_go() {
    let out = cleaned(&Cleaner::builtin(), FORECAST_PAGE);
    for prose in FORECAST_PAGE.lines().filter(|l| l.split(' ').count() > 12) {
        assert!(out.contains(prose), "kept: {prose}\n{out}");
    }
    for junk in [
        "by Dana Holt",
        "Watch Live",
        "High: 36°",
        "38° / 26°",
        "Commenting is subject",
        "View 4 more replies",
        "Terms | Privacy",
    ] {
        assert!(!out.contains(junk), "deleted: {junk}\n{out}");
    }
}
