//! Rebuilds `projects/paris-call-2018.ncp.ron` from `../shared/corpus` and
//! `projects/demo-annotations.ron`.
//!
//! `cargo run --example build_demo [CORPUS_DIR]`

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus = std::env::args_os()
        .nth(1)
        .map_or_else(|| root.join("../shared/corpus"), PathBuf::from);
    let spec_path = root.join("projects/demo-annotations.ron");
    let out = root.join("projects/paris-call-2018.ncp.ron");
    let result = std::fs::read_to_string(&spec_path)
        .map_err(|e| format!("{}: {e}", spec_path.display()))
        .and_then(|spec| normcoder::testkit::demo::build(&corpus, &spec).map_err(|e| e.to_string()))
        .and_then(|project| {
            normcoder::store::save(&out, &project, false)
                .map(|()| project)
                .map_err(|e| e.to_string())
        });
    match result {
        Ok(project) => {
            eprintln!(
                "wrote {} ({} documents, {} annotations)",
                out.display(),
                project.documents().len(),
                project.annotation_count()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
