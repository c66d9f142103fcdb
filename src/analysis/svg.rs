//! Charts as SVG files, drawn without a window: a bar chart of code frequencies, a heat map of
//! a matrix (colour by count, the count written in each cell) and a timeline of codes by year.
//!
//! Written with `quick-xml`'s `Writer`, already a dependency for the exchange formats, so text
//! from the project (code ids, titles) is escaped by the crate, not by hand, and no rendering
//! crate is needed.

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::cooccurrence::Matrix;
use crate::model::Colour;

/// One bar: label, value, colour.
pub type Bar = (String, usize, Colour);

const FONT: &str = "DejaVu Sans, Arial, sans-serif";
const MARGIN: f64 = 60.0;

type Svg = Writer<Vec<u8>>;

fn start() -> io::Result<Svg> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 1);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    Ok(w)
}

fn finish(w: Svg) -> String {
    String::from_utf8_lossy(&w.into_inner()).into_owned()
}

fn num(x: f64) -> String {
    format!("{x:.1}")
}

fn text(
    w: &mut Svg,
    x: f64,
    y: f64,
    anchor: &str,
    extra: &[(&str, &str)],
    content: &str,
) -> io::Result<()> {
    let (xs, ys) = (num(x), num(y));
    let mut el = w
        .create_element("text")
        .with_attribute(("x", xs.as_str()))
        .with_attribute(("y", ys.as_str()))
        .with_attribute(("text-anchor", anchor))
        .with_attribute(("font-family", FONT))
        .with_attribute(("font-size", "12"));
    for &attr in extra {
        el = el.with_attribute(attr);
    }
    el.write_text_content(BytesText::new(content))?;
    Ok(())
}

fn rect(w: &mut Svg, x: f64, y: f64, width: f64, height: f64, fill: &str) -> io::Result<()> {
    let (xs, ys, ws, hs) = (num(x), num(y), num(width), num(height));
    w.create_element("rect")
        .with_attribute(("x", xs.as_str()))
        .with_attribute(("y", ys.as_str()))
        .with_attribute(("width", ws.as_str()))
        .with_attribute(("height", hs.as_str()))
        .with_attribute(("fill", fill))
        .write_empty()?;
    Ok(())
}

/// Opens `<svg>` with its size, writes the title and runs `body` inside.
fn document(
    width: f64,
    height: f64,
    title: &str,
    body: impl FnOnce(&mut Svg) -> io::Result<()>,
) -> io::Result<String> {
    let mut w = start()?;
    let (ws, hs) = (num(width), num(height));
    let view = format!("0 0 {ws} {hs}");
    w.create_element("svg")
        .with_attribute(("xmlns", "http://www.w3.org/2000/svg"))
        .with_attribute(("width", ws.as_str()))
        .with_attribute(("height", hs.as_str()))
        .with_attribute(("viewBox", view.as_str()))
        .write_inner_content(|w| {
            rect(w, 0.0, 0.0, width, height, "#ffffff")?;
            w.create_element("title")
                .write_text_content(BytesText::new(title))?;
            text(
                w,
                width / 2.0,
                20.0,
                "middle",
                &[("font-weight", "bold")],
                title,
            )?;
            body(w)
        })?;
    Ok(finish(w))
}

/// A vertical bar chart, one bar per entry, labels turned under the axis.
pub fn bar_chart(title: &str, bars: &[Bar]) -> io::Result<String> {
    let slot = 28.0;
    let plot_h = 260.0;
    let width = MARGIN * 2.0 + slot * bars.len().max(1) as f64;
    let height = plot_h + 170.0;
    let max = bars.iter().map(|b| b.1).max().unwrap_or(0).max(1) as f64;
    document(width, height, title, |w| {
        let base = 40.0 + plot_h;
        rect(w, MARGIN, base, slot * bars.len() as f64, 1.0, "#333333")?;
        text(w, MARGIN - 6.0, base + 4.0, "end", &[], "0")?;
        text(w, MARGIN - 6.0, 44.0, "end", &[], &format!("{max}"))?;
        for (i, (label, value, colour)) in bars.iter().enumerate() {
            let h = plot_h * (*value as f64) / max;
            let x = MARGIN + slot * i as f64;
            rect(w, x + 4.0, base - h, slot - 8.0, h, &colour.to_string())?;
            text(
                w,
                x + slot / 2.0,
                base - h - 4.0,
                "middle",
                &[],
                &value.to_string(),
            )?;
            let (lx, ly) = (x + slot / 2.0, base + 12.0);
            let rotate = format!("rotate(60 {} {})", num(lx), num(ly));
            text(w, lx, ly, "start", &[("transform", rotate.as_str())], label)?;
        }
        Ok(())
    })
}

