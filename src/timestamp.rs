//! Wall-clock timestamps for the annotated JSON (`created`, `updated`).

/// The current UTC time as RFC 3339 with second precision, e.g. `2026-11-27T09:15:00Z`.
pub fn now() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}
