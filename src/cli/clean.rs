//! `redline clean`: the cleaned text with every cleaning suggestion accepted.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use super::{InputArgs, print_out};
use crate::clean::LineStats;
use crate::error::Error;
use crate::input::Collection;
use crate::model::{Command, EditStatus};

/// Arguments of `redline clean`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,
    /// A folder of articles or a JSONL corpus whose recurring lines count as boilerplate
    /// (`corpus-boilerplate`: a line in at least 3 documents and 2 % of them).
    #[arg(long, value_name = "PATH")]
    pub corpus: Option<PathBuf>,
}

/// Prints each document's cleaned text; several documents are separated by a blank line.
pub fn run(args: &Args) -> Result<ExitCode, Error> {
    let collection = Collection::open(&args.input.paths)?;
    let cleaner = match &args.corpus {
        Some(path) => {
            let corpus = Collection::open(std::slice::from_ref(path))?;
            super::suggest::project_cleaner()?
                .with_corpus(Arc::new(LineStats::from_collection(&corpus, args.input.encoding)?))
        }
        None => super::suggest::project_cleaner()?,
    };
    let mut skipped = super::Skipped::default();
    for (i, entry) in collection.entries.iter().enumerate() {
        let Some(mut doc) = skipped.load(entry, args.input.encoding) else { continue };
        doc.add_edits(cleaner.suggest(doc.raw()));
        let pending: Vec<_> = doc.edits().iter().filter(|e| e.status == EditStatus::Pending).map(|e| e.id).collect();
        doc.apply(&Command::SetEditStatus { ids: pending, status: EditStatus::Accepted })?;
        let sep = if i > 0 { "\n" } else { "" };
        print_out(&format!("{sep}{}\n", doc.cleaned()))?;
    }
    Ok(skipped.exit_code())
}
