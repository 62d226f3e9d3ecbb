//! The document model: raw text, cleaning edits, derived cleaned text, entities, commands and undo.

pub mod change;
pub mod char_index;
pub mod command;
pub mod document;
pub mod edit;
pub mod entity;
pub mod history;
pub mod name;
pub mod offset_map;
pub mod prospect;
pub mod remap;

pub use change::{Change, EntityShift};
pub use char_index::{CharCursor, CharIndex};
pub use command::Command;
pub use document::{DocStatus, Document, ModelError, NewEdit, NewEntity, Source, sha256_hex};
pub use edit::{Edit, EditId, EditStatus, MANUAL};
pub use entity::{Entity, EntityId, EntityStatus};
pub use history::History;
pub use name::Name;
pub use offset_map::{Bias, OffsetMap};
pub use prospect::Prospect;

#[cfg(test)]
mod tests;
