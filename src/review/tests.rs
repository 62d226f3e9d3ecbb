use super::*;

/// Two blank-line runs to clean and two names to tag.
const RAW: &str = "Port votes\n\n\n\nMayor Ana Lima spoke.\n\n\nCouncil of Tyre agreed.\n";

/// A version with one status per suggested edit and the given (text, label) entities.
fn version(annotator: &str, statuses: [EditStatus; 2], entities: &[(&str, &str)]) -> Version {
    let mut doc = Document::new("port", RAW);
    doc.annotator = annotator.into();
    let runs = [(10, 13), (35, 37)];
    let edits = runs.iter().zip(statuses).map(|(&(start, end), status)| NewEdit {
        start,
        end,
        replacement: String::new(),
        origin: "blank_lines".into(),
        status,
        reason: "blank lines".into(),
    });
    assert!(doc.add_edits(edits).is_empty());
    for (text, label) in entities {
        let start = doc.cleaned().find(text).unwrap();
        let new = NewEntity {
            start,
            end: start + text.len(),
            label: (*label).into(),
            origin: "manual".into(),
            status: EntityStatus::Accepted,
            score: None,
        };
        doc.add_entities([new]).unwrap();
    }
    Version { annotator: annotator.into(), path: PathBuf::from(format!("{annotator}.json")), doc }
}

use EditStatus::{Accepted, Rejected};

#[test]
fn agreeing_versions_have_no_differences_and_adjudicate_to_the_same_text() {
    let a = version("ana", [Accepted, Accepted], &[("Ana Lima", "PERSON")]);
    let b = version("ben", [Accepted, Accepted], &[("Ana Lima", "PERSON")]);
    let review = Review::from_versions(vec![a.clone(), b], vec![]).unwrap();
    assert!(review.differences.is_empty());
    let (doc, problems) = review.adjudicate();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(doc.cleaned(), a.doc.cleaned());
    assert_eq!(doc.entities().len(), 1);
    assert_eq!((doc.annotator.as_str(), doc.status), ("review", DocStatus::Done));
}

#[test]
fn edits_decided_differently_and_entities_labelled_differently_or_missing_are_found() {
    let a = version("ana", [Accepted, Rejected], &[("Ana Lima", "PERSON"), ("Tyre", "GPE")]);
    let b = version("ben", [Accepted, Accepted], &[("Ana Lima", "ORG")]);
    let review = Review::from_versions(vec![a, b], vec![]).unwrap();
    let kinds: Vec<Kind> = review.differences.iter().map(|d| d.kind).collect();
    assert_eq!(kinds, [Kind::Entity, Kind::Edit, Kind::Entity]);
    let [person, edit, tyre] = &review.differences[..] else { panic!() };
    assert_eq!(&RAW[person.start..person.end], "Ana Lima");
    assert_eq!((person.sides[0][0].value.as_str(), person.sides[1][0].value.as_str()), ("PERSON", "ORG"));
    assert_eq!((edit.start, edit.end), (35, 37));
    assert_eq!(edit.describe(0, RAW), "rejected: delete \"\\n\\n\" (blank_lines)");
    assert_eq!(&RAW[tyre.start..tyre.end], "Tyre");
    assert!(tyre.sides[1].is_empty());
    assert_eq!(tyre.describe(1, RAW), "no entity here");
}

#[test]
fn picks_build_a_valid_adjudicated_document() {
    let a = version("ana", [Accepted, Rejected], &[("Ana Lima", "PERSON"), ("Tyre", "GPE")]);
    let b = version("ben", [Accepted, Accepted], &[("Ana Lima", "ORG"), ("Council of Tyre", "ORG")]);
    let mut review = Review::from_versions(vec![a, b], vec![]).unwrap();
    assert_eq!(review.differences.len(), 3);
    assert!(review.pick(0, Pick::Version(0)), "PERSON from ana");
    assert!(!review.pick(1, Pick::All), "edits cannot take both sides");
    assert!(review.pick(1, Pick::Version(1)), "ben accepted the second run");
    assert_eq!(review.adjudicate().0.status, DocStatus::InProgress);
    assert!(review.pick(2, Pick::All), "both GPE Tyre and ORG Council of Tyre");
    assert!(!review.pick(0, Pick::Version(2)), "no third version");
    let (doc, problems) = review.adjudicate();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(doc.cleaned(), "Port votes\nMayor Ana Lima spoke.\nCouncil of Tyre agreed.\n");
    let tagged: Vec<(&str, &str)> =
        doc.entities().iter().map(|e| (&doc.cleaned()[e.start..e.end], e.label.as_str())).collect();
    assert_eq!(tagged, [("Ana Lima", "PERSON"), ("Council of Tyre", "ORG"), ("Tyre", "GPE")]);
    assert_eq!(doc.status, DocStatus::Done);
    let reloaded = annotated::from_json(&annotated::to_json(&doc), Path::new("review.json")).unwrap();
    assert_eq!(reloaded.entities().len(), 3);
}

#[test]
fn a_version_on_a_different_raw_text_is_reported_not_merged() {
    let a = version("ana", [Accepted, Accepted], &[]);
    let b = version("ben", [Accepted, Rejected], &[]);
    let mut c = version("cy", [Accepted, Accepted], &[]);
    c.doc = Document::new("port", "Another text entirely.");
    let review = Review::from_versions(vec![a, b, c], vec![]).unwrap();
    assert_eq!(review.versions.len(), 2);
    assert_eq!(review.excluded.len(), 1);
    assert!(review.excluded[0].1.contains("different raw text"), "{:?}", review.excluded);
    let lone = Review::from_versions(vec![version("ana", [Accepted, Accepted], &[])], vec![]);
    assert!(lone.unwrap_err().to_string().contains("fewer than two versions"));
}

#[test]
fn project_folders_are_scanned_and_the_review_is_saved_beside_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for v in [version("ana", [Accepted, Rejected], &[]), version("ben", [Accepted, Accepted], &[])] {
        let folder = dir.path().join("annotations").join(&v.annotator);
        std::fs::create_dir_all(&folder).unwrap();
        paths.push(storage::save_document(&folder, &v.doc).unwrap());
    }
    std::fs::create_dir_all(dir.path().join("annotations/solo")).unwrap();
    std::fs::write(dir.path().join("annotations/solo/other.json"), "{}").unwrap();
    let found = documents_with_versions(dir.path()).unwrap();
    assert_eq!(found.keys().collect::<Vec<_>>(), ["port"], "a document with one version is not listed");
    let mut review = Review::load(&found["port"]).unwrap();
    review.pick(0, Pick::Version(1));
    let (path, problems) = review.save(dir.path()).unwrap();
    assert!(problems.is_empty());
    assert_eq!(path, dir.path().join("annotations/review/port.json"));
    let saved = annotated::load(&path).unwrap();
    assert_eq!(saved.edits().iter().filter(|e| e.is_accepted()).count(), 2);
    assert_eq!(documents_with_versions(dir.path()).unwrap()["port"].len(), 2, "the review is not a version");
}
