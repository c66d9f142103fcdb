//! The document metadata form: title, date (validated as YYYY, YYYY-MM or YYYY-MM-DD, the error
//! shown inline and OK disabled), language, author or speaker, institution, kind, origin and
//! free attributes (key/value rows). OK applies one `Action::SetDocumentMeta` (one undo step);
//! Cancel discards the form.

use std::collections::BTreeMap;

use egui::{Context, Id, Ui};

use crate::edit::Action;
use crate::model::{DocDate, DocId, DocKind, Document, DocumentMeta};
use crate::ui::command::{ImportCommand, UiCommand};
use crate::ui::context::Cx;
use crate::ui::i18n::Tr;

/// The form's fields, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetadataForm {
    pub doc: DocId,
    pub title: String,
    pub date: String,
    pub language: String,
    pub author: String,
    pub institution: String,
    pub kind: Option<DocKind>,
    pub origin: String,
    /// Attribute rows (name, value); rows left blank are dropped.
    pub attributes: Vec<(String, String)>,
    /// Why the project refused the last OK (the form stays open with it).
    pub refused: Option<String>,
}

/// Why the form cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormError {
    EmptyTitle,
    BadDate,
    /// An attribute has a value but no name.
    UnnamedAttribute,
    /// Two attributes have this name.
    DuplicateAttribute(String),
}

impl FormError {
    fn message(&self, t: &Tr) -> String {
        match self {
            Self::EmptyTitle => t.empty_title.to_owned(),
            Self::BadDate => t.bad_date.to_owned(),
            Self::UnnamedAttribute => t.unnamed_attribute.to_owned(),
            Self::DuplicateAttribute(name) => format!("{} {name}", t.duplicate_attribute),
        }
    }
}

impl MetadataForm {
    /// The form filled from a document.
    #[must_use]
    pub fn new(doc: &Document) -> Self {
        let meta = doc.meta();
        Self {
            doc: doc.id().clone(),
            title: meta.title.clone(),
            date: meta.date.map(|d| d.to_string()).unwrap_or_default(),
            language: meta.language.clone().unwrap_or_default(),
            author: meta.author.clone().unwrap_or_default(),
            institution: meta.institution.clone().unwrap_or_default(),
            kind: meta.kind,
            origin: meta.origin.clone().unwrap_or_default(),
            attributes: meta
                .attributes
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            refused: None,
        }
    }

    /// The date as typed, if it is valid or empty.
    pub fn date(&self) -> Result<Option<DocDate>, FormError> {
        let date = self.date.trim();
        if date.is_empty() {
            return Ok(None);
        }
        DocDate::parse(date)
            .map(Some)
            .map_err(|_| FormError::BadDate)
    }

    /// The metadata the form describes, or the first thing to fix.
    pub fn meta(&self) -> Result<DocumentMeta, FormError> {
        let title = self.title.trim();
        if title.is_empty() {
            return Err(FormError::EmptyTitle);
        }
        let date = self.date()?;
        let mut attributes = BTreeMap::new();
        for (key, value) in &self.attributes {
            let (key, value) = (key.trim(), value.trim());
            if key.is_empty() {
                if value.is_empty() {
                    continue;
                }
                return Err(FormError::UnnamedAttribute);
            }
            if attributes
                .insert(key.to_owned(), value.to_owned())
                .is_some()
            {
                return Err(FormError::DuplicateAttribute(key.to_owned()));
            }
        }
        let opt = |s: &str| {
            let s = s.trim();
            (!s.is_empty()).then(|| s.to_owned())
        };
        Ok(DocumentMeta {
            title: title.to_owned(),
            language: opt(&self.language),
            date,
            author: opt(&self.author),
            institution: opt(&self.institution),
            kind: self.kind,
            origin: opt(&self.origin),
            attributes,
        })
    }
}

/// The name of a kind in the interface language.
#[must_use]
pub fn kind_label(t: &Tr, kind: Option<DocKind>) -> &'static str {
    match kind {
        None => t.kind_none,
        Some(DocKind::Question) => t.kind_question,
        Some(DocKind::Answer) => t.kind_answer,
        Some(DocKind::Speech) => t.kind_speech,
        Some(DocKind::Article) => t.kind_article,
        Some(DocKind::Declaration) => t.kind_declaration,
        Some(DocKind::Report) => t.kind_report,
        Some(DocKind::Resolution) => t.kind_resolution,
        Some(DocKind::Other) => t.kind_other,
    }
}

