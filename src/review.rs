//! Review and adjudication: several annotators' versions of one document compared item by item, a
//! pick per difference, and the adjudicated document built from the picks (annotator `review`).
//!
//! Edits are aligned by raw range and replacement; entities by their raw range (mapped from each
//! version's cleaned text) and label. Overlapping items of all versions form one cluster, so a pick
//! takes one version's whole cluster and never leaves two conflicting edits behind. Versions whose
//! raw text differs (SHA-256) are reported, never merged.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::format::annotated;
use crate::model::{Bias, DocStatus, Document, EditStatus, EntityStatus, NewEdit, NewEntity};
use crate::storage::{self, ANNOTATIONS_DIR};

/// The annotator name adjudicated versions are saved under.
pub const REVIEW_ANNOTATOR: &str = "review";

/// One annotator's version of the document.
#[derive(Debug, Clone)]
pub struct Version {
    /// Who made it (the file's `annotator`, else its folder name).
    pub annotator: String,
    /// The file it was read from.
    pub path: PathBuf,
    /// The loaded document.
    pub doc: Document,
}

/// Whether a difference is about cleaning edits or entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Cleaning edits over the raw text.
    Edit,
    /// Entity spans.
    Entity,
}

/// One edit or entity of one version, in raw byte offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Raw start byte.
    pub start: usize,
    /// Raw end byte (exclusive).
    pub end: usize,
    /// Replacement text (edits) or label (entities).
    pub value: String,
    /// Rule id, suggester or `manual`.
    pub origin: String,
    /// The decision, as it appears in the file (`accepted`, `rejected`, …).
    pub status: &'static str,
    /// The edit's reason (empty for entities).
    pub reason: String,
    /// The entity's suggester score.
    pub score: Option<f32>,
}

impl Item {
    /// The fields that decide whether two versions agree.
    fn key(&self) -> (usize, usize, &str, &str) {
        (self.start, self.end, &self.value, self.status)
    }
}

/// What was picked for a difference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// The items of this version (index into [`Review::versions`]).
    Version(usize),
    /// Every version's entities together (entities only).
    All,
}

/// A cluster of overlapping items on which the versions disagree.
#[derive(Debug, Clone)]
pub struct Difference {
    /// Edits or entities.
    pub kind: Kind,
    /// Raw start byte of the cluster.
    pub start: usize,
    /// Raw end byte (exclusive) of the cluster.
    pub end: usize,
    /// Each version's items in the cluster, in version order.
    pub sides: Vec<Vec<Item>>,
    /// The pick, once made.
    pub pick: Option<Pick>,
}

/// A review of one document: the comparable versions, what they agree on, and the differences.
#[derive(Debug, Clone)]
pub struct Review {
    /// Document id.
    pub id: String,
    /// Versions on the same raw text, first one is the base for metadata.
    pub versions: Vec<Version>,
    /// Files left out, each with the reason (a different raw text, or a file that does not load).
    pub excluded: Vec<(PathBuf, String)>,
    /// Where the versions disagree, in raw order (edits before entities at the same place).
    pub differences: Vec<Difference>,
    agreed_edits: Vec<Item>,
    agreed_entities: Vec<Item>,
}

/// The annotation files of every document that two or more annotators (other than `review`) saved,
/// by file name, from `PROJECT/annotations/<annotator>/<name>.json`.
pub fn documents_with_versions(project: &Path) -> Result<BTreeMap<String, Vec<PathBuf>>> {
    let root = project.join(ANNOTATIONS_DIR);
    let mut found: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    let dirs = std::fs::read_dir(&root).map_err(|e| Error::io(&root, &e))?;
    for dir in dirs.flatten() {
        if dir.file_name() == REVIEW_ANNOTATOR || !dir.path().is_dir() {
            continue;
        }
        let files = std::fs::read_dir(dir.path()).map_err(|e| Error::io(&dir.path(), &e))?;
        for file in files.flatten() {
            let path = file.path();
            if path.extension().is_some_and(|x| x == "json")
                && let Some(stem) = path.file_stem()
            {
                found.entry(stem.to_string_lossy().into_owned()).or_default().push(path);
            }
        }
    }
    found.retain(|_, paths| paths.len() >= 2);
    for paths in found.values_mut() {
        paths.sort();
    }
    Ok(found)
}

