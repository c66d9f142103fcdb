//! `normcoder check FILE`: is this project sound?

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;

use crate::store;

pub fn run(file: &Path, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let loaded = store::load(file)?;
    let project = &loaded.project;
    let chars: usize = project
        .documents()
        .map(crate::model::Document::char_len)
        .sum();
    writeln!(out, "{}: OK", file.display())?;
    writeln!(out, "  project      {}", project.meta().name)?;
    writeln!(
        out,
        "  documents    {} ({chars} characters)",
        project.documents().len()
    )?;
    writeln!(
        out,
        "  codebook     {} codes in {} groups ({})",
        project.codebook().codes().len(),
        project.codebook().groups().len(),
        project
            .codebook()
            .groups()
            .iter()
            .map(|g| g.id.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    )?;
    let coders: Vec<String> = project.coders().map(|c| c.id.to_string()).collect();
    writeln!(
        out,
        "  coders       {} ({})",
        coders.len(),
        coders.join(", ")
    )?;
    writeln!(out, "  annotations  {}", project.annotation_count())?;
    if let Some(v) = loaded.migrated_from {
        writeln!(
            out,
            "  note: file format version {v}; `normcoder fmt` upgrades it to version {} (keeping a .bak)",
            store::CURRENT_VERSION
        )?;
    } else {
        let text = std::fs::read_to_string(file)
            .with_context(|| format!("could not re-read {}", file.display()))?;
        if text != store::to_ron_string(project)? {
            writeln!(
                out,
                "  note: not in canonical form; `normcoder fmt` rewrites it"
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
