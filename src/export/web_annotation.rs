//! W3C Web Annotation (JSON-LD): one `AnnotationCollection` per document, in one JSON array.
//!
//! Each annotation targets the document (`urn:uuid:` of its stable GUID, with the document's
//! origin as `source` when it is a URL) through a `TextQuoteSelector` (exact, 32 characters of
//! prefix and suffix) and a `TextPositionSelector` (code points, end exclusive, as the W3C model
//! defines them). Each code is a `tagging` `TextualBody` whose value is the code id; the memo is a
//! `commenting` body; the coder is the `creator`.

use serde_json::{Value, json};

use super::{ExportError, Guids, Options, Output, View, timestamp};

/// Context characters on each side of the quote.
const CONTEXT: usize = 32;

/// The `prefix` and `suffix` of a span, in characters.
fn context(text: &str, start: usize, end: usize) -> (String, String) {
    let before: Vec<char> = text.chars().take(start).collect();
    let prefix: String = before[before.len().saturating_sub(CONTEXT)..]
        .iter()
        .collect();
    let suffix: String = text.chars().skip(end).take(CONTEXT).collect();
    (prefix, suffix)
}

pub fn write(view: &View<'_>, _options: &Options) -> Result<Output, ExportError> {
    let guids = Guids::new(view.project);
    let mut collections = Vec::new();
    for doc in &view.documents {
        let doc_iri = format!("urn:uuid:{}", guids.document(doc.id()));
        let mut items = Vec::new();
        for coding in view.codings_in(doc.id()) {
            let ann = coding.annotation;
            let span = ann.span();
            let (prefix, suffix) = context(doc.text(), span.start(), span.end());
            let mut body: Vec<Value> = coding
                .codes
                .iter()
                .map(|c| {
                    json!({
                        "type": "TextualBody",
                        "purpose": "tagging",
                        "value": c.id.as_str(),
                    })
                })
                .collect();
            if !ann.memo().is_empty() {
                body.push(json!({
                    "type": "TextualBody",
                    "purpose": "commenting",
                    "value": ann.memo(),
                    "format": "text/plain",
                }));
            }
            let coder_name = view
                .project
                .coder(ann.coder())
                .map_or(ann.coder().as_str(), |c| c.name.as_str());
            items.push(json!({
                "id": format!("urn:uuid:{}", guids.annotation(ann.id())),
                "type": "Annotation",
                "motivation": "classifying",
                "body": body,
                "target": {
                    "source": doc_iri,
                    "selector": [
                        {
                            "type": "TextQuoteSelector",
                            "exact": coding.quote,
                            "prefix": prefix,
                            "suffix": suffix,
                        },
                        {
                            "type": "TextPositionSelector",
                            "start": span.start(),
                            "end": span.end(),
                        }
                    ]
                },
                "creator": {
                    "id": format!("urn:uuid:{}", guids.coder(ann.coder())),
                    "type": "Person",
                    "nickname": ann.coder().as_str(),
                    "name": coder_name,
                },
                "created": timestamp(ann.created()),
                "modified": timestamp(ann.modified()),
            }));
        }
        let mut collection = json!({
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": format!("{doc_iri}/annotations"),
            "type": "AnnotationCollection",
            "label": doc.meta().title,
            "total": items.len(),
        });
        if let Some(origin) = doc
            .meta()
            .origin
            .as_deref()
            .filter(|o| o.starts_with("http"))
        {
            collection["via"] = json!(origin);
        }
        if !items.is_empty() {
            collection["first"] = json!({
                "id": format!("{doc_iri}/annotations/page1"),
                "type": "AnnotationPage",
                "startIndex": 0,
                "items": items,
            });
        }
        collections.push(collection);
    }
    let mut bytes = serde_json::to_vec_pretty(&collections)?;
    bytes.push(b'\n');
    Ok(Output::File(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_counts_characters() {
        let text = "😀é".repeat(40);
        let (p, s) = context(&text, 2, 4);
        assert_eq!(p, "😀é");
        assert_eq!(s.chars().count(), CONTEXT);
        let (p, _) = context(&text, 70, 72);
        assert_eq!(p.chars().count(), CONTEXT);
    }
}
