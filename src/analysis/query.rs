//! Retrieval: the coded segments that match a set of filters, each with a little context on
//! either side (key word in context), in project order (document id, then reading order).

use std::collections::BTreeSet;

use serde::Serialize;

use super::search::{SearchOptions, fold};
use super::table::{Cell, Table};
use crate::model::{
    Annotation, AnnotationId, CharSpan, CodeId, CoderId, DocDate, DocId, DocKind, Document, Project,
};

/// Characters of context shown on each side of a quote by default.
pub const CONTEXT_CHARS: usize = 40;

/// Which coded segments to return. Every filter left empty lets everything through.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Segments carrying these codes; all of them when `all_codes`, else any of them.
    pub codes: BTreeSet<CodeId>,
    pub all_codes: bool,
    /// Only these documents.
    pub documents: BTreeSet<DocId>,
    /// Only documents of this kind (question, speech…).
    pub kind: Option<DocKind>,
    /// Only documents in this language (`fr`, `en`).
    pub language: Option<String>,
    /// Only documents dated from this date on. A date is compared at the bound's precision
    /// when it is at least as precise: `2018-11-15` is within `2018` … `2018-11`.
    pub date_from: Option<DocDate>,
    /// Only documents dated up to this date (inclusive, same precision rule).
    pub date_to: Option<DocDate>,
    /// Free attributes that must have exactly these values (`party` = `LR`).
    pub attributes: Vec<(String, String)>,
    /// Only this coder's segments.
    pub coder: Option<CoderId>,
    /// Only segments whose memo contains this text (case- and accent-insensitive).
    pub memo: String,
}

/// One retrieved segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    pub annotation: AnnotationId,
    pub doc: DocId,
    pub span: CharSpan,
    /// Up to [`CONTEXT_CHARS`] characters before the quote.
    pub before: String,
    pub quote: String,
    pub after: String,
    pub codes: BTreeSet<CodeId>,
    pub coder: CoderId,
    pub memo: String,
}

impl Query {
    /// Whether a document passes the document filters.
    #[must_use]
    pub fn accepts_document(&self, doc: &Document) -> bool {
        let meta = doc.meta();
        (self.documents.is_empty() || self.documents.contains(doc.id()))
            && self.kind.is_none_or(|k| meta.kind == Some(k))
            && self
                .language
                .as_ref()
                .is_none_or(|l| meta.language.as_deref() == Some(l.as_str()))
            && date_in_range(meta.date, self.date_from, self.date_to)
            && self
                .attributes
                .iter()
                .all(|(k, v)| meta.attributes.get(k) == Some(v))
    }

    /// Whether an annotation passes the code, coder and memo filters.
    #[must_use]
    pub fn accepts_annotation(&self, ann: &Annotation, memo_needle: &str) -> bool {
        let codes_ok = self.codes.is_empty()
            || if self.all_codes {
                self.codes.is_subset(ann.codes())
            } else {
                self.codes.iter().any(|c| ann.codes().contains(c))
            };
        codes_ok
            && self.coder.as_ref().is_none_or(|c| ann.coder() == c)
            && (memo_needle.is_empty()
                || fold(ann.memo(), SearchOptions::default())
                    .text()
                    .contains(memo_needle))
    }

    /// The matching segments with `context` characters on each side.
    #[must_use]
    pub fn run(&self, project: &Project, context: usize) -> Vec<Hit> {
        let needle = fold(self.memo.trim(), SearchOptions::default())
            .text()
            .to_owned();
        let mut hits = Vec::new();
        for doc in project.documents().filter(|d| self.accepts_document(d)) {
            for ann in project.annotations_in(doc.id()) {
                if self.accepts_annotation(ann, &needle) {
                    let (before, quote, after) = kwic(doc, ann.span(), context);
                    hits.push(Hit {
                        annotation: ann.id().clone(),
                        doc: doc.id().clone(),
                        span: ann.span(),
                        before,
                        quote,
                        after,
                        codes: ann.codes().clone(),
                        coder: ann.coder().clone(),
                        memo: ann.memo().to_owned(),
                    });
                }
            }
        }
        hits
    }
}

/// Whether a document date lies within the bounds (no date: only when there is no bound).
fn date_in_range(date: Option<DocDate>, from: Option<DocDate>, to: Option<DocDate>) -> bool {
    if from.is_none() && to.is_none() {
        return true;
    }
    let Some(date) = date else {
        return false;
    };
    // `YYYY-MM-DD` strings compare like dates; cutting to the bound's length compares at its
    // precision.
    let text = date.to_string();
    let cut = |bound: &str| {
        text.get(..bound.len().min(text.len()))
            .unwrap_or("")
            .to_owned()
    };
    from.is_none_or(|f| {
        let f = f.to_string();
        cut(&f) >= f
    }) && to.is_none_or(|t| {
        let t = t.to_string();
        cut(&t) <= t
    })
}

