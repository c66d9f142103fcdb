//! EPUB: `META-INF/container.xml` names the package document; its `dc:*` metadata fill the
//! document's, and its spine gives the chapters in reading order, each read as HTML.

use std::collections::HashMap;

use super::xml_limits::{LimitedXml, Node, attr, local};
use super::zip_limits::LimitedZip;
use super::{Extracted, FormatError, core_props, html};

const FORMAT: &str = "EPUB";

/// Extracts an EPUB book.
pub fn extract(bytes: &[u8]) -> Result<Extracted, FormatError> {
    let mut zip = LimitedZip::new(bytes, FORMAT)?;
    if zip.has("META-INF/encryption.xml") {
        return Err(FormatError::Encrypted("encrypted (DRM-protected) EPUB"));
    }
    let container = zip
        .read_text("META-INF/container.xml")?
        .ok_or_else(|| FormatError::malformed(FORMAT, "no META-INF/container.xml"))?;
    let opf_path = rootfile(&container)?;
    let opf = zip
        .read_text(&opf_path)?
        .ok_or_else(|| FormatError::malformed(FORMAT, format!("no package document {opf_path}")))?;
    let base = opf_path.rsplit_once('/').map_or("", |(dir, _)| dir);
    let mut out = Extracted::default();
    core_props::read(&opf, FORMAT, &mut out.meta)?;
    for href in spine(&opf)? {
        let path = join(base, &href);
        let Some(chapter) = zip.read(&path)? else {
            out.warnings.push(crate::import::ImportWarning(format!(
                "chapter {path} is missing from the EPUB"
            )));
            continue;
        };
        let chapter = html::extract(&String::from_utf8_lossy(&chapter))?;
        out.text.push_str(&chapter.text);
        out.break_paragraph();
    }
    Ok(out)
}

fn rootfile(container: &str) -> Result<String, FormatError> {
    let mut r = LimitedXml::new(container, FORMAT);
    while let Some(node) = r.next_node()? {
        if let Node::Open { tag, .. } = node
            && local(&tag) == "rootfile"
            && let Some(path) = attr(&tag, "full-path")
        {
            return Ok(path);
        }
    }
    Err(FormatError::malformed(
        FORMAT,
        "container.xml names no package document",
    ))
}

/// The spine's chapters, as hrefs relative to the package document.
fn spine(opf: &str) -> Result<Vec<String>, FormatError> {
    let mut manifest = HashMap::new();
    let mut order = Vec::new();
    let mut r = LimitedXml::new(opf, FORMAT);
    while let Some(node) = r.next_node()? {
        if let Node::Open { tag, .. } = node {
            match local(&tag).as_str() {
                "item" => {
                    if let (Some(id), Some(href)) = (attr(&tag, "id"), attr(&tag, "href")) {
                        manifest.insert(id, href);
                    }
                }
                "itemref" if attr(&tag, "linear").as_deref() != Some("no") => {
                    if let Some(id) = attr(&tag, "idref") {
                        order.push(id);
                    }
                }
                _ => {}
            }
        }
    }
    Ok(order
        .into_iter()
        .filter_map(|id| manifest.get(&id).cloned())
        .collect())
}

/// Resolves `href` (percent-encoded, maybe with `..`) against the package directory.
fn join(base: &str, href: &str) -> String {
    let href = href.split('#').next().unwrap_or(href);
    let decoded = percent_decode(href);
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrefs_resolve_against_the_package_directory() {
        assert_eq!(
            join("OEBPS", "text/ch%201.xhtml#x"),
            "OEBPS/text/ch 1.xhtml"
        );
        assert_eq!(join("OEBPS/a", "../b.xhtml"), "OEBPS/b.xhtml");
        assert_eq!(join("", "ch1.xhtml"), "ch1.xhtml");
    }
}
