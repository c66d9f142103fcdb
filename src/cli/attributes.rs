//! `normcoder attributes FILE table.csv`: metadata and attributes for many documents at once.
//!
//! One CSV row per document, matched by `id`, `title` or `origin` (case-insensitive). The
//! standard columns (`date`, `language`, `author`, `institution`, `kind`) set metadata; any other
//! column becomes a free attribute. Empty cells change nothing. Every change is one undoable
//! `Batch`; a bad value anywhere changes nothing. Rows that match no document are reported.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context as _, bail};

use crate::edit::Action;
use crate::model::{DocDate, DocKind, Document};
use crate::session::Session;

const KEYS: &[&str] = &["id", "title", "origin"];

pub fn run(file: &Path, table: &Path, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let mut session = Session::open(file)?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_path(table)
        .with_context(|| format!("could not read {}", table.display()))?;
    let headers: Vec<String> = reader
        .headers()
        .with_context(|| format!("could not read the header row of {}", table.display()))?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    if !headers.iter().any(|h| KEYS.contains(&h.as_str())) {
        bail!(
            "{} needs an id, title or origin column to match documents",
            table.display()
        );
    }
    let mut steps = Vec::new();
    let mut unmatched = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let line = n + 2;
        let record = record.with_context(|| format!("{}: row {line}", table.display()))?;
        let cell = |name: &str| -> Option<String> {
            headers
                .iter()
                .position(|h| h == name)
                .and_then(|i| record.get(i))
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        let keys = [cell("id"), cell("title"), cell("origin")];
        let Some(doc) = find(session.project().documents(), &keys) else {
            unmatched.push(line);
            continue;
        };
        let mut meta = doc.meta().clone();
        for (i, header) in headers.iter().enumerate() {
            let Some(value) = record.get(i).map(str::trim).filter(|v| !v.is_empty()) else {
                continue;
            };
            match header.as_str() {
                "id" | "title" | "origin" => {}
                "date" => {
                    meta.date = Some(DocDate::parse(value).map_err(|e| {
                        anyhow::anyhow!("{}: row {line}: date {value:?}: {e}", table.display())
                    })?);
                }
                "language" => meta.language = Some(value.to_ascii_lowercase()),
                "author" => meta.author = Some(value.to_owned()),
                "institution" => meta.institution = Some(value.to_owned()),
                "kind" => {
                    meta.kind = Some(DocKind::parse(value).with_context(|| {
                        format!(
                            "{}: row {line}: kind {value:?} is not one of {}",
                            table.display(),
                            DocKind::ALL.map(DocKind::name).join(", ")
                        )
                    })?);
                }
                other => {
                    meta.attributes.insert(other.to_owned(), value.to_owned());
                }
            }
        }
        if &meta != doc.meta() {
            steps.push(Action::SetDocumentMeta {
                id: doc.id().clone(),
                meta,
            });
        }
    }
    for line in &unmatched {
        writeln!(out, "row {line}: no document with that id, title or origin")?;
    }
    let changed = steps.len();
    if changed > 0 {
        session.apply(Action::Batch(steps))?;
        session.save()?;
    }
    writeln!(
        out,
        "{changed} document(s) updated, {} row(s) unmatched",
        unmatched.len()
    )?;
    Ok(ExitCode::SUCCESS)
}

fn find<'a>(
    mut docs: impl Iterator<Item = &'a Document>,
    [id, title, origin]: &[Option<String>; 3],
) -> Option<&'a Document> {
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    docs.find(|d| {
        id.as_deref().is_some_and(|v| same(d.id().as_str(), v))
            || title.as_deref().is_some_and(|v| same(&d.meta().title, v))
            || origin
                .as_deref()
                .is_some_and(|v| d.meta().origin.as_deref().is_some_and(|o| same(o, v)))
    })
}
