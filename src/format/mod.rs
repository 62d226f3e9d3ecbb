//! File formats: Redline's own annotated JSON.

pub mod annotated;
