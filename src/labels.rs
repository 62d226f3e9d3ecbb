//! Entity label sets: names, colours and keys.

use serde::{Deserialize, Serialize};

/// The default label set (OntoNotes names, as spaCy uses them).
pub const DEFAULT_LABELS: [&str; 6] = ["PERSON", "ORG", "GPE", "LOC", "NORP", "DATE"];

/// The catch-all label a project can switch on (CoNLL's MISC: events, works, laws, products…).
pub const MISC: &str = "MISC";

/// What each OntoNotes label covers, following spaCy's `spacy.explain` wording; shown as help.
const DESCRIPTIONS: [(&str, &str); 7] = [
    ("PERSON", "People, including fictional; no title (\"President\" stays out)"),
    ("ORG", "Companies, agencies, institutions, parties, news organisations"),
    ("GPE", "Countries, cities, states: places with a government"),
    ("LOC", "Non-GPE locations: continents, regions, mountain ranges, bodies of water"),
    ("NORP", "Nationalities or religious or political groups (\"Russian\", \"Democrats\")"),
    ("DATE", "Absolute or relative dates or periods (\"Tuesday\", \"last week\", \"2016\")"),
    ("MISC", "Other names: events, works of art, laws, products, languages"),
];

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

/// A one-line description of a label for help texts, for the OntoNotes labels and MISC.
pub fn description(name: &str) -> Option<&'static str> {
    DESCRIPTIONS.iter().find(|(n, _)| *n == name).map(|(_, d)| *d)
}

/// The MISC label definition to add to `existing`: the next unused colour and number key.
pub fn misc_label(existing: &[LabelDef]) -> LabelDef {
    let color = DEFAULT_COLORS.iter().find(|c| !existing.iter().any(|l| l.color == **c)).unwrap_or(&DEFAULT_COLORS[7]);
    let key = (1u8..=9).find(|k| !existing.iter().any(|l| l.key == Some(*k)));
    LabelDef { name: MISC.into(), color: (*color).into(), key }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misc_takes_the_next_free_colour_and_key() {
        let defaults = default_label_defs();
        let misc = misc_label(&defaults);
        assert_eq!((misc.name.as_str(), misc.key), (MISC, Some(7)));
        assert!(!defaults.iter().any(|l| l.color == misc.color));
        let full: Vec<LabelDef> =
            (1..=9).map(|k| LabelDef { name: format!("L{k}"), color: "#000000".into(), key: Some(k) }).collect();
        assert_eq!(misc_label(&full).key, None, "no key left");
    }

    #[test]
    fn every_default_label_and_misc_is_described() {
        for name in DEFAULT_LABELS.iter().chain([&MISC]) {
            assert!(description(name).is_some(), "{name}");
        }
        assert_eq!(description("WIDGET"), None);
    }
}
