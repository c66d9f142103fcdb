//! `normcoder new FILE --codebook NAME…`: an empty project.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::bail;

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
    let name = name.unwrap_or_else(|| builtin::project_name(file));
    let project = builtin::new_project(name, &names)?;
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
