//! Turning the bytes of a text file into a string: UTF-8 (with or without BOM), UTF-16 with BOM,
//! and Windows-1252 or Latin-1 only when the person asks for it.

use crate::error::{Error, ErrorKind, Result};
use std::path::Path;

/// How to read bytes that are not UTF-8.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (or UTF-16 with a byte-order mark); anything else is an error.
    #[default]
    Utf8,
    /// Windows-1252, chosen explicitly by the person.
    Windows1252,
    /// ISO-8859-1, chosen explicitly by the person.
    Latin1,
}

impl Encoding {
    /// Parses a user-supplied encoding name.
    pub fn parse(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().replace('_', "-").as_str() {
            "utf-8" | "utf8" => Some(Self::Utf8),
            "windows-1252" | "cp1252" => Some(Self::Windows1252),
            "latin-1" | "latin1" | "iso-8859-1" => Some(Self::Latin1),
            _ => None,
        }
    }

    /// The name [`Encoding::parse`] reads and annotated files record (`source.encoding`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Utf8 => "utf-8",
            Self::Windows1252 => "windows-1252",
            Self::Latin1 => "latin-1",
        }
    }

    /// The encoding a file's bytes are actually read with: a byte-order mark overrides the choice.
    pub fn used_for(self, bytes: &[u8]) -> Self {
        let bom =
            bytes.starts_with(b"\xEF\xBB\xBF") || bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
        if bom { Self::Utf8 } else { self }
    }
}

/// Windows-1252 code points for bytes 0x80..=0x9F (the rest coincide with Latin-1).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’',
    '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Decodes a text file's bytes, refusing files with no text. `path` names the file in errors.
pub fn decode(bytes: &[u8], encoding: Encoding, path: &Path) -> Result<String> {
    let text = match decode_utf16_bom(bytes, path)? {
        Some(text) => text,
        None => decode_bytes(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes), encoding, path)?,
    };
    if text.trim().is_empty() {
        return Err(Error::file(path, "the file is empty: there is no text to annotate"));
    }
    Ok(text)
}

/// Decodes bytes without a byte-order mark in the chosen encoding, refusing NUL bytes.
fn decode_bytes(body: &[u8], encoding: Encoding, path: &Path) -> Result<String> {
    if let Some(pos) = body.iter().position(|&b| b == 0) {
        return Err(Error::file(path, describe_nul(body, pos)));
    }
    match encoding {
        Encoding::Utf8 => match std::str::from_utf8(body) {
            Ok(s) => Ok(s.to_string()),
            Err(e) => Err(Error::file(
                path,
                format!(
                    "not valid UTF-8 (first bad byte at offset {}); if it is Windows-1252 or Latin-1 text, open it with --encoding windows-1252 or --encoding latin-1",
                    e.valid_up_to()
                ),
            )
            .with_kind(ErrorKind::NotUtf8 { offset: e.valid_up_to() })),
        },
        Encoding::Windows1252 => Ok(body.iter().map(|&b| cp1252_char(b)).collect()),
        Encoding::Latin1 => Ok(body.iter().map(|&b| char::from(b)).collect()),
    }
}

/// Why a file with a NUL byte at `pos` is refused: UTF-16 without a byte-order mark, or binary.
fn describe_nul(body: &[u8], pos: usize) -> String {
    let sample = &body[..body.len().min(4096)];
    let nul_at = |parity: usize| sample.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let half = sample.len() / 2;
    if half >= 2 && (nul_at(0).max(nul_at(1)) * 10 >= half * 9) {
        return "looks like UTF-16 text without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)".into();
    }
    format!("contains a NUL byte at offset {pos}: this looks like a binary file, not text")
}

/// One Windows-1252 byte as a character.
fn cp1252_char(b: u8) -> char {
    if (0x80..=0x9F).contains(&b) { CP1252_HIGH[usize::from(b - 0x80)] } else { char::from(b) }
}

/// Decodes UTF-16 text that starts with a byte-order mark; `None` when there is no such mark.
fn decode_utf16_bom(bytes: &[u8], path: &Path) -> Result<Option<String>> {
    let little = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return Ok(None),
    };
    let body = &bytes[2..];
    if !body.len().is_multiple_of(2) {
        return Err(Error::file(path, "UTF-16 text with an odd number of bytes: the file is truncated"));
    }
    let units = body
        .chunks_exact(2)
        .map(|c| if little { u16::from_le_bytes([c[0], c[1]]) } else { u16::from_be_bytes([c[0], c[1]]) });
    let text: std::result::Result<String, _> = char::decode_utf16(units).collect();
    match text {
        Ok(t) if t.contains('\0') => {
            Err(Error::file(path, "UTF-16 text contains a NUL character: this looks like a binary file"))
        }
        Ok(t) => Ok(Some(t)),
        Err(e) => {
            Err(Error::file(path, format!("invalid UTF-16 (unpaired surrogate {:#06x})", e.unpaired_surrogate())))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> &'static Path {
        Path::new("t.txt")
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi", Encoding::Utf8, p()).ok(), Some("hi".into()));
        assert_eq!(decode("café\r\n".as_bytes(), Encoding::Utf8, p()).ok(), Some("café\r\n".into()));
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        for u in "né 😀".encode_utf16() {
            le.extend(u.to_le_bytes());
        }
        assert_eq!(decode(&le, Encoding::Utf8, p()).ok(), Some("né 😀".into()));
    }

    #[test]
    fn invalid_utf8_is_an_error_unless_asked() {
        let err = decode(b"caf\xe9", Encoding::Utf8, p()).expect_err("not UTF-8");
        assert_eq!(err.kind, ErrorKind::NotUtf8 { offset: 3 });
        let err = err.to_string();
        assert!(err.contains("t.txt") && err.contains("windows-1252"), "{err}");
        assert_eq!(decode(b"caf\xe9 \x93q\x94", Encoding::Windows1252, p()).ok(), Some("café “q”".into()));
        assert_eq!(decode(b"caf\xe9", Encoding::Latin1, p()).ok(), Some("café".into()));
    }

    #[test]
    fn a_byte_order_mark_overrides_the_chosen_encoding() {
        assert_eq!(Encoding::Windows1252.used_for(b"caf\xe9"), Encoding::Windows1252);
        assert_eq!(Encoding::Windows1252.used_for(b"\xEF\xBB\xBFcaf\xc3\xa9"), Encoding::Utf8);
        assert_eq!(Encoding::Latin1.used_for(b"\xFF\xFEc\0"), Encoding::Utf8);
        assert_eq!(Encoding::parse(Encoding::Latin1.name()), Some(Encoding::Latin1));
    }

    #[test]
    fn nul_bytes_are_binary() {
        let err = decode(b"ab\0cd", Encoding::Utf8, p()).err().map(|e| e.message).unwrap_or_default();
        assert!(err.contains("binary"), "{err}");
    }

    #[test]
    fn utf16_without_bom_is_named() {
        let le: Vec<u8> = "plain words".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let err = decode(&le, Encoding::Utf8, p()).err().map(|e| e.message).unwrap_or_default();
        assert!(err.contains("UTF-16") && err.contains("byte-order mark"), "{err}");
    }

    #[test]
    fn empty_and_blank_files_are_refused() {
        for bytes in [&b""[..], b"\xEF\xBB\xBF", b" \r\n\n\t"] {
            let err = decode(bytes, Encoding::Windows1252, p()).err().map(|e| e.message).unwrap_or_default();
            assert!(err.contains("empty"), "{bytes:?}: {err}");
        }
    }
}
