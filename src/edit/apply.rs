//! Applying an action: validate, change, return the inverse.

use crate::model::{ModelError, Project};

use super::Action;

/// Why an action was refused. The project is unchanged when this is returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("{0}")]
    Model(#[from] ModelError),
    #[error("in edit {index} of a batch: {source}")]
    InBatch {
        index: usize,
        #[source]
        source: Box<EditError>,
    },
    #[error("cannot merge code {0} into itself")]
    MergeIntoSelf(crate::model::CodeId),
    /// An edit asked of a window with no project open.
    #[error("no project is open")]
    NoProject,
}

/// Applies `action` to `project` and returns the action that undoes it.
///
/// All or nothing: on error the project is exactly as before (a failing batch rolls back the
/// steps it had already applied).
pub fn apply(project: &mut Project, action: Action) -> Result<Action, EditError> {
    let inverse = match action {
        Action::AddAnnotation(ann) => {
            let id = ann.id().clone();
            project.insert_annotation(ann)?;
            Action::RemoveAnnotation { id }
        }
        Action::RemoveAnnotation { id } => Action::AddAnnotation(project.remove_annotation(&id)?),
        Action::SetCodes {
            id,
            codes,
            modified,
        } => {
            let (codes, modified) = project.set_annotation_codes(&id, codes, modified)?;
            Action::SetCodes {
                id,
                codes,
                modified,
            }
        }
        Action::SetSpan { id, span, modified } => {
            let (span, modified) = project.set_annotation_span(&id, span, modified)?;
            Action::SetSpan { id, span, modified }
        }
        Action::SetMemo { id, memo, modified } => {
            let (memo, modified) = project.set_annotation_memo(&id, memo, modified)?;
            Action::SetMemo { id, memo, modified }
        }
        Action::AddCode { code, position } => {
            let id = code.id.clone();
            project.insert_code(code, position)?;
            Action::RemoveCode { id }
        }
        Action::EditCode(code) => Action::EditCode(project.replace_code(code)?),
        Action::RemoveCode { id } => {
            let (code, at) = project.remove_code(&id)?;
            Action::AddCode {
                code,
                position: Some(at),
            }
        }
        Action::MergeCodes {
            from,
            into,
            modified,
        } => apply(project, merge_steps(project, &from, &into, modified)?)?,
        Action::AddGroup { group, position } => {
            let id = group.id.clone();
            project.insert_group(group, position)?;
            Action::RemoveGroup { id }
        }
        Action::RemoveGroup { id } => {
            let (group, at) = project.remove_group(&id)?;
            Action::AddGroup {
                group,
                position: Some(at),
            }
        }
        Action::AddCoder(coder) => {
            let id = coder.id.clone();
            project.insert_coder(coder)?;
            Action::RemoveCoder { id }
        }
        Action::RemoveCoder { id } => Action::AddCoder(project.remove_coder(&id)?),
        Action::AddDocument(doc) => {
            let id = doc.id().clone();
            project.insert_document(doc)?;
            Action::RemoveDocument { id }
        }
        Action::RemoveDocument { id } => {
            if project.document(&id).is_none() {
                return Err(ModelError::UnknownDocument(id).into());
            }
            // Annotations first, each with its own inverse, then the document itself.
            let steps: Vec<Action> = project
                .annotations_in(&id)
                .map(|a| Action::RemoveAnnotation { id: a.id().clone() })
                .collect();
            let undo_annotations = apply(project, Action::Batch(steps))?;
            match project.remove_document(&id) {
                Ok(doc) => Action::Batch(vec![Action::AddDocument(doc), undo_annotations]),
                Err(e) => {
                    apply(project, undo_annotations)?;
                    return Err(e.into());
                }
            }
        }
        Action::SetDocumentMeta { id, meta } => Action::SetDocumentMeta {
            meta: project.set_document_meta(&id, meta)?,
            id,
        },
        Action::SetProjectMeta(meta) => Action::SetProjectMeta(project.set_meta(meta)),
        Action::Batch(actions) => apply_batch(project, actions)?,
    };
    Ok(inverse)
}

/// Applies each step in order; on the first failure undoes the steps already applied.
fn apply_batch(project: &mut Project, actions: Vec<Action>) -> Result<Action, EditError> {
    let mut inverses = Vec::with_capacity(actions.len());
    for (index, action) in actions.into_iter().enumerate() {
        match apply(project, action) {
            Ok(inverse) => inverses.push(inverse),
            Err(source) => {
                rollback(project, inverses);
                return Err(EditError::InBatch {
                    index,
                    source: Box::new(source),
                });
            }
        }
    }
    inverses.reverse();
    Ok(Action::Batch(inverses))
}

/// Undoes already-applied steps, newest first. Inverses of steps that just succeeded cannot fail
/// on the state they produced; if one ever did, the remaining ones are still attempted.
fn rollback(project: &mut Project, inverses: Vec<Action>) {
    for inverse in inverses.into_iter().rev() {
        let _ = apply(project, inverse);
    }
}

/// Expands a merge into primitive steps: recode every user of `from`, re-parent its children,
/// delete it.
fn merge_steps(
    project: &Project,
    from: &crate::model::CodeId,
    into: &crate::model::CodeId,
    modified: chrono::DateTime<chrono::Utc>,
) -> Result<Action, EditError> {
    if from == into {
        return Err(EditError::MergeIntoSelf(from.clone()));
    }
    let book = project.codebook();
    if book.code(from).is_none() {
        return Err(ModelError::UnknownCode(from.clone()).into());
    }
    if book.code(into).is_none() {
        return Err(ModelError::UnknownCode(into.clone()).into());
    }
    let mut steps = Vec::new();
    for ann in project.annotations() {
        if ann.codes().contains(from) {
            let mut codes = ann.codes().clone();
            codes.remove(from);
            codes.insert(into.clone());
            steps.push(Action::SetCodes {
                id: ann.id().clone(),
                codes,
                modified,
            });
        }
    }
    for child in book
        .codes()
        .iter()
        .filter(|c| c.parent.as_ref() == Some(from))
    {
        let mut child = child.clone();
        child.parent = (&child.id != into).then(|| into.clone());
        steps.push(Action::EditCode(child));
    }
    steps.push(Action::RemoveCode { id: from.clone() });
    Ok(Action::Batch(steps))
}
