//! Codes that occur together: the counting engine behind the principle × actor matrix and the
//! code co-occurrence matrix, with the three rules a researcher can choose from.
//!
//! For a row code `r` and a column code `c`:
//! - [`Rule::Same`] counts annotations that carry both `r` and `c`.
//! - [`Rule::Overlap`] counts unordered pairs {x, y} of annotations of one document whose spans
//!   share at least one character, x carrying `r` and y carrying `c` (or the other way round).
//!   x = y is allowed, so an annotation carrying both codes counts once and Overlap ≥ Same.
//!   Each pair counts once per cell however many codes it shares; coders are not told apart.
//! - [`Rule::Paragraph`] counts paragraphs (lines: text between two `\n`, as the document view
//!   cuts them) touched by an annotation carrying `r` and by one carrying `c` (maybe the same).

use std::collections::HashMap;

use serde::Serialize;

use super::table::{Cell, Table};
use crate::model::{Annotation, CodeId, Document, Project};

/// When two codes count as occurring together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rule {
    /// On the same annotation.
    #[default]
    Same,
    /// On overlapping annotations (pairs of annotations, see the module doc).
    Overlap,
    /// In the same paragraph.
    Paragraph,
}

impl Rule {
    pub const ALL: [Self; 3] = [Self::Same, Self::Overlap, Self::Paragraph];

    /// The word used on the command line and in JSON.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Same => "same",
            Self::Overlap => "overlap",
            Self::Paragraph => "paragraph",
        }
    }

    /// Parses [`Rule::name`].
    #[must_use]
    pub fn parse(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.name() == word)
    }

    /// What a cell counts, printed under every table built with this rule.
    #[must_use]
    pub fn statement(self) -> &'static str {
        match self {
            Self::Same => {
                "Rule `same`: each cell counts the annotations that carry both the row code and the column code."
            }
            Self::Overlap => {
                "Rule `overlap`: each cell counts unordered pairs of annotations of one document whose spans share at least one character, one carrying the row code and the other the column code; an annotation paired with itself counts, so an annotation carrying both codes counts once. Coders are not told apart."
            }
            Self::Paragraph => {
                "Rule `paragraph`: each cell counts the paragraphs (lines between two line breaks) touched by an annotation carrying the row code and by an annotation carrying the column code (possibly the same one)."
            }
        }
    }
}

/// Codes × codes counts, with the rule that produced them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Matrix {
    /// Row code ids.
    pub rows: Vec<CodeId>,
    /// Column ids: code ids, or document ids for the code × document matrix.
    pub cols: Vec<String>,
    /// `cells[row][col]`.
    pub cells: Vec<Vec<usize>>,
    /// The rule's word (`same`, `overlap`, `paragraph`, or the measure for code × document).
    pub rule: String,
    /// What a cell counts.
    #[serde(skip)]
    pub note: String,
}

impl Matrix {
    /// The cell of a row code and a column id.
    #[must_use]
    pub fn get(&self, row: &str, col: &str) -> Option<usize> {
        let r = self.rows.iter().position(|c| c.as_str() == row)?;
        let c = self.cols.iter().position(|c| c == col)?;
        self.cells.get(r)?.get(c).copied()
    }

    /// The largest cell (0 for an empty matrix), for colour scales.
    #[must_use]
    pub fn max(&self) -> usize {
        self.cells.iter().flatten().copied().max().unwrap_or(0)
    }

    /// A table: the row code in the first column, then one column per column id.
    #[must_use]
    pub fn to_table(&self) -> Table {
        let mut header = vec!["code".to_owned()];
        header.extend(self.cols.iter().cloned());
        Table {
            header,
            rows: self
                .rows
                .iter()
                .zip(&self.cells)
                .map(|(code, cells)| {
                    std::iter::once(Cell::from(code.as_str()))
                        .chain(cells.iter().map(|&n| Cell::Count(n)))
                        .collect()
                })
                .collect(),
            note: self.note.clone(),
        }
    }
}

