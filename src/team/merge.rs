//! Merging coders' projects.
//!
//! The first project gives the name, description and codebook; the others add what the first
//! lacks. Rules, all reported in [`MergeReport`]:
//! - **documents** are matched by the hash of their text: the same text under another id is the
//!   same document (annotations follow it); a text found in one file only is kept. Two different
//!   texts under one id cannot both be kept: refused.
//! - **codes** are matched by id; a code (and its group) found in a later file only is added; the
//!   same id with another label or definition keeps the first file's version and is reported.
//! - **coders**: a coder who has annotations in two files is refused, because two people may
//!   have picked the same name and merging them would silently turn two codings into one. With
//!   [`MergeOptions::rename`], the coder of the later file becomes `<id>-<n>` (`n` = the file's
//!   position, from 1) instead. A coder listed without annotations is simply kept once.
//! - **annotation ids** that clash with one already merged get a fresh random id.
//!
//! The merged project is built with `edit::apply`, like every other project.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use serde::Serialize;

use crate::edit::{Action, EditError, apply};
use crate::model::{Annotation, AnnotationId, CodeId, Coder, CoderId, DocId, ModelError, Project};

/// How to treat coders found in two files.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeOptions {
    /// Rename a coder of a later file who already has annotations in an earlier one.
    pub rename: bool,
}

/// What the merge did and found.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MergeReport {
    /// Documents found in one file only: (document, file).
    pub documents_only_in: Vec<(DocId, PathBuf)>,
    /// Documents of a later file whose id differed from the same text in an earlier file:
    /// (id in that file, id kept).
    pub documents_renamed: Vec<(DocId, DocId)>,
    /// Codes added from a later file: (code, file).
    pub codes_only_in: Vec<(CodeId, PathBuf)>,
    /// Codes whose label or definition differs between files (the first file's is kept).
    pub codes_differing: Vec<(CodeId, PathBuf)>,
    /// Coders renamed with `rename`: (old id, new id, file).
    pub coders_renamed: Vec<(CoderId, CoderId, PathBuf)>,
    /// Coders and how many annotations each brought.
    pub annotations_by_coder: BTreeMap<CoderId, usize>,
    /// Annotations that got a new id because theirs was taken.
    pub annotation_ids_changed: usize,
    /// The merged files, in order.
    pub files: Vec<PathBuf>,
}

