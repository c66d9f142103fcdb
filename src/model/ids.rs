//! Identifiers: small validated strings, so that ids read well in a RON file and diff cleanly.

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// Why a string is not a valid identifier.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {kind} id {value:?}: {reason}")]
pub struct IdError {
    /// What kind of id was being built ("code", "document", …).
    pub kind: &'static str,
    /// The rejected text.
    pub value: String,
    /// What is wrong with it.
    pub reason: &'static str,
}

/// Longest id accepted; ids are keys, not prose.
const MAX_ID_LEN: usize = 128;

fn check_id(kind: &'static str, value: &str) -> Result<(), IdError> {
    let fail = |reason| {
        Err(IdError {
            kind,
            value: value.to_owned(),
            reason,
        })
    };
    if value.is_empty() {
        return fail("it is empty");
    }
    if value.len() > MAX_ID_LEN {
        return fail("it is longer than 128 characters");
    }
    if !value
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | ':'))
    {
        return fail("only ASCII letters, digits and . _ - : are allowed");
    }
    Ok(())
}

/// Reads an id without an intermediate `String` when the input can lend its text.
struct IdVisitor(&'static str);

/// Borrowed or owned text of an id being read.
enum IdText<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl AsRef<str> for IdText<'_> {
    fn as_ref(&self) -> &str {
        match self {
            Self::Borrowed(s) => s,
            Self::Owned(s) => s,
        }
    }
}

impl<'de> serde::de::Visitor<'de> for IdVisitor {
    type Value = IdText<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} id (a string)", self.0)
    }

    fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(IdText::Borrowed(v))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(IdText::Owned(v.to_owned()))
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(IdText::Owned(v))
    }
}

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident, $kind:literal) => {
        $(#[$doc])*
        ///
        /// Shared (`Arc<str>`): the same document, coder or code id is referenced by thousands of
        /// annotations, and cloning it must not allocate.
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(Arc<str>);

        impl $name {
            /// Checks and wraps an id.
            pub fn new(value: impl AsRef<str>) -> Result<Self, IdError> {
                let value = value.as_ref();
                check_id($kind, value)?;
                Ok(Self(Arc::from(value)))
            }

            /// The id as text.
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer
                    .deserialize_str(IdVisitor($kind))
                    .and_then(|text| Self::new(text).map_err(serde::de::Error::custom))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(&self.0)
            }
        }
    };
}

string_id!(
    /// A code's stable id (`pc.1`, `actor.state`): what annotations and exports refer to.
    CodeId,
    "code"
);
string_id!(
    /// A code group's id; one group per built-in codebook (`paris-call-2018`).
    GroupId,
    "group"
);
string_id!(
    /// A document's id inside one project (a slug of its file name).
    DocId,
    "document"
);
string_id!(
    /// An annotation's id: random, so that coders' files merge without collisions.
    AnnotationId,
    "annotation"
);
string_id!(
    /// A coder's id (`alice`): stored on every annotation.
    CoderId,
    "coder"
);

impl AnnotationId {
    /// A fresh random id (UUID v4, 32 hex digits).
    #[must_use]
    pub fn random() -> Self {
        Self(Arc::from(uuid::Uuid::new_v4().simple().to_string()))
    }
}

impl CoderId {
    /// Turns a free name ("Chloé Martin") into an id ("chloe-martin"); `None` when nothing is left.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::new(slug(name)).ok()
    }
}

impl DocId {
    /// Turns a title or file name into an id; `None` when nothing usable is left.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::new(slug(name)).ok()
    }
}

/// Lower-case ASCII slug: accents dropped (NFD, then combining marks removed), other runs become `-`.
#[must_use]
pub fn slug(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    let mut out = String::new();
    let mut dash = false;
    for c in name.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if c.is_ascii_alphanumeric() || c == '.' || c == '_' {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    out.truncate(MAX_ID_LEN - 8);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_checked() {
        assert!(CodeId::new("pc.1").is_ok());
        assert!(CodeId::new("").is_err());
        assert!(CodeId::new("a b").is_err());
        assert!(CodeId::new("é").is_err());
    }

    #[test]
    fn slugs_drop_accents() {
        assert_eq!(slug("Chloé Martin"), "chloe-martin");
        assert_eq!(slug("  Appel de Paris — 2018 "), "appel-de-paris-2018");
        assert_eq!(CoderId::from_name("???"), None);
    }
}
