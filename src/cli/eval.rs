//! `redline eval`: cleaning and entity scores of predictions against gold annotations.

use std::path::PathBuf;
use std::process::ExitCode;

use super::table::{Table, num};
use crate::error::Error;
use crate::eval::prf::Scores;
use crate::eval::{self, Report, entities::SchemeReport, set};

/// Arguments of `redline eval`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Gold annotated JSON: a file or a folder (searched recursively).
    pub gold: PathBuf,
    /// Predicted annotated JSON (e.g. `redline suggest` output): a file or a folder.
    pub pred: PathBuf,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Prints the report; exit 2 if a file could not be read (it is named and left out).
pub fn run(args: &Args) -> Result<ExitCode, Error> {
    let (gold, mut problems) = set::load(std::slice::from_ref(&args.gold))?;
    let (pred, more) = set::load(std::slice::from_ref(&args.pred))?;
    problems.extend(more);
    for p in &problems {
        eprintln!("redline: {p}");
    }
    let report = eval::evaluate(&gold, &pred);
    let text =
        if args.json { serde_json::to_string_pretty(&report).unwrap_or_default() + "\n" } else { render(&report) };
    super::print_out(&text)?;
    if problems.is_empty() { Ok(ExitCode::SUCCESS) } else { Ok(ExitCode::from(super::EXIT_BAD_INPUT)) }
}

/// The human-readable report.
fn render(r: &Report) -> String {
    let d = &r.documents;
    let mut out = format!(
        "Documents: {} matched, {} missing in prediction, {} missing in gold\n",
        d.matched,
        d.missing_in_pred.len(),
        d.missing_in_gold.len()
    );
    for (what, ids) in [("missing in prediction", &d.missing_in_pred), ("missing in gold", &d.missing_in_gold)] {
        if !ids.is_empty() {
            out.push_str(&format!("  {what}: {}\n", ids.join(", ")));
        }
    }
    let mut t = Table::new(&["Cleaning (mean over documents)", "precision", "recall", "f1"]);
    for (name, s) in [("characters", &r.cleaning.char), ("4-word shingles", &r.cleaning.shingle)] {
        t.row(vec![name.into(), num(Some(s.precision)), num(Some(s.recall)), num(Some(s.f1))]);
    }
    out.push('\n');
    out.push_str(&t.render());
    let mut t = Table::new(&["Rule", "kept", "reverted", "precision"]);
    for (rule, s) in &r.cleaning.rules {
        t.row(vec![rule.clone(), s.kept.to_string(), s.reverted.to_string(), num(Some(s.precision))]);
    }
    out.push('\n');
    out.push_str(&t.render());
    for (name, scheme) in [("exact", &r.entities.exact), ("partial overlap", &r.entities.partial)] {
        out.push('\n');
        out.push_str(&scheme_table(name, scheme));
    }
    out.push_str(&format!(
        "({} gold and {} predicted entities compared; {} without a raw range left out)\n",
        r.entities.gold, r.entities.predicted, r.entities.unmapped
    ));
    out.push('\n');
    out.push_str(&confusion_table(r));
    out
}

/// One entity matching scheme as a table.
fn scheme_table(name: &str, s: &SchemeReport) -> String {
    let title = format!("Entities, {name}");
    let mut t = Table::new(&[title.as_str(), "precision", "recall", "f1", "support"]);
    let row = |label: &str, s: &Scores, support: String| {
        vec![label.to_string(), num(Some(s.precision)), num(Some(s.recall)), num(Some(s.f1)), support]
    };
    for (label, l) in &s.per_label {
        t.row(row(label, &Scores { precision: l.precision, recall: l.recall, f1: l.f1 }, l.support.to_string()));
    }
    let support: usize = s.per_label.values().map(|l| l.support).sum();
    t.row(row("micro", &s.micro, support.to_string()));
    t.row(row("macro", &s.macro_, String::new()));
    t.render()
}

/// The label confusion table: gold labels down, predicted labels across.
fn confusion_table(r: &Report) -> String {
    let c = &r.entities.confusion;
    let mut predicted: Vec<&String> = c.values().flat_map(|m| m.keys()).collect();
    predicted.sort();
    predicted.dedup();
    let mut header = vec!["Gold \\ predicted (same boundaries)"];
    header.extend(predicted.iter().map(|s| s.as_str()));
    let mut t = Table::new(&header);
    for (gold, row) in c {
        let mut cells = vec![gold.clone()];
        cells.extend(predicted.iter().map(|p| row.get(*p).map_or_else(|| "·".into(), usize::to_string)));
        t.row(cells);
    }
    t.render()
}
