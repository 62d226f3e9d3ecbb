//! `redline clean`: the cleaned text with every cleaning suggestion accepted.

use std::process::ExitCode;

use super::{InputArgs, print_out};
use crate::clean::Cleaner;
use crate::error::Error;
use crate::input::Collection;
use crate::model::{Command, EditStatus};

/// Arguments of `redline clean`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,
}

/// Prints each document's cleaned text; several documents are separated by a blank line.
pub fn run(args: &Args) -> Result<ExitCode, Error> {
    let collection = Collection::open(&args.input.paths)?;
    let cleaner = Cleaner::builtin();
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
