//! Word list numbers. Word does not write « 1. », « a) » or « • » into the text of a numbered
//! paragraph: it generates them from `word/numbering.xml`. Resolutions and declarations are cited
//! by these numbers, so they are rebuilt here: each paragraph's `w:numPr` (list and level) gives
//! a label from the level's format (`decimal`, `lowerLetter`, `upperRoman`, `bullet`…) and text
//! (`%1.%2.`), with counters that run on through a list and restart the deeper levels.
//! Numbering attached to paragraph styles (numbered headings) is not rebuilt.

use std::collections::HashMap;

use super::FormatError;
use super::xml_limits::{LimitedXml, Node, attr, local};

const FORMAT: &str = "DOCX";

/// Levels a Word list can have.
const LEVELS: usize = 9;

/// How one level of a list is numbered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

/// The lists of a document, and their counters while its paragraphs are read.
#[derive(Debug, Default)]
pub struct Numbering {
    /// Abstract list id → its levels.
    abstracts: HashMap<String, Vec<Level>>,
    /// List (`w:numId`) → abstract list id and the levels whose start it overrides.
    nums: HashMap<String, (String, Vec<(usize, u32)>)>,
    /// Counters per abstract list (Word continues a list across the `w:num`s that share it).
    counters: HashMap<String, [u32; LEVELS]>,
    /// Lists whose start overrides were applied already.
    started: std::collections::HashSet<String>,
}

impl Numbering {
    /// Reads `word/numbering.xml`.
    pub fn parse(xml: &str) -> Result<Self, FormatError> {
        let mut n = Self::default();
        let mut r = LimitedXml::new(xml, FORMAT);
        let mut abstract_id: Option<String> = None;
        let mut level: Option<usize> = None;
        let mut num_id: Option<String> = None;
        let mut override_level: Option<usize> = None;
        while let Some(node) = r.next_node()? {
            match node {
                Node::Open { tag, empty } => {
                    let name = local(&tag);
                    let val = attr(&tag, "val");
                    match name.as_str() {
                        "abstractNum" if !empty => {
                            abstract_id = attr(&tag, "abstractNumId");
                            if let Some(id) = &abstract_id {
                                n.abstracts
                                    .entry(id.clone())
                                    .or_insert_with(|| vec![Level::default(); LEVELS]);
                            }
                        }
                        "lvl" if !empty && abstract_id.is_some() => {
                            level = ilvl(&tag);
                        }
                        "start" | "numFmt" | "lvlText" => {
                            let (Some(id), Some(l), Some(v)) = (&abstract_id, level, val) else {
                                continue;
                            };
                            let Some(lvl) = n.abstracts.get_mut(id).and_then(|ls| ls.get_mut(l))
                            else {
                                continue;
                            };
                            match name.as_str() {
                                "start" => lvl.start = v.parse().unwrap_or(1),
                                "numFmt" => lvl.format = v,
                                _ => lvl.text = v,
                            }
                        }
                        "num" if !empty => num_id = attr(&tag, "numId"),
                        "abstractNumId" => {
                            if let (Some(id), Some(v)) = (&num_id, val) {
                                n.nums.entry(id.clone()).or_default().0 = v;
                            }
                        }
                        "lvlOverride" if !empty => override_level = ilvl(&tag),
                        "startOverride" => {
                            if let (Some(id), Some(l), Some(v)) = (&num_id, override_level, val) {
                                let start = v.parse().unwrap_or(1);
                                n.nums.entry(id.clone()).or_default().1.push((l, start));
                            }
                        }
                        _ => {}
                    }
                }
                Node::Close(name) => match name.as_str() {
                    "abstractNum" => abstract_id = None,
                    "lvl" => level = None,
                    "num" => num_id = None,
                    "lvlOverride" => override_level = None,
                    _ => {}
                },
                Node::Text(_) => {}
            }
        }
        Ok(n)
    }

