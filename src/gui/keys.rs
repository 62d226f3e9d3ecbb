//! Keyboard shortcuts: one table used both to dispatch key presses and to list them in the help overlay.

use eframe::egui::{Event, Key, Modifiers};

use crate::session::Step;

/// Something a shortcut does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Show or hide the shortcuts overlay.
    Help,
    /// Save everything and close the window.
    Quit,
    /// Open files with the native dialog.
    OpenFiles,
    /// Open a folder with the native dialog.
    OpenFolder,
    /// Show or hide the export window.
    Export,
    /// Suggest for every document of the project, with corpus evidence.
    SuggestCorpus,
    /// Undo the last action.
    Undo,
    /// Redo the last undone action.
    Redo,
    /// Mark the document done and open the next one.
    DoneNext,
    /// Find text in the cleaned text (and select it).
    Find,
    /// Focus the next suggestion or entity.
    NextItem,
    /// Focus the previous suggestion or entity.
    PrevItem,
    /// Accept the focused suggestion or entity.
    Accept,
    /// Reject the focused suggestion or entity.
    Reject,
    /// Put the focused suggestion back to undecided.
    Reset,
    /// Accept every suggestion of the focused suggestion's rule.
    AcceptRule,
    /// Reject every suggestion of the focused suggestion's rule.
    RejectRule,
    /// Accept every undecided cleaning suggestion.
    AcceptAll,
    /// Reject every undecided cleaning suggestion.
    RejectAll,
    /// Accept every undecided entity suggestion.
    AcceptAllEntities,
    /// Reject every undecided entity suggestion.
    RejectAllEntities,
    /// Remove the focused entity.
    RemoveEntity,
    /// Edit the paragraph at the caret by hand.
    EditParagraph,
    /// Switch between side by side, unified diff and cleaned-only views.
    CycleView,
    /// Open the next document.
    NextDoc,
    /// Open the previous document.
    PrevDoc,
    /// Clear the selection and focus, close overlays.
    Escape,
    /// Move the caret (and with the flag, extend the selection).
    Caret(Step, bool),
    /// Move the focused entity's start (`true`) or end edge.
    EntityEdge(bool, Step),
    /// Apply the label with this key (1–9).
    Label(u8),
}

/// One shortcut: modifiers (Ctrl, Shift, Alt) that must match exactly, the key, and what it does.
pub struct Shortcut {
    /// Ctrl (Cmd on a Mac).
    pub ctrl: bool,
    /// Shift.
    pub shift: bool,
    /// Alt.
    pub alt: bool,
    /// The key.
    pub key: Key,
    /// What it does.
    pub action: Action,
}

/// Builds a shortcut.
const fn sc(ctrl: bool, shift: bool, alt: bool, key: Key, action: Action) -> Shortcut {
    Shortcut { ctrl, shift, alt, key, action }
}

/// Every shortcut but the label keys (1–9, from the project's labels).
pub const SHORTCUTS: &[Shortcut] = &[
    sc(false, false, false, Key::F1, Action::Help),
    sc(false, true, false, Key::Questionmark, Action::Help),
    sc(false, false, false, Key::Questionmark, Action::Help),
    sc(false, true, false, Key::Slash, Action::Help),
    sc(true, false, false, Key::Q, Action::Quit),
    sc(true, false, false, Key::O, Action::OpenFiles),
    sc(true, true, false, Key::O, Action::OpenFolder),
    sc(true, false, false, Key::E, Action::Export),
    sc(true, true, false, Key::S, Action::SuggestCorpus),
    sc(true, false, false, Key::Z, Action::Undo),
    sc(true, true, false, Key::Z, Action::Redo),
    sc(true, false, false, Key::Y, Action::Redo),
    sc(true, false, false, Key::Enter, Action::DoneNext),
    sc(true, false, false, Key::F, Action::Find),
    sc(false, false, false, Key::J, Action::NextItem),
    sc(false, false, false, Key::K, Action::PrevItem),
    sc(false, false, false, Key::Tab, Action::NextItem),
    sc(false, true, false, Key::Tab, Action::PrevItem),
    sc(false, false, false, Key::A, Action::Accept),
    sc(false, false, false, Key::R, Action::Reject),
    sc(false, false, false, Key::U, Action::Reset),
    sc(false, true, false, Key::A, Action::AcceptRule),
    sc(false, true, false, Key::R, Action::RejectRule),
    sc(true, true, false, Key::A, Action::AcceptAll),
    sc(true, true, false, Key::R, Action::RejectAll),
    sc(false, false, false, Key::Delete, Action::RemoveEntity),
    sc(false, false, false, Key::Backspace, Action::RemoveEntity),
    sc(false, false, false, Key::E, Action::EditParagraph),
    sc(false, false, false, Key::F2, Action::EditParagraph),
    sc(false, false, false, Key::V, Action::CycleView),
    sc(false, false, true, Key::ArrowDown, Action::NextDoc),
    sc(false, false, true, Key::ArrowUp, Action::PrevDoc),
    sc(false, false, false, Key::Escape, Action::Escape),
    sc(false, false, false, Key::ArrowLeft, Action::Caret(Step::WordLeft, false)),
    sc(false, false, false, Key::ArrowRight, Action::Caret(Step::WordRight, false)),
    sc(false, true, false, Key::ArrowLeft, Action::Caret(Step::WordLeft, true)),
    sc(false, true, false, Key::ArrowRight, Action::Caret(Step::WordRight, true)),
    sc(false, false, true, Key::ArrowLeft, Action::Caret(Step::CharLeft, false)),
    sc(false, false, true, Key::ArrowRight, Action::Caret(Step::CharRight, false)),
    sc(false, true, true, Key::ArrowLeft, Action::Caret(Step::CharLeft, true)),
    sc(false, true, true, Key::ArrowRight, Action::Caret(Step::CharRight, true)),
    sc(true, false, false, Key::ArrowLeft, Action::EntityEdge(false, Step::WordLeft)),
    sc(true, false, false, Key::ArrowRight, Action::EntityEdge(false, Step::WordRight)),
    sc(true, true, false, Key::ArrowLeft, Action::EntityEdge(true, Step::WordLeft)),
    sc(true, true, false, Key::ArrowRight, Action::EntityEdge(true, Step::WordRight)),
];

