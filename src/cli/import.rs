//! `normcoder import FILE DOC…`: add documents, all or none.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::bail;

use crate::import;
use crate::import::batch::Outcome;
use crate::session::Session;

pub fn run(
    file: &Path,
    inputs: &[PathBuf],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let mut session = Session::open(file)?;
    let mut ignored = Vec::new();
    let paths = import::batch::expand(inputs, &mut ignored)?;
    for path in &ignored {
        writeln!(
            out,
            "skipped {}: not a document type Normcoder reads",
            path.display()
        )?;
    }
    // The same reading and checking as the window's import (`import::batch`): duplicates by text,
    // in the project or within the batch, and one edit; nothing is written unless every file
    // imported.
    let results = import::batch::import_all(&paths, &|| false, &mut |_, _| {}).unwrap_or_default();
    let plan = import::batch::plan(session.project(), results);
    for (path, warnings) in &plan.warnings {
        for w in warnings {
            writeln!(err, "warning: {}: {w}", path.display())?;
        }
    }
    let mut failures = Vec::new();
    for (path, outcome) in &plan.outcomes {
        match outcome {
            Outcome::Added(id) => writeln!(out, "added   {} as {id}", path.display())?,
            Outcome::DuplicateOfProject(id) | Outcome::DuplicateInBatch(id) => writeln!(
                out,
                "skipped {}: same text as document {id}",
                path.display()
            )?,
            Outcome::Failed(message) => failures.push(message),
            Outcome::Ignored => {}
        }
    }
    if !failures.is_empty() {
        for f in &failures {
            writeln!(err, "error: {f}")?;
        }
        bail!(
            "{} file(s) could not be imported; the project was not changed",
            failures.len()
        );
    }
    let (added, skipped, _) = plan.counts();
    if let Some(action) = plan.action() {
        session.apply(action)?;
        session.save()?;
    }
    writeln!(
        out,
        "{added} document(s) added, {skipped} skipped (already in the project), {} other file(s) ignored",
        ignored.len()
    )?;
    Ok(ExitCode::SUCCESS)
}
