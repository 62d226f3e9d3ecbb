//! The project's cleaning rules on the command line: `redline clean`, `suggest` and `batch` run in a
//! project folder use its user rules file and leave out the rules it switched off, as the workbench
//! does; a broken rules file stops them with exit code 2 and a message naming the file.

use std::path::Path;
use std::process::{Command, Output, Stdio};

/// A short article with a promotion line our user rule deletes and a lone `ADVERTISEMENT` a built-in
/// rule deletes.
const ARTICLE: &str = "Ferry fares stay the same this winter, the harbour board said.
Tap to get the Harbour Times app
ADVERTISEMENT
Boats will run every hour from the north pier until March.
";

/// A rules file with one user rule: lines that offer the paper's app.
const RULES: &str = r#"{ "rules": [
  { "id": "app-promo", "description": "the paper's app offer", "action": "delete_line",
    "pattern": "^Tap to get the .* app$" }
] }"#;

fn redline(dir: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_redline"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("redline runs");
    if let Some(mut input) = child.stdin.take() {
        std::io::Write::write_all(&mut input, stdin.as_bytes()).expect("write stdin");
    }
    child.wait_with_output().expect("redline finishes")
}

fn project(config: Option<&str>, rules: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.txt"), ARTICLE).expect("write article");
    if let Some(config) = config {
        std::fs::write(dir.path().join("redline.json"), config).expect("write config");
    }
    if let Some(rules) = rules {
        std::fs::write(dir.path().join("redline-rules.json"), rules).expect("write rules");
    }
    dir
}

fn stdout(out: &Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn clean_applies_the_projects_user_rules() {
    let dir = project(None, Some(RULES));
    let cleaned = stdout(&redline(dir.path(), &["clean", "a.txt"], ""));
    assert!(!cleaned.contains("Harbour Times app"), "{cleaned}");
    assert!(!cleaned.contains("ADVERTISEMENT"), "{cleaned}");
    assert!(cleaned.contains("the harbour board said.") && cleaned.contains("until March."), "{cleaned}");
}

#[test]
fn without_a_project_the_built_in_rules_alone_run() {
    let dir = project(None, None);
    let cleaned = stdout(&redline(dir.path(), &["clean", "a.txt"], ""));
    assert!(cleaned.contains("Tap to get the Harbour Times app"), "{cleaned}");
    assert!(!cleaned.contains("ADVERTISEMENT"), "{cleaned}");
}

#[test]
fn rules_the_project_switched_off_stay_off() {
    let config = r#"{ "disabled_rules": ["ad-marker", "user:app-promo"] }"#;
    let dir = project(Some(config), Some(RULES));
    let cleaned = stdout(&redline(dir.path(), &["clean", "a.txt"], ""));
    assert!(cleaned.contains("Tap to get the Harbour Times app") && cleaned.contains("ADVERTISEMENT"), "{cleaned}");
}

#[test]
fn suggest_and_batch_record_the_user_rule_as_the_edits_origin() {
    let dir = project(None, Some(RULES));
    let origins = |json: &str| -> Vec<String> {
        let doc: serde_json::Value = serde_json::from_str(json.trim()).expect("annotated JSON");
        let edits = doc["edits"].as_array().expect("edits");
        edits.iter().map(|e| e["origin"].as_str().unwrap_or_default().to_string()).collect()
    };
    let suggested = origins(&stdout(&redline(dir.path(), &["suggest", "a.txt"], "")));
    assert!(suggested.iter().any(|o| o == "user:app-promo"), "{suggested:?}");
    let line = serde_json::json!({ "text": ARTICLE }).to_string() + "\n";
    let batched = origins(&stdout(&redline(dir.path(), &["batch", "-"], &line)));
    assert_eq!(batched, suggested);
}

#[test]
fn a_broken_rules_file_stops_with_exit_code_2_naming_the_file_line_and_problem() {
    let rules = RULES.replace(".* app$", "(.* app$");
    let dir = project(None, Some(&rules));
    for args in [&["clean", "a.txt"][..], &["suggest", "a.txt"], &["batch", "-"]] {
        let out = redline(dir.path(), args, "");
        let message = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {message}");
        assert!(message.contains("redline-rules.json:") && message.contains("app-promo"), "{args:?}: {message}");
        assert!(message.contains("unclosed group"), "{args:?}: {message}");
        assert!(out.stdout.is_empty(), "{args:?}: nothing is printed before the rules are read");
    }
}
