//! A person who codes.

use serde::{Deserialize, Serialize};

use super::CoderId;

/// A coder: every annotation names one, and agreement is computed between them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coder {
    pub id: CoderId,
    /// Display name; may carry accents and spaces, unlike the id.
    pub name: String,
}

impl Coder {
    /// A coder from a typed name (surrounding spaces dropped): the id is a slug of the name;
    /// `None` when the name makes no id (empty, or only punctuation).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        let name = name.trim();
        CoderId::from_name(name).map(|id| Self {
            id,
            name: name.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Coder;

    #[test]
    fn a_typed_name_makes_a_slug_id_and_keeps_its_accents() {
        let coder = Coder::from_name("  Chloé Martin ").expect("a coder");
        assert_eq!(coder.name, "Chloé Martin");
        assert_eq!(coder.id.as_str(), "chloe-martin");
        assert!(Coder::from_name("   ").is_none());
    }
}
