//! OpenDocument text (.odt): `content.xml` paragraphs and headings, tables as tab-separated rows,
//! notes moved to the end; `meta.xml` → title, author, date, language.

use super::xml_limits::{LimitedXml, Node, attr, local};
use super::zip_limits::LimitedZip;
use super::{Extracted, FormatError, core_props};

const FORMAT: &str = "ODT";

/// Extracts an ODT file.
pub fn extract(bytes: &[u8]) -> Result<Extracted, FormatError> {
    let mut zip = LimitedZip::new(bytes, FORMAT)?;
    if zip.has("META-INF/manifest.xml")
        && let Some(manifest) = zip.read_text("META-INF/manifest.xml")?
        && manifest.contains("encryption-data")
    {
        return Err(FormatError::Encrypted("encrypted OpenDocument file"));
    }
    let content = zip
        .read_text("content.xml")?
        .ok_or_else(|| FormatError::malformed(FORMAT, "no content.xml"))?;
    let mut out = Extracted::default();
    let notes = content_text(&content, &mut out)?;
    if !notes.is_empty() {
        out.break_paragraph();
        out.text.push_str(&notes);
        out.break_paragraph();
    }
    if let Some(meta) = zip.read_text("meta.xml")? {
        core_props::read(&meta, FORMAT, &mut out.meta)?;
    }
    Ok(out)
}

/// Appends the body's paragraphs to `out` and returns the notes' text, to be appended after.
fn content_text(xml: &str, out: &mut Extracted) -> Result<String, FormatError> {
    let mut r = LimitedXml::new(xml, FORMAT);
    let mut in_body = false;
    let mut note_depth = 0usize; // inside text:note-body
    let mut skip_depth = 0usize; // inside a note citation (the note's number)
    let mut cell_depth = 0usize;
    let mut notes = Extracted::default();
    while let Some(node) = r.next_node()? {
        let target = if note_depth > 0 {
            &mut notes
        } else {
            &mut *out
        };
        match node {
            Node::Open { tag, empty } => {
                let name = local(&tag);
                if skip_depth > 0 {
                    skip_depth += usize::from(!empty);
                    continue;
                }
                if note_depth > 0 && !empty {
                    note_depth += 1;
                }
                match name.as_str() {
                    "text" if !empty => in_body = true,
                    "note-citation" if !empty => skip_depth = 1,
                    "note-body" if !empty && note_depth == 0 => note_depth = 1,
                    "s" => {
                        let n = attr(&tag, "c")
                            .and_then(|c| c.parse::<usize>().ok())
                            .unwrap_or(1)
                            .min(1_000);
                        target.text.push_str(&" ".repeat(n));
                    }
                    "tab" => target.text.push('\t'),
                    "line-break" => target.text.push('\n'),
                    "table-cell" if !empty => cell_depth += 1,
                    _ => {}
                }
            }
            Node::Close(name) => {
                if skip_depth > 0 {
                    skip_depth -= 1;
                    continue;
                }
                note_depth = note_depth.saturating_sub(1);
                match name.as_str() {
                    "p" | "h"
                        if cell_depth > 0
                            && note_depth == 0
                            && !target.text.ends_with(['\t', ' ', '\n']) =>
                    {
                        target.text.push(' ');
                    }
                    "p" | "h" if cell_depth > 0 && note_depth == 0 => {}
                    "p" | "h" | "table" => target.break_paragraph(),
                    "table-cell" => {
                        cell_depth = cell_depth.saturating_sub(1);
                        let trimmed = target.text.trim_end_matches(' ').len();
                        target.text.truncate(trimmed);
                        target.text.push('\t');
                    }
                    "table-row" => {
                        let trimmed = target.text.trim_end_matches('\t').len();
                        target.text.truncate(trimmed);
                        target.text.push('\n');
                    }
                    _ => {}
                }
            }
            Node::Text(t) => {
                if in_body && skip_depth == 0 {
                    target.text.push_str(&t);
                }
            }
        }
    }
    out.break_paragraph();
    Ok(notes.text)
}
