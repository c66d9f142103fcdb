//! Every change goes through `edit`; undo and redo give back exactly the states they should.

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, Utc};
use normcoder::edit::{Action, History};
use normcoder::model::{
    Annotation, AnnotationId, CharSpan, Code, CodeId, Coder, CoderId, Colour, DocId, Document,
    DocumentMeta, Localized, Project,
};
use proptest::prelude::*;

use crate::common::small_project;

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp(1_800_000_000, 0).expect("time") + Duration::seconds(seconds)
}

/// Turns random numbers into an action that makes sense for the project's current state (most
/// of them valid, some deliberately not: those must be refused and change nothing).
fn action_from(project: &Project, seed: &[u32; 5], step: i64) -> Action {
    let [kind, a, b, c, d] = *seed;
    let docs: Vec<&Document> = project.documents().collect();
    let anns: Vec<&Annotation> = project.annotations().collect();
    let codes: Vec<CodeId> = project
        .codebook()
        .codes()
        .iter()
        .map(|c| c.id.clone())
        .collect();
    let pick = |n: usize, x: u32| (x as usize) % n.max(1);
    let ann = anns.get(pick(anns.len(), a)).map(|x| x.id().clone());
    let code = |x: u32| codes[pick(codes.len(), x)].clone();
    if docs.is_empty() {
        let text = format!("Texte n° {step} : « sécurité » et cyber-riposte.");
        let id = DocId::new(format!("new-{step}")).expect("id");
        return Action::AddDocument(Document::new(id, DocumentMeta::default(), text).expect("doc"));
    }
    if codes.len() < 2 {
        let group = project.codebook().groups()[0].id.clone();
        return Action::AddCode {
            code: Code {
                id: CodeId::new(format!("new.{step}")).expect("id"),
                group,
                label: Localized::new("Nouveau", "Nouveau"),
                definition: Localized::en("A code added by the test."),
                source_text: None,
                colour: Colour::parse("#abcdef").expect("colour"),
                shortcut: None,
                parent: None,
                aliases: Vec::new(),
            },
            position: None,
        };
    }
    match kind % 12 {
        0..=2 => {
            let doc = docs[pick(docs.len(), a)];
            let len = doc.char_len();
            let start = pick(len + 3, b); // sometimes past the end: must be refused
            let end = start + 1 + pick(40, c);
            let span = CharSpan::new(start, end).expect("start < end");
            let mut codes = BTreeSet::from([code(d)]);
            if d % 3 == 0 {
                codes.insert(code(d / 3));
            }
            let coder = CoderId::new(if d % 2 == 0 { "alice" } else { "bruno" }).expect("id");
            let id = AnnotationId::new(format!("p{step:05}")).expect("id");
            Action::AddAnnotation(
                Annotation::new(id, doc.id().clone(), span, codes, coder, "", at(step))
                    .expect("annotation"),
            )
        }
        3 => Action::RemoveAnnotation {
            id: ann.unwrap_or_else(|| AnnotationId::new("missing").expect("id")),
        },
        4 => Action::SetCodes {
            id: ann.unwrap_or_else(|| AnnotationId::new("missing").expect("id")),
            codes: BTreeSet::from([code(b), code(c)]),
            modified: at(step),
        },
        5 => Action::SetSpan {
            id: ann.unwrap_or_else(|| AnnotationId::new("missing").expect("id")),
            span: CharSpan::new(b as usize % 500, b as usize % 500 + 1 + c as usize % 30)
                .expect("span"),
            modified: at(step),
        },
        6 => Action::SetMemo {
            id: ann.unwrap_or_else(|| AnnotationId::new("missing").expect("id")),
            memo: format!("mémo n° {step}"),
            modified: at(step),
        },
        7 => Action::MergeCodes {
            from: code(b),
            into: code(c),
            modified: at(step),
        },
        8 => {
            let base = project.codebook().codes()[pick(codes.len(), b)].clone();
            Action::AddCode {
                code: Code {
                    id: CodeId::new(format!("new.{step}")).expect("id"),
                    label: Localized::new(format!("Code {step}"), format!("Code n° {step}")),
                    shortcut: None,
                    parent: (c % 2 == 0).then(|| base.id.clone()),
                    colour: Colour::parse("#123456").expect("colour"),
                    ..base
                },
                position: Some(pick(codes.len() + 1, d)),
            }
        }
        9 => {
            let mut edited = project.codebook().codes()[pick(codes.len(), b)].clone();
            edited.label.en = format!("Renamed {step}");
            Action::EditCode(edited)
        }
        10 => {
            if c % 2 == 0 {
                Action::RemoveDocument {
                    id: docs[pick(docs.len(), a)].id().clone(),
                }
            } else {
                Action::RemoveCode { id: code(b) }
            }
        }
        _ => {
            let doc = docs[pick(docs.len(), a)];
            Action::SetDocumentMeta {
                id: doc.id().clone(),
                meta: DocumentMeta {
                    title: format!("Titre {step}"),
                    ..doc.meta().clone()
                },
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn undo_all_restores_the_original_and_redo_all_the_final(
        seeds in proptest::collection::vec(any::<[u32; 5]>(), 1..60)
    ) {
        let original = small_project();
        let mut project = original.clone();
        let mut history = History::new(true);
        let mut applied = 0;
        for (step, seed) in seeds.iter().enumerate() {
            let before = project.clone();
            let action = action_from(&project, seed, i64::try_from(step).expect("step"));
            if history.apply(&mut project, action).is_ok() {
                applied += 1;
            } else {
                prop_assert_eq!(&project, &before, "a refused action changed the project");
            }
        }
        let final_state = project.clone();
        prop_assert_eq!(history.is_dirty(), applied > 0);
        while history.undo(&mut project).expect("undo") {}
        prop_assert_eq!(&project, &original);
        prop_assert!(!history.is_dirty(), "back at the saved state");
        while history.redo(&mut project).expect("redo") {}
        prop_assert_eq!(&project, &final_state);
    }
}

#[test]
fn dirty_flag_follows_saves_undo_and_new_edits() {
    let mut project = small_project();
    let mut history = History::new(true);
    let doc = project.documents().next().expect("doc").id().clone();
    let memo = |text: &str, s| Action::SetDocumentMeta {
        id: doc.clone(),
        meta: DocumentMeta {
            title: format!("{text} {s}"),
            ..DocumentMeta::default()
        },
    };
    assert!(!history.is_dirty());
    history.apply(&mut project, memo("a", 1)).expect("edit");
    assert!(history.is_dirty());
    history.mark_saved();
    assert!(!history.is_dirty());
    history.undo(&mut project).expect("undo");
    assert!(history.is_dirty(), "undo past the save point is a change");
    history.redo(&mut project).expect("redo");
    assert!(!history.is_dirty(), "redo back to the save point is clean");
    history.undo(&mut project).expect("undo");
    history.apply(&mut project, memo("b", 2)).expect("edit");
    assert!(history.is_dirty());
    assert!(!history.can_redo(), "a new edit clears redo");
}

#[test]
fn invalid_annotations_are_refused() {
    let mut project = small_project();
    let before = project.clone();
    let doc = project.documents().next().expect("doc");
    let (doc_id, len) = (doc.id().clone(), doc.char_len());
    let alice = CoderId::new("alice").expect("id");
    let pc1 = BTreeSet::from([CodeId::new("pc.1").expect("id")]);
    let build = |doc: DocId, span: CharSpan, codes: BTreeSet<CodeId>, coder: CoderId| {
        Action::AddAnnotation(
            Annotation::new(AnnotationId::random(), doc, span, codes, coder, "", at(0))
                .expect("annotation"),
        )
    };
    let span = |a, b| CharSpan::new(a, b).expect("span");
    let cases = [
        build(
            doc_id.clone(),
            span(len, len + 1),
            pc1.clone(),
            alice.clone(),
        ),
        build(
            doc_id.clone(),
            span(0, 4),
            BTreeSet::from([CodeId::new("nope").expect("id")]),
            alice.clone(),
        ),
        build(
            DocId::new("nowhere").expect("id"),
            span(0, 4),
            pc1.clone(),
            alice.clone(),
        ),
        build(
            doc_id.clone(),
            span(0, 4),
            pc1.clone(),
            CoderId::new("zoe").expect("id"),
        ),
    ];
    for action in cases {
        let described = action.describe();
        assert!(
            normcoder::edit::apply(&mut project, action).is_err(),
            "{described} was accepted"
        );
        assert_eq!(project, before);
    }
    assert!(CharSpan::new(5, 5).is_err());
    assert!(
        Annotation::new(
            AnnotationId::random(),
            doc_id,
            span(0, 1),
            BTreeSet::new(),
            alice,
            "",
            at(0)
        )
        .is_err()
    );
}

#[test]
fn quotes_are_taken_from_the_text_in_characters() {
    let mut project = small_project();
    let doc = project.documents().next().expect("doc");
    let id = doc.id().clone();
    let expected: String = doc.text().chars().skip(4).take(10).collect();
    let action = Action::AddAnnotation(
        Annotation::new(
            AnnotationId::new("q1").expect("id"),
            id,
            CharSpan::new(4, 14).expect("span"),
            BTreeSet::from([CodeId::new("pc.1").expect("id")]),
            CoderId::new("alice").expect("id"),
            "",
            at(0),
        )
        .expect("annotation"),
    );
    normcoder::edit::apply(&mut project, action).expect("valid");
    let ann = project
        .annotation(&AnnotationId::new("q1").expect("id"))
        .expect("added");
    assert_eq!(project.quote(ann), expected);
}

#[test]
fn removing_a_used_coder_or_code_is_refused_but_merge_works() {
    let mut project = small_project();
    let mut history = History::new(true);
    let alice = CoderId::new("alice").expect("id");
    assert!(
        history
            .apply(&mut project, Action::RemoveCoder { id: alice })
            .is_err()
    );
    let used = project
        .annotations()
        .next()
        .expect("ann")
        .codes()
        .iter()
        .next()
        .expect("code")
        .clone();
    assert!(
        history
            .apply(&mut project, Action::RemoveCode { id: used.clone() })
            .is_err()
    );
    let into = CodeId::new(if used.as_str() == "pc.9" {
        "pc.8"
    } else {
        "pc.9"
    })
    .expect("id");
    let uses = project.code_use_count(&used);
    let before_into = project.code_use_count(&into);
    history
        .apply(
            &mut project,
            Action::MergeCodes {
                from: used.clone(),
                into: into.clone(),
                modified: at(1),
            },
        )
        .expect("merge");
    assert!(project.codebook().code(&used).is_none());
    assert_eq!(project.code_use_count(&used), 0);
    assert!(project.code_use_count(&into) >= before_into.max(1));
    assert!(project.code_use_count(&into) <= before_into + uses);
    history.undo(&mut project).expect("undo");
    assert_eq!(project.code_use_count(&used), uses);
    assert!(
        history
            .apply(
                &mut project,
                Action::AddCoder(Coder {
                    id: CoderId::new("chloe").expect("id"),
                    name: "Chloé".into()
                })
            )
            .is_ok()
    );
}
