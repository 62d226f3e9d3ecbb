//! Throughput of the suggestion pipeline on one thread, and how `redline batch` scales with threads.

use std::path::Path;
use std::time::Instant;

use super::{Figure, Target, synth};
use crate::batch::{self, Input, Output, Pipeline, Settings};
use crate::clean::Cleaner;
use crate::error::{Error, Result};
use crate::format::annotated;
use crate::input::{Collection, Encoding};
use crate::model::Document;
use crate::suggest::Suggester;

/// Typical article size in the synthetic corpora, bytes.
pub const ARTICLE_BYTES: usize = 5_000;

/// Single-threaded throughput over `mb` MB of synthetic articles: the whole suggestion pipeline
/// (cleaning, then entity suggestions, as the workbench prepares a document it opens), each of its
/// two parts alone, and the whole per-document step of `redline batch` (document, cleaning, JSON line).
pub fn single_thread(mb: usize) -> Result<Vec<Figure>> {
    pipeline_figures(&synth::articles(11, ARTICLE_BYTES, mb * 1_000_000), "")
}

/// The same figures as [`single_thread`] on the texts of a JSONL corpus (the string field `field`
/// of each line), repeated until they hold at least `mb` MB, so a small real corpus is timed long
/// enough to be steady. This is how Redline is measured against other cleaners on their corpus.
pub fn single_thread_on(corpus: &Path, field: &str, mb: usize) -> Result<Vec<Figure>> {
    let texts = corpus_texts(corpus, field)?;
    let one: usize = texts.iter().map(String::len).sum();
    let copies = (mb * 1_000_000).div_ceil(one.max(1)).max(1);
    let name = corpus.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let repeated: Vec<String> = (0..copies).flat_map(|_| texts.iter().cloned()).collect();
    pipeline_figures(&repeated, &format!(" on {name}'s {field} ({} texts × {copies})", texts.len()))
}

/// The non-empty string values of `field` in each line of a JSONL file (lines without it are skipped).
fn corpus_texts(corpus: &Path, field: &str) -> Result<Vec<String>> {
    let data = std::fs::read_to_string(corpus).map_err(|e| Error::io(corpus, &e))?;
    let mut texts = Vec::new();
    for (i, line) in data.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let value: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| Error::file(corpus, format!("not a JSON object: {e}")).at_line(i as u64 + 1))?;
        if let Some(text) = value.get(field).and_then(serde_json::Value::as_str).filter(|t| !t.is_empty()) {
            texts.push(text.to_owned());
        }
    }
    if texts.is_empty() {
        return Err(Error::file(corpus, format!("no line has a non-empty string field {field:?}")));
    }
    Ok(texts)
}

/// The pipeline figures over `texts`; `source` (empty for the synthetic articles) goes into the first row's name.
fn pipeline_figures(texts: &[String], source: &str) -> Result<Vec<Figure>> {
    let mb = texts.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let articles = texts.len();
    let cleaning = Pipeline::builtin();
    let whole = Pipeline::builtin().with_entities(Suggester::builtin());
    let setup_ms = warm_up(&whole, texts)?;
    let (whole_seconds, Counts { edits, entities }) = run_pipeline(&whole, texts)?;
    let (cleaning_seconds, _) = run_pipeline(&cleaning, texts)?;
    let entity_seconds = entities_alone(&cleaning, &Suggester::builtin(), texts)?;
    let start = Instant::now();
    let mut out = 0usize;
    for text in texts {
        let mut doc = Document::new("bench", text.as_str());
        cleaning.suggest(&mut doc)?;
        out += annotated::to_json_line(&doc).len();
    }
    let batch_seconds = start.elapsed().as_secs_f64();
    let rate = |seconds: f64| mb / seconds;
    Ok(vec![
        Figure::new(
            format!(
                "suggestion pipeline (cleaning + entities), 1 thread ({mb:.0} MB{source}, {articles} articles, \
                 {edits} edits, {entities} entities)"
            ),
            rate(whole_seconds),
            "MB/s",
            Some(Target::AtLeast(100.0)),
        ),
        Figure::new(
            "suggestion pipeline: one-time set-up (rule expressions compiled at first use), 1 thread",
            setup_ms,
            "ms",
            None,
        ),
        Figure::new("suggestion pipeline: cleaning only, 1 thread", rate(cleaning_seconds), "MB/s", None),
        Figure::new("suggestion pipeline: entity suggestions only, 1 thread", rate(entity_seconds), "MB/s", None),
        Figure::new(
            format!("per-document batch step, 1 thread (document + cleaning + JSON, {:.0} MB out)", out as f64 / 1e6),
            rate(batch_seconds),
            "MB/s",
            None,
        ),
    ])
}

