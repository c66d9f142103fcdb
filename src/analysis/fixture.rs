//! The small project that the unit tests of `analysis` count by hand.
//!
//! ```text
//! doc a (question, fr, 2018-11-15)       "Alpha beta gamma\nzeta eta"
//!   a1 [0,5)  "Alpha"       pc.8 + actor.state   alice
//!   a2 [0,10) "Alpha beta"  pc.2                 alice  memo "à revoir"
//!   a3 [3,10) "ha beta"     actor.state          bruno
//! doc b (speech, en, 2019-03, party=green) "Delta gamma\nomega"
//!   b1 [0,5)  "Delta"       pc.8                 alice
//!   b2 [6,11) "gamma"       pc.1 + actor.company bruno
//! doc c (speech, fr, no date)             "Epsilon"
//!   c1 [0,7)  "Epsilon"     pc.9                 alice
//! doc d (article)                         "Nothing coded here." — no annotation
//! ```

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use crate::edit::{Action, apply};
use crate::model::{
    Annotation, AnnotationId, CharSpan, CodeId, Coder, CoderId, DocDate, DocId, DocKind, Document,
    DocumentMeta, Project, ProjectMeta,
};

pub fn code(id: &str) -> CodeId {
    CodeId::new(id).unwrap()
}

pub fn coder(id: &str) -> CoderId {
    CoderId::new(id).unwrap()
}

pub fn doc(id: &str) -> DocId {
    DocId::new(id).unwrap()
}

pub fn at() -> DateTime<Utc> {
    DateTime::from_timestamp(1_700_000_000, 0).unwrap()
}

fn document(id: &str, text: &str, kind: DocKind, lang: Option<&str>, date: Option<&str>) -> Action {
    let meta = DocumentMeta {
        title: format!("Document {id}"),
        language: lang.map(str::to_owned),
        date: date.map(|d| DocDate::parse(d).unwrap()),
        kind: Some(kind),
        ..DocumentMeta::default()
    };
    let mut meta = meta;
    if id == "b" {
        meta.attributes.insert("party".into(), "green".into());
    }
    Action::AddDocument(Document::new(doc(id), meta, text.to_owned()).unwrap())
}

fn ann(id: &str, d: &str, span: (usize, usize), codes: &[&str], who: &str, memo: &str) -> Action {
    let codes: BTreeSet<CodeId> = codes.iter().map(|c| code(c)).collect();
    Action::AddAnnotation(
        Annotation::new(
            AnnotationId::new(id).unwrap(),
            doc(d),
            CharSpan::new(span.0, span.1).unwrap(),
            codes,
            coder(who),
            memo,
            at(),
        )
        .unwrap(),
    )
}

/// The project drawn above, with the Paris Call and actor codebooks.
pub fn small() -> Project {
    let codebook = crate::store::builtin::codebook(&["paris-call-2018", "actors"]).unwrap();
    let mut project = Project::new(
        ProjectMeta {
            name: "fixture".into(),
            description: String::new(),
            created: at(),
        },
        codebook,
    );
    let actions = vec![
        Action::AddCoder(Coder {
            id: coder("alice"),
            name: "Alice".into(),
        }),
        Action::AddCoder(Coder {
            id: coder("bruno"),
            name: "Bruno".into(),
        }),
        document(
            "a",
            "Alpha beta gamma\nzeta eta",
            DocKind::Question,
            Some("fr"),
            Some("2018-11-15"),
        ),
        document(
            "b",
            "Delta gamma\nomega",
            DocKind::Speech,
            Some("en"),
            Some("2019-03"),
        ),
        document("c", "Epsilon", DocKind::Speech, Some("fr"), None),
        document("d", "Nothing coded here.", DocKind::Article, None, None),
        ann("a1", "a", (0, 5), &["pc.8", "actor.state"], "alice", ""),
        ann("a2", "a", (0, 10), &["pc.2"], "alice", "à revoir"),
        ann("a3", "a", (3, 10), &["actor.state"], "bruno", ""),
        ann("b1", "b", (0, 5), &["pc.8"], "alice", ""),
        ann("b2", "b", (6, 11), &["pc.1", "actor.company"], "bruno", ""),
        ann("c1", "c", (0, 7), &["pc.9"], "alice", ""),
    ];
    apply(&mut project, Action::Batch(actions)).unwrap();
    project
}
