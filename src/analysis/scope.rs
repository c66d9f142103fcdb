//! One coder's share of a project, for tables and charts that count one coder's coding (two
//! coders of the same text otherwise count every passage twice).

use crate::edit::{Action, EditError, apply};
use crate::model::{CoderId, Project};

/// A copy of `project` that keeps only `coder`'s annotations (documents, codebook and coders
/// unchanged).
pub fn one_coder(project: &Project, coder: &CoderId) -> Result<Project, EditError> {
    let mut copy = project.clone();
    let others: Vec<Action> = project
        .annotations()
        .filter(|a| a.coder() != coder)
        .map(|a| Action::RemoveAnnotation { id: a.id().clone() })
        .collect();
    if !others.is_empty() {
        apply(&mut copy, Action::Batch(others))?;
    }
    Ok(copy)
}

#[cfg(test)]
mod tests {
    use super::one_coder;
    use crate::model::CoderId;

    #[test]
    fn only_that_coders_annotations_are_kept() {
        let project = crate::analysis::fixture::small();
        let coder = project
            .annotations()
            .next()
            .map(|a| a.coder().clone())
            .expect("an annotation");
        let mine = project
            .annotations()
            .filter(|a| a.coder() == &coder)
            .count();
        let scoped = one_coder(&project, &coder).expect("scoped");
        assert_eq!(scoped.annotation_count(), mine);
        assert!(scoped.annotations().all(|a| a.coder() == &coder));
        assert_eq!(scoped.documents().len(), project.documents().len());
        let nobody = CoderId::new("nobody").expect("id");
        assert_eq!(
            one_coder(&project, &nobody)
                .expect("scoped")
                .annotation_count(),
            0
        );
    }
}
