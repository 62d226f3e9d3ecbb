//! Finding what a crash left behind in an annotations folder, so the person can restore it.
//!
//! A leftover temporary file means a save was interrupted: if it holds a complete, valid document
//! it is the newest state and can be restored; if not, the saved file beside it is intact. A
//! backup (`<id>.json.bak`) is offered when the saved file is missing, broken, or older than it.

use std::path::{Path, PathBuf};

use super::fingerprint::read_if_present;
use super::{BACKUP_SUFFIX, write_atomic};
use crate::error::{Error, Result};
use crate::format::annotated;

/// What was found, and what restoring it would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Leftover {
    /// A temporary file from an interrupted save of `target`.
    Temp {
        /// The file the save was for.
        target: PathBuf,
        /// The temporary file.
        temp: PathBuf,
        /// Whether it holds a complete, valid document (then it is newer than `target`).
        complete: bool,
    },
    /// A backup that looks better than the file it backs up.
    Backup {
        /// The saved file.
        target: PathBuf,
        /// The backup.
        backup: PathBuf,
        /// Why it is offered, in words.
        reason: String,
    },
}

impl Leftover {
    /// One line for the person: what was found and what restoring would do.
    pub fn describe(&self) -> String {
        match self {
            Self::Temp { target, complete: true, .. } => {
                format!("{}: an interrupted save left a newer complete version; restore it?", target.display())
            }
            Self::Temp { target, complete: false, .. } => format!(
                "{}: an interrupted save left an incomplete temporary file; the saved file is intact (discard it)",
                target.display()
            ),
            Self::Backup { target, reason, .. } => format!("{}: {reason}; restore the backup?", target.display()),
        }
    }

    /// Restores it: the found version becomes the saved file and the replaced one becomes the backup.
    /// An incomplete temporary file cannot be restored.
    pub fn restore(&self) -> Result<()> {
        let (target, found) = match self {
            Self::Temp { complete: false, temp, .. } => {
                return Err(Error::file(temp, "incomplete temporary file: nothing to restore"));
            }
            Self::Temp { target, temp, .. } => (target, temp),
            Self::Backup { target, backup, .. } => (target, backup),
        };
        let bytes = std::fs::read(found).map_err(|e| Error::io(found, &e))?;
        let replaced = read_if_present(target)?;
        write_atomic(target, &bytes)?;
        if let Some(old) = replaced {
            write_atomic(&super::backup_path(target), &old)?;
        }
        self.discard()
    }

    /// Drops the offer: a temporary file is deleted; a backup is kept (it is still the previous version).
    pub fn discard(&self) -> Result<()> {
        match self {
            Self::Temp { temp, .. } => std::fs::remove_file(temp).map_err(|e| Error::io(temp, &e)),
            Self::Backup { .. } => Ok(()),
        }
    }
}

/// Everything a crash left in an annotations folder (a missing folder has none).
pub fn scan(dir: &Path) -> Result<Vec<Leftover>> {
    let items = match std::fs::read_dir(dir) {
        Ok(items) => items,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(dir, &e)),
    };
    let mut found = Vec::new();
    for item in items {
        let path = item.map_err(|e| Error::io(dir, &e))?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else { continue };
        if let Some(target) = temp_target(name) {
            found.push(Leftover::Temp { target: dir.join(target), complete: is_valid(&path), temp: path });
        } else if let Some(target) = name.strip_suffix(BACKUP_SUFFIX) {
            found.extend(check_backup(&dir.join(target), path));
        }
    }
    found.sort_by_key(Leftover::describe);
    Ok(found)
}

/// The target name of a temporary file `.<name>.<pid>.tmp` left by a process that is gone.
fn temp_target(name: &str) -> Option<&str> {
    let (target, pid) = name.strip_prefix('.')?.strip_suffix(".tmp")?.rsplit_once('.')?;
    let pid: u32 = pid.parse().ok()?;
    (!target.is_empty() && !process_alive(pid)).then_some(target)
}

