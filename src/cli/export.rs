//! `redline export`: annotated documents in another tool's format.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::error::Error;
use crate::input::{Collection, Encoding};
use crate::interop::{self, Format};

/// Arguments of `redline export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The format to write.
    #[arg(long, value_enum)]
    pub format: Format,
    /// Annotated JSON files or folders of them.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The output file (a folder for brat).
    #[arg(short, long)]
    pub output: PathBuf,
    /// Include documents that are not `done`.
    #[arg(long)]
    pub all: bool,
}

/// Loads the documents, exports them and writes the output atomically; exit 2 if any input was broken.
pub fn run(args: &Args) -> Result<ExitCode, Error> {
    let collection = Collection::open(&args.inputs)?;
    let mut docs = Vec::new();
    let mut broken = 0usize;
    for entry in &collection.entries {
        match entry.load(Encoding::Utf8) {
            Ok(doc) => docs.push(doc),
            Err(e) => {
                broken += 1;
                eprintln!("redline: {e}");
            }
        }
    }
    let export = interop::export(args.format, &docs, args.all);
    for w in &export.warnings {
        eprintln!("redline: warning: {w}");
    }
    export.written.write(&args.output)?;
    let left_out = if export.not_done > 0 {
        format!(" ({} not done left out; --all includes them)", export.not_done)
    } else {
        String::new()
    };
    eprintln!(
        "redline: exported {} document(s) as {} to {}{left_out}",
        export.exported,
        args.format.name(),
        args.output.display()
    );
    if broken > 0 {
        eprintln!("redline: {broken} input(s) could not be read");
        return Ok(ExitCode::from(super::EXIT_BAD_INPUT));
    }
    Ok(ExitCode::SUCCESS)
}
