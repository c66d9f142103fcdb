//! `normcoder import FILE DOC…`: add documents, all or none.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};

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
    let paths = expand(inputs, &mut ignored)?;
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

/// Extensions looked for inside folders (files named on the command line are always tried).
const DOCUMENT_EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "html", "htm", "xhtml", "docx", "odt", "pdf", "rtf", "epub",
];

/// Files as given, folders replaced by the documents inside them and their sub-folders (sorted;
/// hidden entries and files of other types left out, the latter reported in `ignored`).
fn expand(inputs: &[PathBuf], ignored: &mut Vec<PathBuf>) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            walk(input, &mut out, ignored)?;
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
}

/// Depth-first over one folder, without following the recursion into symbolic links.
fn walk(dir: &Path, out: &mut Vec<PathBuf>, ignored: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
            .with_context(|| format!("could not list {}", dir.display()))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                !p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        entries.sort();
        let mut subdirs = Vec::new();
        for path in entries {
            if path.is_symlink() && path.is_dir() {
                continue;
            }
            if path.is_dir() {
                subdirs.push(path);
            } else if path.extension().is_some_and(|e| {
                DOCUMENT_EXTENSIONS.contains(&e.to_string_lossy().to_ascii_lowercase().as_str())
            }) {
                out.push(path);
            } else {
                ignored.push(path);
            }
        }
        pending.extend(subdirs.into_iter().rev());
    }
    Ok(())
}