/// Text run through the pipeline before any figure is timed: enough articles to reach nearly every
/// rule, whose expressions compile at first use.
const WARM_UP_BYTES: usize = 2_000_000;

/// Runs `pipeline` over the first [`WARM_UP_BYTES`] of `texts` twice, so no figure carries the
/// one-time compilation of the rule expressions (spread over many articles, since each rule compiles
/// when a line first reaches it), and returns that one-time cost in milliseconds: the first run's
/// time less the second's.
fn warm_up(pipeline: &Pipeline, texts: &[String]) -> Result<f64> {
    let count = warm_up_count(texts);
    let (cold, _) = run_pipeline(pipeline, &texts[..count])?;
    let (warm, _) = run_pipeline(pipeline, &texts[..count])?;
    Ok(((cold - warm) * 1e3).max(0.0))
}

/// How many of the first `texts` the warm-up runs: those that start before [`WARM_UP_BYTES`].
fn warm_up_count(texts: &[String]) -> usize {
    let mut before = 0;
    texts
        .iter()
        .take_while(|t| {
            let starts_in = before < WARM_UP_BYTES;
            before += t.len();
            starts_in
        })
        .count()
}

/// What a pipeline run proposed, summed over its documents.
struct Counts {
    /// Cleaning edits proposed.
    edits: usize,
    /// Entities suggested.
    entities: usize,
}

/// Runs `pipeline` over a fresh document per text (documents made before the clock starts), one
/// document after the other and each dropped once done, as `redline batch` streams them: seconds
/// taken and what was proposed.
fn run_pipeline(pipeline: &Pipeline, texts: &[String]) -> Result<(f64, Counts)> {
    let docs: Vec<Document> = texts.iter().map(|t| Document::new("bench", t.as_str())).collect();
    let mut counts = Counts { edits: 0, entities: 0 };
    let start = Instant::now();
    for mut doc in docs {
        pipeline.suggest(&mut doc)?;
        counts.edits += doc.edits().len();
        counts.entities += doc.entities().len();
    }
    Ok((start.elapsed().as_secs_f64(), counts))
}

/// Seconds `suggester` takes over each text once `cleaning` has proposed its edits (the cleaning
/// itself is not timed).
fn entities_alone(cleaning: &Pipeline, suggester: &Suggester, texts: &[String]) -> Result<f64> {
    let mut seconds = 0.0;
    for text in texts {
        let mut doc = Document::new("bench", text.as_str());
        cleaning.suggest(&mut doc)?;
        let start = Instant::now();
        std::hint::black_box(suggester.suggest_document(&doc));
        seconds += start.elapsed().as_secs_f64();
    }
    Ok(seconds)
}

/// Alternating runs of each thread count in [`scaling`]: one run of a 100 MB corpus lasts about a
/// second, and on a shared machine one slow second decides a single pair.
const SCALING_ROUNDS: usize = 5;

/// `redline batch` over a synthetic JSONL corpus of `mb` MB in `dir`, with 1 thread and with
/// `jobs`, [`SCALING_ROUNDS`] times alternately: the median throughput of each and the speed-up
/// of the medians.
pub fn scaling(dir: &Path, mb: usize, jobs: usize) -> Result<Vec<Figure>> {
    let corpus = dir.join("scaling.jsonl");
    write_corpus(&corpus, mb * 1_000_000, ARTICLE_BYTES)?;
    // A few articles first, so the first run does not carry the one-time compilation of the rule
    // expressions alone (it would flatter the speed-up).
    let warm_up = Pipeline::builtin();
    for text in synth::articles(5, ARTICLE_BYTES, 40 * ARTICLE_BYTES) {
        warm_up.suggest(&mut Document::new("warm-up", text))?;
    }
    let (mut one, mut many) = (Vec::new(), Vec::new());
    for _ in 0..SCALING_ROUNDS {
        one.push(batch_rate(dir, &corpus, 1)?);
        many.push(batch_rate(dir, &corpus, jobs)?);
    }
    let (one, many) = (median(&mut one), median(&mut many));
    let runs = format!("median of {SCALING_ROUNDS} alternating runs");
    Ok(vec![
        Figure::new(format!("redline batch, 1 thread ({mb} MB JSONL → JSONL, {runs})"), one, "MB/s", None),
        Figure::new(format!("redline batch, {jobs} threads"), many, "MB/s", None),
        Figure::new(format!("batch speed-up, {jobs} threads"), many / one, "x", Some(Target::AtLeast(1.8))),
    ])
}