/// The help overlay's lines: keys and what they do, in groups.
pub const HELP: &[(&str, &str)] = &[
    ("F1 or ?", "show or hide this overlay"),
    ("Ctrl+O / Ctrl+Shift+O", "open files / open a folder (or drop them on the window)"),
    ("Ctrl+Shift+S", "suggest for all documents: recurring lines and tagged texts, in the background"),
    ("Ctrl+E", "export: spaCy, doccano, Label Studio, brat, CoNLL or cleaning pairs (in the background)"),
    ("J / K (Tab / Shift+Tab)", "focus the next / previous suggestion or entity"),
    ("A / R / U", "accept / reject (then focus the next undecided) / reset the focused one; click to focus"),
    ("Shift+A / Shift+R", "accept / reject every suggestion of the focused rule"),
    ("Ctrl+Shift+A / Ctrl+Shift+R", "accept / reject every undecided cleaning suggestion"),
    ("drag in the cleaned text", "select (snaps to words; hold Alt for exact characters)"),
    ("Left, Right / Shift+Left, Right", "move the caret / extend the selection by a word (add Alt: by a character)"),
    ("Ctrl+F, type, Enter", "find and select text in the cleaned text"),
    ("1 … 9", "tag the selection with a label, or relabel the focused entity"),
    ("Ctrl+Left, Right / Ctrl+Shift+Left, Right", "move the focused entity's end / start by a word"),
    ("drag an entity's edge", "move its start or end (snaps to words; hold Alt for characters)"),
    ("Delete", "remove the focused entity"),
    ("E or F2 (or double-click)", "edit the paragraph at the caret by hand; Ctrl+S applies, Esc cancels"),
    ("Ctrl+Z / Ctrl+Shift+Z", "undo / redo any action"),
    ("Ctrl+Enter", "mark the document done and open the next one not done or skipped"),
    ("Alt+Down / Alt+Up", "next / previous document"),
    ("V", "switch: side by side, unified diff, cleaned only"),
    ("Esc", "clear the selection and focus, close overlays"),
    ("Ctrl+Q", "save everything and quit"),
];

/// The shortcut actions pressed this frame, in order (label keys included).
pub fn pressed(events: &[Event]) -> Vec<Action> {
    let mut out = Vec::new();
    for event in events {
        let Event::Key { key, pressed: true, modifiers, .. } = event else { continue };
        if let Some(action) = lookup(*key, *modifiers) {
            out.push(action);
        }
    }
    out
}

/// The action of one key press with these modifiers.
pub fn lookup(key: Key, m: Modifiers) -> Option<Action> {
    let ctrl = m.ctrl || m.command;
    if let Some(n) = label_number(key)
        && !ctrl
        && !m.alt
        && !m.shift
    {
        return Some(Action::Label(n));
    }
    SHORTCUTS.iter().find(|s| s.key == key && s.ctrl == ctrl && s.shift == m.shift && s.alt == m.alt).map(|s| s.action)
}

/// The number of a digit key 1–9.
fn label_number(key: Key) -> Option<u8> {
    const DIGITS: [Key; 9] =
        [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5, Key::Num6, Key::Num7, Key::Num8, Key::Num9];
    DIGITS.iter().position(|&k| k == key).and_then(|i| u8::try_from(i + 1).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_shortcuts_clash() {
        for (i, a) in SHORTCUTS.iter().enumerate() {
            for b in &SHORTCUTS[i + 1..] {
                let same = a.key == b.key && a.ctrl == b.ctrl && a.shift == b.shift && a.alt == b.alt;
                assert!(!same, "{:?} and {:?} share a key", a.action, b.action);
            }
        }
    }

    #[test]
    fn modifiers_must_match_exactly() {
        assert_eq!(lookup(Key::A, Modifiers::NONE), Some(Action::Accept));
        assert_eq!(lookup(Key::A, Modifiers::SHIFT), Some(Action::AcceptRule));
        assert_eq!(lookup(Key::A, Modifiers::COMMAND | Modifiers::SHIFT), Some(Action::AcceptAll));
        assert_eq!(lookup(Key::Num3, Modifiers::NONE), Some(Action::Label(3)));
        assert_eq!(lookup(Key::Num3, Modifiers::ALT), None);
        assert_eq!(lookup(Key::Z, Modifiers::COMMAND), Some(Action::Undo));
    }
}
