//! The serialisable shape of a project file (version 1) and its conversion to and from the model.
//!
//! This is the serialisation boundary: the model's types stay free to change, this shape changes
//! only with a new version number and a migration in `migrate.rs`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::{
    Annotation, AnnotationId, CharSpan, Code, CodeGroup, CodeId, Codebook, Coder, CoderId, DocId,
    Document, DocumentMeta, ModelError, Project, ProjectMeta, ProjectParts,
};

use super::{Loaded, StoreError, migrate};

/// The `format` field every project file starts with.
pub const FORMAT_NAME: &str = "normcoder-project";
/// The version this build writes, and the newest it reads.
pub const CURRENT_VERSION: u32 = 1;

/// Just enough of a file to know what it is and which version wrote it.
#[derive(Deserialize)]
#[serde(rename = "NormcoderProject")]
pub(super) struct Header {
    pub format: String,
    pub version: u32,
}

/// A project file, version 1.
#[derive(Serialize, Deserialize)]
#[serde(rename = "NormcoderProject")]
pub(super) struct ProjectFile {
    pub format: String,
    pub version: u32,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    pub created: DateTime<Utc>,
    pub coders: Vec<Coder>,
    pub groups: Vec<CodeGroup>,
    pub codes: Vec<Code>,
    pub documents: Vec<DocumentRecord>,
    pub annotations: Vec<AnnotationRecord>,
}

/// A document as stored: metadata, hash and the full normalised text.
#[derive(Serialize, Deserialize)]
pub(super) struct DocumentRecord {
    pub id: DocId,
    pub sha256: String,
    pub meta: DocumentMeta,
    pub text: String,
}

/// An annotation as stored: one line in the file, quote last.
#[derive(Serialize, Deserialize)]
pub(super) struct AnnotationRecord {
    pub id: AnnotationId,
    pub doc: DocId,
    pub start: usize,
    pub end: usize,
    pub codes: Vec<CodeId>,
    pub coder: CoderId,
    pub created: DateTime<Utc>,
    pub modified: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub memo: String,
    /// The coded text, for people reading the file and to catch hand-edited offsets; checked
    /// against the text on load unless empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub quote: String,
}

/// The RON layout: one annotation (or code, coder, document header) per line, multi-line texts
/// kept readable, so project files diff cleanly in git.
fn pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .depth_limit(2)
        .indentor("  ")
        .escape_strings(false)
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Writes a project in its canonical form: the same project always gives the same text.
pub fn to_ron_string(project: &Project) -> Result<String, StoreError> {
    let file = ProjectFile::from_project(project);
    let mut text = ron::ser::to_string_pretty(&file, pretty())
        .map_err(|e| StoreError::Serialize(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// Parses project text (any supported version) into a checked project.
pub fn from_ron_str(text: &str) -> Result<Loaded, StoreError> {
    let header: Header = ron::from_str(text).map_err(|e| header_error(&e))?;
    if header.format != FORMAT_NAME {
        return Err(StoreError::NotAProject {
            path: None,
            reason: format!("format is {:?}, expected {FORMAT_NAME:?}", header.format),
        });
    }
    if header.version > CURRENT_VERSION {
        return Err(StoreError::TooNew {
            path: None,
            version: header.version,
            supported: CURRENT_VERSION,
        });
    }
    let (file, migrated_from) = if header.version == CURRENT_VERSION {
        (parse::<ProjectFile>(text)?, None)
    } else {
        (
            migrate::to_current(header.version, text)?,
            Some(header.version),
        )
    };
    let project = file
        .into_project()
        .map_err(|problems| StoreError::Invalid {
            path: None,
            problems,
        })?;
    Ok(Loaded {
        project,
        migrated_from,
    })
}

/// Parses RON text into `T`, keeping the line and column of any error.
pub(super) fn parse<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, StoreError> {
    ron::from_str(text).map_err(|e| syntax_error(&e))
}

fn syntax_error(e: &ron::error::SpannedError) -> StoreError {
    StoreError::Syntax {
        path: None,
        line: e.span.start.line,
        col: e.span.start.col,
        message: e.code.to_string(),
    }
}

/// A file whose header cannot be read is either broken RON (report where) or some other RON.
fn header_error(e: &ron::error::SpannedError) -> StoreError {
    match &e.code {
        ron::Error::MissingStructField { field, .. } => StoreError::NotAProject {
            path: None,
            reason: format!("it has no `{field}` field"),
        },
        _ => syntax_error(e),
    }
}

impl ProjectFile {
    fn from_project(project: &Project) -> Self {
        let meta = project.meta();
        Self {
            format: FORMAT_NAME.to_owned(),
            version: CURRENT_VERSION,
            name: meta.name.clone(),
            description: meta.description.clone(),
            created: meta.created,
            coders: project.coders().cloned().collect(),
            groups: project.codebook().groups().to_vec(),
            codes: project.codebook().codes().to_vec(),
            documents: project
                .documents()
                .map(|d| DocumentRecord {
                    id: d.id().clone(),
                    sha256: d.sha256().to_owned(),
                    meta: d.meta().clone(),
                    text: d.text().to_owned(),
                })
                .collect(),
            annotations: project
                .annotations()
                .map(|a| AnnotationRecord {
                    id: a.id().clone(),
                    doc: a.doc().clone(),
                    start: a.span().start(),
                    end: a.span().end(),
                    codes: a.codes().iter().cloned().collect(),
                    coder: a.coder().clone(),
                    created: a.created(),
                    modified: a.modified(),
                    memo: a.memo().to_owned(),
                    quote: a.quote().to_owned(),
                })
                .collect(),
        }
    }

    /// Checks everything and builds the project; every problem found is returned.
    pub(super) fn into_project(self) -> Result<Project, Vec<ModelError>> {
        let mut problems = Vec::new();
        let codebook = match Codebook::new(self.groups, self.codes) {
            Ok(book) => book,
            Err(e) => return Err(vec![e]),
        };
        let mut documents = Vec::with_capacity(self.documents.len());
        for d in self.documents {
            match Document::with_hash(d.id, d.meta, d.text, &d.sha256) {
                Ok(doc) => documents.push(doc),
                Err(e) => problems.push(e),
            }
        }
        let mut annotations = Vec::with_capacity(self.annotations.len());
        for a in self.annotations {
            let built = CharSpan::new(a.start, a.end).and_then(|span| {
                Annotation::new(
                    a.id,
                    a.doc,
                    span,
                    a.codes.into_iter().collect(),
                    a.coder,
                    a.memo,
                    a.created,
                )?
                .with_modified(a.modified)
            });
            match built {
                Ok(ann) => annotations.push((ann, (!a.quote.is_empty()).then_some(a.quote))),
                Err(e) => problems.push(e),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Project::from_parts(ProjectParts {
            meta: ProjectMeta {
                name: self.name,
                description: self.description,
                created: self.created,
            },
            coders: self.coders,
            codebook,
            documents,
            annotations,
        })
    }
}
