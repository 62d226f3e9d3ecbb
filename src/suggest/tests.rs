//! Tests of the whole suggester on short articles written for these tests.

use super::*;
use crate::bench::synth::Rng;
use crate::model::Command;

/// A made-up wire story with the kinds of names news carries.
const STORY: &str = "Kenyan farmers brace for floods: report

Agriculture Minister Wanjiru Kamau said on Tuesday that the Kenya Meteorological Department expects heavy rain in the coming weeks.

Kamau told Reuters that farmers near Lake Victoria should move livestock. The World Bank pledged aid last week, and President Odhiambo's office thanked the European Union.

\"We have not seen rain like this in the past decade,\" said Samuel Otieno, a farmer in Kisumu. Otieno lost crops in 2019.";

fn shown(text: &str, entities: &[NewEntity]) -> Vec<String> {
    entities.iter().map(|e| format!("{}|{}", &text[e.start..e.end], e.label)).collect()
}

#[test]
fn a_story_gets_its_names_places_groups_and_dates() {
    let got = shown(STORY, &Suggester::builtin().suggest(STORY));
    let want = [
        "Kenyan|NORP",
        "Wanjiru Kamau|PERSON",
        "Tuesday|DATE",
        "Kenya Meteorological Department|ORG",
        "the coming weeks|DATE",
        "Kamau|PERSON",
        "Reuters|ORG",
        "Lake Victoria|LOC",
        "World Bank|ORG",
        "last week|DATE",
        "Odhiambo|PERSON",
        "European Union|ORG",
        "the past decade|DATE",
        "Samuel Otieno|PERSON",
        "Otieno|PERSON",
        "2019|DATE",
    ];
    for w in want {
        assert!(got.contains(&w.to_string()), "missing {w} in {got:?}");
    }
    assert!(!got.iter().any(|g| g.starts_with("The ") || g.starts_with("Agriculture")), "{got:?}");
}

#[test]
fn suggestions_never_overlap_and_carry_origin_and_score() {
    let got = Suggester::builtin().suggest(STORY);
    assert!(got.windows(2).all(|w| w[0].end <= w[1].start), "sorted and disjoint");
    assert!(got.iter().all(|e| e.status == EntityStatus::Pending && e.score.is_some_and(|s| s > 0.0 && s <= 1.0)));
    let origin = |text: &str| got.iter().find(|e| &STORY[e.start..e.end] == text).map(|e| e.origin.clone());
    assert_eq!(origin("Reuters").as_deref(), Some(GAZETTEER));
    assert_eq!(origin("Wanjiru Kamau").as_deref(), Some(HEURISTICS));
}

#[test]
fn only_the_project_labels_are_proposed() {
    let got = Suggester::with_labels(vec!["PERSON".into()]).suggest(STORY);
    assert!(!got.is_empty() && got.iter().all(|e| e.label == "PERSON"));
}

#[test]
fn project_patterns_win_over_shipped_suggesters() {
    let patterns = Patterns::parse(r#"{"label": "GPE", "pattern": "Lake Victoria"}"#, &crate::labels::default_labels())
        .expect("patterns");
    let got = Suggester::builtin().with_patterns(patterns).suggest(STORY);
    let lake = got.iter().find(|e| &STORY[e.start..e.end] == "Lake Victoria").expect("found");
    assert_eq!((lake.label.as_str(), lake.origin.as_str()), ("GPE", patterns::ORIGIN));
}

#[test]
fn a_project_folder_supplies_labels_and_patterns() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("p.jsonl"), "{\"label\": \"MISC\", \"pattern\": \"Long Rains\"}\n").expect("write");
    let mut config = ProjectConfig { patterns_file: Some("p.jsonl".into()), ..ProjectConfig::default() };
    let err = Suggester::for_project(&config, dir.path()).expect_err("MISC is not a default label");
    assert_eq!(err.line, Some(1));
    assert!(err.to_string().contains("p.jsonl:1:"), "{err}");
    config.labels.push(crate::labels::misc_label(&config.labels));
    let suggester = Suggester::for_project(&config, dir.path()).expect("MISC enabled");
    let got = suggester.suggest("The Long Rains came late.");
    assert_eq!(shown("The Long Rains came late.", &got), ["Long Rains|MISC"]);
}