impl Review {
    /// Loads the versions in `paths` and compares them. Files that do not load or whose raw text
    /// differs from the first loadable one are listed in `excluded`; fewer than two comparable
    /// versions is an error naming the files.
    pub fn load(paths: &[PathBuf]) -> Result<Self> {
        let mut versions = Vec::new();
        let mut excluded = Vec::new();
        for path in paths {
            match annotated::load(path) {
                Ok(doc) => versions.push(Version { annotator: annotator_name(&doc, path), path: path.clone(), doc }),
                Err(e) => excluded.push((path.clone(), e.to_string())),
            }
        }
        Self::from_versions(versions, excluded)
    }

    /// Compares already loaded versions (see [`Review::load`]).
    pub fn from_versions(all: Vec<Version>, mut excluded: Vec<(PathBuf, String)>) -> Result<Self> {
        let Some(base) = all.first().map(|v| (v.doc.source.sha256.clone(), v.doc.id.clone())) else {
            return Err(Error::msg("no annotated version could be read".to_string()));
        };
        let mut versions = Vec::new();
        for v in all {
            if v.doc.source.sha256 == base.0 {
                versions.push(v);
            } else {
                let why = format!(
                    "made on a different raw text (SHA-256 {} instead of {}); not merged",
                    short(&v.doc.source.sha256),
                    short(&base.0)
                );
                excluded.push((v.path, why));
            }
        }
        if versions.len() < 2 {
            let names: Vec<String> = versions.iter().map(|v| v.path.display().to_string()).collect();
            return Err(Error::msg(format!(
                "document {}: fewer than two versions on the same raw text to review ({})",
                base.1,
                names.join(", ")
            )));
        }
        let edit_sides: Vec<Vec<Item>> = versions.iter().map(|v| edit_items(&v.doc)).collect();
        let entity_sides: Vec<Vec<Item>> = versions.iter().map(|v| entity_items(&v.doc)).collect();
        let mut review = Self {
            id: base.1,
            versions,
            excluded,
            differences: Vec::new(),
            agreed_edits: Vec::new(),
            agreed_entities: Vec::new(),
        };
        review.compare(Kind::Edit, edit_sides);
        review.compare(Kind::Entity, entity_sides);
        review.differences.sort_by_key(|d| (d.start, d.end, d.kind == Kind::Entity));
        Ok(review)
    }

    /// Splits the items into clusters and files each as agreed or as a difference.
    fn compare(&mut self, kind: Kind, sides: Vec<Vec<Item>>) {
        for cluster in clusters(&sides) {
            let same = cluster
                .windows(2)
                .all(|w| w[0].len() == w[1].len() && w[0].iter().zip(&w[1]).all(|(a, b)| a.key() == b.key()));
            if same {
                let agreed = cluster.into_iter().next().unwrap_or_default();
                match kind {
                    Kind::Edit => self.agreed_edits.extend(agreed),
                    Kind::Entity => self.agreed_entities.extend(agreed),
                }
            } else {
                let items = cluster.iter().flatten();
                let start = items.clone().map(|i| i.start).min().unwrap_or(0);
                let end = items.map(|i| i.end).max().unwrap_or(start);
                self.differences.push(Difference { kind, start, end, sides: cluster, pick: None });
            }
        }
    }

    /// Records a pick for difference `index`. `All` is refused for edits (they could conflict), and
    /// a version index out of range is refused; returns whether the pick was taken.
    pub fn pick(&mut self, index: usize, pick: Pick) -> bool {
        let versions = self.versions.len();
        let Some(d) = self.differences.get_mut(index) else { return false };
        let ok = match pick {
            Pick::Version(v) => v < versions,
            Pick::All => d.kind == Kind::Entity,
        };
        if ok {
            d.pick = Some(pick);
        }
        ok
    }

