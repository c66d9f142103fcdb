//! REFI-QDA 1.5: the project (`.qdpx`, a zip of `project.qde` and `sources/<guid>.txt`) and the
//! codebook alone (`.qdc`), written with quick-xml's `Writer` so that every name and text is
//! escaped by the XML library.
//!
//! Mapping (the traps are in `../shared/reference/refi-qda/README.md`):
//! - coders → `Users/User` (`name` the display name, `id` the coder id);
//! - code groups → top-level folder codes (`isCodable="false"`), codes nested under their group
//!   and under their parent; a code's English label → `name`, its English definition →
//!   `Description`, its colour → `color`;
//! - documents → `TextSource` with `plainTextPath="internal://<guid>.txt"` (the UTF-8, LF, BOM-less
//!   text the offsets are counted on), metadata and attributes → text `Variables` and
//!   `VariableValue`s;
//! - each annotation → one `PlainTextSelection` (positions in code points, end exclusive; the quote
//!   in `name`) with one `Coding` per code, and its memo → a `Note` referenced by `NoteRef`.
//!
//! Not carried by the standard: French labels and definitions, shortcuts, aliases, code source
//! wording, document kind semantics (kept as text variables). GUIDs are stable ([`Guids`]).

use std::io::Write as _;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use crate::model::{Code, Document};

use super::{Coding, ExportError, Guids, Options, Output, View, timestamp};

type Xml = Writer<Vec<u8>>;
type XmlResult = std::io::Result<()>;

pub const PROJECT_NS: &str = "urn:QDA-XML:project:1.0";
pub const CODEBOOK_NS: &str = "urn:QDA-XML:codebook:1.0";

/// Names of the metadata fields exported as variables, in this order; attributes follow.
pub const META_VARIABLES: [&str; 6] = [
    "language",
    "date",
    "author",
    "institution",
    "kind",
    "origin",
];

/// Prefix of an attribute whose name collides with a metadata field.
pub const ATTRIBUTE_PREFIX: &str = "attribute:";

fn xml() -> Result<Xml, ExportError> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))?;
    Ok(w)
}

/// The variables of one document: (variable name, value), non-empty values only.
pub fn variables_of(doc: &Document) -> Vec<(String, String)> {
    let meta = doc.meta();
    let mut out: Vec<(String, String)> = [
        ("language", meta.language.clone()),
        ("date", meta.date.map(|d| d.to_string())),
        ("author", meta.author.clone()),
        ("institution", meta.institution.clone()),
        ("kind", meta.kind.map(|k| k.name().to_owned())),
        ("origin", meta.origin.clone()),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.filter(|v| !v.is_empty()).map(|v| (k.to_owned(), v)))
    .collect();
    for (key, value) in &meta.attributes {
        let name = if META_VARIABLES.contains(&key.as_str()) || key.starts_with(ATTRIBUTE_PREFIX) {
            format!("{ATTRIBUTE_PREFIX}{key}")
        } else {
            key.clone()
        };
        out.push((name, value.clone()));
    }
    out
}

/// Writes a code and, nested, the kept codes whose parent it is.
fn write_code(w: &mut Xml, view: &View<'_>, guids: Guids, code: &Code) -> XmlResult {
    let guid = guids.code(&code.id);
    let colour = code.colour.to_string();
    let children: Vec<&Code> = view
        .codes
        .iter()
        .filter(|c| c.parent.as_ref() == Some(&code.id))
        .copied()
        .collect();
    let el = w.create_element("Code").with_attributes([
        ("guid", guid.as_str()),
        ("name", code.label.en.as_str()),
        ("isCodable", "true"),
        ("color", colour.as_str()),
    ]);
    if code.definition.en.is_empty() && children.is_empty() {
        el.write_empty()?;
        return Ok(());
    }
    el.write_inner_content(|w| {
        if !code.definition.en.is_empty() {
            w.create_element("Description")
                .write_text_content(BytesText::new(&code.definition.en))?;
        }
        for child in &children {
            write_code(w, view, guids, child)?;
        }
        Ok(())
    })?;
    Ok(())
}

