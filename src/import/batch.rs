//! Several files at once: folders walked into document paths, then the imported results checked
//! against a project (duplicates by text hash, in the project or earlier in the same batch) and
//! turned into one `Action::Batch`. Shared by `normcoder import` and the window's batch import.

use std::path::{Path, PathBuf};

use crate::edit::{self, Action};
use crate::model::{DocId, Project};

use super::{ImportError, Imported, to_document};

/// Extensions looked for inside folders (files named explicitly are always tried).
pub const DOCUMENT_EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "text", "html", "htm", "xhtml", "docx", "odt", "pdf", "rtf", "epub",
];

/// Whether a file name has one of [`DOCUMENT_EXTENSIONS`].
#[must_use]
pub fn is_document(path: &Path) -> bool {
    path.extension().is_some_and(|e| {
        DOCUMENT_EXTENSIONS.contains(&e.to_string_lossy().to_ascii_lowercase().as_str())
    })
}

/// Files as given, folders replaced by the documents inside them and their sub-folders (sorted;
/// hidden entries and files of other types left out, the latter reported in `ignored`).
pub fn expand(inputs: &[PathBuf], ignored: &mut Vec<PathBuf>) -> Result<Vec<PathBuf>, ImportError> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            walk(input, &mut out, ignored)?;
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
}

/// Depth-first over one folder, without following the recursion into symbolic links.
fn walk(dir: &Path, out: &mut Vec<PathBuf>, ignored: &mut Vec<PathBuf>) -> Result<(), ImportError> {
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map_err(|source| ImportError::Io {
                path: dir.clone(),
                source,
            })?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                !p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        entries.sort();
        let mut subdirs = Vec::new();
        for path in entries {
            if path.is_symlink() && path.is_dir() {
                continue;
            }
            if path.is_dir() {
                subdirs.push(path);
            } else if is_document(&path) {
                out.push(path);
            } else {
                ignored.push(path);
            }
        }
        pending.extend(subdirs.into_iter().rev());
    }
    Ok(())
}

/// What became of one file of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Added under this id.
    Added(DocId),
    /// Same text as a document already in the project.
    DuplicateOfProject(DocId),
    /// Same text as a file earlier in the same batch (added under this id).
    DuplicateInBatch(DocId),
    /// Could not be read or imported: the message.
    Failed(String),
    /// In a folder, but not a type Normcoder reads.
    Ignored,
}

/// A batch checked against a project: what to apply, and a line per file.
#[derive(Debug, Default)]
pub struct Plan {
    /// `AddDocument` actions in file order; apply them as one `Action::Batch`.
    pub actions: Vec<Action>,
    /// Every file, in order, with what became of it.
    pub outcomes: Vec<(PathBuf, Outcome)>,
    /// What the import of an added file warns about (a guessed encoding, a date taken from the
    /// file's properties, pages or lines left out…), by file.
    pub warnings: Vec<(PathBuf, Vec<String>)>,
}

impl Plan {
    /// How many files ended in each state: (added, duplicates, failed).
    #[must_use]
    pub fn counts(&self) -> (usize, usize, usize) {
        let mut c = (0, 0, 0);
        for (_, o) in &self.outcomes {
            match o {
                Outcome::Added(_) => c.0 += 1,
                Outcome::DuplicateOfProject(_) | Outcome::DuplicateInBatch(_) => c.1 += 1,
                Outcome::Failed(_) => c.2 += 1,
                Outcome::Ignored => {}
            }
        }
        c
    }

    /// The whole batch as one undoable action, if there is anything to add.
    #[must_use]
    pub fn action(&self) -> Option<Action> {
        (!self.actions.is_empty()).then(|| Action::Batch(self.actions.clone()))
    }
}

