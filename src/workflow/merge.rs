//! Coders' project files merged into a new one.

use std::path::{Path, PathBuf};

use crate::model::Project;
use crate::store::{self, StoreError};
use crate::team::{self, MergeError, MergeOptions, MergeReport};

/// Why coders' files could not be merged into a new file. Every message names the file
/// concerned.
#[derive(Debug, thiserror::Error)]
pub enum MergeFilesError {
    /// Writing the result over one of the inputs would lose that coder's file.
    #[error("{} is one of the files to merge; choose another output file", path.display())]
    OutputIsInput {
        /// The input, as it was given.
        path: PathBuf,
    },
    /// An input could not be loaded. The store's message names the file already.
    #[error("{source}")]
    Load {
        path: PathBuf,
        #[source]
        source: StoreError,
    },
    /// The projects could not be merged (fewer than two files included); the variant is kept as
    /// it is so that a caller can offer to rename a coder found in two files
    /// ([`MergeError::SameCoder`]).
    #[error(transparent)]
    Merge(#[from] MergeError),
    /// The merged project could not be written. The store's message names the file already.
    #[error("{source}")]
    Save {
        path: PathBuf,
        #[source]
        source: StoreError,
    },
}

/// Loads `inputs`, merges them with [`team::merge()`] and saves the result at `output` (written
/// over if it exists: asking first is the caller's business). Returns the merged project and
/// what the merge found.
///
/// Refused before anything is read: fewer than two inputs, and an output that is one of the
/// inputs. Nothing is written unless the merge went through.
pub fn merge_files(
    inputs: &[PathBuf],
    output: &Path,
    options: MergeOptions,
) -> Result<(Project, MergeReport), MergeFilesError> {
    if inputs.len() < 2 {
        return Err(MergeError::TooFewFiles.into());
    }
    if let Some(input) = inputs.iter().find(|f| super::same_file(f, output)) {
        return Err(MergeFilesError::OutputIsInput {
            path: input.clone(),
        });
    }
    let mut projects = Vec::with_capacity(inputs.len());
    for path in inputs {
        let loaded = store::load(path).map_err(|e| MergeFilesError::Load {
            path: path.clone(),
            source: e,
        })?;
        projects.push((path.clone(), loaded.project));
    }
    let (merged, report) = team::merge(&projects, options)?;
    store::save(output, &merged, false).map_err(|e| MergeFilesError::Save {
        path: output.to_owned(),
        source: e,
    })?;
    Ok((merged, report))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::{coder, small};
    use crate::model::Coder;

    /// The fixture (alice and bruno's coding) and a blank copy for carla, saved in `dir`.
    fn two_files(dir: &Path) -> Vec<PathBuf> {
        let project = small();
        let carla = Coder {
            id: coder("carla"),
            name: "Carla".to_owned(),
        };
        let (_, blank) = team::distribute(&project, &[carla], true)
            .unwrap()
            .remove(0);
        let files = vec![dir.join("team.ncp.ron"), dir.join("carla.ncp.ron")];
        store::save(&files[0], &project, false).unwrap();
        store::save(&files[1], &blank, false).unwrap();
        files
    }

    #[test]
    fn two_files_merge_into_a_file_that_loads() {
        let dir = tempfile::tempdir().unwrap();
        let inputs = two_files(dir.path());
        let output = dir.path().join("merged.ncp.ron");
        let (merged, report) = merge_files(&inputs, &output, MergeOptions::default()).unwrap();
        assert_eq!(merged.documents().len(), 4);
        assert_eq!(merged.coders().len(), 3);
        assert_eq!(merged.annotation_count(), 6);
        assert_eq!(report.files, inputs);
        assert_eq!(store::load(&output).unwrap().project, merged);
    }

    #[test]
    fn the_output_cannot_be_an_input() {
        let dir = tempfile::tempdir().unwrap();
        let inputs = two_files(dir.path());
        let before = std::fs::read(&inputs[1]).unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let roundabout = dir.path().join("sub").join("..").join("carla.ncp.ron");
        for output in [inputs[1].clone(), roundabout] {
            let e = merge_files(&inputs, &output, MergeOptions::default()).unwrap_err();
            assert!(
                matches!(&e, MergeFilesError::OutputIsInput { path } if path == &inputs[1]),
                "{e:?}"
            );
            assert!(e.to_string().contains("carla.ncp.ron"), "{e}");
        }
        assert_eq!(std::fs::read(&inputs[1]).unwrap(), before);
    }

    #[test]
    fn one_input_is_not_enough() {
        let dir = tempfile::tempdir().unwrap();
        let inputs = two_files(dir.path());
        let output = dir.path().join("merged.ncp.ron");
        let e = merge_files(&inputs[..1], &output, MergeOptions::default()).unwrap_err();
        assert!(
            matches!(e, MergeFilesError::Merge(MergeError::TooFewFiles)),
            "{e:?}"
        );
        assert!(!output.exists());
    }

    #[test]
    fn a_missing_input_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let mut inputs = two_files(dir.path());
        inputs.push(dir.path().join("gone.ncp.ron"));
        let output = dir.path().join("merged.ncp.ron");
        let e = merge_files(&inputs, &output, MergeOptions::default()).unwrap_err();
        assert!(
            matches!(&e, MergeFilesError::Load { path, .. } if path == &inputs[2]),
            "{e:?}"
        );
        assert!(e.to_string().contains("gone.ncp.ron"), "{e}");
        assert!(!output.exists());
    }

    #[test]
    fn the_same_coder_in_two_files_stays_recognisable_and_rename_merges() {
        let dir = tempfile::tempdir().unwrap();
        let inputs = two_files(dir.path());
        let twice = [inputs[0].clone(), inputs[0].clone()];
        let output = dir.path().join("merged.ncp.ron");
        let e = merge_files(&twice, &output, MergeOptions::default()).unwrap_err();
        assert!(
            matches!(
                &e,
                MergeFilesError::Merge(MergeError::SameCoder { first, second, .. })
                    if first == &inputs[0] && second == &inputs[0]
            ),
            "{e:?}"
        );
        assert!(!output.exists());
        let (merged, _) = merge_files(&twice, &output, MergeOptions { rename: true }).unwrap();
        assert_eq!(merged.annotation_count(), 12);
        assert!(output.exists());
    }
}
