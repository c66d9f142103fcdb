//! Several coders' files: merging their projects into one, and handing out blank copies.
//!
//! A seminar or a research team gives each coder their own project file (so that nobody sees the
//! others' coding), then merges the files to measure agreement ([`crate::analysis::agreement`]).
//! Documents are recognised by the SHA-256 of their text and codes by id; every difference is
//! reported, never resolved silently. A consensus coding is built place by place with
//! [`consensus::accept`].

pub mod consensus;
pub mod distribute;
pub mod html;
pub mod lanes;
pub mod merge;
pub mod seminar;

pub use consensus::{ConsensusError, accept};
pub use distribute::distribute;
pub use merge::{MergeError, MergeOptions, MergeReport, merge};
