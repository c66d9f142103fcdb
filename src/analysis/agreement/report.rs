//! One agreement computation over a project: which coders, documents, codes and unit, and every
//! measure per code and pooled, with what was left out and why.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::model::{CodeId, CoderId, DocId, Project};

use super::binary::{MAX_CODERS, PatternTable};
use super::bootstrap::{self, Block, BootstrapOptions};
use super::coverage::{DocCoverage, unit_patterns};
use super::unitized::{self, Continuum, Disagreements};
use super::{AgreementError, Unit};

/// What to compare. `None` means the default stated on each field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Default: every coder with at least one annotation.
    pub coders: Option<Vec<CoderId>>,
    /// Default: the codes that a compared coder used in a compared document (codebook order).
    pub codes: Option<Vec<CodeId>>,
    /// Default: the documents in which every compared coder made at least one annotation.
    pub documents: Option<Vec<DocId>>,
}

/// A full request.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub selection: Selection,
    pub unit: Unit,
    /// `None`: no confidence interval.
    pub bootstrap: Option<BootstrapOptions>,
}

/// Every measure on one set of units (one code, or all codes pooled).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Measures {
    /// Units compared (pooled: unit × code pairs).
    pub units: u64,
    /// Units that at least one coder coded.
    pub units_coded: u64,
    /// Krippendorff's α, nominal; `null` when undefined (no variation).
    pub alpha: Option<f64>,
    /// Bootstrap 95 % interval for α.
    pub alpha_ci95: Option<[f64; 2]>,
    /// Krippendorff's unitized α on the character continuum (whatever the unit).
    pub alpha_u: Option<f64>,
    /// Cohen's κ for each pair of coders, keyed `a|b`.
    pub kappa: BTreeMap<String, Option<f64>>,
    /// Fleiss' κ, for three coders or more.
    pub fleiss_kappa: Option<f64>,
    /// Percentage of all units on which every coder agrees (coded or not).
    pub percent_all: Option<f64>,
    /// Percentage of the units someone coded that every coder coded.
    pub percent_coded: Option<f64>,
}

/// A document left out, and the compared coders who made no annotation in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExcludedDocument {
    pub id: DocId,
    pub not_coded_by: Vec<CoderId>,
}

/// What the computation left out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Excluded {
    /// Project coders not compared.
    pub coders: Vec<CoderId>,
    /// Documents not compared (by default: not coded by every compared coder).
    pub documents: Vec<ExcludedDocument>,
    /// Codes not compared (by default: used by no compared coder in the compared documents).
    pub codes: Vec<CodeId>,
}

/// The result: what was measured, and the measures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AgreementReport {
    pub unit: Unit,
    pub coders: Vec<CoderId>,
    pub documents: Vec<DocId>,
    /// Compared codes, in codebook order.
    pub codes: Vec<CodeId>,
    /// Characters in the compared documents.
    pub characters: u64,
    pub excluded: Excluded,
    pub bootstrap: Option<BootstrapOptions>,
    /// Every (unit, code) pair is a unit.
    pub pooled: Measures,
    pub per_code: BTreeMap<CodeId, Measures>,
}

/// The selection with defaults resolved and checked against the project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    pub coders: Vec<CoderId>,
    pub documents: Vec<DocId>,
    pub codes: Vec<CodeId>,
    pub excluded: Excluded,
}

/// Resolves a selection: fills the defaults and refuses unknown ids.
#[expect(
    clippy::similar_names,
    reason = "`codes` and `coders` are the domain's words"
)]
pub fn resolve(project: &Project, selection: &Selection) -> Result<Resolved, AgreementError> {
    let mut coded_by: BTreeMap<&DocId, BTreeSet<&CoderId>> = BTreeMap::new();
    for ann in project.annotations() {
        coded_by.entry(ann.doc()).or_default().insert(ann.coder());
    }
    let coders = resolve_coders(project, selection.coders.as_deref())?;
    let mut excluded = Excluded {
        coders: project
            .coders()
            .map(|c| c.id.clone())
            .filter(|c| !coders.contains(c))
            .collect(),
        ..Excluded::default()
    };
    let mut documents = Vec::new();
    if let Some(list) = &selection.documents {
        for d in list {
            if project.document(d).is_none() {
                return Err(AgreementError::UnknownDocument(d.clone()));
            }
            if !documents.contains(d) {
                documents.push(d.clone());
            }
        }
    }
    for d in project.documents() {
        let by = coded_by.get(d.id());
        let not_coded_by: Vec<CoderId> = coders
            .iter()
            .filter(|c| !by.is_some_and(|s| s.contains(c)))
            .cloned()
            .collect();
        let chosen = match &selection.documents {
            Some(_) => documents.contains(d.id()),
            None => not_coded_by.is_empty(),
        };
        if !chosen {
            excluded.documents.push(ExcludedDocument {
                id: d.id().clone(),
                not_coded_by,
            });
        } else if selection.documents.is_none() {
            documents.push(d.id().clone());
        }
    }
    if documents.is_empty() {
        return Err(AgreementError::NoDocuments);
    }
    let codes = resolve_codes(project, selection.codes.as_deref(), &coders, &documents)?;
    excluded.codes = project
        .codebook()
        .codes()
        .iter()
        .map(|c| c.id.clone())
        .filter(|c| !codes.contains(c))
        .collect();
    Ok(Resolved {
        coders,
        documents,
        codes,
        excluded,
    })
}

