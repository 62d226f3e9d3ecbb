//! Headless tests that drive the real workbench through its accessibility tree (egui_kittest):
//! open an article, decide suggestions, tag an entity with the keyboard, undo and redo, mark done,
//! and check the annotated JSON written to disk.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use eframe::egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use redline::gui::{FilePicker, Options, PickKind, Workbench};
use serde_json::Value;

/// How long a test waits for a worker thread; generous because CI machines may be loaded.
const WORKER_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

/// An article with two runs of blank lines (two cleaning suggestions) and a name to tag.
const ARTICLE: &str = "Harbor council votes on solar farm\n\n\n\n\nMayor Elena Ruiz said the floating panels \
would be installed in May.\n\n\n\nThe vote passed nine to two.\n";

/// A dialog that answers with fixed paths.
struct FakePicker(Vec<PathBuf>);

impl FilePicker for FakePicker {
    fn pick(&self, _kind: PickKind) -> Option<Vec<PathBuf>> {
        Some(self.0.clone())
    }
}

/// Writes the article and a project config naming the annotator; returns the article's path.
fn fixture(dir: &Path) -> PathBuf {
    let file = dir.join("harbor-vote.txt");
    std::fs::write(&file, ARTICLE).expect("write article");
    std::fs::write(dir.join("redline.json"), r#"{"annotator": "tester"}"#).expect("write config");
    file
}

/// A harness around a workbench opened on `paths`, run until the first document is shown.
fn harness(paths: &[PathBuf], picked: Vec<PathBuf>) -> Harness<'static, Workbench> {
    let options = Options { picker: Arc::new(FakePicker(picked)), recent_file: None };
    let app = Workbench::new(options, paths);
    // Saves finish on a worker thread and wake the UI, which may take a few extra frames to settle.
    let mut h = Harness::builder()
        .with_size(Vec2::new(1400.0, 900.0))
        .with_max_steps(64)
        .build_ui_state(|ui, app: &mut Workbench| app.ui(ui), app);
    if !paths.is_empty() {
        wait_for_document(&mut h);
    }
    h
}

/// Runs frames until the UI stops repainting (background work finished), failing after the timeout.
fn settle(h: &mut Harness<'static, Workbench>) {
    let deadline = std::time::Instant::now() + WORKER_TIMEOUT;
    while std::time::Instant::now() < deadline {
        if h.try_run().is_ok() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the UI kept repainting; messages: {:?}", h.state().messages.list());
}

/// Steps the UI until a document is open (opening runs on a worker thread).
fn wait_for_document(h: &mut Harness<'static, Workbench>) {
    let deadline = std::time::Instant::now() + WORKER_TIMEOUT;
    while std::time::Instant::now() < deadline {
        h.step();
        let opened = h.state().project.as_ref().is_some_and(|p| p.session.is_some() && p.scan.is_none());
        // Settled: a document is open and no background work keeps the UI repainting.
        if opened && h.try_run().is_ok() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("no document opened; messages: {:?}", h.state().messages.list());
}

/// The annotated JSON saved for the fixture.
fn saved(dir: &Path) -> Value {
    let path = dir.join("annotations").join("tester").join("harbor-vote.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("valid JSON")
}

#[test]
fn decide_tag_undo_redo_and_mark_done_are_saved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = fixture(dir.path());
    let mut h = harness(&[file], vec![]);

    h.get_by_label("Accept 1").click();
    h.run();
    h.get_by_label("Reject 2").click();
    h.run();

    // Tag "Elena Ruiz" as PERSON with the keyboard: Ctrl+F, type, Enter selects it, 1 tags it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find:").type_text("Elena Ruiz");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.key_press(Key::Num1);
    h.run();
    // Accepted entities only: the document also carries pending entity suggestions.
    let entities = |h: &Harness<'static, Workbench>| {
        h.state().project.as_ref().and_then(|p| p.session.as_ref()).map_or(0, |s| {
            s.doc.entities().iter().filter(|e| e.status == redline::model::EntityStatus::Accepted).count()
        })
    };
    assert_eq!(entities(&h), 1, "tagged; messages: {:?}", h.state().messages.list());

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(entities(&h), 0, "undone");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(entities(&h), 1, "redone");

    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();

    let json = saved(dir.path());
    assert_eq!(json["status"], "done");
    assert_eq!(json["annotator"], "tester");
    let statuses: Vec<&str> =
        json["edits"].as_array().expect("edits").iter().filter_map(|e| e["status"].as_str()).collect();
    assert_eq!(statuses[..2], ["accepted", "rejected"]);
    let cleaned = json["cleaned"].as_str().expect("cleaned");
    assert!(cleaned.starts_with("Harbor council votes on solar farm\n\nMayor"), "{cleaned:?}");
    assert!(cleaned.contains("May.\n\n\n\nThe vote"), "the rejected run stays: {cleaned:?}");
    let entity = &json["entities"][0];
    assert_eq!((entity["label"].as_str(), entity["text"].as_str()), (Some("PERSON"), Some("Elena Ruiz")));
    let start = usize::try_from(entity["start"].as_u64().expect("start")).expect("fits");
    let by_codepoint: String = cleaned.chars().skip(start).take(10).collect();
    assert_eq!(by_codepoint, "Elena Ruiz");
}

#[test]
fn reopening_resumes_the_saved_annotation() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = fixture(dir.path());
    {
        let mut h = harness(std::slice::from_ref(&file), vec![]);
        h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
        h.run();
        h.state_mut().flush_saves();
    }
    let h = harness(&[file], vec![]);
    let session = h.state().project.as_ref().and_then(|p| p.session.as_ref()).expect("session");
    assert!(session.resumed);
    assert!(session.doc.edits().iter().all(|e| e.status == redline::model::EditStatus::Accepted));
    h.get_by_label_contains("Resumed from saved annotation");
}

