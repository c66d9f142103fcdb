//! Inter-coder agreement: how far several coders' annotations of the same texts agree.
//!
//! The core is generic reliability data (units × coders, missing values allowed) and
//! Krippendorff's α from the coincidence matrix ([`coincidence`]), with Cohen's and Fleiss' κ
//! ([`kappa`]). Annotations become reliability data through runs ([`coverage`]): each character
//! (or sentence, or paragraph — [`Unit`]) of each compared document is a unit, and a coder's
//! value for a code is 1 when one of their annotations with that code covers it. Because
//! characters between two annotation boundaries are alike, the data are kept as a histogram of
//! coding patterns ([`binary`]). [`unitized`] measures agreement on boundaries (Krippendorff's
//! αu); [`bootstrap`] gives seeded confidence intervals; [`report`] puts one request together,
//! stating what was compared and what was left out; [`disagreement`] lists the places where
//! coders differ, for the disagreement view and the seminar report.

pub mod binary;
pub mod bootstrap;
pub mod coincidence;
pub mod coverage;
pub mod disagreement;
pub mod kappa;
pub mod report;
pub mod unitized;
mod units;

pub use bootstrap::BootstrapOptions;
pub use report::{AgreementReport, Measures, Options, Selection, compute};
pub use units::Unit;

use crate::model::{CodeId, CoderId, DocId};

/// Why agreement could not be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AgreementError {
    #[error("agreement needs at least two coders; {0} selected")]
    TooFewCoders(usize),
    #[error("at most {max} coders can be compared at once; {0} selected", max = binary::MAX_CODERS)]
    TooManyCoders(usize),
    #[error("no coder {0} in the project")]
    UnknownCoder(CoderId),
    #[error("no code {0} in the project's codebook")]
    UnknownCode(CodeId),
    #[error("no document {0} in the project")]
    UnknownDocument(DocId),
    #[error(
        "no document was coded by every selected coder; name the documents to compare explicitly"
    )]
    NoDocuments,
}
