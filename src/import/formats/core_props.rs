//! Dublin Core properties, as found in DOCX `docProps/core.xml`, ODT `meta.xml` and the EPUB
//! package document: `dc:title`, `dc:creator`, `dc:date`/`dcterms:created`, `dc:language`,
//! `dc:publisher`, `dc:description`.

use crate::model::{DocDate, DocumentMeta};

use super::xml_limits::{LimitedXml, Node, local};
use super::{FormatError, non_empty};

/// Fills the empty fields of `meta` from a part holding Dublin Core elements.
pub fn read(xml: &str, format: &'static str, meta: &mut DocumentMeta) -> Result<(), FormatError> {
    let mut r = LimitedXml::new(xml, format);
    let mut current: Option<String> = None;
    let mut value = String::new();
    while let Some(node) = r.next_node()? {
        match node {
            Node::Open { tag, empty: false } => {
                current = Some(local(&tag));
                value.clear();
            }
            Node::Open { .. } => {}
            Node::Text(t) => {
                if current.is_some() {
                    value.push_str(&t);
                }
            }
            Node::Close(name) => {
                if current.as_deref() == Some(name.as_str()) {
                    apply(&name, &value, meta);
                }
                current = None;
                value.clear();
            }
        }
    }
    Ok(())
}

fn apply(name: &str, value: &str, meta: &mut DocumentMeta) {
    let Some(v) = non_empty(value) else {
        return;
    };
    match name {
        "title" if meta.title.is_empty() => meta.title = v,
        "creator" | "initial-creator" if meta.author.is_none() => meta.author = Some(v),
        "date" | "created" | "creation-date" if meta.date.is_none() => {
            meta.date = parse_date(&v);
        }
        "language" if meta.language.is_none() => meta.language = language_code(&v),
        "publisher" if meta.institution.is_none() => meta.institution = Some(v),
        "description" => {
            meta.attributes.entry("description".to_owned()).or_insert(v);
        }
        _ => {}
    }
}

/// The date part of an ISO 8601 timestamp (`2018-11-12T10:00:00Z` → 2018-11-12).
pub fn parse_date(s: &str) -> Option<DocDate> {
    let s = s.trim();
    let date_part = s.split(['T', ' ']).next().unwrap_or(s);
    DocDate::parse(date_part).ok()
}

/// `fr-FR` → `fr`; anything that is not a two- or three-letter code → `None`.
pub fn language_code(s: &str) -> Option<String> {
    let primary = s.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    ((2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_lowercase()))
        .then_some(primary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dublin_core_fills_metadata() {
        let xml = r#"<cp:coreProperties xmlns:cp="x" xmlns:dc="y" xmlns:dcterms="z"><dc:title>Appel de Paris</dc:title><dc:creator>Élysée</dc:creator><dcterms:created>2018-11-12T09:00:00Z</dcterms:created><dc:language>fr-FR</dc:language></cp:coreProperties>"#;
        let mut meta = DocumentMeta::default();
        read(xml, "DOCX", &mut meta).expect("read");
        assert_eq!(meta.title, "Appel de Paris");
        assert_eq!(meta.author.as_deref(), Some("Élysée"));
        assert_eq!(
            meta.date.map(|d| d.to_string()).as_deref(),
            Some("2018-11-12")
        );
        assert_eq!(meta.language.as_deref(), Some("fr"));
    }
}