/// The `Codes` element: groups as folders, codes below.
fn write_codes(w: &mut Xml, view: &View<'_>, guids: Guids) -> XmlResult {
    w.create_element("Codes").write_inner_content(|w| {
        for group in &view.groups {
            let guid = guids.group(&group.id);
            w.create_element("Code")
                .with_attributes([
                    ("guid", guid.as_str()),
                    ("name", group.label.en.as_str()),
                    ("isCodable", "false"),
                ])
                .write_inner_content(|w| {
                    if !group.source.is_empty() {
                        w.create_element("Description")
                            .write_text_content(BytesText::new(&group.source))?;
                    }
                    for code in view.codes.iter().filter(|c| {
                        c.group == group.id && c.parent.as_ref().is_none_or(|p| !view.has_code(p))
                    }) {
                        write_code(w, view, guids, code)?;
                    }
                    Ok(())
                })?;
        }
        Ok(())
    })?;
    Ok(())
}

/// `project.qde`.
pub fn project_qde(view: &View<'_>, options: &Options) -> Result<Vec<u8>, ExportError> {
    let guids = Guids::new(view.project);
    let meta = view.project.meta();
    let created = timestamp(meta.created);
    let mut w = xml()?;
    let schema =
        format!("{PROJECT_NS} http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd");
    // Variables: metadata fields first, then attributes, each once.
    let mut variables: Vec<String> = Vec::new();
    for doc in &view.documents {
        for (name, _) in variables_of(doc) {
            if !variables.contains(&name) {
                variables.push(name);
            }
        }
    }
    let memos: Vec<_> = view
        .codings
        .iter()
        .filter(|c| !c.annotation.memo().is_empty())
        .collect();
    w.create_element("Project")
        .with_attributes([
            ("xmlns", PROJECT_NS),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", schema.as_str()),
            ("name", meta.name.as_str()),
            ("origin", options.origin.as_str()),
            ("creationDateTime", created.as_str()),
        ])
        .write_inner_content(|w| {
            if !view.coders.is_empty() {
                w.create_element("Users").write_inner_content(|w| {
                    for coder in &view.coders {
                        let guid = guids.coder(&coder.id);
                        w.create_element("User")
                            .with_attributes([
                                ("guid", guid.as_str()),
                                ("name", coder.name.as_str()),
                                ("id", coder.id.as_str()),
                            ])
                            .write_empty()?;
                    }
                    Ok(())
                })?;
            }
            if !view.codes.is_empty() {
                w.create_element("CodeBook")
                    .write_inner_content(|w| write_codes(w, view, guids))?;
            }
            if !variables.is_empty() {
                w.create_element("Variables").write_inner_content(|w| {
                    for name in &variables {
                        let guid = guids.variable(name);
                        w.create_element("Variable")
                            .with_attributes([
                                ("guid", guid.as_str()),
                                ("name", name.as_str()),
                                ("typeOfVariable", "Text"),
                            ])
                            .write_empty()?;
                    }
                    Ok(())
                })?;
            }
            if !view.documents.is_empty() {
                w.create_element("Sources").write_inner_content(|w| {
                    for doc in &view.documents {
                        write_source(w, view, guids, doc)?;
                    }
                    Ok(())
                })?;
            }
            if !memos.is_empty() {
                write_notes(w, guids, &memos)?;
            }
            if !meta.description.is_empty() {
                w.create_element("Description")
                    .write_text_content(BytesText::new(&meta.description))?;
            }
            Ok(())
        })?;
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    Ok(bytes)
}

