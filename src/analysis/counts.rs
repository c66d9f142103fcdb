//! Frequency tables for `stats --by code|document|coder` and the GUI's tables.

use std::collections::{BTreeMap, BTreeSet};

use super::frequency::{code_counts, covered, document_counts};
use super::table::{Cell, Table};
use crate::model::{CoderId, DocId, Project};

/// Character ranges per document.
type SpansByDoc<'a> = BTreeMap<&'a DocId, Vec<(usize, usize)>>;

const CHARACTERS_NOTE: &str = "Characters covered: overlapping annotations of one code (or one coder) in one document count once.";

/// Per code: annotations, documents and characters covered (codebook order, unused codes too).
#[must_use]
pub fn by_code(project: &Project) -> Table {
    Table {
        header: ["code", "annotations", "documents", "characters", "label"]
            .map(str::to_owned)
            .to_vec(),
        rows: code_counts(project)
            .into_iter()
            .map(|c| {
                vec![
                    Cell::Text(c.id.to_string()),
                    c.annotations.into(),
                    c.documents.into(),
                    c.characters.into(),
                    Cell::Text(c.label_en),
                ]
            })
            .collect(),
        note: CHARACTERS_NOTE.to_owned(),
    }
}

/// Per document: length, annotations, distinct codes used, coders.
#[must_use]
pub fn by_document(project: &Project) -> Table {
    Table {
        header: [
            "document",
            "characters",
            "annotations",
            "codes",
            "coders",
            "title",
        ]
        .map(str::to_owned)
        .to_vec(),
        rows: document_counts(project)
            .into_iter()
            .map(|d| {
                let used: BTreeSet<_> = project
                    .annotations_in(&d.id)
                    .flat_map(|a| a.codes().iter())
                    .collect();
                let who: Vec<&str> = d.coders.iter().map(CoderId::as_str).collect();
                vec![
                    Cell::Text(d.id.to_string()),
                    d.characters.into(),
                    d.annotations.into(),
                    used.len().into(),
                    Cell::Text(who.join(" ")),
                    Cell::Text(d.title),
                ]
            })
            .collect(),
        note: String::new(),
    }
}

/// Per coder: annotations, documents coded and characters covered.
#[must_use]
pub fn by_coder(project: &Project) -> Table {
    let mut spans: BTreeMap<&CoderId, SpansByDoc<'_>> = BTreeMap::new();
    let mut counts: BTreeMap<&CoderId, usize> = BTreeMap::new();
    for ann in project.annotations() {
        *counts.entry(ann.coder()).or_default() += 1;
        spans
            .entry(ann.coder())
            .or_default()
            .entry(ann.doc())
            .or_default()
            .push((ann.span().start(), ann.span().end()));
    }
    Table {
        header: ["coder", "annotations", "documents", "characters", "name"]
            .map(str::to_owned)
            .to_vec(),
        rows: project
            .coders()
            .map(|c| {
                let docs = spans.get(&c.id);
                vec![
                    Cell::Text(c.id.to_string()),
                    counts.get(&c.id).copied().unwrap_or(0).into(),
                    docs.map_or(0, BTreeMap::len).into(),
                    docs.map_or(0, |d| d.values().map(|s| covered(s)).sum::<usize>())
                        .into(),
                    Cell::Text(c.name.clone()),
                ]
            })
            .collect(),
        note: CHARACTERS_NOTE.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::small;

    fn counts(t: &Table, key: &str) -> Vec<usize> {
        t.row(key).unwrap().iter().filter_map(Cell::count).collect()
    }

    #[test]
    fn per_code_overlaps_count_once() {
        let t = by_code(&small());
        assert_eq!(counts(&t, "pc.8"), [2, 2, 10]);
        assert_eq!(counts(&t, "actor.state"), [2, 1, 10]);
        assert_eq!(counts(&t, "pc.2"), [1, 1, 10]);
        assert_eq!(counts(&t, "pc.3"), [0, 0, 0]);
        assert_eq!(t.rows.len(), 16);
    }

    #[test]
    fn per_document_includes_the_uncoded_one() {
        let t = by_document(&small());
        assert_eq!(counts(&t, "a"), [25, 3, 3]);
        assert_eq!(counts(&t, "b"), [17, 2, 3]);
        assert_eq!(counts(&t, "d"), [19, 0, 0]);
        assert_eq!(t.get(0, "coders"), Some(&Cell::from("alice bruno")));
    }

    #[test]
    fn per_coder() {
        let t = by_coder(&small());
        // alice: a [0,5) ∪ [0,10) = 10, b 5, c 7.
        assert_eq!(counts(&t, "alice"), [4, 3, 22]);
        assert_eq!(counts(&t, "bruno"), [2, 2, 12]);
    }
}
