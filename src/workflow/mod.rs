//! Whole operations on project files that both the command line and the window run: read the
//! inputs, call the library, write the result. Each one lives here once so that `normcoder
//! import-qdpx` and File ▸ Import REFI-QDA project… (or `normcoder merge` and File ▸ Merge coders'
//! projects…) refuse the same things and write the same file.
//!
//! This layer sits above [`crate::store`], [`crate::import`] and [`crate::team`]; what stays in
//! the callers is only their own way of asking (`--force`, file pickers) and of reporting.

mod merge;
mod qdpx;

pub use merge::{MergeFilesError, merge_files};
pub use qdpx::{QdpxFileError, import_qdpx_file};

use std::path::Path;

/// Whether two paths name the same file: compared after resolving links and `..` when both
/// exist, as given otherwise (a file about to be created cannot be resolved).
#[must_use]
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_file_resolves_existing_paths_and_compares_others_as_given() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.ncp.ron");
        std::fs::write(&file, "x").unwrap();
        let roundabout = dir.path().join("sub").join("..").join("a.ncp.ron");
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        assert!(same_file(&file, &roundabout));
        assert!(!same_file(&file, &dir.path().join("b.ncp.ron")));
        let missing = dir.path().join("missing.ncp.ron");
        assert!(same_file(&missing, &missing));
    }
}
