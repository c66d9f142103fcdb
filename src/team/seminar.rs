//! Seminar mode: every student's coding against a reference coder (the teacher's).
//!
//! For each student: agreement with the reference per code and pooled (α, αu, κ, percent both
//! ways) over the documents both coded, and the passages the student missed (the reference coded
//! them with a code, the student did not) and the extra ones (the other way round). Stretches of
//! punctuation or white space alone are not listed as passages ([`is_a_passage`]); the agreement
//! figures still count every character.

use serde::Serialize;

use crate::analysis::agreement::disagreement::{self, Kind};
use crate::analysis::agreement::{
    self, AgreementReport, BootstrapOptions, Options, Selection, Unit,
};
use crate::model::{CodeId, CoderId, DocId, Project};

/// A passage one of the two coded with a code and the other did not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Passage {
    pub doc: DocId,
    pub start: usize,
    pub end: usize,
    pub code: CodeId,
    pub kind: Kind,
    pub quote: String,
}

/// One student's report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StudentReport {
    pub student: CoderId,
    /// `None` with `problem` set when nothing can be compared (no document in common…).
    pub agreement: Option<AgreementReport>,
    pub problem: Option<String>,
    pub missed: Vec<Passage>,
    pub extra: Vec<Passage>,
}

/// The whole seminar.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SeminarReport {
    pub reference: CoderId,
    pub unit: Unit,
    pub students: Vec<StudentReport>,
}

/// Whether a stretch of text is something a student can be shown as missed or extra: a "." or a
/// space between two passages coded alike is where two spans meet, not a passage anyone reads.
/// Letters and digits of any script count (`char::is_alphanumeric` is Unicode-aware).
#[must_use]
pub fn is_a_passage(quote: &str) -> bool {
    quote.chars().any(char::is_alphanumeric)
}

/// Compares every coder with annotations (or those in `students`) with `reference`.
pub fn seminar(
    project: &Project,
    reference: &CoderId,
    students: Option<&[CoderId]>,
    unit: Unit,
    bootstrap: Option<BootstrapOptions>,
) -> Result<SeminarReport, agreement::AgreementError> {
    if project.coder(reference).is_none() {
        return Err(agreement::AgreementError::UnknownCoder(reference.clone()));
    }
    let list: Vec<CoderId> = if let Some(s) = students {
        s.iter().filter(|c| *c != reference).cloned().collect()
    } else {
        let active: std::collections::BTreeSet<&CoderId> = project
            .annotations()
            .map(crate::model::Annotation::coder)
            .collect();
        active
            .into_iter()
            .filter(|c| *c != reference)
            .cloned()
            .collect()
    };
    let mut out = Vec::new();
    for student in list {
        let pair = vec![reference.clone(), student.clone()];
        let result = agreement::compute(
            project,
            &Options {
                selection: Selection {
                    coders: Some(pair.clone()),
                    ..Selection::default()
                },
                unit,
                bootstrap,
            },
        );
        let mut report = StudentReport {
            student: student.clone(),
            agreement: None,
            problem: None,
            missed: Vec::new(),
            extra: Vec::new(),
        };
        match result {
            Ok(a) => {
                for doc_id in &a.documents {
                    let Some(doc) = project.document(doc_id) else {
                        continue;
                    };
                    for place in disagreement::places(project, doc, &pair, &a.codes) {
                        let quote = crate::model::CharSpan::new(place.start, place.end)
                            .ok()
                            .and_then(|s| doc.slice(s).ok())
                            .unwrap_or_default()
                            .to_owned();
                        if !is_a_passage(&quote) {
                            continue;
                        }
                        let passage = Passage {
                            doc: doc_id.clone(),
                            start: place.start,
                            end: place.end,
                            code: place.code,
                            kind: place.kind,
                            quote,
                        };
                        if place.coded_by.first() == Some(reference) {
                            report.missed.push(passage);
                        } else {
                            report.extra.push(passage);
                        }
                    }
                }
                report.agreement = Some(a);
            }
            Err(e) => report.problem = Some(e.to_string()),
        }
        out.push(report);
    }
    Ok(SeminarReport {
        reference: reference.clone(),
        unit,
        students: out,
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::analysis::fixture::{at, code, coder, doc, small};
    use crate::edit::{Action, apply};
    use crate::model::{Annotation, AnnotationId, CharSpan, Document, DocumentMeta};

    const TWO_SENTENCES: &str = "Alpha beta gamma. Delta epsilon zeta.";

    fn coded(id: &str, start: usize, end: usize, who: &str) -> Action {
        Action::AddAnnotation(
            Annotation::new(
                AnnotationId::new(id).unwrap(),
                doc("s"),
                CharSpan::new(start, end).unwrap(),
                BTreeSet::from([code("pc.8")]),
                coder(who),
                "",
                at(),
            )
            .unwrap(),
        )
    }

    /// The fixture plus document `s`: alice (the teacher) codes both sentences as one passage,
    /// bruno (the student) codes each sentence on its own and leaves out only the "." between.
    fn with_two_sentences() -> Project {
        let mut project = small();
        let document = Document::new(
            doc("s"),
            DocumentMeta {
                title: "Two sentences".into(),
                ..DocumentMeta::default()
            },
            TWO_SENTENCES.to_owned(),
        )
        .unwrap();
        apply(
            &mut project,
            Action::Batch(vec![
                Action::AddDocument(document),
                coded("s-alice", 0, 37, "alice"),
                coded("s-bruno-1", 0, 16, "bruno"),
                coded("s-bruno-2", 17, 37, "bruno"),
            ]),
        )
        .unwrap();
        project
    }

    fn in_doc_s(passages: &[Passage]) -> Vec<&str> {
        passages
            .iter()
            .filter(|p| p.doc == doc("s"))
            .map(|p| p.quote.as_str())
            .collect()
    }

    #[test]
    fn a_full_stop_between_two_coded_sentences_is_not_a_missed_passage() {
        let project = with_two_sentences();
        let s = project.document(&doc("s")).unwrap();
        let pair = [coder("alice"), coder("bruno")];
        let places = disagreement::places(&project, s, &pair, &[code("pc.8")]);
        let gaps: Vec<&str> = places
            .iter()
            .map(|p| &TWO_SENTENCES[p.start..p.end])
            .collect();
        assert_eq!(gaps, ["."], "the one character the student left out");
        let report = seminar(&project, &coder("alice"), None, Unit::Char, None).unwrap();
        let bruno = report
            .students
            .iter()
            .find(|s| s.student == coder("bruno"))
            .expect("bruno is a student");
        assert_eq!(in_doc_s(&bruno.missed), Vec::<&str>::new());
        assert_eq!(in_doc_s(&bruno.extra), Vec::<&str>::new());
        assert!(
            bruno
                .missed
                .iter()
                .chain(&bruno.extra)
                .all(|p| is_a_passage(&p.quote)),
            "{bruno:?}"
        );
        // The other documents still list what was really missed.
        assert!(!bruno.missed.is_empty() || !bruno.extra.is_empty());
    }

    #[test]
    fn words_of_any_script_and_numbers_are_passages() {
        for yes in ["a", " Élysée ", "日本", "1", "٣", "« oui »"] {
            assert!(is_a_passage(yes), "{yes:?}");
        }
        for no in ["", ".", ". ", " \n\t", "« » — …", "\u{a0};"] {
            assert!(!is_a_passage(no), "{no:?}");
        }
    }
}
