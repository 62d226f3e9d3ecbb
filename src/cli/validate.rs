//! `redline validate`: checks annotated JSON files and reports every problem.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::error::Error;
use crate::format::annotated;

/// Arguments of `redline validate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Annotated JSON files to check.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

/// Prints `ok` per valid file and every problem of the others on stderr; exit 2 if any is invalid.
pub fn run(args: &Args) -> Result<ExitCode, Error> {
    let mut bad = 0usize;
    for path in &args.files {
        let problems = match std::fs::read_to_string(path) {
            Ok(text) => annotated::validate(text.trim_start_matches('\u{feff}')).err().unwrap_or_default(),
            Err(e) => vec![Error::io(path, &e)],
        };
        if problems.is_empty() {
            super::print_out(&format!("{}: ok\n", path.display()))?;
        } else {
            bad += 1;
            for p in problems {
                eprintln!("redline: {}", p.in_file(path));
            }
        }
    }
    if bad > 0 {
        eprintln!("redline: {bad} of {} file(s) invalid", args.files.len());
        return Ok(ExitCode::from(super::EXIT_BAD_INPUT));
    }
    Ok(ExitCode::SUCCESS)
}
