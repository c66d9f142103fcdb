//! One integration-test crate for the library and the command line.

#![allow(
    clippy::too_many_lines,
    clippy::similar_names,
    reason = "test scenarios read best as one story with the domain's words (codes, coder)"
)]

mod agreement;
mod analysis_cli;
mod cli;
mod codebooks;
mod common;
mod demo;
mod edit;
mod export;
mod gui;
mod gui_analysis;
mod gui_export;
mod gui_import;
mod gui_picker;
mod gui_team;
mod import;
mod import_formats;
mod import_refi;
mod shape;
mod store;
