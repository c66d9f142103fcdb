//! Metadata written into the text itself by whoever collected it.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{DocDate, DocKind, DocumentMeta, ModelError};

use super::ImportWarning;

/// `# SOURCE: … | TITLE: … | LANG: … | DATE: …` on the first non-blank line.
static HEADER: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^#\s*([A-Za-z_]+)\s*:\s*(.*)$").ok());

/// A stray ` date 2018-11 ` before the first words (as exported by some press databases).
static DATE_PREFIX: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^\s*(?i:date)\s*:?\s+(\d{4}(?:-\d{2}){0,2})\s+").ok());

/// The free attribute that keeps what a header's `DATE:` says after the date itself
/// (`DATE: 2019-11-08 (case studies first published; last edited 2021-03-23)`), so that a
/// collector's remark is neither lost nor allowed to cost the document its date. Not `note`,
/// which projects already use for remarks about the whole document.
pub const DATE_NOTE: &str = "date_note";

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
        "DATE" => match leading_date(&value) {
            Ok((d, note)) => {
                meta.date = Some(d);
                if let Some(note) = note {
                    meta.attributes.insert(DATE_NOTE.to_owned(), note);
                }
            }
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

/// A date at the start of `value` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) and what follows it, as a
/// note without its surrounding punctuation. Collectors write remarks after the date; the date is
/// what analyses sort and filter by, so it is kept whenever it can be read.
///
/// The date must end where a word could not go on (`2019-11-08T10:00` or `2019a` is not a date
/// followed by a note); otherwise the whole value is refused with the date's own error.
fn leading_date(value: &str) -> Result<(DocDate, Option<String>), ModelError> {
    let value = value.trim();
    let end = value
        .find(|c: char| !(c.is_ascii_digit() || c == '-'))
        .unwrap_or(value.len());
    let (head, rest) = value.split_at(end);
    if rest.starts_with(char::is_alphanumeric) {
        return Err(ModelError::BadDate(value.to_owned()));
    }
    let date = DocDate::parse(head).map_err(|_| ModelError::BadDate(value.to_owned()))?;
    Ok((date, note_text(rest)))
}

/// `" (first published; edited 2021)"` → `"first published; edited 2021"`: separators before the
/// note and one pair of brackets around all of it are dropped; `None` when nothing is left.
fn note_text(rest: &str) -> Option<String> {
    let mut note = rest
        .trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | ':' | '/' | '-' | '–' | '—')
        })
        .trim_end();
    for (open, close) in [('(', ')'), ('[', ']'), ('{', '}')] {
        if let Some(inner) = note
            .strip_prefix(open)
            .and_then(|n| n.strip_suffix(close))
            .filter(|inner| balanced(inner, open, close))
        {
            note = inner.trim();
            break;
        }
    }
    (!note.is_empty()).then(|| note.to_owned())
}

/// Whether every `close` in `text` follows an `open`, so that `(a) and (b)` keeps its brackets.
fn balanced(text: &str, open: char, close: char) -> bool {
    let mut depth = 0_usize;
    for c in text.chars() {
        if c == open {
            depth += 1;
        } else if c == close {
            let Some(d) = depth.checked_sub(1) else {
                return false;
            };
            depth = d;
        }
    }
    depth == 0
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

    fn header_with_date(date: &str) -> (DocumentMeta, Vec<ImportWarning>) {
        let (_, meta, warnings) = extract(&format!(
            "# SOURCE: https://example.org/cases | TITLE: Case studies | {date}\n\nThe text."
        ));
        (meta, warnings)
    }

    fn date_of(meta: &DocumentMeta) -> Option<String> {
        meta.date.map(|d| d.to_string())
    }

    #[test]
    fn date_followed_by_a_remark_keeps_the_date_and_the_remark() {
        let (meta, warnings) = header_with_date(
            "DATE: 2019-11-08 (case studies first published; last edited 2021-03-23)",
        );
        assert_eq!(date_of(&meta).as_deref(), Some("2019-11-08"));
        assert_eq!(
            meta.attributes.get(DATE_NOTE).map(String::as_str),
            Some("case studies first published; last edited 2021-03-23")
        );
        assert!(!meta.attributes.contains_key("date"));
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn plain_date_has_no_note() {
        let (meta, warnings) = header_with_date("DATE: 2019-11");
        assert_eq!(date_of(&meta).as_deref(), Some("2019-11"));
        assert!(meta.attributes.is_empty(), "{:?}", meta.attributes);
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn french_header_with_a_space_before_the_colon() {
        let (meta, warnings) = header_with_date("DATE : 2018-11-12 (version révisée)");
        assert_eq!(date_of(&meta).as_deref(), Some("2018-11-12"));
        assert_eq!(
            meta.attributes.get(DATE_NOTE).map(String::as_str),
            Some("version révisée")
        );
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn garbage_date_is_kept_as_text_with_a_warning() {
        let (meta, warnings) = header_with_date("DATE: sometime in the autumn");
        assert_eq!(meta.date, None);
        assert_eq!(
            meta.attributes.get("date").map(String::as_str),
            Some("sometime in the autumn")
        );
        assert!(!meta.attributes.contains_key(DATE_NOTE));
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].0.contains("header DATE ignored"),
            "{warnings:?}"
        );
    }

    #[test]
    fn leading_dates_and_their_notes() {
        let ok = |v: &str| {
            let (date, note) = leading_date(v).unwrap_or_else(|e| panic!("{v}: {e}"));
            (date.to_string(), note)
        };
        assert_eq!(ok("2019"), ("2019".to_owned(), None));
        assert_eq!(
            ok("2019-11-08, revised"),
            ("2019-11-08".to_owned(), Some("revised".to_owned()))
        );
        assert_eq!(
            ok("2019 [approx.]"),
            ("2019".to_owned(), Some("approx.".to_owned()))
        );
        assert_eq!(
            ok("2019 (a) and (b)"),
            ("2019".to_owned(), Some("(a) and (b)".to_owned()))
        );
        assert_eq!(ok("2019-11-08 ()"), ("2019-11-08".to_owned(), None));
        for bad in [
            "",
            "2019-11-08T10:00",
            "2019a",
            "2019-13-01 (x)",
            "12/11/2018",
            "(2019)",
        ] {
            assert!(leading_date(bad).is_err(), "{bad}");
        }
    }
}