    /// How many differences have a pick.
    pub fn decided(&self) -> usize {
        self.differences.iter().filter(|d| d.pick.is_some()).count()
    }

    /// The adjudicated document: agreed items plus the picked side of every difference (the first
    /// version's side where nothing was picked yet, and then the status is `in_progress`, else
    /// `done`). Returns the document and any item that could not be placed, described.
    pub fn adjudicate(&self) -> (Document, Vec<String>) {
        let base = &self.versions[0].doc;
        let mut doc = Document::new(self.id.clone(), base.raw());
        doc.source = base.source.clone();
        doc.meta = base.meta.clone();
        doc.labels = base.labels.clone();
        for v in &self.versions[1..] {
            for label in &v.doc.labels {
                if !doc.labels.contains(label) {
                    doc.labels.push(label.clone());
                }
            }
        }
        doc.annotator = REVIEW_ANNOTATOR.into();
        doc.status = if self.decided() == self.differences.len() { DocStatus::Done } else { DocStatus::InProgress };
        doc.created = crate::timestamp::now();
        doc.updated = doc.created.clone();
        let mut problems: Vec<String> = doc
            .add_edits(self.chosen(Kind::Edit, &self.agreed_edits).iter().map(new_edit))
            .into_iter()
            .map(|p| format!("edit not kept: {p}"))
            .collect();
        let mut entities = self.chosen(Kind::Entity, &self.agreed_entities);
        entities.sort_by_key(|i| (i.start, i.end));
        for item in entities {
            let new = place_entity(&doc, &item);
            if let Err(e) = doc.add_entities([new]) {
                problems.push(format!("entity {} not kept: {e}", item.value));
            }
        }
        (doc, problems)
    }

    /// The agreed items of one kind plus each difference's picked side.
    fn chosen(&self, kind: Kind, agreed: &[Item]) -> Vec<Item> {
        let mut items = agreed.to_vec();
        for d in self.differences.iter().filter(|d| d.kind == kind) {
            match d.pick.unwrap_or(Pick::Version(0)) {
                Pick::Version(v) => items.extend(d.sides.get(v).cloned().unwrap_or_default()),
                Pick::All => {
                    for item in d.sides.iter().flatten() {
                        if !items.iter().any(|i| i.start == item.start && i.end == item.end && i.value == item.value) {
                            items.push(item.clone());
                        }
                    }
                }
            }
        }
        items
    }

    /// Saves the adjudicated document as `PROJECT/annotations/review/<id>.json`, atomically; returns
    /// the path and the problems of [`Review::adjudicate`].
    pub fn save(&self, project: &Path) -> Result<(PathBuf, Vec<String>)> {
        let (doc, problems) = self.adjudicate();
        let dir = project.join(ANNOTATIONS_DIR).join(REVIEW_ANNOTATOR);
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, &e))?;
        let path = storage::save_document(&dir, &doc)?;
        Ok((path, problems))
    }
}

impl Difference {
    /// A one-line description of one version's side, for lists and columns.
    pub fn describe(&self, side: usize, raw: &str) -> String {
        let Some(items) = self.sides.get(side) else { return String::new() };
        if items.is_empty() {
            return match self.kind {
                Kind::Edit => "no edit here".into(),
                Kind::Entity => "no entity here".into(),
            };
        }
        let parts: Vec<String> = items
            .iter()
            .map(|i| {
                let text = raw.get(i.start..i.end).unwrap_or_default();
                match self.kind {
                    Kind::Edit if i.value.is_empty() => format!("{}: delete {:?} ({})", i.status, text, i.origin),
                    Kind::Edit => format!("{}: {:?} becomes {:?} ({})", i.status, text, i.value, i.origin),
                    Kind::Entity => format!("{} {:?} ({})", i.value, text, i.status),
                }
            })
            .collect();
        parts.join("; ")
    }
}

