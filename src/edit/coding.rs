//! Coding a span: the rule behind the code shortcuts, the palette and the codebook's "code the
//! selection", kept here so that the window and any other caller decide it the same way.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use crate::model::{Annotation, AnnotationId, CharSpan, CodeId, Coder, DocId, Project};

use super::{Action, EditError};

/// What coding a span for a coder comes to.
#[derive(Debug, Clone, PartialEq)]
pub struct Coding {
    /// The annotation that carries the code afterwards (existing or new).
    pub annotation: AnnotationId,
    /// The edit to apply; `None` when that annotation already has the code.
    pub action: Option<Action>,
}

/// Puts `code` on exactly `span` of `doc` for `coder`.
///
/// A coder's annotation with exactly this span gets the code added to its codes, so that pressing
/// two shortcuts on one selection gives one segment with two codes rather than two segments.
/// Anyone else's annotation at the same span is theirs and is left alone: the coder gets a new
/// annotation. A coder the project does not know yet is added in the same [`Action::Batch`], so
/// that the first coding is one undo step.
///
/// Nothing is checked against the project beyond that: an unknown document, code or a span
/// outside the text are refused when the action is applied.
#[expect(
    clippy::similar_names,
    reason = "`codes` and `coder` are the domain's words"
)]
pub fn code_span(
    project: &Project,
    doc: &DocId,
    span: CharSpan,
    code: &CodeId,
    coder: &Coder,
    now: DateTime<Utc>,
) -> Result<Coding, EditError> {
    let existing = project
        .annotations_in(doc)
        .find(|a| a.span() == span && a.coder() == &coder.id);
    if let Some(existing) = existing {
        let mut codes = existing.codes().clone();
        let action = codes.insert(code.clone()).then(|| Action::SetCodes {
            id: existing.id().clone(),
            codes,
            modified: now,
        });
        return Ok(Coding {
            annotation: existing.id().clone(),
            action,
        });
    }
    let id = AnnotationId::random();
    let annotation = Annotation::new(
        id.clone(),
        doc.clone(),
        span,
        BTreeSet::from([code.clone()]),
        coder.id.clone(),
        "",
        now,
    )?;
    let add = Action::AddAnnotation(annotation);
    let action = if project.coder(&coder.id).is_none() {
        Action::Batch(vec![Action::AddCoder(coder.clone()), add])
    } else {
        add
    };
    Ok(Coding {
        annotation: id,
        action: Some(action),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::{at, code, coder, doc, small};
    use crate::edit::apply;
    use crate::session::Session;

    fn span(start: usize, end: usize) -> CharSpan {
        CharSpan::new(start, end).unwrap()
    }

    fn person(id: &str) -> Coder {
        Coder {
            id: coder(id),
            name: id.to_uppercase(),
        }
    }

    /// Applies the coding and returns the codes its annotation ends up with.
    fn codes_after(project: &Project, coding: &Coding) -> BTreeSet<CodeId> {
        let mut project = project.clone();
        if let Some(action) = coding.action.clone() {
            apply(&mut project, action).unwrap();
        }
        project
            .annotation(&coding.annotation)
            .unwrap()
            .codes()
            .clone()
    }

    #[test]
    fn a_new_coder_is_added_in_the_same_batch_as_the_annotation() {
        let project = small();
        let coding = code_span(
            &project,
            &doc("a"),
            span(6, 10),
            &code("pc.1"),
            &person("carla"),
            at(),
        )
        .unwrap();
        let Some(Action::Batch(steps)) = &coding.action else {
            panic!("a batch: {:?}", coding.action);
        };
        assert_eq!(steps.len(), 2);
        assert_eq!(steps[0], Action::AddCoder(person("carla")));
        let Action::AddAnnotation(a) = &steps[1] else {
            panic!("an annotation: {:?}", steps[1]);
        };
        assert_eq!(a.id(), &coding.annotation);
        assert_eq!(a.doc(), &doc("a"));
        assert_eq!(a.span(), span(6, 10));
        assert_eq!(a.codes(), &BTreeSet::from([code("pc.1")]));
        assert_eq!(a.coder(), &coder("carla"));
        assert_eq!(a.memo(), "");
        assert_eq!(a.created(), at());
        assert_eq!(
            codes_after(&project, &coding),
            BTreeSet::from([code("pc.1")])
        );
    }

    #[test]
    fn a_known_coder_gets_a_plain_annotation() {
        let project = small();
        let coding = code_span(
            &project,
            &doc("a"),
            span(6, 10),
            &code("pc.1"),
            &person("alice"),
            at(),
        )
        .unwrap();
        assert!(
            matches!(&coding.action, Some(Action::AddAnnotation(a)) if a.id() == &coding.annotation),
            "{:?}",
            coding.action
        );
        assert!(project.annotation(&coding.annotation).is_none());
        assert_eq!(
            codes_after(&project, &coding),
            BTreeSet::from([code("pc.1")])
        );
    }

    #[test]
    fn the_same_span_of_the_same_coder_gets_the_code_added() {
        let project = small();
        // a2 is alice's [0, 10) with pc.2.
        let now = at() + chrono::Duration::hours(1);
        let coding = code_span(
            &project,
            &doc("a"),
            span(0, 10),
            &code("pc.1"),
            &person("alice"),
            now,
        )
        .unwrap();
        assert_eq!(coding.annotation.as_str(), "a2");
        assert_eq!(
            coding.action,
            Some(Action::SetCodes {
                id: coding.annotation.clone(),
                codes: BTreeSet::from([code("pc.1"), code("pc.2")]),
                modified: now,
            })
        );
        let mut session = Session::new(project);
        session.apply(coding.action.clone().unwrap()).unwrap();
        let a2 = session.project().annotation(&coding.annotation).unwrap();
        assert_eq!(a2.codes(), &BTreeSet::from([code("pc.1"), code("pc.2")]));
        assert_eq!(a2.modified(), now);
        assert_eq!(session.project().annotation_count(), 6);
    }

    #[test]
    fn a_code_already_there_needs_no_edit() {
        let project = small();
        let coding = code_span(
            &project,
            &doc("a"),
            span(0, 5),
            &code("pc.8"),
            &person("alice"),
            at(),
        )
        .unwrap();
        assert_eq!(coding.annotation.as_str(), "a1");
        assert_eq!(coding.action, None);
    }

    #[test]
    fn another_coders_annotation_at_the_same_span_does_not_count() {
        let project = small();
        // a3 is bruno's [3, 10); alice codes the same span.
        let coding = code_span(
            &project,
            &doc("a"),
            span(3, 10),
            &code("actor.state"),
            &person("alice"),
            at(),
        )
        .unwrap();
        assert_ne!(coding.annotation.as_str(), "a3");
        assert!(
            matches!(&coding.action, Some(Action::AddAnnotation(_))),
            "{:?}",
            coding.action
        );
        let mut session = Session::new(project);
        session.apply(coding.action.clone().unwrap()).unwrap();
        let p = session.project();
        assert_eq!(
            p.annotation(&coding.annotation).unwrap().coder(),
            &coder("alice")
        );
        assert_eq!(
            p.annotation(&AnnotationId::new("a3").unwrap())
                .unwrap()
                .coder(),
            &coder("bruno")
        );
    }
}