    /// The label of the next paragraph of list `num_id` at `level`, counting it; `None` for a
    /// list that does not exist or a level numbered `none`.
    pub fn label(&mut self, num_id: &str, level: usize) -> Option<String> {
        let (abstract_id, overrides) = self.nums.get(num_id)?.clone();
        let levels = self.abstracts.get(&abstract_id)?;
        let this = levels.get(level)?;
        if this.format == "none" {
            return None;
        }
        let counters = self
            .counters
            .entry(abstract_id.clone())
            .or_insert_with(|| std::array::from_fn(|l| levels[l].start.saturating_sub(1)));
        if !overrides.is_empty() && self.started.insert(num_id.to_owned()) {
            for (l, start) in overrides {
                if let Some(c) = counters.get_mut(l) {
                    *c = start.saturating_sub(1);
                }
            }
        }
        counters[level] = counters[level].saturating_add(1);
        for deeper in level + 1..LEVELS {
            counters[deeper] = levels[deeper].start.saturating_sub(1);
        }
        if this.format == "bullet" {
            return Some("•".to_owned());
        }
        // `%1.%2.`: each `%N` is level N's counter in level N's format.
        let mut label = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(d @ 1..=9)) => {
                    chars.next();
                    let l = d as usize - 1;
                    label.push_str(&format_number(counters[l], &levels[l].format));
                }
                _ => label.push(c),
            }
        }
        (!label.trim().is_empty()).then_some(label)
    }
}

/// The `w:ilvl` attribute of a `w:lvl` or `w:lvlOverride`, when it is a level.
fn ilvl(tag: &quick_xml::events::BytesStart<'_>) -> Option<usize> {
    attr(tag, "ilvl")
        .and_then(|v| v.parse().ok())
        .filter(|&l| l < LEVELS)
}

/// A counter in a Word number format; formats not handled here are written as decimals.
fn format_number(n: u32, format: &str) -> String {
    match format {
        "lowerLetter" => letters(n).to_lowercase(),
        "upperLetter" => letters(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        "decimalZero" if n < 10 => format!("0{n}"),
        _ => n.to_string(),
    }
}

/// 1 → A, 26 → Z, 27 → AA, 28 → BB (Word repeats the letter); beyond ZZZZZZZZZZ (260), and
/// for 0, decimals — a hostile start value must not make a label of millions of letters.
pub(super) fn letters(n: u32) -> String {
    if n == 0 || n > 260 {
        return n.to_string();
    }
    let letter = char::from(b'A' + u8::try_from((n - 1) % 26).unwrap_or(0));
    std::iter::repeat_n(letter, (n as usize - 1) / 26 + 1).collect()
}

/// Roman numerals up to 3999, decimals beyond.
pub(super) fn roman(n: u32) -> String {
    if n == 0 || n > 3999 {
        return n.to_string();
    }
    let mut n = n;
    let mut out = String::new();
    for (value, digits) in [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<w:numbering xmlns:w="w">
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%1.%2.%3"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>
</w:numbering>"#;

    #[test]
    fn labels_count_on_and_restart_deeper_levels() {
        let mut n = Numbering::parse(XML).expect("numbering");
        let got: Vec<Option<String>> = [
            ("1", 0),
            ("1", 1),
            ("1", 1),
            ("1", 2),
            ("1", 0),
            ("1", 1),
            ("2", 0),
            ("3", 0),
            ("3", 0),
            ("9", 0),
        ]
        .iter()
        .map(|(id, l)| n.label(id, *l))
        .collect();
        let want = [
            Some("1."),
            Some("a)"),
            Some("b)"),
            Some("1.b.i"),
            Some("2."),
            Some("a)"),
            Some("•"),
            Some("7."),
            Some("8."),
            None,
        ];
        assert_eq!(got, want.map(|w| w.map(str::to_owned)));
    }

    #[test]
    fn letters_and_roman_numerals() {
        assert_eq!(letters(1), "A");
        assert_eq!(letters(27), "AA");
        assert_eq!(letters(u32::MAX), u32::MAX.to_string());
        assert_eq!(roman(1994), "MCMXCIV");
        assert_eq!(format_number(4, "lowerRoman"), "iv");
        assert_eq!(format_number(3, "decimalZero"), "03");
    }
}
