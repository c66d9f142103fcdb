//! Pure data and its invariants: projects, documents, codebooks, annotations, coders.
//!
//! Nothing here touches egui, the file system or the clock. A [`Project`] can only be changed
//! through `crate::edit`, which calls the `pub(crate)` mutators below after validating an action;
//! everything public is read-only, so an annotation outside its text or with an unknown code cannot
//! be built from outside the crate.

mod annotation;
mod codebook;
mod coder;
mod date;
mod document;
mod error;
mod ids;
mod localized;
mod project;
mod span;
mod text;

pub use annotation::Annotation;
pub use codebook::{Code, CodeGroup, Codebook, Colour, Shortcut};
pub use coder::Coder;
pub use date::DocDate;
pub use document::{DocKind, Document, DocumentMeta, sha256_hex};
pub use error::ModelError;
pub use ids::{AnnotationId, CodeId, CoderId, DocId, GroupId, IdError, slug};
pub use localized::{Lang, Localized};
pub use project::{Project, ProjectMeta, ProjectParts};
pub use span::CharSpan;
pub use text::TextIndex;
