//! Word (.docx): `word/document.xml` paragraphs, tables as tab-separated rows, footnotes and
//! endnotes appended; `docProps/core.xml` → title, author, date, language.

use super::xml_limits::{LimitedXml, Node, attr, local};
use super::zip_limits::LimitedZip;
use super::{Extracted, FormatError, core_props};

const FORMAT: &str = "DOCX";

/// Extracts a DOCX file.
pub fn extract(bytes: &[u8]) -> Result<Extracted, FormatError> {
    let mut zip = LimitedZip::new(bytes, FORMAT)?;
    let body = zip
        .read_text("word/document.xml")?
        .ok_or_else(|| FormatError::malformed(FORMAT, "no word/document.xml"))?;
    let mut out = Extracted::default();
    body_text(&body, &mut out, None)?;
    for (part, note) in [
        ("word/footnotes.xml", "footnote"),
        ("word/endnotes.xml", "endnote"),
    ] {
        if let Some(xml) = zip.read_text(part)? {
            body_text(&xml, &mut out, Some(note))?;
        }
    }
    if let Some(core) = zip.read_text("docProps/core.xml")? {
        core_props::read(&core, FORMAT, &mut out.meta)?;
    }
    Ok(out)
}

/// Appends the paragraphs of a WordprocessingML part. In notes parts, the separator
/// pseudo-notes (those with a `w:type`) are skipped.
fn body_text(xml: &str, out: &mut Extracted, note: Option<&str>) -> Result<(), FormatError> {
    let mut r = LimitedXml::new(xml, FORMAT);
    let mut in_text = false;
    let mut skip_depth = 0usize; // inside deleted text, field instructions or separator notes
    let mut cell_depth = 0usize;
    while let Some(node) = r.next_node()? {
        match node {
            Node::Open { tag, empty } => {
                let name = local(&tag);
                if skip_depth > 0 {
                    if !empty {
                        skip_depth += 1;
                    }
                    continue;
                }
                match name.as_str() {
                    "t" if !empty => in_text = true,
                    "delText" | "instrText" if !empty => skip_depth = 1,
                    "footnote" | "endnote"
                        if note.is_some() && attr(&tag, "type").is_some() && !empty =>
                    {
                        skip_depth = 1;
                    }
                    "tab" => out.text.push('\t'),
                    "br" | "cr" => out.text.push('\n'),
                    "tc" if !empty => {
                        cell_depth += 1;
                    }
                    _ => {}
                }
            }
            Node::Close(name) => {
                if skip_depth > 0 {
                    skip_depth -= 1;
                    continue;
                }
                match name.as_str() {
                    "t" => in_text = false,
                    "p" if cell_depth > 0 && !out.text.ends_with(['\t', ' ', '\n']) => {
                        out.text.push(' ');
                    }
                    "p" if cell_depth > 0 => {}
                    "p" | "tbl" => out.break_paragraph(),
                    "tc" => {
                        cell_depth = cell_depth.saturating_sub(1);
                        let trimmed = out.text.trim_end_matches(' ').len();
                        out.text.truncate(trimmed);
                        out.text.push('\t');
                    }
                    "tr" => {
                        let trimmed = out.text.trim_end_matches('\t').len();
                        out.text.truncate(trimmed);
                        out.text.push('\n');
                    }
                    _ => {}
                }
            }
            Node::Text(t) => {
                if in_text && skip_depth == 0 {
                    out.text.push_str(&t);
                }
            }
        }
    }
    out.break_paragraph();
    Ok(())
}
