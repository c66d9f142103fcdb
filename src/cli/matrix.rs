//! `normcoder matrix FILE --rows principles --cols actors [--rule same|overlap|paragraph]
//! [--json|--csv]`: codes × codes (or × `documents`).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;

use super::output::{Format, print};
use crate::analysis::cooccurrence::{Rule, cross};
use crate::analysis::matrix::{Measure, code_document, resolve_codes};
use crate::store;

pub fn run(
    file: &Path,
    rows: &str,
    cols: &str,
    rule: &str,
    format: Format,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let rule = Rule::parse(rule)
        .with_context(|| format!("--rule {rule:?}: use same, overlap or paragraph"))?;
    let project = store::load(file)?.project;
    let row_codes = resolve_codes(&project, rows).context("--rows")?;
    let matrix = if cols.trim() == "documents" {
        code_document(&project, &row_codes, Measure::Annotations)
    } else {
        let col_codes = resolve_codes(&project, cols).context("--cols")?;
        cross(&project, &row_codes, &col_codes, rule)
    };
    print(&matrix.to_table(), &matrix, format, out)?;
    Ok(ExitCode::SUCCESS)
}
