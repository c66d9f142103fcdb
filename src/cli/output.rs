//! How the analysis subcommands print a table: aligned text, `--csv` or `--json`.

use std::io::Write;

use serde::Serialize;

use crate::analysis::table::Table;

/// The output format chosen on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Csv,
    Json,
}

impl Format {
    /// From the `--json` and `--csv` flags (clap makes them exclusive).
    pub fn from_flags(json: bool, csv: bool) -> Self {
        if json {
            Self::Json
        } else if csv {
            Self::Csv
        } else {
            Self::Text
        }
    }
}

/// Prints a table; `json` is what `--json` prints (a table's own shape unless a command has a
/// promised one).
pub fn print(
    table: &Table,
    json: &impl Serialize,
    format: Format,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    match format {
        Format::Text => table.write_text(out)?,
        Format::Csv => out.write_all(table.to_csv()?.as_bytes())?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, json)?;
            writeln!(out)?;
        }
    }
    Ok(())
}
