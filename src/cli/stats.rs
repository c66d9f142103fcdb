//! `normcoder stats FILE [--json]`: counts.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::analysis::frequency::{self, CodeCount, DocumentCount};
use crate::model::CoderId;
use crate::store;

/// What `--json` prints: one object, stable keys.
#[derive(Serialize)]
struct Stats {
    project: String,
    documents: usize,
    codes: usize,
    annotations: usize,
    coders: usize,
    characters: usize,
    per_code: Vec<CodeCount>,
    per_coder: std::collections::BTreeMap<CoderId, usize>,
    per_document: Vec<DocumentCount>,
}

pub fn run(file: &Path, json: bool, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let project = store::load(file)?.project;
    let stats = Stats {
        project: project.meta().name.clone(),
        documents: project.documents().len(),
        codes: project.codebook().codes().len(),
        annotations: project.annotation_count(),
        coders: project.coders().len(),
        characters: project
            .documents()
            .map(crate::model::Document::char_len)
            .sum(),
        per_code: frequency::code_counts(&project),
        per_coder: frequency::coder_counts(&project),
        per_document: frequency::document_counts(&project),
    };
    if json {
        serde_json::to_writer_pretty(&mut *out, &stats)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "project      {}", stats.project)?;
    writeln!(out, "documents    {}", stats.documents)?;
    writeln!(out, "codes        {}", stats.codes)?;
    writeln!(out, "annotations  {}", stats.annotations)?;
    writeln!(out, "coders       {}", stats.coders)?;
    writeln!(out)?;
    writeln!(
        out,
        "{:<24} {:>11} {:>9} {:>10}  label",
        "code", "annotations", "documents", "characters"
    )?;
    for c in &stats.per_code {
        writeln!(
            out,
            "{:<24} {:>11} {:>9} {:>10}  {}",
            c.id, c.annotations, c.documents, c.characters, c.label_en
        )?;
    }
    writeln!(out)?;
    writeln!(out, "{:<24} {:>11}", "coder", "annotations")?;
    for (coder, n) in &stats.per_coder {
        writeln!(out, "{coder:<24} {n:>11}")?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{:<32} {:>11} {:>10}  coders",
        "document", "annotations", "characters"
    )?;
    for d in &stats.per_document {
        let coders: Vec<String> = d.coders.iter().map(ToString::to_string).collect();
        writeln!(
            out,
            "{:<32} {:>11} {:>10}  {}",
            d.id,
            d.annotations,
            d.characters,
            coders.join(", ")
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
