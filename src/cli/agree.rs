//! `redline agree`: agreement between annotators on the same documents.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::table::{Table, num};
use crate::error::Error;
use crate::eval::agreement::{self, AgreementReport, Annotator};
use crate::eval::set;
use crate::storage::ANNOTATIONS_DIR;

/// Arguments of `redline agree`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// One folder (or file) of annotated JSON per annotator; or a single project folder, whose
    /// `annotations/<annotator>/` folders are compared.
    #[arg(required = true)]
    pub annotators: Vec<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Prints the agreement report; exit 2 if a file could not be read (it is named and left out).
pub fn run(args: &Args) -> Result<ExitCode, Error> {
    let folders = annotator_folders(&args.annotators)?;
    if folders.len() < 2 {
        return Err(Error::msg(
            "agreement needs at least two annotators (give two folders, or a project with two annotators)",
        ));
    }
    let mut annotators = Vec::new();
    let mut problems = Vec::new();
    for folder in &folders {
        let (docs, bad) = set::load(std::slice::from_ref(folder))?;
        problems.extend(bad);
        let name = folder.file_stem().and_then(|n| n.to_str()).unwrap_or("annotator").to_string();
        annotators.push(Annotator { name, docs });
    }
    for p in &problems {
        eprintln!("redline: {p}");
    }
    let report = agreement::agree(&annotators);
    let text =
        if args.json { serde_json::to_string_pretty(&report).unwrap_or_default() + "\n" } else { render(&report) };
    super::print_out(&text)?;
    if problems.is_empty() { Ok(ExitCode::SUCCESS) } else { Ok(ExitCode::from(super::EXIT_BAD_INPUT)) }
}

/// The annotators' folders: the paths given, or a project's `annotations/*` folders.
fn annotator_folders(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let [single] = paths else { return Ok(paths.to_vec()) };
    let annotations = single.join(ANNOTATIONS_DIR);
    let base: &Path = if annotations.is_dir() { &annotations } else { single };
    if !base.is_dir() {
        return Ok(paths.to_vec());
    }
    let mut out = Vec::new();
    for item in std::fs::read_dir(base).map_err(|e| Error::io(base, &e))? {
        let p = item.map_err(|e| Error::io(base, &e))?.path();
        if p.is_dir() && !p.file_name().and_then(|n| n.to_str()).unwrap_or(".").starts_with('.') {
            out.push(p);
        }
    }
    out.sort();
    Ok(out)
}

/// The human-readable report.
fn render(r: &AgreementReport) -> String {
    let mut t = Table::new(&["Pair", "docs", "entity F1", "token κ", "tokens", "edits", "edit agreement", "edit κ"]);
    for p in &r.pairs {
        t.row(vec![
            format!("{} ~ {}", p.a, p.b),
            p.documents.to_string(),
            num(Some(p.entities.f1)),
            num(p.token_kappa),
            p.tokens.to_string(),
            p.cleaning.edits.to_string(),
            num(Some(p.cleaning.agreement)),
            num(p.cleaning.kappa),
        ]);
    }
    let mut out = t.render();
    if r.annotators.len() > 2 {
        out.push_str(&format!(
            "\nFleiss' κ on tokens, {} annotators, {} documents all have: {}\n",
            r.annotators.len(),
            r.documents_in_all,
            num(r.fleiss_kappa)
        ));
    }
    out
}