#[test]
fn open_dialog_help_overlay_and_problems_in_the_message_area() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = fixture(dir.path());
    let bad = dir.path().join("broken.txt");
    std::fs::write(&bad, b"caf\xe9 au lait").expect("write");
    let mut h = harness(&[], vec![bad.clone()]);
    h.run();
    h.get_by_label("Choose files…").click();
    let deadline = std::time::Instant::now() + WORKER_TIMEOUT;
    while std::time::Instant::now() < deadline {
        h.step();
        if !h.state().messages.is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    settle(&mut h);
    let message = h.state().messages.list().first().map(|m| m.text.clone()).unwrap_or_default();
    assert!(message.contains("broken.txt") && message.contains("UTF-8"), "{message}");
    h.get_by_label_contains("broken.txt");

    h.state_mut().open_paths(vec![file]);
    wait_for_document(&mut h);
    h.key_press(Key::F1);
    h.run();
    h.get_by_label("Keyboard shortcuts");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Keyboard shortcuts").is_none());
}

#[test]
fn hand_edit_of_a_paragraph_is_one_manual_edit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = fixture(dir.path());
    let mut h = harness(&[file], vec![]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find:").type_text("nine to two");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.key_press(Key::E);
    h.run();
    h.get_by_label("Edit the paragraph (Ctrl+S applies, Esc cancels):").type_text(" Final.");
    h.run();
    h.get_by_label("Apply").click();
    h.run();
    h.state_mut().flush_saves();
    let json = saved(dir.path());
    let manual: Vec<&Value> =
        json["edits"].as_array().expect("edits").iter().filter(|e| e["origin"] == "manual").collect();
    assert_eq!(manual.len(), 1, "{json:#}");
    assert!(json["cleaned"].as_str().is_some_and(|c| c.contains("Final.")), "{}", json["cleaned"]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let session = h.state().project.as_ref().and_then(|p| p.session.as_ref()).expect("session");
    assert!(!session.doc.cleaned().contains("Final."), "undo reverts the hand edit");
}

#[test]
fn dragging_in_the_cleaned_text_selects_whole_words_for_a_label_key() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = fixture(dir.path());
    let mut h = harness(&[file], vec![]);
    let top_left = h.get_by_label("Cleaned text").rect().left_top();
    // From inside "Harbor" to inside "council" on the first line.
    h.drag_at(top_left + Vec2::new(12.0, 8.0));
    h.run();
    h.hover_at(top_left + Vec2::new(75.0, 8.0));
    h.run();
    h.drop_at(top_left + Vec2::new(75.0, 8.0));
    h.run();
    h.key_press(Key::Num3);
    h.run();
    let session = h.state().project.as_ref().and_then(|p| p.session.as_ref()).expect("session");
    let entity = session.doc.entities().first().expect("tagged");
    assert_eq!(entity.label, "GPE");
    assert_eq!(entity.start, 0, "the selection snapped to the start of the word");
    let text = &session.doc.cleaned()[entity.start..entity.end];
    assert_eq!(text, "Harbor council");
}

