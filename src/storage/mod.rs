//! Saving annotated documents: atomic writes, safe file names, where annotations live, autosaving
//! with backups and conflict detection, and recovery of what a crash left behind.

pub mod atomic;
pub mod autosave;
pub mod fingerprint;
pub mod names;
pub mod recovery;

pub use atomic::write_atomic;
pub use autosave::{Autosaver, Resolution, SaveEvent, SaveState};
pub use fingerprint::Fingerprint;
pub use names::safe_file_name;
pub use recovery::Leftover;

use std::path::{Path, PathBuf};

use crate::error::Result;
use crate::format::annotated;
use crate::model::Document;

/// The folder, beside the input, that holds annotated JSON.
pub const ANNOTATIONS_DIR: &str = "annotations";

/// Where annotations for an input live: `annotations/<annotator>/` inside a folder input, or beside
/// a file input. One folder per annotator lets a team share a project through git without conflicts.
pub fn annotations_dir(input: &Path, annotator: &str) -> PathBuf {
    let base =
        if input.is_dir() { input.to_path_buf() } else { input.parent().unwrap_or(Path::new(".")).to_path_buf() };
    base.join(ANNOTATIONS_DIR).join(safe_file_name(annotator))
}

/// The annotated JSON path of a document inside an annotations folder.
pub fn document_path(dir: &Path, doc_id: &str) -> PathBuf {
    dir.join(format!("{}.json", safe_file_name(doc_id)))
}

/// The other annotators (folders beside `save_dir` in its `annotations` folder, `review` included) who
/// saved a version of document `doc_id`, sorted by name: so a person sharing a project sees whose work
/// exists besides their own. Outside an `annotations` folder, or where it cannot be read, none.
pub fn other_versions(save_dir: &Path, doc_id: &str) -> Vec<String> {
    let Some(parent) = save_dir.parent().filter(|p| p.file_name().is_some_and(|n| n == ANNOTATIONS_DIR)) else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(parent) else { return Vec::new() };
    let mut names: Vec<String> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|dir| dir.as_path() != save_dir && document_path(dir, doc_id).is_file())
        .filter_map(|dir| dir.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    names.sort();
    names
}

/// What a backup's file name adds to the saved file's name: `<id>.json.bak`.
pub const BACKUP_SUFFIX: &str = ".bak";

/// Where the previous version of a saved file is kept.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(BACKUP_SUFFIX);
    path.with_file_name(name)
}

/// Where this session's version goes when the person keeps both sides of a conflict:
/// `<id>.conflict-<time>.json`, the time without colons so every file system accepts it.
pub fn conflict_path(dir: &Path, doc_id: &str, time: &str) -> PathBuf {
    dir.join(format!("{}.conflict-{}.json", safe_file_name(doc_id), time.replace(':', "-")))
}

/// Writes a document's annotated JSON atomically into `dir`, returning the path written.
pub fn save_document(dir: &Path, doc: &Document) -> Result<PathBuf> {
    let path = document_path(dir, &doc.id);
    write_atomic(&path, annotated::to_json(doc).as_bytes())?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_annotators_with_a_version_of_the_document_are_named_but_not_oneself() {
        let dir = tempfile::tempdir().expect("tempdir");
        let annotations = dir.path().join(ANNOTATIONS_DIR);
        for (who, id) in [("mira", "pier"), ("jon", "pier"), ("jon", "quay"), ("me", "pier"), ("review", "pier")] {
            std::fs::create_dir_all(annotations.join(who)).expect("mkdir");
            std::fs::write(document_path(&annotations.join(who), id), "{}").expect("write");
        }
        std::fs::create_dir_all(annotations.join("ola")).expect("mkdir");
        let mine = annotations.join("me");
        assert_eq!(other_versions(&mine, "pier"), ["jon", "mira", "review"]);
        assert_eq!(other_versions(&mine, "quay"), ["jon"]);
        assert!(other_versions(&mine, "dock").is_empty(), "nobody saved it");
        assert!(
            other_versions(&dir.path().join("elsewhere").join("me"), "pier").is_empty(),
            "not an annotations folder"
        );
    }
}
