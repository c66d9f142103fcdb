//! OpenDocument text (.odt): `content.xml` paragraphs and headings, tables as tab-separated rows,
//! notes moved to the end, list numbers rebuilt from the list styles (`odt_lists.rs`); `meta.xml`
//! → title, author, date, language. White space in a paragraph is collapsed as ODF says (runs of
//! spaces, tabs and line ends are one space; `text:s`, `text:tab` and `text:line-break` are
//! explicit), and white space between elements is not text, so an indented `content.xml`
//! (pandoc writes one) reads the same as LibreOffice's.

use super::odt_lists::{ListStyles, ListWalker};
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
    let mut styles = ListStyles::default();
    if let Some(xml) = zip.read_text("styles.xml")? {
        styles.read(&xml)?;
    }
    styles.read(&content)?;
    let mut out = Extracted::default();
    let notes = content_text(&content, &mut out, ListWalker::new(styles))?;
    if !notes.is_empty() {
        out.break_paragraph();
        out.text.push_str(&notes);
        out.break_paragraph();
    }
    if let Some(meta) = zip.read_text("meta.xml")? {
        core_props::read(&meta, FORMAT, &mut out.meta)?;
        out.warn_file_date("date in meta.xml (creation or last save)");
    }
    Ok(out)
}

/// Appends the body's paragraphs to `out` and returns the notes' text, to be appended after.
fn content_text(
    xml: &str,
    out: &mut Extracted,
    mut lists: ListWalker,
) -> Result<String, FormatError> {
    let mut r = LimitedXml::new(xml, FORMAT);
    // Inside a paragraph or heading (only there is character data text).
    let mut para_depth = 0usize;
    let mut in_body = false;
    let mut note_depth = 0usize; // inside text:note-body
    let mut skip_depth = 0usize; // inside a note citation, tracked deletions or a comment
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
                // A note's number in the text, the deleted text kept for tracked changes, and
                // comments: none of them is text of the document.
                if !empty
                    && matches!(
                        name.as_str(),
                        "note-citation" | "tracked-changes" | "annotation"
                    )
                {
                    skip_depth = 1;
                    continue;
                }
                if note_depth > 0 && !empty {
                    note_depth += 1;
                }
                match name.as_str() {
                    "text" if !empty => in_body = true,
                    "note-body" if !empty && note_depth == 0 => note_depth = 1,
                    "s" => {
                        let n = attr(&tag, "c")
                            .and_then(|c| c.parse::<usize>().ok())
                            .unwrap_or(1)
                            .min(1_000);
                        target.text.push_str(&" ".repeat(n));
                    }
                    "list" if !empty => lists.open_list(&tag),
                    "list-item" if !empty => lists.open_item(&tag, false),
                    "list-header" if !empty => lists.open_item(&tag, true),
                    "p" | "h" if !empty => {
                        para_depth += 1;
                        if let Some(label) = lists.paragraph() {
                            target.text.push_str(&label);
                            target.text.push(' ');
                        }
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
                    "list" => lists.close_list(),
                    "p" | "h" => para_depth = para_depth.saturating_sub(1),
                    _ => {}
                }
                end_block(&name, target, &mut cell_depth, note_depth);
            }
            Node::Text(t) => {
                if in_body && skip_depth == 0 && para_depth > 0 {
                    push_collapsed(&mut target.text, &t);
                }
            }
        }
    }
    out.break_paragraph();
    Ok(notes.text)
}

/// Where a paragraph, table cell, row or table ends: paragraphs of a cell are joined by a
/// space, cells by a tab, rows by a line end; other paragraphs end with a paragraph break.
fn end_block(name: &str, target: &mut Extracted, cell_depth: &mut usize, note_depth: usize) {
    match name {
        "p" | "h"
            if *cell_depth > 0 && note_depth == 0 && !target.text.ends_with(['\t', ' ', '\n']) =>
        {
            target.text.push(' ');
        }
        "p" | "h" if *cell_depth > 0 && note_depth == 0 => {}
        "p" | "h" | "table" => target.break_paragraph(),
        "table-cell" => {
            *cell_depth = cell_depth.saturating_sub(1);
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

/// ODF white space: a run of spaces, tabs and line ends in character data is one space, and
/// none at the start of a paragraph (explicit `text:s`, `text:tab`, `text:line-break` stay).
fn push_collapsed(out: &mut String, text: &str) {
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r') {
            if !out.is_empty() && !out.ends_with([' ', '\n']) {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deleted_text_comments_and_note_numbers_are_not_text() {
        let xml = r#"<office:document-content xmlns:office="o" xmlns:text="t" xmlns:dc="d"><office:body><office:text><text:tracked-changes><text:changed-region text:id="c1"><text:deletion><office:change-info><dc:creator>A</dc:creator></office:change-info><text:p>supprimé</text:p></text:deletion></text:changed-region></text:tracked-changes><text:p>La norme<text:change text:change-id="c1"/> vaut<office:annotation><dc:creator>B</dc:creator><text:p>commentaire</text:p></office:annotation> pour tous<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Une note<office:annotation><text:p>autre</text:p></office:annotation>.</text:p></text:note-body></text:note>.</text:p><text:p>Suite</text:p></office:text></office:body></office:document-content>"#;
        let mut out = Extracted::default();
        let notes = content_text(xml, &mut out, ListWalker::default()).expect("reads");
        assert_eq!(out.text, "La norme vaut pour tous.\n\nSuite\n\n");
        assert_eq!(notes, "Une note.\n\n");
    }
}
