//! `redline suggest`: annotated JSON with every cleaning suggestion pending.

use std::process::ExitCode;

use super::{InputArgs, print_out};
use crate::clean::Cleaner;
use crate::error::Error;
use crate::format::annotated;
use crate::input::Collection;

/// Arguments of `redline suggest`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,
}

/// Prints one pretty JSON document, or one JSON line per document when there are several.
pub fn run(args: &Args) -> Result<ExitCode, Error> {
    let collection = Collection::open(&args.input.paths)?;
    let cleaner = Cleaner::builtin();
    let single = collection.entries.len() == 1;
    for entry in &collection.entries {
        let mut doc = entry.load(args.input.encoding)?;
        if doc.edits().is_empty() {
            doc.add_edits(cleaner.suggest(doc.raw()));
        }
        let text = if single { annotated::to_json(&doc) } else { annotated::to_json_line(&doc) };
        print_out(&(text + "\n"))?;
    }
    Ok(ExitCode::SUCCESS)
}
