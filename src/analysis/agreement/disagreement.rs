//! The places where coders disagree in one document, for the disagreement view, the seminar
//! report and a discussion in class.
//!
//! For each code, a place is a run of characters that some compared coders coded with it and
//! others did not. It is classified from its surroundings:
//! - **boundary**: the coders all coded this code on an overlapping stretch (the run touches a run
//!   where everybody has the code): they agree on the passage and differ on where it ends;
//! - **different code**: every coder without the code here coded the same characters with
//!   another compared code;
//! - **coded by some only**: otherwise (one coded, the other left the text uncoded).

use serde::Serialize;

use crate::model::{CodeId, CoderId, Document, Project};

use super::binary::Pattern;
use super::coverage::DocCoverage;

/// How the coders differ at a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Boundary,
    DifferentCode,
    CodedBySomeOnly,
}

/// One place of disagreement: `[start, end)` in characters, the code and who has it there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Place {
    pub start: usize,
    pub end: usize,
    pub code: CodeId,
    pub coded_by: Vec<CoderId>,
    pub not_coded_by: Vec<CoderId>,
    pub kind: Kind,
}

/// The places of disagreement among `coders` over `codes` in `doc`, in text order (then codebook
/// order).
#[must_use]
#[expect(
    clippy::similar_names,
    reason = "`codes` and `coders` are the domain's words"
)]
pub fn places(
    project: &Project,
    doc: &Document,
    coders: &[CoderId],
    codes: &[CodeId],
) -> Vec<Place> {
    let m = coders.len().min(super::binary::MAX_CODERS);
    if m < 2 {
        return Vec::new();
    }
    let coders = &coders[..m];
    let full: Pattern = if m == super::binary::MAX_CODERS {
        Pattern::MAX
    } else {
        (1 << m) - 1
    };
    let coverage = DocCoverage::new(project, doc, coders, codes);
    let mut out = Vec::new();
    for (c, code) in codes.iter().enumerate() {
        let runs = coverage.runs(c);
        let mut k = 0;
        while k < runs.len() {
            if runs[k].pattern == 0 {
                k += 1;
                continue;
            }
            let first = k;
            while k < runs.len() && runs[k].pattern != 0 {
                k += 1;
            }
            let component = &runs[first..k];
            let agreed_somewhere = component.iter().any(|r| r.pattern == full);
            for r in component.iter().filter(|r| r.pattern != full) {
                let (start, end) = (r.start, r.start + r.len);
                let without: Vec<usize> = (0..m).filter(|i| r.pattern >> i & 1 == 0).collect();
                let kind = if agreed_somewhere {
                    Kind::Boundary
                } else if without.iter().all(|&i| {
                    coverage
                        .ranges
                        .iter()
                        .enumerate()
                        .any(|(other, per_coder)| {
                            other != c && per_coder[i].iter().any(|&(s, e)| s < end && start < e)
                        })
                }) {
                    Kind::DifferentCode
                } else {
                    Kind::CodedBySomeOnly
                };
                out.push(Place {
                    start,
                    end,
                    code: code.clone(),
                    coded_by: (0..m)
                        .filter(|i| r.pattern >> i & 1 == 1)
                        .map(|i| coders[i].clone())
                        .collect(),
                    not_coded_by: without.iter().map(|&i| coders[i].clone()).collect(),
                    kind,
                });
            }
        }
    }
    out.sort_by_key(|p| p.start);
    out
}
