//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::Output;

use normcoder::model::{Codebook, Project};
use normcoder::store::builtin;

/// The Paris Call and actor codebooks, as a new project gets them.
pub fn codebook() -> Codebook {
    builtin::codebook(&["paris-call-2018", "actors"]).expect("built-in codebooks")
}

/// A small synthetic project: 3 documents, 60 annotations.
pub fn small_project() -> Project {
    normcoder::synth::project(codebook(), 3, 2_000, 60, 7).expect("synthetic project")
}

/// Path of a file under `tests/data`.
pub fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// Path of a file under the repository root.
pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Runs the `normcoder` binary with no standard input.
pub fn normcoder(args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_normcoder"))
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run normcoder")
}

/// Standard output and error as text.
pub fn text(output: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}
