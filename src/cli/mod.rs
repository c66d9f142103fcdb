//! The headless command line: the same project files, without a screen.
//!
//! Each subcommand lives in its own file and writes to the writer it is given, so tests and
//! pipelines read exactly what a user sees. Exit codes: 0 success, 1 a problem with the project
//! or the input (said on stderr), 2 a usage error (from clap).

mod attributes;
mod check;
mod fmt;
mod import;
mod new;
mod stats;

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
        #[arg(long)]
        json: bool,
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
}

/// Runs a subcommand, writing results to `out` and problems to `err`.
pub fn run(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let result = match command {
        Command::Check { file } => check::run(&file, out),
        Command::Stats { file, json } => stats::run(&file, json, out),
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
