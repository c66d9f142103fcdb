//! Codes and the codebook that groups them.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::{CodeId, GroupId, Localized, ModelError};

/// A display colour, `#rrggbb`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Colour {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Colour {
    /// Parses `#rrggbb` (case-insensitive).
    pub fn parse(text: &str) -> Result<Self, ModelError> {
        let bad = || ModelError::BadColour(text.to_owned());
        let hex = text.strip_prefix('#').ok_or_else(bad)?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad());
        }
        let byte = |i: usize| {
            hex.get(i..i + 2)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        };
        Ok(Self {
            r: byte(0).ok_or_else(bad)?,
            g: byte(2).ok_or_else(bad)?,
            b: byte(4).ok_or_else(bad)?,
        })
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

impl TryFrom<String> for Colour {
    type Error = ModelError;
    fn try_from(value: String) -> Result<Self, ModelError> {
        Self::parse(&value)
    }
}

impl From<Colour> for String {
    fn from(c: Colour) -> String {
        c.to_string()
    }
}

/// A one-key shortcut that applies a code to the selection (`1`…`9` for the Paris Call).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Shortcut(char);

impl Shortcut {
    /// One ASCII letter or digit.
    pub fn new(key: char) -> Option<Self> {
        key.is_ascii_alphanumeric()
            .then(|| Self(key.to_ascii_lowercase()))
    }

    /// The key.
    #[must_use]
    pub fn key(self) -> char {
        self.0
    }
}

impl TryFrom<String> for Shortcut {
    type Error = String;
    fn try_from(value: String) -> Result<Self, String> {
        let mut chars = value.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => {
                Self::new(c).ok_or_else(|| format!("shortcut {value:?} is not a letter or digit"))
            }
            _ => Err(format!("shortcut {value:?} must be exactly one key")),
        }
    }
}

impl From<Shortcut> for String {
    fn from(s: Shortcut) -> String {
        s.0.to_string()
    }
}

/// A group of codes, usually one built-in codebook ("Paris Call (2018)", "Actor types").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeGroup {
    pub id: GroupId,
    pub label: Localized,
    /// Where the wording comes from, so that a coder can check it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// Languages whose labels and definitions are knowingly absent (`["fr"]` for UN GGE 2015).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_translations: Vec<String>,
}

/// One code of the codebook.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Code {
    pub id: CodeId,
    pub group: GroupId,
    /// Short name shown on buttons.
    pub label: Localized,
    /// The official definition, shown when hovering a code.
    pub definition: Localized,
    /// The wording of the source text itself where it differs from the definition (the 2018
    /// declaration for the Paris Call).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_text: Option<Localized>,
    pub colour: Colour,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shortcut: Option<Shortcut>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<CodeId>,
    /// Other names the texts use (« cyber-riposte », "hack back"): search hints, never definitions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// Groups and codes, in display order.
///
/// Order is data here (principles 1 to 9 are read in that order), so it is kept as given rather
/// than sorted; the file is still deterministic because the order is part of the project.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Codebook {
    groups: Vec<CodeGroup>,
    codes: Vec<Code>,
    /// Position of each code in `codes`; rebuilt whenever `codes` changes.
    index: BTreeMap<CodeId, usize>,
}

impl Codebook {
    /// Builds a codebook and checks it: unique ids, known groups and parents, no cycles, no
    /// shortcut used twice, non-empty English labels.
    pub fn new(groups: Vec<CodeGroup>, codes: Vec<Code>) -> Result<Self, ModelError> {
        let mut book = Self {
            groups,
            codes,
            index: BTreeMap::new(),
        };
        book.reindex()?;
        book.validate()?;
        Ok(book)
    }

    /// The groups, in display order.
    #[must_use]
    pub fn groups(&self) -> &[CodeGroup] {
        &self.groups
    }

    /// The codes, in display order.
    #[must_use]
    pub fn codes(&self) -> &[Code] {
        &self.codes
    }

