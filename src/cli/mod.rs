//! The `redline` command line: the GUI by default, and subcommands that work without a window.

mod agree;
mod batch;
mod bench;
mod clean;
mod eval;
mod export;
mod import;
mod review;
mod status;
mod suggest;
mod table;
mod validate;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

use crate::error::Error;
use crate::input::Encoding;

/// Exit code for bad input (a file a user gave is missing, unreadable or invalid).
pub const EXIT_BAD_INPUT: u8 = 2;

/// Redline turns raw scraped news articles into gold-standard cleaning and NER data.
#[derive(Debug, Parser)]
#[command(name = "redline", version, about, long_about = None)]
pub struct Cli {
    /// Files or folders to open in the workbench (text, folder, JSONL corpus, annotated JSON).
    pub paths: Vec<PathBuf>,
    /// Close the window after the first frame that shows the document and print the start-up time.
    #[arg(long)]
    pub exit_after_first_frame: bool,
    /// What to do instead of opening the workbench.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What `suggest`, `clean` and `batch --help` say about the cleaning rules they run.
const PROJECT_RULES: &str = "Cleaning rules are the project's in the current folder: the built-in rules less \
    `disabled_rules` in ./redline.json, plus the user rules of ./redline-rules.json (or the `rules_file` it names).";

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print annotated JSON v1 with every cleaning suggestion pending (JSONL for several documents).
    #[command(after_long_help = PROJECT_RULES)]
    Suggest(suggest::Args),
    /// Print the cleaned text with every cleaning suggestion accepted.
    #[command(after_long_help = PROJECT_RULES)]
    Clean(clean::Args),
    /// Check annotated JSON files and report every problem.
    Validate(validate::Args),
    /// Run the suggestions over many documents on every core, into a folder, a JSONL file or stdout.
    #[command(after_long_help = PROJECT_RULES)]
    Batch(batch::Args),
    /// Measure the speed targets on this machine and print them as a table.
    Bench(bench::Args),
    /// Write annotated documents as spaCy, doccano, Label Studio, brat, CoNLL or cleaning pairs.
    Export(export::Args),
    /// Read spaCy, doccano, Label Studio, brat, CoNLL or cleaning pairs into annotated JSON files.
    Import(import::Args),
    /// Score predictions (cleaning edits, entities) against gold annotations.
    Eval(eval::Args),
    /// Agreement between annotators: entity F1, Cohen's and Fleiss' kappa, cleaning decisions.
    Agree(agree::Args),
    /// Count a project's documents by status and annotator.
    Status(status::Args),
    /// Compare annotators' versions side by side and save an adjudicated one (annotations/review/).
    Review(review::Args),
}

/// Options shared by commands that read raw text.
#[derive(Debug, Clone, clap::Args)]
pub struct InputArgs {
    /// Input files or folders (text, JSONL corpus, annotated JSON).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Encoding of text files that are not UTF-8: windows-1252 or latin-1 (never guessed).
    #[arg(long, default_value = "utf-8", value_parser = parse_encoding)]
    pub encoding: Encoding,
}

/// Parses an `--encoding` value.
fn parse_encoding(name: &str) -> Result<Encoding, String> {
    Encoding::parse(name).ok_or_else(|| format!("unknown encoding {name:?}; use utf-8, windows-1252 or latin-1"))
}

/// Parses the process arguments and runs; returns the process exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("redline: {err}");
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode, Error> {
    match cli.command {
        None => crate::gui::run(&cli.paths, cli.exit_after_first_frame).map(|()| ExitCode::SUCCESS),
        Some(Command::Suggest(args)) => suggest::run(&args),
        Some(Command::Clean(args)) => clean::run(&args),
        Some(Command::Validate(args)) => validate::run(&args),
        Some(Command::Batch(args)) => batch::run(&args),
        Some(Command::Bench(args)) => bench::run(&args),
        Some(Command::Export(args)) => export::run(&args),
        Some(Command::Import(args)) => import::run(&args),
        Some(Command::Eval(args)) => eval::run(&args),
        Some(Command::Agree(args)) => agree::run(&args),
        Some(Command::Status(args)) => status::run(&args),
        Some(Command::Review(args)) => review::run(&args),
    }
}

/// Writes text to standard output, treating a closed pipe (e.g. `| head`) as success.
pub(crate) fn print_out(text: &str) -> Result<(), Error> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::msg(format!("cannot write output: {e}"))),
        _ => Ok(()),
    }
}

/// Documents that could not be loaded: each is reported on stderr and the others are still
/// processed (one broken line in a corpus must not hide the rest); the exit code says so.
#[derive(Debug, Default)]
pub(crate) struct Skipped(usize);

impl Skipped {
    /// Loads an entry, or reports why not and counts it.
    pub(crate) fn load(&mut self, entry: &crate::input::Entry, encoding: Encoding) -> Option<crate::model::Document> {
        match entry.load(encoding) {
            Ok(doc) => Some(doc),
            Err(err) => {
                eprintln!("redline: {err}");
                self.0 += 1;
                None
            }
        }
    }

    /// Success when nothing was skipped, otherwise the bad-input code (after saying how many).
    pub(crate) fn exit_code(&self) -> ExitCode {
        if self.0 == 0 {
            return ExitCode::SUCCESS;
        }
        eprintln!("redline: {} document(s) skipped", self.0);
        ExitCode::from(EXIT_BAD_INPUT)
    }
}
