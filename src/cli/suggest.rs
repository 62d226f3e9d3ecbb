//! `redline suggest`: annotated JSON with every cleaning suggestion pending and, with `--entities`,
//! entity suggestions on the cleaned text.

use std::path::Path;
use std::process::ExitCode;

use super::{InputArgs, print_out};
use crate::clean::Cleaner;
use crate::error::Error;
use crate::format::annotated;
use crate::input::Collection;
use crate::model::{Command, Document, EditStatus};
use crate::project::ProjectConfig;
use crate::suggest::Suggester;

/// Arguments of `redline suggest`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,
    /// Also suggest entities (patterns from ./redline.json's patterns_file, gazetteers, news heuristics,
    /// and propagation of entities already accepted in the input).
    #[arg(long)]
    pub entities: bool,
    /// Accept every pending cleaning suggestion first, so entities are suggested on the cleaned text.
    #[arg(long)]
    pub accept_cleaning: bool,
}

/// Prints one pretty JSON document, or one JSON line per document when there are several.
pub fn run(args: &Args) -> Result<ExitCode, Error> {
    let collection = Collection::open(&args.input.paths)?;
    let (cleaner, suggester) = project_tools(args.entities)?;
    let mut skipped = super::Skipped::default();
    let single = collection.entries.len() == 1;
    for entry in &collection.entries {
        let Some(mut doc) = skipped.load(entry, args.input.encoding) else { continue };
        if doc.edits().is_empty() {
            doc.add_edits(cleaner.suggest(doc.raw()));
        }
        if args.accept_cleaning {
            accept_cleaning(&mut doc).map_err(|e| Error::from(e).in_doc(&doc.id))?;
        }
        if let Some(suggester) = &suggester {
            suggester.add_to(&mut doc)?;
        }
        let text = if single { annotated::to_json(&doc) } else { annotated::to_json_line(&doc) };
        print_out(&(text + "\n"))?;
    }
    Ok(skipped.exit_code())
}

/// The cleaning rules of the project in the current folder, as the workbench runs them there (the
/// built-in rules less its `disabled_rules`, plus its user rules file: `redline-rules.json` or the
/// `rules_file` it names), and with `entities` its entity suggester (its labels and patterns file);
/// the built-in ones when there is no project. The project file is read once for both.
pub(super) fn project_tools(entities: bool) -> Result<(Cleaner, Option<Suggester>), Error> {
    let folder = Path::new(".");
    let config = ProjectConfig::load(folder)?;
    let cleaner = Cleaner::for_project(&config, folder)?;
    let suggester = if entities { Some(Suggester::for_project(&config, folder)?) } else { None };
    Ok((cleaner, suggester))
}

/// The cleaning rules of the project in the current folder ([`project_tools`] without entities).
pub(super) fn project_cleaner() -> Result<Cleaner, Error> {
    project_tools(false).map(|(cleaner, _)| cleaner)
}

/// Accepts every pending cleaning edit.
fn accept_cleaning(doc: &mut Document) -> Result<(), crate::model::ModelError> {
    let ids = doc.edits().iter().filter(|e| e.status == EditStatus::Pending).map(|e| e.id).collect::<Vec<_>>();
    if !ids.is_empty() {
        doc.apply(&Command::SetEditStatus { ids, status: EditStatus::Accepted })?;
    }
    Ok(())
}
