//! Seminar mode: every student's coding against a reference coder (the teacher's).
//!
//! For each student: agreement with the reference per code and pooled (α, αu, κ, percent both
//! ways) over the documents both coded, and the passages the student missed (the reference coded
//! them with a code, the student did not) and the extra ones (the other way round).

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
