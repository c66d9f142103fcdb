//! OpenDocument list numbers. As in Word, a numbered paragraph's « 1. » or « a) » is not in the
//! text: it comes from the list style (`text:list-style` in `content.xml` or `styles.xml`), each
//! level with a format (`1`, `a`, `A`, `i`, `I`), a prefix, a suffix, a start value and how many
//! upper levels to show. Counters belong to a list and its style: a new `text:list` restarts them
//! unless it says `text:continue-numbering="true"` or `text:continue-list`. Outline numbering of
//! headings is not rebuilt.

use std::collections::HashMap;

use super::FormatError;
use super::docx_numbering::{letters, roman};
use super::xml_limits::{LimitedXml, Node, attr, local};

const FORMAT: &str = "ODT";

/// Levels of an OpenDocument list.
const LEVELS: usize = 10;

/// How one level is labelled.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Label {
    Number {
        format: String,
        prefix: String,
        suffix: String,
        start: u32,
        display: usize,
    },
    Bullet(String),
}

impl Default for Label {
    fn default() -> Self {
        Self::Number {
            format: "1".to_owned(),
            prefix: String::new(),
            suffix: ".".to_owned(),
            start: 1,
            display: 1,
        }
    }
}

/// The list styles of a document.
#[derive(Debug, Default)]
pub struct ListStyles {
    styles: HashMap<String, Vec<Label>>,
}

impl ListStyles {
    /// Adds the list styles found in `content.xml` or `styles.xml`.
    pub fn read(&mut self, xml: &str) -> Result<(), FormatError> {
        let mut r = LimitedXml::new(xml, FORMAT);
        let mut style: Option<String> = None;
        while let Some(node) = r.next_node()? {
            match node {
                Node::Open { tag, empty } => match local(&tag).as_str() {
                    "list-style" if !empty => {
                        style = attr(&tag, "name");
                        if let Some(name) = &style {
                            self.styles
                                .insert(name.clone(), vec![Label::default(); LEVELS]);
                        }
                    }
                    kind @ ("list-level-style-number"
                    | "list-level-style-bullet"
                    | "list-level-style-image") => {
                        let (Some(name), Some(level)) = (
                            &style,
                            attr(&tag, "level")
                                .and_then(|l| l.parse::<usize>().ok())
                                .filter(|l| (1..=LEVELS).contains(l)),
                        ) else {
                            continue;
                        };
                        let label = if kind == "list-level-style-number" {
                            Label::Number {
                                format: attr(&tag, "num-format").unwrap_or_default(),
                                prefix: attr(&tag, "num-prefix").unwrap_or_default(),
                                suffix: attr(&tag, "num-suffix").unwrap_or_default(),
                                start: attr(&tag, "start-value")
                                    .and_then(|v| v.parse().ok())
                                    .unwrap_or(1),
                                display: attr(&tag, "display-levels")
                                    .and_then(|v| v.parse().ok())
                                    .unwrap_or(1),
                            }
                        } else {
                            let bullet = attr(&tag, "bullet-char")
                                .filter(|c| {
                                    // Symbol-font private-use characters show as boxes.
                                    c.chars().all(|c| !('\u{e000}'..='\u{f8ff}').contains(&c))
                                })
                                .unwrap_or_else(|| "•".to_owned());
                            Label::Bullet(bullet)
                        };
                        if let Some(levels) = self.styles.get_mut(name) {
                            levels[level - 1] = label;
                        }
                    }
                    _ => {}
                },
                Node::Close(name) if name == "list-style" => style = None,
                _ => {}
            }
        }
        Ok(())
    }
}

/// One open `text:list`.
#[derive(Debug)]
struct OpenList {
    /// The item whose first paragraph has not been labelled yet.
    pending: Option<String>,
}

/// Walks the lists of the body: told about `text:list`, `text:list-item`, `text:list-header`
/// and paragraphs, it gives the label to put before a list item's first paragraph.
#[derive(Debug, Default)]
pub struct ListWalker {
    styles: ListStyles,
    open: Vec<OpenList>,
    /// The style of the outermost open list (nested lists follow it unless they name their own).
    style: Option<String>,
    /// Counters per list style, kept for lists that continue the numbering.
    counters: HashMap<String, [u32; LEVELS]>,
}

impl ListWalker {
    #[must_use]
    pub fn new(styles: ListStyles) -> Self {
        Self {
            styles,
            ..Self::default()
        }
    }

    /// A `text:list` opens.
    pub fn open_list(&mut self, tag: &quick_xml::events::BytesStart<'_>) {
        if let Some(name) = attr(tag, "style-name")
            && (self.open.is_empty() || self.style.is_none())
        {
            self.style = Some(name);
        }
        if self.open.is_empty()
            && let Some(style) = &self.style
        {
            let continues = attr(tag, "continue-numbering").as_deref() == Some("true")
                || attr(tag, "continue-list").is_some();
            if !continues {
                self.counters.remove(style);
            }
        }
        self.open.push(OpenList { pending: None });
    }

