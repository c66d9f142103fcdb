//! What an export contains: the project narrowed by a filter, resolved once for every format.

use std::collections::BTreeSet;

use crate::model::{Annotation, Code, CodeGroup, CodeId, Coder, CoderId, DocId, Document, Project};

use super::ExportError;

/// Which part of a project to export; an empty list means "all".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only annotations by these coders.
    pub coders: Vec<CoderId>,
    /// Only these documents.
    pub documents: Vec<DocId>,
    /// Only these codes: an annotation keeps the listed codes it carries and is left out when it
    /// carries none of them.
    pub codes: Vec<CodeId>,
}

impl Filter {
    /// Whether the filter keeps everything.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.coders.is_empty() && self.documents.is_empty() && self.codes.is_empty()
    }
}

/// One annotation as exported: its document, quote and the codes the filter kept.
#[derive(Clone, Debug)]
pub struct Coding<'p> {
    pub annotation: &'p Annotation,
    pub document: &'p Document,
    /// The kept codes, in codebook order.
    pub codes: Vec<&'p Code>,
    /// The text between the annotation's offsets.
    pub quote: &'p str,
}

/// A project seen through a filter.
#[derive(Clone, Debug)]
pub struct View<'p> {
    pub project: &'p Project,
    /// Kept documents, by id.
    pub documents: Vec<&'p Document>,
    /// Kept codes, in codebook order.
    pub codes: Vec<&'p Code>,
    /// Groups of the kept codes, in codebook order.
    pub groups: Vec<&'p CodeGroup>,
    /// Kept coders, by id (all of the project's when no coder is named).
    pub coders: Vec<&'p Coder>,
    /// Kept annotations, by document then reading order.
    pub codings: Vec<Coding<'p>>,
}

impl<'p> View<'p> {
    /// Applies a filter; an id the project does not know is an error (a typo would otherwise
    /// export nothing, silently).
    pub fn new(project: &'p Project, filter: &Filter) -> Result<Self, ExportError> {
        let unknown =
            |kind: &'static str, id: &dyn std::fmt::Display| ExportError::UnknownInFilter {
                kind,
                id: id.to_string(),
            };
        for id in &filter.coders {
            project.coder(id).ok_or_else(|| unknown("coder", id))?;
        }
        for id in &filter.documents {
            project
                .document(id)
                .ok_or_else(|| unknown("document", id))?;
        }
        for id in &filter.codes {
            project
                .codebook()
                .code(id)
                .ok_or_else(|| unknown("code", id))?;
        }
        let people: BTreeSet<&CoderId> = filter.coders.iter().collect();
        let wanted_docs: BTreeSet<&DocId> = filter.documents.iter().collect();
        let wanted_codes: BTreeSet<&CodeId> = filter.codes.iter().collect();

        let documents: Vec<&Document> = project
            .documents()
            .filter(|d| wanted_docs.is_empty() || wanted_docs.contains(d.id()))
            .collect();
        let kept_codes: Vec<&Code> = project
            .codebook()
            .codes()
            .iter()
            .filter(|c| wanted_codes.is_empty() || wanted_codes.contains(&c.id))
            .collect();
        let groups: Vec<&CodeGroup> = project
            .codebook()
            .groups()
            .iter()
            .filter(|g| kept_codes.iter().any(|c| c.group == g.id))
            .collect();
        let coders: Vec<&Coder> = project
            .coders()
            .filter(|c| people.is_empty() || people.contains(&c.id))
            .collect();

        let mut codings = Vec::new();
        for document in &documents {
            for annotation in project.annotations_in(document.id()) {
                if !people.is_empty() && !people.contains(annotation.coder()) {
                    continue;
                }
                let mut kept: Vec<&Code> = annotation
                    .codes()
                    .iter()
                    .filter(|id| wanted_codes.is_empty() || wanted_codes.contains(id))
                    .filter_map(|id| project.codebook().code(id))
                    .collect();
                if kept.is_empty() {
                    continue;
                }
                kept.sort_by_key(|c| project.codebook().position(&c.id));
                codings.push(Coding {
                    annotation,
                    document,
                    codes: kept,
                    quote: project.quote(annotation),
                });
            }
        }
        Ok(Self {
            project,
            documents,
            codes: kept_codes,
            groups,
            coders,
            codings,
        })
    }

    /// The kept annotations of one document, in reading order.
    pub fn codings_in<'v>(&'v self, doc: &'v DocId) -> impl Iterator<Item = &'v Coding<'p>> + 'v {
        self.codings.iter().filter(move |c| c.document.id() == doc)
    }

    /// The codebook label of a code's group, in English.
    #[must_use]
    pub fn group_label(&self, code: &Code) -> &'p str {
        self.project
            .codebook()
            .group(&code.group)
            .map_or("", |g| g.label.en.as_str())
    }

    /// Whether a code is kept.
    #[must_use]
    pub fn has_code(&self, id: &CodeId) -> bool {
        self.codes.iter().any(|c| &c.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project() -> Project {
        let codebook = crate::store::builtin::codebook(&["paris-call-2018"]).expect("codebook");
        crate::testkit::synth::project(codebook, 3, 800, 40, 3).expect("project")
    }

    #[test]
    fn filters_narrow_and_typos_are_errors() {
        let p = project();
        let all = View::new(&p, &Filter::default()).expect("view");
        assert_eq!(all.codings.len(), 40);
        let one_doc = p.documents().next().expect("doc").id().clone();
        let by_doc = View::new(
            &p,
            &Filter {
                documents: vec![one_doc.clone()],
                ..Filter::default()
            },
        )
        .expect("view");
        assert!(by_doc.codings.iter().all(|c| c.document.id() == &one_doc));
        assert!(by_doc.codings.len() < 40);
        let code = CodeId::new("pc.1").expect("id");
        let by_code = View::new(
            &p,
            &Filter {
                codes: vec![code.clone()],
                ..Filter::default()
            },
        )
        .expect("view");
        assert!(
            by_code
                .codings
                .iter()
                .all(|c| c.codes.len() == 1 && c.codes[0].id == code)
        );
        let typo = Filter {
            coders: vec![CoderId::new("nobody").expect("id")],
            ..Filter::default()
        };
        assert!(matches!(
            View::new(&p, &typo),
            Err(ExportError::UnknownInFilter { kind: "coder", .. })
        ));
    }
}
