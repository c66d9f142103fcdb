//! The whole study: documents, codebook, coders and annotations, with their cross-references.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, Utc};

use super::{
    Annotation, AnnotationId, CharSpan, Code, CodeGroup, CodeId, Codebook, Coder, CoderId, DocId,
    Document, DocumentMeta, GroupId, ModelError,
};

/// What a project says about itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectMeta {
    pub name: String,
    pub description: String,
    pub created: DateTime<Utc>,
}

/// The pieces of a project before their cross-references are checked (what a file holds).
#[derive(Clone, Debug)]
pub struct ProjectParts<'q> {
    pub meta: ProjectMeta,
    pub coders: Vec<Coder>,
    pub codebook: Codebook,
    pub documents: Vec<Document>,
    /// Each annotation with the quote stored beside it in the file, if any, to be checked
    /// against the text.
    pub annotations: Vec<(Annotation, Option<std::borrow::Cow<'q, str>>)>,
}

/// A coding project.
///
/// Every reference is checked when it enters: annotations point at existing documents, codes and
/// coders, and their spans fit their texts. Fields are private; the `pub(crate)` mutators are
/// called only by `crate::edit`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Project {
    meta: ProjectMeta,
    coders: BTreeMap<CoderId, Coder>,
    codebook: Codebook,
    documents: BTreeMap<DocId, Document>,
    /// Keyed by id; hashed rather than sorted because order comes from `by_doc`.
    annotations: HashMap<AnnotationId, Annotation>,
    /// Annotations of each document in reading order (start, end, id): derived from
    /// `annotations`, kept in step by every mutator.
    by_doc: BTreeMap<DocId, BTreeSet<(usize, usize, AnnotationId)>>,
}

impl Project {
    /// An empty project with a codebook.
    #[must_use]
    pub fn new(meta: ProjectMeta, codebook: Codebook) -> Self {
        Self {
            meta,
            coders: BTreeMap::new(),
            codebook,
            documents: BTreeMap::new(),
            annotations: HashMap::new(),
            by_doc: BTreeMap::new(),
        }
    }

    /// Assembles a project and checks every cross-reference; all problems are reported, not only
    /// the first, so that a hand-edited file can be mended in one go.
    pub fn from_parts(parts: ProjectParts<'_>) -> Result<Self, Vec<ModelError>> {
        let mut problems = Vec::new();
        let mut project = Self::new(parts.meta, parts.codebook);
        for coder in parts.coders {
            if let Err(e) = project.insert_coder(coder) {
                problems.push(e);
            }
        }
        for doc in parts.documents {
            if let Err(e) = project.insert_document(doc) {
                problems.push(e);
            }
        }
        project.annotations.reserve(parts.annotations.len());
        for (ann, stored_quote) in parts.annotations {
            if let Some(stored) = stored_quote
                && let Some(doc) = project.documents.get(ann.doc())
                && let Ok(actual) = doc.slice(ann.span())
                && stored != actual
            {
                problems.push(ModelError::QuoteMismatch {
                    id: ann.id().clone(),
                    span: ann.span(),
                    stored: stored.into_owned(),
                    actual: actual.to_owned(),
                });
                continue;
            }
            if let Err(e) = project.insert_annotation(ann) {
                problems.push(e);
            }
        }
        if problems.is_empty() {
            Ok(project)
        } else {
            Err(problems)
        }
    }

    #[must_use]
    pub fn meta(&self) -> &ProjectMeta {
        &self.meta
    }

    #[must_use]
    pub fn codebook(&self) -> &Codebook {
        &self.codebook
    }

    /// Coders, sorted by id.
    pub fn coders(&self) -> impl ExactSizeIterator<Item = &Coder> {
        self.coders.values()
    }

    #[must_use]
    pub fn coder(&self, id: &CoderId) -> Option<&Coder> {
        self.coders.get(id)
    }

    /// Documents, sorted by id.
    pub fn documents(&self) -> impl ExactSizeIterator<Item = &Document> {
        self.documents.values()
    }

    #[must_use]
    pub fn document(&self, id: &DocId) -> Option<&Document> {
        self.documents.get(id)
    }

    /// The document whose text has this SHA-256, if any.
    #[must_use]
    pub fn document_by_hash(&self, sha256: &str) -> Option<&Document> {
        self.documents.values().find(|d| d.sha256() == sha256)
    }

