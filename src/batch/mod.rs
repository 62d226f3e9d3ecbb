//! Batch processing: the suggestion pipeline run over many documents on every core, from a
//! collection or a JSONL stream on stdin, to a folder, a JSONL file or stdout, in input order.

pub mod output;
pub mod pool;
pub mod progress;
pub mod spares;
pub mod stream;

pub use output::Output;
pub use progress::Progress;

use crate::clean::Cleaner;
use crate::error::{Error, Result};
use crate::format::annotated;
use crate::input::{Collection, Encoding, Entry};
use crate::model::Document;
use crate::storage;
use crate::suggest::Suggester;
use output::{Claims, LineWriter};
use spares::Spares;
use stream::Line;

/// Items taken ahead of the oldest unfinished one, per worker thread.
const WINDOW_PER_JOB: usize = 32;

/// The suggestions every document gets before a person sees it: cleaning and, with
/// [`Pipeline::with_entities`], entity suggestions on top, as the workbench makes them when it opens a document.
#[derive(Debug, Clone, Default)]
pub struct Pipeline {
    cleaner: Cleaner,
    entities: Option<Suggester>,
}

impl Pipeline {
    /// The built-in cleaning suggestions alone.
    pub fn builtin() -> Self {
        Self::new(Cleaner::builtin())
    }

    /// The cleaning suggestions of `cleaner` alone (a project's: its rules switched off, its user rules).
    pub fn new(cleaner: Cleaner) -> Self {
        Self { cleaner, entities: None }
    }

    /// Also suggests entities with `suggester` once the cleaning suggestions are in.
    #[must_use]
    pub fn with_entities(mut self, suggester: Suggester) -> Self {
        self.entities = Some(suggester);
        self
    }

    /// Adds the suggestions to a document that has no edits yet (entity suggestions only when it has
    /// no entities either); a document that already carries decisions (an annotated file) is left as it is.
    pub fn suggest(&self, doc: &mut Document) -> Result<()> {
        if !doc.edits().is_empty() {
            return Ok(());
        }
        doc.add_edits(self.cleaner.suggest(doc.raw()));
        match &self.entities {
            Some(suggester) if doc.entities().is_empty() => suggester.add_to(doc),
            _ => Ok(()),
        }
    }
}

/// Where a batch reads its documents.
#[derive(Debug)]
pub enum Input {
    /// Files, folders and corpora opened as a collection, text read with this encoding.
    Collection(Collection, Encoding),
    /// JSONL records (`text`, optional `id` and `meta`) on standard input.
    Stdin,
}

/// How a batch runs.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Threads doing the work, the calling one included: nothing else runs beside them.
    pub jobs: usize,
    /// The cleaning rules to suggest with (`redline batch`: the current folder's project's).
    pub cleaner: Cleaner,
    /// Whether to draw a progress bar on stderr.
    pub progress: bool,
    /// Entity suggestions to add after cleaning (`redline batch --entities`), or none.
    pub entities: Option<Suggester>,
}

/// What a finished batch did.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Documents read (failed ones included).
    pub documents: u64,
    /// Documents that could not be read or written.
    pub failed: u64,
    /// Raw text bytes processed.
    pub bytes: u64,
    /// Wall-clock seconds.
    pub seconds: f64,
}

/// One unit of work: a collection entry, or a line of the input stream.
enum Item {
    /// A document of a collection.
    Entry(Entry),
    /// A line read from stdin, or the read error that ended the stream.
    Line(Result<Line>),
}

/// What a worker did with one item.
enum Done {
    /// Saved into the output folder.
    Saved { bytes: u64 },
    /// Serialised as a JSON line to write in order.
    Line { bytes: u64, text: String },
}

/// Why a worker could not finish an item.
enum Failure {
    /// The document could not be read: reported, and the batch goes on.
    Document(Error),
    /// Writing or reading the stream failed: the batch stops.
    Fatal(Error),
}

