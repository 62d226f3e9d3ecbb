//! The recent-projects list shown on the start screen: a small JSON file in the user's config folder.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// How many entries the list keeps.
pub const MAX_RECENT: usize = 12;

/// What was opened recently, newest first. Each entry is the list of paths opened together.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentList {
    /// Newest first.
    pub entries: Vec<Vec<PathBuf>>,
}

impl RecentList {
    /// The file the list lives in: `$REDLINE_CONFIG_DIR/recent.json`, else
    /// `$XDG_CONFIG_HOME/redline/recent.json`, `~/.config/redline/recent.json` or `%APPDATA%\redline\recent.json`.
    pub fn default_path() -> Option<PathBuf> {
        let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
        let dir = var("REDLINE_CONFIG_DIR")
            .or_else(|| var("XDG_CONFIG_HOME").map(|d| d.join("redline")))
            .or_else(|| var("APPDATA").map(|d| d.join("redline")))
            .or_else(|| var("HOME").map(|d| d.join(".config").join("redline")))?;
        Some(dir.join("recent.json"))
    }

    /// Reads the list; a missing file is an empty list.
    pub fn load(path: &Path) -> Result<Self> {
        match std::fs::read_to_string(path) {
            Ok(text) => serde_json::from_str(&text).map_err(|e| Error::file(path, format!("broken recent list: {e}"))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(e) => Err(Error::io(path, &e)),
        }
    }

    /// Writes the list atomically.
    pub fn save(&self, path: &Path) -> Result<()> {
        let text = serde_json::to_string_pretty(self).map_err(|e| Error::file(path, e.to_string()))?;
        crate::storage::write_atomic(path, text.as_bytes())
    }

    /// Puts `paths` first (absolute where possible), dropping an older copy and the oldest beyond the limit.
    pub fn push(&mut self, paths: &[PathBuf]) {
        let paths: Vec<PathBuf> = paths.iter().map(|p| std::path::absolute(p).unwrap_or_else(|_| p.clone())).collect();
        self.entries.retain(|e| *e != paths);
        self.entries.insert(0, paths);
        self.entries.truncate(MAX_RECENT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_first_without_duplicates_and_round_trips() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("cfg").join("recent.json");
        let mut list = RecentList::load(&file).expect("missing file is empty");
        assert!(list.entries.is_empty());
        let a = vec![dir.path().join("a")];
        let b = vec![dir.path().join("b"), dir.path().join("c.txt")];
        list.push(&a);
        list.push(&b);
        list.push(&a);
        assert_eq!(list.entries, vec![a.clone(), b]);
        for i in 0..20 {
            list.push(&[dir.path().join(format!("{i}"))]);
        }
        assert_eq!(list.entries.len(), MAX_RECENT);
        list.save(&file).expect("save");
        assert_eq!(RecentList::load(&file).expect("load"), list);
        std::fs::write(&file, "{oops").expect("write");
        let err = RecentList::load(&file).expect_err("broken");
        assert!(err.to_string().contains("recent.json"), "{err}");
    }
}
