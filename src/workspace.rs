//! An opened body of work: the documents a person gave, the project settings that apply to them,
//! where each document's annotations are saved, and how a document is prepared for annotation
//! (resumed from its saved annotation, or read raw and given cleaning and entity suggestions).

use std::path::{Path, PathBuf};
use std::sync::{Arc, PoisonError, RwLock};

use crate::clean::Cleaner;
use crate::error::{Error, Result};
use crate::format::annotated;
use crate::input::{Collection, DocRef, Encoding};
use crate::model::{DocStatus, Document, EditStatus, EntityStatus, NewEntity};
use crate::project::ProjectConfig;
use crate::storage;
use crate::suggest::Suggester;

/// Proposes entities for a document's cleaned text (the hook the entity suggesters plug into).
pub type EntitySuggester = Box<dyn Fn(&Document) -> Vec<NewEntity> + Send + Sync>;

/// The documents opened together, with their project settings.
pub struct Workspace {
    /// The paths as given.
    pub paths: Vec<PathBuf>,
    /// The documents.
    pub collection: Collection,
    /// Labels, annotator and rules (from `redline.json` in the project folder, or the defaults).
    pub config: ProjectConfig,
    /// How text files that are not UTF-8 are read.
    pub encoding: Encoding,
    /// Proposes cleaning edits for documents opened raw: the project's cleaner, swapped for a new one
    /// when the user rules file changes (documents are prepared on worker threads meanwhile).
    cleaner: RwLock<Arc<Cleaner>>,
    /// Proposes entities for documents opened raw, when set.
    pub entity_suggester: Option<EntitySuggester>,
    /// What went wrong while opening without stopping it: a user rules file that cannot be read (the
    /// documents open with the built-in rules, and the workbench shows the problem).
    pub problems: Vec<Error>,
}

/// A document ready for annotation.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The document.
    pub doc: Document,
    /// Where its annotations are saved.
    pub save_dir: PathBuf,
    /// Whether it was resumed from an annotation saved earlier.
    pub resumed: bool,
}

/// What the document list shows for one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Document id.
    pub id: String,
    /// Workflow status.
    pub status: DocStatus,
    /// Cleaning and entity suggestions not yet decided.
    pub pending: usize,
}

impl Summary {
    /// The summary of a document in memory.
    pub fn of(doc: &Document) -> Self {
        let edits = doc.edits().iter().filter(|e| e.status == EditStatus::Pending).count();
        let entities = doc.entities().iter().filter(|e| e.status == EntityStatus::Pending).count();
        Self { id: doc.id.clone(), status: doc.status, pending: edits + entities }
    }
}

impl Workspace {
    /// Opens the paths; the project settings come from the folder of the first path.
    pub fn open(paths: &[PathBuf]) -> Result<Self> {
        let collection = Collection::open(paths)?;
        let folder = folder_of(paths);
        let config = match paths.first() {
            Some(_) => ProjectConfig::load(&folder)?,
            None => ProjectConfig::default(),
        };
        let suggester = Suggester::for_project(&config, &folder)?;
        let entity_suggester: EntitySuggester = Box::new(move |doc| suggester.suggest_document(doc));
        // A mistake in the user rules file should not lock the person out of their documents.
        let (cleaner, problems) = match Cleaner::for_project(&config, &folder) {
            Ok(cleaner) => (cleaner, Vec::new()),
            Err(e) => (Cleaner::builtin_for(&config), vec![e]),
        };
        Ok(Self {
            paths: paths.to_vec(),
            collection,
            config,
            encoding: Encoding::Utf8,
            cleaner: RwLock::new(Arc::new(cleaner)),
            entity_suggester: Some(entity_suggester),
            problems,
        })
    }

    /// The project folder: the folder of the first path (its `redline.json` and user rules file).
    pub fn folder(&self) -> PathBuf {
        folder_of(&self.paths)
    }

