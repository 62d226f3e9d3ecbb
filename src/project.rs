//! A project: a folder with a `redline.json` config (labels, rules, annotator) and the annotated
//! JSON files under `annotations/<annotator>/`.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::labels::LabelDef;

/// The config file name inside a project folder.
pub const CONFIG_FILE: &str = "redline.json";

/// A project's settings, as stored in `redline.json`. Every field is optional in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProjectConfig {
    /// The entity labels, each with a colour and a key.
    pub labels: Vec<LabelDef>,
    /// Who is annotating; defaults to the login name.
    pub annotator: String,
    /// Ids of built-in cleaning rules switched off.
    pub disabled_rules: Vec<String>,
    /// User cleaning rules file, relative to the project folder.
    pub rules_file: Option<PathBuf>,
    /// Prodigy-style entity patterns (JSONL), relative to the project folder.
    pub patterns_file: Option<PathBuf>,
}

impl Default for ProjectConfig {
    fn default() -> Self {
        Self {
            labels: crate::labels::default_label_defs(),
            annotator: default_annotator(),
            disabled_rules: Vec::new(),
            rules_file: None,
            patterns_file: None,
        }
    }
}

impl ProjectConfig {
    /// Loads `redline.json` from a project folder, or the defaults when there is none.
    pub fn load(folder: &Path) -> Result<Self> {
        let path = folder.join(CONFIG_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => serde_json::from_str(&text)
                .map_err(|e| Error::file(&path, format!("invalid project config: {e}")).at_line(e.line() as u64)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(e) => Err(Error::io(&path, &e)),
        }
    }

    /// The user cleaning rules file: `rules_file` when the config names one, else `redline-rules.json`,
    /// in the project folder.
    pub fn rules_path(&self, folder: &Path) -> PathBuf {
        folder.join(self.rules_file.as_deref().unwrap_or(Path::new(crate::clean::user::DEFAULT_RULES_FILE)))
    }

    /// The label names, in key order.
    pub fn label_names(&self) -> Vec<String> {
        self.labels.iter().map(|l| l.name.clone()).collect()
    }
}

/// The login name from the environment, or `annotator`.
pub fn default_annotator() -> String {
    std::env::var("REDLINE_ANNOTATOR")
        .or_else(|_| std::env::var("USER"))
        .or_else(|_| std::env::var("USERNAME"))
        .ok()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| "annotator".into())
}
