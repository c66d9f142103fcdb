//! The codebooks shipped inside the binary (`assets/codebooks/*.ron`, checked by `build.rs`).

use std::path::Path;

use crate::model::{
    Code, CodeGroup, CodeId, Codebook, Colour, GroupId, Localized, ModelError, Project,
    ProjectMeta, Shortcut,
};

use super::codebook_file::{CodebookFile, Text};

include!(concat!(env!("OUT_DIR"), "/builtin_codebooks.rs"));

/// Why a built-in codebook could not be used.
#[derive(Debug, thiserror::Error)]
pub enum BuiltinError {
    #[error("no built-in codebook named {name:?}; available: {}", names().join(", "))]
    Unknown { name: String },
    #[error("built-in codebook {name}: {message}")]
    Broken { name: String, message: String },
}

/// Names of the built-in codebooks (`paris-call-2018`, `actors`, `un-gge-2015`).
#[must_use]
pub fn names() -> Vec<&'static str> {
    BUILTIN_SOURCES.iter().map(|(n, _)| *n).collect()
}

/// The parsed file of a built-in codebook.
pub fn file(name: &str) -> Result<CodebookFile, BuiltinError> {
    let Some((_, text)) = BUILTIN_SOURCES.iter().find(|(n, _)| *n == name) else {
        return Err(BuiltinError::Unknown {
            name: name.to_owned(),
        });
    };
    ron::from_str(text).map_err(|e| BuiltinError::Broken {
        name: name.to_owned(),
        message: e.to_string(),
    })
}

/// An empty project with the named built-in codebooks, created now (what `normcoder new` and
/// File ▸ New make).
pub fn new_project(name: String, names: &[&str]) -> Result<Project, BuiltinError> {
    Ok(Project::new(
        ProjectMeta {
            name,
            description: String::new(),
            created: chrono::Utc::now(),
        },
        codebook(names)?,
    ))
}

/// "study.ncp.ron" → "study": the default name of a project saved under that file name.
#[must_use]
pub fn project_name(file: &Path) -> String {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    name.strip_suffix(".ncp.ron")
        .or_else(|| name.strip_suffix(".ron"))
        .unwrap_or(&name)
        .to_owned()
}

/// A codebook made of the named built-in codebooks, one group each, in the order given.
pub fn codebook(names: &[&str]) -> Result<Codebook, BuiltinError> {
    let mut groups = Vec::new();
    let mut codes = Vec::new();
    for name in names {
        let (group, group_codes) = to_model(&file(name)?).map_err(|e| BuiltinError::Broken {
            name: (*name).to_owned(),
            message: e.to_string(),
        })?;
        groups.push(group);
        codes.extend(group_codes);
    }
    Codebook::new(groups, codes).map_err(|e| BuiltinError::Broken {
        name: names.join("+"),
        message: e.to_string(),
    })
}

fn text(t: &Text) -> Localized {
    Localized {
        en: t.en.clone(),
        fr: t.fr.clone(),
    }
}

/// Converts a codebook file into the model's group and codes (the model re-checks them).
pub fn to_model(book: &CodebookFile) -> Result<(CodeGroup, Vec<Code>), ModelError> {
    let problems = book.problems();
    if let Some(first) = problems.first() {
        return Err(ModelError::Codebook(first.clone()));
    }
    let group_id = GroupId::new(&book.group.id)?;
    let group = CodeGroup {
        id: group_id.clone(),
        label: text(&book.group.label),
        source: book.group.source.clone(),
        missing_translations: book.group.missing_translations.clone(),
    };
    let mut codes = Vec::with_capacity(book.codes.len());
    for c in &book.codes {
        codes.push(Code {
            id: CodeId::new(&c.id)?,
            group: group_id.clone(),
            label: text(&c.label),
            definition: text(&c.definition),
            source_text: c.source_text.as_ref().map(text),
            colour: Colour::parse(&c.colour)?,
            shortcut: c
                .shortcut
                .as_deref()
                .and_then(|s| s.chars().next())
                .and_then(Shortcut::new),
            parent: c.parent.as_deref().map(CodeId::new).transpose()?,
            aliases: c.aliases.clone(),
        });
    }
    Ok((group, codes))
}
