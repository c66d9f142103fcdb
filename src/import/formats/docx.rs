//! Word (.docx): `word/document.xml` paragraphs, tables as tab-separated rows, footnotes and
//! endnotes appended; `docProps/core.xml` → title, author, date, language. Tracked changes are
//! read as accepted (deleted and moved-away text left out); a text box is read once, not from
//! both sides of its `mc:AlternateContent`; list numbers, which Word generates from
//! `word/numbering.xml`, are rebuilt (`docx_numbering.rs`).

use super::docx_numbering::Numbering;
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
    let mut numbering = match zip.read_text("word/numbering.xml")? {
        Some(xml) => Numbering::parse(&xml)?,
        None => Numbering::default(),
    };
    let mut out = Extracted::default();
    body_text(&body, &mut out, None, Some(&mut numbering))?;
    for (part, note) in [
        ("word/footnotes.xml", "footnote"),
        ("word/endnotes.xml", "endnote"),
    ] {
        if let Some(xml) = zip.read_text(part)? {
            body_text(&xml, &mut out, Some(note), None)?;
        }
    }
    if let Some(core) = zip.read_text("docProps/core.xml")? {
        core_props::read(&core, FORMAT, &mut out.meta)?;
        out.warn_file_date("creation date (docProps/core.xml)");
    }
    Ok(out)
}

/// Appends the paragraphs of a WordprocessingML part, each numbered paragraph with its list
/// label when `numbering` is given. In notes parts, the separator pseudo-notes (those with a
/// `w:type`) are skipped.
fn body_text(
    xml: &str,
    out: &mut Extracted,
    note: Option<&str>,
    mut numbering: Option<&mut Numbering>,
) -> Result<(), FormatError> {
    let mut r = LimitedXml::new(xml, FORMAT);
    let mut in_text = false;
    // The current paragraph's list (`w:numId`) and level (`w:ilvl`), read in its `w:pPr`.
    let mut in_ppr = false;
    let mut list: Option<String> = None;
    let mut list_level = 0usize;
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
                    // Deleted text, field codes, the source side of a tracked move, and the
                    // fallback copy of a drawing whose text the `mc:Choice` side already gave.
                    "delText" | "instrText" | "moveFrom" | "Fallback" | "pPrChange" if !empty => {
                        skip_depth = 1;
                    }
                    "noBreakHyphen" => out.text.push('\u{2011}'),
                    "footnote" | "endnote"
                        if note.is_some() && attr(&tag, "type").is_some() && !empty =>
                    {
                        skip_depth = 1;
                    }
                    "p" if !empty => {
                        list = None;
                        list_level = 0;
                    }
                    "pPr" if !empty => in_ppr = true,
                    "numId" if in_ppr => list = attr(&tag, "val"),
                    "ilvl" if in_ppr => {
                        list_level = attr(&tag, "val").and_then(|v| v.parse().ok()).unwrap_or(0);
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
                    "pPr" => {
                        in_ppr = false;
                        if let (Some(id), Some(numbering)) = (&list, numbering.as_deref_mut())
                            && let Some(label) = numbering.label(id, list_level)
                        {
                            out.text.push_str(&label);
                            out.text.push(' ');
                        }
                    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn text(body: &str) -> String {
        let xml = format!(
            r#"<w:document xmlns:w="w" xmlns:mc="mc" xmlns:v="v"><w:body>{body}</w:body></w:document>"#
        );
        let mut out = Extracted::default();
        body_text(&xml, &mut out, None, None).expect("reads");
        out.text
    }

    #[test]
    fn tracked_changes_read_as_accepted() {
        let body = r"<w:p><w:r><w:t>La </w:t></w:r><w:del><w:r><w:delText>vieille </w:delText></w:r></w:del><w:ins><w:r><w:t>nouvelle </w:t></w:r></w:ins><w:r><w:t>norme</w:t></w:r></w:p><w:p><w:moveFrom><w:r><w:t>déplacé</w:t></w:r></w:moveFrom></w:p><w:p><w:moveTo><w:r><w:t>déplacé</w:t></w:r></w:moveTo></w:p>";
        assert_eq!(text(body), "La nouvelle norme\n\ndéplacé\n\n");
    }

    #[test]
    fn a_text_box_is_read_once_and_hyphens_and_fields_are_right() {
        let body = r#"<w:p><w:r><w:t>Avant</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Encadré</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>Encadré</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p><w:p><w:r><w:t>cyber</w:t><w:noBreakHyphen/><w:t>sécurité</w:t><w:softHyphen/></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#;
        let got = text(body);
        assert_eq!(got.matches("Encadré").count(), 1, "{got:?}");
        assert!(got.contains("cyber\u{2011}sécurité"), "{got:?}");
        assert!(!got.contains("PAGE"), "{got:?}");
    }

    #[test]
    fn numbered_paragraphs_get_their_labels() {
        let numbering = r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="4"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum><w:num w:numId="2"><w:abstractNumId w:val="4"/></w:num></w:numbering>"#;
        let mut numbering = Numbering::parse(numbering).expect("numbering");
        let item = |level: u8, words: &str| {
            format!(
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="2"/></w:numPr><w:pPrChange><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="9"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>{words}</w:t></w:r></w:p>"#
            )
        };
        let body = format!(
            r#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>L'Assemblée générale,</w:t></w:r></w:p>{}{}{}{}<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>Fin</w:t></w:r></w:p></w:body></w:document>"#,
            item(0, "Affirme"),
            item(1, "que le droit"),
            item(1, "que la Charte"),
            item(0, "Décide"),
        );
        let mut out = Extracted::default();
        body_text(&body, &mut out, None, Some(&mut numbering)).expect("reads");
        assert_eq!(
            out.text,
            "L'Assemblée générale,\n\n1. Affirme\n\n(a) que le droit\n\n(b) que la Charte\n\n2. Décide\n\nFin\n\n"
        );
    }
}
