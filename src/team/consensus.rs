//! Building a consensus coding place by place: "accept this coder's coding here".
//!
//! After comparing coders ([`crate::analysis::agreement::disagreement`]), a team settles each
//! place of disagreement by taking one coder's coding. The result is kept under a separate
//! consensus coder, so that the coders' own codings, and the agreement measured on them, stay as
//! they were.

use std::ops::Range;

use chrono::{DateTime, Utc};

use crate::edit::Action;
use crate::model::{Annotation, AnnotationId, Coder, CoderId, DocId, ModelError, Project};

/// Why a coding could not be accepted into the consensus.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConsensusError {
    /// Accepting into the coder it comes from would delete that coder's own annotations.
    #[error("the consensus coder {0} is the coder whose coding is accepted; choose another id")]
    ConsensusIsSource(CoderId),
    /// Writing into a compared coder would change the very codings being compared.
    #[error(
        "the consensus coder {0} is one of the coders compared; choose an id that is not compared"
    )]
    ConsensusIsCompared(CoderId),
    /// A copy could not be made (an annotation without codes: not in a valid project).
    #[error("cannot copy an annotation into the consensus: {0}")]
    Copy(#[from] ModelError),
}

/// Copies `from`'s annotations overlapping `place` of `doc` into the `consensus` coder, replacing
/// the consensus annotations there, as one [`Action::Batch`] (one undo step).
///
/// `place` is in characters, end exclusive; an annotation overlaps it when it shares at least one
/// character with it. The consensus coder is added, named `consensus_name` (trimmed; its id when
/// that is empty), if the project does not have it. It may be neither `from` nor one of the
/// `compared` coders: accepting would then overwrite the codings being compared. `Ok(None)`
/// means there is nothing to add, remove or create.
#[expect(
    clippy::too_many_arguments,
    reason = "the window and the tests pass each piece of the panel's state on its own"
)]
pub fn accept(
    project: &Project,
    doc: &DocId,
    place: Range<usize>,
    from: &CoderId,
    consensus: &CoderId,
    consensus_name: &str,
    compared: &[CoderId],
    now: DateTime<Utc>,
) -> Result<Option<Action>, ConsensusError> {
    if consensus == from {
        return Err(ConsensusError::ConsensusIsSource(consensus.clone()));
    }
    if compared.contains(consensus) {
        return Err(ConsensusError::ConsensusIsCompared(consensus.clone()));
    }
    let overlaps = |a: &Annotation| a.span().start() < place.end && place.start < a.span().end();
    let mut actions = Vec::new();
    if project.coder(consensus).is_none() {
        let name = consensus_name.trim();
        actions.push(Action::AddCoder(Coder {
            id: consensus.clone(),
            name: if name.is_empty() {
                consensus.to_string()
            } else {
                name.to_owned()
            },
        }));
    }
    for a in project.annotations_in(doc) {
        if a.coder() == consensus && overlaps(a) {
            actions.push(Action::RemoveAnnotation { id: a.id().clone() });
        }
    }
    for a in project.annotations_in(doc) {
        if a.coder() == from && overlaps(a) {
            let copy = Annotation::new(
                AnnotationId::random(),
                doc.clone(),
                a.span(),
                a.codes().clone(),
                consensus.clone(),
                a.memo(),
                now,
            )?;
            actions.push(Action::AddAnnotation(copy));
        }
    }
    Ok((!actions.is_empty()).then_some(Action::Batch(actions)))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::analysis::fixture::{at, code, coder, doc, small};
    use crate::edit::apply;
    use crate::model::CharSpan;

    /// (span, codes, memo) of `who`'s annotations in `d`, in reading order.
    fn coding_of(
        project: &Project,
        d: &str,
        who: &str,
    ) -> Vec<(CharSpan, BTreeSet<crate::model::CodeId>, String)> {
        project
            .annotations_in(&doc(d))
            .filter(|a| a.coder() == &coder(who))
            .map(|a| (a.span(), a.codes().clone(), a.memo().to_owned()))
            .collect()
    }

    fn compared() -> Vec<CoderId> {
        vec![coder("alice"), coder("bruno")]
    }

    #[test]
    fn accepting_copies_into_a_new_consensus_coder() {
        let mut project = small();
        let action = accept(
            &project,
            &doc("a"),
            4..6,
            &coder("alice"),
            &coder("team"),
            "  The team ",
            &compared(),
            at(),
        )
        .unwrap()
        .expect("something to do");
        let Action::Batch(steps) = &action else {
            panic!("a batch: {action:?}");
        };
        assert_eq!(
            steps[0],
            Action::AddCoder(Coder {
                id: coder("team"),
                name: "The team".to_owned(),
            })
        );
        assert_eq!(steps.len(), 3, "{steps:?}");
        apply(&mut project, action).unwrap();
        // a1 [0,5) and a2 [0,10) overlap [4,6); a3 is bruno's.
        assert_eq!(
            coding_of(&project, "a", "team"),
            coding_of(&project, "a", "alice")
        );
        for a in project.annotations_in(&doc("a")) {
            if a.coder() == &coder("team") {
                assert_eq!(a.created(), at());
                assert!(!["a1", "a2"].contains(&a.id().as_str()));
            }
        }
        assert_eq!(project.annotation_count(), 8);
    }

    #[test]
    fn an_empty_name_gives_the_id_as_name() {
        let project = small();
        let action = accept(
            &project,
            &doc("b"),
            0..5,
            &coder("alice"),
            &coder("team"),
            "   ",
            &compared(),
            at(),
        )
        .unwrap();
        let Some(Action::Batch(steps)) = action else {
            panic!("a batch");
        };
        assert_eq!(
            steps[0],
            Action::AddCoder(Coder {
                id: coder("team"),
                name: "team".to_owned(),
            })
        );
    }

    #[test]
    fn accepting_again_replaces_earlier_consensus_annotations() {
        let mut project = small();
        let first = accept(
            &project,
            &doc("a"),
            0..10,
            &coder("alice"),
            &coder("team"),
            "Team",
            &compared(),
            at(),
        )
        .unwrap()
        .unwrap();
        apply(&mut project, first).unwrap();
        assert_eq!(coding_of(&project, "a", "team").len(), 2);

        // Now bruno's coding of the same place wins; the coder exists already.
        let second = accept(
            &project,
            &doc("a"),
            0..10,
            &coder("bruno"),
            &coder("team"),
            "Team",
            &compared(),
            at(),
        )
        .unwrap()
        .unwrap();
        let Action::Batch(steps) = &second else {
            panic!("a batch");
        };
        assert!(!steps.iter().any(|s| matches!(s, Action::AddCoder(_))));
        assert_eq!(
            steps
                .iter()
                .filter(|s| matches!(s, Action::RemoveAnnotation { .. }))
                .count(),
            2
        );
        apply(&mut project, second).unwrap();
        assert_eq!(
            coding_of(&project, "a", "team"),
            vec![(
                CharSpan::new(3, 10).unwrap(),
                BTreeSet::from([code("actor.state")]),
                String::new()
            )]
        );
        // The coders compared keep their own coding.
        assert_eq!(coding_of(&project, "a", "alice").len(), 2);
        assert_eq!(coding_of(&project, "a", "bruno").len(), 1);
    }

    #[test]
    fn the_consensus_cannot_be_a_compared_coder_nor_the_source() {
        let project = small();
        let compared_one = accept(
            &project,
            &doc("a"),
            0..10,
            &coder("alice"),
            &coder("bruno"),
            "",
            &compared(),
            at(),
        );
        assert_eq!(
            compared_one,
            Err(ConsensusError::ConsensusIsCompared(coder("bruno")))
        );
        let source = accept(
            &project,
            &doc("a"),
            0..10,
            &coder("alice"),
            &coder("alice"),
            "",
            &[],
            at(),
        );
        assert_eq!(
            source,
            Err(ConsensusError::ConsensusIsSource(coder("alice")))
        );
        assert!(source.unwrap_err().to_string().contains("alice"));
    }

    #[test]
    fn nothing_to_do_gives_none() {
        let mut project = small();
        apply(
            &mut project,
            Action::AddCoder(Coder {
                id: coder("team"),
                name: "Team".to_owned(),
            }),
        )
        .unwrap();
        // Doc d has no annotation at all, and the consensus coder exists.
        let action = accept(
            &project,
            &doc("d"),
            0..5,
            &coder("alice"),
            &coder("team"),
            "Team",
            &compared(),
            at(),
        )
        .unwrap();
        assert_eq!(action, None);
        // A place touching an annotation only at its end does not overlap it: b1 is [0,5).
        let action = accept(
            &project,
            &doc("b"),
            5..6,
            &coder("alice"),
            &coder("team"),
            "Team",
            &compared(),
            at(),
        )
        .unwrap();
        assert_eq!(action, None);
    }
}