    /// The codes of one group, in display order.
    pub fn codes_in<'a>(&'a self, group: &'a GroupId) -> impl Iterator<Item = &'a Code> + 'a {
        self.codes.iter().filter(move |c| &c.group == group)
    }

    /// A code by id.
    #[must_use]
    pub fn code(&self, id: &CodeId) -> Option<&Code> {
        self.index.get(id).and_then(|&i| self.codes.get(i))
    }

    /// A group by id.
    #[must_use]
    pub fn group(&self, id: &GroupId) -> Option<&CodeGroup> {
        self.groups.iter().find(|g| &g.id == id)
    }

    /// Display position of a code.
    #[must_use]
    pub fn position(&self, id: &CodeId) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// The code bound to a key, if any.
    #[must_use]
    pub fn code_for_shortcut(&self, key: char) -> Option<&Code> {
        let key = key.to_ascii_lowercase();
        self.codes
            .iter()
            .find(|c| c.shortcut.is_some_and(|s| s.key() == key))
    }

    fn reindex(&mut self) -> Result<(), ModelError> {
        self.index.clear();
        for (i, code) in self.codes.iter().enumerate() {
            if self.index.insert(code.id.clone(), i).is_some() {
                return Err(ModelError::DuplicateCode(code.id.clone()));
            }
        }
        Ok(())
    }

    fn validate(&self) -> Result<(), ModelError> {
        for (i, g) in self.groups.iter().enumerate() {
            if self.groups.iter().skip(i + 1).any(|h| h.id == g.id) {
                return Err(ModelError::DuplicateGroup(g.id.clone()));
            }
            if g.label.en.trim().is_empty() {
                return Err(ModelError::EmptyText {
                    what: format!("the English label of group {}", g.id),
                });
            }
        }
        let mut shortcuts: BTreeMap<char, &CodeId> = BTreeMap::new();
        for code in &self.codes {
            self.check_code(code)?;
            if let Some(s) = code.shortcut
                && let Some(first) = shortcuts.insert(s.key(), &code.id)
            {
                return Err(ModelError::DuplicateShortcut {
                    shortcut: s.key(),
                    first: first.clone(),
                    second: code.id.clone(),
                });
            }
        }
        Ok(())
    }

    /// Checks one code against the rest of the book (group, parent chain, label).
    fn check_code(&self, code: &Code) -> Result<(), ModelError> {
        if self.group(&code.group).is_none() {
            return Err(ModelError::UnknownGroup(code.group.clone()));
        }
        if code.label.en.trim().is_empty() {
            return Err(ModelError::EmptyText {
                what: format!("the English label of code {}", code.id),
            });
        }
        let mut seen = 0;
        let mut parent = code.parent.as_ref();
        while let Some(p) = parent {
            if p == &code.id || seen > self.codes.len() {
                return Err(ModelError::ParentCycle {
                    code: code.id.clone(),
                });
            }
            let Some(pc) = self.code(p) else {
                return Err(ModelError::UnknownCode(p.clone()));
            };
            parent = pc.parent.as_ref();
            seen += 1;
        }
        Ok(())
    }

    /// Inserts a code at `position` (end when `None` or past the end); the whole book is
    /// re-checked and left unchanged on error.
    pub(crate) fn insert_code(
        &mut self,
        code: Code,
        position: Option<usize>,
    ) -> Result<usize, ModelError> {
        if self.index.contains_key(&code.id) {
            return Err(ModelError::DuplicateCode(code.id));
        }
        let at = position.unwrap_or(self.codes.len()).min(self.codes.len());
        let mut next = self.clone();
        next.codes.insert(at, code);
        next.reindex()?;
        next.validate()?;
        *self = next;
        Ok(at)
    }

    /// Replaces the code with the same id; returns the old one.
    pub(crate) fn replace_code(&mut self, code: Code) -> Result<Code, ModelError> {
        let Some(&at) = self.index.get(&code.id) else {
            return Err(ModelError::UnknownCode(code.id));
        };
        let mut next = self.clone();
        let slot = next
            .codes
            .get_mut(at)
            .ok_or_else(|| ModelError::UnknownCode(code.id.clone()))?;
        let old = std::mem::replace(slot, code);
        next.validate()?;
        *self = next;
        Ok(old)
    }

    /// Removes a code that no other code has as parent; returns it and its position.
    pub(crate) fn remove_code(&mut self, id: &CodeId) -> Result<(Code, usize), ModelError> {
        let Some(&at) = self.index.get(id) else {
            return Err(ModelError::UnknownCode(id.clone()));
        };
        if let Some(child) = self.codes.iter().find(|c| c.parent.as_ref() == Some(id)) {
            return Err(ModelError::CodeHasChildren {
                code: id.clone(),
                child: child.id.clone(),
            });
        }
        let code = self.codes.remove(at);
        self.reindex()?;
        Ok((code, at))
    }

    /// Adds a group at `position` (end when `None`).
    pub(crate) fn insert_group(
        &mut self,
        group: CodeGroup,
        position: Option<usize>,
    ) -> Result<usize, ModelError> {
        if self.group(&group.id).is_some() {
            return Err(ModelError::DuplicateGroup(group.id));
        }
        let at = position.unwrap_or(self.groups.len()).min(self.groups.len());
        let mut next = self.clone();
        next.groups.insert(at, group);
        next.validate()?;
        *self = next;
        Ok(at)
    }

    /// Removes a group that holds no code.
    pub(crate) fn remove_group(&mut self, id: &GroupId) -> Result<(CodeGroup, usize), ModelError> {
        let Some(at) = self.groups.iter().position(|g| &g.id == id) else {
            return Err(ModelError::UnknownGroup(id.clone()));
        };
        if self.codes.iter().any(|c| &c.group == id) {
            return Err(ModelError::GroupNotEmpty(id.clone()));
        }
        Ok((self.groups.remove(at), at))
    }
}