/// MB/s of one `redline batch` run over `corpus` with `threads`, its output in `dir`.
fn batch_rate(dir: &Path, corpus: &Path, threads: usize) -> Result<f64> {
    let collection = Collection::open(&[corpus.to_path_buf()])?;
    let settings = Settings { jobs: threads, progress: false, cleaner: Cleaner::builtin(), entities: None };
    let output = Output::Jsonl(dir.join(format!("out-{threads}.jsonl")));
    let summary = batch::run(Input::Collection(collection, Encoding::Utf8), &output, &settings, &mut |_| {})?;
    Ok(summary.bytes as f64 / 1e6 / summary.seconds)
}

/// The middle value of `values` (the upper one of an even count); 0 for none.
fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(0.0)
}

/// Writes a synthetic JSONL corpus of about `total` bytes of article text, streamed so the
/// generator itself stays small. Returns the number of articles.
pub fn write_corpus(path: &Path, total: usize, article_bytes: usize) -> Result<u64> {
    use std::io::Write as _;
    let file = std::fs::File::create(path).map_err(|e| Error::io(path, &e))?;
    let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
    let mut rng = synth::Rng::new(5);
    let (mut written, mut n) = (0usize, 0u64);
    while written < total {
        let size = article_bytes / 2 + rng.below(article_bytes);
        let text = synth::article(&mut rng, size);
        written += text.len();
        writeln!(out, "{}", synth::corpus_line(n, &text)).map_err(|e| Error::io(path, &e))?;
        n += 1;
    }
    out.flush().map_err(|e| Error::io(path, &e))?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(lines: &str) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("pages.jsonl");
        std::fs::write(&path, lines).expect("write corpus");
        (dir, path)
    }

    #[test]
    fn corpus_texts_take_the_named_field_and_skip_lines_without_it() {
        let (_dir, path) = corpus(
            "{\"page\":\"Menu\\nA sentence.\"}\n\n{\"text\":\"other field\"}\n{\"page\":\"\"}\n{\"page\":\"Two.\"}\n",
        );
        assert_eq!(corpus_texts(&path, "page").expect("texts"), ["Menu\nA sentence.", "Two."]);
    }

    #[test]
    fn a_broken_line_or_a_missing_field_is_an_error_naming_the_file() {
        let (_dir, path) = corpus("{\"text\":\"fine\"}\n{broken\n");
        let err = corpus_texts(&path, "text").expect_err("broken JSON").to_string();
        assert!(err.contains("pages.jsonl") && err.contains('2'), "{err}");
        let err = corpus_texts(&path, "html").expect_err("no such field");
        assert!(err.to_string().contains("pages.jsonl"), "{err}");
    }

    #[test]
    fn median_takes_the_middle_value() {
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), 3.0);
        assert_eq!(median(&mut []), 0.0);
    }

    #[test]
    fn a_corpus_is_timed_whole_at_least_once() {
        let (_dir, path) = corpus("{\"text\":\"ADVERTISEMENT\\nThe mayor of Lyon spoke on Monday.\"}\n");
        let figures = single_thread_on(&path, "text", 0).expect("figures");
        assert_eq!(figures.len(), 5);
        assert!(figures[0].name.contains("pages.jsonl's text (1 texts × 1)"), "{}", figures[0].name);
        let rates = figures.iter().filter(|f| f.unit == "MB/s");
        assert!(rates.clone().count() == 4 && rates.clone().all(|f| f.value > 0.0), "{figures:?}");
        assert!(figures.iter().any(|f| f.unit == "ms" && f.value >= 0.0), "{figures:?}");
    }

    #[test]
    fn the_warm_up_takes_texts_until_its_size_is_reached() {
        let text = |n: usize| "x".repeat(n);
        assert_eq!(warm_up_count(&[text(10)]), 1);
        assert_eq!(warm_up_count(&[text(WARM_UP_BYTES), text(1), text(1)]), 1);
        assert_eq!(warm_up_count(&[text(WARM_UP_BYTES - 1), text(5), text(1)]), 2);
        assert_eq!(warm_up_count(&[]), 0);
    }
}
