//! `.qdpx` → a new project: sources, codes, codings, users and the notes attached to codings.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, Utc};

use crate::model::{
    Annotation, AnnotationId, CharSpan, CodeId, Codebook, Coder, CoderId, DocDate, DocId, DocKind,
    Document, DocumentMeta, Project, ProjectMeta, ProjectParts, slug,
};

use super::archive::{Archive, MAX_SOURCE_BYTES, MAX_XML_BYTES};
use super::codes::{CodeMap, read_codes};
use super::text::prepare;
use super::xml::Element;
use super::{RefiError, Report, guid_key, utf8, xml};

/// Id of the coder given to codings that name no known user.
const UNKNOWN_CODER: &str = "imported";

struct Reader<'a> {
    archive: Archive,
    codes: CodeMap,
    coders: HashMap<String, CoderId>,
    extra_coders: Vec<Coder>,
    default_coder: Option<CoderId>,
    /// The coder for codings that name no known user, added only if needed.
    unknown: CoderId,
    notes: HashMap<String, String>,
    used_notes: BTreeSet<String>,
    variables: HashMap<String, String>,
    doc_ids: BTreeSet<String>,
    now: DateTime<Utc>,
    report: &'a mut Report,
}

fn time(text: Option<&str>) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text?.trim())
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// The archive entry an internal path names, or why it cannot be read.
fn entry_for(archive: &Archive, path: &str) -> Result<(String, bool), String> {
    let (name, conformant) = match path.split_once("://") {
        Some(("internal", name)) => (name, true),
        Some((scheme, _)) => return Err(format!("{scheme}:// files lie outside the archive")),
        None => (path, false),
    };
    if name.is_empty()
        || name.contains(['/', '\\', ':'])
        || name.contains("..")
        || name.starts_with('.')
    {
        return Err(format!("unsafe or empty file name {name:?}"));
    }
    archive
        .find(&format!("sources/{name}"))
        .map(|e| (e.to_owned(), conformant))
        .ok_or_else(|| format!("sources/{name} is missing from the archive"))
}

