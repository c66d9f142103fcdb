//! A guarded XML reader for the parts of DOCX, ODT and EPUB files.
//!
//! `quick-xml` streams events and never expands entities on its own; this wrapper adds the
//! policy: a document type declaration (the only place entities can be declared, the door to
//! "billion laughs") is refused outright, only the five predefined entities and character
//! references are resolved, and nesting deeper than [`MAX_DEPTH`] is refused so that a hostile
//! file cannot make a reader's bookkeeping grow without bound.

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::FormatError;

/// Deepest element nesting accepted (real office documents stay below 50).
pub const MAX_DEPTH: usize = 1_000;

/// What the format readers need from XML.
#[derive(Debug)]
pub enum Node<'a> {
    /// An opening tag, or an empty element (`empty` true; no `Close` follows).
    Open { tag: BytesStart<'a>, empty: bool },
    /// A closing tag, with its local name.
    Close(String),
    /// Character data, entities resolved.
    Text(Cow<'a, str>),
}

/// Streams [`Node`]s from an XML document with the limits above.
#[derive(Debug)]
pub struct LimitedXml<'a> {
    reader: Reader<&'a [u8]>,
    format: &'static str,
    depth: usize,
}

impl<'a> LimitedXml<'a> {
    /// Reads `xml`, a part of a `format` file (for messages).
    pub fn new(xml: &'a str, format: &'static str) -> Self {
        let reader = Reader::from_reader(xml.as_bytes());
        Self {
            reader,
            format,
            depth: 0,
        }
    }

    /// The next node, `None` at the end.
    pub fn next_node(&mut self) -> Result<Option<Node<'a>>, FormatError> {
        loop {
            let event = self
                .reader
                .read_event()
                .map_err(|e| FormatError::malformed(self.format, format!("XML: {e}")))?;
            let node = match event {
                Event::Start(tag) => {
                    self.depth += 1;
                    if self.depth > MAX_DEPTH {
                        return Err(FormatError::Limit(format!(
                            "{} markup nested more than {MAX_DEPTH} levels deep",
                            self.format
                        )));
                    }
                    Node::Open { tag, empty: false }
                }
                Event::Empty(tag) => Node::Open { tag, empty: true },
                Event::End(tag) => {
                    self.depth = self.depth.saturating_sub(1);
                    Node::Close(tag.local_name().as_ref().to_owned())
                }
                Event::Text(t) => Node::Text(t.xml10_content()),
                Event::CData(t) => Node::Text(t.into_inner()),
                Event::GeneralRef(r) => Node::Text(Cow::Owned(self.resolve(&r)?)),
                Event::DocType(_) => {
                    return Err(FormatError::Limit(format!(
                        "{} part has a document type declaration (entity declarations are not accepted)",
                        self.format
                    )));
                }
                Event::Eof => return Ok(None),
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) => continue,
            };
            return Ok(Some(node));
        }
    }

    fn resolve(&self, r: &quick_xml::events::BytesRef<'_>) -> Result<String, FormatError> {
        if let Some(c) = r
            .resolve_char_ref()
            .map_err(|e| FormatError::malformed(self.format, format!("XML: {e}")))?
        {
            return Ok(c.to_string());
        }
        let name: &str = r;
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            other => {
                return Err(FormatError::malformed(
                    self.format,
                    format!("undeclared entity &{other};"),
                ));
            }
        };
        Ok(c.to_string())
    }
}

/// The local name of a tag (`w:p` → `p`).
pub fn local(tag: &BytesStart<'_>) -> String {
    tag.local_name().as_ref().to_owned()
}

/// The full name of a tag (`w:p`).
pub fn qualified(tag: &BytesStart<'_>) -> String {
    tag.name().as_ref().to_owned()
}

/// The value of the attribute whose local name is `key`, unescaped.
pub fn attr(tag: &BytesStart<'_>, key: &str) -> Option<String> {
    tag.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == key)
            .then(|| {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .ok()
                    .map(Cow::into_owned)
            })
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(xml: &str) -> Result<String, FormatError> {
        let mut r = LimitedXml::new(xml, "test");
        let mut out = String::new();
        while let Some(n) = r.next_node()? {
            if let Node::Text(t) = n {
                out.push_str(&t);
            }
        }
        Ok(out)
    }

    #[test]
    fn predefined_and_character_references_are_resolved() {
        assert_eq!(
            texts("<a>x &amp; y &#233;&#x00E8; &lt;b&gt;</a>").expect("ok"),
            "x & y éè <b>"
        );
    }

    #[test]
    fn entity_declarations_are_refused_not_expanded() {
        let lol = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>"#;
        let e = texts(lol).expect_err("doctype");
        assert!(matches!(e, FormatError::Limit(_)), "{e}");
        assert!(matches!(
            texts("<a>&custom;</a>"),
            Err(FormatError::Malformed { .. })
        ));
    }

    #[test]
    fn deep_nesting_is_refused_without_recursion() {
        let xml = format!("{}{}", "<d>".repeat(100_000), "</d>".repeat(100_000));
        let e = texts(&xml).expect_err("deep");
        assert!(e.to_string().contains("nested"), "{e}");
    }
}
