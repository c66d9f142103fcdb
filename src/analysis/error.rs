//! What can go wrong when a table or a search is asked for: a bad pattern or an unknown name.

/// An analysis request that cannot be answered.
#[derive(Debug, thiserror::Error)]
pub enum AnalysisError {
    /// The regular expression does not compile.
    #[error("invalid pattern: {0}")]
    BadPattern(String),
    /// A code id that the codebook does not have.
    #[error("unknown code {0:?}")]
    UnknownCode(String),
    /// A document id that the project does not have.
    #[error("unknown document {0:?}")]
    UnknownDocument(String),
    /// A code selection (`--rows`, `--cols`) that names nothing.
    #[error("{0:?} is neither a code group, a list of code ids, `principles` nor `actors`")]
    EmptySelection(String),
    /// No code was chosen for auto-coding.
    #[error("choose at least one code")]
    NoCode,
    /// A table could not be written as CSV.
    #[error("CSV: {0}")]
    Csv(String),
    /// A chart could not be written as SVG.
    #[error("chart: {0}")]
    Chart(String),
}
