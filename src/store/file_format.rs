//! The serialisable shape of a project file (version 1) and its conversion to and from the model.
//!
//! This is the serialisation boundary: the model's types stay free to change, this shape changes
//! only with a new version number and a migration in `migrate.rs`.

use std::borrow::Cow;
use std::collections::HashMap;

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
///
/// Texts are `Cow`s: saving borrows them from the project instead of copying 100,000 quotes,
/// and loading borrows quotes from the file text (they are only compared with the document).
#[derive(Serialize, Deserialize)]
#[serde(rename = "NormcoderProject")]
pub(super) struct ProjectFile<'a> {
    #[serde(borrow)]
    pub format: Cow<'a, str>,
    pub version: u32,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    pub created: DateTime<Utc>,
    pub coders: Vec<Coder>,
    pub groups: Vec<CodeGroup>,
    pub codes: Vec<Code>,
    #[serde(borrow)]
    pub documents: Vec<DocumentRecord<'a>>,
    #[serde(borrow)]
    pub annotations: Vec<AnnotationRecord<'a>>,
}

/// A document as stored: metadata, hash and the full normalised text.
#[derive(Serialize, Deserialize)]
pub(super) struct DocumentRecord<'a> {
    pub id: DocId,
    pub sha256: String,
    pub meta: Cow<'a, DocumentMeta>,
    #[serde(borrow)]
    pub text: Cow<'a, str>,
}

/// An annotation as stored: one line in the file, quote last.
#[derive(Serialize, Deserialize)]
pub(super) struct AnnotationRecord<'a> {
    pub id: AnnotationId,
    pub doc: DocId,
    pub start: usize,
    pub end: usize,
    pub codes: Vec<CodeId>,
    pub coder: CoderId,
    #[serde(with = "rfc3339")]
    pub created: DateTime<Utc>,
    /// Absent when the annotation was never changed after it was made.
    #[serde(default, with = "rfc3339_opt", skip_serializing_if = "Option::is_none")]
    pub modified: Option<DateTime<Utc>>,
    #[serde(default, borrow, skip_serializing_if = "str::is_empty")]
    pub memo: Cow<'a, str>,
    /// The coded text, for people reading the file and to catch hand-edited offsets; checked
    /// against the text on load unless empty.
    #[serde(default, borrow, skip_serializing_if = "str::is_empty")]
    pub quote: Cow<'a, str>,
}

/// An annotation whose quote was already checked (so none is passed on).
type CheckedAnnotation = (Annotation, Option<Cow<'static, str>>);

/// Annotations at or above this count are converted and checked on two threads.
const PARALLEL_FROM: usize = 20_000;

/// Turns records into annotations and checks each stored quote against its document.
///
/// This is half of the cost of opening a large project and needs nothing but read access to the
/// documents, so large projects split it over two threads; inserting into the project stays
/// sequential (and deterministic).
fn build_annotations(
    records: Vec<AnnotationRecord<'_>>,
    documents: &[Document],
) -> (Vec<CheckedAnnotation>, Vec<ModelError>) {
    let by_id: HashMap<&DocId, &Document> = documents.iter().map(|d| (d.id(), d)).collect();
    let convert = |chunk: Vec<AnnotationRecord<'_>>| {
        let mut built = Vec::with_capacity(chunk.len());
        let mut problems = Vec::new();
        for a in chunk {
            match build_annotation(a, &by_id) {
                Ok(ann) => built.push((ann, None)),
                Err(e) => problems.push(e),
            }
        }
        (built, problems)
    };
    if records.len() < PARALLEL_FROM {
        return convert(records);
    }
    let mut second = records;
    let first: Vec<_> = second.drain(..second.len() / 2).collect();
    std::thread::scope(|scope| {
        let helper = std::thread::Builder::new()
            .name("normcoder-load".to_owned())
            .spawn_scoped(scope, || convert(first));
        let (mut built_b, mut problems_b) = convert(second);
        if let Ok(Ok((mut built, mut problems))) = helper.map(std::thread::ScopedJoinHandle::join) {
            built.append(&mut built_b);
            problems.append(&mut problems_b);
            return (built, problems);
        }
        // The thread could not start or panicked: report it rather than lose annotations.
        problems_b.push(ModelError::Internal(
            "the loading thread failed; half of the annotations were not read".to_owned(),
        ));
        (built_b, problems_b)
    })
}

