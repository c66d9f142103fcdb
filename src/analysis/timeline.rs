//! Counts by a document attribute (kind, language, a free attribute…) and over time (the year of
//! the document's date).

use std::collections::{BTreeMap, BTreeSet};

use super::cooccurrence::Matrix;
use super::table::{Cell, Table};
use crate::model::{CodeId, Document, Project};

/// The value shown for documents without the attribute.
pub const NO_VALUE: &str = "(none)";

/// A document's value for an attribute name: `year` and `date` (from the date), `kind`,
/// `language`, `author`, `institution`, or a free attribute key.
#[must_use]
pub fn attribute_value(doc: &Document, name: &str) -> Option<String> {
    let meta = doc.meta();
    match name {
        "year" => meta.date.map(|d| format!("{:04}", d.year())),
        "date" => meta.date.map(|d| d.to_string()),
        "kind" => meta.kind.map(|k| k.name().to_owned()),
        "language" => meta.language.clone(),
        "author" => meta.author.clone(),
        "institution" => meta.institution.clone(),
        key => meta.attributes.get(key).cloned(),
    }
}

/// One row per value of the attribute (sorted; documents without it last, as `(none)`): the
/// number of documents, of annotations, then annotations per code for every code used in the
/// project (codebook order).
#[must_use]
pub fn by_attribute(project: &Project, name: &str) -> Table {
    let used: Vec<&CodeId> = project
        .codebook()
        .codes()
        .iter()
        .map(|c| &c.id)
        .filter(|id| project.annotations().any(|a| a.codes().contains(*id)))
        .collect();
    // Value → (documents, annotations, per code).
    let mut groups: BTreeMap<(bool, String), (usize, usize, Vec<usize>)> = BTreeMap::new();
    for doc in project.documents() {
        let value = attribute_value(doc, name);
        let key = (
            value.is_none(),
            value.unwrap_or_else(|| NO_VALUE.to_owned()),
        );
        let entry = groups
            .entry(key)
            .or_insert_with(|| (0, 0, vec![0; used.len()]));
        entry.0 += 1;
        for ann in project.annotations_in(doc.id()) {
            entry.1 += 1;
            for (i, code) in used.iter().enumerate() {
                if ann.codes().contains(*code)
                    && let Some(n) = entry.2.get_mut(i)
                {
                    *n += 1;
                }
            }
        }
    }
    let mut header = vec![
        name.to_owned(),
        "documents".to_owned(),
        "annotations".to_owned(),
    ];
    header.extend(used.iter().map(ToString::to_string));
    Table {
        header,
        rows: groups
            .into_iter()
            .map(|((_, value), (docs, anns, per_code))| {
                let mut row = vec![Cell::Text(value), docs.into(), anns.into()];
                row.extend(per_code.into_iter().map(Cell::Count));
                row
            })
            .collect(),
        note: format!(
            "Documents grouped by `{name}`; code columns count annotations carrying the code (only codes used in the project are shown)."
        ),
    }
}

/// Codes (rows) × years (columns, ascending): annotations carrying the code in documents dated
/// that year. Undated documents are left out, which the note says.
#[must_use]
pub fn timeline(project: &Project, codes: &[CodeId]) -> Matrix {
    let years: BTreeSet<i32> = project
        .documents()
        .filter_map(|d| d.meta().date.map(crate::model::DocDate::year))
        .collect();
    let col_of: BTreeMap<i32, usize> = years.iter().enumerate().map(|(i, y)| (*y, i)).collect();
    let mut cells = vec![vec![0usize; years.len()]; codes.len()];
    let mut undated = 0;
    for doc in project.documents() {
        let Some(col) = doc.meta().date.and_then(|d| col_of.get(&d.year())) else {
            undated += project.annotations_in(doc.id()).count();
            continue;
        };
        for ann in project.annotations_in(doc.id()) {
            for (row, code) in codes.iter().enumerate() {
                if ann.codes().contains(code)
                    && let Some(n) = cells.get_mut(row).and_then(|r| r.get_mut(*col))
                {
                    *n += 1;
                }
            }
        }
    }
    Matrix {
        rows: codes.to_vec(),
        cols: years.iter().map(|y| format!("{y:04}")).collect(),
        cells,
        rule: "year".to_owned(),
        note: format!(
            "Each cell counts the annotations carrying the code in documents dated that year; {undated} annotation(s) in undated documents are not counted."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::{code, small};

    #[test]
    fn by_year_with_undated_documents_last() {
        let t = by_attribute(&small(), "year");
        assert_eq!(
            t.header,
            [
                "year",
                "documents",
                "annotations",
                "pc.1",
                "pc.2",
                "pc.8",
                "pc.9",
                "actor.state",
                "actor.company"
            ]
        );
        let counts = |key: &str| -> Vec<usize> {
            t.row(key).unwrap().iter().filter_map(Cell::count).collect()
        };
        assert_eq!(counts("2018"), [1, 3, 0, 1, 1, 0, 2, 0]);
        assert_eq!(counts("2019"), [1, 2, 1, 0, 1, 0, 0, 1]);
        assert_eq!(counts(NO_VALUE), [2, 1, 0, 0, 0, 1, 0, 0]);
        assert_eq!(t.rows.last().unwrap()[0], Cell::from(NO_VALUE));
    }

    #[test]
    fn by_kind_and_free_attribute() {
        let p = small();
        let t = by_attribute(&p, "kind");
        let keys: Vec<String> = t.rows.iter().map(|r| r[0].to_string()).collect();
        assert_eq!(keys, ["article", "question", "speech"]);
        assert_eq!(t.get(2, "documents"), Some(&Cell::Count(2)));
        assert_eq!(t.get(0, "annotations"), Some(&Cell::Count(0)));
        let t = by_attribute(&p, "party");
        assert_eq!(t.get(0, "annotations"), Some(&Cell::Count(2)));
        assert_eq!(t.get(1, "documents"), Some(&Cell::Count(3)));
    }

    #[test]
    fn timeline_by_year() {
        let m = timeline(&small(), &[code("pc.8"), code("actor.state"), code("pc.9")]);
        assert_eq!(m.cols, ["2018", "2019"]);
        assert_eq!(m.cells, vec![vec![1, 1], vec![2, 0], vec![0, 0]]);
        assert!(m.note.contains("1 annotation(s) in undated"));
    }
}
