//! Entity label sets: names, colours and keys.

use serde::{Deserialize, Serialize};

/// The default label set (OntoNotes names, as spaCy uses them).
pub const DEFAULT_LABELS: [&str; 6] = ["PERSON", "ORG", "GPE", "LOC", "NORP", "DATE"];

/// Colours for the default labels, chosen from the Okabe–Ito palette so they stay distinct for
/// colour-blind people (the label name is always shown too).
const DEFAULT_COLORS: [&str; 9] =
    ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#CC79A7", "#0072B2", "#D55E00", "#999999", "#000000"];

/// One label with its display colour and its key (1–9).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelDef {
    /// The label name, e.g. `PERSON`.
    pub name: String,
    /// Display colour as `#rrggbb`.
    pub color: String,
    /// The number key that applies the label (1–9), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<u8>,
}

/// The default label set as owned strings.
pub fn default_labels() -> Vec<String> {
    DEFAULT_LABELS.iter().map(|s| (*s).to_string()).collect()
}

/// The default label definitions, keyed 1.. in order.
pub fn default_label_defs() -> Vec<LabelDef> {
    DEFAULT_LABELS
        .iter()
        .zip(DEFAULT_COLORS)
        .zip(1u8..)
        .map(|((name, color), key)| LabelDef { name: (*name).into(), color: color.into(), key: Some(key) })
        .collect()
}

/// Parses `#rrggbb` into RGB bytes.
pub fn parse_hex_color(color: &str) -> Option<[u8; 3]> {
    let hex = color.strip_prefix('#')?;
    if hex.len() != 6 {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}