/// Checks imported files against `project`: ids made unique, duplicates by text hash (in the
/// project or earlier in the batch) skipped, failures kept with their message. The project is
/// not changed; a scratch copy keeps ids and hashes unique within the batch.
#[must_use]
pub fn plan(project: &Project, results: Vec<(PathBuf, Result<Imported, String>)>) -> Plan {
    let mut scratch = project.clone();
    let mut plan = Plan::default();
    for (path, result) in results {
        let warnings: Vec<String> = result
            .as_ref()
            .map(|i| i.warnings.iter().map(ToString::to_string).collect())
            .unwrap_or_default();
        let outcome = match result
            .and_then(|imported| to_document(&scratch, &path, imported).map_err(|e| e.to_string()))
        {
            Err(message) => Outcome::Failed(message),
            Ok(doc) => {
                if let Some(existing) = project.document_by_hash(doc.sha256()) {
                    Outcome::DuplicateOfProject(existing.id().clone())
                } else if let Some(earlier) = scratch.document_by_hash(doc.sha256()) {
                    Outcome::DuplicateInBatch(earlier.id().clone())
                } else {
                    let id = doc.id().clone();
                    let action = Action::AddDocument(doc);
                    match edit::apply(&mut scratch, action.clone()) {
                        Ok(_) => {
                            plan.actions.push(action);
                            Outcome::Added(id)
                        }
                        Err(e) => Outcome::Failed(e.to_string()),
                    }
                }
            }
        };
        if matches!(outcome, Outcome::Added(_)) && !warnings.is_empty() {
            plan.warnings.push((path.clone(), warnings));
        }
        plan.outcomes.push((path, outcome));
    }
    plan
}

/// Imports every file in order, stopping before the next file when `cancelled` says so; `progress`
/// is told (index, path) before each file. Returns `None` when cancelled.
pub fn import_all(
    paths: &[PathBuf],
    cancelled: &dyn Fn() -> bool,
    progress: &mut dyn FnMut(usize, &Path),
) -> Option<Vec<(PathBuf, Result<Imported, String>)>> {
    let mut out = Vec::with_capacity(paths.len());
    for (i, path) in paths.iter().enumerate() {
        if cancelled() {
            return None;
        }
        progress(i, path);
        out.push((
            path.clone(),
            super::import_file(path).map_err(|e| e.to_string()),
        ));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DocumentMeta;

    fn imported(text: &str) -> Imported {
        Imported {
            text: text.to_owned(),
            meta: DocumentMeta {
                title: "t".to_owned(),
                ..DocumentMeta::default()
            },
            warnings: Vec::new(),
        }
    }

    fn project_with(text: &str) -> Project {
        let mut project =
            crate::store::builtin::new_project("p".to_owned(), &["actors"]).expect("project");
        let doc = crate::model::Document::new(
            DocId::new("old").expect("id"),
            DocumentMeta::default(),
            text.to_owned(),
        )
        .expect("doc");
        edit::apply(&mut project, Action::AddDocument(doc)).expect("add");
        project
    }

    #[test]
    fn duplicates_in_the_project_and_in_the_batch_are_skipped_and_ids_stay_unique() {
        let project = project_with("already here");
        let plan = plan(
            &project,
            vec![
                (PathBuf::from("a/note.txt"), Ok(imported("one"))),
                (PathBuf::from("b/note.txt"), Ok(imported("two"))),
                (PathBuf::from("c/copy.txt"), Ok(imported("one"))),
                (PathBuf::from("old.txt"), Ok(imported("already here"))),
                (PathBuf::from("bad.pdf"), Err("broken".to_owned())),
            ],
        );
        let outcomes: Vec<&Outcome> = plan.outcomes.iter().map(|(_, o)| o).collect();
        let id = |s: &str| DocId::new(s).expect("id");
        assert_eq!(
            outcomes,
            [
                &Outcome::Added(id("note")),
                &Outcome::Added(id("note-2")),
                &Outcome::DuplicateInBatch(id("note")),
                &Outcome::DuplicateOfProject(id("old")),
                &Outcome::Failed("broken".to_owned()),
            ]
        );
        assert_eq!(plan.counts(), (2, 2, 1));
        assert_eq!(plan.actions.len(), 2);
        let mut scratch = project.clone();
        edit::apply(&mut scratch, plan.action().expect("something to add")).expect("applies");
        assert_eq!(scratch.documents().len(), 3);
    }

    #[test]
    fn nothing_to_add_gives_no_action_and_cancel_stops_before_the_next_file() {
        let project = project_with("already here");
        let plan = plan(
            &project,
            vec![(PathBuf::from("x.txt"), Ok(imported("already here")))],
        );
        assert!(plan.action().is_none());
        let mut seen = Vec::new();
        let cancel_after_first = std::cell::Cell::new(false);
        let result = import_all(
            &[
                PathBuf::from("/nonexistent/a.txt"),
                PathBuf::from("/nonexistent/b.txt"),
            ],
            &|| cancel_after_first.get(),
            &mut |i, _| {
                seen.push(i);
                cancel_after_first.set(true);
            },
        );
        assert!(result.is_none(), "cancelled");
        assert_eq!(seen, [0], "the second file was never started");
    }
}
