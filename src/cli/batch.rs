//! `redline batch`: the suggestion pipeline over many documents on every core.

use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::batch::{self, Input, Output, Settings};
use crate::error::Error;
use crate::input::{Collection, Encoding};

/// Arguments of `redline batch`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files or folders (text, JSONL corpus, annotated JSON), or `-` alone for JSONL records
    /// (`text`, optional `id` and `meta`) on stdin.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Write one annotated JSON file per document into this folder.
    #[arg(short, long, value_name = "DIR", conflicts_with = "jsonl")]
    pub out: Option<PathBuf>,
    /// Write one JSONL file (a line of annotated JSON per document, in input order).
    #[arg(long, value_name = "FILE")]
    pub jsonl: Option<PathBuf>,
    /// Worker threads (default: every core).
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Encoding of text files that are not UTF-8: windows-1252 or latin-1 (never guessed).
    #[arg(long, default_value = "utf-8", value_parser = super::parse_encoding)]
    pub encoding: Encoding,
    /// Also suggest entities, as `redline suggest --entities` does (patterns from ./redline.json's
    /// patterns_file, gazetteers, news heuristics, propagation of accepted entities).
    #[arg(long)]
    pub entities: bool,
}

/// Runs the batch. Without `-o` or `--jsonl` the annotated JSON lines go to stdout, in input order.
/// Documents that fail are reported on stderr with their file and line and the rest go on; the
/// exit code is then 2.
pub fn run(args: &Args) -> Result<ExitCode, Error> {
    let input = if args.paths.iter().any(|p| p.as_os_str() == "-") {
        if args.paths.len() > 1 {
            return Err(Error::msg("`-` (JSONL on stdin) cannot be combined with other inputs"));
        }
        Input::Stdin
    } else {
        Input::Collection(Collection::open(&args.paths)?, args.encoding)
    };
    let output = match (&args.out, &args.jsonl) {
        (Some(dir), _) => Output::Dir(dir.clone()),
        (None, Some(file)) => Output::Jsonl(file.clone()),
        (None, None) => Output::Stdout,
    };
    let (cleaner, entities) = super::suggest::project_tools(args.entities)?;
    let settings = Settings {
        jobs: args.jobs.map_or_else(batch::default_jobs, usize::from),
        progress: std::io::stderr().is_terminal(),
        cleaner,
        entities,
    };
    let summary = batch::run(input, &output, &settings, &mut |e| eprintln!("redline: {e}"))?;
    if settings.progress {
        eprintln!(
            "redline: {} document(s), {:.1} MB in {:.1} s ({:.1} MB/s)",
            summary.documents,
            summary.bytes as f64 / 1e6,
            summary.seconds,
            summary.bytes as f64 / 1e6 / summary.seconds.max(1e-9)
        );
    }
    if summary.failed > 0 {
        eprintln!("redline: {} of {} document(s) failed", summary.failed, summary.documents);
        return Ok(ExitCode::from(super::EXIT_BAD_INPUT));
    }
    Ok(ExitCode::SUCCESS)
}