/// Text before, inside and after a span, `context` characters on each side at most; line breaks
/// in the context become spaces so that one hit stays on one line.
#[must_use]
pub fn kwic(doc: &Document, span: CharSpan, context: usize) -> (String, String, String) {
    let text = doc.text();
    let index = doc.index();
    let start = span.start();
    let end = span.end().min(doc.char_len());
    let piece = |a: usize, b: usize| index.slice(text, a, b).unwrap_or("").replace('\n', " ");
    (
        piece(start.saturating_sub(context), start),
        index.slice(text, start, end).unwrap_or("").to_owned(),
        piece(end, (end + context).min(doc.char_len())),
    )
}

/// The hits as a table: document, span, before, quote, after, codes, coder, memo.
#[must_use]
pub fn hits_table(hits: &[Hit]) -> Table {
    Table {
        header: [
            "document", "start", "end", "before", "quote", "after", "codes", "coder", "memo",
        ]
        .map(str::to_owned)
        .to_vec(),
        rows: hits
            .iter()
            .map(|h| {
                let codes: Vec<&str> = h.codes.iter().map(CodeId::as_str).collect();
                vec![
                    Cell::from(h.doc.as_str()),
                    h.span.start().into(),
                    h.span.end().into(),
                    h.before.as_str().into(),
                    h.quote.as_str().into(),
                    h.after.as_str().into(),
                    codes.join(" ").into(),
                    h.coder.as_str().into(),
                    h.memo.as_str().into(),
                ]
            })
            .collect(),
        note: "Offsets are Unicode characters from the start of the document, end exclusive."
            .to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::{code, coder, doc, small};

    fn quotes(q: &Query) -> Vec<String> {
        q.run(&small(), 5).into_iter().map(|h| h.quote).collect()
    }

    #[test]
    fn no_filter_returns_every_segment_in_project_order() {
        assert_eq!(
            quotes(&Query::default()),
            [
                "Alpha",
                "Alpha beta",
                "ha beta",
                "Delta",
                "gamma",
                "Epsilon"
            ]
        );
    }

    #[test]
    fn codes_any_and_all() {
        let mut q = Query {
            codes: [code("pc.8"), code("actor.state")].into(),
            ..Query::default()
        };
        assert_eq!(quotes(&q), ["Alpha", "ha beta", "Delta"]);
        q.all_codes = true;
        assert_eq!(quotes(&q), ["Alpha"]);
    }

    #[test]
    fn document_filters() {
        let by_kind = Query {
            kind: Some(DocKind::Speech),
            ..Query::default()
        };
        assert_eq!(quotes(&by_kind), ["Delta", "gamma", "Epsilon"]);
        let by_lang = Query {
            language: Some("en".into()),
            ..Query::default()
        };
        assert_eq!(quotes(&by_lang), ["Delta", "gamma"]);
        let by_date = Query {
            date_from: DocDate::parse("2018-11").ok(),
            date_to: DocDate::parse("2018").ok(),
            ..Query::default()
        };
        assert_eq!(quotes(&by_date), ["Alpha", "Alpha beta", "ha beta"]);
        let by_attr = Query {
            attributes: vec![("party".into(), "green".into())],
            ..Query::default()
        };
        assert_eq!(quotes(&by_attr), ["Delta", "gamma"]);
        let by_doc = Query {
            documents: [doc("c")].into(),
            ..Query::default()
        };
        assert_eq!(quotes(&by_doc), ["Epsilon"]);
    }

    #[test]
    fn coder_and_memo() {
        let q = Query {
            coder: Some(coder("bruno")),
            ..Query::default()
        };
        assert_eq!(quotes(&q), ["ha beta", "gamma"]);
        let q = Query {
            memo: "REVOIR".into(),
            ..Query::default()
        };
        assert_eq!(quotes(&q), ["Alpha beta"]);
    }

    #[test]
    fn context_around_the_quote() {
        let hits = Query {
            codes: [code("pc.2")].into(),
            ..Query::default()
        }
        .run(&small(), 5);
        let h = &hits[0];
        assert_eq!(
            (h.before.as_str(), h.quote.as_str(), h.after.as_str()),
            ("", "Alpha beta", " gamm")
        );
        let table = hits_table(&hits);
        assert_eq!(table.get(0, "codes"), Some(&Cell::from("pc.2")));
    }
}
