//! Atomic file replacement: a crash or power cut leaves the old file or the new one, never half.

use std::fs::{self, File, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Writes `bytes` to `path` atomically: a temporary file in the same folder is written and synced,
/// renamed over the target, and the folder is synced. Creates missing parent folders. A failure
/// (full disk, file size limit, permissions) names `path`, removes the temporary file and leaves
/// the previous version of `path` as it was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|e| Error::io(dir, &e))?;
    let tmp = temp_path(path);
    let result = write_and_sync(&tmp, bytes).and_then(|()| fs::rename(&tmp, path));
    if let Err(e) = result {
        fs::remove_file(&tmp).ok();
        let failed = Error::io(path, &e);
        return Err(Error::file(path, format!("{}: not saved, the previous version is unchanged", failed.message)));
    }
    sync_dir(dir);
    Ok(())
}

/// The temporary name used while writing `path` (same folder, so the rename is atomic).
pub fn temp_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// Creates `tmp`, writes all bytes and syncs them to disk.
fn write_and_sync(tmp: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file: File = OpenOptions::new().write(true).create(true).truncate(true).open(tmp)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Syncs a folder so a rename inside it survives a power cut (best effort: not every OS allows it).
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        d.sync_all().ok();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_file_and_leaves_no_temp() {
        let Ok(dir) = tempfile::tempdir() else { return };
        let path = dir.path().join("sub").join("doc.json");
        write_atomic(&path, b"first").expect("write");
        write_atomic(&path, b"second").expect("rewrite");
        assert_eq!(fs::read(&path).ok(), Some(b"second".to_vec()));
        let names: Vec<_> = fs::read_dir(path.parent().expect("parent")).expect("list").flatten().collect();
        assert_eq!(names.len(), 1, "only the target remains");
    }
}
