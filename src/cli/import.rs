//! `normcoder import FILE DOC…`: add documents, all or none.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::bail;

use crate::edit::Action;
use crate::import;
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
    let mut failures = Vec::new();
    let mut added = 0usize;
    let mut skipped = 0usize;
    // Each document is applied as it is read so that ids stay unique and duplicates within the
    // same batch are seen; nothing is written unless every file imported.
    for path in &paths {
        let imported = match import::import_file(path) {
            Ok(i) => i,
            Err(e) => {
                failures.push(e.to_string());
                continue;
            }
        };
        for w in &imported.warnings {
            writeln!(err, "warning: {}: {w}", path.display())?;
        }
        let doc = import::to_document(session.project(), path, imported)?;
        if let Some(existing) = session.project().document_by_hash(doc.sha256()) {
            writeln!(
                out,
                "skipped {}: same text as document {}",
                path.display(),
                existing.id()
            )?;
            skipped += 1;
            continue;
        }
        let id = doc.id().clone();
        session.apply(Action::AddDocument(doc))?;
        writeln!(out, "added   {} as {id}", path.display())?;
        added += 1;
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
    if added > 0 {
        session.save()?;
    }
    writeln!(
        out,
        "{added} document(s) added, {skipped} skipped (already in the project), {} other file(s) ignored",
        ignored.len()
    )?;
    Ok(ExitCode::SUCCESS)
}
