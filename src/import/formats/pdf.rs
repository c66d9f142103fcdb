//! PDF: the text layer, page by page (`pdf-extract` on `lopdf`), run under `guard`. Page breaks
//! become paragraph breaks, wrapped lines are joined (a word hyphenated at a line end is made
//! whole again), running headers, footers and page numbers are left out (with a warning), the
//! Info dictionary gives title, author, date. A PDF without a text layer (a scan) and a
//! password-protected PDF get their own messages.

use std::sync::Arc;
use std::time::Duration;

use lopdf::{Document, Object};

use super::core_props::language_code;
use super::guard::run_guarded;
use super::{Extracted, FormatError, non_empty};
use crate::import::ImportWarning;
use crate::model::{DocDate, DocumentMeta};

const FORMAT: &str = "PDF";

/// Longest a PDF may take to read.
pub const TIME_LIMIT: Duration = Duration::from_mins(2);

/// Extracts a PDF's text layer.
pub fn extract(bytes: &[u8]) -> Result<Extracted, FormatError> {
    let owned: Arc<[u8]> = Arc::from(bytes);
    run_guarded(FORMAT, TIME_LIMIT, move || extract_unguarded(&owned))
}

fn extract_unguarded(bytes: &[u8]) -> Result<Extracted, FormatError> {
    let doc = match Document::load_mem(bytes) {
        Ok(d) => d,
        Err(lopdf::Error::Decryption(_)) => {
            return Err(FormatError::Encrypted("encrypted PDF (password-protected)"));
        }
        Err(e) => return Err(FormatError::malformed(FORMAT, e)),
    };
    if doc.is_encrypted() {
        return Err(FormatError::Encrypted("encrypted PDF (password-protected)"));
    }
    let mut out = Extracted::default();
    if doc.was_encrypted() {
        out.warnings.push(ImportWarning(
            "the PDF is encrypted with an empty password (copy restrictions only); its text was read".to_owned(),
        ));
    }
    read_info(&doc, &mut out.meta);
    out.warn_file_date("creation date (PDF Info dictionary)");
    let pages = doc.get_pages();
    let page_count = pages.len();
    let mut failed = Vec::new();
    let mut texts = Vec::with_capacity(page_count);
    for &number in pages.keys() {
        let mut page = String::new();
        let mut dev = pdf_extract::PlainTextOutput::new(&mut page);
        match pdf_extract::output_doc_page(&doc, &mut dev, number) {
            Ok(()) => texts.push(page),
            Err(_) => failed.push(number),
        }
    }
    let removed = strip_running_lines(&mut texts);
    if removed > 0 {
        out.warnings.push(ImportWarning(format!(
            "{removed} running header, footer or page-number line(s) left out (the same line at the top or bottom of most pages, or a page number alone)"
        )));
    }
    let compounds = hyphenated_words(&texts);
    for page in &texts {
        out.text.push_str(&join_lines(page, &compounds));
        out.break_paragraph();
    }
    if !failed.is_empty() {
        if failed.len() == page_count {
            return Err(FormatError::malformed(FORMAT, "no page could be read"));
        }
        out.warnings.push(ImportWarning(format!(
            "{} page(s) could not be read and are missing: {}",
            failed.len(),
            failed
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    if !out.text.chars().any(char::is_alphanumeric) {
        return Err(FormatError::NoTextLayer(format!(
            "this PDF has no text layer ({page_count} page(s), probably scanned images): run OCR on it first (for example `ocrmypdf in.pdf out.pdf`) and import the result"
        )));
    }
    Ok(out)
}

/// A line with its digits folded (`Page 12 sur 40` → `page # sur #`), to compare running lines.
fn line_shape(line: &str) -> String {
    let mut shape = String::with_capacity(line.len());
    let mut in_number = false;
    for c in line.trim().chars() {
        if c.is_ascii_digit() {
            if !in_number {
                shape.push('#');
            }
            in_number = true;
        } else {
            in_number = false;
            if c.is_whitespace() {
                if !shape.ends_with(' ') {
                    shape.push(' ');
                }
            } else {
                shape.extend(c.to_lowercase());
            }
        }
    }
    shape
}

/// Whether a line is a page number and nothing else (`12`, `- 12 -`, `Page 12 sur 40`, `12/40`).
/// A bare number counts only up to three digits, so that a year alone on a line stays.
fn is_page_number(line: &str) -> bool {
    let bare = line.trim_matches(|c: char| matches!(c, '-' | '–' | '—') || c.is_whitespace());
    if !bare.is_empty() && bare.len() <= 3 && bare.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    matches!(
        line_shape(bare).as_str(),
        "# / #"
            | "#/#"
            | "page #"
            | "p. #"
            | "page # / #"
            | "page #/#"
            | "page # sur #"
            | "page # of #"
    )
}

/// A line with its runs of white space made one space.
fn collapsed(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Removes running headers and footers — the same first or last line on at least half of the
/// pages (three or more) — and page numbers standing alone on a first or last line. Lines that
/// differ only by a number (`Article 12`, `Article 13`) are not running lines: only a page
/// number alone is recognised by its shape. Returns how many lines were removed.
fn strip_running_lines(pages: &mut [String]) -> usize {
    fn edge(page: &str, last: bool) -> Option<(usize, usize)> {
        // Byte range of the first (or last) non-blank line.
        let mut start = 0;
        let mut found = None;
        for line in page.split_inclusive('\n') {
            let end = start + line.len();
            if !line.trim().is_empty() {
                found = Some((start, end));
                if !last {
                    break;
                }
            }
            start = end;
        }
        found
    }
    let mut counts: std::collections::HashMap<(bool, String), usize> =
        std::collections::HashMap::new();
    for page in pages.iter() {
        for last in [false, true] {
            if let Some((a, b)) = edge(page, last) {
                *counts.entry((last, collapsed(&page[a..b]))).or_default() += 1;
            }
        }
    }
    let threshold = (pages.len() / 2).max(3);
    let mut removed = 0;
    for page in pages.iter_mut() {
        for last in [false, true] {
            let Some((a, b)) = edge(page, last) else {
                continue;
            };
            let line = &page[a..b];
            let running = counts
                .get(&(last, collapsed(line)))
                .is_some_and(|&n| n >= threshold);
            if running || is_page_number(line) {
                page.replace_range(a..b, "");
                removed += 1;
            }
        }
    }
    removed
}

/// Words after a hyphen that make a compound, never the end of a word cut in two (French:
/// « elle-même », « celui-ci », « peut-être », « c'est-à-dire », « a-t-il »).
const COMPOUND_ENDS: &[&str] = &[
    "même", "mêmes", "ci", "là", "t", "il", "ils", "elle", "elles", "on", "être", "dire", "delà",
    "unis", "à",
];

/// The hyphenated words (`non-étatiques`) written whole inside a line somewhere in the
/// document, lower-cased: a line-end hyphen that makes one of them is kept.
fn hyphenated_words(pages: &[String]) -> std::collections::HashSet<String> {
    let mut words = std::collections::HashSet::new();
    for page in pages {
        for line in page.lines() {
            let mut tokens = line.split_whitespace().peekable();
            while let Some(token) = tokens.next() {
                if tokens.peek().is_none() {
                    break; // the last word of a line may be a cut word
                }
                let word = token.trim_matches(|c: char| !c.is_alphanumeric());
                let mut parts = word.split('-');
                if word.contains('-')
                    && parts.all(|p| !p.is_empty() && p.chars().all(char::is_alphabetic))
                {
                    words.insert(word.to_lowercase());
                }
            }
        }
    }
    words
}

/// Lines of one page → paragraphs: a blank line (a vertical gap) ends a paragraph, other line
/// ends become spaces, and `word-⏎word` at a line end becomes `wordword` when the next line
/// starts in lower case (a hyphenated word, not a compound like « Jean-⏎Yves »), unless the
/// document writes that compound whole elsewhere (`compounds`) or its second part is one that
/// only makes compounds (« elle-⏎même »).
fn join_lines(page: &str, compounds: &std::collections::HashSet<String>) -> String {
    let mut out = String::with_capacity(page.len());
    let mut blank = false;
    for line in page.lines().map(str::trim) {
        if line.is_empty() {
            blank = true;
            continue;
        }
        if out.is_empty() {
        } else if blank {
            out.push_str("\n\n");
        } else if let Some(stem) = hyphen_stem(&out) {
            if line.starts_with(char::is_lowercase) && !is_compound(&out[..stem], line, compounds) {
                out.truncate(stem);
            }
        } else {
            out.push(' ');
        }
        blank = false;
        out.push_str(line);
    }
    out
}

/// Whether `before` (ending just before a line-end hyphen) and the next `line` make a compound
/// word that keeps its hyphen.
fn is_compound(before: &str, line: &str, compounds: &std::collections::HashSet<String>) -> bool {
    let first: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let second: String = line.chars().take_while(|c| c.is_alphabetic()).collect();
    let second = second.to_lowercase();
    COMPOUND_ENDS.contains(&second.as_str())
        || compounds.contains(&format!("{}-{second}", first.to_lowercase()))
}

/// Where to cut `text` if it ends with a letter followed by a hyphen (or a soft hyphen).
fn hyphen_stem(text: &str) -> Option<usize> {
    let mut chars = text.char_indices().rev();
    let (at, last) = chars.next()?;
    if !matches!(last, '-' | '\u{00AD}' | '\u{2010}') {
        return None;
    }
    let (_, before) = chars.next()?;
    before.is_alphabetic().then_some(at)
}

fn read_info(doc: &Document, meta: &mut DocumentMeta) {
    if let Ok(lang) = doc.catalog().and_then(|c| c.get(b"Lang")) {
        meta.language = text_of(doc, lang).and_then(|l| language_code(&l));
    }
    let Ok(info) = doc.trailer.get(b"Info").and_then(|o| match o {
        Object::Reference(id) => doc.get_dictionary(*id),
        Object::Dictionary(d) => Ok(d),
        _ => Err(lopdf::Error::DictType {
            expected: "Info",
            found: "other".to_owned(),
        }),
    }) else {
        return;
    };
    let get = |key: &[u8]| info.get(key).ok().and_then(|o| text_of(doc, o));
    if let Some(title) = get(b"Title") {
        meta.title = title;
    }
    meta.author = get(b"Author");
    meta.date = get(b"CreationDate").and_then(|d| pdf_date(&d));
    if let Some(subject) = get(b"Subject") {
        meta.attributes.insert("description".to_owned(), subject);
    }
}

/// A PDF text string: UTF-16BE with a byte-order mark, UTF-8, or PDFDocEncoding (read as
/// Windows-1252, which agrees with it on letters and accents).
fn text_of(doc: &Document, obj: &Object) -> Option<String> {
    let obj = match obj {
        Object::Reference(id) => doc.get_object(*id).ok()?,
        o => o,
    };
    let bytes = match obj {
        Object::String(b, _) | Object::Name(b) => b.as_slice(),
        _ => return None,
    };
    let text = if let Some(utf16) = bytes.strip_prefix(b"\xFE\xFF") {
        encoding_rs::UTF_16BE
            .decode_without_bom_handling(utf16)
            .0
            .into_owned()
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        s.to_owned()
    } else {
        encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned()
    };
    non_empty(&text)
}

/// `D:20181112093000+01'00'` → 2018-11-12.
fn pdf_date(s: &str) -> Option<DocDate> {
    let digits: String = s
        .trim_start_matches("D:")
        .chars()
        .take_while(char::is_ascii_digit)
        .take(8)
        .collect();
    let parts = match digits.len() {
        8 => format!("{}-{}-{}", &digits[..4], &digits[4..6], &digits[6..8]),
        6 => format!("{}-{}", &digits[..4], &digits[4..6]),
        4 => digits,
        _ => return None,
    };
    DocDate::parse(&parts).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_join_and_hyphenated_words_are_mended() {
        assert_eq!(
            join_lines(
                "Le cyber-\nespace joue\nun rôle.\n\nJean-\nYves parle.",
                &std::collections::HashSet::new()
            ),
            "Le cyberespace joue un rôle.\n\nJean-Yves parle."
        );
    }

    #[test]
    fn compounds_keep_their_hyphen_at_a_line_end() {
        let pages = vec![
            "Les acteurs non-étatiques agissent.\nLes acteurs non-\nétatiques et l'État lui-\nmême, c'est-\nà-dire la cyber-\nsécurité.".to_owned(),
        ];
        let compounds = hyphenated_words(&pages);
        assert!(compounds.contains("non-étatiques"), "{compounds:?}");
        assert_eq!(
            join_lines(&pages[0], &compounds),
            "Les acteurs non-étatiques agissent. Les acteurs non-étatiques et l'État lui-même, c'est-à-dire la cybersécurité."
        );
    }

    #[test]
    fn pdf_dates() {
        assert_eq!(
            pdf_date("D:20181112093000+01'00'")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2018-11-12")
        );
        assert_eq!(pdf_date("garbage"), None);
    }

    #[test]
    fn garbage_is_malformed_not_a_panic() {
        let e = extract(
            b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
        )
        .expect_err("broken");
        assert!(
            matches!(
                e,
                FormatError::Malformed { .. } | FormatError::NoTextLayer(_)
            ),
            "{e}"
        );
    }

    #[test]
    fn running_headers_footers_and_page_numbers_are_left_out() {
        let mut pages: Vec<String> = (1..=4)
            .map(|n| {
                format!(
                    "Rapport sur la cybersécurité 2018\n\nTexte de la page {n}.\nSuite {n}.\n\nPage {n} sur 4\n"
                )
            })
            .collect();
        pages.push("Annexe\n\n- 5 -\n".to_owned());
        let removed = strip_running_lines(&mut pages);
        assert_eq!(removed, 9, "{pages:?}");
        let none = std::collections::HashSet::new();
        assert_eq!(join_lines(&pages[1], &none), "Texte de la page 2. Suite 2.");
        assert_eq!(join_lines(&pages[4], &none), "Annexe");
        // A year alone on the last line is text, not a page number.
        let mut signed = vec!["Fait à Paris, le 12 novembre\n2018\n".to_owned()];
        assert_eq!(strip_running_lines(&mut signed), 0);
        // Numbered lines that differ from page to page are text.
        let mut articles: Vec<String> = (1..=4)
            .map(|n| format!("Article {n}\nLe texte {n}.\n"))
            .collect();
        assert_eq!(strip_running_lines(&mut articles), 0);
        // Two pages are too few to call a repeated line a running header.
        let mut two = vec!["Titre\nUn.\n".to_owned(), "Titre\nDeux.\n".to_owned()];
        assert_eq!(strip_running_lines(&mut two), 0);
    }
}
