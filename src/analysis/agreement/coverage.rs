//! What each coder coded with each code in one document, as character ranges and as runs.
//!
//! A run is a maximal stretch of characters over which the same coders have the code: between two
//! annotation boundaries nothing changes, so a document of a million characters with a few
//! hundred annotations is a few hundred runs. Character, sentence and paragraph units, αu and the
//! disagreement view are all read from these runs; no per-character vector is ever built.

use std::collections::HashMap;

use crate::model::{CodeId, CoderId, DocId, Document, Project};

use super::binary::Pattern;
use super::unitized::merge_overlapping;

/// A stretch `[start, start + len)` of one document over which the coders in `pattern` (bit `i`
/// for the `i`-th compared coder) have a given code and the others do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    pub start: usize,
    pub len: usize,
    pub pattern: Pattern,
}

/// One document's coverage: `ranges[code][coder]` are the sorted, overlap-merged character
/// ranges of the coder's annotations carrying the code.
#[derive(Clone, Debug)]
pub struct DocCoverage<'p> {
    pub doc: &'p Document,
    pub ranges: Vec<Vec<Vec<(usize, usize)>>>,
}

impl<'p> DocCoverage<'p> {
    /// Reads the annotations of `doc` by `coders` with `codes` (everything else is ignored).
    #[must_use]
    #[expect(
        clippy::similar_names,
        reason = "`codes` and `coders` are the domain's words"
    )]
    pub fn new(
        project: &'p Project,
        doc: &'p Document,
        coders: &[CoderId],
        codes: &[CodeId],
    ) -> Self {
        let coder_index: HashMap<&CoderId, usize> =
            coders.iter().enumerate().map(|(i, c)| (c, i)).collect();
        let code_index: HashMap<&CodeId, usize> =
            codes.iter().enumerate().map(|(i, c)| (c, i)).collect();
        let mut raw = vec![vec![Vec::new(); coders.len()]; codes.len()];
        for ann in project.annotations_in(doc.id()) {
            let Some(&coder) = coder_index.get(ann.coder()) else {
                continue;
            };
            for code in ann.codes() {
                if let Some(&c) = code_index.get(code) {
                    raw[c][coder].push((ann.span().start(), ann.span().end()));
                }
            }
        }
        let ranges = raw
            .into_iter()
            .map(|per_coder| per_coder.into_iter().map(merge_overlapping).collect())
            .collect();
        Self { doc, ranges }
    }

    /// The document's id.
    #[must_use]
    pub fn id(&self) -> &DocId {
        self.doc.id()
    }

    /// The runs of code number `code` over the whole document, in text order.
    #[must_use]
    pub fn runs(&self, code: usize) -> Vec<Run> {
        let Some(per_coder) = self.ranges.get(code) else {
            return Vec::new();
        };
        runs_of(per_coder, self.doc.char_len())
    }
}

/// Sweeps the boundaries of every coder's ranges and returns the runs covering `[0, len)`.
#[must_use]
pub fn runs_of(per_coder: &[Vec<(usize, usize)>], len: usize) -> Vec<Run> {
    // (position, coder): the coder's bit flips at the position (ranges are disjoint per coder).
    let mut events: Vec<(usize, usize)> = Vec::new();
    for (i, ranges) in per_coder.iter().enumerate() {
        for &(s, e) in ranges {
            events.push((s.min(len), i));
            events.push((e.min(len), i));
        }
    }
    events.sort_unstable();
    let mut runs = Vec::with_capacity(events.len() + 1);
    let mut pattern: Pattern = 0;
    let mut at = 0;
    let mut k = 0;
    while k < events.len() {
        let pos = events[k].0;
        if pos > at {
            push_run(&mut runs, at, pos - at, pattern);
            at = pos;
        }
        while k < events.len() && events[k].0 == pos {
            pattern ^= 1 << events[k].1;
            k += 1;
        }
    }
    if len > at {
        push_run(&mut runs, at, len - at, pattern);
    }
    runs
}

/// Appends a run, extending the last one when the pattern is the same (touching ranges of one
/// coder make two events at one position but no change).
fn push_run(runs: &mut Vec<Run>, start: usize, len: usize, pattern: Pattern) {
    if let Some(last) = runs.last_mut()
        && last.pattern == pattern
        && last.start + last.len == start
    {
        last.len += len;
        return;
    }
    runs.push(Run {
        start,
        len,
        pattern,
    });
}

/// For each `[start, end)` unit, the coders whose runs reach into it.
#[must_use]
pub fn unit_patterns(runs: &[Run], units: &[(usize, usize)]) -> Vec<Pattern> {
    let mut out = Vec::with_capacity(units.len());
    let mut first = 0;
    for &(s, e) in units {
        while first < runs.len() && runs[first].start + runs[first].len <= s {
            first += 1;
        }
        let mut p: Pattern = 0;
        let mut k = first;
        while k < runs.len() && runs[k].start < e {
            p |= runs[k].pattern;
            k += 1;
        }
        out.push(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_cover_the_text_and_follow_each_coder() {
        let runs = runs_of(&[vec![(2, 5)], vec![(4, 8)]], 10);
        let expect = [
            (0, 2, 0b00),
            (2, 2, 0b01),
            (4, 1, 0b11),
            (5, 3, 0b10),
            (8, 2, 0b00),
        ];
        assert_eq!(
            runs.iter()
                .map(|r| (r.start, r.len, r.pattern))
                .collect::<Vec<_>>(),
            expect.to_vec()
        );
        assert_eq!(runs.iter().map(|r| r.len).sum::<usize>(), 10);
    }

    #[test]
    fn touching_ranges_and_empty_coders() {
        let runs = runs_of(&[vec![(0, 3), (3, 6)], vec![]], 6);
        assert_eq!(
            runs,
            vec![Run {
                start: 0,
                len: 6,
                pattern: 1
            }]
        );
        assert_eq!(
            runs_of(&[vec![], vec![]], 4),
            vec![Run {
                start: 0,
                len: 4,
                pattern: 0
            }]
        );
    }

    #[test]
    fn a_unit_is_coded_when_any_of_it_is() {
        let runs = runs_of(&[vec![(2, 5)], vec![(4, 8)]], 10);
        assert_eq!(
            unit_patterns(&runs, &[(0, 2), (0, 3), (5, 10), (8, 10)]),
            vec![0, 1, 0b10, 0]
        );
    }
}
