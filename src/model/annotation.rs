//! A coded segment.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::{AnnotationId, CharSpan, CodeId, CoderId, DocId, ModelError};

/// A span of one document tagged with one or more codes by one coder.
///
/// Built freely, but it only enters a [`super::Project`] through `edit`, which checks the span
/// against the text and the codes against the codebook and the coder. The quoted text is not
/// stored twice: [`super::Project::quote`] reads it from the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Annotation {
    id: AnnotationId,
    doc: DocId,
    span: CharSpan,
    codes: BTreeSet<CodeId>,
    coder: CoderId,
    memo: String,
    created: DateTime<Utc>,
    modified: DateTime<Utc>,
}

impl Annotation {
    /// A new annotation; `created` and `modified` both take `at` (the model has no clock).
    #[expect(
        clippy::similar_names,
        reason = "`codes` and `coder` are the domain's words"
    )]
    pub fn new(
        id: AnnotationId,
        doc: DocId,
        span: CharSpan,
        codes: BTreeSet<CodeId>,
        coder: CoderId,
        memo: impl Into<String>,
        at: DateTime<Utc>,
    ) -> Result<Self, ModelError> {
        if codes.is_empty() {
            return Err(ModelError::NoCode(id));
        }
        Ok(Self {
            id,
            doc,
            span,
            codes,
            coder,
            memo: memo.into(),
            created: at,
            modified: at,
        })
    }

    /// Sets the modification time, for annotations read from a file.
    pub fn with_modified(mut self, modified: DateTime<Utc>) -> Result<Self, ModelError> {
        if modified < self.created {
            return Err(ModelError::TimeTravel {
                id: self.id,
                created: self.created.to_rfc3339(),
                modified: modified.to_rfc3339(),
            });
        }
        self.modified = modified;
        Ok(self)
    }

    #[must_use]
    pub fn id(&self) -> &AnnotationId {
        &self.id
    }
    #[must_use]
    pub fn doc(&self) -> &DocId {
        &self.doc
    }
    #[must_use]
    pub fn span(&self) -> CharSpan {
        self.span
    }
    /// The codes, sorted by id.
    #[must_use]
    pub fn codes(&self) -> &BTreeSet<CodeId> {
        &self.codes
    }
    #[must_use]
    pub fn coder(&self) -> &CoderId {
        &self.coder
    }
    /// Free note; empty when there is none.
    #[must_use]
    pub fn memo(&self) -> &str {
        &self.memo
    }
    #[must_use]
    pub fn created(&self) -> DateTime<Utc> {
        self.created
    }
    #[must_use]
    pub fn modified(&self) -> DateTime<Utc> {
        self.modified
    }
    pub(crate) fn set_codes(&mut self, codes: BTreeSet<CodeId>, at: DateTime<Utc>) {
        self.codes = codes;
        self.modified = at;
    }
    pub(crate) fn set_span(&mut self, span: CharSpan, at: DateTime<Utc>) {
        self.span = span;
        self.modified = at;
    }
    pub(crate) fn set_memo(&mut self, memo: String, at: DateTime<Utc>) {
        self.memo = memo;
        self.modified = at;
    }
}
