//! Writes a synthetic project, for trying the window on a large document or timing the CLI.
//!
//! `cargo run --release --example synth_project -- OUT.ncp.ron [DOCUMENTS] [CHARS_PER_DOC] [ANNOTATIONS]`
//! (defaults: 1 document of 5,000,000 characters with 10,000 annotations).

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(out) = args.first().map(PathBuf::from) else {
        eprintln!("usage: synth_project OUT.ncp.ron [DOCUMENTS] [CHARS_PER_DOC] [ANNOTATIONS]");
        return ExitCode::from(2);
    };
    let number = |i: usize, default: usize| {
        args.get(i)
            .and_then(|s| s.replace('_', "").parse().ok())
            .unwrap_or(default)
    };
    let (documents, chars, annotations) = (number(1, 1), number(2, 5_000_000), number(3, 10_000));
    let result = normcoder::store::builtin::codebook(&["paris-call-2018", "actors"])
        .map_err(|e| e.to_string())
        .and_then(|book| {
            normcoder::testkit::synth::project(book, documents, chars, annotations, 42)
                .map_err(|e| e.to_string())
        })
        .and_then(|project| {
            normcoder::store::save(&out, &project, false).map_err(|e| e.to_string())
        });
    match result {
        Ok(()) => {
            eprintln!(
                "wrote {} ({documents} documents × {chars} characters, {annotations} annotations)",
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