/// The fill of a heat-map cell: grey for zero, then light to dark blue up to `max`.
#[must_use]
pub fn heat_colour(value: usize, max: usize) -> Colour {
    if value == 0 || max == 0 {
        return Colour {
            r: 0x5f,
            g: 0x63,
            b: 0x68,
        };
    }
    let t = (value as f64 / max as f64).clamp(0.0, 1.0);
    let mix = |a: u8, b: u8| -> u8 {
        let v = f64::from(a) + (f64::from(b) - f64::from(a)) * t;
        // In 0..=255 by construction.
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "clamped to 0..=255"
        )]
        let byte = v.round().clamp(0.0, 255.0) as u8;
        byte
    };
    Colour {
        r: mix(0x4a, 0x08),
        g: mix(0x90, 0x30),
        b: mix(0xc2, 0x6b),
    }
}

/// A heat map of a matrix: rows top to bottom, columns left to right, the count in each cell,
/// the counting rule under it.
pub fn heatmap(title: &str, m: &Matrix) -> io::Result<String> {
    let cell = 44.0;
    let left = 140.0;
    let top = 150.0;
    let width = left + cell * m.cols.len().max(1) as f64 + 40.0;
    let height = top + cell * m.rows.len().max(1) as f64 + 60.0;
    let max = m.max();
    document(width, height, title, |w| {
        for (c, col) in m.cols.iter().enumerate() {
            let (lx, ly) = (left + cell * c as f64 + cell / 2.0, top - 8.0);
            let rotate = format!("rotate(-60 {} {})", num(lx), num(ly));
            text(w, lx, ly, "start", &[("transform", rotate.as_str())], col)?;
        }
        for (r, (row, cells)) in m.rows.iter().zip(&m.cells).enumerate() {
            let y = top + cell * r as f64;
            text(
                w,
                left - 8.0,
                y + cell / 2.0 + 4.0,
                "end",
                &[],
                row.as_str(),
            )?;
            for (c, value) in cells.iter().enumerate() {
                let x = left + cell * c as f64;
                rect(
                    w,
                    x + 1.0,
                    y + 1.0,
                    cell - 2.0,
                    cell - 2.0,
                    &heat_colour(*value, max).to_string(),
                )?;
                text(
                    w,
                    x + cell / 2.0,
                    y + cell / 2.0 + 4.0,
                    "middle",
                    &[("fill", "#ffffff")],
                    &value.to_string(),
                )?;
            }
        }
        let note_y = top + cell * m.rows.len() as f64 + 24.0;
        text(
            w,
            10.0,
            note_y,
            "start",
            &[("font-size", "10")],
            &format!("rule: {}", m.rule),
        )
    })
}

