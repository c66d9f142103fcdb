//! The headless command line: the same project files, without a screen.
//!
//! Each subcommand lives in its own file and writes to the writer it is given, so tests and
//! pipelines read exactly what a user sees. Exit codes: 0 success, 1 a problem with the project
//! or the input (said on stderr), 2 a usage error (from clap).

mod agreement;
mod attributes;
mod autocode;
mod check;
mod export;
mod fmt;
mod import;
mod import_refi;
mod matrix;
mod new;
mod output;
mod query;
mod stats;
mod stats_by;
mod team;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Normcoder: hand-coding of governance texts against the Paris Call principles and actor types.
#[derive(Debug, Parser)]
#[command(name = "normcoder", version, args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Project to open in the window (default: the demo project).
    pub project: Option<PathBuf>,
    /// Coder name for this run of the window.
    #[arg(long)]
    pub coder: Option<String>,
    /// Interface language of the window: en or fr.
    #[arg(long)]
    pub lang: Option<String>,
}

/// Headless subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load a project, check every invariant and print a summary (exit 1 on any problem).
    Check {
        /// The project file (`*.ncp.ron`).
        file: PathBuf,
    },
    /// Count documents, codes, annotations and coders.
    Stats {
        file: PathBuf,
        /// Print one JSON object instead of a table.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// One table: per code, document, coder or document attribute (`attribute:year`,
        /// `attribute:kind`, `attribute:party`…).
        #[arg(long)]
        by: Option<String>,
        /// Print the `--by` table as CSV.
        #[arg(long, requires = "by")]
        csv: bool,
    },
    /// Codes × codes: principle × actor by default (`--cols documents` for code × document).
    Matrix {
        file: PathBuf,
        /// `principles`, `actors`, a codebook group id or comma-separated code ids.
        #[arg(long, default_value = "principles")]
        rows: String,
        /// Same as `--rows`, or `documents`.
        #[arg(long, default_value = "actors")]
        cols: String,
        /// same (one annotation), overlap (overlapping annotations) or paragraph.
        #[arg(long, default_value = "same")]
        rule: String,
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        #[arg(long)]
        csv: bool,
    },
    /// List coded segments with their context, filtered by codes, documents, coder, memo…
    Query {
        file: PathBuf,
        #[command(flatten)]
        args: query::QueryArgs,
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        #[arg(long)]
        csv: bool,
    },
    /// Code every match of a regular expression, as one edit; prints added and skipped.
    Autocode {
        file: PathBuf,
        #[command(flatten)]
        args: autocode::AutocodeArgs,
    },
    /// Create an empty project with built-in codebooks.
    New {
        file: PathBuf,
        /// Built-in codebook to include (repeatable): paris-call-2018, actors, un-gge-2015.
        #[arg(long = "codebook", required = true)]
        codebooks: Vec<String>,
        /// Project name (default: the file name).
        #[arg(long)]
        name: Option<String>,
        /// Replace an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Add documents (txt, md, html, docx, odt, pdf, rtf, epub; folders recursively), all or none.
    Import {
        file: PathBuf,
        #[arg(required = true)]
        documents: Vec<PathBuf>,
    },
    /// Set document metadata and attributes from a CSV table (one row per document, matched by
    /// id, title or origin; date, language, author, institution, kind → metadata; other columns →
    /// attributes), as one undoable change.
    Attributes { file: PathBuf, table: PathBuf },
    /// Rewrite a project in its canonical form (like `cargo fmt`).
    Fmt {
        file: PathBuf,
        /// Only check: exit 1 if the file is not in canonical form.
        #[arg(long)]
        check: bool,
    },
    /// List the built-in codebooks.
    Codebooks,
    // ---- exports and REFI-QDA import (issue 5) ----
    /// Export a project: qdpx, qdc, csv, matrix-csv, jsonl (a folder), brat (a folder),
    /// web-annotation or html.
    Export {
        file: PathBuf,
        /// Output format.
        #[arg(long, short = 'f')]
        format: String,
        /// Output file (a folder for jsonl and brat).
        #[arg(long = "output", short = 'o')]
        output: PathBuf,
        /// Only this coder's annotations (repeatable, or comma-separated).
        #[arg(long = "coder")]
        coders: Vec<String>,
        /// Only these documents (ids; repeatable, or comma-separated).
        #[arg(long, num_args = 1..)]
        documents: Vec<String>,
        /// Only these codes (ids; repeatable, or comma-separated).
        #[arg(long, num_args = 1..)]
        codes: Vec<String>,
        /// Start CSV files with a UTF-8 byte-order mark (for Excel).
        #[arg(long)]
        bom: bool,
    },
    /// Make a new project from a REFI-QDA project (.qdpx) exported by another tool.
    ImportQdpx {
        /// The .qdpx file.
        file: PathBuf,
        /// The project file to create (`*.ncp.ron`).
        #[arg(long = "output", short = 'o')]
        output: PathBuf,
        /// Replace an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Add the codes of a REFI-QDA codebook (.qdc) to a project (one undoable step).
    ImportQdc { file: PathBuf, codebook: PathBuf },
    /// Inter-coder agreement (Krippendorff's alpha and unitized alpha, Cohen's and Fleiss' kappa,
    /// percent agreement both ways) per code and pooled.
    Agreement {
        file: PathBuf,
        /// Coders to compare, comma-separated (default: every coder with an annotation).
        #[arg(long, value_delimiter = ',')]
        coders: Vec<String>,
        /// Codes to compare (default: those the coders used in the compared documents).
        #[arg(long, value_delimiter = ',')]
        codes: Vec<String>,
        /// Documents to compare (default: those every compared coder annotated).
        #[arg(long, value_delimiter = ',')]
        documents: Vec<String>,
        /// Unit of the reliability data: char, sentence or paragraph.
        #[arg(long, default_value = "char", value_parser = agreement::parse_unit)]
        unit: crate::analysis::agreement::Unit,
        /// Measures shown in the table or CSV (JSON always has all).
        #[arg(long, value_enum, default_value = "all")]
        measure: agreement::Measure,
        /// Print one JSON object.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print CSV.
        #[arg(long)]
        csv: bool,
        /// Bootstrap replicates for alpha's 95% interval (0: none).
        #[arg(long, default_value_t = 1000)]
        bootstrap: usize,
        /// Seed of the bootstrap.
        #[arg(long, default_value_t = 20_181_112)]
        seed: u64,
    },
    /// Merge coders' projects (documents matched by text, codes by id) into a new file.
    Merge {
        /// The merged project to write.
        out: PathBuf,
        /// The coders' project files (two or more).
        #[arg(required = true, num_args = 2..)]
        inputs: Vec<PathBuf>,
        /// When one coder id has annotations in two files, rename the later one `<id>-<n>`
        /// instead of refusing.
        #[arg(long)]
        rename: bool,
        /// Replace an existing output file.
        #[arg(long)]
        force: bool,
    },
    /// Write one copy of a project per coder (for a seminar or a team).
    Distribute {
        file: PathBuf,
        /// Coder names, comma-separated.
        #[arg(long, value_delimiter = ',', required = true)]
        coders: Vec<String>,
        /// Leave out every annotation (blank copies).
        #[arg(long)]
        strip_annotations: bool,
        /// Folder to write the copies to.
        #[arg(short = 'o', long = "out")]
        dir: PathBuf,
    },
    /// Seminar report: every coder against a reference coder, as a self-contained HTML page.
    Report {
        file: PathBuf,
        /// The reference coder (the teacher).
        #[arg(long)]
        reference: String,
        /// Unit of the reliability data: char, sentence or paragraph.
        #[arg(long, default_value = "char", value_parser = agreement::parse_unit)]
        unit: crate::analysis::agreement::Unit,
        /// The HTML file to write.
        #[arg(short = 'o', long = "out")]
        html: PathBuf,
    },
}

/// Runs a subcommand, writing results to `out` and problems to `err`.
// One arm per subcommand, each a call into its own file: the table reads best in one piece.
#[allow(clippy::too_many_lines)]
pub fn run(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let result = match command {
        Command::Check { file } => check::run(&file, out),
        Command::Stats {
            file,
            json,
            by: Some(by),
            csv,
        } => stats_by::run(&file, &by, output::Format::from_flags(json, csv), out),
        Command::Stats { file, json, .. } => stats::run(&file, json, out),
        Command::Matrix {
            file,
            rows,
            cols,
            rule,
            json,
            csv,
        } => matrix::run(
            &file,
            &rows,
            &cols,
            &rule,
            output::Format::from_flags(json, csv),
            out,
        ),
        Command::Query {
            file,
            args,
            json,
            csv,
        } => query::run(&file, &args, output::Format::from_flags(json, csv), out),
        Command::Autocode { file, args } => autocode::run(&file, &args, out),
        Command::New {
            file,
            codebooks,
            name,
            force,
        } => new::run(&file, &codebooks, name, force, out),
        Command::Import { file, documents } => import::run(&file, &documents, out, err),
        Command::Attributes { file, table } => attributes::run(&file, &table, out),
        Command::Fmt { file, check } => fmt::run(&file, check, out),
        Command::Codebooks => list_codebooks(out),
        Command::Export {
            file,
            format,
            output,
            coders,
            documents,
            codes,
            bom,
        } => {
            let request = export::Request {
                format,
                coders,
                documents,
                codes,
                bom,
            };
            export::run(&file, &output, &request, out)
        }
        Command::ImportQdpx {
            file,
            output,
            force,
        } => import_refi::qdpx(&file, &output, force, out),
        Command::ImportQdc { file, codebook } => import_refi::qdc(&file, &codebook, out),
        Command::Agreement {
            file,
            coders,
            codes,
            documents,
            unit,
            measure,
            json,
            csv,
            bootstrap,
            seed,
        } => agreement::run(
            &file,
            &agreement::Request {
                coders: &coders,
                codes: &codes,
                documents: &documents,
                unit,
                measure,
                format: if json {
                    agreement::Format::Json
                } else if csv {
                    agreement::Format::Csv
                } else {
                    agreement::Format::Table
                },
                bootstrap,
                seed,
            },
            out,
        ),
        Command::Merge {
            out: file,
            inputs,
            rename,
            force,
        } => team::merge(&file, &inputs, rename, force, out),
        Command::Distribute {
            file,
            coders,
            strip_annotations,
            dir,
        } => team::distribute(&file, &coders, strip_annotations, &dir, out),
        Command::Report {
            file,
            reference,
            unit,
            html,
        } => team::report(&file, &reference, unit, &html, out),
    };
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// `normcoder … | head` closes the pipe early; that is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<std::io::Error>()
        .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}

fn list_codebooks(out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    for name in crate::store::builtin::names() {
        let file = crate::store::builtin::file(name)?;
        writeln!(
            out,
            "{name:<18} {:>3} codes  {}",
            file.codes.len(),
            file.group.label.en
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
