//! The workbench window (the only module that uses egui/eframe).

use std::path::PathBuf;

/// Opens the workbench on the given paths.
pub fn run(paths: &[PathBuf]) -> crate::Result<()> {
    let collection = crate::input::Collection::open(paths)?;
    for entry in &collection.entries {
        println!("would open {}", entry.name);
    }
    let _ = eframe::egui::Color32::WHITE;
    Ok(())
}
