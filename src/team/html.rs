//! The seminar report as one self-contained HTML page (styles inline, no script, no external
//! file): the teacher can email it or put it on a course page.
//!
//! Written with `quick-xml`'s writer, which escapes every text and attribute.

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesText, Event};

use crate::analysis::agreement::Measures;
use crate::model::{CoderId, DocId, Project};

use super::lanes;
use super::seminar::{Passage, SeminarReport};

/// The page's stylesheet: lanes are stacked inset shadows under each piece of text.
const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;\
padding:0 1rem;color:#222}table{border-collapse:collapse;margin:.5rem 0}\
td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:right}td:first-child,th:first-child\
{text-align:left}.text{white-space:pre-wrap;line-height:2.6;font-size:1.05rem}\
.d{background:#fff3c4}.legend span{display:inline-block;margin-right:1rem}\
.swatch{display:inline-block;width:2rem;height:.5rem;vertical-align:middle;margin-right:.3rem}\
blockquote{margin:.2rem 0 .6rem 1rem;color:#444}.muted{color:#777}";

/// Height of one lane, in pixels.
const LANE_PX: usize = 4;

type W = Writer<Vec<u8>>;

fn text(w: &mut W, s: &str) -> io::Result<()> {
    w.write_event(Event::Text(BytesText::new(s)))
}

fn element(w: &mut W, name: &str, content: &str) -> io::Result<()> {
    w.create_element(name)
        .write_text_content(BytesText::new(content))?;
    Ok(())
}

fn num(x: Option<f64>) -> String {
    x.map_or_else(|| "undefined".to_owned(), |v| format!("{v:.3}"))
}

fn pct(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_owned(), |v| format!("{v:.1} %"))
}

/// Renders the report. `generated` is a line saying when and by what (kept out of the
/// library's clock-free core).
pub fn render(project: &Project, report: &SeminarReport, generated: &str) -> io::Result<String> {
    let title = format!("Seminar report: {}", project.meta().name);
    let bytes = crate::export::html::page("en", &title, STYLE, |w| {
        element(w, "h1", &title)?;
        w.create_element("p")
            .with_attribute(("class", "muted"))
            .write_text_content(BytesText::new(&format!(
                "Reference coder: {}. Unit: {}. {generated}",
                report.reference,
                report.unit.name()
            )))?;
        summary(w, report)?;
        for s in &report.students {
            student(w, project, report, s)?;
        }
        texts(w, project, report)
    })?;
    String::from_utf8(bytes).map_err(io::Error::other)
}

fn row(w: &mut W, cells: &[String], header: bool) -> io::Result<()> {
    let tag = if header { "th" } else { "td" };
    w.create_element("tr").write_inner_content(|w| {
        for c in cells {
            element(w, tag, c)?;
        }
        Ok(())
    })?;
    Ok(())
}

fn kappa(m: &Measures) -> Option<f64> {
    m.kappa.values().next().copied().flatten()
}

fn summary(w: &mut W, report: &SeminarReport) -> io::Result<()> {
    element(w, "h2", "Students")?;
    w.create_element("table").write_inner_content(|w| {
        row(
            w,
            &[
                "student",
                "documents",
                "α",
                "αu",
                "κ",
                "% all",
                "% coded",
                "missed",
                "extra",
            ]
            .map(str::to_owned),
            true,
        )?;
        for s in &report.students {
            let cells = match &s.agreement {
                Some(a) => vec![
                    s.student.to_string(),
                    a.documents.len().to_string(),
                    num(a.pooled.alpha),
                    num(a.pooled.alpha_u),
                    num(kappa(&a.pooled)),
                    pct(a.pooled.percent_all),
                    pct(a.pooled.percent_coded),
                    s.missed.len().to_string(),
                    s.extra.len().to_string(),
                ],
                None => vec![s.student.to_string(), s.problem.clone().unwrap_or_default()],
            };
            row(w, &cells, false)?;
        }
        Ok(())
    })?;
    Ok(())
}

fn passages(w: &mut W, project: &Project, heading: &str, list: &[Passage]) -> io::Result<()> {
    element(w, "h4", &format!("{heading} ({})", list.len()))?;
    if list.is_empty() {
        return element(w, "p", "none");
    }
    w.create_element("ul").write_inner_content(|w| {
        for p in list {
            let label = project.codebook().code(&p.code).map_or_else(
                || p.code.to_string(),
                |c| format!("{} {}", p.code, c.label.en),
            );
            w.create_element("li").write_inner_content(|w| {
                element(w, "strong", &label)?;
                text(w, &format!(" — {} [{}, {}) ", p.doc, p.start, p.end))?;
                element(w, "blockquote", &p.quote)
            })?;
        }
        Ok(())
    })?;
    Ok(())
}

fn student(
    w: &mut W,
    project: &Project,
    report: &SeminarReport,
    s: &super::seminar::StudentReport,
) -> io::Result<()> {
    element(
        w,
        "h2",
        &format!("{} against {}", s.student, report.reference),
    )?;
    let Some(a) = &s.agreement else {
        return element(w, "p", s.problem.as_deref().unwrap_or_default());
    };
    let docs: Vec<String> = a.documents.iter().map(ToString::to_string).collect();
    element(
        w,
        "p",
        &format!(
            "Documents: {}. {} {} unit(s) per code, {} codes compared: {} (unit, code) pairs pooled.",
            docs.join(", "),
            a.per_code.values().next().map_or(0, |m| m.units),
            a.unit.name(),
            a.codes.len(),
            a.pooled.units,
        ),
    )?;
    w.create_element("table").write_inner_content(|w| {
        row(
            w,
            &["code", "units coded", "α", "αu", "κ", "% all", "% coded"].map(str::to_owned),
            true,
        )?;
        let rows = a
            .codes
            .iter()
            .filter_map(|c| a.per_code.get(c).map(|m| (c.to_string(), m)))
            .chain(std::iter::once(("pooled".to_owned(), &a.pooled)));
        for (code, m) in rows {
            row(
                w,
                &[
                    code,
                    m.units_coded.to_string(),
                    num(m.alpha),
                    num(m.alpha_u),
                    num(kappa(m)),
                    pct(m.percent_all),
                    pct(m.percent_coded),
                ],
                false,
            )?;
        }
        Ok(())
    })?;
    passages(
        w,
        project,
        "Missed (coded by the reference only)",
        &s.missed,
    )?;
    passages(w, project, "Extra (coded by the student only)", &s.extra)
}

/// Every compared document once, with one lane per coder (reference first).
fn texts(w: &mut W, project: &Project, report: &SeminarReport) -> io::Result<()> {
    let mut coders: Vec<CoderId> = vec![report.reference.clone()];
    coders.extend(report.students.iter().map(|s| s.student.clone()));
    let mut docs: Vec<DocId> = report
        .students
        .iter()
        .filter_map(|s| s.agreement.as_ref())
        .flat_map(|a| a.documents.iter().cloned())
        .collect();
    docs.sort();
    docs.dedup();
    element(w, "h2", "Texts")?;
    element(
        w,
        "p",
        "Under each line, one lane per coder from the bottom up, in the colour of the code: \
         yellow background where the coders differ. Hover a passage to read the codes.",
    )?;
    w.create_element("p")
        .with_attribute(("class", "legend"))
        .write_inner_content(|w| {
            for (i, c) in coders.iter().enumerate() {
                element(w, "span", &format!("lane {}: {c}", i + 1))?;
            }
            Ok(())
        })?;
    for id in docs {
        let Some(doc) = project.document(&id) else {
            continue;
        };
        element(w, "h3", &format!("{} — {}", id, doc.meta().title))?;
        let pad = format!("padding-bottom:{}px", LANE_PX * coders.len());
        w.create_element("div")
            .with_attribute(("class", "text"))
            .write_inner_content(|w| {
                for seg in lanes::segments(project, doc, &coders) {
                    let piece = crate::model::CharSpan::new(seg.start, seg.end)
                        .ok()
                        .and_then(|s| doc.slice(s).ok())
                        .unwrap_or_default();
                    if seg.codes.iter().all(Vec::is_empty) {
                        text(w, piece)?;
                        continue;
                    }
                    let shadows: Vec<String> = seg
                        .codes
                        .iter()
                        .enumerate()
                        .map(|(i, codes)| {
                            let colour = codes
                                .first()
                                .and_then(|c| project.codebook().code(c))
                                .map_or_else(|| "#ffffff".to_owned(), |c| c.colour.to_string());
                            format!("inset 0 -{}px 0 {colour}", LANE_PX * (i + 1))
                        })
                        .collect();
                    let tip: Vec<String> = coders
                        .iter()
                        .zip(&seg.codes)
                        .map(|(c, codes)| {
                            let list: Vec<String> = codes.iter().map(ToString::to_string).collect();
                            format!(
                                "{c}: {}",
                                if list.is_empty() {
                                    "–".to_owned()
                                } else {
                                    list.join(", ")
                                }
                            )
                        })
                        .collect();
                    let mut el = w
                        .create_element("span")
                        .with_attribute((
                            "style",
                            format!("box-shadow:{};{pad}", shadows.join(",")).as_str(),
                        ))
                        .with_attribute(("title", tip.join(" | ").as_str()));
                    if seg.disagrees() {
                        el = el.with_attribute(("class", "d"));
                    }
                    el.write_text_content(BytesText::new(piece))?;
                }
                Ok(())
            })?;
    }
    Ok(())
}