/// Lines of counts per year, one per row of the matrix (rows: codes, columns: years).
pub fn timeline(title: &str, m: &Matrix, colours: &[Colour]) -> io::Result<String> {
    let step = 80.0;
    let plot_h = 240.0;
    let width = MARGIN * 2.0 + step * m.cols.len().max(1) as f64 + 160.0;
    let height = plot_h + 120.0;
    let max = m.max().max(1) as f64;
    let base = 40.0 + plot_h;
    let x_of = |c: usize| MARGIN + step * c as f64 + step / 2.0;
    let y_of = |v: usize| base - plot_h * v as f64 / max;
    document(width, height, title, |w| {
        rect(w, MARGIN, base, step * m.cols.len() as f64, 1.0, "#333333")?;
        text(w, MARGIN - 6.0, base + 4.0, "end", &[], "0")?;
        text(w, MARGIN - 6.0, 44.0, "end", &[], &format!("{}", m.max()))?;
        for (c, year) in m.cols.iter().enumerate() {
            text(w, x_of(c), base + 18.0, "middle", &[], year)?;
        }
        let legend_x = MARGIN + step * m.cols.len() as f64 + 20.0;
        for (r, (code, cells)) in m.rows.iter().zip(&m.cells).enumerate() {
            let colour = colours
                .get(r)
                .map_or_else(|| "#333333".to_owned(), ToString::to_string);
            let points: Vec<String> = cells
                .iter()
                .enumerate()
                .map(|(c, v)| format!("{},{}", num(x_of(c)), num(y_of(*v))))
                .collect();
            let joined = points.join(" ");
            w.create_element("polyline")
                .with_attribute(("points", joined.as_str()))
                .with_attribute(("fill", "none"))
                .with_attribute(("stroke", colour.as_str()))
                .with_attribute(("stroke-width", "2"))
                .write_empty()?;
            for (c, v) in cells.iter().enumerate() {
                let (cx, cy) = (num(x_of(c)), num(y_of(*v)));
                w.create_element("circle")
                    .with_attribute(("cx", cx.as_str()))
                    .with_attribute(("cy", cy.as_str()))
                    .with_attribute(("r", "3"))
                    .with_attribute(("fill", colour.as_str()))
                    .write_empty()?;
            }
            let ly = 50.0 + 16.0 * r as f64;
            rect(w, legend_x, ly - 9.0, 10.0, 10.0, &colour)?;
            text(w, legend_x + 14.0, ly, "start", &[], code.as_str())?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::cooccurrence::Rule;
    use crate::analysis::fixture::{code, small};
    use crate::analysis::matrix::principle_actor;
    use quick_xml::Reader;
    use quick_xml::events::Event;

    /// Parses the SVG with quick-xml: well-formed, with the texts it contains.
    fn texts(svg: &str) -> Vec<String> {
        let mut reader = Reader::from_str(svg);
        let mut out = Vec::new();
        loop {
            match reader.read_event().unwrap() {
                Event::Text(t) => out.push(t.html_content().into_owned()),
                Event::Eof => break,
                _ => {}
            }
        }
        out
    }

    #[test]
    fn bar_chart_escapes_labels_and_writes_values() {
        let red = Colour { r: 255, g: 0, b: 0 };
        let svg = bar_chart(
            "Codes <&>",
            &[("pc.8".into(), 3, red), ("a&b".into(), 0, red)],
        )
        .unwrap();
        assert!(svg.contains("Codes &lt;&amp;&gt;"));
        let t = texts(&svg);
        assert!(t.contains(&"pc.8".to_owned()) && t.contains(&"3".to_owned()));
        assert!(svg.contains("fill=\"#ff0000\""));
    }

    #[test]
    fn heatmap_writes_every_cell() {
        let m = principle_actor(&small(), Rule::Overlap);
        let svg = heatmap("Principle × actor", &m).unwrap();
        let cells = texts(&svg)
            .iter()
            .filter(|t| t.parse::<usize>().is_ok())
            .count();
        assert_eq!(cells, 9 * 7);
        assert!(svg.contains("rule: overlap"));
        assert_eq!(
            heat_colour(0, 5),
            Colour {
                r: 0x5f,
                g: 0x63,
                b: 0x68
            }
        );
        assert_eq!(
            heat_colour(5, 5),
            Colour {
                r: 0x08,
                g: 0x30,
                b: 0x6b
            }
        );
    }

    #[test]
    fn timeline_has_a_line_per_code() {
        let m = crate::analysis::timeline::timeline(&small(), &[code("pc.8"), code("actor.state")]);
        let svg = timeline("By year", &m, &[]).unwrap();
        assert_eq!(svg.matches("<polyline").count(), 2);
        assert!(texts(&svg).contains(&"2019".to_owned()));
    }
}
