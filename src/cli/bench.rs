//! `redline bench`: measures the speed targets on this machine and prints them as a table.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::bench::{self, Figure};
use crate::error::{Error, Result};

/// The benchmark suites, in the order they run (opening first, so its memory figure is clean).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
pub enum Suite {
    /// Open a big JSONL corpus and show its first document; resident memory.
    Open,
    /// List a folder of many `.txt` files.
    Folder,
    /// Cleaning + suggesting throughput on one thread.
    Pipeline,
    /// `redline batch` on 1 thread and on every core.
    Scaling,
    /// Saving annotated JSON.
    Save,
    /// Accept-all, undo and a hand edit on a 1 MB document.
    Model,
    /// Workbench frames (headless egui run + tessellation) on a 1 MB document.
    Frames,
}

/// Arguments of `redline bench`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Suites to run (default: all).
    #[arg(value_enum)]
    pub suites: Vec<Suite>,
    /// Small sizes for a quick check (10 MB pipeline, 50 MB corpus, 5,000 files).
    #[arg(long)]
    pub quick: bool,
    /// Use this JSONL corpus instead of generating one: `open` opens it as it is; `pipeline` times
    /// its texts (the `--field` of each line), repeated up to the suite's size.
    #[arg(long, value_name = "FILE")]
    pub corpus: Option<PathBuf>,
    /// The JSON field holding each line's text, for `pipeline --corpus`.
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub field: String,
    /// Folder for generated corpora and outputs, reused between runs (default: the temp folder).
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Threads for the scaling suite (default: every core).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
}

/// Runs the chosen suites and prints the table; exit code 0 even when a target is missed.
pub fn run(args: &Args) -> Result<ExitCode> {
    let mut suites = args.suites.clone();
    if suites.is_empty() {
        suites =
            vec![Suite::Open, Suite::Folder, Suite::Pipeline, Suite::Scaling, Suite::Save, Suite::Model, Suite::Frames];
    }
    suites.sort();
    suites.dedup();
    let dir = args.dir.clone().unwrap_or_else(|| std::env::temp_dir().join("redline-bench"));
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, &e))?;
    let (pipeline_mb, corpus_mb, files, scaling_mb) =
        if args.quick { (10, 50, 5_000, 10) } else { (100, 1_000, 100_000, 100) };
    let mut figures: Vec<Figure> = Vec::new();
    for suite in suites {
        eprintln!("redline bench: {suite:?}…");
        figures.extend(match suite {
            Suite::Open => {
                let corpus = match &args.corpus {
                    Some(path) => path.clone(),
                    None => generated_corpus(&dir, corpus_mb)?,
                };
                bench::open::corpus(&corpus)?
            }
            Suite::Folder => bench::open::folder(&dir.join(format!("folder-{files}")), files)?,
            Suite::Pipeline => match &args.corpus {
                Some(corpus) => bench::throughput::single_thread_on(corpus, &args.field, pipeline_mb)?,
                None => bench::throughput::single_thread(pipeline_mb)?,
            },
            Suite::Scaling => {
                let jobs = args.jobs.unwrap_or_else(crate::batch::default_jobs);
                bench::throughput::scaling(&dir, scaling_mb, jobs)?
            }
            Suite::Save => bench::save::saves(&dir.join("saves"))?,
            Suite::Model => bench::model::commands(),
            Suite::Frames => frames(&dir)?,
        });
    }
    super::print_out(&bench::table(&figures))?;
    Ok(ExitCode::SUCCESS)
}

/// A synthetic corpus of `mb` MB of article text in `dir`, generated on first use.
fn generated_corpus(dir: &std::path::Path, mb: usize) -> Result<PathBuf> {
    let path = dir.join(format!("corpus-{mb}mb.jsonl"));
    if !path.exists() {
        eprintln!("redline bench: writing {} …", path.display());
        let partial = dir.join(format!(".corpus-{mb}mb.jsonl.partial"));
        bench::throughput::write_corpus(&partial, mb * 1_000_000, bench::throughput::ARTICLE_BYTES)?;
        std::fs::rename(&partial, &path).map_err(|e| Error::io(&path, &e))?;
    }
    Ok(path)
}

/// Frame times of the workbench on the 1 MB document with 10,000 entities and 5,000 suggestions.
fn frames(dir: &std::path::Path) -> Result<Vec<Figure>> {
    let doc = bench::model::big_document(1_000_000, 10_000, 5_000);
    let path = crate::storage::save_document(&dir.join("frames"), &doc)?;
    let times = crate::gui::bench::measure(&path, FRAMES)?;
    let mut figures = Vec::new();
    for (what, mut list) in [("scrolling", times.scrolling), ("after a keystroke", times.typing)] {
        list.sort();
        let (median, worst) = (list[list.len() / 2], list[list.len() - 1]);
        let name = format!("frame {what}, 1 MB document (10,000 entities, 5,000 suggestions)");
        figures.push(Figure::new(format!("{name}, median"), bench::ms(median), "ms", Some(bench::Target::AtMost(4.0))));
        figures.push(Figure::new(
            format!("{name}, worst of {FRAMES}"),
            bench::ms(worst),
            "ms",
            Some(bench::Target::AtMost(16.0)),
        ));
    }
    Ok(figures)
}

/// Frames measured per kind.
const FRAMES: usize = 100;
