//! Blank (or pre-filled) copies of a project, one per coder: what a teacher hands out.

use crate::edit::{Action, EditError, apply};
use crate::model::{Coder, CoderId, Project};

/// One copy of `project` per coder in `coders`. With `strip_annotations`, a copy holds the
/// documents and the codebook and only its own coder; otherwise it keeps every annotation and
/// coder of the original and adds its coder if missing. Copies are built with `edit::apply`.
pub fn distribute(
    project: &Project,
    coders: &[Coder],
    strip_annotations: bool,
) -> Result<Vec<(CoderId, Project)>, EditError> {
    let mut out = Vec::with_capacity(coders.len());
    for coder in coders {
        let mut copy = if strip_annotations {
            let mut blank = Project::new(project.meta().clone(), project.codebook().clone());
            let docs = project
                .documents()
                .map(|d| Action::AddDocument(d.clone()))
                .collect();
            apply(&mut blank, Action::Batch(docs))?;
            blank
        } else {
            project.clone()
        };
        if copy.coder(&coder.id).is_none() {
            apply(&mut copy, Action::AddCoder(coder.clone()))?;
        }
        out.push((coder.id.clone(), copy));
    }
    Ok(out)
}
