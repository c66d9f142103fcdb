//! Counting what was coded. Plain data tables that the GUI draws and the command line prints.

pub mod agreement;
pub mod frequency;
pub mod search;
