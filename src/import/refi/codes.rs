//! REFI-QDA codes → Normcoder groups and codes (shared by `.qdpx` and `.qdc` imports).
//!
//! A top-level folder code (`isCodable="false"` with children) becomes a code group — the way
//! Normcoder's own export writes groups — and every other top-level code goes into one group for
//! the import. Nesting below becomes `parent`. A code that the target codebook already holds (same
//! GUID as Normcoder would export for it, or same English label in the same group) is reused, not
//! duplicated, so that importing one's own codebook twice changes nothing.

use std::collections::{BTreeSet, HashMap};

use crate::export::{code_guid, group_guid};
use crate::model::{Code, CodeGroup, CodeId, Codebook, Colour, GroupId, Localized, slug};

use super::xml::Element;
use super::{Report, guid_key};

/// Colours for codes that arrive without one (ATLAS.ti exports none).
const PALETTE: [&str; 10] = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac",
];

/// What a codebook import yields.
#[derive(Debug, Default)]
pub struct CodeMap {
    /// Groups to add, in order.
    pub groups: Vec<CodeGroup>,
    /// Codes to add, parents before children.
    pub codes: Vec<Code>,
    /// Every codable code by GUID key, new or reused.
    pub by_guid: HashMap<String, CodeId>,
    /// Codes reused from the target codebook.
    pub reused: usize,
}

struct Builder<'a> {
    existing: &'a Codebook,
    map: CodeMap,
    code_ids: BTreeSet<String>,
    group_ids: BTreeSet<String>,
    fallback: Option<GroupId>,
    fallback_label: &'a str,
    folders_as_codes: usize,
}

fn unique(base: &str, fallback: &str, taken: &mut BTreeSet<String>) -> String {
    let base = if base.is_empty() {
        fallback.to_owned()
    } else {
        base.to_owned()
    };
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

/// `#rgb` or `#rrggbb`, either case.
fn colour(text: Option<&str>) -> Option<Colour> {
    let text = text?.trim();
    let hex = text.strip_prefix('#')?;
    if hex.len() == 3 {
        let long: String = hex.chars().flat_map(|c| [c, c]).collect();
        return Colour::parse(&format!("#{long}")).ok();
    }
    Colour::parse(text).ok()
}

impl Builder<'_> {
    fn group_for_folder(&mut self, el: &Element) -> Option<GroupId> {
        let name = el.attr("name").unwrap_or_default().trim();
        let key = guid_key(el.attr("guid").unwrap_or_default());
        if let Some(g) = self
            .existing
            .groups()
            .iter()
            .find(|g| group_guid(&g.id) == key || (!name.is_empty() && g.label.en == name))
        {
            return Some(g.id.clone());
        }
        let id = unique(&slug(name), "group", &mut self.group_ids);
        let id = GroupId::new(id).ok()?;
        self.map.groups.push(CodeGroup {
            id: id.clone(),
            label: Localized::en(if name.is_empty() {
                "Imported group"
            } else {
                name
            }),
            source: el
                .child("Description")
                .map(|d| d.text.trim().to_owned())
                .unwrap_or_default(),
            missing_translations: vec!["fr".to_owned()],
        });
        Some(id)
    }

    fn fallback_group(&mut self) -> Option<GroupId> {
        if self.fallback.is_none() {
            let id = unique("imported", "imported", &mut self.group_ids);
            let id = GroupId::new(id).ok()?;
            self.map.groups.push(CodeGroup {
                id: id.clone(),
                label: Localized::en(self.fallback_label),
                source: String::new(),
                missing_translations: vec!["fr".to_owned()],
            });
            self.fallback = Some(id);
        }
        self.fallback.clone()
    }

    fn code(
        &mut self,
        el: &Element,
        group: &GroupId,
        parent: Option<&CodeId>,
        report: &mut Report,
    ) {
        let name = el.attr("name").unwrap_or_default().trim();
        let key = guid_key(el.attr("guid").unwrap_or_default());
        if el.attr("isCodable") == Some("false") {
            self.folders_as_codes += 1;
        }
        let reused = self.existing.codes().iter().find(|c| {
            code_guid(&c.id) == key || (!name.is_empty() && c.label.en == name && &c.group == group)
        });
        let id = if let Some(code) = reused {
            self.map.reused += 1;
            code.id.clone()
        } else {
            let Ok(id) = CodeId::new(unique(&slug(name), "code", &mut self.code_ids)) else {
                report.lost(format!("code {name:?}: no usable id"));
                return;
            };
            let n = self.map.codes.len() + self.existing.codes().len();
            let colour = colour(el.attr("color"))
                .or_else(|| Colour::parse(PALETTE[n % PALETTE.len()]).ok())
                .unwrap_or(Colour {
                    r: 128,
                    g: 128,
                    b: 128,
                });
            self.map.codes.push(Code {
                id: id.clone(),
                group: group.clone(),
                label: Localized::en(if name.is_empty() { id.as_str() } else { name }),
                definition: Localized::en(
                    el.child("Description")
                        .map(|d| d.text.trim().to_owned())
                        .unwrap_or_default(),
                ),
                source_text: None,
                colour,
                shortcut: None,
                parent: parent.cloned(),
                aliases: Vec::new(),
            });
            id
        };
        if !key.is_empty() {
            self.map.by_guid.insert(key, id.clone());
        }
        if el.children_named("NoteRef").next().is_some() {
            report.lost(format!("notes attached to code {name:?}"));
        }
        for child in el.children_named("Code") {
            self.code(child, group, Some(&id), report);
        }
    }
}

/// Reads a `Codes` element against the codebook it will join.
pub fn read_codes(
    codes: &Element,
    existing: &Codebook,
    fallback_label: &str,
    report: &mut Report,
) -> CodeMap {
    let mut b = Builder {
        existing,
        map: CodeMap::default(),
        code_ids: existing.codes().iter().map(|c| c.id.to_string()).collect(),
        group_ids: existing.groups().iter().map(|g| g.id.to_string()).collect(),
        fallback: None,
        fallback_label,
        folders_as_codes: 0,
    };
    for top in codes.children_named("Code") {
        let is_folder =
            top.attr("isCodable") == Some("false") && top.children_named("Code").next().is_some();
        if is_folder {
            if let Some(group) = b.group_for_folder(top) {
                for child in top.children_named("Code") {
                    b.code(child, &group, None, report);
                }
            }
        } else if let Some(group) = b.fallback_group() {
            b.code(top, &group, None, report);
        }
    }
    if b.folders_as_codes > 0 {
        report.warn(format!(
            "{} folder code(s) (isCodable=\"false\") below the top level became ordinary codes",
            b.folders_as_codes
        ));
    }
    if b.map.reused > 0 {
        report.warn(format!(
            "{} code(s) already in the codebook were reused, not duplicated",
            b.map.reused
        ));
    }
    b.map
}