/// `Notes`: one note per memo, referenced from its selection.
fn write_notes(w: &mut Xml, guids: Guids, memos: &[&Coding<'_>]) -> XmlResult {
    w.create_element("Notes").write_inner_content(|w| {
        for coding in memos {
            let ann = coding.annotation;
            let guid = guids.memo(ann.id());
            let coder = guids.coder(ann.coder());
            let created = timestamp(ann.created());
            let modified = timestamp(ann.modified());
            let name = format!("Memo on {}", coding.document.meta().title);
            w.create_element("Note")
                .with_attributes([
                    ("guid", guid.as_str()),
                    ("name", name.as_str()),
                    ("creatingUser", coder.as_str()),
                    ("creationDateTime", created.as_str()),
                    ("modifyingUser", coder.as_str()),
                    ("modifiedDateTime", modified.as_str()),
                ])
                .write_inner_content(|w| {
                    w.create_element("PlainTextContent")
                        .write_text_content(BytesText::new(ann.memo()))?;
                    Ok(())
                })?;
        }
        Ok(())
    })?;
    Ok(())
}

fn write_source(w: &mut Xml, view: &View<'_>, guids: Guids, doc: &Document) -> XmlResult {
    let guid = guids.document(doc.id());
    let path = format!("internal://{guid}.txt");
    let vars = variables_of(doc);
    let codings: Vec<_> = view.codings_in(doc.id()).collect();
    w.create_element("TextSource")
        .with_attributes([
            ("guid", guid.as_str()),
            ("name", doc.meta().title.as_str()),
            ("plainTextPath", path.as_str()),
        ])
        .write_inner_content(|w| {
            for coding in &codings {
                let ann = coding.annotation;
                let guid = guids.annotation(ann.id());
                let coder = guids.coder(ann.coder());
                let created = timestamp(ann.created());
                let modified = timestamp(ann.modified());
                let start = ann.span().start().to_string();
                let end = ann.span().end().to_string();
                w.create_element("PlainTextSelection")
                    .with_attributes([
                        ("guid", guid.as_str()),
                        ("name", coding.quote),
                        ("startPosition", start.as_str()),
                        ("endPosition", end.as_str()),
                        ("creatingUser", coder.as_str()),
                        ("creationDateTime", created.as_str()),
                        ("modifyingUser", coder.as_str()),
                        ("modifiedDateTime", modified.as_str()),
                    ])
                    .write_inner_content(|w| {
                        for code in &coding.codes {
                            let coding_guid = guids.coding(ann.id(), &code.id);
                            let code_guid = guids.code(&code.id);
                            w.create_element("Coding")
                                .with_attributes([
                                    ("guid", coding_guid.as_str()),
                                    ("creatingUser", coder.as_str()),
                                    ("creationDateTime", created.as_str()),
                                ])
                                .write_inner_content(|w| {
                                    w.create_element("CodeRef")
                                        .with_attribute(("targetGUID", code_guid.as_str()))
                                        .write_empty()?;
                                    Ok(())
                                })?;
                        }
                        if !ann.memo().is_empty() {
                            let note = guids.memo(ann.id());
                            w.create_element("NoteRef")
                                .with_attribute(("targetGUID", note.as_str()))
                                .write_empty()?;
                        }
                        Ok(())
                    })?;
            }
            for (name, value) in &vars {
                let var = guids.variable(name);
                w.create_element("VariableValue").write_inner_content(|w| {
                    w.create_element("VariableRef")
                        .with_attribute(("targetGUID", var.as_str()))
                        .write_empty()?;
                    w.create_element("TextValue")
                        .write_text_content(BytesText::new(value))?;
                    Ok(())
                })?;
            }
            Ok(())
        })?;
    Ok(())
}

/// The `.qdpx` archive: `project.qde` and `sources/<document guid>.txt`, deflated, with fixed
/// timestamps so that the same project gives the same bytes.
pub fn write_qdpx(view: &View<'_>, options: &Options) -> Result<Output, ExportError> {
    let guids = Guids::new(view.project);
    let qde = project_qde(view, options)?;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let file_options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("project.qde", file_options)?;
    zip.write_all(&qde)?;
    zip.add_directory("sources/", file_options)?;
    for doc in &view.documents {
        zip.start_file(
            format!("sources/{}.txt", guids.document(doc.id())),
            file_options,
        )?;
        zip.write_all(doc.text().as_bytes())?;
    }
    Ok(Output::File(zip.finish()?.into_inner()))
}

/// The `.qdc` codebook.
pub fn write_qdc(view: &View<'_>, options: &Options) -> Result<Output, ExportError> {
    if view.codes.is_empty() {
        return Err(ExportError::Empty("code"));
    }
    let guids = Guids::new(view.project);
    let mut w = xml()?;
    let schema =
        format!("{CODEBOOK_NS} http://schema.qdasoftware.org/versions/Codebook/v1.0/Codebook.xsd");
    w.create_element("CodeBook")
        .with_attributes([
            ("xmlns", CODEBOOK_NS),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", schema.as_str()),
            ("origin", options.origin.as_str()),
        ])
        .write_inner_content(|w| write_codes(w, view, guids))?;
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    Ok(Output::File(bytes))
}
