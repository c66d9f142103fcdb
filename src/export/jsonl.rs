//! JSON Lines for NLP pipelines: a folder from which a script rebuilds every document and
//! annotation without knowing Normcoder.
//!
//! `documents.jsonl` (one document per line), `annotations.jsonl` (one annotation per line,
//! offsets in code points, end exclusive: Python's `text[start:end] == quote`), `codebook.json`
//! (groups, codes, coders) and a `README.md` that states the fields.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::Localized;

use super::{ExportError, Options, Output, View, timestamp};

/// One line of `documents.jsonl`.
#[derive(Debug, Serialize)]
pub struct DocumentLine<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub text: &'a str,
    pub language: Option<&'a str>,
    pub date: Option<String>,
    pub author: Option<&'a str>,
    pub institution: Option<&'a str>,
    pub kind: Option<&'a str>,
    pub origin: Option<&'a str>,
    pub sha256: &'a str,
    pub attributes: &'a BTreeMap<String, String>,
}

/// One line of `annotations.jsonl`.
#[derive(Debug, Serialize)]
pub struct AnnotationLine<'a> {
    pub id: &'a str,
    pub document: &'a str,
    pub start: usize,
    pub end: usize,
    pub quote: &'a str,
    pub codes: Vec<&'a str>,
    pub coder: &'a str,
    pub memo: &'a str,
    pub created: String,
    pub modified: String,
}

#[derive(Debug, Serialize)]
struct CodebookJson<'a> {
    groups: Vec<GroupJson<'a>>,
    codes: Vec<CodeJson<'a>>,
    coders: Vec<CoderJson<'a>>,
}

#[derive(Debug, Serialize)]
struct GroupJson<'a> {
    id: &'a str,
    label: &'a Localized,
    source: &'a str,
}

#[derive(Debug, Serialize)]
struct CodeJson<'a> {
    id: &'a str,
    group: &'a str,
    label: &'a Localized,
    definition: &'a Localized,
    colour: String,
    parent: Option<&'a str>,
    shortcut: Option<String>,
    aliases: &'a [String],
}

#[derive(Debug, Serialize)]
struct CoderJson<'a> {
    id: &'a str,
    name: &'a str,
}

const README: &str = "# Normcoder export (JSON Lines)

Rebuild everything from these files; no Normcoder needed.

- `documents.jsonl`: one JSON object per line and per document: `id`, `title`, `text` (UTF-8,
  `\\n` line ends, Unicode NFC), `language`, `date`, `author`, `institution`, `kind`, `origin`,
  `sha256` (of `text`), `attributes` (an object of free key → value pairs).
- `annotations.jsonl`: one object per line and per annotation (a coded segment): `id`,
  `document` (the document `id`), `start`, `end`, `quote`, `codes` (a list of code ids),
  `coder` (a coder id), `memo` (empty when none), `created`, `modified` (RFC 3339, UTC).
  `start` and `end` count Unicode code points, end exclusive, so in Python
  `doc[\"text\"][a[\"start\"]:a[\"end\"]] == a[\"quote\"]`. (JavaScript strings count UTF-16
  units: use `Array.from(text).slice(start, end).join(\"\")`.)
- `codebook.json`: `groups` (`id`, `label`, `source`), `codes` (`id`, `group`, `label`,
  `definition` — each label and definition is `{\"en\": …, \"fr\": …}`, `fr` absent when
  there is no translation —, `colour`
  `#rrggbb`, `parent`, `shortcut`, `aliases`) and `coders` (`id`, `name`).
";

fn opt(s: Option<&String>) -> Option<&str> {
    s.map(String::as_str).filter(|s| !s.is_empty())
}

pub fn write(view: &View<'_>, _options: &Options) -> Result<Output, ExportError> {
    let mut documents = Vec::new();
    for doc in &view.documents {
        let meta = doc.meta();
        serde_json::to_writer(
            &mut documents,
            &DocumentLine {
                id: doc.id().as_str(),
                title: &meta.title,
                text: doc.text(),
                language: opt(meta.language.as_ref()),
                date: meta.date.map(|d| d.to_string()),
                author: opt(meta.author.as_ref()),
                institution: opt(meta.institution.as_ref()),
                kind: meta.kind.map(crate::model::DocKind::name),
                origin: opt(meta.origin.as_ref()),
                sha256: doc.sha256(),
                attributes: &meta.attributes,
            },
        )?;
        documents.push(b'\n');
    }
    let mut annotations = Vec::new();
    for coding in &view.codings {
        let ann = coding.annotation;
        serde_json::to_writer(
            &mut annotations,
            &AnnotationLine {
                id: ann.id().as_str(),
                document: ann.doc().as_str(),
                start: ann.span().start(),
                end: ann.span().end(),
                quote: coding.quote,
                codes: coding.codes.iter().map(|c| c.id.as_str()).collect(),
                coder: ann.coder().as_str(),
                memo: ann.memo(),
                created: timestamp(ann.created()),
                modified: timestamp(ann.modified()),
            },
        )?;
        annotations.push(b'\n');
    }
    let codebook = CodebookJson {
        groups: view
            .groups
            .iter()
            .map(|g| GroupJson {
                id: g.id.as_str(),
                label: &g.label,
                source: &g.source,
            })
            .collect(),
        codes: view
            .codes
            .iter()
            .map(|c| CodeJson {
                id: c.id.as_str(),
                group: c.group.as_str(),
                label: &c.label,
                definition: &c.definition,
                colour: c.colour.to_string(),
                parent: c.parent.as_ref().map(crate::model::CodeId::as_str),
                shortcut: c.shortcut.map(|s| s.key().to_string()),
                aliases: &c.aliases,
            })
            .collect(),
        coders: view
            .coders
            .iter()
            .map(|c| CoderJson {
                id: c.id.as_str(),
                name: &c.name,
            })
            .collect(),
    };
    let mut codebook_bytes = serde_json::to_vec_pretty(&codebook)?;
    codebook_bytes.push(b'\n');
    Ok(Output::Folder(vec![
        ("README.md".to_owned(), README.as_bytes().to_vec()),
        ("annotations.jsonl".to_owned(), annotations),
        ("codebook.json".to_owned(), codebook_bytes),
        ("documents.jsonl".to_owned(), documents),
    ]))
}