    /// The cleaner in use.
    pub fn cleaner(&self) -> Arc<Cleaner> {
        self.cleaner.read().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// Reads the project's user rules file again; documents prepared from now on get its rules.
    pub fn reload_user_rules(&self) -> Result<()> {
        let mut cleaner = Cleaner::clone(&self.cleaner());
        cleaner.reload_user_rules(&self.config, &self.folder())?;
        *self.cleaner.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(cleaner);
        Ok(())
    }

    /// How many documents there are.
    pub fn len(&self) -> usize {
        self.collection.entries.len()
    }

    /// Whether there are no documents.
    pub fn is_empty(&self) -> bool {
        self.collection.entries.is_empty()
    }

    /// Where the annotations of document `index` are saved: `annotations/<annotator>/` beside its file.
    /// An annotated file that already sits in this annotator's folder is saved in place.
    pub fn save_dir(&self, index: usize) -> Option<PathBuf> {
        let annotator = &self.config.annotator;
        let file = match &self.collection.entries.get(index)?.source {
            DocRef::Text(p) | DocRef::Annotated(p) => p.clone(),
            DocRef::Corpus(corpus, _) => corpus.path.to_path_buf(),
        };
        let parent = file.parent().unwrap_or(Path::new("."));
        let in_place = parent.file_name().is_some_and(|n| *n == *storage::safe_file_name(annotator))
            && parent.parent().and_then(Path::file_name).is_some_and(|n| n == storage::ANNOTATIONS_DIR);
        Some(if in_place { parent.to_path_buf() } else { storage::annotations_dir(&file, annotator) })
    }

    /// Prepares document `index`: its saved annotation when there is one (the raw text must match),
    /// else the input with cleaning suggestions (and entity suggestions, when a suggester is set).
    pub fn prepare(&self, index: usize) -> Result<Prepared> {
        self.prepare_with(index, self.encoding)
    }

    /// Prepares document `index` like [`Workspace::prepare`], reading a text file that is not UTF-8
    /// with `encoding` (the person's explicit choice for this document).
    pub fn prepare_with(&self, index: usize, encoding: Encoding) -> Result<Prepared> {
        let entry =
            self.collection.entries.get(index).ok_or_else(|| Error::msg(format!("no document number {index}")))?;
        let save_dir = self.save_dir(index).ok_or_else(|| Error::msg("no save folder"))?;
        let mut doc = entry.load(encoding)?;
        let saved = storage::document_path(&save_dir, &doc.id);
        let opened_saved = matches!(&entry.source, DocRef::Annotated(p) if same_file(p, &saved));
        let resumed = !opened_saved && saved.is_file();
        if resumed {
            let earlier = annotated::load(&saved)?;
            if earlier.source.sha256 != doc.source.sha256 {
                return Err(Error::file(
                    &saved,
                    "this annotation was made on a different text than the input now holds; \
                     move it away to start again, or restore the original input",
                )
                .in_doc(&doc.id));
            }
            let encoding = doc.source.encoding.take();
            doc = earlier;
            doc.source.encoding = doc.source.encoding.take().or(encoding);
        } else if !opened_saved && doc.edits().is_empty() {
            doc.add_edits(self.cleaner().suggest(doc.raw()));
            if let Some(suggest) = &self.entity_suggester
                && doc.entities().is_empty()
            {
                doc.add_entities(suggest(&doc)).map_err(|e| Error::from(e).in_doc(&doc.id))?;
            }
        }
        doc.annotator.clone_from(&self.config.annotator);
        for label in self.config.label_names() {
            if !doc.labels.contains(&label) {
                doc.labels.push(label);
            }
        }
        Ok(Prepared { doc, save_dir, resumed: resumed || opened_saved })
    }
}

/// The project folder of a path: the folder itself, or the folder a file is in.
pub fn project_folder(path: &Path) -> PathBuf {
    if path.is_dir() { path.to_path_buf() } else { path.parent().unwrap_or(Path::new(".")).to_path_buf() }
}

/// The project folder of the paths opened together: that of the first one.
fn folder_of(paths: &[PathBuf]) -> PathBuf {
    paths.first().map_or_else(|| PathBuf::from("."), |first| project_folder(first))
}

/// Whether two paths name the same file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Command, History};

    const ARTICLE: &str = "Harbor vote\n\n\n\n\nThe council met on Monday.\n\n\n\nIt voted yes.\n";

