//! What a file looked like when it was read, so a later save can tell whether someone else changed it.

use sha2::{Digest, Sha256};
use std::path::Path;

use crate::error::{Error, Result};

/// The state of a file at one moment: absent, or present with the SHA-256 of its bytes.
/// Content, not modification time: a `git checkout` can restore an old time, and two writes can
/// fall in the same clock tick.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Fingerprint(Option<[u8; 32]>);

impl Fingerprint {
    /// The fingerprint of a file that does not exist.
    pub const ABSENT: Self = Self(None);

    /// The fingerprint of some file contents.
    pub fn of_bytes(bytes: &[u8]) -> Self {
        Self(Some(Sha256::digest(bytes).into()))
    }

    /// Reads a file and fingerprints it; a missing file is [`Fingerprint::ABSENT`], not an error.
    pub fn of_file(path: &Path) -> Result<Self> {
        Ok(read_if_present(path)?.map_or(Self::ABSENT, |bytes| Self::of_bytes(&bytes)))
    }

    /// Whether the file existed.
    pub fn exists(self) -> bool {
        self.0.is_some()
    }
}

/// A file's bytes, or `None` when it does not exist.
pub fn read_if_present(path: &Path) -> Result<Option<Vec<u8>>> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(path, &e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_absent_same_and_changed_apart() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.json");
        assert_eq!(Fingerprint::of_file(&path).ok(), Some(Fingerprint::ABSENT));
        std::fs::write(&path, "one").expect("write");
        let first = Fingerprint::of_file(&path).expect("read");
        assert!(first.exists());
        assert_eq!(first, Fingerprint::of_bytes(b"one"));
        std::fs::write(&path, "two").expect("write");
        assert_ne!(Fingerprint::of_file(&path).ok(), Some(first));
    }
}
