//! `normcoder import-qdpx FILE.qdpx -o PROJECT` and `normcoder import-qdc PROJECT FILE.qdc`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context as _, bail};

use crate::import::refi;
use crate::session::Session;
use crate::store;
use crate::workflow::{self, QdpxFileError};

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
    let (_, report) =
        workflow::import_qdpx_file(file, project, chrono::Utc::now()).map_err(qdpx_error)?;
    write!(out, "{report}")?;
    writeln!(out, "wrote {}", project.display())?;
    Ok(ExitCode::SUCCESS)
}

/// The command's messages as they have always been worded: the store's errors as they are (they
/// name the file) and a conversion failure under "could not import FILE".
fn qdpx_error(e: QdpxFileError) -> anyhow::Error {
    match e {
        QdpxFileError::Read { source, .. } | QdpxFileError::Save { source, .. } => source.into(),
        QdpxFileError::Import { path, source } => {
            anyhow::Error::new(source).context(format!("could not import {}", path.display()))
        }
        e @ QdpxFileError::TargetIsSource { .. } => e.into(),
    }
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
