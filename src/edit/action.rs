//! Every kind of change to a project.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use crate::model::{
    Annotation, AnnotationId, CharSpan, Code, CodeGroup, CodeId, Coder, CoderId, DocId, Document,
    DocumentMeta, GroupId, ProjectMeta,
};

/// One edit. Actions carry everything they need, timestamps included, so that applying the same
/// action to the same project always gives the same result (the model has no clock).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Adds a coded segment (its quote is taken from the text).
    AddAnnotation(Annotation),
    /// Deletes a coded segment.
    RemoveAnnotation { id: AnnotationId },
    /// Replaces the codes of a segment (recode).
    SetCodes {
        id: AnnotationId,
        codes: BTreeSet<CodeId>,
        modified: DateTime<Utc>,
    },
    /// Moves the boundaries of a segment.
    SetSpan {
        id: AnnotationId,
        span: CharSpan,
        modified: DateTime<Utc>,
    },
    /// Replaces the memo of a segment.
    SetMemo {
        id: AnnotationId,
        memo: String,
        modified: DateTime<Utc>,
    },
    /// Adds a code at a display position (the end when `None`).
    AddCode { code: Code, position: Option<usize> },
    /// Replaces a code's label, definition, colour, shortcut, parent… (same id).
    EditCode(Code),
    /// Deletes a code that no annotation uses and no code has as parent.
    RemoveCode { id: CodeId },
    /// Moves every use of `from` to `into` and deletes `from`; children of `from` move to `into`.
    MergeCodes {
        from: CodeId,
        into: CodeId,
        modified: DateTime<Utc>,
    },
    /// Adds a code group.
    AddGroup {
        group: CodeGroup,
        position: Option<usize>,
    },
    /// Deletes an empty code group.
    RemoveGroup { id: GroupId },
    /// Adds a coder.
    AddCoder(Coder),
    /// Deletes a coder who has no annotation.
    RemoveCoder { id: CoderId },
    /// Adds a document.
    AddDocument(Document),
    /// Deletes a document and every annotation on it.
    RemoveDocument { id: DocId },
    /// Replaces a document's metadata.
    SetDocumentMeta { id: DocId, meta: DocumentMeta },
    /// Replaces the project's name, description and creation date.
    SetProjectMeta(ProjectMeta),
    /// Several actions as one undo step (auto-coding, import of many documents); all or nothing.
    Batch(Vec<Action>),
}

impl Action {
    /// A short English description, for logs and the undo menu.
    #[must_use]
    pub fn describe(&self) -> String {
        match self {
            Self::AddAnnotation(a) => format!("code {} in {}", a.span(), a.doc()),
            Self::RemoveAnnotation { id } => format!("delete annotation {id}"),
            Self::SetCodes { id, .. } => format!("recode annotation {id}"),
            Self::SetSpan { id, span, .. } => format!("move annotation {id} to {span}"),
            Self::SetMemo { id, .. } => format!("edit memo of {id}"),
            Self::AddCode { code, .. } => format!("add code {}", code.id),
            Self::EditCode(code) => format!("edit code {}", code.id),
            Self::RemoveCode { id } => format!("delete code {id}"),
            Self::MergeCodes { from, into, .. } => format!("merge code {from} into {into}"),
            Self::AddGroup { group, .. } => format!("add code group {}", group.id),
            Self::RemoveGroup { id } => format!("delete code group {id}"),
            Self::AddCoder(c) => format!("add coder {}", c.id),
            Self::RemoveCoder { id } => format!("delete coder {id}"),
            Self::AddDocument(d) => format!("add document {}", d.id()),
            Self::RemoveDocument { id } => format!("delete document {id}"),
            Self::SetDocumentMeta { id, .. } => format!("edit metadata of {id}"),
            Self::SetProjectMeta(_) => "edit project details".to_owned(),
            Self::Batch(actions) => format!("{} edits", actions.len()),
        }
    }
}