#[test]
fn a_failed_save_is_shown_kept_in_memory_and_retried() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = fixture(dir.path());
    let blocker = dir.path().join("annotations");
    std::fs::write(&blocker, "a file where the annotations folder should be").expect("write");
    let mut h = harness(&[file], vec![]);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
    h.run();
    h.state_mut().flush_saves();
    h.run();
    h.get_by_label_contains("NOT SAVED");
    // Opening already warned that the folder cannot be read; the failed save names the document.
    let messages = h.state().messages.list();
    let problem = messages.iter().find(|m| m.text.contains("not saved")).map(|m| m.text.clone()).unwrap_or_default();
    assert!(problem.contains("annotations") && problem.contains("harbor-vote"), "{messages:?}");
    std::fs::remove_file(&blocker).expect("unblock");
    h.get_by_label("Retry saving").click();
    h.run();
    h.state_mut().flush_saves();
    let json = saved(dir.path());
    assert!(json["edits"].as_array().expect("edits").iter().all(|e| e["status"] == "accepted"));
}

#[test]
fn a_corpus_with_a_broken_line_opens_and_names_the_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("wire.jsonl");
    let lines = [
        r#"{"id": "w1", "text": "First story.\n\n\n\nMore text."}"#,
        r#"{"id": "w2", "text": "Second story"#,
        r#"{"id": "w3", "text": "Third story."}"#,
    ];
    std::fs::write(&corpus, lines.join("\n")).expect("write");
    let mut h = harness(&[corpus], vec![]);
    let deadline = std::time::Instant::now() + WORKER_TIMEOUT;
    while std::time::Instant::now() < deadline {
        h.step();
        if h.state().project.as_ref().is_some_and(|p| p.scan.is_none()) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    settle(&mut h);
    let problems: Vec<String> = h.state().messages.list().iter().map(|m| m.text.clone()).collect();
    assert!(problems.iter().any(|p| p.contains("wire.jsonl:2")), "{problems:?}");
    h.get_by_label_contains("0 / 3 done");
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    h.run();
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    h.run();
    let session = h.state().project.as_ref().and_then(|p| p.session.as_ref()).expect("session");
    assert_eq!(session.doc.id, "w3", "the broken line is skipped over, not fatal");
}

#[test]
fn a_path_typed_on_the_start_screen_opens_like_the_command_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    fixture(dir.path());
    // A desktop without a file dialog: "Choose a folder…" answers nothing.
    let mut h = harness(&[], Vec::new());
    h.run();
    h.get_by_label("Choose a folder…").click();
    settle(&mut h);
    assert!(h.state().project.is_none());
    h.get_by_label("Or type a path:").click();
    h.run();
    h.get_by_label("Or type a path:").type_text(dir.path().to_str().expect("utf-8 path"));
    h.run();
    h.get_by_label("Open path").click();
    wait_for_document(&mut h);
    let project = h.state().project.as_ref().expect("a project is open");
    assert_eq!(project.session.as_ref().map(|s| s.doc.id.as_str()), Some("harbor-vote"));
}
