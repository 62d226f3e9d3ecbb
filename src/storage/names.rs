//! Turning document ids and annotator names into file names that stay inside their folder.

/// Names Windows reserves for devices, refused as file stems.
const RESERVED: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2",
    "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// Longest file stem written, in bytes (file systems allow 255).
const MAX_LEN: usize = 150;

/// A file name for an id: path separators, control characters and characters Windows forbids
/// become `_`, leading dots are removed, reserved device names get a `_` prefix, long names are
/// cut (with a hash suffix so distinct ids stay distinct). Never empty, never `.` or `..`.
pub fn safe_file_name(id: &str) -> String {
    let mut name: String =
        id.chars()
            .map(|c| {
                if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                    '_'
                } else {
                    c
                }
            })
            .collect();
    name = name.trim_start_matches(['.', ' ']).trim_end_matches(['.', ' ']).to_string();
    if name.is_empty() {
        name = "_".into();
    }
    let stem = name.split('.').next().unwrap_or_default().to_ascii_uppercase();
    if RESERVED.contains(&stem.as_str()) {
        name.insert(0, '_');
    }
    if name.len() > MAX_LEN || name != id {
        let changed = name != id;
        let mut cut = MAX_LEN.min(name.len());
        while !name.is_char_boundary(cut) {
            cut -= 1;
        }
        name.truncate(cut);
        if changed {
            let hash = crate::model::sha256_hex(id);
            name = format!("{name}~{}", &hash[..8]);
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_ids_are_kept() {
        assert_eq!(safe_file_name("000_77a32b4e63c544c5"), "000_77a32b4e63c544c5");
    }

    #[test]
    fn hostile_ids_stay_inside_the_folder() {
        for id in ["../../etc/passwd", "CON", "con.txt", "a/b\\c", "x\0y", "..", ".", "", "   "] {
            let name = safe_file_name(id);
            assert!(!name.is_empty() && !name.contains(['/', '\\', '\0']), "{id:?} -> {name:?}");
            assert!(!name.starts_with('.'), "{id:?} -> {name:?}");
            assert!(!RESERVED.contains(&name.split('.').next().unwrap_or_default().to_ascii_uppercase().as_str()));
        }
        assert_ne!(safe_file_name("a/b"), safe_file_name("a_b"), "distinct ids stay distinct");
    }

    #[test]
    fn long_ids_are_cut() {
        let long = "é".repeat(400);
        assert!(safe_file_name(&long).len() <= MAX_LEN + 9);
    }
}
