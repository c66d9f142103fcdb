//! A small read-only element tree over quick-xml's reader, with the limits an untrusted file
//! needs.
//!
//! REFI-QDA files are small trees read once; a tree keeps the mapping code simple. Safety:
//! a document type declaration is refused outright (so no entity — "billion laughs" or external —
//! is ever declared, let alone expanded); only the five predefined entities and character
//! references are resolved; depth and element count are capped.

use quick_xml::XmlVersion;
use quick_xml::events::Event;
use quick_xml::reader::Reader;

use super::RefiError;

/// Deepest nesting accepted (code hierarchies are a few levels deep).
const MAX_DEPTH: usize = 256;
/// Most elements accepted in one file.
const MAX_ELEMENTS: usize = 4_000_000;

/// One element: local name (namespace prefix dropped), attributes, children, text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Element>,
    /// The element's own text (concatenated; whitespace kept).
    pub text: String,
}

impl Element {
    /// An attribute's value.
    #[must_use]
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Children with this name.
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The first child with this name.
    #[must_use]
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// Grandchildren through a wrapper (`Users/User`).
    pub fn items<'a>(
        &'a self,
        wrapper: &'a str,
        item: &'a str,
    ) -> impl Iterator<Item = &'a Element> + 'a {
        self.children_named(wrapper)
            .flat_map(move |w| w.children_named(item))
    }
}

fn local(name: &str) -> String {
    name.rsplit(':').next().unwrap_or(name).to_owned()
}

fn xml_error(e: impl std::fmt::Display) -> RefiError {
    RefiError::Xml(e.to_string())
}

fn element(start: &quick_xml::events::BytesStart<'_>) -> Result<Element, RefiError> {
    let mut el = Element {
        name: local(start.name().as_ref()),
        ..Element::default()
    };
    for attr in start.attributes() {
        let attr = attr.map_err(xml_error)?;
        let key = attr.key.as_ref().to_owned();
        if key == "xmlns" || key.starts_with("xmlns:") {
            el.attrs.push((key, attr.value.into_owned()));
            continue;
        }
        let value = attr
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(xml_error)?;
        el.attrs.push((local(&key), value.into_owned()));
    }
    Ok(el)
}

/// Parses a whole document into its root element.
pub fn parse(text: &str) -> Result<Element, RefiError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let mut stack: Vec<Element> = Vec::new();
    let mut count = 0usize;
    let mut root = None;
    let push_text = |stack: &mut Vec<Element>, s: &str| {
        if let Some(top) = stack.last_mut() {
            top.text.push_str(s);
        }
    };
    loop {
        let event = reader
            .read_event()
            .map_err(|e| RefiError::Xml(format!("{e} (at byte {})", reader.error_position())))?;
        match event {
            Event::DocType(_) => {
                return Err(RefiError::Xml(
                    "the file declares a document type (DTD); entities are never expanded, so it is refused".to_owned(),
                ));
            }
            Event::Start(start) => {
                count += 1;
                if stack.len() >= MAX_DEPTH || count > MAX_ELEMENTS {
                    return Err(RefiError::Limit("XML nesting or element count"));
                }
                stack.push(element(&start)?);
            }
            Event::Empty(start) => {
                count += 1;
                if count > MAX_ELEMENTS {
                    return Err(RefiError::Limit("XML element count"));
                }
                let el = element(&start)?;
                match stack.last_mut() {
                    Some(top) => top.children.push(el),
                    None => root = Some(el),
                }
            }
            Event::End(_) => {
                let el = stack.pop().ok_or_else(|| xml_error("unbalanced end tag"))?;
                match stack.last_mut() {
                    Some(top) => top.children.push(el),
                    None => root = Some(el),
                }
            }
            Event::Text(t) => push_text(&mut stack, &t.xml_content(XmlVersion::Implicit1_0)),
            Event::CData(c) => push_text(&mut stack, &c.xml_content(XmlVersion::Implicit1_0)),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref().map_err(xml_error)? {
                    Some(c) => c.to_string(),
                    None => quick_xml::escape::resolve_xml_entity(&r)
                        .ok_or_else(|| RefiError::Xml(format!("undeclared entity &{};", &*r)))?
                        .to_owned(),
                };
                push_text(&mut stack, &resolved);
            }
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
    }
    if !stack.is_empty() {
        return Err(xml_error("the document ends inside an element"));
    }
    root.ok_or_else(|| xml_error("no root element"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_tree_with_entities_and_prefixes() {
        let root = parse(
            "<?xml version=\"1.0\"?><x:P xmlns:x=\"u\" name=\"a &amp; b\"><C n=\"1\"/>t&#233;&lt;<![CDATA[&raw]]></x:P>",
        )
        .expect("parse");
        assert_eq!(root.name, "P");
        assert_eq!(root.attr("name"), Some("a & b"));
        assert_eq!(root.children.len(), 1);
        assert_eq!(root.text, "té<&raw");
    }

    #[test]
    fn refuses_dtds_unknown_entities_and_broken_trees() {
        let bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]><P>&lol2;</P>";
        assert!(matches!(parse(bomb), Err(RefiError::Xml(m)) if m.contains("DTD")));
        assert!(parse("<P>&ext;</P>").is_err());
        assert!(parse("<P><C></P>").is_err());
        assert!(parse("<P>").is_err());
        assert!(parse("").is_err());
        let deep = "<a>".repeat(300) + &"</a>".repeat(300);
        assert!(matches!(parse(&deep), Err(RefiError::Limit(_))));
    }
}