/// Whether a process is running (its temporary file may be a save in progress, not a leftover).
fn process_alive(pid: u32) -> bool {
    pid == std::process::id() || (cfg!(target_os = "linux") && Path::new("/proc").join(pid.to_string()).exists())
}

/// Whether a file holds a complete, valid annotated document.
fn is_valid(path: &Path) -> bool {
    annotated::load(path).is_ok()
}

/// A backup offer when the backup is valid and the target is missing, broken or older.
fn check_backup(target: &Path, backup: PathBuf) -> Option<Leftover> {
    if !is_valid(&backup) {
        return None;
    }
    let reason = if !target.exists() {
        "the saved file is missing but its backup is there".to_string()
    } else if let Err(e) = annotated::load(target) {
        format!("the saved file is broken ({}) but its backup is valid", e.message)
    } else if modified(&backup)? > modified(target)? {
        "the backup is newer than the saved file".to_string()
    } else {
        return None;
    };
    Some(Leftover::Backup { target: target.to_path_buf(), backup, reason })
}

/// A file's modification time.
fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;
    use crate::storage::{backup_path, document_path, save_document};

    fn saved(dir: &Path, raw: &str) -> PathBuf {
        save_document(dir, &Document::new("doc", raw)).expect("save")
    }

    #[test]
    fn a_clean_folder_has_nothing_to_recover() {
        let dir = tempfile::tempdir().expect("tempdir");
        saved(dir.path(), "text");
        assert_eq!(scan(dir.path()).ok(), Some(vec![]));
        assert_eq!(scan(&dir.path().join("missing")).ok(), Some(vec![]));
    }

    #[test]
    fn complete_leftover_temp_is_restored() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = saved(dir.path(), "old");
        let newer = annotated::to_json(&Document::new("doc", "new"));
        let temp = dir.path().join(".doc.json.999999999.tmp");
        std::fs::write(&temp, &newer).expect("temp");
        let found = scan(dir.path()).expect("scan");
        assert_eq!(found, vec![Leftover::Temp { target: target.clone(), temp: temp.clone(), complete: true }]);
        found[0].restore().expect("restore");
        assert_eq!(annotated::load(&target).map(|d| d.raw().to_string()).ok(), Some("new".into()));
        assert_eq!(annotated::load(&backup_path(&target)).map(|d| d.raw().to_string()).ok(), Some("old".into()));
        assert!(!temp.exists());
    }

    #[test]
    fn incomplete_temp_is_reported_and_discarded() {
        let dir = tempfile::tempdir().expect("tempdir");
        saved(dir.path(), "old");
        let temp = dir.path().join(".doc.json.999999999.tmp");
        std::fs::write(&temp, "{\"format\": \"redline.annot").expect("temp");
        let found = scan(dir.path()).expect("scan");
        assert!(matches!(&found[..], [Leftover::Temp { complete: false, .. }]), "{found:?}");
        assert!(found[0].describe().contains("intact"));
        assert!(found[0].restore().is_err());
        found[0].discard().expect("discard");
        assert!(!temp.exists());
    }

    #[test]
    fn backup_is_offered_when_the_saved_file_is_broken_or_missing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = document_path(dir.path(), "doc");
        let backup = backup_path(&target);
        write_atomic(&backup, annotated::to_json(&Document::new("doc", "kept")).as_bytes()).expect("bak");
        let found = scan(dir.path()).expect("scan");
        assert!(found[0].describe().contains("missing"), "{found:?}");
        std::fs::write(&target, "{ truncated").expect("broken");
        let found = scan(dir.path()).expect("scan");
        assert!(found[0].describe().contains("broken"), "{found:?}");
        found[0].restore().expect("restore");
        assert_eq!(annotated::load(&target).map(|d| d.raw().to_string()).ok(), Some("kept".into()));
        assert_eq!(std::fs::read_to_string(&backup).ok().as_deref(), Some("{ truncated"), "the broken one is kept too");
    }
}