impl MetadataForm {
    /// Draws the form; OK asks for its edit, Cancel or the close button for closing it.
    pub(super) fn show(&mut self, ctx: &Context, cx: &Cx<'_>, cmds: &mut Vec<UiCommand>) {
        let t = cx.tr();
        let mut open = true;
        let mut done = None;
        egui::Window::new(t.metadata_title)
            .id(Id::unique("metadata-form"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_width(460.0)
            // Pinned by its top edge, so that an error line appearing below a field does not
            // move the fields under the pointer.
            .pivot(egui::Align2::CENTER_TOP)
            .default_pos(ctx.content_rect().center_top() + egui::vec2(0.0, 120.0))
            .show(ctx, |ui| {
                ui.weak(self.doc.as_str());
                done = fields(ui, t, self);
            });
        match done {
            Some(Answer::Ok(action)) => {
                // OK on an unchanged form closes it without an empty undo step.
                let unchanged = match action.as_ref() {
                    Action::SetDocumentMeta { id, meta } => cx
                        .project()
                        .and_then(|p| p.document(id))
                        .is_some_and(|d| d.meta() == meta),
                    _ => false,
                };
                cmds.push(UiCommand::Import(if unchanged {
                    ImportCommand::CloseMetadata
                } else {
                    ImportCommand::SaveMetadata(action)
                }));
            }
            Some(Answer::Cancel) => cmds.push(UiCommand::Import(ImportCommand::CloseMetadata)),
            None if !open => cmds.push(UiCommand::Import(ImportCommand::CloseMetadata)),
            None => {}
        }
    }
}

/// Width of the text fields of the form.
const FIELD_WIDTH: f32 = 300.0;
/// Widths of the attribute name and value fields.
const KEY_WIDTH: f32 = 150.0;
const VALUE_WIDTH: f32 = 240.0;

/// How the user left the form.
enum Answer {
    Ok(Box<Action>),
    Cancel,
}

/// The fields and the buttons; the answer once OK or Cancel was clicked.
fn fields(ui: &mut Ui, t: &Tr, form: &mut MetadataForm) -> Option<Answer> {
    let date_error = form.date().err();
    egui::Grid::new("metadata-grid")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let line = |ui: &mut Ui, label: &str, value: &mut String, hint: &str| {
                let l = ui.label(label);
                ui.add(
                    egui::TextEdit::singleline(value)
                        .desired_width(FIELD_WIDTH)
                        .hint_text(hint),
                )
                .labelled_by(l.id);
                ui.end_row();
            };
            line(ui, t.title, &mut form.title, "");
            line(ui, t.date, &mut form.date, t.date_hint);
            if let Some(e) = &date_error {
                ui.label("");
                // Wrapped at the field's width, so the window does not grow sideways.
                ui.scope(|ui| {
                    ui.set_max_width(FIELD_WIDTH);
                    ui.add(
                        egui::Label::new(
                            egui::RichText::new(e.message(t)).color(ui.visuals().error_fg_color),
                        )
                        .wrap(),
                    );
                });
                ui.end_row();
            }
            line(ui, t.language_code, &mut form.language, "fr, en…");
            line(ui, t.author, &mut form.author, "");
            line(ui, t.institution, &mut form.institution, "");
            let kind_label_id = ui.label(t.kind).id;
            egui::ComboBox::from_id_salt("metadata-kind")
                .selected_text(kind_label(t, form.kind))
                .width(FIELD_WIDTH)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut form.kind, None, kind_label(t, None));
                    for kind in DocKind::ALL {
                        ui.selectable_value(&mut form.kind, Some(kind), kind_label(t, Some(kind)));
                    }
                })
                .response
                .labelled_by(kind_label_id);
            ui.end_row();
            line(ui, t.origin, &mut form.origin, "");
        });
    ui.add_space(6.0);
    ui.strong(t.attributes);
    attributes(ui, t, &mut form.attributes);
    let result = form.meta();
    if let Err(e) = &result
        && *e != FormError::BadDate
    {
        ui.colored_label(ui.visuals().error_fg_color, e.message(t));
    }
    if let Some(refused) = &form.refused {
        ui.colored_label(ui.visuals().error_fg_color, refused);
    }
    ui.separator();
    let mut answer = None;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(result.is_ok(), egui::Button::new(t.ok))
            .clicked()
            && let Ok(meta) = &result
        {
            answer = Some(Answer::Ok(Box::new(Action::SetDocumentMeta {
                id: form.doc.clone(),
                meta: meta.clone(),
            })));
        }
        if ui.button(t.cancel).clicked() {
            answer = Some(Answer::Cancel);
        }
    });
    answer
}

/// The attribute rows: name, value, Remove; and Add an attribute.
fn attributes(ui: &mut Ui, t: &Tr, rows: &mut Vec<(String, String)>) {
    let mut remove = None;
    // Rows rather than a grid: text fields in grid cells shrink to the cell's first width.
    let (name, value) = ui
        .horizontal(|ui| {
            let name = ui.add_sized(
                [KEY_WIDTH, 18.0],
                egui::Label::new(egui::RichText::new(t.attribute_name).weak()),
            );
            let value = ui.add_sized(
                [VALUE_WIDTH, 18.0],
                egui::Label::new(egui::RichText::new(t.attribute_value).weak()),
            );
            (name.id, value.id)
        })
        .inner;
    for (i, (k, v)) in rows.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            ui.add(
                egui::TextEdit::singleline(k)
                    .id_salt(("attr-key", i))
                    .desired_width(KEY_WIDTH),
            )
            .labelled_by(name);
            ui.add(
                egui::TextEdit::singleline(v)
                    .id_salt(("attr-value", i))
                    .desired_width(VALUE_WIDTH),
            )
            .labelled_by(value);
            if ui.button(t.remove_attribute).clicked() {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        rows.remove(i);
    }
    if ui.button(t.add_attribute).clicked() {
        rows.push((String::new(), String::new()));
    }
}