#[test]
fn documents_get_propagation_and_keep_their_decisions() {
    let text = "Mwangi Transport won. Mwangi Transport grew; Mwangi Transport and Odera met.";
    let mut doc = Document::new("d", text);
    doc.apply(&Command::AddEntity { start: 0, end: 16, label: "ORG".into() }).expect("tag");
    let odera = text.find("Odera").expect("present");
    doc.apply(&Command::SuggestEntities(vec![(odera, odera + 5, "PERSON".into(), "gazetteer".into())]))
        .expect("suggest");
    let id = doc.entities().iter().find(|e| e.start == odera).map(|e| e.id).expect("suggested");
    doc.apply(&Command::SetEntityStatus { ids: vec![id], status: EntityStatus::Rejected }).expect("reject");

    let got = Suggester::builtin().suggest_document(&doc);
    let propagated: Vec<_> = got.iter().filter(|e| e.origin == propagate::ORIGIN).collect();
    assert_eq!(propagated.len(), 2, "{got:?}");
    assert!(got.iter().all(|e| e.start >= 16), "nothing overlaps the accepted tag");
    assert!(!got.iter().any(|e| e.start == odera && e.label == "PERSON"), "a rejected suggestion stays rejected");
    doc.add_entities(got).expect("valid suggestions");
}

#[test]
fn suggestions_are_made_on_the_text_as_pending_cleaning_leaves_it() {
    let text = "Defense Secretary James MattisJames Norman Mattis<headlines> | Trump says MORE said on Monday \
                that the plan stood.\nPhoto: Carla Mendes / Reuters\nThe talks in Nairobi went on.\n";
    let mut doc = Document::new("d", text);
    doc.add_edits(crate::clean::Cleaner::builtin().suggest(doc.raw()));
    assert!(doc.edits().len() >= 2, "the hover card and the photo credit are pending deletions");
    let got = Suggester::builtin().suggest_document(&doc);
    let spans: Vec<(&str, &str)> = got.iter().map(|e| (&doc.cleaned()[e.start..e.end], e.label.as_ref())).collect();
    // The name reads whole where the card is glued to it; the credit's name and agency are junk.
    assert!(spans.contains(&("James Mattis", "PERSON")), "{spans:?}");
    assert!(spans.contains(&("Nairobi", "GPE")), "{spans:?}");
    assert!(!spans.iter().any(|(s, _)| s.contains("Norman") || s.contains("Carla") || *s == "Reuters"), "{spans:?}");
    doc.add_entities(got).expect("valid on the cleaned text as it stands");
    // Accepting the cleaning keeps the suggestions on the same words.
    let ids = doc.edits().iter().map(|e| e.id).collect();
    doc.apply(&Command::SetEditStatus { ids, status: crate::model::EditStatus::Accepted }).expect("accept");
    let live: Vec<&str> = doc.entities().iter().map(|e| &doc.cleaned()[e.start..e.end]).collect();
    assert!(live.contains(&"James Mattis") && live.contains(&"Nairobi"), "{live:?} in {:?}", doc.cleaned());
}

#[test]
fn suggestions_share_their_label_and_origin_names() {
    let suggester = Suggester::builtin();
    let got = suggester.suggest(STORY);
    let people: Vec<_> = got.iter().filter(|e| e.label == "PERSON").collect();
    assert!(people.len() >= 2, "{:?}", shown(STORY, &got));
    for e in &people[1..] {
        assert!(Name::ptr_eq(&e.label, &people[0].label), "one label name");
        assert!(Name::ptr_eq(&e.origin, &people[0].origin), "one origin name");
    }
    let again = suggester.suggest(STORY);
    assert!(Name::ptr_eq(&again[0].label, &got[0].label), "made once per suggester");
    // A label the suggester does not propose (propagated from a document) still gets its name.
    assert_eq!(suggester.names.label("WORK_OF_ART"), "WORK_OF_ART");
}

