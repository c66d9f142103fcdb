//! `normcoder new FILE --codebook NAME…`: an empty project.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::bail;

use crate::model::{Project, ProjectMeta};
use crate::store::{self, builtin};

pub fn run(
    file: &Path,
    codebooks: &[String],
    name: Option<String>,
    force: bool,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    if file.exists() && !force {
        bail!(
            "{} already exists; use --force to replace it",
            file.display()
        );
    }
    let names: Vec<&str> = codebooks.iter().map(String::as_str).collect();
    let codebook = builtin::codebook(&names)?;
    let name = name.unwrap_or_else(|| project_name(file));
    let project = Project::new(
        ProjectMeta {
            name,
            description: String::new(),
            created: chrono::Utc::now(),
        },
        codebook,
    );
    store::save(file, &project, false)?;
    writeln!(
        out,
        "created {} with {} codes ({})",
        file.display(),
        project.codebook().codes().len(),
        names.join(", ")
    )?;
    Ok(ExitCode::SUCCESS)
}

/// "study.ncp.ron" → "study".
pub fn project_name(file: &Path) -> String {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    name.strip_suffix(".ncp.ron")
        .or_else(|| name.strip_suffix(".ron"))
        .unwrap_or(&name)
        .to_owned()
}
