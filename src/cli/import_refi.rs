//! `normcoder import-qdpx FILE.qdpx -o PROJECT` and `normcoder import-qdc PROJECT FILE.qdc`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context as _, bail};

use crate::import::refi;
use crate::session::Session;
use crate::store;

pub fn qdpx(
    file: &Path,
    project: &Path,
    force: bool,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    if project.exists() && !force {
        bail!(
            "{} already exists; use --force to replace it",
            project.display()
        );
    }
    let bytes = store::read_capped(file)?;
    let name = store::builtin::project_name(project);
    let (imported, report) = refi::import_qdpx(bytes, &name, chrono::Utc::now())
        .with_context(|| format!("could not import {}", file.display()))?;
    store::save(project, &imported, false)?;
    write!(out, "{report}")?;
    writeln!(out, "wrote {}", project.display())?;
    Ok(ExitCode::SUCCESS)
}

pub fn qdc(project: &Path, file: &Path, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let mut session = Session::open(project)?;
    let bytes = store::read_capped(file)?;
    let (action, report) = refi::import_qdc(session.project(), bytes)
        .with_context(|| format!("could not import {}", file.display()))?;
    write!(out, "{report}")?;
    if let Some(action) = action {
        session.apply(action)?;
        session.save()?;
        writeln!(out, "saved {}", project.display())?;
    } else {
        writeln!(out, "nothing new: {} is unchanged", project.display())?;
    }
    Ok(ExitCode::SUCCESS)
}
