//! Reading older project files.
//!
//! Each older version has its own serde shape here and a conversion to the next one, so an old
//! file is never read with today's rules. Version 0 is the pre-release shape (one code per
//! annotation, document metadata inline, no modification time); it is kept so that the machinery
//! is exercised by a real fixture (`tests/data/v0-project.ncp.ron`) before version 2 needs it.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Deserialize;

use crate::model::{
    AnnotationId, Code, CodeGroup, CodeId, Coder, CoderId, DocDate, DocId, DocumentMeta,
};

use super::StoreError;
use super::file_format::{
    AnnotationRecord, CURRENT_VERSION, DocumentRecord, FORMAT_NAME, ProjectFile, parse,
};

/// Parses a file of an older `version` and converts it, step by step, to the current shape.
pub(super) fn to_current(version: u32, text: &str) -> Result<ProjectFile<'static>, StoreError> {
    match version {
        0 => Ok(v0_to_v1(parse::<V0File>(text)?)),
        v => Err(StoreError::NotAProject {
            path: None,
            looks_like: None,
            reason: format!(
                "file format version {v} is unknown (this build reads 0 to {CURRENT_VERSION})"
            ),
        }),
    }
}

#[derive(Deserialize)]
struct V0File {
    name: String,
    created: DateTime<Utc>,
    coders: Vec<Coder>,
    groups: Vec<CodeGroup>,
    codes: Vec<Code>,
    documents: Vec<V0Document>,
    annotations: Vec<V0Annotation>,
}

#[derive(Deserialize)]
struct V0Document {
    id: DocId,
    title: String,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    date: Option<DocDate>,
    #[serde(default)]
    attributes: BTreeMap<String, String>,
    text: String,
}

#[derive(Deserialize)]
struct V0Annotation {
    id: AnnotationId,
    doc: DocId,
    start: usize,
    end: usize,
    code: CodeId,
    coder: CoderId,
    created: DateTime<Utc>,
    #[serde(default)]
    memo: String,
}

fn v0_to_v1(old: V0File) -> ProjectFile<'static> {
    ProjectFile {
        format: FORMAT_NAME.into(),
        version: 1,
        name: old.name,
        description: String::new(),
        created: old.created,
        coders: old.coders,
        groups: old.groups,
        codes: old.codes,
        documents: old
            .documents
            .into_iter()
            .map(|d| DocumentRecord {
                sha256: crate::model::sha256_hex(&d.text),
                id: d.id,
                meta: std::borrow::Cow::Owned(DocumentMeta {
                    title: d.title,
                    language: d.language,
                    date: d.date,
                    attributes: d.attributes,
                    ..DocumentMeta::default()
                }),
                text: d.text.into(),
            })
            .collect(),
        annotations: old
            .annotations
            .into_iter()
            .map(|a| AnnotationRecord {
                id: a.id,
                doc: a.doc,
                start: a.start,
                end: a.end,
                codes: vec![a.code],
                coder: a.coder,
                created: a.created,
                modified: None,
                memo: a.memo.into(),
                quote: "".into(),
            })
            .collect(),
    }
}