/// Counts co-occurrences of `rows` codes with `cols` codes under a rule.
///
/// Codes are turned into row and column indices once per annotation; a counting unit (an
/// annotation, a pair, a paragraph) bumps each of its cells once, which a generation stamp per
/// cell (or per row and column) checks without any set.
#[must_use]
pub fn cross(project: &Project, rows: &[CodeId], cols: &[CodeId], rule: Rule) -> Matrix {
    let row_of: HashMap<&CodeId, usize> = rows.iter().enumerate().map(|(i, c)| (c, i)).collect();
    let col_of: HashMap<&CodeId, usize> = cols.iter().enumerate().map(|(i, c)| (c, i)).collect();
    let mut counter = Counter::new(rows.len(), cols.len());
    for doc in project.documents() {
        let anns: Vec<&Annotation> = project.annotations_in(doc.id()).collect();
        let indices: Vec<Indices> = anns
            .iter()
            .map(|a| Indices::of(a, &row_of, &col_of))
            .collect();
        match rule {
            Rule::Same => {
                for x in &indices {
                    counter.unit();
                    counter.pair(x, x);
                }
            }
            Rule::Overlap => {
                // Reading order (by start): the partners of `a` are the annotations after it
                // that start before it ends.
                for (i, a) in anns.iter().enumerate() {
                    counter.unit();
                    counter.pair(&indices[i], &indices[i]);
                    for (j, b) in anns.iter().enumerate().skip(i + 1) {
                        if b.span().start() >= a.span().end() {
                            break;
                        }
                        counter.unit();
                        counter.pair(&indices[i], &indices[j]);
                        counter.pair(&indices[j], &indices[i]);
                    }
                }
            }
            Rule::Paragraph => {
                for members in paragraph_members(doc, &anns) {
                    counter.paragraph(members.iter().map(|&i| &indices[i]));
                }
            }
        }
    }
    Matrix {
        rows: rows.to_vec(),
        cols: cols.iter().map(ToString::to_string).collect(),
        cells: counter.cells,
        rule: rule.name().to_owned(),
        note: rule.statement().to_owned(),
    }
}

/// An annotation's codes as row and column indices.
struct Indices {
    rows: Vec<usize>,
    cols: Vec<usize>,
}

impl Indices {
    fn of(
        a: &Annotation,
        row_of: &HashMap<&CodeId, usize>,
        col_of: &HashMap<&CodeId, usize>,
    ) -> Self {
        Self {
            rows: a
                .codes()
                .iter()
                .filter_map(|c| row_of.get(c).copied())
                .collect(),
            cols: a
                .codes()
                .iter()
                .filter_map(|c| col_of.get(c).copied())
                .collect(),
        }
    }
}

/// The cells, and stamps saying which cells, rows and columns the current unit already counted.
struct Counter {
    cells: Vec<Vec<usize>>,
    ncols: usize,
    generation: u32,
    cell_stamp: Vec<u32>,
    row_stamp: Vec<u32>,
    col_stamp: Vec<u32>,
    unit_rows: Vec<usize>,
    unit_cols: Vec<usize>,
}

impl Counter {
    fn new(nrows: usize, ncols: usize) -> Self {
        Self {
            cells: vec![vec![0; ncols]; nrows],
            ncols,
            generation: 0,
            cell_stamp: vec![0; nrows * ncols],
            row_stamp: vec![0; nrows],
            col_stamp: vec![0; ncols],
            unit_rows: Vec::new(),
            unit_cols: Vec::new(),
        }
    }

    /// Starts a new counting unit.
    fn unit(&mut self) {
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            // Stamps from 2³² units ago could be mistaken for this one: start afresh.
            self.cell_stamp.fill(0);
            self.row_stamp.fill(0);
            self.col_stamp.fill(0);
            self.generation = 1;
        }
    }

    /// Counts the cells (row of a code of `x`, column of a code of `y`) for the current unit.
    fn pair(&mut self, x: &Indices, y: &Indices) {
        for &r in &x.rows {
            for &c in &y.cols {
                let stamp = &mut self.cell_stamp[r * self.ncols + c];
                if *stamp != self.generation {
                    *stamp = self.generation;
                    self.cells[r][c] += 1;
                }
            }
        }
    }

    /// One paragraph: every row code used in it with every column code used in it, once.
    fn paragraph<'a>(&mut self, members: impl Iterator<Item = &'a Indices>) {
        self.unit();
        self.unit_rows.clear();
        self.unit_cols.clear();
        for m in members {
            for &r in &m.rows {
                if self.row_stamp[r] != self.generation {
                    self.row_stamp[r] = self.generation;
                    self.unit_rows.push(r);
                }
            }
            for &c in &m.cols {
                if self.col_stamp[c] != self.generation {
                    self.col_stamp[c] = self.generation;
                    self.unit_cols.push(c);
                }
            }
        }
        for &r in &self.unit_rows {
            for &c in &self.unit_cols {
                self.cells[r][c] += 1;
            }
        }
    }
}

