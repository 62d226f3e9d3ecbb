//! The annotator's way of deleting a junk paragraph by hand in headless GUI tests.

use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use redline::gui::Workbench;

/// Finds `needle` (Ctrl+F, Enter, Esc: it stays selected), opens its paragraph in the editor (E),
/// empties it and applies the edit.
pub fn empty_the_paragraph_holding(h: &mut Harness<'static, Workbench>, needle: &str) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find:").type_text(needle);
    h.run();
    for key in [Key::Enter, Key::Escape, Key::E] {
        h.key_press(key);
        h.run();
    }
    h.get_by_label("Edit the paragraph (Ctrl+S applies, Esc cancels):").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    h.run();
    h.get_by_label("Apply").click();
    h.run();
}
