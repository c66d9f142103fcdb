//! `normcoder export FILE --format F -o OUT [--coder C] [--documents …] [--codes …] [--bom]`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;

use crate::export::{self, ExportError, Filter, Format, Options};
use crate::model::{CodeId, CoderId, DocId};
use crate::session::Session;

/// What the user asked for, as typed.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub format: String,
    pub coders: Vec<String>,
    pub documents: Vec<String>,
    pub codes: Vec<String>,
    pub bom: bool,
}

/// Ids given on the command line; commas separate several in one argument.
fn ids<T>(
    values: &[String],
    make: impl Fn(&str) -> Result<T, crate::model::IdError>,
) -> anyhow::Result<Vec<T>> {
    values
        .iter()
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(|v| make(v).map_err(anyhow::Error::from))
        .collect()
}

pub fn run(
    file: &Path,
    out_path: &Path,
    request: &Request,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let format = Format::parse(&request.format)
        .ok_or_else(|| ExportError::UnknownFormat(request.format.clone()))?;
    let session = Session::open(file)?;
    let filter = Filter {
        coders: ids(&request.coders, |v| CoderId::new(v))?,
        documents: ids(&request.documents, |v| DocId::new(v))?,
        codes: ids(&request.codes, |v| CodeId::new(v))?,
    };
    let mut options = Options::new();
    options.bom = request.bom;
    if request.bom && !format.takes_bom() {
        writeln!(
            out,
            "note: --bom only applies to csv and matrix-csv; ignored"
        )?;
    }
    let view = export::View::new(session.project(), &filter)?;
    let output = export::render(&view, format, &options)?;
    let written = export::write_output(&output, out_path)
        .with_context(|| format!("could not export to {}", out_path.display()))?;
    writeln!(
        out,
        "exported {} annotation(s) of {} document(s) as {format}: {} file(s), {} bytes in {}",
        view.codings.len(),
        view.documents.len(),
        written.len(),
        output.byte_count(),
        out_path.display()
    )?;
    Ok(ExitCode::SUCCESS)
}
