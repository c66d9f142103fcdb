//! How often each code, coder and document appears.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::model::{CodeId, CoderId, DocId, Project};

/// Character ranges of one code, per document.
type SpansByDoc<'a> = BTreeMap<&'a DocId, Vec<(usize, usize)>>;

/// Use of one code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CodeCount {
    pub id: CodeId,
    pub group: String,
    pub label_en: String,
    pub label_fr: Option<String>,
    /// Annotations carrying the code.
    pub annotations: usize,
    /// Documents with at least one such annotation.
    pub documents: usize,
    /// Characters covered by the code's annotations; overlapping annotations of the same code
    /// count once, so this never exceeds the documents' length.
    pub characters: usize,
}

/// Per-code frequencies, in codebook order (unused codes included, with zeros).
#[must_use]
pub fn code_counts(project: &Project) -> Vec<CodeCount> {
    let mut spans: BTreeMap<&CodeId, SpansByDoc<'_>> = BTreeMap::new();
    let mut annotations: BTreeMap<&CodeId, usize> = BTreeMap::new();
    for ann in project.annotations() {
        for code in ann.codes() {
            *annotations.entry(code).or_default() += 1;
            spans
                .entry(code)
                .or_default()
                .entry(ann.doc())
                .or_default()
                .push((ann.span().start(), ann.span().end()));
        }
    }
    project
        .codebook()
        .codes()
        .iter()
        .map(|code| {
            let per_doc = spans.get(&code.id);
            CodeCount {
                id: code.id.clone(),
                group: code.group.to_string(),
                label_en: code.label.en.clone(),
                label_fr: code.label.fr.clone(),
                annotations: annotations.get(&code.id).copied().unwrap_or(0),
                documents: per_doc.map_or(0, BTreeMap::len),
                characters: per_doc.map_or(0, |docs| docs.values().map(|s| covered(s)).sum()),
            }
        })
        .collect()
}

/// Length of the union of half-open ranges.
#[must_use]
pub fn covered(ranges: &[(usize, usize)]) -> usize {
    let mut sorted = ranges.to_vec();
    sorted.sort_unstable();
    let mut total = 0;
    let mut reach = 0;
    for (start, end) in sorted {
        let start = start.max(reach);
        if end > start {
            total += end - start;
            reach = end;
        }
    }
    total
}

/// Annotations per coder, sorted by coder id (coders without annotations included).
#[must_use]
pub fn coder_counts(project: &Project) -> BTreeMap<CoderId, usize> {
    let mut out: BTreeMap<CoderId, usize> = project.coders().map(|c| (c.id.clone(), 0)).collect();
    for ann in project.annotations() {
        *out.entry(ann.coder().clone()).or_default() += 1;
    }
    out
}

/// Use of one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentCount {
    pub id: DocId,
    pub title: String,
    pub characters: usize,
    pub annotations: usize,
    pub coders: BTreeSet<CoderId>,
}

/// Per-document counts, sorted by document id.
#[must_use]
pub fn document_counts(project: &Project) -> Vec<DocumentCount> {
    project
        .documents()
        .map(|d| {
            let anns: Vec<_> = project.annotations_in(d.id()).collect();
            DocumentCount {
                id: d.id().clone(),
                title: d.meta().title.clone(),
                characters: d.char_len(),
                annotations: anns.len(),
                coders: anns.iter().map(|a| a.coder().clone()).collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::covered;

    #[test]
    fn union_of_ranges() {
        assert_eq!(covered(&[]), 0);
        assert_eq!(covered(&[(0, 5), (3, 8), (10, 12)]), 10);
        assert_eq!(covered(&[(3, 8), (0, 5), (4, 6)]), 8);
    }
}