/// Why the files could not be merged.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error("nothing to merge: give at least two project files")]
    TooFewFiles,
    #[error(
        "coder {coder} has annotations in both {first} and {second}; if they are two people, \
         merge with --rename (the second becomes {coder}-N), or rename one coder first"
    )]
    SameCoder {
        coder: CoderId,
        first: PathBuf,
        second: PathBuf,
    },
    #[error("document id {id} names different texts in {first} and {second}")]
    DocumentIdClash {
        id: DocId,
        first: PathBuf,
        second: PathBuf,
    },
    #[error("renamed coder id {0} is not valid")]
    BadId(#[from] crate::model::IdError),
    #[error("annotation {id} in {file}: {source}")]
    Annotation {
        id: AnnotationId,
        file: PathBuf,
        source: ModelError,
    },
    #[error(transparent)]
    Edit(#[from] EditError),
}

/// Merges projects (each with the file it came from, for messages) into a new one.
#[expect(
    clippy::too_many_lines,
    clippy::single_match_else,
    reason = "one pass per file, in the order of the rules above: codes, documents, coders, annotations"
)]
pub fn merge(
    inputs: &[(PathBuf, Project)],
    options: MergeOptions,
) -> Result<(Project, MergeReport), MergeError> {
    let Some((_, first)) = inputs.first() else {
        return Err(MergeError::TooFewFiles);
    };
    if inputs.len() < 2 {
        return Err(MergeError::TooFewFiles);
    }
    let mut merged = Project::new(first.meta().clone(), first.codebook().clone());
    let mut report = MergeReport {
        files: inputs.iter().map(|(p, _)| p.clone()).collect(),
        ..MergeReport::default()
    };
    let mut actions = Vec::new();
    // Document hash → (id kept, file it came from); id → hash.
    let mut by_hash: HashMap<String, (DocId, PathBuf)> = HashMap::new();
    let mut hash_of_id: HashMap<DocId, (String, PathBuf)> = HashMap::new();
    let mut seen_in: HashMap<String, usize> = HashMap::new();
    // Coder id → file where they had annotations.
    let mut coder_file: HashMap<CoderId, PathBuf> = HashMap::new();
    let mut coders_added: BTreeSet<CoderId> = BTreeSet::new();
    let mut annotation_ids: BTreeSet<AnnotationId> = BTreeSet::new();
    let mut groups_added: BTreeSet<String> = merged
        .codebook()
        .groups()
        .iter()
        .map(|g| g.id.to_string())
        .collect();

    for (n, (path, project)) in inputs.iter().enumerate() {
        // Codes.
        for code in project.codebook().codes() {
            match merged.codebook().code(&code.id).cloned().or_else(|| {
                actions.iter().find_map(|a| match a {
                    Action::AddCode { code: c, .. } if c.id == code.id => Some(c.clone()),
                    _ => None,
                })
            }) {
                Some(existing) => {
                    if n > 0
                        && (existing.label != code.label || existing.definition != code.definition)
                    {
                        report.codes_differing.push((code.id.clone(), path.clone()));
                    }
                }
                None => {
                    if !groups_added.contains(code.group.as_str())
                        && let Some(group) = project.codebook().group(&code.group)
                    {
                        groups_added.insert(code.group.to_string());
                        actions.push(Action::AddGroup {
                            group: group.clone(),
                            position: None,
                        });
                    }
                    report.codes_only_in.push((code.id.clone(), path.clone()));
                    actions.push(Action::AddCode {
                        code: code.clone(),
                        position: None,
                    });
                }
            }
        }
        // Documents.
        let mut doc_map: HashMap<DocId, DocId> = HashMap::new();
        for doc in project.documents() {
            *seen_in.entry(doc.sha256().to_owned()).or_default() += 1;
            if let Some((kept, _)) = by_hash.get(doc.sha256()) {
                if kept != doc.id() {
                    report
                        .documents_renamed
                        .push((doc.id().clone(), kept.clone()));
                }
                doc_map.insert(doc.id().clone(), kept.clone());
                continue;
            }
            if let Some((_, other)) = hash_of_id.get(doc.id()) {
                return Err(MergeError::DocumentIdClash {
                    id: doc.id().clone(),
                    first: other.clone(),
                    second: path.clone(),
                });
            }
            by_hash.insert(doc.sha256().to_owned(), (doc.id().clone(), path.clone()));
            hash_of_id.insert(doc.id().clone(), (doc.sha256().to_owned(), path.clone()));
            doc_map.insert(doc.id().clone(), doc.id().clone());
            actions.push(Action::AddDocument(doc.clone()));
        }
        // Coders.
        let mut with_annotations: BTreeSet<&CoderId> = BTreeSet::new();
        for ann in project.annotations() {
            with_annotations.insert(ann.coder());
        }
        let mut coder_map: HashMap<CoderId, CoderId> = HashMap::new();
        for coder in project.coders() {
            let mut id = coder.id.clone();
            let mut name = coder.name.clone();
            if with_annotations.contains(&coder.id) {
                if let Some(first) = coder_file.get(&coder.id) {
                    if !options.rename {
                        return Err(MergeError::SameCoder {
                            coder: coder.id.clone(),
                            first: first.clone(),
                            second: path.clone(),
                        });
                    }
                    id = CoderId::new(format!("{}-{}", coder.id, n + 1))?;
                    name = format!("{} ({})", coder.name, n + 1);
                    report
                        .coders_renamed
                        .push((coder.id.clone(), id.clone(), path.clone()));
                }
                coder_file.insert(id.clone(), path.clone());
            }
            if coders_added.insert(id.clone()) {
                actions.push(Action::AddCoder(Coder {
                    id: id.clone(),
                    name,
                }));
            }
            coder_map.insert(coder.id.clone(), id);
        }
        // Annotations.
        for ann in project.annotations() {
            let doc = doc_map
                .get(ann.doc())
                .cloned()
                .unwrap_or_else(|| ann.doc().clone());
            let coder = coder_map
                .get(ann.coder())
                .cloned()
                .unwrap_or_else(|| ann.coder().clone());
            let mut id = ann.id().clone();
            if annotation_ids.contains(&id) {
                id = AnnotationId::random();
                report.annotation_ids_changed += 1;
            }
            annotation_ids.insert(id.clone());
            *report
                .annotations_by_coder
                .entry(coder.clone())
                .or_default() += 1;
            let copy = Annotation::new(
                id,
                doc,
                ann.span(),
                ann.codes().clone(),
                coder,
                ann.memo(),
                ann.created(),
            )
            .and_then(|a| a.with_modified(ann.modified()))
            .map_err(|source| MergeError::Annotation {
                id: ann.id().clone(),
                file: path.clone(),
                source,
            })?;
            actions.push(Action::AddAnnotation(copy));
        }
    }
    for (hash, (id, path)) in &by_hash {
        if seen_in.get(hash).copied().unwrap_or(0) < inputs.len() {
            report.documents_only_in.push((id.clone(), path.clone()));
        }
    }
    report.documents_only_in.sort();
    apply(&mut merged, Action::Batch(actions))?;
    Ok((merged, report))
}