impl Reader<'_> {
    fn coder_of(&mut self, guid: Option<&str>) -> CoderId {
        if let Some(id) = guid.and_then(|g| self.coders.get(&guid_key(g))) {
            return id.clone();
        }
        if let Some(id) = &self.default_coder {
            return id.clone();
        }
        let id = self.unknown.clone();
        self.extra_coders.push(Coder {
            id: id.clone(),
            name: "Imported (no user named)".to_owned(),
        });
        self.default_coder = Some(id.clone());
        id
    }

    fn read_entry(&mut self, path: &str, what: &str) -> Option<String> {
        let entry = match entry_for(&self.archive, path) {
            Ok((entry, conformant)) => {
                if !conformant {
                    self.report.warn(format!(
                        "{what}: path {path:?} has no internal:// scheme; read from {entry}"
                    ));
                }
                entry
            }
            Err(why) => {
                self.report.lost(format!("{what}: {why}"));
                return None;
            }
        };
        match self.archive.read(&entry, MAX_SOURCE_BYTES) {
            Ok(bytes) => {
                let text = String::from_utf8(bytes).ok();
                if text.is_none() {
                    self.report
                        .lost(format!("{what}: {entry} is not UTF-8 text"));
                }
                text
            }
            Err(e) => {
                self.report.lost(format!("{what}: {e}"));
                None
            }
        }
    }

    fn note_text(&self, refs: &[&Element]) -> Vec<String> {
        refs.iter()
            .filter_map(|r| {
                self.notes
                    .get(&guid_key(r.attr("targetGUID").unwrap_or_default()))
            })
            .cloned()
            .collect()
    }

    fn mark_notes(&mut self, refs: &[&Element]) {
        for r in refs {
            self.used_notes
                .insert(guid_key(r.attr("targetGUID").unwrap_or_default()));
        }
    }

    fn meta(&self, source: &Element, title: String) -> DocumentMeta {
        let mut meta = DocumentMeta {
            title,
            ..DocumentMeta::default()
        };
        for value in source.children_named("VariableValue") {
            let Some(name) = value
                .child("VariableRef")
                .and_then(|r| r.attr("targetGUID"))
                .and_then(|g| self.variables.get(&guid_key(g)))
            else {
                continue;
            };
            let Some(text) = value
                .children
                .iter()
                .find(|c| c.name.ends_with("Value"))
                .map(|c| c.text.trim().to_owned())
            else {
                continue;
            };
            let field = match name.as_str() {
                "language" => &mut meta.language,
                "author" => &mut meta.author,
                "institution" => &mut meta.institution,
                "origin" => &mut meta.origin,
                "date" if DocDate::parse(&text).is_ok() => {
                    meta.date = DocDate::parse(&text).ok();
                    continue;
                }
                "kind" if DocKind::parse(&text).is_some() => {
                    meta.kind = DocKind::parse(&text);
                    continue;
                }
                other => {
                    let key = other
                        .strip_prefix(crate::export::ATTRIBUTE_PREFIX)
                        .unwrap_or(other);
                    meta.attributes.insert(key.to_owned(), text);
                    continue;
                }
            };
            *field = Some(text);
        }
        meta
    }

    /// A text source (or a PDF's plain-text representation) → a document and its annotations.
    #[expect(
        clippy::too_many_lines,
        reason = "one pass over a source: text, selections, codings, notes"
    )]
    fn text_source(
        &mut self,
        source: &Element,
        title: &str,
        annotations: &mut Vec<Annotation>,
    ) -> Option<Document> {
        let what = format!("source {title:?}");
        let raw = if let Some(content) = source.child("PlainTextContent") {
            content.text.clone()
        } else if let Some(path) = source.attr("plainTextPath") {
            self.read_entry(path, &what)?
        } else {
            self.report
                .lost(format!("{what}: no plain text (only rich text or none)"));
            return None;
        };
        let prepared = prepare(&raw);
        if prepared.text.trim().is_empty() {
            self.report.lost(format!("{what}: its plain text is empty"));
            return None;
        }
        if prepared.changed {
            self.report.warn(format!(
                "{what}: line ends, composed accents or a BOM were normalised; positions were mapped"
            ));
        }
        let base = DocId::from_name(title).map_or_else(|| "document".to_owned(), |d| d.to_string());
        let mut id = base.clone();
        let mut n = 2;
        while self.doc_ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.doc_ids.insert(id.clone());
        let doc_id = DocId::new(&id).ok()?;
        let meta = self.meta(source, title.to_owned());
        let doc = match Document::new(doc_id.clone(), meta, prepared.text.clone()) {
            Ok(d) => d,
            Err(e) => {
                self.report.lost(format!("{what}: {e}"));
                return None;
            }
        };
        let len = prepared.original_len();
        for sel in source.children_named("PlainTextSelection") {
            let label = sel
                .attr("name")
                .unwrap_or("")
                .chars()
                .take(40)
                .collect::<String>();
            let pos = |k: &str| sel.attr(k).and_then(|v| v.trim().parse::<usize>().ok());
            let (Some(start), Some(end)) = (pos("startPosition"), pos("endPosition")) else {
                self.report.lost(format!(
                    "{what}: selection {label:?} has no valid positions"
                ));
                continue;
            };
            let mapped = prepared
                .span(start, end)
                .filter(|(s, e)| start < end && s < e);
            let Some((s, e)) = mapped else {
                self.report.lost(format!(
                    "{what}: selection {label:?} at {start}–{end} lies outside the text ({len} characters) or is empty"
                ));
                continue;
            };
            let Ok(span) = CharSpan::new(s, e) else {
                continue;
            };
            let mut refs: Vec<&Element> = sel.children_named("NoteRef").collect();
            let mut by_coder: BTreeMap<CoderId, (BTreeSet<CodeId>, Option<DateTime<Utc>>)> =
                BTreeMap::new();
            for coding in sel.children_named("Coding") {
                refs.extend(coding.children_named("NoteRef"));
                let target = coding
                    .child("CodeRef")
                    .and_then(|r| r.attr("targetGUID"))
                    .map(guid_key)
                    .unwrap_or_default();
                let Some(code) = self.codes.by_guid.get(&target).cloned() else {
                    self.report.lost(format!(
                        "{what}: a coding of selection {label:?} refers to no codable code ({target})"
                    ));
                    continue;
                };
                let coder = self.coder_of(coding.attr("creatingUser").or(sel.attr("creatingUser")));
                let at = time(coding.attr("creationDateTime"));
                let entry = by_coder.entry(coder).or_default();
                entry.0.insert(code);
                entry.1 = entry.1.or(at);
            }
            if by_coder.is_empty() {
                self.report
                    .lost(format!("{what}: selection {label:?} carries no code"));
                continue;
            }
            let mut memo_parts = self.note_text(&refs);
            self.mark_notes(&refs);
            if let Some(d) = sel
                .child("Description")
                .map(|d| d.text.trim())
                .filter(|d| !d.is_empty())
            {
                memo_parts.insert(0, d.to_owned());
            }
            let memo = memo_parts.join("\n\n");
            let sel_created = time(sel.attr("creationDateTime"));
            let sel_modified = time(sel.attr("modifiedDateTime"));
            let guid = guid_key(sel.attr("guid").unwrap_or_default());
            for (n, (coder, (codes, at))) in by_coder.into_iter().enumerate() {
                let created = at.or(sel_created).unwrap_or(self.now);
                let id = if n == 0 {
                    guid.clone()
                } else {
                    format!("{guid}-{n}")
                };
                let id = AnnotationId::new(&id).unwrap_or_else(|_| AnnotationId::random());
                let Ok(ann) = Annotation::new(
                    id,
                    doc_id.clone(),
                    span,
                    codes,
                    coder,
                    memo.clone(),
                    created,
                ) else {
                    continue;
                };
                let modified = sel_modified.filter(|m| *m >= created).unwrap_or(created);
                if let Ok(ann) = ann.with_modified(modified) {
                    annotations.push(ann);
                }
            }
        }
        let whole: Vec<&Element> = source.children_named("Coding").collect();
        if !whole.is_empty()
            && let Ok(span) = CharSpan::new(0, doc.char_len())
        {
            {
                for coding in whole {
                    let target = coding
                        .child("CodeRef")
                        .and_then(|r| r.attr("targetGUID"))
                        .map(guid_key)
                        .unwrap_or_default();
                    let Some(code) = self.codes.by_guid.get(&target).cloned() else {
                        continue;
                    };
                    let coder = self.coder_of(coding.attr("creatingUser"));
                    let created = time(coding.attr("creationDateTime")).unwrap_or(self.now);
                    let id = AnnotationId::new(guid_key(coding.attr("guid").unwrap_or_default()))
                        .unwrap_or_else(|_| AnnotationId::random());
                    if let Ok(ann) = Annotation::new(
                        id,
                        doc_id.clone(),
                        span,
                        BTreeSet::from([code]),
                        coder,
                        "",
                        created,
                    ) {
                        annotations.push(ann);
                    }
                }
                self.report.warn(format!(
                    "{what}: codings of the whole source became annotations over the whole text"
                ));
            }
        }
        let source_notes = source.children_named("NoteRef").count();
        if source_notes > 0 {
            self.report.lost(format!(
                "{what}: {source_notes} note(s) attached to the source itself"
            ));
        }
        Some(doc)
    }
}