/// One record → one annotation, with its stored quote checked against the text.
fn build_annotation(
    a: AnnotationRecord<'_>,
    documents: &HashMap<&DocId, &Document>,
) -> Result<Annotation, ModelError> {
    let span = CharSpan::new(a.start, a.end)?;
    if !a.quote.is_empty()
        && let Some(doc) = documents.get(&a.doc)
        && let Ok(actual) = doc.slice(span)
        && actual != a.quote
    {
        return Err(ModelError::QuoteMismatch {
            id: a.id,
            span,
            stored: a.quote.into_owned(),
            actual: actual.to_owned(),
        });
    }
    Annotation::new(
        a.id,
        a.doc,
        span,
        a.codes.into_iter().collect(),
        a.coder,
        a.memo.into_owned(),
        a.created,
    )?
    .with_modified(a.modified.unwrap_or(a.created))
}

/// Timestamps as RFC 3339 in UTC (`2026-11-20T10:00:00Z`), read with chrono's dedicated RFC 3339
/// parser, which is several times faster than its generic one on 200,000 timestamps.
mod rfc3339 {
    use chrono::{DateTime, SecondsFormat, Utc};
    use serde::{Deserialize as _, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(at: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&at.to_rfc3339_opts(SecondsFormat::AutoSi, true))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        DateTime::parse_from_rfc3339(&text)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|e| serde::de::Error::custom(format!("invalid timestamp {text:?}: {e}")))
    }
}

/// [`rfc3339`] for an optional timestamp.
mod rfc3339_opt {
    use chrono::{DateTime, Utc};
    use serde::{Deserializer, Serializer};

    #[expect(
        clippy::ref_option,
        reason = "serde's `with` passes a reference to the field"
    )]
    pub fn serialize<S: Serializer>(at: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
        match at {
            Some(at) => super::rfc3339::serialize(at, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
        super::rfc3339::deserialize(d).map(Some)
    }
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
///
/// The common case — a current file — is parsed once. Only when that fails is the header read
/// on its own, to tell an older file (migrated), a newer one (refused) and a foreign one apart
/// from a plain syntax error; text that cannot be a project at all (a document, nothing) is said
/// to be one before the parser is asked about it.
pub fn from_ron_str(text: &str) -> Result<Loaded, StoreError> {
    let (file, migrated_from) = match ron::from_str::<ProjectFile>(text) {
        Ok(file) => {
            check_header(&file.format, file.version)?;
            (file, None)
        }
        Err(full_error) => {
            if let Some(kind) = super::looks_like(text.as_bytes(), None) {
                return Err(StoreError::NotAProject {
                    path: None,
                    looks_like: Some(kind),
                    reason: kind.reason(),
                });
            }
            let header: Header = ron::from_str(text).map_err(|e| header_error(&e))?;
            check_header(&header.format, header.version)?;
            if header.version == CURRENT_VERSION {
                return Err(syntax_error(&full_error));
            }
            (
                migrate::to_current(header.version, text)?,
                Some(header.version),
            )
        }
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

/// Refuses foreign and newer files.
fn check_header(format: &str, version: u32) -> Result<(), StoreError> {
    if format != FORMAT_NAME {
        return Err(StoreError::NotAProject {
            path: None,
            looks_like: None,
            reason: format!("format is {format:?}, expected {FORMAT_NAME:?}"),
        });
    }
    if version > CURRENT_VERSION {
        return Err(StoreError::TooNew {
            path: None,
            version,
            supported: CURRENT_VERSION,
        });
    }
    Ok(())
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
            looks_like: None,
            reason: format!("it has no `{field}` field"),
        },
        _ => syntax_error(e),
    }
}

impl<'a> ProjectFile<'a> {
    fn from_project(project: &'a Project) -> Self {
        let meta = project.meta();
        Self {
            format: Cow::Borrowed(FORMAT_NAME),
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
                    meta: Cow::Borrowed(d.meta()),
                    text: Cow::Borrowed(d.text()),
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
                    modified: (a.modified() != a.created()).then(|| a.modified()),
                    memo: Cow::Borrowed(a.memo()),
                    quote: Cow::Borrowed(project.quote(a)),
                })
                .collect(),
        }
    }

    /// Checks everything and builds the project; every problem found is returned.
    pub(super) fn into_project(self) -> Result<Project, Vec<ModelError>> {
        // Quotes borrow from the file text; they are checked, never kept.
        let mut problems = Vec::new();
        let codebook = match Codebook::new(self.groups, self.codes) {
            Ok(book) => book,
            Err(e) => return Err(vec![e]),
        };
        let mut documents = Vec::with_capacity(self.documents.len());
        for d in self.documents {
            match Document::with_hash(d.id, d.meta.into_owned(), d.text.into_owned(), &d.sha256) {
                Ok(doc) => documents.push(doc),
                Err(e) => problems.push(e),
            }
        }
        let (annotations, annotation_problems) = build_annotations(self.annotations, &documents);
        problems.extend(annotation_problems);
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