#[test]
fn a_given_name_that_is_also_a_city_opens_a_person_before_a_surname() {
    let suggest = |text: &str| shown(text, &Suggester::builtin().suggest(text));
    assert_eq!(suggest("Manager Sofia Lindgren said her side never gave up."), ["Sofia Lindgren|PERSON"]);
    assert_eq!(suggest("Flights to Sofia resumed after the strike."), ["Sofia|GPE"]);
}

#[test]
fn an_empty_or_plain_text_gets_nothing() {
    assert!(Suggester::builtin().suggest("").is_empty());
    assert!(Suggester::builtin().suggest("the cat sat on the mat and said nothing at all.").is_empty());
}

#[test]
fn resolve_prefers_rank_then_length_then_score_then_position() {
    let c = |start, end, label, origin, score| Candidate { start, end, label, origin, score };
    let got = resolve(
        vec![
            c(0, 4, "ORG", GAZETTEER, 0.8),
            c(2, 9, "PERSON", HEURISTICS, 0.7),
            c(9, 12, "DATE", HEURISTICS, 0.6),
            c(10, 12, "DATE", HEURISTICS, 0.9),
            c(5, 5, "DATE", HEURISTICS, 1.0),
            c(13, 15, "ORG", HEURISTICS, 1.0),
            c(12, 14, "GPE", patterns::ORIGIN, 0.1),
            c(20, 22, "ORG", GAZETTEER, 0.8),
            c(20, 22, "GPE", GAZETTEER, 0.8),
        ],
        &Names::new(&crate::labels::default_labels()),
        |_| true,
    );
    let spans: Vec<_> = got.iter().map(|e| (e.start, e.end, e.label.as_str(), e.origin.as_str())).collect();
    assert_eq!(
        spans,
        [
            (2, 9, "PERSON", HEURISTICS),
            (9, 12, "DATE", HEURISTICS),
            (12, 14, "GPE", patterns::ORIGIN),
            (20, 22, "ORG", GAZETTEER),
        ]
    );
}

#[test]
fn score_keys_order_as_total_cmp() {
    let scores = [f32::NEG_INFINITY, -1.0, -0.0, 0.0, 0.25, 1.0, f32::INFINITY, f32::NAN];
    for a in scores {
        for b in scores {
            assert_eq!(total_order_key(a).cmp(&total_order_key(b)), a.total_cmp(&b), "{a} {b}");
        }
    }
}

#[test]
fn taken_ranges_refuse_exactly_the_overlapping_ones() {
    let mut rng = Rng::new(3);
    let mut next = |n: usize| rng.below(n);
    let len = 300;
    let mut taken = Taken::new(len, 0);
    let mut plain: Vec<(usize, usize, usize)> = Vec::new();
    for i in 0..400 {
        let start = next(len - 1);
        let end = (start + 1 + next(90)).min(len);
        taken.take(start, end, i);
        if plain.iter().all(|&(s, e, _)| end <= s || e <= start) {
            plain.push((start, end, i));
        }
    }
    plain.sort_unstable();
    assert!(plain.len() > 5, "{plain:?}");
    let mut got = taken.ranges;
    got.sort_unstable();
    assert_eq!(got, plain);
}

