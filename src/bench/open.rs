//! Opening at scale: a JSONL corpus of any size shows its first document after one scan for line
//! offsets, in memory that grows with the number of lines only; a folder of text files is listed.

use std::path::Path;
use std::time::Instant;

use super::{Figure, Target, ms, resident_mb};
use crate::error::{Error, Result};
use crate::input::{Collection, Encoding};

/// Name of the resident-memory figure, which scale tests read back from the table.
pub const RESIDENT_FIGURE: &str = "resident memory after opening";

/// Opens `corpus` and loads its first document, measuring time and resident memory.
pub fn corpus(corpus: &Path) -> Result<Vec<Figure>> {
    let size = std::fs::metadata(corpus).map_err(|e| Error::io(corpus, &e))?.len();
    let start = Instant::now();
    let collection = Collection::open(&[corpus.to_path_buf()])?;
    let indexed = start.elapsed();
    let first = collection.entries.first().ok_or_else(|| Error::file(corpus, "the corpus has no documents"))?;
    let doc = first.load(Encoding::Utf8)?;
    let shown = start.elapsed();
    let (rss, _) = resident_mb().unwrap_or_default();
    let start = Instant::now();
    let last = collection.entries.last().map(|e| e.load(Encoding::Utf8)).transpose()?;
    let jumped = start.elapsed();
    let what = format!("{:.2} GB, {} documents", size as f64 / 1e9, collection.entries.len());
    let mut figures = vec![
        Figure::new(format!("index a JSONL corpus ({what})"), ms(indexed), "ms", None),
        Figure::new(
            format!("first document ready ({} bytes)", doc.raw().len()),
            ms(shown),
            "ms",
            Some(Target::AtMost(1000.0)),
        ),
        Figure::new(RESIDENT_FIGURE, rss, "MB", Some(Target::AtMost(300.0))),
    ];
    if let Some(last) = last {
        figures.push(Figure::new(
            format!("jump to the last document ({} bytes)", last.raw().len()),
            ms(jumped),
            "ms",
            None,
        ));
    }
    Ok(figures)
}

/// Lists a folder of `.txt` files (creating `count` small ones first when it does not exist).
pub fn folder(dir: &Path, count: usize) -> Result<Vec<Figure>> {
    if !dir.exists() {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, &e))?;
        let mut rng = super::synth::Rng::new(3);
        for i in 0..count {
            let path = dir.join(format!("article-{i:06}.txt"));
            std::fs::write(&path, super::synth::article(&mut rng, 300)).map_err(|e| Error::io(&path, &e))?;
        }
    }
    let start = Instant::now();
    let collection = Collection::open(&[dir.to_path_buf()])?;
    let listed = start.elapsed();
    Ok(vec![Figure::new(
        format!("list a folder of {} .txt files", collection.entries.len()),
        ms(listed),
        "ms",
        Some(Target::AtMost(2000.0)),
    )])
}
