//! The shape of a codebook file (`assets/codebooks/*.ron`) and its checks.
//!
//! This file depends on nothing but `serde` and `std` on purpose: `build.rs` includes it with
//! `#[path]`, so the build and the running program check codebooks with the very same rules, and
//! a duplicate id, a missing label or a bad colour in a built-in codebook fails the build.

use serde::{Deserialize, Serialize};

/// The `format` field of a codebook file.
pub const CODEBOOK_FORMAT: &str = "normcoder-codebook";
/// The codebook file version this build reads.
pub const CODEBOOK_VERSION: u32 = 1;

/// English text and, where verified, French text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub en: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fr: Option<String>,
}

/// The group a codebook file becomes in a project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupEntry {
    pub id: String,
    pub label: Text,
    /// Where the wording comes from (URL, document, date).
    pub source: String,
    /// Languages knowingly missing (`["fr"]`), so an absent French label is a stated gap, not a slip.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_translations: Vec<String>,
}

/// One code of a codebook file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeEntry {
    pub id: String,
    pub label: Text,
    pub definition: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_text: Option<Text>,
    /// `#rrggbb`.
    pub colour: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shortcut: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// A whole codebook file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodebookFile {
    pub format: String,
    pub version: u32,
    pub group: GroupEntry,
    pub codes: Vec<CodeEntry>,
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 128
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | ':'))
}

fn valid_colour(c: &str) -> bool {
    c.len() == 7 && c.starts_with('#') && c.bytes().skip(1).all(|b| b.is_ascii_hexdigit())
}

impl CodebookFile {
    /// Every rule this file breaks, one sentence each; empty when the file is sound.
    #[must_use]
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.format != CODEBOOK_FORMAT {
            out.push(format!(
                "format is {:?}, expected {CODEBOOK_FORMAT:?}",
                self.format
            ));
        }
        if self.version != CODEBOOK_VERSION {
            out.push(format!(
                "version is {}, this build reads {CODEBOOK_VERSION}",
                self.version
            ));
        }
        let g = &self.group;
        if !valid_id(&g.id) {
            out.push(format!("group id {:?} is not a valid id", g.id));
        }
        let fr_missing_ok = g.missing_translations.iter().any(|l| l == "fr");
        check_text(
            &mut out,
            &format!("group {}", g.id),
            "label",
            &g.label,
            fr_missing_ok,
        );
        if g.source.trim().is_empty() {
            out.push(format!("group {} has no source", g.id));
        }
        let mut seen: Vec<&str> = Vec::new();
        let mut keys: Vec<(&str, &str)> = Vec::new();
        for code in &self.codes {
            let who = format!("code {}", code.id);
            if !valid_id(&code.id) {
                out.push(format!("{who}: not a valid id"));
            }
            if seen.contains(&code.id.as_str()) {
                out.push(format!("{who}: duplicate id"));
            }
            seen.push(&code.id);
            check_text(&mut out, &who, "label", &code.label, fr_missing_ok);
            check_text(
                &mut out,
                &who,
                "definition",
                &code.definition,
                fr_missing_ok,
            );
            if let Some(src) = &code.source_text {
                check_text(&mut out, &who, "source text", src, fr_missing_ok);
            }
            if !valid_colour(&code.colour) {
                out.push(format!("{who}: colour {:?} is not #rrggbb", code.colour));
            }
            if let Some(key) = &code.shortcut {
                let mut chars = key.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if c.is_ascii_alphanumeric() => {
                        if let Some((_, other)) = keys.iter().find(|(k, _)| *k == key.as_str()) {
                            out.push(format!("{who}: shortcut {key:?} is also used by {other}"));
                        }
                        keys.push((key, &code.id));
                    }
                    _ => out.push(format!(
                        "{who}: shortcut {key:?} must be one letter or digit"
                    )),
                }
            }
        }
        for code in &self.codes {
            if let Some(p) = &code.parent
                && !seen.contains(&p.as_str())
            {
                out.push(format!(
                    "code {}: parent {p:?} is not in this codebook",
                    code.id
                ));
            }
        }
        out
    }
}

fn check_text(out: &mut Vec<String>, who: &str, what: &str, text: &Text, fr_missing_ok: bool) {
    if text.en.trim().is_empty() {
        out.push(format!("{who}: missing English {what}"));
    }
    match &text.fr {
        Some(fr) if fr.trim().is_empty() => out.push(format!("{who}: empty French {what}")),
        None if !fr_missing_ok => out.push(format!(
            "{who}: missing French {what} (list \"fr\" in missing_translations if it is knowingly absent)"
        )),
        _ => {}
    }
}

/// Problems across several codebooks that a project may combine: a code id or shortcut used twice.
#[must_use]
pub fn cross_problems(books: &[(&str, &CodebookFile)]) -> Vec<String> {
    let mut out = Vec::new();
    let mut ids: Vec<(&str, &str)> = Vec::new();
    for (name, book) in books {
        for code in &book.codes {
            if let Some((other, _)) = ids.iter().find(|(_, id)| *id == code.id) {
                out.push(format!("code id {} is in both {other} and {name}", code.id));
            }
            ids.push((name, &code.id));
        }
    }
    out
}
