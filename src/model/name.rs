//! Shared label and origin names.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A label or origin name shared by every entity that carries it: cloning it copies a pointer.
///
/// It compares, hashes, orders, prints and serialises as the plain string.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Name(Arc<str>);

impl Name {
    /// The name as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether two names share one allocation (so cloning did not copy the text): what the tests
    /// check of the suggester's names.
    #[cfg(test)]
    pub(crate) fn ptr_eq(a: &Self, b: &Self) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }
}

impl Deref for Name {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Name {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Name {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Name> for str {
    fn eq(&self, other: &Name) -> bool {
        *self == *other.0
    }
}

impl PartialEq<Name> for &str {
    fn eq(&self, other: &Name) -> bool {
        **self == *other.0
    }
}

impl PartialEq<Name> for String {
    fn eq(&self, other: &Name) -> bool {
        **self == *other.0
    }
}

impl From<&str> for Name {
    fn from(s: &str) -> Self {
        Self(Arc::from(s))
    }
}

impl From<String> for Name {
    fn from(s: String) -> Self {
        Self(Arc::from(s))
    }
}

impl Serialize for Name {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self::from)
    }
}

#[cfg(test)]
mod tests {
    use super::Name;

    #[test]
    fn compares_as_its_string() {
        let name = Name::from("PERSON");
        assert_eq!(name, "PERSON");
        assert_eq!(name, *"PERSON");
        assert_eq!(name, String::from("PERSON"));
        assert_eq!("PERSON", name);
        assert_eq!(String::from("PERSON"), name);
        assert_ne!(name, "ORG");
        assert_eq!(name, Name::from(String::from("PERSON")));
        let mut sorted = [name.clone(), Name::from("GPE"), Name::from("ORG")];
        sorted.sort();
        assert_eq!(sorted, ["GPE", "ORG", "PERSON"]);
        assert_eq!(format!("{name} {name:?}"), "PERSON \"PERSON\"");
        assert_eq!(name.len(), 6);
    }

    #[test]
    fn clones_share_the_text() {
        let name = Name::from("news-heuristics");
        let copy = name.clone();
        assert!(Name::ptr_eq(&name, &copy));
        assert!(!Name::ptr_eq(&name, &Name::from("news-heuristics")));
    }

    #[test]
    fn serialises_as_a_plain_string() {
        let json = serde_json::to_string(&vec![Name::from("ORG"), Name::from("a \"b\"")]).expect("serialise");
        assert_eq!(json, r#"["ORG","a \"b\""]"#);
        let back: Vec<Name> = serde_json::from_str(&json).expect("deserialise");
        assert_eq!(back, ["ORG", "a \"b\""]);
        assert!(serde_json::from_str::<Name>("3").is_err());
    }
}
