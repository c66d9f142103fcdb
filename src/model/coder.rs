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
