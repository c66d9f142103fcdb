//! The demo project, rebuilt from the real documents and a list of coded quotes.
//!
//! `projects/paris-call-2018.ncp.ron` is not written by hand: `cargo run --example build_demo`
//! imports the four documents of `../shared/corpus` with the ordinary importer, adds the
//! metadata a researcher would enter, and places each coded quote of
//! `projects/demo-annotations.ron` by finding it in the imported text. Timestamps and ids are
//! fixed, so the same inputs always give the same file (a test checks this).

use std::collections::BTreeSet;
use std::path::Path;

use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;
use unicode_normalization::UnicodeNormalization as _;

use crate::edit::{Action, EditError, apply};
use crate::import::{self, ImportError};
use crate::model::{
    Annotation, AnnotationId, CharSpan, CodeId, Coder, CoderId, DocDate, DocId, DocKind,
    ModelError, Project, ProjectMeta,
};
use crate::store::builtin::{self, BuiltinError};

/// One coded passage, located by its text rather than by offsets.
#[derive(Debug, Deserialize)]
struct QuotedAnnotation {
    doc: String,
    coder: String,
    quote: String,
    /// Which occurrence of the quote, from 1 (default 1).
    #[serde(default)]
    occurrence: Option<usize>,
    codes: Vec<String>,
    #[serde(default)]
    memo: String,
}

/// Why the demo could not be built.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error(transparent)]
    Codebook(#[from] BuiltinError),
    #[error("demo-annotations.ron:{0}")]
    Spec(String),
    #[error("quote {index} ({coder}) not found in {doc}: {quote:?}")]
    QuoteNotFound {
        index: usize,
        coder: String,
        doc: String,
        quote: String,
    },
    #[error(transparent)]
    Model(#[from] ModelError),
    #[error(transparent)]
    Id(#[from] crate::model::IdError),
    #[error(transparent)]
    Edit(#[from] EditError),
}

/// The corpus files, in the order they are imported.
pub const CORPUS_FILES: [&str; 4] = [
    "an-qag-1400-2018-11-15.md",
    "press-appel-de-paris-2018-11.txt",
    "paris-call-2018_en.txt",
    "appel-de-paris-2018_fr.txt",
];

/// When the demo coding "happened": fixed, so the file is reproducible.
fn base_time() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-20T09:00:00Z")
        .map(|d| d.with_timezone(&Utc))
        .unwrap_or_default()
}

/// Builds the demo project from the corpus folder and the text of `demo-annotations.ron`.
pub fn build(corpus: &Path, spec: &str) -> Result<Project, DemoError> {
    let quotes: Vec<QuotedAnnotation> = ron::from_str(spec)
        .map_err(|e| DemoError::Spec(format!("{}: {}", e.span.start, e.code)))?;
    let mut project = Project::new(
        ProjectMeta {
            name: "Paris Call 2018 — demo".to_owned(),
            description: "The Paris Call in French and English, the Assemblée nationale question \
                          of 15 November 2018 (coded by two coders) and a press article on the \
                          launch. See projects/README.md."
                .to_owned(),
            created: base_time(),
        },
        builtin::codebook(&["paris-call-2018", "actors"])?,
    );
    let mut actions = Vec::new();
    for (id, name) in [("alice", "Alice Martin"), ("bruno", "Bruno Lefèvre")] {
        actions.push(Action::AddCoder(Coder {
            id: CoderId::new(id)?,
            name: name.to_owned(),
        }));
    }
    for file in CORPUS_FILES {
        let path = corpus.join(file);
        let mut imported = import::import_file(&path)?;
        enrich(file, &mut imported.meta)?;
        let doc = import::to_document(&project, &path, imported)?;
        actions.push(Action::AddDocument(doc));
    }
    apply(&mut project, Action::Batch(actions))?;

    let mut annotations = Vec::new();
    let mut per_coder: std::collections::BTreeMap<String, usize> =
        std::collections::BTreeMap::new();
    for (index, q) in quotes.into_iter().enumerate() {
        let doc_id = DocId::new(&q.doc)?;
        let doc = project
            .document(&doc_id)
            .ok_or_else(|| ModelError::UnknownDocument(doc_id.clone()))?;
        let quote: String = q.quote.nfc().collect();
        let n = q.occurrence.unwrap_or(1).max(1);
        let not_found = || DemoError::QuoteNotFound {
            index: index + 1,
            coder: q.coder.clone(),
            doc: q.doc.clone(),
            quote: q.quote.clone(),
        };
        let byte = doc
            .text()
            .match_indices(&quote)
            .nth(n - 1)
            .map(|(b, _)| b)
            .ok_or_else(not_found)?;
        let start = doc
            .index()
            .char_of(doc.text(), byte)
            .ok_or_else(not_found)?;
        let span = CharSpan::new(start, start + quote.chars().count())?;
        let count = per_coder.entry(q.coder.clone()).or_default();
        *count += 1;
        let at = base_time() + Duration::minutes(i64::try_from(index).unwrap_or(0) * 3 + 60);
        let codes: BTreeSet<CodeId> = q.codes.iter().map(CodeId::new).collect::<Result<_, _>>()?;
        annotations.push(Action::AddAnnotation(Annotation::new(
            AnnotationId::new(format!("{}-{:03}", q.coder, count))?,
            doc_id,
            span,
            codes,
            CoderId::new(&q.coder)?,
            q.memo,
            at,
        )?));
    }
    apply(&mut project, Action::Batch(annotations))?;
    Ok(project)
}

/// The metadata a researcher enters for each corpus document, beyond what the files say.
fn enrich(file: &str, meta: &mut crate::model::DocumentMeta) -> Result<(), ModelError> {
    match file {
        "an-qag-1400-2018-11-15.md" => {
            "Question au Gouvernement n° 1400 : Appel pour la paix dans le cyberespace"
                .clone_into(&mut meta.title);
            meta.kind = Some(DocKind::Question);
            meta.date = Some(DocDate::parse("2018-11-15")?);
            meta.language = Some("fr".to_owned());
            meta.author =
                Some("Laure de La Raudière (question); Jean-Yves Le Drian (answer)".to_owned());
            meta.institution = Some("Assemblée nationale".to_owned());
            meta.origin =
                Some("https://questions.assemblee-nationale.fr/q15/15-1400QG.htm".to_owned());
            meta.attributes
                .insert("licence".to_owned(), "Licence Ouverte (Etalab)".to_owned());
            meta.attributes
                .insert("legislature".to_owned(), "15".to_owned());
        }
        "press-appel-de-paris-2018-11.txt" => {
            "La France lance l'appel de Paris à l'Unesco (press article)"
                .clone_into(&mut meta.title);
            meta.kind = Some(DocKind::Article);
            meta.language = Some("fr".to_owned());
            meta.attributes.insert(
                "note".to_owned(),
                "author and outlet not recorded; not for redistribution outside this project"
                    .to_owned(),
            );
        }
        "paris-call-2018_en.txt" => {
            meta.kind = Some(DocKind::Declaration);
            meta.institution = Some("French Ministry for Europe and Foreign Affairs".to_owned());
        }
        "appel-de-paris-2018_fr.txt" => {
            meta.kind = Some(DocKind::Declaration);
            meta.institution = Some("Ministère de l’Europe et des Affaires étrangères".to_owned());
        }
        _ => {}
    }
    Ok(())
}
