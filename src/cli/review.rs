//! `redline review PROJECT`: the review desk over every document two or more annotators saved.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::error::Error;

/// Arguments of `redline review`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The project folder whose `annotations/<annotator>/` files are compared.
    pub project: PathBuf,
}

/// Opens the review window; a folder without `annotations/` is refused (exit 2).
pub fn run(args: &Args) -> Result<ExitCode, Error> {
    crate::gui::run_review(&args.project).map(|()| ExitCode::SUCCESS)
}
