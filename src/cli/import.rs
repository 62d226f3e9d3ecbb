//! `redline import`: another tool's annotations as one annotated JSON per document.

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::error::Error;
use crate::interop::units::OffsetUnit;
use crate::interop::{self, Format, ImportOptions};
use crate::project::ProjectConfig;
use crate::storage::{document_path, save_document};

/// Arguments of `redline import`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The format to read.
    #[arg(long, value_enum)]
    pub format: Format,
    /// Files in that format (a folder of .txt/.ann pairs for brat).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The folder to write one annotated JSON per document into.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Import the entities as pending suggestions to review, not as accepted annotations.
    #[arg(long)]
    pub as_suggestions: bool,
    /// Allowed labels, comma-separated (default: the labels of the output folder's redline.json).
    #[arg(long, value_delimiter = ',')]
    pub labels: Vec<String>,
    /// Annotator recorded in the files (default: the project's annotator or the login name).
    #[arg(long)]
    pub annotator: Option<String>,
    /// The offset unit of doccano files, when it is not declared in them (default: detect).
    #[arg(long, value_enum)]
    pub offset_unit: Option<OffsetUnit>,
}

/// Imports every record; good ones are saved, each broken one is reported and writes nothing (exit 2).
pub fn run(args: &Args) -> Result<ExitCode, Error> {
    let config = ProjectConfig::load(&args.output)?;
    let options = ImportOptions {
        labels: if args.labels.is_empty() { config.label_names() } else { args.labels.clone() },
        as_suggestions: args.as_suggestions,
        annotator: args.annotator.clone().unwrap_or(config.annotator),
        offset_unit: args.offset_unit,
    };
    let imported = interop::import(args.format, &args.inputs, &options);
    for w in &imported.warnings {
        eprintln!("redline: warning: {w}");
    }
    let mut problems = imported.problems.len();
    for e in &imported.problems {
        eprintln!("redline: {e}");
    }
    let mut seen = HashSet::new();
    let mut written = 0usize;
    for doc in &imported.docs {
        let path = document_path(&args.output, &doc.id);
        if !seen.insert(path.clone()) {
            problems += 1;
            eprintln!("redline: document {}: a second document has the same id; it is not written", doc.id);
            continue;
        }
        save_document(&args.output, doc)?;
        written += 1;
    }
    eprintln!("redline: imported {written} document(s) into {}", args.output.display());
    if problems > 0 {
        eprintln!("redline: {problems} record(s) refused");
        return Ok(ExitCode::from(super::EXIT_BAD_INPUT));
    }
    Ok(ExitCode::SUCCESS)
}