/// The named coders (without repeats), or every coder with an annotation.
fn resolve_coders(
    project: &Project,
    named: Option<&[CoderId]>,
) -> Result<Vec<CoderId>, AgreementError> {
    let coders: Vec<CoderId> = if let Some(list) = named {
        let mut out: Vec<CoderId> = Vec::new();
        for c in list {
            if project.coder(c).is_none() {
                return Err(AgreementError::UnknownCoder(c.clone()));
            }
            if !out.contains(c) {
                out.push(c.clone());
            }
        }
        out
    } else {
        let active: BTreeSet<&CoderId> = project
            .annotations()
            .map(crate::model::Annotation::coder)
            .collect();
        active.into_iter().cloned().collect()
    };
    if coders.len() < 2 {
        return Err(AgreementError::TooFewCoders(coders.len()));
    }
    if coders.len() > MAX_CODERS {
        return Err(AgreementError::TooManyCoders(coders.len()));
    }
    Ok(coders)
}

/// The named codes, or those the coders used in the documents; in codebook order either way.
fn resolve_codes(
    project: &Project,
    named: Option<&[CodeId]>,
    coders: &[CoderId],
    documents: &[DocId],
) -> Result<Vec<CodeId>, AgreementError> {
    let wanted: BTreeSet<&CodeId> = if let Some(list) = named {
        for c in list {
            if project.codebook().code(c).is_none() {
                return Err(AgreementError::UnknownCode(c.clone()));
            }
        }
        list.iter().collect()
    } else {
        documents
            .iter()
            .flat_map(|d| project.annotations_in(d))
            .filter(|a| coders.contains(a.coder()))
            .flat_map(crate::model::Annotation::codes)
            .collect()
    };
    Ok(project
        .codebook()
        .codes()
        .iter()
        .map(|c| &c.id)
        .filter(|c| wanted.contains(c))
        .cloned()
        .collect())
}

/// Computes every measure for a request.
pub fn compute(project: &Project, options: &Options) -> Result<AgreementReport, AgreementError> {
    let resolved = resolve(project, &options.selection)?;
    Ok(compute_resolved(project, resolved, options))
}

/// Per-code accumulators.
struct CodeData {
    table: PatternTable,
    blocks: Vec<Block>,
    continua: Vec<Continuum>,
}

/// Computes every measure for an already resolved selection.
#[must_use]
pub fn compute_resolved(
    project: &Project,
    resolved: Resolved,
    options: &Options,
) -> AgreementReport {
    let m = resolved.coders.len();
    let mut data: Vec<CodeData> = resolved
        .codes
        .iter()
        .map(|_| CodeData {
            table: PatternTable::new(m),
            blocks: Vec::new(),
            continua: Vec::new(),
        })
        .collect();
    let mut characters = 0_u64;
    for doc_id in &resolved.documents {
        let Some(doc) = project.document(doc_id) else {
            continue;
        };
        characters += doc.char_len() as u64;
        let coverage = DocCoverage::new(project, doc, &resolved.coders, &resolved.codes);
        let segments = options.unit.segments(doc.text());
        for (c, acc) in data.iter_mut().enumerate() {
            let runs = coverage.runs(c);
            match &segments {
                None => {
                    for r in &runs {
                        acc.table.add(r.pattern, r.len as u64);
                        acc.blocks.push((r.pattern, r.len as u64));
                    }
                }
                Some(units) => {
                    for p in unit_patterns(&runs, units) {
                        acc.table.add(p, 1);
                        acc.blocks.push((p, 1));
                    }
                }
            }
            acc.continua.push(Continuum {
                len: doc.char_len(),
                units: coverage.ranges[c].clone(),
            });
        }
    }

    let mut pooled_table = PatternTable::new(m);
    let mut pooled_blocks: Vec<Block> = Vec::new();
    let mut pooled_u = Disagreements::default();
    let mut per_code = BTreeMap::new();
    for (code, acc) in resolved.codes.iter().zip(&data) {
        let u = unitized::disagreements(&acc.continua, m);
        pooled_u = pooled_u.plus(u);
        pooled_table.merge(&acc.table);
        pooled_blocks.extend_from_slice(&acc.blocks);
        per_code.insert(
            code.clone(),
            measures(&acc.table, &acc.blocks, u, &resolved.coders, options),
        );
    }
    let pooled = measures(
        &pooled_table,
        &pooled_blocks,
        pooled_u,
        &resolved.coders,
        options,
    );
    AgreementReport {
        unit: options.unit,
        coders: resolved.coders,
        documents: resolved.documents,
        codes: resolved.codes,
        characters,
        excluded: resolved.excluded,
        bootstrap: options.bootstrap,
        pooled,
        per_code,
    }
}

fn measures(
    table: &PatternTable,
    blocks: &[Block],
    unitized: Disagreements,
    coders: &[CoderId],
    options: &Options,
) -> Measures {
    let mut kappa = BTreeMap::new();
    for (i, a) in coders.iter().enumerate() {
        for (j, b) in coders.iter().enumerate().skip(i + 1) {
            kappa.insert(format!("{a}|{b}"), table.cohen(i, j));
        }
    }
    Measures {
        units: table.units(),
        units_coded: table.units_coded(),
        alpha: table.alpha(),
        alpha_ci95: options
            .bootstrap
            .and_then(|b| bootstrap::alpha_interval(blocks, coders.len(), b)),
        alpha_u: unitized.alpha(),
        kappa,
        fleiss_kappa: if coders.len() >= 3 {
            table.fleiss()
        } else {
            None
        },
        percent_all: table.percent_all(),
        percent_coded: table.percent_coded(),
    }
}
