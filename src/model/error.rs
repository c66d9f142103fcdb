//! Why the model refused something.

use super::{AnnotationId, CharSpan, CodeId, CoderId, DocId, GroupId, IdError};

/// A broken invariant: what the model refuses to hold.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    #[error("a span must have start < end, got [{start}, {end})")]
    EmptySpan { start: usize, end: usize },
    #[error("span {span} lies outside document {doc} ({len} characters)")]
    SpanOutsideText {
        doc: DocId,
        span: CharSpan,
        len: usize,
    },
    #[error("no document with id {0}")]
    UnknownDocument(DocId),
    #[error("a document with id {0} already exists")]
    DuplicateDocument(DocId),
    #[error("document {0} has an empty text")]
    EmptyDocument(DocId),
    #[error("document {doc}: text does not match its SHA-256 (was it edited outside Normcoder?)")]
    HashMismatch { doc: DocId },
    #[error("no code with id {0}")]
    UnknownCode(CodeId),
    #[error("a code with id {0} already exists")]
    DuplicateCode(CodeId),
    #[error("no code group with id {0}")]
    UnknownGroup(GroupId),
    #[error("a code group with id {0} already exists")]
    DuplicateGroup(GroupId),
    #[error("code {code} cannot be its own ancestor")]
    ParentCycle { code: CodeId },
    #[error(
        "code {code} is still used by {count} annotation(s); merge it into another code instead"
    )]
    CodeInUse { code: CodeId, count: usize },
    #[error("code {code} still has child code {child}")]
    CodeHasChildren { code: CodeId, child: CodeId },
    #[error("code group {0} still has codes")]
    GroupNotEmpty(GroupId),
    #[error("shortcut {shortcut:?} is used by both {first} and {second}")]
    DuplicateShortcut {
        shortcut: char,
        first: CodeId,
        second: CodeId,
    },
    #[error("no coder with id {0}")]
    UnknownCoder(CoderId),
    #[error("a coder with id {0} already exists")]
    DuplicateCoder(CoderId),
    #[error("coder {coder} still has {count} annotation(s)")]
    CoderInUse { coder: CoderId, count: usize },
    #[error("no annotation with id {0}")]
    UnknownAnnotation(AnnotationId),
    #[error("an annotation with id {0} already exists")]
    DuplicateAnnotation(AnnotationId),
    #[error("annotation {0} has no code")]
    NoCode(AnnotationId),
    #[error(
        "annotation {id}: stored quote {stored:?} differs from the text at {span} ({actual:?})"
    )]
    QuoteMismatch {
        id: AnnotationId,
        span: CharSpan,
        stored: String,
        actual: String,
    },
    #[error("annotation {id} was modified ({modified}) before it was created ({created})")]
    TimeTravel {
        id: AnnotationId,
        created: String,
        modified: String,
    },
    #[error("{what} is empty")]
    EmptyText { what: String },
    #[error("codebook: {0}")]
    Codebook(String),
    #[error("internal error: {0}")]
    Internal(String),
    #[error("invalid colour {0:?}: expected #rrggbb")]
    BadColour(String),
    #[error("invalid date {0:?}: expected YYYY, YYYY-MM or YYYY-MM-DD")]
    BadDate(String),
    #[error(transparent)]
    Id(#[from] IdError),
}
