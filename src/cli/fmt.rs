//! `normcoder fmt FILE [--check]`: the canonical form, for teams that keep projects in git.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;

use crate::session::Session;
use crate::store;

pub fn run(file: &Path, check: bool, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let mut session = Session::open(file)?;
    let current = std::fs::read_to_string(file)
        .with_context(|| format!("could not re-read {}", file.display()))?;
    let canonical = store::to_ron_string(session.project())?;
    if current == canonical {
        if !check {
            writeln!(out, "{}: already canonical", file.display())?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    if check {
        let line = current
            .lines()
            .zip(canonical.lines())
            .position(|(a, b)| a != b)
            .map_or_else(
                || current.lines().count().min(canonical.lines().count()) + 1,
                |i| i + 1,
            );
        writeln!(
            out,
            "{}: not in canonical form (first difference at line {line}); run `normcoder fmt {}`",
            file.display(),
            file.display()
        )?;
        return Ok(ExitCode::FAILURE);
    }
    session.save()?;
    writeln!(out, "{}: rewritten in canonical form", file.display())?;
    Ok(ExitCode::SUCCESS)
}