#[test]
fn resolving_run_by_run_takes_what_one_pass_over_every_candidate_takes() {
    let mut rng = Rng::new(11);
    let mut next = |n: usize| rng.below(n);
    let origins = [GAZETTEER, HEURISTICS, patterns::ORIGIN, propagate::ORIGIN];
    let labels = ["PERSON", "ORG", "GPE", "DATE"];
    let scores = [0.6, 0.7, 0.8, 0.95, f32::NAN];
    for round in 0..200 {
        let len = 20 + next(400);
        let candidates: Vec<Candidate> = (0..next(60))
            .map(|_| {
                let start = next(len);
                // Some empty and some reversed spans, which are never taken.
                let end = if next(20) == 0 { start.saturating_sub(next(3)) } else { (start + 1 + next(30)).min(len) };
                Candidate {
                    start,
                    end,
                    label: labels[next(4)],
                    origin: origins[next(4)],
                    score: scores[next(scores.len())],
                }
            })
            .collect();
        // Every candidate in one order, each checked against all taken so far.
        let mut order: Vec<usize> = (0..candidates.len()).collect();
        order.sort_by_key(|&i| (resolve_key(&candidates[i]), i));
        let mut want: Vec<(usize, usize, usize)> = Vec::new();
        for i in order {
            let c = &candidates[i];
            if c.start < c.end && want.iter().all(|&(s, e, _)| c.end <= s || e <= c.start) {
                want.push((c.start, c.end, i));
            }
        }
        want.sort_unstable();
        let resolved = resolve(candidates.clone(), &Names::new(&crate::labels::default_labels()), |_| true);
        let got: Vec<(usize, usize, &str, &str)> =
            resolved.iter().map(|e| (e.start, e.end, e.label.as_str(), e.origin.as_str())).collect();
        let want: Vec<(usize, usize, &str, &str)> =
            want.iter().map(|&(s, e, i)| (s, e, candidates[i].label, candidates[i].origin)).collect();
        assert_eq!(got, want, "round {round}");
    }
}

#[test]
fn candidates_by_start_are_sorted_pairs_of_the_non_empty_ones() {
    let mut rng = Rng::new(5);
    let mut next = |n: usize| rng.below(n);
    for round in 0..300 {
        // Sometimes starts too large to share a `u64` with the index.
        let far = if round % 7 == 0 { usize::MAX / 4 } else { 0 };
        let candidates: Vec<Candidate> = (0..next(80))
            .map(|_| {
                let start = far + next(60);
                Candidate { start, end: start + next(3), label: "ORG", origin: HEURISTICS, score: 0.5 }
            })
            .collect();
        let mut want: Vec<(usize, usize)> =
            candidates.iter().enumerate().filter(|(_, c)| c.start < c.end).map(|(i, c)| (c.start, i)).collect();
        want.sort_unstable();
        assert_eq!(by_start(&candidates), want, "round {round}");
    }
}

#[test]
fn only_the_kept_labels_are_suggested_and_in_the_same_places() {
    let suggester = Suggester::builtin();
    let text = "President Ada Okafor met Acme Corp. in Paris on March 3, 2019, said Ted Lee.";
    let all = resolve(suggester.candidates(text), &suggester.names, |_| true);
    let dates = resolve(suggester.candidates(text), &suggester.names, |l| l == "DATE");
    assert!(all.len() > dates.len() && !dates.is_empty(), "{all:?}");
    let want: Vec<&NewEntity> = all.iter().filter(|e| e.label.as_str() == "DATE").collect();
    assert_eq!(dates.iter().collect::<Vec<_>>(), want);
}

#[test]
fn a_role_noun_on_a_list_of_organisations_is_no_organisation_before_a_name() {
    let text = "Economist Jean-Claude Trichet said so. The Economist reported it.";
    let got = shown(text, &Suggester::builtin().suggest(text));
    assert_eq!(got, ["Jean-Claude Trichet|PERSON", "Economist|ORG"]);
}

#[test]
fn a_club_named_by_its_city_and_a_weekday_or_city_is_one_organisation() {
    let suggest = |text: &str| shown(text, &Suggester::builtin().suggest(text));
    assert_eq!(suggest("Sheffield Wednesday lost at home."), ["Sheffield Wednesday|ORG"]);
    assert_eq!(suggest("Hull City drew with Stoke City."), ["Hull City|ORG", "Stoke City|ORG"]);
    // The city and the weekday apart are what they say.
    assert_eq!(suggest("Sheffield voted on Wednesday."), ["Sheffield|GPE", "Wednesday|DATE"]);
}

#[test]
fn a_continents_people_are_one_group_with_its_compass_word() {
    let suggest = |text: &str| shown(text, &Suggester::builtin().suggest(text));
    assert_eq!(suggest("South American ranchers protested."), ["South American|NORP"]);
    assert_eq!(suggest("Latin Americans voted."), ["Latin Americans|NORP"]);
    assert_eq!(suggest("in South America"), ["South America|LOC"]);
}