    #[must_use]
    pub fn annotation(&self, id: &AnnotationId) -> Option<&Annotation> {
        self.annotations.get(id)
    }

    /// The text an annotation covers, read from its document.
    #[must_use]
    pub fn quote(&self, ann: &Annotation) -> &str {
        self.documents
            .get(ann.doc())
            .and_then(|d| d.slice(ann.span()).ok())
            .unwrap_or_default()
    }

    /// Number of annotations.
    #[must_use]
    pub fn annotation_count(&self) -> usize {
        self.annotations.len()
    }

    /// Annotations of one document in reading order (start, then end, then id).
    pub fn annotations_in<'a>(&'a self, doc: &DocId) -> impl Iterator<Item = &'a Annotation> + 'a {
        self.by_doc
            .get(doc)
            .into_iter()
            .flatten()
            .filter_map(|(_, _, id)| self.annotations.get(id))
    }

    /// All annotations, by document id, then in reading order: the order of the project file.
    pub fn annotations(&self) -> impl Iterator<Item = &Annotation> {
        self.by_doc
            .values()
            .flatten()
            .filter_map(|(_, _, id)| self.annotations.get(id))
    }

    /// How many annotations carry a code.
    #[must_use]
    pub fn code_use_count(&self, code: &CodeId) -> usize {
        self.annotations
            .values()
            .filter(|a| a.codes().contains(code))
            .count()
    }

    // ---- mutators, for crate::edit only ----

    pub(crate) fn set_meta(&mut self, meta: ProjectMeta) -> ProjectMeta {
        std::mem::replace(&mut self.meta, meta)
    }

    pub(crate) fn insert_coder(&mut self, coder: Coder) -> Result<(), ModelError> {
        if self.coders.contains_key(&coder.id) {
            return Err(ModelError::DuplicateCoder(coder.id));
        }
        self.coders.insert(coder.id.clone(), coder);
        Ok(())
    }

    pub(crate) fn remove_coder(&mut self, id: &CoderId) -> Result<Coder, ModelError> {
        let count = self
            .annotations
            .values()
            .filter(|a| a.coder() == id)
            .count();
        if count > 0 {
            return Err(ModelError::CoderInUse {
                coder: id.clone(),
                count,
            });
        }
        self.coders
            .remove(id)
            .ok_or_else(|| ModelError::UnknownCoder(id.clone()))
    }

    pub(crate) fn insert_document(&mut self, doc: Document) -> Result<(), ModelError> {
        if self.documents.contains_key(doc.id()) {
            return Err(ModelError::DuplicateDocument(doc.id().clone()));
        }
        self.documents.insert(doc.id().clone(), doc);
        Ok(())
    }

    /// Removes a document that has no annotation left (edit removes those first, so that each
    /// removal has its own inverse).
    pub(crate) fn remove_document(&mut self, id: &DocId) -> Result<Document, ModelError> {
        if self.by_doc.get(id).is_some_and(|s| !s.is_empty()) {
            return Err(ModelError::Internal(format!(
                "document {id} still has annotations"
            )));
        }
        self.by_doc.remove(id);
        self.documents
            .remove(id)
            .ok_or_else(|| ModelError::UnknownDocument(id.clone()))
    }

    pub(crate) fn set_document_meta(
        &mut self,
        id: &DocId,
        meta: DocumentMeta,
    ) -> Result<DocumentMeta, ModelError> {
        let doc = self
            .documents
            .get_mut(id)
            .ok_or_else(|| ModelError::UnknownDocument(id.clone()))?;
        Ok(std::mem::replace(&mut doc.meta, meta))
    }

    fn check_codes(&self, codes: &BTreeSet<CodeId>) -> Result<(), ModelError> {
        for code in codes {
            if self.codebook.code(code).is_none() {
                return Err(ModelError::UnknownCode(code.clone()));
            }
        }
        Ok(())
    }

    /// Checks that a span fits its document.
    fn check_span(&self, doc: &DocId, span: CharSpan) -> Result<(), ModelError> {
        self.documents
            .get(doc)
            .ok_or_else(|| ModelError::UnknownDocument(doc.clone()))?
            .check_span(span)
    }

    pub(crate) fn insert_annotation(&mut self, ann: Annotation) -> Result<(), ModelError> {
        if self.annotations.contains_key(ann.id()) {
            return Err(ModelError::DuplicateAnnotation(ann.id().clone()));
        }
        if !self.coders.contains_key(ann.coder()) {
            return Err(ModelError::UnknownCoder(ann.coder().clone()));
        }
        self.check_codes(ann.codes())?;
        self.check_span(ann.doc(), ann.span())?;
        let span = ann.span();
        self.by_doc.entry(ann.doc().clone()).or_default().insert((
            span.start(),
            span.end(),
            ann.id().clone(),
        ));
        self.annotations.insert(ann.id().clone(), ann);
        Ok(())
    }

    pub(crate) fn remove_annotation(
        &mut self,
        id: &AnnotationId,
    ) -> Result<Annotation, ModelError> {
        let ann = self
            .annotations
            .remove(id)
            .ok_or_else(|| ModelError::UnknownAnnotation(id.clone()))?;
        if let Some(set) = self.by_doc.get_mut(ann.doc()) {
            set.remove(&(ann.span().start(), ann.span().end(), id.clone()));
            if set.is_empty() {
                self.by_doc.remove(ann.doc());
            }
        }
        Ok(ann)
    }

    fn annotation_mut(&mut self, id: &AnnotationId) -> Result<&mut Annotation, ModelError> {
        self.annotations
            .get_mut(id)
            .ok_or_else(|| ModelError::UnknownAnnotation(id.clone()))
    }

    /// Replaces an annotation's codes; returns the old codes and modification time.
    pub(crate) fn set_annotation_codes(
        &mut self,
        id: &AnnotationId,
        codes: BTreeSet<CodeId>,
        at: DateTime<Utc>,
    ) -> Result<(BTreeSet<CodeId>, DateTime<Utc>), ModelError> {
        if codes.is_empty() {
            return Err(ModelError::NoCode(id.clone()));
        }
        self.check_codes(&codes)?;
        let ann = self.annotation_mut(id)?;
        let old = (ann.codes().clone(), ann.modified());
        ann.set_codes(codes, at);
        Ok(old)
    }

    /// Moves an annotation's span; returns the old span and modification time.
    pub(crate) fn set_annotation_span(
        &mut self,
        id: &AnnotationId,
        span: CharSpan,
        at: DateTime<Utc>,
    ) -> Result<(CharSpan, DateTime<Utc>), ModelError> {
        let doc = self
            .annotations
            .get(id)
            .ok_or_else(|| ModelError::UnknownAnnotation(id.clone()))?
            .doc()
            .clone();
        self.check_span(&doc, span)?;
        let ann = self.annotation_mut(id)?;
        let old = (ann.span(), ann.modified());
        ann.set_span(span, at);
        if let Some(set) = self.by_doc.get_mut(&doc) {
            set.remove(&(old.0.start(), old.0.end(), id.clone()));
            set.insert((span.start(), span.end(), id.clone()));
        }
        Ok(old)
    }

    /// Replaces an annotation's memo; returns the old memo and modification time.
    pub(crate) fn set_annotation_memo(
        &mut self,
        id: &AnnotationId,
        memo: String,
        at: DateTime<Utc>,
    ) -> Result<(String, DateTime<Utc>), ModelError> {
        let ann = self.annotation_mut(id)?;
        let old = (ann.memo().to_owned(), ann.modified());
        ann.set_memo(memo, at);
        Ok(old)
    }

    pub(crate) fn insert_code(
        &mut self,
        code: Code,
        position: Option<usize>,
    ) -> Result<usize, ModelError> {
        self.codebook.insert_code(code, position)
    }

    pub(crate) fn replace_code(&mut self, code: Code) -> Result<Code, ModelError> {
        self.codebook.replace_code(code)
    }

    pub(crate) fn remove_code(&mut self, id: &CodeId) -> Result<(Code, usize), ModelError> {
        let count = self.code_use_count(id);
        if count > 0 {
            return Err(ModelError::CodeInUse {
                code: id.clone(),
                count,
            });
        }
        self.codebook.remove_code(id)
    }

    pub(crate) fn insert_group(
        &mut self,
        group: CodeGroup,
        position: Option<usize>,
    ) -> Result<usize, ModelError> {
        self.codebook.insert_group(group, position)
    }

    pub(crate) fn remove_group(&mut self, id: &GroupId) -> Result<(CodeGroup, usize), ModelError> {
        self.codebook.remove_group(id)
    }
}
