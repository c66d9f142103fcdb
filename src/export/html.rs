//! A self-contained HTML report: each document's text with its highlights in code colours, a
//! legend, the codebook with definitions, and counts per code — for a projector or a printer.
//!
//! No external asset (fonts, scripts, images): the page opens offline and prints as it shows.
//! Written with quick-xml's `Writer` (well-formed, every text escaped by the library); the one
//! raw piece is the constant style sheet. Overlapping annotations are cut into segments at every
//! boundary; a segment under several codes gets stripes of each colour, and its tooltip names
//! the codes, coders and memos.

use std::collections::{BTreeMap, BTreeSet};

use quick_xml::Writer;
use quick_xml::events::{BytesText, Event};

use crate::model::{Code, Colour, Document};

use super::{Coding, ExportError, Options, Output, View};

type Xml = Writer<Vec<u8>>;
type XmlResult = std::io::Result<()>;

const STYLE: &str = "
body { font-family: Georgia, 'DejaVu Serif', serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; line-height: 1.6; }
h1, h2, h3 { font-family: 'DejaVu Sans', Arial, sans-serif; }
.meta { color: #666; font-size: 0.9rem; }
.legend { display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; padding: 0; list-style: none; }
.legend code, td.code code { font-size: 0.8rem; color: #555; }
.swatch { display: inline-block; width: 1em; height: 1em; border-radius: 2px; vertical-align: middle; margin-right: 0.3em; box-sizing: border-box; border: 2px solid; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
td.code { width: 24%; }
th { font-size: 0.8rem; }
td.definition { font-size: 0.88rem; color: #333; }
th.n, td.n { text-align: right; font-variant-numeric: tabular-nums; width: 1%; white-space: nowrap; }
tr.group td { font-weight: bold; background: #f4f4f4; }
.text { white-space: pre-wrap; border-left: 3px solid #eee; padding-left: 1rem; }
mark { color: inherit; border-radius: 2px; padding: 0.1em 0; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
mark[data-end]::after { content: attr(data-end); font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 0.62rem; font-weight: bold; color: #333; background: #fff; border: 1px solid #bbb; border-radius: 3px; padding: 0 0.2em; margin-left: 0.15em; vertical-align: 0.35em; white-space: nowrap; }
section.doc { page-break-before: always; margin-top: 3rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { page-break-after: avoid; }
  tr { page-break-inside: avoid; }
  tr.group { page-break-after: avoid; }
  .text { border-left: none; padding-left: 0; }
}
";

fn rgba(c: Colour, alpha: f32) -> String {
    format!("rgba({}, {}, {}, {alpha})", c.r, c.g, c.b)
}

/// A code's swatch: the highlight's own tint, edged with the full colour.
fn swatch(w: &mut Xml, code: &Code) -> XmlResult {
    let style = format!(
        "background: {}; border-color: {}",
        rgba(code.colour, HIGHLIGHT_ALPHA),
        code.colour
    );
    w.create_element("span")
        .with_attributes([("class", "swatch"), ("style", style.as_str())])
        .write_text_content(BytesText::new(""))?;
    Ok(())
}

fn text(w: &mut Xml, tag: &str, content: &str) -> XmlResult {
    w.create_element(tag)
        .write_text_content(BytesText::new(content))?;
    Ok(())
}

/// Opacity of a highlight over white: light enough to read black text through.
const HIGHLIGHT_ALPHA: f32 = 0.38;

/// The style of a segment under these codes: one colour, or hard stripes of each.
fn mark_style(colours: &[Colour]) -> String {
    match colours {
        [one] => format!("background: {}", rgba(*one, HIGHLIGHT_ALPHA)),
        many => {
            let n = many.len() as f32;
            let stops: Vec<String> = many
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let (a, b) = (i as f32 * 100.0 / n, (i + 1) as f32 * 100.0 / n);
                    format!("{} {a:.0}% {b:.0}%", rgba(*c, 0.45))
                })
                .collect();
            format!(
                "background: linear-gradient(to bottom, {})",
                stops.join(", ")
            )
        }
    }
}

fn tooltip(active: &[&Coding<'_>]) -> String {
    active
        .iter()
        .map(|c| {
            let codes: Vec<String> = c
                .codes
                .iter()
                .map(|k| format!("{} {}", k.id, k.label.en))
                .collect();
            let mut line = format!("{} — {}", codes.join(", "), c.annotation.coder());
            if !c.annotation.memo().is_empty() {
                line.push_str(" — ");
                line.push_str(c.annotation.memo());
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn write_document(w: &mut Xml, view: &View<'_>, doc: &Document) -> XmlResult {
    let codings: Vec<&Coding<'_>> = view.codings_in(doc.id()).collect();
    let len = doc.char_len();
    let mut cuts: BTreeSet<usize> = BTreeSet::from([0, len]);
    for c in &codings {
        cuts.insert(c.annotation.span().start());
        cuts.insert(c.annotation.span().end());
    }
    let cuts: Vec<usize> = cuts.into_iter().collect();
    let index = doc.index();
    w.create_element("div")
        .with_attribute(("class", "text"))
        .write_inner_content(|w| {
            for pair in cuts.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                let Some(piece) = index.slice(doc.text(), a, b) else {
                    continue;
                };
                let active: Vec<&Coding<'_>> = codings
                    .iter()
                    .filter(|c| c.annotation.span().start() <= a && b <= c.annotation.span().end())
                    .copied()
                    .collect();
                if active.is_empty() {
                    w.write_event(Event::Text(BytesText::new(piece)))?;
                    continue;
                }
                let mut colours: Vec<Colour> = Vec::new();
                for code in active.iter().flat_map(|c| c.codes.iter()) {
                    if !colours.contains(&code.colour) {
                        colours.push(code.colour);
                    }
                }
                let style = mark_style(&colours);
                let title = tooltip(&active);
                // Where annotations end, their codes are shown (by the style sheet, so that the
                // text itself stays exactly the document's): a projector and paper have no
                // tooltips.
                let mut ending: Vec<&str> = Vec::new();
                for code in active
                    .iter()
                    .filter(|c| c.annotation.span().end() == b)
                    .flat_map(|c| c.codes.iter())
                {
                    if !ending.contains(&code.id.as_str()) {
                        ending.push(code.id.as_str());
                    }
                }
                let ending = ending.join(" ");
                let mut mark = w
                    .create_element("mark")
                    .with_attributes([("style", style.as_str()), ("title", title.as_str())]);
                if !ending.is_empty() {
                    mark = mark.with_attribute(("data-end", ending.as_str()));
                }
                mark.write_text_content(BytesText::new(piece))?;
            }
            Ok(())
        })?;
    Ok(())
}

fn write_codebook(w: &mut Xml, view: &View<'_>) -> XmlResult {
    let mut uses: BTreeMap<&str, (usize, BTreeSet<&str>)> = BTreeMap::new();
    for c in &view.codings {
        for code in &c.codes {
            let e = uses.entry(code.id.as_str()).or_default();
            e.0 += 1;
            e.1.insert(c.document.id().as_str());
        }
    }
    w.create_element("table").write_inner_content(|w| {
        w.create_element("thead").write_inner_content(|w| {
            w.create_element("tr").write_inner_content(|w| {
                text(w, "th", "Code")?;
                text(w, "th", "Definition")?;
                for h in ["Annotations", "Documents"] {
                    w.create_element("th")
                        .with_attribute(("class", "n"))
                        .write_text_content(BytesText::new(h))?;
                }
                Ok(())
            })?;
            Ok(())
        })?;
        w.create_element("tbody").write_inner_content(|w| {
            for group in &view.groups {
                w.create_element("tr")
                    .with_attribute(("class", "group"))
                    .write_inner_content(|w| {
                        w.create_element("td")
                            .with_attribute(("colspan", "4"))
                            .write_text_content(BytesText::new(&group.label.en))?;
                        Ok(())
                    })?;
                let codes: Vec<&&Code> =
                    view.codes.iter().filter(|c| c.group == group.id).collect();
                for code in codes {
                    let (n, docs) = uses
                        .get(code.id.as_str())
                        .map_or((0, 0), |(n, d)| (*n, d.len()));
                    w.create_element("tr").write_inner_content(|w| {
                        w.create_element("td")
                            .with_attribute(("class", "code"))
                            .write_inner_content(|w| {
                                swatch(w, code)?;
                                w.write_event(Event::Text(BytesText::new(&code.label.en)))?;
                                w.write_event(Event::Text(BytesText::new(" ")))?;
                                text(w, "code", code.id.as_str())
                            })?;
                        w.create_element("td")
                            .with_attribute(("class", "definition"))
                            .write_text_content(BytesText::new(&code.definition.en))?;
                        w.create_element("td")
                            .with_attribute(("class", "n"))
                            .write_text_content(BytesText::new(&n.to_string()))?;
                        w.create_element("td")
                            .with_attribute(("class", "n"))
                            .write_text_content(BytesText::new(&docs.to_string()))?;
                        Ok(())
                    })?;
                }
            }
            Ok(())
        })?;
        Ok(())
    })?;
    Ok(())
}

fn write_body(w: &mut Xml, view: &View<'_>) -> XmlResult {
    let meta = view.project.meta();
    text(w, "h1", &meta.name)?;
    let coders: Vec<&str> = view.coders.iter().map(|c| c.name.as_str()).collect();
    let summary = format!(
        "{} document(s), {} annotation(s), {} code(s); coders: {}",
        view.documents.len(),
        view.codings.len(),
        view.codes.len(),
        if coders.is_empty() {
            "none".to_owned()
        } else {
            coders.join(", ")
        }
    );
    if !meta.description.is_empty() {
        text(w, "p", &meta.description)?;
    }
    w.create_element("p")
        .with_attribute(("class", "meta"))
        .write_text_content(BytesText::new(&summary))?;
    text(w, "h2", "Legend")?;
    w.create_element("ul")
        .with_attribute(("class", "legend"))
        .write_inner_content(|w| {
            for code in &view.codes {
                w.create_element("li").write_inner_content(|w| {
                    swatch(w, code)?;
                    text(w, "code", code.id.as_str())?;
                    w.write_event(Event::Text(BytesText::new(" ")))?;
                    w.write_event(Event::Text(BytesText::new(&code.label.en)))?;
                    Ok(())
                })?;
            }
            Ok(())
        })?;
    text(w, "h2", "Codebook and counts")?;
    write_codebook(w, view)?;
    for doc in &view.documents {
        let mut section = w.create_element("section").with_attribute(("class", "doc"));
        if let Some(lang) = &doc.meta().language {
            section = section.with_attribute(("lang", lang.as_str()));
        }
        section.write_inner_content(|w| {
            text(w, "h2", &doc.meta().title)?;
            let m = doc.meta();
            let mut facts = vec![doc.id().to_string()];
            facts.extend(m.date.map(|d| d.to_string()));
            facts.extend(m.author.clone());
            facts.extend(m.institution.clone());
            facts.extend(m.origin.clone());
            let n = view.codings_in(doc.id()).count();
            facts.push(format!("{n} annotation(s)"));
            w.create_element("p")
                .with_attribute(("class", "meta"))
                .write_text_content(BytesText::new(&facts.join(" · ")))?;
            write_document(w, view, doc)
        })?;
    }
    Ok(())
}

pub fn write(view: &View<'_>, _options: &Options) -> Result<Output, ExportError> {
    let mut bytes = page("en", &view.project.meta().name, STYLE, |w| {
        write_body(w, view)
    })?;
    bytes.push(b'\n');
    Ok(Output::File(bytes))
}

/// A self-contained HTML page — doctype, `<html lang>`, UTF-8, viewport, title, the style sheet
/// inline (written as is: CSS is not escaped text) — whose body `body` writes. The export report
/// and the seminar report (`team::html`) are both made with it.
pub fn page(
    lang: &str,
    title: &str,
    style: &str,
    body: impl FnOnce(&mut Xml) -> XmlResult,
) -> std::io::Result<Vec<u8>> {
    let mut w = Writer::new(Vec::new());
    w.write_event(Event::DocType(BytesText::from_escaped("html")))?;
    w.create_element("html")
        .with_attribute(("lang", lang))
        .write_inner_content(|w| {
            w.create_element("head").write_inner_content(|w| {
                w.create_element("meta")
                    .with_attribute(("charset", "utf-8"))
                    .write_empty()?;
                w.create_element("meta")
                    .with_attributes([
                        ("name", "viewport"),
                        ("content", "width=device-width, initial-scale=1"),
                    ])
                    .write_empty()?;
                text(w, "title", title)?;
                w.create_element("style")
                    .write_text_content(BytesText::from_escaped(style))?;
                Ok(())
            })?;
            w.create_element("body").write_inner_content(body)?;
            Ok(())
        })?;
    Ok(w.into_inner())
}
