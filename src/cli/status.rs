//! `redline status`: how far a project has got, by status and annotator.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::process::ExitCode;

use super::table::Table;
use crate::error::Error;
use crate::eval::set;
use crate::model::DocStatus;

/// Files scanned before a progress bar is worth showing.
const PROGRESS_FROM: usize = 500;

/// Arguments of `redline status`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A project folder (or any folder of annotated JSON).
    pub dir: PathBuf,
    /// Print the counts as JSON.
    #[arg(long)]
    pub json: bool,
}

/// The fields of an annotated file that status needs (the rest is not parsed into a document).
#[derive(Debug, Deserialize)]
struct Head {
    #[serde(default)]
    format: String,
    #[serde(default)]
    annotator: String,
    #[serde(default)]
    status: DocStatus,
}

/// Prints counts by annotator and status; files that are not annotated JSON are counted and named.
pub fn run(args: &Args) -> Result<ExitCode, Error> {
    let files = set::annotated_files(std::slice::from_ref(&args.dir))?;
    let mut counts: BTreeMap<String, BTreeMap<&'static str, usize>> = BTreeMap::new();
    let mut unreadable = Vec::new();
    let bar = files.len() >= PROGRESS_FROM && std::io::stderr().is_terminal();
    for (i, file) in files.iter().enumerate() {
        if bar && (i % 100 == 0 || i + 1 == files.len()) {
            progress(i + 1, files.len());
        }
        let head = std::fs::read(file).ok().and_then(|b| serde_json::from_slice::<Head>(&b).ok());
        match head.filter(|h| h.format.starts_with("redline.annotated/")) {
            Some(h) => {
                let who = if h.annotator.is_empty() { "(nobody)".to_string() } else { h.annotator };
                *counts.entry(who).or_default().entry(h.status.as_str()).or_default() += 1;
            }
            None => unreadable.push(file.display().to_string()),
        }
    }
    if bar {
        eprintln!();
    }
    let text = if args.json {
        let value = serde_json::json!({"by_annotator": counts, "unreadable": unreadable});
        serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
    } else {
        render(&counts, &unreadable)
    };
    super::print_out(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// Redraws a one-line progress bar on stderr.
fn progress(done: usize, total: usize) {
    let width = 30;
    let filled = done * width / total.max(1);
    eprint!("\rscanning [{}{}] {done}/{total}", "#".repeat(filled), " ".repeat(width - filled));
}

/// The counts as a table with a total row and column.
fn render(counts: &BTreeMap<String, BTreeMap<&'static str, usize>>, unreadable: &[String]) -> String {
    let mut header = vec!["Annotator"];
    header.extend(DocStatus::ALL.iter().map(|s| s.as_str()));
    header.push("total");
    let mut t = Table::new(&header);
    let mut totals = [0usize; 4];
    for (who, by) in counts {
        let mut row = vec![who.clone()];
        for (i, s) in DocStatus::ALL.iter().enumerate() {
            let n = by.get(s.as_str()).copied().unwrap_or(0);
            totals[i] += n;
            row.push(n.to_string());
        }
        row.push(by.values().sum::<usize>().to_string());
        t.row(row);
    }
    let mut row = vec!["all".to_string()];
    row.extend(totals.iter().map(usize::to_string));
    row.push(totals.iter().sum::<usize>().to_string());
    t.row(row);
    let mut out = t.render();
    if !unreadable.is_empty() {
        out.push_str(&format!("\n{} file(s) are not Redline annotated JSON:\n", unreadable.len()));
        for f in unreadable {
            out.push_str(&format!("  {f}\n"));
        }
    }
    out
}
