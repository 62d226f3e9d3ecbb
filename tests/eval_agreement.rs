//! `redline eval` and `redline agree` on hand-built annotations, through the library and the binary.

use redline::eval::{self, agreement};
use redline::format::annotated;
use redline::model::{DocStatus, Document, EditStatus, EntityStatus, NewEdit, NewEntity};
use std::process::Command;

/// "Ana Lima met Bo Chen in Oslo .": ten tokens for κ.
const RAW: &str = "Ana Lima met Bo Chen in Oslo today .";

fn doc(entities: &[(&str, &str)], edit: Option<EditStatus>, annotator: &str) -> Document {
    let mut d = Document::new("meeting", RAW);
    if let Some(status) = edit {
        let at = RAW.find(" today").expect("today");
        d.add_edits([NewEdit {
            start: at,
            end: at + 6,
            replacement: String::new(),
            origin: "drop-today".into(),
            status,
            reason: String::new(),
        }]);
    }
    for (text, label) in entities {
        let start = d.cleaned().find(text).expect("entity text");
        d.add_entities([NewEntity {
            start,
            end: start + text.len(),
            label: (*label).into(),
            origin: "manual".into(),
            status: EntityStatus::Accepted,
            score: None,
        }])
        .expect("entity");
    }
    d.annotator = annotator.into();
    d.status = DocStatus::Done;
    d
}

#[test]
fn cohen_kappa_of_a_hand_built_pair() {
    // Tokens: Ana Lima met Bo Chen in Oslo today . (9)
    // A: PERSON PERSON O PERSON PERSON O GPE O O
    // B: PERSON PERSON O O      O      O GPE O O   (B missed "Bo Chen")
    // pₒ = 7/9. A: PERSON 4/9, O 4/9, GPE 1/9. B: PERSON 2/9, O 6/9, GPE 1/9.
    // pₑ = (4·2 + 4·6 + 1·1)/81 = 33/81. κ = (63/81 − 33/81)/(1 − 33/81) = 30/48 = 0.625.
    let a = doc(&[("Ana Lima", "PERSON"), ("Bo Chen", "PERSON"), ("Oslo", "GPE")], Some(EditStatus::Accepted), "a");
    let b = doc(&[("Ana Lima", "PERSON"), ("Oslo", "GPE")], Some(EditStatus::Rejected), "b");
    let report = agreement::agree(&[
        agreement::Annotator { name: "a".into(), docs: vec![a] },
        agreement::Annotator { name: "b".into(), docs: vec![b] },
    ]);
    let pair = &report.pairs[0];
    assert_eq!(pair.tokens, 9);
    assert!((pair.token_kappa.expect("defined") - 0.625).abs() < 1e-12, "{:?}", pair.token_kappa);
    // Entities: A has 3, B has 2, both right: P = 1, R = 2/3, F1 = 0.8 (compared on raw: cleaned texts differ).
    assert!((pair.entities.f1 - 0.8).abs() < 1e-12);
    assert_eq!((pair.cleaning.edits, pair.cleaning.agreed), (1, 0));
}

#[test]
fn eval_scores_rules_and_entities() {
    let gold = doc(&[("Ana Lima", "PERSON"), ("Oslo", "GPE")], Some(EditStatus::Rejected), "gold");
    let pred = doc(&[("Ana Lima", "PERSON"), ("Oslo", "ORG")], Some(EditStatus::Pending), "suggest");
    let report = eval::evaluate(&[gold], &[pred]);
    assert_eq!(report.cleaning.rules["drop-today"].reverted, 1);
    assert_eq!(report.entities.exact.micro.precision, 0.5);
    assert_eq!(report.entities.confusion["GPE"]["ORG"], 1);
    assert_eq!(report.documents.matched, 1);
}

#[test]
fn the_command_line_prints_the_promised_json_keys() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (gold_dir, pred_dir) = (dir.path().join("gold"), dir.path().join("pred"));
    for (folder, d) in [
        (&gold_dir, doc(&[("Oslo", "GPE")], Some(EditStatus::Accepted), "g")),
        (&pred_dir, doc(&[("Oslo", "GPE")], Some(EditStatus::Pending), "p")),
    ] {
        std::fs::create_dir_all(folder).expect("mkdir");
        std::fs::write(folder.join("meeting.json"), annotated::to_json(&d)).expect("write");
    }
    let mut extra = Document::new("only-gold", "Another text");
    extra.status = DocStatus::Done;
    std::fs::write(gold_dir.join("only-gold.json"), annotated::to_json(&extra)).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_redline"))
        .args(["eval", "--json"])
        .arg(&gold_dir)
        .arg(&pred_dir)
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    for key in [
        "/cleaning/char/f1",
        "/cleaning/shingle/precision",
        "/cleaning/rules/drop-today/kept",
        "/entities/exact/micro/f1",
        "/entities/exact/per_label/GPE/support",
        "/entities/partial/micro/recall",
        "/documents/matched",
    ] {
        assert!(v.pointer(key).is_some(), "missing {key}");
    }
    assert_eq!(v.pointer("/cleaning/rules/drop-today/precision").and_then(|x| x.as_f64()), Some(1.0));
    assert_eq!(v.pointer("/documents/missing_in_pred/0").and_then(|x| x.as_str()), Some("only-gold"));
    let table =
        Command::new(env!("CARGO_BIN_EXE_redline")).arg("eval").arg(&gold_dir).arg(&pred_dir).output().expect("run");
    assert!(String::from_utf8_lossy(&table.stdout).contains("missing in prediction: only-gold"));
}