/// For each paragraph touched by at least one annotation, the annotations (indices into
/// `anns`) that touch it, in paragraph order.
fn paragraph_members(doc: &Document, anns: &[&Annotation]) -> Vec<Vec<usize>> {
    // Character offset where each paragraph starts (after each `\n`).
    let mut starts = vec![0usize];
    starts.extend(
        doc.text()
            .chars()
            .enumerate()
            .filter(|&(_, c)| c == '\n')
            .map(|(i, _)| i + 1),
    );
    let paragraph_of = |offset: usize| starts.partition_point(|&s| s <= offset).saturating_sub(1);
    let mut touches: Vec<(usize, usize)> = Vec::with_capacity(anns.len());
    for (i, a) in anns.iter().enumerate() {
        let first = paragraph_of(a.span().start());
        let last = paragraph_of(a.span().end().saturating_sub(1));
        touches.extend((first..=last).map(|p| (p, i)));
    }
    touches.sort_unstable();
    touches
        .chunk_by(|a, b| a.0 == b.0)
        .map(|group| group.iter().map(|&(_, i)| i).collect())
        .collect()
}

/// The symmetric co-occurrence matrix of a list of codes. Under `same` the diagonal is the
/// number of annotations carrying the code.
#[must_use]
pub fn cooccurrence(project: &Project, codes: &[CodeId], rule: Rule) -> Matrix {
    cross(project, codes, codes, rule)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::{code, small};

    fn codes(ids: &[&str]) -> Vec<CodeId> {
        ids.iter().map(|c| code(c)).collect()
    }

    #[test]
    fn same_counts_annotations_with_both_codes() {
        let m = cross(
            &small(),
            &codes(&["pc.1", "pc.2", "pc.8"]),
            &codes(&["actor.state", "actor.company"]),
            Rule::Same,
        );
        assert_eq!(m.cells, vec![vec![0, 1], vec![0, 0], vec![1, 0]]);
        assert_eq!(m.rule, "same");
    }

    #[test]
    fn overlap_counts_pairs_of_overlapping_annotations() {
        // a1×a1 and a1×a3 give (pc.8, state); a2×a1 and a2×a3 give (pc.2, state); b2×b2 gives
        // (pc.1, company). b1 and b2 do not overlap.
        let m = cross(
            &small(),
            &codes(&["pc.1", "pc.2", "pc.8"]),
            &codes(&["actor.state", "actor.company"]),
            Rule::Overlap,
        );
        assert_eq!(m.cells, vec![vec![0, 1], vec![2, 0], vec![2, 0]]);
    }

    #[test]
    fn paragraph_counts_shared_paragraphs() {
        let m = cross(
            &small(),
            &codes(&["pc.1", "pc.2", "pc.8"]),
            &codes(&["actor.state", "actor.company"]),
            Rule::Paragraph,
        );
        assert_eq!(m.cells, vec![vec![0, 1], vec![1, 0], vec![1, 1]]);
    }

    #[test]
    fn cooccurrence_is_symmetric_with_frequencies_on_the_diagonal() {
        let ids = codes(&["pc.8", "actor.state", "pc.2"]);
        let m = cooccurrence(&small(), &ids, Rule::Same);
        assert_eq!(m.cells, vec![vec![2, 1, 0], vec![1, 2, 0], vec![0, 0, 1]]);
        let m = cooccurrence(&small(), &ids, Rule::Overlap);
        // state×state: a1, a3 and the pair a1–a3.
        assert_eq!(m.cells, vec![vec![2, 2, 1], vec![2, 3, 2], vec![1, 2, 1]]);
        assert!(m.to_table().note.contains("unordered pairs"));
    }
}
