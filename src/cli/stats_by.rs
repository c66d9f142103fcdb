//! `normcoder stats FILE --by code|document|coder|attribute:NAME [--json|--csv]`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::bail;

use super::output::{Format, print};
use crate::analysis::{counts, timeline};
use crate::store;

pub fn run(file: &Path, by: &str, format: Format, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let project = store::load(file)?.project;
    let table = match by {
        "code" => counts::by_code(&project),
        "document" => counts::by_document(&project),
        "coder" => counts::by_coder(&project),
        other => match other.strip_prefix("attribute:") {
            Some(name) if !name.trim().is_empty() => timeline::by_attribute(&project, name.trim()),
            _ => bail!(
                "--by {other:?}: use code, document, coder or attribute:NAME (year, date, kind, language, author, institution or a free attribute)"
            ),
        },
    };
    print(&table, &table, format, out)?;
    Ok(ExitCode::SUCCESS)
}