    #[test]
    fn a_broken_user_rules_file_opens_the_documents_with_the_built_in_rules_and_says_why() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("harbor.txt"), ARTICLE).expect("write");
        let rules =
            r#"{ "rules": [ { "id": "vote", "description": "x", "action": "delete_line", "pattern": "(vote" } ] }"#;
        std::fs::write(dir.path().join("redline-rules.json"), rules).expect("write rules");
        std::fs::write(dir.path().join("redline.json"), r#"{ "disabled_rules": ["blank-lines"] }"#).expect("config");
        let ws = Workspace::open(&[dir.path().to_path_buf()]).expect("the documents open");
        let problem = ws.problems.first().map(ToString::to_string).unwrap_or_default();
        assert!(problem.contains("redline-rules.json") && problem.contains("\"vote\""), "{problem}");
        let origins: Vec<String> = ws.cleaner().suggest(ARTICLE).into_iter().map(|e| e.origin).collect();
        assert!(!origins.iter().any(|o| o.starts_with("user:") || o == "blank-lines"), "{origins:?}");
    }

    #[test]
    fn a_good_project_opens_without_problems() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("harbor.txt"), ARTICLE).expect("write");
        let rules = r#"{ "rules": [ { "id": "vote", "description": "x", "action": "delete_line", "pattern": "^Harbor vote$" } ] }"#;
        std::fs::write(dir.path().join("redline-rules.json"), rules).expect("write rules");
        let ws = Workspace::open(&[dir.path().to_path_buf()]).expect("open");
        assert!(ws.problems.is_empty());
        assert!(ws.cleaner().suggest(ARTICLE).iter().any(|e| e.origin == "user:vote"));
    }

    fn workspace(dir: &Path) -> Workspace {
        let file = dir.join("harbor.txt");
        std::fs::write(&file, ARTICLE).expect("write");
        let mut ws = Workspace::open(&[file]).expect("open");
        ws.config.annotator = "ana".into();
        ws
    }

    #[test]
    fn raw_document_gets_suggestions_and_saves_beside_the_input() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ws = workspace(dir.path());
        let p = ws.prepare(0).expect("prepare");
        assert!(!p.resumed);
        assert_eq!(p.save_dir, dir.path().join("annotations").join("ana"));
        assert_eq!(p.doc.annotator, "ana");
        let edits = p.doc.edits().iter().filter(|e| e.status == EditStatus::Pending).count();
        let entities = p.doc.entities().iter().filter(|e| e.status == EntityStatus::Pending).count();
        assert!(edits > 0 && entities > 0, "cleaning and entity suggestions: {edits}, {entities}");
        assert_eq!(Summary::of(&p.doc).pending, edits + entities);
    }

    #[test]
    fn saved_annotation_is_resumed_and_a_changed_input_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ws = workspace(dir.path());
        let mut p = ws.prepare(0).expect("prepare");
        let id = p.doc.edits()[0].id;
        let mut history = History::default();
        history.apply(&mut p.doc, Command::SetEditStatus { ids: vec![id], status: EditStatus::Accepted }).expect("ok");
        storage::save_document(&p.save_dir, &p.doc).expect("save");
        let again = ws.prepare(0).expect("resume");
        assert!(again.resumed);
        assert_eq!(again.doc.cleaned(), p.doc.cleaned());
        std::fs::write(dir.path().join("harbor.txt"), "Another text").expect("write");
        let err = ws.prepare(0).expect_err("different raw text");
        assert!(err.to_string().contains("harbor.json"), "{err}");
    }

    #[test]
    fn entity_suggester_hook_adds_pending_entities() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut ws = workspace(dir.path());
        ws.entity_suggester = Some(Box::new(|doc: &Document| {
            let start = doc.cleaned().find("Monday").unwrap_or(0);
            vec![NewEntity {
                start,
                end: start + 6,
                label: "DATE".into(),
                origin: "test".into(),
                status: EntityStatus::Pending,
                score: None,
            }]
        }));
        let p = ws.prepare(0).expect("prepare");
        assert_eq!(p.doc.entities().len(), 1);
        assert_eq!(Summary::of(&p.doc).pending, 3);
    }

    #[test]
    fn a_windows_1252_file_opens_only_when_asked_and_records_its_encoding() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("quote.txt"), b"The mayor said \x93yes\x94 to the caf\xe9.\n").expect("write");
        let mut ws = Workspace::open(&[dir.path().join("quote.txt")]).expect("open");
        ws.config.annotator = "ana".into();
        let err = ws.prepare(0).expect_err("not UTF-8");
        assert_eq!(err.kind, crate::error::ErrorKind::NotUtf8 { offset: 15 });
        let p = ws.prepare_with(0, Encoding::Windows1252).expect("read as Windows-1252");
        assert!(p.doc.raw().contains("\u{201c}yes\u{201d}") && p.doc.raw().contains("café"), "{}", p.doc.raw());
        assert_eq!(p.doc.source.encoding.as_deref(), Some("windows-1252"));
        let saved = storage::save_document(&p.save_dir, &p.doc).expect("save");
        let json = std::fs::read_to_string(&saved).expect("read");
        assert!(json.contains("\"encoding\": \"windows-1252\""), "{json}");
        let resumed = ws.prepare_with(0, Encoding::Windows1252).expect("resume");
        assert!(resumed.resumed);
        assert_eq!(resumed.doc.source.encoding.as_deref(), Some("windows-1252"));
    }

    #[test]
    fn annotated_file_in_the_annotator_folder_is_saved_in_place() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ws = workspace(dir.path());
        let p = ws.prepare(0).expect("prepare");
        let saved = storage::save_document(&p.save_dir, &p.doc).expect("save");
        let mut reopened = Workspace::open(std::slice::from_ref(&saved)).expect("open");
        reopened.config.annotator = "ana".into();
        let q = reopened.prepare(0).expect("prepare");
        assert_eq!(q.save_dir, p.save_dir);
        assert!(q.resumed);
    }
}