/// The annotator recorded in the file, else the name of the folder it sits in.
fn annotator_name(doc: &Document, path: &Path) -> String {
    if !doc.annotator.trim().is_empty() {
        return doc.annotator.clone();
    }
    let folder = path.parent().and_then(Path::file_name);
    folder.map(|f| f.to_string_lossy().into_owned()).unwrap_or_else(|| "?".into())
}

/// The first twelve characters of a hash, for messages.
fn short(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}

/// A document's edits as items.
fn edit_items(doc: &Document) -> Vec<Item> {
    doc.edits()
        .iter()
        .map(|e| Item {
            start: e.start,
            end: e.end,
            value: e.replacement.clone(),
            origin: e.origin.clone(),
            status: e.status.as_str(),
            reason: e.reason.clone(),
            score: None,
        })
        .collect()
}

/// A document's entities as items over the raw text.
fn entity_items(doc: &Document) -> Vec<Item> {
    let mut items: Vec<Item> = doc
        .entities()
        .iter()
        .map(|e| {
            let (start, end) = doc.entity_raw_range(e).unwrap_or_else(|| {
                let s = doc.map().clean_to_raw(e.start, Bias::Right);
                (s, doc.map().clean_to_raw(e.end, Bias::Left).max(s))
            });
            Item {
                start,
                end,
                value: e.label.to_string(),
                origin: e.origin.to_string(),
                status: e.status.as_str(),
                reason: String::new(),
                score: e.score,
            }
        })
        .collect();
    items.sort_by(|a, b| (a.start, a.end, &a.value).cmp(&(b.start, b.end, &b.value)));
    items
}

/// Groups the items of all versions into clusters of overlapping raw ranges (an insertion joins a
/// cluster that starts at its point). Returns, per cluster, each version's items in it.
fn clusters(sides: &[Vec<Item>]) -> Vec<Vec<Vec<Item>>> {
    let mut all: Vec<(usize, &Item)> =
        sides.iter().enumerate().flat_map(|(v, items)| items.iter().map(move |i| (v, i))).collect();
    all.sort_by_key(|(v, i)| (i.start, i.end, *v));
    let mut out: Vec<Vec<Vec<Item>>> = Vec::new();
    let mut range: Option<(usize, usize)> = None;
    for (v, item) in all {
        let joins = range.is_some_and(|(s, e)| item.start < e || item.start == s);
        if !joins {
            out.push(vec![Vec::new(); sides.len()]);
            range = Some((item.start, item.end));
        }
        if let (Some(r), Some(cluster)) = (range.as_mut(), out.last_mut()) {
            r.1 = r.1.max(item.end);
            cluster[v].push(item.clone());
        }
    }
    out
}

/// An edit item back as a new edit.
fn new_edit(item: &Item) -> NewEdit {
    let status = match item.status {
        "accepted" => EditStatus::Accepted,
        "rejected" => EditStatus::Rejected,
        _ => EditStatus::Pending,
    };
    NewEdit {
        start: item.start,
        end: item.end,
        replacement: item.value.clone(),
        origin: item.origin.clone(),
        status,
        reason: item.reason.clone(),
    }
}

/// An entity item placed on the adjudicated cleaned text; one the cleaning cut away is kept as
/// `needs_review` (empty), as the model does when an edit cuts an entity.
fn place_entity(doc: &Document, item: &Item) -> NewEntity {
    let start = doc.map().raw_to_clean_clamped(item.start, Bias::Right);
    let end = doc.map().raw_to_clean_clamped(item.end, Bias::Left);
    let status = match item.status {
        "accepted" => EntityStatus::Accepted,
        "rejected" => EntityStatus::Rejected,
        "needs_review" => EntityStatus::NeedsReview,
        _ => EntityStatus::Pending,
    };
    let (end, status) = if end > start { (end, status) } else { (start, EntityStatus::NeedsReview) };
    NewEntity {
        start,
        end,
        label: item.value.as_str().into(),
        origin: item.origin.as_str().into(),
        status,
        score: item.score,
    }
}

#[cfg(test)]
mod tests;
