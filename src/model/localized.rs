//! Text in the two interface languages.

use serde::{Deserialize, Serialize};

/// An interface language. Code labels follow it where the codebook has both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    /// The ISO 639-1 code.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Fr => "fr",
        }
    }
}

/// English text that every entry has, and French text where it has been written or verified.
///
/// French is optional because some official texts (the UN GGE 2015 norms) have no verified French
/// wording yet; showing an English label is better than inventing a translation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Localized {
    pub en: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fr: Option<String>,
}

impl Localized {
    /// English and French.
    #[must_use]
    pub fn new(en: impl Into<String>, fr: impl Into<String>) -> Self {
        Self {
            en: en.into(),
            fr: Some(fr.into()),
        }
    }

    /// English only.
    #[must_use]
    pub fn en(en: impl Into<String>) -> Self {
        Self {
            en: en.into(),
            fr: None,
        }
    }

    /// The text in `lang`, falling back to English.
    #[must_use]
    pub fn get(&self, lang: Lang) -> &str {
        match (lang, &self.fr) {
            (Lang::Fr, Some(fr)) if !fr.is_empty() => fr,
            _ => &self.en,
        }
    }
}
