//! The `normcoder` binary: a subcommand runs headless; no subcommand opens the window.

use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser as _;
use normcoder::cli::{self, Args};

fn main() -> ExitCode {
    let args = Args::parse();
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    if let Some(command) = args.command {
        return cli::run(command, &mut out, &mut err);
    }
    let _ = writeln!(
        err,
        "The Normcoder window is not built yet; the command line works today: `normcoder --help`."
    );
    ExitCode::SUCCESS
}
