//! Matrices of codes: which codes to put on an axis, code × document, and principle × actor.

use std::collections::HashMap;

use super::AnalysisError;
use super::cooccurrence::{Matrix, Rule, cross};
use super::frequency::covered;
use crate::model::{CodeId, GroupId, Project};

/// The group of the Paris Call principles (`principles` on the command line).
pub const PRINCIPLES_GROUP: &str = "paris-call-2018";
/// The group of the actor types (`actors` on the command line).
pub const ACTORS_GROUP: &str = "actors";

/// The codes named by a selection: `principles`, `actors`, a codebook group id, or a
/// comma-separated list of code ids; in codebook order for a group, in the given order for a list.
pub fn resolve_codes(project: &Project, spec: &str) -> Result<Vec<CodeId>, AnalysisError> {
    let spec = spec.trim();
    let group = match spec {
        "principles" => PRINCIPLES_GROUP,
        "actors" => ACTORS_GROUP,
        other => other,
    };
    let book = project.codebook();
    if let Ok(gid) = GroupId::new(group)
        && book.group(&gid).is_some()
    {
        let codes: Vec<CodeId> = book.codes_in(&gid).map(|c| c.id.clone()).collect();
        return if codes.is_empty() {
            Err(AnalysisError::EmptySelection(spec.to_owned()))
        } else {
            Ok(codes)
        };
    }
    let mut codes = Vec::new();
    for word in spec.split(',').map(str::trim).filter(|w| !w.is_empty()) {
        let id = CodeId::new(word).map_err(|_| AnalysisError::UnknownCode(word.to_owned()))?;
        if book.code(&id).is_none() {
            return Err(if spec.contains(',') {
                AnalysisError::UnknownCode(word.to_owned())
            } else {
                AnalysisError::EmptySelection(spec.to_owned())
            });
        }
        codes.push(id);
    }
    if codes.is_empty() {
        return Err(AnalysisError::EmptySelection(spec.to_owned()));
    }
    Ok(codes)
}

/// The Paris Call principles × the actor types under a rule (`same` or `overlap`).
#[must_use]
pub fn principle_actor(project: &Project, rule: Rule) -> Matrix {
    let group = |g: &str| -> Vec<CodeId> {
        GroupId::new(g)
            .map(|gid| {
                project
                    .codebook()
                    .codes_in(&gid)
                    .map(|c| c.id.clone())
                    .collect()
            })
            .unwrap_or_default()
    };
    cross(
        project,
        &group(PRINCIPLES_GROUP),
        &group(ACTORS_GROUP),
        rule,
    )
}

/// What a code × document cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Measure {
    /// Annotations carrying the code in the document.
    #[default]
    Annotations,
    /// 1 if the code is used in the document, else 0.
    Presence,
    /// Characters covered by the code in the document (overlaps counted once).
    Characters,
}

impl Measure {
    pub const ALL: [Self; 3] = [Self::Annotations, Self::Presence, Self::Characters];

    /// The word used on the command line and in JSON.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Annotations => "annotations",
            Self::Presence => "presence",
            Self::Characters => "characters",
        }
    }

    fn statement(self) -> &'static str {
        match self {
            Self::Annotations => {
                "Each cell counts the annotations of the document that carry the code."
            }
            Self::Presence => "Each cell is 1 when the code is used in the document, else 0.",
            Self::Characters => {
                "Each cell counts the characters of the document covered by the code; overlapping annotations of one code count once."
            }
        }
    }
}

/// Codes (rows) × documents (columns, by id).
#[must_use]
pub fn code_document(project: &Project, codes: &[CodeId], measure: Measure) -> Matrix {
    let row_of: HashMap<&CodeId, usize> = codes.iter().enumerate().map(|(i, c)| (c, i)).collect();
    let docs: Vec<_> = project.documents().collect();
    let mut cells = vec![vec![0usize; docs.len()]; codes.len()];
    for (col, doc) in docs.iter().enumerate() {
        let mut spans: Vec<Vec<(usize, usize)>> = vec![Vec::new(); codes.len()];
        for ann in project.annotations_in(doc.id()) {
            for &row in ann.codes().iter().filter_map(|c| row_of.get(c)) {
                if let Some(s) = spans.get_mut(row) {
                    s.push((ann.span().start(), ann.span().end()));
                }
            }
        }
        for (row, s) in spans.iter().enumerate() {
            let value = match measure {
                Measure::Annotations => s.len(),
                Measure::Presence => usize::from(!s.is_empty()),
                Measure::Characters => covered(s),
            };
            if let Some(cell) = cells.get_mut(row).and_then(|r| r.get_mut(col)) {
                *cell = value;
            }
        }
    }
    Matrix {
        rows: codes.to_vec(),
        cols: docs.iter().map(|d| d.id().to_string()).collect(),
        cells,
        rule: measure.name().to_owned(),
        note: measure.statement().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::{code, small};

    #[test]
    fn selections() {
        let p = small();
        assert_eq!(resolve_codes(&p, "principles").unwrap().len(), 9);
        assert_eq!(resolve_codes(&p, "actors").unwrap().len(), 7);
        assert_eq!(
            resolve_codes(&p, "paris-call-2018").unwrap()[0],
            code("pc.1")
        );
        assert_eq!(
            resolve_codes(&p, "pc.8, actor.state").unwrap(),
            vec![code("pc.8"), code("actor.state")]
        );
        assert!(matches!(
            resolve_codes(&p, "pc.8,nope"),
            Err(AnalysisError::UnknownCode(w)) if w == "nope"
        ));
        assert!(matches!(
            resolve_codes(&p, "everything"),
            Err(AnalysisError::EmptySelection(_))
        ));
        assert!(resolve_codes(&p, " , ").is_err());
    }

    #[test]
    fn principle_actor_on_the_fixture() {
        let p = small();
        let same = principle_actor(&p, Rule::Same);
        assert_eq!((same.rows.len(), same.cols.len()), (9, 7));
        assert_eq!(same.get("pc.8", "actor.state"), Some(1));
        assert_eq!(same.get("pc.1", "actor.company"), Some(1));
        assert_eq!(same.cells.iter().flatten().sum::<usize>(), 2);
        let overlap = principle_actor(&p, Rule::Overlap);
        assert_eq!(overlap.get("pc.8", "actor.state"), Some(2));
        assert_eq!(overlap.get("pc.2", "actor.state"), Some(2));
        assert_eq!(overlap.get("pc.1", "actor.company"), Some(1));
        assert_eq!(overlap.cells.iter().flatten().sum::<usize>(), 5);
        assert!(overlap.note.starts_with("Rule `overlap`"));
    }

    #[test]
    fn code_document_counts_presence_and_characters() {
        let p = small();
        let ids = vec![code("pc.8"), code("actor.state"), code("pc.9")];
        let m = code_document(&p, &ids, Measure::Annotations);
        assert_eq!(m.cols, ["a", "b", "c", "d"]);
        assert_eq!(
            m.cells,
            vec![vec![1, 1, 0, 0], vec![2, 0, 0, 0], vec![0, 0, 1, 0]]
        );
        let m = code_document(&p, &ids, Measure::Presence);
        assert_eq!(
            m.cells,
            vec![vec![1, 1, 0, 0], vec![1, 0, 0, 0], vec![0, 0, 1, 0]]
        );
        // actor.state: [0,5) ∪ [3,10) = 10 characters, not 5 + 7.
        let m = code_document(&p, &ids, Measure::Characters);
        assert_eq!(
            m.cells,
            vec![vec![5, 5, 0, 0], vec![10, 0, 0, 0], vec![0, 0, 7, 0]]
        );
    }
}
