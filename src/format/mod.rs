//! File formats: Redline's own annotated JSON.

pub mod annotated;
pub mod annotated_line;
pub mod json_writer;
