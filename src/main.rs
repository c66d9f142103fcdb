//! The `normcoder` binary: a subcommand runs headless; no subcommand opens the window.

use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser as _;
use normcoder::cli::{self, Args};
use normcoder::model::Lang;
use normcoder::ui::{self, StartOptions};

fn main() -> ExitCode {
    let args = Args::parse();
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    if let Some(command) = args.command {
        return cli::run(command, &mut out, &mut err);
    }
    let lang = match args.lang.as_deref() {
        None => None,
        Some("en") => Some(Lang::En),
        Some("fr") => Some(Lang::Fr),
        Some(other) => {
            let _ = writeln!(err, "error: --lang takes en or fr, not {other:?}");
            return ExitCode::from(2);
        }
    };
    let start = StartOptions {
        project: Some(args.project.unwrap_or_else(ui::demo_project_path)),
        coder: args.coder,
        lang,
    };
    drop(out);
    drop(err);
    match ui::run(start) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: could not open the window: {e}");
            ExitCode::FAILURE
        }
    }
}