    /// A `text:list` closes.
    pub fn close_list(&mut self) {
        self.open.pop();
        if self.open.is_empty() {
            self.style = None;
        }
    }

    /// A `text:list-item` (numbered) or `text:list-header` (not numbered) opens.
    pub fn open_item(&mut self, tag: &quick_xml::events::BytesStart<'_>, header: bool) {
        let level = self.open.len();
        if level == 0 || header {
            return;
        }
        let Some(style) = self.style.clone() else {
            return;
        };
        let Some(levels) = self.styles.styles.get(&style) else {
            return;
        };
        let counters = self.counters.entry(style).or_insert_with(|| {
            std::array::from_fn(|l| match &levels[l] {
                Label::Number { start, .. } => start.saturating_sub(1),
                Label::Bullet(_) => 0,
            })
        });
        let l = level.min(LEVELS) - 1;
        counters[l] = match attr(tag, "start-value").and_then(|v| v.parse::<u32>().ok()) {
            Some(start) => start,
            None => counters[l].saturating_add(1),
        };
        for deeper in l + 1..LEVELS {
            counters[deeper] = match &levels[deeper] {
                Label::Number { start, .. } => start.saturating_sub(1),
                Label::Bullet(_) => 0,
            };
        }
        let label = match &levels[l] {
            Label::Bullet(b) => Some(b.clone()),
            Label::Number {
                prefix,
                suffix,
                display,
                ..
            } => {
                let first = (l + 1).saturating_sub((*display).max(1));
                let numbers: Vec<String> = (first..=l)
                    .filter_map(|i| match &levels[i] {
                        Label::Number { format, .. } => format_number(counters[i], format),
                        Label::Bullet(_) => None,
                    })
                    .collect();
                let label = format!("{prefix}{}{suffix}", numbers.join("."));
                (!label.trim().is_empty()).then_some(label)
            }
        };
        if let Some(open) = self.open.last_mut() {
            open.pending = label;
        }
    }

    /// A paragraph or heading opens: the label of its list item, if it is the item's first.
    pub fn paragraph(&mut self) -> Option<String> {
        self.open.last_mut().and_then(|o| o.pending.take())
    }
}

/// A counter in an OpenDocument number format (`1`, `a`, `A`, `i`, `I`; empty: no number).
fn format_number(n: u32, format: &str) -> Option<String> {
    match format {
        "" => None,
        "a" => Some(letters(n).to_lowercase()),
        "A" => Some(letters(n)),
        "i" => Some(roman(n).to_lowercase()),
        "I" => Some(roman(n)),
        _ => Some(n.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_give_labels_with_levels_prefixes_and_restarts() {
        let mut styles = ListStyles::default();
        styles
            .read(r#"<office:document-styles xmlns:office="o" xmlns:text="t" xmlns:style="s"><text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/><text:list-level-style-number text:level="2" style:num-format="a" style:num-prefix="(" style:num-suffix=")"/><text:list-level-style-number text:level="3" style:num-format="i" style:num-suffix="." text:display-levels="3"/></text:list-style><text:list-style style:name="B"><text:list-level-style-bullet text:level="1" text:bullet-char="&#xF0B7;"/></text:list-style></office:document-styles>"#)
            .expect("styles");
        let mut w = ListWalker::new(styles);
        let tag = |xml: &'static str| {
            let mut r = LimitedXml::new(xml, FORMAT);
            match r.next_node() {
                Ok(Some(Node::Open { tag, .. })) => tag.into_owned(),
                other => panic!("{other:?}"),
            }
        };
        let list = tag(r#"<text:list text:style-name="L1"/>"#);
        let inner = tag("<text:list/>");
        let item = tag("<text:list-item/>");
        let mut labels = Vec::new();
        w.open_list(&list);
        w.open_item(&item, false);
        labels.push(w.paragraph());
        labels.push(w.paragraph()); // second paragraph of the same item: no label
        w.open_item(&item, false);
        labels.push(w.paragraph());
        w.open_list(&inner);
        w.open_item(&item, false);
        labels.push(w.paragraph());
        w.open_list(&inner);
        w.open_item(&item, false);
        labels.push(w.paragraph());
        w.close_list();
        w.close_list();
        w.open_item(&item, false);
        labels.push(w.paragraph());
        w.close_list();
        // A new list restarts; a bullet list from a Symbol font gets a plain bullet.
        w.open_list(&list);
        w.open_item(&item, false);
        labels.push(w.paragraph());
        w.close_list();
        w.open_list(&tag(r#"<text:list text:style-name="B"/>"#));
        w.open_item(&item, false);
        labels.push(w.paragraph());
        let want = [
            Some("1."),
            None,
            Some("2."),
            Some("(a)"),
            Some("2.a.i."),
            Some("3."),
            Some("1."),
            Some("•"),
        ];
        assert_eq!(labels, want.map(|l| l.map(str::to_owned)));
    }
}
