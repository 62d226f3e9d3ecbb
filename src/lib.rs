//! Redline: turns raw scraped news articles into gold-standard cleaning and NER data.
//!
//! The library holds everything but the window: the document model (immutable raw text, cleaning
//! edits, derived cleaned text, entities re-mapped across edits, commands and undo), the annotated
//! JSON format, input loading, and the command line. Only [`gui`] touches egui/eframe.

// Every public item says what it is for; with `clippy -D warnings` in CI, a missing one fails the build.
#![warn(missing_docs)]

pub mod batch;
pub mod bench;
pub mod clean;
pub mod cli;
pub mod error;
pub mod eval;
pub mod evidence;
pub mod format;
pub mod gui;
pub mod input;
pub mod interop;
pub mod labels;
pub mod model;
pub mod project;
pub mod recent;
pub mod review;
pub mod rule_offer;
pub mod session;
pub mod storage;
pub mod suggest;
pub mod timestamp;
pub mod undo_logs;
pub mod words;
pub mod workspace;

pub use error::{Error, Result};

/// The tool name and version written into every annotated file.
pub const TOOL: &str = concat!("redline ", env!("CARGO_PKG_VERSION"));