/// Reads a `.qdpx` archive into a new project. `fallback_name` names the project when the file
/// does not; `now` dates what the file leaves undated.
#[expect(
    clippy::too_many_lines,
    reason = "reads the project's parts in the schema's order"
)]
pub fn import_qdpx(
    bytes: Vec<u8>,
    fallback_name: &str,
    now: DateTime<Utc>,
) -> Result<(Project, Report), RefiError> {
    let mut archive = Archive::new(bytes)?;
    let mut report = Report::default();
    let qde = if let Some(name) = archive.find("project.qde") {
        name.to_owned()
    } else {
        {
            let others: Vec<&String> = archive
                .names()
                .iter()
                .filter(|n| !n.contains('/') && n.to_ascii_lowercase().ends_with(".qde"))
                .collect();
            match others.as_slice() {
                [one] => {
                    report.warn(format!("the project file is named {one}, not project.qde"));
                    (*one).clone()
                }
                _ => return Err(RefiError::NoProject),
            }
        }
    };
    let root = xml::parse(&utf8(archive.read(&qde, MAX_XML_BYTES)?)?)?;
    if root.name != "Project" {
        return Err(RefiError::WrongRoot {
            found: root.name,
            expected: "Project",
        });
    }
    if root.attr("xmlns") != Some(crate::export::PROJECT_NS) {
        report.warn(format!(
            "namespace {:?} is not {}",
            root.attr("xmlns").unwrap_or(""),
            crate::export::PROJECT_NS
        ));
    }
    let meta = ProjectMeta {
        name: root
            .attr("name")
            .map_or_else(|| fallback_name.to_owned(), str::to_owned),
        description: root
            .child("Description")
            .map(|d| d.text.trim().to_owned())
            .unwrap_or_default(),
        created: time(root.attr("creationDateTime")).unwrap_or(now),
    };

    let mut coders = Vec::new();
    let mut coder_map = HashMap::new();
    let mut coder_ids = BTreeSet::new();
    for user in root.items("Users", "User") {
        let name = user
            .attr("name")
            .or(user.attr("id"))
            .unwrap_or("user")
            .trim()
            .to_owned();
        let base = slug(&name);
        let base = if base.is_empty() {
            "user".to_owned()
        } else {
            base
        };
        let mut id = base.clone();
        let mut n = 2;
        while coder_ids.contains(&id) || id == UNKNOWN_CODER {
            id = format!("{base}-{n}");
            n += 1;
        }
        let Ok(coder_id) = CoderId::new(&id) else {
            continue;
        };
        coder_ids.insert(id);
        coder_map.insert(
            guid_key(user.attr("guid").unwrap_or_default()),
            coder_id.clone(),
        );
        coders.push(Coder {
            id: coder_id,
            name: if name.is_empty() {
                "user".to_owned()
            } else {
                name
            },
        });
    }
    let default_coder = root
        .attr("creatingUserGUID")
        .and_then(|g| coder_map.get(&guid_key(g)))
        .cloned();

    let code_tree = root
        .child("CodeBook")
        .and_then(|b| b.child("Codes"))
        .map(|c| read_codes(c, &Codebook::default(), "Imported codes", &mut report))
        .unwrap_or_default();

    let mut reader = Reader {
        archive,
        codes: code_tree,
        coders: coder_map,
        extra_coders: Vec::new(),
        default_coder,
        unknown: CoderId::new(UNKNOWN_CODER).map_err(|e| RefiError::Model(e.to_string()))?,
        notes: HashMap::new(),
        used_notes: BTreeSet::new(),
        variables: root
            .items("Variables", "Variable")
            .filter_map(|v| Some((guid_key(v.attr("guid")?), v.attr("name")?.to_owned())))
            .collect(),
        doc_ids: BTreeSet::new(),
        now,
        report: &mut report,
    };
    for note in root.items("Notes", "Note") {
        let key = guid_key(note.attr("guid").unwrap_or_default());
        let what = format!("note {:?}", note.attr("name").unwrap_or(""));
        let text = match (note.child("PlainTextContent"), note.attr("plainTextPath")) {
            (Some(c), _) => Some(c.text.trim().to_owned()),
            (None, Some(path)) => reader.read_entry(path, &what).map(|t| t.trim().to_owned()),
            (None, None) => None,
        };
        if let Some(text) = text {
            reader.notes.insert(key, text);
        }
    }

    let mut documents = Vec::new();
    let mut annotations = Vec::new();
    for (n, source) in root
        .child("Sources")
        .map(|s| s.children.as_slice())
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        let title = source
            .attr("name")
            .map_or_else(|| format!("Source {}", n + 1), str::to_owned);
        match source.name.as_str() {
            "TextSource" => {
                if let Some(doc) = reader.text_source(source, &title, &mut annotations) {
                    documents.push(doc);
                }
            }
            "PDFSource" => {
                let regions = source.children_named("PDFSelection").count();
                if regions > 0 {
                    reader.report.lost(format!(
                        "PDF {title:?}: {regions} region selection(s) on pages"
                    ));
                }
                match source.child("Representation") {
                    Some(rep) => {
                        if let Some(doc) = reader.text_source(rep, &title, &mut annotations) {
                            documents.push(doc);
                        }
                    }
                    None => reader
                        .report
                        .lost(format!("PDF {title:?}: no plain-text representation")),
                }
            }
            "PictureSource" => reader
                .report
                .lost(format!("picture {title:?} and its selections")),
            "AudioSource" => reader
                .report
                .lost(format!("audio {title:?}, its transcripts and selections")),
            "VideoSource" => reader
                .report
                .lost(format!("video {title:?}, its transcripts and selections")),
            other => reader.report.lost(format!("unknown source kind <{other}>")),
        }
    }
    let unused = reader
        .notes
        .keys()
        .filter(|k| !reader.used_notes.contains(*k))
        .count();
    if unused > 0 {
        reader.report.lost(format!(
            "{unused} note(s) not attached to a coded selection (project, source or code memos)"
        ));
    }
    for (wrapper, item, what) in [
        ("Cases", "Case", "case(s)"),
        ("Sets", "Set", "set(s)"),
        ("Links", "Link", "link(s)"),
        ("Graphs", "Graph", "graph(s)"),
    ] {
        let count = root.items(wrapper, item).count();
        if count > 0 {
            reader.report.lost(format!("{count} {what}"));
        }
    }
    let imported_codes = reader.codes;
    coders.extend(reader.extra_coders);
    let codebook = Codebook::new(imported_codes.groups.clone(), imported_codes.codes.clone())
        .map_err(|e| RefiError::Model(e.to_string()))?;
    report.documents = documents.len();
    report.codes = imported_codes.codes.len();
    report.groups = imported_codes.groups.len();
    report.coders = coders.len();
    report.annotations = annotations.len();
    let parts = ProjectParts {
        meta,
        coders,
        codebook,
        documents,
        annotations: annotations
            .into_iter()
            .map(|a| (a, None::<Cow<'_, str>>))
            .collect(),
    };
    let project = Project::from_parts(parts).map_err(|problems| {
        RefiError::Model(
            problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; "),
        )
    })?;
    Ok((project, report))
}
