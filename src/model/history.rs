//! The undo/redo log: the commands applied to a document with the changes they made.

use super::change::Change;
use super::command::Command;
use super::document::{Document, ModelError};

/// One applied command and its effect.
#[derive(Debug, Clone)]
pub struct Step {
    /// The command as issued.
    pub command: Command,
    /// What it changed.
    pub change: Change,
}

/// An explicit log of applied commands with an undo cursor.
#[derive(Debug, Clone, Default)]
pub struct History {
    done: Vec<Step>,
    undone: Vec<Step>,
}

impl History {
    /// Applies `command` to `doc`; a change that did something is logged and clears the redo list.
    pub fn apply(&mut self, doc: &mut Document, command: Command) -> Result<bool, ModelError> {
        let change = doc.apply(&command)?;
        if change.is_empty() {
            return Ok(false);
        }
        self.done.push(Step { command, change });
        self.undone.clear();
        Ok(true)
    }

    /// Undoes the last command; returns it, or `None` when there is nothing to undo.
    pub fn undo(&mut self, doc: &mut Document) -> Option<&Command> {
        let step = self.done.pop()?;
        doc.restore(&step.change, false);
        self.undone.push(step);
        self.undone.last().map(|s| &s.command)
    }

    /// Redoes the last undone command; returns it, or `None` when there is nothing to redo.
    pub fn redo(&mut self, doc: &mut Document) -> Option<&Command> {
        let step = self.undone.pop()?;
        doc.restore(&step.change, true);
        self.done.push(step);
        self.done.last().map(|s| &s.command)
    }

    /// The last applied step (what undo would revert).
    pub fn last(&self) -> Option<&Step> {
        self.done.last()
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    /// Forgets all but the last `steps` undoable and the next `steps` redoable commands (the oldest
    /// first), to bound the memory a log kept for a document the person left can take.
    pub fn keep_last(&mut self, steps: usize) {
        self.done.drain(..self.done.len().saturating_sub(steps));
        self.undone.drain(..self.undone.len().saturating_sub(steps));
    }

    /// The description of the command that undo would revert.
    pub fn undo_label(&self) -> Option<String> {
        self.done.last().map(|s| s.command.describe())
    }
}
