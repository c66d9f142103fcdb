//! Counting what was coded. Plain data tables that the GUI draws and the command line prints.

pub mod agreement;
pub mod autocode;
pub mod cooccurrence;
pub mod counts;
mod error;
#[cfg(test)]
pub(crate) mod fixture;
pub mod frequency;
pub mod matrix;
pub mod query;
pub mod scope;
pub mod search;
pub mod svg;
pub mod table;
pub mod timeline;

pub use error::AnalysisError;