/// Runs the pipeline over every document of `input` into `output`. Problems with single documents
/// are passed to `report` (in input order, from whichever worker thread emits them) and counted;
/// the batch stops early only when the output cannot be written or stdin cannot be read, and then
/// returns that error.
pub fn run(
    input: Input,
    output: &Output,
    settings: &Settings,
    report: &mut (dyn FnMut(&Error) + Send),
) -> Result<Summary> {
    let mut lines = LineWriter::open(output)?;
    let pipeline = Pipeline::new(settings.cleaner.clone());
    let pipeline = match &settings.entities {
        Some(suggester) => pipeline.with_entities(suggester.clone()),
        None => pipeline,
    };
    let claims = Claims::default();
    let waits_for_input = matches!(input, Input::Stdin);
    let (items, total, encoding): (Box<dyn Iterator<Item = Item> + Send>, _, _) = match input {
        Input::Collection(collection, encoding) => {
            let total = collection.entries.len() as u64;
            (Box::new(collection.entries.into_iter().map(Item::Entry)), Some(total), encoding)
        }
        Input::Stdin => {
            let stdin = std::io::BufReader::with_capacity(1 << 20, std::io::stdin());
            (Box::new(stream::lines(stdin).map(Item::Line)), None, Encoding::Utf8)
        }
    };
    let progress = Progress::new(total, settings.progress);
    let window = settings.jobs.max(1) * WINDOW_PER_JOB;
    let spares = Spares::new(window);
    let mut sink = Emitter { progress, lines: &mut lines, spares: &spares, report, fatal: None, waits_for_input };
    let work = |item| work(item, encoding, &pipeline, output, &claims, &spares);
    pool::ordered_map(items, settings.jobs, window, work, &mut sink);
    sink.progress.draw(true);
    sink.progress.clear();
    let summary = Summary {
        documents: sink.progress.done(),
        failed: sink.progress.failed(),
        bytes: sink.progress.bytes(),
        seconds: sink.progress.elapsed().as_secs_f64(),
    };
    finish(sink.fatal.map_or(Ok(summary), Err), lines)
}

/// Commits the line stream after a successful run, or abandons it after a fatal error.
fn finish(result: Result<Summary>, lines: Option<LineWriter>) -> Result<Summary> {
    match (result, lines) {
        (Ok(summary), Some(lines)) => lines.commit().map(|()| summary),
        (Err(e), Some(lines)) => {
            lines.abandon();
            Err(e)
        }
        (result, None) => result,
    }
}

/// Receives worker results in input order (on the worker that finished the oldest one): writes
/// lines, reports problems, counts progress.
struct Emitter<'a> {
    progress: Progress,
    lines: &'a mut Option<LineWriter>,
    /// Where written lines' buffers go back to the workers.
    spares: &'a Spares,
    report: &'a mut (dyn FnMut(&Error) + Send),
    fatal: Option<Error>,
    /// Whether the input is a stream whose writer may wait for our output before it sends more
    /// (stdin): then output is flushed whenever everything read so far has been written. Files
    /// never wait, and a flush per document would cost a `write(2)` each with one job.
    waits_for_input: bool,
}

impl pool::Sink<std::result::Result<Done, Failure>> for Emitter<'_> {
    fn emit(&mut self, result: std::result::Result<std::result::Result<Done, Failure>, String>) -> bool {
        let result = result.unwrap_or_else(|panic| {
            Err(Failure::Document(Error::msg(format!("internal error (please report it): {panic}"))))
        });
        match result {
            Ok(Done::Saved { bytes }) => self.progress.record(bytes, true),
            Ok(Done::Line { bytes, text }) => {
                let written = match self.lines.as_mut() {
                    Some(lines) => lines.write_line(&text),
                    None => Ok(true),
                };
                self.spares.give(text);
                match written {
                    Ok(true) => self.progress.record(bytes, true),
                    Ok(false) => return false,
                    Err(e) => {
                        self.fatal = Some(e);
                        return false;
                    }
                }
            }
            Err(Failure::Document(e)) => {
                self.progress.clear();
                (self.report)(&e);
                self.progress.record(0, false);
            }
            Err(Failure::Fatal(e)) => {
                self.fatal = Some(e);
                return false;
            }
        }
        true
    }

    fn idle(&mut self) {
        if let Some(lines) = self.lines.as_mut().filter(|_| self.waits_for_input) {
            lines.flush_stream();
        }
        self.progress.draw(false);
    }
}

/// Loads one item, runs the pipeline on it and saves or serialises the result.
fn work(
    item: Item,
    encoding: Encoding,
    pipeline: &Pipeline,
    output: &Output,
    claims: &Claims,
    spares: &Spares,
) -> std::result::Result<Done, Failure> {
    let (mut doc, origin) = match item {
        Item::Entry(entry) => (entry.load(encoding).map_err(Failure::Document)?, entry.name),
        Item::Line(Err(e)) => return Err(Failure::Fatal(e)),
        Item::Line(Ok(line)) => {
            let origin = format!("{} line {}", stream::STDIN, line.number);
            (line.into_document().map_err(Failure::Document)?, origin)
        }
    };
    pipeline.suggest(&mut doc).map_err(Failure::Document)?;
    let bytes = doc.raw().len() as u64;
    match output {
        Output::Dir(dir) => {
            let path = claims.claim(dir, &doc.id, &origin).map_err(Failure::Document)?;
            storage::write_atomic(&path, annotated::to_json(&doc).as_bytes()).map_err(Failure::Fatal)?;
            Ok(Done::Saved { bytes })
        }
        Output::Jsonl(_) | Output::Stdout => {
            Ok(Done::Line { bytes, text: annotated::to_json_line_in(&doc, spares.take()) })
        }
    }
}

/// The default number of worker threads: every core.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
}
