//! Offset units other tools use: UTF-16 code units (doccano's web UI, Java tools) against the
//! Unicode code points Redline writes everywhere else.

/// Converts code point offsets of one text to UTF-16 code units and back.
#[derive(Debug, Clone)]
pub struct Utf16Map {
    /// Code point index of every character outside the Basic Multilingual Plane (two UTF-16 units).
    astral: Vec<usize>,
    /// Number of code points in the text.
    len: usize,
}

impl Utf16Map {
    /// Builds the map for `text`.
    pub fn new(text: &str) -> Self {
        let mut astral = Vec::new();
        let mut len = 0;
        for (i, c) in text.chars().enumerate() {
            if c.len_utf16() == 2 {
                astral.push(i);
            }
            len = i + 1;
        }
        Self { astral, len }
    }

    /// Whether code points and UTF-16 units coincide for this text.
    pub fn is_identity(&self) -> bool {
        self.astral.is_empty()
    }

    /// The UTF-16 offset of code point offset `cp` (clamped to the end of the text).
    pub fn to_utf16(&self, cp: usize) -> usize {
        let cp = cp.min(self.len);
        cp + self.astral.partition_point(|&a| a < cp)
    }

    /// The code point offset of UTF-16 offset `unit`, or `None` when it is past the end of the text
    /// or falls between the two halves of a surrogate pair.
    pub fn to_codepoint(&self, unit: usize) -> Option<usize> {
        // Code points whose UTF-16 offset is <= unit: find the largest cp with to_utf16(cp) <= unit.
        let (mut lo, mut hi) = (0usize, self.len);
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if self.to_utf16(mid) <= unit { lo = mid } else { hi = mid - 1 }
        }
        (self.to_utf16(lo) == unit).then_some(lo)
    }
}

/// The unit a file's offsets count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OffsetUnit {
    /// Unicode code points, as Python counts (spaCy, Prodigy, Label Studio, brat, Redline).
    Codepoint,
    /// UTF-16 code units, as JavaScript and Java count (doccano's web UI, UIMA).
    Utf16,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_take_two_units() {
        // "Zoë 🚀 visited Berlin.": Berlin is [14, 20) in code points and [15, 21) in UTF-16.
        let map = Utf16Map::new("Zoë 🚀 visited Berlin.");
        assert_eq!((map.to_utf16(14), map.to_utf16(20)), (15, 21));
        assert_eq!((map.to_codepoint(15), map.to_codepoint(21)), (Some(14), Some(20)));
        assert_eq!(map.to_codepoint(5), None, "inside the surrogate pair of the rocket");
        assert_eq!(map.to_codepoint(23), None, "past the end");
        assert_eq!(map.to_codepoint(22), Some(21));
        assert!(!map.is_identity());
        assert!(Utf16Map::new("北京 café e\u{301}").is_identity());
    }
}
