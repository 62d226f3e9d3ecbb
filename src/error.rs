//! Errors a user can cause (bad files, bad input), each naming the file and the problem.

use std::fmt;
use std::path::{Path, PathBuf};

/// A problem with user input: which file, where in it, which document, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// The file concerned, if any.
    pub file: Option<PathBuf>,
    /// The 1-based line in that file, if known.
    pub line: Option<u64>,
    /// The document concerned, if known.
    pub document: Option<String>,
    /// What is wrong, in words a user can act on.
    pub message: String,
    /// What kind of problem it is, where a caller can offer a fix.
    pub kind: ErrorKind,
}

/// The problems a caller can offer a fix for; everything else is [`ErrorKind::Other`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ErrorKind {
    /// Any other problem: the message says it all.
    #[default]
    Other,
    /// A text file is not valid UTF-8 (first bad byte at `offset`): it can be read again as
    /// Windows-1252 or Latin-1 if the person says so.
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
}

/// Result type for fallible operations on user input.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// A problem not tied to one file.
    pub fn msg(message: impl Into<String>) -> Self {
        Self { file: None, line: None, document: None, message: message.into(), kind: ErrorKind::Other }
    }

    /// A problem with a file.
    pub fn file(path: &Path, message: impl Into<String>) -> Self {
        Self { file: Some(path.to_path_buf()), ..Self::msg(message) }
    }

    /// An I/O failure on a file, described in plain words.
    pub fn io(path: &Path, err: &std::io::Error) -> Self {
        Self::file(path, describe_io(err))
    }

    /// The same problem, located at a line.
    #[must_use]
    pub fn at_line(mut self, line: u64) -> Self {
        self.line = Some(line);
        self
    }

    /// The same problem, attributed to a document.
    #[must_use]
    pub fn in_doc(mut self, id: impl Into<String>) -> Self {
        self.document = Some(id.into());
        self
    }

    /// The same problem, marked as a kind a caller can offer a fix for.
    #[must_use]
    pub fn with_kind(mut self, kind: ErrorKind) -> Self {
        self.kind = kind;
        self
    }

    /// The same problem, attributed to a file if none was named yet.
    #[must_use]
    pub fn in_file(mut self, path: &Path) -> Self {
        if self.file.is_none() {
            self.file = Some(path.to_path_buf());
        }
        self
    }
}

/// Plain words for the I/O errors users meet.
fn describe_io(err: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match err.kind() {
        K::NotFound => "no such file or folder".into(),
        K::PermissionDenied => "permission denied".into(),
        K::StorageFull => "the disk is full".into(),
        K::ReadOnlyFilesystem => "the file system is read-only".into(),
        K::NotADirectory => "a file is in the way where a folder is needed".into(),
        K::FileTooLarge => "the file is too large (the file system or the process's file size limit)".into(),
        _ => err.to_string(),
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{}", file.display())?;
            if let Some(line) = self.line {
                write!(f, ":{line}")?;
            }
            f.write_str(": ")?;
        } else if let Some(line) = self.line {
            write!(f, "line {line}: ")?;
        }
        if let Some(doc) = &self.document {
            write!(f, "document {doc}: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl From<crate::model::ModelError> for Error {
    fn from(e: crate::model::ModelError) -> Self {
        Self::msg(e.0)
    }
}
