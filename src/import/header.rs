//! Metadata written into the text itself by whoever collected it.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{DocDate, DocKind, DocumentMeta};

use super::ImportWarning;

/// `# SOURCE: … | TITLE: … | LANG: … | DATE: …` on the first non-blank line.
static HEADER: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^#\s*([A-Za-z_]+)\s*:\s*(.*)$").ok());

/// A stray ` date 2018-11 ` before the first words (as exported by some press databases).
static DATE_PREFIX: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^\s*(?i:date)\s*:?\s+(\d{4}(?:-\d{2}){0,2})\s+").ok());

/// Takes metadata out of the text: a source header line, or a leading `date YYYY-MM` prefix.
/// Returns the remaining text, the metadata found and what was done.
pub fn extract(text: &str) -> (String, DocumentMeta, Vec<ImportWarning>) {
    let mut meta = DocumentMeta::default();
    let mut warnings = Vec::new();
    let body = text.trim_start_matches(['\n', '\r', '\u{FEFF}']);
    let (first, rest) = body.split_once('\n').unwrap_or((body, ""));
    if let Some(fields) = header_fields(first.trim_end()) {
        for (key, value) in fields {
            apply_field(&mut meta, &mut warnings, &key, value);
        }
        return (rest.to_owned(), meta, warnings);
    }
    if let Some(re) = DATE_PREFIX.as_ref()
        && let Some(caps) = re.captures(body)
        && let (Some(all), Some(date)) = (caps.get(0), caps.get(1))
        && let Ok(parsed) = DocDate::parse(date.as_str())
    {
        meta.date = Some(parsed);
        warnings.push(ImportWarning(format!(
            "removed the leading prefix {:?} and used {} as the document's date",
            all.as_str().trim(),
            parsed
        )));
        return (body[all.end()..].to_owned(), meta, warnings);
    }
    (text.to_owned(), meta, warnings)
}

/// Splits a header line into (KEY, value) pairs when it is one: at least two `KEY: value` fields
/// separated by `|`, the first after `#`.
fn header_fields(line: &str) -> Option<Vec<(String, String)>> {
    let re = HEADER.as_ref()?;
    if !line.starts_with('#') || !line.contains('|') {
        return None;
    }
    let mut fields = Vec::new();
    for (i, part) in line.split(" | ").enumerate() {
        let part = if i == 0 {
            part.to_owned()
        } else {
            format!("#{part}")
        };
        let caps = re.captures(part.trim())?;
        let key = caps.get(1)?.as_str().to_ascii_uppercase();
        fields.push((key, caps.get(2)?.as_str().trim().to_owned()));
    }
    (fields.len() >= 2).then_some(fields)
}

fn apply_field(
    meta: &mut DocumentMeta,
    warnings: &mut Vec<ImportWarning>,
    key: &str,
    value: String,
) {
    if value.is_empty() {
        return;
    }
    match key {
        "SOURCE" | "URL" | "ORIGIN" => meta.origin = Some(value),
        "TITLE" => meta.title = value,
        "LANG" | "LANGUAGE" => meta.language = Some(value.to_ascii_lowercase()),
        "DATE" => match DocDate::parse(&value) {
            Ok(d) => meta.date = Some(d),
            Err(e) => {
                warnings.push(ImportWarning(format!("header DATE ignored: {e}")));
                meta.attributes.insert("date".to_owned(), value);
            }
        },
        "AUTHOR" | "SPEAKER" => meta.author = Some(value),
        "INSTITUTION" => meta.institution = Some(value),
        "KIND" | "TYPE" => match DocKind::parse(&value) {
            Some(k) => meta.kind = Some(k),
            None => {
                meta.attributes.insert("kind".to_owned(), value);
            }
        },
        other => {
            meta.attributes.insert(other.to_ascii_lowercase(), value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_header_becomes_metadata() {
        let (body, meta, _) = extract(
            "# SOURCE: https://example.org/call | TITLE: Appel de Paris | LANG: fr | DATE: 2018-11-12 | LICENCE: EUPL-1.2\n\nLe texte.",
        );
        assert_eq!(body, "\nLe texte.");
        assert_eq!(meta.title, "Appel de Paris");
        assert_eq!(meta.language.as_deref(), Some("fr"));
        assert_eq!(
            meta.date.map(|d| d.to_string()).as_deref(),
            Some("2018-11-12")
        );
        assert_eq!(meta.origin.as_deref(), Some("https://example.org/call"));
        assert_eq!(
            meta.attributes.get("licence").map(String::as_str),
            Some("EUPL-1.2")
        );
    }

    #[test]
    fn stray_date_prefix_is_taken_out() {
        let (body, meta, warnings) = extract(" date 2018-11 La France veut affirmer");
        assert_eq!(body, "La France veut affirmer");
        assert_eq!(meta.date.map(|d| d.to_string()).as_deref(), Some("2018-11"));
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn markdown_heading_is_not_a_header() {
        let text = "# ASSEMBLÉE NATIONALE\n\ntext";
        let (body, meta, _) = extract(text);
        assert_eq!(body, text);
        assert!(meta.title.is_empty());
    }
}
